// What the sheet editor needs of a sheet before it takes one in (an opened
// file, the draft, another tab's draft, an imported price list): the lists
// it draws as boxes are lists of objects no longer than the engine's
// bounds, and the parts it draws as groups of fields are objects. Anything
// else wrong is the engine's to report at its field; a sheet of the wrong
// shape could not be drawn at all (or would take minutes to), so it is
// refused before it replaces anything. Plain JavaScript: Node tests use it.
import {
  MAX_APPLIES_TO_ENTRIES, MAX_CLOSED_DATES, MAX_DIAGNOSIS_CODES, MAX_DISCOUNTS, MAX_FEES, MAX_PACKAGES,
  MAX_PAYERS, MAX_PAYER_RATES, MAX_PHASES, MAX_PROVIDERS, MAX_SEPARATE_ITEMS, MAX_TREATMENTS, MAX_WEEKDAY_ENTRIES,
} from "../shared/limits.js";
import { readJson } from "../shared/json-text.js";

/** The largest JSON file the editor opens, in bytes: the largest valid sheet is a few megabytes. */
export const MAX_SHEET_BYTES = 16_000_000;

/** Keys a path built from a sheet may never hold: writing through them changes every object on the page. */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : typeof v === "string" ? "text" : `a ${typeof v}`);
const own = (o, k) => (Object.hasOwn(o, k) ? o[k] : undefined);
const count = (n) => n.toLocaleString("en-US");

/**
 * The first reasons (at most `max`, eight by default) the editor cannot draw
 * `sheet`, each `{ path, message }`; `[]` when it can.
 */
export function shapeProblems(sheet, max = 8) {
  const out = [];
  const fail = (path, message) => {
    if (out.length < max) out.push({ path, message });
  };
  if (!isObject(sheet)) {
    fail("", `a price sheet is a JSON object, not ${kindOf(sheet)}`);
    return out;
  }
  /** An object at `path` (or absent). */
  const object = (o, key, path) => {
    const v = own(o, key);
    if (v !== undefined && !isObject(v)) fail(path, `must be an object, not ${kindOf(v)}`);
    return isObject(v) ? v : null;
  };
  /** A list (or absent) of at most `bound` entries; `objects`: each an object. */
  const list = (o, key, path, bound, name, objects) => {
    const v = own(o, key);
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(path, `must be a list, not ${kindOf(v)}`);
      return [];
    }
    if (v.length > bound) {
      fail(path, `has ${count(v.length)} entries; a sheet may have at most ${count(bound)} (${name})`);
      return [];
    }
    if (!objects) return v;
    const bad = v.findIndex((x) => !isObject(x));
    if (bad >= 0) {
      fail(`${path}[${bad}]`, `must be an object, not ${kindOf(v[bad])}`);
      return [];
    }
    return v;
  };
  const course = (c, path) => {
    list(c, "phases", `${path}.phases`, MAX_PHASES, "MAX_PHASES", true).forEach((p, j) => {
      const at = `${path}.phases[${j}]`;
      const every = object(p, "every", `${at}.every`);
      if (every) list(every, "weekdays", `${at}.every.weekdays`, MAX_WEEKDAY_ENTRIES, "MAX_WEEKDAY_ENTRIES", false);
      object(p, "startAfter", `${at}.startAfter`);
    });
    list(c, "fees", `${path}.fees`, MAX_FEES, "MAX_FEES", true);
    list(c, "packages", `${path}.packages`, MAX_PACKAGES, "MAX_PACKAGES", true);
    list(c, "discounts", `${path}.discounts`, MAX_DISCOUNTS, "MAX_DISCOUNTS", true).forEach((d, j) =>
      list(d, "appliesTo", `${path}.discounts[${j}].appliesTo`, MAX_APPLIES_TO_ENTRIES, "MAX_APPLIES_TO_ENTRIES", false));
  };

  object(sheet, "address", "address");
  list(sheet, "closedWeekdays", "closedWeekdays", MAX_WEEKDAY_ENTRIES, "MAX_WEEKDAY_ENTRIES", false);
  list(sheet, "holidays", "holidays", MAX_CLOSED_DATES, "MAX_CLOSED_DATES", false);
  list(sheet, "providers", "providers", MAX_PROVIDERS, "MAX_PROVIDERS", true).forEach((p, i) => object(p, "address", `providers[${i}].address`));
  list(sheet, "treatments", "treatments", MAX_TREATMENTS, "MAX_TREATMENTS", true).forEach((t, i) => {
    const at = `treatments[${i}]`;
    list(t, "diagnosisCodes", `${at}.diagnosisCodes`, MAX_DIAGNOSIS_CODES, "MAX_DIAGNOSIS_CODES", false);
    list(t, "scheduledSeparately", `${at}.scheduledSeparately`, MAX_SEPARATE_ITEMS, "MAX_SEPARATE_ITEMS", false);
    object(t, "horizon", `${at}.horizon`);
    course(t, at);
    const high = object(t, "high", `${at}.high`);
    if (high) course(high, `${at}.high`);
  });
  list(sheet, "payers", "payers", MAX_PAYERS, "MAX_PAYERS", true).forEach((p, i) =>
    list(p, "allowed", `payers[${i}].allowed`, MAX_PAYER_RATES, "MAX_PAYER_RATES", true));
  return out;
}

/**
 * A sheet from JSON `text`: `{ sheet }`, or `{ error }` saying why the
 * editor cannot take it (not JSON, or the wrong shape, each reason with
 * its path).
 */
export function sheetFrom(text) {
  const read = readJson(text);
  if (read.error) return { error: `it is ${read.error}` };
  const sheet = read.value;
  const bad = shapeProblems(sheet, 3);
  if (bad.length) return { error: `it is not a price sheet the editor can show: ${bad.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join("; ")}` };
  return { sheet };
}
