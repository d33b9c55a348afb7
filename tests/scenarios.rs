//! The contract's worked rules, each on a small plan with numbers checked by hand
//! (the arithmetic is in the comments).

use coursecost::{Estimate, Line, estimate_json};

fn est(json: &str) -> Estimate {
    estimate_json(json).unwrap_or_else(|e| panic!("plan should be valid: {e}"))
}

fn dates(e: &Estimate) -> Vec<String> {
    e.sessions.iter().map(|s| s.date.to_string()).collect()
}

fn patient(lines: &[Line]) -> Vec<i64> {
    lines.iter().map(|l| l.patient_pays.minor()).collect()
}

#[test]
fn iv_induction_then_four_weekly_boosters_with_consultation_over_six_months() {
    let e = est(r#"{
        "start": "2026-01-05", "horizon": {"months": 6},
        "clinic": {"closedWeekdays": ["sat", "sun"]},
        "phases": [
            {"name": "Induction", "every": {"weekdays": ["mon", "wed", "fri"]}, "sessions": 6, "price": 50000, "code": "96365"},
            {"name": "Boosters", "every": {"weeks": 4}, "price": 50000}
        ],
        "fees": [{"name": "Consultation", "amount": 25000, "when": "once"}]
    }"#);
    // Mon/Wed/Fri from Monday 5 January, then every 4 weeks from the last
    // infusion (Fri 16 Jan + 28 days = Fri 13 Feb) until 5 July (exclusive).
    assert_eq!(
        dates(&e),
        [
            "2026-01-05",
            "2026-01-07",
            "2026-01-09",
            "2026-01-12",
            "2026-01-14",
            "2026-01-16",
            "2026-02-13",
            "2026-03-13",
            "2026-04-10",
            "2026-05-08",
            "2026-06-05",
            "2026-07-03"
        ]
    );
    assert_eq!(e.end.to_string(), "2026-07-05");
    // 12 × 500.00 + 250.00 = 6,250.00, all self-pay.
    assert_eq!(e.totals.patient_pays.minor(), 625_000);
    assert_eq!(e.phases[0].charge.minor(), 300_000);
    assert_eq!(
        e.months[0].patient_pays.minor(),
        325_000,
        "January: six infusions and the consultation"
    );
    assert_eq!(e.lines[1].name, "Consultation");
    assert_eq!(e.lines[0].code.as_deref(), Some("96365"));
    assert!(e.warnings.is_empty());
}

#[test]
fn esketamine_label_schedule_reaches_the_out_of_pocket_maximum_exactly() {
    let e = est(r#"{
        "start": "2026-03-02", "horizon": {"until": "2026-12-31"},
        "phases": [
            {"name": "Weeks 1-4", "every": {"weekdays": ["mon", "thu"]}, "weeks": 4, "price": 100000, "code": "G2083"},
            {"name": "Weeks 5-8", "every": {"weeks": 1}, "weeks": 4, "price": 100000, "code": "G2083"},
            {"name": "Maintenance", "every": {"weeks": 2}, "price": 100000, "code": "G2083"}
        ],
        "coverage": {"deductible": 150000, "coinsurance": 20, "outOfPocketMax": 500000}
    }"#);
    // 8 + 4 sessions, then fortnightly from 7 May to 31 Dec: 18 more.
    assert_eq!(e.totals.sessions, 30);
    // 1,000.00 (all deductible), 500.00 + 20% × 500.00 = 600.00, then 200.00
    // each: 1,600 + 17 × 200 = 5,000.00 at the 19th session; nothing after.
    let shares = patient(&e.lines);
    assert_eq!(&shares[..3], [100_000, 60_000, 20_000]);
    assert_eq!(shares[18], 20_000);
    assert!(shares[19..].iter().all(|&s| s == 0));
    assert_eq!(e.totals.patient_pays.minor(), 500_000);
    assert_eq!(e.totals.insurer_pays.minor(), 3_000_000 - 500_000);
    let year = &e.plan_years.as_ref().expect("coverage gives plan years")[0];
    assert_eq!(
        (year.deductible_applied.minor(), year.out_of_pocket.minor()),
        (150_000, 500_000)
    );
}

#[test]
fn medicare_deductible_then_twenty_percent() {
    let e = est(r#"{
        "start": "2026-01-05",
        "phases": [{"name": "G2083", "every": {"weeks": 1}, "sessions": 3, "price": 128982}],
        "coverage": {"deductible": 28300, "coinsurance": 20}
    }"#);
    // 283.00 + 20% × (1,289.82 − 283.00) = 283.00 + 201.364 → 484.36;
    // then 20% × 1,289.82 = 257.964 → 257.96.
    assert_eq!(patient(&e.lines), [48_436, 25_796, 25_796]);
    assert_eq!(e.lines[0].insurer_pays.minor(), 128_982 - 48_436);
}

#[test]
fn copays_are_flat_never_above_the_charge_and_capped_by_out_of_pocket() {
    let e = est(r#"{
        "start": "2026-01-05",
        "phases": [
            {"name": "Cheap", "every": {"weeks": 1}, "sessions": 1, "price": 3000},
            {"name": "Visit", "every": {"weeks": 1}, "sessions": 3, "price": 10000}
        ],
        "coverage": {"copay": 4000, "deductible": 50000, "coinsurance": 20, "outOfPocketMax": 10000}
    }"#);
    // 30.00 < copay → 30.00; then 40.00, 40.00 (110.00 > 100.00 max → 30.00), then 0.
    assert_eq!(patient(&e.lines), [3_000, 4_000, 3_000, 0]);
    let year = &e.plan_years.as_ref().expect("plan years")[0];
    assert_eq!(
        year.deductible_applied.minor(),
        0,
        "copays skip the deductible"
    );
    assert_eq!(year.out_of_pocket.minor(), 10_000);
}

#[test]
fn a_course_crossing_new_year_pays_the_deductible_twice() {
    let e = est(r#"{
        "start": "2026-12-14",
        "phases": [{"name": "Weekly", "every": {"weeks": 1}, "sessions": 5, "price": 10000}],
        "coverage": {"deductible": 15000}
    }"#);
    // Dec 14: 100.00, Dec 21: 50.00 (deductible met), Dec 28: 0;
    // 1 January resets it: Jan 4: 100.00, Jan 11: 50.00.
    assert_eq!(patient(&e.lines), [10_000, 5_000, 0, 10_000, 5_000]);
    let years = e.plan_years.expect("plan years");
    assert_eq!(years.len(), 2);
    assert_eq!(years[0].deductible_applied.minor(), 15_000);
    assert_eq!(years[1].deductible_applied.minor(), 15_000);
    assert_eq!(years[1].start.to_string(), "2027-01-01");
}

#[test]
fn a_holiday_moves_one_weekly_session_by_a_day_and_the_next_comes_back() {
    let e = est(r#"{
        "start": "2026-11-19", "clinic": {"closedDates": ["2026-11-26"]},
        "phases": [{"name": "Thursdays", "every": {"weeks": 1}, "sessions": 3, "price": 100}]
    }"#);
    assert_eq!(dates(&e), ["2026-11-19", "2026-11-27", "2026-12-03"]);
    let scheduled: Vec<String> = e.sessions.iter().map(|s| s.scheduled.to_string()).collect();
    assert_eq!(scheduled, ["2026-11-19", "2026-11-26", "2026-12-03"]);
}

#[test]
fn packages_are_bought_only_when_cheaper() {
    let plan = |package_price: i64| {
        format!(
            r#"{{ "start": "2026-01-05",
                 "phases": [{{"name": "W", "every": {{"weeks": 1}}, "sessions": 7, "price": 50000}}],
                 "packages": [{{"name": "Six", "phase": "W", "sessions": 6, "price": {package_price}}}] }}"#
        )
    };
    // 6 × 500.00 = 3,000.00 for the sessions a six-pack would cover.
    let cheaper = est(&plan(240_000));
    assert_eq!(cheaper.lines.len(), 2);
    assert_eq!(
        (cheaper.lines[0].kind.name(), cheaper.lines[0].quantity),
        ("package", 6)
    );
    assert_eq!(cheaper.totals.patient_pays.minor(), 240_000 + 50_000);
    assert_eq!(cheaper.sessions[5].package.as_deref(), Some("Six"));
    assert_eq!(cheaper.sessions[6].package, None);
    for same_or_dearer in [300_000, 300_001] {
        let e = est(&plan(same_or_dearer));
        assert!(
            e.lines.iter().all(|l| l.kind.name() == "session"),
            "price {same_or_dearer}"
        );
        assert_eq!(e.totals.patient_pays.minor(), 350_000);
    }
}

#[test]
fn financing_interest_free_and_at_nine_point_nine_nine_percent() {
    let free = est(r#"{
        "start": "2026-01-31",
        "phases": [{"name": "One", "every": {"weeks": 1}, "sessions": 1, "price": 100000}],
        "financing": {"months": 3, "apr": 0}
    }"#);
    let f = free.financing.expect("financing");
    let amounts: Vec<i64> = f.payments.iter().map(|p| p.payment.minor()).collect();
    assert_eq!(amounts, [33_334, 33_333, 33_333]);
    assert_eq!(f.payments[0].date.to_string(), "2026-02-28");

    let apr = est(r#"{
        "start": "2026-01-05",
        "phases": [{"name": "One", "every": {"weeks": 1}, "sessions": 1, "price": 300000}],
        "financing": {"months": 12, "apr": 9.99}
    }"#);
    let f = apr.financing.expect("financing");
    // Reference computed independently (Python floats for the payment,
    // integers for the interest): payment 263.73, first interest 24.98,
    // last payment 263.78 of which 2.18 interest, total interest 164.81.
    assert_eq!(f.payment.minor(), 26_373);
    assert_eq!(f.payments[0].interest.minor(), 2_498);
    assert_eq!(f.payments[0].balance.minor(), 276_125);
    let last = f.payments.last().expect("payments");
    assert_eq!(
        (
            last.payment.minor(),
            last.interest.minor(),
            last.balance.minor()
        ),
        (26_378, 218, 0)
    );
    assert_eq!(f.total_interest.minor(), 16_481);
    assert_eq!(f.total_paid.minor(), 316_481);
}

#[test]
fn financing_with_a_down_payment_that_covers_everything_warns() {
    let e = est(r#"{
        "start": "2026-01-05",
        "phases": [{"name": "One", "every": {"weeks": 1}, "sessions": 1, "price": 10000}],
        "financing": {"months": 6, "apr": 0, "downPayment": 10000}
    }"#);
    assert!(e.financing.is_none());
    assert_eq!(e.warnings.len(), 1);
    assert_eq!(
        (e.warnings[0].code, e.warnings[0].path.as_str()),
        (coursecost::WarningCode::NothingToFinance, "financing")
    );
}

#[test]
fn an_assistance_programme_stops_at_its_annual_cap() {
    let e = est(r#"{
        "start": "2026-01-05",
        "phases": [{"name": "S", "every": {"weeks": 1}, "sessions": 4, "price": 50000}],
        "assistance": [{"name": "Savings card", "patientPaysAtMost": 5000, "annualMax": 100000}]
    }"#);
    // Self-pay share 500.00; the card pays down to 50.00: 450.00, 450.00,
    // then only the 100.00 left of its 1,000.00 year, then nothing.
    let assistance: Vec<i64> = e.lines.iter().map(|l| l.assistance.minor()).collect();
    assert_eq!(assistance, [45_000, 45_000, 10_000, 0]);
    assert_eq!(patient(&e.lines), [5_000, 5_000, 40_000, 50_000]);
    assert_eq!(e.totals.assistance.minor(), 100_000);
}

#[test]
fn phases_cut_by_the_horizon_warn_and_stop_the_course() {
    let e = est(r#"{
        "start": "2026-01-01", "horizon": {"weeks": 2},
        "phases": [
            {"name": "A", "every": {"days": 3}, "sessions": 10, "price": 100},
            {"name": "B", "every": {"days": 1}, "sessions": 2, "price": 100}
        ]
    }"#);
    // Days 1, 4, 7, 10, 13 fit before 15 January; B never starts.
    assert_eq!(e.totals.sessions, 5);
    let codes: Vec<(String, String)> = e
        .warnings
        .iter()
        .map(|w| (format!("{:?}", w.code), w.path.clone()))
        .collect();
    assert_eq!(
        codes,
        [
            ("TruncatedByHorizon".to_string(), "phases[0]".to_string()),
            ("PhaseNotReached".to_string(), "phases[1]".to_string())
        ]
    );
    assert_eq!(e.phases[1].first, None);
}

#[test]
fn minor_units_follow_the_currency() {
    let e = est(r#"{"currency": "JPY", "start": "2026-01-05",
        "phases": [{"name": "S", "every": {"weeks": 1}, "sessions": 1, "price": 55000}]}"#);
    assert_eq!((e.currency.code(), e.minor_units), ("JPY", 0));
    let e = est(r#"{"currency": "KWD", "start": "2026-01-05",
        "phases": [{"name": "S", "every": {"weeks": 1}, "sessions": 1, "price": 55000}]}"#);
    assert_eq!(e.minor_units, 3);
}

#[test]
fn a_typed_plan_with_coverage_but_no_out_of_pocket_maximum_estimates() {
    // Regression: the typed plan once serialised `outOfPocketMet: 0` without
    // a maximum, so `estimate(&Plan)` refused it as conflicting fields.
    let plan = coursecost::parse_plan(
        r#"{"start": "2026-01-05", "phases": [{"name": "S", "every": {"weeks": 1}, "sessions": 2, "price": 10000}],
            "coverage": {"deductible": 5000, "coinsurance": 10}}"#,
    )
    .expect("valid");
    let e = coursecost::estimate(&plan);
    // 50.00 + 10% × 50.00 = 55.00, then 10.00.
    assert_eq!(patient(&e.lines), [5_500, 1_000]);
}
