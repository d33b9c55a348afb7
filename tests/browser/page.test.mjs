// The visitor page in headless Debian Chromium (playwright-core): loads,
// shows the engine's own numbers, recomputes on every change, reopens from a
// link, survives bad and hostile input, sends nothing off 127.0.0.1, passes
// axe-core, and saves screenshots at 360 and 1280 px for review.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open as openPage } from "./harness.mjs";

const shots = join(root, "target/screenshots");
const engine = await import(pathToFileURL(join(root, "pkg/node.js")));

let base, browser, stop;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ base, browser, stop } = await start());
});

after(async () => {
  await stop?.();
});

/** The visitor page, ready when the estimate is drawn in full or a broken link says what to fix. */
const open = (hash = "", size = {}) => openPage(browser, base, hash, {
  ...size,
  ready: () => document.getElementById("results").dataset.complete === "true" || document.querySelector("#status.stale") !== null,
});

const headline = (page) => page.$$eval("#headline .big", (els) => els.map((e) => e.textContent));
const usd = (minor) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);

/** The plan and estimate the page would download, from its own download button. */
async function downloaded(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  return JSON.parse(readFileSync(await download.path(), "utf8"));
}

test("the page shows the engine's estimate for the default treatment", async () => {
  const { page, context, problems } = await open();
  assert.equal(await page.$eval("#treatment", (s) => s.value), "iv-ketamine");
  const start = await page.$eval("#start", (i) => i.value);
  assert.match(start, /^\d{4}-\d{2}-\d{2}$/);
  const { plan, estimate } = await downloaded(page);
  // The engine, outside the page, on the catalogue's own plan at that start.
  const expected = engine.estimate({ ...engine.preset("iv-ketamine", start).plan });
  assert.deepEqual(plan, engine.preset("iv-ketamine", start).plan);
  assert.deepEqual(estimate, expected);
  const [total, rangeText, firstMonth] = await headline(page);
  assert.equal(total, usd(expected.totals.patientPays));
  const r = engine.range(engine.preset("iv-ketamine", start), { horizon: { months: 12 } });
  assert.equal(rangeText, `${usd(r.low.patientPays)} – ${usd(r.high.patientPays)}`);
  assert.equal(firstMonth, usd(engine.compare([plan]).plans[0].firstMonth.patientPays));
  // The ledger lists every line and its total is the engine's.
  assert.equal(await page.$$eval("#ledger tbody tr", (r) => r.length), expected.lines.length);
  assert.equal(await page.$eval("#ledger tfoot td:last-child", (td) => td.textContent), usd(expected.totals.patientPays));
  assert.ok(await page.$("#chart svg[role=img] title"));
  assert.deepEqual(await problems(), []);
  await page.screenshot({ path: join(shots, "page-1280.png"), fullPage: true });
  await context.close();
});

test("changes recompute at once: price, sessions, interval, insurance, financing", async () => {
  const { page, context, problems } = await open();
  const start = await page.$eval("#start", (i) => i.value);
  const base = engine.preset("iv-ketamine", start).plan;
  await page.fill("#price", "500");
  await page.fill("#induction", "8");
  await page.fill("#interval", "6");
  const plan = structuredClone(base);
  for (const p of plan.phases) p.price = 50000;
  plan.phases[0].sessions = 8;
  plan.phases[1].every = { weeks: 6 };
  assert.equal((await headline(page))[0], usd(engine.estimate(plan).totals.patientPays));

  await page.check('input[name="pay"][value="insured"]');
  await page.fill("#deductible", "1500");
  await page.fill("#coinsurance", "20");
  await page.fill("#oop-max", "5000");
  await page.check("#cover-sessions");
  plan.coverage = { deductible: 150000, deductibleMet: 0, coinsurance: 20, outOfPocketMax: 500000, outOfPocketMet: 0 };
  for (const p of plan.phases) p.covered = true;
  for (const f of plan.fees) f.covered = true;
  const insured = engine.estimate(plan);
  assert.equal((await headline(page))[0], usd(insured.totals.patientPays));
  assert.ok(insured.totals.insurerPays > 0);

  await page.check("#fin-on");
  await page.fill("#fin-months", "12");
  await page.fill("#fin-apr", "9.99");
  plan.financing = { months: 12, apr: 9.99, downPayment: 0 };
  const financed = engine.estimate(plan);
  assert.equal(await page.$eval("#financing-summary .big", (e) => e.textContent), usd(financed.financing.payment));
  assert.equal(await page.$$eval("#payments tbody tr", (r) => r.length), financed.financing.payments.length);
  assert.deepEqual((await downloaded(page)).plan, plan);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a shared link reopens the same page state", async () => {
  const first = await open();
  await first.page.selectOption("#treatment", "esketamine");
  await first.page.fill("#price", "900");
  await first.page.check('input[name="pay"][value="insured"]');
  await first.page.fill("#copay", "40");
  await first.page.check("#compare-picks input[value=tms]");
  const url = first.page.url();
  const numbers = await headline(first.page);
  const compared = await first.page.$$eval("#compare tbody tr", (r) => r.map((x) => x.textContent));
  await first.context.close();
  assert.match(url, /#.*treatment=esketamine/);

  const second = await open(url.slice(base.length));
  assert.equal(await second.page.$eval("#treatment", (s) => s.value), "esketamine");
  assert.equal(await second.page.$eval("#price", (s) => s.value), "900");
  assert.equal(await second.page.$eval("#copay", (s) => s.value), "40");
  assert.deepEqual(await headline(second.page), numbers);
  assert.deepEqual(await second.page.$$eval("#compare tbody tr", (r) => r.map((x) => x.textContent)), compared);
  assert.equal(compared.length, 2);
  assert.deepEqual(await second.problems(), []);
  await second.context.close();
});

test("bad input: a message at the field, the last good estimate kept, the page still works", async () => {
  const { page, context, problems } = await open();
  const good = await headline(page);
  for (const [field, text, message] of [
    ["#price", "-5", /must be from 0/],
    ["#price", "abc", /Enter an amount in US dollars/],
    ["#start", "2026-02-30", /not a real date/],
    ["#months", "0", /from 1 to 120/],
    ["#induction", "six", /whole number/],
  ]) {
    const before = await page.$eval(field, (e) => e.value);
    await page.fill(field, text);
    assert.match(await page.$eval(`${field}-error`, (e) => e.textContent), message, `${field} = ${text}`);
    assert.equal(await page.$eval(field, (e) => e.getAttribute("aria-invalid")), "true");
    assert.deepEqual(await headline(page), good, "the last good estimate stays");
    assert.match(await page.$eval("#status", (e) => e.textContent), /last one that worked/);
    await page.fill(field, before);
    assert.equal(await page.$eval(field, (e) => e.getAttribute("aria-invalid")), null);
    assert.deepEqual(await headline(page), good);
  }
  assert.equal(await page.$eval("#status", (e) => e.textContent), "");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("hostile text and links are shown as text, never run", async () => {
  const xss = '<img src=x onerror="window.__xss=1">';
  const { page, context, problems } = await open();
  await page.fill("#label", xss);
  assert.equal(await page.$eval("#summary-heading", (e) => e.textContent), `Your estimate: ${xss}`);
  assert.equal(await page.$("#summary-heading img"), null);
  const url = page.url();
  await context.close();

  for (const hash of [
    url.slice(base.length),
    "#treatment=%3Cscript%3Ealert(1)%3C/script%3E&price=%3Cb%3E",
    "#%E0%A4%A",
    `#label=${"x".repeat(100000)}`,
    "#compare=" + "tms,".repeat(500),
    "#start=9999-99-99&months=-1&pay=<svg onload=alert(1)>",
  ]) {
    const other = await open(hash);
    assert.equal(await other.page.evaluate(() => window.__xss), undefined);
    assert.equal(await other.page.$("img[src=x], script:not([src]), svg[onload]"), null);
    // Either an estimate, or a message saying which field to fix.
    const status = await other.page.$eval("#status", (e) => e.textContent);
    assert.ok((await headline(other.page)).length >= 4 || /Fix the highlighted field/.test(status), status);
    assert.deepEqual(await other.problems(), [], hash.slice(0, 60));
    await other.context.close();
  }
});

test("the preset says which phases can be changed; amounts are read in the plan's currency; compare gets the visitor's options", async () => {
  const { page, context, problems } = await open("#treatment=tms");
  const start = await page.$eval("#start", (i) => i.value);
  const tms = engine.preset("tms", start);
  // TMS lets the visitor change the daily sessions, not an interval.
  assert.equal(await page.isVisible("#interval-field"), false);
  assert.equal(await page.textContent("#induction-label"), `Sessions in “${tms.editable.sessions}”`);
  assert.equal(await page.$eval("#induction", (i) => i.placeholder), String(tms.plan.phases.find((x) => x.name === tms.editable.sessions).sessions));
  // Labels and placeholders in the plan's currency, with the engine's minor units.
  const { currency, minorUnits } = engine.estimate(tms.plan);
  assert.equal(await page.textContent('label[for="price"] .currency'), new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(0).find((x) => x.type === "currency").value);
  assert.equal(await page.$eval("#price", (i) => i.placeholder), (tms.plan.phases[0].price / 10 ** minorUnits).toFixed(minorUnits));

  await page.selectOption("#treatment", "esketamine");
  const esk = engine.preset("esketamine", start);
  assert.equal(await page.isVisible("#interval-field"), true);
  assert.equal(await page.textContent("#interval-label"), `Weeks between “${esk.editable.interval}”`);
  await page.fill("#price", "987.65");
  await page.fill("#interval", "3");
  await page.check('input[name="pay"][value="insured"]');
  await page.fill("#deductible", "1000");
  await page.fill("#coinsurance", "10");
  await page.check("#assist-on");
  await page.fill("#assist-at-most", "10");
  await page.check("#compare-picks input[value=tms]");
  const { plan } = await downloaded(page);
  assert.ok(plan.phases.every((x) => x.price === 98765));
  assert.deepEqual(plan.phases.find((x) => x.name === esk.editable.interval).every, { weeks: 3 });
  // The other treatment gets the visitor's insurance, programme and horizon from the engine.
  const options = { horizon: plan.horizon, coverage: plan.coverage, assistance: plan.assistance };
  const c = engine.compare([plan, engine.preset("tms", start).plan], options);
  const rows = await page.$$eval("#compare tbody tr", (trs) => trs.map((tr) => tr.cells[5].textContent));
  assert.deepEqual(rows, c.plans.map((x) => usd(x.totals.patientPays)));
  assert.ok(c.plans[1].totals.assistance > 0, "the programme applies to the other treatment too");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("axe-core: no serious or critical violations; keyboard reaches the form", async () => {
  const { page, context, problems } = await open("#pay=insured&assist-on=1&fin-on=1&compare=tms,ect");
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), []);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "treatment");
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await page.$eval("#treatment", (s) => s.value), "iv-ketamine");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a phone-sized screen: no horizontal scrolling; screenshot", async () => {
  const { page, context, problems } = await open("#compare=tms", { width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(shots, "page-360.png"), fullPage: true });
  assert.deepEqual(await problems(), []);
  await context.close();
});
