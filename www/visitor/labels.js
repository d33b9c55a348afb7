// The treatment's labels, hints and choices on the form: what each field
// is called for this treatment and the published values beside it. Drawn
// when the treatment (or the language) changes; the values are the
// catalogue's, the words the page's (`t`) and the treatment's (`w`).
import { h, fill } from "../shared/dom.js";
import { moneyOf } from "../shared/format.js";
import { labelCurrency } from "../shared/fields.js";
import { editable, pricedAt, pageFee, pharmacyLine, catalogueProgramme, sessionPart } from "./preset.js";

const $ = (id) => document.getElementById(id);

/**
 * The fields, labels and hints of treatment `p`. (Naming a currency makes
 * two number formats, tens of milliseconds in a cold browser: one reason
 * the form joins the page only after the first headline is painted.)
 */
export function treatmentLabels(p, unit, w, t) {
  const m = moneyOf(unit, t.locale);
  /** A name of the preset's (a phase's, a fee's) in the page's language. */
  const named = (name) => w.names?.[name] ?? name;
  const { induction, interval } = editable(p);
  labelCurrency(document.body, unit);
  $("treatment-summary").textContent = w.summary ?? "";
  $("choose").textContent = w.choose ?? "";
  const at = pricedAt(p);
  const price = p.plan.phases[at].price;
  $("price-hint").textContent = t.published(m(price), m(p.low.phases[at].price), m(p.high.phases[at].price));
  // A session of several lines: each price field names its part.
  const part = sessionPart(p);
  $("part-field").hidden = !part;
  $("price-word").hidden = Boolean(part);
  $("price-part").textContent = part ? t.partPrice(named(p.plan.phases[at].name)) : "";
  if (part) {
    $("part-label").textContent = t.partPrice(named(part.name));
    $("part-hint").textContent = t.published(m(part.amount), m(sessionPart(p, p.low)?.amount ?? part.amount), m(sessionPart(p, p.high)?.amount ?? part.amount));
  }
  $("induction-field").hidden = induction < 0;
  if (induction >= 0) {
    $("induction-label").textContent = t.sessionsIn(named(p.plan.phases[induction].name));
    const [lo, hi] = [p.low, p.high].map((x) => x.phases[induction].sessions).sort((a, b) => a - b);
    const n = p.plan.phases[induction].sessions;
    $("induction-hint").textContent = lo === hi ? t.typicalValue(n) : t.published(n, lo, hi);
  }
  $("interval-field").hidden = interval < 0;
  if (interval >= 0) {
    $("interval-label").textContent = t.weeksBetween(named(p.plan.phases[interval].name));
    const [lo, hi] = [p.low, p.high].map((x) => x.phases[interval].every.weeks).sort((a, b) => a - b);
    $("interval-hint").textContent = t.published(p.plan.phases[interval].every.weeks, lo, hi);
  }
  const fee = pageFee(p.plan);
  $("fee-field").hidden = !fee;
  if (fee) {
    fill($("fee-label"), t.feeLabel(named(fee.name)), " ", h("span", { class: "unit" }, "(", h("span", { class: "currency" }, $("price").labels[0].querySelector(".currency").textContent), ")"));
    $("fee-hint").textContent = t.published(m(fee.amount), m(pageFee(p.low)?.amount ?? fee.amount), m(pageFee(p.high)?.amount ?? fee.amount));
  }
  fill($("extras"), (p.optionalFees ?? []).map((f) => h("label", { class: "check" }, h("input", { type: "checkbox", value: f.name }), " ", t.extra(named(f.name), m(f.amount), f.when))));
  $("cover-hint").textContent = p.plan.phases.every((x) => x.covered !== false) ? t.coveredHint : t.uncoveredHint;
  const rx = pharmacyLine(p);
  $("pharmacy-block").hidden = !rx;
  if (rx) $("rx-legend").textContent = t.rxLegend(named(rx.name));
  const prog = catalogueProgramme(p);
  $("programme-block").hidden = !prog;
  if (prog) $("programme-label").textContent = t.programme(named(prog.name));
}
