//! The estimate's invariants (docs/estimate.md), written once: the property
//! tests, the bounds test and the fuzzer all hold every estimate to them.

use coursecost::{Amount, Estimate, Line};

/// Every invariant `e` breaks, in words; empty when it holds them all.
pub fn violations(e: &Estimate) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |ok: bool, what: &dyn Fn() -> String| {
        if !ok {
            out.push(what());
        }
    };
    // Each total is the sum of that field over the lines (in i128: no overflow).
    let sum = |f: fn(&Line) -> Amount| {
        e.lines
            .iter()
            .map(|l| i128::from(f(l).minor()))
            .sum::<i128>()
    };
    let t = &e.totals;
    for (name, total, lines) in [
        ("gross", t.gross, sum(|l| l.gross)),
        ("discount", t.discount, sum(|l| l.discount)),
        ("charge", t.charge, sum(|l| l.charge)),
        ("adjustment", t.adjustment, sum(|l| l.adjustment)),
        ("insurerPays", t.insurer_pays, sum(|l| l.insurer_pays)),
        ("assistance", t.assistance, sum(|l| l.assistance)),
        ("patientPays", t.patient_pays, sum(|l| l.patient_pays)),
        ("deductible", t.deductible, sum(|l| l.deductible)),
        ("coinsurance", t.coinsurance, sum(|l| l.coinsurance)),
        ("copay", t.copay, sum(|l| l.copay)),
        ("balanceBill", t.balance_bill, sum(|l| l.balance_bill)),
        ("notCovered", t.not_covered, sum(|l| l.not_covered)),
    ] {
        check(i128::from(total.minor()) == lines, &|| {
            format!("totals.{name} {total} is not the lines' sum {lines}")
        });
    }
    for (i, l) in e.lines.iter().enumerate() {
        check(l.gross - l.discount == l.charge, &|| {
            format!("lines[{i}]: gross − discount ≠ charge")
        });
        check(
            l.charge == l.adjustment + l.insurer_pays + l.assistance + l.patient_pays,
            &|| format!("lines[{i}]: charge ≠ adjustment + insurerPays + assistance + patientPays"),
        );
        let amounts = [
            l.discount,
            l.charge,
            l.adjustment,
            l.insurer_pays,
            l.assistance,
            l.patient_pays,
        ];
        check(amounts.iter().all(|a| a.minor() >= 0), &|| {
            format!("lines[{i}]: a negative amount")
        });
        check(l.date >= e.start && l.date < e.end, &|| {
            format!("lines[{i}]: dated outside [start, end)")
        });
        // benefit and allowed exactly on covered lines; nothing insured otherwise.
        check(
            l.covered == l.benefit.is_some() && l.covered == l.allowed.is_some(),
            &|| format!("lines[{i}]: benefit/allowed present ≠ covered"),
        );
        // An uncovered line: insurance pays nothing, and either the patient
        // owes the whole charge or (beyond a "clinic" limit) the clinic
        // writes it all off.
        let written_off = l.adjustment == l.charge && l.not_covered.minor() == 0;
        check(
            l.covered
                || (l.insurer_pays.minor() == 0
                    && ((l.adjustment.minor() == 0 && l.not_covered == l.charge)
                        || (written_off && l.assistance.minor() + l.patient_pays.minor() == 0))),
            &|| format!("lines[{i}]: an uncovered line with insurance money"),
        );
        // The five parts say why the patient owes what they owe.
        check(
            l.deductible + l.coinsurance + l.copay + l.balance_bill + l.not_covered
                == l.assistance + l.patient_pays,
            &|| format!("lines[{i}]: the five parts ≠ assistance + patientPays"),
        );
        check(!l.covered || l.not_covered.minor() == 0, &|| {
            format!("lines[{i}]: a covered line with a not-covered part")
        });
        // With patient-filed claims the patient pays at the visit what the
        // insurer reimburses later; otherwise no cash fields.
        let cash = e.totals.reimbursed.is_some();
        check(
            l.paid_at_visit.is_some() == cash
                && l.paid_at_visit
                    .is_none_or(|p| p == l.patient_pays + l.insurer_pays)
                && (l.reimbursed_on.is_some() == (cash && l.insurer_pays.minor() > 0))
                && l.reimbursed_on.is_none_or(|d| d >= l.date),
            &|| format!("lines[{i}]: cash fields"),
        );
        check(l.allowed.is_none_or(|a| a <= l.charge), &|| {
            format!("lines[{i}]: allowed above the charge")
        });
    }
    check(
        e.lines
            .windows(2)
            .all(|w| (w[0].date, w[0].kind) <= (w[1].date, w[1].kind)),
        &|| "lines out of ledger order".to_string(),
    );
    check(t.sessions as usize == e.sessions.len(), &|| {
        "totals.sessions ≠ sessions".to_string()
    });
    check(
        e.sessions.windows(2).all(|w| w[0].date < w[1].date)
            && e.sessions
                .iter()
                .all(|s| s.date >= e.start && s.date < e.end),
        &|| "sessions not strictly increasing inside [start, end)".to_string(),
    );
    let months_charge: i128 = e.months.iter().map(|m| i128::from(m.charge.minor())).sum();
    check(months_charge == i128::from(t.charge.minor()), &|| {
        "months do not sum to the total charge".to_string()
    });
    check(
        e.months.iter().map(|m| m.sessions).sum::<u32>() == t.sessions,
        &|| "months do not count every session".to_string(),
    );
    check(
        e.months.last().map(|m| m.cumulative_patient_pays) == Some(t.patient_pays),
        &|| "the last cumulative month is not the patient's total".to_string(),
    );
    let why = |d: Amount, co: Amount, cp: Amount, b: Amount, n: Amount| {
        i128::from(d.minor())
            + i128::from(co.minor())
            + i128::from(cp.minor())
            + i128::from(b.minor())
            + i128::from(n.minor())
    };
    check(
        why(
            t.deductible,
            t.coinsurance,
            t.copay,
            t.balance_bill,
            t.not_covered,
        ) == i128::from(t.assistance.minor()) + i128::from(t.patient_pays.minor()),
        &|| "totals: the five parts ≠ assistance + patientPays".to_string(),
    );
    for (k, m) in e.months.iter().enumerate() {
        check(
            why(
                m.deductible,
                m.coinsurance,
                m.copay,
                m.balance_bill,
                m.not_covered,
            ) == i128::from(m.assistance.minor()) + i128::from(m.patient_pays.minor()),
            &|| format!("months[{k}]: the five parts ≠ assistance + patientPays"),
        );
    }
    let months_sum = |f: fn(&coursecost::MonthTotal) -> Amount| -> i128 {
        e.months.iter().map(|m| i128::from(f(m).minor())).sum()
    };
    for (name, total, months) in [
        ("deductible", t.deductible, months_sum(|m| m.deductible)),
        ("notCovered", t.not_covered, months_sum(|m| m.not_covered)),
        (
            "balanceBill",
            t.balance_bill,
            months_sum(|m| m.balance_bill),
        ),
    ] {
        check(i128::from(total.minor()) == months, &|| {
            format!("months do not sum to totals.{name}")
        });
    }
    match (t.paid, t.reimbursed, t.reimbursed_after_horizon) {
        (Some(paid), Some(reimbursed), Some(after)) => {
            check(reimbursed + after == t.insurer_pays, &|| {
                "totals.reimbursed + reimbursedAfterHorizon ≠ insurerPays".to_string()
            });
            check(paid == t.patient_pays + t.insurer_pays, &|| {
                "totals.paid ≠ patientPays + insurerPays".to_string()
            });
            check(
                e.months
                    .iter()
                    .all(|m| m.paid.is_some() && m.reimbursed.is_some())
                    && e.months.iter().filter_map(|m| m.reimbursed).sum::<Amount>() == reimbursed,
                &|| "months do not sum to totals.reimbursed".to_string(),
            );
        }
        (None, None, None) => check(
            e.months
                .iter()
                .all(|m| m.paid.is_none() && m.reimbursed.is_none()),
            &|| "cash fields in months without patient-filed claims".to_string(),
        ),
        _ => check(false, &|| {
            "totals: some cash fields but not all".to_string()
        }),
    }
    if let Some(years) = &e.plan_years {
        for (y, year) in years.iter().enumerate() {
            check(
                why(
                    year.deductible,
                    year.coinsurance,
                    year.copay,
                    year.balance_bill,
                    year.not_covered,
                ) == i128::from(year.assistance.minor()) + i128::from(year.patient_pays.minor()),
                &|| format!("planYears[{y}]: the five parts ≠ assistance + patientPays"),
            );
        }
        for (name, total, f) in [
            (
                "charge",
                t.charge,
                (|y| y.charge) as fn(&coursecost::PlanYearTotal) -> Amount,
            ),
            ("adjustment", t.adjustment, |y| y.adjustment),
            ("patientPays", t.patient_pays, |y| y.patient_pays),
        ] {
            let s: i128 = years.iter().map(|y| i128::from(f(y).minor())).sum();
            check(s == i128::from(total.minor()), &|| {
                format!("plan years do not sum to totals.{name}")
            });
        }
    }
    if let Some(f) = &e.financing {
        check(
            f.payments.iter().map(|p| p.payment).sum::<Amount>() == f.total_paid
                && f.payments.last().map(|p| p.balance) == Some(Amount::ZERO)
                && f.payments.len() as u32 <= f.months,
            &|| "the payment schedule does not pay off its total".to_string(),
        );
    }
    out.extend(sums_by_group(e));
    out
}

/// An amount a line carries, by the name the contract gives it.
type Field = (&'static str, fn(&Line) -> Amount);

/// Every amount a line carries.
const AMOUNTS: [Field; 10] = [
    ("charge", |l| l.charge),
    ("adjustment", |l| l.adjustment),
    ("insurerPays", |l| l.insurer_pays),
    ("assistance", |l| l.assistance),
    ("patientPays", |l| l.patient_pays),
    ("deductible", |l| l.deductible),
    ("coinsurance", |l| l.coinsurance),
    ("copay", |l| l.copay),
    ("balanceBill", |l| l.balance_bill),
    ("notCovered", |l| l.not_covered),
];

/// "Every total (in `totals`, `months`, `planYears`, `phases`) is the sum of
/// that field over its lines", field by field: a month's lines are those
/// dated in it, a plan year's those dated in `[start, end)`, a phase's those
/// whose `phase` is its name. Session counts, and a phase's first and last
/// dates, likewise over the sessions.
pub fn sums_by_group(e: &Estimate) -> Vec<String> {
    let mut out = Vec::new();
    let total = |lines: &mut dyn Iterator<Item = &Line>, f: fn(&Line) -> Amount| -> i128 {
        lines.map(|l| i128::from(f(l).minor())).sum()
    };
    let month_of = |d: coursecost::Date| d.to_string()[..7].to_string();
    for (k, m) in e.months.iter().enumerate() {
        let month: [(&str, Amount); 10] = [
            ("charge", m.charge),
            ("adjustment", m.adjustment),
            ("insurerPays", m.insurer_pays),
            ("assistance", m.assistance),
            ("patientPays", m.patient_pays),
            ("deductible", m.deductible),
            ("coinsurance", m.coinsurance),
            ("copay", m.copay),
            ("balanceBill", m.balance_bill),
            ("notCovered", m.not_covered),
        ];
        for ((name, value), (_, f)) in month.iter().zip(AMOUNTS) {
            let lines = total(
                &mut e.lines.iter().filter(|l| month_of(l.date) == m.month),
                f,
            );
            if lines != i128::from(value.minor()) {
                out.push(format!(
                    "months[{k}].{name} is {} but its lines sum to {lines}",
                    value.minor()
                ));
            }
        }
        let sessions = e
            .sessions
            .iter()
            .filter(|s| month_of(s.date) == m.month)
            .count() as u32;
        if sessions != m.sessions {
            out.push(format!(
                "months[{k}].sessions is {} but {sessions} sessions fall in it",
                m.sessions
            ));
        }
    }
    for (y, year) in e.plan_years.iter().flatten().enumerate() {
        let fields: [(&str, Amount); 10] = [
            ("charge", year.charge),
            ("adjustment", year.adjustment),
            ("insurerPays", year.insurer_pays),
            ("assistance", year.assistance),
            ("patientPays", year.patient_pays),
            ("deductible", year.deductible),
            ("coinsurance", year.coinsurance),
            ("copay", year.copay),
            ("balanceBill", year.balance_bill),
            ("notCovered", year.not_covered),
        ];
        for ((name, value), (_, f)) in fields.iter().zip(AMOUNTS) {
            let lines = total(
                &mut e
                    .lines
                    .iter()
                    .filter(|l| l.date >= year.start && l.date < year.end),
                f,
            );
            if lines != i128::from(value.minor()) {
                out.push(format!(
                    "planYears[{y}].{name} is {} but its lines sum to {lines}",
                    value.minor()
                ));
            }
        }
    }
    for (i, phase) in e.phases.iter().enumerate() {
        let mine = |l: &&Line| l.phase.as_ref().is_some_and(|p| *p == phase.name);
        for (name, value, f) in [
            (
                "charge",
                phase.charge,
                (|l| l.charge) as fn(&Line) -> Amount,
            ),
            ("patientPays", phase.patient_pays, |l| l.patient_pays),
        ] {
            let lines = total(&mut e.lines.iter().filter(mine), f);
            if lines != i128::from(value.minor()) {
                out.push(format!(
                    "phases[{i}].{name} is {} but its lines sum to {lines}",
                    value.minor()
                ));
            }
        }
        let dates: Vec<coursecost::Date> = e
            .sessions
            .iter()
            .filter(|s| s.phase == phase.name)
            .map(|s| s.date)
            .collect();
        if dates.len() as u32 != phase.sessions
            || dates.first() != phase.first.as_ref()
            || dates.last() != phase.last.as_ref()
        {
            out.push(format!(
                "phases[{i}]: sessions, first or last do not match its sessions"
            ));
        }
    }
    out
}
