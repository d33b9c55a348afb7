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
