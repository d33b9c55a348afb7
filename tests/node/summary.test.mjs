// www/shared/summary.js: the sentences the visitor page writes from the
// engine's figures. Figures here are written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rangeText } from "../../www/shared/summary.js";
import en from "../../www/shared/en.js";

const m = (minor) => `$${(minor / 100).toFixed(2)}`;
const course = (patientPays, assistance = 0) => ({ patientPays, assistance });

test("a range in order is from the cheap course to the dear one, with the typical inside", () => {
  const r = { low: course(224400), typical: course(300000), high: course(439400) };
  assert.equal(rangeText(r, true, m, en),
    "Published range with your insurance: $2244.00 to $4394.00, most likely $3000.00 (the cheapest, typical and dearest published courses, before your changes).");
});

test("self-pay wording never mentions insurance", () => {
  const r = { low: course(100), typical: course(200), high: course(300) };
  assert.doesNotMatch(rangeText(r, false, m, en), /insurance/);
});

test("when a programme reorders what is left to pay, the range holds its middle and says why", () => {
  // The case: the typical course leaves $5,000.00, the dear one only
  // $4,394.00 (the programme paid more of it): the range is $2,244.00 to
  // $5,000.00, the typical course at its top.
  const r = { low: course(224400, 100000), typical: course(500000, 200000), high: course(439400, 500000) };
  const text = rangeText(r, true, m, en);
  assert.match(text, /: \$2244\.00 to \$5000\.00, most likely \$5000\.00 /);
  assert.ok(text.endsWith(en.rangeProgramme), text);
});

test("when the plan, not a programme, reorders it, it says that instead", () => {
  // No programme paid anything; the dear course still leaves $0.01 less.
  const r = { low: course(300000), typical: course(450000), high: course(450000 - 1) };
  assert.ok(rangeText(r, true, m, en).endsWith(en.rangeCoverage));
});
