// The price sheet editor's fields in headless Chromium: nothing drawn that
// the sheet does not hold (no "null" where a treatment has no dear end),
// and the items a Good Faith Estimate cannot list without a service code
// named at their fields and under the summary, without blocking a save.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open } from "./harness.mjs";
import { ready, at, settle, sample, statusIs, withSample } from "./editor-page.mjs";

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

const openEditor = () => open(browser, base, "editor.html", { ready });

/** Every text on the form that reads "null" or "undefined": text nodes, and the values of fields. */
const strays = (page) => page.evaluate(() => {
  const out = [];
  const walk = document.createTreeWalker(document.getElementById("sheet-form"), NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) if (/\b(null|undefined|NaN)\b/.test(walk.currentNode.textContent)) out.push(`text in ${walk.currentNode.parentElement.tagName}: ${walk.currentNode.textContent}`);
  for (const el of document.querySelectorAll("#sheet-form input, #sheet-form textarea, #sheet-form select")) {
    if (/\b(null|undefined|NaN)\b/.test(el.value)) out.push(`value of ${el.dataset.path}: ${el.value}`);
  }
  return out;
});

test("no stray values: a treatment without a dear-end course shows nothing under its checkbox", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  // Open every treatment: the sample's IV ketamine and ECT have a dear end; esketamine and TMS do not.
  await page.evaluate(() => document.querySelectorAll("details.treatment").forEach((d) => { d.open = true; }));
  await page.waitForFunction(() => [...document.querySelectorAll("details.treatment")].every((d) => d.dataset.drawn === "true"));
  assert.deepEqual(await strays(page), []);
  // The checkbox of a treatment without one is the box's last child: nothing is drawn after it.
  const tail = await page.$$eval("details.treatment", (ds) => ds.map((d) => [d.querySelector("summary").textContent, d.lastChild.nodeType === Node.TEXT_NODE ? `text: ${d.lastChild.textContent}` : d.lastChild.tagName]));
  assert.deepEqual(tail.map(([, last]) => last), ["DIV", "DIV", "DIV", "DIV"]);
  assert.equal(await page.locator('[data-slot="treatments[1].high"]').count(), 0);
  assert.equal(await page.locator('[data-slot="treatments[0].high"] h4').first().textContent(), "The dear-end course");
  // Adding a dear end to TMS and taking it away again leaves nothing behind either.
  await page.check('input[data-action="high"][data-target="treatments[2]"]');
  await settle(page);
  await page.uncheck('input[data-action="high"][data-target="treatments[2]"]');
  await settle(page);
  assert.deepEqual(await strays(page), []);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the items a Good Faith Estimate needs a service code for are named at their Code fields and under the summary, without blocking a save", async () => {
  const { page, context, problems } = await openEditor();
  await withSample(page);
  await settle(page);
  // The sample's one item without a code: IV ketamine's package (its price list row has a blank code).
  assert.equal(await page.textContent("#summary-title"), "The sheet is valid: the staff view can quote from it.");
  assert.equal(await page.textContent("#codes-title"), "1 item has no service code (CPT/HCPCS); add it before printing a Good Faith Estimate (the sheet still saves and quotes):");
  assert.deepEqual(await page.$$eval("#codes-missing li", (lis) => lis.map((li) => li.textContent)), ['IV ketamine infusion series: the package "Induction package "six for five""']);
  const warningAt = (path) => page.evaluate((p) => {
    const input = [...document.querySelectorAll("[data-path]")].find((el) => el.dataset.path === p);
    const id = input?.getAttribute("aria-describedby")?.split(" ").find((x) => x.endsWith("-warn"));
    return id ? document.getElementById(id).textContent : null;
  }, path);
  const WARNING = "No service code: a Good Faith Estimate lists each item with its code, so add this one before printing one.";
  assert.equal(await warningAt("treatments[0].packages[0].code"), WARNING);
  assert.equal(await warningAt("treatments[0].phases[0].code"), "");
  // A warning, not a problem: the field is not marked invalid.
  assert.equal(await at(page, "treatments[0].packages[0].code").getAttribute("aria-invalid"), null);

  // The code typed in: the warning goes.
  await at(page, "treatments[0].packages[0].code").fill("96365");
  await settle(page);
  assert.equal(await warningAt("treatments[0].packages[0].code"), "");
  assert.equal(await page.isVisible("#codes"), false);
  // The first phase's code cleared, in the expected course only: that phase is named, the dear end's keeps its code.
  await at(page, "treatments[0].phases[0].code").fill("");
  await settle(page);
  assert.equal(await warningAt("treatments[0].phases[0].code"), WARNING);
  assert.equal(await warningAt("treatments[0].high.phases[0].code"), "");
  assert.deepEqual(await page.$$eval("#codes-missing li", (lis) => lis.map((li) => li.textContent)), ['IV ketamine infusion series: the phase "Induction infusions"']);
  assert.equal(await page.textContent("#summary-title"), "The sheet is valid: the staff view can quote from it.");
  // Saving is not blocked: the file downloads without the code, and the engine finds nothing wrong.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  assert.ok(download.suggestedFilename().endsWith(".json"));
  await statusIs(page, /^Saved .*\.json\.$/);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("more than ten items without a code: ten named, the rest counted", async () => {
  const { page, context } = await openEditor();
  const sheet = sample();
  // Every code of TMS's three phases and ECT's two phases and two fees removed, with the sample's package: 3 + 2 + 2 + 1 = 8,
  // and IV ketamine's two phases and two fees: 12 in all (its dear end keeps its codes).
  for (const t of [sheet.treatments[0], sheet.treatments[2], sheet.treatments[3]]) {
    for (const x of [...t.phases, ...(t.fees ?? [])]) delete x.code;
  }
  const count = sheet.treatments[0].phases.length + sheet.treatments[0].fees.length + 1 + sheet.treatments[2].phases.length + (sheet.treatments[2].fees ?? []).length + sheet.treatments[3].phases.length + (sheet.treatments[3].fees ?? []).length;
  assert.equal(count, 12, "the sample's shape, as the comment counts it");
  await page.setInputFiles("#open-file", { name: "nocodes.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sheet)) });
  await statusIs(page, /Editing nocodes\.json/);
  await settle(page);
  assert.match(await page.textContent("#codes-title"), /^12 items have no service code/);
  const listed = await page.$$eval("#codes-missing li", (lis) => lis.map((li) => li.textContent));
  assert.equal(listed.length, 11);
  assert.equal(listed[10], "and 2 more");
  await context.close();
});
