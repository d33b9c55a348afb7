// A CSV price list previewed before it is applied: line by line, what it
// would add, what it would change and what it refuses (and why), with Apply
// and Cancel. Apply makes the whole import one change Undo takes back; the
// refused rows stay listed with their reasons. A preview of a sheet staff
// have edited since is not applied: the file is chosen again.
import { h, fill } from "../shared/dom.js";
import { formatMoney } from "../shared/format.js";
import { state } from "./sheet-state.js";
import { change } from "./changes.js";
import { $, status } from "./page-messages.js";

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Words for the courses a row reaches, when the treatment has a dear end: "" for the expected course alone. */
const coursesSaid = (courses) => (courses.includes("high") ? (courses.includes("expected") ? ", in both courses" : ", in the dear-end course only") : "");

/** The lines of the preview, from the import's result: `{ added, changed, bad }` as text. */
export function previewLines(result, unit) {
  const money = (v) => (Number.isSafeInteger(v) ? formatMoney(v, unit.currency, unit.minorUnits, "en-US") : "no price");
  const added = result.added.map((a) => `Line ${a.line}: a new fee "${a.name}" for ${a.treatment}, ${money(a.price)} charged once, ${a.code ? `code ${a.code}` : "no code"}${coursesSaid(a.courses)}`
    + (a.near.length ? ` (the treatment has ${a.near.map((n) => `"${n}"`).join(", ")}: was this row meant for it?)` : ""));
  const changed = result.changed.map((c) => {
    const was = c.was.map(money).join(" and ");
    const price = c.was.length === 1 && c.was[0] === c.price ? `${money(c.price)} as before` : `${was} → ${money(c.price)}`;
    const code = c.code && c.code !== c.wasCode ? `, code ${c.wasCode ? `${c.wasCode} → ` : ""}${c.code}` : "";
    return `Line ${c.line}: the ${c.kind} "${c.name}" of ${c.treatment}: ${price}${code}${coursesSaid(c.courses)}`;
  });
  const bad = result.bad.map((b) => `Line ${b.line}: ${b.message}`);
  return { added, changed, bad };
}

/** Shows the three lists of the report (each hidden when empty). */
function showLists(lines) {
  for (const part of ["added", "changed", "bad"]) {
    $(`import-${part}-part`).hidden = lines[part].length === 0;
    fill($(`import-${part}`), lines[part].map((t) => h("li", {}, t)));
  }
}

/** Shows that `name` was not imported, and why: the sheet is unchanged. */
export function refuseImport(name, why) {
  showLists({ added: [], changed: [], bad: [] });
  $("import-actions").hidden = true;
  $("import-title").textContent = `${name} was not imported: ${why}.`;
  $("import-report").hidden = false;
}

/**
 * Previews the import of `name`: `result` is pricelist.js's, `admitted` the
 * sheet it makes once the engine has checked it (`{ sheet, problems }`).
 */
export function previewImport(name, result, admitted, unit) {
  const report = $("import-report");
  const lines = previewLines(result, unit);
  showLists(lines);
  const [a, c, b] = [result.added.length, result.changed.length, result.bad.length];
  const something = a + c > 0;
  const refused = b ? `; ${plural(b, "row")} refused` : "";
  $("import-title").textContent = something
    ? `${name}: ${plural(a, "item")} to add, ${c} to change${refused}. Nothing changes until you apply it.`
    : `${name}: nothing to add or change${refused}.`;
  $("import-apply").hidden = !something;
  $("import-cancel").textContent = something ? "Cancel" : "Close";
  $("import-actions").hidden = false;
  report.hidden = false;
  report.focus();
  const basis = JSON.stringify(state.sheet);
  const done = () => {
    $("import-actions").hidden = true;
    $("import-apply").onclick = $("import-cancel").onclick = null;
    $("csv-choose").focus();
  };
  $("import-apply").onclick = () => {
    done();
    if (JSON.stringify(state.sheet) !== basis) {
      $("import-title").textContent = `${name} was not applied: the sheet changed after this preview. Import the file again to see what it does to the sheet as it is now.`;
      showLists({ added: [], changed: [], bad: [] });
      return;
    }
    change(() => {
      state.sheet = admitted.sheet;
      state.problems = admitted.problems;
    });
    $("import-title").textContent = `${name}: ${plural(a, "item")} added and ${c} changed${b ? `; ${plural(b, "row was", "rows were")} refused:` : "."}`;
    showLists({ added: [], changed: [], bad: lines.bad });
    status(`Imported ${name} (Undo takes the whole import back).`);
  };
  $("import-cancel").onclick = () => {
    done();
    report.hidden = true;
    if (something) status(`${name} was not imported; the sheet is unchanged.`);
  };
}
