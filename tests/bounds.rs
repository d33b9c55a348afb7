//! Resource bounds and arithmetic at the limits: the largest valid
//! plan estimates exactly, anything past a bound is refused before work is
//! done, and huge or deeply nested JSON is refused quickly with a clear
//! problem. Timings are in the benchmarks (BENCHMARKS.md), not here.

#[path = "common/bounds.rs"]
mod bounds;
#[path = "common/invariants.rs"]
mod invariants;

use bounds::{MAX, largest_valid_plan, largest_valid_v3_plan, largest_valid_value};
use coursecost::{ErrorCode, estimate_json, parse_plan, validate_json};
use serde_json::{Value, json};

#[test]
fn the_largest_valid_plan_estimates_exactly_without_overflow() {
    let e = estimate_json(&largest_valid_plan()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(e.totals.sessions, 3653);
    // Every session carries 50 fee lines; the package lines stand for their
    // sessions; session lines for the rest.
    let fee_lines = e
        .lines
        .iter()
        .filter(|l| l.kind == coursecost::LineKind::Fee)
        .count();
    assert_eq!(fee_lines, 3653 * 50);
    let quantity: u32 = e
        .lines
        .iter()
        .filter(|l| l.kind != coursecost::LineKind::Fee)
        .map(|l| l.quantity)
        .sum();
    assert_eq!(quantity, 3653);
    // The worst-case gross, computed independently in i128: every session
    // line and fee line at MAX, every package at MAX.
    let packages = e
        .lines
        .iter()
        .filter(|l| l.kind == coursecost::LineKind::Package)
        .count() as i128;
    let session_lines = e
        .lines
        .iter()
        .filter(|l| l.kind == coursecost::LineKind::Session)
        .count() as i128;
    let gross = (packages + session_lines + 3653 * 50) * i128::from(MAX);
    assert_eq!(i128::from(e.totals.gross.minor()), gross);
    // Every sum stays an exact JavaScript number (below 2^53).
    assert!(gross < 1i128 << 53, "{gross}");
    let broken = invariants::violations(&e);
    assert!(broken.is_empty(), "{broken:?}");
    let sum = |f: fn(&coursecost::Line) -> i64| e.lines.iter().map(f).map(i128::from).sum::<i128>();
    assert_eq!(
        sum(|l| l.charge.minor()),
        i128::from(e.totals.charge.minor())
    );
    assert_eq!(
        sum(|l| l.patient_pays.minor()),
        i128::from(e.totals.patient_pays.minor())
    );
    // Ten discounts of 9.99 % each: 99.9 % off, rounded per line.
    assert_eq!(e.lines[0].discount.minor(), MAX * 9990 / 10_000);
    let financing = e.financing.as_ref().expect("a payment plan");
    assert_eq!(financing.principal, e.totals.patient_pays);
    assert_eq!(
        financing.total_paid.minor(),
        financing.principal.minor() + financing.total_interest.minor()
    );
}

#[test]
fn the_largest_valid_version_3_plan_estimates_exactly_without_overflow() {
    let e = estimate_json(&largest_valid_v3_plan()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(e.totals.sessions, 3653);
    let broken = invariants::violations(&e);
    assert!(broken.is_empty(), "{broken:?}");
    // Coverage moves money between who pays, never the charge: the same
    // gross as the version 2 plan.
    let v2 = estimate_json(&largest_valid_plan()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(e.totals.gross, v2.totals.gross);
    let t = &e.totals;
    assert_eq!(t.paid, Some(t.patient_pays + t.insurer_pays));
    // Every amount stays an exact JavaScript number.
    for amount in [
        t.charge,
        t.adjustment,
        t.insurer_pays,
        t.patient_pays,
        t.balance_bill,
    ] {
        assert!(i128::from(amount.minor()) < 1i128 << 53);
    }
    // The limits write sessions off every plan year.
    assert!(
        e.warnings
            .iter()
            .any(|w| w.code == coursecost::WarningCode::WrittenOffBeyondLimit)
    );
}

/// A change to the largest valid plan.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn one_past_any_bound_is_refused_with_its_path() {
    let cases: Vec<(&str, Edit)> = vec![
        (
            "phases",
            Box::new(|v| {
                v["phases"].as_array_mut().map(|a| a.insert(0, json!({ "name": "Extra", "every": { "days": 1 }, "sessions": 1, "price": 1 }))).unwrap_or(())
            }),
        ),
        (
            "fees",
            Box::new(|v| {
                v["fees"]
                    .as_array_mut()
                    .map(|a| a.push(json!({ "name": "Extra", "amount": 1, "when": "once" })))
                    .unwrap_or(())
            }),
        ),
        (
            "packages",
            Box::new(|v| {
                v["packages"]
                    .as_array_mut()
                    .map(|a| {
                        a.push(
                            json!({ "name": "Extra", "phase": "Daily", "sessions": 1, "price": 1 }),
                        )
                    })
                    .unwrap_or(())
            }),
        ),
        (
            "discounts",
            Box::new(|v| {
                v["discounts"]
                    .as_array_mut()
                    .map(|a| a.push(json!({ "name": "Extra", "percent": 0.01 })))
                    .unwrap_or(())
            }),
        ),
        (
            "assistance",
            Box::new(|v| {
                v["assistance"]
                    .as_array_mut()
                    .map(|a| a.push(json!({ "name": "Extra", "patientPaysAtMost": 0 })))
                    .unwrap_or(())
            }),
        ),
        (
            "clinic.closedDates",
            Box::new(|v| {
                v["clinic"]["closedDates"]
                    .as_array_mut()
                    .map(|a| a.push(json!("2019-01-01")))
                    .unwrap_or(())
            }),
        ),
        (
            "horizon.months",
            Box::new(|v| v["horizon"] = json!({ "months": 121 })),
        ),
        (
            "phases[0].price",
            Box::new(|v| v["phases"][0]["price"] = json!(MAX + 1)),
        ),
        (
            "fees[0].amount",
            Box::new(|v| v["fees"][0]["amount"] = json!(MAX + 1)),
        ),
        (
            "phases[0].name",
            Box::new(|v| v["phases"][0]["name"] = json!("x".repeat(81))),
        ),
        (
            "phases[0].code",
            Box::new(|v| v["phases"][0]["code"] = json!("9".repeat(21))),
        ),
    ];
    for (path, change) in cases {
        let mut plan = largest_valid_value();
        change(&mut plan);
        let problems = validate_json(&plan.to_string());
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.code == ErrorCode::OutOfRange),
            "{path}: {problems:#?}"
        );
    }
}

fn only_problem(json: &str) -> coursecost::Problem {
    let mut problems = validate_json(json);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.remove(0)
}

#[test]
fn huge_and_deep_json_is_refused_quickly_with_a_clear_problem() {
    // A 10 MB name: refused at its path, and the message does not repeat it.
    let big = format!(
        r#"{{"start":"2026-01-05","phases":[{{"name":"{}","every":{{"weeks":1}},"price":1}}]}}"#,
        "x".repeat(10 << 20)
    );
    let p = only_problem(&big);
    assert_eq!(
        (p.code, p.path.as_str()),
        (ErrorCode::OutOfRange, "phases[0].name")
    );
    assert!(p.message.len() < 200, "{}", p.message);
    // A 100,000-element list: refused by its length, before any element is read.
    let many = format!(
        r#"{{"start":"2026-01-05","phases":[{}]}}"#,
        vec![r#"{"name":1}"#; 100_000].join(",")
    );
    let p = only_problem(&many);
    assert_eq!((p.code, p.path.as_str()), (ErrorCode::OutOfRange, "phases"));
    assert!(p.message.contains("100000 entries"), "{}", p.message);
    // Nesting 100,000 deep: the JSON reader's depth limit, not a stack overflow.
    let deep = format!(
        r#"{{"start":"2026-01-05","x":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let p = only_problem(&deep);
    assert_eq!(p.code, ErrorCode::InvalidType);
    assert!(
        p.message.contains("not valid JSON") && p.message.contains("recursion limit"),
        "{}",
        p.message
    );
    // A 10 MB unknown key: reported, clipped.
    let key = format!(
        r#"{{"start":"2026-01-05","phases":[],"{}":1}}"#,
        "k".repeat(10 << 20)
    );
    let problems = validate_json(&key);
    assert!(
        problems
            .iter()
            .all(|p| p.path.len() < 200 && p.message.len() < 400),
        "problems repeat the key"
    );
    assert!(problems.iter().any(|p| p.code == ErrorCode::UnknownField));
}

#[test]
fn the_benchmark_fixtures_are_what_they_claim() {
    let read = |name: &str| {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture");
        parse_plan(&text)
            .map(|p| coursecost::estimate(&p))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let a = read("a-iv-ketamine.json");
    assert_eq!((a.totals.sessions, a.totals.insurer_pays.minor()), (18, 0));
    let b = read("b-esketamine.json");
    assert_eq!(
        b.plan_years.as_ref().map(Vec::len),
        Some(3),
        "crosses plan years"
    );
    assert!(b.totals.assistance.minor() > 0 && b.totals.insurer_pays.minor() > 0);
    let c = read("c-tms-10-years.json");
    assert!(c.totals.sessions > 2000, "{}", c.totals.sessions);
    assert!(
        c.lines
            .iter()
            .any(|l| l.kind == coursecost::LineKind::Package)
    );
    assert!(c.totals.discount.minor() > 0 && c.financing.is_some());
}
