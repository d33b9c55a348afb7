// Form fields as the engine's values (amounts in a currency's minor units,
// whole numbers, percentages) and the engine's problems shown at their
// fields. Shared by the visitor page and the staff quote view.
// A parsed field is `{ value }`, `{}` when blank, or `{ error }` with a
// sentence for the field.
import { currencyWords, plainAmount } from "./format.js";

const units = new Map();

/**
 * A currency as the engine counts it, `{ currency, minorUnits }`: read from
 * the engine's estimate of a one-session plan at no charge in `currency`
 * (absent: the engine's default currency). `estimate` is the engine's.
 * The page never decides how many decimals a currency has.
 */
export function currencyOf(estimate, currency) {
  const key = currency ?? "";
  if (!units.has(key)) {
    const probe = { start: "2026-01-05", phases: [{ name: "Session", every: { weeks: 1 }, sessions: 1, price: 0 }] };
    if (currency !== undefined) probe.currency = currency;
    const { currency: code, minorUnits } = estimate(probe);
    units.set(key, { currency: code, minorUnits });
  }
  return units.get(key);
}

/**
 * An amount typed in `unit`'s currency (`{ currency, minorUnits }`), in its
 * minor units: "590.50" is 59050 in dollars, "1500" is 1500 in yen.
 */
export function money(text, unit) {
  const digits = unit.minorUnits;
  let t = text.trim().replace(/[\s,]|\p{Sc}/gu, "");
  if (t.toUpperCase().startsWith(unit.currency)) t = t.slice(unit.currency.length);
  if (t === "") return {};
  const m = (digits ? new RegExp(`^-?(\\d+)(?:\\.(\\d{1,${digits}}))?$`) : /^-?(\d+)$/).exec(t);
  if (!m) {
    const like = digits ? `590 or 590.${"5".padEnd(digits, "0")}` : "590";
    return { error: `Enter an amount in ${currencyWords(unit.currency).name}, like ${like}.` };
  }
  const [, whole, fraction = ""] = m;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return { value: t.startsWith("-") ? -minor : minor };
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
