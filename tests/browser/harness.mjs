// Shared by the browser tests: the page server on a free port, Debian's
// Chromium through playwright-core, and pages that record every request,
// console error, page error and CSP violation.
import { spawn } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Starts scripts/serve.mjs on a free port (with `bench`, serving make
 * bench's baseline page at /bench/ too) and Chromium; `stop()` ends both.
 */
export async function start({ bench = false } = {}) {
  const server = spawn(process.execPath, [join(root, "scripts/serve.mjs"), "--port", "0", ...(bench ? ["--bench"] : [])], { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
      if (m) resolve(m[0]);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { base, browser, stop: async () => { await browser.close(); server.kill(); } };
}

/**
 * A fresh page at `base + path`, ready when `ready` (run in the page) is
 * true. `problems()` lists console errors, page errors, CSP violations and
 * requests that left `base`, minus those `allow` matches; it must stay empty.
 * `setup(context)` runs before the page loads (to route requests).
 */
export async function open(browser, base, path, { width = 1280, height = 900, ready, allow = () => false, setup } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "en-US", timezoneId: "America/New_York" });
  await setup?.(context);
  const page = await context.newPage();
  const requests = [], errors = [];
  page.on("request", (r) => requests.push(r));
  page.on("console", (m) => { if (m.type() === "error" && !allow(m.text(), m)) errors.push(`console: ${m.text()} ${m.location().url ?? ""}`); });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(base + path);
  if (ready) await page.waitForFunction(ready);
  const problems = async () => {
    const csp = await page.evaluate(() => window.__csp);
    const offsite = requests.map((r) => r.url()).filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"));
    return [...errors, ...csp.map((c) => `csp: ${c}`), ...offsite.map((u) => `offsite request: ${u}`)];
  };
  return { page, context, problems, requests };
}
