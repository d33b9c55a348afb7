// What a visitor entered, as the print and the download list it
// (www/shared/entries.js): every value in words, never the link's raw
// value, in English and in Spanish. The plan is written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import english from "../../www/shared/en.js";
import { entries, words } from "../../www/shared/entries.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { default: spanish } = await import(pathToFileURL(join(root, "target/site/es.js")));

const PLAN = {
  start: "2026-03-02", horizon: { months: 12 },
  phases: [{ name: "Daily sessions", every: { weekdays: ["mon"] }, sessions: 28, price: 30000 }],
  coverage: {
    type: "commercial", network: "in", accumulator: false, deductible: 50000, deductibleMet: 0, copay: 3000, copayAfterDeductible: true, copayPer: "visit",
    planYearStart: "07-01", claims: "patient", reimbursementDays: 30, family: { deductible: 100000, deductibleMet: 90000 },
    pharmacy: { deductible: 0, copay: 1000 }, limits: [{ phases: ["Daily sessions"], sessions: 2, per: "course", beyond: "clinic" }],
  },
};
const usd = (minor) => `$${(minor / 100).toFixed(2)}`;
const rows = (t, named) => Object.fromEntries(entries({ plan: PLAN, v: { holidays: true, pay: "insured" }, t, m: usd, date: (iso) => iso, treatment: "TMS", named }));

test("what was entered is said in words: the network, the plan, the plan year, the copay's terms, the pharmacy, a waiver", () => {
  const r = rows({ ...english, ...words });
  assert.equal(r.Network, "in network");
  assert.equal(r.Plan, "commercial (employer or marketplace)");
  // "07-01" is the first of July.
  assert.equal(r["Plan year starts"], "July 1");
  assert.equal(r.Copay, "$30.00, after the deductible, once a visit");
  assert.equal(r["Pharmacy benefit"], "Deductible $0.00 · Copay $10.00");
  assert.equal(r.Claims, "I pay the clinic and claim from my insurer, paid back after 30 days");
  assert.equal(r["Family deductible / maximum"], "$1000.00 ($900.00)");
  assert.equal(r["Beyond the limit"], "the clinic writes them off (no waiver)");
  // With copay only, no coinsurance row (it would read "undefined %").
  assert.equal(r.Coinsurance, undefined);
  assert.ok(!Object.values(r).some((x) => /\{|undefined|^in$|^commercial$/.test(String(x))), JSON.stringify(r));
});

test("in Spanish, the same in Spanish, with the phases' names as the page names them", () => {
  const r = rows(spanish, (name) => (name === "Daily sessions" ? "Sesiones diarias" : name));
  assert.equal(r.Red, "dentro de la red");
  assert.equal(r["Inicio del año del plan"], "1 de julio");
  assert.equal(r["Sesiones: Sesiones diarias"], 28);
  assert.equal(r["Por encima del límite"], "la clínica las cancela (sin renuncia)");
});
