// A financed plan's payment plan, as the visitor page shows it: its figures
// and its schedule's rows, with their words in English (es.js has them in
// Spanish). The page loads this module the first time a visitor asks for a
// payment plan.

/** The payment plan's words, in English. */
export const words = {
  payCols: ["#", "Date", "Payment", "Interest", "Principal", "Balance"],
  monthly: "Monthly payment", payments: (n, d) => `${n} payments from ${d}`,
  financed: "Amount financed", afterDown: (a) => `After a ${a} down payment`,
  interest: "Total interest", atApr: (r) => `At ${r} % APR`,
  totalPaid: "Total paid", noDown: "Down payment not included",
};

/**
 * The payment plan of the engine's `financing` (an estimate's) for `plan`
 * (as estimated): `cards`, `[term, value, note]` figures, and the schedule's
 * `columns` and `rows`, in `t`'s words (with `words`' keys) and the page's
 * `m` money and `date` formats.
 */
export function paymentPlan({ financing: f, plan, t, m, date }) {
  return {
    cards: [
      [t.monthly, m(f.payment), t.payments(f.payments.length, date(f.payments[0].date))],
      [t.financed, m(f.principal), t.afterDown(m(plan.financing.downPayment))],
      [t.interest, m(f.totalInterest), t.atApr(f.apr)],
      [t.totalPaid, m(f.totalPaid), t.noDown],
    ],
    columns: t.payCols,
    rows: f.payments.map((x) => [x.n, date(x.date), m(x.payment), m(x.interest), m(x.principal), m(x.balance)]),
  };
}
