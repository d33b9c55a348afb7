// The sheet editor's CSV price list (www/editor/pricelist.js): RFC 4180 records
// with their line numbers, every bad row reported by line, the good ones
// applied; the documented sample list reproduces the sample sheet's prices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { parseCsv, importPriceList } = await import(pathToFileURL(join(root, "www/editor/pricelist.js")));
const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
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
  const csv = readFileSync(join(root, "www/editor/pricelist.sample.csv"), "utf8");
  const zeroed = structuredClone(sheet);
  // Both courses zeroed: the expected one and, where a treatment has one, the dear end.
  for (const c of zeroed.treatments.flatMap((t) => [t, t.high].filter(Boolean))) {
    for (const p of c.phases) p.price = 1;
    for (const f of c.fees ?? []) f.amount = 1;
    for (const p of c.packages ?? []) p.price = 1;
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
  assert.match(importPriceList(sheet, "treatment,item,code,price,colour\nx,y,,1,red", USD).error, /optionally followed by kind and course/);
  assert.match(importPriceList(sheet, "treatment,item,code,price,kind,kind\nx,y,,1,fee,fee", USD).error, /optionally followed/);
});

/** A treatment whose package is named like its phase, with a dear-end course. */
const twins = () => ({
  ...structuredClone(sheet),
  treatments: [{
    id: "iv", name: "IV ketamine",
    phases: [{ name: "Induction", every: { weeks: 1 }, sessions: 6, price: 50000 }],
    fees: [{ name: "Consultation", amount: 30000, when: "once" }],
    packages: [{ name: "Induction", phase: "Induction", sessions: 6, price: 250000 }],
    high: {
      phases: [{ name: "Induction", every: { weeks: 1 }, sessions: 8, price: 50000 }],
      fees: [{ name: "Consultation", amount: 30000, when: "once" }],
    },
  }],
  payers: [],
});

test("a package named like its phase is priced by kind: a row naming both is refused until its kind says which", () => {
  const base = twins();
  assert.deepEqual(engine.validateClinic(base), []);
  // Without a kind the row could mean the $2,750 package or a $2,750 session: refused, nothing priced.
  const plain = importPriceList(base, "treatment,item,code,price\niv,Induction,,2750.00", USD);
  assert.equal(plain.applied, 0);
  assert.deepEqual(plain.bad, [{ line: 2, message: '"Induction" of "iv" is a phase and a package: say which in the column kind' }]);
  assert.equal(plain.sheet.treatments[0].phases[0].price, 50000, "the phase keeps $500.00 a session");
  assert.equal(plain.sheet.treatments[0].packages[0].price, 250000);
  // With the column kind: each row prices the item of its kind only.
  const csv = [
    "treatment,item,code,price,kind",
    "iv,Induction,,2750.00,package", // the package: 2750.00 → 275000 cents
    "iv,Induction,96365,510,phase", // the phase (both courses): 510 → 51000 cents
    "iv,Consultation,,320,", // a blank kind: the one item of that name, a fee: 32000 cents
    "iv,Consultation,,1,package", // no package of that name
    "iv,Induction,,1,session", // not a kind
  ].join("\n");
  const r = importPriceList(base, csv, USD);
  assert.equal(r.applied, 3);
  assert.equal(r.sheet.treatments[0].packages[0].price, 275000);
  assert.equal(r.sheet.treatments[0].phases[0].price, 51000);
  assert.equal(r.sheet.treatments[0].phases[0].code, "96365");
  assert.equal(r.sheet.treatments[0].fees[0].amount, 32000);
  assert.deepEqual(r.bad.map((b) => b.line), [5, 6]);
  assert.match(r.bad[0].message, /"iv" has no package named "Consultation" \(it has: Induction\)/);
  assert.match(r.bad[1].message, /the kind "session" is not one of phase, fee, package/);
  assert.deepEqual(engine.validateClinic(r.sheet), []);
});

test("the dear-end course (high) is priced with the expected one, or alone with the column course", () => {
  const base = twins();
  // A new session price for the phase: both courses, so the dear end is never cheaper than the expected.
  const both = importPriceList(base, "treatment,item,code,price,kind\niv,Induction,,600.00,phase\niv,Consultation,,350,fee", USD);
  assert.deepEqual(both.bad, []);
  assert.equal(both.applied, 2);
  assert.equal(both.sheet.treatments[0].phases[0].price, 60000);
  assert.equal(both.sheet.treatments[0].high.phases[0].price, 60000);
  assert.equal(both.sheet.treatments[0].fees[0].amount, 35000);
  assert.equal(both.sheet.treatments[0].high.fees[0].amount, 35000);
  // The column course prices one of them; a second row for an item already priced is refused.
  const csv = [
    "treatment,item,code,price,course,kind",
    "iv,Induction,,650,high,phase", // the dear end only: 65000
    "iv,Induction,,600,expected,phase", // the expected only: 60000
    "iv,Induction,,700,,phase", // blank: both, but both are priced already
    "iv,Induction,,1,high,package", // the dear end has no package
    "iv,Induction,,1,cheap,phase", // not a course
  ].join("\n");
  const r = importPriceList(base, csv, USD);
  assert.equal(r.applied, 2);
  assert.equal(r.sheet.treatments[0].high.phases[0].price, 65000);
  assert.equal(r.sheet.treatments[0].phases[0].price, 60000);
  assert.deepEqual(r.bad.map((b) => b.line), [4, 5, 6]);
  assert.match(r.bad[0].message, /already priced on line 3/); // the expected course's phase is looked at first
  assert.match(r.bad[1].message, /"iv" has no package named "Induction" in its dear-end course/);
  assert.match(r.bad[2].message, /the course "cheap" is not one of both, expected, high/);
  // A treatment without a dear-end course: a row for it is refused.
  const noHigh = importPriceList(sheet, "treatment,item,code,price,course\ntms,Taper,,300,high", USD);
  assert.deepEqual(noHigh.bad, [{ line: 2, message: '"tms" has no dear-end course (high)' }]);
  assert.equal(base.treatments[0].high.phases[0].price, 50000, "the sheet passed in is not changed");
});
