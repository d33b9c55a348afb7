// The paged lists: every list but the treatments is drawn a page at a
// time, with buttons to turn the page, so a sheet at every bound stays
// quick to draw. Which page each list shows outlives a drawing.
import { h } from "../shared/dom.js";
import { get } from "./sheet-state.js";
import { slot, view } from "./form-fields.js";

/**
 * Entries of a list drawn at once: every list but the treatments (drawn
 * when opened) is drawn a page at a time, so a sheet at every bound (50
 * fees, 50 packages, 1,000 allowed amounts a payer) draws a few hundred
 * fields, not eighty thousand.
 */
export const PAGE = 10;
/** A list's path → the page shown (0 first); staff turn it, and adding an entry shows its page. */
export const pages = new Map();
/** The entries of the paged list at `path` drawn now: `[from, to)`. */
export function pageOf(path, n) {
  const last = Math.max(0, Math.ceil(n / PAGE) - 1);
  const page = Math.min(pages.get(path) ?? 0, last);
  return { page, last, from: page * PAGE, to: Math.min(n, (page + 1) * PAGE) };
}

/**
 * The entries of the list at `path`, each drawn by `draw(itemPath, item, i)`,
 * and an "add" button: one page of entries, with buttons to turn the page
 * when there are more.
 */
export function list(path, what, draw) {
  const stored = get(path);
  const items = Array.isArray(stored) ? stored : [];
  const error = h("p", { class: "error" });
  view.paged.set(path, what.replace(/^an? /, "").replace(/^./, (c) => c.toUpperCase()));
  const { page, last, from, to } = pageOf(path, items.length);
  const drawn = [];
  for (let i = from; i < to; i++) drawn.push(draw(`${path}[${i}]`, items[i], i));
  const turn = (label, to, off) => h("button", { type: "button", "data-action": "page", "data-target": path, "data-page": to, disabled: off }, label);
  const pager = last > 0
    ? h("div", { class: "pager actions" }, turn("Previous page", page - 1, page === 0),
      h("span", { role: "status" }, `${from + 1}–${to} of ${items.length.toLocaleString("en-US")}`), turn("Next page", page + 1, page === last))
    : null;
  const el = h("div", { class: "list", "data-slot": path }, error, pager, drawn,
    h("button", { type: "button", "data-action": "add", "data-target": path }, `Add ${what}`));
  slot(path, el, error);
  return el;
}

/** For a path inside an entry of a list drawn, not on the page shown: the list's path, the entry's index and what it is called. */
export function pagedAway(path) {
  for (const m of path.matchAll(/\[(\d+)\]/g)) {
    const list = path.slice(0, m.index);
    if (!view.paged.has(list)) continue;
    const stored = get(list);
    const { from, to } = pageOf(list, Array.isArray(stored) ? stored.length : 0);
    const j = Number(m[1]);
    if (j < from || j >= to) return { list, j, noun: view.paged.get(list) };
  }
  return null;
}
