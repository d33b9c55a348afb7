// The sheet's sections as the form draws them: the clinic, its
// co-providers, the treatments (each a course of phases, fees, packages
// and discounts, and its dear end) and the payers with their allowed
// amounts, and the suggestions for fields that name something. Drawn from
// the sheet; nothing here changes it.
import { h } from "../shared/dom.js";
import { MAX_NAME_CHARS, MAX_CODE_CHARS, MAX_TEXT_CHARS } from "../shared/limits.js";
import { get, state } from "./sheet-state.js";
import { KINDS, WEEKDAYS, box, checks, field, flag, grid, length, oneOf, slot, view } from "./form-fields.js";
import { list } from "./paged-lists.js";
import { lazy } from "./lazy-boxes.js";

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

export function clinicSection() {
  const error = h("p", { class: "error" });
  const el = h("fieldset", { "data-slot": "" }, h("legend", {}, "Clinic"), error,
    grid(...identity(""), field("Currency", "currency", "text", { hint: "ISO 4217, e.g. USD" }),
      field("Quotes valid for", "quoteValidDays", "int", { hint: "days; default 30" }),
      checks("Closed on", "closedWeekdays", WEEKDAYS, "keywords"),
      field("Holidays", "holidays", "dates", { hint: "closed days, YYYY-MM-DD, separated by commas", wide: true })));
  slot("address", el, error);
  return el;
}

export function providersSection() {
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
    field("Price per session", `${path}.price`, "amount", { hint: state.unit?.currency }),
    field("Code", `${path}.code`, "text", { hint: "CPT/HCPCS", max: MAX_CODE_CHARS, warn: true }),
    field("Allowed by insurers", `${path}.allowed`, "amount", { hint: "optional" }),
    field("Benefit", `${path}.benefit`, "select", { options: [["", "medical"], ["pharmacy", "pharmacy"]] }),
    field("Billed by", `${path}.provider`, "text", { hint: "a co-provider's id; blank: the clinic", list: PROVIDER_KEYS }),
    flag("Covered by insurance", `${path}.covered`, true)));
}

function fee(path, f, i, t) {
  return box(path, f.name || `Fee ${i + 1}`, grid(
    field("Name", `${path}.name`, "text", { max: MAX_NAME_CHARS }),
    field("Amount", `${path}.amount`, "amount", { hint: state.unit?.currency }),
    field("Charged", `${path}.when`, "select", { options: [["once", "once"], ["session", "every session"], ["month", "every month"]] }),
    field("Phase", `${path}.phase`, "text", { hint: "optional: only with this phase", list: `${treatmentList(t)}-phases` }),
    field("Code", `${path}.code`, "text", { hint: "CPT/HCPCS", max: MAX_CODE_CHARS, warn: true }),
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
    field("Price", `${path}.price`, "amount", { hint: state.unit?.currency }),
    field("Code", `${path}.code`, "text", { hint: "CPT/HCPCS", max: MAX_CODE_CHARS, warn: true })));
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
      // Only with a dear end: `append` writes any value it is given, so a null would be the text "null".
      ...(high ? [h("div", { class: "item", "data-slot": `${path}.high` }, h("h4", {}, "The dear-end course"), ...course(`${path}.high`, i))] : []));
  }, i === 0);
  return el;
}

/** The treatments, each in a box drawn when opened (the list is never paged: 50 closed boxes are cheap). */
export function treatmentBoxes() {
  const items = Array.isArray(state.sheet.treatments) ? state.sheet.treatments : [];
  const error = h("p", { class: "error" });
  const el = h("div", { class: "list", "data-slot": "treatments" }, error, items.map((t, i) => treatment(`treatments[${i}]`, t, i)),
    h("button", { type: "button", "data-action": "add", "data-target": "treatments" }, "Add a treatment"));
  slot("treatments", el, error);
  return el;
}

export function payersSection() {
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
    field("Allowed amount", `${rp}.amount`, "amount", { hint: state.unit?.currency })));
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
const treatmentIndex = () => {
  if (view.byId) return view.byId;
  view.byId = new Map();
  (state.sheet.treatments ?? []).forEach((t, i) => typeof t.id === "string" && !view.byId.has(t.id) && view.byId.set(t.id, i));
  return view.byId;
};

let suggested = { key: null, el: null }; // the suggestions drawn, and the names they were drawn from

/** Suggestions for the fields that name something: treatment ids, co-provider ids, each treatment's phases and fees (drawn again only when a name changed). */
export function datalists() {
  const names = (xs, k) => (Array.isArray(xs) ? xs.map((x) => x[k]) : []).filter((v) => typeof v === "string" && v !== "");
  const treatments = Array.isArray(state.sheet.treatments) ? state.sheet.treatments : [];
  const lists = [["dl-treatments", names(treatments, "id")], [PROVIDER_KEYS, names(state.sheet.providers, "id")],
    ...treatments.flatMap((t, i) => [[`${treatmentList(i)}-phases`, names(t.phases, "name")], [`${treatmentList(i)}-fees`, names(t.fees, "name")]])];
  const key = JSON.stringify(lists);
  if (key !== suggested.key) {
    suggested = { key, el: h("div", { id: "datalists" }, lists.map(([id, values]) => h("datalist", { id }, values.map((v) => h("option", { value: v }))))) };
  }
  return suggested.el;
}
