//! The wasm build hands every result to JavaScript as text written by
//! `coursecost::json`, not serde_json. Here the two are held to the same
//! JSON — same values and same key order — for every kind of result the
//! engine gives: estimates (and the plans they come from), ranges,
//! comparisons, quotes, Good Faith Estimates, the catalogue's presets and
//! coverage examples, and problems. The inputs are random, with names and
//! texts full of quotes, backslashes, control characters and non-ASCII
//! text, and amounts near the contract's bound.
#![cfg(not(target_arch = "wasm32"))] // proptest is native-only

use coursecost::{
    Date, Error, compare, coverage_examples, decode_options, good_faith_estimate, parse_plan,
    parse_quote, presets, quote, range,
};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

#[path = "common/plans.rs"]
mod plans;
use plans::v2_plan;

#[path = "common/sheets.rs"]
mod sheets;
use sheets::sample;

/// The largest amount a plan may state (docs/values.md).
const MAX: i64 = 10_000_000_000;

fn fail(what: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(what.to_string())
}

/// `x` written by our writer reads back as the very JSON serde_json writes
/// for it, keys in the same order. (serde_json keeps key order here: the
/// crate is built with `preserve_order`.)
fn same_json<T: Serialize + ?Sized>(x: &T) -> Result<(), TestCaseError> {
    let ours = coursecost::json::to_string(x).map_err(fail)?;
    let read: Value = serde_json::from_str(&ours).map_err(|e| fail(format!("{e}: {ours}")))?;
    let theirs = serde_json::to_value(x).map_err(fail)?;
    prop_assert_eq!(&read, &theirs);
    // Value equality ignores key order; the texts do not.
    prop_assert_eq!(
        serde_json::to_string(&read).map_err(fail)?,
        serde_json::to_string(x).map_err(fail)?
    );
    Ok(())
}

/// Either side of a result: the value, or every problem of the error.
fn same_json_of<T: Serialize>(result: &Result<T, Error>) -> Result<(), TestCaseError> {
    match result {
        Ok(value) => same_json(value),
        Err(e) => same_json(e.problems()),
    }
}

/// Characters that need care in JSON text: `"`, `\`, `/`, every C0
/// control, DEL, the line and paragraph separators (valid JSON, invalid
/// JavaScript before ES2019), non-ASCII of one to four UTF-8 bytes, a BOM
/// and any other char.
fn awkward_char(controls: bool) -> BoxedStrategy<char> {
    let mut chars = vec![
        Just('"').boxed(),
        Just('\\').boxed(),
        Just('/').boxed(),
        Just('\u{7f}').boxed(),
        Just('\u{2028}').boxed(),
        Just('\u{2029}').boxed(),
        Just('é').boxed(),
        Just('€').boxed(),
        Just('😀').boxed(),
        Just('\u{feff}').boxed(),
        prop::char::range('a', 'z').boxed(),
        any::<char>()
            .prop_filter("no control", move |c| controls || !c.is_control())
            .boxed(),
    ];
    if controls {
        chars.push(prop::char::range('\0', '\u{1f}').boxed());
    }
    prop::strategy::Union::new(chars).boxed()
}

/// A text of `min..=max` code points.
fn text(min: usize, max: usize, controls: bool) -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_char(controls), min..=max).prop_map(|v| v.into_iter().collect())
}

/// Renames every name in `plan` and its references (`P0` → `<text>0`, and
/// so on: the index stays last, so names stay unique within their list).
fn rename(value: &mut Value, names: &[String]) {
    match value {
        Value::String(s) if s == "Card" => *s = names[names.len() - 1].clone(),
        Value::String(s) => {
            let mut chars = s.chars();
            let (Some(kind), Some(i)) = (chars.next(), chars.next()) else {
                return;
            };
            if chars.next().is_none() && "PFKD".contains(kind) && i.is_ascii_digit() {
                let at = "PFKD".find(kind).unwrap_or(0) * 3 + (i as usize - '0' as usize);
                *s = format!("{}{i}", names[at % names.len()]);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename(v, names)),
        Value::Object(map) => map.values_mut().for_each(|v| rename(v, names)),
        _ => {}
    }
}

/// Every amount in the plan moved to just under the bound.
fn near_the_bound(plan: &mut Value, below: i64) {
    for list in ["phases", "fees", "packages"] {
        for item in plan[list].as_array_mut().into_iter().flatten() {
            for key in ["price", "amount"] {
                if item.get(key).is_some() {
                    item[key] = json!(MAX - below);
                }
            }
            if item.get("allowed").is_some() {
                item["allowed"] = json!(MAX - 2 * below);
            }
        }
    }
    if let Some(c) = plan.get_mut("coverage") {
        for key in ["deductible", "copay"] {
            if c.get(key).is_some() {
                c[key] = json!(MAX - below);
            }
        }
    }
}

prop_compose! {
    /// A valid plan with awkward names and codes, its amounts near the
    /// bound or not.
    fn awkward_plan()(
        mut plan in v2_plan(),
        names in prop::collection::vec(text(1, 70, true), 13),
        codes in prop::collection::vec(text(0, 20, true), 3),
        big in prop::option::of(0i64..1000),
    ) -> Value {
        rename(&mut plan, &names);
        for (phase, code) in plan["phases"].as_array_mut().into_iter().flatten().zip(&codes) {
            phase["code"] = json!(code);
        }
        if let Some(below) = big {
            near_the_bound(&mut plan, below);
        }
        plan
    }
}

/// A field of `plan` broken in one of several ways: a wrong type, a value
/// out of range, an unknown key or name spelt awkwardly.
fn broken(mut plan: Value, how: usize, word: &str) -> Value {
    match how {
        0 => plan["phases"][0]["price"] = json!(word),
        1 => plan["phases"][0]["price"] = json!(MAX + 1),
        2 => plan["start"] = json!(word),
        3 => plan[word] = json!(1),
        4 => plan["phases"][0][word] = json!(null),
        5 => {
            plan["fees"] = json!([{"name": "F", "amount": 1, "when": "once", "phase": word}]);
        }
        6 => plan["phases"][0]["price"] = json!(1.5),
        _ => plan["phases"] = json!([]),
    }
    plan
}

/// Options for ranges and comparisons, from a generated plan's insurance,
/// programmes and horizon (each kept or not).
fn options_from(plan: &Value, keep: [bool; 3]) -> Value {
    let mut options = json!({});
    for (key, keep) in ["coverage", "assistance", "horizon"].into_iter().zip(keep) {
        if keep && plan.get(key).is_some() {
            options[key] = plan[key].clone();
        }
    }
    // Limits name the generated plan's phases, which a preset does not have.
    if let Some(c) = options.get_mut("coverage").and_then(Value::as_object_mut) {
        c.remove("limits");
    }
    options
}

fn date(days: i32) -> Date {
    Date::from_days_since_epoch(days)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn estimates_and_their_plans(value in awkward_plan()) {
        let text = value.to_string();
        let plan = parse_plan(&text).map_err(|e| fail(format!("{e}\n{text}")))?;
        same_json(&plan)?;
        same_json(&coursecost::estimate(&plan))?;
    }

    #[test]
    fn problems_of_invalid_plans(value in awkward_plan(), how in 0usize..8, word in text(1, 30, true)) {
        let text = broken(value, how, &word).to_string();
        let err = parse_plan(&text).err().ok_or_else(|| fail(format!("should be refused: {text}")))?;
        prop_assert!(!err.problems().is_empty());
        same_json(err.problems())?;
        for problem in err.problems() {
            same_json(problem)?;
        }
    }

    #[test]
    fn problems_of_text_that_is_not_json(word in text(0, 30, true)) {
        let err = parse_plan(&format!("{{\"start\": \"{word}")).err().ok_or_else(|| fail("should be refused"))?;
        same_json(err.problems())?;
    }

    #[test]
    fn ranges_of_every_preset(
        days in 20_000i32..22_000,
        pick in any::<prop::sample::Index>(),
        source in v2_plan(),
        keep in any::<[bool; 3]>(),
    ) {
        let all = presets(date(days)).map_err(fail)?;
        let preset = pick.get(&all);
        same_json(preset)?;
        let options = decode_options(Some(&options_from(&source, keep))).map_err(fail)?;
        same_json(&options)?;
        same_json_of(&range(preset, &options))?;
    }

    #[test]
    fn quotes_and_good_faith_estimates(
        treatment in prop::sample::select(vec!["iv-ketamine", "esketamine", "tms", "ect"]),
        start in 20_454i32..22_000, // 2026-01-01 on
        before in 0i32..40,
        insured in prop::option::of((v2_plan(), prop::option::of(prop::sample::select(vec!["prairie-ppo", "lakeland-hmo"])))),
        patient in prop::option::of((text(1, 40, false), 0i32..25_000)),
        number in prop::option::of(text(1, 30, true)),
        diagnosis in prop::option::of(prop::collection::vec(text(1, 20, true), 1..=3)),
        valid_days in prop::option::of(1u32..=90),
        requested in any::<bool>(),
    ) {
        let mut input = json!({
            "treatment": treatment,
            "start": date(start).to_string(),
            "date": date(start - before).to_string(),
            "payment": if insured.is_some() { "insured" } else { "self-pay" },
        });
        if let Some((plan, payer)) = &insured {
            let mut coverage = plan.get("coverage").cloned().unwrap_or_else(|| json!({"coinsurance": 20}));
            if let Some(c) = coverage.as_object_mut() {
                c.remove("limits");
            }
            input["coverage"] = coverage;
            if let Some(payer) = payer {
                input["payer"] = json!(payer);
            }
        }
        if let Some((name, born)) = &patient {
            input["patient"] = json!({"name": name, "birthDate": date(born - 25_567).to_string()});
        }
        if let Some(number) = &number {
            input["number"] = json!(number);
        }
        if let Some(codes) = &diagnosis {
            input["diagnosisCodes"] = json!(codes);
        }
        if let Some(days) = valid_days {
            input["validDays"] = json!(days);
        }
        if requested {
            input["scheduledOn"] = json!(date(start - before).to_string());
            input["requested"] = json!(true);
        }
        match parse_quote(&sample().to_string(), &input.to_string()) {
            Ok((sheet, input)) => {
                same_json(&input)?;
                same_json_of(&quote(&sheet, &input))?;
                same_json_of(&good_faith_estimate(&sheet, &input))?;
            }
            Err(e) => same_json(e.problems())?,
        }
    }
}

proptest! {
    // Each case estimates up to three plans of up to 30 months: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn comparisons(values in prop::collection::vec(awkward_plan(), 1..=3), source in v2_plan(), keep in any::<[bool; 3]>()) {
        let plans = values
            .iter()
            .map(|v| parse_plan(&v.to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        let options = decode_options(Some(&options_from(&source, keep))).map_err(fail)?;
        same_json_of(&compare(&plans, &options))?;
    }
}

/// The quote tests above cover both sides of a result only if some inputs
/// succeed: two fixed inputs that must, with an awkward patient name and
/// quote number (quotes, a backslash, a line separator and an emoji; control
/// characters are refused in quote inputs, so the random ones cover those): an insured quote with a payer, and a self-pay quote with
/// its Good Faith Estimate (which is for self-pay patients only).
#[test]
fn a_fixed_insured_quote_and_a_self_pay_good_faith_estimate() {
    let check = |x: Result<(), TestCaseError>| x.unwrap_or_else(|e| panic!("{e}"));
    let mut input = json!({
        "treatment": "esketamine", "start": "2026-12-07", "date": "2026-11-21",
        "payment": "self-pay",
        "patient": {"name": "Zoë \"Zo\" O'Brien \\ 王", "birthDate": "1958-03-14"},
        "number": "Q-1 \"2\" \\ \u{2028}😀"
    });
    let (sheet, self_pay) =
        parse_quote(&sample().to_string(), &input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    check(same_json(
        &quote(&sheet, &self_pay).unwrap_or_else(|e| panic!("{e}")),
    ));
    check(same_json(
        &good_faith_estimate(&sheet, &self_pay).unwrap_or_else(|e| panic!("{e}")),
    ));
    input["payment"] = json!("insured");
    input["payer"] = json!("prairie-ppo");
    input["coverage"] = json!({"deductible": 150000, "coinsurance": 20});
    let (sheet, insured) =
        parse_quote(&sample().to_string(), &input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    check(same_json(
        &quote(&sheet, &insured).unwrap_or_else(|e| panic!("{e}")),
    ));
}

#[test]
fn every_preset_and_coverage_example_of_the_catalogue() {
    let check = |x: Result<(), TestCaseError>| x.unwrap_or_else(|e| panic!("{e}"));
    // 2026-01-05, and the last day of 2199, where the plans' dates run furthest.
    for start in ["2026-01-05", "2199-12-31"] {
        let start = Date::parse(start).unwrap_or_else(|| panic!("{start}"));
        let all = presets(start).unwrap_or_else(|e| panic!("{e}"));
        assert!(!all.is_empty());
        check(same_json(&all));
    }
    let examples = coverage_examples().unwrap_or_else(|e| panic!("{e}"));
    assert!(!examples.is_empty());
    check(same_json(&examples));
}
