// The price sheet editor (www/editor/editor.html) in headless Chromium: a sheet
// built from scratch with forms, a CSV price list previewed (a new item, changes
// and bad rows, each by line) and applied, problems shown at their fields and fixed there, saved as JSON,
// found again after a reload (the draft, and nothing else, in storage),
// and quoted from in the staff view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open } from "./harness.mjs";
import { usd } from "./staff.mjs";
import { limitsSheet } from "./limits-sheet.mjs";
import { ready, at, errorAt, settle, sample, statusIs, withSample } from "./editor-page.mjs";

const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const { DRAFT_KEY, PREVIOUS_KEY, VERSION_KEY, ASIDE_KEY } = await import(pathToFileURL(join(root, "www/shared/draft.js")));
const PATIENT = { name: "Philippa Ostrander-Quill", birthDate: "1949-02-11" };

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

const openEditor = () => open(browser, base, "editor.html", { ready });

test("a sheet from scratch: fields, a CSV price list that adds, changes and refuses, a problem fixed at its field, saved, reloaded, quoted from", async () => {
  const { page, context, problems, requests } = await openEditor();
  // A new sheet: every required field is flagged where it is filled in.
  assert.match(await page.textContent("#summary-title"), /\d+ problems, each shown at its field/);
  assert.match(await errorAt(page, "name"), /"name" is required/);
  assert.match(await errorAt(page, "treatments[0].phases[0].price"), /"price" is required/);

  await at(page, "name").fill("Lakeview Mind Clinic");
  await at(page, "address.street").fill("10 Lake Road");
  await at(page, "address.city").fill("Madison");
  await at(page, "address.state").fill("WI");
  await at(page, "address.postalCode").fill("53703");
  await at(page, "npi").fill("1234567890"); // a mistyped check digit
  await at(page, "tin").fill("39-1234567");
  await at(page, "treatments[0].id").fill("iv");
  await at(page, "treatments[0].name").fill("IV ketamine series");
  await at(page, "treatments[0].diagnosisCodes").fill("F33.2, F32.9");
  await at(page, "treatments[0].phases[0].name").fill("Infusions");
  await at(page, "treatments[0].phases[0].every", "one-of").selectOption("weekdays");
  for (const day of ["mon", "thu"]) await page.check(`[data-path="treatments[0].phases[0].every.weekdays"][value="${day}"]`);
  await page.selectOption('[data-path="treatments[0].phases[0]"][data-kind="length"]', "sessions");
  await at(page, "treatments[0].phases[0].sessions").fill("6");
  await at(page, "treatments[0].phases[0].price").fill("5x0");
  await settle(page);
  // The page's own words for text that is not an amount, at its field.
  assert.match(await errorAt(page, "treatments[0].phases[0].price"), /Enter an amount in US dollars/);
  await at(page, "treatments[0].phases[0].price").fill("500");
  await at(page, "treatments[0].phases[0].code").fill("96365");
  await page.click('button[data-action="add"][data-target="treatments[0].fees"]');
  await at(page, "treatments[0].fees[0].name").fill("Consultation");
  await at(page, "treatments[0].fees[0].amount").fill("250");
  await settle(page);
  // The engine's problem with the NPI, at the NPI.
  assert.match(await errorAt(page, "npi"), /check digit/);
  assert.equal(await at(page, "npi").getAttribute("aria-invalid"), "true");
  assert.match(await page.textContent("#summary-title"), /^1 problem, each shown at its field\.$/);
  await at(page, "npi").fill("1234567893");
  await settle(page);
  assert.equal(await errorAt(page, "npi"), "");
  assert.equal(await page.textContent("#summary-title"), "The sheet is valid: the staff view can quote from it.");

  // A CSV price list with two bad rows, one new item and two changes: previewed line by line, then applied.
  const csv = [
    "treatment,item,code,price",
    "iv,Infusions,96365,550.00", // 2: the phase, 500.00 → 550.00 a session
    "ivv,Infusions,96365,550.00", // 3: no such treatment
    "iv,Consultation,99205,3OO", // 4: letters O, not zeros
    "iv,Consultation,99205,300.00", // 5: the fee, 250.00 → 300.00, with a code it did not have
    "iv,Initial consultation,99205,300.00", // 6: no such item: a new fee charged once
  ].join("\r\n");
  await page.setInputFiles("#csv-file", { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden);
  assert.equal(await page.textContent("#import-title"), "prices.csv: 1 item to add, 2 to change; 2 rows refused. Nothing changes until you apply it.");
  const items = (id) => page.$$eval(`#${id} li`, (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(await items("import-added"), ['Line 6: a new fee "Initial consultation" for iv, $300.00 charged once, code 99205 (the treatment has "Consultation": was this row meant for it?)']);
  assert.deepEqual(await items("import-changed"), ['Line 2: the phase "Infusions" of iv: $500.00 → $550.00', 'Line 5: the fee "Consultation" of iv: $250.00 → $300.00, code 99205']);
  const bad = await items("import-bad");
  assert.equal(bad.length, 2);
  assert.equal(bad[0], 'Line 3: no treatment "ivv" on the sheet (its treatments: iv)');
  assert.match(bad[1], /^Line 4: the price "3OO" is not an amount/);
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "500.00", "nothing is applied before Apply");
  await page.click("#import-apply");
  assert.equal(await page.textContent("#import-title"), "prices.csv: 1 item added and 2 changed; 2 rows were refused:");
  assert.deepEqual(await items("import-bad"), bad, "the refused rows stay listed with their reasons");
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "550.00");
  assert.equal(await at(page, "treatments[0].fees[0].amount").inputValue(), "300.00");
  assert.equal(await at(page, "treatments[0].fees[0].code").inputValue(), "99205");
  assert.equal(await at(page, "treatments[0].fees[1].name").inputValue(), "Initial consultation");
  assert.equal(await at(page, "treatments[0].fees[1].amount").inputValue(), "300.00");
  assert.equal(await at(page, "treatments[0].fees[1].when").inputValue(), "once");
  // Undo takes the whole import back, and redoes it.
  await page.click("#undo");
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "500.00");
  assert.equal(await page.locator('[data-path="treatments[0].fees[1].name"]').count(), 0);
  await page.click("#undo");
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "550.00");
  assert.equal(await at(page, "treatments[0].fees[1].name").inputValue(), "Initial consultation");

  // Saved: the engine's own check finds nothing wrong with the file.
  await settle(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  assert.equal(download.suggestedFilename(), "Lakeview-Mind-Clinic.json");
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.deepEqual(engine.validateClinic(saved), []);
  assert.deepEqual(saved.treatments[0].phases[0], { name: "Infusions", every: { weekdays: ["mon", "thu"] }, sessions: 6, price: 55000, code: "96365" });
  assert.deepEqual(saved.treatments[0].diagnosisCodes, ["F33.2", "F32.9"]);
  // The status comes once the engine has checked the saved copy, a moment after the download.
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Saved"));
  assert.match(await page.textContent("#status"), /^Saved Lakeview-Mind-Clinic\.json\.$/);

  // A reload finds the draft: the sheet, and nothing else, in storage.
  await page.reload();
  await page.waitForFunction(ready);
  assert.equal(await at(page, "name").inputValue(), "Lakeview Mind Clinic");
  assert.match(await page.textContent("#status"), /Your draft/);
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.deepEqual(Object.keys(stored).sort(), [DRAFT_KEY, VERSION_KEY].sort());
  assert.deepEqual(JSON.parse(stored[DRAFT_KEY]), saved);
  assert.match(stored[VERSION_KEY], /^\d+$/, "the version is a count, nothing else");
  // Replacing it asks first; keeping it changes nothing.
  await page.click("#new");
  assert.equal(await page.isVisible("#confirm"), true);
  await page.click("#confirm-no");
  assert.equal(await at(page, "name").inputValue(), "Lakeview Mind Clinic");

  // Quoted from in the staff view (same browser, so the same draft).
  const staff = await context.newPage();
  const staffErrors = [];
  staff.on("pageerror", (e) => staffErrors.push(e.message));
  staff.on("console", (m) => m.type() === "error" && staffErrors.push(m.text()));
  staff.on("request", (r) => requests.push(r));
  await staff.goto(`${base}quote.html`);
  await staff.waitForFunction(ready);
  await staff.click("#sheet-draft");
  await staff.waitForFunction(() => /Lakeview Mind Clinic — 1 treatment, from the editor's draft/.test(document.querySelector("#sheet-status").textContent));
  await staff.fill("#patient-name", PATIENT.name);
  await staff.fill("#patient-dob", PATIENT.birthDate);
  await staff.fill("#start", "2026-12-07");
  await staff.fill("#quote-date", "2026-11-23");
  await staff.fill("#scheduled-on", "2026-11-23");
  const input = { treatment: "iv", start: "2026-12-07", date: "2026-11-23", scheduledOn: "2026-11-23", payment: "self-pay", patient: PATIENT };
  const g = engine.goodFaithEstimate(saved, input);
  await staff.waitForFunction((t) => document.querySelector("#gfe-total")?.textContent === t, usd(g.total));
  assert.equal(await staff.textContent("#quote-total"), usd(engine.quote(saved, input).estimate.totals.charge));

  // No patient data in either page's URL or storage, or in any request.
  for (const p of [page, staff]) {
    for (const s of [PATIENT.name, "Philippa", PATIENT.birthDate]) assert.ok(!decodeURIComponent(p.url()).includes(s));
    const kept = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    for (const s of [PATIENT.name, "Philippa", PATIENT.birthDate]) assert.ok(!kept.includes(s), `storage holds ${s}`);
  }
  for (const r of requests) {
    const seen = [r.url(), r.postData() ?? "", JSON.stringify(await r.allHeaders())].join("\n");
    for (const s of [PATIENT.name, "Philippa", PATIENT.birthDate]) assert.ok(!seen.includes(s), `a request carries ${s}: ${r.url()}`);
  }
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(staffErrors, []);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("an opened sheet's problems land at their fields or boxes; discarding is explicit and undoable", async () => {
  const { page, context, problems } = await openEditor();
  const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
  sheet.treatments[3].fees[1].provider = "lakeside";
  sheet.treatments[1].phases[0].prcie = 1;
  sheet.payers[0].allowed[0].amount = 99_000;
  sheet.closedWeekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  await page.setInputFiles("#open-file", { name: "clinic.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sheet)) });
  await page.waitForFunction(() => /Editing clinic\.json/.test(document.querySelector("#status").textContent));
  await settle(page);
  const expected = engine.validateClinic(sheet);
  assert.ok(expected.length >= 2, JSON.stringify(expected));
  assert.match(await errorAt(page, "treatments[3].fees[1].provider"), /no provider named "lakeside".*"lakeside-anesthesia"/);
  assert.match(await errorAt(page, "payers[0].allowed[0].amount"), /more than the clinic charges/);
  // A field the form has no place for is reported in the box of the phase that holds it.
  assert.match(await page.textContent('[data-slot="treatments[1].phases[0]"] > .error'), /unknown field "prcie"/);
  assert.equal(await page.textContent("#loose"), "");

  // Discard is explicit, and Undo brings the sheet back.
  await page.click("#discard");
  assert.equal(await at(page, "name").inputValue(), "");
  await page.click("#undo");
  assert.equal(await at(page, "name").inputValue(), sheet.name);
  // Starting from the sample asks before replacing it; agreeing replaces it.
  await page.click("#sample");
  await page.click("#confirm-yes");
  await page.waitForFunction(() => /the sample sheet/.test(document.querySelector("#status").textContent));
  await settle(page);
  assert.equal(await page.textContent("#summary-title"), "The sheet is valid: the staff view can quote from it.");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("axe-core: the editor has no serious or critical violations, at 360 px without horizontal scroll", async () => {
  const { page, context } = await open(browser, base, "editor.html", { ready, width: 360, height: 800 });
  await page.click("#sample");
  await page.waitForFunction(() => /the sample sheet/.test(document.querySelector("#status").textContent));
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(", ")}`), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (overflow ${overflow}px)`);
  await context.close();
});

test("the largest sheet (50 treatments of 20 phases and 50 fees): opened and typed in with no main-thread task over 200 ms", async () => {
  const { page, context, problems } = await openEditor();
  const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
  sheet.payers = [];
  sheet.treatments = Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, name: `Treatment ${i}`,
    phases: Array.from({ length: 20 }, (_, j) => ({ name: `Phase ${j}`, every: { weeks: 1 }, sessions: 2, price: 1000 + j })),
    fees: Array.from({ length: 50 }, (_, j) => ({ name: `Fee ${j}`, amount: 100 + j, when: "once" })) }));
  assert.deepEqual(engine.validateClinic(sheet), []);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  await page.setInputFiles("#open-file", { name: "large.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sheet)) });
  await page.waitForFunction(() => /Editing large\.json/.test(document.querySelector("#status").textContent));
  await page.click("details.treatment:last-of-type > summary");
  // Fees 41–50 are the fifth page of 10.
  for (let i = 0; i < 4; i++) await page.click('[data-slot="treatments[49].fees"] > .pager button:text("Next page")');
  await at(page, "treatments[49].fees[49].name").click();
  await page.keyboard.type(" for supplies", { delay: 30 });
  await settle(page);
  assert.equal(await at(page, "treatments[49].fees[49].name").inputValue(), "Fee 49 for supplies");
  assert.equal(await page.textContent("#summary-title"), "The sheet is valid: the staff view can quote from it.");
  const tasks = await page.evaluate(() => window.__longTasks);
  assert.deepEqual(tasks.filter((d) => d > 200), [], `main-thread tasks: ${tasks.map(Math.round)}`);
  console.log(`# long tasks, the largest sheet opened and typed in: ${JSON.stringify(tasks.map(Math.round))}`);
  assert.deepEqual(await problems(), []);
  await context.close();
});

const json = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) });
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test("an opened file of the wrong shape, or a huge invalid one, replaces nothing; an accepted one is undoable", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  const draft = await stored(page, DRAFT_KEY);
  assert.equal(JSON.parse(draft).name, sample().name);

  // `treatments` as an object: refused before anything is replaced, saying where.
  const wrong = { ...sample(), treatments: { iv: sample().treatments[0] } };
  await page.setInputFiles("#open-file", json("wrong.json", wrong));
  await statusIs(page, /wrong\.json was not opened/);
  assert.match(await page.textContent("#status"), /treatments must be a list, not an object.*The sheet is unchanged\./);
  assert.equal(await page.isVisible("#confirm"), false);
  assert.equal(await stored(page, DRAFT_KEY), draft, "the draft is untouched");
  assert.equal(await at(page, "name").inputValue(), sample().name);

  // 3.4 MB: a payer with 46,000 allowed amounts (the bound is 1,000). Refused, never the draft.
  const huge = sample();
  huge.payers[0].allowed = Array.from({ length: 46_000 }, (_, k) => ({ treatment: "iv-ketamine", phase: `Induction infusions ${k}`, amount: 1 }));
  const hugeText = JSON.stringify(huge);
  assert.ok(hugeText.length > 3_400_000, `${hugeText.length} bytes`);
  await page.setInputFiles("#open-file", json("huge.json", hugeText));
  await statusIs(page, /huge\.json was not opened/);
  assert.match(await page.textContent("#status"), /payers\[0\]\.allowed has 46,000 entries; a sheet may have at most 1,000 \(MAX_PAYER_RATES\)/);
  assert.equal(await stored(page, DRAFT_KEY), draft);
  // A reload finds the same draft, ready at once.
  const t = Date.now();
  await page.reload();
  await page.waitForFunction(ready, null, { timeout: 10_000 });
  assert.ok(Date.now() - t < 5_000, `reloaded in ${Date.now() - t} ms`);
  assert.equal(await at(page, "name").inputValue(), sample().name);

  // A valid file with problems is opened (after asking), and Undo takes the whole open back.
  const other = { ...sample(), name: "Harbour Clinic", npi: "1234567890" };
  await page.setInputFiles("#open-file", json("harbour.json", other));
  await page.waitForSelector("#confirm:not([hidden])");
  await page.click("#confirm-yes");
  await statusIs(page, /Editing harbour\.json/);
  assert.equal(await at(page, "name").inputValue(), "Harbour Clinic");
  assert.match(await errorAt(page, "npi"), /check digit/, "its problems are shown as it opens");
  assert.equal(await stored(page, PREVIOUS_KEY), draft, "the draft it replaced is kept as the previous one");
  // The previous draft opens again (the one it replaces becomes the previous), and Undo takes that open back.
  await page.click("#previous");
  await page.click("#confirm-yes");
  await statusIs(page, /Editing the previous draft/);
  assert.equal(await at(page, "name").inputValue(), sample().name);
  assert.equal(JSON.parse(await stored(page, PREVIOUS_KEY)).name, "Harbour Clinic");
  await page.click("#undo");
  assert.equal(await at(page, "name").inputValue(), "Harbour Clinic");
  assert.equal(JSON.parse(await stored(page, DRAFT_KEY)).name, "Harbour Clinic");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("two tabs see each other's changes, and either can take its own back", async () => {
  const { page: a, context, problems } = await openEditor();
  await withSample(a);
  const b = await context.newPage();
  const bErrors = [];
  b.on("pageerror", (e) => bErrors.push(e.message));
  await b.goto(`${base}editor.html`);
  await b.waitForFunction(ready);
  assert.equal(await at(b, "name").inputValue(), sample().name);

  await at(a, "name").fill("Tab A Clinic");
  // Tab B shows tab A's sheet and says why.
  await b.waitForFunction(() => document.querySelector('[data-path="name"]').value === "Tab A Clinic", null, { timeout: 10_000 });
  assert.match(await b.textContent("#draft-notice"), /Another tab changed the draft/);
  // Undo in tab B brings back what B had, as the draft, which tab A then shows.
  await b.click("#undo");
  assert.equal(await at(b, "name").inputValue(), sample().name);
  await a.waitForFunction((n) => document.querySelector('[data-path="name"]').value === n, sample().name, { timeout: 10_000 });
  assert.equal(JSON.parse(await stored(a, DRAFT_KEY)).name, sample().name);
  assert.deepEqual(bErrors, []);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("an unreadable draft is kept aside, untouched, and staff are told; so is one of the wrong shape", async () => {
  const { page, context, problems } = await openEditor();
  for (const [n, bad, why] of [[1, '{"name": "Lakeview", "treatm', /not JSON/], [2, JSON.stringify({ ...sample(), treatments: { iv: {} } }), /treatments must be a list/]]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, bad]);
    await page.reload();
    await page.waitForFunction(ready, null, { timeout: 10_000 });
    const key = n === 1 ? ASIDE_KEY : `${ASIDE_KEY}-2`;
    const said = await page.textContent("#draft-notice");
    assert.match(said, /The draft in this browser could not be read/);
    assert.match(said, why);
    assert.ok(said.includes(key), said);
    assert.equal(await stored(page, key), bad);
    // The first keystroke keeps the new sheet as the draft; the unreadable one stays where it was put.
    await at(page, "name").fill(`Fresh start ${n}`);
    assert.equal(JSON.parse(await stored(page, DRAFT_KEY)).name, `Fresh start ${n}`);
    assert.equal(await stored(page, key), bad);
    assert.equal(await page.isVisible("#draft-notice"), true, "still said after the keystroke");
  }
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("storage that refuses the draft is stated until it takes it again, and closing meanwhile asks first", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    window.__full = true;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, k, v);
    };
  });
  await at(page, "name").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" West");
  const warning = await page.textContent("#storage-warning");
  assert.match(warning, /Not kept: the draft could not be kept in this browser \(the browser's storage is full\)/);
  // Another message does not replace it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  await download.path();
  await statusIs(page, /^Saved /);
  assert.equal(await page.isVisible("#storage-warning"), true);
  assert.equal(await page.textContent("#storage-warning"), warning);
  // Closing asks first.
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  assert.equal(asked.type(), "beforeunload");
  await asked.dismiss();
  assert.equal(page.isClosed(), false);
  // Storage takes it again: the warning goes, the draft has the change, and closing does not ask.
  await page.evaluate(() => { window.__full = false; });
  await at(page, "name").click();
  await page.keyboard.press("End");
  await page.keyboard.type("!");
  assert.equal(await page.isVisible("#storage-warning"), false);
  assert.equal(JSON.parse(await stored(page, DRAFT_KEY)).name, `${sample().name} West!`);
  assert.deepEqual(await problems(), []);
  await Promise.all([page.waitForEvent("close", { timeout: 10_000 }), page.close({ runBeforeUnload: true })]);
  await context.close();
});

test("storage blocked from the start is stated at once, stays stated, and closing with work asks first", async () => {
  const { page, context, problems } = await open(browser, base, "editor.html", {
    ready,
    setup: (c) => c.addInitScript(() => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } })),
  });
  const said = /^Not kept: this browser does not let the page keep a draft \(The operation is insecure\.\)/;
  assert.match(await page.textContent("#storage-warning"), said);
  await withSample(page);
  await at(page, "name").click();
  await page.keyboard.type("Blocked ");
  assert.match(await page.textContent("#storage-warning"), /^Not kept: the draft could not be kept in this browser \(The operation is insecure\.\)/);
  assert.match(await page.textContent("#status"), /the sample sheet/, "the warning has a place of its own");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  assert.equal(asked.type(), "beforeunload");
  await asked.dismiss();
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a sheet at every bound opens and takes an Add and an Undo without a multi-second freeze", async () => {
  const { page, context, problems } = await openEditor();
  const sheet = limitsSheet();
  assert.deepEqual(engine.validateClinic(sheet), []);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  // Guards against freezes of seconds (24 s to open, 12 s an Add and 36 s an Undo were seen),
  // timed in the page up to the frame after the change; the precise times are `make bench`'s (BENCHMARKS.md).
  await page.evaluate(() => {
    window.__t = {};
    document.querySelector("#open-file").addEventListener("change", () => { window.__t.start = performance.now(); }, { capture: true, once: true });
    const status = document.querySelector("#status");
    new MutationObserver(() => /Editing limits\.json/.test(status.textContent) && requestAnimationFrame(() => setTimeout(() => { window.__t.end ??= performance.now(); })))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.setInputFiles("#open-file", json("limits.json", sheet));
  await page.waitForFunction(() => window.__t.end !== undefined, null, { timeout: 30_000 });
  const opening = Math.round(await page.evaluate(() => window.__t.end - window.__t.start));
  assert.ok(opening < 4_000, `opened in ${opening} ms`); // 24 s before; the goal (2 s) is measured in `make bench`
  assert.equal(await page.locator("details.treatment").count(), 50);
  assert.equal(await page.textContent('[data-slot="payers[0].allowed"] .pager [role="status"]'), "1–10 of 1,000");
  assert.equal(await page.textContent('[data-slot="payers[9]"] details.allowed > summary'), "Allowed amounts (1,000)");
  const longest = async () => Math.max(0, ...(await page.evaluate(() => window.__longTasks.splice(0))));
  assert.ok(await longest() < 2_000);

  /** A click timed in the page: its handler and the frame after it. */
  const timedClick = (selector) => page.evaluate((sel) => new Promise((resolve) => {
    const t = performance.now();
    document.querySelector(sel).click();
    requestAnimationFrame(() => setTimeout(() => resolve(Math.round(performance.now() - t))));
  }), selector);
  await settle(page);
  const adding = await timedClick('button[data-action="add"][data-target="treatments[0].fees"]');
  // The new fee is the 51st: drawn on the page it is on, the sixth.
  assert.equal(await page.textContent('[data-slot="treatments[0].fees"] > .pager [role="status"]'), "51–51 of 51");
  assert.equal(await at(page, "treatments[0].fees[50].name").inputValue(), "");
  await settle(page);
  const undoing = await timedClick("#undo");
  assert.equal(await page.locator('[data-path="treatments[0].fees[50].name"]').count(), 0);
  assert.ok(adding < 1_000 && undoing < 1_000, `Add ${adding} ms, Undo ${undoing} ms`);
  assert.ok(await longest() < 1_000);

  // The allowed amounts a page at a time: the last page of a payer, and a problem on another page shown at its list.
  // Amounts 61–70 are the seventh page of 10.
  for (let i = 0; i < 6; i++) await page.click('[data-slot="payers[0].allowed"] > .pager button:text("Next page")');
  assert.equal(await page.textContent('[data-slot="payers[0].allowed"] .pager [role="status"]'), "61–70 of 1,000");
  assert.equal(await at(page, "payers[0].allowed[60].phase").inputValue(), "Phase 0");
  await at(page, "payers[0].allowed[60].amount").fill("999999");
  await settle(page);
  assert.match(await errorAt(page, "payers[0].allowed[60].amount"), /more than the clinic charges/);
  await page.click('[data-slot="payers[0].allowed"] > .pager button:text("Previous page")');
  assert.match(await page.textContent('[data-slot="payers[0].allowed"] > .error'), /^Allowed amount 61 \(page 7\): .*more than the clinic charges/);
  console.log(`# at every bound: opened in ${opening} ms, Add ${adding} ms, Undo ${undoing} ms`);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a sheet at every bound with a problem in every treatment: a few treatments drawn to show theirs, the rest listed", async () => {
  const { page, context, problems } = await openEditor();
  const sheet = limitsSheet();
  for (const t of sheet.treatments) delete t.phases[0].price;
  const expected = engine.validateClinic(sheet);
  assert.equal(expected.length, 50, JSON.stringify(expected.slice(0, 2)));
  const t = Date.now();
  await page.setInputFiles("#open-file", json("problems.json", sheet));
  await statusIs(page, /Editing problems\.json/);
  await settle(page);
  // Opened without a freeze (the 30 s a draw of every treatment took); precise times are `make bench`'s.
  assert.ok(Date.now() - t < 10_000, `${Date.now() - t} ms`);
  assert.match(await page.textContent("#summary-title"), /^50 problems, each shown at its field; these have none:$/);
  // The first treatment (drawn open) and five more show the problem at the price; 44 are listed with their paths.
  assert.equal(await page.locator("details.treatment[data-drawn]").count(), 6);
  for (const i of [0, 5]) assert.match(await errorAt(page, `treatments[${i}].phases[0].price`), /"price" is required/);
  const listed = await page.$$eval("#loose li", (lis) => lis.map((li) => li.textContent));
  assert.equal(listed.length, 44);
  assert.equal(listed[0], 'treatments[6].phases[0].price: "price" is required');
  // Opening a treatment draws it and shows its problem at its field.
  await page.click('[data-slot="treatments[30]"] > summary');
  assert.match(await errorAt(page, "treatments[30].phases[0].price"), /"price" is required/);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a crafted key never reaches Object.prototype, and the problem summary keeps up", async () => {
  const { page, context, problems } = await openEditor();
  const crafted = sample();
  crafted.treatments[0].phases[0].every = { "__proto__.failed": 1 };
  crafted.treatments[0].phases[0]["constructor.prototype.failed"] = 1;
  crafted.payers[0].allowed[0].MARK = 1; // becomes an own "__proto__" key, as JSON.parse makes one
  await page.setInputFiles("#open-file", json("crafted.json", JSON.stringify(crafted).replace('"MARK":1', '"__proto__":{"failed":1}')));
  await statusIs(page, /Editing crafted\.json/);
  await settle(page);
  // Staff type in every field whose path runs through such a key (there must be none)...
  const through = '[data-path*="__proto__"], [data-path*="constructor"], [data-path*="prototype"]';
  for (const el of await page.$$(through)) await el.fill("5");
  await settle(page);
  // ...and nothing reached Object.prototype.
  assert.deepEqual(await page.evaluate(() => [typeof ({}).failed, Object.hasOwn(Object.prototype, "failed")]), ["undefined", false]);
  assert.deepEqual(await page.$$eval(through, (els) => els.map((e) => e.dataset.path)), []);
  const before = await page.textContent("#summary-title");
  assert.match(before, /^\d+ problems?, each shown at its field/);
  // Staff edit the phase: the every field, then its number.
  await at(page, "treatments[0].phases[0].every", "one-of").selectOption("weeks");
  await at(page, "treatments[0].phases[0].every.weeks").fill("2");
  await at(page, "treatments[0].phases[0].name").fill("Induction infusions, again");
  await settle(page);
  assert.deepEqual(await page.evaluate(() => [typeof ({}).failed, Object.hasOwn(Object.prototype, "failed")]), ["undefined", false]);
  // The unknown fields are reported at their boxes, and the summary follows the sheet: a new problem counted, then gone.
  assert.match(await page.textContent('[data-slot="treatments[0].phases[0]"] > .error'), /unknown field "constructor\.prototype\.failed"/);
  assert.match(await page.textContent('[data-slot="payers[0].allowed[0]"] > .error'), /unknown field "__proto__"/);
  const count = async () => Number(/^(\d+) problem/.exec(await page.textContent("#summary-title"))?.[1] ?? 0);
  const n = await count();
  await at(page, "npi").fill("1234567890");
  await settle(page);
  assert.equal(await count(), n + 1);
  await at(page, "npi").fill(crafted.npi);
  await settle(page);
  assert.equal(await count(), n);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a 50 MB CSV is refused unread, without holding the page", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  const dir = mkdtempSync(join(tmpdir(), "coursecost-csv-"));
  const file = join(dir, "huge.csv");
  const row = "iv-ketamine,Induction infusions,96365,550.00\n";
  writeFileSync(file, `treatment,item,code,price\n${row.repeat(Math.ceil(50e6 / row.length))}`);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  await page.setInputFiles("#csv-file", file);
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden, null, { timeout: 10_000 });
  rmSync(dir, { recursive: true });
  assert.equal(await page.textContent("#import-title"), "huge.csv was not imported: it is 50 MB, and a price list is at most 3 MB.");
  const tasks = await page.evaluate(() => window.__longTasks);
  assert.deepEqual(tasks.filter((d) => d > 1_000), [], `main-thread tasks: ${tasks.map(Math.round)}`);
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "550.00");
  assert.deepEqual(await problems(), []);
  await context.close();
});
