// A CSV price list into a price sheet: one row per priced item
// (`treatment,item,code,price`), each setting the price and the billing code
// of a phase, fee or package the sheet already has, or adding a fee charged
// once when the treatment has no item of that name (a price list has no
// column for a phase's schedule or a package's sessions, so those are added
// in the editor). Every bad row is reported with its line number and why;
// the editor previews what would be added, changed and refused before
// anything is applied. Used by the sheet editor; plain JavaScript, so Node
// tests use it too.
import { money } from "../shared/fields.js";
import { MAX_AMOUNT, MAX_CODE_CHARS, MAX_FEES, MAX_NAME_CHARS, MAX_PRICE_LIST_ROWS } from "../shared/limits.js";

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

/** Whether two names are near each other: one holds the other, ignoring case ("Weeks 5-8" and "Weeks 5-8, weekly"). */
const near = (a, b) => {
  const [x, y] = [String(a ?? "").trim().toLowerCase(), String(b ?? "").trim().toLowerCase()];
  return x !== "" && y !== "" && (x.includes(y) || y.includes(x));
};

/** The courses of a treatment a row may name, by their word in the column `course`. */
const COURSE_OF = { expected: (t) => t, high: (t) => t.high };

/**
 * Applies the price list `text` to a copy of `sheet`; `unit` is the sheet's
 * currency as the engine counts it (`{ currency, minorUnits }`), prices are
 * in its major units ("550.00"). Returns `{ sheet, applied, added, changed,
 * bad }` (or `{ error }` when the file cannot be read at all): the new
 * sheet; how many rows were applied; each row that added an item, `{ line,
 * treatment, kind: "fee", name, price, code, courses, near }`; each row that
 * priced items the sheet has, `{ line, treatment, kind, name, price, was,
 * code, wasCode, courses }` (`was` the distinct prices it replaced, `courses`
 * `expected` and/or `high`, `near` the names of the treatment's items the
 * new one is near, so a typo can be seen before it is applied); and
 * `{ line, message }` for every row that was refused.
 *
 * A row prices its item by kind: a name that is both a phase and a package
 * (a package named like its phase) is refused unless the row's `kind` says
 * which. It prices the item in the treatment's course and, when the
 * treatment has a dear-end course (`high`) with the same item, there too,
 * unless its `course` says only one of them. A row whose item none of those
 * courses has adds a fee charged once (`when: "once"`) to each of them; a
 * `kind` of `phase` or `package` for an item the treatment does not have is
 * refused, as a price list cannot say a phase's schedule or a package's
 * sessions.
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
  const bad = [], added = [], changed = [];
  const seen = new Map(); // an item (the object itself) → the line that priced or added it, and which
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
    const said = courseSaid === "expected" || courseSaid === "high" ? [courseSaid] : ["expected", ...(high ? ["high"] : [])];
    const courses = said.map((c) => COURSE_OF[c](treatment));
    const found = courses.map((c) => named(c, name, kind));
    const ambiguous = found.find((f) => f.length > 1);
    if (ambiguous) {
      fail(`"${name}" of "${treatment.id}" is ${kindsSaid(ambiguous)}: say which in the column kind`);
      continue;
    }
    const targets = found.flat();
    const had = [...new Set(courses.flatMap((c) => items(c).filter((x) => !kind || x.kind === kind).map((x) => x.name)).filter(Boolean))];
    if (targets.length === 0 && (kind === "phase" || kind === "package")) {
      const where = courseSaid === "high" ? " in its dear-end course" : "";
      const needs = kind === "phase" ? "its schedule and length" : "its phase and sessions";
      fail(`"${treatment.id}" has no ${kind} named "${name}"${where}${had.length ? ` (it has: ${had.join(", ")})` : ""}; a price list adds fees only: a new ${kind} needs ${needs}, so add it in the editor`);
      continue;
    }
    const twice = targets.find((x) => seen.has(x.target));
    if (twice) {
      const { line: first, verb } = seen.get(twice.target);
      fail(`"${twice.name}" of "${treatment.id}" is already ${verb} on line ${first}`);
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
    if (targets.length > 0) {
      changed.push({
        line, treatment: treatment.id, kind: targets[0].kind, name: targets[0].name, price: amount.value,
        was: [...new Set(targets.map((x) => x.target[x.key]))], code, wasCode: targets[0].target.code,
        courses: said.filter((_, i) => found[i].length > 0),
      });
      for (const item of targets) {
        seen.set(item.target, { line, verb: "priced" });
        item.target[item.key] = amount.value;
        if (code) item.target.code = code;
      }
      continue;
    }
    // A new item: a fee charged once, in each course the row names.
    if ([...name].length > MAX_NAME_CHARS) {
      fail(`the item name is longer than ${MAX_NAME_CHARS} characters`);
      continue;
    }
    if (/\p{Cc}/u.test(name)) {
      fail(`the item name "${name}" holds a line break or another control character`);
      continue;
    }
    if (courses.some((c) => c.fees !== undefined && !Array.isArray(c.fees))) {
      fail(`"${treatment.id}" has fees that are not a list, so no fee can be added to them`);
      continue;
    }
    const full = courses.findIndex((c) => Array.isArray(c.fees) && c.fees.length >= MAX_FEES);
    if (full >= 0) {
      fail(`"${name}" would be a new fee, but ${said[full] === "high" ? "the dear-end course" : `"${treatment.id}"`} has ${MAX_FEES} fees already, the most a course may have`);
      continue;
    }
    for (const c of courses) {
      const fee = { name, amount: amount.value, when: "once", ...(code ? { code } : {}) };
      c.fees = [...(c.fees ?? []), fee];
      seen.set(fee, { line, verb: "added" });
    }
    added.push({ line, treatment: treatment.id, kind: "fee", name, price: amount.value, code, courses: said, near: had.filter((x) => near(x, name)) });
  }
  return { sheet: next, applied: added.length + changed.length, added, changed, bad };
}
