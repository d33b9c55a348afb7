// A clinic's price sheet as a visitor's plan, for <coursecost-estimate>
// (embed.js): the visitor's wasm carries no price sheet reader, so the
// element takes the plan's parts from the sheet itself.

/**
 * The plan of treatment `t` of price sheet `sheet` starting on `start`,
 * with only what a visitor's estimate needs: the sheet's currency and
 * closed days, the treatment's horizon in months (12 when it has none, or
 * when it counts weeks: the element says "over N months") and its phases,
 * fees, packages and discounts. The caller adds insurance. For a horizon in
 * months or none, it is the plan of the staff engine's self-pay quote (the
 * embed's test holds their estimates equal).
 */
export function course(sheet, t, start) {
  const plain = (list, keys) => list?.map((x) => Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]])));
  const plan = {
    currency: sheet.currency, start, horizon: t.horizon?.months ? { months: t.horizon.months } : { months: 12 },
    clinic: { closedWeekdays: sheet.closedWeekdays ?? [], closedDates: sheet.holidays ?? [] },
    phases: plain(t.phases, ["name", "every", "sessions", "weeks", "startAfter", "price", "code", "covered", "benefit", "allowed"]),
    fees: plain(t.fees, ["name", "amount", "when", "phase", "code", "covered", "benefit", "allowed"]),
    packages: plain(t.packages, ["name", "phase", "sessions", "price", "code"]),
    discounts: plain(t.discounts, ["name", "percent", "appliesTo"]),
  };
  for (const k of Object.keys(plan)) if (plan[k] === undefined) delete plan[k];
  return plan;
}
