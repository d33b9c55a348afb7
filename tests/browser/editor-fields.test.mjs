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
