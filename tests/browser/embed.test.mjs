// <coursecost-estimate> on a deliberately hostile host page (www/embed-demo.html:
// a strict Content-Security-Policy and global CSS that would wreck any widget
// in the host's own DOM), in headless Chromium: the clinic's prices from its
// price sheet, the engine's numbers, insurance filled from a typical plan and
// changed, Spanish, nothing leaking in or out of its shadow root, no request
// off the origin, no CSP violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open } from "./harness.mjs";

const engine = await import(pathToFileURL(join(root, "pkg/node.js")));
const staff = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const { course } = await import(pathToFileURL(join(root, "www/course.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/clinic.sample.json"), "utf8"));
const usd = (minor, locale = "en-US") => new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(minor / 100);

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

/** What the element estimates for a sheet treatment: the element's own plan (www/course.js), with `coverage`. */
const plan = (id, startDate, coverage) => ({ ...course(sheet, sheet.treatments.find((x) => x.id === id), startDate), ...(coverage && { coverage }) });

test("the element's plan for a sheet treatment is the staff engine's: the same estimate as a self-pay quote", () => {
  for (const t of sheet.treatments) {
    const quoted = staff.quote(sheet, { treatment: t.id, start: "2026-12-07", date: "2026-12-01", payment: "self-pay" });
    assert.deepEqual(engine.estimate(plan(t.id, "2026-12-07")), quoted.estimate, t.id);
  }
});

const inShadow = (page, sel, fn, arg) => page.$eval(sel, (el, [f, a]) => new Function("root", "arg", `return (${f})(root, arg)`)(el.shadowRoot, a), [fn.toString(), arg]);

test("the embed on a hostile host page: the clinic's prices, the engine's numbers, its own styles, no CSP violation", async () => {
  const { page, context, problems } = await open(browser, base, "embed-demo.html", {
    width: 390, height: 844,
    ready: () => [...document.querySelectorAll("coursecost-estimate")].every((e) => e.dataset.complete === "true"),
  });
  const startDate = await inShadow(page, "coursecost-estimate", (r) => r.getElementById("start").value);
  // Self-pay, the sheet's esketamine course at the clinic's prices.
  const self = engine.estimate(plan("esketamine", startDate));
  assert.equal(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("head").textContent), `You pay ${usd(self.totals.patientPays)} over 12 months`);
  const first = engine.compare([plan("esketamine", startDate)]).plans[0];
  // Each element formats in its own language, whatever the other one speaks.
  assert.match(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("fig").textContent), /[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  assert.match(await inShadow(page, "#es", (r) => r.getElementById("fig").textContent), / (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic) \d{4}/);
  assert.match(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("fig").textContent), new RegExp(`First month${usd(first.firstMonth.patientPays).replace(/[$.]/g, "\\$&")}`));

  // Insured: filled from the catalogue's typical plan and said so; then the visitor's own numbers.
  const el = await page.$("coursecost-estimate");
  const box = await el.evaluateHandle((e) => e.shadowRoot);
  await (await box.$('input[value="insured"]')).check();
  const filled = await inShadow(page, "coursecost-estimate", (r) => [r.getElementById("ded").value, r.getElementById("co").value, r.getElementById("assumes").textContent]);
  const ex = (await import(pathToFileURL(join(root, "pkg/catalogue.js")))).default.coverageExamples?.[0];
  if (ex) {
    assert.equal(filled[0], String(ex.coverage.deductible / 100));
    assert.match(filled[2], new RegExp(`${ex.name}, filled in below`));
  }
  await (await box.$("#ded")).fill("1000");
  await (await box.$("#co")).fill("10");
  await (await box.$("#oop")).fill("3000");
  const insured = engine.estimate(plan("esketamine", startDate, { deductible: 100000, coinsurance: 10, outOfPocketMax: 300000 }));
  assert.equal(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("head").textContent), `You pay ${usd(insured.totals.patientPays)} over 12 months`);
  // A blank deductible is asked for, not read as $0.
  await (await box.$("#ded")).fill("");
  assert.match(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("ded-error").textContent), /Enter your deductible/);
  assert.equal(await inShadow(page, "coursecost-estimate", (r) => r.getElementById("head").textContent), `You pay ${usd(insured.totals.patientPays)} over 12 months`);

  // The host's CSS stays out: the element's own font, colours, sizes, visible inputs and chart.
  const styles = await inShadow(page, "coursecost-estimate", (r) => {
    const cs = (e) => getComputedStyle(e);
    const box = r.querySelector(".cc"), input = r.getElementById("start"), svg = r.querySelector("svg");
    return { font: cs(box).fontFamily, size: cs(box).fontSize, color: cs(box).color, transform: cs(box).textTransform, spacing: cs(box).letterSpacing,
      input: [cs(input).visibility, input.offsetHeight], svg: svg && cs(svg).display, width: box.getBoundingClientRect().width };
  });
  assert.doesNotMatch(styles.font, /Comic/);
  assert.equal(styles.size, "16px");
  assert.equal(styles.color, "rgb(26, 26, 26)");
  assert.equal(styles.transform, "none");
  assert.equal(styles.spacing, "normal");
  assert.deepEqual(styles.input, ["visible", 44]);
  assert.equal(styles.svg, "block");
  assert.ok(styles.width > 300, `the widget is ${styles.width}px wide`);
  // No control's text is cut off, and every control is a 44 px tap target.
  const cut = await inShadow(page, "coursecost-estimate", (r) => [...r.querySelectorAll("label, legend, summary, input, select")]
    .filter((e) => e.offsetParent && (e.scrollWidth > e.clientWidth + 1 || (e.matches("label:has(input), input:not([type=radio]):not([type=checkbox]), select, summary") && e.offsetHeight < 44)))
    .map((e) => e.textContent.slice(0, 30) || e.id));
  assert.deepEqual(cut, []);
  // …and its own CSS stays in: the host's heading keeps the host's font.
  assert.match(await page.$eval("h1", (h) => getComputedStyle(h).fontFamily), /Comic/);

  // The Spanish element: the same engine, its own words and es-US formats.
  const tms = engine.estimate(plan("tms", startDate));
  assert.equal(await inShadow(page, "#es", (r) => r.getElementById("head").textContent), `Usted paga ${usd(tms.totals.patientPays, "es-US")} en 12 meses`);
  assert.deepEqual(await problems(), []);
  await page.screenshot({ path: join(root, "target/screenshots/embed-hostile-390.png"), fullPage: true });
  await context.close();
});
