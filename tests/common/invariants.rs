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
        check(
            l.covered || (l.adjustment.minor() == 0 && l.insurer_pays.minor() == 0),
            &|| format!("lines[{i}]: an uncovered line with insurance money"),
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
    if let Some(years) = &e.plan_years {
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
    out
}
