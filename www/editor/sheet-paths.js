// Paths into a sheet: "treatments[0].phases[1].price" ↔ the value there.
// A path's keys come from the sheet (a field's own key, an unknown one the
// engine reports), so no key that reaches another object is followed:
// `__proto__`, `constructor` and `prototype` are refused, and only own
// properties are read. Plain JavaScript, no page: Node tests use it.
import { FORBIDDEN_KEYS } from "./sheet-shape.js";

/** A path's keys: "a.b[2]" → ["a", "b", 2]. */
export const keysOf = (path) => (path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
const safePath = (keys) => keys.every((k) => typeof k === "number" || !FORBIDDEN_KEYS.has(k));

/** The value at `path` in `sheet` (`undefined` when there is none, or the path is refused). */
export function getAt(sheet, path) {
  const keys = keysOf(path);
  if (!safePath(keys)) return undefined;
  let v = sheet;
  for (const k of keys) v = v !== null && typeof v === "object" && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}

/** Writes `value` at `path` in `sheet`, making the lists and objects on the way; `undefined` removes the key. */
export function setAt(sheet, path, value) {
  const keys = keysOf(path);
  if (keys.length === 0 || !safePath(keys)) throw new Error(`the editor does not write to "${path}"`);
  let o = sheet;
  keys.slice(0, -1).forEach((k, i) => {
    if (!Object.hasOwn(o, k) || o[k] === null || typeof o[k] !== "object") o[k] = typeof keys[i + 1] === "number" ? [] : {};
    o = o[k];
  });
  const last = keys.at(-1);
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/**
 * The path one step up: "a.b[2]" → "a.b", "a.b" → "a", "a[2]" → "a",
 * "a" → "". (An entry of a top-level list is inside the list: removing
 * "treatments[0]" removes it from "treatments", not from the sheet.)
 */
export const up = (path) => (/[.[]/.test(path) ? path.replace(/(\.[^.[\]]+|\[\d+\])$/, "") : "");
