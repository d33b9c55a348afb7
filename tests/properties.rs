//! Properties over generated valid plans: the docs/estimate.md invariants, determinism,
//! and the hand-written calendar against the `time` crate.
#![cfg(not(target_arch = "wasm32"))] // proptest and the file system are native-only

use coursecost::{Date, Estimate, Plan, estimate, parse_plan};
use proptest::prelude::*;
use serde_json::{Value, json};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn every() -> impl Strategy<Value = Value> {
    prop_oneof![
        (1u32..=30).prop_map(|n| json!({"days": n})),
        (1u32..=8).prop_map(|n| json!({"weeks": n})),
        (1u32..=3).prop_map(|n| json!({"months": n})),
        prop::sample::subsequence(WEEKDAYS.to_vec(), 1..=3).prop_map(|d| json!({"weekdays": d})),
    ]
}

fn phase(i: usize, last: bool) -> impl Strategy<Value = Value> {
    let length = if last {
        prop_oneof![Just(0u8), Just(1), Just(2)].boxed()
    } else {
        prop_oneof![Just(1u8), Just(2)].boxed()
    };
    (every(), length, 1u32..=40, 1u32..=12, 0i64..=200_000, any::<bool>(), prop::option::of((1u32..=8).prop_map(|w| json!({"weeks": w}))))
        .prop_map(move |(every, length, sessions, weeks, price, covered, gap)| {
            let mut p = json!({"name": format!("P{i}"), "every": every, "price": price, "covered": covered});
            match length {
                1 => p["sessions"] = json!(sessions),
                2 => p["weeks"] = json!(weeks),
                _ => {}
            }
            if i > 0 {
                if let Some(gap) = gap {
                    p["startAfter"] = gap;
                }
            }
            p
        })
}

prop_compose! {
    fn plan()(
        start in 0i32..20_000,
        months in 1u32..=30,
        n_phases in 1usize..=3,
        closed in prop::sample::subsequence(WEEKDAYS.to_vec(), 0..=2),
        closed_dates in prop::collection::vec(0i32..400, 0..6),
        seed in any::<u64>(),
    )(
        phases in (0..n_phases).map(|i| phase(i, i + 1 == n_phases).boxed()).collect::<Vec<_>>(),
        fees in prop::collection::vec((prop::sample::select(vec!["once", "session", "month"]), 0i64..50_000, prop::option::of(0..n_phases), any::<bool>()), 0..3),
        packages in prop::collection::vec((0..n_phases, 1u32..=8, 0i64..800_000), 0..3),
        discounts in prop::collection::vec((1u32..=3000, prop::sample::subsequence(vec!["session", "package", "fee"], 1..=3)), 0..3),
        coverage in prop::option::of((0i64..300_000, 0u32..=5000, prop::option::of(0i64..10_000), prop::option::of(0i64..600_000), 1u32..=12)),
        assistance in prop::option::of((0i64..20_000, prop::option::of(0i64..200_000))),
        financing in prop::option::of((1u32..=36, prop::sample::select(vec![0u32, 599, 999, 2499]), 0i64..100_000, any::<bool>())),
        start in Just(start), months in Just(months), closed in Just(closed), closed_dates in Just(closed_dates), _seed in Just(seed),
    ) -> Value {
        let start_date = Date::from_days_since_epoch(start);
        let mut plan = json!({
            "start": start_date.to_string(),
            "horizon": {"months": months},
            "clinic": {
                "closedWeekdays": closed,
                "closedDates": closed_dates.iter().map(|d| start_date.add_days(*d).to_string()).collect::<Vec<_>>(),
            },
            "phases": phases,
        });
        plan["fees"] = fees.iter().enumerate().map(|(i, (when, amount, phase, covered))| {
            let mut f = json!({"name": format!("F{i}"), "amount": amount, "when": when, "covered": covered});
            if let Some(p) = phase { f["phase"] = json!(format!("P{p}")); }
            f
        }).collect();
        plan["packages"] = packages.iter().enumerate().map(|(i, (p, sessions, price))| {
            json!({"name": format!("K{i}"), "phase": format!("P{p}"), "sessions": sessions, "price": price})
        }).collect();
        plan["discounts"] = discounts.iter().enumerate().map(|(i, (bp, kinds))| {
            json!({"name": format!("D{i}"), "percent": f64::from(*bp) / 100.0, "appliesTo": kinds})
        }).collect();
        if let Some((deductible, coins_bp, copay, oop, month)) = coverage {
            let mut c = json!({"deductible": deductible, "coinsurance": f64::from(coins_bp) / 100.0, "planYearStart": format!("{month:02}-01")});
            if let Some(copay) = copay { c["copay"] = json!(copay); }
            if let Some(oop) = oop { c["outOfPocketMax"] = json!(oop); }
            plan["coverage"] = c;
        }
        if let Some((at_most, max)) = assistance {
            let mut a = json!({"name": "Card", "patientPaysAtMost": at_most});
            if let Some(max) = max { a["annualMax"] = json!(max); }
            plan["assistance"] = json!([a]);
        }
        if let Some((months, apr_bp, down, first_phase)) = financing {
            plan["financing"] = json!({"months": months, "apr": f64::from(apr_bp) / 100.0, "downPayment": down,
                "of": if first_phase { "first-phase" } else { "total" }});
        }
        plan
    }
}

fn check_invariants(plan: &Plan, e: &Estimate) -> Result<(), TestCaseError> {
    use coursecost::Amount;
    let sum = |f: fn(&coursecost::Line) -> Amount| e.lines.iter().map(f).sum::<Amount>();
    prop_assert_eq!(e.totals.gross, sum(|l| l.gross));
    prop_assert_eq!(e.totals.discount, sum(|l| l.discount));
    prop_assert_eq!(e.totals.charge, sum(|l| l.charge));
    prop_assert_eq!(e.totals.insurer_pays, sum(|l| l.insurer_pays));
    prop_assert_eq!(e.totals.assistance, sum(|l| l.assistance));
    prop_assert_eq!(e.totals.patient_pays, sum(|l| l.patient_pays));
    for l in &e.lines {
        prop_assert_eq!(l.gross - l.discount, l.charge);
        prop_assert_eq!(l.charge, l.insurer_pays + l.assistance + l.patient_pays);
        for v in [
            l.discount,
            l.charge,
            l.insurer_pays,
            l.assistance,
            l.patient_pays,
        ] {
            prop_assert!(v >= Amount::ZERO, "negative amount in {:?}", l);
        }
        prop_assert!(l.date >= e.start && l.date < e.end);
    }
    prop_assert!(
        e.lines
            .windows(2)
            .all(|w| (w[0].date, w[0].kind) <= (w[1].date, w[1].kind)),
        "ledger order"
    );
    prop_assert_eq!(e.totals.sessions as usize, e.sessions.len());
    for (i, s) in e.sessions.iter().enumerate() {
        prop_assert_eq!(s.n as usize, i + 1);
        prop_assert!(s.date >= e.start && s.date < e.end && s.date >= s.scheduled);
        prop_assert!(!plan.clinic().closed_weekdays.contains(&s.date.weekday()));
        prop_assert!(!plan.clinic().closed_dates.contains(&s.date));
    }
    prop_assert!(
        e.sessions.windows(2).all(|w| w[0].date < w[1].date),
        "strictly increasing dates"
    );
    prop_assert_eq!(
        e.phases.iter().map(|p| p.sessions).sum::<u32>(),
        e.totals.sessions
    );
    prop_assert_eq!(
        e.months.iter().map(|m| m.sessions).sum::<u32>(),
        e.totals.sessions
    );
    prop_assert_eq!(
        e.months.iter().map(|m| m.charge).sum::<Amount>(),
        e.totals.charge
    );
    prop_assert_eq!(
        e.months.last().map(|m| m.cumulative_patient_pays),
        Some(e.totals.patient_pays)
    );
    match (plan.coverage(), &e.plan_years) {
        (Some(c), Some(years)) => {
            prop_assert_eq!(
                years.iter().map(|y| y.charge).sum::<Amount>(),
                e.totals.charge
            );
            prop_assert_eq!(
                years.iter().map(|y| y.patient_pays).sum::<Amount>(),
                e.totals.patient_pays
            );
            for y in years {
                prop_assert!(y.deductible_applied <= c.deductible);
                if let Some(max) = c.out_of_pocket_max {
                    prop_assert!(y.out_of_pocket <= max);
                }
            }
        }
        (None, None) => prop_assert_eq!(e.totals.insurer_pays, Amount::ZERO),
        _ => prop_assert!(false, "planYears present exactly with coverage"),
    }
    if let Some(f) = &e.financing {
        prop_assert_eq!(
            f.payments.iter().map(|p| p.payment).sum::<Amount>(),
            f.total_paid
        );
        prop_assert_eq!(f.payments.last().map(|p| p.balance), Some(Amount::ZERO));
        prop_assert!(f.payments.len() as u32 <= f.months);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_hold_and_estimates_are_deterministic(value in plan()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let first = estimate(&plan);
        check_invariants(&plan, &first)?;
        // Same plan, same bytes; and a plan serialised and read back is the same plan.
        let again = estimate(&plan);
        prop_assert_eq!(serde_json::to_string(&first).ok(), serde_json::to_string(&again).ok());
        let round_trip = parse_plan(&serde_json::to_string(&plan).unwrap_or_default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&round_trip, &plan);
    }

    #[test]
    fn civil_dates_agree_with_the_time_crate(days in -1_000i32..100_000) {
        let ours = Date::from_days_since_epoch(days);
        let theirs = time::Date::from_julian_day(2_440_588 + days).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ours.ymd(), (theirs.year(), u32::from(u8::from(theirs.month())), u32::from(theirs.day())));
        prop_assert_eq!(ours.weekday() as u8, theirs.weekday().number_days_from_monday());
        if (1970..=2199).contains(&theirs.year()) {
            prop_assert_eq!(Date::parse(&ours.to_string()), Some(ours));
        }
    }

    #[test]
    fn adding_months_clamps_like_the_time_crate(days in 0i32..80_000, months in 0u32..=240) {
        let ours = Date::from_days_since_epoch(days).add_months(months);
        let base = time::Date::from_julian_day(2_440_588 + days).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let index = base.year() * 12 + i32::from(u8::from(base.month())) - 1 + months as i32;
        let (year, month) = (index.div_euclid(12), time::Month::try_from((index.rem_euclid(12) + 1) as u8).map_err(|e| TestCaseError::fail(e.to_string()))?);
        let day = base.day().min(month.length(year));
        let theirs = time::Date::from_calendar_date(year, month, day).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ours.days_since_epoch(), theirs.to_julian_day() - 2_440_588);
    }
}
