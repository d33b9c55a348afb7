//! Properties over generated valid plans: the docs/estimate.md invariants,
//! estimates that do not depend on how the plan's JSON is laid out, and the
//! hand-written calendar against the `time` crate.
#![cfg(not(target_arch = "wasm32"))] // proptest and the file system are native-only

use coursecost::{Date, Estimate, Plan, estimate, estimate_json, parse_plan};
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "common/plans.rs"]
mod plans;
use plans::{plan, v2_plan};

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

/// A small deterministic generator (SplitMix64) for layouts.
struct Mix(u64);

impl Mix {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below as u64) as usize
    }
}

/// `value` with the keys of every object in a shuffled order, the first
/// object's keys reversed at least (so the order always changes where there
/// are two keys). Arrays keep their order: it means something.
fn reordered(value: &Value, seed: u64) -> Value {
    fn go(v: &Value, mix: &mut Mix, depth: usize) -> Value {
        match v {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                if depth == 0 {
                    entries.reverse();
                } else {
                    for i in (1..entries.len()).rev() {
                        entries.swap(i, mix.next(i + 1));
                    }
                }
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.clone(), go(v, mix, depth + 1)))
                        .collect(),
                )
            }
            Value::Array(items) => {
                Value::Array(items.iter().map(|v| go(v, mix, depth + 1)).collect())
            }
            other => other.clone(),
        }
    }
    go(value, &mut Mix(seed), 0)
}

/// `value` as JSON text with random JSON whitespace (space, tab, CR, LF)
/// around every token.
fn spaced(value: &Value, seed: u64) -> String {
    fn ws(out: &mut String, mix: &mut Mix) {
        for _ in 0..mix.next(3) {
            out.push([' ', '\t', '\r', '\n'][mix.next(4)]);
        }
    }
    fn go(v: &Value, out: &mut String, mix: &mut Mix) {
        ws(out, mix);
        match v {
            Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    ws(out, mix);
                    out.push_str(&Value::String(k.clone()).to_string());
                    ws(out, mix);
                    out.push(':');
                    go(v, out, mix);
                }
                ws(out, mix);
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    go(v, out, mix);
                }
                ws(out, mix);
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
        ws(out, mix);
    }
    let mut out = String::new();
    go(value, &mut out, &mut Mix(seed ^ 0x5EED));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_hold_and_a_plan_reads_back_as_itself(value in plan()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        check_invariants(&plan, &estimate(&plan))?;
        // A plan serialised and read back is the same plan.
        let round_trip = parse_plan(&serde_json::to_string(&plan).unwrap_or_default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&round_trip, &plan);
    }

    /// JSON objects are unordered and whitespace means nothing: the same
    /// plan written with its keys in another order (at every depth) and
    /// other whitespace between its tokens must give the same plan and the
    /// same estimate. The text is parsed with key order kept, so a decoder
    /// that read fields in document order (resolving `fees[].phase` before
    /// `phases` was read, letting a later key win, or taking `sessions`
    /// before `weeks`) would fail here.
    #[test]
    fn the_estimate_does_not_depend_on_key_order_or_whitespace(value in v2_plan(), seed in any::<u64>()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let shuffled = spaced(&reordered(&value, seed), seed);
        prop_assert_ne!(&shuffled, &text, "the layout must differ to test anything");
        let other = parse_plan(&shuffled).map_err(|e| TestCaseError::fail(format!("{e}\n{shuffled}")))?;
        prop_assert_eq!(&other, &plan, "{}", shuffled);
        let (a, b) = (estimate(&plan), estimate(&other));
        prop_assert_eq!(serde_json::to_string(&a).ok(), serde_json::to_string(&b).ok());
        prop_assert_eq!(a, b);
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
