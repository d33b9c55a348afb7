// The visitor page's answers, version 3: why each ledger line is its
// amount, the insurance terms of contract version 3 on the form (a
// superbill, a family deductible, a copay after the deductible, who pays
// beyond a limit), a session of several lines priced part by part, and a
// savings programme's run-out day. Every expected figure is worked by hand
// in the comments, at a phone's 390 × 844 and a desktop's 1280 × 800, in
// English and Spanish.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open as openPage } from "./harness.mjs";

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The visitor page, ready when the estimate and its detail are drawn. */
const open = (hash, size) => openPage(browser, base, hash, { ...size, ready: () => document.getElementById("answer").dataset.complete === "true" });

/** Line `i` of the ledger opened: its sentences. */
async function why(page, i) {
  const row = page.locator("#ledger tbody tr").nth(i);
  await row.locator("details.why > summary").click();
  return row.locator("details.why p").allTextContents();
}

// TMS from Monday 2 March 2026 at $300.00 a session, insured in network:
// the first session (mapping) on Mar 2, daily sessions from Tue Mar 3. No
// fees. A $500 deductible and 20 % coinsurance, no maximum.
const TMS = "#treatment=tms&start=2026-03-02&price=300&pay=insured&deductible=500&coinsurance=20&no-oop=1";

for (const size of [PHONE, DESKTOP]) {
  test(`why each amount, at ${size.width} × ${size.height}: the deductible, then coinsurance, in words`, async () => {
    const { page, context, problems } = await open(TMS, size);
    // Mar 2: allowed $300 (the charge), all of it toward the $500 deductible.
    assert.deepEqual(await why(page, 0), ["The clinic charges $300.00.", "You owe $300.00 toward your deductible.", "You pay $300.00."]);
    // Mar 3: $200 left of the deductible, then 20 % of the other $100 = $20;
    // the insurer pays $300 − $220 = $80.
    assert.deepEqual(await why(page, 1), ["The clinic charges $300.00.", "Your insurance pays $80.00.",
      "You owe $200.00 toward your deductible and $20.00 coinsurance, your share of what the plan allows.", "You pay $220.00."]);
    // Mar 4: the deductible is met: 20 % of $300 = $60; the insurer pays $240.
    assert.deepEqual(await why(page, 2), ["The clinic charges $300.00.", "Your insurance pays $240.00.",
      "You owe $60.00 coinsurance, your share of what the plan allows.", "You pay $60.00."]);
    assert.deepEqual(await problems(), []);
    await context.close();
  });
}

test("self-pay: a line is the visitor's in full, and nothing mentions insurance", async () => {
  const { page, context, problems } = await open("#treatment=tms&start=2026-03-02&price=300", DESKTOP);
  assert.deepEqual(await why(page, 0), ["You pay all of it: $300.00."]);
  assert.doesNotMatch(await page.textContent("#answer"), /insurance/i);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a copay after the deductible, and a superbill paid back 30 days later", async () => {
  const { page, context, problems } = await open(`${TMS.replace("&coinsurance=20", "")}&copay=30&copay-after=1&claims=1&reimb-days=30`, PHONE);
  assert.equal(await page.isChecked("#copay-after"), true);
  assert.equal(await page.isVisible("#reimb-days"), true);
  // Mar 3: $200 toward the deductible, then the $30 copay (less than the
  // $100 left of the allowed amount): $230; the insurer pays $70, which it
  // pays back 30 days after Mar 3, on Apr 2, having been paid at the visit.
  assert.deepEqual(await why(page, 1), ["The clinic charges $300.00.", "Your insurance pays $70.00.",
    "You owe $200.00 toward your deductible and a $30.00 copay.", "You pay $230.00.",
    "At the visit you pay the clinic $300.00; your insurer pays you back $70.00 on Apr 2, 2026."]);
  // The figure cards say what is paid at the visits: the whole allowed amount of every session.
  const cards = await page.$$eval("#figures .card", (cs) => cs.map((c) => c.querySelector("dt").textContent));
  assert.ok(cards.includes("Paid at visits"), cards.join(", "));
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a family deductible nearly met: the family's $100 left is all the visitor pays toward a deductible", async () => {
  const { page, context, problems } = await open(`${TMS}&fam-on=1&fam-deductible=1000&fam-met=900`, DESKTOP);
  // Mar 2: the deductible taken is the smaller of the visitor's $500 left
  // and the family's $100 left: $100; then 20 % of the other $200 = $40;
  // the insurer pays $300 − $140 = $160.
  assert.deepEqual(await why(page, 0), ["The clinic charges $300.00.", "Your insurance pays $160.00.",
    "You owe $100.00 toward your deductible and $40.00 coinsurance, your share of what the plan allows.", "You pay $140.00."]);
  assert.match(await page.textContent("#warnings"), /Your family's deductible is met on Mar 2, 2026\./);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("beyond a limit of 2 sessions, without a waiver: the clinic writes the third off, in English and Spanish", async () => {
  const { page, context, problems } = await open(`${TMS}&limit-on=1&limit-sessions=2&limit-per=course&beyond=clinic`, PHONE);
  // Sessions 1 and 2 (Mar 2 and 3) are covered; the third, Wed Mar 4, is
  // refused and, with no waiver, written off: $0.00 for the visitor.
  assert.deepEqual(await why(page, 2), ["The clinic charges $300.00.", "The clinic writes all of it off: it is beyond your plan's limit, and you signed no waiver. You pay nothing."]);
  assert.match(await page.textContent("#warnings"), /written off by the clinic from Mar 4, 2026/);
  await page.click("#lang-es");
  await page.waitForFunction(() => document.documentElement.lang === "es" && document.getElementById("answer").dataset.complete === "true");
  await page.waitForFunction(() => /cancela/.test(document.getElementById("warnings").textContent));
  assert.match(await page.textContent("#warnings"), /Las sesiones por encima del límite de su plan las cancela la clínica desde el 4 mar 2026/);
  assert.equal(await page.textContent('[data-t="waiverNo"]'), "No: dentro de la red, la clínica no puede cobrármelas y las cancela");
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("Spravato: the drug is a part of its own, and the session costs about $1,385.00 in all", async () => {
  const { page, context, problems } = await open("#treatment=esketamine&start=2026-03-02", DESKTOP);
  // The catalogue's typical session: the visit and observation $500.00 and
  // 84 mg of the drug $885.00: $1,385.00 in all.
  assert.match(await page.textContent("#assumes"), /about \$1,385\.00 a session in all/);
  assert.match(await page.textContent("#price-part"), /^“Weeks 1-4, twice weekly”, per session \(one part of the session\)$/);
  assert.match(await page.textContent("#part-label"), /^“Esketamine 84 mg \(3 devices\), weeks 1-4”, per session/);
  // $885.00, written as the form writes a default amount.
  assert.equal(await page.inputValue("#part"), "885");
  // The drug at $800.00: $500.00 + $800.00 = $1,300.00 a session in all.
  await page.fill("#part", "800");
  await page.waitForFunction(() => /\$1,300\.00 a session in all/.test(document.getElementById("assumes").textContent));
  // The comparison asks for one part under that part's name, never the whole's.
  assert.match(await page.textContent('label.cprice:has(#cp-ect)'), /Your clinic's price for .*: “.*” only, per session/);
  assert.deepEqual(await problems(), []);
  await context.close();
});

test("a savings programme says when it runs out, or that it does not", async () => {
  // IV ketamine at $590.00 on Mon, Wed and Fri from Mon 2 March 2026, with a
  // programme of the visitor's own: they pay at most $540.00 a line, so it
  // pays $50.00 of each infusion (nothing of the $250.00 evaluation), up to
  // $100.00 a year: the infusions of Mar 2 and Mar 4 use it up, so the first
  // it cannot pay in full is Fri Mar 6's, the day it runs out (the
  // contract's `assistance_exhausted` date).
  const { page, context, problems } = await open("#start=2026-03-02&assist-on=1&assist-at-most=540&assist-max=100", DESKTOP);
  const card = () => page.$$eval("#figures .card", (cs) => cs.map((c) => [c.querySelector("dt").textContent, c.querySelector(".big").textContent]).find(([term]) => term === "Your savings program"));
  assert.deepEqual(await card(), ["Your savings program", "Runs out Mar 6, 2026"]);
  // Without a yearly limit it lasts the whole estimate, and says so.
  await page.check("#assist-no-cap");
  await page.waitForFunction(() => /Does not run out/.test(document.getElementById("figures").textContent));
  assert.deepEqual(await card(), ["Your savings program", "Does not run out"]);
  assert.deepEqual(await problems(), []);
  await context.close();
});
