//! The largest plan the contract accepts, shared by tests/bounds.rs and the
//! benchmarks: a 10-year horizon with a daily phase (3,653 sessions), every
//! list at its bound and every amount at `Amount::MAX_INPUT`.

use serde_json::{Value, json};

/// The largest amount a plan may state (docs/values.md).
pub const MAX: i64 = 10_000_000_000;

/// The plan, as JSON text.
pub fn largest_valid_plan() -> String {
    largest_valid_value().to_string()
}

/// The plan, as a JSON value, so tests can push one list past its bound.
pub fn largest_valid_value() -> Value {
    // 19 one-session daily phases, then a daily phase to the horizon's end:
    // a session every day of 2028-01-01 .. 2038-01-01 (3,653 days).
    let mut phases: Vec<Value> = (0..19)
        .map(|i| json!({ "name": format!("Phase {i:02}"), "every": { "days": 1 }, "sessions": 1, "price": MAX, "code": "96365" }))
        .collect();
    phases.push(json!({ "name": "Daily", "every": { "days": 1 }, "price": MAX, "code": "96365" }));
    // Every fee on every session: 50 fee lines a day.
    let fees: Vec<Value> = (0..50)
        .map(|i| json!({ "name": format!("Fee {i:02}"), "amount": MAX, "when": "session", "code": "99211" }))
        .collect();
    let packages: Vec<Value> = (0..50)
        .map(|i| json!({ "name": format!("Package {i:02}"), "phase": "Daily", "sessions": 1000 - i, "price": MAX }))
        .collect();
    let discounts: Vec<Value> = (0..10)
        .map(|i| json!({ "name": format!("Discount {i}"), "percent": 9.99 }))
        .collect();
    let assistance: Vec<Value> = (0..5)
        .map(|i| json!({ "name": format!("Programme {i}"), "patientPaysAtMost": 0, "annualMax": MAX }))
        .collect();
    // 400 closed days, all before the start, so every day stays open.
    let closed: Vec<String> = (0..400)
        .map(|i| format!("{}-{:02}-{:02}", 2020 + i / 72, 1 + (i % 72) / 6, 1 + i % 6))
        .collect();
    json!({
        "currency": "USD",
        "start": "2028-01-01",
        "horizon": { "months": 120 },
        "clinic": { "closedWeekdays": [], "closedDates": closed },
        "phases": phases,
        "fees": fees,
        "packages": packages,
        "discounts": discounts,
        "coverage": { "deductible": MAX, "coinsurance": 33.33, "copay": MAX, "outOfPocketMax": MAX, "planYearStart": "07-01" },
        "assistance": assistance,
        "financing": { "months": 120, "apr": 99.99, "downPayment": 0 }
    })
}

/// The largest valid plan with every version 3 feature on: a full fee
/// schedule, copays per visit after the deductible, out-of-network terms
/// with Medicare's limiting charge, a family, patient-filed claims and ten
/// limits the clinic writes off beyond.
pub fn largest_valid_v3_plan() -> String {
    let mut plan = largest_valid_value();
    let mut schedule = serde_json::Map::new();
    for i in 0..198 {
        schedule.insert(format!("CODE-{i:03}"), json!(MAX));
    }
    schedule.insert("96365".into(), json!(MAX / 2));
    schedule.insert("99211".into(), json!(MAX / 3));
    let limits: Vec<Value> = (0..10)
        .map(|i| json!({ "phases": ["Daily", format!("Phase {i:02}")], "sessions": 300 + i, "per": "planYear", "beyond": "clinic" }))
        .collect();
    plan["coverage"] = json!({
        "deductible": MAX, "coinsurance": 33.33, "copay": MAX / 7, "copayAfterDeductible": true,
        "outOfPocketMax": MAX, "planYearStart": "07-01", "type": "government", "network": "out",
        "feeSchedule": schedule, "copayPer": "visit", "balanceBilling": "medicare",
        "outOfNetwork": { "deductible": MAX / 5, "coinsurance": 12.5, "copay": MAX / 9, "copayAfterDeductible": true, "outOfPocketMax": MAX },
        "pharmacy": { "deductible": MAX, "coinsurance": 10 },
        "family": { "deductible": MAX, "deductibleMet": 1, "outOfPocketMax": MAX, "outOfPocketMet": 1 },
        "claims": "patient", "reimbursementDays": 365,
        "limits": limits
    });
    plan.to_string()
}
