// The visitor form's one table of fields (www/visitor/form.js) and what
// derives from it: the link's kinds and choices, the field an engine problem
// is shown at, the fields a change of treatment resets. Expected values are
// written out by hand from the page's behaviour.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FORM, fieldOf, fieldsWith } from "../../www/visitor/form.js";
import { FIELDS, fromFragment } from "../../www/visitor/state.js";

test("an engine problem is shown at the field that can fix it", () => {
  const cases = {
    start: "start", "horizon.months": "months", "phases[1].price": "price", "phases[0].sessions": "induction",
    "phases[2].every.weeks": "interval", "phases[0].allowed": "allowed", "fees[0].amount": "fee",
    "packages[0].sessions": "pkg-sessions", "packages[0].price": "pkg-price",
    "coverage.deductible": "deductible", "coverage.deductibleMet": "deductible-met", "coverage.coinsurance": "coinsurance",
    "coverage.copay": "copay", "coverage.outOfPocketMax": "oop-max", "coverage.outOfPocketMet": "oop-met",
    "coverage.planYearStart": "year-month", "coverage.pharmacy.deductible": "rx-deductible", "coverage.pharmacy.copay": "rx-copay",
    "coverage.pharmacy.outOfPocketMax": "rx-oop-max", "coverage.limits[0].sessions": "limit-sessions",
    "assistance[1].patientPaysAtMost": "assist-at-most", "assistance[1].annualMax": "assist-max",
    "financing.months": "fin-months", "financing.apr": "fin-apr", "financing.downPayment": "fin-down",
  };
  for (const [path, field] of Object.entries(cases)) assert.equal(fieldOf(path), field, path);
  assert.equal(fieldOf("currency"), undefined);
});

test("a change of treatment resets the treatment's own fields, a typical plan the plan's numbers", () => {
  assert.deepEqual(new Set(fieldsWith("perTreatment")), new Set(["price", "induction", "interval", "fee", "pkg-sessions", "pkg-price",
    "extras", "cover-sessions", "cover-fees", "programme", "allowed", "limit-sessions", "part"]));
  assert.deepEqual(new Set(fieldsWith("insurance")), new Set(["deductible", "deductible-met", "coinsurance", "copay", "copay-after", "copay-visit",
    "fam-on", "fam-deductible", "fam-met", "fam-oop", "fam-oop-met", "oop-max",
    "no-oop", "oop-met", "plan-type", "rx", "rx-deductible", "rx-coinsurance", "rx-copay", "rx-oop-max"]));
});

test("the link keeps every field of the table by its kind, and only the choices the table gives", () => {
  assert.deepEqual(Object.keys(FIELDS), ["treatment", "lang", ...Object.keys(FORM)]);
  assert.equal(FIELDS.price, "text");
  assert.equal(FIELDS.holidays, "bool");
  assert.deepEqual(fromFragment("#pay=insured&network=sideways&year-day=31&year-month=13", []), { pay: "insured", "year-day": "31" });
});

test("every text field has a parser, every other field none", () => {
  for (const [key, field] of Object.entries(FORM)) {
    if (["label", "start"].includes(key)) assert.equal(field.parse, null, key);
    else assert.equal(typeof field.parse === "function", field.link === "text", key);
  }
});
