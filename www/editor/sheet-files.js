// Whole sheets in and out: a new sheet, the sample, the previous draft or a
// JSON file opened (each checked before it replaces anything, and only once
// staff agree to discard a draft worth keeping), the sheet saved as JSON,
// a CSV price list imported into it (previewed first, import-preview.js),
// and the draft discarded. Each replacement is one change Undo takes back.
import { download, filePickers } from "../shared/dom.js";
import { readPrevious } from "../shared/draft.js";
import { importPriceList, MAX_PRICE_LIST_BYTES } from "./pricelist.js";
import { MAX_SHEET_BYTES } from "./sheet-shape.js";
import { blank, state } from "./sheet-state.js";
import { pages } from "./paged-lists.js";
import { opened } from "./lazy-boxes.js";
import { admit, check } from "./engine-check.js";
import { change } from "./changes.js";
import { previewImport, refuseImport } from "./import-preview.js";
import { $, status } from "./page-messages.js";

/** Whether the sheet has anything worth keeping: anything besides a new sheet's. */
const worthKeeping = () => JSON.stringify(state.sheet) !== JSON.stringify(blank());

/** Runs `replace` (which replaces the whole sheet) once staff agree to discard the draft, when there is one worth keeping. */
function replacing(what, replace) {
  if (!worthKeeping()) return replace();
  $("confirm-text").textContent = `This replaces the sheet you are editing with ${what}. The draft is discarded (Undo brings it back until the next change; it is also kept as the previous draft).`;
  $("confirm").hidden = false;
  $("confirm-yes").onclick = () => {
    $("confirm").hidden = true;
    replace();
  };
  $("confirm-no").onclick = () => {
    $("confirm").hidden = true;
  };
  $("confirm-yes").focus();
}

/** Replaces the sheet with `next` (admitted), as one change Undo takes back; the draft it replaces is kept as the previous one. */
function load(next, from, checked) {
  change(() => {
    state.sheet = next;
    state.problems = checked;
    state.local.clear();
    opened.clear();
    pages.clear();
  }, { keep: true });
  $("import-report").hidden = true;
  status(`Editing ${from}.`);
}

/** Opens `text` (from `from`) once it is admitted and staff agree; says why not, the sheet unchanged, otherwise. */
async function open(text, from, what = from) {
  const admitted = await admit(text);
  if (admitted.error) return status(`${from} was not opened: ${admitted.error}. The sheet is unchanged.`);
  replacing(what, () => load(admitted.sheet, from, admitted.problems));
}

const fileName = () => `${String(state.sheet.name ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "price-sheet"}.json`;
const size = (bytes) => `${(bytes / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** Wires the buttons and file pickers that bring a whole sheet in or out. */
export function wireFiles() {
  filePickers(document);
  $("new").addEventListener("click", () => replacing("a new, empty sheet", () => load(blank(), "a new sheet", [])));
  $("sample").addEventListener("click", async () => {
    const res = await fetch("clinic.sample.json", { cache: "no-cache", credentials: "omit" });
    open(await res.text(), "a copy of the sample sheet", "the sample sheet");
  });
  $("previous").addEventListener("click", () => {
    const previous = readPrevious();
    if (previous === null) return status("This browser keeps no previous draft.");
    open(previous, "the previous draft");
  });
  $("open-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_SHEET_BYTES) return status(`${file.name} was not opened: it is ${size(file.size)}, and a price sheet is at most ${size(MAX_SHEET_BYTES)}. The sheet is unchanged.`);
    open(await file.text(), file.name);
  });
  $("save").addEventListener("click", async () => {
    const saved = structuredClone(state.sheet);
    download(fileName(), "application/json", `${JSON.stringify(saved, null, 2)}\n`);
    const n = (await check(saved)).problems.length;
    status(n === 0 ? `Saved ${fileName()}.` : `Saved ${fileName()}, with ${n} problem${n === 1 ? "" : "s"}: the staff view will refuse it until they are fixed.`);
  });
  $("csv-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // Refused unread: a larger file is no price list, and reading it would hold the page.
    if (file.size > MAX_PRICE_LIST_BYTES) return refuseImport(file.name, `it is ${size(file.size)}, and a price list is at most ${size(MAX_PRICE_LIST_BYTES)}`);
    const unit = state.unit ?? { currency: "USD", minorUnits: 2 };
    const result = importPriceList(state.sheet, await file.text(), unit);
    if (result.error) return refuseImport(file.name, result.error);
    const admitted = await admit(JSON.stringify(result.sheet));
    if (admitted.error) return refuseImport(file.name, admitted.error);
    previewImport(file.name, result, admitted, unit);
  });
  $("discard").addEventListener("click", () => {
    change(() => {
      state.sheet = blank();
      state.local.clear();
      pages.clear();
    }, { keep: true });
    status("The draft is discarded; this is a new sheet (Undo brings the draft back).");
  });
}
