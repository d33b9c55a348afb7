// The visitor page's words for the engine's problems (www/shared/problems.js),
// at the field whose paths name them (www/visitor/form.js):
// the bounds said are the ones each problem carries (`min`, `max`), never a
// copy of the engine's limits, and a term the engine asks for
// (`requireTerms`) is asked for in the page's words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { explain, words } from "../../www/shared/problems.js";
import { fieldOf } from "../../www/visitor/form.js";

const { validate } = await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "../../pkg/node.js")));
const dollars = (minor) => `$${(minor / 100).toFixed(2)}`;
const plan = { start: "2026-01-05", horizon: { months: 2 }, phases: [{ name: "S", every: { weeks: 1 }, price: 59000 }] };

test("out of range: the engine's bounds, as numbers or as money", () => {
  // Weeks between sessions are 1 to 52 (the engine's problem says so).
  const [weeks] = validate({ ...plan, phases: [{ ...plan.phases[0], every: { weeks: 60 } }] });
  assert.deepEqual(explain(weeks, fieldOf(weeks.path), plan, dollars, words), ["interval", "Enter a value from 1 to 52."]);
  // Whatever bounds a problem carries are the ones said: none are the page's.
  const made = { code: "out_of_range", path: "phases[0].every.weeks", message: "", min: 3, max: 7 };
  assert.deepEqual(explain(made, fieldOf(made.path), plan, dollars, words), ["interval", "Enter a value from 3 to 7."]);
  // A met deductible above the deductible of $2,000.00: that amount, as money.
  const insured = { ...plan, coverage: { deductible: 200000, deductibleMet: 250000 } };
  const [met] = validate(insured);
  assert.deepEqual(explain(met, fieldOf(met.path), insured, dollars, words), ["deductible-met", "This is more than your deductible of $2000.00."]);
  // An amount is from $0.00 to 10,000,000,000 minor units ($100,000,000.00).
  const [price] = validate({ ...plan, phases: [{ ...plan.phases[0], price: -1 }] });
  assert.deepEqual(explain(price, fieldOf(price.path), plan, dollars, words), ["price", "Enter a value from $0.00 to $100000000.00."]);
});

test("a term the engine asks for is asked for in the page's words", () => {
  const insured = { ...plan, coverage: { outOfPocketMax: 500000 } };
  const said = validate(insured, { requireTerms: true }).map((p) => explain(p, fieldOf(p.path), insured, dollars, words));
  assert.deepEqual(said, [["deductible", words.need.deductible], ["coinsurance", words.need.coinsurance]]);
});
