// What the sheet editor refuses before a sheet replaces anything
// (www/editor/sheet-shape.js): the wrong shape, lists past their bounds, text that
// is not JSON, each with the path; and every valid sheet passes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { shapeProblems, sheetFrom } = await import(pathToFileURL(join(root, "www/editor/sheet-shape.js")));
const sample = () => JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));

test("the sample sheet, a new one and one with every kind of engine problem can be drawn", () => {
  assert.deepEqual(shapeProblems(sample()), []);
  assert.deepEqual(shapeProblems({ currency: "USD", treatments: [{ phases: [{ every: { weeks: 1 } }] }] }), []);
  const wrongValues = sample();
  wrongValues.name = 12;
  wrongValues.treatments[0].phases[0].price = "a lot";
  wrongValues.treatments[0].diagnosisCodes = [1, null];
  wrongValues.treatments[0].phases[0].prcie = 1;
  assert.deepEqual(shapeProblems(wrongValues), [], "the engine reports these at their fields");
});

test("the wrong shape is refused with its path", () => {
  const cases = [
    [[], "", "a price sheet is a JSON object, not a list"],
    [null, "", "a price sheet is a JSON object, not null"],
    [{ treatments: { iv: {} } }, "treatments", "must be a list, not an object"],
    [{ treatments: [{ phases: [1] }] }, "treatments[0].phases[0]", "must be an object, not a number"],
    [{ treatments: [{ phases: [{ every: "weekly" }] }] }, "treatments[0].phases[0].every", "must be an object, not text"],
    [{ treatments: [{ phases: [], high: [] }] }, "treatments[0].high", "must be an object, not a list"],
    [{ treatments: [{ phases: [], high: { fees: {} } }] }, "treatments[0].high.fees", "must be a list, not an object"],
    [{ address: "10 Lake Road" }, "address", "must be an object, not text"],
    [{ closedWeekdays: "sat" }, "closedWeekdays", "must be a list, not text"],
    [{ payers: [{ allowed: null }] }, "payers[0].allowed", "must be a list, not null"],
    [{ treatments: [{ discounts: [{ appliesTo: {} }] }] }, "treatments[0].discounts[0].appliesTo", "must be a list, not an object"],
  ];
  for (const [sheet, path, message] of cases) assert.deepEqual(shapeProblems(sheet), [{ path, message }], JSON.stringify(sheet));
});

test("a list past its bound is refused unread: 1,001 allowed amounts, 51 treatments", () => {
  const s = sample();
  s.payers[0].allowed = Array.from({ length: 1001 }, () => ({}));
  s.treatments = Array.from({ length: 51 }, () => s.treatments[0]);
  assert.deepEqual(shapeProblems(s), [
    { path: "treatments", message: "has 51 entries; a sheet may have at most 50 (MAX_TREATMENTS)" },
    { path: "payers[0].allowed", message: "has 1,001 entries; a sheet may have at most 1,000 (MAX_PAYER_RATES)" },
  ]);
  // At the bound: fine.
  s.payers[0].allowed.pop();
  s.treatments.pop();
  assert.deepEqual(shapeProblems(s), []);
});

test("sheetFrom: JSON text to a sheet, or why not", () => {
  assert.equal(sheetFrom(JSON.stringify(sample())).sheet.name, sample().name);
  assert.match(sheetFrom('{"name": "x", "treatm').error, /^it is not JSON/);
  assert.equal(sheetFrom('{"treatments": {}}').error, "it is not a price sheet the editor can show: treatments must be a list, not an object");
  // An own "__proto__" key stays data: it never becomes the sheet's prototype.
  const crafted = sheetFrom('{"__proto__": {"failed": 1}, "treatments": []}').sheet;
  assert.equal(Object.getPrototypeOf(crafted), Object.prototype);
  assert.equal({}.failed, undefined);
});
