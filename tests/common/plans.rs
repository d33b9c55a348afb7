//! Random valid plans, shared by the property tests and the JSON writer's
//! tests: `plan()` uses the version 1 fields, `v2_plan()` adds those of
//! version 2. Every plan they give must decode.
#![allow(dead_code)] // each test file uses its own part

use coursecost::Date;
use proptest::prelude::*;
use serde_json::{Value, json};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

pub fn every() -> impl Strategy<Value = Value> {
    prop_oneof![
        (1u32..=30).prop_map(|n| json!({"days": n})),
        (1u32..=8).prop_map(|n| json!({"weeks": n})),
        (1u32..=3).prop_map(|n| json!({"months": n})),
        prop::sample::subsequence(WEEKDAYS.to_vec(), 1..=3).prop_map(|d| json!({"weekdays": d})),
    ]
}

pub fn phase(i: usize, last: bool) -> impl Strategy<Value = Value> {
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
    pub fn plan()(
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
    pub fn v2_plan()(
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
