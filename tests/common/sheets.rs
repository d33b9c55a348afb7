//! What the price-sheet tests share: the sample sheet, quote inputs and
//! ways to look at problems.
#![allow(dead_code)] // each test file uses its own part

use coursecost::{Error, ErrorCode, Problem, parse_quote, quote};
use serde_json::{Value, json};

/// The sample sheet the staff view offers.
pub const SAMPLE: &str = include_str!("../../www/staff/clinic.sample.json");

pub fn sample() -> Value {
    serde_json::from_str(SAMPLE).expect("the sample sheet is JSON")
}

/// The problems of a result that must have failed.
pub fn problems(result: Result<impl std::fmt::Debug, Error>) -> Vec<Problem> {
    match result {
        Ok(v) => panic!("expected problems, got {v:?}"),
        Err(e) => e.into_problems(),
    }
}

pub fn has(problems: &[Problem], code: ErrorCode, path: &str) -> bool {
    problems.iter().any(|p| p.code == code && p.path == path)
}

/// A self-pay quote input for a named patient.
pub fn self_pay(treatment: &str) -> Value {
    json!({
        "treatment": treatment,
        "start": "2026-12-07",
        "date": "2026-11-21",
        "payment": "self-pay",
        "patient": { "name": "Ana Pérez", "birthDate": "1958-03-14" }
    })
}

/// The quote a sheet and an input give, both as JSON values.
pub fn quote_of(sheet: &Value, input: &Value) -> Result<coursecost::Quote, Error> {
    let (sheet, input) = parse_quote(&sheet.to_string(), &input.to_string())?;
    quote(&sheet, &input)
}
