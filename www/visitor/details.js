// The estimate's detail, as the visitor page draws it below the answer: the
// chart of what is paid by each month, the session calendar, the ledger
// (each line opening to why it is that amount), the phases, the plan years
// and the comparison's table and chart. The page loads this module once its
// first estimate is painted: nothing here is on the first screen. Every
// figure is the engine's; this module only lays them out in words.
import { h, fill, table } from "../shared/dom.js";
import { formatDate, formatDay, formatMonth } from "../shared/format.js";
import { lineChart } from "../shared/chart.js";
import { calendar } from "../shared/cards.js";
import { marks, dayBefore } from "../shared/summary.js";

/** The detail's words, in English (es.js has them in Spanish). */
export const words = {
  calHeading: (month, n) => `${month} · ${n} session${n === 1 ? "" : "s"}`,
  moved: (d) => ` (moved from ${d})`,
  ledgerCaption: "Every charge, in date order: open a line to see why it is that amount",
  cols: ["Date", "Item", "Code", "Qty", "Charge", "Insurance pays", "Savings programs", "You pay"],
  total: "Total",
  packageLine: (n) => `${n} (package)`,
  phaseCols: ["Phase", "Sessions", "First", "Last", "Charge", "You pay"],
  yearCols: ["Plan year", "Deductible applied", "Out of pocket", "Charge", "Written off", "Insurance pays", "Programs pay", "You pay"],
  compareCols: (n) => ["Treatment", "Sessions", "First month", "A typical month after", "Next 12 months", `Total, ${n} months`],
  yours: (name) => `Your ${name}`,
  typicalCourse: (name) => `${name} (typical)`,
  ownPrice: (name) => `${name} (your price)`,
  compareTitle: "What you have paid by each month, by treatment",
  // Why a line is its amount: the engine's five parts and what programmes paid, in words.
  whyCharge: (charge, allowed) => (allowed ? `The clinic charges ${charge}; your plan allows ${allowed}.` : `The clinic charges ${charge}.`),
  whyInsurer: (a) => `Your insurance pays ${a}.`,
  whyDeductible: (a) => `${a} toward your deductible`,
  whyCoinsurance: (a) => `${a} coinsurance, your share of what the plan allows`,
  whyCopay: (a) => `a ${a} copay`,
  whyBalance: (a) => `${a} above what your plan allows, which the clinic bills you`,
  whyNotCovered: (a) => `${a} your plan does not cover`,
  whyOwe: (parts) => `You owe ${parts}.`,
  whyProgramme: (a) => `Your savings program pays ${a} of it.`,
  whyPay: (a) => `You pay ${a}.`,
  whyAll: (a) => `You pay all of it: ${a}.`,
  whyWrittenOff: "The clinic writes all of it off: it is beyond your plan's limit, and you signed no waiver. You pay nothing.",
  whyClaim: (visit, back, d) => `At the visit you pay the clinic ${visit}${back ? `; your insurer pays you back ${back} on ${d}` : ""}.`,
  and: "and",
};

/** `["a", "b", "c"]` → "a, b and c", in `t`'s words. */
const list = (items, t) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${t.and} ${items.at(-1)}`);

/**
 * Why line `l` (an estimate's) is its amount, in sentences: what the clinic
 * charges and the plan allows, what the insurer pays, the parts of what the
 * patient owes (only those that apply), what a programme pays and what is
 * left. `insured`: the plan has coverage (without it, the parts are all
 * "not covered", which goes without saying). Money is `m`'s; words are
 * `t`'s (with `words`' keys).
 */
export function why(l, m, t, insured) {
  if (!insured) return l.assistance > 0 ? [t.whyCharge(m(l.charge), null), t.whyProgramme(m(l.assistance)), t.whyPay(m(l.patientPays))] : [t.whyAll(m(l.patientPays))];
  // Beyond a plan's limit without a waiver: the clinic writes the line off.
  if (!l.covered && l.charge > 0 && l.adjustment === l.charge) return [t.whyCharge(m(l.charge), null), t.whyWrittenOff];
  const owed = [[l.deductible, t.whyDeductible], [l.coinsurance, t.whyCoinsurance], [l.copay, t.whyCopay], [l.balanceBill, t.whyBalance], [l.notCovered, t.whyNotCovered]]
    .filter(([a]) => a > 0);
  return [
    t.whyCharge(m(l.charge), l.allowed !== undefined && l.allowed !== l.charge ? m(l.allowed) : null),
    l.insurerPays > 0 ? t.whyInsurer(m(l.insurerPays)) : null,
    owed.length ? t.whyOwe(list(owed.map(([a, say]) => say(m(a))), t)) : null,
    l.assistance > 0 ? t.whyProgramme(m(l.assistance)) : null,
    t.whyPay(m(l.patientPays)),
    // A superbill: the visitor pays the clinic in full and claims from the insurer.
    l.paidAtVisit === undefined ? null : t.whyClaim(m(l.paidAtVisit), l.reimbursedOn && m(l.insurerPays), l.reimbursedOn && formatDate(l.reimbursedOn, t.locale)),
  ].filter(Boolean);
}

/**
 * Draws the detail of estimate `e` of `plan` (treatment `p`), with the
 * comparison `c` of the visitor's plan and `others`' typical ones (at the
 * visitor's `own` prices where given). `named(name)` is a phase's or fee's
 * name in the page's words; `t` the words (with `words`' keys); `m` money.
 */
export function drawDetail({ $, p, e, plan, c, others, own, named, words: w, t, m }) {
  const { locale } = t;
  lineChart($("chart"), {
    id: "cumulative", title: t.chartTitle, months: e.months.map((x) => x.month),
    desc: t.chartDesc(formatMonth(e.months[0].month, locale), formatMonth(e.months.at(-1).month, locale), m(e.totals.patientPays)),
    series: [{ name: t.youPay, values: e.months.map((x) => x.cumulativePatientPays) }], currency: e.currency, digits: e.minorUnits,
    marks: marks(c.plans[0], t), words: t,
  });
  fill($("calendar"), calendar(e.sessions, { level: "h3", heading: (month, list) => t.calHeading(formatMonth(month, locale), list.length), item: (x) => formatDay(x.date, locale), moved: (d) => t.moved(formatDate(d, locale)) }));
  // Each line's amount opens to why it is that amount.
  table($("ledger"), t.ledgerCaption, t.cols,
    e.lines.map((l) => [formatDate(l.date, locale), l.kind === "package" ? t.packageLine(l.name) : named(l.name), l.code ?? "—", l.quantity, m(l.charge), m(l.insurerPays), m(l.assistance),
      h("details", { class: "why" }, h("summary", {}, m(l.patientPays)), why(l, m, t, Boolean(plan.coverage)).map((x) => h("p", {}, x)))]),
    { num: [3, 4, 5, 6, 7], foot: [t.total, "", "", e.totals.sessions, m(e.totals.charge), m(e.totals.insurerPays), m(e.totals.assistance), m(e.totals.patientPays)] });
  table($("phases"), null, t.phaseCols,
    e.phases.map((x) => [named(x.name), x.sessions, x.first ? formatDate(x.first, locale) : "—", x.last ? formatDate(x.last, locale) : "—", m(x.charge), m(x.patientPays)]), { num: [1, 4, 5] });
  $("plan-years-block").hidden = !e.planYears;
  if (e.planYears) {
    // Each year by its first and last day; its charge is written off, paid
    // by the insurer, by programmes and by the visitor, column by column.
    table($("plan-years"), null, t.yearCols,
      e.planYears.map((y) => [`${formatDate(y.start, locale)} – ${formatDate(dayBefore(y.end), locale)}`, m(y.deductibleApplied), m(y.outOfPocket),
        m(y.charge), m(y.adjustment), m(y.insurerPays), m(y.assistance), m(y.patientPays)]), { num: [1, 2, 3, 4, 5, 6, 7] });
  }
  const names = [t.yours(w(p).name), ...others.map((o) => (own[o.id] ? t.ownPrice : t.typicalCourse)(w(o).name))];
  table($("compare"), null, t.compareCols(plan.horizon.months),
    c.plans.map((x, i) => [names[i], x.totals.sessions, m(x.firstMonth.patientPays), x.typicalMonth?.monthly === undefined ? "—" : m(x.typicalMonth.monthly), m(x.firstYear), m(x.totals.patientPays)]),
    { num: [1, 2, 3, 4, 5] });
  $("compare-chart").hidden = others.length === 0;
  if (others.length) {
    lineChart($("compare-chart"), { id: "compare-cumulative", title: t.compareTitle, months: c.months,
      desc: t.chartDesc(formatMonth(c.months[0], locale), formatMonth(c.months.at(-1), locale), c.plans.map((x, i) => `${names[i]}: ${m(x.totals.patientPays)}`).join("; ")),
      series: c.plans.map((x, i) => ({ name: names[i], values: x.cumulative })), currency: c.currency, digits: c.minorUnits, words: t });
  }
}
