// What a browser downloads for each page of the built site (target/site/,
// `make site`), for the size budgets (tests/node/package.test.mjs) and
// BENCHMARKS.md (scripts/bench.mjs). Each page's module is a bundle of its
// modules, the package's JavaScript and (the visitor page) the catalogue.

/** The visitor page: HTML, CSS, its module and the engine's wasm. */
export const visitorPage = ["index.html", "style.css", "app.js", "pkg/coursecost_bg.wasm"].map((f) => `target/site/${f}`);

/** The staff view: HTML, CSS, its module, the engine's worker and the staff engine's wasm. */
export const staffPage = ["quote.html", "style.css", "staff.css", "quote.js", "quote-worker.js", "pkg/coursecost_staff_bg.wasm"].map((f) => `target/site/${f}`);

/**
 * What the visitor page downloads only when a visitor asks for it, by what
 * they ask for: the first screen needs none of it.
 */
export const visitorOnRequest = {
  "Español (es.js: the words and the catalogue's Spanish texts)": ["es.js"],
  "the catalogue's notes, the assumptions and what was entered (notes.js: opened, downloaded or printed)": ["notes.js"],
  "the words for what to fix (problems.js: the first problem)": ["problems.js"],
  "the payment plan (financing.js: paying in instalments)": ["financing.js"],
  "the typical insurance plans (examples.js: insurance pays part)": ["examples.js"],
};
for (const files of Object.values(visitorOnRequest)) files.forEach((f, i) => (files[i] = `target/site/${f}`));

/**
 * The embed's own code: `<coursecost-estimate>`'s one module, its styles
 * inside it (a constructed stylesheet), the engine's JavaScript glue and the
 * typical insurance plans. It also loads the engine's wasm, the same file as
 * the visitor page (`embedWasm`), which its budget does not count.
 */
export const embed = ["embed.js"].map((f) => `target/site/${f}`);
export const embedWasm = ["pkg/coursecost_bg.wasm"].map((f) => `target/site/${f}`);
