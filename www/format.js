// Formatting for people: money with Intl.NumberFormat in the estimate's
// currency and the visitor's locale, dates with Intl.DateTimeFormat. The
// engine's numbers are integers of minor units; this only changes how they
// are written.

const money = new Map();

/** `minor` minor units of `currency` (with `digits` decimals) for people. */
export function formatMoney(minor, currency = "USD", digits = 2) {
  const key = `${currency}/${digits}`;
  if (!money.has(key)) {
    money.set(key, new Intl.NumberFormat(undefined, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return money.get(key).format(minor / 10 ** digits);
}

/** Money without cents when it is large: for headlines and chart labels. */
export function formatMoneyShort(minor, currency = "USD", digits = 2) {
  return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 }).format(Math.round(minor / 10 ** digits));
}

const utc = (iso) => new Date(`${iso}T00:00:00Z`);

/**
 * A date formatter made on first use: building an `Intl.DateTimeFormat`
 * loads locale data, tens of milliseconds in a cold browser, so the page
 * only pays for the ones it draws with.
 */
function dates(options) {
  let fmt;
  return (iso) => (fmt ??= new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" })).format(utc(iso));
}

/** "Jan 5, 2026" in the visitor's locale. */
export const formatDate = dates({ dateStyle: "medium" });
/** "Mon 5". */
const day = dates({ weekday: "short", day: "numeric" });
export const formatDay = (iso) => day(iso);
/** "January 2026" for a "YYYY-MM" month. */
const month = dates({ month: "long", year: "numeric" });
export const formatMonth = (ym) => month(`${ym}-01`);
/** "Jan 26" for a "YYYY-MM" month. */
const shortMonth = dates({ month: "short", year: "2-digit" });
export const formatMonthShort = (ym) => shortMonth(`${ym}-01`);

/** Today's local date as YYYY-MM-DD (the engine never reads a clock). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
