// The problems, each shown at the field or box that can fix it: the
// engine's (from the last check) and the page's own (text that is not a
// value), in the error lines of the form as drawn. A problem inside a box
// not drawn yet has the box drawn first (a few a drawing); one inside an
// entry on another page of its list is shown at the list; any other is
// listed with its path under the summary.
import { h, fill } from "../shared/dom.js";
import { up } from "./sheet-paths.js";
import { state } from "./sheet-state.js";
import { view } from "./form-fields.js";
import { PAGE, pagedAway } from "./paged-lists.js";
import { showCodeWarnings } from "./code-warnings.js";

const $ = (id) => document.getElementById(id);

/**
 * The field or box that can fix a problem at `path`: the path itself, or
 * the nearest one above it. A treatment (or a payer's allowed amounts) not
 * drawn yet is drawn first, so the problem lands at its field.
 */
export const lazyBox = (path) => /^(treatments\[\d+\]|payers\[\d+\]\.allowed)/.exec(path)?.[0];
export function slotFor(path) {
  const box = lazyBox(path);
  if (box && view.undrawn.has(box)) view.undrawn.get(box)();
  for (let p = path; ; p = up(p)) {
    if (view.slots.has(p)) return view.slots.get(p);
    if (p === "") return null;
  }
}

/** How many closed boxes are drawn to show their problems at their fields (each render starts again). */
const DRAWN_FOR_PROBLEMS = 5;

export function showProblems() {
  for (const el of view.lit) {
    if (el.classList.contains("error")) el.textContent = "";
    else el.removeAttribute("aria-invalid");
  }
  view.lit = [];
  const mine = [...state.local].map(([path, message]) => ({ path, message }));
  const all = [...mine, ...state.problems.filter((p) => !state.local.has(p.path))];
  const loose = [];
  for (const p of all) {
    // A few closed boxes are drawn to show their problems at their fields; past them (a sheet with
    // problems in every treatment would draw them all), a problem is listed with its path, until its box is opened.
    const box = p.path === "" ? null : lazyBox(p.path);
    if (box && view.undrawn.has(box) && view.drawnForProblems.size >= DRAWN_FOR_PROBLEMS) {
      loose.push(p);
      continue;
    }
    const direct = p.path === "" ? null : slotFor(p.path);
    // A problem with an entry of another page is shown at its list, with the entry's number and page.
    const away = p.path === "" ? null : pagedAway(p.path);
    const target = away ? slotFor(away.list) : direct;
    const message = away ? `${away.noun} ${away.j + 1} (page ${Math.floor(away.j / PAGE) + 1}): ${p.message}` : p.message;
    if (!target?.error) {
      loose.push(p);
      continue;
    }
    if (target.input) {
      target.input.setAttribute("aria-invalid", "true");
      view.lit.push(target.input);
    }
    target.error.textContent = target.error.textContent ? `${target.error.textContent} ${message}` : message;
    view.lit.push(target.error);
    target.error.closest("details")?.setAttribute("open", "");
  }
  const n = all.length;
  const title = $("summary-title");
  title.className = n === 0 ? "ok" : "error";
  title.textContent = n === 0 ? "The sheet is valid: the staff view can quote from it." : `${n} problem${n === 1 ? "" : "s"}, each shown at its field${loose.length ? "; these have none:" : "."}`;
  fill($("loose"), loose.map((p) => h("li", {}, p.path ? h("code", {}, p.path) : null, p.path ? ": " : "", p.message)));
  showCodeWarnings();
}
