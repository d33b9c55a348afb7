// The staff view: a clinic's price sheet and a form in, the engine's quote
// and Good Faith Estimate out. Every number drawn is the engine's (`quote`,
// `goodFaithEstimate`, `quoteCsv`); the page only formats them.
//
// Patient details are read from the form when a quote is drawn and go only
// into the page and the files staff download. Nothing here writes the URL,
// storage or cookies, or sends a request with them: the only requests are
// for the page's own files and the clinic's price sheet.
import init, { ClinicSheet, estimate, version } from "./pkg/staff.js";
import { h, fill, table, download } from "./dom.js";
import { moneyOf, formatDate, formatMonth, today } from "./format.js";
import { currencyOf, money, percent, labelCurrency, showErrors, fieldFor } from "./fields.js";
import { card, calendar } from "./cards.js";
import { MAX_NAME_CHARS, MAX_NUMBER_CHARS, MAX_YEAR, MIN_YEAR } from "./limits.js";

const $ = (id) => document.getElementById(id);

/** Engine problem paths → the form field that can fix them. */
const PATH_FIELDS = [
  [/^input\.patient\.name/, "patient-name"], [/^input\.patient\.birthDate/, "patient-dob"], [/^input\.patient/, "patient-name"],
  [/^input\.start/, "start"], [/^input\.date/, "quote-date"], [/^input\.number/, "quote-number"],
  [/^input\.diagnosisCodes/, "dx"], [/^input\.payment/, "payment"],
  [/^input\.coverage\.deductibleMet/, "deductible-met"], [/^input\.coverage\.deductible/, "deductible"],
  [/^input\.coverage\.coinsurance/, "coinsurance"], [/^input\.coverage\.copay/, "copay"],
  [/^input\.coverage\.outOfPocketMax/, "oop-max"], [/^input\.coverage\.outOfPocketMet/, "oop-met"],
];
/** The coverage fields: field id, the input's key, and whether it is an amount (else a percentage). */
const COVERAGE = [["deductible", "deductible", true], ["deductible-met", "deductibleMet", true], ["coinsurance", "coinsurance", false],
  ["copay", "copay", true], ["oop-max", "outOfPocketMax", true], ["oop-met", "outOfPocketMet", true]];

let sheet = null; // the valid price sheet in use, as data (names, treatments)
let unit = null; // its currency as the engine counts it: typed amounts are read in it
let engine = null; // the same sheet decoded once by the engine: every quote asks it
let shown = null; // the quote on screen, with its sheet and input: what the downloads export

// ---------------------------------------------------------------------------
// The price sheet

async function fetchText(url) {
  const res = await fetch(url, { cache: "no-cache", credentials: "omit" });
  return res.ok ? res.text() : null;
}

/** Validates a sheet with the engine; a broken one leaves the current sheet in use. */
function openSheet(text, from) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return showSheetProblems(from, [{ path: "", message: `not valid JSON (${e.message})` }]);
  }
  let decoded;
  try {
    decoded = new ClinicSheet(data);
  } catch (err) {
    return showSheetProblems(from, err.problems ?? [{ path: "", message: err.message }]);
  }
  $("sheet-problems-block").hidden = true;
  engine?.free();
  engine = decoded;
  sheet = data;
  unit = currencyOf(estimate, data.currency);
  labelCurrency($("form"), unit);
  $("sheet-status").textContent = `${data.name} — ${data.treatments.length} treatment${data.treatments.length === 1 ? "" : "s"}, from ${from}.`;
  const keep = $("treatment").value;
  fill($("treatment"), data.treatments.map((t) => h("option", { value: t.id }, t.name)));
  if (data.treatments.some((t) => t.id === keep)) $("treatment").value = keep;
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
  if (input.payment === "insured") {
    input.coverage = {};
    for (const [id, key, isAmount] of COVERAGE) {
      const r = isAmount ? money($(id).value, unit) : percent($(id).value);
      if (r.error) errors.push([id, r.error]);
      else if (r.value !== undefined) input.coverage[key] = r.value;
    }
  }
  return { input, treatment, errors };
}


const fieldOf = (path) => fieldFor(PATH_FIELDS, path);

function update() {
  if (!sheet) return;
  const { input, treatment, errors } = readInput();
  $("coverage").hidden = input.payment !== "insured";
  $("treatment-description").textContent = treatment.description ?? "";
  $("dx").placeholder = (treatment.diagnosisCodes ?? []).join(", ");
  const status = $("status");
  if (errors.length > 0) {
    showErrors($("form"), errors);
    status.textContent = "Fix the marked fields; the quote below is the last good one.";
    status.className = "stale";
    return;
  }
  let q;
  try {
    q = engine.quote(input);
  } catch (err) {
    const loose = showErrors($("form"), (err.problems ?? [{ path: "", message: err.message }]).map((p) => [fieldOf(p.path), p.message]));
    status.textContent = ["Fix the marked fields; the quote below is the last good one.", ...loose].join(" ");
    status.className = "stale";
    return;
  }
  showErrors($("form"), []);
  status.textContent = "";
  status.className = "";
  shown = { engine, input, quote: q };
  renderQuote(q);
  renderGfe(input);
}

// ---------------------------------------------------------------------------
// The documents

function clinicBlock(el, p) {
  fill(el, h("strong", {}, p.name), h("br"), p.address.street, h("br"), `${p.address.city}, ${p.address.state} ${p.address.postalCode}`,
    p.phone ? [h("br"), p.phone] : null, h("br"), `NPI ${p.npi} · TIN ${p.tin}`);
}

const pairs = (el, rows) => fill(el, rows.filter(Boolean).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
const patientText = (p) => (p ? `${p.name}${p.birthDate ? ` (born ${formatDate(p.birthDate)})` : ""}` : "—");

function renderQuote(q) {
  const e = q.estimate, m = moneyOf(e);
  $("empty").hidden = true;
  $("quote-doc").hidden = false;
  clinicBlock($("quote-clinic"), q.provider);
  pairs($("quote-meta"), [["Quote", q.number], ["Date", formatDate(q.date)], ["Valid until", formatDate(q.validUntil)],
    ["Patient", patientText(q.patient)], ["Payment", q.payment === "self-pay" ? "Self-pay" : "Insurance"]]);
  $("quote-title").textContent = q.treatmentName;
  fill($("quote-description"), q.description ?? "", q.diagnosisCodes.length ? [h("br"), `Diagnosis codes: ${q.diagnosisCodes.join(", ")}`] : null);
  const t = e.totals;
  fill($("quote-totals"),
    card("Sessions", String(t.sessions), { note: `${formatDate(e.start)} – ${formatDate(e.sessions.at(-1)?.date ?? e.start)}` }),
    card("Total charges", m(t.charge), { id: "quote-total" }),
    t.insurerPays > 0 ? card("Insurance pays", m(t.insurerPays)) : null,
    t.assistance > 0 ? card("Savings programmes pay", m(t.assistance)) : null,
    card("Patient pays", m(t.patientPays), { id: "quote-patient" }));

  fill($("quote-schedule"), calendar(e.sessions, { level: "h4", heading: (month) => formatMonth(month), item: (s) => `${formatDate(s.date)} — ${s.phase}` }));

  const insured = q.payment === "insured";
  const head = ["Date", "Code", "Description", "Qty", "Charge", "Discount", ...(insured ? ["Insurance"] : []), ...(t.assistance > 0 ? ["Programmes"] : []), "Patient"];
  const row = (l) => [formatDate(l.date), l.code ?? "", l.name, String(l.quantity), m(l.gross), l.discount ? `−${m(l.discount)}` : "",
    ...(insured ? [m(l.insurerPays)] : []), ...(t.assistance > 0 ? [m(l.assistance)] : []), m(l.patientPays)];
  const num = [3, 4, 5, 6, 7, 8];
  table($("quote-lines"), null, head, e.lines.map(row), {
    num,
    foot: ["Total", "", "", "", m(t.gross), t.discount ? `−${m(t.discount)}` : "",
      ...(insured ? [m(t.insurerPays)] : []), ...(t.assistance > 0 ? [m(t.assistance)] : []), m(t.patientPays)],
  });
  table($("quote-phases"), null, ["Phase", "Sessions", "Dates", "Charges", "Patient pays"],
    e.phases.map((p) => [p.name, String(p.sessions), p.first ? `${formatDate(p.first)} – ${formatDate(p.last)}` : "not reached", m(p.charge), m(p.patientPays)]),
    { num: [1, 3, 4], foot: ["Total, with fees outside the phases", String(t.sessions), "", m(t.charge), m(t.patientPays)] });
  fill($("quote-warnings"), e.warnings.map((w) => h("li", {}, w.message)));
}

function renderGfe(input) {
  const doc = $("gfe-doc");
  doc.hidden = input.payment !== "self-pay";
  if (doc.hidden) return;
  const missing = !input.patient?.name || !input.patient?.birthDate;
  $("gfe-missing").hidden = !missing;
  $("gfe-body").hidden = missing;
  doc.classList.toggle("incomplete", missing);
  if (missing) return;
  let g;
  try {
    g = engine.goodFaithEstimate(input);
  } catch (err) {
    $("gfe-missing").hidden = false;
    $("gfe-missing").textContent = err.message;
    $("gfe-body").hidden = true;
    return;
  }
  const m = moneyOf(g);
  const p = g.provider;
  pairs($("gfe-meta"), [["Patient", g.patient.name], ["Date of birth", formatDate(g.patient.birthDate)],
    ["Provider / facility", p.name], ["NPI", p.npi], ["TIN", p.tin],
    ["Location", `${p.address.street}, ${p.address.city}, ${p.address.state} ${p.address.postalCode}`],
    p.phone ? ["Phone", p.phone] : null, ["Estimate number", g.number], ["Date issued", formatDate(g.date)]]);
  const s = g.primaryService;
  pairs($("gfe-primary"), [["Service", s.name], s.code ? ["Service code", s.code] : null,
    ["Scheduled", s.scheduled ? formatDate(s.scheduled) : "not scheduled"],
    ["Expected", `${s.sessions} session${s.sessions === 1 ? "" : "s"}${s.last ? `, the last on ${formatDate(s.last)}` : ""}`],
    ["Diagnosis codes", g.diagnosisCodes.join(", ") || "none given"]]);
  table($("gfe-items"), null, ["Service", "Service code", "Diagnosis codes", "Dates", "Times", "Each", "Expected charge"],
    g.items.map((i) => [i.service, i.code ?? "", g.diagnosisCodes.join(", "), i.first === i.last ? formatDate(i.first) : `${formatDate(i.first)} – ${formatDate(i.last)}`,
      String(i.times), m(i.unitCharge), m(i.expectedCharge)]),
    { num: [4, 5, 6], foot: ["Total estimated charges", "", "", "", "", "", h("span", { id: "gfe-total" }, m(g.total))] });
  fill($("gfe-separate"), g.scheduledSeparately.length ? g.scheduledSeparately.map((x) => h("li", {}, x)) : h("li", {}, "None expected."));
  fill($("gfe-disclaimers"), g.disclaimers.map((x) => h("li", {}, x)));
}

// ---------------------------------------------------------------------------
// Output

const fileName = (q, ext) => `quote-${q.number.replace(/[^A-Za-z0-9._-]+/g, "_")}.${ext}`;

async function main() {
  $("form").addEventListener("submit", (e) => e.preventDefault());
  $("form").addEventListener("input", update);
  $("form").addEventListener("change", update);
  $("sheet-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    if (file) openSheet(await file.text(), file.name);
    e.target.value = "";
  });
  $("sheet-sample").addEventListener("click", async () => openSheet(await fetchText("clinic.sample.json"), "the sample sheet"));
  $("print").addEventListener("click", () => window.print());
  $("csv").addEventListener("click", () => {
    if (!shown) return;
    download(fileName(shown.quote, "csv"), "text/csv;charset=utf-8", shown.engine.quoteCsv(shown.input));
  });
  $("json").addEventListener("click", () => {
    if (!shown) return;
    download(fileName(shown.quote, "json"), "application/json", JSON.stringify(shown.quote, null, 2));
  });

  // Named from the page, not the glue: the glue is bundled into this module.
  await init({ module_or_path: new URL("pkg/coursecost_staff_bg.wasm", import.meta.url) });
  $("version").textContent = version();
  // The engine's bounds, so the browser's own checks agree with it.
  $("patient-name").maxLength = MAX_NAME_CHARS;
  $("quote-number").maxLength = MAX_NUMBER_CHARS;
  $("patient-dob").max = `${MAX_YEAR}-12-31`;
  for (const id of ["start", "quote-date"]) Object.assign($(id), { min: `${MIN_YEAR}-01-01`, max: `${MAX_YEAR}-12-31` });
  $("quote-date").value = today();
  $("start").value = today();
  // A clinic deploys the page with its prices as clinic.json beside it. The
  // site ships one that says `null` (no sheet), so the page never asks for a
  // file that is not there (a 404 is an error in the browser's console).
  const baked = await fetchText("clinic.json").catch(() => null);
  if (baked !== null && baked.trim() !== "null") openSheet(baked, "clinic.json");
  else $("sheet-status").textContent = "This site has no price sheet (clinic.json). Open one, or try the sample.";
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  $("sheet-status").textContent = `The engine could not start: ${err.message}`;
});
