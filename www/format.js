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
const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", timeZone: "UTC" });
const monthFmt = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" });
const shortMonthFmt = new Intl.DateTimeFormat(undefined, { month: "short", year: "2-digit", timeZone: "UTC" });

/** "Jan 5, 2026" in the visitor's locale. */
export const formatDate = (iso) => dateFmt.format(utc(iso));
/** "Mon 5". */
export const formatDay = (iso) => dayFmt.format(utc(iso));
/** "January 2026" for a "YYYY-MM" month. */
export const formatMonth = (ym) => monthFmt.format(utc(`${ym}-01`));
/** "Jan 26" for a "YYYY-MM" month. */
export const formatMonthShort = (ym) => shortMonthFmt.format(utc(`${ym}-01`));

/** Today's local date as YYYY-MM-DD (the engine never reads a clock). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
