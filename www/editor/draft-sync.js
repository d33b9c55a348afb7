// The draft: the sheet kept in this browser's storage after every change
// (draft.js holds the store and its versions), the draft this page starts
// from, and another tab's draft shown here when that tab writes it. Work
// that storage refuses is never lost without a word.
import { DRAFT_KEY, draftVersion, readDraft, setAside, storageRefused, writeDraft } from "../shared/draft.js";
import { state } from "./sheet-state.js";
import { admit } from "./engine-check.js";
import { render } from "./form-drawing.js";
import { $, notice, status } from "./page-messages.js";

let seen = 0; // the draft's version this tab last read or wrote
let unkept = false; // whether the sheet on screen is not in storage (storage refused it)
let guarded = false; // the draft in storage could not be read nor moved aside: it is not written over

/** Keeps the sheet as the draft; `keep` keeps the stored draft as the previous one (a wholesale replacement). */
export function keepDraft({ keep = false } = {}) {
  if (guarded) {
    unkept = true;
    return;
  }
  const written = writeDraft(JSON.stringify(state.sheet), { seen, keep });
  unkept = written.error !== null;
  if (unkept) {
    notice("storage-warning", `Not kept: ${written.error}. Your changes are only on this page until it can be kept: save the sheet as JSON before closing it.`);
    return;
  }
  seen = written.version;
  notice("storage-warning", null);
  if (written.overwrote) notice("draft-notice", "Another tab changed the draft at the same time; this tab's sheet is the draft now, and the other tab's is kept as the previous draft (Open the previous draft brings it back).");
}

/** Another tab wrote the draft: this tab shows it (Undo brings back what this tab had), or says why it cannot. */
async function otherTab(text) {
  if (text === null || text === JSON.stringify(state.sheet)) {
    seen = draftVersion();
    return;
  }
  const admitted = await admit(text);
  if (admitted.error) {
    notice("draft-notice", `Another tab wrote a draft this tab cannot show (${admitted.error}); this tab's sheet is unchanged and its next change is kept as the draft.`);
    return;
  }
  seen = draftVersion();
  state.undo = JSON.stringify(state.sheet);
  state.before = null;
  state.sheet = admitted.sheet;
  state.problems = admitted.problems;
  state.local.clear();
  render();
  $("undo").disabled = false;
  notice("draft-notice", "Another tab changed the draft: this tab shows its sheet now. Undo brings back what this tab had (and keeps it as the draft again).");
}

/** The draft this browser kept, when the editor can show it; an unreadable one is moved aside and staff are told. */
export async function startFromDraft() {
  const refused = storageRefused();
  if (refused) notice("storage-warning", `Not kept: ${refused}. Your changes are only on this page: save the sheet as JSON before closing it.`);
  seen = draftVersion();
  const draft = readDraft();
  if (draft === null) return false;
  const admitted = await admit(draft);
  if (!admitted.error) {
    state.sheet = admitted.sheet;
    state.problems = admitted.problems;
    status("Your draft, as this browser kept it.");
    return true;
  }
  const aside = setAside(draft);
  if (aside.key) {
    notice("draft-notice", `The draft in this browser could not be read (${admitted.error}). It is kept, untouched, under the storage key ${aside.key}; this is a new sheet.`);
  } else {
    guarded = true;
    notice("draft-notice", `The draft in this browser could not be read (${admitted.error}), and could not be moved aside (${aside.error}). It is kept under ${DRAFT_KEY} and this page does not write over it: save your work as JSON.`);
  }
  return false;
}

/** Listens for another tab's draft, and asks before closing a page whose work storage refused. */
export function watchDraft() {
  // Another tab's draft: shown here too (the storage event comes to every other tab of the page).
  window.addEventListener("storage", (e) => {
    if (e.key === DRAFT_KEY && e.storageArea === localStorage) otherTab(e.newValue);
  });
  // Work that is only on the page (storage refused it) is not closed without a question.
  window.addEventListener("beforeunload", (e) => {
    if (!unkept) return;
    e.preventDefault();
    e.returnValue = "";
  });
}
