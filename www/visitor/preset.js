// What the visitor page reads of a catalogue preset to lay out its form:
// which phases a visitor may change, which phase's price is "the price per
// session", which fee the page prices, the pharmacy line and the programme.
// Pure: the catalogue's data in, positions and entries out.

/** Where the preset's editable phases are: `{ induction, interval }`, -1 for none. */
export function editable(p) {
  const at = (name) => (name === undefined ? -1 : p.plan.phases.findIndex((x) => x.name === name));
  return { induction: at(p.editable?.sessions), interval: at(p.editable?.interval) };
}

/**
 * The phase whose price is the page's "price per session": the phase whose
 * sessions a visitor may change, else the first (an evaluation visit on a
 * day of its own may come before it).
 */
export const pricedAt = (p) => Math.max(0, editable(p).induction);

/** Whether each phase of the preset's plan is priced like that one (a treatment session, not an evaluation visit). */
export const pricedLike = (p) => p.plan.phases.map((x) => x.price === p.plan.phases[pricedAt(p)].price);

/** The fee the page lets a visitor price: the first fee of the whole course (tied to no phase), if any. */
export const pageFee = (plan) => plan.fees?.find((f) => !f.phase);

/**
 * The other part of a session the page lets a visitor price, when one
 * session is several lines (the catalogue's `sessionCost.parts`): the first
 * per-session fee among them that is not the page's fee (the drug given at
 * each Spravato visit, ECT's facility fee), if any.
 */
export const sessionPart = (p, plan = p.plan) => {
  const name = p.sessionCost?.parts.find((x) => x !== pageFee(p.plan)?.name && p.plan.fees?.some((f) => f.name === x));
  return name === undefined ? undefined : plan.fees?.find((f) => f.name === name);
};

/** Whether each fee of the preset's plan is priced like its session part (the same drug in each phase). */
export const partLike = (p) => {
  const part = sessionPart(p);
  return (p.plan.fees ?? []).map((f) => f.when === "session" && f.amount === part?.amount);
};

/**
 * What one session of preset `p` costs in all in `plan` (the visitor's, as
 * priced): the sum of its `sessionCost.parts`, each a phase's price or a
 * fee's amount; undefined for a session of one line.
 */
export const sessionWhole = (p, plan) => (p.sessionCost?.parts.length > 1
  ? p.sessionCost.parts.reduce((sum, name) => sum + (plan.phases.find((x) => x.name === name)?.price ?? plan.fees?.find((f) => f.name === name)?.amount ?? 0), 0)
  : undefined);

/** Whether any line of the preset's plan goes through the pharmacy benefit; its name. */
export const pharmacyLine = (p) => [...p.plan.phases, ...(p.plan.fees ?? [])].find((x) => x.benefit === "pharmacy");

/** The programme the catalogue gives the treatment (a manufacturer's savings programme), if any. */
export const catalogueProgramme = (p) => p.plan.assistance?.[0];
