// Formatting for people: money with Intl.NumberFormat in the estimate's
// currency and the visitor's locale, dates with Intl.DateTimeFormat. The
// engine's numbers are integers of minor units; this only changes how they
// are written.

const money = new Map();

/** The locale of every format: the visitor's own unless a page sets one ("en-US", "es-US"). */
let locale;
let generation = 0;
export function setLocale(next) {
  locale = next;
  money.clear();
  generation++;
}

/** `minor` minor units of `currency` (with `digits` decimals) for people. */
export function formatMoney(minor, currency, digits) {
  const key = `${currency}/${digits}`;
  if (!money.has(key)) {
    money.set(key, new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return money.get(key).format(minor / 10 ** digits);
}

/**
 * A formatter for amounts of an engine result (an estimate, a range, a
 * comparison, a Good Faith Estimate): in its `currency`, with its
 * `minorUnits` decimals.
 */
export const moneyOf = ({ currency, minorUnits }) => (minor) => formatMoney(minor, currency, minorUnits);

/** `minor` minor units as a plain number with `digits` decimals, for a form field: (59000, 2) → "590.00". */
export function plainAmount(minor, digits) {
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  const point = s.length - digits;
  return `${minor < 0 ? "-" : ""}${s.slice(0, point)}${digits ? `.${s.slice(point)}` : ""}`;
}

/** How a currency is written beside a field ("$", "¥", "KWD") and named in a sentence ("US dollars"). */
export function currencyWords(currency) {
  const part = (display) => new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: display })
    .formatToParts(2).find((p) => p.type === "currency")?.value ?? currency;
  return { symbol: part("narrowSymbol"), name: part("name") };
}

const utc = (iso) => new Date(`${iso}T00:00:00Z`);

/**
 * A date formatter made on first use: building an `Intl.DateTimeFormat`
 * loads locale data, tens of milliseconds in a cold browser, so the page
 * only pays for the ones it draws with.
 */
function dates(options) {
  let fmt, made;
  return (iso) => {
    if (made !== generation) [fmt, made] = [new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }), generation];
    return fmt.format(utc(iso));
  };
}

/** "Jan 5, 2026" in the visitor's locale. */
export const formatDate = dates({ dateStyle: "medium" });
/** "Mon 5". */
const day = dates({ weekday: "short", day: "numeric" });
export const formatDay = (iso) => day(iso);
/** "January 2026" for a "YYYY-MM" month. */
const month = dates({ month: "long", year: "numeric" });
export const formatMonth = (ym) => month(`${ym}-01`);
/** "Jan 2026" for a "YYYY-MM" month (a two-digit year reads as a day). */
const shortMonth = dates({ month: "short", year: "numeric" });
export const formatMonthShort = (ym) => shortMonth(`${ym}-01`);

/** Today's local date as YYYY-MM-DD (the engine never reads a clock). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
