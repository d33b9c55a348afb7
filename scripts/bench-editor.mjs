// The price sheet editor at every bound, in headless Chromium: a step of
// `make bench` (scripts/bench.mjs), or on its own with
// `node scripts/bench-editor.mjs` (after `make site`).
//
// The sheet is tests/browser/limits-sheet.mjs: 50 treatments of 20 phases,
// 50 fees, 50 packages, 10 discounts and a dear-end course, 20 co-providers,
// 20 payers of 1,000 allowed amounts, 400 holidays. Each time is taken in
// the page, up to the next frame after the change (so the DOM work, style
// and layout are in it; the engine's check runs after, in its worker):
//  - open: from the file input's change event to the frame after the
//    status says the sheet is being edited (reading, the shape check, the
//    engine's check in the worker, drawing);
//  - Add (a fee to the first treatment) and Undo (of that Add): the click's
//    handler and the frame after it;
//  - a 50 MB CSV: from the change event to the frame after the refusal.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, open } from "../tests/browser/harness.mjs";
import { limitsSheet } from "../tests/browser/limits-sheet.mjs";

const ready = () => document.body.dataset.ready === "true";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times from the change event of `input` to the frame after `#status`/`#import-title` matches `done`. */
async function timedChange(page, input, target, done, files) {
  await page.evaluate(([input, target, done]) => {
    window.__t = {};
    document.querySelector(input).addEventListener("change", () => { window.__t.start = performance.now(); }, { capture: true, once: true });
    const el = document.querySelector(target);
    const seen = () => new RegExp(done).test(el.textContent) && requestAnimationFrame(() => setTimeout(() => { window.__t.end ??= performance.now(); }));
    new MutationObserver(seen).observe(el, { childList: true, characterData: true, subtree: true });
  }, [input, target, done]);
  await page.setInputFiles(input, files);
  await page.waitForFunction(() => window.__t.end !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__t.end - window.__t.start);
}

/** A click on `selector` timed to the frame after its handler. */
const timedClick = (page, selector) => page.evaluate((s) => new Promise((resolve) => {
  const t = performance.now();
  document.querySelector(s).click();
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t)));
}), selector);

/** `{ open, add, undo, csv }`: medians of `rounds` runs, in ms, and every run. */
export async function benchEditor(browser, base, rounds = 5) {
  const sheet = Buffer.from(JSON.stringify(limitsSheet()));
  const runs = { open: [], add: [], undo: [], csv: [] };
  const dir = mkdtempSync(join(tmpdir(), "coursecost-bench-"));
  const csv = join(dir, "huge.csv");
  const row = "t0,Phase 0,90868,100.00\n";
  writeFileSync(csv, `treatment,item,code,price\n${row.repeat(Math.ceil(50e6 / row.length))}`);
  for (let i = 0; i < rounds; i++) {
    const { page, context } = await open(browser, base, "editor.html", { ready });
    runs.open.push(await timedChange(page, "#open-file", "#status", "Editing limits\\.json", { name: "limits.json", mimeType: "application/json", buffer: sheet }));
    await page.waitForFunction(() => document.body.dataset.checking === "false", null, { timeout: 120_000 });
    for (let j = 0; j < 3; j++) {
      runs.add.push(await timedClick(page, 'button[data-action="add"][data-target="treatments[0].fees"]'));
      await page.waitForFunction(() => document.body.dataset.checking === "false", null, { timeout: 120_000 });
      runs.undo.push(await timedClick(page, "#undo"));
      await page.waitForFunction(() => document.body.dataset.checking === "false", null, { timeout: 120_000 });
    }
    runs.csv.push(await timedChange(page, "#csv-file", "#import-title", "was not imported", csv));
    await context.close();
  }
  rmSync(dir, { recursive: true });
  return { open: median(runs.open), add: median(runs.add), undo: median(runs.undo), csv: median(runs.csv), runs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { base, browser, stop } = await start();
  const r = await benchEditor(browser, base);
  await stop();
  const ms = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
  console.log(`open ${r.open.toFixed(0)} ms (${ms(r.runs.open)}); Add ${r.add.toFixed(0)} ms (${ms(r.runs.add)}); Undo ${r.undo.toFixed(0)} ms (${ms(r.runs.undo)}); 50 MB CSV refused in ${r.csv.toFixed(0)} ms (${ms(r.runs.csv)})`);
}
