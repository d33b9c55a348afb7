//! What contract version 2 adds — two benefits, allowed amounts and
//! networks, coverage limits, programme eligibility and the accumulator rule
//! — each on a small plan with numbers worked by hand (in the comments).

use coursecost::{Benefit, Estimate, WarningCode, estimate_json};

fn est(json: &str) -> Estimate {
    estimate_json(json).unwrap_or_else(|e| panic!("plan should be valid: {e}"))
}

/// (insurer, patient) of every line.
fn split(e: &Estimate) -> Vec<(i64, i64)> {
    e.lines
        .iter()
        .map(|l| (l.insurer_pays.minor(), l.patient_pays.minor()))
        .collect()
}

#[test]
fn a_plan_year_crossing_restarts_both_benefits_deductibles() {
    let e = est(r#"{
        "start": "2026-12-07", "horizon": {"months": 2},
        "phases": [{"name": "Drug", "every": {"weeks": 1}, "sessions": 5, "price": 50000, "benefit": "pharmacy"}],
        "fees": [{"name": "Visit", "amount": 20000, "when": "session"}],
        "coverage": {"deductible": 30000, "coinsurance": 10, "pharmacy": {"deductible": 40000, "coinsurance": 20}}
    }"#);
    // Dec 7:  drug 40,000 deductible + 20% of 10,000 = 42,000; visit 20,000 (medical deductible).
    // Dec 14: drug 20% = 10,000; visit 10,000 deductible + 10% of 10,000 = 11,000.
    // Dec 21, 28: drug 10,000; visit 2,000.
    // Jan 4 (a new plan year): both deductibles again: drug 42,000, visit 20,000.
    assert_eq!(
        split(&e),
        [
            (8_000, 42_000),
            (0, 20_000),
            (40_000, 10_000),
            (9_000, 11_000),
            (40_000, 10_000),
            (18_000, 2_000),
            (40_000, 10_000),
            (18_000, 2_000),
            (8_000, 42_000),
            (0, 20_000)
        ]
    );
    assert_eq!(e.lines[0].benefit, Some(Benefit::Pharmacy));
    assert_eq!(e.lines[1].benefit, Some(Benefit::Medical));
    let years = e.plan_years.as_ref().expect("plan years with coverage");
    let y: Vec<_> = years
        .iter()
        .map(|y| {
            (
                y.deductible_applied.minor(),
                y.out_of_pocket.minor(),
                y.pharmacy_deductible_applied.map(|a| a.minor()),
                y.pharmacy_out_of_pocket.map(|a| a.minor()),
            )
        })
        .collect();
    // Without a pharmacy maximum the out-of-pocket is integrated: pharmacy
    // shares count toward the medical accumulator (72,000 + 35,000 in 2026).
    assert_eq!(
        y,
        [
            (30_000, 107_000, Some(40_000), Some(0)),
            (20_000, 62_000, Some(40_000), Some(0))
        ]
    );
    assert_eq!(e.totals.patient_pays.minor(), 169_000);
    assert_eq!(e.totals.insurer_pays.minor(), 181_000);
}

#[test]
fn a_limit_shared_by_two_phases_refuses_the_later_sessions_and_their_fees() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 2},
        "phases": [
            {"name": "TMS", "every": {"weekdays": ["mon", "tue", "wed", "thu", "fri"]}, "sessions": 3, "price": 10000},
            {"name": "Taper", "every": {"weeks": 1}, "sessions": 3, "price": 10000}
        ],
        "fees": [{"name": "Monitoring", "amount": 500, "when": "session"}],
        "coverage": {"copay": 1000, "limits": [{"phases": ["TMS", "Taper"], "sessions": 4}]}
    }"#);
    // TMS Jan 5, 6, 7; Taper a week after the last: Jan 14, 21, 28.
    // The first four sessions are covered (copay 1,000; the fee's copay is
    // capped at its 500); Jan 21 and 28 are refused, with their fees.
    let covered: Vec<(String, bool)> = e
        .lines
        .iter()
        .map(|l| (l.date.to_string(), l.covered))
        .collect();
    let expect = |d: &str, c: bool| [(d.to_string(), c), (d.to_string(), c)];
    let want: Vec<(String, bool)> = [
        expect("2026-01-05", true),
        expect("2026-01-06", true),
        expect("2026-01-07", true),
        expect("2026-01-14", true),
        expect("2026-01-21", false),
        expect("2026-01-28", false),
    ]
    .concat();
    assert_eq!(covered, want);
    assert_eq!(e.totals.charge.minor(), 63_000);
    assert_eq!(e.totals.insurer_pays.minor(), 4 * 9_000);
    assert_eq!(
        e.totals.patient_pays.minor(),
        4 * 1_000 + 4 * 500 + 2 * 10_500
    );
    assert_eq!(e.warnings.len(), 1);
    let w = &e.warnings[0];
    assert_eq!(
        (w.code, w.path.as_str(), w.date.map(|d| d.to_string())),
        (
            WarningCode::CoverageLimitReached,
            "coverage.limits[0]",
            Some("2026-01-21".to_string())
        )
    );
    // A refused line has no benefit or allowed amount.
    assert!(e.lines[8].benefit.is_none() && e.lines[8].allowed.is_none());
}

#[test]
fn an_accumulator_plan_whose_card_runs_out_mid_year() {
    let plan = |accumulator: bool| {
        format!(
            r#"{{
            "start": "2026-03-02", "horizon": {{"months": 3}},
            "phases": [{{"name": "Spravato", "every": {{"weeks": 1}}, "sessions": 8, "price": 100000}}],
            "coverage": {{"deductible": 300000, "coinsurance": 20, "outOfPocketMax": 600000, "accumulator": {accumulator}}},
            "assistance": [{{"name": "Card", "patientPaysAtMost": 1000, "annualMax": 250000, "requires": "commercial"}}]
        }}"#
        )
    };
    let e = est(&plan(true));
    // Only the patient's own money counts toward the deductible:
    // Mar 2, 9: share 100,000, the card pays 99,000, the deductible falls by 1,000 each.
    // Mar 16: the card has 52,000 left: the patient pays 48,000 (deductible left 250,000).
    // Mar 23, 30: 100,000 each (deductible left 50,000).
    // Apr 6: 50,000 + 20% of 50,000 = 60,000. Apr 13, 20: 20% = 20,000.
    let patient: Vec<i64> = e.lines.iter().map(|l| l.patient_pays.minor()).collect();
    assert_eq!(
        patient,
        [
            1_000, 1_000, 48_000, 100_000, 100_000, 60_000, 20_000, 20_000
        ]
    );
    assert_eq!(e.totals.assistance.minor(), 250_000);
    assert_eq!(e.totals.insurer_pays.minor(), 200_000);
    let w = &e.warnings[0];
    assert_eq!(
        (w.code, w.date.map(|d| d.to_string())),
        (
            WarningCode::AssistanceExhausted,
            Some("2026-03-16".to_string())
        )
    );
    // Without the accumulator the card's money counts too: the deductible
    // is met by the third session and the patient pays less in all.
    let plain = est(&plan(false));
    assert_eq!(plain.totals.assistance.minor(), 250_000);
    assert!(plain.totals.patient_pays < e.totals.patient_pays);
    // The same card refuses a government plan.
    let medicare = est(&plan(true).replace(
        r#""accumulator": true"#,
        r#""accumulator": true, "type": "government""#,
    ));
    assert_eq!(medicare.totals.assistance.minor(), 0);
    assert_eq!(
        medicare.warnings[0].code,
        WarningCode::AssistanceNotEligible
    );
}

#[test]
fn an_out_of_network_line_bills_the_balance_and_a_programme_pays_toward_it() {
    let plan = |network: &str| {
        format!(
            r#"{{
            "start": "2026-01-05", "horizon": {{"weeks": 2}},
            "phases": [{{"name": "IV", "every": {{"weeks": 1}}, "sessions": 2, "price": 80000, "allowed": 50000}}],
            "coverage": {{"coinsurance": 30, "network": "{network}"}},
            "assistance": [{{"name": "Fund", "patientPaysAtMost": 5000}}]
        }}"#
        )
    };
    // Out of network: allowed 50,000, balance 30,000 billed; 30% of 50,000 =
    // 15,000 share; insurer 35,000; owed 45,000, the fund pays 40,000.
    let out = est(&plan("out"));
    let l = &out.lines[0];
    assert_eq!(
        (
            l.allowed.map(|a| a.minor()),
            l.adjustment.minor(),
            l.insurer_pays.minor(),
            l.assistance.minor(),
            l.patient_pays.minor()
        ),
        (Some(50_000), 0, 35_000, 40_000, 5_000)
    );
    // The balance bill counts toward nothing: only the shares are out of pocket.
    let years = out.plan_years.as_ref().expect("plan years");
    assert_eq!(years[0].out_of_pocket.minor(), 2 * 15_000);
    // In network the clinic writes the 30,000 off; the fund pays 10,000.
    let inside = est(&plan("in"));
    let l = &inside.lines[0];
    assert_eq!(
        (
            l.adjustment.minor(),
            l.insurer_pays.minor(),
            l.assistance.minor(),
            l.patient_pays.minor()
        ),
        (30_000, 35_000, 10_000, 5_000)
    );
    for e in [&out, &inside] {
        let t = &e.totals;
        assert_eq!(
            t.charge,
            t.adjustment + t.insurer_pays + t.assistance + t.patient_pays
        );
    }
}
