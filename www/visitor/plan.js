// The visitor's form as the engine's plan, and the engine's problems as the
// page's own words. Only turns what was typed into a plan: every rule and
// number is the engine's or the catalogue's. A field left empty is never
// read as 0 or "no limit": the page asks for it instead (`need`), or the
// engine does (its `requireTerms` check: the deductible and the
// coinsurance or copay).
import { problemOf } from "../shared/fields.js";
import { FORM } from "./form.js";
import { toMajor } from "../shared/format.js";
import { federalHolidays } from "../shared/holidays.js";
import { editable, pricedLike, pageFee, pharmacyLine, catalogueProgramme, sessionPart, partLike } from "./preset.js";

/**
 * What every field shows until the visitor changes it: each field's
 * `default` (form.js) from the preset `p`, the chosen typical plan's (`ex`,
 * a coverage example) and today, amounts in `unit`'s currency.
 */
export function defaults(p, ex, today, unit) {
  const plain = (minor) => (minor === undefined ? "" : String(toMajor(minor, unit.minorUnits)));
  const context = { p, ex, c: ex?.coverage ?? {}, today, plain, at: editable(p) };
  return Object.fromEntries(Object.entries(FORM).map(([key, field]) => [key, field.default(context)]));
}

/**
 * The closed days of a plan from `start` for `months` months: the
 * catalogue's closed weekdays (a clinic's weekend) but Saturday and Sunday
 * when the visitor's clinic opens then, and the federal holidays, when
 * asked for.
 */
function closed(plan, v) {
  const open = plan.clinic?.closedWeekdays?.filter((d) => d[0] !== "s"); // all but sat, sun
  if (v.weekends && open) plan.clinic = { ...plan.clinic, closedWeekdays: open };
  if (!v.holidays) return;
  const [y, m] = plan.start.split("-").map(Number);
  const to = `${y + Math.ceil((m + plan.horizon.months) / 12)}-12-31`;
  plan.clinic = { ...plan.clinic, closedDates: [...new Set([...(plan.clinic?.closedDates ?? []), ...federalHolidays(plan.start, to)])].sort() };
}

/**
 * The first day from `day` (YYYY-MM-DD) that the clinic of preset `p` is
 * open, with the form's values `v`: the default start (today, or after a
 * weekend or a holiday the next open day): a course never starts on a day
 * its clinic is closed.
 */
export function openFrom(p, v, day) {
  const plan = { start: day, horizon: { months: 1 }, clinic: p.plan.clinic };
  closed(plan, v);
  const { closedWeekdays: w = [], closedDates: d = [] } = plan.clinic ?? {};
  const weekday = (iso) => "sunmontuewedthufrisat".substr(3 * new Date(iso).getUTCDay(), 3);
  while (w.includes(weekday(day)) || d.includes(day)) day = new Date(Date.parse(day) + 864e5).toISOString().split("T")[0];
  return day;
}

/**
 * The visitor's plan from the effective field values `v` (every field, the
 * visitor's or its default) for preset `p`, amounts in `unit`'s currency;
 * `ex`, the coverage example the visitor chose, if any.
 * Returns `{ plan, coverage, extra, errors }`: `coverage` and `extra` (the
 * visitor's own programme) are what the other treatments are compared with;
 * `errors` are `[field, kind]` for what is missing or not a number (problems.js
 * says them in words).
 */
export function build(p, v, unit, t, ex) {
  const errors = [];
  const read = (id, required = true) => {
    const { parse } = FORM[id];
    const r = parse(String(v[id] ?? ""), unit);
    const problem = problemOf(parse, r, required);
    if (problem) errors.push([id, problem]);
    return r.value;
  };
  const plan = JSON.parse(JSON.stringify(p.plan));
  const { induction, interval } = editable(p);
  if (!v.start) errors.push(["start", "need"]);
  plan.start = v.start || p.plan.start;
  plan.horizon = { months: read("months") ?? 12 };
  const price = read("price");
  const priced = pricedLike(p);
  if (price !== undefined) plan.phases.forEach((phase, i) => priced[i] && (phase.price = price));
  if (induction >= 0) plan.phases[induction].sessions = read("induction") ?? plan.phases[induction].sessions;
  if (interval >= 0) plan.phases[interval].every = { weeks: read("interval") ?? 1 };
  const fee = pageFee(plan);
  if (fee) fee.amount = read("fee") ?? fee.amount;
  // The session's other part: each fee priced like it (the same drug in every phase).
  if (sessionPart(p)) {
    const part = read("part");
    const like = partLike(p);
    if (part !== undefined) plan.fees.forEach((f, i) => like[i] && (f.amount = part));
  }
  const pkgSessions = read("pkg-sessions", Boolean(v["pkg-price"]));
  const pkgPrice = read("pkg-price", Boolean(v["pkg-sessions"]));
  if (pkgSessions !== undefined && pkgPrice !== undefined) {
    const phase = plan.phases[Math.max(0, induction)];
    plan.packages = [{ name: `${phase.name} package`, phase: phase.name, sessions: pkgSessions, price: pkgPrice }];
  }
  for (const fee of p.optionalFees ?? []) if (v.extras.includes(fee.name)) (plan.fees ??= []).push({ ...fee });
  closed(plan, v);

  let coverage;
  if (v.pay === "insured") {
    coverage = { type: v["plan-type"], network: v.network, accumulator: v.accumulator };
    // A blank deductible or coinsurance is left out: the engine's
    // `requireTerms` check asks for it at its field (app.js).
    const typed = (block, key, id) => {
      const value = read(id, false);
      if (value !== undefined) block[key] = value;
    };
    typed(coverage, "deductible", "deductible");
    coverage.deductibleMet = read("deductible-met");
    typed(coverage, "copay", "copay");
    typed(coverage, "coinsurance", "coinsurance");
    if (!v["no-oop"]) {
      coverage.outOfPocketMax = read("oop-max");
      coverage.outOfPocketMet = read("oop-met");
    }
    coverage.planYearStart = `${v["year-month"].padStart(2, "0")}-${v["year-day"].padStart(2, "0")}`;
    if (pharmacyLine(p) && v.rx === "own") {
      const rx = {};
      typed(rx, "deductible", "rx-deductible");
      typed(rx, "coinsurance", "rx-coinsurance");
      typed(rx, "copay", "rx-copay");
      const rxMax = read("rx-oop-max", false);
      if (rxMax !== undefined) rx.outOfPocketMax = rxMax;
      coverage.pharmacy = rx;
    }
    if (v["limit-on"]) {
      const sessions = read("limit-sessions");
      const phases = p.coverageLimits?.[0]?.phases ?? plan.phases.map((x) => x.name);
      coverage.limits = [{ phases, sessions: sessions ?? 1, per: v["limit-per"], beyond: v.beyond }];
    }
    const allowed = read("allowed", false);
    plan.phases.forEach((phase, i) => {
      phase.covered = v["cover-sessions"];
      if (allowed !== undefined && priced[i]) phase.allowed = allowed;
    });
    // How a copay is charged: once a visit, and only after the deductible.
    if (coverage.copay !== undefined && v["copay-visit"]) coverage.copayPer = "visit";
    if (coverage.copay !== undefined && v["copay-after"]) coverage.copayAfterDeductible = true;
    if (v["fam-on"]) {
      const family = { deductible: read("fam-deductible"), deductibleMet: read("fam-met") };
      const famMax = read("fam-oop", false);
      if (famMax !== undefined) Object.assign(family, { outOfPocketMax: famMax, outOfPocketMet: read("fam-oop-met") });
      coverage.family = family;
    }
    if (v.claims) Object.assign(coverage, { claims: "patient", reimbursementDays: read("reimb-days") ?? 30 });
    // The chosen example's terms the form has no field for: its fee
    // schedule (what the insurer allows per billing code).
    const exampleTerms = ex?.id === v.example ? ex.coverage : undefined;
    if (exampleTerms?.feeSchedule) coverage.feeSchedule = exampleTerms.feeSchedule;
    for (const fee of plan.fees ?? []) if (!v["cover-fees"]) fee.covered = false;
    plan.coverage = coverage;
  }
  plan.assistance = v.programme && catalogueProgramme(p) ? [catalogueProgramme(p)] : [];
  let extra;
  if (v["assist-on"]) {
    extra = { name: t.yourProgram, patientPaysAtMost: read("assist-at-most") ?? 0 };
    if (!v["assist-no-cap"]) extra.annualMax = read("assist-max") ?? 0;
    plan.assistance.push(extra);
  }
  // Instalments wait for their interest rate: until it is typed, the
  // control asks for it (no error before the visitor has typed anything).
  const aprTyped = String(v["fin-apr"] ?? "").trim() !== "";
  if (v["fin-on"] && aprTyped) {
    plan.financing = { months: read("fin-months") ?? 1, apr: read("fin-apr") ?? 0, downPayment: read("fin-down") ?? 0 };
  }
  return { plan, coverage, extra, errors, askApr: v["fin-on"] && !aprTyped };
}
