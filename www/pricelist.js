// A CSV price list into a price sheet: one row per priced item
// (`treatment,item,code,price`), each setting the price and the billing code
// of a phase, fee or package the sheet already has. Every bad row is
// reported with its line number; the good ones are applied. Used by the
// sheet editor; plain JavaScript, so Node tests use it too.
import { money } from "./fields.js";
import { MAX_AMOUNT, MAX_CODE_CHARS, MAX_PRICE_LIST_ROWS } from "./limits.js";

/** The columns, in order, of the header row. */
export const COLUMNS = ["treatment", "item", "code", "price"];

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

/** Every priced item of a treatment's course: phases (price), fees (amount), packages (price). */
function items(treatment) {
  const out = [];
  for (const p of treatment.phases ?? []) out.push({ target: p, key: "price", name: p.name });
  for (const f of treatment.fees ?? []) out.push({ target: f, key: "amount", name: f.name });
  for (const p of treatment.packages ?? []) out.push({ target: p, key: "price", name: p.name });
  return out;
}

const same = (a, b) => String(a ?? "").trim().toLowerCase() === String(b ?? "").trim().toLowerCase();

/**
 * Applies the price list `text` to a copy of `sheet`; `unit` is the sheet's
 * currency as the engine counts it (`{ currency, minorUnits }`), prices are
 * in its major units ("550.00"). Returns `{ sheet, applied, bad }`: the new
 * sheet, how many rows were applied, and `[{ line, message }]` for every
 * row that was not (or `{ error }` when the file cannot be read at all).
 */
export function importPriceList(sheet, text, unit) {
  const { records, error } = parseCsv(text);
  if (error) return { error };
  const [header, ...rows] = records;
  if (!header || header.cells.map((c) => c.trim().toLowerCase()).join(",") !== COLUMNS.join(",")) {
    return { error: `the first line must be the header ${COLUMNS.join(",")}` };
  }
  if (rows.length > MAX_PRICE_LIST_ROWS) return { error: `it has ${rows.length} rows; a price list may have at most ${MAX_PRICE_LIST_ROWS}` };
  const next = structuredClone(sheet);
  const bad = [];
  const seen = new Map();
  let applied = 0;
  for (const { line, cells } of rows) {
    const fail = (message) => bad.push({ line, message });
    if (cells.length !== COLUMNS.length) {
      fail(`has ${cells.length} cells; a row is ${COLUMNS.join(", ")}`);
      continue;
    }
    const [t, name, code, price] = cells.map((c) => c.trim());
    if (!t || !name) {
      fail("needs a treatment and an item");
      continue;
    }
    const treatment = (next.treatments ?? []).find((x) => x.id === t) ?? (next.treatments ?? []).find((x) => same(x.name, t));
    if (!treatment) {
      const ids = (next.treatments ?? []).map((x) => x.id).filter(Boolean);
      fail(`no treatment "${t}" on the sheet${ids.length ? ` (its treatments: ${ids.join(", ")})` : ""}`);
      continue;
    }
    const item = items(treatment).find((x) => x.name === name) ?? items(treatment).find((x) => same(x.name, name));
    if (!item) {
      const names = items(treatment).map((x) => x.name).filter(Boolean);
      fail(`"${treatment.id}" has no phase, fee or package named "${name}"${names.length ? ` (it has: ${names.join(", ")})` : ""}`);
      continue;
    }
    const key = `${treatment.id}\u0000${item.name}`;
    if (seen.has(key)) {
      fail(`"${item.name}" of "${treatment.id}" is already priced on line ${seen.get(key)}`);
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
    seen.set(key, line);
    item.target[item.key] = amount.value;
    if (code) item.target.code = code;
    applied += 1;
  }
  return { sheet: next, applied, bad };
}
