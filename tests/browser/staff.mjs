// What the staff-side browser tests share: the sample sheet, the engine's
// money and date formats, and the staff view opened with a sheet baked in.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, open } from "./harness.mjs";

export const SAMPLE = readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8");
export const usd = (minor) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);
export const longDate = (iso) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The staff page, with `baked` (the sample sheet unless given; its text)
 * deployed as clinic.json, or with the site's own clinic.json (which says
 * it has no sheet) when `baked` is false. No console error is allowed.
 */
export function openStaff(browser, base, { baked = SAMPLE, ...options } = {}) {
  return open(browser, base, "quote.html", {
    ...options,
    setup: baked ? (context) => context.route("**/clinic.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: baked })) : undefined,
    ready: () => document.body.dataset.ready === "true",
  });
}
