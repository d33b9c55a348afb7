// The visitor's form, each field described once. Everything else about a
// field derives from this table: the link keeps it by its `link` kind
// (state.js), its text is read by its `parse` (plan.js), its default comes
// from its `default` (plan.js `defaults`), an engine problem at one of its
// `paths` is shown at it (app.js), a change of treatment resets it when it
// is `perTreatment`, and it is one of the plan's numbers when `insurance`.
// Its words are keyed by its name: `t.fields[name]` (in sentences),
// `t.need[name]` (what to enter), and its label in index.html.
import { money, whole, percent } from "../shared/fields.js";
import { pricedAt, pageFee, catalogueProgramme, sessionPart } from "./preset.js";

/**
 * What a field's default is made from: the preset `p`, the typical plan
 * `ex` (a coverage example) and its `c`overage, `today`, and `plain` (an
 * amount in minor units as the text of a field).
 */
const text = (parse, extra = {}) => ({ link: "text", parse, ...extra });
const tick = (fallback, extra = {}) => ({ link: "bool", default: fallback, ...extra });
const choice = (choices, fallback, extra = {}) => ({ link: "choice", choices, default: fallback, ...extra });
const days = Array.from({ length: 31 }, (_, i) => String(i + 1));
const months = days.slice(0, 12);

/** Every field of the form: see the module's comment. */
export const FORM = {
  label: text(null, { default: () => "" }),
  start: text(null, { default: ({ today }) => today, paths: [/^start/] }),
  months: text(whole, { default: ({ p }) => String(p.plan.horizon?.months ?? 12), paths: [/^horizon/] }),
  price: text(money, { default: ({ p, plain }) => plain(p.plan.phases[pricedAt(p)].price), paths: [/^phases\[\d+\]\.price/], perTreatment: true }),
  induction: text(whole, { default: ({ p, at }) => (at.induction < 0 ? "" : String(p.plan.phases[at.induction].sessions)), paths: [/^phases\[\d+\]\.sessions/], perTreatment: true }),
  interval: text(whole, { default: ({ p, at }) => (at.interval < 0 ? "" : String(p.plan.phases[at.interval].every.weeks)), paths: [/^phases\[\d+\]\.every/], perTreatment: true }),
  fee: text(money, { default: ({ p, plain }) => plain(pageFee(p.plan)?.amount), paths: [/^fees\[\d+\]\.amount/], perTreatment: true }),
  part: text(money, { default: ({ p, plain }) => plain(sessionPart(p)?.amount), perTreatment: true }),
  "pkg-sessions": text(whole, { default: () => "", paths: [/^packages\[0\]\.sessions/], perTreatment: true }),
  "pkg-price": text(money, { default: () => "", paths: [/^packages/], perTreatment: true }),
  holidays: tick(() => true),
  weekends: tick(() => false),
  extras: { link: "names", default: () => [], perTreatment: true },
  pay: choice(["self", "insured"], () => "self"),
  example: { link: "example", default: ({ ex }) => ex?.id ?? "" },
  "plan-type": choice(["commercial", "government"], ({ c }) => c.type ?? "commercial", { insurance: true }),
  network: choice(["in", "out"], () => "in"),
  allowed: text(money, { default: () => "", paths: [/^phases\[\d+\]\.allowed/], perTreatment: true }),
  deductible: text(money, { default: ({ c, plain }) => plain(c.deductible), paths: [/^coverage\.deductible(?!Met)/], insurance: true }),
  "deductible-met": text(money, { default: () => "0", paths: [/^coverage\.deductibleMet/], insurance: true }),
  coinsurance: text(percent, { default: ({ c }) => (c.coinsurance === undefined ? "" : String(c.coinsurance)), paths: [/^coverage\.coinsurance/], insurance: true }),
  copay: text(money, { default: ({ c, plain }) => plain(c.copay), paths: [/^coverage\.copay/], insurance: true }),
  "copay-after": tick(({ c }) => Boolean(c.copayAfterDeductible), { insurance: true }),
  "copay-visit": tick(({ c }) => c.copayPer === "visit", { insurance: true }),
  "fam-on": tick(({ c }) => Boolean(c.family), { insurance: true }),
  "fam-deductible": text(money, { default: ({ c, plain }) => plain(c.family?.deductible), paths: [/^coverage\.family\.deductible(?!Met)/], insurance: true }),
  "fam-met": text(money, { default: () => "0", paths: [/^coverage\.family\.deductibleMet/], insurance: true }),
  "fam-oop": text(money, { default: ({ c, plain }) => plain(c.family?.outOfPocketMax), paths: [/^coverage\.family\.outOfPocketMax/], insurance: true }),
  "fam-oop-met": text(money, { default: () => "0", paths: [/^coverage\.family\.outOfPocketMet/], insurance: true }),
  claims: tick(() => false),
  "reimb-days": text(whole, { default: () => "30", paths: [/^coverage\.reimbursementDays/] }),
  "oop-max": text(money, { default: ({ c, plain }) => plain(c.outOfPocketMax), paths: [/^coverage\.outOfPocketMax/], insurance: true }),
  "no-oop": tick(({ ex, c }) => Boolean(ex) && c.outOfPocketMax === undefined, { insurance: true }),
  "oop-met": text(money, { default: () => "0", paths: [/^coverage\.outOfPocketMet/], insurance: true }),
  "year-month": choice(months, () => "1", { paths: [/^coverage\.planYearStart/] }),
  "year-day": choice(days, () => "1"),
  "cover-sessions": tick(({ p }) => p.plan.phases.every((x) => x.covered !== false), { perTreatment: true }),
  "cover-fees": tick(() => true, { perTreatment: true }),
  rx: choice(["medical", "own"], ({ c }) => (c.pharmacy ? "own" : "medical"), { insurance: true }),
  "rx-deductible": text(money, { default: ({ c, plain }) => plain(c.pharmacy?.deductible ?? 0), paths: [/^coverage\.pharmacy\.deductible/], insurance: true }),
  "rx-coinsurance": text(percent, { default: ({ c }) => (c.pharmacy?.coinsurance === undefined ? "" : String(c.pharmacy.coinsurance)), paths: [/^coverage\.pharmacy\.coinsurance/], insurance: true }),
  "rx-copay": text(money, { default: ({ c, plain }) => plain(c.pharmacy?.copay), paths: [/^coverage\.pharmacy\.copay/], insurance: true }),
  "rx-oop-max": text(money, { default: ({ c, plain }) => plain(c.pharmacy?.outOfPocketMax), paths: [/^coverage\.pharmacy\.outOfPocket/], insurance: true }),
  "limit-on": tick(() => false),
  "limit-sessions": text(whole, { default: ({ p }) => String(p.coverageLimits?.[0]?.sessions ?? ""), paths: [/^coverage\.limits/], perTreatment: true }),
  "limit-per": choice(["planYear", "course"], ({ p }) => p.coverageLimits?.[0]?.per ?? "planYear"),
  beyond: choice(["patient", "clinic"], () => "patient"),
  accumulator: tick(() => false),
  programme: tick(({ p }) => Boolean(catalogueProgramme(p)), { perTreatment: true }),
  "assist-on": tick(() => false),
  "assist-at-most": text(money, { default: () => "", paths: [/^assistance\[\d+\]\.patientPaysAtMost/] }),
  "assist-max": text(money, { default: () => "", paths: [/^assistance\[\d+\]\.annualMax/] }),
  "assist-no-cap": tick(() => false),
  "fin-on": tick(() => false),
  "fin-months": text(whole, { default: () => "12", paths: [/^financing\.months/] }),
  "fin-apr": text(percent, { default: () => "", paths: [/^financing\.apr/] }),
  "fin-down": text(money, { default: () => "0", paths: [/^financing\.downPayment/] }),
  compare: { link: "ids", default: () => [] },
  cprice: { link: "prices", default: () => "" },
};

/** The fields with `flag` (`perTreatment`, `insurance`), in the table's order. */
export const fieldsWith = (flag) => Object.keys(FORM).filter((k) => FORM[k][flag]);

/** The field an engine problem at `path` is shown at, if any. */
export const fieldOf = (path) => Object.keys(FORM).find((k) => FORM[k].paths?.some((re) => re.test(path)));
