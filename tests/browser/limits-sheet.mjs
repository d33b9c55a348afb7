// A price sheet at every bound of docs/limits.md that a sheet has, for the
// editor's test and `make bench`: 50 treatments, each with 20 phases, 50
// fees, 50 packages and 10 discounts and the same dear-end course; 20
// co-providers; 20 payers of 1,000 allowed amounts each (every phase of
// every treatment); 400 holidays. Valid: the engine finds no problem.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./harness.mjs";

export function limitsSheet() {
  const sample = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
  const course = () => ({
    phases: Array.from({ length: 20 }, (_, j) => ({ name: `Phase ${j}`, every: { weeks: 1 }, sessions: 2, price: 10_000 + j, code: "90868" })),
    fees: Array.from({ length: 50 }, (_, j) => ({ name: `Fee ${j}`, amount: 100 + j, when: "once" })),
    packages: Array.from({ length: 50 }, (_, j) => ({ name: `Package ${j}`, phase: `Phase ${j % 20}`, sessions: 2, price: 15_000 + j })),
    discounts: Array.from({ length: 10 }, (_, j) => ({ name: `Discount ${j}`, percent: 1 })),
  });
  const holidays = Array.from({ length: 400 }, (_, d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10));
  return {
    ...sample,
    holidays,
    providers: Array.from({ length: 20 }, (_, i) => ({ ...sample.providers[0], id: `provider-${i}`, name: `Provider ${i}` })),
    treatments: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, name: `Treatment ${i}`, ...course(), high: course() })),
    payers: Array.from({ length: 20 }, (_, p) => ({
      id: `payer-${p}`, name: `Payer ${p}`, network: "in",
      allowed: Array.from({ length: 1000 }, (_, k) => ({ treatment: `t${Math.floor(k / 20)}`, phase: `Phase ${k % 20}`, amount: 9_000 + (k % 20) })),
    })),
  };
}
