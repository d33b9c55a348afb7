// A minimal page over the engine: edit a plan, see its estimate. Every number
// shown comes from the engine; the page only formats it.
import init, { estimate, version } from "./pkg/index.js";

const example = {
  start: new Date().toLocaleDateString("en-CA"), // today's local date, YYYY-MM-DD
  horizon: { months: 12 },
  clinic: { closedWeekdays: ["sat", "sun"] },
  phases: [
    { name: "Induction", every: { weekdays: ["mon", "wed", "fri"] }, sessions: 6, price: 50000, code: "96365" },
    { name: "Boosters", every: { weeks: 4 }, price: 50000, code: "96365" },
  ],
  fees: [{ name: "Consultation", amount: 25000, when: "once" }],
};

const $ = (id) => document.getElementById(id);
const cell = (row, text, cls) => {
  const td = row.insertCell();
  td.textContent = text; // never HTML: plan text is user input
  if (cls) td.className = cls;
};

function show(e) {
  const money = new Intl.NumberFormat(undefined, { style: "currency", currency: e.currency, minimumFractionDigits: e.minorUnits, maximumFractionDigits: e.minorUnits });
  const fmt = (minor) => money.format(minor / 10 ** e.minorUnits);
  const date = (iso) => new Date(iso + "T00:00:00").toLocaleDateString(undefined, { dateStyle: "medium" });
  const totals = $("totals");
  totals.replaceChildren();
  for (const [label, value] of [
    ["Sessions", String(e.totals.sessions)],
    ["Total charges", fmt(e.totals.charge)],
    ["Insurance pays", fmt(e.totals.insurerPays)],
    ["Programmes pay", fmt(e.totals.assistance)],
    ["You pay", fmt(e.totals.patientPays)],
  ]) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    totals.append(dt, dd);
  }
  const body = $("ledger").tBodies[0];
  body.replaceChildren();
  for (const l of e.lines) {
    const row = body.insertRow();
    cell(row, date(l.date));
    cell(row, l.quantity > 1 ? `${l.name} (${l.quantity} sessions)` : l.name);
    cell(row, l.code ?? "");
    cell(row, fmt(l.charge), "num");
    cell(row, fmt(l.insurerPays), "num");
    cell(row, fmt(l.assistance), "num");
    cell(row, fmt(l.patientPays), "num");
  }
  $("status").textContent = `${date(e.start)} to ${date(e.end)} (end exclusive)` + (e.warnings.length ? ` — ${e.warnings.map((w) => w.message).join(" ")}` : "");
}

function recompute() {
  const problems = $("plan-problems");
  problems.replaceChildren();
  let plan;
  try {
    plan = JSON.parse($("plan").value);
  } catch (err) {
    const li = document.createElement("li");
    li.textContent = `Not valid JSON: ${err.message}. Showing the last good estimate.`;
    problems.append(li);
    $("plan").setAttribute("aria-invalid", "true");
    return;
  }
  try {
    show(estimate(plan));
    $("plan").removeAttribute("aria-invalid");
  } catch (err) {
    for (const p of err.problems ?? [{ path: "", message: String(err.message) }]) {
      const li = document.createElement("li");
      li.textContent = p.path ? `${p.path}: ${p.message}` : p.message;
      problems.append(li);
    }
    $("plan").setAttribute("aria-invalid", "true");
  }
}

await init();
$("version").textContent = version();
$("plan").value = JSON.stringify(example, null, 2);
$("plan").addEventListener("input", recompute);
recompute();
