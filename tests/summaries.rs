//! The figures `compare` gives a patient — the first month, a typical month
//! after it, this plan year, the next 12 months, the day the out-of-pocket
//! maximum is reached and every day what they pay changes course — for the
//! four people who tried the page, worked by hand in the comments
//! (docs/estimate.md#what-compare-says-about-each-plan).
//!
//! The plans are written out here rather than taken from the catalogue, so
//! the hand-worked numbers stay true when the catalogue's prices move.

use coursecost::{Benefit, ChangeKind, Compared, Date, PlanOptions, Stretch, compare, parse_plan};

fn date(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

fn compared(plans: &[&str]) -> Vec<Compared> {
    let plans: Vec<_> = plans
        .iter()
        .map(|p| parse_plan(p).unwrap_or_else(|e| panic!("plan should be valid: {e}")))
        .collect();
    compare(&plans, &PlanOptions::default())
        .expect("compare")
        .plans
}

/// `(start, end, patientPays, months, monthly, low, high)` in dollars and
/// cents as minor units.
type Expect<'a> = (
    &'a str,
    &'a str,
    i64,
    u32,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn assert_stretch(s: &Stretch, (start, end, pays, months, monthly, low, high): Expect) {
    assert_eq!(
        (
            s.start,
            s.end,
            s.patient_pays.minor(),
            s.months,
            s.monthly.map(|a| a.minor()),
            s.low.map(|a| a.minor()),
            s.high.map(|a| a.minor()),
        ),
        (date(start), date(end), pays, months, monthly, low, high)
    );
}

/// Esketamine as the catalogue had it when these were worked: 8 sessions
/// Monday and Thursday, 4 weekly, then every 2 weeks, $1,050 each, and a
/// $250 evaluation. From Monday 2 March 2026 the sessions fall on
/// Mar 2 5 9 12 16 19 23 26 · Apr 2 9 16 23 · May 7 21 · Jun 4 18 ·
/// Jul 2 16 30 · Aug 13 27 · Sep 10 24 · Oct 8 22 · Nov 5 19 ·
/// Dec 3 17 31 · Jan 14 28 · Feb 11 25 (2027).
fn esketamine(price: i64, extra: &str) -> String {
    format!(
        r#"{{"start": "2026-03-02", "horizon": {{"months": 12}},
        "phases": [
            {{"name": "Weeks 1-4", "every": {{"weekdays": ["mon", "thu"]}}, "sessions": 8, "price": {price}}},
            {{"name": "Weeks 5-8", "every": {{"weeks": 1}}, "sessions": 4, "price": {price}}},
            {{"name": "Maintenance", "every": {{"weeks": 2}}, "price": {price}}}
        ],
        "fees": [{{"name": "Evaluation", "amount": 25000, "when": "once"}}]
        {extra}}}"#
    )
}

/// TMS as the catalogue had it: a first session, 29 daily sessions and a
/// taper of 6 on Mondays and Thursdays, $300 each. From Monday 2 March 2026:
/// Mar 2 (first), Mar 3 – Apr 10 every weekday (22 of them before 2 April,
/// 7 from then), taper Apr 13 16 20 23 27 30.
fn tms(extra: &str) -> String {
    format!(
        r#"{{"start": "2026-03-02", "horizon": {{"months": 12}},
        "phases": [
            {{"name": "First session", "every": {{"weekdays": ["mon", "tue", "wed", "thu", "fri"]}}, "sessions": 1, "price": 30000}},
            {{"name": "Daily", "every": {{"weekdays": ["mon", "tue", "wed", "thu", "fri"]}}, "sessions": 29, "price": 30000}},
            {{"name": "Taper", "every": {{"weekdays": ["mon", "thu"]}}, "sessions": 6, "price": 30000}}
        ]
        {extra}}}"#
    )
}

/// A Spravato patient with an employer plan ($1,500 deductible, 20 %,
/// $4,500 out-of-pocket maximum, an accumulator programme) and the
/// manufacturer's card (she pays at most $10 a session, $8,000 a year).
///
/// The evaluation goes to the deductible: $250. Each of the first seven
/// sessions is deductible too: the card pays $1,040 and she pays $10, and
/// only her $10 counts (accumulator). The card has $720 left on Mar 26: she
/// pays $330. First month: 250 + 7 × 10 + 330 = $650. The deductible has
/// 1,500 − 250 − 70 − 330 = $850 left: Apr 2 costs 850 + 20 % of 200 =
/// $890, then $210 a session. Her out-of-pocket: 650 + 890 = 1,540 by Apr 2,
/// then 210 a session, 4,480 after Sep 24; Oct 8 takes the last $20. From
/// then nothing until 1 January, when the card pays again: $10 a session.
///
/// Months from Mar 2: 650 · 1,520 (890 + 3 × 210) · 420 · 420 · 630 (three
/// sessions) · 420 · 420 · 20 · 0 · 0 · 20 · 20.
#[test]
fn a_spravato_patient_with_an_employer_plan_and_a_savings_card() {
    let plan = esketamine(
        105_000,
        r#", "coverage": {"deductible": 150000, "coinsurance": 20, "outOfPocketMax": 450000, "accumulator": true},
        "assistance": [{"name": "Savings card", "patientPaysAtMost": 1000, "annualMax": 800000}]"#,
    );
    let [c] = &compared(&[&plan])[..] else {
        panic!("one plan")
    };
    assert_eq!(c.totals.patient_pays.minor(), 454_000);
    assert_eq!(
        (
            c.first_month.start,
            c.first_month.end,
            c.first_month.patient_pays.minor()
        ),
        (date("2026-03-02"), date("2026-04-02"), 65_000)
    );
    // Then about $420 a month, from Apr 2 to the day she reaches her maximum
    // (Oct 8): the six months from Apr 2 to Oct 2 are 1,520, 420, 420, 630,
    // 420, 420, whose median is 420; with Oct 2–8 (Oct 8: $20) $3,850 in all.
    assert_stretch(
        c.typical_month.as_ref().expect("a typical month"),
        (
            "2026-04-02",
            "2026-10-09",
            385_000,
            6,
            Some(42_000),
            Some(42_000),
            Some(152_000),
        ),
    );
    // This plan year (2026): everything up to 1 January, her maximum exactly.
    assert_eq!(
        (
            c.plan_year.start,
            c.plan_year.end,
            c.plan_year.patient_pays.minor()
        ),
        (date("2026-01-01"), date("2027-01-01"), 450_000)
    );
    assert_eq!(c.first_year.minor(), 454_000);
    assert_eq!(c.out_of_pocket_max_reached, Some(date("2026-10-08")));

    let kinds: Vec<_> = c.changes.iter().map(|x| (x.kind, x.date)).collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::AssistanceExhausted, date("2026-03-26")),
            (ChangeKind::OutOfPocketMax, date("2026-10-08")),
            (ChangeKind::PlanYear, date("2027-01-01")),
        ]
    );
    assert_eq!(c.changes[0].path.as_deref(), Some("assistance[0]"));
    assert_eq!(c.changes[1].benefit, Some(Benefit::Medical));
    // After the card runs out: months from Mar 26 are 330 + 890 + 630 =
    // 1,850, then 420, 420, 420 (Jul 2, 16), 420 (Jul 30, Aug 13), 630
    // (Aug 27, Sep 10, 24); median 420. Up to Oct 8: 4,160 + 20.
    assert_stretch(
        &c.changes[0].after,
        (
            "2026-03-26",
            "2026-10-09",
            418_000,
            6,
            Some(42_000),
            Some(42_000),
            Some(185_000),
        ),
    );
    // After the maximum: nothing until the plan year ends.
    assert_stretch(
        &c.changes[1].after,
        ("2026-10-09", "2027-01-01", 0, 2, Some(0), Some(0), Some(0)),
    );
    // The new plan year: the card pays again, $10 a session, two a month.
    assert_stretch(
        &c.changes[2].after,
        (
            "2027-01-01",
            "2027-03-02",
            4_000,
            2,
            Some(2_000),
            Some(2_000),
            Some(2_000),
        ),
    );
}

/// A self-pay patient weighing IV ketamine against TMS.
///
/// IV: a $250 evaluation and six infusions at $590 (Mar 2 – 13), then a
/// booster every 5 weeks: Apr 17, May 22, Jun 26, Jul 31, Sep 4, Oct 9,
/// Nov 13, Dec 18, Jan 22, Feb 26. First month 250 + 6 × 590 = $3,790; the
/// eleven months after it hold one booster each but Aug 2 – Sep 2: a
/// typical month is $590. 2026: 3,790 + 8 × 590 = $8,510.
///
/// TMS: 23 sessions in the first month ($6,900), 13 more ($3,900) up to the
/// last on Apr 30, then nothing: no whole month before the course ends.
#[test]
fn a_self_pay_patient_comparing_iv_ketamine_with_tms() {
    let iv = r#"{"start": "2026-03-02", "horizon": {"months": 12},
        "phases": [
            {"name": "Induction", "every": {"weekdays": ["mon", "wed", "fri"]}, "sessions": 6, "price": 59000},
            {"name": "Boosters", "every": {"weeks": 5}, "price": 59000}
        ],
        "fees": [{"name": "Evaluation", "amount": 25000, "when": "once"}]}"#;
    let both = compared(&[iv, &tms("")]);
    let (iv, tms) = (&both[0], &both[1]);

    assert_eq!(iv.first_month.patient_pays.minor(), 379_000);
    assert_stretch(
        iv.typical_month.as_ref().expect("a typical month"),
        (
            "2026-04-02",
            "2027-03-02",
            590_000,
            11,
            Some(59_000),
            Some(0),
            Some(59_000),
        ),
    );
    assert_eq!(
        (
            iv.plan_year.start,
            iv.plan_year.end,
            iv.plan_year.patient_pays.minor()
        ),
        (date("2026-01-01"), date("2027-01-01"), 851_000)
    );
    assert_eq!(iv.first_year.minor(), 969_000);
    assert_eq!(iv.out_of_pocket_max_reached, None);
    // Open-ended boosters, no insurance: nothing changes course.
    assert!(iv.changes.is_empty());

    assert_eq!(tms.first_month.patient_pays.minor(), 690_000);
    assert_stretch(
        tms.typical_month.as_ref().expect("the rest of the course"),
        ("2026-04-02", "2026-05-01", 390_000, 0, None, None, None),
    );
    assert_eq!(tms.changes.len(), 1);
    assert_eq!(
        (tms.changes[0].kind, tms.changes[0].date),
        (ChangeKind::CourseEnds, date("2026-05-01"))
    );
    assert_stretch(
        &tms.changes[0].after,
        ("2026-05-01", "2027-03-02", 0, 10, Some(0), Some(0), Some(0)),
    );
    assert_eq!(tms.plan_year.patient_pays.minor(), 1_080_000);
    assert_eq!(tms.first_year.minor(), 1_080_000);
}

/// A Medicare patient considering TMS: Part B's $283 deductible, then 20 %,
/// and no out-of-pocket maximum.
///
/// Mar 2: 283 + 20 % of 17 = $286.40; the other 22 sessions of the first
/// month $60 each: $1,606.40. The 13 after it: $780, up to the last session
/// on Apr 30. No maximum to reach.
#[test]
fn a_medicare_patient_considering_tms() {
    let plan =
        tms(r#", "coverage": {"deductible": 28300, "coinsurance": 20, "type": "government"}"#);
    let [c] = &compared(&[&plan])[..] else {
        panic!("one plan")
    };
    assert_eq!(c.first_month.patient_pays.minor(), 160_640);
    assert_stretch(
        c.typical_month.as_ref().expect("the rest of the course"),
        ("2026-04-02", "2026-05-01", 78_000, 0, None, None, None),
    );
    assert_eq!(c.plan_year.patient_pays.minor(), 238_640);
    assert_eq!(c.first_year.minor(), 238_640);
    assert_eq!(c.out_of_pocket_max_reached, None);
    let kinds: Vec<_> = c.changes.iter().map(|x| (x.kind, x.date)).collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::CourseEnds, date("2026-05-01")),
            (ChangeKind::PlanYear, date("2027-01-01")),
        ]
    );
    assert_eq!(c.changes[1].after.patient_pays.minor(), 0);
}

/// A clinic's marketing manager checking what a patient with a
/// high-deductible plan ($3,000, 20 %, $5,000 maximum) pays for esketamine
/// at her clinic's price, $900 a session.
///
/// Mar 2: the evaluation and the session, $250 + $900, all deductible; Mar 5
/// and 9: $900 each; Mar 12: the last $50 of the deductible + 20 % of 850 =
/// $220; Mar 16 – 26: $180 each. First month: $3,890. Then $180 a session:
/// Apr 2 – 23 $720, May 7 and 21 $360, and on Jun 4 the last $30 of the
/// $5,000 maximum. Nothing more in 2026; on 1 January the deductible starts
/// again: Jan 14 and 28 $900 each, Feb 11 $900, Feb 25 300 + 20 % of 600 =
/// $420.
#[test]
fn a_marketing_manager_checking_a_high_deductible_plan() {
    let plan = esketamine(
        90_000,
        r#", "coverage": {"deductible": 300000, "coinsurance": 20, "outOfPocketMax": 500000}"#,
    );
    let [c] = &compared(&[&plan])[..] else {
        panic!("one plan")
    };
    assert_eq!(c.totals.patient_pays.minor(), 812_000);
    assert_eq!(c.first_month.patient_pays.minor(), 389_000);
    // Apr 2 – May 2: 720; May 2 – Jun 2: 360; median (720 + 360) / 2; with
    // Jun 4's $30, $1,110 up to the maximum.
    assert_stretch(
        c.typical_month.as_ref().expect("a typical month"),
        (
            "2026-04-02",
            "2026-06-05",
            111_000,
            2,
            Some(54_000),
            Some(36_000),
            Some(72_000),
        ),
    );
    assert_eq!(c.plan_year.patient_pays.minor(), 500_000);
    assert_eq!(c.first_year.minor(), 812_000);
    assert_eq!(c.out_of_pocket_max_reached, Some(date("2026-06-04")));
    let kinds: Vec<_> = c.changes.iter().map(|x| (x.kind, x.date)).collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::OutOfPocketMax, date("2026-06-04")),
            (ChangeKind::PlanYear, date("2027-01-01")),
        ]
    );
    assert_stretch(
        &c.changes[0].after,
        ("2026-06-05", "2027-01-01", 0, 6, Some(0), Some(0), Some(0)),
    );
    // Jan 1 – Feb 1: 1,800; Feb 1 – Mar 1: 1,320; median 1,560.
    assert_stretch(
        &c.changes[1].after,
        (
            "2027-01-01",
            "2027-03-02",
            312_000,
            2,
            Some(156_000),
            Some(132_000),
            Some(180_000),
        ),
    );
}

/// A maximum already met before the start is reached on the first day; a
/// separate pharmacy maximum is reported as the pharmacy's.
#[test]
fn a_maximum_met_before_the_start_and_a_pharmacy_maximum() {
    let met = r#"{"start": "2026-03-02", "horizon": {"months": 2},
        "phases": [{"name": "Visit", "every": {"weeks": 1}, "sessions": 4, "price": 10000}],
        "coverage": {"coinsurance": 20, "outOfPocketMax": 100000, "outOfPocketMet": 100000}}"#;
    // A $100 drug a week, pharmacy coinsurance 50 %, its own $120 maximum:
    // $50, $50, then the last $20 on Mar 16.
    let pharmacy = r#"{"start": "2026-03-02", "horizon": {"months": 2},
        "phases": [{"name": "Drug", "every": {"weeks": 1}, "sessions": 6, "price": 10000, "benefit": "pharmacy"}],
        "coverage": {"coinsurance": 20, "pharmacy": {"coinsurance": 50, "outOfPocketMax": 12000}}}"#;
    let both = compared(&[met, pharmacy]);
    assert_eq!(both[0].out_of_pocket_max_reached, Some(date("2026-03-02")));
    assert_eq!(both[0].totals.patient_pays.minor(), 0);
    assert_eq!(both[1].out_of_pocket_max_reached, Some(date("2026-03-16")));
    assert_eq!(both[1].changes[0].benefit, Some(Benefit::Pharmacy));
    assert_eq!(both[1].totals.patient_pays.minor(), 12_000);
}

/// A horizon of a month or less has a first month and no typical one; a
/// course of set length cut short by the horizon does not "end".
#[test]
fn short_horizons_and_courses_cut_short() {
    let plan = r#"{"start": "2026-03-02", "horizon": {"weeks": 3},
        "phases": [{"name": "Daily", "every": {"days": 1}, "sessions": 30, "price": 10000}]}"#;
    let [c] = &compared(&[plan])[..] else {
        panic!("one plan")
    };
    assert_eq!(
        (c.first_month.end, c.first_month.patient_pays.minor()),
        (date("2026-03-23"), 210_000)
    );
    assert!(c.typical_month.is_none());
    assert!(c.changes.is_empty());
}

/// A typical month never spans a plan year's reset: weekly $100 sessions
/// from Monday 7 September 2026, a $500 deductible and 20 %, the plan year
/// from 1 January.
///
/// Sep 7 14 21 28 go to the deductible ($400), Oct 5 takes its last $100:
/// the first month (Sep 7 – Oct 6) is $500. Then $20 a session. The stretch
/// after it runs from Oct 7 to the new plan year, 1 January 2027, where the
/// deductible starts again: whole months Oct 7 – Nov 6 (Oct 12 19 26, Nov 2:
/// $80) and Nov 7 – Dec 6 (Nov 9 16 23 30: $80); Dec 7 – Jan 6 would cross
/// the reset, so it is not one of them. In all, Oct 12 – Dec 28 is 12
/// sessions: $240.
#[test]
fn a_typical_month_stops_at_the_new_plan_year() {
    let plan = r#"{"start": "2026-09-07", "horizon": {"months": 12},
        "phases": [{"name": "Weekly", "every": {"weeks": 1}, "price": 10000}],
        "coverage": {"deductible": 50000, "coinsurance": 20, "planYearStart": "01-01"}}"#;
    let [c] = &compared(&[plan])[..] else {
        panic!("one plan")
    };
    assert_eq!(c.first_month.patient_pays.minor(), 50_000);
    assert_stretch(
        c.typical_month.as_ref().expect("a typical month"),
        (
            "2026-10-07",
            "2027-01-01",
            24_000,
            2,
            Some(8_000),
            Some(8_000),
            Some(8_000),
        ),
    );
    assert!(
        c.changes
            .iter()
            .any(|x| x.kind == ChangeKind::PlanYear && x.date == date("2027-01-01"))
    );
}
