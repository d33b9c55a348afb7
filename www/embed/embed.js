// <coursecost-estimate>: the estimator on a clinic's own web page, with the
// clinic's prices from its price sheet.
//
//   <script type="module" src="/coursecost/embed.js"></script>
//   <coursecost-estimate sheet="/clinic.json" treatment="esketamine" lang="es"></coursecost-estimate>
//
// embed.js is one file with its styles and its words in both languages;
// it loads the engine from pkg/coursecost_bg.wasm beside it (the package's
// `embed/` folder holds both: README, "The estimator on a clinic's site").
// The element reads only what a visitor needs from the sheet (its currency,
// closed days, and each treatment's name, description, phases, fees,
// packages and discounts), loads the engine's wasm from beside this script,
// and draws in its own closed shadow root with its own styles, so the host
// page's CSS neither breaks it nor leaks into it, and the host's scripts do
// not find its fields (README: what they can still hear). It needs nothing
// from the host's Content-Security-Policy but this script's origin
// (script-src and connect-src, for the wasm) and 'wasm-unsafe-eval'. No
// request leaves the host and this script's origin.
import init, { estimate, validate, compare, minorUnits, planFields } from "./pkg/coursecost.js";
import catalogue from "./pkg/catalogue.js?part=examples";
import { h, fill } from "../shared/dom.js";
import { moneyOf, formatMonth, formatDate, plainAmount, today } from "../shared/format.js";
import { money, percent, problemOf } from "../shared/fields.js";
import { figures, sentences, marks } from "../shared/summary.js";
import { lineChart } from "../shared/chart.js";
import { course } from "./course.js";
import { currencyFrom } from "./pkg/currency.js";
import en from "../shared/en.js";
import { words as problemWords, say, explain } from "../shared/problems.js";
import { words as entryWords } from "../shared/entries.js";
// Its Spanish words are in this one file, so the element is one module
// (and its wasm) wherever it is served from, or bundled by an app.
import es from "../shared/es.js";

/** A currency as the engine counts it (the package's `currency`, over the embed's engine). */
const currency = currencyFrom(minorUnits);

/**
 * The embed's words in English: the visitor page's (en.js), those for what
 * to fix (problems.js), the names of what is entered (entries.js) and its
 * own, which the page downloads without; es.js has them all in Spanish.
 */
const EN = {
  ...en,
  ...problemWords,
  ...entryWords,
  embedTitle: (clinic) => (clinic ? `What will a course cost at ${clinic}?` : "What will a course cost?"),
  embedNoSheet: "This estimator could not read the clinic's prices.",
  embedNoEngine: (url) => `This estimator could not load its engine (${url}): it must be served beside embed.js.`,
  embedExample: "Not sure? Start from a typical plan",
  embedNoOop: "My plan has no out-of-pocket maximum",
  embedPrice: (p) => `the clinic's price of ${p} a session`,
  embedFine: "An estimate, not a quote: your bill may differ. Computed on your device; nothing you type is sent anywhere.",
};

const CSS = `
:host { display: block; contain: content; max-width: 100%; }
:host([hidden]) { display: none; }
.cc { all: initial; display: block; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; border: 1px solid #c9c9c9; border-radius: 8px; padding: 12px 16px; box-sizing: border-box; max-width: 100%; }
.cc * { box-sizing: border-box; }
h2 { font-size: 20px; margin: 0 0 8px; line-height: 1.25; }
label { display: block; font-weight: 500; margin: 8px 0 2px; }
fieldset.choices { border: 0; padding: 0; margin: 8px 0 0; min-width: 0; } legend { font-weight: 500; padding: 0; }
.check input { flex: none; }
.check { display: flex; gap: 8px; align-items: center; font-weight: 400; min-height: 44px; margin: 0; }
input[type=text], input[type=date], select { display: block; width: 100%; min-height: 44px; font: inherit; padding: 6px 8px; border: 1px solid #767676; border-radius: 4px; background: #fff; color: #1a1a1a; }
input[type=radio], input[type=checkbox] { width: 18px; height: 18px; margin: 0; }
input:focus-visible, select:focus-visible { outline: 3px solid #0b5fad; outline-offset: 2px; }
.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 0 12px; }
.hint { font-size: 14px; color: #4a4a4a; margin: 4px 0 0; }
.error { font-size: 14px; color: #a4161a; margin: 4px 0 0; font-weight: 500; }
.error:empty, .hint:empty { display: none; }
.answer { background: #f3f6fa; border-radius: 6px; padding: 10px 12px; margin: 12px 0 0; }
.headline { margin: 0; font-size: 18px; }
.big { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; margin: 8px 0 0; }
dl div { background: #fff; border-radius: 6px; padding: 6px 10px; }
dt { font-size: 14px; color: #4a4a4a; } dd { margin: 0; font-weight: 700; }
.note { display: block; font-size: 13px; font-weight: 400; color: #4a4a4a; }
ul { padding-left: 18px; margin: 8px 0 0; }
figure { margin: 12px 0 0; } figcaption { font-weight: 600; }
.svg { width: 100%; height: auto; display: block; }
.svg .grid { stroke: #e0e0e0; } .svg .tick { font-size: 12px; fill: #4a4a4a; }
.mark line { stroke: #4a4a4a; stroke-dasharray: 4 3; }
summary { min-height: 44px; padding: 10px 0; cursor: pointer; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid #c9c9c9; padding: 4px 6px; text-align: left; } .num { text-align: right; }
.legend { display: none; }
[hidden] { display: none !important; }
.fine { font-size: 13px; color: #4a4a4a; margin: 10px 0 0; }
`;

/** The engine, started once for every element on the page. */
let engine;
const WASM = new URL("pkg/coursecost_bg.wasm", import.meta.url);
const ready = () => (engine ??= init({ module_or_path: WASM }));


const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o, k) => (Object.hasOwn(o, k) ? o[k] : undefined);
const optionalText = (v) => v === undefined || typeof v === "string";

/**
 * `data` as the element draws it, with its currency (`{ sheet, unit }`), or
 * a throw: the element reads a sheet whole before it draws any of it, so a
 * sheet it cannot use gets "could not read the clinic's prices" and never a
 * half-drawn form. Its own fields (the clinic's name, each treatment's id,
 * name and description) must be text and the ids unique; the rest is the
 * engine's to judge, on each treatment's plan as `update` will estimate it.
 */
function readable(data) {
  const treatments = isObject(data) ? own(data, "treatments") : undefined;
  if (!Array.isArray(treatments) || !treatments.length || !optionalText(own(data, "name"))) throw new Error("not a price sheet");
  const code = own(data, "currency");
  // The engine counts the decimals (it throws for a code that is not a currency).
  const unit = currency(code);
  const ids = new Set();
  for (const tr of treatments) {
    if (!isObject(tr) || typeof own(tr, "id") !== "string" || typeof own(tr, "name") !== "string" || !optionalText(own(tr, "description")) || ids.has(tr.id)) {
      throw new Error("not a treatment");
    }
    ids.add(tr.id);
    estimate(course(data, tr, today(), planFields()));
  }
  return { sheet: data, unit };
}

/**
 * The catalogue's typical insurance plans, in the words of `t`. Their
 * amounts are US plans' figures in US cents, so they are offered only for a
 * sheet in US dollars: in another currency they would be nobody's plan
 * (converted, a US deductible is still not a deductible anyone there has).
 */
const examplesFor = (unit, t) =>
  unit.currency === "USD" ? (catalogue.coverageExamples ?? []).map((x) => ({ ...x, ...(t.locale === "es-US" ? x.es : null) })) : [];

class Estimate extends HTMLElement {
  static observedAttributes = ["sheet", "treatment", "lang"];

  /**
   * Closed: a host page's scripts get null from `shadowRoot` and cannot
   * query what the visitor typed (README: what a host page can still see).
   */
  #root;
  #box;
  /** The load in progress: its number (only the last one draws) and how to cancel its request. */
  #loads = 0;
  #abort;
  /** What is drawn: `{ t, sheet, unit, examples, example, filled }`, or undefined while loading. */
  #view;
  /** A sheet given as an object (the `sheet` property), `{ sheet }`, drawn instead of the `sheet` attribute's file. */
  #data;

  /**
   * `sheet`: the address of the clinic's price sheet (the attribute), or
   * the sheet itself as an object, as a framework passes a prop; setting
   * either draws it again.
   */
  get sheet() {
    return this.#data?.sheet ?? this.getAttribute("sheet");
  }

  set sheet(v) {
    if (typeof v === "string") {
      this.#data = undefined;
      this.setAttribute("sheet", v);
    } else {
      // A copy, taken now: the host may change its object later.
      try {
        this.#data = v === null || v === undefined ? undefined : { sheet: structuredClone(v) };
      } catch {
        this.#data = { sheet: null }; // not data (a function, a DOM node): "could not read the clinic's prices"
      }
      if (this.#root) this.#load();
    }
  }

  /**
   * `treatment` as a property: the attribute's, so a framework may set
   * either (`lang` is every element's own property, the attribute's too).
   */
  get treatment() {
    return this.getAttribute("treatment");
  }

  set treatment(v) {
    if (v === null || v === undefined) this.removeAttribute("treatment");
    else this.setAttribute("treatment", String(v));
  }

  connectedCallback() {
    if (this.#root) return;
    // Set on the element before this script defined it, a property shadows
    // its accessor: take it through the accessor instead.
    for (const k of ["sheet", "treatment", "lang"]) {
      if (!Object.hasOwn(this, k)) continue;
      const v = this[k];
      delete this[k];
      this[k] = v;
    }
    this.#root = this.attachShadow({ mode: "closed" });
    const css = new CSSStyleSheet();
    css.replaceSync(CSS);
    this.#root.adoptedStyleSheets = [css];
    this.#box = h("div", { class: "cc", part: "box" }, h("p", { role: "status" }, "…"));
    this.#root.append(this.#box);
    // One listener for the element's life, whatever is drawn: it reads the view of the last load.
    this.#root.addEventListener("input", (ev) => this.#input(ev.target));
    this.#load();
  }

  attributeChangedCallback() {
    if (this.#root) this.#load();
  }

  /**
   * Reads the attributes, the words and the sheet, and draws. Loads may
   * overlap (attributes changed in quick succession, a slow sheet or
   * engine): each has a number, only the last may draw, and starting one
   * cancels the request of the one before.
   */
  async #load() {
    const n = ++this.#loads;
    const current = () => n === this.#loads;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#view = undefined;
    delete this.dataset.complete;
    fill(this.#box, h("p", { role: "status" }, "…"));
    const t = this.getAttribute("lang") === "es" ? es : EN;
    try {
      await ready();
    } catch {
      engine = undefined; // tried again by the next load
      if (current()) fill(this.#box, h("p", { role: "status", class: "error" }, t.embedNoEngine(WASM.href)));
      return;
    }
    let read;
    try {
      if (!current()) return;
      let data;
      if (this.#data !== undefined) data = this.#data.sheet;
      else {
        const response = await fetch(new URL(this.getAttribute("sheet") ?? "clinic.json", document.baseURI), { signal: abort.signal });
        if (!response.ok) throw new Error(`the sheet: HTTP ${response.status}`);
        data = await response.json();
      }
      if (!current()) return;
      read = readable(data);
    } catch {
      if (current()) fill(this.#box, h("p", { role: "status" }, t.embedNoSheet));
      return;
    }
    if (!current()) return;
    this.#form(t, read);
  }

  #form(t, { sheet, unit }) {
    const want = this.getAttribute("treatment");
    const examples = examplesFor(unit, t);
    // Choices as radio buttons, which wrap: a select would cut long names off on a phone.
    const choices = (name, legend, list, chosen) => h("fieldset", { class: "choices" }, h("legend", {}, legend),
      list.map((x) => h("label", { class: "check" }, h("input", { type: "radio", name, value: x.id, checked: x.id === chosen }), x.name)));
    const field = (id, label, input, hint) => [h("label", { for: id }, label), input, hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null, h("p", { class: "error", id: `${id}-error` })];
    fill(this.#box,
      h("h2", {}, t.embedTitle(own(sheet, "name") ?? "")),
      choices("t", t.entryNames.treatment, sheet.treatments, sheet.treatments.some((x) => x.id === want) ? want : sheet.treatments[0].id),
      field("start", t.entryNames.start, h("input", { id: "start", type: "date", value: today() })),
      h("p", { class: "hint", id: "about" }),
      h("div", { role: "radiogroup", "aria-label": t.entryNames.pay },
        h("label", { class: "check" }, h("input", { type: "radio", name: "pay", value: "self", checked: true }), t.selfPay),
        h("label", { class: "check" }, h("input", { type: "radio", name: "pay", value: "insured" }), t.insuredWord)),
      h("div", { id: "ins", hidden: true },
        examples.length ? choices("ex", t.embedExample, examples, examples[0].id) : null,
        h("div", { class: "row" },
          h("div", {}, field("ded", t.entryNames.deductible, h("input", { id: "ded", type: "text", inputmode: "decimal" }))),
          h("div", {}, field("co", t.entryNames.coinsurance, h("input", { id: "co", type: "text", inputmode: "decimal", "aria-describedby": "co-hint" }), t.percent)),
          h("div", {}, field("oop", t.entryNames["oop-max"], h("input", { id: "oop", type: "text", inputmode: "decimal" })))),
        h("label", { class: "check" }, h("input", { type: "checkbox", id: "no-oop" }), t.embedNoOop)),
      h("section", { class: "answer", "aria-live": "polite" }, h("p", { class: "headline", id: "head" }), h("p", { class: "hint", id: "assumes" }), h("dl", { id: "fig" }), h("ul", { id: "chg" })),
      h("figure", { id: "chart" }),
      h("p", { class: "fine" }, t.embedFine));
    this.#view = { t, sheet, unit, examples, example: undefined, filled: false };
    this.#update();
  }

  /** Shows a typical plan's medical cost sharing in the fields; the estimate takes its whole coverage. */
  #fillFrom(ex) {
    const $ = (id) => this.#root.getElementById(id);
    const { minorUnits } = this.#view.unit;
    const plain = (minor) => (minor === undefined ? "" : plainAmount(minor, minorUnits));
    $("ded").value = plain(ex?.coverage.deductible);
    $("co").value = ex?.coverage.coinsurance === undefined ? "" : String(ex.coverage.coinsurance);
    $("oop").value = plain(ex?.coverage.outOfPocketMax);
    $("no-oop").checked = Boolean(ex) && ex.coverage.outOfPocketMax === undefined;
    this.#view.example = ex;
  }

  #input(target) {
    const view = this.#view;
    if (!view) return;
    if (target.name === "ex") this.#fillFrom(view.examples.find((x) => x.id === target.value));
    else if (["ded", "co", "oop", "no-oop"].includes(target.id)) view.example = undefined;
    if (target.name === "pay" && !view.filled) {
      view.filled = true;
      this.#fillFrom(view.examples[0]);
    }
    this.#update();
  }

  #update() {
    const { t, sheet, unit, example } = this.#view;
    const root = this.#root;
    // Two elements on a page may speak two languages: each formats in its own (t.locale, passed).
    const $ = (id) => root.getElementById(id);
    const tr = sheet.treatments.find((x) => x.id === root.querySelector("input[name=t]:checked")?.value) ?? sheet.treatments[0];
    const m = moneyOf(unit, t.locale);
    $("about").textContent = own(tr, "description") ?? "";
    const insured = root.querySelector("input[name=pay]:checked").value === "insured";
    $("ins").hidden = !insured;
    $("oop").disabled = $("no-oop").checked;
    const plan = course(sheet, tr, $("start").value || today(), planFields());
    const errors = [];
    if (!$("start").value) errors.push(["start", t.need.start]);
    if (insured && example) {
      // A typical plan as the catalogue gives it: its type, its pharmacy benefit, all of it.
      plan.coverage = JSON.parse(JSON.stringify(example.coverage));
    } else if (insured) {
      // Said as the visitor page says it, under the page's field name (`field`).
      // A blank deductible or coinsurance is left out for the engine to ask
      // for (`requireTerms`); a blank maximum is asked for here.
      const read = (id, parse, field, required = false) => {
        const r = parse($(id).value, unit);
        const problem = problemOf(parse, r, required);
        if (problem) errors.push([id, say([field, problem], unit, t)[1]]);
        return r.value;
      };
      plan.coverage = { deductible: read("ded", money, "deductible"), coinsurance: read("co", percent, "coinsurance") };
      if (!$("no-oop").checked) plan.coverage.outOfPocketMax = read("oop", money, "oop-max", true);
    }
    if (insured && !example) {
      // What the engine asks of the terms typed (a blank deductible or
      // coinsurance), at its field, beside what the page could not read.
      for (const p of validate(plan, { requireTerms: true })) {
        const [field, id] = TYPED[p.path] ?? [];
        const msg = explain(p, field, plan, m, t)[1];
        if (id && !errors.some(([e]) => e === id)) errors.push([id, msg]);
      }
    }
    for (const el of root.querySelectorAll(".error")) el.textContent = "";
    for (const [id, msg] of errors) $(`${id}-error`).textContent = msg;
    if (errors.length) return;
    let e, c;
    try {
      e = estimate(plan, { requireTerms: true });
      c = compare([plan]).plans[0];
    } catch {
      fill($("head"), t.embedNoSheet);
      return;
    }
    fill($("head"), t.youPay, " ", h("span", { class: "big" }, m(e.totals.patientPays)), " ", t.over(plan.horizon.months));
    const how = !insured ? t.selfPay : example ? t.example(example.name) : t.yourPlan;
    $("assumes").textContent = `${how} · ${t.embedPrice(m(plan.phases[0].price))} · ${t.sessionsFrom(e.totals.sessions, formatDate(e.start, t.locale))}.`;
    fill($("fig"), figures({ c, e, plan, m, t }).map(([term, value, note]) => h("div", {}, h("dt", {}, term), h("dd", {}, value, note ? h("span", { class: "note" }, note) : null))));
    fill($("chg"), sentences({ c, e, plan, m, t }).map((x) => h("li", {}, x)));
    lineChart($("chart"), { id: "cc-chart", title: t.chartTitle, months: e.months.map((x) => x.month),
      desc: t.chartDesc(formatMonth(e.months[0].month, t.locale), formatMonth(e.months.at(-1).month, t.locale), m(e.totals.patientPays)),
      series: [{ name: t.youPay, values: e.months.map((x) => x.cumulativePatientPays) }], currency: e.currency, digits: e.minorUnits, marks: marks(c, t), words: t });
    this.dataset.complete = "true";
  }
}

/** The terms the element asks for, by the engine's path: the visitor page's field name (problems.js) and the element's own field id. */
const TYPED = {
  "coverage.deductible": ["deductible", "ded"],
  "coverage.coinsurance": ["coinsurance", "co"],
  "coverage.copay": ["copay", "co"],
  "coverage.outOfPocketMax": ["oop-max", "oop"],
};

if (!customElements.get("coursecost-estimate")) customElements.define("coursecost-estimate", Estimate);
