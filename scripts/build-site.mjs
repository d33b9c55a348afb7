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
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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
 * The catalogue in two parts: the visitor page's bundle gets it without its
 * Spanish texts (`es` is optional, so the engine validates it the same), and
 * es.js, which the page loads only when a visitor chooses Español, gets
 * those texts alone. An English visitor does not download Spanish.
 */
const catalogueByLanguage = {
  name: "catalogue",
  setup(b) {
    const data = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
    const freeze = "const freeze = (v) => { if (typeof v === \"object\" && v !== null) { for (const x of Object.values(v)) freeze(x); Object.freeze(v); } return v; };\n";
    const partFor = (importer) => (importer.endsWith("es.js") ? "es" : importer.endsWith("embed.js") ? "examples" : "en");
    b.onResolve({ filter: /catalogue\.js$/ }, (args) => ({ path: partFor(args.importer), namespace: "catalogue" }));
    b.onLoad({ filter: /.*/, namespace: "catalogue" }, ({ path }) => {
      const strip = ({ es, ...rest }) => (path === "es" ? { id: rest.id, es } : rest);
      // The embed needs only the typical insurance plans, in both languages.
      const part = path === "examples" ? { coverageExamples: data.coverageExamples ?? [] } : { ...(path === "es" ? {} : data), presets: data.presets.map(strip) };
      if (data.coverageExamples && path !== "examples") part.coverageExamples = data.coverageExamples.map(strip);
      // JSON.parse of a string: V8 reads this much data faster as JSON than as an object literal.
      return { contents: `${freeze}export default freeze(JSON.parse(${JSON.stringify(JSON.stringify(part))}));\n`, loader: "js" };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
await build({
  // The staff view's engine runs in a worker of its own (quote-worker.js);
  // its FHIR writer (fhir.js) is loaded only when a Bundle is downloaded.
  entryPoints: [join(www, "app.js"), join(www, "quote.js"), join(www, "quote-worker.js"), join(www, "fhir.js"), join(www, "editor.js"), join(www, "es.js"), join(www, "embed.js"), join(www, "bare.js")],
  outdir: out,
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: "linked",
  target: "es2022",
  plugins: [catalogueByLanguage, pkgFromRoot],
  logLevel: "warning",
});
// clinic.json is the staff view's price sheet: `null` (none) as shipped; a
// clinic replaces it with its own sheet.
for (const f of ["index.html", "quote.html", "style.css", "clinic.sample.json", "clinic.json"]) copyFileSync(join(www, f), join(out, f));
// The price sheet editor, and the sample price list it documents.
for (const f of ["staff.css", "editor.html", "editor.css", "pricelist.sample.csv"]) copyFileSync(join(www, f), join(out, f));
// The embed's hostile host page (tests/browser/embed.test.mjs drives it).
for (const f of ["embed-demo.html", "embed-demo.css"]) copyFileSync(join(www, f), join(out, f));
// make bench's baseline: the same wasm and one formatted amount.
copyFileSync(join(www, "bare.html"), join(out, "bare.html"));
for (const f of ["coursecost_bg.wasm", "coursecost_staff_bg.wasm"]) copyFileSync(join(root, "pkg", f), join(out, "pkg", f));
