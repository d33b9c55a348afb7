// The sheet editor's CSV price list (www/editor/pricelist.js): RFC 4180 records
// with their line numbers, every bad row reported by line, the good ones
// applied (an item the treatment does not have added as a fee charged once);
// the documented sample list reproduces the sample sheet's prices.
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

test("every bad row is reported with its line number; the good rows are applied, an unknown item added as a fee", () => {
  const csv = [
    "treatment,item,code,price",
    "iv-ketamine,Induction infusions,96365,600.00", // 2: fine
    "iv-ketamin,Induction infusions,96365,600.00", // 3: unknown treatment
    'iv-ketamine,"Booster\ninfusions",96365,600', // 4–5: a new item's name with a line break in it
    "tms,Daily sessions,90868,28O.00", // 6: not an amount
    "tms,Taper,90868,280.001", // 7: too many decimals
    "tms,Taper,90868", // 8: a cell short
    "tms,Daily sessions,90868,300", // 9: fine
    "tms,Daily sessions,90868,310", // 10: priced twice
    "esketamine,Weeks 5-8,G2082,1", // 11: a new fee of $0.01, near "Weeks 5-8, weekly"
    ",Taper,,1", // 12: no treatment
    "ect,Anaesthesia for ECT,123456789012345678901,600", // 13: code too long
    "Electroconvulsive therapy (ECT), index course and maintenance,Index ECT,,1600", // 14: too many cells (name has a comma)
    '"Electroconvulsive therapy (ECT), index course and maintenance",Index ECT,,1600', // 15: a treatment by its name: fine
  ].join("\n");
  const { sheet: next, applied, added, bad } = importPriceList(sheet, csv, USD);
  assert.equal(applied, 4);
  assert.deepEqual(bad.map((b) => b.line), [3, 4, 6, 7, 8, 10, 12, 13, 14]);
  const at = (line) => bad.find((b) => b.line === line).message;
  assert.match(at(3), /no treatment "iv-ketamin".*iv-ketamine/);
  assert.match(at(4), /the item name "Booster\ninfusions" holds a line break/);
  assert.match(at(6), /"28O\.00" is not an amount/);
  assert.match(at(7), /not an amount/);
  assert.match(at(8), /has 3 cells/);
  assert.match(at(10), /already priced on line 9/);
  assert.match(at(12), /needs a treatment and an item/);
  assert.match(at(13), /longer than 20/);
  assert.equal(next.treatments[0].phases[0].price, 60000);
  assert.equal(next.treatments[2].phases[1].price, 30000);
  assert.equal(next.treatments[3].phases[0].price, 160000);
  // Line 11: esketamine has no item "Weeks 5-8", so it gains a fee of 1 → 100 cents, charged once; the preview names the phase it is near.
  assert.deepEqual(next.treatments[1].fees.at(-1), { name: "Weeks 5-8", amount: 100, when: "once", code: "G2082" });
  assert.deepEqual(next.treatments[1].fees.length, sheet.treatments[1].fees.length + 1);
  assert.deepEqual(added, [{ line: 11, treatment: "esketamine", kind: "fee", name: "Weeks 5-8", price: 100, code: "G2082", courses: ["expected"], near: ["Weeks 5-8, weekly"] }]);
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
  assert.match(r.bad[0].message, /"iv" has no package named "Consultation" \(it has: Induction\); a price list adds fees only: a new package needs its phase and sessions, so add it in the editor/);
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

test("a row naming an item the treatment does not have adds a fee charged once, in each course the row names", () => {
  const base = twins();
  const csv = [
    "treatment,item,code,price",
    "iv,Initial consultation,99205,300.00", // 2: new fee, both courses: 300.00 → 30000 cents
    "iv,Aftercare call,,45.5", // 3: new fee without a code: 45.5 → 4550 cents
    "iv,initial consultation,99205,310", // 4: the fee line 2 added (names match ignoring case)
    "iv,Consultation,99213,320", // 5: the fee the sheet has, both courses: 30000 → 32000
    "iv,Induction,,1", // 6: a phase and a package: refused
    "ivx,Initial consultation,,1", // 7: no such treatment: refused
    "iv,Parking,,3OO", // 8: not an amount: refused, nothing added
    `iv,${"x".repeat(81)},,1`, // 9: a new name over 80 characters: refused
  ].join("\n");
  const r = importPriceList(base, csv, USD);
  assert.deepEqual(r.added, [
    // "initial consultation" holds "consultation": the preview asks whether the row meant the fee the sheet has.
    { line: 2, treatment: "iv", kind: "fee", name: "Initial consultation", price: 30000, code: "99205", courses: ["expected", "high"], near: ["Consultation"] },
    { line: 3, treatment: "iv", kind: "fee", name: "Aftercare call", price: 4550, code: "", courses: ["expected", "high"], near: [] },
  ]);
  assert.deepEqual(r.changed, [
    { line: 5, treatment: "iv", kind: "fee", name: "Consultation", price: 32000, was: [30000], code: "99213", wasCode: undefined, courses: ["expected", "high"] },
  ]);
  assert.equal(r.applied, 3);
  assert.deepEqual(r.bad.map((b) => b.line), [4, 6, 7, 8, 9]);
  assert.equal(r.bad[0].message, '"Initial consultation" of "iv" is already added on line 2');
  assert.match(r.bad[1].message, /is a phase and a package: say which in the column kind/);
  assert.match(r.bad[2].message, /^no treatment "ivx" on the sheet \(its treatments: iv\)$/);
  assert.match(r.bad[3].message, /^the price "3OO" is not an amount/);
  assert.equal(r.bad[4].message, "the item name is longer than 80 characters");
  const fees = [
    { name: "Consultation", amount: 32000, when: "once", code: "99213" },
    { name: "Initial consultation", amount: 30000, when: "once", code: "99205" },
    { name: "Aftercare call", amount: 4550, when: "once" },
  ];
  assert.deepEqual(r.sheet.treatments[0].fees, fees);
  assert.deepEqual(r.sheet.treatments[0].high.fees, fees);
  assert.equal(r.sheet.treatments[0].packages.length, 1, "no package added");
  assert.deepEqual(engine.validateClinic(r.sheet), []);
  assert.equal(base.treatments[0].fees.length, 1, "the sheet passed in is not changed");
});

test("a new item goes only where the row's course says, is a fee only, and a course with 50 fees takes no more", () => {
  const base = twins();
  const csv = [
    "treatment,item,code,price,kind,course",
    "iv,Ride home,,40,fee,high", // 2: the dear end only: 4000 cents
    "iv,Follow-up visit,99213,150,,expected", // 3: the expected course only: 15000 cents
    "iv,Maintenance,,1,phase,", // 4: a new phase: refused
    "iv,Booster pack,,1,package,", // 5: a new package: refused
    "iv,Consultation,,1,package,", // 6: kind package, and no package of that name: refused (a fee of that name does not count)
  ].join("\n");
  const r = importPriceList(base, csv, USD);
  assert.deepEqual(r.added.map((a) => [a.line, a.name, a.price, a.courses]), [[2, "Ride home", 4000, ["high"]], [3, "Follow-up visit", 15000, ["expected"]]]);
  assert.deepEqual(r.sheet.treatments[0].fees.map((f) => f.name), ["Consultation", "Follow-up visit"]);
  assert.deepEqual(r.sheet.treatments[0].high.fees.map((f) => f.name), ["Consultation", "Ride home"]);
  assert.deepEqual(r.bad.map((b) => b.line), [4, 5, 6]);
  assert.equal(r.bad[0].message, '"iv" has no phase named "Maintenance" (it has: Induction); a price list adds fees only: a new phase needs its schedule and length, so add it in the editor');
  assert.match(r.bad[1].message, /^"iv" has no package named "Booster pack" \(it has: Induction\); .*a new package needs its phase and sessions/);
  // A treatment without a dear end gains the fee in its one course (the sample's TMS).
  const tms = importPriceList(sheet, "treatment,item,code,price\ntms,Mapping repeat,90867,120", USD);
  assert.deepEqual(tms.sheet.treatments[2].fees.at(-1), { name: "Mapping repeat", amount: 12000, when: "once", code: "90867" });
  assert.equal(tms.sheet.treatments[2].high, undefined);
  // A course at 50 fees (MAX_FEES) takes no 51st: refused with the reason, nothing added.
  const full = twins();
  full.treatments[0].fees = Array.from({ length: 50 }, (_, i) => ({ name: `Fee ${i + 1}`, amount: 100, when: "once" }));
  const r50 = importPriceList(full, "treatment,item,code,price\niv,One more,,1", USD);
  assert.deepEqual(r50.added, []);
  assert.deepEqual(r50.bad, [{ line: 2, message: '"One more" would be a new fee, but "iv" has 50 fees already, the most a course may have' }]);
  assert.equal(r50.sheet.treatments[0].fees.length, 50);
});

test("names from a price list stay values: none reaches Object.prototype, and no header may add a key", () => {
  const r = importPriceList(twins(), "treatment,item,code,price\niv,__proto__,,1\niv,constructor,,2\n__proto__,prototype,,3", USD);
  // "__proto__" and "constructor" are the names of two new fees (1 → 100 and 2 → 200 cents), not keys.
  assert.deepEqual(r.sheet.treatments[0].fees.slice(1).map((f) => [f.name, f.amount]), [["__proto__", 100], ["constructor", 200]]);
  assert.equal(Object.hasOwn(r.sheet.treatments[0].fees[1], "name"), true);
  assert.deepEqual(r.bad, [{ line: 4, message: 'no treatment "__proto__" on the sheet (its treatments: iv)' }]);
  assert.equal(({}).amount, undefined);
  assert.match(importPriceList(twins(), "treatment,item,code,price,__proto__\niv,x,,1,1", USD).error, /the first line must be the header/);
  assert.match(importPriceList(twins(), "treatment,item,code,price,constructor\niv,x,,1,1", USD).error, /the first line must be the header/);
});
