// Shared by the editor's browser tests: finding a field by the path of the
// value it shows, the problem shown next to it, and waiting for the engine's
// check or the page's status.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./harness.mjs";

export const ready = () => document.body.dataset.ready === "true";
export const at = (page, path, kind) => page.locator(kind ? `[data-path="${path}"][data-kind="${kind}"]` : `[data-path="${path}"]`).first();
/** The problem shown next to the field for `path` (its error line). */
export const errorAt = (page, path) => page.evaluate((p) => {
  const input = [...document.querySelectorAll("[data-path]")].find((el) => el.dataset.path === p);
  const id = input?.getAttribute("aria-describedby")?.split(" ")[0];
  return id ? document.getElementById(id)?.textContent ?? "" : null;
}, path);
/**
 * Waits for the engine's check of the sheet as it is now (150 ms after the
 * last keystroke, in a worker). Every change marks the check as due
 * (`body[data-checking="true"]`) in the same task as the change itself, so
 * once the action that changed the sheet has returned, "false" means the
 * check of that sheet has come back.
 */
export const settle = (page) => page.waitForFunction(() => document.body.dataset.checking === "false");
export const sample = () => JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
export const statusIs = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector("#status").textContent), re.source, { timeout: 10_000 });
/** The editor with the sample sheet open (and kept as the draft). */
export async function withSample(page) {
  await page.click("#sample");
  await statusIs(page, /the sample sheet/);
}
