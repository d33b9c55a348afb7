// What staff do on the form, as changes to the sheet: a field's text read
// into the sheet at its path (text that is not a value is kept as typed,
// with the page's message for it), checkboxes and choices, and the
// buttons that add, remove, turn a page or add a dear-end course.
import { money, whole, percent } from "../shared/fields.js";
import { get, set, state, TEMPLATES } from "./sheet-state.js";
import { up } from "./sheet-paths.js";
import { PAGE, pages } from "./paged-lists.js";
import { opened } from "./lazy-boxes.js";
import { render } from "./form-drawing.js";
import { change, changed, editing } from "./changes.js";

/** Reads a field into the sheet; returns the page's own message when its text is not a value. */
function read(el) {
  const { path, kind } = el.dataset;
  const text = el.value;
  const list = (sep) => text.split(sep).map((s) => s.trim()).filter(Boolean);
  const parsed = {
    text: () => ({ value: text === "" ? undefined : text }),
    amount: () => money(text, state.unit ?? { currency: "USD", minorUnits: 2 }),
    int: () => whole(text),
    percent: () => percent(text),
    codes: () => ({ value: list(",") }),
    dates: () => ({ value: list(/[\s,]+/) }),
    lines: () => ({ value: list("\n") }),
    select: () => ({ value: text === "" ? undefined : text }),
  }[kind]();
  if (parsed.error) {
    set(path, text); // the engine reports it too; the page's words are shown
    return parsed.error;
  }
  const empty = parsed.value === undefined || (Array.isArray(parsed.value) && parsed.value.length === 0);
  set(path, empty ? undefined : parsed.value);
  return null;
}

export function onInput(e) {
  const el = e.target;
  const path = el.dataset.path;
  if (path === undefined) return;
  editing();
  const kind = el.dataset.kind;
  let redraw = false;
  if (kind === "weekdays" || kind === "keywords" || kind === "applies") {
    const boxes = [...el.closest(".checks").querySelectorAll("input[type=checkbox]")];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    set(path, kind === "applies" && chosen.length === boxes.length ? undefined : chosen);
  } else if (kind === "flag") {
    set(path, el.checked === (el.dataset.default === "true") ? undefined : el.checked);
  } else if (kind === "one-of") {
    const old = get(path);
    const previous = old && typeof old === "object" ? Object.values(old)[0] : undefined;
    set(path, el.value === "" ? undefined : { [el.value]: el.value === "weekdays" ? [] : typeof previous === "number" ? previous : 1 });
    redraw = true;
  } else if (kind === "length") {
    const phase = get(path);
    const n = phase.sessions ?? phase.weeks ?? 1;
    delete phase.sessions;
    delete phase.weeks;
    if (el.value) phase[el.value] = n;
    redraw = true;
  } else if (kind === "rate-kind") {
    const rate = get(path);
    const name = rate.phase ?? rate.fee;
    delete rate.phase;
    delete rate.fee;
    rate[el.value] = name ?? "";
    if (rate[el.value] === "") delete rate[el.value];
    redraw = true;
  } else {
    const message = read(el);
    if (message) state.local.set(path, message);
    else state.local.delete(path);
    redraw = path === "currency" || path.endsWith(".treatment");
  }
  changed({ redraw, names: /\.(name|id)$/.test(path) });
}

export function onClick(e) {
  const button = e.target.closest("[data-action]");
  if (!button) return;
  const { action, target } = button.dataset;
  if (action === "page") {
    pages.set(target, Number(button.dataset.page));
    render();
  } else if (action === "add") {
    const name = target.split(/[.[\]]/).filter(Boolean).pop();
    const items = Array.isArray(get(target)) ? get(target) : [];
    if (target === "treatments") opened.add(`treatments[${items.length}]`);
    pages.set(target, Math.floor(items.length / PAGE)); // the page the new entry is on
    change(() => set(target, [...items, TEMPLATES[name]()]));
  } else if (action === "remove") {
    const parent = up(target);
    const index = Number(/\[(\d+)\]$/.exec(target)[1]);
    change(() => {
      const items = get(parent);
      items.splice(index, 1);
      if (items.length === 0 && parent.includes("].")) set(parent, undefined);
      // Messages about the removed entries and those after it no longer fit their paths.
      for (const p of [...state.local.keys()]) if (p.startsWith(parent)) state.local.delete(p);
      if (parent === "treatments") opened.clear();
      if (parent === "payers") {
        pages.clear();
        for (const p of [...opened]) if (p.startsWith("payers")) opened.delete(p);
      }
    });
  } else if (action === "high") {
    change(() => {
      const t = get(target);
      if (button.checked) t.high = structuredClone({ phases: t.phases ?? [], fees: t.fees, packages: t.packages, discounts: t.discounts });
      else delete t.high;
    });
  }
}

/** Entering a field: its first edit is one change Undo takes back. */
export function onFocus(e) {
  if (e.target.dataset?.path !== undefined) state.before = JSON.stringify(state.sheet);
}
