// The estimate in words: what the headline assumes, the figures a visitor
// asks about (from `compare`'s summary of their plan) and a sentence for each
// day what they pay changes course. All numbers are the engine's.
import { formatDate } from "./format.js";

/** The day before an ISO date: the last day of a period that ends (exclusive) on it. */
export const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 864e5).toISOString().split("T")[0];

/**
 * What the headline assumes: how the visitor pays, and the price (for a
 * session of several lines, `whole`: the sum of its parts as priced, what
 * one session costs in all), and the sessions from the day of the first
 * (the engine's: a start on a closed day is not a session's day).
 */
export function describe({ e, v, ex, insuranceTouched, price, typical, whole, m, t }) {
  const how = v.pay !== "insured" ? t.selfPay : ex && !insuranceTouched ? t.example(ex.name) : t.yourPlan;
  const priced = whole !== undefined ? t.inAll(m(whole)) : price === typical ? t.typicalPrice(m(price)) : t.yourPrice(m(price));
  return `${how} · ${priced} · ${t.sessionsFrom(e.totals.sessions, formatDate(e.sessions[0]?.date ?? e.start, t.locale))}.`;
}

/** `[term, value, note]` for the figure cards; `named` gives a programme's name in the page's language. */
export function figures({ c, e, plan, m, t, named = (x) => x }) {
  const out = [[t.firstMonth, m(c.firstMonth.patientPays), t.fromTo(formatDate(c.firstMonth.start, t.locale), formatDate(dayBefore(c.firstMonth.end), t.locale))]];
  const s = c.typicalMonth;
  if (s && s.monthly !== undefined) {
    out.push([t.typical, m(s.monthly), t.typicalNote(t.fromTo(formatDate(s.start, t.locale), formatDate(dayBefore(s.end), t.locale)), s.months, m(s.low), m(s.high))]);
  } else if (s) {
    out.push([t.rest, m(s.patientPays), t.fromTo(formatDate(s.start, t.locale), formatDate(dayBefore(s.end), t.locale))]);
  }
  const y = c.planYear;
  const cut = e.end < y.end ? formatDate(dayBefore(e.end), t.locale) : "";
  out.push([plan.coverage ? t.thisYear : t.thisCalendarYear, m(y.patientPays), t.yearNote(formatDate(y.start, t.locale), formatDate(dayBefore(y.end), t.locale), cut)]);
  if (plan.horizon.months !== 12) out.push([t.next12, m(c.firstYear), ""]);
  // A superbill: paid in full at the visits, paid back by the insurer later.
  if (e.totals.paid !== undefined) out.push([t.paidAtVisits, m(e.totals.paid), t.paidBack(m(e.totals.reimbursed), e.totals.reimbursedAfterHorizon > 0 ? m(e.totals.reimbursedAfterHorizon) : "")]);
  // Each savings programme: the day it runs out, or that it does not.
  (plan.assistance ?? []).forEach((a, i) => {
    const out_ = c.changes.find((x) => x.kind === "assistanceExhausted" && x.path === `assistance[${i}]`);
    out.push([named(a.name), out_ ? t.runsOut(formatDate(out_.date, t.locale)) : t.runsOutNot, out_ ? "" : t.runsOutNotNote]);
  });
  if (plan.coverage) {
    out.push([t.oop, c.outOfPocketMaxReached ? formatDate(c.outOfPocketMaxReached, t.locale) : plan.coverage.outOfPocketMax === undefined ? t.oopNone : t.oopNot,
      c.outOfPocketMaxReached ? t.oopOn(formatDate(c.outOfPocketMaxReached, t.locale)) : ""]);
  }
  return out;
}

/** What the patient pays in a stretch, in words: "about $420.00 a month until Oct 8, 2026". */
function after(s, end, m, t) {
  if (s.patientPays === 0) return t.after(t.nothing);
  const amount = s.monthly !== undefined ? t.aMonth(m(s.monthly)) : m(s.patientPays);
  return t.after(s.end < end ? t.until(amount, formatDate(dayBefore(s.end), t.locale)) : amount);
}

/**
 * A sentence for each change: the card running out, the maximum reached, a
 * new plan year (which says the deductible starts again only when the
 * estimate `e` applies one in that year), …
 */
export function sentences({ c, e, plan, m, t, named = (x) => x }) {
  return c.changes.map((x) => {
    const d = formatDate(x.date, t.locale);
    const a = after(x.after, c.end, m, t);
    switch (x.kind) {
      case "assistanceExhausted": return t.chgAssistance(named(plan.assistance[Number(/\d+/.exec(x.path))]?.name ?? ""), d, a);
      case "outOfPocketMax": return (x.benefit === "pharmacy" ? t.chgRxOop : t.chgOop)(d, a);
      case "planYear": return (e.planYears?.find((y) => y.start === x.date)?.deductibleApplied > 0 ? t.chgYear : t.chgYearOnly)(d, a);
      case "coverageLimit": return t.chgLimit(d, a);
      default: return t.chgEnd(formatDate(dayBefore(x.date), t.locale), a);
    }
  });
}

/** The chart's marks: a new plan year, a limit reached, a card running out, a maximum reached. */
export const marks = (c, t) => c.changes.filter((x) => x.kind !== "courseEnds").map((x) => ({
  date: x.date,
  label: { planYear: t.markYear, coverageLimit: t.markLimit, assistanceExhausted: t.markCard, outOfPocketMax: t.markOop }[x.kind],
}));

/**
 * The published range in words: from the smallest to the largest of what
 * the visitor pays on the preset's cheap, typical and dear courses (`r`,
 * the engine's `range`), with the typical one inside. The courses' charges
 * are ordered, but what is left to pay need not be: a programme pays more
 * of a dearer course, and insurance may share it differently; when the order
 * changes, one sentence says which.
 */
export function rangeText(r, insured, m, t) {
  const pays = [r.low, r.typical, r.high].map((x) => x.patientPays);
  const [lo, hi] = [Math.min(...pays), Math.max(...pays)];
  const text = t.range(m(lo), m(hi), m(r.typical.patientPays), insured);
  if (pays[0] <= pays[1] && pays[1] <= pays[2]) return text;
  const programme = [r.low, r.typical, r.high].some((x) => x.assistance > 0);
  return `${text} ${programme ? t.rangeProgramme : t.rangeCoverage}`;
}
