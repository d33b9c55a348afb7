//! Bad input: every error code of docs/errors.md at its path, every problem reported
//! at once, and no input — however malformed — panics.
#![cfg(not(target_arch = "wasm32"))] // proptest and the file system are native-only

use coursecost::{ErrorCode, Problem, validate_json};
use proptest::prelude::*;
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "start": "2026-01-05",
        "phases": [
            {"name": "Induction", "every": {"weekdays": ["mon", "wed", "fri"]}, "sessions": 6, "price": 50000},
            {"name": "Boosters", "every": {"weeks": 4}, "price": 50000}
        ],
        "fees": [{"name": "Consultation", "amount": 25000, "when": "once"}]
    })
}

/// Applies `edit` to the base plan and returns its problems.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut plan = base();
    edit(&mut plan);
    validate_json(&plan.to_string())
}

#[track_caller]
fn expect(edit: impl FnOnce(&mut Value), code: ErrorCode, path: &str) -> Problem {
    let found = problems(edit);
    found
        .iter()
        .find(|p| p.code == code && p.path == path)
        .cloned()
        .unwrap_or_else(|| panic!("expected {code} at {path:?}, got {found:#?}"))
}

#[test]
fn the_base_plan_is_valid() {
    assert_eq!(problems(|_| {}), []);
}

#[test]
fn invalid_type() {
    expect(
        |p| p["phases"][0]["price"] = json!("500"),
        ErrorCode::InvalidType,
        "phases[0].price",
    );
    expect(
        |p| p["phases"][0]["price"] = json!(500.5),
        ErrorCode::InvalidType,
        "phases[0].price",
    );
    expect(
        |p| p["start"] = Value::Null,
        ErrorCode::InvalidType,
        "start",
    );
    expect(
        |p| p["phases"] = json!({}),
        ErrorCode::InvalidType,
        "phases",
    );
    expect(
        |p| p["fees"][0]["covered"] = json!("yes"),
        ErrorCode::InvalidType,
        "fees[0].covered",
    );
    // In JSON text a fraction or exponent is an error even when whole.
    for text in ["5.0", "1e2"] {
        let json = base()
            .to_string()
            .replace("\"price\":50000", &format!("\"price\":{text}"));
        let found = validate_json(&json);
        assert!(
            found
                .iter()
                .any(|p| p.code == ErrorCode::InvalidType && p.path == "phases[0].price"),
            "{text}: {found:?}"
        );
    }
    assert_eq!(validate_json("[]")[0].code, ErrorCode::InvalidType);
    assert_eq!(validate_json("{")[0].code, ErrorCode::InvalidType);
}

#[test]
fn null_means_absent_for_optional_fields() {
    assert_eq!(problems(|p| p["coverage"] = Value::Null), []);
    assert_eq!(problems(|p| p["phases"][0]["code"] = Value::Null), []);
}

#[test]
fn missing_field() {
    expect(
        |p| drop(p.as_object_mut().map(|o| o.remove("start"))),
        ErrorCode::MissingField,
        "start",
    );
    expect(
        |p| drop(p["phases"][1].as_object_mut().map(|o| o.remove("price"))),
        ErrorCode::MissingField,
        "phases[1].price",
    );
    expect(
        |p| p["phases"][1]["every"] = json!({}),
        ErrorCode::MissingField,
        "phases[1].every",
    );
}

#[test]
fn unknown_field_suggests_the_nearest_name() {
    let p = expect(
        |p| p["phases"][0]["prcie"] = json!(1),
        ErrorCode::UnknownField,
        "phases[0].prcie",
    );
    assert_eq!(
        p.message,
        "unknown field \"prcie\" — did you mean \"price\"?"
    );
    let p = expect(
        |p| p["colour"] = json!("blue"),
        ErrorCode::UnknownField,
        "colour",
    );
    assert!(p.message.contains("known fields are"), "{}", p.message);
    expect(
        |p| p["phases"][1]["every"] = json!({"wekes": 2}),
        ErrorCode::UnknownField,
        "phases[1].every.wekes",
    );
}

#[test]
fn conflicting_fields() {
    expect(
        |p| p["phases"][0]["weeks"] = json!(2),
        ErrorCode::ConflictingFields,
        "phases[0].weeks",
    );
    expect(
        |p| p["phases"][1]["every"] = json!({"days": 3, "weeks": 2}),
        ErrorCode::ConflictingFields,
        "phases[1].every.weeks",
    );
    expect(
        |p| p["horizon"] = json!({"months": 3, "until": "2026-05-01"}),
        ErrorCode::ConflictingFields,
        "horizon.until",
    );
    expect(
        |p| p["phases"][1]["startAfter"] = json!({"days": 3, "months": 1}),
        ErrorCode::ConflictingFields,
        "phases[1].startAfter.months",
    );
    expect(
        |p| p["coverage"] = json!({"outOfPocketMet": 100}),
        ErrorCode::ConflictingFields,
        "coverage.outOfPocketMet",
    );
}

#[test]
fn invalid_value() {
    let p = expect(
        |p| p["fees"][0]["when"] = json!("onse"),
        ErrorCode::InvalidValue,
        "fees[0].when",
    );
    assert!(p.message.contains("did you mean \"once\""), "{}", p.message);
    expect(
        |p| p["phases"][0]["every"] = json!({"weekdays": ["mon", "mon"]}),
        ErrorCode::InvalidValue,
        "phases[0].every.weekdays[1]",
    );
    expect(
        |p| p["clinic"] = json!({"closedWeekdays": ["sun", "sat", "sun"]}),
        ErrorCode::InvalidValue,
        "clinic.closedWeekdays[2]",
    );
    expect(
        |p| p["phases"][0]["startAfter"] = json!({"weeks": 1}),
        ErrorCode::InvalidValue,
        "phases[0].startAfter",
    );
    expect(
        |p| p["financing"] = json!({"months": 6, "apr": 0, "of": "everything"}),
        ErrorCode::InvalidValue,
        "financing.of",
    );
}

#[test]
fn out_of_range() {
    expect(
        |p| p["phases"][0]["price"] = json!(-1),
        ErrorCode::OutOfRange,
        "phases[0].price",
    );
    expect(
        |p| p["phases"][0]["price"] = json!(10_000_000_001u64),
        ErrorCode::OutOfRange,
        "phases[0].price",
    );
    expect(
        |p| p["phases"][0]["sessions"] = json!(0),
        ErrorCode::OutOfRange,
        "phases[0].sessions",
    );
    expect(
        |p| p["phases"][0]["sessions"] = json!(1001),
        ErrorCode::OutOfRange,
        "phases[0].sessions",
    );
    expect(
        |p| p["horizon"] = json!({"months": 121}),
        ErrorCode::OutOfRange,
        "horizon.months",
    );
    expect(
        |p| p["horizon"] = json!({"until": "2026-01-04"}),
        ErrorCode::OutOfRange,
        "horizon.until",
    );
    expect(
        |p| p["horizon"] = json!({"until": "2036-01-06"}),
        ErrorCode::OutOfRange,
        "horizon.until",
    );
    expect(
        |p| p["coverage"] = json!({"coinsurance": 33.333}),
        ErrorCode::OutOfRange,
        "coverage.coinsurance",
    );
    expect(
        |p| p["coverage"] = json!({"coinsurance": 100.5}),
        ErrorCode::OutOfRange,
        "coverage.coinsurance",
    );
    expect(
        |p| p["coverage"] = json!({"deductible": 100, "deductibleMet": 101}),
        ErrorCode::OutOfRange,
        "coverage.deductibleMet",
    );
    expect(
        |p| p["coverage"] = json!({"outOfPocketMax": 100, "outOfPocketMet": 101}),
        ErrorCode::OutOfRange,
        "coverage.outOfPocketMet",
    );
    expect(
        |p| p["phases"][0]["name"] = json!(""),
        ErrorCode::OutOfRange,
        "phases[0].name",
    );
    expect(
        |p| p["phases"][0]["name"] = json!("é".repeat(81)),
        ErrorCode::OutOfRange,
        "phases[0].name",
    );
    assert_eq!(
        problems(|p| p["phases"][0]["name"] = json!("é".repeat(80))),
        [],
        "80 code points is fine"
    );
    expect(
        |p| p["phases"][0]["code"] = json!("X".repeat(21)),
        ErrorCode::OutOfRange,
        "phases[0].code",
    );
    expect(
        |p| p["clinic"] = json!({"closedDates": vec!["2026-12-25"; 401]}),
        ErrorCode::OutOfRange,
        "clinic.closedDates",
    );
    expect(|p| p["phases"] = json!([]), ErrorCode::OutOfRange, "phases");
    // The discount that takes a kind past 100 % is the one reported.
    expect(
        |p| p["discounts"] = json!([{"name": "A", "percent": 60}, {"name": "B", "percent": 50, "appliesTo": ["fee"]}, {"name": "C", "percent": 40.01}]),
        ErrorCode::OutOfRange,
        "discounts[2]",
    );
    assert_eq!(
        problems(|p| p["discounts"] =
            json!([{"name": "A", "percent": 60}, {"name": "C", "percent": 40}])),
        [],
        "exactly 100 % is allowed"
    );
    expect(
        |p| p["discounts"] = json!([{"name": "Zero", "percent": 0}]),
        ErrorCode::OutOfRange,
        "discounts[0].percent",
    );
}

#[test]
fn invalid_date() {
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "26-01-05",
        "2200-01-01",
        "2026-01-05T00:00:00Z",
    ] {
        expect(|p| p["start"] = json!(bad), ErrorCode::InvalidDate, "start");
    }
    expect(
        |p| p["coverage"] = json!({"planYearStart": "02-29"}),
        ErrorCode::InvalidDate,
        "coverage.planYearStart",
    );
    expect(
        |p| p["clinic"] = json!({"closedDates": ["2026-12-25", "2026-12-32"]}),
        ErrorCode::InvalidDate,
        "clinic.closedDates[1]",
    );
}

#[test]
fn invalid_currency() {
    for bad in ["usd", "XAU", "XDR", "ABC", "US", ""] {
        expect(
            |p| p["currency"] = json!(bad),
            ErrorCode::InvalidCurrency,
            "currency",
        );
    }
    let p = expect(
        |p| p["currency"] = json!("eur"),
        ErrorCode::InvalidCurrency,
        "currency",
    );
    assert!(p.message.contains("\"EUR\""), "{}", p.message);
}

#[test]
fn duplicate_and_unknown_names() {
    expect(
        |p| p["phases"][1]["name"] = json!("Induction"),
        ErrorCode::DuplicateName,
        "phases[1].name",
    );
    expect(
        |p| p["fees"] = json!([{"name": "F", "amount": 1, "when": "once"}, {"name": "F", "amount": 1, "when": "month"}]),
        ErrorCode::DuplicateName,
        "fees[1].name",
    );
    let p = expect(
        |p| p["fees"][0]["phase"] = json!("Inductoin"),
        ErrorCode::UnknownName,
        "fees[0].phase",
    );
    assert!(
        p.message.contains("did you mean \"Induction\""),
        "{}",
        p.message
    );
    expect(
        |p| p["packages"] = json!([{"name": "Six", "phase": "Nope", "sessions": 6, "price": 1}]),
        ErrorCode::UnknownName,
        "packages[0].phase",
    );
    expect(
        |p| {
            p["assistance"] =
                json!([{"name": "Card", "patientPaysAtMost": 1, "phases": ["Boosters", "X"]}])
        },
        ErrorCode::UnknownName,
        "assistance[0].phases[1]",
    );
    expect(
        |p| p["assistance"] = json!([{"name": "Card", "patientPaysAtMost": 1, "fees": ["Nope"]}]),
        ErrorCode::UnknownName,
        "assistance[0].fees[0]",
    );
}

#[test]
fn unreachable_phase_and_all_days_closed() {
    expect(
        |p| {
            p["phases"]
                .as_array_mut()
                .map(|a| a.push(json!({"name": "Later", "every": {"weeks": 1}, "price": 1})))
                .unwrap_or_default()
        },
        ErrorCode::UnreachablePhase,
        "phases[2]",
    );
    expect(
        |p| {
            p["clinic"] =
                json!({"closedWeekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]})
        },
        ErrorCode::AllDaysClosed,
        "clinic.closedWeekdays",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(|p| {
        p["phases"][0]["prcie"] = json!(1);
        p["phases"][1]["price"] = json!(-5);
        p["start"] = json!("2026-02-30");
        p["fees"][0]["when"] = json!("weekly");
    });
    let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    for path in [
        "start",
        "phases[0].prcie",
        "phases[1].price",
        "fees[0].when",
    ] {
        assert!(paths.contains(&path), "{path} missing from {paths:?}");
    }
}

#[test]
fn the_error_message_leads_with_the_path() {
    let err = coursecost::parse_plan(
        r#"{"start":"2026-01-05","phases":[{"name":"A","every":{"weeks":0},"price":1}]}"#,
    )
    .expect_err("weeks 0 is out of range");
    assert!(
        err.to_string()
            .starts_with("phases[0].every.weeks: must be from 1 to 52"),
        "{err}"
    );
    let via_serde =
        serde_json::from_str::<coursecost::Plan>(r#"{"start":"2026-01-05","phases":[],"x":1}"#)
            .expect_err("serde path runs the same checks");
    assert!(via_serde.to_string().contains("phases"), "{via_serde}");
}

#[test]
fn deeply_nested_and_huge_inputs_are_refused_cleanly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(validate_json(&deep)[0].code, ErrorCode::InvalidType);
    let huge = json!({"start": "2026-01-05", "phases": vec![json!(1); 100_000]});
    let found = validate_json(&huge.to_string());
    assert_eq!(
        (found.len(), found[0].code, found[0].path.as_str()),
        (1, ErrorCode::OutOfRange, "phases")
    );
    let long_name = json!({"start": "2026-01-05", "phases": [{"name": "x".repeat(10_000_000), "every": {"days": 1}, "price": 1}]});
    let found = validate_json(&long_name.to_string());
    assert!(found[0].message.len() < 200, "messages stay short");
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z0-9-]{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("2026-01-05"),
            Just("mon"),
            Just("once"),
            Just("USD"),
            Just("02-29")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("start".to_string()),
                        Just("phases".to_string()),
                        Just("every".to_string()),
                        Just("price".to_string()),
                        Just("name".to_string()),
                        Just("weeks".to_string()),
                        Just("sessions".to_string()),
                        Just("coverage".to_string()),
                        "[a-z]{1,8}"
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = validate_json(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_and_problems_are_well_formed(value in arbitrary_json()) {
        for p in validate_json(&value.to_string()) {
            prop_assert!(!p.message.is_empty());
        }
    }

    #[test]
    fn a_mutated_valid_plan_never_panics(path in prop::sample::select(vec![
        "/start", "/horizon", "/phases/0", "/phases/0/every", "/phases/1/price", "/phases/1/every",
        "/fees/0", "/fees/0/when", "/clinic", "/coverage", "/financing", "/discounts", "/phases/0/sessions",
    ]), value in arbitrary_json()) {
        let mut plan = base();
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        let target = if parent.is_empty() { Some(&mut plan) } else { plan.pointer_mut(parent) };
        match target {
            Some(Value::Object(map)) => { map.insert(key.to_string(), value); }
            Some(Value::Array(items)) => if let Ok(i) = key.parse::<usize>() { if i < items.len() { items[i] = value; } },
            _ => {}
        }
        if let Ok(estimate) = coursecost::estimate_json(&plan.to_string()) {
            prop_assert_eq!(estimate.totals.charge, estimate.lines.iter().map(|l| l.charge).sum());
        }
    }
}

#[test]
fn problem_reports_are_bounded() {
    let mut plan = base();
    for i in 0..10_000 {
        plan[format!("junk{i}")] = json!(i);
    }
    assert_eq!(
        validate_json(&plan.to_string()).len(),
        coursecost::limits::MAX_PROBLEMS
    );
}

/// An edit of the base plan, the problem it must cause, and where.
type Case = (Box<dyn FnOnce(&mut Value)>, ErrorCode, &'static str);

#[test]
fn every_version_2_field_is_checked_at_its_path() {
    use ErrorCode::*;
    let cases: Vec<Case> = vec![
        (
            Box::new(|p| p["phases"][0]["allowed"] = json!(50001)),
            OutOfRange,
            "phases[0].allowed",
        ),
        (
            Box::new(|p| p["phases"][0]["allowed"] = json!(1.5)),
            InvalidType,
            "phases[0].allowed",
        ),
        (
            Box::new(|p| p["fees"][0]["allowed"] = json!(25001)),
            OutOfRange,
            "fees[0].allowed",
        ),
        (
            Box::new(|p| p["phases"][0]["benefit"] = json!("dental")),
            InvalidValue,
            "phases[0].benefit",
        ),
        (
            Box::new(|p| p["fees"][0]["benefit"] = json!(true)),
            InvalidType,
            "fees[0].benefit",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"type": "private"})),
            InvalidValue,
            "coverage.type",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"network": "outside"})),
            InvalidValue,
            "coverage.network",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"accumulator": "yes"})),
            InvalidType,
            "coverage.accumulator",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"pharmacy": {"planYearStart": "07-01"}})),
            UnknownField,
            "coverage.pharmacy.planYearStart",
        ),
        (
            Box::new(|p| {
                p["coverage"] = json!({"pharmacy": {"deductible": 100, "deductibleMet": 200}})
            }),
            OutOfRange,
            "coverage.pharmacy.deductibleMet",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"pharmacy": {"outOfPocketMet": 5}})),
            ConflictingFields,
            "coverage.pharmacy.outOfPocketMet",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"pharmacy": {"coinsurance": 100.001}})),
            OutOfRange,
            "coverage.pharmacy.coinsurance",
        ),
        (
            Box::new(|p| {
                p["coverage"] =
                    json!({"limits": [{"phases": ["Induction"], "sessions": 6, "per": "month"}]})
            }),
            InvalidValue,
            "coverage.limits[0].per",
        ),
        (
            Box::new(|p| {
                p["coverage"] = json!({"limits": [{"phases": ["Induction"], "sessions": 0}]})
            }),
            OutOfRange,
            "coverage.limits[0].sessions",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"limits": [{"phases": [], "sessions": 6}]})),
            OutOfRange,
            "coverage.limits[0].phases",
        ),
        (
            Box::new(|p| {
                p["coverage"] =
                    json!({"limits": [{"phases": ["Induction", "Induction"], "sessions": 6}]})
            }),
            InvalidValue,
            "coverage.limits[0].phases[1]",
        ),
        (
            Box::new(|p| {
                p["coverage"] = json!({"limits": [{"phases": ["Inductoin"], "sessions": 6}]})
            }),
            UnknownName,
            "coverage.limits[0].phases[0]",
        ),
        (
            Box::new(|p| p["coverage"] = json!({"limits": [{"sessions": 6}]})),
            MissingField,
            "coverage.limits[0].phases",
        ),
        (
            Box::new(|p| {
                p["coverage"] =
                    json!({"limits": [{"phases": ["Induction"], "sessions": 6, "perr": "course"}]})
            }),
            UnknownField,
            "coverage.limits[0].perr",
        ),
        (
            Box::new(|p| {
                p["coverage"] =
                    json!({"limits": vec![json!({"phases": ["Induction"], "sessions": 1}); 11]})
            }),
            OutOfRange,
            "coverage.limits",
        ),
        (
            Box::new(|p| {
                p["assistance"] =
                    json!([{"name": "Card", "patientPaysAtMost": 0, "requires": "medicare"}])
            }),
            InvalidValue,
            "assistance[0].requires",
        ),
    ];
    for (edit, code, path) in cases {
        expect(edit, code, path);
    }
    // The misplaced plan-year start names where it belongs.
    let p = expect(
        |p| p["coverage"] = json!({"pharmacy": {"planYearStart": "07-01"}}),
        UnknownField,
        "coverage.pharmacy.planYearStart",
    );
    assert!(
        p.message.contains("coverage.planYearStart"),
        "{}",
        p.message
    );
    // The allowed amount may equal the price, and every field at its default is valid.
    assert_eq!(
        problems(|p| {
            p["phases"][0]["allowed"] = json!(50000);
            p["coverage"] = json!({"type": "government", "network": "out", "accumulator": true,
                "pharmacy": {"copay": 1000, "outOfPocketMax": 200000},
                "limits": [{"phases": ["Induction", "Boosters"], "sessions": 36, "per": "course"}]});
            p["assistance"] =
                json!([{"name": "Card", "patientPaysAtMost": 0, "requires": "commercial"}]);
        }),
        []
    );
}
