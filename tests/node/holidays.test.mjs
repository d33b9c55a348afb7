// US federal holidays on their observed days (www/shared/holidays.js), against a
// table worked by hand. The working: 1 January falls on Thu 2026, Fri 2027,
// Sat 2028, Mon 2029, Tue 2030, Wed 2031 (a common year moves it one weekday,
// a leap year two); the first of each later month is found by adding the
// days of the months before (mod 7). A Saturday holiday is observed on the
// Friday before, a Sunday one on the Monday after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { federalHolidays } from "../../www/shared/holidays.js";

const BY_HAND = {
  2026: [
    "2026-01-01", // Thu
    "2026-01-19", // 3rd Mon: Jan 1 Thu → Mon 5, 12, 19
    "2026-02-16", // Feb 1 Sun → Mon 2, 9, 16
    "2026-05-25", // May 1 Fri, May 31 Sun → last Mon 25
    "2026-06-19", // Fri
    "2026-07-03", // Jul 4 is a Saturday → Fri 3
    "2026-09-07", // Sep 1 Tue → Mon 7
    "2026-10-12", // Oct 1 Thu → Mon 5, 12
    "2026-11-11", // Wed
    "2026-11-26", // Nov 1 Sun → Thu 5, 12, 19, 26
    "2026-12-25", // Fri
  ],
  2027: [
    "2027-01-01", // Fri
    "2027-01-18", // Mon 4, 11, 18
    "2027-02-15", // Feb 1 Mon → 1, 8, 15
    "2027-05-31", // May 31 is a Monday
    "2027-06-18", // Jun 19 is a Saturday → Fri 18
    "2027-07-05", // Jul 4 is a Sunday → Mon 5
    "2027-09-06", // Sep 1 Wed → Mon 6
    "2027-10-11", // Oct 1 Fri → Mon 4, 11
    "2027-11-11", // Thu
    "2027-11-25", // Nov 1 Mon → Thu 4, 11, 18, 25
    "2027-12-24", // Dec 25 is a Saturday → Fri 24
    "2027-12-31", // 2028's New Year's Day is a Saturday → Fri Dec 31, 2027
  ],
  2028: [
    "2028-01-17", // Jan 1 Sat → Mon 3, 10, 17 (New Year's Day was observed in 2027)
    "2028-02-21", // Feb 1 Tue → Mon 7, 14, 21
    "2028-05-29", // May 1 Mon, May 31 Wed → last Mon 29
    "2028-06-19", // Mon
    "2028-07-04", // Tue
    "2028-09-04", // Sep 1 Fri → Mon 4
    "2028-10-09", // Oct 1 Sun → Mon 2, 9
    "2028-11-10", // Nov 11 is a Saturday → Fri 10
    "2028-11-23", // Nov 1 Wed → Thu 2, 9, 16, 23
    "2028-12-25", // Mon
  ],
  2029: [
    "2029-01-01", // Mon
    "2029-01-15", // Mon 1, 8, 15
    "2029-02-19", // Feb 1 Thu → Mon 5, 12, 19
    "2029-05-28", // May 31 Thu → last Mon 28
    "2029-06-19", // Tue
    "2029-07-04", // Wed
    "2029-09-03", // Sep 1 Sat → Mon 3
    "2029-10-08", // Oct 1 Mon → 1, 8
    "2029-11-12", // Nov 11 is a Sunday → Mon 12
    "2029-11-22", // Nov 1 Thu → 1, 8, 15, 22
    "2029-12-25", // Tue
  ],
  2030: [
    "2030-01-01", // Tue
    "2030-01-21", // Mon 7, 14, 21
    "2030-02-18", // Feb 1 Fri → Mon 4, 11, 18
    "2030-05-27", // May 31 Fri → last Mon 27
    "2030-06-19", // Wed
    "2030-07-04", // Thu
    "2030-09-02", // Sep 1 Sun → Mon 2
    "2030-10-14", // Oct 1 Tue → Mon 7, 14
    "2030-11-11", // Mon
    "2030-11-28", // Nov 1 Fri → Thu 7, 14, 21, 28
    "2030-12-25", // Wed
  ],
};

test("the observed federal holidays of 2026–2030 are the hand-worked ones", () => {
  for (const [year, days] of Object.entries(BY_HAND)) {
    assert.deepEqual(federalHolidays(`${year}-01-01`, `${year}-12-31`), days, String(year));
  }
  assert.deepEqual(federalHolidays("2026-01-01", "2030-12-31"), Object.values(BY_HAND).flat());
});

test("a range keeps only the days inside it, both ends included", () => {
  assert.deepEqual(federalHolidays("2026-07-03", "2026-09-07"), ["2026-07-03", "2026-09-07"]);
  assert.deepEqual(federalHolidays("2026-07-04", "2026-09-06"), []);
});
