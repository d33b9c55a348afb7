// Size budgets of what a browser downloads (gzip -9), from the built site
// (`make site`): the visitor page, and the embed's own code within 60 KB.
// Each failure message lists every part, so a miss says where the bytes are.
//
// The visitor page's budget is 84 KB (80 KB, and 4 KB for the engine's
// contract version 3). Contract version 2, the summary
// figures and the catalogue version 2 had taken it to 90.5 KB (the engine's
// wasm alone is 53.7 KB); it is back within budget because what a visitor
// asks for (Español, the catalogue's notes, the words for what to fix, a
// payment plan) loads when asked for, and the HTML and CSS are minified.
// BENCHMARKS.md says where the bytes are.
const VISITOR_PAGE_BUDGET = 84_000;
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { visitorPage, visitorOnRequest, embed, embedWasm } = await import(pathToFileURL(join(root, "scripts/page-files.mjs")));
const gz = (f) => gzipSync(readFileSync(join(root, f)), { level: 9 }).length;
const parts = (files) => files.map((f) => `${f.replace("target/site/", "")} ${gz(f)} B`).join(", ");
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);

test("the visitor page (HTML, CSS, its one module with the catalogue, the engine's wasm) is within 84 KB gzip; what loads on a visitor's request is reported", () => {
  const total = sum(visitorPage);
  const asked = Object.entries(visitorOnRequest).map(([what, files]) => `${what} ${sum(files)} B`).join("; ");
  console.log(`visitor page ${total} B (${parts(visitorPage)}); on request: ${asked}`);
  assert.ok(total <= VISITOR_PAGE_BUDGET, `the visitor page is ${total} B gzipped, over its ${VISITOR_PAGE_BUDGET} B budget: ${parts(visitorPage)}`);
});

test("the embed's own code (its module with its CSS, the engine's glue and the typical plans) is within 60 KB gzip; the wasm it loads is not counted", () => {
  const total = sum(embed);
  console.log(`embed ${total} B (${parts(embed)}); the wasm it loads: ${sum(embedWasm)} B`);
  assert.ok(total <= 60_000, `the embed's code is ${total} B gzipped: ${parts(embed)}`);
});
