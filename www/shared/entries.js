// What a visitor entered, as the print and the download list it: the rows,
// and their names in English (es.js has them in Spanish). The visitor page
// loads this with the catalogue's notes (notes.js), when a visitor prints or
// downloads; the embed bundles the names for its labels.

/** The names of what was entered, in English. */
export const words = {
  entryNames: { treatment: "Treatment", start: "First session", months: "Months estimated", price: "Price per session", induction: "Sessions", interval: "Weeks between sessions", fee: "Fee", pkg: "Package", holidays: "No sessions on US federal holidays", weekends: "Clinic open on weekends", extras: "Added", pay: "How you pay", example: "Typical plan", "plan-type": "Plan", network: "Network", allowed: "Allowed amount per session", deductible: "Deductible", "deductible-met": "Deductible already paid", coinsurance: "Coinsurance", copay: "Copay", "oop-max": "Out-of-pocket maximum", "oop-met": "Out-of-pocket already paid", year: "Plan year starts", cover: "Covered", rx: "Pharmacy benefit", limit: "Covered sessions", accumulator: "Accumulator program", programme: "Savings program", assist: "Other savings program", fin: "Monthly installments", label: "Name", claims: "Claims", family: "Family deductible / maximum", beyond: "Beyond the limit" },
  yes: "yes", no: "no",
  // What a choice is, in words (never the link's raw value).
  choice: { in: "in network", out: "out of network", commercial: "commercial (employer or marketplace)", government: "Medicare, Medicaid, TRICARE or VA", patient: "I pay the clinic and claim from my insurer", clinic: "the clinic writes them off (no waiver)", waiver: "I pay them (waiver signed)" },
  copayTerms: (a, after, visit) => `${a}${after ? ", after the deductible" : ""}${visit ? ", once a visit" : ""}`,
  rxTerms: (parts) => parts.join(" · "),
  reimbursed: (n) => `paid back after ${n} days`,
  yearStarts: (month, day) => `${month} ${day}`,
};

/**
 * What the visitor entered, as `[name, value]` rows: `plan` as estimated,
 * `v` the form's effective values, `t` the page's words (with `words`'
 * keys), `m` and `date` the page's money and date formats, `treatment` the
 * treatment's name and `example` the typical plan's, when its numbers are
 * used as they are (else null).
 */
export function entries({ plan, v, t, m, date, treatment, example, priced = 0, named = (x) => x }) {
  const n = t.entryNames;
  const c = plan.coverage;
  const yn = (b) => (b ? t.yes : t.no);
  const rx = c?.pharmacy;
  const fam = c?.family;
  return [
    [n.treatment, treatment], [n.start, date(plan.start)], [n.months, plan.horizon.months], [n.price, m(plan.phases[priced].price)],
    ...plan.phases.filter((x) => x.sessions).map((x) => [`${n.induction}: ${named(x.name)}`, x.sessions]),
    ...plan.phases.filter((x) => x.every.weeks).map((x) => [`${n.interval}: ${named(x.name)}`, x.every.weeks]),
    ...(plan.fees ?? []).map((f) => [named(f.name), m(f.amount)]),
    plan.packages ? [n.pkg, `${plan.packages[0].sessions} × ${m(plan.packages[0].price)}`] : null,
    [n.holidays, yn(v.holidays)], [n.weekends, yn(v.weekends)],
    [n.pay, v.pay === "insured" ? t.insuredWord : t.selfPay],
    c && example ? [n.example, example] : null,
    c ? [n.deductible, m(c.deductible)] : null, c ? [n["deductible-met"], m(c.deductibleMet)] : null,
    c?.coinsurance !== undefined ? [n.coinsurance, `${c.coinsurance} %`] : null,
    c?.copay !== undefined ? [n.copay, t.copayTerms(m(c.copay), c.copayAfterDeductible, c.copayPer === "visit")] : null,
    c ? [n["oop-max"], c.outOfPocketMax === undefined ? t.oopNone : m(c.outOfPocketMax)] : null,
    c?.outOfPocketMax !== undefined ? [n["oop-met"], m(c.outOfPocketMet)] : null,
    fam ? [n.family, `${m(fam.deductible)} (${m(fam.deductibleMet)})${fam.outOfPocketMax === undefined ? "" : ` / ${m(fam.outOfPocketMax)} (${m(fam.outOfPocketMet)})`}`] : null,
    c ? [n.year, t.yearStarts(t.monthNames[Number(c.planYearStart.slice(0, 2)) - 1], Number(c.planYearStart.slice(3)))] : null, c ? [n.network, t.choice[c.network]] : null, c ? [n["plan-type"], t.choice[c.type]] : null,
    c?.claims === "patient" ? [n.claims, `${t.choice.patient}, ${t.reimbursed(c.reimbursementDays)}`] : null,
    rx ? [n.rx, t.rxTerms([rx.deductible !== undefined && `${n.deductible} ${m(rx.deductible)}`, rx.coinsurance !== undefined && `${n.coinsurance} ${rx.coinsurance} %`, rx.copay !== undefined && `${n.copay} ${m(rx.copay)}`].filter(Boolean))] : null,
    c?.limits ? [n.limit, c.limits[0].sessions] : null,
    c?.limits ? [n.beyond, t.choice[c.limits[0].beyond === "clinic" ? "clinic" : "waiver"]] : null,
    c ? [n.accumulator, yn(c.accumulator)] : null,
    ...(plan.assistance ?? []).map((a) => [n.programme, `${named(a.name)}: ${m(a.patientPaysAtMost)}${a.annualMax === undefined ? "" : ` / ${m(a.annualMax)}`}`]),
    plan.financing ? [n.fin, `${plan.financing.months} × ${plan.financing.apr} % · ${m(plan.financing.downPayment)}`] : null,
    v.label ? [n.label, v.label] : null,
  ].filter(Boolean);
}
