// The staff view's Good Faith Estimate, version 3, in headless Chromium:
// where each item is given and how often, in words; the checks staff see
// before giving an estimate (never on the patient's paper); a conditional
// discount left out of the expected charges; and a saved estimate re-issued
// from a changed sheet, item by item, marked as the one it replaces.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, start } from "./harness.mjs";
import { SAMPLE, usd, longDate, openStaff as staffPage } from "./staff.mjs";

const sheet = JSON.parse(SAMPLE);
const out = join(root, "target/screenshots");
const PATIENT = { name: "Ottoline Vasquez-Brandt", birthDate: "1955-09-30" };

let base, browser, stop;
before(async () => {
  mkdirSync(out, { recursive: true });
  ({ base, browser, stop } = await start());
});
after(async () => stop?.());

async function fill(page, treatment) {
  await page.fill("#patient-name", PATIENT.name);
  await page.fill("#patient-dob", PATIENT.birthDate);
  await page.selectOption("#treatment", treatment);
  await page.fill("#start", "2026-12-07");
  await page.fill("#quote-date", "2026-11-20");
  await page.fill("#scheduled-on", "2026-11-20");
  await page.waitForFunction(() => !document.getElementById("gfe-doc").hidden && document.getElementById("gfe-total").textContent !== "");
}
const cells = (page) => page.$$eval(".gfe-items tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
const open = (name, json) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof json === "string" ? json : JSON.stringify(json)) });

test("ECT: each item where it is given (the hospital's suite, place of service 22) and how often, in words; no checks for a complete sheet", async () => {
  const { page, context, problems } = await staffPage(browser, base);
  await fill(page, "ect");
  const rows = await cells(page);
  const hospital = sheet.providers.find((p) => p.id === "memorial-hospital");
  // Index ECT: Mon, Wed and Fri, 12 sessions: "3 a week for 4 weeks"; maintenance every 4 weeks; the evaluation once.
  const index = rows.find((r) => r[0] === "Index ECT");
  assert.deepEqual(index.slice(1, 4), ["90870", hospital.name, "3 a week for 4 weeks"]);
  assert.deepEqual(rows.find((r) => r[0] === "Maintenance ECT").slice(2, 4), [hospital.name, "every 4 weeks"]);
  assert.deepEqual(rows.find((r) => r[0] === "Psychiatric evaluation before ECT").slice(2, 4), [sheet.name, "once"]);
  // The anaesthesia, charged at every session: the phases' rhythms in turn.
  assert.equal(rows.find((r) => r[0] === "Anaesthesia for ECT")[3], "3 a week for 4 weeks, then every 4 weeks");
  assert.match(await page.textContent("#gfe-places"), new RegExp(`${hospital.name.replace(/[()]/g, "\\$&")}: 800 Example Avenue.*\\(place of service 22\\)`));
  assert.equal(await page.$$eval("#gfe-checks li", (l) => l.length), 0);
  // Each provider's dear end, for a dispute over that provider's bill: the sample's dear course has 15 index
  // sessions (not 12) and maintenance every 2 weeks (not 4), so each provider's high end is above its expected charges.
  const ranges = await page.$$eval(".gfe-provider", (ps) => ps.map((p) => [p.querySelector("h4").textContent, p.querySelector(".gfe-subtotal").textContent, p.querySelector(".gfe-high-subtotal")?.textContent]));
  assert.deepEqual(ranges.map((r) => r[0]), [`Convening provider: ${sheet.name}`, `Co-provider or co-facility: ${sheet.providers[0].name}`]);
  const dollars = (x) => Number(x.replace(/[$,]/g, ""));
  for (const [name, expected, high] of ranges) assert.ok(high && dollars(high) > dollars(expected), `${name}: ${expected}, up to ${high}`);
  // The anaesthesia group: $600.00 at each session, so its high end is $600.00 × the dear course's sessions.
  assert.equal(dollars(ranges[1][2]) % 600, 0);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a sheet whose ECT names no facility and no anaesthesia: the checks say so to staff, and the paper does not", async () => {
  const bare = structuredClone(sheet);
  const ect = bare.treatments.find((t) => t.id === "ect");
  for (const p of [...ect.phases, ...ect.high.phases]) delete p.location;
  ect.fees = ect.fees.filter((f) => f.name !== "Anaesthesia for ECT");
  ect.high.fees = ect.high.fees.filter((f) => f.name !== "Anaesthesia for ECT");
  // And the payers' allowed amounts for it, which would name a fee the treatment no longer has.
  for (const payer of bare.payers ?? []) payer.allowed = payer.allowed.filter((a) => a.fee !== "Anaesthesia for ECT");
  const { page, context, problems } = await staffPage(browser, base);
  await page.setInputFiles("#sheet-file", open("bare.json", bare));
  await page.waitForFunction(() => document.querySelector("#sheet-status").textContent.includes("bare.json"));
  await fill(page, "ect");
  await page.waitForFunction(() => document.querySelectorAll("#gfe-checks li").length >= 2);
  const checks = await page.$$eval("#gfe-checks li", (l) => l.map((x) => x.textContent));
  assert.ok(checks.some((c) => c.startsWith("ECT is given in a hospital or facility, but the sheet names none for “Index ECT”, “Maintenance ECT”")), checks.join("\n"));
  assert.ok(checks.some((c) => c.startsWith("ECT is given under general anaesthesia, but this treatment lists no anaesthesia")), checks.join("\n"));
  const pdf = join(out, "gfe-checks.pdf");
  writeFileSync(pdf, await page.pdf({ format: "Letter", printBackground: false }));
  const flat = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.ok(flat.includes("Good Faith Estimate") && !flat.includes("ECT is given"), "the checks are the staff's, not the patient's");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("IV ketamine's prompt-pay discount is said beside the total and left out of it", async () => {
  const { page, context, problems } = await staffPage(browser, base);
  await fill(page, "iv-ketamine");
  assert.deepEqual(await page.$$eval("#gfe-conditional li", (l) => l.map((x) => x.textContent)),
    ["Prompt-pay discount: 5% off each session and package charge if each bill is paid in full within 30 days. The expected charges above do not include it."]);
  // The package "six for five" is $2,750.00 as listed, not 5 % less ($2,612.50).
  const pkg = (await cells(page)).find((r) => r[0] === "Induction package \"six for five\"");
  assert.equal(pkg[7], "$2,750.00");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("re-issue: a saved estimate opened against a sheet whose boosters now cost $600.00, item by item, marked as its replacement", async () => {
  const { page, context, problems } = await staffPage(browser, base);
  await fill(page, "iv-ketamine");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#gfe-json")]);
  const saved = readFileSync(await download.path(), "utf8");
  const { number } = JSON.parse(saved);
  assert.match(number, /^Q-20261120-iv-ketamine-/);
  const before = JSON.parse(saved).items.find((i) => i.service === "Booster infusions");
  assert.equal(before.unitCharge, 55000);
  // Today's sheet: the boosters at $600.00.
  const dearer = structuredClone(sheet);
  dearer.treatments[0].phases.find((p) => p.name === "Booster infusions").price = 60000;
  await page.setInputFiles("#sheet-file", open("dearer.json", dearer));
  await page.waitForFunction(() => document.querySelector("#sheet-status").textContent.includes("dearer.json"));
  await page.setInputFiles("#reissue-file", open("saved-gfe.json", saved));
  await page.waitForFunction(() => !document.getElementById("reissue-block").hidden && document.querySelectorAll("#reissue-changes tbody tr").length > 0);
  const changes = await page.$$eval("#reissue-changes tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  // The same number of boosters, each $50.00 dearer: n × $550.00 before, n × $600.00 now.
  const n = before.times;
  assert.deepEqual(changes.find((r) => r[0] === "Booster infusions"),
    ["Booster infusions", `${n} × $550.00 = ${usd(n * 55000)}`, `${n} × $600.00 = ${usd(n * 60000)}`, "charge each time changed"]);
  assert.equal(changes.find((r) => r[0] === "New-patient consultation, 60 minutes")[3], "unchanged");
  // The total: n boosters × $50.00 more.
  assert.equal(await page.$eval("#reissue-changes tfoot tr", (tr) => tr.cells[tr.cells.length - 1].textContent), `+${usd(n * 5000)}`);
  // The new estimate says which it replaces (its number, issued Nov 20, 2026); the patient's details came from the file.
  assert.equal(await page.textContent("#gfe-replaces"), `This Good Faith Estimate replaces the one numbered ${number}, issued on ${longDate("2026-11-20")}.`);
  assert.equal(await page.inputValue("#patient-name"), PATIENT.name);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("the staff view's file pickers are buttons like the others, reached by the keyboard, each opening its file chooser", async () => {
  const { page, context, problems } = await staffPage(browser, base);
  // The bare inputs are hidden and out of the tab order; their buttons open them.
  assert.deepEqual(await page.$$eval("input[type=file]", (xs) => xs.map((x) => [x.id, x.tabIndex, x.getBoundingClientRect().width <= 1])), [["sheet-file", -1, true], ["reissue-file", -1, true]]);
  const chooser = page.waitForEvent("filechooser");
  await page.focus("#sheet-choose");
  await page.keyboard.press("Enter");
  const files = await chooser;
  const other = structuredClone(sheet);
  other.name = "Another clinic (sample)";
  await files.setFiles(open("other.json", other));
  await page.waitForFunction(() => document.querySelector("#sheet-status").textContent.startsWith("Another clinic (sample)"));
  assert.deepEqual(await problems(), []);
  await context.close();
});
