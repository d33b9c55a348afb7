// <coursecost-estimate> on a deliberately hostile host page (www/embed/embed-demo.html:
// a strict Content-Security-Policy and global CSS that would wreck any widget
// in the host's own DOM), in headless Chromium: the clinic's prices from its
// price sheet, the engine's numbers, insurance filled from a typical plan and
// changed, Spanish, nothing leaking in or out of its shadow root, no request
// off the origin, no CSP violation. Then, on a bare test page: the last
// attribute change wins, one listener, the typical plans whole, every bad
// sheet said, and a closed shadow root.
//
// The element's shadow root is closed, so no page script (and none of
// Playwright's selectors, which pierce open roots only) can reach inside.
// The tests reach it as a debugger does, through the DevTools protocol
// (`inside`): a right the host page does not have. What the visitor does is
// done with the mouse and the keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open } from "./harness.mjs";

const engine = await import(pathToFileURL(join(root, "pkg/node.js")));
const staff = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const catalogue = (await import(pathToFileURL(join(root, "pkg/catalogue.js")))).default;
const { course } = await import(pathToFileURL(join(root, "www/embed/course.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
const usd = (minor, locale = "en-US") => new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(minor / 100);
const NO_SHEET = "This estimator could not read the clinic's prices.";

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

/** What the element estimates for a sheet treatment: the element's own plan (www/embed/course.js, by the engine's `planFields`), with `coverage`. */
const plan = (id, startDate, coverage) => ({ ...course(sheet, sheet.treatments.find((x) => x.id === id), startDate, engine.planFields()), ...(coverage && { coverage }) });

test("the element's plan for a sheet treatment is the staff engine's: the same estimate as a self-pay quote", () => {
  for (const t of sheet.treatments) {
    const quoted = staff.quote(sheet, { treatment: t.id, start: "2026-12-07", date: "2026-12-01", payment: "self-pay" });
    assert.deepEqual(engine.estimate(plan(t.id, "2026-12-07")), quoted.estimate, t.id);
  }
});

test("the element's plan reads the sheet's own fields only, not a polluted prototype's", () => {
  Object.prototype.allowed = 1;
  Object.prototype.discounts = [{ percent: 90 }];
  try {
    const p = plan("esketamine", "2026-12-07");
    assert.equal(Object.hasOwn(p, "discounts"), false);
    assert.equal(p.phases.some((x) => Object.hasOwn(x, "allowed")), false);
  } finally {
    delete Object.prototype.allowed;
    delete Object.prototype.discounts;
  }
});

/**
 * The visitor's side of the elements on `page`, through the DevTools
 * protocol. `run(sel, fn, arg)` runs `fn(root, arg)` on the shadow root of
 * the element `sel`; `until(sel, fn, arg)` waits for `fn(root, arg)` to be
 * true, checked at every change under the root; `click` and `type` use the
 * mouse and the keyboard on the control `inner` inside it.
 */
async function inside(page) {
  const cdp = await page.context().newCDPSession(page);
  const rootOf = async (sel) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression: `document.querySelector(${JSON.stringify(sel)})` });
    assert.ok(result.objectId, `no element ${sel}`);
    const { node } = await cdp.send("DOM.describeNode", { objectId: result.objectId, depth: 1, pierce: true });
    assert.ok(node.shadowRoots?.length, `${sel} has no shadow root`);
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.shadowRoots[0].backendNodeId });
    return object.objectId;
  };
  const call = async (sel, declaration, arg) => {
    const r = await cdp.send("Runtime.callFunctionOn", {
      objectId: await rootOf(sel), functionDeclaration: declaration, arguments: [{ value: arg }], returnByValue: true, awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  const run = (sel, fn, arg) => call(sel, `function (arg) { return (${fn})(this, arg); }`, arg);
  const until = (sel, fn, arg) => call(sel, `function (arg) {
    const root = this, check = (${fn});
    return new Promise((resolve) => {
      if (check(root, arg)) return resolve(true);
      const o = new MutationObserver(() => check(root, arg) && (o.disconnect(), resolve(true)));
      o.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }`, arg);
  const at = async (sel, inner) => {
    const box = await run(sel, (root, q) => {
      const el = root.querySelector(q);
      el.scrollIntoView({ block: "center" });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, inner);
    return box;
  };
  const click = async (sel, inner) => {
    const { x, y } = await at(sel, inner);
    await page.mouse.click(x, y);
  };
  /** Clicks into the field, selects what is in it and types `text` over it. */
  const type = async (sel, inner, text) => {
    await click(sel, inner);
    await page.keyboard.press("ControlOrMeta+A");
    if (text) await page.keyboard.type(text);
    else await page.keyboard.press("Backspace");
  };
  return { run, until, click, type };
}

const text = (id) => `(root) => root.getElementById(${JSON.stringify(id)})?.textContent`;
const title = (root) => root.querySelector("h2")?.textContent ?? root.querySelector("[role=status]")?.textContent;

test("the embed on a hostile host page: the clinic's prices, the engine's numbers, its own styles, no CSP violation", async () => {
  const { page, context, problems } = await open(browser, base, "embed-demo.html", {
    width: 390, height: 844,
    ready: () => [...document.querySelectorAll("coursecost-estimate")].every((e) => e.dataset.complete === "true"),
  });
  const { run, until, click, type } = await inside(page);
  const el = "coursecost-estimate";
  const startDate = await run(el, (r) => r.getElementById("start").value);
  // Self-pay, the sheet's esketamine course at the clinic's prices.
  const self = engine.estimate(plan("esketamine", startDate));
  assert.equal(await run(el, text("head")), `You pay ${usd(self.totals.patientPays)} over 12 months`);
  const first = engine.compare([plan("esketamine", startDate)]).plans[0];
  // Each element formats in its own language, whatever the other one speaks.
  assert.match(await run(el, text("fig")), /[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  assert.match(await run("#es", text("fig")), / (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic) \d{4}/);
  assert.match(await run(el, text("fig")), new RegExp(`First month${usd(first.firstMonth.patientPays).replace(/[$.]/g, "\\$&")}`));

  // Insured: filled from the catalogue's first typical plan (the employer plan, a $1,787 deductible) and said so.
  await click(el, 'input[value="insured"]');
  await until(el, (r) => r.getElementById("ded").value !== "");
  const filled = await run(el, (r) => [r.getElementById("ded").value, r.getElementById("co").value, r.getElementById("oop").value, r.getElementById("assumes").textContent]);
  assert.equal(catalogue.coverageExamples[0].id, "employer-typical");
  assert.deepEqual(filled.slice(0, 3), ["1787.00", "20", "4416.00"]);
  assert.match(filled[3], /^Typical employer plan, filled in below/);
  // Then the visitor's own numbers.
  await type(el, "#ded", "1000");
  await type(el, "#co", "10");
  await type(el, "#oop", "3000");
  const insured = engine.estimate(plan("esketamine", startDate, { deductible: 100000, coinsurance: 10, outOfPocketMax: 300000 }));
  await until(el, (r, want) => r.getElementById("head").textContent === want, `You pay ${usd(insured.totals.patientPays)} over 12 months`);
  // A blank deductible is asked for, not read as $0.
  await type(el, "#ded", "");
  assert.match(await run(el, text("ded-error")), /Enter your deductible/);
  assert.equal(await run(el, text("head")), `You pay ${usd(insured.totals.patientPays)} over 12 months`);

  // The host's CSS stays out: the element's own font, colours, sizes, visible inputs and chart.
  const styles = await run(el, (r) => {
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
  const cut = await run(el, (r) => [...r.querySelectorAll("label, legend, summary, input, select")]
    .filter((e) => e.offsetParent && (e.scrollWidth > e.clientWidth + 1 || (e.matches("label:has(input), input:not([type=radio]):not([type=checkbox]), select, summary") && e.offsetHeight < 44)))
    .map((e) => e.textContent.slice(0, 30) || e.id));
  assert.deepEqual(cut, []);
  // …and its own CSS stays in: the host's heading keeps the host's font.
  assert.match(await page.$eval("h1", (h) => getComputedStyle(h).fontFamily), /Comic/);

  // The Spanish element: the same engine, its own words and es-US formats.
  const tms = engine.estimate(plan("tms", startDate));
  assert.equal(await run("#es", text("head")), `Usted paga ${usd(tms.totals.patientPays, "es-US")} en 12 meses`);
  assert.deepEqual(await problems(), []);
  await page.screenshot({ path: join(root, "target/screenshots/embed-hostile-390.png"), fullPage: true });
  await context.close();
});

/**
 * A bare host page, `lab.html` (made here, not in www/), with `body` and
 * the sheets `files` (name → JSON value, or text) served beside it.
 */
function lab(body, files = {}, more) {
  return async (context) => {
    await context.route(`${base}lab.html`, (route) => route.fulfill({ contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lab</title><script type="module" src="embed.js"></script></head><body>${body}</body></html>` }));
    for (const [name, value] of Object.entries(files)) {
      await context.route(`${base}${name}`, (route) => route.fulfill({ contentType: "application/json", body: typeof value === "string" ? value : JSON.stringify(value) }));
    }
    await more?.(context);
  };
}

/** A sheet of one clinic `name` whose treatments are weekly sessions, `{ id: [sessions, price] }`; no closed days. */
const weekly = (name, treatments, currency = "USD") => ({
  name, currency,
  treatments: Object.entries(treatments).map(([id, [sessions, price]]) => ({ id, name: `${id} at ${name}`, phases: [{ name: "Sessions", every: { weeks: 1 }, sessions, price }] })),
});

/** Records the title of every form drawn in the element `sel` from now on. */
const recordTitles = (run, sel) => run(sel, (root) => {
  root.titles = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const h2 = n.nodeType === 1 && (n.matches("h2") ? n : n.querySelector("h2"));
        if (h2) root.titles.push(h2.textContent);
      }
    }
  }).observe(root, { subtree: true, childList: true });
});

test("the last attribute change wins: a slow sheet A never shows its clinic or prices under sheet B", { timeout: 60_000 }, async () => {
  // A: 4 weekly sessions at $900.00 = $3,600.00; B: 4 at $100.00 = $400.00, or 2 at $50.00 = $100.00.
  const A = weekly("Clinic A", { talk: [4, 90000] });
  const B = weekly("Clinic B", { talk: [4, 10000], walk: [2, 5000] });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="clinic.sample.json"></coursecost-estimate>', { "b.json": B }, (c) =>
      c.route(`${base}a.json`, async (route) => {
        await held;
        await route.fulfill({ contentType: "application/json", body: JSON.stringify(A) }).catch(() => {}); // cancelled by then: nothing to answer
      })),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until } = await inside(page);
  const el = "coursecost-estimate";
  // A's request is on its way when the host changes its mind.
  const aAsked = page.waitForRequest(`${base}a.json`);
  await page.$eval(el, (e) => e.setAttribute("sheet", "a.json"));
  const aRequest = await aAsked;
  const aEnded = Promise.race([page.waitForEvent("requestfinished", (r) => r === aRequest), page.waitForEvent("requestfailed", (r) => r === aRequest)]);
  await page.$eval(el, (e) => e.setAttribute("sheet", "b.json"));
  await until(el, (r) => r.querySelector("h2")?.textContent === "What will a course cost at Clinic B?");
  await recordTitles(run, el);
  // Now A's answer arrives, after B's.
  release();
  await aEnded;
  // Then one more change, drawn after anything A's answer could have set off.
  await page.$eval(el, (e) => e.setAttribute("treatment", "walk"));
  await until(el, (r) => r.querySelector("input[name=t]:checked")?.value === "walk" && r.getElementById("head")?.textContent !== "");
  assert.deepEqual(await run(el, (r) => r.titles), ["What will a course cost at Clinic B?"]);
  assert.equal(await run(el, text("head")), "You pay $100.00 over 12 months");
  assert.match(await run(el, text("assumes")), /the clinic's price of \$50\.00 a session/);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("lang es then en ends in English: the element's Spanish is in its one file, with no other request", { timeout: 60_000 }, async () => {
  const { page, context, problems, requests } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="clinic.sample.json" treatment="tms" lang="es"></coursecost-estimate>'),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until } = await inside(page);
  const el = "coursecost-estimate";
  assert.equal(await run(el, (r) => r.querySelector("h2").textContent), "¿Cuánto costará un tratamiento en Harbor Light Ketamine & TMS Clinic (sample)?");
  await page.$eval(el, (e) => e.setAttribute("lang", "en"));
  await until(el, (r) => r.querySelector("h2")?.textContent?.startsWith("What will a course cost") && r.getElementById("head")?.textContent !== "");
  assert.match(await run(el, text("head")), /^You pay \$[\d,]+\.\d\d over 12 months$/);
  // The element's own files: embed.js and the wasm beside it (and the host's page and sheet).
  const own = [...new Set(requests.map((r) => new URL(r.url()).pathname))].filter((x) => !["/lab.html", "/clinic.sample.json"].includes(x)).sort();
  assert.deepEqual(own, ["/embed.js", "/pkg/coursecost_bg.wasm"]);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("one keystroke draws the answer once, after any number of attribute changes", { timeout: 60_000 }, async () => {
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="clinic.sample.json" treatment="tms"></coursecost-estimate>'),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until, click, type } = await inside(page);
  const el = "coursecost-estimate";
  // 20 changes, each drawn before the next.
  for (let i = 0; i < 20; i += 1) {
    const want = i % 2 ? "tms" : "ect";
    await page.$eval(el, (e, w) => e.setAttribute("treatment", w), want);
    await until(el, (r, w) => r.querySelector("input[name=t]:checked")?.value === w && r.getElementById("head")?.textContent !== "", want);
  }
  await click(el, 'input[value="insured"]');
  await until(el, (r) => r.getElementById("ded").value !== "");
  await type(el, "#ded", "100");
  // Count the answers drawn for one more key: each draw replaces the headline's contents.
  await run(el, (r) => {
    r.draws = 0;
    new MutationObserver((records) => (r.draws += records.filter((x) => x.removedNodes.length).length)).observe(r.getElementById("head"), { childList: true });
  });
  await page.keyboard.type("0");
  assert.equal(await run(el, (r) => r.getElementById("ded").value), "1000");
  assert.equal(await run(el, (r) => r.draws), 1);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a typical plan is the catalogue's whole coverage: Part D's own pharmacy deductible, 25 % and $2,100 cap", { timeout: 60_000 }, async () => {
  const drug = { name: "Drug clinic", currency: "USD", treatments: [{ id: "drug", name: "A drug", phases: [{ name: "Doses", every: { weeks: 1 }, sessions: 10, price: 100000, benefit: "pharmacy" }] }] };
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="drug.json"></coursecost-estimate>', { "drug.json": drug }),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until, click } = await inside(page);
  const el = "coursecost-estimate";
  // Ten weekly doses from Monday 4 January 2027: all in plan year 2027.
  await run(el, (r) => {
    const start = r.getElementById("start");
    start.value = "2027-01-04";
    start.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await click(el, 'input[value="insured"]');
  await until(el, (r) => r.querySelector("input[name=ex]") !== null && !r.getElementById("ins").hidden);
  await click(el, 'input[value="medicare-part-b-part-d"]');
  // The catalogue's Part D example: Part B ($283, 20 %, no cap) and a Part D pharmacy benefit ($615, 25 %, $2,100 cap).
  const partD = catalogue.coverageExamples.find((x) => x.id === "medicare-part-b-part-d");
  assert.deepEqual(partD.coverage.pharmacy, { deductible: 61500, coinsurance: 25, outOfPocketMax: 210000 });
  // By hand: 10 doses × $1,000.00, all on the pharmacy benefit, in one plan year.
  //   dose 1: the $615.00 deductible + 25 % of the other $385.00 ($96.25) = $711.25;
  //   doses 2–6: 25 % × $1,000.00 = $250.00 each, $1,961.25 in all;
  //   dose 7: $250.00 would pass the $2,100.00 cap: $138.75; doses 8–10: $0.
  //   You pay $2,100.00. (Part B's three numbers alone, $283 then 20 % with no cap,
  //   would be $283.00 + 20 % × $9,717.00 = $2,226.40.)
  await until(el, (r) => /Medicare Part B with a Part D drug plan/.test(r.getElementById("assumes").textContent));
  assert.equal(await run(el, text("head")), "You pay $2,100.00 over 12 months");
  // The fields show its medical numbers: $283.00, 20 %, no out-of-pocket maximum.
  assert.deepEqual(await run(el, (r) => [r.getElementById("ded").value, r.getElementById("co").value, r.getElementById("no-oop").checked]), ["283.00", "20", true]);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("in a sheet not in US dollars the typical plans (US plans, in US dollars) are not offered", { timeout: 60_000 }, async () => {
  // Two weekly sessions at ¥10,000.
  const yen = weekly("Tokyo clinic", { t: [2, 10000] }, "JPY");
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="yen.json"></coursecost-estimate>', { "yen.json": yen }),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until, click, type } = await inside(page);
  const el = "coursecost-estimate";
  assert.equal(await run(el, text("head")), "You pay ¥20,000 over 12 months");
  await click(el, 'input[value="insured"]');
  await until(el, (r) => !r.getElementById("ins").hidden);
  assert.deepEqual(await run(el, (r) => [r.querySelectorAll("input[name=ex]").length, r.getElementById("ded").value, r.getElementById("oop").value]), [0, "", ""]);
  assert.match(await run(el, text("ded-error")), /Enter your deductible/);
  // The visitor's own plan: a ¥30,000 deductible covers both sessions' ¥20,000.
  await type(el, "#ded", "30000");
  await type(el, "#co", "30");
  await click(el, "#no-oop");
  await until(el, (r) => r.getElementById("no-oop").checked && /plan's numbers/.test(r.getElementById("assumes").textContent));
  assert.equal(await run(el, text("head")), "You pay ¥20,000 over 12 months");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("every bad sheet says the element could not read the clinic's prices, and throws nothing", { timeout: 60_000 }, async () => {
  const copy = () => JSON.parse(JSON.stringify(sheet));
  const edit = (f) => {
    const s = copy();
    f(s);
    return s;
  };
  const bad = {
    "lower-currency.json": edit((s) => (s.currency = "usd")),
    "phases-object.json": edit((s) => (s.treatments[1].phases = { first: s.treatments[1].phases[0] })),
    "price-text.json": edit((s) => (s.treatments[0].phases[0].price = "550.00")),
    "name-number.json": edit((s) => (s.treatments[2].name = 5)),
    "clinic-object.json": edit((s) => (s.name = { en: "Harbor Light" })),
    "treatments-object.json": edit((s) => (s.treatments = { tms: s.treatments[2] })),
    "treatment-null.json": edit((s) => (s.treatments[3] = null)),
    "no-treatments.json": edit((s) => (s.treatments = [])),
    "same-id.json": edit((s) => (s.treatments[1].id = "tms")),
    "not-json.json": "{ \"name\": \"Harbor Light\", ",
    "array.json": [],
  };
  const cases = [...Object.keys(bad), "missing.json", "unreachable.json"];
  const body = cases.map((f, i) => `<coursecost-estimate id="e${i}" sheet="${f}"></coursecost-estimate>`).join("");
  const { page, context, problems } = await open(browser, base, "lab.html", {
    // missing.json: the server's 404; unreachable.json: the request fails.
    setup: lab(body, bad, (c) => c.route(`${base}unreachable.json`, (route) => route.abort("connectionrefused"))),
    allow: (message) => /Failed to load resource/.test(message),
  });
  const { run, until } = await inside(page);
  // An error thrown in the page ends the wait: an element it stopped may never say anything.
  const thrown = new Promise((resolve) => page.on("pageerror", resolve)).then((e) => assert.fail(`thrown in the page: ${e.message}`));
  const said = {};
  for (const [i, f] of cases.entries()) {
    await Promise.race([thrown, until(`#e${i}`, (r) => r.querySelector("h2") !== null || r.querySelector("[role=status]")?.textContent !== "…")]);
    said[f] = await run(`#e${i}`, title);
  }
  assert.deepEqual(said, Object.fromEntries(cases.map((f) => [f, NO_SHEET])));
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("host scripts cannot read what the visitor types: the shadow root is closed (key presses they can hear, as the README says)", { timeout: 60_000 }, async () => {
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="clinic.sample.json"></coursecost-estimate>'),
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { until, click, type } = await inside(page);
  const el = "coursecost-estimate";
  await page.evaluate(() => {
    window.heard = "";
    window.inputs = { data: "", targets: new Set() };
    document.addEventListener("keydown", (e) => (window.heard += e.key.length === 1 && !e.ctrlKey && !e.metaKey ? e.key : ""), true);
    document.addEventListener("input", (e) => {
      window.inputs.data += e.data ?? "";
      window.inputs.targets.add(e.composedPath()[0].localName);
    }, true);
  });
  await click(el, 'input[value="insured"]');
  await until(el, (r) => r.getElementById("ded").value !== "");
  await type(el, "#ded", "98765");
  await until(el, (r) => r.getElementById("ded").value === "98765");
  const seen = await page.evaluate(() => {
    const e = document.querySelector("coursecost-estimate");
    return {
      shadowRoot: e.shadowRoot, children: e.children.length, inputs: document.querySelectorAll("input").length,
      typed: document.documentElement.outerHTML.includes("98765"), heard: window.heard,
      input: [window.inputs.data, [...window.inputs.targets]],
    };
  });
  // What the README says a host can still hear: the keys and the text typed, from the element as a whole.
  assert.deepEqual(seen, { shadowRoot: null, children: 0, inputs: 0, typed: false, heard: "98765", input: ["98765", ["coursecost-estimate"]] });
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a framework's props: the sheet as an object (also set before the element is defined), the treatment as a property, and host CSS that sizes and places it", { timeout: 60_000 }, async () => {
  // One: 4 weekly sessions at $100.00 = $400.00; Two: 3 at $200.00 = $600.00, or (walk) 2 at $50.00 = $100.00.
  const one = weekly("Clinic One", { talk: [4, 10000] });
  const two = weekly("Clinic Two", { talk: [3, 20000], walk: [2, 5000] });
  // The property is set by a script that runs before embed.js defines the element.
  const body = `<style>coursecost-estimate { width: 320px; margin-left: 40px; }</style><coursecost-estimate id="x"></coursecost-estimate>
    <script>document.getElementById("x").sheet = ${JSON.stringify(one)};</script>`;
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab(body), width: 800, height: 900,
    ready: () => document.querySelector("coursecost-estimate").dataset.complete === "true",
  });
  const { run, until } = await inside(page);
  const el = "coursecost-estimate";
  assert.equal(await run(el, text("head")), "You pay $400.00 over 12 months");
  // A new object redraws; the host changing its object afterwards changes nothing drawn.
  await page.$eval(el, (e, s) => {
    e.sheet = s;
    s.name = "Changed afterwards";
  }, two);
  await until(el, (r) => r.querySelector("h2")?.textContent === "What will a course cost at Clinic Two?" && r.getElementById("head")?.textContent !== "");
  assert.equal(await run(el, text("head")), "You pay $600.00 over 12 months");
  await page.$eval(el, (e) => (e.treatment = "walk"));
  assert.equal(await page.$eval(el, (e) => e.getAttribute("treatment")), "walk");
  await until(el, (r) => r.querySelector("input[name=t]:checked")?.value === "walk" && r.getElementById("head")?.textContent === "You pay $100.00 over 12 months");
  // The host's CSS sizes and places the element: 320 px wide, 40 px in from the body's 8 px margin.
  assert.deepEqual(await page.$eval(el, (e) => { const r = e.getBoundingClientRect(); return [r.width, r.x]; }), [320, 48]);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("an engine that cannot be fetched is said in the element, not left as “…”", { timeout: 60_000 }, async () => {
  const { page, context, problems } = await open(browser, base, "lab.html", {
    setup: lab('<coursecost-estimate sheet="clinic.sample.json"></coursecost-estimate>', {}, (c) => c.route(`${base}pkg/coursecost_bg.wasm`, (route) => route.fulfill({ status: 404, body: "" }))),
    allow: (msg) => /404|Failed to load|WebAssembly|wasm/i.test(msg),
  });
  const { until, run } = await inside(page);
  await until("coursecost-estimate", (r) => /could not load its engine/.test(r.textContent));
  assert.equal(await run("coursecost-estimate", (r) => r.querySelector("[role=status]").textContent), `This estimator could not load its engine (${base}pkg/coursecost_bg.wasm): it must be served beside embed.js.`);
  assert.deepEqual(await problems(), []);
  await context.close();
});
