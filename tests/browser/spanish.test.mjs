// Spanish everywhere: the visitor page walked through its states in Spanish
// (every treatment; self-pay and insured with every insurance term of
// contract version 3; a savings programme, instalments, a comparison; a
// field to fix; the notes, every ledger line's "why" and the print), and
// no English word left on screen or on paper outside proper names.
//
// What counts as English: every word of the page's English texts (its
// words files, index.html, the modules' own words, the catalogue's English
// names and texts) that its Spanish texts never use. So a text left in
// English, or a value shown raw ("in", "commercial"), fails the test. The
// titles of the sources cited are left out: they are the works' own names.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, start, open as openPage } from "./harness.mjs";
import en from "../../www/shared/en.js";
import { words as detailWords } from "../../www/visitor/details.js";
import { words as financingWords } from "../../www/visitor/financing.js";
import { words as entryWords } from "../../www/shared/entries.js";
import { words as problemWords } from "../../www/shared/problems.js";
import { words as assumptionWords } from "../../www/visitor/assumptions.js";

const { default: es } = await import(pathToFileURL(join(root, "target/site/es.js")));
const catalogue = (await import(pathToFileURL(join(root, "pkg/catalogue.js")))).default;

/**
 * Proper names, codes and units that are the same in both languages, and
 * "may", Spanish's short name of "mayo" (as Intl writes it on the chart).
 */
const PROPER = new Set(["may", "english", "español", "medicare", "medicaid", "tricare", "spravato", "carepath", "janssen", "ketamine", "esketamine", "tms", "ect", "usd", "apr",
  "kff", "cms", "ahrq", "meps", "bls", "kpmg", "abn", "ndc", "medigap", "rems", "fda", "hcp", "optum", "thervo", "coursecost"]);

/** Every string in `x` (functions called with sample arguments), recursively. */
function strings(x, out = []) {
  if (typeof x === "string") out.push(x);
  else if (typeof x === "function") {
    try {
      strings(x("X", 2, "Y", "Z"), out);
    } catch {
      // A function that needs real arguments: its words are elsewhere too.
    }
  } else if (Array.isArray(x)) x.forEach((v) => strings(v, out));
  else if (x && typeof x === "object") Object.values(x).forEach((v) => strings(v, out));
  return out;
}
const tokens = (text) => text.toLowerCase().match(/[a-záéíóúñü]{3,}/g) ?? [];
const html = readFileSync(join(root, "www/visitor/index.html"), "utf8").replace(/<(script|style)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ");
const englishTexts = [...strings([en, detailWords, financingWords, entryWords, problemWords, assumptionWords]), html,
  ...strings(catalogue.presets.map((p) => [p.name, p.summary, p.assumptions, p.plan.phases.map((x) => x.name), (p.plan.fees ?? []).map((f) => f.name), (p.optionalFees ?? []).map((f) => f.name)])),
  ...strings((catalogue.coverageExamples ?? []).map((x) => [x.name, x.summary]))];
const spanishTexts = [...strings(es), ...strings(catalogue.presets.map((p) => p.es)), ...strings((catalogue.coverageExamples ?? []).map((x) => x.es))];
const spanish = new Set(spanishTexts.flatMap(tokens));
/** Words only the English texts use. */
const ENGLISH = new Set(englishTexts.flatMap(tokens).filter((w) => !spanish.has(w) && !PROPER.has(w)));

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

/** The English words in `text`, each with a little of what surrounds it. */
const english = (text) => [...new Set(tokens(text).filter((w) => ENGLISH.has(w)))].map((w) => {
  const at = new RegExp(`(?<![a-záéíóúñü])${w}(?![a-záéíóúñü])`).exec(text.toLowerCase()).index;
  return `${w}: “…${text.slice(Math.max(0, at - 40), at + w.length + 20).replace(/\s+/g, " ")}…”`;
});

/** Opens `hash` in Spanish with every "why", the notes and the assumptions open; its screen text and its printed text. */
async function walk(hash, size = { width: 390, height: 844 }) {
  const { page, context, problems } = await openPage(browser, base, `#lang=es&${hash}`, {
    ...size, ready: () => document.documentElement.lang === "es" && (document.getElementById("answer").dataset.complete === "true" || document.querySelector("#status.stale") !== null),
  });
  for (const id of ["about", "notes"]) await page.$eval(`#${id}`, (d) => (d.open = true));
  await page.waitForFunction(() => document.querySelectorAll("#assumptions li").length > 0 || document.querySelector("#status.stale") !== null);
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  // The sources are the titles of the works cited, in their own language.
  await page.$eval("#sources", (s) => s.replaceChildren());
  const screen = await page.$eval("body", (b) => b.innerText);
  await page.emulateMedia({ media: "print" });
  const paper = await page.$eval("body", (b) => b.innerText);
  const found = await problems();
  await context.close();
  return { screen, paper, problems: found };
}

test("the English-word check sees an English word and passes Spanish and proper names", () => {
  // Worked by hand: "session" and "pay" are only in the English texts; "sesión", "Medicare" and "TMS" are not English-only.
  assert.deepEqual(english("Usted paga una sesión de TMS con Medicare").length, 0);
  assert.equal(english("Usted pay una session").length, 2);
  assert.ok(ENGLISH.size > 300, `${ENGLISH.size} English-only words`);
});

const INSURED = "pay=insured&deductible=500&coinsurance=20&oop-max=3000&year-month=7&fam-on=1&fam-deductible=1000&fam-met=100&fam-oop=6000&claims=1&limit-on=1&limit-sessions=3&beyond=clinic&fin-on=1&fin-apr=5&compare=tms,ect";

for (const p of catalogue.presets) {
  test(`Spanish only: ${p.id}, self-pay and insured with every term, the notes, the ledger's reasons and the print`, async () => {
    for (const hash of [`treatment=${p.id}&start=2026-03-02`, `treatment=${p.id}&start=2026-03-02&${INSURED}`]) {
      const { screen, paper, problems } = await walk(hash);
      assert.deepEqual(english(screen), [], `${hash}: on screen`);
      assert.deepEqual(english(paper), [], `${hash}: printed`);
      assert.deepEqual(problems, []);
    }
  });
}

test("Spanish only: a copay after the deductible, a typical plan, an own programme, and a field to fix", async () => {
  for (const hash of ["treatment=tms&start=2026-03-02&pay=insured&deductible=500&copay=30&copay-after=1&copay-visit=1&no-oop=1&assist-on=1&assist-at-most=10&assist-max=100",
    "treatment=esketamine&start=2026-03-02&pay=insured&example=medicare-part-b",
    "treatment=iv-ketamine&start=2026-03-02&price=abc"]) {
    const { screen, problems } = await walk(hash, { width: 1280, height: 800 });
    assert.deepEqual(english(screen), [], hash);
    assert.deepEqual(problems, []);
  }
});
