//! What contract version 3 adds — fee schedules, per-visit copays, copays
//! after the deductible, out-of-network terms, balance-billing rules, clinic
//! write-offs beyond a limit, family amounts, patient-filed claims and the
//! five parts of what the patient owes — each on a small plan with numbers
//! worked by hand (in the comments).

use coursecost::{Date, ErrorCode, Estimate, Line, WarningCode, estimate_json, validate_json};

fn est(json: &str) -> Estimate {
    estimate_json(json).unwrap_or_else(|e| panic!("plan should be valid: {e}"))
}

/// (adjustment, insurer, patient) of every line.
fn split(e: &Estimate) -> Vec<(i64, i64, i64)> {
    e.lines
        .iter()
        .map(|l| {
            (
                l.adjustment.minor(),
                l.insurer_pays.minor(),
                l.patient_pays.minor(),
            )
        })
        .collect()
}

/// (deductible, coinsurance, copay, balanceBill, notCovered) of a line.
fn why(l: &Line) -> (i64, i64, i64, i64, i64) {
    (
        l.deductible.minor(),
        l.coinsurance.minor(),
        l.copay.minor(),
        l.balance_bill.minor(),
        l.not_covered.minor(),
    )
}

fn whys(e: &Estimate) -> Vec<(i64, i64, i64, i64, i64)> {
    e.lines.iter().map(why).collect()
}

fn date(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

/// (code, path) of every problem.
fn problems(json: &str) -> Vec<(ErrorCode, String)> {
    validate_json(json)
        .into_iter()
        .map(|p| (p.code, p.path))
        .collect()
}

#[test]
fn a_fee_schedule_sets_the_allowed_amount_of_a_code_unless_the_line_has_its_own() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [
            {"name": "TMS", "code": "90867", "every": {"weeks": 1}, "sessions": 2, "price": 40000},
            {"name": "Other", "code": "99999", "every": {"weeks": 1}, "sessions": 1, "price": 30000, "startAfter": {"weeks": 1}}
        ],
        "fees": [{"name": "Eval", "code": "90792", "amount": 10000, "when": "once", "allowed": 6000}],
        "coverage": {"coinsurance": 20, "feeSchedule": {"90867": 25000, "90792": 9000, "99999": 50000}}
    }"#);
    // Jan 5 TMS: A = min(25,000 from the schedule, 40,000) = 25,000;
    //   adjustment 15,000; 20 % of 25,000 = 5,000; insurer 20,000.
    // Jan 5 Eval: its own allowed (6,000) wins over the schedule's 9,000;
    //   adjustment 4,000; 20 % = 1,200; insurer 4,800.
    // Jan 12 TMS: as Jan 5.
    // Jan 19 Other: the schedule's 50,000 is above the charge: A = 30,000;
    //   no adjustment; 6,000; insurer 24,000.
    assert_eq!(
        split(&e),
        [
            (15_000, 20_000, 5_000),
            (4_000, 4_800, 1_200),
            (15_000, 20_000, 5_000),
            (0, 24_000, 6_000)
        ]
    );
    let allowed: Vec<_> = e
        .lines
        .iter()
        .map(|l| l.allowed.map(|a| a.minor()))
        .collect();
    assert_eq!(
        allowed,
        [Some(25_000), Some(6_000), Some(25_000), Some(30_000)]
    );
    // Every part of the patient's share is coinsurance.
    assert_eq!(
        whys(&e),
        [
            (0, 5_000, 0, 0, 0),
            (0, 1_200, 0, 0, 0),
            (0, 5_000, 0, 0, 0),
            (0, 6_000, 0, 0, 0)
        ]
    );
}

#[test]
fn a_copay_per_visit_is_shared_by_the_medical_lines_of_a_day_and_not_by_pharmacy_fills() {
    let plan = |per: &str| {
        format!(
            r#"{{
        "start": "2026-01-05", "horizon": {{"months": 1}},
        "phases": [{{"name": "Drug", "every": {{"weeks": 1}}, "sessions": 2, "price": 50000, "benefit": "pharmacy"}}],
        "fees": [
            {{"name": "Observation", "amount": 2000, "when": "session", "covered": true}},
            {{"name": "Monitoring", "amount": 5000, "when": "session", "covered": true}}
        ],
        "coverage": {{"copay": 3000, "copayPer": "{per}", "pharmacy": {{"copay": 1000}}}}
    }}"#
        )
    };
    let e = est(&plan("visit"));
    // Each day: the drug is a pharmacy fill with its own copay of 1,000
    // (insurer 49,000). The medical lines are one visit with one copay of
    // 3,000: Observation min(2,000, 3,000) = 2,000 (insurer 0), Monitoring
    // min(5,000, 3,000 − 2,000) = 1,000 (insurer 4,000).
    let day = [(0, 49_000, 1_000), (0, 0, 2_000), (0, 4_000, 1_000)];
    assert_eq!(split(&e), [day, day].concat());
    assert!(e.lines.iter().all(|l| why(l).2 == l.patient_pays.minor()));
    assert_eq!(e.totals.copay.minor(), 8_000);
    // Per line (the default), Monitoring pays its own 3,000 (insurer 2,000).
    let e = est(&plan("line"));
    let day = [(0, 49_000, 1_000), (0, 0, 2_000), (0, 2_000, 3_000)];
    assert_eq!(split(&e), [day, day].concat());
}

#[test]
fn a_copay_after_the_deductible_charges_the_deductible_first_on_each_benefit() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [
            {"name": "IV", "every": {"weeks": 1}, "sessions": 3, "price": 30000},
            {"name": "Drug", "every": {"weeks": 1}, "sessions": 2, "price": 2000, "benefit": "pharmacy"}
        ],
        "coverage": {"deductible": 50000, "copay": 4000, "copayAfterDeductible": true,
                     "pharmacy": {"deductible": 1500, "copay": 1000, "copayAfterDeductible": true}}
    }"#);
    // The phases run one after the other: IV on Jan 5, 12, 19; Drug on Jan 26 and Feb 2.
    // IV 1: d = min(30,000, 50,000) = 30,000; copay min(4,000, 0) = 0; share 30,000.
    // IV 2: d = min(30,000, 20,000) = 20,000; copay min(4,000, 10,000) = 4,000;
    //   share 24,000; insurer 6,000.
    // IV 3: d = 0; copay 4,000; insurer 26,000.
    // Drug 1: d = min(2,000, 1,500) = 1,500; copay min(1,000, 500) = 500;
    //   share 2,000; insurer 0.  Drug 2: d = 0; copay 1,000; insurer 1,000.
    assert_eq!(
        split(&e),
        [
            (0, 0, 30_000),
            (0, 6_000, 24_000),
            (0, 26_000, 4_000),
            (0, 0, 2_000),
            (0, 1_000, 1_000)
        ]
    );
    assert_eq!(
        whys(&e),
        [
            (30_000, 0, 0, 0, 0),
            (20_000, 0, 4_000, 0, 0),
            (0, 0, 4_000, 0, 0),
            (1_500, 0, 500, 0, 0),
            (0, 0, 1_000, 0, 0)
        ]
    );
    // The deductible counts as with coinsurance: 50,000 medical, 1,500 pharmacy.
    let y = &e.plan_years.as_ref().expect("plan years")[0];
    assert_eq!(y.deductible_applied.minor(), 50_000);
    assert_eq!(
        y.pharmacy_deductible_applied.map(|a| a.minor()),
        Some(1_500)
    );
}

#[test]
fn out_of_network_terms_have_their_own_deductible_and_maximum() {
    let plan = |network: &str| {
        format!(
            r#"{{
        "start": "2026-01-05", "horizon": {{"months": 1}},
        "phases": [{{"name": "IV", "every": {{"weeks": 1}}, "sessions": 3, "price": 60000, "allowed": 40000}}],
        "coverage": {{"network": "{network}", "deductible": 10000, "coinsurance": 10,
                     "outOfNetwork": {{"deductible": 50000, "coinsurance": 40, "outOfPocketMax": 80000}}}}
    }}"#
        )
    };
    let e = est(&plan("out"));
    // A = 40,000; balance bill 20,000 on each line (out of network, "full").
    // 1: d = min(40,000, 50,000) = 40,000; share 40,000; insurer 0; owed 60,000.
    // 2: d = 10,000; 40 % of 30,000 = 12,000; share 22,000 (40,000 of the
    //    maximum left); insurer 18,000; owed 42,000.
    // 3: 40 % of 40,000 = 16,000, capped by the 18,000 left: 16,000;
    //    insurer 24,000; owed 36,000.
    assert_eq!(
        split(&e),
        [(0, 0, 60_000), (0, 18_000, 42_000), (0, 24_000, 36_000)]
    );
    assert_eq!(
        whys(&e),
        [
            (40_000, 0, 0, 20_000, 0),
            (10_000, 12_000, 0, 20_000, 0),
            (0, 16_000, 0, 20_000, 0)
        ]
    );
    // The plan year reports the out-of-network accumulators.
    let y = &e.plan_years.as_ref().expect("plan years")[0];
    assert_eq!(
        (y.deductible_applied.minor(), y.out_of_pocket.minor()),
        (50_000, 78_000)
    );
    // In network the block is unused: adjustment 20,000; d = 10,000 and
    // 10 % of 30,000 = 3,000 → 13,000; then 10 % of 40,000 = 4,000.
    let e = est(&plan("in"));
    assert_eq!(
        split(&e),
        [
            (20_000, 27_000, 13_000),
            (20_000, 36_000, 4_000),
            (20_000, 36_000, 4_000)
        ]
    );
}

#[test]
fn balance_billing_none_writes_the_difference_off_out_of_network() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [{"name": "IV", "every": {"weeks": 1}, "sessions": 1, "price": 60000, "allowed": 40000}],
        "coverage": {"network": "out", "coinsurance": 20, "balanceBilling": "none"}
    }"#);
    // A = 40,000; charge − A = 20,000 is written off; 20 % of 40,000 = 8,000.
    assert_eq!(split(&e), [(20_000, 32_000, 8_000)]);
    assert_eq!(whys(&e), [(0, 8_000, 0, 0, 0)]);
}

#[test]
fn balance_billing_medicare_shares_on_95_percent_and_bills_up_to_the_limiting_charge() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [
            {"name": "ECT", "every": {"weeks": 1}, "sessions": 1, "price": 20000, "allowed": 12345},
            {"name": "Cheap", "every": {"weeks": 1}, "sessions": 1, "price": 10000, "allowed": 10000, "startAfter": {"weeks": 1}}
        ],
        "coverage": {"type": "government", "network": "out", "coinsurance": 20, "balanceBilling": "medicare"}
    }"#);
    // ECT: A' = round(12,345 × 95 %) = round(11,727.75) = 11,728.
    //   L = round(11,728 × 115 %) = round(13,487.2) = 13,487.
    //   balance = min(20,000, 13,487) − 11,728 = 1,759;
    //   adjustment = 20,000 − 11,728 − 1,759 = 6,513.
    //   share = round(11,728 × 20 %) = round(2,345.6) = 2,346; insurer 9,382;
    //   owed 2,346 + 1,759 = 4,105.
    // Cheap: A' = 9,500; L = round(10,925) = 10,925; the charge is below it:
    //   balance = 10,000 − 9,500 = 500; adjustment 0; share 1,900;
    //   insurer 7,600; owed 2,400.
    assert_eq!(split(&e), [(6_513, 9_382, 4_105), (0, 7_600, 2_400)]);
    assert_eq!(whys(&e), [(0, 2_346, 0, 1_759, 0), (0, 1_900, 0, 500, 0)]);
    assert_eq!(e.lines[0].allowed.map(|a| a.minor()), Some(11_728));
    // In network, "medicare" changes nothing: A = 12,345, adjustment 7,655,
    // share 2,469, insurer 9,876.
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [{"name": "ECT", "every": {"weeks": 1}, "sessions": 1, "price": 20000, "allowed": 12345}],
        "coverage": {"type": "government", "coinsurance": 20, "balanceBilling": "medicare"}
    }"#);
    assert_eq!(split(&e), [(7_655, 9_876, 2_469)]);
}

#[test]
fn beyond_a_clinic_limit_the_session_and_its_session_fees_are_written_off() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 2},
        "phases": [{"name": "TMS", "every": {"weeks": 1}, "sessions": 3, "price": 10000}],
        "fees": [
            {"name": "Motor threshold", "amount": 2000, "when": "session", "covered": true},
            {"name": "Parking", "amount": 500, "when": "session", "covered": false}
        ],
        "coverage": {"coinsurance": 20, "limits": [
            {"phases": ["TMS"], "sessions": 2, "per": "course"},
            {"phases": ["TMS"], "sessions": 2, "beyond": "clinic"}
        ]}
    }"#);
    // Sessions 1–2 are covered: 20 % of 10,000 = 2,000 and of 2,000 = 400;
    // parking (not covered) 500 each.
    // Session 3 (Jan 19): both limits are full; "clinic" wins: the session
    // and its covered session fee are written off in full; parking stays
    // the patient's.
    let covered = [(0, 8_000, 2_000), (0, 1_600, 400), (0, 0, 500)];
    assert_eq!(
        split(&e),
        [
            covered,
            covered,
            [(10_000, 0, 0), (2_000, 0, 0), (0, 0, 500)]
        ]
        .concat()
    );
    let third = &e.lines[6..];
    assert!(
        third
            .iter()
            .all(|l| !l.covered && l.allowed.is_none() && l.benefit.is_none())
    );
    assert_eq!(
        third.iter().map(why).collect::<Vec<_>>(),
        [(0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 500)]
    );
    // Per limit in limit order: the first limit's refusal, then the
    // second's refusal and its write-off, all on Jan 19.
    let w: Vec<_> = e
        .warnings
        .iter()
        .map(|w| (w.code, w.path.as_str(), w.date))
        .collect();
    let jan19 = Some(date("2026-01-19"));
    assert_eq!(
        w,
        [
            (
                WarningCode::CoverageLimitReached,
                "coverage.limits[0]",
                jan19
            ),
            (
                WarningCode::CoverageLimitReached,
                "coverage.limits[1]",
                jan19
            ),
            (
                WarningCode::WrittenOffBeyondLimit,
                "coverage.limits[1]",
                jan19
            )
        ]
    );
    assert_eq!(e.totals.adjustment.minor(), 12_000);
    assert_eq!(e.totals.not_covered.minor(), 1_500);
}

#[test]
fn a_family_deductible_met_by_others_ends_the_patients_deductible_early() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [{"name": "IV", "every": {"weeks": 1}, "sessions": 2, "price": 50000}],
        "coverage": {"deductible": 100000, "coinsurance": 20,
                     "family": {"deductible": 150000, "deductibleMet": 120000}}
    }"#);
    // Left: the patient's 100,000, the family's 30,000: the smaller, 30,000.
    // 1: d = 30,000; 20 % of 20,000 = 4,000; share 34,000; insurer 16,000.
    //    The family's deductible goes from 30,000 to 0: a warning.
    // 2: d = min(50,000, min(70,000, 0)) = 0; 10,000; insurer 40,000.
    assert_eq!(split(&e), [(0, 16_000, 34_000), (0, 40_000, 10_000)]);
    assert_eq!(whys(&e), [(30_000, 4_000, 0, 0, 0), (0, 10_000, 0, 0, 0)]);
    let w: Vec<_> = e
        .warnings
        .iter()
        .map(|w| (w.code, w.path.as_str(), w.date))
        .collect();
    assert_eq!(
        w,
        [(
            WarningCode::FamilyDeductibleMet,
            "coverage.family.deductible",
            Some(date("2026-01-05"))
        )]
    );
}

#[test]
fn a_family_maximum_caps_the_patient_without_a_maximum_of_their_own_and_resets_in_full() {
    let e = est(r#"{
        "start": "2026-12-07", "horizon": {"months": 2},
        "phases": [{"name": "IV", "every": {"weeks": 4}, "sessions": 3, "price": 50000}],
        "coverage": {"coinsurance": 20, "family": {"outOfPocketMax": 15000, "outOfPocketMet": 5000}}
    }"#);
    // Dec 7: 20 % of 50,000 = 10,000; the family has 10,000 left: share
    //   10,000, met (a warning); insurer 40,000.
    // Jan 4 (a new plan year: the met amount was the first year's only, so
    //   15,000 left): 10,000; 5,000 left.
    // Feb 1 (the estimate ends 2027-02-07): 10,000 capped by the 5,000
    //   left: 5,000; insurer 45,000. The family's maximum is met again,
    //   but the warning is given once.
    assert_eq!(
        split(&e),
        [(0, 40_000, 10_000), (0, 40_000, 10_000), (0, 45_000, 5_000)]
    );
    let w: Vec<_> = e.warnings.iter().map(|w| (w.code, w.date)).collect();
    // Once per estimate: on the first line that brings it to 0.
    assert_eq!(
        w,
        [(WarningCode::FamilyOutOfPocketMet, Some(date("2026-12-07")))]
    );
}

#[test]
fn patient_filed_claims_are_paid_at_the_visit_and_reimbursed_later() {
    let e = est(r#"{
        "start": "2026-01-15", "horizon": {"months": 3},
        "phases": [{"name": "IV", "every": {"months": 1}, "sessions": 3, "price": 10000}],
        "coverage": {"coinsurance": 20, "claims": "patient", "reimbursementDays": 60}
    }"#);
    // Sessions Jan 15, Feb 15, Mar 15; the estimate ends 2026-04-15
    // (months Jan–Apr). Each: insurer 8,000, patient 2,000; paid at the
    // visit 10,000. Reimbursed 60 days later:
    //   Jan 15 + 60 = Mar 16 (16 days to Jan 31, 28 to Feb 28, 16 more);
    //   Feb 15 + 60 = Apr 16 (13 + 31 + 16) — after `end`, inside April;
    //   Mar 15 + 60 = May 14 (16 + 30 + 14) — after the last month.
    let cash: Vec<_> = e
        .lines
        .iter()
        .map(|l| (l.paid_at_visit.map(|a| a.minor()), l.reimbursed_on))
        .collect();
    assert_eq!(
        cash,
        [
            (Some(10_000), Some(date("2026-03-16"))),
            (Some(10_000), Some(date("2026-04-16"))),
            (Some(10_000), Some(date("2026-05-14")))
        ]
    );
    let months: Vec<_> = e
        .months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.paid.map(|a| a.minor()),
                m.reimbursed.map(|a| a.minor()),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-01", Some(10_000), Some(0)),
            ("2026-02", Some(10_000), Some(0)),
            ("2026-03", Some(10_000), Some(8_000)),
            ("2026-04", Some(0), Some(8_000))
        ]
    );
    let t = &e.totals;
    assert_eq!(
        (
            t.paid.map(|a| a.minor()),
            t.reimbursed.map(|a| a.minor()),
            t.reimbursed_after_horizon.map(|a| a.minor())
        ),
        (Some(30_000), Some(16_000), Some(8_000))
    );
    // The amounts themselves do not change.
    assert_eq!(
        (t.insurer_pays.minor(), t.patient_pays.minor()),
        (24_000, 6_000)
    );
}

#[test]
fn claims_default_to_the_clinic_and_a_patient_claim_waits_30_days_by_default() {
    let plan = |claims: &str| {
        format!(
            r#"{{"start": "2026-01-05", "horizon": {{"months": 2}},
            "phases": [{{"name": "IV", "every": {{"weeks": 1}}, "sessions": 1, "price": 10000}}],
            "coverage": {{"coinsurance": 20{claims}}}}}"#
        )
    };
    let e = est(&plan(""));
    assert_eq!(e.lines[0].paid_at_visit, None);
    assert_eq!(e.totals.reimbursed, None);
    assert!(e.months.iter().all(|m| m.paid.is_none()));
    // Jan 5 + 30 days = Feb 4.
    let e = est(&plan(r#", "claims": "patient""#));
    assert_eq!(e.lines[0].reimbursed_on, Some(date("2026-02-04")));
    assert_eq!(e.months[1].reimbursed.map(|a| a.minor()), Some(8_000));
}

#[test]
fn every_line_says_why_including_self_pay_and_packages() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 1},
        "phases": [{"name": "IV", "every": {"weeks": 1}, "sessions": 4, "price": 40000}],
        "packages": [{"name": "Three", "phase": "IV", "sessions": 3, "price": 100000}],
        "fees": [{"name": "Consult", "amount": 25000, "when": "once"}]
    }"#);
    // Self-pay: the package (100,000), one session (40,000) and the consult
    // (25,000) are not covered: each line's notCovered is its charge.
    assert!(
        e.lines
            .iter()
            .all(|l| why(l) == (0, 0, 0, 0, l.charge.minor()))
    );
    assert_eq!(e.totals.not_covered.minor(), 165_000);
    assert_eq!(e.months[0].not_covered.minor(), 165_000);
}

#[test]
fn each_bad_version_3_value_is_a_problem_at_its_path() {
    let plan = |coverage: &str| {
        format!(
            r#"{{"start": "2026-01-05",
            "phases": [{{"name": "IV", "every": {{"weeks": 1}}, "sessions": 1, "price": 1000}}],
            "coverage": {coverage}}}"#
        )
    };
    let cases: &[(&str, ErrorCode, &str)] = &[
        (
            r#"{"feeSchedule": []}"#,
            ErrorCode::InvalidType,
            "coverage.feeSchedule",
        ),
        (
            r#"{"feeSchedule": {"90867": -1}}"#,
            ErrorCode::OutOfRange,
            "coverage.feeSchedule.90867",
        ),
        (
            r#"{"feeSchedule": {"90867": "1"}}"#,
            ErrorCode::InvalidType,
            "coverage.feeSchedule.90867",
        ),
        (
            r#"{"feeSchedule": {"ABCDEFGHIJKLMNOPQRSTU": 1}}"#,
            ErrorCode::OutOfRange,
            "coverage.feeSchedule.ABCDEFGHIJKLMNOPQRSTU",
        ),
        (
            r#"{"copayPer": "day"}"#,
            ErrorCode::InvalidValue,
            "coverage.copayPer",
        ),
        (
            r#"{"copayPer": 1}"#,
            ErrorCode::InvalidType,
            "coverage.copayPer",
        ),
        (
            r#"{"copayAfterDeductible": true}"#,
            ErrorCode::ConflictingFields,
            "coverage.copayAfterDeductible",
        ),
        (
            r#"{"pharmacy": {"copayAfterDeductible": true}}"#,
            ErrorCode::ConflictingFields,
            "coverage.pharmacy.copayAfterDeductible",
        ),
        (
            r#"{"outOfNetwork": {"copayAfterDeductible": true}}"#,
            ErrorCode::ConflictingFields,
            "coverage.outOfNetwork.copayAfterDeductible",
        ),
        (
            r#"{"copayAfterDeductible": "yes", "copay": 1}"#,
            ErrorCode::InvalidType,
            "coverage.copayAfterDeductible",
        ),
        (
            r#"{"outOfNetwork": {"planYearStart": "07-01"}}"#,
            ErrorCode::UnknownField,
            "coverage.outOfNetwork.planYearStart",
        ),
        (
            r#"{"outOfNetwork": {"deductible": 1, "deductibleMet": 2}}"#,
            ErrorCode::OutOfRange,
            "coverage.outOfNetwork.deductibleMet",
        ),
        (
            r#"{"outOfNetwork": 5}"#,
            ErrorCode::InvalidType,
            "coverage.outOfNetwork",
        ),
        (
            r#"{"balanceBilling": "some"}"#,
            ErrorCode::InvalidValue,
            "coverage.balanceBilling",
        ),
        (
            r#"{"balanceBilling": "medicare"}"#,
            ErrorCode::ConflictingFields,
            "coverage.balanceBilling",
        ),
        (
            r#"{"family": {"deductibel": 1}}"#,
            ErrorCode::UnknownField,
            "coverage.family.deductibel",
        ),
        (
            r#"{"family": {"deductibleMet": 1}}"#,
            ErrorCode::ConflictingFields,
            "coverage.family.deductibleMet",
        ),
        (
            r#"{"family": {"outOfPocketMet": 1}}"#,
            ErrorCode::ConflictingFields,
            "coverage.family.outOfPocketMet",
        ),
        (
            r#"{"family": {"deductible": 1, "deductibleMet": 2}}"#,
            ErrorCode::OutOfRange,
            "coverage.family.deductibleMet",
        ),
        (
            r#"{"family": {"outOfPocketMax": 1, "outOfPocketMet": 2}}"#,
            ErrorCode::OutOfRange,
            "coverage.family.outOfPocketMet",
        ),
        (
            r#"{"deductible": 500, "family": {"deductible": 400}}"#,
            ErrorCode::OutOfRange,
            "coverage.family.deductible",
        ),
        (
            r#"{"outOfPocketMax": 500, "family": {"outOfPocketMax": 400}}"#,
            ErrorCode::OutOfRange,
            "coverage.family.outOfPocketMax",
        ),
        (
            r#"{"family": {"deductible": -1}}"#,
            ErrorCode::OutOfRange,
            "coverage.family.deductible",
        ),
        (
            r#"{"claims": "member"}"#,
            ErrorCode::InvalidValue,
            "coverage.claims",
        ),
        (
            r#"{"reimbursementDays": 10}"#,
            ErrorCode::ConflictingFields,
            "coverage.reimbursementDays",
        ),
        (
            r#"{"claims": "patient", "reimbursementDays": 366}"#,
            ErrorCode::OutOfRange,
            "coverage.reimbursementDays",
        ),
        (
            r#"{"claims": "patient", "reimbursementDays": -1}"#,
            ErrorCode::OutOfRange,
            "coverage.reimbursementDays",
        ),
        (
            r#"{"claims": "patient", "reimbursementDays": 1.5}"#,
            ErrorCode::InvalidType,
            "coverage.reimbursementDays",
        ),
        (
            r#"{"limits": [{"phases": ["IV"], "sessions": 1, "beyond": "insurer"}]}"#,
            ErrorCode::InvalidValue,
            "coverage.limits[0].beyond",
        ),
    ];
    for (coverage, code, path) in cases {
        assert_eq!(
            problems(&plan(coverage)),
            [(*code, path.to_string())],
            "{coverage}"
        );
    }
    // More than 200 codes, refused as a whole.
    let many: Vec<String> = (0..201).map(|i| format!(r#""C{i}": 1"#)).collect();
    assert_eq!(
        problems(&plan(&format!(
            r#"{{"feeSchedule": {{{}}}}}"#,
            many.join(",")
        ))),
        [(ErrorCode::OutOfRange, "coverage.feeSchedule".to_string())]
    );
    // 200 are fine, null means absent everywhere, and the edges are valid.
    let ok: Vec<String> = (0..200).map(|i| format!(r#""C{i}": 1"#)).collect();
    for coverage in [
        format!(r#"{{"feeSchedule": {{{}}}}}"#, ok.join(",")),
        r#"{"feeSchedule": null, "copayPer": null, "outOfNetwork": null, "balanceBilling": null, "family": null, "claims": null, "reimbursementDays": null, "copayAfterDeductible": null}"#.to_string(),
        r#"{"feeSchedule": {"X": null}, "family": {"deductible": null, "deductibleMet": null}}"#.to_string(),
        r#"{"claims": "patient", "reimbursementDays": 0}"#.to_string(),
        r#"{"claims": "patient", "reimbursementDays": 365}"#.to_string(),
        r#"{"copayPer": "visit"}"#.to_string(),
        r#"{"network": "in", "outOfNetwork": {"coinsurance": 50}}"#.to_string(),
        r#"{"type": "government", "network": "in", "balanceBilling": "medicare"}"#.to_string(),
        r#"{"deductible": 500, "family": {"deductible": 500, "deductibleMet": 500}}"#.to_string(),
    ] {
        assert_eq!(problems(&plan(&coverage)), [], "{coverage}");
    }
}

/// The five parts: (deductible, coinsurance, copay, balanceBill, notCovered).
type Parts = (i64, i64, i64, i64, i64);

/// A golden example's plan, estimated.
fn golden(name: &str) -> Estimate {
    let path = format!(
        "{}/tests/golden/{name}.plan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    est(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// (charge, adjustment, insurerPays, patientPays) of the totals, then the
/// five parts (deductible, coinsurance, copay, balanceBill, notCovered).
fn totals(e: &Estimate) -> ((i64, i64, i64, i64), Parts) {
    let t = &e.totals;
    (
        (
            t.charge.minor(),
            t.adjustment.minor(),
            t.insurer_pays.minor(),
            t.patient_pays.minor(),
        ),
        (
            t.deductible.minor(),
            t.coinsurance.minor(),
            t.copay.minor(),
            t.balance_bill.minor(),
            t.not_covered.minor(),
        ),
    )
}

#[test]
fn golden_18_tms_with_a_fee_schedule_and_a_clinic_limit_as_worked_by_hand() {
    let e = golden("18-v3-tms-fee-schedule-clinic-limit");
    // Sessions Mon/Wed/Fri from 2 March: 2, 4, 6, 9, 11, 13, 16, 18 March.
    // The schedule allows 15,000 for a session (90868, charged 30,000) and
    // 25,000 for mapping (90867, charged 50,000): in network the rest is
    // adjusted. Deductible 20,000, then 20 %.
    //   2 Mar session: d = 15,000; patient 15,000, insurer 0; 5,000 left.
    //   2 Mar mapping: d = 5,000 + 20 % of 20,000 = 4,000; patient 9,000,
    //     insurer 16,000.
    //   Sessions 2–6: 20 % of 15,000 = 3,000; insurer 12,000 (× 5).
    //   Sessions 7–8 (16 and 18 March): beyond the limit of 6, "clinic":
    //     written off, 30,000 each.
    // charge 8 × 30,000 + 50,000 = 290,000;
    // adjustment 6 × 15,000 + 25,000 + 2 × 30,000 = 175,000;
    // insurer 16,000 + 5 × 12,000 = 76,000;
    // patient 15,000 + 9,000 + 5 × 3,000 = 39,000
    //   = deductible 20,000 + coinsurance 4,000 + 15,000.
    assert_eq!(
        totals(&e),
        (
            (290_000, 175_000, 76_000, 39_000),
            (20_000, 19_000, 0, 0, 0)
        )
    );
    let w: Vec<_> = e.warnings.iter().map(|w| (w.code, w.date)).collect();
    let mar16 = Some(date("2026-03-16"));
    assert_eq!(
        w,
        [
            (WarningCode::CoverageLimitReached, mar16),
            (WarningCode::WrittenOffBeyondLimit, mar16)
        ]
    );
}

#[test]
fn golden_19_spravato_with_a_copay_per_visit_after_a_family_deductible_as_worked_by_hand() {
    let e = golden("19-v3-spravato-visit-copay-family");
    // Sessions Mon/Thu from 5 January: 5, 8, 12, 15 January, each with an
    // observation fee of 20,000. Spravato is charged 90,000, allowed
    // 70,000 (20,000 adjusted). Deductible left: the patient's 100,000,
    // the family's 200,000 − 150,000 = 50,000: 50,000.
    //   5 Jan Spravato: d = 50,000; copay min(5,000, 20,000) = 5,000;
    //     patient 55,000, insurer 15,000; the family's deductible is met.
    //   5 Jan observation: d = 0; the visit's copay is used up: 0;
    //     insurer 20,000.
    //   Later visits: Spravato copay 5,000, insurer 65,000; observation 0,
    //     insurer 20,000.
    // charge 4 × 110,000 = 440,000; adjustment 4 × 20,000 = 80,000;
    // patient 55,000 + 3 × 5,000 = 70,000 (deductible 50,000, copays
    // 4 × 5,000 = 20,000); insurer 440,000 − 80,000 − 70,000 = 290,000.
    assert_eq!(
        totals(&e),
        (
            (440_000, 80_000, 290_000, 70_000),
            (50_000, 0, 20_000, 0, 0)
        )
    );
    let w: Vec<_> = e.warnings.iter().map(|w| (w.code, w.date)).collect();
    assert_eq!(
        w,
        [(WarningCode::FamilyDeductibleMet, Some(date("2026-01-05")))]
    );
}

#[test]
fn golden_20_a_superbill_out_of_network_as_worked_by_hand() {
    let e = golden("20-v3-superbill-out-of-network");
    // Sessions Mon/Wed/Fri from 5 January: 5, 7, 9, 12, 14, 16 January,
    // charged 50,000; the schedule allows 30,000; out of network the
    // 20,000 above it is a balance bill. Out-of-network terms: deductible
    // 40,000, then 30 %.
    //   5 Jan: d = 30,000; insurer 0; owed 30,000 + 20,000 = 50,000.
    //   7 Jan: d = 10,000 + 30 % of 20,000 = 6,000; insurer 14,000; owed 36,000.
    //   Then 30 % of 30,000 = 9,000; insurer 21,000; owed 29,000 (× 4).
    // insurer 14,000 + 4 × 21,000 = 98,000; patient 50,000 + 36,000 +
    // 4 × 29,000 = 202,000 = deductible 40,000 + coinsurance 6,000 +
    // 36,000 + balance bills 6 × 20,000 = 120,000.
    // Claims filed by the patient: paid at the visits 300,000 (January).
    // Reimbursed 45 days later: 7 Jan → 21 Feb, 9 Jan → 23 Feb,
    // 12 Jan → 26 Feb, 14 Jan → 28 Feb (after the end, 5 Feb, but in
    // February, the last month): 14,000 + 3 × 21,000 = 77,000;
    // 16 Jan → 2 Mar, after the last month: 21,000.
    assert_eq!(
        totals(&e),
        (
            (300_000, 0, 98_000, 202_000),
            (40_000, 42_000, 0, 120_000, 0)
        )
    );
    let t = &e.totals;
    assert_eq!(
        (t.paid, t.reimbursed, t.reimbursed_after_horizon),
        (
            Some(coursecost::Amount::new(300_000)),
            Some(coursecost::Amount::new(77_000)),
            Some(coursecost::Amount::new(21_000))
        )
    );
    let months: Vec<_> = e
        .months
        .iter()
        .map(|m| (m.paid.map(|a| a.minor()), m.reimbursed.map(|a| a.minor())))
        .collect();
    assert_eq!(months, [(Some(300_000), Some(0)), (Some(0), Some(77_000))]);
    assert_eq!(e.lines[0].reimbursed_on, None);
    assert_eq!(e.lines[1].reimbursed_on, Some(date("2026-02-21")));
}
