// The sheet editor's paths (www/editor/sheet-paths.js): "a.b[2]" read and
// written in a sheet, one step up, and the keys that reach another object
// refused. Every expected value is worked by hand from the path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { keysOf, getAt, setAt, up } from "../../www/editor/sheet-paths.js";

test("a path's keys: names, and list indexes as numbers", () => {
  assert.deepEqual(keysOf("treatments[0].phases[12].price"), ["treatments", 0, "phases", 12, "price"]);
  assert.deepEqual(keysOf("currency"), ["currency"]);
  assert.deepEqual(keysOf(""), []);
});

test("reading: the value at a path, or undefined past the sheet's end", () => {
  const sheet = { treatments: [{ phases: [{ price: 45000 }, { price: 30000 }] }], name: "Lakeview" };
  assert.equal(getAt(sheet, "treatments[0].phases[1].price"), 30000);
  assert.equal(getAt(sheet, "name"), "Lakeview");
  assert.equal(getAt(sheet, "treatments[3].phases"), undefined);
  assert.equal(getAt(sheet, "name.length"), undefined, "a string's properties are not the sheet's");
  assert.equal(getAt(sheet, "treatments[0].phases[0].price.x"), undefined);
  assert.equal(getAt(sheet, ""), sheet);
});

test("writing: makes the lists and objects on the way; undefined removes the key", () => {
  const sheet = {};
  setAt(sheet, "payers[1].allowed[0].amount", 12500);
  // payers is made a list (the next key is 1), its entry 1 an object, allowed a list.
  assert.deepEqual(sheet, { payers: [, { allowed: [{ amount: 12500 }] }] }); // entry 0 is a hole: nothing was written there
  setAt(sheet, "payers[1].allowed[0].amount", undefined);
  assert.deepEqual(sheet.payers[1], { allowed: [{}] });
  const odd = { address: "12 Main St" };
  setAt(odd, "address.city", "Reno"); // text where an object belongs is replaced
  assert.deepEqual(odd, { address: { city: "Reno" } });
});

test("keys that reach another object are neither read nor written", () => {
  const sheet = { a: {} };
  assert.equal(getAt(sheet, "__proto__"), undefined);
  assert.equal(getAt(sheet, "a.constructor"), undefined);
  assert.throws(() => setAt(sheet, "__proto__.polluted", true), /does not write to "__proto__\.polluted"/);
  assert.throws(() => setAt(sheet, "a.constructor.prototype.x", 1), /does not write to/);
  assert.throws(() => setAt(sheet, "", 1), /does not write to ""/);
  assert.equal(({}).polluted, undefined);
  assert.deepEqual(sheet, { a: {} });
});

// "treatments[0]" and "address.city" went two steps up (to ""), so Remove on a
// treatment, a payer or a co-provider found the sheet, not its list, and did
// nothing; and a problem at "holidays[2]" skipped the holidays field.
test("one step up, from an entry of a top-level list too", () => {
  assert.equal(up("treatments[0].phases[1]"), "treatments[0].phases");
  assert.equal(up("treatments[0].phases"), "treatments[0]");
  assert.equal(up("treatments[0]"), "treatments");
  assert.equal(up("address.city"), "address");
  assert.equal(up("payers[2]"), "payers");
  assert.equal(up("holidays[2]"), "holidays");
  assert.equal(up("currency"), "");
  assert.equal(up(""), "");
});
