// <coursecost-estimate>: the estimator on a clinic's own web page, with the
// clinic's prices from its price sheet.
//
//   <script type="module" src="https://…/embed.js"></script>
//   <coursecost-estimate sheet="/clinic.json" treatment="esketamine" lang="es"></coursecost-estimate>
//
// The element reads only what a visitor needs from the sheet (its currency,
// closed days, and each treatment's name, description, phases, fees,
// packages and discounts), loads the engine's wasm from beside this script,
// and draws in its own shadow root with its own styles, so the host page's
// CSS neither breaks it nor leaks into it. It needs nothing from the host's
// Content-Security-Policy but this script's origin (script-src and
// connect-src, for the wasm) and 'wasm-unsafe-eval'. No request leaves the
// host and this script's origin.
import init, { estimate, compare } from "./pkg/coursecost.js";
import catalogue from "./pkg/catalogue.js";
import { h, fill } from "./dom.js";
import { moneyOf, setLocale, formatMonth, formatDate } from "./format.js";
import { money, percent, currencyOf, problemOf } from "./fields.js";
import { figures, sentences, marks } from "./summary.js";
import { lineChart } from "./chart.js";
import { course } from "./course.js";
import en from "./en.js";
import { words as problemWords, say } from "./problems.js";
import { words as entryWords } from "./entries.js";

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
  embedExample: "Not sure? Start from a typical plan",
  embedNoOop: "My plan has no out-of-pocket maximum",
  embedPrice: (p) => `the clinic's price of ${p} a session`,
  embedFine: "An estimate, not a quote: your bill may differ. Computed on your device; nothing you type is sent anywhere.",
};

const CSS = `
:host { all: initial !important; display: block !important; contain: content; }
.cc { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; border: 1px solid #c9c9c9; border-radius: 8px; padding: 12px 16px; box-sizing: border-box; max-width: 100%; }
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
const ready = () => (engine ??= init({ module_or_path: new URL("pkg/coursecost_bg.wasm", import.meta.url) }));

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

class Estimate extends HTMLElement {
  static observedAttributes = ["sheet", "treatment", "lang"];

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const css = new CSSStyleSheet();
    css.replaceSync(CSS);
    root.adoptedStyleSheets = [css];
    this.box = h("div", { class: "cc", part: "box" }, h("p", { role: "status" }, "…"));
    root.append(this.box);
    this.load();
  }

  attributeChangedCallback() {
    if (this.shadowRoot && this.sheet) this.load();
  }

  async load() {
    const lang = this.getAttribute("lang") === "es" ? "es" : "en";
    this.t = lang === "es" ? (await import(new URL("es.js", import.meta.url).href)).default : EN;
    setLocale(this.t.locale);
    try {
      await ready();
      const response = await fetch(new URL(this.getAttribute("sheet") ?? "clinic.json", document.baseURI));
      this.sheet = await response.json();
      if (!Array.isArray(this.sheet?.treatments) || !this.sheet.treatments.length) throw new Error("no treatments");
    } catch {
      fill(this.box, h("p", { role: "status" }, this.t.embedNoSheet));
      return;
    }
    this.form();
  }

  form() {
    const { t, sheet } = this;
    setLocale(t.locale);
    const $ = (id) => this.shadowRoot.getElementById(id);
    const want = this.getAttribute("treatment");
    const examples = (catalogue.coverageExamples ?? []).map((x) => ({ ...x, ...(t.locale === "es-US" ? x.es : null) }));
    // Choices as radio buttons, which wrap: a select would cut long names off on a phone.
    const choices = (name, legend, list, chosen) => h("fieldset", { class: "choices" }, h("legend", {}, legend),
      list.map((x) => h("label", { class: "check" }, h("input", { type: "radio", name, value: x.id, checked: x.id === chosen }), x.name)));
    const field = (id, label, input, hint) => [h("label", { for: id }, label), input, hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null, h("p", { class: "error", id: `${id}-error` })];
    fill(this.box,
      h("h2", {}, t.embedTitle(sheet.name ?? "")),
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
    const fillFrom = (ex) => {
      const unit = this.unit;
      const plain = (minor) => (minor === undefined ? "" : String(minor / 10 ** unit.minorUnits));
      $("ded").value = plain(ex?.coverage.deductible);
      $("co").value = ex?.coverage.coinsurance === undefined ? "" : String(ex.coverage.coinsurance);
      $("oop").value = plain(ex?.coverage.outOfPocketMax);
      $("no-oop").checked = Boolean(ex) && ex.coverage.outOfPocketMax === undefined;
      this.example = ex;
    };
    this.unit = currencyOf(estimate, sheet.currency);
    let filled = false;
    this.shadowRoot.addEventListener("input", (ev) => {
      if (ev.target.name === "ex") fillFrom(examples.find((x) => x.id === ev.target.value));
      else if (["ded", "co", "oop", "no-oop"].includes(ev.target.id)) this.example = undefined;
      if (ev.target.name === "pay" && !filled) {
        filled = true;
        fillFrom(examples[0]);
      }
      this.update();
    });
    this.update();
  }

  update() {
    const { t, sheet, unit } = this;
    // Two elements on a page may speak two languages: each formats in its own.
    setLocale(t.locale);
    const $ = (id) => this.shadowRoot.getElementById(id);
    const tr = sheet.treatments.find((x) => x.id === this.shadowRoot.querySelector("input[name=t]:checked")?.value) ?? sheet.treatments[0];
    const m = moneyOf(unit);
    $("about").textContent = tr.description ?? "";
    const insured = this.shadowRoot.querySelector("input[name=pay]:checked").value === "insured";
    $("ins").hidden = !insured;
    $("oop").disabled = $("no-oop").checked;
    const plan = course(sheet, tr, $("start").value || today());
    const errors = [];
    if (!$("start").value) errors.push(["start", t.need.start]);
    if (insured) {
      // Said as the visitor page says it, under the page's field name (`field`).
      const read = (id, parse, field) => {
        const r = parse($(id).value, unit);
        const problem = problemOf(parse, r);
        if (problem) errors.push([id, say([field, problem], unit, t)[1]]);
        return r.value;
      };
      plan.coverage = { deductible: read("ded", money, "deductible"), coinsurance: read("co", percent, "coinsurance") };
      if (!$("no-oop").checked) plan.coverage.outOfPocketMax = read("oop", money, "oop-max");
    }
    for (const el of this.shadowRoot.querySelectorAll(".error")) el.textContent = "";
    for (const [id, msg] of errors) $(`${id}-error`).textContent = msg;
    if (errors.length) return;
    let e, c;
    try {
      e = estimate(plan);
      c = compare([plan]).plans[0];
    } catch {
      fill($("head"), t.embedNoSheet);
      return;
    }
    fill($("head"), t.youPay, " ", h("span", { class: "big" }, m(e.totals.patientPays)), " ", t.over(plan.horizon.months));
    const how = !insured ? t.selfPay : this.example ? t.example(this.example.name) : t.yourPlan;
    $("assumes").textContent = `${how} · ${t.embedPrice(m(plan.phases[0].price))} · ${t.sessionsFrom(e.totals.sessions, formatDate(e.start))}.`;
    fill($("fig"), figures({ c, e, plan, m, t }).map(([term, value, note]) => h("div", {}, h("dt", {}, term), h("dd", {}, value, note ? h("span", { class: "note" }, note) : null))));
    fill($("chg"), sentences({ c, plan, m, t }).map((x) => h("li", {}, x)));
    lineChart($("chart"), { id: "cc-chart", title: t.chartTitle, months: e.months.map((x) => x.month),
      desc: t.chartDesc(formatMonth(e.months[0].month), formatMonth(e.months.at(-1).month), m(e.totals.patientPays)),
      series: [{ name: t.youPay, values: e.months.map((x) => x.cumulativePatientPays) }], currency: e.currency, digits: e.minorUnits, marks: marks(c, t), words: t });
    const redraw = $("chart").redraw;
    $("chart").redraw = () => {
      setLocale(t.locale);
      redraw();
    };
    this.dataset.complete = "true";
  }
}

if (!customElements.get("coursecost-estimate")) customElements.define("coursecost-estimate", Estimate);
