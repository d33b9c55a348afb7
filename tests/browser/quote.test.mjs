// The staff view (www/staff/quote.html) in headless Chromium: a clinic's sheet
// loaded (baked in as clinic.json, or opened from a file), quotes with the
// engine's numbers on screen, in the printed PDF and in the downloads, the
// Good Faith Estimate's elements, broken sheets reported path by path, and
// patient details kept out of the URL, storage and every request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start } from "./harness.mjs";
import { SAMPLE, usd, longDate, openStaff as staffPage } from "./staff.mjs";

const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const sheet = JSON.parse(SAMPLE);
const out = join(root, "target/screenshots");

const PATIENT = { name: "Zebulon Quartermaine", birthDate: "1961-07-04" };

let base, browser, stop;
before(async () => {
  mkdirSync(out, { recursive: true });
  ({ base, browser, stop } = await start());
});
after(async () => stop?.());

const openStaff = (options) => staffPage(browser, base, options);

async function fillQuote(page, { treatment = "iv-ketamine", start = "2026-12-07", date = "2026-11-21", patient = PATIENT, from = sheet } = {}) {
  await page.fill("#patient-name", patient.name);
  await page.fill("#patient-dob", patient.birthDate);
  await page.selectOption("#treatment", treatment);
  await page.fill("#start", start);
  await page.fill("#quote-date", date);
  await page.waitForFunction((t) => document.querySelector("#quote-title")?.textContent === t, from.treatments.find((t) => t.id === treatment).name);
  return { treatment, start, date, payment: "self-pay", patient };
}

test("a baked-in sheet quotes a course with the engine's numbers, on screen and in the downloads", async () => {
  const { page, context, problems } = await openStaff();
  assert.match(await page.textContent("#sheet-status"), /Harbor Light.*4 treatments.*clinic\.json/);
  const input = await fillQuote(page);
  const q = engine.quote(sheet, input);
  const e = q.estimate;

  assert.equal(await page.textContent("#quote-total"), usd(e.totals.charge));
  assert.equal(await page.textContent("#quote-patient"), usd(e.totals.patientPays));
  const meta = await page.textContent("#quote-meta");
  for (const s of [q.number, longDate(q.date), longDate(q.validUntil), PATIENT.name]) assert.ok(meta.includes(s), `${s} in ${meta}`);
  // Every ledger line, with its code, quantity and charge.
  const rows = await page.$$eval("#quote-lines tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, e.lines.length);
  rows.forEach((r, i) => {
    const l = e.lines[i];
    assert.deepEqual([r[0], r[1], r[2], r[3], r[4], r.at(-1)], [longDate(l.date), l.code ?? "", l.name, String(l.quantity), usd(l.gross), usd(l.patientPays)]);
  });
  const phaseRows = await page.$$eval("#quote-phases tbody tr", (trs) => trs.map((tr) => tr.cells[3].textContent));
  assert.deepEqual(phaseRows, e.phases.map((p) => usd(p.charge)));
  const scheduled = await page.$$eval("#quote-schedule li", (lis) => lis.length);
  assert.equal(scheduled, e.sessions.length);

  // The downloads are the engine's own CSV and quote.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
  assert.equal(readFileSync(await csv.path(), "utf8"), engine.quoteCsv(sheet, input));
  assert.match(csv.suggestedFilename(), /^quote-Q-20261121-iv-ketamine-[0-9A-F]{8}\.csv$/);
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#json")]);
  assert.deepEqual(JSON.parse(readFileSync(await json.path(), "utf8")), JSON.parse(JSON.stringify(q)));

  // Insured: until the plan's numbers are given the page asks for them,
  // never reading a blank as $0 or "insurance pays everything".
  await page.check('input[value="insured"]');
  await page.waitForFunction(() => document.querySelector("#deductible-error").textContent !== "");
  assert.match(await page.textContent("#deductible-error"), /deductible \(0 if none\)/);
  assert.match(await page.textContent("#coinsurance-error"), /coinsurance \(0 if none\) or a copay/);
  assert.match(await page.textContent("#status"), /Fix the marked fields/);
  // With them, the patient's coverage splits every line; no GFE.
  await page.fill("#deductible", "1500");
  await page.fill("#coinsurance", "20");
  await page.selectOption("#treatment", "esketamine");
  const insured = engine.quote(sheet, { ...input, treatment: "esketamine", payment: "insured", coverage: { deductible: 150000, coinsurance: 20 } });
  await page.waitForFunction((t) => document.querySelector("#quote-patient")?.textContent === t, usd(insured.estimate.totals.patientPays));
  assert.equal(await page.isVisible("#gfe-doc"), false);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("an insured quote on a sheet written here: deductible, coinsurance and out-of-pocket maximum, worked by hand", async () => {
  // One treatment, four weekly sessions at $250.00 from Monday 7 December
  // 2026, no payer (the whole charge is allowed), nothing else. The plan: a
  // $300 deductible, then 20 % coinsurance, up to a $400 out-of-pocket maximum.
  //   7 Dec: $250 all to the deductible: patient $250 (deductible met $250).
  //  14 Dec: $50 ends the deductible, 20 % of the other $200 = $40: patient $90 ($340 so far).
  //  21 Dec: 20 % of $250 = $50: patient $50 ($390 so far).
  //  28 Dec: 20 % would be $50, but only $10 is left under the $400 maximum: patient $10.
  // Patient $250 + $90 + $50 + $10 = $400.00; insurance $1,000 − $400 = $600.00.
  const weekly = { ...sheet, name: "Clinic W", payers: [], holidays: [],
    treatments: [{ id: "weekly", name: "Weekly sessions", phases: [{ name: "Sessions", every: { weeks: 1 }, sessions: 4, price: 25000, code: "90837" }] }] };
  const { page, context, problems } = await openStaff({ baked: JSON.stringify(weekly) });
  await page.fill("#start", "2026-12-07");
  await page.fill("#quote-date", "2026-11-21");
  await page.waitForFunction(() => document.querySelector("#quote-total")?.textContent === "$1,000.00");
  await page.check('input[value="insured"]');
  await page.fill("#deductible", "300");
  await page.fill("#coinsurance", "20");
  await page.fill("#oop-max", "400");
  await page.waitForFunction(() => document.querySelector("#quote-patient")?.textContent === "$400.00");
  assert.equal(await page.textContent("#quote-insurer"), "$600.00");
  assert.equal(await page.textContent("#quote-total"), "$1,000.00");
  // Each line: its date, charge, and what insurance and the patient pay (the last two columns).
  const cells = await page.$$eval("#quote-lines tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const rows = cells.map((r) => [r[0], r[4], r.at(-2), r.at(-1)]);
  assert.deepEqual(rows, [
    [longDate("2026-12-07"), "$250.00", "$0.00", "$250.00"],
    [longDate("2026-12-14"), "$250.00", "$160.00", "$90.00"],
    [longDate("2026-12-21"), "$250.00", "$200.00", "$50.00"],
    [longDate("2026-12-28"), "$250.00", "$240.00", "$10.00"],
  ]);
  // The downloaded quote says the same.
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#json")]);
  const { totals } = JSON.parse(readFileSync(await json.path(), "utf8")).estimate;
  assert.deepEqual([totals.charge, totals.insurerPays, totals.patientPays], [100000, 60000, 40000]);
  // Half the deductible already met: 7 Dec $150 ends it, 20 % of the other $100 = $20
  // ($170); 14 and 21 Dec $50 each ($270); 28 Dec $50 ($320, under $400). $320.00.
  await page.fill("#deductible-met", "150");
  await page.waitForFunction(() => document.querySelector("#quote-patient")?.textContent === "$320.00");
  assert.equal(await page.textContent("#quote-insurer"), "$680.00");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a right-to-left override in a patient's name reorders nothing printed beside it", async () => {
  const { page, context } = await openStaff();
  // U+202E RIGHT-TO-LEFT OVERRIDE before the name: unisolated, it runs on
  // to the end of the line and shows the birth year "1961" as "1691".
  await fillQuote(page, { patient: { name: "\u202EZebulon Quartermaine", birthDate: "1961-07-04" } });
  await page.waitForFunction(() => document.querySelector("#gfe-meta")?.textContent.includes("1961"));
  for (const where of ["#quote-meta", "#gfe-meta"]) {
    // Where each digit of the year is drawn, left to right: it must read 1, 9, 6, 1.
    const lefts = await page.evaluate((where) => {
      const walker = document.createTreeWalker(document.querySelector(where), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf("1961");
        if (at < 0) continue;
        return [0, 1, 2, 3].map((i) => {
          const range = document.createRange();
          range.setStart(n, at + i);
          range.setEnd(n, at + i + 1);
          return range.getBoundingClientRect().left;
        });
      }
      return null;
    }, where);
    assert.ok(lefts, `${where} shows the year 1961`);
    assert.ok(lefts[0] < lefts[1] && lefts[1] < lefts[2] && lefts[2] < lefts[3], `${where}: the year's digits drawn at ${lefts}`);
  }
  await context.close();
});

test("the Good Faith Estimate has every required element, and prints with the quote to a clean PDF", async () => {
  const { page, context, problems } = await openStaff();
  const input = await fillQuote(page, { treatment: "iv-ketamine" });
  const g = engine.goodFaithEstimate(sheet, input);
  const q = engine.quote(sheet, input);
  assert.equal(await page.textContent("#gfe-total"), usd(g.total));
  assert.equal(g.total, q.estimate.totals.charge);
  const gfeText = await page.textContent("#gfe-doc");
  for (const s of [PATIENT.name, longDate(PATIENT.birthDate), sheet.npi, sheet.tin, sheet.name, "Springfield, IL 62701",
    "96365", "99205", "F33.2", longDate(g.primaryService.scheduled), ...sheet.treatments[0].scheduledSeparately, ...g.disclaimers]) {
    assert.ok(gfeText.includes(s), `the GFE shows ${s}`);
  }
  // Each item: its service, its code (or "no code", which the checks above the estimate name), where it is given
  // (IV ketamine: all at the clinic) and its expected charge; the diagnosis once, above them.
  const items = await page.$$eval(".gfe-items tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[7].textContent]));
  assert.deepEqual(items, g.items.map((i) => [i.service, i.code ?? "no code", sheet.name, usd(i.expectedCharge)]));
  assert.match(await page.textContent("#gfe-primary"), /F33\.2.*\(for every item below\)/);

  await page.screenshot({ path: join(out, "quote-1280.png"), fullPage: true });
  const pdf = join(out, "quote.pdf");
  writeFileSync(pdf, await page.pdf({ format: "Letter", printBackground: false }));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f").filter((p) => p.trim());
  assert.ok(pages.length >= 2, "quote and GFE on separate pages");
  const flat = text.replace(/\s+/g, " ");
  for (const s of [q.number, PATIENT.name, `NPI ${sheet.npi}`, sheet.tin, "Good Faith Estimate for Health Care Items and Services",
    "$400 or more", "120 calendar days", "not a contract", "Total estimated", usd(g.total), usd(q.estimate.totals.patientPays), "Itemised charges"]) {
    assert.ok(flat.includes(s), `the PDF has ${s}`);
  }
  // The GFE starts on its own page; the totals sit with their tables.
  const gfePage = pages.findIndex((p) => p.includes("Good Faith Estimate for Health Care"));
  assert.ok(gfePage > 0 && !pages.slice(0, gfePage).some((p) => p.includes("Expected items and services")));
  assert.ok(pages.some((p) => /Total\s+\$[\d,.]+/.test(p) && p.includes(usd(q.estimate.totals.gross))), "the ledger total shares a page with ledger rows");
  // No controls in print.
  for (const s of ["Open a price sheet", "Use the sample sheet", "Download ledger", "Quote number"]) assert.ok(!flat.includes(s), `the PDF has no ${s}`);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a broken sheet shows every problem with its path, and the page keeps working", async () => {
  const { page, context, problems } = await openStaff({ baked: false });
  assert.match(await page.textContent("#sheet-status"), /no price sheet/);
  const broken = structuredClone(sheet);
  broken.npi = "1234567890";
  broken.treatments[1].phases[0].prcie = 1;
  broken.treatments[2].id = "iv-ketamine";
  delete broken.address.city;
  const expected = engine.validateClinic(broken);
  assert.ok(expected.length >= 3);
  await page.setInputFiles("#sheet-file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.waitForSelector("#sheet-problems li");
  const shown = await page.$$eval("#sheet-problems li", (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(shown, expected.map((p) => `${p.path}: ${p.message}`));
  for (const path of ["npi", "address.city", "treatments[1].phases[0].prcie"]) assert.ok(shown.some((s) => s.startsWith(`${path}: `)), path);

  // The sample loads; a later broken sheet (not even JSON) leaves it in use.
  await page.click("#sheet-sample");
  await page.waitForFunction(() => document.querySelector("#sheet-problems-block").hidden);
  const input = await fillQuote(page, { treatment: "tms" });
  const total = usd(engine.quote(sheet, input).estimate.totals.charge);
  assert.equal(await page.textContent("#quote-total"), total);
  await page.setInputFiles("#sheet-file", { name: "truncated.json", mimeType: "application/json", buffer: Buffer.from(SAMPLE.slice(0, 200)) });
  await page.waitForFunction(() => !document.querySelector("#sheet-problems-block").hidden);
  assert.match(await page.textContent("#sheet-problems-title"), /truncated\.json has 1 problem; still using Harbor Light/);
  await page.fill("#start", "2027-01-04");
  const later = usd(engine.quote(sheet, { ...input, start: "2027-01-04" }).estimate.totals.charge);
  await page.waitForFunction((t) => document.querySelector("#quote-total").textContent === t, later);

  // Bad form input is shown at its field, and the last good quote stays.
  await page.fill("#patient-dob", "2030-01-01");
  await page.waitForFunction(() => document.querySelector("#patient-dob-error").textContent !== "");
  assert.match(await page.textContent("#patient-dob-error"), /after the quote's date/);
  assert.equal(await page.textContent("#quote-total"), later);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("patient name and birth date never reach the URL, storage or any request", async () => {
  const { page, context, problems, requests } = await openStaff();
  await fillQuote(page);
  await page.press("#patient-name", "Enter"); // a form submit must not carry them anywhere
  // The ledger downloads (made in the page: no request carries it).
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
  assert.match(csv.suggestedFilename(), /^quote-Q-20261121-iv-ketamine-[0-9A-F]{8}\.csv$/);
  // Its first charge is the course's first day, under the quote's number.
  assert.match(readFileSync(await csv.path(), "utf8"), /^quote,date,[^\r]*\r\nQ-20261121-iv-ketamine-[0-9A-F]{8},2026-12-07,/);
  // The sample sheet, opened again, is fetched: that request must not carry them either.
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("clinic.sample.json")), page.click("#sheet-sample")]);
  await page.waitForFunction(() => /Harbor Light/.test(document.querySelector("#sheet-status").textContent) && document.querySelector("#quote-total")?.textContent);
  const secrets = [PATIENT.name, "Zebulon", PATIENT.birthDate, "1961"];
  const url = page.url();
  for (const s of secrets) assert.ok(!url.includes(s) && !decodeURIComponent(url).includes(s), `URL has ${s}`);
  const stored = await page.evaluate(async () => ({
    local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), cookie: document.cookie,
    dbs: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stored, { local: "{}", session: "{}", cookie: "", dbs: 0, caches: 0 });
  assert.deepEqual((await context.cookies()), []);
  for (const r of requests) {
    const seen = [r.url(), r.postData() ?? "", JSON.stringify(await r.allHeaders())].join("\n");
    for (const s of secrets) assert.ok(!seen.includes(s), `a request carries ${s}: ${r.url()}`);
  }
  assert.ok(requests.some((r) => r.url().endsWith("clinic.sample.json")), "the test saw the page's requests");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a site without a price sheet: no console error, no request that fails, the sample still opens", async () => {
  const { page, context, problems, requests } = await openStaff({ baked: false });
  assert.match(await page.textContent("#sheet-status"), /no price sheet \(clinic\.json\)/);
  const asked = requests.filter((r) => r.url().endsWith("/clinic.json"));
  assert.equal(asked.length, 1, "the page looks for clinic.json once");
  assert.equal((await asked[0].response()).status(), 200, "the site ships a clinic.json that says it has none");
  await page.click("#sheet-sample");
  await page.waitForFunction(() => /Harbor Light/.test(document.querySelector("#sheet-status").textContent));
  const failed = await Promise.all(requests.map(async (r) => [r.url(), (await r.response())?.status() ?? 0]));
  assert.deepEqual(failed.filter(([, status]) => status >= 400), []);
  assert.deepEqual(await problems(), []);
  await context.close();
});

/** The sample sheet in another currency: every amount (prices, fees, packages) through `convert`. */
function inCurrency(currency, convert) {
  const other = structuredClone(sheet);
  other.currency = currency;
  other.name = `Harbor Light (${currency})`;
  const walk = (x) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) {
        if (["price", "amount", "allowed"].includes(k) && typeof v === "number") x[k] = convert(v);
        else walk(v);
      }
    }
  };
  walk(other.treatments);
  return other;
}

for (const { currency, digits, convert, typed, minor, bad } of [
  // Yen have no minor unit: 1500 typed is 1500; a decimal is refused.
  { currency: "JPY", digits: 0, convert: (v) => Math.round(v * 1.5), typed: "150,000", minor: 150000, bad: "1500.5" },
  // Dinars have three decimals: 450.25 typed is 450250 fils.
  { currency: "KWD", digits: 3, convert: (v) => v * 3 + 7, typed: "450.25", minor: 450250, bad: "1.2345" },
]) {
  test(`a ${currency} sheet: amounts typed and shown with ${digits} decimals, as the engine counts them`, async () => {
    const priced = inCurrency(currency, convert);
    assert.deepEqual(engine.validateClinic(priced), []);
    const fmt = (v) => new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v / 10 ** digits);
    const decimals = (text) => /\.(\d+)\D*$/.exec(text)?.[1].length ?? 0;
    const { page, context, problems } = await openStaff({ baked: JSON.stringify(priced) });
    assert.match(await page.textContent("#sheet-status"), new RegExp(`Harbor Light \\(${currency}\\)`));
    const input = await fillQuote(page, { treatment: "esketamine", from: priced });
    const self = engine.quote(priced, input);
    assert.equal(self.estimate.minorUnits, digits);
    assert.equal(await page.textContent("#quote-total"), fmt(self.estimate.totals.charge));
    const cells = await page.$$eval("#quote-lines tbody tr", (trs) => trs.map((tr) => tr.cells[4].textContent));
    assert.deepEqual(cells, self.estimate.lines.map((l) => fmt(l.gross)));
    for (const text of [await page.textContent("#quote-total"), ...cells]) assert.equal(decimals(text), digits, text);
    // A Good Faith Estimate is a US requirement: the engine says so, and so does the page.
    assert.throws(() => engine.goodFaithEstimate(priced, input), /US requirement/);
    assert.match(await page.textContent("#gfe-missing"), /US requirement/);

    // Insured, with a deductible typed in the sheet's currency.
    await page.check('input[value="insured"]');
    const symbol = await page.textContent('label[for="deductible"] .currency');
    assert.ok(symbol && !symbol.includes("$"), `the deductible is labelled in ${currency}: ${symbol}`);
    await page.fill("#coinsurance", "20");
    await page.fill("#deductible", typed);
    const insured = engine.quote(priced, { ...input, payment: "insured", coverage: { deductible: minor, coinsurance: 20 } });
    assert.ok(insured.estimate.totals.insurerPays > 0);
    await page.waitForFunction((t) => document.querySelector("#quote-patient")?.textContent === t, fmt(insured.estimate.totals.patientPays));
    assert.equal(decimals(await page.textContent("#quote-patient")), digits);
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#json")]);
    assert.equal(JSON.parse(readFileSync(await json.path(), "utf8")).estimate.totals.patientPays, insured.estimate.totals.patientPays);

    // More decimals than the currency has: refused at the field, the last quote kept.
    await page.fill("#deductible", bad);
    await page.waitForFunction(() => document.querySelector("#deductible-error").textContent !== "");
    assert.match(await page.textContent("#deductible-error"), new RegExp(`Enter an amount in ${new Intl.DisplayNames("en-US", { type: "currency" }).of(currency).split(" ")[0]}`, "i"));
    assert.equal(await page.textContent("#quote-patient"), fmt(insured.estimate.totals.patientPays));
    assert.deepEqual(await problems(), []);
    await context.close();
  });
}

test("axe-core: the staff view has no serious or critical violations", async () => {
  const { page, context } = await openStaff({ width: 360, height: 800 });
  await fillQuote(page);
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), []);
  await page.screenshot({ path: join(out, "quote-360.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (overflow ${overflow}px)`);
  await context.close();
});

test("the downloads are the quote on screen: another sheet opened while a field is invalid changes none of them", async () => {
  // Two sheets of one clinic, one treatment each: four weekly sessions at
  // $100.00 (sheet A) or $300.00 (sheet B), nothing else. So A's course is
  // 4 × $100.00 = $400.00 and B's 4 × $300.00 = $1,200.00.
  const course = (price) => ({ ...sheet, name: price === 10000 ? "Clinic A" : "Clinic B", payers: [],
    treatments: [{ id: "weekly", name: "Weekly sessions", phases: [{ name: "Sessions", every: { weeks: 1 }, sessions: 4, price, code: "90837" }] }] });
  const [a, b] = [course(10000), course(30000)];
  const { page, context, problems } = await openStaff({ baked: JSON.stringify(a) });
  await page.fill("#start", "2026-12-07");
  await page.fill("#quote-date", "2026-11-21");
  await page.waitForFunction(() => document.querySelector("#quote-total")?.textContent === "$400.00");
  // A horizon that is not a number, then sheet B: the page keeps A's quote on screen.
  await page.fill("#horizon", "twelve");
  await page.setInputFiles("#sheet-file", { name: "b.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(b)) });
  await page.waitForFunction(() => /Clinic B/.test(document.querySelector("#sheet-status").textContent));
  assert.match(await page.textContent("#status"), /the quote below is the last good one/);
  assert.equal(await page.textContent("#quote-total"), "$400.00");
  // The page says which quote the downloads are: A's, by its number and sheet.
  const number = await page.$eval("#quote-meta", (el) => /Q-\d{8}-weekly-[0-9A-F]{8}/.exec(el.textContent)[0]);
  assert.equal(await page.textContent("#exports-of"), `Printing and the downloads give quote ${number} as shown below (Clinic A).`);
  // The CSV is A's quote: its patient column sums to $400.00, not $1,200.00.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
  const text = readFileSync(await csv.path(), "utf8");
  const patientPays = text.trim().split("\r\n").slice(1).map((row) => row.split(",").at(-1));
  assert.deepEqual(patientPays, ["100.00", "100.00", "100.00", "100.00"]);
  assert.equal(text, engine.quoteCsv(a, { treatment: "weekly", start: "2026-12-07", date: "2026-11-21", payment: "self-pay" }));
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#json")]);
  assert.equal(JSON.parse(readFileSync(await json.path(), "utf8")).estimate.totals.charge, 40000);
  assert.deepEqual(await problems(), []);
  await context.close();
});
