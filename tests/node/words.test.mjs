// The visitor page's words: every key of the English words (www/shared/en.js,
// and the detail's and the payment plan's own) has
// its Spanish (es.js, as built into target/site/ by `make site`, where its
// import of the catalogue resolves), of the same kind, recursively; and
// every word index.html marks for translation has its Spanish in `static`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import english from "../../www/shared/en.js";
import { words as detailWords } from "../../www/visitor/details.js";
import { words as financingWords } from "../../www/visitor/financing.js";
import { words as entryWords } from "../../www/shared/entries.js";

// The page's words and those its modules bring with them (Spanish has them all).
const en = { ...english, ...detailWords, ...financingWords, ...entryWords };

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { default: es } = await import(pathToFileURL(join(root, "target/site/es.js")));

/** Every key path of `words` with the kind of its value ("function", "string", "object"…). */
function shape(words, prefix = "") {
  return Object.entries(words).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? shape(v, `${prefix}${k}.`) : [[`${prefix}${k}`, Array.isArray(v) ? `list of ${v.length}` : typeof v]]);
}

test("every English word has a Spanish word of the same kind", () => {
  const spanish = new Map(shape(es));
  const missing = shape(en).filter(([key, kind]) => spanish.get(key) !== kind).map(([key, kind]) => `${key} (${kind}; Spanish: ${spanish.get(key) ?? "missing"})`);
  assert.deepEqual(missing, []);
});

test("the shape check sees a missing or mistyped word", () => {
  // Worked by hand: `b.c` is missing in the second, `a` is a string instead of a function.
  const one = new Map(shape({ a: () => "", b: { c: "x", d: [1, 2] } }));
  const two = new Map(shape({ a: "", b: { d: [3, 4] } }));
  assert.deepEqual([...one].filter(([k, v]) => two.get(k) !== v).map(([k]) => k), ["a", "b.c"]);
});

test("every word index.html marks for translation (data-t) has its Spanish", () => {
  const html = readFileSync(join(root, "www/visitor/index.html"), "utf8");
  const keys = [...new Set([...html.matchAll(/\sdata-t="([^"]+)"/g)].map((m) => m[1]))];
  assert.ok(keys.length > 20, `index.html marks its words (${keys.length} found)`);
  assert.deepEqual(keys.filter((k) => typeof es.static[k] !== "string" || es.static[k].trim() === ""), []);
});
