// The price sheet editor: a clinic's sheet edited with forms, checked by the
// engine (`validateClinic`, in the staff view's worker, so a large sheet
// never holds the page) as staff type, each problem shown next to the
// field its path names. The sheet is the page's whole state: it is kept as
// the draft in localStorage after every change (draft.js), saved and
// opened as JSON, and a CSV price list can set its prices (pricelist.js).
// One level of undo: the sheet before the last change.
import { h, fill, download } from "./dom.js";
import { money, whole, percent } from "./fields.js";
import { plainAmount } from "./format.js";
import { importPriceList } from "./pricelist.js";
import { DRAFT_KEY, readDraft, writeDraft } from "./draft.js";
import { MAX_NAME_CHARS, MAX_CODE_CHARS, MAX_TEXT_CHARS } from "./limits.js";

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
const opened = new Set(); // the treatments staff opened (their paths): drawn again open
let undrawn = new Map(); // treatment path → draws its fields, while they are not drawn
let lit = []; // the error lines and fields showing a problem now

// ---------------------------------------------------------------------------
// Paths: "treatments[0].phases[1].price" ↔ the sheet

const keysOf = (path) => (path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
function get(path) {
  let v = sheet;
  for (const k of keysOf(path)) v = v == null ? undefined : v[k];
  return v;
}
function set(path, value) {
  const keys = keysOf(path);
  let o = sheet;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] === null || typeof o[k] !== "object") o[k] = typeof keys[i + 1] === "number" ? [] : {};
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
  if (kind === "amount") return plainAmount(v, unit?.minorUnits ?? 2);
  if (kind === "codes" || kind === "dates") return v.join(", ");
  if (kind === "lines") return v.join("\n");
  return String(v);
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
  const value = get(path) ?? (kind === "applies" ? options.map(([v]) => v) : []);
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

/** The entries of the list at `path`, each drawn by `draw(itemPath, item, i)`, and an "add" button. */
function list(path, what, draw) {
  const items = get(path) ?? [];
  const error = h("p", { class: "error" });
  const el = h("div", { class: "list", "data-slot": path }, error, items.map((item, i) => draw(`${path}[${i}]`, item, i)),
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
  const key = value && typeof value === "object" ? Object.keys(value)[0] : "";
  const id = `f${++uid}`;
  const select = h("select", { id, "data-path": path, "data-kind": "one-of", "aria-label": `${label}: unit` },
    optional ? h("option", { value: "", selected: !key }, "default") : null,
    options.map(([v, t]) => h("option", { value: v, selected: key === v }, t)));
  const parts = [select];
  if (key === "weekdays") {
    parts.push(h("div", { class: "checks" }, WEEKDAYS.map(([v, t]) => h("label", { class: "check" },
      h("input", { type: "checkbox", "data-path": `${path}.weekdays`, "data-kind": "weekdays", value: v, checked: (value.weekdays ?? []).includes(v) }), t))));
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
  const draw = () => {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "true";
    el.open = true;
    opened.add(path);
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
  };
  el.addEventListener("toggle", () => {
    if (!el.open) opened.delete(path);
    else if (!el.dataset.drawn) {
      draw();
      showProblems();
    } else opened.add(path);
  });
  slot(path, el, error);
  undrawn.set(path, draw);
  if (i === 0 || opened.has(path)) draw();
  return el;
}

function payersSection() {
  return h("fieldset", {}, h("legend", {}, "Payers and allowed amounts"),
    h("p", { class: "hint" }, "Insurers you have contracts with: an insured quote names one, and its allowed amounts replace the charge it pays on."),
    list("payers", "a payer", (path, p, i) => box(path, p.name || `Payer ${i + 1}`,
      grid(field("Id", `${path}.id`, "text", { max: MAX_NAME_CHARS }), field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
        field("Network", `${path}.network`, "select", { options: [["in", "in network"], ["out", "out of network"]] })),
      h("h4", {}, "Allowed amounts"),
      list(`${path}.allowed`, "an allowed amount", (rp, r, j) => {
        const t = (sheet.treatments ?? []).findIndex((x) => x.id === r.treatment);
        const onFee = r.fee !== undefined && r.phase === undefined;
        return box(rp, `${r.treatment ?? "?"}: ${r.phase ?? r.fee ?? `amount ${j + 1}`}`, grid(
          field("Treatment", `${rp}.treatment`, "text", { list: "dl-treatments" }),
          h("div", { class: "field" }, h("label", {}, "For a", h("select", { "data-path": rp, "data-kind": "rate-kind", "aria-label": "Phase or fee" },
            h("option", { value: "phase", selected: !onFee }, "phase"), h("option", { value: "fee", selected: onFee }, "fee")))),
          field(onFee ? "Fee" : "Phase", `${rp}.${onFee ? "fee" : "phase"}`, "text", { list: t >= 0 ? `${treatmentList(t)}-${onFee ? "fees" : "phases"}` : undefined }),
          field("Allowed amount", `${rp}.amount`, "amount", { hint: unit?.currency })));
      }))));
}

/** Suggestions for the fields that name something: treatment ids, co-provider ids, each treatment's phases and fees. */
function datalists() {
  const dl = (id, values) => h("datalist", { id }, values.filter(Boolean).map((v) => h("option", { value: v })));
  return h("div", { id: "datalists" },
    dl("dl-treatments", (sheet.treatments ?? []).map((t) => t.id)),
    dl(PROVIDER_KEYS, (sheet.providers ?? []).map((p) => p.id)),
    (sheet.treatments ?? []).flatMap((t, i) => [dl(`${treatmentList(i)}-phases`, (t.phases ?? []).map((p) => p.name)),
      dl(`${treatmentList(i)}-fees`, (t.fees ?? []).map((f) => f.name))]));
}

function render() {
  const focused = document.activeElement;
  const key = focused?.dataset?.path ? [focused.dataset.path, focused.dataset.kind, focused.value, focused.selectionStart] : null;
  uid = 0;
  slots = new Map();
  undrawn = new Map();
  lit = [];
  fill($("sheet-form"), clinicSection(), providersSection(),
    h("fieldset", {}, h("legend", {}, "Treatments"), list("treatments", "a treatment", treatment)),
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
 * the nearest one above it. A treatment not drawn yet is drawn first, so
 * the problem lands at its field.
 */
function slotFor(path) {
  const treatment = /^treatments\[\d+\]/.exec(path)?.[0];
  if (treatment && undrawn.has(treatment) && !slots.get(treatment)?.input.dataset.drawn) undrawn.get(treatment)();
  for (let p = path; ; p = up(p)) {
    if (slots.has(p)) return slots.get(p);
    if (p === "") return null;
  }
}

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
    const target = p.path === "" ? null : slotFor(p.path);
    if (!target?.error) {
      loose.push(p);
      continue;
    }
    if (target.input) {
      target.input.setAttribute("aria-invalid", "true");
      lit.push(target.input);
    }
    target.error.textContent = target.error.textContent ? `${target.error.textContent} ${p.message}` : p.message;
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

/** After any change: keep the draft, check the sheet, offer undo. */
function changed({ redraw = false, names = false } = {}) {
  const refused = writeDraft(sheet);
  if (refused) status(refused);
  if (redraw) render();
  else if (names) fill($("datalists"), ...datalists().childNodes);
  validateSoon();
  $("undo").disabled = undo === null;
}

/** A change made by a button: the sheet before it is what undo brings back. */
function change(fn) {
  undo = JSON.stringify(sheet);
  before = null;
  fn();
  changed({ redraw: true });
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
  if (action === "add") {
    const name = target.split(/[.[\]]/).filter(Boolean).pop();
    if (target === "treatments") opened.add(`treatments[${(get(target) ?? []).length}]`);
    change(() => set(target, [...(get(target) ?? []), TEMPLATES[name]()]));
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
  $("confirm-text").textContent = `This replaces the sheet you are editing with ${what}. The draft is discarded (Undo brings it back until the next change).`;
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

function load(next, from) {
  change(() => {
    sheet = next;
    local.clear();
    opened.clear();
  });
  $("import-report").hidden = true;
  status(`Editing ${from}.`);
}

const fileName = () => `${String(sheet.name ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "price-sheet"}.json`;

async function main() {
  const form = $("sheet-form");
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", onInput);
  form.addEventListener("click", onClick);
  form.addEventListener("focusin", (e) => {
    if (e.target.dataset?.path !== undefined) before = JSON.stringify(sheet);
  });
  $("new").addEventListener("click", () => replacing("a new, empty sheet", () => load(blank(), "a new sheet")));
  $("sample").addEventListener("click", () => replacing("the sample sheet", async () => {
    const res = await fetch("clinic.sample.json", { cache: "no-cache", credentials: "omit" });
    load(await res.json(), "a copy of the sample sheet");
  }));
  $("open-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    let next;
    try {
      next = JSON.parse(await file.text());
    } catch (err) {
      return status(`${file.name} is not JSON (${err.message}); the sheet is unchanged.`);
    }
    if (next === null || typeof next !== "object" || Array.isArray(next)) return status(`${file.name} is not a price sheet (not a JSON object); the sheet is unchanged.`);
    replacing(file.name, () => load(next, file.name));
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
    const result = importPriceList(sheet, await file.text(), unit ?? { currency: "USD", minorUnits: 2 });
    const report = $("import-report");
    report.hidden = false;
    if (result.error) {
      $("import-title").textContent = `${file.name} was not imported: ${result.error}.`;
      fill($("import-bad"));
      return;
    }
    change(() => {
      sheet = result.sheet;
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
    local.clear();
    changed({ redraw: true });
    status("The last change is undone (Undo again redoes it).");
  });
  $("discard").addEventListener("click", () => {
    change(() => {
      sheet = blank();
      local.clear();
    });
    status("The draft is discarded; this is a new sheet (Undo brings the draft back).");
  });

  $("version").textContent = (await ask("start", {})).version;
  const draft = readDraft();
  if (draft !== null) {
    try {
      sheet = JSON.parse(draft);
      status("Your draft, as this browser kept it.");
    } catch {
      status(`The draft in this browser (${DRAFT_KEY}) could not be read; this is a new sheet.`);
    }
  }
  problems = (await check()).problems;
  render();
  document.body.dataset.checking = "false";
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  status(`The engine could not start: ${err.message}`);
});
