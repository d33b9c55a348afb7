// The form as the page reads and writes it: each field by its kind in the
// link (state.js, from form.js), in the document. Input only: what a field
// holds is read here and written back here, and nothing else touches it.
import { FIELDS } from "./state.js";

const $ = (id) => document.getElementById(id);

/** The value of the checked radio button named `name`. */
export const radio = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
/** The values of the ticked boxes under `sel`. */
export const checks = (sel) => [...document.querySelectorAll(`${sel} input:checked`)].map((c) => c.value);

/** A field's value as the link keeps it. */
export function readField(key) {
  const kind = FIELDS[key];
  if (kind === "bool") return $(key).checked;
  if (kind === "choice" || kind === "example") return radio(key) ?? $(key)?.value;
  if (key === "compare") return checks("#compare-picks");
  if (key === "extras") return checks("#extras");
  if (key === "cprice") return [...document.querySelectorAll("#compare-picks input[data-id]")].filter((i) => i.value.trim()).map((i) => `${i.dataset.id}:${i.value.trim()}`).join(";");
  return $(key).value;
}

/** Writes `v` into a field. */
export function writeField(key, v) {
  const kind = FIELDS[key];
  if (kind === "bool") $(key).checked = Boolean(v);
  else if ($(key)?.tagName === "SELECT") $(key).value = v;
  else if (kind === "choice" || kind === "example") {
    for (const r of document.querySelectorAll(`input[name="${key}"]`)) r.checked = r.value === v;
  } else if (key === "compare" || key === "extras") {
    for (const c of document.querySelectorAll(key === "compare" ? "#compare-picks input" : "#extras input")) c.checked = v.includes(c.value);
  } else if (key === "cprice") {
    for (const [id, price] of String(v).split(";").map((x) => x.split(":"))) if ($(`cp-${id}`)) $(`cp-${id}`).value = price ?? "";
  } else if ($(key) && $(key).value !== v) $(key).value = v;
}
