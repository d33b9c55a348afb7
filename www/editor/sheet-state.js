// The editor's state: the sheet is the page's whole state, with what the
// engine last said of it and the one level of undo. The form is drawn from
// it (form-drawing.js) and what staff type changes it (form-input.js);
// nothing else holds a copy.
import { getAt, setAt } from "./sheet-paths.js";

/** A new sheet: what the form starts from (every required field still to fill in). */
export const blank = () => ({ currency: "USD", closedWeekdays: ["sat", "sun"], treatments: [{ phases: [{ every: { weeks: 1 } }] }] });

/** What "add" puts in each list. */
export const TEMPLATES = {
  treatments: () => ({ phases: [{ every: { weeks: 1 } }] }),
  phases: () => ({ every: { weeks: 1 } }),
  fees: () => ({ when: "once" }),
  packages: () => ({}),
  discounts: () => ({}),
  providers: () => ({}),
  payers: () => ({ network: "in", allowed: [] }),
  allowed: () => ({}),
};

export const state = {
  sheet: blank(),
  unit: null, // the sheet's currency as the engine counts it
  undo: null, // the sheet (JSON) before the last change
  before: null, // the sheet when the focused field was entered: a field's edit is one change
  problems: [], // the engine's, from the last check
  local: new Map(), // path → the page's message for text that is not a value at all
};

/** The value at `path` in the sheet. */
export const get = (path) => getAt(state.sheet, path);
/** Writes `value` at `path` in the sheet (`undefined` removes it). */
export const set = (path, value) => setAt(state.sheet, path, value);
