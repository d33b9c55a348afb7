// The staff view, version 2, in headless Chromium: insured quotes with a
// payer's allowed amounts, the Good Faith Estimate's 12-month refusal, its
// deadline across a weekend and a holiday, co-providers printed to PDF with
// both groups and their totals, the FHIR Bundle download, patient details
// kept out of the URL, storage and requests, and a sheet whose ledger has
// thousands of lines that never blocks the main thread while staff type.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start } from "./harness.mjs";
import { SAMPLE, usd, longDate, openStaff as staffPage } from "./staff.mjs";

const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const { federalHolidays } = await import(pathToFileURL(join(root, "www/shared/holidays.js")));
const sheet = JSON.parse(SAMPLE);
const out = join(root, "target/screenshots");
const PATIENT = { name: "Ottoline Vasquez-Brandt", birthDate: "1955-09-30" };
const SECRETS = [PATIENT.name, "Ottoline", "Vasquez", PATIENT.birthDate];

let base, browser, stop;
before(async () => {
  mkdirSync(out, { recursive: true });
  ({ base, browser, stop } = await start());
});
after(async () => stop?.());

const openStaff = (options) => staffPage(browser, base, options);

async function fill(page, { treatment, start = "2026-12-07", date = "2026-11-20", scheduledOn = "2026-11-20", patient = PATIENT }) {
  await page.fill("#patient-name", patient.name);
  await page.fill("#patient-dob", patient.birthDate);
  await page.selectOption("#treatment", treatment);
  await page.fill("#start", start);
  await page.fill("#quote-date", date);
  await page.fill("#scheduled-on", scheduledOn);
  // The page gives the engine the federal holidays from the day of
  // scheduling to the end of the next year, for the Monday-to-Friday count.
  const holidays = federalHolidays(scheduledOn, `${Number(scheduledOn.slice(0, 4)) + 1}-12-31`);
  return { treatment, start, date, scheduledOn, federalHolidays: holidays, payment: "self-pay", patient };
}
const waitText = (page, selector, text) => page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text]);

/** Patient details are nowhere but the page itself. */
async function private_(page, context, requests) {
  const url = decodeURIComponent(page.url());
  const kept = await page.evaluate(async () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie
    + (await indexedDB.databases()).length + (await caches.keys()).length);
  for (const s of SECRETS) {
    assert.ok(!url.includes(s), `the URL has ${s}`);
    assert.ok(!kept.includes(s), `storage has ${s}`);
  }
  assert.deepEqual(await context.cookies(), []);
  for (const r of requests) {
    const seen = [r.url(), r.postData() ?? "", JSON.stringify(await r.allHeaders())].join("\n");
    for (const s of SECRETS) assert.ok(!seen.includes(s), `a request carries ${s}: ${r.url()}`);
  }
  assert.ok(requests.some((r) => r.url().endsWith("coursecost_staff_bg.wasm")), "the test saw the worker's requests too");
}

test("an insured quote with a payer: every line's charge, allowed amount, write-off, insurer and patient are the engine's", async () => {
  const { page, context, problems, requests } = await openStaff();
  const base_ = await fill(page, { treatment: "esketamine" });
  await page.check('input[value="insured"]');
  await page.fill("#deductible", "1500");
  await page.fill("#coinsurance", "20");
  const options = await page.$$eval("#payer option", (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ["None: the whole charge is allowed", "Prairie Health PPO (sample) (in network)", "Lakeland HMO (sample, out of network) (out of network)"]);
  await page.selectOption("#payer", "prairie-ppo");
  const input = { ...base_, payment: "insured", coverage: { deductible: 150000, coinsurance: 20 }, payer: "prairie-ppo" };
  const q = engine.quote(sheet, input);
  const t = q.estimate.totals;
  await waitText(page, "#quote-patient", usd(t.patientPays));
  assert.equal(await page.textContent("#quote-adjustment"), usd(t.adjustment));
  assert.equal(await page.textContent("#quote-insurer"), usd(t.insurerPays));
  assert.match(await page.textContent("#quote-meta"), /Payer\s*Prairie Health PPO \(sample\) \(in network\)/);
  const head = await page.$$eval("#quote-lines thead th", (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(head, ["Date", "Code", "Description", "Qty", "Charge", "Discount", "Allowed", "Written off", "Insurance", "Patient"]);
  const rows = await page.$$eval("#quote-lines tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, q.estimate.lines.length);
  rows.forEach((r, i) => {
    const l = q.estimate.lines[i];
    assert.deepEqual(r.slice(4), [usd(l.gross), l.discount ? `−${usd(l.discount)}` : "", usd(l.allowed), usd(l.adjustment), usd(l.insurerPays), usd(l.patientPays)]);
  });
  assert.ok(q.estimate.lines.every((l) => l.allowed === (l.name.startsWith("New-patient") ? 21000 : l.name.startsWith("Esketamine nasal") ? 80000 : 72000)));
  // Without a payer the whole charge is allowed: nothing written off.
  await page.selectOption("#payer", "");
  const plain = engine.quote(sheet, { ...input, payer: undefined });
  await waitText(page, "#quote-patient", usd(plain.estimate.totals.patientPays));
  assert.equal(await page.isVisible("#quote-adjustment"), false);
  assert.equal(await page.isVisible("#gfe-doc"), false, "no Good Faith Estimate for an insured quote");
  await private_(page, context, requests);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the Good Faith Estimate: refused past 12 months, and due across a weekend and a holiday", async () => {
  const { page, context, problems, requests } = await openStaff();
  const input = await fill(page, { treatment: "tms" });
  // Scheduled Friday 2026-11-20 for Monday 2026-12-07: ten business days
  // ahead past two weekends and the 2026-11-26 holiday: 3 business days.
  let g = engine.goodFaithEstimate(sheet, input);
  assert.equal(g.delivery.due, "2026-11-25");
  await waitText(page, "#gfe-due", `${longDate("2026-11-25")} — 3 business days after scheduling (scheduled at least 10 business days ahead)`);
  // Scheduled the day before the holiday: 1 business day, the holiday skipped.
  await page.fill("#scheduled-on", "2026-11-25");
  g = engine.goodFaithEstimate(sheet, { ...input, scheduledOn: "2026-11-25" });
  assert.equal(g.delivery.due, "2026-11-27");
  await waitText(page, "#gfe-due", `${longDate("2026-11-27")} — 1 business day after scheduling (scheduled at least 3 business days ahead)`);
  // Friday 2026-12-04 for Thursday 2026-12-10: due the Monday after the weekend.
  await page.fill("#scheduled-on", "2026-12-04");
  await page.fill("#start", "2026-12-10");
  await waitText(page, "#gfe-due", `${longDate("2026-12-07")} — 1 business day after scheduling (scheduled at least 3 business days ahead)`);
  // Asked for by the patient: 3 business days after the request.
  await page.fill("#scheduled-on", "2026-11-20");
  await page.check("#requested");
  await waitText(page, "#gfe-due", `${longDate("2026-11-25")} — 3 business days after the patient asked for it`);
  await page.uncheck("#requested");

  // Thirteen months: the quote looks that far, the GFE is refused, saying why.
  await page.selectOption("#treatment", "iv-ketamine");
  await page.fill("#start", "2026-12-07");
  await page.fill("#horizon", "13");
  const long = { ...input, treatment: "iv-ketamine", start: "2026-12-07", horizon: { months: 13 } };
  assert.throws(() => engine.goodFaithEstimate(sheet, long), /a new Good Faith Estimate is needed for the rest/);
  await page.waitForFunction(() => /a new Good Faith Estimate is needed for the rest/.test(document.querySelector("#gfe-missing").textContent));
  assert.equal(await page.isVisible("#gfe-body"), false);
  assert.equal(await page.textContent("#quote-total"), usd(engine.quote(sheet, long).estimate.totals.charge));
  assert.equal(await page.isDisabled("#fhir"), true);
  await page.fill("#horizon", "12");
  await page.waitForFunction(() => document.querySelector("#gfe-total"));
  await page.waitForFunction(() => !document.querySelector("#gfe-body").hidden);
  await private_(page, context, requests);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("co-providers: the ECT estimate prints both groups with their identifiers and subtotals, and downloads as a FHIR Bundle", async () => {
  const { page, context, problems, requests } = await openStaff();
  const input = await fill(page, { treatment: "ect" });
  const g = engine.goodFaithEstimate(sheet, input);
  assert.equal(g.providers.length, 2);
  await waitText(page, "#gfe-total", usd(g.total));
  const groups = await page.$$eval(".gfe-provider", (els) => els.map((el) => ({
    title: el.querySelector("h4").textContent, ids: el.querySelector(".hint").textContent,
    items: [...el.querySelectorAll("tbody tr")].map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent, tr.cells[7].textContent]),
    subtotal: el.querySelector(".gfe-subtotal").textContent,
  })));
  assert.deepEqual(groups.map((x) => x.title), [`Convening provider: ${sheet.name}`, `Co-provider or co-facility: ${sheet.providers[0].name}`]);
  assert.match(groups[1].ids, /NPI 1245319599 · TIN 98-7654321 · 200 Example Street, Suite 6/);
  g.providers.forEach((p, i) => {
    assert.deepEqual(groups[i].items, p.items.map((x) => [x.service, x.code ?? "", usd(x.expectedCharge)]));
    assert.equal(groups[i].subtotal, usd(p.subtotal));
  });
  assert.equal(await page.textContent("#gfe-high"), `up to ${usd(g.highTotal)}`);
  assert.equal(await page.textContent("#gfe-separate-note"), g.separatelyScheduledNote);

  // Printed: both groups, their identifiers and subtotals, the total and the form's words.
  const pdf = join(out, "gfe-co-providers.pdf");
  writeFileSync(pdf, await page.pdf({ format: "Letter", printBackground: false }));
  const flat = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const s of [`Convening provider: ${sheet.name}`, `Co-provider or co-facility: ${sheet.providers[0].name}`, "NPI 1245319599", "TIN 98-7654321",
    `Subtotal, ${sheet.providers[0].name}`, usd(g.providers[1].subtotal), usd(g.providers[0].subtotal), "Total estimated charges", usd(g.total),
    "Anaesthesia for ECT", "00104", "90870", "Separate Good Faith Estimates", "negotiate the bill", "FederalPPDRQuestions@cms.hhs.gov"]) {
    assert.ok(flat.includes(s), `the PDF has ${s}`);
  }
  // The deadline is the staff's, on screen (scheduled Fri Nov 20: Mon 23, Tue 24, Wed 25), never on the patient's paper.
  assert.match(await page.textContent("#gfe-due"), new RegExp(`^${longDate("2026-11-25")} — 3 business days after scheduling`));
  assert.ok(!flat.includes("business day"), "no deadline wording on the patient's document");

  // The FHIR Bundle: a PCT GFE Bundle whose totals are the engine's.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#fhir")]);
  assert.match(download.suggestedFilename(), /^gfe-Q-20261120-ect-[0-9A-F]{8}\.fhir\.json$/);
  const bundle = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(bundle.resourceType, "Bundle");
  assert.deepEqual(bundle.meta.profile, ["http://hl7.org/fhir/us/davinci-pct/StructureDefinition/davinci-pct-gfe-bundle"]);
  const claims = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === "Claim");
  assert.equal(claims[0].type.coding[0].code, "estimate-summary");
  assert.equal(Math.round(claims[0].total.value * 100), g.total);
  assert.deepEqual(claims.slice(1).map((c) => Math.round(c.total.value * 100)), g.providers.map((p) => p.subtotal));
  const orgs = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === "Organization");
  assert.deepEqual(orgs.map((o) => o.identifier.find((i) => i.system === "http://hl7.org/fhir/sid/us-npi").value), ["1234567893", "1245319599"]);
  await private_(page, context, requests);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a daily treatment with 50 per-session fees: summarised by month, no main-thread task over 200 ms while typing, too long a quote refused clearly", async () => {
  const daily = structuredClone(sheet);
  daily.payers = [];
  daily.treatments = [{ id: "daily", name: "Daily sessions with supplies",
    phases: [{ name: "Daily session", every: { days: 1 }, price: 10000, code: "90868" }],
    fees: Array.from({ length: 50 }, (_, i) => ({ name: `Supply ${i + 1}`, amount: 100 + i, when: "session", code: `A${4000 + i}` })) }];
  const { page, context, problems, requests } = await openStaff({ baked: JSON.stringify(daily) });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  await page.fill("#start", "2026-12-07");
  await page.fill("#quote-date", "2026-11-20");
  const input = { treatment: "daily", start: "2026-12-07", date: "2026-11-20", scheduledOn: "2026-11-20", payment: "self-pay" };
  const q = engine.quote(daily, input);
  // Worked by hand: the sample sheet closes Saturdays, Sundays and its holidays,
  // so a daily course falls behind at the first weekend and from then on takes
  // every open day of the 12 months [2026-12-07, 2027-12-07). That is 365 days
  // from a Monday: 52 weeks (260 weekdays) and Monday 2027-12-06, 261 weekdays,
  // less the 7 holidays on weekdays in it (2026-12-25, 2027-01-01, 2027-01-18,
  // 2027-05-31, 2027-07-05, 2027-09-06, 2027-11-25): 254 sessions. Each is a
  // $100.00 session and 50 supplies at $1.00 … $1.49 (100 + … + 149 = 6,225
  // cents): 51 lines and $162.25 a session. 254 × 51 = 12,954 lines;
  // 254 × $162.25 = $41,211.50; the last session, 2027-12-06, makes 13 months.
  assert.equal(q.estimate.lines.length, 12_954);
  await waitText(page, "#quote-total", "$41,211.50");
  // The total alone does not tell the quote for this start from the one for
  // the page's default start (a daily course of 12 months costs the same),
  // so wait for this quote's first session date in the phases table.
  await page.waitForFunction((d) => document.querySelector("#quote-phases")?.textContent.includes(d), longDate("2026-12-07"));
  assert.match(await page.textContent("#lines-note"), /12,954 charges/);
  const months = await page.$$eval("tbody.month", (ts) => ts.length);
  assert.equal(months, 13);
  const load = await page.evaluate(() => window.__longTasks.splice(0));

  // Staff type the patient's name, key by key, and the birth date.
  await page.click("#patient-name");
  await page.keyboard.type(PATIENT.name, { delay: 40 });
  await page.fill("#patient-dob", PATIENT.birthDate);
  const g = engine.goodFaithEstimate(daily, { ...input, patient: PATIENT });
  // The GFE's expected charges are the course's charges: $41,211.50 (above).
  await waitText(page, "#gfe-total", "$41,211.50");
  assert.equal(await page.inputValue("#patient-name"), PATIENT.name, "every key reached the field");
  // The sheet gives no diagnosis code: said once, above the items, not on
  // every row; every row says where it is given (the clinic: no location).
  const where = await page.$$eval(".gfe-items tbody tr", (trs) => trs.map((tr) => tr.cells[2].textContent));
  assert.equal(where.length, g.items.length);
  assert.deepEqual([...new Set(where)], [sheet.name]);
  assert.match(await page.textContent("#gfe-primary"), /Diagnosis codes\s*None yet: your diagnosis had not been recorded when this estimate was made/);
  assert.doesNotMatch(await page.textContent("#gfe-providers"), /diagnosis/i);
  const typing = await page.evaluate(() => window.__longTasks.splice(0));
  assert.deepEqual(typing.filter((d) => d > 200), [], `main-thread tasks while typing: ${typing.map(Math.round)}`);
  console.log(`# long tasks: loading the sheet ${JSON.stringify(load.map(Math.round))}, typing ${JSON.stringify(typing.map(Math.round))}`);

  // A month opens to its items, then its charges, drawn a slice at a time.
  await page.click("tbody.month .month-toggle");
  await page.click("tbody.month-items button");
  // December 2026 from Monday the 7th: the 7th–11th, 14th–18th, 21st–24th and
  // 28th–31st (the 25th is closed) are 18 sessions of 51 lines: 918 charges.
  await page.waitForFunction((n) => document.querySelectorAll(".line-row").length === n, 918);
  const opened = await page.evaluate(() => window.__longTasks.splice(0));
  assert.deepEqual(opened.filter((d) => d > 200), [], `opening a month: ${opened.map(Math.round)}`);

  // Ten years of it is more than a document holds: refused at the field, clearly.
  await page.fill("#horizon", "120");
  await page.waitForFunction(() => document.querySelector("#horizon-error").textContent !== "");
  // Ten years from Monday 2026-12-07: 3,653 days (2028, 2032 and 2036 are leap
  // years) are 521 weeks (2,605 weekdays) and 6 days from a Monday (5 more):
  // 2,610 weekdays, less the sheet's 8 holidays on weekdays from 2026-12-07 on
  // (the 7 above and 2027-12-24): 2,602 sessions × 51 = 132,702 charges.
  assert.equal(await page.textContent("#horizon-error"), "this quote would list 132702 charges; a quote lists at most 20000: choose a shorter horizon");
  assert.match(await page.textContent("#status"), /the quote below is the last good one/);
  assert.equal(await page.textContent("#quote-total"), usd(q.estimate.totals.charge));
  await private_(page, context, requests);
  assert.deepEqual(await problems(), []);
  await context.close();
});
