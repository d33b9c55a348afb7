// The visitor's form as the engine's plan, and the engine's problems as the
// page's own words. Only turns what was typed into a plan: every rule and
// number is the engine's or the catalogue's. A field left empty is never
// read as 0 or "no limit": the page asks for it instead (`need`), or the
// engine does (its `requireTerms` check: the deductible and the
// coinsurance or copay).
import { money, whole, percent, problemOf } from "../shared/fields.js";
import { federalHolidays } from "../shared/holidays.js";

/** Where the preset's editable phases are: `{ induction, interval }`, -1 for none. */
export function editable(p) {
  const at = (name) => (name === undefined ? -1 : p.plan.phases.findIndex((x) => x.name === name));
  return { induction: at(p.editable?.sessions), interval: at(p.editable?.interval) };
}

/** Whether any line of the preset's plan goes through the pharmacy benefit; its name. */
export const pharmacyLine = (p) => [...p.plan.phases, ...(p.plan.fees ?? [])].find((x) => x.benefit === "pharmacy");

/** The programme the catalogue gives the treatment (a manufacturer's savings programme), if any. */
export const catalogueProgramme = (p) => p.plan.assistance?.[0];

/** The insurance fields, for "the visitor changed their plan's numbers" and resets. */
export const INSURANCE = ["deductible", "deductible-met", "coinsurance", "copay", "oop-max", "no-oop", "oop-met", "plan-type", "rx", "rx-deductible", "rx-coinsurance", "rx-copay", "rx-oop-max"];

/**
 * What every field shows until the visitor changes it: the preset's values,
 * the chosen typical plan's (`ex`, a coverage example) and today.
 */
export function defaults(p, ex, today, unit) {
  const plain = (minor) => (minor === undefined ? "" : String(minor / 10 ** unit.minorUnits));
  const { induction, interval } = editable(p);
  const c = ex?.coverage ?? {};
  const rx = c.pharmacy;
  return {
    start: today, months: String(p.plan.horizon?.months ?? 12), price: plain(p.plan.phases[0].price),
    induction: induction < 0 ? "" : String(p.plan.phases[induction].sessions), interval: interval < 0 ? "" : String(p.plan.phases[interval].every.weeks),
    fee: plain(p.plan.fees?.[0]?.amount), "pkg-sessions": "", "pkg-price": "", holidays: true, extras: [],
    pay: "self", example: ex?.id ?? "", "plan-type": c.type ?? "commercial", network: "in", allowed: "",
    deductible: plain(c.deductible), "deductible-met": "0", coinsurance: c.coinsurance === undefined ? "" : String(c.coinsurance), copay: plain(c.copay),
    "oop-max": plain(c.outOfPocketMax), "no-oop": Boolean(ex) && c.outOfPocketMax === undefined, "oop-met": "0", "year-month": "1", "year-day": "1",
    "cover-sessions": p.plan.phases.every((x) => x.covered !== false), "cover-fees": true,
    rx: rx ? "own" : "medical", "rx-deductible": plain(rx?.deductible ?? 0), "rx-coinsurance": rx?.coinsurance === undefined ? "" : String(rx.coinsurance),
    "rx-copay": plain(rx?.copay), "rx-oop-max": plain(rx?.outOfPocketMax),
    "limit-on": false, "limit-sessions": String(p.coverageLimits?.[0]?.sessions ?? ""), "limit-per": p.coverageLimits?.[0]?.per ?? "planYear", accumulator: false,
    programme: Boolean(catalogueProgramme(p)), "assist-on": false, "assist-at-most": "", "assist-max": "", "assist-no-cap": false,
    "fin-on": false, "fin-months": "12", "fin-apr": "", "fin-down": "0", label: "", compare: [], cprice: "",
  };
}

/** The closed days of a plan from `start` for `months` months: the federal holidays, when asked for. */
function closed(plan, v) {
  if (!v.holidays) return;
  const [y, m] = plan.start.split("-").map(Number);
  const to = `${y + Math.ceil((m + plan.horizon.months) / 12)}-12-31`;
  plan.clinic = { ...plan.clinic, closedDates: [...new Set([...(plan.clinic?.closedDates ?? []), ...federalHolidays(plan.start, to)])].sort() };
}

/**
 * The visitor's plan from the effective field values `v` (every field, the
 * visitor's or its default) for preset `p`, amounts in `unit`'s currency.
 * Returns `{ plan, coverage, extra, errors }`: `coverage` and `extra` (the
 * visitor's own programme) are what the other treatments are compared with;
 * `errors` are `[field, kind]` for what is missing or not a number (problems.js
 * says them in words).
 */
export function build(p, v, unit, t) {
  const errors = [];
  const read = (id, parse, required = true) => {
    const r = parse(String(v[id] ?? ""), unit);
    const problem = problemOf(parse, r, required);
    if (problem) errors.push([id, problem]);
    return r.value;
  };
  const plan = JSON.parse(JSON.stringify(p.plan));
  const { induction, interval } = editable(p);
  if (!v.start) errors.push(["start", "need"]);
  plan.start = v.start || p.plan.start;
  plan.horizon = { months: read("months", whole) ?? 12 };
  const price = read("price", money);
  if (price !== undefined) for (const phase of plan.phases) phase.price = price;
  if (induction >= 0) plan.phases[induction].sessions = read("induction", whole) ?? plan.phases[induction].sessions;
  if (interval >= 0) plan.phases[interval].every = { weeks: read("interval", whole) ?? 1 };
  if (plan.fees?.length) plan.fees[0].amount = read("fee", money) ?? plan.fees[0].amount;
  const pkgSessions = read("pkg-sessions", whole, Boolean(v["pkg-price"]));
  const pkgPrice = read("pkg-price", money, Boolean(v["pkg-sessions"]));
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
    const terms = (block, key, id, parse) => {
      const value = read(id, parse, false);
      if (value !== undefined) block[key] = value;
    };
    terms(coverage, "deductible", "deductible", money);
    coverage.deductibleMet = read("deductible-met", money);
    terms(coverage, "copay", "copay", money);
    terms(coverage, "coinsurance", "coinsurance", percent);
    if (!v["no-oop"]) {
      coverage.outOfPocketMax = read("oop-max", money);
      coverage.outOfPocketMet = read("oop-met", money);
    }
    coverage.planYearStart = `${v["year-month"].padStart(2, "0")}-${v["year-day"].padStart(2, "0")}`;
    if (pharmacyLine(p) && v.rx === "own") {
      const rx = {};
      terms(rx, "deductible", "rx-deductible", money);
      terms(rx, "coinsurance", "rx-coinsurance", percent);
      terms(rx, "copay", "rx-copay", money);
      const rxMax = read("rx-oop-max", money, false);
      if (rxMax !== undefined) rx.outOfPocketMax = rxMax;
      coverage.pharmacy = rx;
    }
    if (v["limit-on"]) {
      const sessions = read("limit-sessions", whole);
      const phases = p.coverageLimits?.[0]?.phases ?? plan.phases.map((x) => x.name);
      coverage.limits = [{ phases, sessions: sessions ?? 1, per: v["limit-per"] }];
    }
    const allowed = read("allowed", money, false);
    for (const phase of plan.phases) {
      phase.covered = v["cover-sessions"];
      if (allowed !== undefined) phase.allowed = allowed;
    }
    for (const fee of plan.fees ?? []) if (!v["cover-fees"]) fee.covered = false;
    plan.coverage = coverage;
  }
  plan.assistance = v.programme && catalogueProgramme(p) ? [catalogueProgramme(p)] : [];
  let extra;
  if (v["assist-on"]) {
    extra = { name: t.yourProgram, patientPaysAtMost: read("assist-at-most", money) ?? 0 };
    if (!v["assist-no-cap"]) extra.annualMax = read("assist-max", money) ?? 0;
    plan.assistance.push(extra);
  }
  if (v["fin-on"]) {
    plan.financing = { months: read("fin-months", whole) ?? 1, apr: read("fin-apr", percent) ?? 0, downPayment: read("fin-down", money) ?? 0 };
  }
  return { plan, coverage, extra, errors };
}
