// Form fields as the engine's values (dollars to minor units, whole
// numbers, percentages) and the engine's problems shown at their fields.
// Shared by the visitor page and the staff quote view.
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
