// What a visitor must fix, in the page's words: the English for it (es.js
// has the same keys in Spanish) and the engine's problems turned into them.
// The visitor page loads this module the first time a field needs fixing;
// a visitor who never types a bad value never downloads it. The embed
// bundles it.
import { currencyWords } from "./format.js";

/** The words for what to fix, in English. */
export const words = {
  // What is missing (the page never reads an empty field as 0).
  need: {
    start: "Pick the day of your first session.",
    months: "Enter how many months to estimate.",
    price: "Enter the price per session.",
    induction: "Enter the number of sessions.",
    interval: "Enter the weeks between sessions.",
    fee: "Enter the fee (0 if your clinic charges none).",
    "pkg-sessions": "Enter how many sessions the package holds, or clear its price.",
    "pkg-price": "Enter the package's price, or clear its sessions.",
    deductible: "Enter your deductible (0 if your plan has none), or start from a typical plan.",
    "deductible-met": "Enter what you have paid toward it this plan year (0 if nothing).",
    coinsurance: "Enter your coinsurance, or a copay.",
    "oop-max": "Enter your out-of-pocket maximum, or tick “no maximum”.",
    "oop-met": "Enter what you have paid toward it this plan year (0 if nothing).",
    "rx-deductible": "Enter the pharmacy deductible (0 if none).",
    "rx-coinsurance": "Enter the pharmacy coinsurance, or a copay per fill.",
    "limit-sessions": "Enter how many sessions your plan covers.",
    "assist-at-most": "Enter the most you pay per session with the program.",
    "assist-max": "Enter the most the program pays a year, or tick “no yearly limit”.",
    "fin-months": "Enter the number of monthly payments.",
    "fin-apr": "Enter the interest rate (0 if interest-free).",
    "fin-down": "Enter the down payment (0 if none).",
    part: "Enter the price of this part of the session.",
    "fam-deductible": "Enter the family deductible (0 if none).",
    "fam-met": "Enter what your family has paid toward it this plan year (0 if nothing).",
    "fam-oop-met": "Enter what your family has paid toward it this plan year (0 if nothing).",
    "reimb-days": "Enter the days until your insurer pays you back, like 30.",
  },
  fixFields: (n) => `Fill in or fix the highlighted field${n > 1 ? "s" : ""}`,
  stale: "; the estimate shown is the last one that worked.",
  toSee: " to see an estimate.",
  // What cannot be read, in words and money.
  amount: (cur) => `Enter an amount in ${cur}, like 590 or 590.50.`,
  amountZero: (cur) => `Enter an amount in ${cur}, like 590.`,
  wholeNumber: "Enter a whole number, like 6.",
  percent: "Enter a percentage: 20 means 20 %.",
  notDate: "Not a real date.",
  between: (lo, hi) => `Enter a value from ${lo} to ${hi}.`,
  atMost: (what, v) => `This is more than ${what} of ${v}.`,
  yourDeductible: "your deductible",
  yourOop: "your out-of-pocket maximum",
  thePrice: "the price per session",
  invalid: "This value cannot be used here.",
};

/**
 * One of `build`'s errors (plan.js), `[field, kind]`, as `[field, message]`
 * in `t`'s words: `kind` is "need" (the field is empty), "wholeNumber",
 * "percent" or "amount" (in `unit`'s currency, `{ currency, minorUnits }`).
 */
export function say([field, kind], unit, t) {
  if (kind === "need") return [field, t.need[field]];
  if (kind !== "amount") return [field, t[kind]];
  const cur = currencyWords(unit.currency, t.locale).name;
  return [field, unit.minorUnits ? t.amount(cur) : t.amountZero(cur)];
}

/** The fields whose bounds are counts or percentages, not amounts. */
const COUNTS = new Set(["months", "induction", "interval", "pkg-sessions", "limit-sessions", "fin-months", "coinsurance", "rx-coinsurance", "fin-apr"]);

/**
 * An engine problem as `[field, message]` in the page's words (`field`,
 * the one its path names, is the page's to say), amounts as
 * money: "This is more than your deductible of $2,000.00." The engine's own
 * message (with paths and minor units) is never shown; the bounds are the
 * ones the engine's problem carries (`min`, `max`), never the page's.
 */
export function explain(problem, field, plan, m, t) {
  let text = t.invalid;
  if (problem.code === "invalid_date") text = t.notDate;
  else if (problem.code === "missing_field" && t.need[field]) text = t.need[field];
  else if (problem.code === "out_of_range") {
    const { min, max } = problem;
    const show = (v) => (COUNTS.has(field) ? String(v) : m(v));
    const what = { "deductible-met": t.yourDeductible, "oop-met": t.yourOop, allowed: t.thePrice, "rx-deductible": t.yourDeductible }[field];
    if (what && max !== undefined && min === undefined) text = t.atMost(what, m(max));
    else if (min !== undefined && max !== undefined) text = t.between(show(min), show(max));
  }
  return [field, text];
}
