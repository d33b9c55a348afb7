// What a browser downloads for each page of the built site (target/site/,
// `make site`), for the size budgets (tests/node/package.test.mjs) and
// BENCHMARKS.md (scripts/bench.mjs). Each page's module is a bundle of its
// modules, the package's JavaScript and (the visitor page) the catalogue.

import { readFileSync } from "node:fs";

/**
 * Each visitor module's file and the chunks it imports (code shared by two
 * of the page's modules), as the build wrote them.
 */
const visitorFiles = JSON.parse(readFileSync(new URL("../target/visitor-files.json", import.meta.url), "utf8"));
const site = (f) => `target/site/${f}`;
/** The files a visitor module brings that the first screen does not. */
const beyondFirst = (name) => visitorFiles[name].filter((f) => !visitorFiles.app.includes(f)).map(site);

/** The visitor page: HTML, CSS, its module (and the chunks it imports) and the engine's wasm. */
export const visitorPage = ["index.html", "style.css", ...visitorFiles.app, "pkg/coursecost_bg.wasm"].map(site);

/** The staff view: HTML, CSS, its module, the engine's worker and the staff engine's wasm. */
export const staffPage = ["quote.html", "style.css", "staff.css", "quote.js", "quote-worker.js", "pkg/coursecost_staff_bg.wasm"].map((f) => `target/site/${f}`);

/**
 * What the visitor page downloads once its first estimate is painted (the
 * detail), or only when a visitor asks for it, by what they ask for: the
 * first screen needs none of it.
 */
export const visitorOnRequest = {
  "the detail (rest.html: the form and the footer; details.js: the calendar, the ledger and why each amount, the tables, the charts; loaded once the first estimate is painted)": [site("rest.html"), ...beyondFirst("details")],
  "Español (es.js: the words and the catalogue's Spanish texts)": beyondFirst("es"),
  "the catalogue's notes, the assumptions and what was entered (notes.js: opened, downloaded or printed)": beyondFirst("notes"),
  "the words for what to fix (problems.js: the first problem)": beyondFirst("problems"),
  "the payment plan (financing.js: paying in instalments)": beyondFirst("financing"),
  "the typical insurance plans (examples.js: insurance pays part)": beyondFirst("examples"),
};

/**
 * The embed's own code: `<coursecost-estimate>`'s one module, its styles
 * inside it (a constructed stylesheet), the engine's JavaScript glue and the
 * typical insurance plans. It also loads the engine's wasm, the same file as
 * the visitor page (`embedWasm`), which its budget does not count.
 */
export const embed = ["embed.js"].map((f) => `target/site/${f}`);
export const embedWasm = ["pkg/coursecost_bg.wasm"].map((f) => `target/site/${f}`);
