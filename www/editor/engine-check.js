// The engine's check of the sheet, in the staff view's worker: one check
// at a time, the newest sheet waiting, a little after the last change; and
// the check a sheet from outside (a file, a draft, a price list) passes
// before it replaces anything.
import { engineClient } from "../shared/engine-client.js";
import { sheetFrom } from "./sheet-shape.js";
import { state } from "./sheet-state.js";
import { render } from "./form-drawing.js";
import { showProblems } from "./problems-shown.js";

// The built site is flat: the worker's module sits beside the editor's.
const worker = new Worker(new URL("quote-worker.js", import.meta.url), { type: "module" });
export const client = engineClient(worker);

/** The engine's problems with `of` (the sheet now, by default), and its currency's minor units. */
export async function check(of = state.sheet) {
  const answer = await client.ask("check", { sheet: of });
  const before = state.unit;
  if (answer.unit) state.unit = answer.unit;
  return { problems: answer.problems, redraw: Boolean(answer.unit) && (answer.unit.currency !== before?.currency || answer.unit.minorUnits !== before?.minorUnits) };
}

let timer = null, checking = false, again = false, wanted = 0;
/** Checks the sheet shortly after the last change; `body[data-checking]` says whether a check is still due. */
export function validateSoon() {
  wanted += 1;
  document.body.dataset.checking = "true";
  clearTimeout(timer);
  timer = setTimeout(runCheck, 150);
}

async function runCheck() {
  if (checking) {
    again = true;
    return;
  }
  checking = true;
  const asked = wanted;
  try {
    const answer = await check();
    state.problems = answer.problems;
    if (answer.redraw) render();
    else showProblems();
  } finally {
    checking = false;
    if (again) {
      again = false;
      runCheck();
    } else if (asked === wanted) document.body.dataset.checking = "false";
  }
}

/**
 * A sheet from `text` the editor can take, checked by the engine before
 * anything is replaced: `{ sheet, problems }`, or `{ error }`.
 */
export async function admit(text) {
  const read = sheetFrom(text);
  if (read.error) return read;
  try {
    return { sheet: read.sheet, problems: (await check(read.sheet)).problems };
  } catch (err) {
    return { error: `the engine could not check it (${err.message})` };
  }
}
