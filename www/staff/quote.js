// The staff view: a clinic's price sheet and a form in, the engine's quote
// and Good Faith Estimate out. Every number drawn is the engine's (`quote`,
// `goodFaithEstimate`, `quoteCsv`); the page only formats them.
//
// The engine runs in a worker (quote-worker.js): the page sends it the
// sheet once and each quote input as staff type, at most one at a time
// (the newest waits; those in between are dropped), and draws what comes
// back. A ledger longer than the page lists one by one arrives summarised
// by month and item; a month's lines are fetched when staff open it and
// drawn a slice at a time. So no sheet, however large its ledger, holds
// the main thread for long.
//
// Patient details are read from the form when a quote is drawn and go only
// into the page, the worker and the files staff download. Nothing here
// writes the URL, storage or cookies, or sends a request with them: the
// only requests are for the page's own files and the clinic's price sheet;
// the only storage read is the sheet editor's draft (a sheet, no patient).
import { h, fill, table, download, filePickers } from "../shared/dom.js";
import { moneyOf, formatDate, formatMonth, today } from "../shared/format.js";
import { money, percent, whole, labelCurrency, showErrors, fieldFor } from "../shared/fields.js";
import { card, calendar } from "../shared/cards.js";
import { readDraft } from "../shared/draft.js";
import { MAX_NAME_CHARS, MAX_NUMBER_CHARS, MAX_YEAR, MIN_BIRTH_YEAR, MIN_YEAR, MAX_HORIZON_MONTHS, MAX_LEDGER_ROWS_SHOWN } from "../shared/limits.js";
import { engineClient } from "../shared/engine-client.js";
import { federalHolidays } from "../shared/holidays.js";
import { treatmentChecks, BUSINESS_DAYS_RULE } from "./checks.js";
import { whereGiven, frequency, conditionalDiscounts } from "./gfe-words.js";

const $ = (id) => document.getElementById(id);

/** Engine problem paths → the form field that can fix them. */
const PATH_FIELDS = [
  [/^input\.patient\.name/, "patient-name"], [/^input\.patient\.birthDate/, "patient-dob"], [/^input\.patient/, "patient-name"],
  [/^input\.start/, "start"], [/^input\.date/, "quote-date"], [/^input\.number/, "quote-number"],
  [/^input\.diagnosisCodes/, "dx"], [/^input\.payment/, "payment"], [/^input\.horizon/, "horizon"],
  [/^input\.payer/, "payer"], [/^input\.scheduledOn/, "scheduled-on"], [/^input\.requested/, "requested"],
  [/^input\.coverage\.deductibleMet/, "deductible-met"], [/^input\.coverage\.deductible/, "deductible"],
  [/^input\.coverage\.coinsurance/, "coinsurance"], [/^input\.coverage\.copay/, "copay"],
  [/^input\.coverage\.outOfPocketMax/, "oop-max"], [/^input\.coverage\.outOfPocketMet/, "oop-met"],
];
/** The coverage fields: field id, the input's key, and whether it is an amount (else a percentage). */
const COVERAGE = [["deductible", "deductible", true], ["deductible-met", "deductibleMet", true], ["coinsurance", "coinsurance", false],
  ["copay", "copay", true], ["oop-max", "outOfPocketMax", true], ["oop-met", "outOfPocketMet", true]];

let sheet = null; // the valid price sheet in use, as data (names, treatments, payers)
let unit = null; // its currency as the engine counts it: typed amounts are read in it
let shown = null; // the documents on screen, with their input: what the downloads export
let drawnKey = null; // what the estimate on screen was made from: an unchanged one is not drawn again

// ---------------------------------------------------------------------------
// The engine, in its worker: one request at a time, the newest input waiting

const worker = new Worker(new URL("quote-worker.js", import.meta.url), { type: "module" });
worker.onerror = (e) => {
  $("sheet-status").textContent = `The engine could not start: ${e.message ?? "the worker failed"}`;
};
/** Asks the worker; resolves with its answer (engine-client.js). */
const { ask } = engineClient(worker);

let busy = false, waiting = null;
/** Quotes `job.input`; while the worker is busy only the newest job waits. */
function quoteSoon(job) {
  if (busy) {
    waiting = job;
    return;
  }
  busy = true;
  ask("quote", { input: job.input, gfe: job.gfe }).then((answer) => draw(job, answer), (err) => showFailure(err)).finally(() => {
    busy = false;
    if (waiting) {
      const again = waiting;
      waiting = null;
      quoteSoon(again);
    }
  });
}

// ---------------------------------------------------------------------------
// The price sheet

async function fetchText(url) {
  const res = await fetch(url, { cache: "no-cache", credentials: "omit" });
  return res.ok ? res.text() : null;
}

/** Validates a sheet with the engine; a broken one leaves the current sheet in use. */
async function openSheet(text, from) {
  const answer = await ask("sheet", { text });
  if (answer.problems) return showSheetProblems(from, answer.problems);
  $("sheet-problems-block").hidden = true;
  sheet = answer.sheet;
  unit = answer.unit;
  drawnKey = null;
  labelCurrency($("form"), unit);
  $("sheet-status").textContent = `${sheet.name} — ${sheet.treatments.length} treatment${sheet.treatments.length === 1 ? "" : "s"}, from ${from}.`;
  const keep = $("treatment").value;
  fill($("treatment"), sheet.treatments.map((t) => h("option", { value: t.id }, t.name)));
  if (sheet.treatments.some((t) => t.id === keep)) $("treatment").value = keep;
  const payer = $("payer").value;
  fill($("payer"), h("option", { value: "" }, "None: the whole charge is allowed"),
    (sheet.payers ?? []).map((p) => h("option", { value: p.id }, `${p.name} (${p.network === "out" ? "out of network" : "in network"})`)));
  if ((sheet.payers ?? []).some((p) => p.id === payer)) $("payer").value = payer;
  update();
}

function showSheetProblems(from, problems) {
  $("sheet-problems-block").hidden = false;
  const n = problems.length;
  $("sheet-problems-title").textContent = `${from} has ${n} problem${n === 1 ? "" : "s"}${sheet ? `; still using ${sheet.name}` : ""}:`;
  fill($("sheet-problems"), problems.map((p) => h("li", {}, p.path ? h("code", {}, p.path) : null, p.path ? ": " : "", p.message)));
}

// ---------------------------------------------------------------------------
// The form

/** The quote input the form describes, and the fields that are not even numbers. */
function readInput() {
  const errors = [];
  const treatment = sheet.treatments.find((t) => t.id === $("treatment").value) ?? sheet.treatments[0];
  const input = {
    treatment: treatment.id,
    start: $("start").value || today(),
    date: $("quote-date").value || today(),
    payment: document.querySelector('input[name="payment"]:checked').value,
  };
  const name = $("patient-name").value.trim(), dob = $("patient-dob").value;
  if (name || dob) input.patient = { name, birthDate: dob };
  const number = $("quote-number").value.trim();
  if (number) input.number = number;
  const dx = $("dx").value.split(",").map((c) => c.trim()).filter(Boolean);
  if (dx.length > 0) input.diagnosisCodes = dx;
  const months = whole($("horizon").value);
  if (months.error) errors.push(["horizon", months.error]);
  else if (months.value !== undefined) input.horizon = { months: months.value };
  if ($("scheduled-on").value) {
    input.scheduledOn = $("scheduled-on").value;
    // The federal holidays a deadline counted Monday to Friday skips: from
    // the day of scheduling to the end of the next year (the engine counts
    // at most 10 business days ahead and 3 after).
    const year = Number(input.scheduledOn.slice(0, 4));
    if (year >= MIN_YEAR && year <= MAX_YEAR) {
      const holidays = federalHolidays(input.scheduledOn, `${year + 1}-12-31`);
      if (holidays.length > 0) input.federalHolidays = holidays;
    }
  }
  if ($("requested").checked) input.requested = true;
  if (input.payment === "insured") {
    input.coverage = {};
    for (const [id, key, isAmount] of COVERAGE) {
      const r = isAmount ? money($(id).value, unit) : percent($(id).value);
      if (r.error) errors.push([id, r.error]);
      else if (r.value !== undefined) input.coverage[key] = r.value;
    }
    if ($("payer").value) input.payer = $("payer").value;
    // No silent zeros: a blank is not "no deductible" or "insurance pays
    // everything". The engine asks for them (`requireTerms`); staff type 0
    // when that is what the plan says.
    input.requireTerms = true;
  }
  return { input, treatment, errors };
}

const fieldOf = (path) => fieldFor(PATH_FIELDS, path);

function stale(messages) {
  const status = $("status");
  status.textContent = ["Fix the marked fields; the quote below is the last good one.", ...messages].join(" ");
  status.className = "stale";
}

function update() {
  if (!sheet) return;
  const { input, treatment, errors } = readInput();
  $("coverage").hidden = input.payment !== "insured";
  $("treatment-description").textContent = treatment.description ?? "";
  $("dx").placeholder = (treatment.diagnosisCodes ?? []).join(", ");
  // A Good Faith Estimate lists the diagnosis: ask for it when neither the
  // form nor the sheet gives one.
  $("dx-ask").hidden = !(input.payment === "self-pay" && !input.diagnosisCodes && !(treatment.diagnosisCodes ?? []).length);
  fill($("gfe-checks"), treatmentChecks(sheet, treatment).map((w) => h("li", {}, w)));
  if (errors.length > 0) {
    showErrors($("form"), errors);
    return stale([]);
  }
  const gfe = input.payment === "self-pay" && Boolean(input.patient?.name && input.patient?.birthDate);
  quoteSoon({ input, gfe });
}

function draw(job, answer) {
  if (answer.problems) {
    const loose = showErrors($("form"), answer.problems.map((p) => [fieldOf(p.path), p.message]));
    return stale(loose);
  }
  showErrors($("form"), []);
  $("status").textContent = "";
  $("status").className = "";
  const { input } = job;
  const q = answer.quote;
  shown = { input, quote: q, gfe: answer.gfe, serial: answer.serial };
  // Every print and download is this quote: say which, so a file in hand can be matched to the screen.
  $("exports-of").textContent = `Printing and the downloads give quote ${q.number} as shown below (${sheet.name}).`;
  // What the estimate depends on: staff typing a name does not redraw the ledger.
  const key = JSON.stringify({ ...input, patient: undefined, number: undefined, date: undefined, scheduledOn: undefined, requested: undefined, sheet: sheet.name });
  renderQuote(q, answer, key !== drawnKey);
  drawnKey = key;
  renderGfe(input, answer.gfe, answer.gfeProblems);
}

function showFailure(err) {
  stale([`The engine failed: ${err.message}`]);
}

// ---------------------------------------------------------------------------
// The quote

/**
 * Text from the price sheet or the quote input (a name, an address, a
 * code), isolated for print: a right-to-left name, or a bidi override in
 * one, cannot reorder the text around it (the birth date beside a
 * patient's name).
 */
const bdi = (text) => h("bdi", {}, text);
/** An address on one line, each part isolated. */
const addressLine = (a) => [bdi(a.street), ", ", bdi(a.city), ", ", bdi(a.state), " ", bdi(a.postalCode)];

function clinicBlock(el, p) {
  fill(el, h("strong", {}, bdi(p.name)), h("br"), bdi(p.address.street), h("br"), bdi(p.address.city), ", ", bdi(p.address.state), " ", bdi(p.address.postalCode),
    p.phone ? [h("br"), bdi(p.phone)] : null, h("br"), `NPI ${p.npi} · TIN ${p.tin}`);
}

const pairs = (el, rows) => fill(el, rows.filter(Boolean).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
const patientText = (p) => (p ? [bdi(p.name), p.birthDate ? ` (born ${formatDate(p.birthDate)})` : ""] : "—");

/** The ledger's columns: insured quotes show what the payer allows and writes off. */
function columns(q, m) {
  const t = q.estimate.totals;
  const insured = q.payment === "insured";
  const cols = [
    ["Charge", (l) => m(l.gross), true],
    ["Discount", (l) => (l.discount ? `−${m(l.discount)}` : ""), true],
    insured ? ["Allowed", (l) => (l.allowed === undefined ? "not covered" : m(l.allowed)), false] : null,
    insured && t.adjustment > 0 ? ["Written off", (l) => m(l.adjustment), true] : null,
    insured ? ["Insurance", (l) => m(l.insurerPays), true] : null,
    t.assistance > 0 ? ["Programmes", (l) => m(l.assistance), true] : null,
    ["Patient", (l) => m(l.patientPays), true],
  ].filter(Boolean);
  return cols;
}

function renderQuote(q, answer, estimateChanged) {
  const e = q.estimate, m = moneyOf(e), t = e.totals;
  $("empty").hidden = true;
  $("quote-doc").hidden = false;
  clinicBlock($("quote-clinic"), q.provider);
  pairs($("quote-meta"), [["Quote", bdi(q.number)], ["Date", formatDate(q.date)], ["Valid until", formatDate(q.validUntil)],
    ["Patient", patientText(q.patient)], ["Payment", q.payment === "self-pay" ? "Self-pay" : "Insurance"],
    q.payer ? ["Payer", [bdi(q.payer.name), ` (${q.payer.network === "out" ? "out of network" : "in network"})`]] : null]);
  fill($("quote-title"), bdi(q.treatmentName));
  fill($("quote-description"), q.description ? bdi(q.description) : "", q.diagnosisCodes.length ? [h("br"), `Diagnosis codes: ${q.diagnosisCodes.join(", ")}`] : null);
  if (!estimateChanged) return;
  fill($("quote-totals"),
    card("Sessions", String(t.sessions), { note: `${formatDate(e.start)} – ${formatDate(e.sessions.at(-1)?.date ?? e.start)}` }),
    card("Total charges", m(t.charge), { id: "quote-total" }),
    t.adjustment > 0 ? card("Written off by the clinic", m(t.adjustment), { id: "quote-adjustment" }) : null,
    t.insurerPays > 0 ? card("Insurance pays", m(t.insurerPays), { id: "quote-insurer" }) : null,
    t.assistance > 0 ? card("Savings programmes pay", m(t.assistance)) : null,
    card("Patient pays", m(t.patientPays), { id: "quote-patient" }));

  fill($("quote-schedule"), calendar(e.sessions, { level: "h4", heading: (month) => formatMonth(month), item: (s) => [`${formatDate(s.date)} — `, bdi(s.phase)] }));

  const cols = columns(q, m);
  const totalsRow = cols.map(([name, cell]) => (name === "Allowed" ? "" : cell(t)));
  const note = $("lines-note");
  if (answer.summary) {
    note.hidden = false;
    note.textContent = `${answer.lineCount.toLocaleString()} charges: more than the ${MAX_LEDGER_ROWS_SHOWN} listed one by one, so they are summarised by month. Open a month for its items, and from there its charges.`;
    summaryTable($("quote-lines"), answer.summary, cols, m, totalsRow);
  } else {
    note.hidden = true;
    table($("quote-lines"), null, ["Date", "Code", "Description", "Qty", ...cols.map(([name]) => name)],
      e.lines.map((l) => [formatDate(l.date), l.code ?? "", bdi(l.name), String(l.quantity), ...cols.map(([, cell]) => cell(l))]),
      { num: [3, ...cols.map((_, i) => 4 + i)], foot: ["Total", "", "", "", ...totalsRow] });
  }
  table($("quote-phases"), null, ["Phase", "Sessions", "Dates", "Charges", "Patient pays"],
    e.phases.map((p) => [bdi(p.name), String(p.sessions), p.first ? `${formatDate(p.first)} – ${formatDate(p.last)}` : "not reached", m(p.charge), m(p.patientPays)]),
    { num: [1, 3, 4], foot: ["Total, with fees outside the phases", String(t.sessions), "", m(t.charge), m(t.patientPays)] });
  fill($("quote-warnings"), e.warnings.map((w) => h("li", {}, w.message)));
}

/**
 * A long ledger by month: one row per month (its charges and who pays
 * them) whose button shows the month's items, drawn when first opened, and
 * from there its charges one by one, fetched from the worker and drawn a
 * slice at a time.
 */
function summaryTable(el, months, cols, m, totalsRow) {
  const td = (v, num) => h("td", { class: num ? "num" : undefined }, v);
  const amounts = (x) => cols.map(([name, cell]) => td(name === "Allowed" ? "" : cell(x), true));
  const width = 4 + cols.length;
  fill(el,
    h("thead", {}, h("tr", {}, ["Month, item or date", "Code", "Times", "Each", ...cols.map(([name]) => name)].map((v, i) => h("th", { scope: "col", class: i >= 2 ? "num" : undefined }, v)))),
    months.map((month) => {
      const body = h("tbody", { id: `month-${month.month}`, class: "month-items", hidden: true });
      const toggle = h("button", { type: "button", class: "month-toggle", "aria-expanded": "false", "aria-controls": body.id }, formatMonth(month.month));
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        body.hidden = !open;
        if (open && !body.firstChild) fill(body, monthItems(month, cols, m, td, amounts, width));
      });
      return [h("tbody", { class: "month" }, h("tr", {}, h("th", { scope: "row" }, toggle), td(""), td(`${month.lines} charges`, true), td("", true), ...amounts(month))), body];
    }),
    h("tfoot", {}, h("tr", {}, td("Total"), td(""), td(""), td(""), ...totalsRow.map((v) => td(v, true)))));
}

function monthItems(month, cols, m, td, amounts, width) {
  const dates = (i) => (i.first === i.last ? formatDate(i.first) : `${formatDate(i.first)} – ${formatDate(i.last)}`);
  const rows = month.items.map((i) => h("tr", { class: "item-row" },
    td([bdi(i.name), ` (${dates(i)})`]), td(i.code ?? ""), td(`${i.times}×`, true), td(m(i.charge / i.times), true), ...amounts(i)));
  const more = h("button", { type: "button" }, `Show its ${month.lines} charges one by one`);
  const row = h("tr", {}, h("td", { colspan: String(width) }, more));
  more.addEventListener("click", async () => {
    more.disabled = true;
    more.textContent = "Loading…";
    const { lines } = await ask("lines", { month: month.month });
    let at = 0;
    // A slice at a time, so opening a month of a thousand charges never holds the page.
    const slice = () => {
      row.before(...lines.slice(at, at + MAX_LEDGER_ROWS_SHOWN).map((l) => h("tr", { class: "line-row" },
        td([`${formatDate(l.date)} — `, bdi(l.name)]), td(l.code ?? ""), td(String(l.quantity), true), td("", true), ...cols.map(([, cell]) => td(cell(l), true)))));
      at += MAX_LEDGER_ROWS_SHOWN;
      if (at < lines.length) setTimeout(slice);
      else row.remove();
    };
    slice();
  });
  return [...rows, row];
}

// ---------------------------------------------------------------------------
// The Good Faith Estimate

/** When the estimate is due, for staff: the date and the engine's words for the rule. */
function deadline(d) {
  $("gfe-deadline").hidden = !d;
  if (!d) return;
  const when = `${formatDate(d.scheduledOn)}${d.requested ? " (the day the patient asked)" : ""}`;
  pairs($("gfe-deadline-facts"), [["Scheduled on", when],
    ["Give it by", h("span", { id: "gfe-due" }, d.due ? `${formatDate(d.due)} — ${d.deadline}`
      : `No date: the first session is fewer than 3 business days after scheduling, so the rule sets no deadline; give it as soon as you can.`)]]);
  $("gfe-business-days").textContent = BUSINESS_DAYS_RULE;
}

/** A span of dates, or one date. */
const dates = (i) => (i.first === i.last ? formatDate(i.first) : `${formatDate(i.first)} – ${formatDate(i.last)}`);

/** The estimate this one replaces, when staff re-issue a saved one (reissue.js). */
let replacing = null;

function renderGfe(input, g, problems) {
  const doc = $("gfe-doc");
  doc.hidden = input.payment !== "self-pay";
  if (doc.hidden) return deadline(null);
  const missing = !input.patient?.name || !input.patient?.birthDate;
  $("gfe-missing").hidden = !missing && !problems;
  $("gfe-body").hidden = missing || Boolean(problems);
  doc.classList.toggle("incomplete", missing || Boolean(problems));
  $("fhir").disabled = !g;
  $("gfe-json").disabled = !g;
  if (missing || problems) deadline(null);
  if (missing) {
    $("gfe-missing").textContent = "Enter the patient's name and date of birth for the Good Faith Estimate.";
    return;
  }
  if (problems) {
    $("gfe-missing").textContent = problems.map((p) => p.message).join(" ");
    return;
  }
  deadline(g.delivery);
  const treatment = sheet.treatments.find((t) => t.id === input.treatment);
  const m = moneyOf(g);
  const p = g.provider;
  $("gfe-replaces").hidden = !replacing;
  $("gfe-replaces").textContent = replacing ? `This Good Faith Estimate replaces the one numbered ${replacing.number}, issued on ${formatDate(replacing.date)}.` : "";
  pairs($("gfe-meta"), [["Patient", bdi(g.patient.name)], ["Date of birth", formatDate(g.patient.birthDate)],
    ["Convening provider / facility", bdi(p.name)], ["NPI", p.npi], ["TIN", p.tin],
    ["Address", addressLine(p.address)],
    p.phone ? ["Phone", bdi(p.phone)] : null, ["Estimate number", bdi(g.number)], ["Date issued", formatDate(g.date)]]);
  const s = g.primaryService;
  pairs($("gfe-primary"), [["Service", bdi(s.name)], s.code ? ["Service code", s.code] : null,
    ["First session", s.scheduled ? formatDate(s.scheduled) : "not yet booked"],
    ["Expected", `${s.sessions} session${s.sessions === 1 ? "" : "s"}${s.last ? `, the last on ${formatDate(s.last)}` : ""}`],
    ["Diagnosis codes", g.diagnosisCodes.length ? `${g.diagnosisCodes.join(", ")} (for every item below)`
      : "None yet: your diagnosis had not been recorded when this estimate was made. Ask us to add it; the charges below do not depend on it."]]);
  const places = new Map();
  fill($("gfe-providers"), g.providers.map((group, n) => {
    const id = `gfe-provider-${n}`;
    const el = h("section", { class: "gfe-provider", "aria-labelledby": id },
      h("h4", { id }, `${group.role === "convening" ? "Convening provider" : "Co-provider or co-facility"}: `, bdi(group.name)),
      h("p", { class: "hint" }, `NPI ${group.npi} · TIN ${group.tin} · `, addressLine(group.address), group.phone ? [" · ", bdi(group.phone)] : null),
      h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": id }, h("table", { class: "gfe-items" })),
      group.highSubtotal !== undefined ? h("p", { class: "gfe-range" }, "Expected charges from ", bdi(group.name), ": ",
        m(group.subtotal), ", or up to ", h("span", { class: "gfe-high-subtotal" }, m(group.highSubtotal)), " if the course runs to its longest.") : null);
    const where = group.items.map((i) => whereGiven(sheet, treatment, i));
    for (const l of where) places.set(l.id ?? "", l);
    table(el.querySelector("table"), null, ["Service", "Service code", "Where", "How often", "Dates", "Times", "Each", "Expected charge"],
      group.items.map((i, n) => [bdi(i.service), i.code ?? "no code", bdi(where[n].name), frequency(treatment, i) ?? "once", dates(i),
        String(i.times), m(i.unitCharge), m(i.expectedCharge)]),
      { num: [5, 6, 7], foot: [["Subtotal, ", bdi(group.name)], "", "", "", "", "", "", h("span", { class: "gfe-subtotal" }, m(group.subtotal))] });
    // The subtotal's words across the columns before it.
    const foot = el.querySelector("tfoot tr");
    for (const cell of [...foot.cells].slice(1, -1)) cell.remove();
    foot.cells[0].colSpan = 7;
    return el;
  }));
  fill($("gfe-places"), [...places.values()].map((l) => h("li", {}, h("strong", {}, bdi(l.name)), ": ", addressLine(l.address),
    ` (place of service ${l.placeOfService})`)));
  pairs($("gfe-totals"), [["Total estimated charges", h("span", { id: "gfe-total" }, m(g.total))],
    g.highTotal !== undefined ? ["If the course runs to its longest", h("span", { id: "gfe-high" }, `up to ${m(g.highTotal)}`)] : null]);
  fill($("gfe-conditional"), conditionalDiscounts(treatment).map((x) => h("li", {}, x)));
  $("gfe-separate-note").textContent = g.scheduledSeparately.length ? g.separatelyScheduledNote : "";
  fill($("gfe-separate"), g.scheduledSeparately.length ? g.scheduledSeparately.map((x) => h("li", {}, bdi(x))) : h("li", {}, "None expected."));
  fill($("gfe-disclaimers"), g.disclaimers.map((x) => h("li", {}, x)));
  if (replacing) showChanges(g);
}

/** What changed since the estimate being replaced, item by item (reissue.js, loaded with the saved file). */
async function showChanges(g) {
  const { changes } = await import(new URL("reissue.js", import.meta.url).href);
  const m = moneyOf(g);
  const rows = changes(replacing, g);
  $("reissue-block").hidden = false;
  table($("reissue-changes"), null, ["Item", "Before", "Now", "Change"],
    rows.map((r) => [bdi(r.service), r.before ? `${r.before.times} × ${m(r.before.unitCharge)} = ${m(r.before.expectedCharge)}` : "not listed",
      r.now ? `${r.now.times} × ${m(r.now.unitCharge)} = ${m(r.now.expectedCharge)}` : "no longer listed", r.change]),
    { foot: ["Total", m(replacing.total), m(g.total), g.total === replacing.total ? "unchanged" : `${g.total > replacing.total ? "+" : "−"}${m(Math.abs(g.total - replacing.total))}`] });
}

/** Opens a saved Good Faith Estimate (its JSON download) to quote it again from today's sheet. */
async function reissue(text) {
  const { readSaved } = await import(new URL("reissue.js", import.meta.url).href);
  const saved = readSaved(text, sheet);
  if (saved.error) {
    $("reissue-status").textContent = saved.error;
    return;
  }
  replacing = saved.gfe;
  $("patient-name").value = replacing.patient.name;
  $("patient-dob").value = replacing.patient.birthDate;
  $("treatment").value = replacing.treatment;
  $("start").value = replacing.start;
  $("dx").value = replacing.diagnosisCodes.join(", ");
  $("quote-number").value = "";
  $("quote-date").value = today();
  document.querySelector('input[name="payment"][value="self-pay"]').checked = true;
  $("reissue-status").textContent = `Re-issuing estimate ${replacing.number} of ${formatDate(replacing.date)} from today's price sheet: the changes are listed below the estimate.`;
  $("reissue-stop").hidden = false;
  update();
}

// ---------------------------------------------------------------------------
// Output

const fileName = (q, ext) => `quote-${q.number.replace(/[^A-Za-z0-9._-]+/g, "_")}.${ext}`;

async function main() {
  $("form").addEventListener("submit", (e) => e.preventDefault());
  $("form").addEventListener("input", update);
  $("form").addEventListener("change", update);
  filePickers(document);
  $("sheet-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await openSheet(await file.text(), file.name);
  });
  $("sheet-sample").addEventListener("click", async () => openSheet(await fetchText("clinic.sample.json"), "the sample sheet"));
  $("sheet-draft").addEventListener("click", () => {
    const draft = readDraft();
    if (draft !== null) openSheet(draft, "the editor's draft");
  });
  $("print").addEventListener("click", () => window.print());
  $("csv").addEventListener("click", async () => {
    if (!shown) return;
    // The quote on screen, from the sheet and input it was made with (the
    // worker keeps both): never the newest sheet with the last good input.
    const { quote } = shown;
    const { csv, problems } = await ask("csv", { serial: shown.serial });
    if (csv !== undefined) download(fileName(quote, "csv"), "text/csv;charset=utf-8", csv);
    else stale(problems.map((p) => p.message));
  });
  $("gfe-json").addEventListener("click", () => {
    if (!shown?.gfe) return;
    // With the treatment and start it was quoted for: what a re-issue quotes again.
    const saved = { ...shown.gfe, treatment: shown.input.treatment, start: shown.input.start };
    download(fileName(shown.quote, "json").replace(/^quote-/, "gfe-"), "application/json", JSON.stringify(saved, null, 2));
  });
  $("reissue-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file && sheet) await reissue(await file.text());
  });
  $("reissue-stop").addEventListener("click", () => {
    replacing = null;
    $("reissue-stop").hidden = true;
    $("reissue-block").hidden = true;
    $("reissue-status").textContent = "";
    update();
  });
  $("json").addEventListener("click", () => {
    if (!shown) return;
    download(fileName(shown.quote, "json"), "application/json", JSON.stringify(shown.quote, null, 2));
  });
  $("fhir").addEventListener("click", async () => {
    if (!shown?.gfe) return;
    const { quote, gfe } = shown;
    // The FHIR writer (`gfeBundle` of coursecost/staff) is loaded when
    // first asked for: most quotes never need it.
    const { gfeBundle } = await import(new URL("fhir.js", import.meta.url).href);
    const notes = conditionalDiscounts(sheet.treatments.find((t) => t.id === shown.input.treatment) ?? {});
    download(fileName(quote, "fhir.json").replace(/^quote-/, "gfe-"), "application/fhir+json", JSON.stringify(gfeBundle(gfe, { notes }), null, 2));
  });

  // The engine's bounds, so the browser's own checks agree with it.
  $("patient-name").maxLength = MAX_NAME_CHARS;
  $("quote-number").maxLength = MAX_NUMBER_CHARS;
  $("horizon").placeholder = `1–${MAX_HORIZON_MONTHS}`;
  Object.assign($("patient-dob"), { min: `${MIN_BIRTH_YEAR}-01-01`, max: `${MAX_YEAR}-12-31` });
  for (const id of ["start", "quote-date", "scheduled-on"]) Object.assign($(id), { min: `${MIN_YEAR}-01-01`, max: `${MAX_YEAR}-12-31` });
  $("quote-date").value = today();
  $("start").value = today();
  $("scheduled-on").value = today();
  $("sheet-draft").hidden = readDraft() === null;
  // A clinic deploys the page with its prices as clinic.json beside it. The
  // site ships one that says `null` (no sheet), so the page never asks for a
  // file that is not there (a 404 is an error in the browser's console).
  const baked = await fetchText("clinic.json").catch(() => null);
  const { version } = await ask("start", {});
  $("version").textContent = version;
  if (baked !== null && baked.trim() !== "null") await openSheet(baked, "clinic.json");
  else $("sheet-status").textContent = "This site has no price sheet (clinic.json). Open one, or try the sample.";
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  $("sheet-status").textContent = `The engine could not start: ${err.message}`;
});
