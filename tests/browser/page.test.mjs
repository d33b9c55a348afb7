// The visitor page in headless Debian Chromium (playwright-core): answer
// first on a phone, the engine's own numbers and figures, every control
// changing the numbers as the engine says, entries kept across treatments,
// no silent zeros, errors in words and money, print and download keeping
// what was entered, Spanish end to end, bad and hostile input, no request
// off 127.0.0.1, axe-core in both languages, tap targets and tables at
// 360 px, and screenshots at 360, 768 and 1280 px in both languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open as openPage } from "./harness.mjs";

const shots = join(root, "target/screenshots");
const engine = await import(pathToFileURL(join(root, "pkg/node.js")));
const catalogue = (await import(pathToFileURL(join(root, "pkg/catalogue.js")))).default;
const examples = engine.coverageExamples();

let base, browser, stop;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ base, browser, stop } = await start());
});

after(async () => {
  await stop?.();
});

/** The visitor page, ready when the estimate is drawn in full or the page says what to fix. */
const open = (hash = "", size = {}) => openPage(browser, base, hash, {
  ...size,
  ready: () => document.getElementById("answer").dataset.complete === "true" || document.querySelector("#status.stale") !== null,
});

const usd = (minor) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);
const usdEs = (minor) => new Intl.NumberFormat("es-US", { style: "currency", currency: "USD" }).format(minor / 100);
const day = (iso) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const total = (page) => page.$eval("#total", (e) => e.textContent);
/** The figure cards: `{ term: value }`. */
const figures = (page) => page.$$eval("#figures .card", (cards) => Object.fromEntries(cards.map((c) => [c.querySelector("dt").textContent, c.querySelector(".big").textContent])));
const status = (page) => page.$eval("#status", (e) => e.textContent);
/** Waits for the page to have redrawn after an edit (the engine runs synchronously in the input handler). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/**
 * The message at field `id` once the page has said it (the words for what
 * to fix load with the first problem, so the first message comes a moment
 * after the edit).
 */
const errorAt = async (page, id) => (await page.waitForFunction((x) => document.getElementById(`${x}-error`).textContent || null, id)).jsonValue();

/** What the page would download, from its own download button. */
async function downloaded(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  return JSON.parse(readFileSync(await download.path(), "utf8"));
}

/** The engine's summary of `plan` with the options the page gives compare. */
const summary = (plan) => engine.compare([plan]).plans[0];

/** Asserts the page's headline and figure cards are the engine's for the plan it downloads. */
async function assertEngineFigures(page) {
  const { plan, estimate } = await downloaded(page);
  assert.deepEqual(estimate, engine.estimate(plan));
  const s = summary(plan);
  assert.equal(await total(page), usd(estimate.totals.patientPays));
  const f = await figures(page);
  assert.equal(f["First month"], usd(s.firstMonth.patientPays));
  // A card the engine gives no figure for is not drawn at all.
  assert.equal(f["Then, a typical month"], s.typicalMonth?.monthly === undefined ? undefined : usd(s.typicalMonth.monthly));
  assert.equal(f[plan.coverage ? "This plan year" : "This calendar year"], usd(s.planYear.patientPays));
  const oop = !plan.coverage ? undefined : s.outOfPocketMaxReached ? day(s.outOfPocketMaxReached) : plan.coverage.outOfPocketMax === undefined ? "Your plan has none" : "Not reached in this estimate";
  assert.equal(f["Out-of-pocket maximum"], oop);
  return { plan, estimate, s };
}

/**
 * IV ketamine with every number the form holds set by the link, so the
 * catalogue's own figures do not matter: from Monday 2 March 2026 for 3
 * months, no holidays closed, $100 a session, 3 induction infusions, a
 * booster every 4 weeks, a $50 evaluation. The clinic is closed on
 * Saturdays and Sundays, as every clinic treatment of the catalogue is.
 */
const IV = "#treatment=iv-ketamine&start=2026-03-02&months=3&holidays=0&price=100&induction=3&interval=4&fee=50";
/** The plan IV's link describes, written out: the treatment's phases with the link's numbers. */
const ivPlan = () => ({
  start: "2026-03-02",
  horizon: { months: 3 },
  clinic: { closedWeekdays: ["sat", "sun"] },
  phases: [
    { name: "Induction infusions", every: { weekdays: ["mon", "wed", "fri"] }, sessions: 3, price: 10000, code: "96365", covered: false },
    { name: "Booster infusions", every: { weeks: 4 }, price: 10000, code: "96365", covered: false },
  ],
  fees: [{ name: "Initial evaluation", amount: 5000, when: "once", code: "90792" }],
  assistance: [],
});
/** IV's insurance, every number set: a $300 deductible, 20 % coinsurance, a $400 out-of-pocket maximum, sessions covered. */
const IV_INSURED = `${IV}&pay=insured&plan-type=commercial&cover-sessions=1&deductible=300&coinsurance=20&oop-max=400`;
const ivInsuredPlan = () => {
  const plan = ivPlan();
  for (const phase of plan.phases) phase.covered = true;
  plan.coverage = { type: "commercial", network: "in", accumulator: false, deductible: 30000, deductibleMet: 0, coinsurance: 20, outOfPocketMax: 40000, outOfPocketMet: 0, planYearStart: "01-01" };
  return plan;
};

test("answer first at 360 × 780: the headline and the treatment picker without scrolling; the engine's numbers", async () => {
  const { page, context, problems } = await open("", { width: 360, height: 780 });
  for (const id of ["treatment", "headline"]) {
    const box = await page.$eval(`#${id}`, (e) => e.getBoundingClientRect().toJSON());
    assert.ok(box.bottom <= 780 && box.top >= 0, `#${id} is in the first screen: ${JSON.stringify(box)}`);
  }
  assert.equal(await page.$eval("input[name=treatment]:checked", (s) => s.value), "iv-ketamine");
  assert.equal(await page.$eval("#start", (i) => i.type), "date", "dates are picked with the platform's date picker");
  const start = await page.$eval("#start", (i) => i.value);
  const { plan, estimate } = await assertEngineFigures(page);
  assert.equal(plan.start, start);
  // The preset's defaults are filled in: the plan is the catalogue's, on federal-holiday-free days.
  const typical = engine.preset("iv-ketamine", start).plan;
  assert.deepEqual(plan.phases, typical.phases);
  assert.ok(plan.clinic.closedDates.length > 0, "no sessions on US federal holidays by default");
  assert.equal(await page.$eval("#price", (i) => i.value), String(typical.phases[0].price / 100));
  assert.equal(await page.$$eval("#ledger tbody tr", (r) => r.length), estimate.lines.length);
  assert.equal(await page.$eval("#ledger tfoot td:last-child", (td) => td.textContent), usd(estimate.totals.patientPays));
  assert.ok(await page.$("#chart svg[role=img] title"));
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the sticky summary: shown while editing further down, announced politely, never over the field being edited", async () => {
  const { page, context, problems } = await open("#pay=insured&deductible=1000&coinsurance=20&no-oop=1&fin-on=1&fin-apr=5", { width: 360, height: 780 });
  assert.equal(await page.$eval("#sticky", (e) => e.getAttribute("aria-live")), "polite");
  const shown = [];
  for (const id of ["price", "induction", "deductible", "coinsurance", "oop-met", "fin-apr", "label"]) {
    await page.focus(`#${id}`);
    await page.keyboard.type("1");
    await page.keyboard.press("Backspace");
    // The IntersectionObserver's callback has run once the summary is on
    // exactly when the headline is out of view.
    await page.waitForFunction(() => {
      const headline = document.getElementById("headline").getBoundingClientRect();
      const inView = headline.bottom > 0 && headline.top < window.innerHeight;
      return document.getElementById("sticky").classList.contains("on") === !inView;
    });
    const [bar, field, on] = await page.evaluate((id) => [document.getElementById("sticky").getBoundingClientRect().toJSON(), document.getElementById(id).getBoundingClientRect().toJSON(), document.getElementById("sticky").classList.contains("on")], id);
    shown.push({ id, bar, field, on });
  }
  // The fields further down are edited with the summary stuck at the top.
  const on = shown.filter((x) => x.on);
  const stuck = on.filter((x) => x.bar.top < 1);
  assert.ok(stuck.length >= 3, `the summary stays at the top while the visitor edits further down: ${on.map((x) => `${x.id} ${x.bar.top}`)}`);
  for (const { id, bar, field } of on) {
    assert.ok(bar.top >= -1 && bar.bottom <= 780, `the summary is on screen (${bar.top})`);
    assert.ok(field.top >= bar.bottom - 1 || field.bottom <= bar.top + 1, `#${id} (${field.top}–${field.bottom}) is not under the summary (${bar.top}–${bar.bottom})`);
  }
  await page.fill("#price", "500");
  // The link pays in 12 instalments at 5 % APR: on the $8,250.00 owed, with
  // r = 0.05 / 12, a payment is 8,250 × r / (1 − (1 + r)^−12)
  // = 34.375 / 0.048672 = $706.26, said in the sticky summary and by the control.
  assert.equal(await total(page), "$8,250.00");
  assert.equal(await page.$eval("#sticky", (e) => e.textContent), "You pay $8,250.00 over 12 months · $706.26 a month for 12 months");
  assert.equal(await page.$eval("#fin-monthly", (e) => e.textContent), "$706.26 a month for 12 months");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("on a desktop the summary appears without moving the form under the pointer", async () => {
  const { page, context, problems } = await open("");
  const place = () => page.evaluate(() => [document.getElementById("sticky").classList.contains("on"), document.querySelector('input[name="pay"][value="insured"]').getBoundingClientRect().top - document.getElementById("form").getBoundingClientRect().top]);
  const [before, at] = await place();
  assert.equal(before, false);
  // Scrolled until the headline is out of view: the summary shows, in the place it kept.
  await page.evaluate(() => window.scrollTo(0, document.getElementById("headline").getBoundingClientRect().bottom + window.scrollY + 10));
  await page.waitForFunction(() => document.getElementById("sticky").classList.contains("on"));
  const [after, now] = await place();
  assert.equal(after, true);
  assert.equal(now, at, "the form's fields keep their place in the form");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("every change recomputes as the engine says: price, sessions, interval, extras, holidays, financing", async () => {
  const { page, context, problems } = await open("#treatment=iv-ketamine&start=2026-03-02");
  await page.fill("#price", "500");
  await page.fill("#induction", "8");
  await page.fill("#interval", "6");
  let { plan } = await assertEngineFigures(page);
  assert.ok(plan.phases.every((x) => x.price === 50000));
  assert.equal(plan.phases[0].sessions, 8);
  assert.deepEqual(plan.phases[1].every, { weeks: 6 });
  // Federal holidays off: the plan's only closed days are the catalogue's weekend (Good Friday is no federal holiday; 25 May 2026 is Memorial Day).
  await page.uncheck("#holidays");
  ({ plan } = await assertEngineFigures(page));
  assert.deepEqual(plan.clinic, { closedWeekdays: ["sat", "sun"] });
  await page.check("#holidays");
  ({ plan } = await assertEngineFigures(page));
  assert.ok(plan.clinic.closedDates.includes("2026-05-25") && plan.clinic.closedDates.includes("2026-07-03"));
  // An extra the catalogue offers with IV ketamine: the plan gets it as the catalogue gives it.
  const offered = engine.preset("iv-ketamine").optionalFees ?? [];
  assert.ok(offered.length > 0, "IV ketamine offers extras to pick");
  assert.deepEqual(await page.$$eval("#extras input", (x) => x.map((i) => i.value)), offered.map((f) => f.name));
  await page.check(`#extras input[value="${offered[0].name}"]`);
  const feesBefore = plan.fees;
  ({ plan } = await assertEngineFigures(page));
  assert.deepEqual(plan.fees, [...feesBefore, offered[0]]);
  // Instalments ask for their interest rate by its control, with no error
  // before the visitor has typed: no APR is never read as 0 %, and the
  // estimate stays the lump sum meanwhile.
  const lump = await total(page);
  await page.check("#fin-on");
  await page.waitForFunction(() => document.getElementById("fin-monthly").textContent !== "");
  assert.equal(await page.textContent("#fin-monthly"), "Enter the plan's interest rate (APR) to see the monthly payment.");
  assert.equal(await page.textContent("#fin-apr-error"), "");
  assert.equal(await total(page), lump);
  assert.equal((await downloaded(page)).plan.financing, undefined);
  await page.fill("#fin-apr", "9.99");
  ({ plan } = await assertEngineFigures(page));
  const financed = engine.estimate(plan);
  // The payment plan's figures and schedule (financing.js loads with the first payment plan).
  await page.waitForSelector("#financing-summary .big");
  assert.equal(await page.$eval("#financing-summary .big", (e) => e.textContent), usd(financed.financing.payment));
  assert.equal(await page.textContent("#fin-monthly"), `${usd(financed.financing.payment)} a month for 12 months`);
  assert.equal(await page.$$eval("#payments tbody tr", (r) => r.length), financed.financing.payments.length);
  assert.deepEqual(plan.financing, { months: 12, apr: 9.99, downPayment: 0 });
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("each step of the self-pay form builds the plan written here; hand-worked totals", async () => {
  const { page, context, problems } = await open(IV);
  let want = ivPlan();
  const pinned = async (what) => {
    const { plan } = await downloaded(page);
    assert.deepEqual(plan, want, what);
    return plan;
  };
  await pinned("the link's treatment, price, sessions, interval and fee");
  // Sessions: induction Mon 2, Wed 4, Fri 6 March; boosters every 4 weeks
  // from the last one: 3 April, 1 May, 29 May (26 June is past the end, 2 June),
  // all Fridays, so the closed weekend moves none.
  // 6 sessions × $100 + the $50 evaluation = $650.00.
  assert.equal(await total(page), "$650.00");
  await page.fill("#price", "120");
  for (const phase of want.phases) phase.price = 12000;
  await pinned("the price, on every phase");
  // The same 6 sessions at $120: 6 × $120 + $50 = $770.00.
  assert.equal(await total(page), "$770.00");
  await page.fill("#induction", "4");
  want.phases[0].sessions = 4;
  await pinned("the induction's sessions");
  await page.fill("#interval", "6");
  want.phases[1].every = { weeks: 6 };
  await pinned("the boosters' interval");
  await page.fill("#fee", "75");
  want.fees[0].amount = 7500;
  await pinned("the evaluation's fee");
  // A package: both its fields, or the page asks for the other one.
  await page.click("#package-more > summary");
  await page.fill("#pkg-sessions", "3");
  assert.match(await errorAt(page, "pkg-price"), /./);
  await page.fill("#pkg-price", "250");
  want.packages = [{ name: "Induction infusions package", phase: "Induction infusions", sessions: 3, price: 25000 }];
  await pinned("a package of induction sessions");
  await page.fill("#pkg-sessions", "");
  await page.fill("#pkg-price", "");
  delete want.packages;
  await pinned("no package");
  // Federal holidays closed: the plan's closed days are the federal holidays
  // (on their observed days) from the start through the end of the calendar
  // year after the one the horizon ends in, written out here.
  await page.check("#holidays");
  want.clinic = { closedWeekdays: ["sat", "sun"], closedDates: [
    "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
    "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11",
    "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
  ] };
  await pinned("federal holidays closed");
  want.clinic = { closedWeekdays: ["sat", "sun"] };
  await page.uncheck("#holidays");
  await pinned("holidays open again");
  // Financing: months, rate and down payment as typed.
  await page.check("#fin-on");
  await page.fill("#fin-months", "6");
  await page.fill("#fin-apr", "0");
  await page.fill("#fin-down", "100");
  want.financing = { months: 6, apr: 0, downPayment: 10000 };
  await pinned("a payment plan");
  // The treatment picked: its phases, with the visitor's numbers typed again
  // (a change of treatment resets the price and sessions to the new one's).
  await page.check("#tr-oral-ketamine");
  await settle(page);
  await page.fill("#price", "200");
  await page.fill("#induction", "4");
  await page.fill("#interval", "4");
  await page.uncheck("#fin-on");
  want = {
    start: "2026-03-02",
    horizon: { months: 3 },
    phases: [
      { name: "Initial sessions", every: { weeks: 1 }, sessions: 4, price: 20000, covered: false },
      { name: "Maintenance sessions", every: { weeks: 4 }, price: 20000, covered: false },
    ],
    assistance: [],
  };
  await pinned("oral ketamine (taken at home: no closed weekdays)");
  // Weekly on Mondays 2, 9, 16, 23 March; then every 4 weeks from the last:
  // 20 April, 18 May (15 June is past 2 June). 6 × $200 = $1,200.00.
  assert.equal(await total(page), "$1,200.00");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("each step of the insurance form builds the plan written here; hand-worked totals", async () => {
  const { page, context, problems } = await open(IV_INSURED);
  const want = ivInsuredPlan();
  const pinned = async (what) => {
    const { plan } = await downloaded(page);
    assert.deepEqual(plan, want, what);
  };
  await pinned("insured: deductible, coinsurance, out-of-pocket maximum");
  // Sessions as in the self-pay plan: 2, 4, 6 March, 3 April, 1 and 29 May.
  // 2 Mar: $50 evaluation + $100 session, all to the deductible: $150 (met $150).
  // 4 Mar: $100 to the deductible: $100 (met $250).
  // 6 Mar: $50 ends the deductible, 20 % of the other $50 = $10: $60.
  // 3 Apr, 1 May, 29 May: 20 % of $100 = $20 each: $60.
  // $150 + $100 + $60 + $60 = $370.00, under the $400 maximum.
  assert.equal(await total(page), "$370.00");
  await page.fill("#oop-max", "350");
  want.coverage.outOfPocketMax = 35000;
  await pinned("a lower out-of-pocket maximum");
  // By 3 April the patient has paid $150 + $100 + $60 + $20 = $330; 1 May's
  // $20 reaches $350, the maximum; 29 May costs nothing. $350.00.
  assert.equal(await total(page), "$350.00");
  assert.equal((await figures(page))["Out-of-pocket maximum"], "May 1, 2026");
  await page.fill("#copay", "15");
  want.coverage.copay = 1500;
  await pinned("a copay");
  await page.fill("#copay", "");
  delete want.coverage.copay;
  await page.fill("#deductible-met", "100");
  want.coverage.deductibleMet = 10000;
  await pinned("part of the deductible met");
  await page.fill("#oop-met", "40");
  want.coverage.outOfPocketMet = 4000;
  await pinned("part of the maximum met");
  await page.check("#no-oop");
  delete want.coverage.outOfPocketMax;
  delete want.coverage.outOfPocketMet;
  await pinned("no out-of-pocket maximum");
  await page.uncheck("#no-oop");
  await page.fill("#oop-max", "400");
  await page.fill("#oop-met", "0");
  await page.fill("#deductible-met", "0");
  want.coverage.outOfPocketMax = 40000;
  want.coverage.outOfPocketMet = 0;
  want.coverage.deductibleMet = 0;
  await pinned("back to the first terms");
  assert.equal(await total(page), "$370.00");
  await page.selectOption("#year-month", "7");
  want.coverage.planYearStart = "07-01";
  await pinned("a plan year from July");
  await page.check('input[name="network"][value="out"]');
  want.coverage.network = "out";
  await pinned("out of network");
  await page.fill("#allowed", "80");
  for (const phase of want.phases) phase.allowed = 8000;
  await pinned("an allowed amount");
  await page.check("#limit-on");
  await page.fill("#limit-sessions", "4");
  want.coverage.limits = [{ phases: ["Induction infusions", "Booster infusions"], sessions: 4, per: "planYear", beyond: "patient" }];
  await pinned("a limit on covered sessions");
  await page.check('input[name="limit-per"][value="course"]');
  want.coverage.limits[0].per = "course";
  await pinned("a limit per course");
  await page.check("#accumulator");
  want.coverage.accumulator = true;
  await pinned("an accumulator program");
  // The visitor's own savings program, with and without a yearly limit.
  await page.check("#assist-on");
  await page.fill("#assist-at-most", "25");
  await page.fill("#assist-max", "3000");
  want.assistance = [{ name: "Your savings program", patientPaysAtMost: 2500, annualMax: 300000 }];
  await pinned("a savings program");
  await page.check("#assist-no-cap");
  delete want.assistance[0].annualMax;
  await pinned("a savings program with no yearly limit");
  await page.check('input[name="plan-type"][value="government"]');
  want.coverage.type = "government";
  await pinned("a government plan");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("esketamine's pharmacy benefit and manufacturer's programme build the plan written here", async () => {
  // Every number the form holds is set; the drug's prices per session (a
  // fee of each dosing phase), the first dose and the weekly phase's 4
  // sessions have no field, so they are the catalogue's. The price field is
  // the dosing visits' ($100.00 on each of the four); the evaluation, a visit
  // of its own day at its own price, keeps its $250.00. No fee is the
  // course's alone (each drug fee belongs to a phase), so `fee=50` prices
  // nothing.
  const cat = engine.preset("esketamine", "2026-03-02").plan;
  const code = "99214+99415+99416";
  const { page, context, problems } = await open("#treatment=esketamine&start=2026-03-02&months=3&holidays=0&price=100&induction=8&interval=2&fee=50&pay=insured&plan-type=commercial&cover-sessions=1&deductible=300&coinsurance=20&oop-max=400&rx=medical&programme=0");
  const want = {
    start: "2026-03-02",
    horizon: { months: 3 },
    clinic: { closedWeekdays: ["sat", "sun"] }, // given at a clinic, closed at weekends, as the catalogue's
    phases: [
      { name: "Initial evaluation", every: { weeks: 1 }, sessions: 1, price: 25000, code: "90792", covered: true },
      { name: "First dose, 56 mg", every: { weekdays: ["mon", "thu"] }, sessions: 1, startAfter: { days: 3 }, price: 10000, code, covered: true },
      { name: "Weeks 1-4, twice weekly", every: { weekdays: ["mon", "thu"] }, sessions: 8, price: 10000, code, covered: true },
      { name: "Weeks 5-8, weekly", every: { weeks: 1 }, sessions: cat.phases[3].sessions, price: 10000, code, covered: true },
      { name: "Maintenance, every 2 weeks", every: { weeks: 2 }, price: 10000, code, covered: true },
    ],
    fees: cat.fees,
    coverage: { type: "commercial", network: "in", accumulator: false, deductible: 30000, deductibleMet: 0, coinsurance: 20, outOfPocketMax: 40000, outOfPocketMet: 0, planYearStart: "01-01" },
    assistance: [],
  };
  assert.deepEqual(cat.fees.map((f) => f.benefit), ["pharmacy", "pharmacy", "pharmacy", "pharmacy"], "the drug is on the pharmacy benefit");
  const pinned = async (what) => {
    const { plan } = await downloaded(page);
    assert.deepEqual(plan, want, what);
  };
  await pinned("the drug under the medical benefit");
  assert.equal(await page.isVisible("#pharmacy-block"), true, "the drug's pharmacy benefit can be set");
  await page.check('input[name="rx"][value="own"]');
  await page.fill("#rx-deductible", "0");
  await page.fill("#rx-coinsurance", "25");
  await page.fill("#rx-oop-max", "2100");
  want.coverage.pharmacy = { deductible: 0, coinsurance: 25, outOfPocketMax: 210000 };
  await pinned("the pharmacy benefit's own terms");
  await page.fill("#rx-copay", "30");
  want.coverage.pharmacy.copay = 3000;
  await pinned("a pharmacy copay");
  // The catalogue's programme for the treatment, taken as the catalogue gives it.
  assert.equal(await page.isVisible("#programme-block"), true);
  await page.check("#programme");
  want.assistance = [cat.assistance[0]];
  await pinned("the manufacturer's programme");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("no silent zero: insurance and a savings program ask for their numbers (or fill them from the catalogue, saying so)", async () => {
  const { page, context, problems } = await open("#treatment=tms&start=2026-03-02");
  await page.check('input[name="pay"][value="insured"]');
  // Filled from the catalogue's first typical plan, and the headline says so.
  assert.ok(examples.length > 0, "the catalogue has typical insurance plans");
  // The typical plans load when insurance is first chosen (examples.js): the first is checked once they are here.
  await page.waitForSelector("input[name=example]:checked");
  assert.equal(await page.$eval("input[name=example]:checked", (s) => s.value), examples[0].id);
  assert.equal(await page.$eval("#deductible", (i) => i.value), String(examples[0].coverage.deductible / 100));
  assert.match(await page.$eval("#assumes", (e) => e.textContent), new RegExp(`${examples[0].name}, filled in below`));
  const { plan: filled } = await assertEngineFigures(page);
  assert.equal(filled.coverage.deductible, examples[0].coverage.deductible);
  const before = await total(page);
  await page.fill("#deductible", "");
  // An empty deductible is asked for, not read as $0.
  assert.match(await errorAt(page, "deductible"), /Enter your deductible/);
  assert.match(await status(page), /Fill in or fix the highlighted field/);
  assert.ok(!(await page.$eval("#answer", (e) => e.textContent)).includes("$0.00 over"));
  assert.equal(await total(page), before, "the last good estimate stays");
  await page.fill("#deductible", "1500");
  await page.fill("#coinsurance", "20");
  await page.fill("#oop-max", "5000");
  await assertEngineFigures(page);
  // Another savings program with no terms asks for them instead of paying everything.
  await page.check("#assist-on");
  assert.match(await errorAt(page, "assist-at-most"), /most you pay per session/);
  assert.match(await errorAt(page, "assist-max"), /no yearly limit/);
  await page.fill("#assist-at-most", "25");
  await page.check("#assist-no-cap");
  const { plan } = await assertEngineFigures(page);
  assert.deepEqual(plan.assistance, [{ name: "Your savings program", patientPaysAtMost: 2500 }]);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("every insurance control changes the numbers as the engine says", async () => {
  const { page, context, problems } = await open("#treatment=esketamine&start=2026-03-02&pay=insured&deductible=1500&coinsurance=20&oop-max=4500&programme=0");
  let last = await assertEngineFigures(page);
  assert.ok(last.s.outOfPocketMaxReached);
  const changed = async (what, check) => {
    const now = await assertEngineFigures(page);
    check?.(now.plan);
    assert.notEqual(now.estimate.totals.patientPays + now.estimate.totals.adjustment * 7, last.estimate.totals.patientPays + last.estimate.totals.adjustment * 7, `${what} changes the estimate`);
    last = now;
  };
  await page.check("#no-oop");
  await changed("no out-of-pocket maximum", (p) => assert.equal(p.coverage.outOfPocketMax, undefined));
  await page.uncheck("#no-oop");
  await changed("an out-of-pocket maximum again", (p) => assert.equal(p.coverage.outOfPocketMax, 450000));
  await page.fill("#allowed", "400");
  // Per session: the evaluation, a visit of its own day at its own price, keeps its charge.
  await changed("an allowed amount", (p) => assert.ok(p.phases.every((x) => x.allowed === (x.name === "Initial evaluation" ? undefined : 40000))));
  await page.check('input[name="network"][value="out"]');
  await changed("out of network", (p) => assert.equal(p.coverage.network, "out"));
  await page.fill("#copay", "40");
  await changed("a copay", (p) => assert.equal(p.coverage.copay, 4000));
  await page.fill("#copay", "");
  await page.fill("#deductible-met", "1000");
  await changed("deductible already met", (p) => assert.equal(p.coverage.deductibleMet, 100000));
  await page.selectOption("#year-month", "7");
  await changed("a plan year from July", (p) => assert.equal(p.coverage.planYearStart, "07-01"));
  await page.check("#limit-on");
  await page.fill("#limit-sessions", "10");
  await changed("a limit on covered sessions", (p) => assert.equal(p.coverage.limits[0].sessions, 10));
  // Esketamine's drug goes through the pharmacy benefit: its own terms can be set.
  assert.equal(await page.isVisible("#pharmacy-block"), true);
  await page.check('input[name="rx"][value="own"]');
  await page.fill("#rx-deductible", "0");
  await page.fill("#rx-coinsurance", "25");
  await page.fill("#rx-oop-max", "2100");
  await changed("the pharmacy benefit's own terms", (p) => assert.deepEqual(p.coverage.pharmacy, { deductible: 0, coinsurance: 25, outOfPocketMax: 210000 }));
  await page.check("#assist-on");
  await page.fill("#assist-at-most", "10");
  await page.fill("#assist-max", "3000");
  await changed("a savings program");
  await page.check("#accumulator");
  await changed("an accumulator program", (p) => assert.equal(p.coverage.accumulator, true));
  // The plan type: a manufacturer's program in the catalogue says why it does not apply.
  await page.check('input[name="plan-type"][value="government"]');
  const { plan } = await assertEngineFigures(page);
  assert.equal(plan.coverage.type, "government");
  // Esketamine has a manufacturer's programme in the catalogue; it says why it does not apply.
  assert.equal(await page.isVisible("#programme-block"), true);
  assert.match(await page.$eval("#programme-hint", (e) => e.textContent), /does not apply with Medicare/);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a Medicare example carries Medicare's fee schedule: ECT's psychiatrist is allowed the facility amount, not the clinic's price", async () => {
  const { page, context, problems } = await open("#treatment=ect&start=2026-03-02&pay=insured&example=medicare-part-b");
  const { plan, estimate } = await assertEngineFigures(page);
  assert.equal(plan.coverage.feeSchedule["90870"], 9853);
  // The first treatment's psychiatrist line: charged $182.03, allowed $98.53 (the written-off rest is the clinic's).
  const psychiatrist = estimate.lines.find((l) => l.code === "90870");
  assert.deepEqual([psychiatrist.charge, psychiatrist.allowed, psychiatrist.adjustment], [18203, 9853, 18203 - 9853]);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the four people: the figures they asked for, as the engine works them out, with no silent zero", async () => {
  // Each person's own sentences, asserted for that person: `s` is the
  // engine's summary of the plan the page built, `changes` the page's list.
  const has = (changes, pred) => assert.ok(changes.some(pred), changes.join("\n"));
  const oop = (changes, s) => {
    assert.ok(s.outOfPocketMaxReached, "the maximum is reached");
    has(changes, (x) => x.startsWith(`You reach your out-of-pocket maximum on ${day(s.outOfPocketMaxReached)}`));
  };
  const year = (changes) => has(changes, (x) => /Your plan year starts again on Jan 1, 2027: you pay the deductible again/.test(x));
  const people = [
    // A Spravato patient with an employer plan that runs an accumulator program and the
    // manufacturer's savings card from the catalogue, which runs out.
    ["#treatment=esketamine&start=2026-03-02&pay=insured&deductible=6000&coinsurance=20&oop-max=8000&accumulator=1", async ({ changes, s }) => {
      const c = s.changes.find((x) => x.kind === "assistanceExhausted");
      assert.ok(c, "the savings card runs out");
      has(changes, (x) => x.includes(`reaches its yearly limit on ${day(c.date)}`) && x.includes("after that you pay"));
      oop(changes, s);
      year(changes);
    }],
    // A self-pay patient comparing IV ketamine with TMS.
    ["#treatment=iv-ketamine&start=2026-03-02&compare=tms", async ({ page, plan }) => {
      const rows = await page.$$eval("#compare tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      const c = engine.compare([plan, { ...engine.preset("tms", "2026-03-02").plan, clinic: plan.clinic }], { horizon: plan.horizon });
      assert.deepEqual(rows.map((r) => [r[2], r[5]]), c.plans.map((x) => [usd(x.firstMonth.patientPays), usd(x.totals.patientPays)]));
    }],
    // A Medicare patient considering TMS: Part B, no maximum.
    ["#treatment=tms&start=2026-03-02&pay=insured&plan-type=government&deductible=283&coinsurance=20&no-oop=1", async ({ changes }) => {
      has(changes, (x) => /Your last session is on .*; after that you pay nothing more/.test(x));
    }],
    // A clinic's marketing manager: esketamine at her price with the catalogue's high-deductible plan
    // (a $25 copay a visit after its deductible: she never reaches its maximum).
    ["#treatment=esketamine&start=2026-03-02&price=900&pay=insured&example=employer-hdhp", async ({ changes, s, plan }) => {
      year(changes);
      // The example's terms the form has no field for come with it: a copay once a visit, after the deductible.
      assert.equal(plan.coverage.copay, 2500);
      assert.equal(plan.coverage.copayPer, "visit");
      assert.equal(plan.coverage.copayAfterDeductible, true);
      assert.equal(s.outOfPocketMaxReached, undefined);
    }],
  ];
  for (const [hash, check] of people) {
    const { page, context, problems } = await open(hash, { width: 360, height: 780 });
    const { plan, s } = await assertEngineFigures(page);
    const text = await page.$eval("#answer", (e) => e.innerText);
    assert.doesNotMatch(text, /You pay \$0\.00|Insurance pays \$0\.00 everywhere/);
    const changes = await page.$$eval("#changes li", (li) => li.map((x) => x.textContent));
    assert.equal(changes.length, s.changes.length, hash);
    await check({ page, plan, s, changes });
    // Chart marks for every change but the course's end, each at its date.
    const labels = await page.$$eval("#chart .mark text", (t) => t.map((x) => x.textContent));
    assert.equal(labels.length, s.changes.filter((x) => x.kind !== "courseEnds").length);
    assert.deepEqual(await problems(), []);
    await context.close();
  }
});

test("switching treatment keeps what still applies and says what it reset; a compared treatment takes the visitor's price", async () => {
  const { page, context, problems } = await open("#start=2026-03-02");
  await page.fill("#price", "450");
  await page.fill("#months", "18");
  await page.check('input[name="pay"][value="insured"]');
  await page.fill("#deductible", "2000");
  await page.fill("#coinsurance", "10");
  await page.fill("#oop-max", "6000");
  await page.check("#fin-on");
  await page.fill("#fin-apr", "0");
  await page.check("#tr-tms");
  await settle(page);
  assert.match(await status(page), /Switched to Transcranial magnetic stimulation.*: price reset to its typical values\. Your insurance, dates, savings and payments are kept\./);
  for (const [id, v] of [["deductible", "2000"], ["coinsurance", "10"], ["oop-max", "6000"], ["months", "18"], ["start", "2026-03-02"], ["fin-apr", "0"]]) {
    assert.equal(await page.$eval(`#${id}`, (i) => i.value), v, id);
  }
  const { plan } = await assertEngineFigures(page);
  assert.equal(plan.phases[0].price, engine.preset("tms").plan.phases[0].price);
  assert.deepEqual(plan.horizon, { months: 18 });
  // The compared treatment at the visitor's own price.
  await page.check("#compare-picks input[value=ect]");
  await page.fill("#cp-ect", "1200");
  const row = await page.$eval("#compare tbody tr:nth-child(2)", (tr) => [...tr.cells].map((c) => c.textContent));
  assert.match(row[0], /\(your price\)/);
  const ect = engine.preset("ect", "2026-03-02").plan;
  for (const p of ect.phases) p.price = 120000;
  ect.clinic = plan.clinic;
  ect.coverage = plan.coverage;
  ect.horizon = plan.horizon;
  const c = engine.compare([plan, ect]);
  assert.equal(row[5], usd(c.plans[1].totals.patientPays));
  // No control's text is cut off.
  const cut = await page.$$eval("label, legend, summary, button, .hint", (els) => els.filter((e) => e.offsetParent && !e.classList.contains("visually-hidden") && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent.slice(0, 40)));
  assert.deepEqual(cut, []);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("errors name the field in words and show amounts as money; a link reopens the same state", async () => {
  const first = await open("#start=2026-03-02&pay=insured&deductible=2000&coinsurance=20&oop-max=5000");
  const { page } = first;
  const good = await total(page);
  for (const [field, text, message] of [
    ["#deductible-met", "2500", "This is more than your deductible of $2,000.00."],
    ["#oop-met", "6000", "This is more than your out-of-pocket maximum of $5,000.00."],
    ["#allowed", "700", "This is more than the price per session of $590.00."],
    ["#price", "abc", "Enter an amount in US dollars, like 590 or 590.50."],
    ["#months", "0", "Enter a value from 1 to 120."],
    ["#induction", "six", "Enter a whole number, like 6."],
    ["#coinsurance", "120", "Enter a value from 0 to 100."],
  ]) {
    const before = await page.$eval(field, (e) => e.value);
    await page.fill(field, text);
    assert.equal(await errorAt(page, field.slice(1)), message, `${field} = ${text}`);
    assert.equal(await page.$eval(field, (e) => e.getAttribute("aria-invalid")), "true");
    assert.equal(await total(page), good, "the last good estimate stays");
    assert.match(await status(page), /last one that worked/);
    await page.fill(field, before);
    assert.equal(await page.$eval(field, (e) => e.getAttribute("aria-invalid")), null);
  }
  await page.fill("#price", "900");
  await page.check("#compare-picks input[value=tms]");
  await page.waitForFunction(() => location.hash.includes("compare=tms"));
  const url = page.url();
  const numbers = await figures(page);
  await first.context.close();
  const second = await open(url.slice(base.length));
  assert.equal(await second.page.$eval("#price", (s) => s.value), "900");
  assert.equal(await second.page.$eval("#deductible", (s) => s.value), "2000");
  assert.deepEqual(await figures(second.page), numbers);
  assert.equal(await second.page.$$eval("#compare tbody tr", (r) => r.length), 2);
  assert.deepEqual(await second.problems(), []);
  await second.context.close();
});

test("print and the download keep what the visitor entered and the assumptions that still apply", async () => {
  const { page, context, problems } = await open("#start=2026-03-02&price=500&pay=insured&deductible=1500&coinsurance=20&oop-max=5000&label=Mine");
  const json = await downloaded(page);
  assert.equal(json.entered.price, "500");
  assert.equal(json.entered.deductible, "1500");
  const entries = Object.fromEntries(json.entries.map((x) => [x.field, x.value]));
  assert.equal(entries["Price per session"], "$500.00");
  assert.equal(entries.Deductible, "$1,500.00");
  assert.equal(entries.Name, "Mine");
  const changed = json.assumptions.filter((a) => a.changedTo);
  assert.equal(changed.length, 1);
  assert.match(changed[0].text, /\$590/);
  assert.equal(changed[0].changedTo, "$500.00");
  assert.ok(json.assumptions.some((a) => /Insurance: your plan's deductible/.test(a.text)));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#entries-section"), true);
  assert.equal(await page.isVisible("#form"), false);
  const printed = await page.$eval("body", (b) => b.innerText);
  for (const text of ["What you entered", "Price per session", "$500.00", "Deductible", "$1,500.00", "Coinsurance", "20 %", "You changed this: $500.00"]) {
    assert.ok(printed.includes(text), `print shows ${text}`);
  }
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a link whose values cannot be estimated opens with the form shown and the field to fix named", async () => {
  const { page, context, problems } = await open("#price=abc");
  assert.equal(await page.isVisible("#price"), true);
  assert.equal(await page.$eval("#price", (i) => i.value), "abc");
  assert.match(await errorAt(page, "price"), /Enter an amount in US dollars/);
  assert.match(await status(page), /Fill in or fix the highlighted field to see an estimate/);
  // The defaults are in the form around it.
  assert.notEqual(await page.$eval("#months", (i) => i.value), "");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the first frame lays out the treatment and the headline alone, from the link; the form, the detail and the footer join after it", async () => {
  const { page, context, problems } = await openPage(browser, base, "#treatment=tms&price=250", {
    ready: () => document.getElementById("answer").dataset.complete === "true",
    // What the page holds when the headline is written, and in the frame that paints it.
    setup: (ctx) => ctx.addInitScript(() => {
      const seen = (window.__first = {});
      const look = () => ({ form: Boolean(document.getElementById("form")), footer: Boolean(document.querySelector("footer")), picked: document.querySelector("input[name=treatment]:checked")?.value, headline: document.getElementById("headline").textContent });
      new MutationObserver((_, observer) => {
        if (!document.getElementById("headline")?.textContent) return;
        observer.disconnect();
        seen.written = look();
        requestAnimationFrame(() => (seen.frame = look()));
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }),
  });
  const first = await page.evaluate(() => window.__first);
  // The headline of the first frame is the one the whole page then draws:
  // the link's treatment at the link's price, as the engine estimates it.
  const final = await page.$eval("#headline", (e) => e.textContent);
  for (const at of [first.written, first.frame]) {
    assert.deepEqual(at, { form: false, footer: false, picked: "tms", headline: final });
  }
  const { plan } = await downloaded(page);
  assert.equal(plan.phases[0].price, 25000);
  assert.ok(final.includes(usd(engine.estimate(plan).totals.patientPays)), final);
  assert.equal(await page.isVisible("footer"), true);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("what a visitor asks for loads when asked: the catalogue's notes when opened, downloaded or printed", async () => {
  const { page, context, problems, requests } = await open("#price=500");
  const notesLoaded = () => requests.some((r) => new URL(r.url()).pathname === "/notes.js");
  // The first screen loads the page's files (its module with the chunks it
  // imports), then the detail once the estimate is painted, and nothing that
  // waits for a visitor's request.
  const { visitorPage, visitorOnRequest } = await import(pathToFileURL(join(root, "scripts/page-files.mjs")));
  const detail = Object.entries(visitorOnRequest).find(([what]) => what.startsWith("the detail"))[1];
  const served = (f) => f.replace("target/site", "").replace("/index.html", "/");
  assert.deepEqual([...new Set(requests.map((r) => new URL(r.url()).pathname))].sort(), [...visitorPage, ...detail].map(served).sort());
  assert.ok(visitorPage.some((f) => f.endsWith("/app.js")) && detail.some((f) => f.endsWith("/details.js")), "the page's module and the detail's are among them");
  assert.equal(await page.$eval("#assumptions", (e) => e.children.length), 0);
  const iv = catalogue.presets.find((p) => p.id === "iv-ketamine");
  // Opening "Assumptions and sources" loads them, with the visitor's change marked.
  await page.click("#notes > summary");
  await page.waitForFunction(() => document.querySelectorAll("#assumptions li").length > 0);
  assert.equal(notesLoaded(), true);
  const items = await page.$$eval("#assumptions li", (li) => li.map((x) => x.textContent));
  assert.equal(items[0].startsWith(iv.assumptions[0].slice(0, 40)), true);
  assert.ok(items.some((x) => x.includes("You changed this: $500.00")), items.join("\n"));
  assert.deepEqual(await page.$$eval("#sources a", (a) => a.map((x) => x.href)), iv.sources.map((x) => x.url));
  // "What it is" shows the treatment's summary, and follows a change of treatment.
  await page.click("#about > summary");
  assert.equal(await page.$eval("#treatment-summary", (e) => e.textContent), iv.summary);
  await page.check("#tr-tms");
  await page.waitForFunction(() => document.querySelector("#assumptions li")?.textContent.includes("36"));
  assert.equal(await page.$eval("#treatment-summary", (e) => e.textContent), catalogue.presets.find((p) => p.id === "tms").summary);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a module asked for that cannot load is said, and tried again the next time", async () => {
  let fail = true;
  const { page, context, problems } = await open("", {
    setup: (c) => c.route(/\/(notes|problems)\.js$/, (route) => (fail ? route.abort() : route.continue())),
    allow: (text) => /Failed to load resource|Failed to fetch dynamically imported module/.test(text),
  });
  await page.click("#download");
  await page.waitForFunction(() => document.getElementById("action-status").textContent !== "");
  assert.match(await page.$eval("#action-status", (e) => e.textContent), /The assumptions and sources could not be loaded/);
  await page.fill("#price", "abc");
  await page.waitForFunction(() => /Could not draw the estimate/.test(document.getElementById("status").textContent));
  fail = false;
  await page.fill("#price", "abcd");
  assert.match(await errorAt(page, "price"), /Enter an amount in US dollars/);
  await page.fill("#price", "590");
  await page.click("#notes > summary");
  await page.waitForFunction(() => document.querySelectorAll("#assumptions li").length > 0);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("Español: every word, the catalogue's texts, dates and money for the locale; kept in the link; axe-core", async () => {
  const { page, context, problems } = await open("#start=2026-03-02&pay=insured&deductible=1500&coinsurance=20&oop-max=4500&compare=tms", { width: 360, height: 780 });
  await page.click("#lang-es");
  await page.waitForFunction(() => document.documentElement.lang === "es");
  await settle(page);
  await page.waitForFunction(() => location.hash.includes("lang=es"));
  const text = await page.$eval("body", (b) => b.innerText);
  for (const english of ["You pay", "First month", "Treatment", "Insurance", "Deductible", "Compare", "Session calendar", "Itemized ledger", "Savings", "Copy link", "Sources:", "months", "Payment"]) {
    assert.ok(!text.includes(english), `no “${english}” left on the Spanish page`);
  }
  assert.match(await page.$eval("#headline", (e) => e.textContent), /^Usted paga .* en 12 meses$/);
  const { plan, estimate } = await downloaded(page);
  assert.equal(await total(page), usdEs(estimate.totals.patientPays));
  assert.match(await page.$eval("#figures", (e) => e.textContent), /del 2 mar 2026 al 1 abr 2026/);
  // The catalogue gives IV ketamine its Spanish name, summary and assumptions: the page shows them.
  const es = catalogue.presets.find((p) => p.id === "iv-ketamine").es;
  assert.ok(es?.name && es.summary && es.assumptions?.length, "IV ketamine has its Spanish texts in the catalogue");
  assert.equal(await page.$eval("input[name=treatment]:checked", (o) => o.parentElement.textContent.trim()), es.name);
  assert.equal(await page.$eval("#treatment-summary", (e) => e.textContent), es.summary);
  assert.equal(await page.$eval("#assumptions li", (e) => e.textContent), es.assumptions[0]);
  // The names of the plan's phases and fees, in the ledger, the phases and the fields, are the catalogue's Spanish.
  assert.equal(await page.$eval("#induction-label", (e) => e.textContent).then((x) => x.includes(es.names["Induction infusions"])), true);
  const ledger = await page.$eval("#ledger", (e) => e.textContent);
  assert.ok(ledger.includes(es.names["Induction infusions"]) && ledger.includes(es.names["Initial evaluation"]), ledger.slice(0, 300));
  assert.ok(!ledger.includes("Induction infusions") && !ledger.includes("Initial evaluation"));
  await page.fill("#deductible-met", "2000");
  assert.equal(await errorAt(page, "deductible-met"), `Es más que su deducible de ${usdEs(150000)}.`);
  await page.fill("#deductible-met", "0");
  await page.waitForFunction(() => location.hash.includes("deductible-met=0"));
  // Reopened from its link, the page is in Spanish from the start.
  const again = await open(page.url().slice(base.length), { width: 360, height: 780 });
  assert.equal(await again.page.evaluate(() => document.documentElement.lang), "es");
  assert.deepEqual(await figures(again.page), await figures(page));
  await again.context.close();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the Spanish page is ${overflow}px wider than 360`);
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), []);
  assert.equal(await page.$eval("#form", (f) => f.getAttribute("aria-label")), "Su tratamiento");
  await page.click("#lang-en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.$eval("#headline", (e) => e.textContent), /^You pay/);
  // The page's own words, title and form label are its English again.
  assert.equal(await page.$eval("#assumptions-heading", (e) => e.textContent), "Assumptions and sources");
  assert.equal(await page.title(), "coursecost — what will a treatment course cost me?");
  assert.equal(await page.$eval("#form", (f) => f.getAttribute("aria-label")), "Your course");
  await page.waitForFunction(() => !location.hash.includes("lang="));
  void plan;
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("hostile text and links are shown as text, never run", async () => {
  const xss = '<img src=x onerror="window.__xss=1">';
  const { page, context, problems } = await open();
  await page.fill("#label", xss);
  assert.equal(await page.$("img[src=x]"), null);
  await page.waitForFunction(() => location.hash.includes("label="));
  const url = page.url();
  await context.close();
  for (const hash of [
    url.slice(base.length),
    "#treatment=%3Cscript%3Ealert(1)%3C/script%3E&price=%3Cb%3E",
    "#%E0%A4%A",
    `#label=${"x".repeat(100000)}`,
    "#compare=" + "tms,".repeat(500),
    "#start=9999-99-99&months=-1&pay=<svg onload=alert(1)>&lang=<b>&year-month=13&extras=<i>",
    "#cprice=tms:<b>;ect:1e9&example=<x>",
  ]) {
    const other = await open(hash);
    assert.equal(await other.page.evaluate(() => window.__xss), undefined);
    assert.equal(await other.page.$("img[src=x], script:not([src]), svg[onload], b, i"), null);
    const text = await status(other.page);
    assert.ok((await other.page.$("#total")) !== null || /Fill in or fix/.test(text), text);
    assert.deepEqual(await other.problems(), [], hash.slice(0, 60));
    await other.context.close();
  }
});

test("axe-core in English; the keyboard reaches the treatment first", async () => {
  // Every control shown: contract version 3's too (a family's amounts, a superbill, a limit and its waiver), each ledger line's reasons open.
  const { page, context, problems } = await open("#pay=insured&deductible=1000&coinsurance=20&no-oop=1&fam-on=1&fam-deductible=2000&claims=1&limit-on=1&assist-on=1&fin-on=1&compare=tms,ect");
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), []);
  await page.keyboard.press("Tab"); // the skip link
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement.name)) !== "treatment"; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.name), "treatment");
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await page.$eval("input[name=treatment]:checked", (s) => s.value), "iv-ketamine");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a phone is a first-class device: tap targets, tables without cut-off rows, legible round chart ticks", async () => {
  for (const lang of ["en", "es"]) {
    const { page, context } = await open(`#pay=insured${lang === "es" ? "&lang=es" : ""}`, { width: 360, height: 780 });
    const clipped = await page.evaluate(() => {
      const ctx = document.createElement("canvas").getContext("2d");
      const out = [];
      for (const s of document.querySelectorAll("select")) {
        const cs = getComputedStyle(s);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        for (const o of s.options) if (ctx.measureText(o.textContent).width > room) out.push(`${s.id}: ${o.textContent}`);
      }
      return out;
    });
    assert.deepEqual(clipped, [], `${lang}: a select's choice is cut off at 360 px`);
    await context.close();
  }
  const { page, context, problems } = await open("#start=2026-03-02&pay=insured&deductible=1000&coinsurance=20&oop-max=3000&fin-on=1&fin-apr=0&compare=tms", { width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  // Every control is at least 44 × 44 (a checkbox or radio through its label).
  const small = await page.$$eval("button, select, input:not([type=checkbox]):not([type=radio]), summary, label:has(input[type=checkbox]), label:has(input[type=radio]), .langs a", (els) =>
    els.filter((e) => e.offsetParent).map((e) => [e.id || e.textContent.trim().slice(0, 30), e.getBoundingClientRect()]).filter(([, r]) => r.width < 44 || r.height < 44).map(([n, r]) => `${n}: ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  // No scroll box inside the page: every table row and total is in the page's own flow.
  const boxes = await page.$$eval("table", (ts) => ts.filter((t) => t.offsetParent).map((t) => {
    for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/(auto|scroll|hidden)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1) return `${t.id} in a scroll box`;
    }
    const r = t.getBoundingClientRect();
    return r.right > document.documentElement.clientWidth + 1 ? `${t.id} is cut off` : null;
  }).filter(Boolean));
  assert.deepEqual(boxes, []);
  assert.equal(await page.isVisible("#ledger tfoot"), true);
  // No control's text is cut off: labels wrap, and every choice of every select fits in it.
  const clipped = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("label, legend, summary, button")) {
      if (el.offsetParent && !el.classList.contains("visually-hidden") && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.slice(0, 40));
    }
    const ctx = document.createElement("canvas").getContext("2d");
    for (const s of document.querySelectorAll("select")) {
      if (!s.offsetParent) continue;
      const cs = getComputedStyle(s);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // the arrow
      for (const o of s.options) if (ctx.measureText(o.textContent).width > room) out.push(`${s.id}: ${o.textContent}`);
    }
    return out;
  });
  assert.deepEqual(clipped, []);
  // Chart ticks: at least 11 px on screen, round values.
  const ticks = await page.$$eval("#chart .tick", (ts) => ts.map((t) => [t.textContent, t.getBoundingClientRect().height, parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width)]));
  assert.ok(ticks.length > 3);
  for (const [, , px] of ticks) assert.ok(px >= 11, `a tick is ${px}px`);
  const amounts = ticks.map(([x]) => x).filter((x) => x.startsWith("$")).map((x) => Number(x.replace(/[$,]/g, "")));
  assert.ok(amounts.length >= 2);
  const step = amounts[1] - amounts[0];
  assert.ok(amounts.every((a, i) => a === i * step), `evenly spaced from 0: ${amounts}`);
  assert.ok(/^(1|2|25|5)0*$/.test(String(step)), `a round step: ${step}`);
  // Month labels cannot be read as days.
  const months = ticks.map(([x]) => x).filter((x) => /^[A-Z][a-z]{2} \d{4}$/.test(x));
  assert.ok(months.length >= 2, ticks.map(([x]) => x).join(" | "));
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("screenshots at 360, 768 and 1280 px in English and Spanish", async () => {
  for (const lang of ["en", "es"]) {
    for (const width of [360, 768, 1280]) {
      const { page, context, problems } = await open(`#start=2026-03-02&pay=insured&deductible=1500&coinsurance=20&oop-max=4500&compare=tms${lang === "es" ? "&lang=es" : ""}`, { width, height: width === 360 ? 780 : 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${lang} ${width}: ${overflow}px too wide`);
      await page.screenshot({ path: join(shots, `page-${lang}-${width}.png`), fullPage: true });
      await page.screenshot({ path: join(shots, `page-${lang}-${width}-first-screen.png`) });
      assert.deepEqual(await problems(), []);
      await context.close();
    }
  }
});
