// The visitor page's days, in headless Chromium at a phone's 390 × 844 and a
// desktop's 1280 × 800: sessions only on the days a clinic works (weekends
// closed unless the visitor's clinic opens then, a holiday moving a session
// to the next open day), the default start on the next open day with the
// headline naming the first session's day, and the esketamine pathways'
// line saying when to choose each, in English and Spanish. Every expected
// date is worked out by hand in a comment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open as openPage } from "./harness.mjs";

let base, browser, stop;
before(async () => ({ base, browser, stop } = await start()));
after(async () => stop?.());

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];

/** The page at `hash`, its clock at `now` (local time, New York) when given, ready when the estimate is drawn in full. */
async function open(hash, size, now) {
  const setup = now ? (context) => context.clock.setFixedTime(new Date(now)) : undefined;
  const opened = await openPage(browser, base, hash, { ...size, setup, ready: () => document.getElementById("answer").dataset.complete === "true" });
  return opened;
}

/** The calendar's sessions as the page writes them (Chromium's en-US day, weekday): "28 Mon (moved from Dec 25, 2026)". */
const sessions = (page) => page.$$eval("#calendar li", (items) => items.map((li) => li.textContent));
/** Waits for the estimate drawn after an edit to be complete again. */
const redrawn = (page) => page.waitForFunction(() => document.getElementById("answer").dataset.complete === "true");

for (const size of SIZES) {
  const at = `${size.width} × ${size.height}`;

  test(`${at}: the default start is the next open day, and the headline names the first session's day`, async () => {
    // Saturday 5 December 2026, 10 am: Saturday and Sunday are closed (IV
    // ketamine, the default treatment, is given at a clinic), so the start is
    // Monday 7 December, an induction day (Monday, Wednesday, Friday).
    const sat = await open("", size, "2026-12-05T10:00:00-05:00");
    assert.equal(await sat.page.inputValue("#start"), "2026-12-07");
    assert.match(await sat.page.textContent("#assumes"), / from Dec 7, 2026\.$/);
    assert.equal((await sessions(sat.page))[0], "7 Mon");
    assert.deepEqual(await sat.problems(), []);
    await sat.context.close();

    // Thanksgiving, Thursday 26 November 2026, a federal holiday (closed by
    // default): the day after, Friday 27 November, an induction day.
    const thanksgiving = await open("", size, "2026-11-26T09:00:00-05:00");
    assert.equal(await thanksgiving.page.inputValue("#start"), "2026-11-27");
    assert.match(await thanksgiving.page.textContent("#assumes"), / from Nov 27, 2026\.$/);
    await thanksgiving.context.close();

    // At-home ketamine has no closed weekdays (taken at home): Saturday itself.
    const home = await open("#treatment=oral-ketamine", size, "2026-12-05T10:00:00-05:00");
    assert.equal(await home.page.inputValue("#start"), "2026-12-05");
    assert.match(await home.page.textContent("#assumes"), / from Dec 5, 2026\.$/);
    await home.context.close();
  });

  test(`${at}: a holiday on a Friday moves the session to Monday; "my clinic is open on weekends" lets it be Saturday`, async () => {
    // IV ketamine from Friday 18 December 2026 for a month (to 18 January,
    // not included): one induction infusion, on the 18th (a Friday, one of
    // its Monday-Wednesday-Friday days), then a booster every week, asked for
    // on Fridays: 25 December is Christmas, a holiday, and Saturday and
    // Sunday are closed, so Monday 28 December; 1 January 2027 is New Year's
    // Day, so Monday 4 January; then Fridays 8 and 15 January (a move does
    // not shift the next week's day).
    const { page, problems, context } = await open("#treatment=iv-ketamine&start=2026-12-18&months=1&induction=1&interval=1", size);
    assert.deepEqual(await sessions(page), ["18 Fri", "28 Mon (moved from Dec 25, 2026)", "4 Mon (moved from Jan 1, 2027)", "8 Fri", "15 Fri"]);
    assert.equal(await page.isChecked("#weekends"), false);
    assert.match(await page.textContent("#assumes"), / from Dec 18, 2026\.$/);

    // The clinic opens at weekends: each holiday's session moves to the
    // Saturday after it, 26 December and 2 January; the link keeps the box.
    await page.check("#weekends");
    await redrawn(page);
    assert.deepEqual(await sessions(page), ["18 Fri", "26 Sat (moved from Dec 25, 2026)", "2 Sat (moved from Jan 1, 2027)", "8 Fri", "15 Fri"]);
    await page.waitForFunction(() => location.hash.includes("weekends=1"));
    assert.deepEqual(await problems(), []);
    await context.close();
  });

  test(`${at}: each esketamine pathway says when to choose it, in English and in Spanish`, async () => {
    const { page, problems, context } = await open("", size);
    assert.equal(await page.textContent("#choose"), "", "IV ketamine has one way to be billed");
    const line = (text) => page.waitForFunction((x) => document.getElementById("choose").textContent === x, text);
    await page.check("#tr-esketamine");
    await line("Choose this if a specialty pharmacy sends the spray to your clinic and bills your pharmacy benefit, and the clinic bills only the visit and the observation.");
    assert.ok(await page.isVisible("#choose"));
    await page.check("#tr-esketamine-j-code");
    await line("Choose this if your clinic buys the spray and bills the drug by dose (J0013) to your medical insurance, as most commercial plans are billed.");
    await page.check("#tr-esketamine-buy-and-bill");
    await line("Choose this if your clinic buys the spray and bills each session as one code, G2082 or G2083, to your medical insurance: how Medicare pays a clinic that supplies it.");
    await page.click("#lang-es");
    await line("Elija esta si su clínica compra el aerosol y factura cada sesión con un solo código, G2082 o G2083, a su seguro médico: así paga Medicare a una clínica que lo suministra.");
    await page.check("#tr-esketamine");
    await line("Elija esta si una farmacia especializada envía el aerosol a su clínica y lo factura a su beneficio de farmacia, y la clínica factura solo la visita y la observación.");
    await page.check("#tr-esketamine-j-code");
    await line("Elija esta si su clínica compra el aerosol y factura el medicamento por dosis (J0013) a su seguro médico, como se factura a la mayoría de los planes comerciales.");
    await page.check("#tr-tms");
    await line("");
    assert.deepEqual(await problems(), []);
    await context.close();
    // A link straight to a pathway says it on its first screen.
    const direct = await open("#treatment=esketamine-j-code", size);
    assert.equal(await direct.page.textContent("#choose"), "Choose this if your clinic buys the spray and bills the drug by dose (J0013) to your medical insurance, as most commercial plans are billed.");
    await direct.context.close();
  });
}
