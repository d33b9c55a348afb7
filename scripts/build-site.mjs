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
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
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

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
await build({
  entryPoints: [join(www, "app.js"), join(www, "quote.js"), join(www, "editor.js")],
  outdir: out,
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: "linked",
  target: "es2022",
  plugins: [pkgFromRoot],
  logLevel: "warning",
});
// clinic.json is the staff view's price sheet: `null` (none) as shipped; a
// clinic replaces it with its own sheet.
for (const f of ["index.html", "quote.html", "style.css", "clinic.sample.json", "clinic.json"]) copyFileSync(join(www, f), join(out, f));
// The price sheet editor, and the sample price list it documents.
for (const f of ["editor.html", "editor.css", "pricelist.sample.csv"]) copyFileSync(join(www, f), join(out, f));
for (const f of ["coursecost_bg.wasm", "coursecost_staff_bg.wasm"]) copyFileSync(join(root, "pkg", f), join(out, "pkg", f));
