// The catalogue through the published package (`npm pack` of pkg/, installed
// into a fresh project): the examples of insurance, the version-2 fields of
// the presets (optional fees, coverage limits, expected warnings, Spanish),
// and the TypeScript types a consumer sees.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const data = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
let project;
let lib;

before(() => {
  project = mkdtempSync(join(tmpdir(), "coursecost-catalogue-"));
  const out = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", project, "--json"], { encoding: "utf8" });
  const tarball = JSON.parse(out)[0].filename;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, tarball)], { cwd: project, stdio: "pipe" });
  writeFileSync(join(project, "entry.mjs"), 'export * from "coursecost";\n');
});

const load = async () => (lib ??= await import(pathToFileURL(join(project, "entry.mjs"))));

test("coverageExamples() are the data file's, as copies", async () => {
  const { coverageExamples } = await load();
  const examples = coverageExamples();
  assert.deepEqual(examples, data.coverageExamples);
  assert.deepEqual(examples.map((x) => x.id), ["employer-typical", "employer-hdhp", "medicare-part-b", "medicare-part-b-medigap-g", "medicare-part-b-part-d"]);
  examples[0].coverage.deductible = 1;
  assert.notEqual(coverageExamples()[0].coverage.deductible, 1);
  for (const x of examples) assert.ok(x.es.name && x.es.summary, x.id);
});

test("every preset estimates with every example of insurance, warning only by design", async () => {
  const { presets, coverageExamples, estimate, range } = await load();
  for (const p of presets("2026-03-02")) {
    for (const x of coverageExamples()) {
      for (const plan of [p.low, p.plan, p.high]) {
        const e = estimate({ ...plan, coverage: x.coverage });
        for (const w of e.warnings) assert.ok((p.expectedWarnings ?? []).includes(w.code), `${p.id} ${x.id}: ${w.code}`);
      }
      const r = range(p, { coverage: x.coverage });
      assert.equal(r.typical.patientPays, estimate({ ...p.plan, coverage: x.coverage }).totals.patientPays);
    }
  }
});

test("an optional fee is off in the plans and adds its lines when appended", async () => {
  const { preset, estimate } = await load();
  const esk = preset("esketamine");
  const ride = esk.optionalFees.find((f) => f.name === "Round-trip ride");
  assert.equal(ride.covered, false);
  assert.ok(!esk.plan.fees.some((f) => f.name === ride.name), "off by default");
  const without = estimate(esk.plan);
  const withRide = estimate({ ...esk.plan, fees: [...esk.plan.fees, ride] });
  assert.equal(withRide.totals.charge - without.totals.charge, ride.amount * without.totals.sessions);
  const rides = withRide.lines.filter((l) => l.name === ride.name);
  assert.ok(rides.length === without.totals.sessions && rides.every((l) => l.covered === false && l.patientPays === ride.amount));
});

test("the esketamine programme needs a commercial plan: it warns self-pay and pays with an employer plan", async () => {
  const { preset, estimate, coverageExamples } = await load();
  const esk = preset("esketamine");
  assert.deepEqual(esk.expectedWarnings, ["assistance_not_eligible"]);
  assert.deepEqual(estimate(esk.plan).warnings.map((w) => w.code), ["assistance_not_eligible"]);
  const employer = coverageExamples().find((x) => x.id === "employer-typical");
  const e = estimate({ ...esk.plan, coverage: employer.coverage });
  assert.deepEqual(e.warnings, []);
  assert.ok(e.totals.assistance > 0);
  assert.ok(e.lines.filter((l) => l.assistance > 0).every((l) => l.benefit === "pharmacy"));
});

test("TMS's coverage limits hold Medicare's initial authorization; raised to the extension, they cover the course", async () => {
  const { preset, estimate, coverageExamples } = await load();
  const tms = preset("tms");
  const medicare = coverageExamples().find((x) => x.id === "medicare-part-b");
  // 20 daily and 5 taper sessions: sessions 21-30 and the 6th taper session are refused, the patient's (beyond).
  const coverage = { ...medicare.coverage, limits: tms.coverageLimits };
  const e = estimate({ ...tms.plan, coverage });
  assert.deepEqual(e.warnings.map((w) => w.code), ["coverage_limit_reached", "coverage_limit_reached"]);
  assert.equal(e.lines.filter((l) => !l.covered).length, 11);
  assert.deepEqual(tms.coverageLimits.map((l) => l.beyond), ["patient", "patient"]);
  // With at least 25% improvement: 30 and 6, the whole course; one more daily session is refused.
  const extended = { ...medicare.coverage, limits: tms.coverageLimits.map((l, i) => ({ ...l, sessions: [30, 6][i] })) };
  assert.deepEqual(estimate({ ...tms.plan, coverage: extended }).warnings, []);
  const longer = { ...tms.plan, phases: tms.plan.phases.map((p) => (p.name === "Daily sessions" ? { ...p, sessions: p.sessions + 1 } : p)), coverage: extended };
  assert.deepEqual(estimate(longer).warnings.map((w) => w.code), ["coverage_limit_reached"]);
});

test("every preset states what one session costs in all, and the Spanish of every name a visitor sees", async () => {
  const { presets } = await load();
  for (const p of presets()) {
    const [phase, ...fees] = p.sessionCost.parts;
    // The phase's price and the fees charged with it add up to the amount.
    const sum = p.plan.phases.find((x) => x.name === phase).price + fees.reduce((n, f) => n + p.plan.fees.find((x) => x.name === f).amount, 0);
    assert.equal(sum, p.sessionCost.amount, p.id);
    for (const plan of [p.low, p.plan, p.high]) {
      for (const x of [...plan.phases, ...(plan.fees ?? []), ...(plan.assistance ?? [])]) assert.ok(p.es.names[x.name], `${p.id}: ${x.name}`);
    }
  }
});

test("Spanish texts match the English ones entry by entry", async () => {
  const { presets } = await load();
  for (const p of presets()) {
    assert.ok(p.es.name && p.es.summary, p.id);
    assert.equal(p.es.assumptions.length, p.assumptions.length, p.id);
  }
});

test("TypeScript: the catalogue's types as a consumer uses them", () => {
  writeFileSync(
    join(project, "consumer.ts"),
    `import { presets, coverageExamples, range, estimate } from "coursecost";
import type { CoverageExample, Preset, Fee, CoverageLimit, WarningCode } from "coursecost";
const examples: CoverageExample[] = coverageExamples();
const employer = examples.find((x) => x.id === "employer-typical")!;
const texts: string[] = examples.map((x) => x.es.name + x.summary + x.sources[0].url);
const p: Preset = presets()[0];
const extra: Fee[] = p.optionalFees ?? [];
const limits: CoverageLimit[] = p.coverageLimits ?? [];
const warned: WarningCode[] = p.expectedWarnings ?? [];
const spanish: string | undefined = p.es?.assumptions[0];
const perSession: number | undefined = p.sessionCost?.amount;
const taper: string | undefined = p.es?.names?.["Taper"];
const total: number = range(p, { coverage: { ...employer.coverage, limits } }).typical.patientPays;
const withFees: number = estimate({ ...p.plan, fees: [...(p.plan.fees ?? []), ...extra] }).totals.charge;
export { texts, warned, spanish, perSession, taper, total, withFees };
`,
  );
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false }, files: ["consumer.ts"] }));
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(project, "tsconfig.json")], { cwd: project, stdio: "pipe" });
});
