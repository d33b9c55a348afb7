// The package where developers put it: real apps built from the packed
// tarball (`npm pack` of pkg/) with each tool's defaults, run in Node or
// loaded in Chromium. The tools come from target/clients/tools (installed
// once by scripts/clients.sh from tests/clients/package-lock.json); nothing here
// reaches the network. Run through `make test-clients`.
//
// Every app estimates the same plan: 6 weekly sessions at $500.00 with no
// insurance, so the patient pays 6 × 50000 = 300000 cents.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const clients = join(root, "target/clients");
const tools = join(clients, "tools");
const apps = join(tools, "apps"); // under tools/, so apps resolve its node_modules
const bin = (name) => join(tools, "node_modules/.bin", name);
const PLAN = `{ start: "2026-01-05", phases: [{ name: "IV", every: { weeks: 1 }, sessions: 6, price: 50000 }] }`;
const TOTAL = 300000;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// No client may reach the network: npm, Next.js telemetry and the like.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", npm_config_offline: "true", CI: "1" };

let tarball;
let browser;

before(async () => {
  assert.ok(existsSync(join(tools, "node_modules/.bin/next")), "the client tools are missing: run scripts/clients.sh (make test-clients)");
  rmSync(apps, { recursive: true, force: true });
  mkdirSync(apps, { recursive: true });
  const out = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", clients, "--json"], { encoding: "utf8", env });
  tarball = join(clients, JSON.parse(out)[0].filename);
  // The package as npm installs it: the tarball unpacked into node_modules.
  const dest = join(tools, "node_modules/coursecost");
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", dest, "--strip-components=1"]);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
});

after(async () => {
  await browser?.close();
});

/** Writes `files` ({ path: text }) into a fresh app folder; returns its path. */
function app(name, files) {
  const dir = join(apps, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

/** Serves `dir` on a free port; resolves to { base, close }. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = existsSync(path) && !path.endsWith("/") ? path : join(path, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

/** Loads `url` in Chromium and returns the text of #total once it is written; fails on any page error or failed request. */
async function totalIn(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  try {
    await page.goto(url);
    const total = await page.waitForSelector("#total[data-done]", { timeout: 20_000 }).then((e) => e.textContent()).catch(() => null);
    assert.deepEqual(problems, []);
    return total;
  } finally {
    await page.close();
  }
}

/** A browser app's script: init, estimate, write the total into #total. */
const browserMain = (from) => `import init, { estimate } from "${from}";
init().then(() => {
  const out = document.getElementById("total");
  out.textContent = String(estimate(${PLAN}).totals.patientPays);
  out.dataset.done = "";
});
`;
const page = (script) => `<!doctype html><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,"><output id="total"></output><script type="module" src="${script}"></script>\n`;

test("Vite: the default entry, `vite build` with no config, in Chromium", async () => {
  const dir = app("vite", { "index.html": page("/main.js"), "main.js": browserMain("coursecost") });
  run(bin("vite"), ["build", "--logLevel", "error"], dir);
  assert.ok(readdirSync(join(dir, "dist/assets")).some((f) => f.endsWith(".wasm")), "Vite copies the wasm");
  const { base, close } = await serve(join(dir, "dist"));
  try {
    assert.equal(await totalIn(base), String(TOTAL));
  } finally {
    close();
  }
});

test("webpack 5: the default entry, `webpack --mode production` with no config, in Chromium", async () => {
  const dir = app("webpack", { "src/index.js": browserMain("coursecost"), "dist/index.html": page("main.js").replace('type="module" ', "") });
  run(bin("webpack"), ["--mode", "production"], dir);
  const { base, close } = await serve(join(dir, "dist"));
  try {
    assert.equal(await totalIn(base), String(TOTAL));
  } finally {
    close();
  }
});

test("esbuild and Rollup browser bundles: coursecost/inline (the README's one setting), in Chromium", async () => {
  const dir = app("inline", {
    "main.js": browserMain("coursecost/inline"),
    "esbuild/index.html": page("main.js"),
    "rollup/index.html": page("main.js"),
    "rollup.config.mjs": `import { nodeResolve } from "@rollup/plugin-node-resolve";\nexport default { input: "main.js", output: { file: "rollup/main.js", format: "es" }, plugins: [nodeResolve({ browser: true })] };\n`,
  });
  run(bin("esbuild"), ["main.js", "--bundle", "--format=esm", "--outfile=esbuild/main.js", "--log-level=error"], dir);
  run(bin("rollup"), ["-c", "--silent"], dir);
  for (const tool of ["esbuild", "rollup"]) {
    const { base, close } = await serve(join(dir, tool));
    try {
      assert.equal(await totalIn(base), String(TOTAL), tool);
    } finally {
      close();
    }
  }
});

test("bundlers leave the catalogue out of a page that only estimates, and coursecost/inline's cost is as the README says", () => {
  const dir = app("shake", { "estimate.js": `import init, { estimate } from "coursecost";\ninit().then(() => console.log(estimate(${PLAN})));\n` });
  run(bin("esbuild"), ["estimate.js", "--bundle", "--minify", "--format=esm", "--outfile=out.js", "--log-level=error"], dir);
  const bundle = readFileSync(join(dir, "out.js"), "utf8");
  // "Ketamine" is in every preset's name; the engine's glue has no such word.
  assert.ok(bundle.includes("estimate") && !bundle.includes("etamine"), "the catalogue is left out");
  const pkg = join(tools, "node_modules/coursecost");
  const gz = (f) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
  const extra = gz("coursecost_wasm.js") - gz("coursecost_bg.wasm");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const claimed = Number(/coursecost\/inline[^.]*?about (\d+) KB more, gzipped/.exec(readme)?.[1]);
  assert.ok(Math.abs(extra / 1000 - claimed) <= 1, `the README says ${claimed} KB; it is ${extra} B`);
});

test("Node: a server bundle (esbuild --platform=node) and plain ES modules and CommonJS", () => {
  const dir = app("node", {
    "server.mjs": `import { estimate, PlanError } from "coursecost";\nimport { quote } from "coursecost/staff";\nconsole.log(estimate(${PLAN}).totals.patientPays, typeof quote, new PlanError("x") instanceof Error);\n`,
    "plain.cjs": `const { estimate } = require("coursecost");\nconsole.log(estimate(${PLAN}).totals.patientPays);\n`,
  });
  run(bin("esbuild"), ["server.mjs", "--bundle", "--platform=node", "--format=esm", "--outfile=dist/server.mjs", "--log-level=error"], dir);
  // The bundle runs from elsewhere, away from the package's files.
  const elsewhere = join(apps, "node-dist");
  rmSync(elsewhere, { recursive: true, force: true });
  cpSync(join(dir, "dist"), elsewhere, { recursive: true });
  assert.equal(run(process.execPath, [join(elsewhere, "server.mjs")], elsewhere).trim(), `${TOTAL} function true`);
  assert.equal(run(process.execPath, ["server.mjs"], dir).trim(), `${TOTAL} function true`);
  assert.equal(run(process.execPath, ["--no-experimental-require-module", "plain.cjs"], dir).trim(), String(TOTAL));
});

test("Jest and Vitest with their defaults", () => {
  const dir = app("testers", {
    "package.json": JSON.stringify({ name: "testers", private: true }),
    "jest/total.test.js": `const { estimate } = require("coursecost");\ntest("total", () => { expect(estimate(${PLAN}).totals.patientPays).toBe(${TOTAL}); });\n`,
    "vitest/total.test.mjs": `import { test, expect } from "vitest";\nimport { estimate, PlanError } from "coursecost";\ntest("total", () => { expect(estimate(${PLAN}).totals.patientPays).toBe(${TOTAL}); expect(() => estimate({})).toThrow(PlanError); });\n`,
  });
  run(bin("jest"), ["--rootDir", "jest", "--ci"], dir);
  run(bin("vitest"), ["run", "--root", "vitest"], dir);
});

test("TypeScript: nodenext (ES modules and CommonJS) and bundler resolution typecheck", () => {
  const use = (from) => `import init, { estimate, presets, PlanError, type Estimate } from "${from}";
import type { PlanError as PlanErrorType, PlanErrorData } from "${from}";
import { ClinicSheet } from "${from}/staff";
import catalogue from "${from}/catalogue.js";
export async function total(): Promise<number> {
  await init();
  try {
    const e: Estimate = estimate(presets()[0].plan);
    return e.totals.patientPays + catalogue.presets.length;
  } catch (err) {
    if (err instanceof PlanError) {
      const data: PlanErrorData = err.toJSON();
      const again: PlanErrorType = PlanError.from(data);
      return again.problems.length + again.code.length + again.path.length;
    }
    throw err;
  }
}
export const sheet = (x: ConstructorParameters<typeof ClinicSheet>[0]) => new ClinicSheet(x);
`;
  const tsconfig = (options) => JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: "es2022", ...options } });
  const cjs = `import coursecost = require("coursecost");\nconst n: number = coursecost.estimate(${PLAN}).totals.patientPays;\nexport { n };\ntry { coursecost.estimate({} as never); } catch (e) { if (e instanceof coursecost.PlanError) console.log(e.code); }\n`;
  const dir = app("typescript", {
    "nodenext/tsconfig.json": tsconfig({ module: "nodenext", moduleResolution: "nodenext" }),
    "nodenext/esm.mts": use("coursecost"),
    "nodenext/cjs.cts": cjs,
    "bundler/tsconfig.json": tsconfig({ module: "esnext", moduleResolution: "bundler" }),
    "bundler/main.ts": use("coursecost"),
  });
  const tsc = join(root, "node_modules/.bin/tsc");
  run(tsc, ["-p", "nodenext"], dir);
  run(tsc, ["-p", "bundler"], dir);
});

test("publint and Are the types wrong? find nothing wrong with the tarball", () => {
  run(bin("publint"), ["run", "--strict", tarball], clients);
  // The wasm files are assets, not modules (no types to find); node10
  // resolution (TypeScript's before exports maps) is not supported; the
  // embed is a browser module, ES only, whose types the embed's TSX test
  // checks.
  run(bin("attw"), [tarball, "--format", "ascii", "--profile", "node16", "--exclude-entrypoints", "coursecost_bg.wasm", "coursecost_staff_bg.wasm", "embed", "embed/pkg/coursecost_bg.wasm"], clients);
});

test("Next.js 15: a Server Component, a client component and a route handler; next build and next start", async () => {
  const plan = PLAN;
  const dir = app("next", {
    "package.json": JSON.stringify({ name: "next-app", private: true }),
    "next.config.mjs": "export default {};\n",
    "app/layout.jsx": `export const metadata = { icons: { icon: "data:," } };\nexport default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n`,
    "app/page.jsx": `import { estimate } from "coursecost";\nimport Client from "./client";\nexport const dynamic = "force-dynamic";\nexport default function Page() {\n  return <main><p id="server">{estimate(${plan}).totals.patientPays}</p><Client /></main>;\n}\n`,
    "app/client.jsx": `"use client";\nimport { useEffect, useState } from "react";\nimport init, { estimate } from "coursecost";\nexport default function Client() {\n  const [total, setTotal] = useState(null);\n  useEffect(() => { init().then(() => setTotal(estimate(${plan}).totals.patientPays)); }, []);\n  return total === null ? <output id="total" /> : <output id="total" data-done="">{total}</output>;\n}\n`,
    "app/api/total/route.js": `import { estimate, PlanError } from "coursecost";\nexport const dynamic = "force-dynamic";\nexport function GET() {\n  let code = null;\n  try { estimate({}); } catch (e) { code = e instanceof PlanError ? e.code : "not a PlanError"; }\n  return Response.json({ total: estimate(${plan}).totals.patientPays, code });\n}\n`,
  });
  run(bin("next"), ["build"], dir);
  const server = spawn(bin("next"), ["start", "-p", "0", "-H", "127.0.0.1"], { cwd: dir, env, stdio: ["ignore", "pipe", "inherit"] });
  try {
    const base = await new Promise((resolve, reject) => {
      server.stdout.on("data", (d) => {
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d));
        if (m) resolve(`${m[0]}/`);
      });
      server.on("exit", (code) => reject(new Error(`next start exited with ${code}`)));
    });
    const html = await (await fetch(base)).text();
    assert.match(html, new RegExp(`<p id="server">${TOTAL}</p>`));
    // `estimate({})` misses `start`: the first problem is missing_field.
    assert.deepEqual(await (await fetch(`${base}api/total`)).json(), { total: TOTAL, code: "missing_field" });
    assert.equal(await totalIn(base), String(TOTAL));
  } finally {
    server.kill();
  }
});

/**
 * The embed's answer in Chromium: the text of the element's headline once
 * drawn (its shadow root is closed, so through the DevTools protocol, which
 * pierces it), failing on any page error or failed request.
 */
async function embedHeadline(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector("coursecost-estimate")?.dataset.complete === "true", null, { timeout: 20_000 });
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send("Runtime.evaluate", { expression: "document.querySelector('coursecost-estimate')" });
    const { node } = await cdp.send("DOM.describeNode", { objectId: result.objectId, depth: 1, pierce: true });
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.shadowRoots[0].backendNodeId });
    const r = await cdp.send("Runtime.callFunctionOn", { objectId: object.objectId, functionDeclaration: "function () { return this.getElementById('head').textContent; }", returnByValue: true });
    assert.deepEqual(problems, []);
    return r.result.value;
  } finally {
    await page.close();
  }
}

// A clinic's sheet for the embed: one treatment of 6 weekly sessions at $500.00 = $3,000.00.
const SHEET = { name: "Lab Clinic", currency: "USD", treatments: [{ id: "iv", name: "IV", phases: [{ name: "IV", every: { weeks: 1 }, sessions: 6, price: 50000 }] }] };

test("the embed as the README prints it, from the package's embed/ folder served as it is", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## On a clinic's website"));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)[1];
  // The snippet's paths: the folder at /coursecost/, the sheet at /clinic.json.
  assert.match(snippet, /src="\/coursecost\/embed\.js"/);
  const dir = app("embed-static", { "index.html": `<!doctype html><meta charset="utf-8"><title>clinic</title><link rel="icon" href="data:,">\n${snippet}`, "clinic.json": JSON.stringify(SHEET) });
  cpSync(join(tools, "node_modules/coursecost/embed"), join(dir, "coursecost"), { recursive: true });
  const { base, close } = await serve(dir);
  try {
    assert.equal(await embedHeadline(base), "You pay $3,000.00 over 12 months");
  } finally {
    close();
  }
});

test("the embed in an app: `import \"coursecost/embed\"` built by Vite with no config, in Chromium; its JSX and DOM types check", async () => {
  const dir = app("vite-embed", {
    "index.html": `<!doctype html><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,"><coursecost-estimate></coursecost-estimate><script type="module" src="/main.js"></script>\n`,
    "main.js": `import "coursecost/embed";\ndocument.querySelector("coursecost-estimate").sheet = ${JSON.stringify(SHEET)};\n`,
  });
  run(bin("vite"), ["build", "--logLevel", "error"], dir);
  assert.ok(readdirSync(join(dir, "dist/assets")).some((f) => f.endsWith(".wasm")), "Vite emits the embed's wasm");
  const { base, close } = await serve(join(dir, "dist"));
  try {
    assert.equal(await embedHeadline(base), "You pay $3,000.00 over 12 months");
  } finally {
    close();
  }
  // The declarations: the element's properties from the DOM, its attributes in JSX.
  const types = app("embed-types", {
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler", jsx: "preserve", lib: ["es2022", "dom"] } }),
    "main.tsx": `import "coursecost/embed";
import type { CoursecostEstimateElement } from "coursecost/embed";
const el: CoursecostEstimateElement | null = document.querySelector("coursecost-estimate");
if (el) { el.sheet = { name: "x" }; el.treatment = "iv"; el.lang = "es"; }
export const view = <coursecost-estimate sheet="/clinic.json" treatment="iv" lang="es" />;
`,
    "wrong.tsx": `import "coursecost/embed";
// @ts-expect-error: a sheet is an address or an object, not a number
export const bad = <coursecost-estimate sheet={42} />;
`,
  });
  run(join(root, "node_modules/.bin/tsc"), ["-p", "."], types);
});
