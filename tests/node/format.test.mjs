// www/shared/format.js: the locale is passed to every format, so a page in
// English and an embed in Spanish on one page each write in their own, in
// any order. Expected strings are the CLDR forms written out by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDate, formatMonth, formatMoney, moneyOf, plainAmount } from "../../www/shared/format.js";

test("two locales, interleaved, each keep their own words", () => {
  // 2026-01-05 is a Monday in January: "Jan 5, 2026" in US English, "5 ene 2026" in US Spanish.
  assert.equal(formatDate("2026-01-05", "en-US"), "Jan 5, 2026");
  assert.equal(formatDate("2026-01-05", "es-US"), "5 ene 2026");
  assert.equal(formatDate("2026-01-05", "en-US"), "Jan 5, 2026");
  assert.equal(formatMonth("2026-03", "es-US"), "marzo de 2026");
  assert.equal(formatMonth("2026-03", "en-US"), "March 2026");
});

test("money in the result's currency and decimals", () => {
  // 59050 cents is $590.50; 1500 yen has no decimals; 1234 fils is 1.234 dinars.
  assert.equal(formatMoney(59050, "USD", 2, "en-US"), "$590.50");
  assert.equal(moneyOf({ currency: "JPY", minorUnits: 0 }, "en-US")(1500), "¥1,500");
  assert.equal(moneyOf({ currency: "KWD", minorUnits: 3 }, "en-US")(1234), "KWD\u00a01.234"); // a no-break space after the code
  assert.equal(plainAmount(59000, 2), "590.00");
  assert.equal(plainAmount(-5, 2), "-0.05");
  assert.equal(plainAmount(1500, 0), "1500");
});
