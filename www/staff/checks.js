// What staff should fix before giving a Good Faith Estimate, read from the
// price sheet's treatment: a service that implies a co-provider or a
// facility the sheet does not list (ECT is given in a hospital or facility
// under general anaesthesia, which an anaesthesia provider gives), and
// items with no service code. Plain data in, sentences out: the staff view
// lists them beside the form, never on the patient's document.

/** ECT's CPT codes (90870, and 90871 before 2000). */
const ECT_CODES = /^9087[01]$/;
/** Anaesthesia's CPT codes: 00100–01999. */
const ANAESTHESIA_CODE = /^0[01]\d{3}$/;
const isEct = (item) => ECT_CODES.test(item.code ?? "") || /\bECT\b|electroconvulsive/i.test(item.name);
const isAnaesthesia = (item) => ANAESTHESIA_CODE.test(item.code ?? "") || /\ban(a)?esthe/i.test(item.name);
const list = (names) => names.map((n) => `“${n}”`).join(", ");

/**
 * The warnings for quoting `treatment` (a treatment of `sheet`, both as
 * the sheet's JSON has them), each a sentence for staff.
 */
export function treatmentChecks(sheet, treatment) {
  const warnings = [];
  const phases = treatment.phases ?? [];
  const fees = treatment.fees ?? [];
  const packages = treatment.packages ?? [];
  const items = [...phases, ...fees];
  const facilities = new Set((sheet.providers ?? []).map((p) => p.id));
  if (items.some(isEct)) {
    const away = phases.filter(isEct).filter((p) => !facilities.has(p.location));
    if (away.length > 0) {
      warnings.push(`ECT is given in a hospital or facility, but the sheet names none for ${list(away.map((p) => p.name))}: add the facility to the sheet's providers (with its place-of-service code) and choose it as where the sessions are given, so the estimate lists it.`);
    }
    if (!items.some(isAnaesthesia)) {
      warnings.push("ECT is given under general anaesthesia, but this treatment lists no anaesthesia: add it as a fee at each session, billed by the anaesthesia provider, so the estimate lists their charges.");
    }
  }
  const ownAnaesthesia = fees.filter((f) => isAnaesthesia(f) && !facilities.has(f.provider));
  if (ownAnaesthesia.length > 0) {
    warnings.push(`${list(ownAnaesthesia.map((f) => f.name))} is billed by the clinic itself: if an anaesthesia provider gives and bills it, add them to the sheet's providers and name them as its provider, so the estimate gives their charges and identifiers.`);
  }
  const uncoded = [...items, ...packages].filter((i) => !i.code).map((i) => i.name);
  if (uncoded.length > 0) {
    warnings.push(`${uncoded.length === 1 ? "This item has" : "These items have"} no service code, which a Good Faith Estimate lists for every item: ${list(uncoded)}. Add ${uncoded.length === 1 ? "it" : "them"} in the sheet editor before giving the estimate.`);
  }
  return warnings;
}

/** The plain-words rule the staff view states beside an estimate's deadline. */
export const BUSINESS_DAYS_RULE =
  "Business days are counted the safe way: the deadline is worked out counting the days the clinic is open and again counting Monday to Friday less federal holidays, and the earlier of the two is shown.";
