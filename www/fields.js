// Form fields as the engine's values: dollars to minor units, whole
// numbers, percentages. Shared by the visitor page and the staff quote view.
// A parsed field is `{ value }`, `{}` when blank, or `{ error }` with a
// sentence for the field.

/** A parsed field: `{ value }`, `{ value: undefined }` when blank, or `{ error }`. */
export function money(text) {
  const t = text.trim().replace(/[$,\s]/g, "");
  if (t === "") return {};
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return { error: "Enter an amount in dollars, like 590 or 590.50." };
  const [whole, cents = ""] = t.replace("-", "").split(".");
  const minor = Number(whole) * 100 + Number(cents.padEnd(2, "0"));
  return { value: t.startsWith("-") ? -minor : minor };
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
