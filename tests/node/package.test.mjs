// The published npm package, as a user gets it: `npm pack` of pkg/,
// installed into a fresh project, imported by name from Node ESM.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = join(root, "pkg");
const golden = join(root, "tests/golden");
let project; // the fresh consumer project
let lib; // what `import * from "coursecost"` gives there

before(() => {
  project = mkdtempSync(join(tmpdir(), "coursecost-consumer-"));
  const out = execFileSync("npm", ["pack", pkg, "--pack-destination", project, "--json"], { encoding: "utf8" });
  const tarball = JSON.parse(out)[0].filename;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, tarball)], { cwd: project, stdio: "pipe" });
  writeFileSync(join(project, "entry.mjs"), 'export * from "coursecost";\nexport { default } from "coursecost";\n');
});

const load = async () => (lib ??= await import(pathToFileURL(join(project, "entry.mjs"))));

test("imports by name in Node with no init call", async () => {
  const { estimate, validate, version } = await load();
  assert.equal(typeof estimate, "function");
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.deepEqual(validate({ start: "2026-01-05", phases: [{ name: "S", every: { weeks: 1 }, price: 1 }] }), []);
});

test("init() is harmless under Node, for isomorphic code", async () => {
  const mod = await load();
  await mod.default();
  assert.equal(mod.estimate(JSON.parse(readFileSync(join(golden, "03-medicare.plan.json"), "utf8"))).totals.patientPays, 100028);
});

test("every golden example reproduces through the package", async () => {
  const { estimate } = await load();
  const plans = readdirSync(golden).filter((f) => f.endsWith(".plan.json"));
  assert.ok(plans.length >= 12);
  const strip = (e) => ({ ...e, warnings: e.warnings.map(({ message, ...w }) => w) });
  for (const file of plans) {
    const plan = JSON.parse(readFileSync(join(golden, file), "utf8"));
    const expected = JSON.parse(readFileSync(join(golden, file.replace(".plan.", ".estimate.")), "utf8"));
    // Same fields, in the same order, with the same numbers.
    assert.equal(JSON.stringify(strip(estimate(plan))), JSON.stringify(strip(expected)), file);
  }
});

test("errors are Errors with code, path and every problem", async () => {
  const { estimate } = await load();
  const plan = { start: "2026-01-05", phases: [{ name: "A", every: { weeks: 1 }, price: 100 }, { name: "B", every: { weeks: 0 }, price: 5 }] };
  assert.throws(
    () => estimate(plan),
    (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.name, "PlanError");
      assert.equal(err.message, "phases[1].every.weeks: must be from 1 to 52; it is 0");
      assert.equal(err.code, "out_of_range");
      assert.equal(err.path, "phases[1].every.weeks");
      return true;
    },
  );
  // Every problem, unknown fields of an object first (a misspelling usually
  // explains the missing field that follows), then its values in order.
  plan.phases[1] = { name: "B", every: { weeks: 0 }, prcie: 5 };
  assert.throws(
    () => estimate(plan),
    (err) => {
      assert.equal(err.message, 'phases[1].prcie: unknown field "prcie" — did you mean "price"? (and 2 more problems)');
      assert.deepEqual(err.problems.map((p) => [p.code, p.path]), [
        ["unknown_field", "phases[1].prcie"],
        ["out_of_range", "phases[1].every.weeks"],
        ["missing_field", "phases[1].price"],
      ]);
      return true;
    },
  );
});

test("the package.json exports map and metadata", () => {
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/coursecost/package.json"), "utf8"));
  assert.equal(manifest.type, "module");
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.types, "./coursecost.d.ts");
  assert.equal(manifest.exports["."].node, "./node.js");
  assert.equal(manifest.exports["."].default, "./coursecost.js");
  assert.equal(manifest.exports["./coursecost_bg.wasm"], "./coursecost_bg.wasm");
  const resolved = execFileSync("node", ["--input-type=module", "-e", 'console.log(import.meta.resolve("coursecost/coursecost_bg.wasm"))'], { cwd: project, encoding: "utf8" });
  assert.match(resolved.trim(), /node_modules\/coursecost\/coursecost_bg\.wasm$/);
});

test("the web entry works with an explicit init, as browsers and bundlers use it", async () => {
  const web = await import(pathToFileURL(join(project, "node_modules/coursecost/coursecost.js")) + "?web");
  await web.default({ module_or_path: readFileSync(join(project, "node_modules/coursecost/coursecost_bg.wasm")) });
  assert.equal(web.estimate(JSON.parse(readFileSync(join(golden, "01-iv-ketamine.plan.json"), "utf8"))).totals.patientPays, 625000);
});

test("TypeScript types: real interfaces, strict consumer compiles", () => {
  const dts = readFileSync(join(pkg, "coursecost.d.ts"), "utf8");
  for (const name of ["Plan", "Phase", "Coverage", "Estimate", "Line", "Totals", "Problem", "FinancingSchedule"]) {
    assert.match(dts, new RegExp(`export interface ${name} \\{`), name);
  }
  // Our declarations, before wasm-bindgen's own init and raw-export types.
  const ours = dts.slice(0, dts.indexOf("export type InitInput")).replace(/\/\*[\s\S]*?\*\//g, "");
  assert.ok(ours.length > 5000);
  assert.doesNotMatch(ours, /\bany\b/, "no any in the declarations");
  assert.match(dts, /export function estimate\(plan: Plan\): Estimate;/);
  assert.match(dts, /export function validate\(plan: Plan\): Problem\[\];/);
  const dir = join(project, "ts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "consumer.ts"),
    `import { estimate, validate, type Plan, type Estimate } from "coursecost";
const plan: Plan = { start: "2026-01-05", phases: [{ name: "IV", every: { weekdays: ["mon", "thu"] }, sessions: 6, price: 50000 }] };
const e: Estimate = estimate(plan);
const cents: number = e.totals.patientPays;
const first: string | undefined = e.lines[0]?.code;
const problems: string[] = validate(plan).map((p) => p.path + ": " + p.message);
// @ts-expect-error a misspelt field is a type error too
const bad: Plan = { start: "2026-01-05", phases: [{ name: "IV", every: { weeks: 1 }, prcie: 1 }] };
export { cents, first, problems, bad };
`,
  );
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false }, files: ["consumer.ts"] }));
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { cwd: project, stdio: "pipe" });
});

test("size budget: wasm ≤ 45 KB and JS glue ≤ 6 KB, gzip -9", () => {
  const gz = (f) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
  const wasm = gz("coursecost_bg.wasm");
  const glue = gz("coursecost.js");
  assert.ok(wasm <= 45_000, `coursecost_bg.wasm is ${wasm} B gzipped`);
  assert.ok(glue <= 6_000, `coursecost.js is ${glue} B gzipped`);
});
