// Files into the price sheet editor in headless Chromium: the file pickers
// are buttons like the others (their file inputs hidden, opened by the
// keyboard too), and a CSV price list is previewed line by line — what it
// adds, what it changes and what it refuses, with why — before Apply makes
// it one change Undo takes back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, start, open } from "./harness.mjs";
import { ready, at, settle, statusIs, withSample } from "./editor-page.mjs";

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

const openEditor = () => open(browser, base, "editor.html", { ready });
const file = (name, text, mimeType = "text/csv") => ({ name, mimeType, buffer: Buffer.from(text) });

test("the file pickers are buttons like the others: the file inputs are hidden, out of the tab order, and opened by Enter or Space", async () => {
  const { page, context, problems } = await openEditor();
  // Listening from the start, so the pickers are intercepted before any key is pressed (then the page is asked
  // something, a round trip after the listener is on).
  page.on("filechooser", () => {});
  await page.evaluate(() => 1);
  // Drawn like Save: the same border, colours and padding; the inputs themselves take no room and show no "Choose file".
  const look = (sel) => page.$eval(sel, (el) => {
    const s = getComputedStyle(el);
    return [el.tagName, s.borderTopColor, s.backgroundColor, s.color, s.paddingLeft, s.borderRadius].join(" ");
  });
  assert.equal(await look("#open-choose"), await look("#save"));
  assert.equal(await look("#csv-choose"), await look("#save"));
  for (const id of ["open-file", "csv-file"]) {
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box === null || (box.width <= 1 && box.height <= 1), `#${id} takes no room (${JSON.stringify(box)})`);
    assert.equal(await page.$eval(`#${id}`, (el) => el.tabIndex), -1);
  }
  assert.equal(await page.textContent("#open-choose"), "Open JSON…");
  assert.equal(await page.textContent("#csv-choose"), "Import CSV price list…");

  // Keyboard: Tab goes from "Start from the sample" to the Open button (not to a file input), and Enter opens the picker.
  await page.focus("#sample");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "open-choose");
  const [json] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  assert.equal(await json.element().getAttribute("id"), "open-file");
  await json.setFiles(file("sheet.json", readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"), "application/json"));
  await statusIs(page, /Editing sheet\.json/);
  // Tab from Save reaches the import button; Space opens its picker, for CSV files.
  await page.focus("#save");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "csv-choose");
  const [csv] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  assert.equal(await csv.element().getAttribute("id"), "csv-file");
  assert.equal(await csv.element().getAttribute("accept"), ".csv,text/csv");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a price list's preview: Cancel changes nothing, Apply is one undoable change, and a preview of a sheet edited since is not applied", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  await settle(page);
  // The sample's IV ketamine has a dear-end course with the same fees; TMS has none.
  const csv = [
    "treatment,item,code,price,course",
    "iv-ketamine,Induction infusions,96365,600.00,", // 2: both courses, 550.00 → 600.00
    "iv-ketamine,Initial consultation,99205,300.00,", // 3: a new fee, in both courses
    "iv-ketamine,Ride home,,40,high", // 4: a new fee, the dear end only
    "tms,Taper,90868,280.00,", // 5: unchanged: 280.00 as before
    "tms,Taper,,1,high", // 6: TMS has no dear end
    "nope,Taper,,1,", // 7: no such treatment
  ].join("\n");
  const choose = () => page.setInputFiles("#csv-file", file("list.csv", csv));
  const items = (id) => page.$$eval(`#${id} li`, (lis) => lis.map((li) => li.textContent));
  await choose();
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden);
  assert.equal(await page.textContent("#import-title"), "list.csv: 2 items to add, 2 to change; 2 rows refused. Nothing changes until you apply it.");
  assert.deepEqual(await items("import-added"), [
    'Line 3: a new fee "Initial consultation" for iv-ketamine, $300.00 charged once, code 99205, in both courses',
    'Line 4: a new fee "Ride home" for iv-ketamine, $40.00 charged once, no code, in the dear-end course only',
  ]);
  assert.deepEqual(await items("import-changed"), [
    'Line 2: the phase "Induction infusions" of iv-ketamine: $550.00 → $600.00, in both courses',
    'Line 5: the phase "Taper" of tms: $280.00 as before',
  ]);
  assert.deepEqual(await items("import-bad"), ['Line 6: "tms" has no dear-end course (high)', 'Line 7: no treatment "nope" on the sheet (its treatments: iv-ketamine, esketamine, tms, ect)']);
  // The preview takes the focus, so a keyboard or screen reader user lands on it.
  assert.equal(await page.evaluate(() => document.activeElement.id), "import-report");

  // Cancel: nothing changed, nothing to undo from it, the report gone, and the focus back on the import button.
  const sheetNow = () => page.evaluate(() => localStorage.getItem("coursecost.priceSheetDraft"));
  const before = await sheetNow();
  await page.click("#import-cancel");
  assert.equal(await page.isVisible("#import-report"), false);
  assert.equal(await page.textContent("#status"), "list.csv was not imported; the sheet is unchanged.");
  assert.equal(await page.evaluate(() => document.activeElement.id), "csv-choose");
  assert.equal(await sheetNow(), before);
  assert.equal(await at(page, "treatments[0].phases[0].price").inputValue(), "550.00");

  // Apply: both courses of IV ketamine priced, its fees added where the rows say; Undo takes it all back.
  await choose();
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden);
  await page.click("#import-apply");
  await settle(page);
  const draft = JSON.parse(await sheetNow());
  const iv = draft.treatments[0];
  assert.equal(iv.phases[0].price, 60000);
  assert.equal(iv.high.phases[0].price, 60000);
  assert.deepEqual(iv.fees.at(-1), { name: "Initial consultation", amount: 30000, when: "once", code: "99205" });
  assert.deepEqual(iv.high.fees.slice(-2), [{ name: "Initial consultation", amount: 30000, when: "once", code: "99205" }, { name: "Ride home", amount: 4000, when: "once" }]);
  assert.equal(await page.textContent("#import-title"), "list.csv: 2 items added and 2 changed; 2 rows were refused:");
  assert.equal(await items("import-bad").then((l) => l.length), 2);
  assert.equal(await page.isVisible("#import-actions"), false);
  await page.click("#undo");
  await settle(page);
  assert.equal(await sheetNow(), before);

  // A preview, then an edit, then Apply: the preview no longer fits the sheet, so nothing is applied.
  await choose();
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden);
  await at(page, "treatments[0].phases[0].price").fill("560");
  await settle(page);
  await page.click("#import-apply");
  assert.equal(await page.textContent("#import-title"), "list.csv was not applied: the sheet changed after this preview. Import the file again to see what it does to the sheet as it is now.");
  assert.equal(JSON.parse(await sheetNow()).treatments[0].phases[0].price, 56000, "the edit stays: 560 → 56000 cents");
  assert.equal(JSON.parse(await sheetNow()).treatments[0].fees.length, JSON.parse(before).treatments[0].fees.length);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a price list with nothing to apply offers only Close; axe finds nothing serious in a preview", async () => {
  const { page, context, problems } = await open(browser, base, "editor.html", { ready, width: 360, height: 800 });
  await withSample(page);
  await page.setInputFiles("#csv-file", file("typos.csv", "treatment,item,code,price\ntms,Taper,,2.80.0\nect,Index ECT,,1,extra"));
  await page.waitForFunction(() => !document.querySelector("#import-report").hidden);
  assert.equal(await page.textContent("#import-title"), "typos.csv: nothing to add or change; 2 rows refused.");
  assert.equal(await page.isVisible("#import-apply"), false);
  assert.equal(await page.textContent("#import-cancel"), "Close");
  // A preview with every list, for axe.
  await page.setInputFiles("#csv-file", file("all.csv", "treatment,item,code,price\ntms,Taper,,300\ntms,Follow-up,99213,150\ntms,Taper,,x"));
  await page.waitForFunction(() => /^all\.csv/.test(document.querySelector("#import-title").textContent));
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() => window.axe.run(document.getElementById("import-report"), { resultTypes: ["violations"] }));
  assert.deepEqual(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (overflow ${overflow}px)`);
  await page.click("#import-cancel");
  assert.deepEqual(await problems(), []);
  await context.close();
});
