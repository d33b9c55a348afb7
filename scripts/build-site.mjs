// Builds the static site into target/site/ from www/ and the npm package in
// pkg/: each page's modules (and the package's JavaScript and catalogue)
// bundled into one minified module, the HTML, CSS and price sheets copied,
// and the two wasm files under pkg/. `make serve` and the browser tests
// serve this directory.
//
// Why a bundle: on a fresh load the page fetched eleven files, discovered in
// three rounds of imports (modulepreload made it one round, but six
// connections still queue them); one module and one wasm cut the time to
// the first estimate (BENCHMARKS.md). The sources stay plain ES modules
// that run unbundled; source maps point back to them.
import { build, transformSync } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const out = join(root, "target/site");

/** The pages import the package as `./pkg/…` (where the server puts it). */
const pkgFromRoot = {
  name: "pkg",
  setup(b) {
    b.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(root, args.path) }));
  },
};

/**
 * The catalogue in parts, so a page downloads only the texts it shows:
 *  - `page` (the visitor page's bundle): the plans, names and optional fees
 *    the estimate needs, and the typical insurance plans' names, summaries
 *    and coverage; no Spanish (`es` is optional, so the engine validates the
 *    plans the same) and none of the texts below;
 *  - `notes` (notes.js, loaded when a visitor opens "What it is" or
 *    "Assumptions and sources", downloads or prints): each preset's summary,
 *    assumptions, sources, review date and what one session costs in all;
 *  - `es` (es.js, loaded when a visitor chooses Español): the Spanish texts;
 *  - `examples` (the embed): the typical insurance plans in both languages.
 */
const NOTES = ["summary", "assumptions", "sources", "reviewed", "sessionCost"];
const catalogueParts = {
  name: "catalogue",
  setup(b) {
    const data = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
    const freeze = "const freeze = (v) => { if (typeof v === \"object\" && v !== null) { for (const x of Object.values(v)) freeze(x); Object.freeze(v); } return v; };\n";
    const pick = (x, keys) => Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]]));
    const omit = (x, keys) => Object.fromEntries(Object.entries(x).filter(([k]) => !keys.includes(k)));
    const parts = {
      page: () => ({ presets: data.presets.map((p) => omit(p, ["es", ...NOTES])), coverageExamples: (data.coverageExamples ?? []).map((x) => omit(x, ["es", "sources"])) }),
      notes: () => ({ presets: data.presets.map((p) => pick(p, ["id", ...NOTES])) }),
      es: () => ({ presets: data.presets.map((p) => pick(p, ["id", "es"])), coverageExamples: (data.coverageExamples ?? []).map((x) => pick(x, ["id", "es"])) }),
      examples: () => ({ coverageExamples: data.coverageExamples ?? [] }),
    };
    const partFor = (importer) => (/[\\/](es|notes|embed)\.js$/.exec(importer)?.[1]?.replace("embed", "examples") ?? "page");
    b.onResolve({ filter: /catalogue\.js$/ }, (args) => ({ path: partFor(args.importer), namespace: "catalogue" }));
    b.onLoad({ filter: /.*/, namespace: "catalogue" }, ({ path }) => ({
      // JSON.parse of a string: V8 reads this much data faster as JSON than as an object literal.
      contents: `${freeze}export default freeze(JSON.parse(${JSON.stringify(JSON.stringify(parts[path]()))}));\n`,
      loader: "js",
    }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
await build({
  // The staff view's engine runs in a worker of its own (quote-worker.js);
  // its FHIR writer (fhir.js) is loaded only when a Bundle is downloaded.
  entryPoints: [join(www, "app.js"), join(www, "quote.js"), join(www, "quote-worker.js"), join(www, "fhir.js"), join(www, "editor.js"), join(www, "es.js"), join(www, "notes.js"), join(www, "problems.js"), join(www, "financing.js"), join(www, "embed.js"), join(www, "bare.js")],
  outdir: out,
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: "linked",
  target: "es2022",
  plugins: [catalogueParts, pkgFromRoot],
  logLevel: "warning",
});
// The pages and their styles, minified: the CSS by esbuild, the HTML
// without its comments and indentation (none of these pages has a <pre> or
// a <textarea>, where whitespace would show).
const minified = {
  css: (text) => transformSync(text, { loader: "css", minify: true }).code,
  html: (text) => text.replace(/<!--[\s\S]*?-->/g, "").replace(/\n\s+/g, "\n"),
};
for (const f of ["index.html", "quote.html", "editor.html", "style.css", "staff.css", "editor.css"]) {
  writeFileSync(join(out, f), minified[f.split(".").pop()](readFileSync(join(www, f), "utf8")));
}
// clinic.json is the staff view's price sheet: `null` (none) as shipped; a
// clinic replaces it with its own sheet. The price sheet editor documents
// the sample price list.
for (const f of ["clinic.sample.json", "clinic.json", "pricelist.sample.csv"]) copyFileSync(join(www, f), join(out, f));
// The embed's hostile host page (tests/browser/embed.test.mjs drives it).
for (const f of ["embed-demo.html", "embed-demo.css"]) copyFileSync(join(www, f), join(out, f));
// make bench's baseline: the same wasm and one formatted amount.
copyFileSync(join(www, "bare.html"), join(out, "bare.html"));
for (const f of ["coursecost_bg.wasm", "coursecost_staff_bg.wasm"]) copyFileSync(join(root, "pkg", f), join(out, "pkg", f));
