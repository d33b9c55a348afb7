// Draws the whole form from the sheet, keeping the focus (and the caret)
// in the field staff were in, then shows the problems at their fields.
import { fill, h } from "../shared/dom.js";
import { resetView } from "./form-fields.js";
import { clinicSection, datalists, payersSection, providersSection, treatmentBoxes } from "./sheet-sections.js";
import { showProblems } from "./problems-shown.js";

const $ = (id) => document.getElementById(id);

/** Draws the form again from the sheet. */
export function render() {
  const focused = document.activeElement;
  const key = focused?.dataset?.path ? [focused.dataset.path, focused.dataset.kind, focused.value, focused.selectionStart] : null;
  resetView();
  fill($("sheet-form"), clinicSection(), providersSection(),
    h("fieldset", {}, h("legend", {}, "Treatments"), treatmentBoxes()),
    payersSection(), datalists());
  if (key) {
    const [path, kind, value, caret] = key;
    const same = [...document.querySelectorAll("[data-path]")].find((el) => el.dataset.path === path && el.dataset.kind === kind && (el.type !== "checkbox" || el.value === value));
    if (same) {
      same.focus();
      if (caret !== null && typeof same.setSelectionRange === "function" && same.type === "text") same.setSelectionRange(caret, caret);
    }
  }
  showProblems();
}
