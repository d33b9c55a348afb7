// Hostile JavaScript values through every export of the shipped package
// (`npm pack` of pkg/, installed into a fresh project, as users get it):
// revoked Proxies, Proxies whose every trap throws, `ownKeys` or `length`
// that throw, getters that answer a different type on each read, at every
// level of every input, thousands of times; then the same instance must
// still estimate right. Before every JavaScript call of the bindings was a
// `catch` binding, an exception thrown through the wasm left its stack
// pointer moved, and about 580 such calls broke the instance for good
// ("memory access out of bounds"). Also: ClinicSheet misuse, the frozen
// catalogue, and the cost of an input with 100,000 unknown keys.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
let project;

before(() => {
  project = mkdtempSync(join(tmpdir(), "coursecost-hostile-"));
  const out = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", project, "--json"], { encoding: "utf8" });
  const tarball = JSON.parse(out)[0].filename;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, tarball)], { cwd: project, stdio: "pipe" });
  writeFileSync(join(project, "entry.mjs"), 'export * from "coursecost";\n');
  writeFileSync(join(project, "staff.mjs"), 'export * from "coursecost/staff";\n');
  writeFileSync(join(project, "catalogue.mjs"), 'export { default } from "coursecost/catalogue.js";\n');
});

const load = (name) => import(pathToFileURL(join(project, name)));
const json = (file) => JSON.parse(readFileSync(join(root, file), "utf8"));

// A plan with a phase, `every`, a fee, coverage (with limits) and a
// savings programme, so each level exists to be replaced.
const PLAN = {
  ...json("tests/golden/01-iv-ketamine.plan.json"),
  coverage: { coinsurance: 20, deductible: 100000, limits: [{ phases: ["Induction"], sessions: 4, per: "course" }] },
  assistance: [{ name: "Card", patientPaysAtMost: 1000, annualMax: 30000 }],
};
const SHEET = json("www/staff/clinic.sample.json");
const INPUT = { treatment: "tms", start: "2027-01-04", date: "2026-11-21", payment: "self-pay", patient: { name: "Ana Pérez", birthDate: "1958-03-14" } };
const OPTIONS = { coverage: { deductible: 150000, coinsurance: 20 }, assistance: [{ name: "Card", patientPaysAtMost: 1000, annualMax: 30000 }], horizon: { months: 12 } };

const boom = () => {
  throw new Error("boom");
};
const TRAPS = ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"];
const allTrapsThrow = (target) => new Proxy(target, Object.fromEntries(TRAPS.map((t) => [t, boom])));
const revoked = (target) => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};

/** Hostile stand-ins for a value `v` that was there: each a fresh one. */
const HOSTILE = {
  "a revoked Proxy": () => revoked({}),
  "a revoked Proxy of a list": () => revoked([]),
  "a Proxy whose every trap throws": () => allTrapsThrow({}),
  "a Proxy of a list whose every trap throws": () => allTrapsThrow([]),
  "a Proxy whose ownKeys throws": (v) => new Proxy(v && typeof v === "object" ? structuredClone(v) : {}, { ownKeys: boom }),
  "a list whose length throws": (v) =>
    new Proxy(Array.isArray(v) ? structuredClone(v) : [], { get: (t, k, r) => (k === "length" ? boom() : Reflect.get(t, k, r)) }),
};

/** A getter answering another type on every read: the value, then others. */
function flipping(v) {
  let n = 0;
  const answers = [v, 5, "x", {}, [], null, undefined, revoked({}), true, [v]];
  return { get: () => answers[n++ % answers.length], enumerable: true, configurable: true };
}

const clone = (v) => structuredClone(v);

/** `root` with the value at `path` (a list of keys) replaced by a hostile
 * one of kind `hostile`, or made a flipping getter; the empty path replaces
 * the root. `undefined` when `root` has nothing at `path`. */
function placed(rootValue, path, hostile) {
  if (path.length === 0) return hostile === "flipping" ? flippingRoot(rootValue) : HOSTILE[hostile](rootValue);
  const copy = clone(rootValue);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent?.[key];
  const key = path.at(-1);
  if (parent?.[key] === undefined) return undefined;
  if (hostile === "flipping") Object.defineProperty(parent, key, flipping(parent[key]));
  else parent[key] = HOSTILE[hostile](parent[key]);
  return copy;
}

/** A root object whose every field flips. */
function flippingRoot(v) {
  const out = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, flipping(x));
  return out;
}

const KINDS = [...Object.keys(HOSTILE), "flipping"];

/** Checks the outcome of one hostile call; returns whether it was refused. */
function checkThrown(err, what) {
  assert.ok(!(err instanceof WebAssembly.RuntimeError), `${what}: the wasm trapped: ${err}`);
  assert.ok(err instanceof Error, `${what}: threw a non-Error ${String(err)}`);
  assert.equal(err.name, "PlanError", `${what}: ${err.name}: ${err.message}`);
  assert.ok(typeof err.code === "string" && err.code.length > 0, `${what}: no code`);
  assert.equal(typeof err.path, "string", `${what}: no path`);
  checkProblems(err.problems, what);
  assert.equal(err.code, err.problems[0].code, what);
  assert.equal(err.path, err.problems[0].path, what);
}

function checkProblems(problems, what) {
  assert.ok(Array.isArray(problems) && problems.length > 0, `${what}: no problems`);
  for (const p of problems) {
    assert.ok(typeof p.code === "string" && p.code && typeof p.path === "string" && typeof p.message === "string" && p.message, `${what}: ${JSON.stringify(p)}`);
  }
}

/** Runs `call`: a refusal must be a PlanError with problems; with a getter
 * that flips (or a Proxy of a list whose `ownKeys` throws: a list's keys
 * are never listed), a valid read is allowed to succeed. */
function refused(call, what, { flipping = false, returnsProblems = false } = {}) {
  let result;
  try {
    result = call();
  } catch (err) {
    checkThrown(err, what);
    return 1;
  }
  if (returnsProblems) {
    assert.ok(Array.isArray(result), what);
    if (flipping && result.length === 0) return 0;
    checkProblems(result, what);
    return 1;
  }
  assert.ok(flipping, `${what}: accepted`);
  return 0;
}

/** Where each input is played false: the levels of a plan, sheet, input. */
const PLAN_PATHS = [[], ["phases"], ["phases", 0], ["phases", 0, "every"], ["phases", 0, "every", "weekdays"], ["fees"], ["fees", 0], ["coverage"], ["coverage", "limits"], ["coverage", "limits", 0], ["assistance"], ["assistance", 0], ["clinic"]];
const OPTION_PATHS = [[], ["coverage"], ["assistance"], ["assistance", 0], ["horizon"]];
const SHEET_PATHS = [[], ["address"], ["treatments"], ["treatments", 0], ["treatments", 2], ["treatments", 2, "phases", 0], ["treatments", 2, "phases", 0, "every"], ["holidays"]];
const INPUT_PATHS = [[], ["patient"], ["patient", "name"], ["start"], ["treatment"]];

/** Every hostile call an engine's exports can take, each with its `what`;
 * each hostile value is made before its call. */
function* calls(lib, staff) {
  const { estimate, validate, range, compare } = lib;
  const preset = staff ? null : lib.preset("tms");
  for (const kind of KINDS) {
    // A getter that flips may be read when it holds a valid value; a list's
    // keys are never listed, so a list whose ownKeys throws is still a list.
    const lenient = (old) => ({ flipping: kind === "flipping" || (kind === "a Proxy whose ownKeys throws" && Array.isArray(old)) });
    const at = (root, path) => path.reduce((v, k) => v?.[k], root);
    for (const path of PLAN_PATHS) {
      const where = `${kind} at plan.${path.join(".")}`;
      const options = lenient(at(PLAN, path));
      const plan = () => placed(PLAN, path, kind);
      yield [((p) => () => estimate(p))(plan()), `estimate: ${where}`, options];
      yield [((p) => () => validate(p))(plan()), `validate: ${where}`, { ...options, returnsProblems: true }];
      yield [((p) => () => compare([PLAN, p]))(plan()), `compare: ${where}`, options];
      if (preset && placed(preset.plan, path, kind) !== undefined) {
        const p = { ...preset, plan: placed(preset.plan, path, kind) };
        yield [() => range(p), `range: ${kind} at preset.plan.${path.join(".")}`, lenient(at(preset.plan, path))];
      }
    }
    for (const path of OPTION_PATHS) {
      const where = `${kind} at options.${path.join(".")}`;
      const options = lenient(at(OPTIONS, path));
      if (preset) yield [((o) => () => range(preset, o))(placed(OPTIONS, path, kind)), `range: ${where}`, options];
      yield [((o) => () => compare([PLAN], o))(placed(OPTIONS, path, kind)), `compare: ${where}`, options];
    }
    if (kind !== "flipping") {
      yield [((v) => () => compare(v))(HOSTILE[kind]([PLAN])), `compare: ${kind} as the plans`, lenient([PLAN])];
      if (preset) {
        yield [((v) => () => range(v))(HOSTILE[kind](preset)), `range: ${kind} as the preset`];
        yield [((v) => () => lib.presets(v))(HOSTILE[kind]()), `presets: ${kind} as the start`];
        yield [((v) => () => lib.preset("tms", v))(HOSTILE[kind]()), `preset: ${kind} as the start`];
        yield [((v) => () => lib.preset(v))(HOSTILE[kind]()), `preset: ${kind} as the id`];
      }
    }
    if (!staff) continue;
    const { validateClinic, quote, goodFaithEstimate, quoteCsv, ClinicSheet } = staff;
    const handle = new ClinicSheet(SHEET);
    for (const path of SHEET_PATHS) {
      const where = `${kind} at sheet.${path.join(".")}`;
      const options = lenient(at(SHEET, path));
      const sheet = () => placed(SHEET, path, kind);
      yield [((s) => () => validateClinic(s))(sheet()), `validateClinic: ${where}`, { ...options, returnsProblems: true }];
      yield [((s) => () => quote(s, INPUT))(sheet()), `quote: ${where}`, options];
      yield [((s) => () => goodFaithEstimate(s, INPUT))(sheet()), `goodFaithEstimate: ${where}`, options];
      yield [((s) => () => quoteCsv(s, INPUT))(sheet()), `quoteCsv: ${where}`, options];
      yield [((s) => () => new ClinicSheet(s).quote(INPUT))(sheet()), `new ClinicSheet: ${where}`, options];
    }
    for (const path of INPUT_PATHS) {
      const where = `${kind} at input.${path.join(".")}`;
      const options = lenient(at(INPUT, path));
      const input = () => placed(INPUT, path, kind);
      yield [((i) => () => quote(SHEET, i))(input()), `quote: ${where}`, options];
      yield [((i) => () => goodFaithEstimate(SHEET, i))(input()), `goodFaithEstimate: ${where}`, options];
      yield [((i) => () => quoteCsv(SHEET, i))(input()), `quoteCsv: ${where}`, options];
      yield [((i) => () => handle.quote(i))(input()), `ClinicSheet.quote: ${where}`, options];
      yield [((i) => () => handle.goodFaithEstimate(i))(input()), `ClinicSheet.goodFaithEstimate: ${where}`, options];
      yield [((i) => () => handle.quoteCsv(i))(input()), `ClinicSheet.quoteCsv: ${where}`, options];
    }
  }
}

/** Every hostile call, `rounds` times; then the instance must answer right. */
function survives(lib, staff, rounds) {
  const expected = lib.estimate(PLAN);
  const expectedQuote = staff?.quote(SHEET, INPUT);
  let total = 0;
  let refusals = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [call, what, options] of calls(lib, staff)) {
      total += 1;
      refusals += refused(call, what, options);
    }
  }
  // A fresh estimate of the same plan, from the same instance: identical.
  assert.deepEqual(lib.estimate(clone(PLAN)), expected);
  assert.deepEqual(lib.estimate(json("tests/golden/01-iv-ketamine.plan.json")), json("tests/golden/01-iv-ketamine.estimate.json"));
  if (staff) {
    assert.deepEqual(staff.quote(clone(SHEET), clone(INPUT)), expectedQuote);
    assert.deepEqual(new staff.ClinicSheet(SHEET).quote(INPUT), expectedQuote);
  }
  return { total, refusals };
}

test("the engine: every hostile value through every export is a PlanError with its problems, thousands of times", async () => {
  const lib = await load("entry.mjs");
  const { total, refusals } = survives(lib, null, 8);
  assert.ok(total >= 3000, `${total} calls`);
  assert.ok(refusals > total * 0.8, `only ${refusals} of ${total} refused`);
});

test("the staff engine: the same through every export and the ClinicSheet class", async () => {
  const lib = await load("entry.mjs");
  const staff = await load("staff.mjs");
  const { total, refusals } = survives(staff, staff, 5);
  assert.ok(total >= 3000, `${total} calls`);
  assert.ok(refusals > total * 0.8, `only ${refusals} of ${total} refused`);
  // The visitor engine, in its own instance, is untouched by all of that.
  assert.deepEqual(lib.estimate(PLAN), staff.estimate(PLAN));
});

test("what used to break an instance: a revoked Proxy 3,000 times, then a right answer", async () => {
  const lib = await load("entry.mjs");
  const staff = await load("staff.mjs");
  for (const engine of [lib, staff]) {
    const expected = engine.estimate(PLAN);
    for (let i = 0; i < 3000; i++) {
      assert.throws(() => engine.estimate({ ...PLAN, coverage: revoked({}) }), (err) => {
        checkThrown(err, "revoked coverage");
        assert.equal(err.path, "coverage");
        assert.equal(err.code, "invalid_type");
        return true;
      });
    }
    assert.deepEqual(engine.estimate(PLAN), expected);
  }
});

test("a ClinicSheet used after free(), twice freed, on a foreign this or freed mid-quote never reaches the wasm", async () => {
  const staff = await load("staff.mjs");
  const { ClinicSheet } = staff;
  const expected = staff.quote(SHEET, INPUT);
  const freed = new ClinicSheet(SHEET);
  freed.free();
  for (let i = 0; i < 3000; i++) {
    assert.throws(() => freed.quote(INPUT), (err) => !(err instanceof WebAssembly.RuntimeError) && /freed/.test(err.message));
    assert.throws(() => freed.quoteCsv(INPUT), /freed/);
    assert.throws(() => freed.goodFaithEstimate(INPUT), /freed/);
    freed.free();
    assert.throws(() => ClinicSheet.prototype.quote.call({}, INPUT), TypeError);
    assert.throws(() => ClinicSheet.prototype.quote.call({ __wbg_ptr: 8 }, INPUT), TypeError);
  }
  // Freed by a getter of the input while it quotes: the quote ends, then the
  // sheet is freed.
  const handle = new ClinicSheet(SHEET);
  const input = { ...INPUT };
  Object.defineProperty(input, "treatment", { get() { handle.free(); return "tms"; }, enumerable: true });
  assert.deepEqual(handle.quote(input), expected);
  assert.throws(() => handle.quote(INPUT), /freed/);
  // Quoting from a getter of the input (re-entry) is fine.
  const again = new ClinicSheet(SHEET);
  const nested = { ...INPUT };
  let inner;
  Object.defineProperty(nested, "treatment", { get() { inner = again.quote(INPUT); return "tms"; }, enumerable: true });
  assert.deepEqual(again.quote(nested), expected);
  assert.deepEqual(inner, expected);
  if (Symbol.dispose) {
    const disposed = new ClinicSheet(SHEET);
    disposed[Symbol.dispose]();
    assert.throws(() => disposed.quote(INPUT), /freed/);
  }
  assert.deepEqual(staff.quote(SHEET, INPUT), expected);
});

test("the catalogue cannot be changed from outside: preset() hands out checked plans whatever a consumer does", async () => {
  const lib = await load("entry.mjs");
  const { default: kept } = await load("catalogue.mjs");
  const data = json("data/presets.json");
  const fresh = () => lib.preset("iv-ketamine");
  const expected = data.presets.find((p) => p.id === "iv-ketamine");
  assert.deepEqual(fresh(), expected);
  // A returned preset is the caller's own copy.
  const mine = fresh();
  mine.plan.phases[0].price = -1;
  mine.plan.phases.push({ junk: true });
  mine.low = null;
  delete mine.high;
  const all = lib.presets();
  all[0].plan.start = "not a date";
  all.length = 0;
  assert.deepEqual(fresh(), expected);
  assert.deepEqual(lib.presets()[0], data.presets[0]);
  // The kept catalogue (exported as coursecost/catalogue.js) is frozen all
  // the way down: every change throws (ES modules are strict) and none sticks.
  const attempts = [
    () => { kept.presets[0].plan.phases[0].price = -1; },
    () => { kept.presets[0].plan.phases.push({ junk: true }); },
    () => { kept.presets[0].plan = {}; },
    () => { kept.presets.length = 0; },
    () => { kept.presets.pop(); },
    () => { delete kept.presets[0].low; },
    () => { kept.extra = 1; },
    () => { Object.defineProperty(kept.presets[0], "plan", { value: {} }); },
    () => { Object.setPrototypeOf(kept.presets[0].plan, { sessions: 0 }); },
    () => { kept.presets[0].plan.phases[0].every.weekdays[0] = "sun"; },
  ];
  for (const attempt of attempts) assert.throws(attempt, TypeError, String(attempt));
  assert.ok(Object.isFrozen(kept) && Object.isFrozen(kept.presets[5].high.phases[0].every));
  // The package's exports: a module namespace cannot be written to.
  assert.throws(() => { lib.preset = () => expected; }, TypeError);
  assert.throws(() => Object.defineProperty(lib, "presets", { value: () => [] }), TypeError);
  assert.deepEqual(fresh(), expected);
  assert.deepEqual(lib.preset("iv-ketamine", "2027-02-01").plan.phases, expected.plan.phases);
  assert.deepEqual(lib.estimate(fresh().plan), lib.estimate(expected.plan));
});

test("100,000 unknown keys, or a 6 MB sheet of them, are refused with the first 100 problems in well under a second", async () => {
  const lib = await load("entry.mjs");
  const staff = await load("staff.mjs");
  const keys = (n, width) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`prce${String(i).padStart(width, "0")}`, 1]));
  const plan = { ...PLAN, ...keys(100_000, 7) };
  const sheet = { ...SHEET, ...keys(100_000, 56) };
  assert.ok(JSON.stringify(sheet).length > 6_000_000);
  const fastest = (f) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const times = {
    "estimate, 100,000 keys": fastest(() => assert.throws(() => lib.estimate(plan), (err) => err.problems.length === 100 && err.code === "unknown_field")),
    "validate, 100,000 keys": fastest(() => assert.equal(lib.validate(plan).length, 100)),
    "validateClinic, 6 MB": fastest(() => assert.equal(staff.validateClinic(sheet).length, 100)),
    "new ClinicSheet, 6 MB": fastest(() => assert.throws(() => new staff.ClinicSheet(sheet), (err) => err.problems.length === 100)),
  };
  for (const [what, ms] of Object.entries(times)) assert.ok(ms < 1000, `${what}: ${ms.toFixed(1)} ms`);
  console.log(Object.entries(times).map(([w, ms]) => `${w}: ${ms.toFixed(1)} ms`).join("; "));
});

test("inherited fields on Object.prototype and Array.prototype change no answer of any export", async () => {
  const lib = await load("entry.mjs");
  const staff = await load("staff.mjs");
  // A small sheet worked by hand: two Monday sessions of 100.00 from Monday
  // 2027-01-04 (the 4th and the 11th) and a 50.00 consultation: 25,000 cents.
  const sheet = {
    name: "Small Clinic", npi: "1234567893", tin: "12-3456789",
    address: { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701" },
    payers: [{ id: "p", name: "A payer" }],
    treatments: [{
      id: "tms", name: "TMS", diagnosisCodes: ["F33.2"], horizon: { months: 1 },
      phases: [{ name: "Sessions", every: { weekdays: ["mon"] }, sessions: 2, price: 10000, code: "90867" }],
      fees: [{ name: "Consultation", amount: 5000, when: "once", code: "99205" }],
    }],
  };
  const input = { treatment: "tms", start: "2027-01-04", date: "2026-12-01", payment: "self-pay", patient: { name: "Ana Pérez", birthDate: "1958-03-14" } };
  const golden = json("tests/golden/01-iv-ketamine.plan.json");
  const all = () => ({
    estimate: lib.estimate(clone(golden)),
    validate: lib.validate(clone(golden)),
    range: lib.range(lib.preset("tms")),
    compare: lib.compare([clone(golden), clone(golden)]),
    presets: lib.presets("2027-01-04"),
    preset: lib.preset("tms", "2027-01-04"),
    validateClinic: staff.validateClinic(clone(sheet)),
    quote: staff.quote(clone(sheet), clone(input)),
    goodFaithEstimate: staff.goodFaithEstimate(clone(sheet), clone(input)),
    quoteCsv: staff.quoteCsv(clone(sheet), clone(input)),
    classQuote: new staff.ClinicSheet(clone(sheet)).quote(clone(input)),
  });
  const expected = all();
  const pollution = {
    discounts: [{ name: "Polluted", percent: 90 }],
    coverage: { coinsurance: 0 },
    assistance: [{ name: "Polluted card", patientPaysAtMost: 0 }],
    allowed: 1,
    start: "2026-01-05",
    sessions: 1,
    horizon: { months: 1 },
    holidays: ["2027-01-11"],
    clinic: { closedDates: ["2026-01-07"] },
    high: { phases: [{ name: "Sessions", every: { weeks: 1 }, sessions: 1, price: 1 }] },
    number: "Q-POLLUTED",
    diagnosisCodes: ["Z99.9"],
  };
  let got, missingStart, hole;
  try {
    Object.assign(Object.prototype, pollution);
    Array.prototype[0] = { name: "Polluted", every: { weeks: 1 }, price: 1 };
    got = all();
    const noStart = clone(golden);
    delete noStart.start;
    missingStart = lib.validate(noStart);
    hole = staff.validateClinic({ ...clone(sheet), treatments: new Array(1) });
  } finally {
    for (const key of Object.keys(pollution)) delete Object.prototype[key];
    delete Array.prototype[0];
  }
  // Hand-worked: the small sheet's quote charges 25,000 over three lines,
  // the second session on the 11th, under its own diagnosis code.
  assert.equal(got.quote.estimate.totals.charge, 25_000);
  assert.equal(got.quote.estimate.totals.patientPays, 25_000);
  assert.deepEqual(got.quote.estimate.lines.map((l) => l.date), ["2027-01-04", "2027-01-04", "2027-01-11"]);
  assert.deepEqual(got.quote.diagnosisCodes, ["F33.2"]);
  assert.equal(got.goodFaithEstimate.total, 25_000);
  assert.equal(got.goodFaithEstimate.highTotal, undefined);
  assert.deepEqual(got.validate, []);
  assert.deepEqual(got.validateClinic, []);
  // Everything else exactly as without the pollution (the golden estimate
  // is worked by hand in its own test).
  assert.deepEqual(got.estimate, json("tests/golden/01-iv-ketamine.estimate.json"));
  assert.deepEqual(got, expected);
  assert.deepEqual(missingStart.map((p) => [p.code, p.path]), [["missing_field", "start"]]);
  assert.deepEqual(hole.map((p) => [p.code, p.path]), [["invalid_type", "treatments[0]"]]);
});
