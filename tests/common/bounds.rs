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
