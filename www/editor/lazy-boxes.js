// Boxes drawn when opened (a treatment, a payer's allowed amounts): a sheet
// may have 50 treatments of 70 priced items each, so only the open ones are
// drawn. Which boxes staff opened outlives a drawing.
import { showProblems } from "./problems-shown.js";
import { view } from "./form-fields.js";

/** The boxes staff opened (treatments, payers' allowed amounts; their paths): drawn again open. */
export const opened = new Set();

/**
 * Draws the fields of the box `el` (a `details` for `path`) with `draw`
 * when it is opened, or when a problem is shown in it (`undrawn`); it is
 * drawn at once when `first` or when staff opened it before.
 */
export function lazy(el, path, draw, first) {
  const once = (forProblem = false) => {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "true";
    view.undrawn.delete(path);
    el.open = true;
    // Drawn for a problem, it is not drawn again by the next render unless staff open it.
    (forProblem ? view.drawnForProblems : opened).add(path);
    draw();
  };
  el.addEventListener("toggle", () => {
    if (!el.open) {
      opened.delete(path);
      view.drawnForProblems.delete(path);
    } else if (!el.dataset.drawn) {
      once();
      showProblems();
    } else if (!view.drawnForProblems.has(path)) opened.add(path);
  });
  view.undrawn.set(path, () => once(true));
  if (first || opened.has(path)) once();
}
