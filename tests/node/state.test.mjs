// The visitor page's link (www/visitor/state.js): what a visitor typed comes back
// from the link they copy. Expected states are written out by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { toFragment, fromFragment } from "../../www/visitor/state.js";
import { MAX_NAME_CHARS } from "../../www/shared/limits.js";

const IDS = ["iv-ketamine", "spravato", "tms", "ect"];

test("every compare price comes back, however many there are", () => {
  // Four prices of 30 characters each make a list of 4 × (id + ":" + 30) + 3
  // ";" = well over the 80-character text bound that used to cut the list.
  const long = "1,234.56 (cash, per session)  ";
  assert.equal(long.length, 30);
  const cprice = IDS.map((id) => `${id}:${long}`).join(";");
  assert.ok(cprice.length > MAX_NAME_CHARS);
  const state = { treatment: "tms", compare: ["iv-ketamine", "spravato", "ect"], cprice };
  assert.deepEqual(fromFragment(toFragment(state), IDS), state);
});

test("compare prices drop only what is not a price of a known treatment", () => {
  // "nope" is no treatment, "tms" repeats (the first is kept), "ect:1:2" has two colons.
  const hash = `#cprice=${encodeURIComponent("tms:500;nope:9;tms:600;ect:1:2;spravato:1090")}`;
  assert.deepEqual(fromFragment(hash, IDS), { cprice: "tms:500;spravato:1090" });
});

test("a compare price longer than a field holds is cut to the field's bound, alone", () => {
  const price = "9".repeat(MAX_NAME_CHARS + 5);
  const hash = `#cprice=${encodeURIComponent(`tms:${price};ect:2500`)}`;
  assert.deepEqual(fromFragment(hash, IDS), { cprice: `tms:${"9".repeat(MAX_NAME_CHARS)};ect:2500` });
});

test("the link round-trips every kind of field", () => {
  const state = {
    treatment: "ect", lang: "es", label: "Mamá — plan 2026", price: "590,50", holidays: true, extras: ["Ride"],
    pay: "insured", "plan-type": "government", "year-month": "7", compare: ["tms"], "fin-on": false,
  };
  assert.deepEqual(fromFragment(toFragment(state), IDS), state);
});
