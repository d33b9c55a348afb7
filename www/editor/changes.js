// Changes to the sheet: after each one the draft is kept, the form drawn
// again as needed and the sheet checked. One level of undo: the sheet
// before the last change (a field's edit, from entering it, is one change).
import { state } from "./sheet-state.js";
import { keepDraft } from "./draft-sync.js";
import { render } from "./form-drawing.js";
import { datalists } from "./sheet-sections.js";
import { validateSoon } from "./engine-check.js";
import { $, status } from "./page-messages.js";

/** After any change: keep the draft, check the sheet, offer undo. */
export function changed({ redraw = false, names = false, keep = false } = {}) {
  keepDraft({ keep });
  if (redraw) render();
  else if (names) $("datalists").replaceWith(datalists());
  validateSoon();
  $("undo").disabled = state.undo === null;
}

/** A change made by a button: the sheet before it is what undo brings back. */
export function change(fn, { keep = false } = {}) {
  const was = JSON.stringify(state.sheet);
  state.before = null;
  fn();
  state.undo = was;
  try {
    changed({ redraw: true, keep });
  } catch (err) {
    // A sheet the form cannot draw never stays: the one before it comes back.
    state.sheet = JSON.parse(was);
    state.undo = null;
    changed({ redraw: true });
    status(`That change could not be shown (${err.message}), so it was taken back.`);
  }
}

/** The first edit of a field since it was entered is a change of its own. */
export function editing() {
  if (state.before !== null) {
    state.undo = state.before;
    state.before = null;
  }
}

/** Undo: the sheet before the last change comes back (and Undo again redoes it). */
export function undoLast() {
  if (state.undo === null) return;
  const now = JSON.stringify(state.sheet);
  state.sheet = JSON.parse(state.undo);
  state.undo = now;
  state.before = null;
  state.local.clear();
  changed({ redraw: true });
  status("The last change is undone (Undo again redoes it).");
}
