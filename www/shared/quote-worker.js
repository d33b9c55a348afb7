// The staff view's engine, off the main thread (the sheet editor checks its
// sheets here too): the staff wasm runs here,
// so a sheet whose ledger has thousands of lines never freezes the page
// while staff type. The page sends the sheet once and then each quote input;
// this worker answers with the quote, the Good Faith Estimate and, for a
// long ledger, its summary by month and item instead of the lines (the
// lines of one month are sent when staff open it). Patient details arrive
// here only inside a quote input and go back only inside the documents:
// nothing is stored or sent anywhere.
import init, { ClinicSheet, currency, validateClinic, version } from "./pkg/staff.js";
import { currencyOf } from "./fields.js";
import { MAX_LEDGER_ROWS_SHOWN } from "./limits.js";
import { byMonth } from "./ledger-months.js";
import { readJson } from "./json-text.js";

let engine = null; // the sheet, decoded once
/**
 * The quote on the page's screen: the sheet and input it was made from and
 * its lines. A month's details and the CSV come from it, not from the
 * newest sheet or input: after staff open another sheet while a field is
 * invalid, the page still shows (and exports) the last good quote.
 */
let shown = null;
let serial = 0;
const ready = init({ module_or_path: new URL("pkg/coursecost_staff_bg.wasm", import.meta.url) });

const problemsOf = (err) => err.problems ?? [{ code: "", path: "", message: err.message }];
const handlers = {
  async start() {
    await ready;
    return { version: version() };
  },

  async sheet({ text }) {
    await ready;
    const read = readJson(text);
    if (read.error) return { problems: [{ path: "", message: read.error }] };
    const data = read.value;
    let decoded;
    try {
      decoded = new ClinicSheet(data);
    } catch (err) {
      return { problems: problemsOf(err) };
    }
    if (engine && shown?.engine !== engine) engine.free();
    engine = decoded;
    return { sheet: data, unit: currencyOf(currency, data.currency), version: version() };
  },

  quote({ input, gfe }) {
    let quote;
    try {
      quote = engine.quote(input);
    } catch (err) {
      return { problems: problemsOf(err) };
    }
    let estimateOf = null, gfeProblems = null;
    if (gfe) {
      try {
        estimateOf = engine.goodFaithEstimate(input);
      } catch (err) {
        gfeProblems = problemsOf(err);
      }
    }
    const lines = quote.estimate.lines;
    if (shown && shown.engine !== engine) shown.engine.free();
    shown = { engine, input, lines, serial: ++serial };
    const long = lines.length > MAX_LEDGER_ROWS_SHOWN;
    if (long) quote.estimate.lines = [];
    return { quote, serial, lineCount: lines.length, summary: long ? byMonth(lines) : null, gfe: estimateOf, gfeProblems };
  },

  // The sheet editor's check: every problem, and the currency as the engine counts it.
  async check({ sheet }) {
    await ready;
    let unit = null;
    try {
      unit = currencyOf(currency, typeof sheet?.currency === "string" && sheet.currency ? sheet.currency : undefined);
    } catch {
      // An unknown currency: validateClinic says so at its field.
    }
    return { problems: validateClinic(sheet), unit };
  },

  lines({ month }) {
    return { lines: (shown?.lines ?? []).filter((l) => l.date.startsWith(month)) };
  },

  /** The CSV of the quote on screen (`serial`): its sheet, its input. */
  csv({ serial: wanted }) {
    if (shown?.serial !== wanted) return { problems: [{ code: "", path: "", message: "that quote is no longer on screen" }] };
    try {
      return { csv: shown.engine.quoteCsv(shown.input) };
    } catch (err) {
      return { problems: problemsOf(err) };
    }
  },
};

onmessage = async ({ data: { id, type, ...args } }) => {
  try {
    postMessage({ id, ...(await handlers[type](args)) });
  } catch (err) {
    postMessage({ id, failed: err.message });
  }
};
