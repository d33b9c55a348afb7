// The assumptions under an estimate: the catalogue's for the treatment,
// each saying what the visitor changed of what it assumes, then the page's
// own, with their words in English (es.js has them in Spanish). The visitor
// page loads this with the catalogue's notes (notes.js).

/** The page's own assumptions and their notes, in English. */
export const words = {
  assumeInsurance: "Insurance: your plan's deductible, coinsurance or copay and out-of-pocket maximum apply to covered lines, claim by claim in date order, starting again each plan year.",
  assumeSelf: "Insurance: none; you pay every charge yourself.",
  assumeDates: "Sessions on the dates shown; a missed or moved session changes the cost.",
  assumeHolidays: "No sessions on US federal holidays; a session that falls on one moves to the next open day.",
  assumeWeekends: "No sessions on Saturdays or Sundays, when clinics are usually closed; a session that falls on one moves to the next open day, a weekday.",
  changed: (v) => ` You changed this: ${v}.`,
  checked: (d) => ` (checked ${d}).`,
};

/**
 * The assumptions under an estimate of catalogue entry `p`, as `{ text,
 * changed }`: the catalogue's (`said`, in the page's language; `english`,
 * the same in English, which the visitor's changes are found in), `changed`
 * saying what the visitor set instead, then the page's own. `plan` is the
 * plan as estimated, `v` the form's values, `t` the page's words (with
 * `words`' keys), `m` the page's money format, `editable` where the
 * entry's editable phases are (`{ induction, interval }`, -1 for none),
 * `priced` the phase whose price the visitor sets and `fee` the fee they
 * may price (plan.js).
 */
export function assumptionsOf({ p, said, english, plan, v, t, m, editable, priced: at = 0, fee }) {
  const typical = p.plan;
  const { induction, interval } = editable;
  // What the visitor changed, with a phrase an assumption about it contains.
  const changes = [];
  if (plan.phases[at].price !== typical.phases[at].price) changes.push([m(typical.phases[at].price).replace(/\.00$/, ""), m(plan.phases[at].price)]);
  if (induction >= 0 && plan.phases[induction].sessions !== typical.phases[induction].sessions) changes.push([`${typical.phases[induction].sessions} `, String(plan.phases[induction].sessions)]);
  if (interval >= 0 && plan.phases[interval].every.weeks !== typical.phases[interval].every.weeks) changes.push([` ${typical.phases[interval].every.weeks} `, t.everyWeeks(plan.phases[interval].every.weeks)]);
  const now = fee && plan.fees.find((f) => f.name === fee.name);
  if (fee && now.amount !== fee.amount) changes.push([m(fee.amount).replace(/\.00$/, ""), m(now.amount)]);
  const used = new Set();
  const items = said.map((a, i) => {
    const hit = changes.find(([phrase], k) => !used.has(k) && english[i].includes(phrase) && used.add(k));
    return { text: a, changed: hit?.[1] };
  });
  items.push({ text: plan.coverage ? t.assumeInsurance : t.assumeSelf }, { text: t.assumeDates });
  if (plan.clinic?.closedWeekdays?.length) items.push({ text: t.assumeWeekends });
  if (v.holidays) items.push({ text: t.assumeHolidays });
  return items;
}
