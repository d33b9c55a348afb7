// The editor's messages outside the form: the status line and the standing
// notices about the draft.
export const $ = (id) => document.getElementById(id);

/** Says what just happened, in the status line. */
export function status(text) {
  $("status").textContent = text;
}

/** A standing message about the draft: it stays until what it says is resolved (`null` clears it). */
export function notice(id, text) {
  $(id).textContent = text ?? "";
  $(id).hidden = text === null;
}
