// scripts/serve.mjs sends the headers README.md tells a host to send, on
// pages, the wasm and a 404 alike. (Needs `make site`: it serves target/site/.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
let server, base;

before(async () => {
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
      if (m) resolve(m[0]);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
});
after(() => server.kill());

// Written out by hand, as README.md prints them.
const EXPECTED = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

test("every response forbids framing and carries the policy", async () => {
  for (const path of ["", "quote.html", "editor.html", "pkg/coursecost_bg.wasm", "no-such-file"]) {
    const res = await fetch(base + path);
    for (const [name, value] of Object.entries(EXPECTED)) assert.equal(res.headers.get(name), value, `${name} on /${path}`);
  }
});

test("files are served with the types browsers need", async () => {
  const types = { "": "text/html; charset=utf-8", "pkg/coursecost_bg.wasm": "application/wasm", "embed.js": "text/javascript; charset=utf-8" };
  for (const [path, type] of Object.entries(types)) {
    assert.equal((await fetch(base + path)).headers.get("content-type"), type, `/${path}`);
  }
});

test("README.md gives a host the same headers", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Deploying the pages"));
  const names = { "content-security-policy": "Content-Security-Policy", "x-frame-options": "X-Frame-Options",
    "x-content-type-options": "X-Content-Type-Options", "referrer-policy": "Referrer-Policy" };
  for (const [name, value] of Object.entries(EXPECTED)) assert.ok(section.includes(`\n${names[name]}: ${value}\n`), `${names[name]} in README.md`);
});
