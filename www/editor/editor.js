// The price sheet editor: a clinic's sheet edited with forms, checked by the
// engine (`validateClinic`, in the staff view's worker, so a large sheet
// never holds the page) as staff type, each problem shown next to the
// field its path names. The sheet is the page's whole state: it is kept as
// the draft in localStorage after every change (draft.js), saved and
// opened as JSON, and a CSV price list can set its prices and add fees
// (pricelist.js).
// One level of undo: the sheet before the last change.
//
// Nothing replaces the sheet before it is checked: an opened file, the
// draft, another tab's draft and an imported price list must have the
// shape the form draws (sheet-shape.js) and pass through the engine's
// check first, and each replacement is one change Undo takes back. Long
// lists are drawn a page at a time, so a sheet at every bound stays quick.
//
// The modules, in the order data flows: sheet-state.js holds the sheet;
// sheet-sections.js, form-fields.js, paged-lists.js and lazy-boxes.js draw
// it (form-drawing.js draws the whole form) and problems-shown.js shows
// each problem at its field (code-warnings.js each item a Good Faith
// Estimate needs a service code for); form-input.js turns what staff do into
// changes (changes.js), which keep the draft (draft-sync.js) and ask the
// engine (engine-check.js); sheet-files.js brings whole sheets in and out,
// a price list previewed first (import-preview.js).
import { state } from "./sheet-state.js";
import { client, check } from "./engine-check.js";
import { render } from "./form-drawing.js";
import { onClick, onFocus, onInput } from "./form-input.js";
import { undoLast } from "./changes.js";
import { startFromDraft, watchDraft } from "./draft-sync.js";
import { wireFiles } from "./sheet-files.js";
import { $, status } from "./page-messages.js";

async function main() {
  const form = $("sheet-form");
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", onInput);
  form.addEventListener("click", onClick);
  form.addEventListener("focusin", onFocus);
  wireFiles();
  $("undo").addEventListener("click", undoLast);
  watchDraft();

  $("version").textContent = (await client.ask("start", {})).version;
  if (!(await startFromDraft())) state.problems = (await check()).problems;
  render();
  document.body.dataset.checking = "false";
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  status(`The engine could not start: ${err.message}`);
});
