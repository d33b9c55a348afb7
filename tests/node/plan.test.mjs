// The visitor page's plan building (www/visitor/plan.js): each field of the form
// lands where the contract says, amounts in minor units, and nothing blank
// is read as 0. The preset below is small and written by hand, so every
// expected plan is too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, defaults, openFrom } from "../../www/visitor/plan.js";
import { editable } from "../../www/visitor/preset.js";

const { default: init, validate, estimate } = await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "../../pkg/node.js")));

const USD = { currency: "USD", minorUnits: 2 };
const T = { yourProgram: "Your programme" };

const PRESET = {
  id: "demo",
  editable: { sessions: "Induction", interval: "Boosters" },
  plan: {
    start: "2026-01-05",
    horizon: { months: 6 },
    phases: [
      { name: "Induction", every: { weekdays: ["mon", "thu"] }, sessions: 6, price: 50000 },
      { name: "Boosters", every: { weeks: 4 }, price: 50000, benefit: "pharmacy" },
    ],
    fees: [{ name: "Consultation", amount: 30000, when: "once" }],
    assistance: [{ name: "Maker's programme", patientPaysAtMost: 1000, requires: "commercial" }],
  },
  optionalFees: [{ name: "Ride", amount: 4000, when: "session" }],
  coverageLimits: [{ phases: ["Induction"], sessions: 4, per: "planYear" }],
};

/** The form as a visitor leaves it: the defaults with `changes`, holidays off unless asked. */
const form = (changes = {}) => ({ ...defaults(PRESET, undefined, "2026-03-02", USD), holidays: false, ...changes });

test("the editable phases are found by name", () => {
  assert.deepEqual(editable(PRESET), { induction: 0, interval: 1 });
  assert.deepEqual(editable({ plan: PRESET.plan }), { induction: -1, interval: -1 });
});

test("the defaults are the preset's, in the currency's units", () => {
  const d = defaults(PRESET, undefined, "2026-03-02", USD);
  // 50000 cents → "500"; 30000 → "300"; the induction's 6 sessions; the boosters' 4 weeks.
  assert.equal(d.price, "500");
  assert.equal(d.fee, "300");
  assert.equal(d.induction, "6");
  assert.equal(d.interval, "4");
  assert.equal(d.months, "6");
  assert.equal(d.start, "2026-03-02");
  assert.equal(d["limit-sessions"], "4");
  assert.equal(d.programme, true);
});

test("self-pay with the defaults is the preset's plan from the visitor's start", () => {
  const { plan, coverage, errors } = build(PRESET, form(), USD, T);
  assert.deepEqual(errors, []);
  assert.equal(coverage, undefined);
  assert.deepEqual(plan, {
    ...PRESET.plan,
    start: "2026-03-02",
    horizon: { months: 6 },
    phases: [
      { name: "Induction", every: { weekdays: ["mon", "thu"] }, sessions: 6, price: 50000 },
      { name: "Boosters", every: { weeks: 4 }, price: 50000, benefit: "pharmacy" },
    ],
    assistance: [PRESET.plan.assistance[0]],
  });
});

test("each self-pay field lands in the plan", () => {
  const { plan, errors } = build(PRESET, form({
    price: "590,50", induction: "8", interval: "3", fee: "1,250", months: "12",
    "pkg-sessions": "6", "pkg-price": "2.750,00", extras: ["Ride"], programme: false,
    "fin-on": true, "fin-months": "12", "fin-apr": "9.9", "fin-down": "100",
  }), USD, T);
  assert.deepEqual(errors, []);
  // "590,50" → 59050 on every phase; "1,250" → 125000; "2.750,00" → 275000.
  assert.deepEqual(plan.phases.map((p) => p.price), [59050, 59050]);
  assert.equal(plan.phases[0].sessions, 8);
  assert.deepEqual(plan.phases[1].every, { weeks: 3 });
  assert.deepEqual(plan.horizon, { months: 12 });
  assert.deepEqual(plan.fees, [{ name: "Consultation", amount: 125000, when: "once" }, { name: "Ride", amount: 4000, when: "session" }]);
  assert.deepEqual(plan.packages, [{ name: "Induction package", phase: "Induction", sessions: 6, price: 275000 }]);
  assert.deepEqual(plan.assistance, []);
  // $100 down → 10000 cents; 9.9 % stays a percentage.
  assert.deepEqual(plan.financing, { months: 12, apr: 9.9, downPayment: 10000 });
});

test("insured: each field lands in coverage, and a blank is asked for, never read as 0", () => {
  const { plan, coverage, errors } = build(PRESET, form({
    pay: "insured", deductible: "1,500", "deductible-met": "250", coinsurance: "20", "oop-max": "4000", "oop-met": "0",
    "year-month": "7", "year-day": "1", allowed: "400", rx: "own", "rx-deductible": "0", "rx-copay": "35",
    "limit-on": true, "limit-sessions": "4",
  }), USD, T);
  assert.deepEqual(errors, []);
  assert.deepEqual(coverage, {
    type: "commercial", network: "in", accumulator: false,
    deductible: 150000, deductibleMet: 25000, coinsurance: 20, outOfPocketMax: 400000, outOfPocketMet: 0,
    planYearStart: "07-01",
    pharmacy: { deductible: 0, copay: 3500 },
    limits: [{ phases: ["Induction"], sessions: 4, per: "planYear", beyond: "patient" }],
  });
  assert.deepEqual(plan.phases.map((p) => [p.covered, p.allowed]), [[true, 40000], [true, 40000]]);
  assert.equal(plan.coverage, coverage);

  // A blank maximum is the page's to ask for; a blank deductible and
  // coinsurance are left out, and the engine asks for them (requireTerms),
  // as the page estimates (app.js).
  const blank = build(PRESET, form({ pay: "insured", deductible: "", coinsurance: "", "oop-max": "" }), USD, T);
  assert.deepEqual(blank.errors, [["oop-max", "need"]]);
  assert.equal("deductible" in blank.coverage || "coinsurance" in blank.coverage, false);
  const asked = validate({ ...blank.plan, coverage: { ...blank.coverage, outOfPocketMax: 400000 } }, { requireTerms: true });
  assert.deepEqual(asked.map((p) => [p.code, p.path]), [["missing_field", "coverage.deductible"], ["missing_field", "coverage.coinsurance"]]);
});

test("a copay instead of coinsurance, no maximum, and the visitor's own programme", () => {
  const { coverage, extra, plan, errors } = build(PRESET, form({
    pay: "insured", deductible: "0", coinsurance: "", copay: "40,50", "no-oop": true,
    "assist-on": true, "assist-at-most": "25", "assist-no-cap": true,
  }), USD, T);
  assert.deepEqual(errors, []);
  // "40,50" is $40.50 (the issue's $4,050 copay was the old reading).
  assert.equal(coverage.copay, 4050);
  // No coinsurance beside the copay: the engine's default, 0.
  assert.equal("coinsurance" in coverage, false);
  assert.deepEqual(validate(plan, { requireTerms: true }), []);
  assert.equal("outOfPocketMax" in coverage, false);
  assert.deepEqual(extra, { name: "Your programme", patientPaysAtMost: 2500 });
  assert.deepEqual(plan.assistance, [PRESET.plan.assistance[0], extra]);
});

test("what cannot be read is named by field and kind", () => {
  const { errors } = build(PRESET, form({ price: "12,34,567", induction: "six", start: "", "pkg-sessions": "6" }), USD, T);
  assert.deepEqual(errors, [["start", "need"], ["price", "amount"], ["induction", "wholeNumber"], ["pkg-price", "need"]]);
});

test("federal holidays, when asked for, are the plan's closed dates through the horizon's last year", () => {
  // Start 2026-11-02 for 2 months: to = (2026 + ceil((11 + 2) / 12)) = 2028-12-31.
  const { plan } = build(PRESET, form({ holidays: true, start: "2026-11-02", months: "2" }), USD, T);
  const dates = plan.clinic.closedDates;
  assert.equal(dates[0], "2026-11-11");
  assert.ok(dates.includes("2027-12-31") && dates.includes("2028-12-25"));
  assert.equal(dates.at(-1), "2028-12-25");
});

test("every catalogue preset, self-pay with its defaults, is its own plan from the visitor's start", async () => {
  const { join, dirname } = await import("node:path");
  const { fileURLToPath, pathToFileURL } = await import("node:url");
  const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
  const { default: catalogue } = await import(pathToFileURL(join(root, "pkg/catalogue.js")));
  assert.ok(catalogue.presets.length >= 6);
  for (const p of catalogue.presets) {
    const { plan, errors } = build(p, { ...defaults(p, undefined, "2026-03-02", USD), holidays: false }, USD, T);
    assert.deepEqual(errors, [], p.id);
    // Only the start, the horizon (the preset's, or 12 months) and the programmes (the catalogue's first) are the page's.
    const expected = { ...JSON.parse(JSON.stringify(p.plan)), start: "2026-03-02", horizon: { months: p.plan.horizon?.months ?? 12 },
      assistance: p.plan.assistance?.length ? [p.plan.assistance[0]] : [] };
    assert.deepEqual(plan, expected, p.id);
  }
});

// A session of two lines, written by hand: the visit (a phase) and the drug
// given at it (a fee in each phase), as the catalogue's Spravato is.
const TWO_PARTS = {
  id: "two-parts",
  editable: { sessions: "Weekly" },
  sessionCost: { amount: 138500, parts: ["Weekly", "Drug 84 mg, weekly"] },
  plan: {
    start: "2026-01-05",
    horizon: { months: 3 },
    phases: [
      { name: "First dose", sessions: 1, every: { weeks: 1 }, price: 50000 },
      { name: "Weekly", sessions: 4, every: { weeks: 1 }, price: 50000 },
      { name: "Every 2 weeks", every: { weeks: 2 }, price: 50000 },
    ],
    fees: [
      { name: "Drug 56 mg, first dose", amount: 59000, when: "session", phase: "First dose" },
      { name: "Drug 84 mg, weekly", amount: 88500, when: "session", phase: "Weekly" },
      { name: "Drug 84 mg, every 2 weeks", amount: 88500, when: "session", phase: "Every 2 weeks" },
    ],
  },
};

test("a session of several lines: its other part is a field of its own, priced in every phase that gives the same dose", () => {
  const d = defaults(TWO_PARTS, undefined, "2026-03-02", USD);
  // The drug at 84 mg: 88500 cents → "885".
  assert.equal(d.part, "885");
  const { plan, errors } = build(TWO_PARTS, { ...d, holidays: false, part: "900.50" }, USD, T);
  assert.deepEqual(errors, []);
  // $900.50 → 90050 cents in both 84 mg fees; the 56 mg first dose keeps its 59000.
  assert.deepEqual(plan.fees.map((f) => f.amount), [59000, 90050, 90050]);
  // The visit's price is still its own field: $500.00 in each phase.
  assert.deepEqual(plan.phases.map((x) => x.price), [50000, 50000, 50000]);
  assert.deepEqual(build(TWO_PARTS, { ...d, holidays: false, part: "" }, USD, T).errors, [["part", "need"]]);
  // A preset of one-line sessions has no such field.
  assert.equal(defaults(PRESET, undefined, "2026-03-02", USD).part, "");
});

/** A clinic's course, weekly from its start, closed at weekends as the catalogue's clinic treatments are. */
const CLINIC = { ...PRESET, plan: { ...PRESET.plan, clinic: { closedWeekdays: ["sat", "sun"] }, phases: [{ name: "Weekly", every: { weeks: 1 }, price: 50000 }], fees: [], assistance: [] } };

test("the default start is the next day the clinic is open", () => {
  const v = form();
  // 2026-12-02 is a Wednesday, open: that day.
  assert.equal(openFrom(CLINIC, v, "2026-12-02"), "2026-12-02");
  // Saturday 2026-12-05 and Sunday the 6th are closed: Monday 2026-12-07.
  assert.equal(openFrom(CLINIC, v, "2026-12-05"), "2026-12-07");
  assert.equal(openFrom(CLINIC, v, "2026-12-06"), "2026-12-07");
  // Christmas 2026 is a Friday: with holidays, Saturday and Sunday closed too, so Monday the 28th;
  // without holidays, Friday is open.
  assert.equal(openFrom(CLINIC, { ...v, holidays: true }, "2026-12-25"), "2026-12-28");
  assert.equal(openFrom(CLINIC, v, "2026-12-25"), "2026-12-25");
  // Thanksgiving, Thursday 2026-11-26: Friday the 27th.
  assert.equal(openFrom(CLINIC, { ...v, holidays: true }, "2026-11-26"), "2026-11-27");
  // A clinic open at weekends, or a course with no closed weekdays (at home): Saturday itself.
  assert.equal(openFrom(CLINIC, { ...v, weekends: true }, "2026-12-05"), "2026-12-05");
  assert.equal(openFrom(PRESET, v, "2026-12-05"), "2026-12-05");
});

test("the plan keeps the catalogue's closed weekend unless the visitor's clinic opens then", async () => {
  await init();
  assert.equal(defaults(CLINIC, undefined, "2026-12-04", USD).weekends, false);
  const shut = build(CLINIC, form({ start: "2026-12-18", months: "1", holidays: true }), USD, T).plan;
  assert.deepEqual(shut.clinic.closedWeekdays, ["sat", "sun"]);
  // Weekly from Friday 2026-12-18: the 18th, then Christmas, Friday the 25th, a holiday:
  // Saturday and Sunday are closed too, so Monday the 28th; then Fridays again
  // (the rhythm is the nominal dates'): 2027-01-01 is New Year's Day, a holiday,
  // so Monday 2027-01-04; 2027-01-08 and 2027-01-15, before the month ends on the 18th.
  const dates = (plan) => estimate(plan).sessions.map((x) => x.date);
  assert.deepEqual(dates(shut), ["2026-12-18", "2026-12-28", "2027-01-04", "2027-01-08", "2027-01-15"]);
  // "My clinic is open on weekends": no closed weekday, so the holidays move to the Saturday after.
  const open = build(CLINIC, form({ start: "2026-12-18", months: "1", holidays: true, weekends: true }), USD, T).plan;
  assert.deepEqual(open.clinic.closedWeekdays, []);
  assert.deepEqual(dates(open), ["2026-12-18", "2026-12-26", "2027-01-02", "2027-01-08", "2027-01-15"]);
  // Without the catalogue's weekend the box changes nothing: the plan is the preset's.
  assert.equal(build(PRESET, form({ weekends: true }), USD, T).plan.clinic, undefined);
});

test("what one session costs in all: the sum of its parts as priced", async () => {
  const { sessionWhole } = await import("../../www/visitor/preset.js");
  // The visit $500.00 (50000) and the 84 mg drug $885.00 (88500): 138500.
  assert.equal(sessionWhole(TWO_PARTS, TWO_PARTS.plan), 138500);
  // The drug repriced at $900.50: 50000 + 90050 = 140050.
  assert.equal(sessionWhole(TWO_PARTS, build(TWO_PARTS, { ...defaults(TWO_PARTS, undefined, "2026-03-02", USD), holidays: false, part: "900.50" }, USD, T).plan), 140050);
  // A session of one line has no such figure.
  assert.equal(sessionWhole(PRESET, PRESET.plan), undefined);
});
