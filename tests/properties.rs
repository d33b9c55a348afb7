//! Properties over generated valid plans: the docs/estimate.md invariants, determinism,
//! and the hand-written calendar against the `time` crate.
#![cfg(not(target_arch = "wasm32"))] // proptest and the file system are native-only

use coursecost::{Date, Estimate, Plan, estimate, estimate_json, parse_plan};
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

prop_compose! {
    /// A plan with the version 2 fields: allowed amounts, pharmacy phases, a
    /// network, a plan type, the accumulator rule, a pharmacy benefit, a
    /// coverage limit and a programme's eligibility.
    fn v2_plan()(
        base in plan(),
        allowed in prop::collection::vec(prop::option::of(0i64..=100), 3),
        pharmacy_phase in prop::collection::vec(any::<bool>(), 3),
        out_of_network in any::<bool>(),
        government in any::<bool>(),
        accumulator in any::<bool>(),
        pharmacy in prop::option::of((0i64..100_000, 0u32..=5000, prop::option::of(0i64..10_000), prop::option::of(0i64..400_000))),
        limit in prop::option::of((1u32..=20, any::<bool>())),
        requires in 0usize..3,
    ) -> Value {
        let mut p = base;
        if let Some(phases) = p["phases"].as_array_mut() {
            for (i, phase) in phases.iter_mut().enumerate() {
                if let (Some(pct), Some(price)) = (allowed[i], phase["price"].as_i64()) {
                    phase["allowed"] = json!(price * pct / 100);
                }
                if pharmacy_phase[i] {
                    phase["benefit"] = json!("pharmacy");
                }
            }
        }
        if let Some(c) = p.get_mut("coverage") {
            c["network"] = json!(if out_of_network { "out" } else { "in" });
            c["type"] = json!(if government { "government" } else { "commercial" });
            c["accumulator"] = json!(accumulator);
            if let Some((deductible, coins_bp, copay, oop)) = pharmacy {
                let mut s = json!({"deductible": deductible, "coinsurance": f64::from(coins_bp) / 100.0});
                if let Some(copay) = copay { s["copay"] = json!(copay); }
                if let Some(oop) = oop { s["outOfPocketMax"] = json!(oop); }
                c["pharmacy"] = s;
            }
            if let Some((sessions, course)) = limit {
                c["limits"] = json!([{"phases": ["P0"], "sessions": sessions, "per": if course { "course" } else { "planYear" }}]);
            }
        }
        if let Some(a) = p["assistance"].get_mut(0) {
            a["requires"] = json!(["none", "coverage", "commercial"][requires]);
        }
        p
    }
}

prop_compose! {
    /// A plan with the version 3 fields on top of version 2's: a fee
    /// schedule, per-visit copays, copays after the deductible,
    /// out-of-network terms, balance billing, clinic write-offs, a family
    /// deductible and maximum, and patient-filed claims.
    fn v3_plan()(
        base in v2_plan(),
        schedule in prop::collection::vec(prop::option::of(0i64..=150_000), 3),
        visit in any::<bool>(),
        after in any::<bool>(),
        out_of_network in prop::option::of((0i64..100_000, 0u32..=10_000, prop::option::of(0i64..20_000), any::<bool>(), prop::option::of(0i64..300_000))),
        billing in 0usize..3,
        clinic in any::<bool>(),
        family in prop::option::of((0i64..200_000, 0i64..=100, 0i64..400_000, 0i64..=100)),
        days in prop::option::of(0u32..=365),
    ) -> Value {
        let mut p = base;
        let mut fees = serde_json::Map::new();
        if let Some(phases) = p["phases"].as_array_mut() {
            for (i, phase) in phases.iter_mut().enumerate() {
                phase["code"] = json!(format!("C{i}"));
                if let Some(amount) = schedule[i] {
                    fees.insert(format!("C{i}"), json!(amount));
                }
            }
        }
        if let Some(c) = p.get_mut("coverage") {
            c["feeSchedule"] = Value::Object(fees);
            c["copayPer"] = json!(if visit { "visit" } else { "line" });
            if after && c.get("copay").is_some_and(|v| !v.is_null()) {
                c["copayAfterDeductible"] = json!(true);
            }
            if let Some(s) = c.get_mut("pharmacy") {
                if after && s.get("copay").is_some() {
                    s["copayAfterDeductible"] = json!(true);
                }
            }
            if let Some((deductible, coins_bp, copay, copay_after, oop)) = out_of_network {
                let mut s = json!({"deductible": deductible, "coinsurance": f64::from(coins_bp) / 100.0});
                if let Some(copay) = copay {
                    s["copay"] = json!(copay);
                    s["copayAfterDeductible"] = json!(copay_after);
                }
                if let Some(oop) = oop { s["outOfPocketMax"] = json!(oop); }
                c["outOfNetwork"] = s;
            }
            let government = c["type"] == json!("government");
            c["balanceBilling"] = json!(match billing {
                1 => "none",
                2 if government => "medicare",
                _ => "full",
            });
            if let Some(limit) = c.get_mut("limits").and_then(|l| l.get_mut(0)) {
                limit["beyond"] = json!(if clinic { "clinic" } else { "patient" });
            }
            if let Some((extra_ded, met_ded_pct, extra_oop, met_oop_pct)) = family {
                // At least the patient's amounts; met within them.
                let ded = c["deductible"].as_i64().unwrap_or(0) + extra_ded;
                let mut f = json!({"deductible": ded, "deductibleMet": ded * met_ded_pct / 100});
                if let Some(max) = c["outOfPocketMax"].as_i64() {
                    let oop = max + extra_oop;
                    f["outOfPocketMax"] = json!(oop);
                    f["outOfPocketMet"] = json!(oop * met_oop_pct / 100);
                } else if extra_oop % 2 == 0 {
                    f["outOfPocketMax"] = json!(extra_oop);
                }
                c["family"] = f;
            }
            if let Some(days) = days {
                c["claims"] = json!("patient");
                if days % 3 != 0 {
                    c["reimbursementDays"] = json!(days);
                }
            }
        }
        p
    }
}

#[path = "common/invariants.rs"]
mod invariants;

/// The estimate's invariants, and what only the plan can tell: sessions on
/// open days, deductibles and maximums respected, no insurance without it.
fn check_invariants(plan: &Plan, e: &Estimate) -> Result<(), TestCaseError> {
    use coursecost::Amount;
    let broken = invariants::violations(e);
    prop_assert!(broken.is_empty(), "{:?}", broken);
    for (i, s) in e.sessions.iter().enumerate() {
        prop_assert_eq!(s.n as usize, i + 1);
        prop_assert!(s.date >= s.scheduled);
        prop_assert!(!plan.clinic().closed_weekdays.contains(&s.date.weekday()));
        prop_assert!(!plan.clinic().closed_dates.contains(&s.date));
    }
    prop_assert_eq!(
        e.phases.iter().map(|p| p.sessions).sum::<u32>(),
        e.totals.sessions
    );
    match (plan.coverage(), &e.plan_years) {
        (Some(c), Some(years)) => {
            // Out of network with terms of its own, the plan year reports
            // those accumulators.
            let medical = match (c.network, c.out_of_network) {
                (coursecost::Network::Out, Some(terms)) => terms,
                _ => c.medical,
            };
            for y in years {
                prop_assert!(y.deductible_applied <= medical.deductible);
                if let Some(max) = medical.out_of_pocket_max {
                    prop_assert!(y.out_of_pocket <= max);
                }
                if let Some(max) = c.pharmacy.and_then(|p| p.out_of_pocket_max) {
                    prop_assert!(y.pharmacy_out_of_pocket.unwrap_or_default() <= max);
                }
            }
        }
        (None, None) => {
            prop_assert_eq!(e.totals.insurer_pays, Amount::ZERO);
            prop_assert!(e.lines.iter().all(|l| !l.covered));
        }
        _ => prop_assert!(false, "planYears present exactly with coverage"),
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
    fn version_2_plans_hold_every_invariant(value in v2_plan()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        check_invariants(&plan, &estimate(&plan))?;
    }

    /// The five parts add up to what the patient owes before programmes on
    /// every line and sum (in the shared invariants), whatever version 3
    /// does; and a version 3 plan survives being written out and read back.
    #[test]
    fn version_3_plans_hold_every_invariant(value in v3_plan()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let e = estimate(&plan);
        check_invariants(&plan, &e)?;
        for l in &e.lines {
            prop_assert_eq!(
                l.deductible + l.coinsurance + l.copay + l.balance_bill + l.not_covered,
                l.assistance + l.patient_pays
            );
        }
        let round_trip = parse_plan(&serde_json::to_string(&plan).unwrap_or_default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&round_trip, &plan);
    }

    /// A version 2 plan is the plan with version 3's defaults written out:
    /// the same estimate to the byte.
    #[test]
    fn version_2_plans_estimate_as_with_the_version_3_defaults_written_out(value in v2_plan()) {
        let text = value.to_string();
        let plain = estimate_json(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let mut full = value;
        if let Some(c) = full.get_mut("coverage") {
            c["feeSchedule"] = json!({});
            c["copayPer"] = json!("line");
            c["copayAfterDeductible"] = json!(false);
            c["balanceBilling"] = json!("full");
            c["claims"] = json!("clinic");
            if let Some(limit) = c.get_mut("limits").and_then(|l| l.get_mut(0)) {
                limit["beyond"] = json!("patient");
            }
        }
        let text = full.to_string();
        let written = estimate_json(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(serde_json::to_string(&plain).ok(), serde_json::to_string(&written).ok());
    }

    /// A plan without version 2 fields is the plan with their defaults
    /// written out: the same estimate to the byte, and nothing written off.
    #[test]
    fn version_1_plans_estimate_as_with_the_defaults_written_out(value in plan()) {
        let v1 = estimate(&parse_plan(&value.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?);
        prop_assert_eq!(v1.totals.adjustment, coursecost::Amount::ZERO);
        let mut explicit = value.clone();
        if let Some(phases) = explicit["phases"].as_array_mut() {
            for phase in phases { phase["benefit"] = json!("medical"); }
        }
        if let Some(fees) = explicit["fees"].as_array_mut() {
            for fee in fees { fee["benefit"] = json!("medical"); }
        }
        if let Some(c) = explicit.get_mut("coverage") {
            c["network"] = json!("in");
            c["type"] = json!("commercial");
            c["accumulator"] = json!(false);
            c["limits"] = json!([]);
        }
        if let Some(a) = explicit["assistance"].get_mut(0) {
            a["requires"] = json!("none");
        }
        let v2 = estimate(&parse_plan(&explicit.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?);
        prop_assert_eq!(serde_json::to_string(&v1).ok(), serde_json::to_string(&v2).ok());
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
