// The one amount parser (www/shared/fields.js `money`), used by the visitor page,
// the staff view, the price-sheet editor, its CSV import and the embed.
// Every expected value is worked by hand: dollars have 2 decimals (so
// minor units = dollars × 100), yen none, Kuwaiti dinars 3 (× 1000).
import { test } from "node:test";
import assert from "node:assert/strict";
import { money } from "../../www/shared/fields.js";

const USD = { currency: "USD", minorUnits: 2 };
const JPY = { currency: "JPY", minorUnits: 0 };
const KWD = { currency: "KWD", minorUnits: 3 };

// [typed, unit, minor units or "refused", why]
const TABLE = [
  // As typed in English.
  ["590", USD, 59000, "590 × 100"],
  ["590.50", USD, 59050, "590 × 100 + 50"],
  ["590.5", USD, 59050, "one decimal is tenths: .5 = 50 cents"],
  ["1,234", USD, 123400, "a thousands comma: 1234 × 100"],
  ["1,234.56", USD, 123456, "1234 × 100 + 56"],
  ["1,234,567.89", USD, 123456789, "1234567 × 100 + 89"],
  ["$590", USD, 59000, "the symbol is not part of the number"],
  ["USD 590", USD, 59000, "nor the code before it"],
  ["590 USD", USD, 59000, "or after it"],
  ["-5", USD, -500, "a negative amount (the engine says where it is not allowed)"],
  // As typed in Spanish (and most of Europe and Latin America).
  ["590,50", USD, 59050, "a decimal comma: the issue's $59,050 a session was 100× this"],
  ["450,00", USD, 45000, "450 × 100, not 45000 × 100"],
  ["40,50", USD, 4050, "40 × 100 + 50"],
  ["1,5", USD, 150, "one digit after the comma is tenths: 1 × 100 + 50"],
  ["2400,00", USD, 240000, "2400 × 100, not 240000 × 100"],
  ["550,00", USD, 55000, "the CSV cell: 550 × 100"],
  ["1.234,56", USD, 123456, "thousands point, decimal comma: 1234 × 100 + 56"],
  ["1 234,56", USD, 123456, "a space between thousands"],
  ["1\u00a0234,56", USD, 123456, "a no-break space between thousands (what Intl writes for es-ES)"],
  // Refused: no reading is safe.
  ["1.234", USD, "refused", "1.234 dollars has three decimals, 1234 would be a guess"],
  ["12,34,567", USD, "refused", "groups of two are not thousands"],
  ["1234,567", USD, "refused", "a thousands comma follows at most three digits"],
  ["1,2345", USD, "refused", "four digits after a comma"],
  ["1,234,56", USD, "refused", "the same sign cannot separate thousands and decimals"],
  ["5,5,5", USD, "refused", "not a number"],
  ["590.", USD, "refused", "a point with nothing after it"],
  [".5", USD, "refused", "nothing before the point"],
  ["5 90", USD, "refused", "a space inside a number that is not a thousands group"],
  ["12abc", USD, "refused", "letters"],
  // Currencies with other decimals.
  ["1500", JPY, 1500, "yen have no minor unit"],
  ["1,500", JPY, 1500, "a thousands comma in yen"],
  ["1,5", JPY, "refused", "yen have no decimals: 1,5 cannot be read as 15 or 1.5"],
  ["1.5", JPY, "refused", "likewise with a point"],
  ["1.234", KWD, 1234, "three decimals in dinars: 1 × 1000 + 234"],
  ["1,234", KWD, 1234000, "a thousands comma in dinars: 1234 × 1000"],
  ["1,5", KWD, 1500, "a decimal comma in dinars: 1 × 1000 + 500"],
];

test("amounts are read as people type them, in English and in Spanish", () => {
  for (const [typed, unit, expected, why] of TABLE) {
    const got = money(typed, unit);
    const want = expected === "refused" ? "refused" : { value: expected };
    const seen = got.error !== undefined ? "refused" : got;
    assert.deepEqual(seen, want, `${JSON.stringify(typed)} in ${unit.currency}: ${why}`);
  }
});

test("a blank field is absent, not zero", () => {
  assert.deepEqual(money("", USD), {});
  assert.deepEqual(money("   ", USD), {});
  assert.deepEqual(money("$", USD), {});
});

test("a refused amount says how to type one, in the field's currency", () => {
  assert.equal(money("12,34,567", USD).error, "Enter an amount in US dollars, like 590 or 590.50.");
  assert.equal(money("1,5", JPY).error, "Japanese yen have no decimals. Enter an amount in Japanese yen, like 590.");
});

test("an amount too large for an exact number is refused, not rounded", () => {
  // 2^53 = 9,007,199,254,740,992; in cents 100,000,000,000,000 dollars is 10^16 cents, past it.
  assert.ok(money("100000000000000", USD).error);
  // 90,071,992,547,409.91 dollars is 9,007,199,254,740,991 cents: the largest exact one.
  assert.deepEqual(money("90071992547409.91", USD), { value: 9007199254740991 });
});
