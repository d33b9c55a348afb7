// A CSV price list into a price sheet: one row per priced item
// (`treatment,item,code,price`), each setting the price and the billing code
// of a phase, fee or package the sheet already has. Every bad row is
// reported with its line number; the good ones are applied. Used by the
// sheet editor; plain JavaScript, so Node tests use it too.
import { money } from "../shared/fields.js";
import { MAX_AMOUNT, MAX_CODE_CHARS, MAX_PRICE_LIST_ROWS } from "../shared/limits.js";

/** The columns, in order, that begin the header row. */
export const COLUMNS = ["treatment", "item", "code", "price"];
/**
 * Columns a header may add after those four, in any order: `kind` (which
 * of a treatment's phases, fees and packages a row prices, when a name is
 * not enough) and `course` (the expected course, the dear-end one, or both).
 */
export const OPTIONAL_COLUMNS = ["kind", "course"];
/** The kinds a `kind` cell may name. */
const KINDS = ["phase", "fee", "package"];
/** What a `course` cell may say; blank is `both`. */
const COURSES = ["both", "expected", "high"];
/**
 * The largest file the editor reads, in bytes: 5,000 rows (`MAX_PRICE_LIST_ROWS`)
 * of long names fit, and reading it never holds the page for long. A larger
 * file is refused before it is read.
 */
export const MAX_PRICE_LIST_BYTES = 3_000_000;

/**
 * RFC 4180 records of `text` (commas, double quotes doubled inside quoted
 * cells, CRLF or LF line ends, a byte-order mark ignored), each with the
 * line it starts on: `{ records: [{ line, cells }], error }`.
 */
export function parseCsv(text) {
  const records = [];
  let cells = [], cell = "", quoted = false, line = 1, start = 1, wasQuoted = false;
  const s = text.replace(/^\uFEFF/, "");
  const endCell = () => { cells.push(cell); cell = ""; wasQuoted = false; };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === "\n") line++; cell += c; }
      continue;
    }
    if (c === '"' && cell === "" && !wasQuoted) { quoted = true; wasQuoted = true; }
    else if (c === ",") endCell();
    else if (c === "\r" && s[i + 1] === "\n") continue;
    else if (c === "\n" || c === "\r") { endRecord(); line++; start = line; }
    else cell += c;
  }
  if (quoted) return { records, error: `line ${start}: a quoted cell is never closed` };
  if (cell !== "" || cells.length > 0) endRecord();
  return { records };
}

/** Every priced item of a course: phases (price), fees (amount), packages (price), each with its kind. */
function items(course) {
  const out = [];
  const each = (list, kind, key) => {
    for (const target of Array.isArray(list) ? list : []) {
      if (target !== null && typeof target === "object") out.push({ target, key, kind, name: target.name });
    }
  };
  each(course?.phases, "phase", "price");
  each(course?.fees, "fee", "amount");
  each(course?.packages, "package", "price");
  return out;
}

const same = (a, b) => String(a ?? "").trim().toLowerCase() === String(b ?? "").trim().toLowerCase();

/** The items of `course` a row names: of its kind (any, when blank), by exact name, or else ignoring case. */
function named(course, name, kind) {
  const all = items(course).filter((x) => !kind || x.kind === kind);
  const exact = all.filter((x) => x.name === name);
  return exact.length ? exact : all.filter((x) => same(x.name, name));
}

/** "a phase and a package" */
const kindsSaid = (found) => {
  const kinds = [...new Set(found.map((x) => x.kind))].map((k) => `a ${k}`);
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)}` : kinds[0];
};

/**
 * Applies the price list `text` to a copy of `sheet`; `unit` is the sheet's
 * currency as the engine counts it (`{ currency, minorUnits }`), prices are
 * in its major units ("550.00"). Returns `{ sheet, applied, bad }`: the new
 * sheet, how many rows were applied, and `[{ line, message }]` for every
 * row that was not (or `{ error }` when the file cannot be read at all).
 *
 * A row prices its item by kind: a name that is both a phase and a package
 * (a package named like its phase) is refused unless the row's `kind` says
 * which. It prices the item in the treatment's course and, when the
 * treatment has a dear-end course (`high`) with the same item, there too,
 * unless its `course` says only one of them.
 */
export function importPriceList(sheet, text, unit) {
  const { records, error } = parseCsv(text);
  if (error) return { error };
  const [header, ...rows] = records;
  const names = header ? header.cells.map((c) => c.trim().toLowerCase()) : [];
  const extra = names.slice(COLUMNS.length);
  if (!header || names.slice(0, COLUMNS.length).join(",") !== COLUMNS.join(",")
    || extra.some((c, i) => !OPTIONAL_COLUMNS.includes(c) || extra.indexOf(c) !== i)) {
    return { error: `the first line must be the header ${COLUMNS.join(",")}, optionally followed by ${OPTIONAL_COLUMNS.join(" and ")}` };
  }
  if (rows.length > MAX_PRICE_LIST_ROWS) return { error: `it has ${rows.length} rows; a price list may have at most ${MAX_PRICE_LIST_ROWS}` };
  const column = (name) => names.indexOf(name);
  const next = structuredClone(sheet);
  const treatments = Array.isArray(next.treatments) ? next.treatments.filter((x) => x !== null && typeof x === "object") : [];
  const bad = [];
  const seen = new Map(); // an item (the object itself) → the line that priced it
  let applied = 0;
  for (const { line, cells } of rows) {
    const fail = (message) => bad.push({ line, message });
    if (cells.length !== names.length) {
      fail(`has ${cells.length} cells; a row is ${names.join(", ")}`);
      continue;
    }
    const [t, name, code, price] = cells.map((c) => c.trim());
    const kind = column("kind") < 0 ? "" : cells[column("kind")].trim().toLowerCase();
    const courseSaid = column("course") < 0 ? "" : cells[column("course")].trim().toLowerCase();
    if (!t || !name) {
      fail("needs a treatment and an item");
      continue;
    }
    if (kind && !KINDS.includes(kind)) {
      fail(`the kind "${kind}" is not one of ${KINDS.join(", ")}`);
      continue;
    }
    if (courseSaid && !COURSES.includes(courseSaid)) {
      fail(`the course "${courseSaid}" is not one of ${COURSES.join(", ")}`);
      continue;
    }
    const treatment = treatments.find((x) => x.id === t) ?? treatments.find((x) => same(x.name, t));
    if (!treatment) {
      const ids = treatments.map((x) => x.id).filter(Boolean);
      fail(`no treatment "${t}" on the sheet${ids.length ? ` (its treatments: ${ids.join(", ")})` : ""}`);
      continue;
    }
    const high = treatment.high !== null && typeof treatment.high === "object" ? treatment.high : null;
    if (courseSaid === "high" && !high) {
      fail(`"${treatment.id}" has no dear-end course (high)`);
      continue;
    }
    const courses = courseSaid === "expected" ? [treatment] : courseSaid === "high" ? [high] : [treatment, high].filter(Boolean);
    const what = kind ? `${kind}` : "phase, fee or package";
    const found = courses.map((c) => named(c, name, kind));
    const ambiguous = found.find((f) => f.length > 1);
    if (ambiguous) {
      fail(`"${name}" of "${treatment.id}" is ${kindsSaid(ambiguous)}: say which in the column kind`);
      continue;
    }
    const targets = found.flat();
    if (targets.length === 0) {
      const had = [...new Set(courses.flatMap((c) => items(c).filter((x) => !kind || x.kind === kind).map((x) => x.name)).filter(Boolean))];
      const where = courseSaid === "high" ? " in its dear-end course" : "";
      fail(`"${treatment.id}" has no ${what} named "${name}"${where}${had.length ? ` (it has: ${had.join(", ")})` : ""}`);
      continue;
    }
    const twice = targets.find((x) => seen.has(x.target));
    if (twice) {
      fail(`"${twice.name}" of "${treatment.id}" is already priced on line ${seen.get(twice.target)}`);
      continue;
    }
    const amount = money(price, unit);
    if (amount.error || amount.value === undefined) {
      fail(`the price "${price}" is not an amount: ${amount.error ?? "it is blank"}`);
      continue;
    }
    if (amount.value < 0 || amount.value > MAX_AMOUNT) {
      fail(`the price "${price}" is out of range`);
      continue;
    }
    if ([...code].length > MAX_CODE_CHARS) {
      fail(`the code "${code}" is longer than ${MAX_CODE_CHARS} characters`);
      continue;
    }
    for (const item of targets) {
      seen.set(item.target, line);
      item.target[item.key] = amount.value;
      if (code) item.target.code = code;
    }
    applied += 1;
  }
  return { sheet: next, applied, bad };
}
