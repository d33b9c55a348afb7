// The items a Good Faith Estimate cannot list in full: each phase, fee and
// package (the dear-end course's too) without a service code (CPT/HCPCS)
// is named at its Code field and under the summary. A warning, not a
// problem: the sheet still saves and quotes, but a GFE lists every item
// with its code, so staff learn which codes to add before printing one.
import { h, fill } from "../shared/dom.js";
import { state } from "./sheet-state.js";
import { view } from "./form-fields.js";

const KINDS = [["phases", "phase"], ["fees", "fee"], ["packages", "package"]];
/** How many items the summary names before it counts the rest. */
const NAMED = 10;

const blank = (code) => code === undefined || code === null || (typeof code === "string" && code.trim() === "");

/** Every priced item of `sheet` without a code: `[{ path, treatment, name, kind, high }]`, in the sheet's order. */
export function itemsWithoutCode(sheet) {
  const out = [];
  const treatments = Array.isArray(sheet?.treatments) ? sheet.treatments : [];
  treatments.forEach((t, i) => {
    if (t === null || typeof t !== "object") return;
    for (const [course, high] of [[t, false], [t.high, true]]) {
      if (course === null || typeof course !== "object") continue;
      for (const [list, kind] of KINDS) {
        (Array.isArray(course[list]) ? course[list] : []).forEach((item, j) => {
          if (item === null || typeof item !== "object" || !blank(item.code)) return;
          out.push({ path: `treatments[${i}]${high ? ".high" : ""}.${list}[${j}]`, treatment: t.name || t.id || `Treatment ${i + 1}`, name: item.name || `${kind} ${j + 1}`, kind, high });
        });
      }
    }
  });
  return out;
}

const $ = (id) => document.getElementById(id);

/** Shows each item without a code at its Code field (when drawn) and lists them under the summary. */
export function showCodeWarnings() {
  for (const el of view.warned) el.textContent = "";
  view.warned = [];
  const missing = itemsWithoutCode(state.sheet);
  for (const m of missing) {
    const warn = view.slots.get(`${m.path}.code`)?.warn;
    if (!warn) continue;
    warn.textContent = "No service code: a Good Faith Estimate lists each item with its code, so add this one before printing one.";
    view.warned.push(warn);
  }
  $("codes").hidden = missing.length === 0;
  const n = missing.length;
  $("codes-title").textContent = n === 0 ? "" : `${n} item${n === 1 ? " has" : "s have"} no service code (CPT/HCPCS); add ${n === 1 ? "it" : "them"} before printing a Good Faith Estimate (the sheet still saves and quotes):`;
  fill($("codes-missing"), missing.slice(0, NAMED).map((m) => h("li", {}, `${m.treatment}: the ${m.kind} "${m.name}"${m.high ? " of the dear-end course" : ""}`)),
    n > NAMED ? h("li", {}, `and ${n - NAMED} more`) : null);
}
