// The staff view's long-ledger summary (www/shared/ledger-months.js), on a small
// hand-written ledger whose sums are worked out below.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byMonth } from "../../www/shared/ledger-months.js";

const line = (date, kind, name, code, charge, { insurerPays = 0, assistance = 0, discount = 0, adjustment = 0 } = {}) => ({
  date, kind, name, code, quantity: 1, gross: charge + discount, discount, charge, adjustment, insurerPays, assistance,
  patientPays: charge - adjustment - insurerPays - assistance,
});

const LEDGER = [
  line("2026-12-07", "session", "Infusion", "96365", 55000, { insurerPays: 40000 }),
  line("2026-12-07", "fee", "Monitoring", "99211", 2500),
  line("2026-12-09", "session", "Infusion", "96365", 55000, { insurerPays: 40000 }),
  line("2026-12-11", "session", "Infusion", "96365", 50000, { discount: 5000 }),
  line("2027-01-04", "session", "Infusion", "96365", 55000, { assistance: 1000, adjustment: 500 }),
];

test("a ledger by month and item: every amount the sum of its lines", () => {
  const [dec, jan] = byMonth(LEDGER);
  // December: 4 lines; charges 55000 + 2500 + 55000 + 50000 = 162500; insurer 40000 × 2 = 80000;
  // patient 15000 + 2500 + 15000 + 50000 = 82500; discount 5000; gross 162500 + 5000 = 167500.
  assert.deepEqual({ month: dec.month, lines: dec.lines, gross: dec.gross, discount: dec.discount, charge: dec.charge, insurerPays: dec.insurerPays, patientPays: dec.patientPays },
    { month: "2026-12", lines: 4, gross: 167500, discount: 5000, charge: 162500, insurerPays: 80000, patientPays: 82500 });
  // Items are one kind, name, code and charge: the two $550 infusions are one item, the discounted $500 one another.
  assert.deepEqual(dec.items.map((i) => [i.name, i.charge, i.times, i.first, i.last]), [
    ["Infusion", 110000, 2, "2026-12-07", "2026-12-09"],
    ["Monitoring", 2500, 1, "2026-12-07", "2026-12-07"],
    ["Infusion", 50000, 1, "2026-12-11", "2026-12-11"],
  ]);
  // January: one line; patient 55000 − 500 − 1000 = 53500.
  assert.deepEqual([jan.month, jan.lines, jan.assistance, jan.adjustment, jan.patientPays], ["2027-01", 1, 1000, 500, 53500]);
});

test("no lines, no months", () => {
  assert.deepEqual(byMonth([]), []);
});
