//! JavaScript bindings for clinic staff: `validateClinic`, `quote`,
//! `goodFaithEstimate` and `quoteCsv` (the package's `coursecost/staff`).

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::{Js, plan_error, to_js};
use crate::error::PlanError;

/// Every problem with a clinic's price sheet; an empty array when it is valid.
#[wasm_bindgen(js_name = validateClinic, unchecked_return_type = "Problem[]")]
pub fn validate_clinic(
    #[wasm_bindgen(unchecked_param_type = "ClinicSheet")] clinic: JsValue,
) -> Result<JsValue, JsValue> {
    let problems = crate::clinic::decode_clinic(Js(Some(clinic)))
        .err()
        .map(PlanError::into_problems)
        .unwrap_or_default();
    to_js(&problems)
}

/// A sheet and a quote input, decoded together (problems under `clinic.`
/// and `input.`).
fn quoting(
    clinic: JsValue,
    input: JsValue,
) -> Result<(crate::ClinicSheet, crate::QuoteInput), PlanError> {
    crate::quote::decode_quote(Js(Some(clinic)), Js(Some(input)))
}

/// An itemised quote for one treatment on a clinic's price sheet.
///
/// Throws a `PlanError` when the sheet or the input is invalid (paths under
/// `clinic.` and `input.`).
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "ClinicSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let quote =
        quoting(clinic, input).and_then(|(sheet, input)| crate::quote::quote(&sheet, &input));
    to_js(&quote.map_err(|e| plan_error(&e))?)
}

/// A Good Faith Estimate (45 CFR 149.610) for a self-pay patient.
///
/// Throws a `PlanError` when the sheet or the input is invalid, the payment
/// is not `"self-pay"`, the patient is not named or the sheet is not in USD.
#[wasm_bindgen(js_name = goodFaithEstimate, unchecked_return_type = "GoodFaithEstimate")]
pub fn good_faith_estimate(
    #[wasm_bindgen(unchecked_param_type = "ClinicSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let gfe = quoting(clinic, input)
        .and_then(|(sheet, input)| crate::quote::good_faith_estimate(&sheet, &input));
    to_js(&gfe.map_err(|e| plan_error(&e))?)
}

/// The quote's ledger as CSV (RFC 4180, CRLF, amounts in major units), for
/// spreadsheets and billing systems.
///
/// Throws a `PlanError` when the sheet or the input is invalid.
#[wasm_bindgen(js_name = quoteCsv)]
pub fn quote_csv(
    #[wasm_bindgen(unchecked_param_type = "ClinicSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<String, JsValue> {
    quoting(clinic, input)
        .and_then(|(sheet, input)| crate::quote::quote(&sheet, &input))
        .map(|quote| quote.csv())
        .map_err(|e| plan_error(&e))
}
