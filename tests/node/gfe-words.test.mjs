// The staff view's words around the engine's Good Faith Estimate: each
// item's frequency and place, the discounts on a condition, the checks
// before giving an estimate (co-providers and facilities a treatment
// implies, missing codes), and what changed when one is re-issued.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const { whereGiven, frequency, phaseFrequency, conditionalDiscounts } = await import(pathToFileURL(join(root, "www/staff/gfe-words.js")));
const { treatmentChecks } = await import(pathToFileURL(join(root, "www/staff/checks.js")));
const { changes, readSaved } = await import(pathToFileURL(join(root, "www/staff/reissue.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
const treatment = (id) => sheet.treatments.find((t) => t.id === id);
const input = (id) => ({ treatment: id, start: "2026-12-07", date: "2026-11-21", payment: "self-pay", patient: { name: "Ana Pérez", birthDate: "1958-03-14" } });

test("each recurring item's frequency in words, from its phase or, for a fee at each session, every phase in turn", () => {
  const ect = treatment("ect");
  const gfe = engine.goodFaithEstimate(sheet, input("ect"));
  const said = Object.fromEntries(gfe.items.map((i) => [i.service, frequency(ect, i)]));
  // Index ECT: 12 sessions on Mon, Wed, Fri = 3 a week for 12 / 3 = 4 weeks;
  // maintenance every 4 weeks with no end; anaesthesia at every session of
  // both; the evaluation once (no frequency).
  assert.equal(said["Index ECT"], "3 a week for 4 weeks");
  assert.equal(said["Maintenance ECT"], "every 4 weeks");
  assert.equal(said["Anaesthesia for ECT"], "3 a week for 4 weeks, then every 4 weeks");
  assert.equal(said["Psychiatric evaluation before ECT"], undefined);
  // TMS: one first session; 29 daily sessions (29 is not whole weeks of 5);
  // 6 tapering on Mon and Thu = 3 weeks.
  assert.deepEqual(treatment("tms").phases.map(phaseFrequency), ["once", "5 a week, 29 times", "2 a week for 3 weeks"]);
  assert.equal(phaseFrequency({ every: { days: 2 }, weeks: 3 }), "every 2 days for 3 weeks");
  assert.equal(phaseFrequency({ every: { months: 1 } }), "every month");
});

test("each item's place: the hospital for ECT and its anaesthesia, the clinic for the rest, with two-digit codes", () => {
  const ect = treatment("ect");
  const gfe = engine.goodFaithEstimate(sheet, input("ect"));
  const where = gfe.items.map((i) => [i.service, whereGiven(sheet, ect, i).name, whereGiven(sheet, ect, i).placeOfService]);
  const hospital = "Springfield Memorial Hospital, outpatient ECT suite (sample)";
  assert.deepEqual(where.find(([s]) => s === "Index ECT"), ["Index ECT", hospital, "22"]);
  assert.deepEqual(where.find(([s]) => s === "Anaesthesia for ECT"), ["Anaesthesia for ECT", hospital, "22"]);
  assert.deepEqual(where.find(([s]) => s.startsWith("Psychiatric")), ["Psychiatric evaluation before ECT", sheet.name, "11"]);
  // The pharmacy's code 1 is printed 01.
  assert.equal(whereGiven(sheet, treatment("esketamine"), { kind: "fee", service: "x", placeOfService: 1 }).placeOfService, "01");
});

test("a discount on a condition is stated beside the charges, which leave it out", () => {
  assert.deepEqual(conditionalDiscounts(treatment("iv-ketamine")), [
    "Prompt-pay discount: 5% off each session and package charge if each bill is paid in full within 30 days. The expected charges above do not include it.",
  ]);
  assert.deepEqual(conditionalDiscounts(treatment("tms")), []);
});

test("checks before a GFE: ECT without a facility or anaesthesia, anaesthesia billed by the clinic, items without a code", () => {
  assert.deepEqual(treatmentChecks(sheet, treatment("ect")), []);
  assert.deepEqual(treatmentChecks(sheet, treatment("esketamine")), []);
  const bare = structuredClone(treatment("ect"));
  for (const p of bare.phases) delete p.location;
  bare.fees = bare.fees.filter((f) => !f.name.startsWith("Anaesthesia"));
  bare.packages = [{ name: "Index bundle", phase: "Index ECT", sessions: 12, price: 1500000 }];
  const said = treatmentChecks(sheet, bare);
  assert.equal(said.length, 3, said.join("\n"));
  assert.match(said[0], /^ECT is given in a hospital or facility, but the sheet names none for “Index ECT”, “Maintenance ECT”/);
  assert.match(said[1], /^ECT is given under general anaesthesia, but this treatment lists no anaesthesia/);
  assert.match(said[2], /^This item has no service code, which a Good Faith Estimate lists for every item: “Index bundle”/);
  const own = structuredClone(treatment("ect"));
  delete own.fees[1].provider;
  assert.deepEqual(treatmentChecks(sheet, own).map((w) => w.slice(0, 50)), ["“Anaesthesia for ECT” is billed by the clinic itse"]);
});

test("re-issue: a saved estimate is read back, and what changed is said item by item", () => {
  const old = { ...engine.goodFaithEstimate(sheet, input("esketamine")), treatment: "esketamine", start: "2026-12-07" };
  assert.deepEqual(readSaved(JSON.stringify(old), sheet).gfe, old);
  assert.match(readSaved("{", sheet).error, /not JSON/);
  assert.match(readSaved(JSON.stringify({ number: "Q" }), sheet).error, /it has no date, treatment, start, patient, items, total, diagnosisCodes/);
  assert.match(readSaved(JSON.stringify({ ...old, treatment: "gone" }), sheet).error, /no treatment “gone”/);
  // Today's sheet: the office visit 980.00 → 1,000.00, the consultation dropped.
  const today = structuredClone(sheet);
  today.payers = [];
  const t = today.treatments.find((x) => x.id === "esketamine");
  for (const p of t.phases) p.price = 100000;
  t.fees = t.fees.filter((f) => !f.name.startsWith("New-patient"));
  const now = engine.goodFaithEstimate(today, { ...input("esketamine"), date: "2026-12-01" });
  const rows = changes(old, now);
  const visit = rows.find((r) => r.service === "Weeks 1-4, twice weekly");
  // 8 visits, 980.00 → 1,000.00 each: 7,840.00 → 8,000.00.
  assert.equal(visit.change, "charge each time changed");
  assert.deepEqual([visit.before.expectedCharge, visit.now.expectedCharge], [784000, 800000]);
  assert.deepEqual(rows.at(-1), { service: "New-patient consultation, 60 minutes", before: rows.at(-1).before, now: undefined, change: "removed" });
  const medicine = rows.find((r) => r.service.startsWith("Esketamine nasal spray"));
  assert.equal(medicine.change, "unchanged");
});
