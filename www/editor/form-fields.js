// The form's fields, drawn from the sheet: each input carries the path of
// the value it shows (`data-path`) and how its text is read (`data-kind`),
// and is kept in the drawing's slots with its error line, where a problem
// at its path is shown (problems-shown.js). Drawing only reads the sheet;
// what staff type comes back through form-input.js.
import { h } from "../shared/dom.js";
import { plainAmount } from "../shared/format.js";
import { get, state } from "./sheet-state.js";

export const WEEKDAYS = [["mon", "Mon"], ["tue", "Tue"], ["wed", "Wed"], ["thu", "Thu"], ["fri", "Fri"], ["sat", "Sat"], ["sun", "Sun"]];
export const KINDS = [["session", "sessions"], ["package", "packages"], ["fee", "fees"]];

/**
 * The form as drawn now, started again by each drawing (form-drawing.js):
 * every field's and box's slot by path, the ids handed out, the error
 * lines lit, the paged lists drawn, the closed boxes not drawn yet and
 * those drawn to show a problem, and the treatments by id.
 */
export const view = freshView();
export function freshView() {
  return {
    uid: 0,
    slots: new Map(), // path → { input, error, warn } of every field and box on the form (warn: a code field's warning line)
    lit: [], // the error lines and fields showing a problem now
    warned: [], // the warning lines showing a warning now
    paged: new Map(), // the path of each list drawn → what one entry is called ("Allowed amount")
    undrawn: new Map(), // the path of a box drawn when opened (a treatment, a payer's allowed amounts) → draws its fields
    drawnForProblems: new Set(), // the paths of the closed boxes drawn to show their problems since the last drawing
    byId: null, // each treatment's index by its id
  };
}
/** Starts the drawing again: nothing on the form is known. */
export function resetView() {
  Object.assign(view, freshView());
}

/** Text for a field from the sheet's value. */
export function shown(kind, v) {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v; // also what staff typed that is not a value yet
  if (kind === "amount" && Number.isSafeInteger(v)) return plainAmount(v, state.unit?.minorUnits ?? 2);
  const words = (x) => (typeof x === "string" ? x : JSON.stringify(x));
  if ((kind === "codes" || kind === "dates") && Array.isArray(v)) return v.map(words).join(", ");
  if (kind === "lines" && Array.isArray(v)) return v.map(words).join("\n");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v); // the engine says what is wrong with it, at this field
}

export function slot(path, input, error, warn = null) {
  view.slots.set(path, { input, error, warn });
}

/**
 * A labelled field for `path`. `kind` says how its text is read; `opts`:
 * `hint`, `wide`, `list` (a datalist), `options` (a select's), `warn` (a
 * line for a warning that is not a problem: code-warnings.js).
 */
export function field(label, path, kind, opts = {}) {
  const id = `f${++view.uid}`;
  const attrs = { id, "data-path": path, "data-kind": kind, "aria-describedby": opts.warn ? `${id}-error ${id}-warn` : `${id}-error`, autocomplete: "off" };
  let input;
  if (kind === "select") {
    input = h("select", attrs, opts.options.map(([v, t]) => h("option", { value: v, selected: (get(path) ?? opts.default ?? "") === v }, t)));
  } else if (kind === "lines") {
    input = h("textarea", { ...attrs, rows: 2 });
    input.value = shown(kind, get(path));
  } else {
    input = h("input", { ...attrs, type: "text", list: opts.list, maxlength: opts.max, inputmode: ["amount", "int", "percent"].includes(kind) ? "decimal" : undefined, spellcheck: "false" });
    input.value = shown(kind, get(path));
  }
  const error = h("p", { class: "error", id: `${id}-error` });
  const warn = opts.warn ? h("p", { class: "hint warn", id: `${id}-warn` }) : null;
  slot(path, input, error, warn);
  return h("div", { class: opts.wide ? "field wide" : "field" }, h("label", { for: id }, label, opts.hint ? h("span", { class: "opt" }, ` (${opts.hint})`) : null), input, error, warn);
}

/** A group of checkboxes for a list of keywords at `path` (`kind` says how an empty list is stored). */
export function checks(label, path, options, kind) {
  const id = `f${++view.uid}`;
  const stored = get(path);
  const value = Array.isArray(stored) ? stored : stored === undefined && kind === "applies" ? options.map(([v]) => v) : [];
  const error = h("p", { class: "error", id: `${id}-error` });
  const group = h("fieldset", { class: "checks", "aria-describedby": `${id}-error` }, h("legend", {}, label),
    options.map(([v, t]) => h("label", { class: "check" }, h("input", { type: "checkbox", "data-path": path, "data-kind": kind, value: v, checked: value.includes(v) }), t)));
  slot(path, group, error);
  return h("div", { class: "field wide" }, group, error);
}

/** A yes/no field whose absence means `fallback`. */
export function flag(label, path, fallback) {
  const id = `f${++view.uid}`;
  const error = h("p", { class: "error", id: `${id}-error` });
  const input = h("input", { type: "checkbox", id, "data-path": path, "data-kind": "flag", "data-default": String(fallback), checked: get(path) ?? fallback });
  slot(path, input, error);
  return h("div", { class: "field" }, h("label", { class: "check", for: id }, input, label), error);
}

/** A box for one entry of a list at `path`, with its title, a remove button and an error line of its own. */
export function box(path, title, ...children) {
  const error = h("p", { class: "error" });
  const el = h("div", { class: "item", "data-slot": path },
    h("div", { class: "head" }, h("h4", {}, title), h("button", { type: "button", class: "remove", "data-action": "remove", "data-target": path }, "Remove")),
    error, ...children);
  slot(path, el, error);
  return el;
}

export const grid = (...children) => h("div", { class: "grid" }, ...children);

// ---------------------------------------------------------------------------
// Composite fields: one of several keys (every, length, start after, horizon)

/** A choice of one key of the object at `path` (`{ weeks: 2 }`), with the number it holds. */
export function oneOf(label, path, options, { optional = false } = {}) {
  const value = get(path);
  // The first key the form knows (the engine reports any other at this field).
  const key = value && typeof value === "object" ? Object.keys(value).find((k) => options.some(([v]) => v === k)) ?? "" : "";
  const id = `f${++view.uid}`;
  const select = h("select", { id, "data-path": path, "data-kind": "one-of", "aria-label": `${label}: unit` },
    optional ? h("option", { value: "", selected: !key }, "default") : null,
    options.map(([v, t]) => h("option", { value: v, selected: key === v }, t)));
  const parts = [select];
  if (key === "weekdays") {
    parts.push(h("div", { class: "checks" }, WEEKDAYS.map(([v, t]) => h("label", { class: "check" },
      h("input", { type: "checkbox", "data-path": `${path}.weekdays`, "data-kind": "weekdays", value: v, checked: Array.isArray(value.weekdays) && value.weekdays.includes(v) }), t))));
  } else if (key) {
    const n = h("input", { type: "text", inputmode: "numeric", id: `${id}-n`, "data-path": `${path}.${key}`, "data-kind": "int", "aria-label": `${label}: how many ${key}`, autocomplete: "off" });
    n.value = shown("int", value[key]);
    parts.push(n);
    slot(`${path}.${key}`, n, null);
  }
  const error = h("p", { class: "error", id: `${id}-error` });
  slot(path, select, error);
  if (key) view.slots.get(`${path}.${key}`) && (view.slots.get(`${path}.${key}`).error = error);
  if (key === "weekdays") slot(`${path}.weekdays`, parts[1], error);
  return h("div", { class: "field" }, h("label", { for: id }, label), h("div", { class: "inline" }, ...parts), error);
}

/** A phase's length: a number of sessions, of weeks, or until the horizon ends. */
export function length(path) {
  const phase = get(path);
  const key = phase.sessions !== undefined ? "sessions" : phase.weeks !== undefined ? "weeks" : "";
  const id = `f${++view.uid}`;
  const select = h("select", { id, "data-path": path, "data-kind": "length", "aria-label": "Length: unit" },
    [["sessions", "sessions"], ["weeks", "weeks"], ["", "until the end (open-ended)"]].map(([v, t]) => h("option", { value: v, selected: key === v }, t)));
  const parts = [select];
  const error = h("p", { class: "error", id: `${id}-error` });
  slot(`${path}.sessions`, select, error);
  slot(`${path}.weeks`, select, error);
  if (key) {
    const n = h("input", { type: "text", inputmode: "numeric", "data-path": `${path}.${key}`, "data-kind": "int", "aria-label": `Length: how many ${key}`, autocomplete: "off" });
    n.value = shown("int", phase[key]);
    parts.push(n);
    slot(`${path}.${key}`, n, error);
  }
  return h("div", { class: "field" }, h("label", { for: id }, "Length"), h("div", { class: "inline" }, ...parts), error);
}
