// What a browser downloads for each page, for the size budgets
// (tests/node/package.test.mjs) and BENCHMARKS.md (scripts/bench.mjs).
import { readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const engine = ["pkg/index.js", "pkg/coursecost.js", "pkg/coursecost_bg.wasm", "pkg/catalogue.js"];
const staffEngine = ["pkg/staff.js", "pkg/coursecost_staff.js", "pkg/coursecost_staff_bg.wasm"];
const staffOnly = ["quote.js"];

/** The visitor page: HTML, CSS, its modules and the engine. */
export const visitorPage = ["www/index.html", "www/style.css",
  ...readdirSync(join(root, "www")).filter((f) => f.endsWith(".js") && !staffOnly.includes(f)).map((f) => `www/${f}`), ...engine];

/** The staff view: HTML, CSS, its modules and the engine. */
export const staffPage = ["www/quote.html", "www/style.css", "www/quote.js", "www/dom.js", "www/format.js", "www/fields.js", ...staffEngine];
