// The price sheet editor's draft in the browser's storage: the sheet being
// edited, and nothing else (never patient data). The editor writes it; the
// staff view can quote from it.

/** The storage key of the draft. */
export const DRAFT_KEY = "coursecost.priceSheetDraft";

/** The draft's JSON text, or null when there is none (or storage is off). */
export function readDraft() {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

/** Keeps `sheet` as the draft; returns an error message when storage refuses it. */
export function writeDraft(sheet) {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(sheet));
    return null;
  } catch (e) {
    return `the draft could not be kept in this browser (${e.message}): save it as JSON`;
  }
}
