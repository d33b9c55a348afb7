// What the visitor page and the staff view draw alike: summary cards and
// the session calendar, month by month.
import { h } from "./dom.js";
import { formatDate } from "./format.js";

/**
 * A summary card for a `<dl class="cards">`: a term and its value in large
 * type, with an optional `note` below; `id` names the value's element.
 */
export const card = (term, value, { note, id } = {}) => h("div", { class: "card" }, h("dt", {}, term),
  h("dd", {}, h("strong", { class: "big", id }, value), note ? h("span", { class: "note" }, note) : null));

/** An estimate's sessions by calendar month, in date order: `[["2026-01", [session, …]], …]`. */
export function byMonth(sessions) {
  const months = new Map();
  for (const s of sessions) {
    const key = s.date.slice(0, "YYYY-MM".length);
    if (!months.has(key)) months.set(key, []);
    months.get(key).push(s);
  }
  return [...months];
}

/**
 * The session calendar: one block per month, headed by `heading(month,
 * sessions)` in a `level` element, listing each session as `item(session)`
 * with a note (`moved(scheduled)`) when the session was moved off its
 * scheduled day.
 */
export const calendar = (sessions, { level, heading, item, moved = (d) => ` (moved from ${formatDate(d)})` }) => byMonth(sessions).map(([month, list]) => h("div", { class: "month" },
  h(level, {}, heading(month, list)),
  h("ul", {}, list.map((s) => h("li", { title: s.phase }, item(s),
    s.date !== s.scheduled ? h("span", { class: "note" }, moved(s.scheduled)) : null)))));
