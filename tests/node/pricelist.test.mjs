// The sheet editor's CSV price list (www/pricelist.js): RFC 4180 records
// with their line numbers, every bad row reported by line, the good ones
// applied; the documented sample list reproduces the sample sheet's prices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { parseCsv, importPriceList } = await import(pathToFileURL(join(root, "www/pricelist.js")));
const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/clinic.sample.json"), "utf8"));
const USD = { currency: "USD", minorUnits: 2 };

test("records keep the line they start on, through quotes, doubled quotes, CRLF and line breaks in cells", () => {
  const { records, error } = parseCsv('\uFEFFa,b\r\n"x, ""y""",2\n"multi\nline",3\n\nlast,4');
  assert.equal(error, undefined);
  assert.deepEqual(records, [
    { line: 1, cells: ["a", "b"] },
    { line: 2, cells: ['x, "y"', "2"] },
    { line: 3, cells: ["multi\nline", "3"] },
    { line: 6, cells: ["last", "4"] },
  ]);
  assert.match(parseCsv('a,b\n"open,1').error, /line 2/);
});

test("the documented sample price list sets exactly the sample sheet's prices and codes", () => {
  const csv = readFileSync(join(root, "www/pricelist.sample.csv"), "utf8");
  const zeroed = structuredClone(sheet);
  for (const t of zeroed.treatments) {
    for (const p of t.phases) p.price = 1;
    for (const f of t.fees ?? []) f.amount = 1;
    for (const p of t.packages ?? []) p.price = 1;
  }
  const { sheet: priced, applied, bad } = importPriceList(zeroed, csv, USD);
  assert.deepEqual(bad, []);
  assert.equal(applied, csv.trim().split("\n").length - 1);
  assert.deepEqual(priced, sheet);
  assert.deepEqual(engine.validateClinic(priced), []);
});

test("every bad row is reported with its line number; the good rows are applied", () => {
  const csv = [
    "treatment,item,code,price",
    "iv-ketamine,Induction infusions,96365,600.00", // 2: fine
    "iv-ketamin,Induction infusions,96365,600.00", // 3: unknown treatment
    'iv-ketamine,"Booster\ninfusions",96365,600', // 4–5: unknown item (a line break in it)
    "tms,Daily sessions,90868,28O.00", // 6: not an amount
    "tms,Taper,90868,280.001", // 7: too many decimals
    "tms,Taper,90868", // 8: a cell short
    "tms,Daily sessions,90868,300", // 9: fine
    "tms,Daily sessions,90868,310", // 10: priced twice
    "esketamine,Weeks 5-8,G2082,1", // 11: unknown item, names listed
    ",Taper,,1", // 12: no treatment
    "ect,Anaesthesia for ECT,123456789012345678901,600", // 13: code too long
    "Electroconvulsive therapy (ECT), index course and maintenance,Index ECT,,1600", // 14: too many cells (name has a comma)
    '"Electroconvulsive therapy (ECT), index course and maintenance",Index ECT,,1600', // 15: a treatment by its name: fine
  ].join("\n");
  const { sheet: next, applied, bad } = importPriceList(sheet, csv, USD);
  assert.equal(applied, 3);
  assert.deepEqual(bad.map((b) => b.line), [3, 4, 6, 7, 8, 10, 11, 12, 13, 14]);
  const at = (line) => bad.find((b) => b.line === line).message;
  assert.match(at(3), /no treatment "iv-ketamin".*iv-ketamine/);
  assert.match(at(4), /no phase, fee or package named "Booster\ninfusions"/);
  assert.match(at(6), /"28O\.00" is not an amount/);
  assert.match(at(7), /not an amount/);
  assert.match(at(8), /has 3 cells/);
  assert.match(at(10), /already priced on line 9/);
  assert.match(at(11), /Weeks 5-8, weekly/);
  assert.match(at(12), /needs a treatment and an item/);
  assert.match(at(13), /longer than 20/);
  assert.equal(next.treatments[0].phases[0].price, 60000);
  assert.equal(next.treatments[2].phases[1].price, 30000);
  assert.equal(next.treatments[3].phases[0].price, 160000);
  assert.equal(sheet.treatments[0].phases[0].price, 55000, "the sheet passed in is not changed");
  // Other currencies count their own decimals.
  const yen = importPriceList(sheet, "treatment,item,code,price\ntms,Taper,,28000\ntms,Daily sessions,,280.5", { currency: "JPY", minorUnits: 0 });
  assert.equal(yen.sheet.treatments[2].phases[2].price, 28000);
  assert.deepEqual(yen.bad.map((b) => b.line), [3]);
  // A file that is not a price list at all.
  assert.match(importPriceList(sheet, "name,price\nx,1", USD).error, /header treatment,item,code,price/);
});
