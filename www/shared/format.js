// Formatting for people: money with Intl.NumberFormat in the estimate's
// currency, dates with Intl.DateTimeFormat. The engine's numbers are
// integers of minor units; this only changes how they are written.
//
// The locale is passed to every function (a page passes its words'
// `locale`, "en-US" or "es-US"; absent, the visitor's own), never kept here:
// an English page and a Spanish embed on one page format each in their own.
// Formatters are made on first use and kept per locale: building one loads
// locale data, tens of milliseconds in a cold browser, so a page only pays
// for the ones it draws with.

const made = new Map();
/** The formatter `make(locale)` under `key`, made once per locale. */
function once(key, locale, make) {
  const k = `${key}/${locale ?? ""}`;
  if (!made.has(k)) made.set(k, make());
  return made.get(k);
}

/**
 * `minor` minor units as a number of major units: (59050, 2) → 590.5. The
 * one place minor units become a number (for Intl, a form's default and
 * FHIR's decimals); exact for every amount the engine allows, which stay
 * far below 2^53.
 */
export const toMajor = (minor, digits) => minor / 10 ** digits;

/** `minor` minor units of `currency` (with `digits` decimals) for people in `locale`. */
export function formatMoney(minor, currency, digits, locale) {
  const fmt = once(`money/${currency}/${digits}`, locale, () =>
    new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return fmt.format(toMajor(minor, digits));
}

/**
 * A formatter for amounts of an engine result (an estimate, a range, a
 * comparison, a Good Faith Estimate): in its `currency`, with its
 * `minorUnits` decimals, in `locale`.
 */
export const moneyOf = ({ currency, minorUnits }, locale) => (minor) => formatMoney(minor, currency, minorUnits, locale);

/** `minor` minor units as a plain number with `digits` decimals, for a form field: (59000, 2) → "590.00". */
export function plainAmount(minor, digits) {
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  const point = s.length - digits;
  return `${minor < 0 ? "-" : ""}${s.slice(0, point)}${digits ? `.${s.slice(point)}` : ""}`;
}

/** How a currency is written beside a field ("$", "¥", "KWD") and named in a sentence ("US dollars"), in `locale`. */
export function currencyWords(currency, locale) {
  const part = (display) => new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: display })
    .formatToParts(2).find((p) => p.type === "currency")?.value ?? currency;
  return { symbol: part("narrowSymbol"), name: part("name") };
}

const utc = (iso) => new Date(`${iso}T00:00:00Z`);
/** A date format of `options`, as a function of an ISO date and a locale. */
const dates = (key, options) => (iso, locale) => once(key, locale, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })).format(utc(iso));

/** "Jan 5, 2026" in `locale`. */
export const formatDate = dates("date", { dateStyle: "medium" });
/** "Mon 5". */
export const formatDay = dates("day", { weekday: "short", day: "numeric" });
const month = dates("month", { month: "long", year: "numeric" });
/** "January 2026" for a "YYYY-MM" month. */
export const formatMonth = (ym, locale) => month(`${ym}-01`, locale);
const shortMonth = dates("shortMonth", { month: "short", year: "numeric" });
/** "Jan 2026" for a "YYYY-MM" month (a two-digit year reads as a day). */
export const formatMonthShort = (ym, locale) => shortMonth(`${ym}-01`, locale);

/** Today's local date as YYYY-MM-DD (the engine never reads a clock). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
