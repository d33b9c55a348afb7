// The page's whole state lives in the URL fragment (#…), so a link reopens
// the same estimate and nothing is ever sent to a server (browsers do not
// send fragments). Links are untrusted input: anything malformed, oversized
// or of the wrong type is dropped field by field, never executed or shown as
// markup.
import { MAX_NAME_CHARS } from "./limits.js";

/** Form fields kept in the link, with their kind. */
export const FIELDS = {
  treatment: "id", label: "text", start: "text", months: "text", price: "text", induction: "text",
  interval: "text", fee: "text", "pkg-sessions": "text", "pkg-price": "text", pay: "pay",
  deductible: "text", "deductible-met": "text", coinsurance: "text", copay: "text", "oop-max": "text",
  "oop-met": "text", "year-start": "text", "cover-sessions": "bool", "cover-fees": "bool",
  "assist-on": "bool", "assist-at-most": "text", "assist-max": "text", "fin-on": "bool",
  "fin-months": "text", "fin-apr": "text", "fin-down": "text", compare: "ids",
};

const MAX_FRAGMENT = 4000;
/** The longest text field is the estimate's name. */
const MAX_TEXT = MAX_NAME_CHARS;

/** The state as a fragment: `#` + URL-encoded `key=value` pairs. */
export function toFragment(state) {
  const params = new URLSearchParams();
  for (const [key, kind] of Object.entries(FIELDS)) {
    const v = state[key];
    if (v === undefined || v === "" || v === false) continue;
    params.set(key, kind === "ids" ? v.join(",") : kind === "bool" ? "1" : String(v));
  }
  return `#${params}`;
}

/**
 * The state a fragment describes; unknown, malformed or oversized parts are
 * ignored, and treatments other than the catalogue's `ids`.
 */
export function fromFragment(hash, ids) {
  const state = {};
  if (typeof hash !== "string" || hash.length < 2 || hash.length > MAX_FRAGMENT) return state;
  let params;
  try {
    params = new URLSearchParams(hash.slice(1));
  } catch {
    return state;
  }
  for (const [key, kind] of Object.entries(FIELDS)) {
    const v = params.get(key);
    if (v === null) continue;
    if (kind === "bool") state[key] = v === "1";
    else if (kind === "pay") state[key] = v === "insured" ? "insured" : "self";
    else if (kind === "id") state[key] = ids.includes(v) ? v : undefined;
    else if (kind === "ids") state[key] = ids.filter((id) => v.split(",").includes(id)); // each at most once
    else state[key] = v.slice(0, MAX_TEXT);
  }
  return state;
}
