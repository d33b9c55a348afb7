// US federal holidays, on the days they are observed (a Saturday holiday on
// the Friday before, a Sunday one on the Monday after): the days most
// clinics are closed. Calendar facts, not cost rules: the page gives them to
// the engine as the plan's `clinic.closedDates`.

const iso = (d) => d.toISOString().split("T")[0];
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
/** The `n`th `weekday` (0 Sunday) of a month; n = -1 for the last. */
function nth(y, m, weekday, n) {
  if (n < 0) {
    const last = day(y, m + 1, 0);
    return day(y, m, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = day(y, m, 1);
  return day(y, m, 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
}
function observed(d) {
  const w = d.getUTCDay();
  return w === 6 ? new Date(d - 864e5) : w === 0 ? new Date(+d + 864e5) : d;
}

/** Every observed federal holiday from `from` to `to` (YYYY-MM-DD, inclusive), in order. */
export function federalHolidays(from, to) {
  const out = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) + 1; y++) {
    for (const d of [
      observed(day(y, 1, 1)), nth(y, 1, 1, 3), nth(y, 2, 1, 3), nth(y, 5, 1, -1), observed(day(y, 6, 19)),
      observed(day(y, 7, 4)), nth(y, 9, 1, 1), nth(y, 10, 1, 2), observed(day(y, 11, 11)), nth(y, 11, 4, 4), observed(day(y, 12, 25)),
    ]) {
      const s = iso(d);
      if (s >= from && s <= to) out.push(s);
    }
  }
  return out.sort();
}
