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
import { bundling } from "./bundle.mjs";
import { execFileSync } from "node:child_process";
import { optimise } from "./wasm-opt.mjs";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const out = join(root, "target/site");
const bench = join(root, "target/bench");

rmSync(out, { recursive: true, force: true });
rmSync(bench, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
mkdirSync(join(bench, "pkg"), { recursive: true });
/**
 * The visitor page's modules, by their names in the site: its own (app.js)
 * and those it loads after the first estimate is painted (details.js) or
 * when a visitor asks for what they hold. They are built together with
 * code splitting, so what two of them share is one chunk (`v-<hash>.js`)
 * that both import, and no module is downloaded twice; index.html preloads
 * the chunks app.js imports. The build's metafile (target/visitor-files.json)
 * says which files each module needs (scripts/page-files.mjs).
 */
const visitorModules = {
  app: "visitor/app.js", details: "visitor/details.js", notes: "visitor/notes.js", financing: "visitor/financing.js", examples: "visitor/examples.js",
  es: "shared/es.js", problems: "shared/problems.js",
};
/** The other pages' modules, each one bundle. */
const modules = {
  // The staff view's engine runs in a worker of its own (quote-worker.js,
  // the sheet editor's too); its FHIR writer (fhir.js) is loaded only when
  // a Bundle is downloaded, its re-issue comparison (reissue.js) when a
  // saved estimate is opened.
  quote: "staff/quote.js", "quote-worker": "shared/quote-worker.js", fhir: "staff/fhir.js", reissue: "staff/reissue.js",
  editor: "editor/editor.js", embed: "embed/embed.js",
};
const options = bundling(root);
const entries = (list) => Object.fromEntries(Object.entries(list).map(([name, file]) => [name, join(www, file)]));
await build({ ...options, entryPoints: entries(modules), outdir: out });
const visitor = await build({ ...options, entryPoints: entries(visitorModules), outdir: out, splitting: true, chunkNames: "v-[hash]", metafile: true });
/** Each visitor module's file and the chunks it imports, by the module's name. */
const visitorFiles = {};
for (const [file, o] of Object.entries(visitor.metafile.outputs)) {
  if (!o.entryPoint || file.endsWith(".map")) continue;
  const name = Object.entries(visitorModules).find(([, f]) => o.entryPoint.endsWith(f))?.[0];
  visitorFiles[name] = [basename(file), ...o.imports.filter((i) => i.kind === "import-statement").map((i) => basename(i.path))];
}
writeFileSync(join(root, "target/visitor-files.json"), `${JSON.stringify(visitorFiles, null, 2)}\n`);
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
// The chunks app.js imports, fetched with it rather than after it is parsed.
const preloads = visitorFiles.app.slice(1).map((f) => `<link rel="modulepreload" href="${f}">`).join("");
const index = join(out, "index.html");
const html = readFileSync(index, "utf8");
if (!html.includes('<script type="module" async src="app.js">')) throw new Error("index.html no longer loads app.js as the build expects");
// The form, the detail and the footer (index.html's template) are served
// as rest.html, which app.js fetches once the first estimate is painted:
// the first screen downloads only what it shows.
const rest = /<template id="rest">([\s\S]*?)<\/template>/.exec(html);
if (!rest) throw new Error("index.html has no <template id=\"rest\"> for rest.html");
writeFileSync(join(out, "rest.html"), rest[1].trim());
writeFileSync(index, html.replace(rest[0], "").replace('<script type="module" async src="app.js">', `${preloads}<script type="module" async src="app.js">`));
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
