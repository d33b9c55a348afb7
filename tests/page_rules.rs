//! The rules the pages used to keep, given by the engine: the bound an
//! `out_of_range` problem broke, the `requireTerms` check, the reason a
//! programme pays nothing, and how the engine counts a currency.

use coursecost::{
    ErrorCode, Problem, WarningCode, WarningReason, decode_currency, decode_plan_with,
    estimate_json, validate_json,
};
use serde_json::{Value, json};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{has, problems, quote_of, sample, self_pay};

fn base() -> Value {
    json!({
        "start": "2026-01-05",
        "horizon": { "months": 2 },
        "phases": [{ "name": "Sessions", "every": { "weeks": 1 }, "price": 50000 }]
    })
}

/// The one problem of `plan`.
#[track_caller]
fn only(plan: &Value) -> Problem {
    let found = validate_json(&plan.to_string());
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0].clone()
}

// ---------------------------------------------------------------------------
// The bound an out_of_range problem broke

#[test]
fn a_value_in_a_range_carries_both_ends() {
    // `every.weeks` is a whole number from 1 to 52 (limits.md): 0 and 53
    // break the range, and both ends are given either way.
    for weeks in [0, 53] {
        let mut plan = base();
        plan["phases"][0]["every"]["weeks"] = json!(weeks);
        let p = only(&plan);
        assert_eq!(
            (p.code, p.path.as_str()),
            (ErrorCode::OutOfRange, "phases[0].every.weeks")
        );
        assert_eq!((p.min, p.max), (Some(1), Some(52)), "weeks {weeks}");
    }
    // A percentage is 0 to 100.
    let mut plan = base();
    plan["coverage"] = json!({ "coinsurance": 120 });
    let p = only(&plan);
    assert_eq!(
        (p.path.as_str(), p.min, p.max),
        ("coverage.coinsurance", Some(0), Some(100))
    );
    // An amount is 0 to 10,000,000,000 minor units.
    let mut plan = base();
    plan["phases"][0]["price"] = json!(-1);
    let p = only(&plan);
    assert_eq!(
        (p.path.as_str(), p.min, p.max),
        ("phases[0].price", Some(0), Some(10_000_000_000))
    );
    // A name is 1 to 80 characters: the empty name breaks it.
    let mut plan = base();
    plan["phases"][0]["name"] = json!("");
    let p = only(&plan);
    assert_eq!(
        (p.path.as_str(), p.min, p.max),
        ("phases[0].name", Some(1), Some(80))
    );
}

#[test]
fn a_bound_of_one_side_carries_that_side() {
    // A met amount above its amount: at most the deductible, 200000.
    let mut plan = base();
    plan["coverage"] = json!({ "deductible": 200000, "deductibleMet": 250000 });
    let p = only(&plan);
    assert_eq!(
        (p.code, p.path.as_str(), p.min, p.max),
        (
            ErrorCode::OutOfRange,
            "coverage.deductibleMet",
            None,
            Some(200000)
        )
    );
    // An allowed amount above the price (50000): at most the price.
    let mut plan = base();
    plan["phases"][0]["allowed"] = json!(60000);
    let p = only(&plan);
    assert_eq!(
        (p.path.as_str(), p.min, p.max),
        ("phases[0].allowed", None, Some(50000))
    );
    // A family deductible below the patient's 150000: at least that.
    let mut plan = base();
    plan["coverage"] = json!({ "deductible": 150000, "family": { "deductible": 100000 } });
    let p = only(&plan);
    assert_eq!(
        (p.code, p.path.as_str(), p.min, p.max),
        (
            ErrorCode::OutOfRange,
            "coverage.family.deductible",
            Some(150000),
            None
        )
    );
    // No phase: a list that needs one entry.
    let mut plan = base();
    plan["phases"] = json!([]);
    let p = only(&plan);
    assert_eq!((p.path.as_str(), p.min, p.max), ("phases", Some(1), None));
    // 21 phases: at most 20 entries (limits.md).
    let mut plan = base();
    let phase = plan["phases"][0].clone();
    plan["phases"] = Value::Array(vec![phase; 21]);
    let p = only(&plan);
    assert_eq!((p.path.as_str(), p.min, p.max), ("phases", None, Some(20)));
}

#[test]
fn other_problems_carry_no_bound() {
    // A percent with three decimals breaks no number's bound.
    let mut plan = base();
    plan["coverage"] = json!({ "coinsurance": 12.345 });
    let p = only(&plan);
    assert_eq!((p.code, p.min, p.max), (ErrorCode::OutOfRange, None, None));
    // Nor does a problem of another code.
    let mut plan = base();
    plan["phases"][0]["price"] = json!("500");
    let p = only(&plan);
    assert_eq!((p.code, p.min, p.max), (ErrorCode::InvalidType, None, None));
    // And neither is written out when absent.
    let text = serde_json::to_string(&p).unwrap_or_default();
    assert!(
        !text.contains(r#""min""#) && !text.contains(r#""max""#),
        "{text}"
    );
}

// ---------------------------------------------------------------------------
// requireTerms

fn with_terms(plan: &Value, options: &Value) -> Vec<Problem> {
    match decode_plan_with(plan, Some(options)) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_problems(),
    }
}

#[test]
fn require_terms_asks_for_the_deductible_and_the_coinsurance_or_copay() {
    let on = json!({ "requireTerms": true });
    // Neither given: both asked for, at their paths.
    let mut plan = base();
    plan["coverage"] = json!({ "outOfPocketMax": 500000 });
    let found = with_terms(&plan, &on);
    let at: Vec<(ErrorCode, &str)> = found.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(
        at,
        [
            (ErrorCode::MissingField, "coverage.deductible"),
            (ErrorCode::MissingField, "coverage.coinsurance"),
        ]
    );
    // Without the option the same plan is valid: both are 0.
    assert_eq!(with_terms(&plan, &json!({})), []);
    assert_eq!(with_terms(&plan, &json!({ "requireTerms": false })), []);
    // Zero written out, or a copay instead of a coinsurance, is named.
    plan["coverage"] = json!({ "deductible": 0, "copay": 2500 });
    assert_eq!(with_terms(&plan, &on), []);
    plan["coverage"] = json!({ "deductible": 0, "coinsurance": 0 });
    assert_eq!(with_terms(&plan, &on), []);
    // The pharmacy's and the out-of-network terms are held to it too.
    plan["coverage"]["pharmacy"] = json!({ "copay": 1000 });
    plan["coverage"]["outOfNetwork"] = json!({ "deductible": 300000 });
    let found = with_terms(&plan, &on);
    let at: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        at,
        [
            "coverage.pharmacy.deductible",
            "coverage.outOfNetwork.coinsurance"
        ]
    );
    // A plan without coverage passes.
    assert_eq!(with_terms(&base(), &on), []);
}

#[test]
fn the_options_are_checked() {
    let found = with_terms(&base(), &json!({ "requireTerm": true }));
    assert!(
        has(&found, ErrorCode::UnknownField, "options.requireTerm"),
        "{found:#?}"
    );
    let found = with_terms(&base(), &json!({ "requireTerms": "yes" }));
    assert!(
        has(&found, ErrorCode::InvalidType, "options.requireTerms"),
        "{found:#?}"
    );
}

#[test]
fn a_quote_input_can_require_its_terms() {
    let mut input = self_pay("esketamine");
    input["payment"] = json!("insured");
    input["coverage"] = json!({ "coinsurance": 20 });
    // Without the field, a blank deductible is 0 and the quote is made.
    assert!(quote_of(&sample(), &input).is_ok());
    input["requireTerms"] = json!(true);
    let found = problems(quote_of(&sample(), &input));
    let at: Vec<(ErrorCode, &str)> = found.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(at, [(ErrorCode::MissingField, "input.coverage.deductible")]);
}

// ---------------------------------------------------------------------------
// Why a programme pays nothing

#[test]
fn assistance_not_eligible_says_why() {
    let programme =
        json!({ "name": "Copay card", "patientPaysAtMost": 1000, "requires": "commercial" });
    let reason_of = |coverage: Option<Value>| {
        let mut plan = base();
        plan["assistance"] = json!([programme]);
        if let Some(c) = coverage {
            plan["coverage"] = c;
        }
        let e = estimate_json(&plan.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let w: Vec<_> = e
            .warnings
            .iter()
            .filter(|w| w.code == WarningCode::AssistanceNotEligible)
            .map(|w| (w.path.clone(), w.reason))
            .collect();
        w
    };
    // No insurance at all: the card requires commercial insurance.
    assert_eq!(
        reason_of(None),
        [("assistance[0]".to_string(), Some(WarningReason::NoCoverage))]
    );
    // Medicare: insured, but not commercially.
    assert_eq!(
        reason_of(Some(json!({ "type": "government" }))),
        [(
            "assistance[0]".to_string(),
            Some(WarningReason::NotCommercial)
        )]
    );
    // A commercial plan qualifies: no warning.
    assert_eq!(reason_of(Some(json!({ "type": "commercial" }))), []);
    // In JSON the reason is camelCase.
    let mut plan = base();
    plan["assistance"] = json!([programme]);
    let e = estimate_json(&plan.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string(&e.warnings).unwrap_or_default();
    assert!(text.contains(r#""reason":"noCoverage""#), "{text}");
}

// ---------------------------------------------------------------------------
// currency

#[test]
fn currency_says_how_the_engine_counts_it() {
    let unit = |code: &str| decode_currency(Some(&json!(code)));
    // ISO 4217: the yen has no minor unit, the dinar three, the dollar two.
    let yen = unit("JPY").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((yen.code(), yen.minor_units()), ("JPY", 0));
    let kwd = unit("KWD").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((kwd.code(), kwd.minor_units()), ("KWD", 3));
    let none: Option<&Value> = None;
    let usd = decode_currency(none).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((usd.code(), usd.minor_units()), ("USD", 2));
    // Refused as a plan's currency is, at the empty path.
    let bad = problems(unit("usd"));
    assert_eq!(
        (bad[0].code, bad[0].path.as_str()),
        (ErrorCode::InvalidCurrency, "")
    );
    assert!(bad[0].message.contains("capitals"), "{}", bad[0].message);
    let bad = problems(decode_currency(Some(&json!(5))));
    assert_eq!(bad[0].code, ErrorCode::InvalidType);
}
