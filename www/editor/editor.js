// The price sheet editor: a clinic's sheet edited with forms, checked by the
// engine (`validateClinic`, in the staff view's worker, so a large sheet
// never holds the page) as staff type, each problem shown next to the
// field its path names. The sheet is the page's whole state: it is kept as
// the draft in localStorage after every change (draft.js), saved and
// opened as JSON, and a CSV price list can set its prices (pricelist.js).
// One level of undo: the sheet before the last change.
//
// Nothing replaces the sheet before it is checked: an opened file, the
// draft, another tab's draft and an imported price list must have the
// shape the form draws (sheet-shape.js) and pass through the engine's
// check first, and each replacement is one change Undo takes back. Long
// lists are drawn a page at a time, so a sheet at every bound stays quick.
import { h, fill, download } from "../shared/dom.js";
import { money, whole, percent } from "../shared/fields.js";
import { plainAmount } from "../shared/format.js";
import { importPriceList, MAX_PRICE_LIST_BYTES } from "./pricelist.js";
import { DRAFT_KEY, draftVersion, readDraft, readPrevious, setAside, storageRefused, writeDraft } from "../shared/draft.js";
import { FORBIDDEN_KEYS, MAX_SHEET_BYTES, sheetFrom } from "./sheet-shape.js";
import { MAX_NAME_CHARS, MAX_CODE_CHARS, MAX_TEXT_CHARS } from "../shared/limits.js";

const $ = (id) => document.getElementById(id);
const WEEKDAYS = [["mon", "Mon"], ["tue", "Tue"], ["wed", "Wed"], ["thu", "Thu"], ["fri", "Fri"], ["sat", "Sat"], ["sun", "Sun"]];
const KINDS = [["session", "sessions"], ["package", "packages"], ["fee", "fees"]];
/** A new sheet: what the form starts from (every required field still to fill in). */
const blank = () => ({ currency: "USD", closedWeekdays: ["sat", "sun"], treatments: [{ phases: [{ every: { weeks: 1 } }] }] });
/** What "add" puts in each list. */
const TEMPLATES = {
  treatments: () => ({ phases: [{ every: { weeks: 1 } }] }),
  phases: () => ({ every: { weeks: 1 } }),
  fees: () => ({ when: "once" }),
  packages: () => ({}),
  discounts: () => ({}),
  providers: () => ({}),
  payers: () => ({ network: "in", allowed: [] }),
  allowed: () => ({}),
};

let sheet = blank();
let unit = null; // the sheet's currency as the engine counts it
let undo = null; // the sheet (JSON) before the last change
let before = null; // the sheet when the focused field was entered: a field's edit is one change
const local = new Map(); // path → the page's message for text that is not a value at all
let problems = [];
let slots = new Map(); // path → { input, error } of every field and box on the form
let uid = 0;
const opened = new Set(); // the boxes staff opened (treatments, payers' allowed amounts; their paths): drawn again open
let undrawn = new Map(); // the path of a box drawn when opened (a treatment, a payer's allowed amounts) → draws its fields
let lit = []; // the error lines and fields showing a problem now

// ---------------------------------------------------------------------------
// Paths: "treatments[0].phases[1].price" ↔ the sheet

// A path's keys come from the sheet (a field's own key, an unknown one the
// engine reports), so no key that reaches another object is followed:
// `__proto__`, `constructor` and `prototype` are refused, and only own
// properties are read.
const keysOf = (path) => (path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
const safePath = (keys) => keys.every((k) => typeof k === "number" || !FORBIDDEN_KEYS.has(k));
function get(path) {
  const keys = keysOf(path);
  if (!safePath(keys)) return undefined;
  let v = sheet;
  for (const k of keys) v = v !== null && typeof v === "object" && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}
function set(path, value) {
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
/** The path one step up: "a.b[2]" → "a.b", "a.b" → "a", "a" → "". */
const up = (path) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "").replace(/^[^.[\]]+$/, "");

// ---------------------------------------------------------------------------
// Fields: each input carries its path (`data-path`) and how to read it (`data-kind`)

/** Text for a field from the sheet's value. */
function shown(kind, v) {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v; // also what staff typed that is not a value yet
  if (kind === "amount" && Number.isSafeInteger(v)) return plainAmount(v, unit?.minorUnits ?? 2);
  const words = (x) => (typeof x === "string" ? x : JSON.stringify(x));
  if ((kind === "codes" || kind === "dates") && Array.isArray(v)) return v.map(words).join(", ");
  if (kind === "lines" && Array.isArray(v)) return v.map(words).join("\n");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v); // the engine says what is wrong with it, at this field
}

/** Reads a field into the sheet; returns the page's own message when its text is not a value. */
function read(el) {
  const { path, kind } = el.dataset;
  const text = el.value;
  const list = (sep) => text.split(sep).map((s) => s.trim()).filter(Boolean);
  const parsed = {
    text: () => ({ value: text === "" ? undefined : text }),
    amount: () => money(text, unit ?? { currency: "USD", minorUnits: 2 }),
    int: () => whole(text),
    percent: () => percent(text),
    codes: () => ({ value: list(",") }),
    dates: () => ({ value: list(/[\s,]+/) }),
    lines: () => ({ value: list("\n") }),
    select: () => ({ value: text === "" ? undefined : text }),
  }[kind]();
  if (parsed.error) {
    set(path, text); // the engine reports it too; the page's words are shown
    return parsed.error;
  }
  const empty = parsed.value === undefined || (Array.isArray(parsed.value) && parsed.value.length === 0);
  set(path, empty ? undefined : parsed.value);
  return null;
}

function slot(path, input, error) {
  slots.set(path, { input, error });
}

/** A labelled field for `path`. `kind` says how its text is read; `opts`: `hint`, `wide`, `list` (a datalist), `options` (a select's). */
function field(label, path, kind, opts = {}) {
  const id = `f${++uid}`;
  const attrs = { id, "data-path": path, "data-kind": kind, "aria-describedby": `${id}-error`, autocomplete: "off" };
  let input;
  if (kind === "select") {
    input = h("select", attrs, opts.options.map(([v, t]) => h("option", { value: v, selected: (get(path) ?? opts.default ?? "") === v }, t)));
  } else if (kind === "lines") {
    input = h("textarea", { ...attrs, rows: 2 });
    input.value = shown(kind, get(path));
  } else {
    input = h("input", { ...attrs, type: "text", list: opts.list, maxlength: opts.max, inputmode: ["amount", "int", "percent"].includes(kind) ? "decimal" : undefined, spellcheck: "false" });
    input.value = shown(kind, get(path));
  }
  const error = h("p", { class: "error", id: `${id}-error` });
  slot(path, input, error);
  return h("div", { class: opts.wide ? "field wide" : "field" }, h("label", { for: id }, label, opts.hint ? h("span", { class: "opt" }, ` (${opts.hint})`) : null), input, error);
}

/** A group of checkboxes for a list of keywords at `path` (`kind` says how an empty list is stored). */
function checks(label, path, options, kind) {
  const id = `f${++uid}`;
  const stored = get(path);
  const value = Array.isArray(stored) ? stored : stored === undefined && kind === "applies" ? options.map(([v]) => v) : [];
  const error = h("p", { class: "error", id: `${id}-error` });
  const group = h("fieldset", { class: "checks", "aria-describedby": `${id}-error` }, h("legend", {}, label),
    options.map(([v, t]) => h("label", { class: "check" }, h("input", { type: "checkbox", "data-path": path, "data-kind": kind, value: v, checked: value.includes(v) }), t)));
  slot(path, group, error);
  return h("div", { class: "field wide" }, group, error);
}

/** A yes/no field whose absence means `fallback`. */
function flag(label, path, fallback) {
  const id = `f${++uid}`;
  const error = h("p", { class: "error", id: `${id}-error` });
  const input = h("input", { type: "checkbox", id, "data-path": path, "data-kind": "flag", "data-default": String(fallback), checked: get(path) ?? fallback });
  slot(path, input, error);
  return h("div", { class: "field" }, h("label", { class: "check", for: id }, input, label), error);
}

/** A box for one entry of a list at `path`, with its title, a remove button and an error line of its own. */
function box(path, title, ...children) {
  const error = h("p", { class: "error" });
  const el = h("div", { class: "item", "data-slot": path },
    h("div", { class: "head" }, h("h4", {}, title), h("button", { type: "button", class: "remove", "data-action": "remove", "data-target": path }, "Remove")),
    error, ...children);
  slot(path, el, error);
  return el;
}

/**
 * Entries of a list drawn at once: every list but the treatments (drawn
 * when opened) is drawn a page at a time, so a sheet at every bound (50
 * fees, 50 packages, 1,000 allowed amounts a payer) draws a few hundred
 * fields, not eighty thousand.
 */
const PAGE = 10;
const pages = new Map(); // a list's path → the page shown (0 first)
let paged = new Map(); // the path of each list drawn → what one entry is called ("Allowed amount")
/** The entries of the paged list at `path` drawn now: `[from, to)`. */
function pageOf(path, n) {
  const last = Math.max(0, Math.ceil(n / PAGE) - 1);
  const page = Math.min(pages.get(path) ?? 0, last);
  return { page, last, from: page * PAGE, to: Math.min(n, (page + 1) * PAGE) };
}

/**
 * The entries of the list at `path`, each drawn by `draw(itemPath, item, i)`,
 * and an "add" button: one page of entries, with buttons to turn the page
 * when there are more.
 */
function list(path, what, draw) {
  const stored = get(path);
  const items = Array.isArray(stored) ? stored : [];
  const error = h("p", { class: "error" });
  paged.set(path, what.replace(/^an? /, "").replace(/^./, (c) => c.toUpperCase()));
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

const grid = (...children) => h("div", { class: "grid" }, ...children);

// ---------------------------------------------------------------------------
// Composite fields: one of several keys (every, length, start after, horizon)

/** A choice of one key of the object at `path` (`{ weeks: 2 }`), with the number it holds. */
function oneOf(label, path, options, { optional = false } = {}) {
  const value = get(path);
  // The first key the form knows (the engine reports any other at this field).
  const key = value && typeof value === "object" ? Object.keys(value).find((k) => options.some(([v]) => v === k)) ?? "" : "";
  const id = `f${++uid}`;
  const select = h("select", { id, "data-path": path, "data-kind": "one-of", "aria-label": `${label}: unit` },
    optional ? h("option", { value: "", selected: !key }, "default") : null,
    options.map(([v, t]) => h("option", { value: v, selected: key === v }, t)));
  const parts = [select];
  if (key === "weekdays") {
    parts.push(h("div", { class: "checks" }, WEEKDAYS.map(([v, t]) => h("label", { class: "check" },
      h("input", { type: "checkbox", "data-path": `${path}.weekdays`, "data-kind": "weekdays", value: v, checked: Array.isArray(value.weekdays) && value.weekdays.includes(v) }), t))));
  } else if (key) {
    const n = h("input", { type: "text", inputmode: "numeric", id: `${id}-n`, "data-path": `${path}.${key}`, "data-kind": "int", "aria-label": `${label}: how many ${key}`, autocomplete: "off" });
    n.value = shown("int", value[key]);
    parts.push(n);
    slot(`${path}.${key}`, n, null);
  }
  const error = h("p", { class: "error", id: `${id}-error` });
  slot(path, select, error);
  if (key) slots.get(`${path}.${key}`) && (slots.get(`${path}.${key}`).error = error);
  if (key === "weekdays") slot(`${path}.weekdays`, parts[1], error);
  return h("div", { class: "field" }, h("label", { for: id }, label), h("div", { class: "inline" }, ...parts), error);
}

/** A phase's length: a number of sessions, of weeks, or until the horizon ends. */
function length(path) {
  const phase = get(path);
  const key = phase.sessions !== undefined ? "sessions" : phase.weeks !== undefined ? "weeks" : "";
  const id = `f${++uid}`;
  const select = h("select", { id, "data-path": path, "data-kind": "length", "aria-label": "Length: unit" },
    [["sessions", "sessions"], ["weeks", "weeks"], ["", "until the end (open-ended)"]].map(([v, t]) => h("option", { value: v, selected: key === v }, t)));
  const parts = [select];
  const error = h("p", { class: "error", id: `${id}-error` });
  slot(`${path}.sessions`, select, error);
  slot(`${path}.weeks`, select, error);
  if (key) {
    const n = h("input", { type: "text", inputmode: "numeric", "data-path": `${path}.${key}`, "data-kind": "int", "aria-label": `Length: how many ${key}`, autocomplete: "off" });
    n.value = shown("int", phase[key]);
    parts.push(n);
    slot(`${path}.${key}`, n, error);
  }
  return h("div", { class: "field" }, h("label", { for: id }, "Length"), h("div", { class: "inline" }, ...parts), error);
}

// ---------------------------------------------------------------------------
// The sheet's sections

const PROVIDER_KEYS = "providers-list";

function address(path) {
  return [field("Street", `${path}.street`, "text", { wide: true, max: MAX_TEXT_CHARS }), field("City", `${path}.city`, "text", { max: MAX_NAME_CHARS }),
    field("State", `${path}.state`, "text", { max: MAX_NAME_CHARS }), field("Postal code", `${path}.postalCode`, "text")];
}

function identity(path) {
  const at = (k) => (path ? `${path}.${k}` : k);
  return [field("Name", at("name"), "text", { max: MAX_NAME_CHARS }), field("NPI", at("npi"), "text", { hint: "10 digits" }),
    field("TIN", at("tin"), "text", { hint: "12-3456789" }), field("Phone", at("phone"), "text", { hint: "optional" }),
    field("Taxonomy code", at("taxonomy"), "text", { hint: "optional, e.g. 2084P0800X" }), ...address(at("address"))];
}

function clinicSection() {
  const error = h("p", { class: "error" });
  const el = h("fieldset", { "data-slot": "" }, h("legend", {}, "Clinic"), error,
    grid(...identity(""), field("Currency", "currency", "text", { hint: "ISO 4217, e.g. USD" }),
      field("Quotes valid for", "quoteValidDays", "int", { hint: "days; default 30" }),
      checks("Closed on", "closedWeekdays", WEEKDAYS, "keywords"),
      field("Holidays", "holidays", "dates", { hint: "closed days, YYYY-MM-DD, separated by commas", wide: true })));
  slot("address", el, error);
  return el;
}

function providersSection() {
  return h("fieldset", {}, h("legend", {}, "Co-providers and co-facilities"),
    h("p", { class: "hint" }, "Other providers who bill part of a course, such as an anaesthesia group: a phase or fee names one by its id."),
    list("providers", "a co-provider", (path, p, i) => box(path, p.name || `Co-provider ${i + 1}`,
      grid(field("Id", `${path}.id`, "text", { max: MAX_NAME_CHARS, hint: "what phases and fees name it by" }),
        field("Kind", `${path}.kind`, "select", { options: [["organization", "organization"], ["practitioner", "practitioner (one person)"]] }),
        ...identity(path)))));
}

const treatmentList = (t) => `dl-t${t}`;

function phase(path, p, i, t) {
  return box(path, p.name || `Phase ${i + 1}`, grid(
    field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
    oneOf("Every", `${path}.every`, [["days", "days"], ["weeks", "weeks"], ["months", "months"], ["weekdays", "weekdays"]]),
    length(path),
    oneOf("Starts after the previous phase", `${path}.startAfter`, [["days", "days"], ["weeks", "weeks"], ["months", "months"]], { optional: true }),
    field("Price per session", `${path}.price`, "amount", { hint: unit?.currency }),
    field("Code", `${path}.code`, "text", { hint: "CPT/HCPCS", max: MAX_CODE_CHARS }),
    field("Allowed by insurers", `${path}.allowed`, "amount", { hint: "optional" }),
    field("Benefit", `${path}.benefit`, "select", { options: [["", "medical"], ["pharmacy", "pharmacy"]] }),
    field("Billed by", `${path}.provider`, "text", { hint: "a co-provider's id; blank: the clinic", list: PROVIDER_KEYS }),
    flag("Covered by insurance", `${path}.covered`, true)));
}

function fee(path, f, i, t) {
  return box(path, f.name || `Fee ${i + 1}`, grid(
    field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
    field("Amount", `${path}.amount`, "amount", { hint: unit?.currency }),
    field("Charged", `${path}.when`, "select", { options: [["once", "once"], ["session", "every session"], ["month", "every month"]] }),
    field("Phase", `${path}.phase`, "text", { hint: "optional: only with this phase", list: `${treatmentList(t)}-phases` }),
    field("Code", `${path}.code`, "text", { hint: "CPT/HCPCS", max: MAX_CODE_CHARS }),
    field("Allowed by insurers", `${path}.allowed`, "amount", { hint: "optional" }),
    field("Benefit", `${path}.benefit`, "select", { options: [["", "medical"], ["pharmacy", "pharmacy"]] }),
    field("Billed by", `${path}.provider`, "text", { hint: "a co-provider's id; blank: the clinic", list: PROVIDER_KEYS }),
    flag("Covered by insurance", `${path}.covered`, true)));
}

function pkg(path, p, i, t) {
  return box(path, p.name || `Package ${i + 1}`, grid(
    field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
    field("Phase", `${path}.phase`, "text", { list: `${treatmentList(t)}-phases` }),
    field("Sessions", `${path}.sessions`, "int"),
    field("Price", `${path}.price`, "amount", { hint: unit?.currency }),
    field("Code", `${path}.code`, "text", { hint: "optional", max: MAX_CODE_CHARS })));
}

function discount(path, d, i) {
  return box(path, d.name || `Discount ${i + 1}`, grid(
    field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
    field("Percent", `${path}.percent`, "percent"),
    checks("Applies to", `${path}.appliesTo`, KINDS, "applies")));
}

/** A course: its phases, fees, packages and discounts (a treatment's, or its dear end). */
function course(path, t) {
  return [
    h("h4", {}, "Phases"), list(`${path}.phases`, "a phase", (p, x, i) => phase(p, x, i, t)),
    h("h4", {}, "Fees"), list(`${path}.fees`, "a fee", (p, x, i) => fee(p, x, i, t)),
    h("h4", {}, "Packages"), list(`${path}.packages`, "a package", (p, x, i) => pkg(p, x, i, t)),
    h("h4", {}, "Discounts"), list(`${path}.discounts`, "a discount", discount),
  ];
}

/**
 * A treatment, in a box that opens to its fields. Only the open ones are
 * drawn (a sheet may have 50 treatments of 70 priced items each): the
 * first, new ones, those staff open, and those a problem is shown in.
 */
function treatment(path, t, i) {
  const error = h("p", { class: "error" });
  const el = h("details", { class: "treatment item", "data-slot": path }, h("summary", {}, t.name || `Treatment ${i + 1}`), error);
  slot(path, el, error);
  lazy(el, path, () => {
    const high = t.high !== undefined;
    el.append(
      h("div", { class: "head" }, h("span", {}), h("button", { type: "button", class: "remove", "data-action": "remove", "data-target": path }, "Remove this treatment")),
      grid(field("Id", `${path}.id`, "text", { max: MAX_NAME_CHARS, hint: "what quotes name it by" }),
        field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
        field("Description", `${path}.description`, "text", { wide: true, max: MAX_TEXT_CHARS, hint: "optional" }),
        field("Diagnosis codes", `${path}.diagnosisCodes`, "codes", { hint: "ICD-10, separated by commas" }),
        oneOf("Quotes look ahead", `${path}.horizon`, [["months", "months"], ["weeks", "weeks"]], { optional: true }),
        field("Scheduled separately", `${path}.scheduledSeparately`, "lines", { wide: true, hint: "one item per line" })),
      ...course(path, i),
      h("div", { class: "field" }, h("label", { class: "check" },
        h("input", { type: "checkbox", "data-action": "high", "data-target": path, checked: high }), "A dear-end course for the Good Faith Estimate's range")),
      high ? h("div", { class: "item", "data-slot": `${path}.high` }, h("h4", {}, "The dear-end course"), ...course(`${path}.high`, i)) : null);
  }, i === 0);
  return el;
}

/**
 * Draws the fields of the box `el` (a `details` for `path`) with `draw`
 * when it is opened, or when a problem is shown in it (`undrawn`); it is
 * drawn at once when `first` or when staff opened it before.
 */
function lazy(el, path, draw, first) {
  const once = (forProblem = false) => {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "true";
    undrawn.delete(path);
    el.open = true;
    // Drawn for a problem, it is not drawn again by the next render unless staff open it.
    (forProblem ? drawnForProblems : opened).add(path);
    draw();
  };
  el.addEventListener("toggle", () => {
    if (!el.open) {
      opened.delete(path);
      drawnForProblems.delete(path);
    } else if (!el.dataset.drawn) {
      once();
      showProblems();
    } else if (!drawnForProblems.has(path)) opened.add(path);
  });
  undrawn.set(path, () => once(true));
  if (first || opened.has(path)) once();
}

/** The treatments, each in a box drawn when opened (the list is never paged: 50 closed boxes are cheap). */
function treatmentBoxes() {
  const items = Array.isArray(sheet.treatments) ? sheet.treatments : [];
  const error = h("p", { class: "error" });
  const el = h("div", { class: "list", "data-slot": "treatments" }, error, items.map((t, i) => treatment(`treatments[${i}]`, t, i)),
    h("button", { type: "button", "data-action": "add", "data-target": "treatments" }, "Add a treatment"));
  slot("treatments", el, error);
  return el;
}

function payersSection() {
  return h("fieldset", {}, h("legend", {}, "Payers and allowed amounts"),
    h("p", { class: "hint" }, "Insurers you have contracts with: an insured quote names one, and its allowed amounts replace the charge it pays on."),
    list("payers", "a payer", (path, p, i) => box(path, p.name || `Payer ${i + 1}`,
      grid(field("Id", `${path}.id`, "text", { max: MAX_NAME_CHARS }), field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
        field("Network", `${path}.network`, "select", { options: [["in", "in network"], ["out", "out of network"]] })),
      allowedAmounts(`${path}.allowed`, i))));
}

/** One allowed amount of a payer. */
function rate(rp, r, j) {
  const t = treatmentIndex().get(r.treatment) ?? -1;
  const onFee = r.fee !== undefined && r.phase === undefined;
  return box(rp, `${r.treatment ?? "?"}: ${r.phase ?? r.fee ?? `amount ${j + 1}`}`, grid(
    field("Treatment", `${rp}.treatment`, "text", { list: "dl-treatments" }),
    h("div", { class: "field" }, h("label", {}, "For a", h("select", { "data-path": rp, "data-kind": "rate-kind", "aria-label": "Phase or fee" },
      h("option", { value: "phase", selected: !onFee }, "phase"), h("option", { value: "fee", selected: onFee }, "fee")))),
    field(onFee ? "Fee" : "Phase", `${rp}.${onFee ? "fee" : "phase"}`, "text", { list: t >= 0 ? `${treatmentList(t)}-${onFee ? "fees" : "phases"}` : undefined }),
    field("Allowed amount", `${rp}.amount`, "amount", { hint: unit?.currency })));
}

/**
 * A payer's allowed amounts (up to 1,000), in a box that opens to them:
 * drawn, a page at a time, when opened (the first payer's open), or when a
 * problem is shown in them.
 */
function allowedAmounts(path, i) {
  const stored = get(path);
  const n = Array.isArray(stored) ? stored.length : 0;
  const el = h("details", { class: "allowed" }, h("summary", {}, `Allowed amounts (${n.toLocaleString("en-US")})`));
  lazy(el, path, () => el.append(list(path, "an allowed amount", rate)), i === 0);
  return el;
}

/** Each treatment's index by its id (the first of an id), for the allowed amounts' suggestions. */
let byId = null;
const treatmentIndex = () => {
  if (byId) return byId;
  byId = new Map();
  (sheet.treatments ?? []).forEach((t, i) => typeof t.id === "string" && !byId.has(t.id) && byId.set(t.id, i));
  return byId;
};

let suggested = { key: null, el: null }; // the suggestions drawn, and the names they were drawn from

/** Suggestions for the fields that name something: treatment ids, co-provider ids, each treatment's phases and fees (drawn again only when a name changed). */
function datalists() {
  const names = (xs, k) => (Array.isArray(xs) ? xs.map((x) => x[k]) : []).filter((v) => typeof v === "string" && v !== "");
  const treatments = Array.isArray(sheet.treatments) ? sheet.treatments : [];
  const lists = [["dl-treatments", names(treatments, "id")], [PROVIDER_KEYS, names(sheet.providers, "id")],
    ...treatments.flatMap((t, i) => [[`${treatmentList(i)}-phases`, names(t.phases, "name")], [`${treatmentList(i)}-fees`, names(t.fees, "name")]])];
  const key = JSON.stringify(lists);
  if (key !== suggested.key) {
    suggested = { key, el: h("div", { id: "datalists" }, lists.map(([id, values]) => h("datalist", { id }, values.map((v) => h("option", { value: v }))))) };
  }
  return suggested.el;
}

function render() {
  const focused = document.activeElement;
  const key = focused?.dataset?.path ? [focused.dataset.path, focused.dataset.kind, focused.value, focused.selectionStart] : null;
  uid = 0;
  byId = null;
  paged = new Map();
  drawnForProblems = new Set();
  slots = new Map();
  undrawn = new Map();
  lit = [];
  fill($("sheet-form"), clinicSection(), providersSection(),
    h("fieldset", {}, h("legend", {}, "Treatments"), treatmentBoxes()),
    payersSection(), datalists());
  if (key) {
    const [path, kind, value, caret] = key;
    const same = [...document.querySelectorAll("[data-path]")].find((el) => el.dataset.path === path && el.dataset.kind === kind && (el.type !== "checkbox" || el.value === value));
    if (same) {
      same.focus();
      if (caret !== null && typeof same.setSelectionRange === "function" && same.type === "text") same.setSelectionRange(caret, caret);
    }
  }
  showProblems();
}

// ---------------------------------------------------------------------------
// Problems at their fields

/**
 * The field or box that can fix a problem at `path`: the path itself, or
 * the nearest one above it. A treatment (or a payer's allowed amounts) not
 * drawn yet is drawn first, so the problem lands at its field.
 */
const lazyBox = (path) => /^(treatments\[\d+\]|payers\[\d+\]\.allowed)/.exec(path)?.[0];
function slotFor(path) {
  const box = lazyBox(path);
  if (box && undrawn.has(box)) undrawn.get(box)();
  for (let p = path; ; p = up(p)) {
    if (slots.has(p)) return slots.get(p);
    if (p === "") return null;
  }
}

/** For a path inside an entry of a list drawn, not on the page shown: the list's path, the entry's index and what it is called. */
function pagedAway(path) {
  for (const m of path.matchAll(/\[(\d+)\]/g)) {
    const list = path.slice(0, m.index);
    if (!paged.has(list)) continue;
    const stored = get(list);
    const { from, to } = pageOf(list, Array.isArray(stored) ? stored.length : 0);
    const j = Number(m[1]);
    if (j < from || j >= to) return { list, j, noun: paged.get(list) };
  }
  return null;
}

/** How many closed boxes are drawn to show their problems at their fields (each render starts again). */
const DRAWN_FOR_PROBLEMS = 5;
let drawnForProblems = new Set(); // the paths of those drawn since the last render

function showProblems() {
  for (const el of lit) {
    if (el.classList.contains("error")) el.textContent = "";
    else el.removeAttribute("aria-invalid");
  }
  lit = [];
  const mine = [...local].map(([path, message]) => ({ path, message }));
  const all = [...mine, ...problems.filter((p) => !local.has(p.path))];
  const loose = [];
  for (const p of all) {
    // A few closed boxes are drawn to show their problems at their fields; past them (a sheet with
    // problems in every treatment would draw them all), a problem is listed with its path, until its box is opened.
    const box = p.path === "" ? null : lazyBox(p.path);
    if (box && undrawn.has(box) && drawnForProblems.size >= DRAWN_FOR_PROBLEMS) {
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
      lit.push(target.input);
    }
    target.error.textContent = target.error.textContent ? `${target.error.textContent} ${message}` : message;
    lit.push(target.error);
    target.error.closest("details")?.setAttribute("open", "");
  }
  const n = all.length;
  const title = $("summary-title");
  title.className = n === 0 ? "ok" : "error";
  title.textContent = n === 0 ? "The sheet is valid: the staff view can quote from it." : `${n} problem${n === 1 ? "" : "s"}, each shown at its field${loose.length ? "; these have none:" : "."}`;
  fill($("loose"), loose.map((p) => h("li", {}, p.path ? h("code", {}, p.path) : null, p.path ? ": " : "", p.message)));
}

// The engine, in the staff view's worker: one check at a time, the newest sheet waiting.
const worker = new Worker(new URL("quote-worker.js", import.meta.url), { type: "module" });
const calls = new Map();
let nextCall = 0;
worker.onmessage = ({ data }) => {
  calls.get(data.id)?.(data);
  calls.delete(data.id);
};
const ask = (type, args) => new Promise((resolve, reject) => {
  const id = ++nextCall;
  calls.set(id, (data) => (data.failed ? reject(new Error(data.failed)) : resolve(data)));
  worker.postMessage({ id, type, ...args });
});

/** The engine's problems with `of` (the sheet now, by default), and its currency's minor units. */
async function check(of = sheet) {
  const answer = await ask("check", { sheet: of });
  const before = unit;
  if (answer.unit) unit = answer.unit;
  return { problems: answer.problems, redraw: Boolean(answer.unit) && (answer.unit.currency !== before?.currency || answer.unit.minorUnits !== before?.minorUnits) };
}

let timer = null, checking = false, again = false, wanted = 0;
/** Checks the sheet shortly after the last change; `body[data-checking]` says whether a check is still due. */
function validateSoon() {
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
    problems = answer.problems;
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

// ---------------------------------------------------------------------------
// Changes, the draft and undo

function status(text) {
  $("status").textContent = text;
}

let seen = 0; // the draft's version this tab last read or wrote
let unkept = false; // whether the sheet on screen is not in storage (storage refused it)
let guarded = false; // the draft in storage could not be read nor moved aside: it is not written over

/** A standing message about the draft: it stays until what it says is resolved (`null` clears it). */
function notice(id, text) {
  $(id).textContent = text ?? "";
  $(id).hidden = text === null;
}

/** Keeps the sheet as the draft; `keep` keeps the stored draft as the previous one (a wholesale replacement). */
function keepDraft({ keep = false } = {}) {
  if (guarded) {
    unkept = true;
    return;
  }
  const written = writeDraft(JSON.stringify(sheet), { seen, keep });
  unkept = written.error !== null;
  if (unkept) {
    notice("storage-warning", `Not kept: ${written.error}. Your changes are only on this page until it can be kept: save the sheet as JSON before closing it.`);
    return;
  }
  seen = written.version;
  notice("storage-warning", null);
  if (written.overwrote) notice("draft-notice", "Another tab changed the draft at the same time; this tab's sheet is the draft now, and the other tab's is kept as the previous draft (Open the previous draft brings it back).");
}

/** After any change: keep the draft, check the sheet, offer undo. */
function changed({ redraw = false, names = false, keep = false } = {}) {
  keepDraft({ keep });
  if (redraw) render();
  else if (names) $("datalists").replaceWith(datalists());
  validateSoon();
  $("undo").disabled = undo === null;
}

/** A change made by a button: the sheet before it is what undo brings back. */
function change(fn, { keep = false } = {}) {
  const was = JSON.stringify(sheet);
  before = null;
  fn();
  undo = was;
  try {
    changed({ redraw: true, keep });
  } catch (err) {
    // A sheet the form cannot draw never stays: the one before it comes back.
    sheet = JSON.parse(was);
    undo = null;
    changed({ redraw: true });
    status(`That change could not be shown (${err.message}), so it was taken back.`);
  }
}

/** The first edit of a field since it was entered is a change of its own. */
function editing() {
  if (before !== null) {
    undo = before;
    before = null;
  }
}

function onInput(e) {
  const el = e.target;
  const path = el.dataset.path;
  if (path === undefined) return;
  editing();
  const kind = el.dataset.kind;
  let redraw = false;
  if (kind === "weekdays" || kind === "keywords" || kind === "applies") {
    const boxes = [...el.closest(".checks").querySelectorAll("input[type=checkbox]")];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    set(path, kind === "applies" && chosen.length === boxes.length ? undefined : chosen);
  } else if (kind === "flag") {
    set(path, el.checked === (el.dataset.default === "true") ? undefined : el.checked);
  } else if (kind === "one-of") {
    const old = get(path);
    const previous = old && typeof old === "object" ? Object.values(old)[0] : undefined;
    set(path, el.value === "" ? undefined : { [el.value]: el.value === "weekdays" ? [] : typeof previous === "number" ? previous : 1 });
    redraw = true;
  } else if (kind === "length") {
    const phase = get(path);
    const n = phase.sessions ?? phase.weeks ?? 1;
    delete phase.sessions;
    delete phase.weeks;
    if (el.value) phase[el.value] = n;
    redraw = true;
  } else if (kind === "rate-kind") {
    const rate = get(path);
    const name = rate.phase ?? rate.fee;
    delete rate.phase;
    delete rate.fee;
    rate[el.value] = name ?? "";
    if (rate[el.value] === "") delete rate[el.value];
    redraw = true;
  } else {
    const message = read(el);
    if (message) local.set(path, message);
    else local.delete(path);
    redraw = path === "currency" || path.endsWith(".treatment");
  }
  changed({ redraw, names: /\.(name|id)$/.test(path) });
}

function onClick(e) {
  const button = e.target.closest("[data-action]");
  if (!button) return;
  const { action, target } = button.dataset;
  if (action === "page") {
    pages.set(target, Number(button.dataset.page));
    render();
  } else if (action === "add") {
    const name = target.split(/[.[\]]/).filter(Boolean).pop();
    const items = Array.isArray(get(target)) ? get(target) : [];
    if (target === "treatments") opened.add(`treatments[${items.length}]`);
    pages.set(target, Math.floor(items.length / PAGE)); // the page the new entry is on
    change(() => set(target, [...items, TEMPLATES[name]()]));
  } else if (action === "remove") {
    const parent = up(target);
    const index = Number(/\[(\d+)\]$/.exec(target)[1]);
    change(() => {
      const items = get(parent);
      items.splice(index, 1);
      if (items.length === 0 && parent.includes("].")) set(parent, undefined);
      // Messages about the removed entries and those after it no longer fit their paths.
      for (const p of [...local.keys()]) if (p.startsWith(parent)) local.delete(p);
      if (parent === "treatments") opened.clear();
      if (parent === "payers") {
        pages.clear();
        for (const p of [...opened]) if (p.startsWith("payers")) opened.delete(p);
      }
    });
  } else if (action === "high") {
    change(() => {
      const t = get(target);
      if (button.checked) t.high = structuredClone({ phases: t.phases ?? [], fees: t.fees, packages: t.packages, discounts: t.discounts });
      else delete t.high;
    });
  }
}

/** Whether the sheet has anything worth keeping: anything besides a new sheet's. */
const worthKeeping = () => JSON.stringify(sheet) !== JSON.stringify(blank());

/** Runs `replace` (which replaces the whole sheet) once staff agree to discard the draft, when there is one worth keeping. */
function replacing(what, replace) {
  if (!worthKeeping()) return replace();
  $("confirm-text").textContent = `This replaces the sheet you are editing with ${what}. The draft is discarded (Undo brings it back until the next change; it is also kept as the previous draft).`;
  $("confirm").hidden = false;
  $("confirm-yes").onclick = () => {
    $("confirm").hidden = true;
    replace();
  };
  $("confirm-no").onclick = () => {
    $("confirm").hidden = true;
  };
  $("confirm-yes").focus();
}

/**
 * A sheet from `text` the editor can take, checked by the engine before
 * anything is replaced: `{ sheet, problems }`, or `{ error }`.
 */
async function admit(text) {
  const read = sheetFrom(text);
  if (read.error) return read;
  try {
    return { sheet: read.sheet, problems: (await check(read.sheet)).problems };
  } catch (err) {
    return { error: `the engine could not check it (${err.message})` };
  }
}

/** Replaces the sheet with `next` (admitted), as one change Undo takes back; the draft it replaces is kept as the previous one. */
function load(next, from, checked) {
  change(() => {
    sheet = next;
    problems = checked;
    local.clear();
    opened.clear();
    pages.clear();
  }, { keep: true });
  $("import-report").hidden = true;
  status(`Editing ${from}.`);
}

/** Opens `text` (from `from`) once it is admitted and staff agree; says why not, the sheet unchanged, otherwise. */
async function open(text, from, what = from) {
  const admitted = await admit(text);
  if (admitted.error) return status(`${from} was not opened: ${admitted.error}. The sheet is unchanged.`);
  replacing(what, () => load(admitted.sheet, from, admitted.problems));
}

/** Another tab wrote the draft: this tab shows it (Undo brings back what this tab had), or says why it cannot. */
async function otherTab(text) {
  if (text === null || text === JSON.stringify(sheet)) {
    seen = draftVersion();
    return;
  }
  const admitted = await admit(text);
  if (admitted.error) {
    notice("draft-notice", `Another tab wrote a draft this tab cannot show (${admitted.error}); this tab's sheet is unchanged and its next change is kept as the draft.`);
    return;
  }
  seen = draftVersion();
  undo = JSON.stringify(sheet);
  before = null;
  sheet = admitted.sheet;
  problems = admitted.problems;
  local.clear();
  render();
  $("undo").disabled = false;
  notice("draft-notice", "Another tab changed the draft: this tab shows its sheet now. Undo brings back what this tab had (and keeps it as the draft again).");
}

const fileName = () => `${String(sheet.name ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "price-sheet"}.json`;
const size = (bytes) => `${(bytes / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** The draft this browser kept, when the editor can show it; an unreadable one is moved aside and staff are told. */
async function startFromDraft() {
  const refused = storageRefused();
  if (refused) notice("storage-warning", `Not kept: ${refused}. Your changes are only on this page: save the sheet as JSON before closing it.`);
  seen = draftVersion();
  const draft = readDraft();
  if (draft === null) return false;
  const admitted = await admit(draft);
  if (!admitted.error) {
    sheet = admitted.sheet;
    problems = admitted.problems;
    status("Your draft, as this browser kept it.");
    return true;
  }
  const aside = setAside(draft);
  if (aside.key) {
    notice("draft-notice", `The draft in this browser could not be read (${admitted.error}). It is kept, untouched, under the storage key ${aside.key}; this is a new sheet.`);
  } else {
    guarded = true;
    notice("draft-notice", `The draft in this browser could not be read (${admitted.error}), and could not be moved aside (${aside.error}). It is kept under ${DRAFT_KEY} and this page does not write over it: save your work as JSON.`);
  }
  return false;
}

async function main() {
  const form = $("sheet-form");
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", onInput);
  form.addEventListener("click", onClick);
  form.addEventListener("focusin", (e) => {
    if (e.target.dataset?.path !== undefined) before = JSON.stringify(sheet);
  });
  $("new").addEventListener("click", () => replacing("a new, empty sheet", () => load(blank(), "a new sheet", [])));
  $("sample").addEventListener("click", async () => {
    const res = await fetch("clinic.sample.json", { cache: "no-cache", credentials: "omit" });
    open(await res.text(), "a copy of the sample sheet", "the sample sheet");
  });
  $("previous").addEventListener("click", () => {
    const previous = readPrevious();
    if (previous === null) return status("This browser keeps no previous draft.");
    open(previous, "the previous draft");
  });
  $("open-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_SHEET_BYTES) return status(`${file.name} was not opened: it is ${size(file.size)}, and a price sheet is at most ${size(MAX_SHEET_BYTES)}. The sheet is unchanged.`);
    open(await file.text(), file.name);
  });
  $("save").addEventListener("click", async () => {
    const saved = structuredClone(sheet);
    download(fileName(), "application/json", `${JSON.stringify(saved, null, 2)}\n`);
    const n = (await check(saved)).problems.length;
    status(n === 0 ? `Saved ${fileName()}.` : `Saved ${fileName()}, with ${n} problem${n === 1 ? "" : "s"}: the staff view will refuse it until they are fixed.`);
  });
  $("csv-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const report = $("import-report");
    const refuse = (why) => {
      report.hidden = false;
      $("import-title").textContent = `${file.name} was not imported: ${why}.`;
      fill($("import-bad"));
    };
    // Refused unread: a larger file is no price list, and reading it would hold the page.
    if (file.size > MAX_PRICE_LIST_BYTES) return refuse(`it is ${size(file.size)}, and a price list is at most ${size(MAX_PRICE_LIST_BYTES)}`);
    const result = importPriceList(sheet, await file.text(), unit ?? { currency: "USD", minorUnits: 2 });
    if (result.error) return refuse(result.error);
    const admitted = await admit(JSON.stringify(result.sheet));
    if (admitted.error) return refuse(admitted.error);
    report.hidden = false;
    change(() => {
      sheet = admitted.sheet;
      problems = admitted.problems;
    });
    const bad = result.bad.length;
    $("import-title").textContent = `${file.name}: ${result.applied} price${result.applied === 1 ? "" : "s"} imported${bad ? `; ${bad} row${bad === 1 ? " was" : "s were"} not:` : "."}`;
    fill($("import-bad"), result.bad.map((b) => h("li", {}, `Line ${b.line}: ${b.message}`)));
  });
  $("undo").addEventListener("click", () => {
    if (undo === null) return;
    const now = JSON.stringify(sheet);
    sheet = JSON.parse(undo);
    undo = now;
    before = null;
    local.clear();
    changed({ redraw: true });
    status("The last change is undone (Undo again redoes it).");
  });
  $("discard").addEventListener("click", () => {
    change(() => {
      sheet = blank();
      local.clear();
      pages.clear();
    }, { keep: true });
    status("The draft is discarded; this is a new sheet (Undo brings the draft back).");
  });
  // Another tab's draft: shown here too (the storage event comes to every other tab of the page).
  window.addEventListener("storage", (e) => {
    if (e.key === DRAFT_KEY && e.storageArea === localStorage) otherTab(e.newValue);
  });
  // Work that is only on the page (storage refused it) is not closed without a question.
  window.addEventListener("beforeunload", (e) => {
    if (!unkept) return;
    e.preventDefault();
    e.returnValue = "";
  });

  $("version").textContent = (await ask("start", {})).version;
  if (!(await startFromDraft())) problems = (await check()).problems;
  render();
  document.body.dataset.checking = "false";
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  status(`The engine could not start: ${err.message}`);
});
