// The visitor page: a form in, the engine's estimate out. The page only
// turns the form into a plan and draws what the engine returns (estimate,
// range, compare); every number on screen is the engine's. Nothing leaves
// the page: the state lives in the URL fragment, which browsers never send.
import init, { estimate, range, compare, presets, preset, version } from "./pkg/index.js";
import { h, fill, table, download } from "./dom.js";
import { moneyOf, plainAmount, formatDate, formatDay, formatMonth, today } from "./format.js";
import { FIELDS, toFragment, fromFragment } from "./state.js";
import { lineChart } from "./chart.js";
import { currencyOf, money, whole, percent, labelCurrency, showErrors, fieldFor } from "./fields.js";
import { card, calendar } from "./cards.js";
import { MAX_COMPARED, MAX_HORIZON_MONTHS, MAX_NAME_CHARS } from "./limits.js";

const $ = (id) => document.getElementById(id);
const DEFAULT_TREATMENT = "iv-ketamine";

/** Engine problem paths → the form field that can fix them. */
const PATH_FIELDS = [
  [/^start/, "start"], [/^horizon/, "months"],
  [/^phases\[\d+\]\.price/, "price"], [/^phases\[\d+\]\.sessions/, "induction"], [/^phases\[\d+\]\.every/, "interval"],
  [/^fees/, "fee"], [/^packages\[0\]\.sessions/, "pkg-sessions"], [/^packages/, "pkg-price"],
  [/^coverage\.deductibleMet/, "deductible-met"], [/^coverage\.deductible/, "deductible"],
  [/^coverage\.coinsurance/, "coinsurance"], [/^coverage\.copay/, "copay"],
  [/^coverage\.outOfPocketMax/, "oop-max"], [/^coverage\.outOfPocketMet/, "oop-met"],
  [/^coverage\.planYearStart/, "year-start"],
  [/^assistance\[0\]\.patientPaysAtMost/, "assist-at-most"], [/^assistance\[0\]\.annualMax/, "assist-max"],
  [/^financing\.months/, "fin-months"], [/^financing\.apr/, "fin-apr"], [/^financing\.downPayment/, "fin-down"],
];

let catalogue = []; // presets at their default start, for names, hints and sources
let shown = null; // the last plan and estimate drawn: what the download saves

// ---------------------------------------------------------------------------
// Reading the form

function readState() {
  const state = {};
  for (const [key, kind] of Object.entries(FIELDS)) {
    if (kind === "bool") state[key] = $(key).checked;
    else if (kind === "pay") state[key] = document.querySelector('input[name="pay"]:checked')?.value ?? "self";
    else if (kind === "ids") state[key] = [...document.querySelectorAll("#compare-picks input:checked")].map((c) => c.value);
    else if (kind === "id") state[key] = $("treatment").value;
    else state[key] = $(key).value;
  }
  return state;
}

function writeState(state) {
  for (const [key, kind] of Object.entries(FIELDS)) {
    const v = state[key];
    if (kind === "bool") $(key).checked = Boolean(v);
    else if (kind === "pay") document.querySelector(`input[name="pay"][value="${v === "insured" ? "insured" : "self"}"]`).checked = true;
    else if (kind === "ids") for (const c of document.querySelectorAll("#compare-picks input")) c.checked = (v ?? []).includes(c.value);
    else if (kind === "id") $("treatment").value = catalogue.some((p) => p.id === v) ? v : DEFAULT_TREATMENT;
    else $(key).value = v ?? "";
  }
}

/**
 * The phases the preset lets a visitor change (its `editable`): where the
 * phase whose sessions the "sessions" field counts sits in the preset's
 * plans, and the phase whose weeks between sessions the "interval" field
 * sets; -1 for none. The engine checks that the low and high plans have a
 * phase of the same kind at the same place.
 */
function editable(p) {
  const at = (name) => (name === undefined ? -1 : p.plan.phases.findIndex((x) => x.name === name));
  return { induction: at(p.editable?.sessions), interval: at(p.editable?.interval) };
}

/**
 * The visitor's plan: the preset's typical plan with the form's changes,
 * amounts read in `unit`'s currency. Returns `{ plan, options, errors }`:
 * `options` are the visitor's insurance, programmes and horizon (on the
 * plan too), which `range` and `compare` put on other plans; `errors` maps
 * field ids to messages for input that is not even a number; the engine
 * judges everything else.
 */
function buildPlan(p, state, unit) {
  const errors = {};
  const read = (id, parse) => {
    const r = parse(state[id] ?? "");
    if (r.error) errors[id] = r.error;
    return r.value;
  };
  const amount = (text) => money(text, unit);
  const plan = structuredClone(p.plan);
  const { induction, interval } = editable(p);
  plan.start = state.start.trim() || today();
  const options = { horizon: { months: read("months", whole) ?? 12 } };

  const price = read("price", amount);
  if (price !== undefined) for (const phase of plan.phases) phase.price = price;
  const sessions = read("induction", whole);
  if (sessions !== undefined && induction >= 0) plan.phases[induction].sessions = sessions;
  const weeks = read("interval", whole);
  if (weeks !== undefined && interval >= 0) plan.phases[interval].every = { weeks };
  const fee = read("fee", amount);
  if (fee !== undefined) {
    if (plan.fees?.length) plan.fees[0].amount = fee;
    else if (fee !== 0) plan.fees = [{ name: "Other fees", amount: fee, when: "once" }];
  }
  const pkgSessions = read("pkg-sessions", whole);
  const pkgPrice = read("pkg-price", amount);
  if (pkgSessions !== undefined || pkgPrice !== undefined) {
    const phase = plan.phases[Math.max(0, induction)];
    plan.packages = [{ name: `${phase.name} package`, phase: phase.name, sessions: pkgSessions ?? 0, price: pkgPrice ?? 0 }];
  }

  if (state.pay === "insured") {
    const coverage = {
      deductible: read("deductible", amount) ?? 0,
      deductibleMet: read("deductible-met", amount) ?? 0,
      coinsurance: read("coinsurance", percent) ?? 0,
    };
    const copay = read("copay", amount);
    if (copay !== undefined) coverage.copay = copay;
    const oopMax = read("oop-max", amount);
    if (oopMax !== undefined) {
      coverage.outOfPocketMax = oopMax;
      coverage.outOfPocketMet = read("oop-met", amount) ?? 0;
    }
    const yearStart = (state["year-start"] ?? "").trim();
    if (yearStart) coverage.planYearStart = yearStart;
    options.coverage = coverage;
    for (const phase of plan.phases) phase.covered = state["cover-sessions"];
    for (const fee of plan.fees ?? []) fee.covered = state["cover-fees"];
  }
  if (state["assist-on"]) {
    const programme = { name: "Savings programme", patientPaysAtMost: read("assist-at-most", amount) ?? 0 };
    const cap = read("assist-max", amount);
    if (cap !== undefined) programme.annualMax = cap;
    options.assistance = [programme];
  }
  Object.assign(plan, options);
  if (state["fin-on"]) {
    plan.financing = { months: read("fin-months", whole) ?? 12, apr: read("fin-apr", percent) ?? 0, downPayment: read("fin-down", amount) ?? 0 };
  }
  return { plan, options, errors };
}

// ---------------------------------------------------------------------------
// Showing problems at their fields

const fieldOf = (path) => fieldFor(PATH_FIELDS, path);

// ---------------------------------------------------------------------------
// Drawing the estimate

/** The headline: what the visitor pays over the horizon. */
function youPay(e, months) {
  const m = moneyOf(e);
  return card(`You pay over ${months} months`, m(e.totals.patientPays), {
    note: `${e.totals.sessions} sessions from ${formatDate(e.start)}; charges ${m(e.totals.charge)}, insurance pays ${m(e.totals.insurerPays)}${e.totals.assistance ? `, programmes pay ${m(e.totals.assistance)}` : ""}.`,
  });
}

/**
 * On page load, the estimate's headline is drawn at once and everything
 * else (the published range, the comparison, the calendar, the ledger, the
 * chart) in the next task, so the number the visitor came for is on screen
 * first. `#results[data-complete]` says when the rest is there.
 */
function renderFirst(p, built, e, state) {
  fill($("headline"), youPay(e, built.plan.horizon.months));
  const drawing = updates;
  // Unless the visitor has already changed something, which drew it all.
  setTimeout(() => drawing === updates && render(p, built, e, state));
}

let updates = 0; // how many times the form has been read

function render(p, { plan, options }, e, state) {
  const m = moneyOf(e);
  const r = rangeOf(p.id, plan.start, options);
  const others = [...new Set(state.compare)].filter((id) => id !== p.id)
    .map((id) => catalogue.find((x) => x.id === id)).filter(Boolean).slice(0, MAX_COMPARED - 1);
  // One comparison serves the headline cards (the visitor's plan is first)
  // and the side-by-side view; the engine puts the visitor's insurance,
  // programmes and horizon on the other treatments' typical plans.
  const c = compare([plan, ...others.map((o) => preset(o.id, plan.start).plan)], options);
  const mine = c.plans[0];

  const months = plan.horizon.months;
  const label = state.label.trim();
  fill($("summary-heading"), label ? `Your estimate: ${label}` : "Your estimate");
  fill(
    $("headline"),
    youPay(e, months),
    card("Published range for this treatment", `${m(r.low.patientPays)} – ${m(r.high.patientPays)}`, {
      note: `Most likely ${m(r.typical.patientPays)}: the typical, cheapest and dearest published courses with your insurance, before your changes.`,
    }),
    card("First month", m(mine.firstMonth.patientPays), { note: `${formatDate(mine.firstMonth.start)} to ${formatDate(mine.firstMonth.end)}.` }),
    mine.typicalMonth?.monthly === undefined ? null : card("Then, a typical month", m(mine.typicalMonth.monthly),
      { note: `From ${formatDate(mine.typicalMonth.start)} to ${formatDate(mine.typicalMonth.end)}.` }),
    months > 12 ? card("First 12 months", m(mine.firstYear)) : null,
  );
  fill($("warnings"), e.warnings.map((w) => h("li", {}, w.message)));

  lineChart($("chart"), {
    id: "cumulative", title: "Cumulative cost to you", months: e.months.map((x) => x.month),
    series: [{ name: "You pay", values: e.months.map((x) => x.cumulativePatientPays) }], currency: e.currency, digits: e.minorUnits,
  });

  fill($("assumptions"), p.assumptions.map((a) => h("li", {}, a)),
    h("li", {}, `Insurance: ${plan.coverage ? "your plan's deductible, coinsurance or copay and out-of-pocket maximum apply to covered lines, claim by claim in date order, resetting each plan year." : "none — you pay every charge yourself."}`),
    h("li", {}, "Sessions on the dates shown; a missed or moved session changes the cost."));
  fill($("sources"), p.sources.flatMap((src, i) => [i ? "; " : "", h("a", { href: src.url, rel: "noopener noreferrer", target: "_blank" }, src.title)]), ` (checked ${p.reviewed}).`);

  fill($("calendar"), calendar(e.sessions, {
    level: "h3",
    heading: (month, list) => `${formatMonth(month)} · ${list.length} session${list.length === 1 ? "" : "s"}`,
    item: (x) => formatDay(x.date),
  }));

  table($("ledger"), "Every charge, in date order",
    ["Date", "Item", "Code", "Qty", "Charge", "Insurance pays", "Assistance", "You pay"],
    e.lines.map((l) => [formatDate(l.date), l.kind === "package" ? `${l.name} (package)` : l.name, l.code ?? "—", l.quantity, m(l.charge), m(l.insurerPays), m(l.assistance), m(l.patientPays)]),
    { num: [3, 4, 5, 6, 7], foot: ["Total", "", "", e.totals.sessions, m(e.totals.charge), m(e.totals.insurerPays), m(e.totals.assistance), m(e.totals.patientPays)] });
  table($("phases"), null, ["Phase", "Sessions", "First", "Last", "Charge", "You pay"],
    e.phases.map((x) => [x.name, x.sessions, x.first ? formatDate(x.first) : "—", x.last ? formatDate(x.last) : "—", m(x.charge), m(x.patientPays)]),
    { num: [1, 4, 5] });
  $("plan-years-block").hidden = !e.planYears;
  if (e.planYears) {
    table($("plan-years"), null, ["Plan year", "Deductible applied", "Out of pocket", "Charge", "Insurance pays", "You pay"],
      e.planYears.map((y) => [`${formatDate(y.start)} – ${formatDate(y.end)}`, m(y.deductibleApplied), m(y.outOfPocket), m(y.charge), m(y.insurerPays), m(y.patientPays)]),
      { num: [1, 2, 3, 4, 5] });
  }

  const f = e.financing;
  $("financing").hidden = !f;
  if (f) {
    fill($("financing-summary"),
      card("Monthly payment", m(f.payment), { note: `${f.payments.length} payments from ${formatDate(f.payments[0].date)}` }),
      card("Amount financed", m(f.principal), { note: `After a ${m(plan.financing.downPayment)} down payment` }),
      card("Total interest", m(f.totalInterest), { note: `At ${f.apr}% APR` }),
      card("Total paid", m(f.totalPaid), { note: "Down payment not included" }));
    table($("payments"), null, ["#", "Date", "Payment", "Interest", "Principal", "Balance"],
      f.payments.map((x) => [x.n, formatDate(x.date), m(x.payment), m(x.interest), m(x.principal), m(x.balance)]), { num: [0, 2, 3, 4, 5] });
  }

  renderCompare(p, others, c, plan);
  shown = { plan, estimate: e };
  $("results").dataset.complete = "true";
}

/**
 * The published range with the visitor's insurance. It depends only on the
 * treatment, the start and the options, not on the visitor's price edits,
 * so the last one is kept rather than re-estimated (three plans) on every
 * keystroke.
 */
let lastRange = { key: null, range: null };
function rangeOf(id, start, options) {
  const key = JSON.stringify([id, start, options]);
  if (lastRange.key !== key) lastRange = { key, range: range(preset(id, start), options) };
  return lastRange.range;
}

function renderCompare(p, others, c, plan) {
  const m = moneyOf(c);
  const names = [`Your ${p.name}`, ...others.map((o) => `${o.name} (typical)`)];
  table($("compare"), "Side by side", ["Treatment", "Sessions", "First month", "First year", "Then a typical month", `Total, ${plan.horizon.months} months`],
    c.plans.map((x, i) => [names[i], x.totals.sessions, m(x.firstMonth.patientPays), m(x.firstYear), x.typicalMonth?.monthly === undefined ? "—" : m(x.typicalMonth.monthly), m(x.totals.patientPays)]),
    { num: [1, 2, 3, 4, 5] });
  $("compare-chart").hidden = others.length === 0;
  if (others.length) {
    lineChart($("compare-chart"), { id: "compare-cumulative", title: "Cumulative cost to you, by treatment", months: c.months,
      series: c.plans.map((x, i) => ({ name: names[i], values: x.cumulative })), currency: c.currency, digits: c.minorUnits });
  }
}

// ---------------------------------------------------------------------------
// The loop: every change → state → plan → engine → page

/** The form's hints and placeholders for preset `p`, amounts in `unit`'s currency. */
function setHints(p, unit) {
  const m = moneyOf(unit);
  const plain = (minor) => plainAmount(minor, unit.minorUnits);
  const { induction, interval } = editable(p);
  labelCurrency($("form"), unit);
  $("treatment-summary").textContent = p.summary;
  const price = p.plan.phases[0].price;
  $("price-hint").textContent = `Typical ${m(price)}; published ${m(p.low.phases[0].price)} to ${m(p.high.phases[0].price)}.`;
  $("price").placeholder = plain(price);
  $("induction-field").hidden = induction < 0;
  if (induction >= 0) {
    fill($("induction-label"), `Sessions in “${p.plan.phases[induction].name}”`);
    $("induction").placeholder = String(p.plan.phases[induction].sessions);
    const counts = [p.low, p.high].map((x) => x.phases[induction].sessions).sort((a, b) => a - b);
    $("induction-hint").textContent = counts[0] === counts[1]
      ? `Typical ${p.plan.phases[induction].sessions}.`
      : `Typical ${p.plan.phases[induction].sessions}; published ${counts[0]} to ${counts[1]}.`;
  }
  $("interval-field").hidden = interval < 0;
  if (interval >= 0) {
    fill($("interval-label"), `Weeks between “${p.plan.phases[interval].name}”`);
    $("interval").placeholder = String(p.plan.phases[interval].every.weeks);
    const gaps = [p.low, p.high].map((x) => x.phases[interval].every.weeks).sort((a, b) => a - b);
    $("interval-hint").textContent = `Typical every ${p.plan.phases[interval].every.weeks} weeks; published every ${gaps[0]} to ${gaps[1]} weeks.`;
  }
  const fee = p.plan.fees?.[0];
  $("fee").placeholder = plain(fee ? fee.amount : 0);
  $("fee-hint").textContent = fee ? `Typical ${m(fee.amount)} (${fee.name}).` : "None in the typical course.";
  $("cover-hint").textContent = p.plan.phases.every((x) => x.covered !== false)
    ? "Most insurers cover this treatment."
    : "Most insurers do not cover these sessions (off-label); some cover the evaluation.";
}

let lastTreatment = null;

function update({ fromUser = true } = {}) {
  updates += 1;
  const state = readState();
  const p = catalogue.find((x) => x.id === state.treatment) ?? catalogue[0];
  // The preset's currency, as the engine counts it: typed amounts are read in it.
  const unit = currencyOf(estimate, p.plan.currency);
  if (p.id !== lastTreatment) {
    if (lastTreatment !== null && fromUser) {
      for (const id of ["price", "induction", "interval", "fee", "pkg-sessions", "pkg-price"]) $(id).value = "";
      state.price = state.induction = state.interval = state.fee = state["pkg-sessions"] = state["pkg-price"] = "";
      $("cover-sessions").checked = state["cover-sessions"] = p.plan.phases.every((x) => x.covered !== false);
      $("cover-fees").checked = state["cover-fees"] = true;
    }
    lastTreatment = p.id;
    setHints(p, unit);
  }
  $("insurance").hidden = state.pay !== "insured";
  $("assistance").hidden = !state["assist-on"];
  $("financing-inputs").hidden = !state["fin-on"];
  history.replaceState(null, "", toFragment(state));

  const built = buildPlan(p, state, unit);
  const { plan } = built;
  const problems = Object.entries(built.errors);
  let e = null;
  if (problems.length === 0) {
    try {
      e = estimate(plan);
    } catch (err) {
      for (const problem of err.problems ?? [{ path: "", message: String(err.message) }]) problems.push([fieldOf(problem.path), problem.message]);
    }
  }
  const loose = showErrors($("form"), problems);
  if (!e) {
    const fix = `Fix the highlighted field${problems.length > 1 ? "s" : ""}`;
    $("status").textContent = `${loose.length ? loose.join(" ") + " " : ""}${shown ? `${fix}; the estimate below is the last one that worked.` : `${fix} to see an estimate.`}`;
    $("status").className = "stale";
    return;
  }
  try {
    (shown === null && !fromUser ? renderFirst : render)(p, built, e, state);
    $("status").textContent = "";
    $("status").className = "";
  } catch (err) {
    $("status").textContent = `Could not draw the estimate: ${err.message}`;
  }
}

async function main() {
  try {
    // Named from the page, not the glue: the glue is bundled into this module.
    await init({ module_or_path: new URL("pkg/coursecost_bg.wasm", import.meta.url) });
  } catch (err) {
    $("status").textContent = `The estimator could not start in this browser: ${err.message}`;
    return;
  }
  $("version").textContent = version();
  $("months-hint").textContent = `1 to ${MAX_HORIZON_MONTHS} months. Default 12.`;
  $("label").maxLength = MAX_NAME_CHARS;
  catalogue = presets();
  fill($("treatment"), catalogue.map((p) => h("option", { value: p.id }, p.name)));
  fill($("compare-picks"), h("legend", {}, "Compare with"), catalogue.map((p) => h("label", {}, h("input", { type: "checkbox", value: p.id }), ` ${p.name}`)));

  const restore = () => {
    const state = fromFragment(location.hash, catalogue.map((p) => p.id));
    const p = catalogue.find((x) => x.id === state.treatment) ?? catalogue.find((x) => x.id === DEFAULT_TREATMENT);
    state.start ||= today();
    state.months ||= "12";
    state["cover-sessions"] ??= p.plan.phases.every((x) => x.covered !== false);
    state["cover-fees"] ??= true;
    writeState(state);
    lastTreatment = null;
    update({ fromUser: false });
  };
  restore();
  // For `make bench`: the frame that paints the first estimate.
  requestAnimationFrame(() => performance.mark("coursecost:first-estimate"));
  window.addEventListener("hashchange", restore);
  $("form").addEventListener("input", () => update());
  $("form").addEventListener("change", () => update());
  $("compare-picks").addEventListener("change", () => update());
  $("form").addEventListener("submit", (ev) => ev.preventDefault());

  $("copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $("action-status").textContent = "Link copied. It holds everything you entered; nothing was sent anywhere.";
    } catch {
      $("action-status").textContent = `Copy this link: ${location.href}`;
    }
  });
  $("download").addEventListener("click", () => {
    if (!shown) return;
    download(`coursecost-${lastTreatment}-${shown.plan.start}.json`, "application/json",
      JSON.stringify({ engine: version(), plan: shown.plan, estimate: shown.estimate }, null, 2));
  });
  $("print").addEventListener("click", () => window.print());
}

main();
