// Form fields as the engine's values (amounts in a currency's minor units,
// whole numbers, percentages) and the engine's problems shown at their
// fields. Shared by the visitor page and the staff quote view.
// A parsed field is `{ value }`, `{}` when blank, or `{ error }` with a
// sentence for the field.
import { currencyWords, plainAmount } from "./format.js";

/**
 * A currency as the engine counts it, `{ currency, minorUnits }`,
 * from the package's `currency` (`currency`, the visitor's or the
 * staff engine's): `code` absent is the engine's default currency. The page
 * never decides how many decimals a currency has. Throws the engine's
 * `PlanError` for a code that is not a currency.
 */
export const currencyOf = (currency, code) => currency(code ?? undefined);

/**
 * An amount typed in `unit`'s currency (`{ currency, minorUnits }`), in its
 * minor units: "590.50" is 59050 in dollars, "1500" is 1500 in yen.
 *
 * People type amounts the way their country writes them, so the rule reads
 * what is unambiguous and refuses the rest at the field, never guessing:
 * - a comma followed by exactly one or two digits at the end is a decimal
 *   comma ("590,50" is 590.50, "1,5" is 1.50, "1.234,56" is 1234.56);
 * - a point followed by at most the currency's decimals at the end is a
 *   decimal point ("590.5", and "1.234" in a three-decimal currency);
 * - a comma, a point (with a decimal comma) or a space separates thousands
 *   only between groups of exactly three digits ("1,234", "1 234,56");
 * - anything else ("12,34,567", "1.234" in dollars, "5,5,5") is refused,
 *   as are decimals in a currency that has none ("1,5" in yen).
 * The currency's symbol or code may stand before or after the number.
 */
export function money(text, unit) {
  const digits = unit.minorUnits;
  let t = text.trim().replace(/\p{Sc}/gu, "").trim();
  const code = unit.currency;
  if (t.toUpperCase().startsWith(code)) t = t.slice(code.length).trim();
  if (t.toUpperCase().endsWith(code)) t = t.slice(0, -code.length).trim();
  if (t === "") return {};
  const negative = t.startsWith("-");
  if (negative) t = t.slice(1).trim();
  const m = AMOUNT.exec(t);
  const minor = m && minorOf(m, digits);
  if (minor === null) {
    const like = digits ? `590 or 590.${"5".padEnd(digits, "0")}` : "590";
    const name = currencyWords(code).name;
    const why = m && !digits ? `${name} have no decimals. ` : "";
    return { error: `${why}Enter an amount in ${name}, like ${like}.` };
  }
  return { value: negative && minor !== 0 ? -minor : minor };
}

/**
 * A number as people write one: whole digits, or groups of three after a
 * thousands separator (comma, point or space; group 2), then an optional
 * decimal separator (group 4) and its digits (group 5).
 */
const AMOUNT = /^(\d+|\d{1,3}(?:([,. \u00a0\u202f\u2009])\d{3})(?:\2\d{3})*)(?:([.,])(\d+))?$/u;

/** The minor units of a match of `AMOUNT`, or null when its separators say no amount. */
function minorOf([, whole, group, decimal, fraction = ""], digits) {
  if (decimal !== undefined && decimal === group) return null; // "1,234,56", "1.234.5"
  if (decimal === "," && fraction.length > 2) {
    // "1,234" is one thousands comma (the pattern reads it as a decimal);
    // "1,2345" and "1234,567" are neither.
    if (group !== undefined || fraction.length !== 3 || whole.length > 3) return null;
    return minorOf([, whole + fraction], digits);
  }
  if (group === "." && decimal !== ",") return null; // "1.234" alone: a decimal point or a thousands point?
  if (fraction.length > digits) return null; // more decimals than the currency has, or any in yen
  const minor = Number(whole.replace(/\D/g, "")) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Writes `unit`'s currency symbol into every `.currency` element under `root` (the fields' labels). */
export function labelCurrency(root, unit) {
  const { symbol } = currencyWords(unit.currency);
  for (const el of root.querySelectorAll(".currency")) el.textContent = symbol;
}

export function whole(text) {
  const t = text.trim();
  if (t === "") return {};
  if (!/^-?\d+$/.test(t)) return { error: "Enter a whole number, like 6." };
  return { value: Number(t) };
}

export function percent(text) {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return {};
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: "Enter a percentage, like 20 or 12.5." };
  return { value: Number(t) };
}

/**
 * What is wrong with `r`, what `parse` (`money`, `whole` or `percent`) made
 * of a field: "amount", "wholeNumber" or "percent" when it cannot be read,
 * "need" when it is empty and `required`, else null. The pages say it in
 * their own words (problems.js).
 */
export const problemOf = (parse, r, required = true) =>
  r.error ? (parse === whole ? "wholeNumber" : parse === percent ? "percent" : "amount") : r.value === undefined && required ? "need" : null;

/**
 * Puts each `[fieldId, message]` next to its field (`#<id>-error`, and
 * `aria-invalid` on the field) inside `form`, after clearing the last ones;
 * returns the messages that have no field, for a status line.
 */
export function showErrors(form, errors) {
  for (const el of form.querySelectorAll(".error")) el.textContent = "";
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  const loose = [];
  for (const [field, message] of errors) {
    const input = field && document.getElementById(field);
    const out = field && document.getElementById(`${field}-error`);
    if (!out) {
      loose.push(message);
      continue;
    }
    input?.setAttribute("aria-invalid", "true");
    out.textContent = out.textContent ? `${out.textContent} ${message}` : message;
  }
  return loose;
}

/** The form field for an engine problem's path, from `[pattern, fieldId]` pairs. */
export const fieldFor = (pathFields, path) => pathFields.find(([re]) => re.test(path))?.[1];
