// The visitor page: a form in, the engine's estimate out. The page turns
// the form into a plan (plan.js) and draws what the engine returns
// (estimate, range, compare); every number on screen is the engine's.
// Nothing leaves the page: the state lives in the URL fragment, which
// browsers never send.
import init, { estimate, range, compare, presets, preset, version, coverageExamples, currency } from "./pkg/index.js";
import { h, fill, table, download } from "../shared/dom.js";
import { moneyOf, formatDate, plainAmount, today } from "../shared/format.js";
import { toFragment, fromFragment, FIELDS } from "./state.js";
import { currencyOf, showErrors } from "../shared/fields.js";
import { card } from "../shared/cards.js";
import { MAX_COMPARED, MAX_HORIZON_MONTHS, MAX_NAME_CHARS } from "../shared/limits.js";
import { build, defaults, openFrom } from "./plan.js";
import { editable, catalogueProgramme, pricedAt, pageFee, sessionPart, sessionWhole } from "./preset.js";
import { fieldOf, fieldsWith } from "./form.js";
import { radio, checks, readField, writeField } from "./form-io.js";
import { treatmentLabels } from "./labels.js";
import { onRequest, afterPaint, restOfPage } from "./loading.js";
import { describe, figures, sentences, rangeText } from "../shared/summary.js";
import en from "../shared/en.js";

const $ = (id) => document.getElementById(id);
const DEFAULT_TREATMENT = "iv-ketamine";

let t = en; // the words of the page's language
let lang = "en";
let catalogue = []; // presets at their default start
let examples = []; // the catalogue's typical insurance plans, once examples.js is loaded
let exampleIds = []; // their ids, in the page's bundle (to read a link)
let shown = null; // what the download saves and print shows
let touched = new Set(); // the fields the visitor set (kept in the link); the rest show defaults
let lastTreatment = null;
let updates = 0;
let mounted = false; // whether the form, the detail and the footer are in the page (`mount`)
let lastWritten = ""; // the fragment the page wrote itself
let notice = ""; // what the last change of treatment reset, until the next edit
let writing; // the pending write of the link
const writeLink = () => location.hash !== lastWritten && history.replaceState(null, "", lastWritten);

/** The catalogue's summaries, assumptions and sources in English, and what was entered (print, download). */
const notesModule = onRequest("notes.js");
/** The words for what to fix, and the engine's problems in them. */
const problemsModule = onRequest("problems.js");
/** A payment plan's figures and schedule. */
const financingModule = onRequest("financing.js");
/** The detail: drawn once the first estimate is painted. */
const detailsModule = onRequest("details.js");
/** The page in Spanish. */
const spanishModule = onRequest("es.js");
/** The typical insurance plans. */
const examplesModule = onRequest("examples.js");

/** Whether `state` needs the typical insurance plans: insured, or one of them named. */
const wantsExamples = (state) => state.pay === "insured" || Boolean(state.example);

/** Loads the typical insurance plans (once), and offers them on the form. */
async function loadExamples() {
  await examplesModule();
  if (examples.length) return;
  examples = examplesModule.module.default;
  if (mounted) exampleChoices();
}

/** The page's words with `extra`'s English ones (a module's own): in Spanish, es.js has them all. */
const withWords = (extra) => (lang === "es" ? t : { ...t, ...extra });


/**
 * A preset's or example's name, summary and assumptions in the page's
 * language. A preset's English summary and assumptions are in notes.js:
 * until it is loaded they are missing.
 */
const words = (x, kind = "presets") => ({ ...x, ...(kind === "presets" ? notesModule.module?.presets[x.id] : null), ...(lang === "es" ? t[kind]?.[x.id] : null) });

/** A name of preset `p`'s plans (a phase, fee, programme or optional fee) in the page's language. */
const named = (p, name) => words(p).names?.[name] ?? name;

/**
 * Loads notes.js once (the first screen needs none of its texts: they are
 * behind "What it is" and "Assumptions and sources", and in the download
 * and the print), then draws them.
 */
function loadNotes() {
  return notesModule().then(drawNotes, (err) => {
    $("action-status").textContent = t.notesFailed(err.message);
  });
}

/**
 * What the page shows from the notes: the treatment's summary, and the
 * estimate's assumptions and sources and what the visitor entered.
 */
function drawNotes() {
  const p = catalogue.find((x) => x.id === lastTreatment);
  if (!p) return;
  $("treatment-summary").textContent = words(p).summary ?? "";
  if (!notesModule.module || !shown) return;
  const m = moneyOf(shown.estimate, t.locale);
  assumptions(p, shown.plan, shown.v, m);
  entries(p, shown.v, examples.find((x) => x.id === shown.v.example), shown.plan, m);
}

// ---------------------------------------------------------------------------
// Reading and writing the form

/**
 * The effective values: the visitor's where set, the defaults elsewhere,
 * written into the form unless `write` is false (the first headline is
 * drawn before the form is in the page: see `firstHeadline`).
 */
function values(p, state, write = true) {
  const ex = examples.find((x) => x.id === (state.example ?? "")) ?? (state.pay === "insured" ? examples[0] : undefined);
  const unit = currencyOf(currency, p.plan.currency);
  const d = defaults(p, ex, today(), unit);
  const v = {};
  for (const key of Object.keys(FIELDS)) {
    if (key === "treatment" || key === "lang") continue;
    v[key] = touched.has(key) && state[key] !== undefined ? state[key] : d[key];
  }
  if (!touched.has("start")) v.start = openFrom(p, v, v.start);
  v.example = ex?.id ?? "";
  if (write) writeDefaults(v);
  return { v, ex, unit, d };
}

/** Writes the values the visitor did not set into the form. */
function writeDefaults(v) {
  for (const key of Object.keys(v)) if (!touched.has(key)) writeField(key, v[key]);
  writeField("example", v.example);
}

// ---------------------------------------------------------------------------
// The loop: every change → state → plan → engine → page

function readState() {
  const state = { treatment: radio("treatment"), lang };
  for (const key of touched) state[key] = readField(key);
  return state;
}

/** Fields that belong to a treatment: reset when it changes, and named when they were the visitor's. */
const PER_TREATMENT = fieldsWith("perTreatment");
/** The plan's numbers: a typical plan chosen resets them, and once the visitor changes one the plan is theirs. */
const INSURANCE = fieldsWith("insurance");

function update({ fromUser = true, changed } = {}) {
  updates += 1;
  if (changed) {
    touched.add(changed);
    notice = "";
  }
  if (changed === "example") for (const k of INSURANCE) touched.delete(k);
  let state = readState();
  if (wantsExamples(state) && !examples.length) {
    // Drawn again once they are here; the last estimate stays meanwhile.
    const drawing = updates;
    loadExamples().then(() => drawing === updates && update({ fromUser: false }), (err) => {
      $("status").textContent = t.cantDraw(err.message);
    });
    return;
  }
  const p = chosen(state);
  if (p.id !== lastTreatment) {
    if (lastTreatment !== null && fromUser) {
      const reset = PER_TREATMENT.filter((k) => touched.has(k));
      for (const k of PER_TREATMENT) touched.delete(k);
      const names = [...new Set(reset.map((k) => t.fields[k]).filter(Boolean))];
      notice = names.length ? t.reset(words(p).name, names.join(", ")) : "";
      state = readState();
    }
    lastTreatment = p.id;
    treatmentLabels(p, currencyOf(currency, p.plan.currency), words(p), t);
  }
  const { v, ex, unit } = values(p, state);
  $("insurance").hidden = v.pay !== "insured";
  $("oop-max").disabled = v["no-oop"];
  $("oop-met-field").hidden = v["no-oop"];
  $("rx-fields").hidden = v.rx !== "own";
  $("limit-fields").hidden = !v["limit-on"];
  $("family-fields").hidden = !v["fam-on"];
  $("claims-fields").hidden = !v.claims;
  $("assistance").hidden = !v["assist-on"];
  $("assist-max").disabled = v["assist-no-cap"];
  $("financing-inputs").hidden = !v["fin-on"];
  $("example-hint").textContent = ex ? t.exampleFilled(words(ex, "examples").summary) : "";
  const prog = catalogueProgramme(p);
  if (prog) {
    const m = moneyOf(unit, t.locale);
    const why = prog.requires === "commercial" && v.pay !== "insured" ? t.programmeSelf
      : prog.requires === "commercial" && v["plan-type"] === "government" ? t.programmeGov
        : prog.requires === "coverage" && v.pay !== "insured" ? t.programmeInsured : "";
    $("programme-hint").textContent = `${t.programmeTerms(m(prog.patientPaysAtMost), prog.annualMax === undefined ? "" : m(prog.annualMax))} ${why}`;
    $("programme-hint").classList.toggle("warn", Boolean(why) && v.programme);
  }
  // The link is written in the next task: replaceState takes a few
  // milliseconds, which a keystroke should not wait for.
  lastWritten = toFragment(state);
  clearTimeout(writing);
  writing = setTimeout(writeLink);

  const built = build(p, v, unit, t, examples.find((x) => x.id === v.example));
  let e = null;
  let problems = [];
  if (built.errors.length === 0) {
    try {
      e = estimate(built.plan, { requireTerms: true });
    } catch (err) {
      problems = err.problems ?? [];
    }
  }
  if (!e) {
    showProblems(built, problems, unit);
    return;
  }
  showErrors($("form"), []);
  try {
    render(p, built, e, v, ex);
    $("status").textContent = notice;
    $("status").className = notice ? "note" : "";
  } catch (err) {
    $("status").textContent = t.cantDraw(err.message);
  }
}

/**
 * Names what to fix at its field, in words and money (`build`'s errors and
 * the engine's `problems`), and says the estimate waits for it. The words
 * are in problems.js, loaded the first time a field needs fixing.
 */
function showProblems(built, problems, unit) {
  const fixes = problemsModule.module;
  if (!fixes) {
    const drawing = updates;
    problemsModule().then(() => drawing === updates && showProblems(built, problems, unit), (err) => {
      $("status").textContent = t.cantDraw(err.message);
    });
    return;
  }
  const w = withWords(fixes.words);
  const said = [...built.errors.map((x) => fixes.say(x, unit, w)), ...problems.map((x) => fixes.explain(x, fieldOf(x.path), built.plan, moneyOf(unit, t.locale), w))];
  // One message per field and problem (two phases may break one rule).
  const loose = showErrors($("form"), [...new Map(said.map((x) => [x.join("\n"), x])).values()]);
  $("status").textContent = `${loose.join(" ")} ${w.fixFields(said.length)}${shown ? w.stale : w.toSee}`.trim();
  $("status").className = "stale";
}

/**
 * On page load the headline is drawn from the link's state before the
 * form is in the page, so the number the visitor came for is on screen
 * first; `mount` adds the form and everything else (the figures, the range,
 * the comparison, the calendar, the ledger, the chart) once its frame is
 * painted. A state that cannot be estimated draws nothing here: the form
 * names what to fix. `#answer[data-complete]` says when the rest is there.
 */
function firstHeadline(state) {
  const p = chosen(state);
  touched = new Set(ownKeys(state));
  const { v, unit } = values(p, state, false);
  const built = build(p, v, unit, t, examples.find((x) => x.id === v.example));
  if (built.errors.length) return;
  try {
    headline(built, estimate(built.plan, { requireTerms: true }));
  } catch {
    // The form names the problem once it is in the page.
  }
}

/**
 * "You pay $X over N months", in the headline and (once the form is in) the
 * sticky summary; with instalments, what they come to a month, also by
 * their control.
 */
function headline(built, e) {
  const m = moneyOf(e, t.locale);
  const months = built.plan.horizon.months;
  const f = e.financing;
  const monthly = f ? t.finMonthly(m(f.payment), f.payments.length) : "";
  fill($("headline"), h("span", {}, t.youPay), " ", h("strong", { id: "total", class: "big" }, m(e.totals.patientPays)), " ", h("span", {}, t.over(months)),
    f ? h("span", { id: "monthly", class: "monthly" }, monthly) : null);
  if (!mounted) return;
  $("sticky").textContent = `${t.youPay} ${m(e.totals.patientPays)} ${t.over(months)}${f ? ` · ${monthly}` : ""}`;
  $("fin-monthly").textContent = f ? monthly : built.askApr ? t.finAskApr : "";
}

function render(p, built, e, v, ex) {
  const { plan } = built;
  const m = moneyOf(e, t.locale);
  headline(built, e);
  // What the headline assumes (its first date format is made here, after the first paint).
  const insuranceTouched = INSURANCE.some((k) => touched.has(k));
  const whole = sessionWhole(p, plan);
  $("assumes").textContent = describe({ p: words(p), e, v, ex: ex && words(ex, "examples"), insuranceTouched, price: plan.phases[pricedAt(p)].price, typical: p.plan.phases[pricedAt(p)].price, whole, m, t });
  const others = [...new Set(v.compare)].filter((id) => id !== p.id).map((id) => catalogue.find((x) => x.id === id)).filter(Boolean).slice(0, MAX_COMPARED - 1);
  const own = Object.fromEntries((v.cprice || "").split(";").map((x) => x.split(":")).filter((x) => x.length === 2));
  const otherPlans = others.map((o) => otherPlan(o, v, ex, own[o.id]));
  // One comparison serves the figures (the visitor's plan is first) and the
  // side-by-side view. Each plan carries the visitor's insurance, programs
  // and horizon already (a limit on covered sessions names its own phases).
  const c = compare([plan, ...otherPlans]);
  const mine = c.plans[0];
  fill($("figures"), figures({ c: mine, e, plan, m, t, named: (x) => named(p, x) }).map(([term, value, note]) => card(term, value, { note })));
  fill($("changes"), sentences({ c: mine, e, plan, m, t, named: (x) => named(p, x) }).map((x) => h("li", {}, x)));
  fill($("warnings"), e.warnings.filter((w) => w.code !== "assistance_exhausted" && w.code !== "coverage_limit_reached")
    .map((w) => h("li", {}, t[w.code]?.(named(p, plan.phases[Number(/\d+/.exec(w.path)?.[0])]?.name ?? ""), w.date && formatDate(w.date, t.locale)) ?? w.message)));
  // The published plans have their own phases: the visitor's limit on covered sessions is left out.
  const r = rangeOf(p.id, plan.start, { horizon: plan.horizon, coverage: plan.coverage && { ...plan.coverage, limits: undefined } });
  $("range").textContent = rangeText(r, Boolean(plan.coverage), m, t);

  if (notesModule.module) {
    assumptions(p, plan, v, m);
    entries(p, v, ex, plan, m);
  }
  for (const p2 of catalogue) $(`cp-${p2.id}`).placeholder = plainAmount(p2.plan.phases[pricedAt(p2)].price, c.minorUnits);
  shown = { plan, estimate: e, summary: mine, v };
  // Complete when the detail and the payment plan are drawn too (their modules may be loading).
  Promise.all([detail({ p, e, plan, c, others, own, m }), paymentPlan(e, plan)]).then(() => {
    if (shown?.estimate === e) $("answer").dataset.complete = "true";
  });
}

/**
 * Whether `module` (an `onRequest` one) is loaded for this update: loads it
 * if need be; false when it failed (the status says why) or a later update
 * came meanwhile (that one draws).
 */
async function loaded(module) {
  if (module.module) return true;
  const drawing = updates;
  try {
    await module();
  } catch (err) {
    $("status").textContent = t.cantDraw(err.message);
    return false;
  }
  return drawing === updates;
}

/**
 * The detail under the answer (details.js, loaded once the first estimate
 * is painted): the charts, the calendar, the ledger, the tables.
 */
async function detail(view) {
  if (!(await loaded(detailsModule))) return;
  const { drawDetail, words: own } = detailsModule.module;
  drawDetail({ ...view, $, named: (name) => named(view.p, name), words, t: withWords(own) });
}

/**
 * The payment plan, when the plan is financed: its figures and schedule are
 * in financing.js, loaded the first time a visitor asks for one.
 */
async function paymentPlan(e, plan) {
  const f = e.financing;
  if (f && !financingModule.module) {
    $("financing").hidden = true;
    if (!(await loaded(financingModule))) return;
  }
  $("financing").hidden = !f;
  if (!f) return;
  const { paymentPlan: view, words: own } = financingModule.module;
  const { cards, columns, rows } = view({ financing: f, plan, t: withWords(own), m: moneyOf(e, t.locale), date: (iso) => formatDate(iso, t.locale) });
  fill($("financing-summary"), cards.map(([term, value, note]) => card(term, value, { note })));
  table($("payments"), null, columns, rows, { num: [0, 2, 3, 4, 5] });
}

/**
 * Another treatment's typical plan with the visitor's dates, horizon,
 * insurance, own savings program and closed days, at `price` (the
 * visitor's price for it) when that is a valid amount.
 */
function otherPlan(o, v, ex, price) {
  const unit = currencyOf(currency, o.plan.currency);
  const d = defaults(o, ex, v.start, unit);
  const typical = { ...v, extras: [], "limit-on": false, "fin-on": false };
  for (const k of PER_TREATMENT) typical[k] = d[k];
  const own = price === undefined ? null : build(o, { ...typical, price }, unit, t, ex);
  return (own && !own.errors.length ? own : build(o, typical, unit, t, ex)).plan;
}

/** The published range with the visitor's insurance, kept while only prices change. */
let lastRange = { key: null, range: null };
function rangeOf(id, start, options) {
  const key = JSON.stringify([id, start, options]);
  if (lastRange.key !== key) lastRange = { key, range: range(preset(id, start), options) };
  return lastRange.range;
}

/** The notes' words in the page's language. */
const noteWords = () => withWords(notesModule.module.words);

/**
 * The assumptions under the estimate and the treatment's sources, drawn
 * (the notes must be loaded): returns the assumptions, `{ text, changed }`.
 */
function assumptions(p, plan, v, m) {
  const notes = notesModule.module;
  const en = notes.presets[p.id];
  const tw = noteWords();
  const items = notes.assumptionsOf({ p, said: words(p).assumptions, english: en.assumptions, plan, v, t: tw, m, editable: editable(p), priced: pricedAt(p), fee: pageFee(p.plan) });
  fill($("assumptions"), items.map((x) => h("li", { class: x.changed ? "overridden" : undefined }, x.text, x.changed ? h("strong", {}, tw.changed(x.changed)) : null)));
  fill($("sources"), en.sources.flatMap((src, i) => [i ? "; " : "", h("a", { href: src.url, rel: "noopener noreferrer", target: "_blank" }, src.title)]), tw.checked(en.reviewed));
  return items;
}

/**
 * What the visitor entered, drawn for the print (the notes must be loaded),
 * as `[name, value]` rows.
 */
function entries(p, v, ex, plan, m) {
  const rows = notesModule.module.entries({
    plan, v, m, date: (iso) => formatDate(iso, t.locale), t: noteWords(), treatment: words(p).name, priced: pricedAt(p), named: (name) => named(p, name),
    example: ex && !INSURANCE.some((k) => touched.has(k)) ? words(ex, "examples").name : null,
  });
  fill($("entries"), rows.map(([k, x]) => h("div", {}, h("dt", {}, k), h("dd", {}, String(x)))));
  return rows;
}

// ---------------------------------------------------------------------------
// Language

/**
 * Switches the page's words: the first screen's at once, the form's and
 * the detail's when they are in the page (`mount` draws them when they
 * join it).
 */
async function setLanguage(next) {
  lang = next === "es" ? "es" : "en";
  if (lang === "es") await spanishModule();
  t = lang === "es" ? spanishModule.module.default : en;
  document.documentElement.lang = lang;
  // The English words are the page's own: written back only after Spanish.
  spanishModule.module?.translate(document, lang === "es");
  for (const a of [$("lang-en"), $("lang-es")]) a.toggleAttribute("aria-current", a.id === `lang-${lang}`);
  const picked = radio("treatment");
  fill($("treatment"), catalogue.map((p) => h("label", { class: "check" }, h("input", { type: "radio", name: "treatment", value: p.id, id: `tr-${p.id}`, checked: p.id === picked }), " ", words(p).name)));
  if (mounted) formWords();
}

/** The form's and the detail's words that the page draws (the rest are in the HTML). */
/** The typical insurance plans as choices, in the page's words (none until examples.js is here). */
function exampleChoices() {
  const example = radio("example");
  fill($("example"), examples.map((x) => h("label", { class: "check" }, h("input", { type: "radio", name: "example", value: x.id, checked: x.id === example }), " ", words(x, "examples").name)));
  $("example-field").hidden = examples.length === 0;
}

function formWords() {
  $("months-hint").textContent = t.monthsHint(MAX_HORIZON_MONTHS);
  exampleChoices();
  const months = $("year-month").value || "1";
  fill($("year-month"), t.monthNames.map((name, i) => h("option", { value: String(i + 1) }, name)));
  $("year-month").value = months;
  const prices = Object.fromEntries([...document.querySelectorAll("#compare-picks input[data-id]")].map((i) => [i.dataset.id, i.value]));
  const picked = checks("#compare-picks");
  fill($("compare-picks"), h("legend", {}, lang === "es" ? t.static.compareWith : "Compare with"), catalogue.map((p) => h("div", { class: "pick" },
    h("label", { class: "check" }, h("input", { type: "checkbox", value: p.id, checked: picked.includes(p.id) }), ` ${words(p).name}`),
    h("label", { class: "cprice" }, h("span", {}, sessionPart(p) ? t.clinicPart(words(p).name, named(p, p.plan.phases[pricedAt(p)].name)) : t.clinicPrice(words(p).name)),
      h("input", { type: "text", inputmode: "decimal", id: `cp-${p.id}`, "data-id": p.id, value: prices[p.id] ?? "" })))));
}

// ---------------------------------------------------------------------------
// Start

/** The state the link holds. */
const linkState = () => fromFragment(location.hash, catalogue.map((p) => p.id), exampleIds);
/** The treatment a state names, or the default. */
const chosen = (state) => catalogue.find((x) => x.id === state.treatment) ?? catalogue.find((x) => x.id === DEFAULT_TREATMENT);
/** A state's fields (the visitor's), without the treatment and the language. */
const ownKeys = (state) => Object.keys(state).filter((k) => k !== "treatment" && k !== "lang");

async function main() {
  // Named from the page, not the glue: the glue is bundled into this module.
  const started = init({ module_or_path: new URL("pkg/coursecost_bg.wasm", import.meta.url) }).then(() => null, (err) => err);
  // While the engine compiles: the catalogue, the link's state, the words
  // and the treatment picker (none of them needs the engine), so the frame
  // that paints the headline lays out little else.
  catalogue = presets();
  exampleIds = coverageExamples().map((x) => x.id);
  const state = linkState();
  // Loaded `async`, this runs before the page is parsed: what follows needs its elements.
  if (document.readyState === "loading") await new Promise((r) => document.addEventListener("DOMContentLoaded", r, { once: true }));
  await setLanguage(state.lang);
  // A link that is insured brings the typical plans before its headline.
  if (wantsExamples(state)) await loadExamples().catch(() => {}); // update() says why, once the form is in
  $(`tr-${chosen(state).id}`).checked = true;
  const failed = await started;
  if (failed) {
    $("status").textContent = t.cantStart(failed.message);
    return;
  }
  firstHeadline(state);
  afterPaint(async () => {
    try {
      await mount();
    } catch (err) {
      $("status").textContent = t.cantDraw(err.message);
      return;
    }
    fillForm(state);
  });
}

/** Opens `state` (from a link pasted later) in its language and the form. */
async function restore(state) {
  await setLanguage(state.lang);
  fillForm(state);
}

/** Writes `state`'s fields into the form, and estimates it. */
function fillForm(state) {
  touched = new Set(ownKeys(state));
  const p = chosen(state);
  $(`tr-${p.id}`).checked = true;
  treatmentLabels(p, currencyOf(currency, p.plan.currency), words(p), t);
  lastTreatment = p.id;
  for (const k of touched) writeField(k, state[k]);
  update({ fromUser: false });
}

/** Puts the form, the detail and the footer in the page, and listens to them. */
async function mount() {
  const rest = await restOfPage(document);
  const footer = rest.querySelector("footer");
  footer.remove();
  document.querySelector("main").append(rest);
  document.body.append(footer);
  mounted = true;
  spanishModule.module?.translate(document, lang === "es");
  formWords();
  $("version").textContent = version();
  $("label").maxLength = MAX_NAME_CHARS;
  fill($("year-day"), Array.from({ length: 31 }, (_, i) => h("option", { value: String(i + 1) }, String(i + 1))));

  window.addEventListener("hashchange", () => {
    // Only a fragment the page did not write itself (a pasted link) reopens a state.
    if (location.hash !== lastWritten) restore(linkState());
  });
  const onEdit = (ev) => {
    const el = ev.target;
    if (el.dataset.id) return update({ changed: "cprice" });
    if (el.name === "treatment") return update();
    const key = el.closest("#compare-picks") ? "compare" : el.closest("#extras") ? "extras" : el.name && FIELDS[el.name] ? el.name : el.id;
    if (FIELDS[key]) update({ changed: key });
  };
  for (const id of ["pick", "form", "details"]) {
    $(id).addEventListener("input", onEdit);
    $(id).addEventListener("change", onEdit);
  }
  for (const f of ["pick", "form"]) $(f).addEventListener("submit", (ev) => ev.preventDefault());
  for (const l of ["en", "es"]) {
    $(`lang-${l}`).addEventListener("click", async (ev) => {
      ev.preventDefault();
      await setLanguage(l);
      lastTreatment = null; // the treatment's labels are drawn again, in the new words
      update({ fromUser: false });
    });
  }

  $("copy-link").addEventListener("click", async () => {
    writeLink();
    try {
      await navigator.clipboard.writeText(location.href);
      $("action-status").textContent = t.copied;
    } catch {
      $("action-status").textContent = t.copyThis(location.href);
    }
  });
  $("download").addEventListener("click", async () => {
    if (!shown) return;
    await loadNotes();
    if (!notesModule.module) return; // the status says why
    const m = moneyOf(shown.estimate, t.locale);
    const p = catalogue.find((x) => x.id === lastTreatment);
    const ex = examples.find((x) => x.id === shown.v.example);
    download(`coursecost-${lastTreatment}-${shown.plan.start}.json`, "application/json", JSON.stringify({
      engine: version(),
      entered: Object.fromEntries([...touched].map((k) => [k, shown.v[k]])),
      entries: entries(p, shown.v, ex, shown.plan, m).map(([k, x]) => ({ field: k, value: x })),
      assumptions: assumptions(p, shown.plan, shown.v, m).map((x) => (x.changed ? { text: x.text, changedTo: x.changed } : { text: x.text })),
      summary: shown.summary, plan: shown.plan, estimate: shown.estimate,
    }, null, 2));
  });
  $("print").addEventListener("click", async () => {
    await loadNotes();
    window.print();
  });
  // Printed from the browser's menu before the notes are loaded, the page
  // prints without its assumptions (the print style hides their empty
  // section) and loads them for the next time.
  window.addEventListener("beforeprint", loadNotes);
  for (const id of ["about", "notes"]) $(id).addEventListener("toggle", () => $(id).open && loadNotes());

  // The compact summary shows only while the headline is out of view.
  new IntersectionObserver(([x]) => $("sticky").classList.toggle("on", !x.isIntersecting)).observe($("headline"));
}

main();
