// Builds the static site into target/site/ from www/ and the npm package in
// pkg/: each page's modules (and the package's JavaScript and catalogue)
// bundled into one minified module, the HTML, CSS and price sheets copied,
// and the two wasm files under pkg/. `make serve` and the browser tests
// serve this directory. The sources live in one folder per product
// (www/visitor, www/staff, www/editor, www/embed) over www/shared; the site
// is flat, so every page keeps its address. `make bench`'s baseline page
// (benches/page/) is built beside it into target/bench/, outside the site.
//
// Why a bundle: on a fresh load the page fetched eleven files, discovered in
// three rounds of imports (modulepreload made it one round, but six
// connections still queue them); one module and one wasm cut the time to
// the first estimate (BENCHMARKS.md). The sources stay plain ES modules
// that run unbundled; source maps point back to them.
import { build, transformSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { optimise } from "./wasm-opt.mjs";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const out = join(root, "target/site");
const bench = join(root, "target/bench");

/** The pages import the package as `./pkg/…` (where the server puts it). */
const pkgFromRoot = {
  name: "pkg",
  setup(b) {
    b.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(root, args.path) }));
  },
};

/**
 * The catalogue in parts, so a page downloads only the texts it shows. A
 * module says which part it imports in the import itself
 * (`./pkg/catalogue.js?part=notes`); unbundled, the query is ignored and the
 * whole catalogue loads, which holds every part:
 *  - `page` (no query: the visitor page's bundle, through the package's
 *    index.js): the plans, names and optional fees the estimate needs, and
 *    the typical insurance plans' ids; nothing the page does not read
 *    (`UNREAD`), no Spanish (`es` is optional, so the
 *    engine validates the plans the same) and none of the texts below;
 *  - `typical` (examples.js, loaded when a visitor says insurance pays
 *    part): the typical insurance plans' names, summaries and coverage;
 *  - `notes` (notes.js, loaded when a visitor opens "What it is" or
 *    "Assumptions and sources", downloads or prints): each preset's summary,
 *    assumptions, sources, review date and what one session costs in all;
 *  - `es` (es.js, loaded when a visitor chooses Español): the Spanish texts;
 *  - `examples` (the embed): the typical insurance plans in both languages.
 */
const NOTES = ["summary", "assumptions", "sources", "reviewed", "sessionCost"];
/** What the visitor page does not read of a preset (the tests read it natively). */
const UNREAD = ["expectedWarnings"];
const catalogueParts = {
  name: "catalogue",
  setup(b) {
    const data = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
    const freeze = "const freeze = (v) => { if (typeof v === \"object\" && v !== null) { for (const x of Object.values(v)) freeze(x); Object.freeze(v); } return v; };\n";
    const pick = (x, keys) => Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]]));
    const omit = (x, keys) => Object.fromEntries(Object.entries(x).filter(([k]) => !keys.includes(k)));
    const parts = {
      page: () => ({ presets: data.presets.map((p) => omit(p, ["es", ...NOTES, ...UNREAD])), coverageExamples: (data.coverageExamples ?? []).map((x) => pick(x, ["id"])) }),
      typical: () => ({ coverageExamples: (data.coverageExamples ?? []).map((x) => omit(x, ["es", "sources"])) }),
      notes: () => ({ presets: data.presets.map((p) => pick(p, ["id", ...NOTES])) }),
      es: () => ({ presets: data.presets.map((p) => pick(p, ["id", "es"])), coverageExamples: (data.coverageExamples ?? []).map((x) => pick(x, ["id", "es"])) }),
      examples: () => ({ coverageExamples: data.coverageExamples ?? [] }),
    };
    b.onResolve({ filter: /catalogue\.js(\?part=\w+)?$/ }, (args) => {
      const part = /\?part=(\w+)$/.exec(args.path)?.[1] ?? "page";
      if (!parts[part]) return { errors: [{ text: `no catalogue part "${part}" (${Object.keys(parts).join(", ")})` }] };
      return { path: part, namespace: "catalogue" };
    });
    b.onLoad({ filter: /.*/, namespace: "catalogue" }, ({ path }) => ({
      // JSON.parse of a string: V8 reads this much data faster as JSON than as an object literal.
      contents: `${freeze}export default freeze(JSON.parse(${JSON.stringify(JSON.stringify(parts[path]()))}));\n`,
      loader: "js",
    }));
  },
};

rmSync(out, { recursive: true, force: true });
rmSync(bench, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
mkdirSync(join(bench, "pkg"), { recursive: true });
/** Each module the site serves, by its name there: the pages' own and the on-request ones. */
const modules = {
  app: "visitor/app.js", notes: "visitor/notes.js", financing: "visitor/financing.js", examples: "visitor/examples.js",
  es: "shared/es.js", problems: "shared/problems.js",
  // The staff view's engine runs in a worker of its own (quote-worker.js,
  // the sheet editor's too); its FHIR writer (fhir.js) is loaded only when
  // a Bundle is downloaded, its re-issue comparison (reissue.js) when a
  // saved estimate is opened.
  quote: "staff/quote.js", "quote-worker": "shared/quote-worker.js", fhir: "staff/fhir.js", reissue: "staff/reissue.js",
  editor: "editor/editor.js", embed: "embed/embed.js",
};
const options = { bundle: true, format: "esm", minify: true, sourcemap: "linked", target: "es2022", plugins: [catalogueParts, pkgFromRoot], logLevel: "warning" };
await build({ ...options, entryPoints: Object.fromEntries(Object.entries(modules).map(([name, file]) => [name, join(www, file)])), outdir: out });
await build({ ...options, entryPoints: { bare: join(root, "benches/page/bare.js") }, outdir: bench });
// The pages and their styles, minified: the CSS by esbuild, the HTML
// without its comments and indentation (none of these pages has a <pre> or
// a <textarea>, where whitespace would show).
const minified = {
  css: (text) => transformSync(text, { loader: "css", minify: true }).code,
  html: (text) => text.replace(/<!--[\s\S]*?-->/g, "").replace(/\n\s+/g, "\n"),
};
const pages = ["visitor/index.html", "staff/quote.html", "editor/editor.html", "shared/style.css", "staff/staff.css", "editor/editor.css"];
for (const f of pages) writeFileSync(join(out, basename(f)), minified[f.split(".").pop()](readFileSync(join(www, f), "utf8")));
// clinic.json is the staff view's price sheet: `null` (none) as shipped; a
// clinic replaces it with its own sheet. The price sheet editor documents
// the sample price list. The embed's hostile host page is what
// tests/browser/embed.test.mjs drives.
const files = ["staff/clinic.sample.json", "staff/clinic.json", "editor/pricelist.sample.csv", "embed/embed-demo.html", "embed/embed-demo.css"];
for (const f of files) copyFileSync(join(www, f), join(out, basename(f)));
// The engine the visitor page and the embed load: the page's own build
// (target/wasm/coursecost_page.wasm, without the "did you mean" suggestions
// the pages never show), bound by wasm-bindgen to exactly the package's
// glue, which the page's module bundles: a build whose glue differs is refused.
const page = join(root, "target/wasm/page");
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", page, "--out-name", "coursecost", join(root, "target/wasm/coursecost_page.wasm")], { stdio: "inherit" });
if (readFileSync(join(page, "coursecost.js"), "utf8") !== readFileSync(join(root, "pkg/coursecost.js"), "utf8")) {
  throw new Error("the page's engine has other exports or imports than the package's: its glue differs from pkg/coursecost.js");
}
optimise(join(page, "coursecost_bg.wasm"));
copyFileSync(join(page, "coursecost_bg.wasm"), join(out, "pkg/coursecost_bg.wasm"));
copyFileSync(join(root, "pkg/coursecost_staff_bg.wasm"), join(out, "pkg/coursecost_staff_bg.wasm"));
// make bench's baseline: the same wasm and one formatted amount, served at /bench/ (scripts/serve.mjs --bench).
copyFileSync(join(root, "benches/page/bare.html"), join(bench, "bare.html"));
copyFileSync(join(page, "coursecost_bg.wasm"), join(bench, "pkg/coursecost_bg.wasm"));
