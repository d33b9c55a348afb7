// A clinic's price sheet as a visitor's plan, for <coursecost-estimate>
// (embed.js): the visitor's wasm carries no price sheet reader, so the
// element takes the plan's parts from the sheet itself, each entry's fields
// by the engine's own lists (`planFields`): a field the contract adds to a
// phase, a fee, a package or a discount reaches the plan with no change here.

/** `o[k]` when `o` has it as its own field: a field inherited from a polluted prototype is not the sheet's. */
const own = (o, k) => (typeof o === "object" && o !== null && Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * The plan of treatment `t` of price sheet `sheet` starting on `start`,
 * with only what a visitor's estimate needs: the sheet's currency and
 * closed days, the treatment's horizon in months (12 when it has none, or
 * when it counts weeks: the element says "over N months") and each list
 * the engine names in `fields` (`planFields()`: phases, fees, packages,
 * discounts, but those on a `condition`) with the fields it names for
 * their entries. The caller adds
 * insurance. Only own fields are read; a list that is not a list (`phases`
 * as an object) is passed on as it is, for the engine to refuse with its path.
 */
export function course(sheet, t, start, fields) {
  const months = own(own(t, "horizon"), "months");
  const plan = {
    currency: own(sheet, "currency"), start, horizon: { months: months || 12 },
    clinic: { closedWeekdays: own(sheet, "closedWeekdays") ?? [], closedDates: own(sheet, "holidays") ?? [] },
  };
  for (const [name, keys] of Object.entries(fields)) {
    let list = name === "plan" ? undefined : own(t, name);
    // A discount on a condition (prompt pay) is not expected: left out, as quotes leave it out.
    if (name === "discounts" && Array.isArray(list)) list = list.filter((x) => own(x, "condition") === undefined);
    plan[name] = Array.isArray(list)
      ? list.map((x) => (typeof x === "object" && x !== null ? Object.fromEntries(keys.filter((k) => own(x, k) !== undefined).map((k) => [k, x[k]])) : x))
      : list;
  }
  for (const k of Object.keys(plan)) if (plan[k] === undefined) delete plan[k];
  return plan;
}
