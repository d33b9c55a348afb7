// The page's whole state lives in the URL fragment (#…), so a link reopens
// the same estimate and nothing is ever sent to a server (browsers do not
// send fragments). Only what the visitor set is kept; every other field
// shows its default. Links are untrusted input: anything malformed,
// oversized or of the wrong type is dropped field by field, never executed
// or shown as markup.
import { MAX_NAME_CHARS } from "../shared/limits.js";
import { FORM } from "./form.js";

/** The choices a radio group or select may hold (form.js). */
const CHOICES = Object.fromEntries(Object.entries(FORM).filter(([, f]) => f.choices).map(([k, f]) => [k, f.choices]));

/** Form fields kept in the link, with their kind: the treatment, the language and every field of form.js. */
export const FIELDS = { treatment: "id", lang: "lang", ...Object.fromEntries(Object.entries(FORM).map(([k, f]) => [k, f.link])) };

const MAX_FRAGMENT = 4000;
/** The longest text field is the estimate's name. */
const MAX_TEXT = MAX_NAME_CHARS;

/**
 * A price per treatment, `id:price;id:price`, as the comparison's fields
 * give it: each price is a field of its own, so each is held to the text
 * bound, not the whole list (one bound for all dropped every price past the
 * first few). Treatments other than `ids`, and repeats, are dropped.
 */
function prices(v, ids) {
  const seen = new Set();
  const kept = [];
  for (const entry of v.split(";")) {
    const [id, price, ...rest] = entry.split(":");
    if (rest.length > 0 || price === undefined || !ids.includes(id) || seen.has(id)) continue;
    seen.add(id);
    kept.push(`${id}:${price.slice(0, MAX_TEXT)}`);
  }
  return kept.join(";");
}

/** The state as a fragment: `#` + URL-encoded `key=value` pairs of the fields set. */
export function toFragment(state) {
  const params = new URLSearchParams();
  for (const [key, kind] of Object.entries(FIELDS)) {
    const v = state[key];
    if (v === undefined || (key === "lang" && v !== "es")) continue;
    params.set(key, kind === "ids" || kind === "names" ? v.join(",") : kind === "bool" ? (v ? "1" : "0") : String(v));
  }
  return `#${params}`;
}

/**
 * The state a fragment describes; unknown, malformed or oversized parts are
 * ignored, and treatments and typical plans other than `ids` and `examples`.
 */
export function fromFragment(hash, ids, examples = []) {
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
    else if (kind === "choice") state[key] = CHOICES[key].includes(v) ? v : undefined;
    else if (kind === "lang") state[key] = v === "es" ? "es" : undefined;
    else if (kind === "id") state[key] = ids.includes(v) ? v : undefined;
    else if (kind === "example") state[key] = examples.includes(v) ? v : undefined;
    else if (kind === "ids") state[key] = ids.filter((id) => v.split(",").includes(id)); // each at most once
    else if (kind === "names") state[key] = v.split(",").map((x) => x.slice(0, MAX_TEXT)).slice(0, ids.length);
    else if (kind === "prices") state[key] = prices(v, ids);
    else state[key] = v.slice(0, MAX_TEXT);
  }
  for (const k of Object.keys(state)) if (state[k] === undefined) delete state[k];
  return state;
}
