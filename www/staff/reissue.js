// Re-issuing a Good Faith Estimate: a new one is due when the providers,
// the items or the charges change, or 12 months pass. Staff open the old
// one's JSON download; the page quotes its patient and treatment again from
// today's price sheet, and this module says what changed, item by item.
// Loaded only when staff open a saved estimate. The file is read in the
// page and goes nowhere.

import { readJson } from "../shared/json-text.js";

/** The fields a saved Good Faith Estimate must have to be quoted again. */
const NEEDED = ["number", "date", "treatment", "start", "patient", "items", "total", "diagnosisCodes"];

/**
 * A saved estimate from its JSON text, checked against `sheet` (the price
 * sheet in use): `{ gfe }`, or `{ error }` saying what is wrong in words.
 */
export function readSaved(text, sheet) {
  const { value: gfe, error } = readJson(text);
  if (error) return { error: `That file is not a saved Good Faith Estimate: it is ${error}.` };
  const lacking = NEEDED.filter((k) => gfe?.[k] === undefined);
  if (typeof gfe !== "object" || gfe === null || Array.isArray(gfe) || lacking.length > 0) {
    return { error: `That file is not a saved Good Faith Estimate (its “Download GFE (JSON)”): it has no ${lacking.join(", ") || "fields"}.` };
  }
  if (!sheet.treatments.some((t) => t.id === gfe.treatment)) {
    return { error: `The price sheet in use has no treatment “${gfe.treatment}”, which that estimate quoted: open the sheet it came from, or one that sells it.` };
  }
  return { gfe };
}

/** An item's identity across estimates: what it is and who bills it. */
const key = (i) => JSON.stringify([i.kind, i.service, i.code ?? null, i.provider ?? null]);

/** Items of one identity taken together (an item whose charge changed mid-course is two items). */
function byKey(items) {
  const out = new Map();
  for (const i of items) {
    const k = key(i);
    const had = out.get(k);
    out.set(k, had
      ? { ...had, times: had.times + i.times, expectedCharge: had.expectedCharge + i.expectedCharge, last: i.last, unitCharge: i.unitCharge }
      : { ...i });
  }
  return out;
}

/**
 * What changed from `old` to `now` (two Good Faith Estimates), item by
 * item in the new one's order, then the items no longer listed: each
 * `{ service, before, now, change }` with `change` in words.
 */
export function changes(old, now) {
  const before = byKey(old.items);
  const after = byKey(now.items);
  const rows = [];
  for (const [k, n] of after) {
    const b = before.get(k);
    rows.push({ service: n.service, before: b, now: n, change: change(b, n) });
  }
  for (const [k, b] of before) if (!after.has(k)) rows.push({ service: b.service, before: b, now: undefined, change: "removed" });
  return rows;
}

function change(b, n) {
  if (!b) return "added";
  const said = [];
  if (b.unitCharge !== n.unitCharge) said.push("charge each time changed");
  if (b.times !== n.times) said.push(`${n.times > b.times ? "more" : "fewer"} times (${b.times} → ${n.times})`);
  if (b.first !== n.first || b.last !== n.last) said.push("dates moved");
  if (b.placeOfService !== n.placeOfService) said.push("given elsewhere");
  return said.length ? said.join("; ") : "unchanged";
}
