// The pages' layout: one folder per product (www/visitor, www/staff,
// www/editor, www/embed) over www/shared. A product imports shared modules
// and its own, never another product's; shared modules import only shared
// ones; no page file is over 600 lines (the Rust side's rule too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const www = join(root, "www");
const PRODUCTS = ["visitor", "staff", "editor", "embed"];
const files = readdirSync(www, { recursive: true }).map((f) => join(www, f)).filter((f) => /\.(js|html|css)$/.test(f));

/** The static imports of a module, as files under www/ (the package's `./pkg/…` is not a page file). */
function imports(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)]
    .map((m) => m[1]).filter((spec) => !spec.startsWith("./pkg/")).map((spec) => resolve(dirname(file), spec.split("?")[0]));
}
const folderOf = (file) => relative(www, file).split(/[\\/]/)[0];

test("every page file lives in a product's folder or in shared", () => {
  assert.ok(files.length > 30, `www/ holds the pages (${files.length} files)`);
  const loose = files.filter((f) => ![...PRODUCTS, "shared"].includes(folderOf(f)) || relative(www, f).split(/[\\/]/).length !== 2);
  assert.deepEqual(loose.map((f) => relative(root, f)), []);
});

test("imports flow one way: a product uses shared and its own, shared only shared", () => {
  const wrong = [];
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    const from = folderOf(file);
    for (const target of imports(file)) {
      const to = folderOf(target);
      if (!(to === "shared" || to === from)) wrong.push(`${relative(root, file)} → ${relative(root, target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("the import reader sees relative imports and leaves the package's alone", () => {
  // Worked by hand on a file that is not in the tree.
  const file = join(www, "visitor", "x.js");
  const text = 'import a from "../shared/dom.js";\nimport { b,\n c } from "./plan.js";\nexport { d } from "../staff/quote.js";\nimport e from "./pkg/index.js";\n';
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]).filter((s) => !s.startsWith("./pkg/"));
  assert.deepEqual(found.map((s) => relative(www, resolve(dirname(file), s))), ["shared/dom.js", "visitor/plan.js", "staff/quote.js"]);
});

test("no page file is over 600 lines", () => {
  const long = files.map((f) => [relative(root, f), readFileSync(f, "utf8").split("\n").length]).filter(([, n]) => n > 600);
  assert.deepEqual(long, []);
});
