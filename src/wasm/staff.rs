//! JavaScript bindings for clinic staff (the package's `coursecost/staff`):
//! the `ClinicSheet` class, which decodes a price sheet once and then
//! quotes from it, and the one-call conveniences `validateClinic`, `quote`,
//! `goodFaithEstimate` and `quoteCsv`, which decode the sheet every call.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::{Js, plan_error, to_js};
use crate::error::Error;
use crate::quoting::QuoteInput;

/// A clinic's price sheet, decoded and checked once. A page keeps one per
/// loaded sheet and asks it for quotes as staff type, so the sheet's rules
/// are not checked again on every keystroke.
#[wasm_bindgen(js_name = ClinicSheet)]
pub struct Sheet {
    sheet: crate::ClinicSheet,
}

#[wasm_bindgen(js_class = ClinicSheet)]
impl Sheet {
    /// Decodes a price sheet. Throws a `PlanError` listing every problem
    /// (paths as the sheet writes them, e.g. `treatments[0].phases[1].price`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PriceSheet")] sheet: JsValue,
    ) -> Result<Sheet, JsValue> {
        crate::decode_clinic(Js::new(sheet))
            .map(|sheet| Sheet { sheet })
            .map_err(|e| plan_error(&e))
    }

    /// An itemised quote for one treatment of the sheet. Throws a
    /// `PlanError` when the input is invalid (paths under `input.`).
    #[wasm_bindgen(unchecked_return_type = "Quote")]
    pub fn quote(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let quote = self
            .input(input)
            .and_then(|input| crate::quote(&self.sheet, &input));
        to_js(&quote.map_err(|e| plan_error(&e))?)
    }

    /// A Good Faith Estimate (45 CFR 149.610) for a self-pay patient.
    #[wasm_bindgen(js_name = goodFaithEstimate, unchecked_return_type = "GoodFaithEstimate")]
    pub fn good_faith_estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let gfe = self
            .input(input)
            .and_then(|input| crate::good_faith_estimate(&self.sheet, &input));
        to_js(&gfe.map_err(|e| plan_error(&e))?)
    }

    /// The quote's ledger as CSV (RFC 4180, CRLF, amounts in major units).
    #[wasm_bindgen(js_name = quoteCsv)]
    pub fn quote_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    ) -> Result<String, JsValue> {
        self.input(input)
            .and_then(|input| crate::quote(&self.sheet, &input))
            .map(|quote| quote.csv())
            .map_err(|e| plan_error(&e))
    }
}

impl Sheet {
    fn input(&self, input: JsValue) -> Result<QuoteInput, Error> {
        crate::decode_quote_input(&self.sheet, Js::new(input))
    }
}

/// Every problem with a clinic's price sheet; an empty array when it is valid.
#[wasm_bindgen(js_name = validateClinic, unchecked_return_type = "Problem[]")]
pub fn validate_clinic(
    #[wasm_bindgen(unchecked_param_type = "PriceSheet")] clinic: JsValue,
) -> Result<JsValue, JsValue> {
    let problems = crate::decode_clinic(Js::new(clinic))
        .err()
        .map(Error::into_problems)
        .unwrap_or_default();
    to_js(&problems)
}

/// A sheet and a quote input, decoded together (problems under `clinic.`
/// and `input.`).
fn decoded(clinic: JsValue, input: JsValue) -> Result<(crate::ClinicSheet, QuoteInput), Error> {
    crate::decode_quote(Js::new(clinic), Js::new(input))
}

/// An itemised quote for one treatment on a clinic's price sheet; decodes
/// the sheet on every call (keep a `ClinicSheet` to decode it once).
///
/// Throws a `PlanError` when the sheet or the input is invalid (paths under
/// `clinic.` and `input.`).
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "PriceSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let quote = decoded(clinic, input).and_then(|(sheet, input)| crate::quote(&sheet, &input));
    to_js(&quote.map_err(|e| plan_error(&e))?)
}

/// A Good Faith Estimate (45 CFR 149.610) for a self-pay patient.
///
/// Throws a `PlanError` when the sheet or the input is invalid, the payment
/// is not `"self-pay"`, the patient is not named or the sheet is not in USD.
#[wasm_bindgen(js_name = goodFaithEstimate, unchecked_return_type = "GoodFaithEstimate")]
pub fn good_faith_estimate(
    #[wasm_bindgen(unchecked_param_type = "PriceSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let gfe = decoded(clinic, input)
        .and_then(|(sheet, input)| crate::good_faith_estimate(&sheet, &input));
    to_js(&gfe.map_err(|e| plan_error(&e))?)
}

/// The quote's ledger as CSV (RFC 4180, CRLF, amounts in major units), for
/// spreadsheets and billing systems.
///
/// Throws a `PlanError` when the sheet or the input is invalid.
#[wasm_bindgen(js_name = quoteCsv)]
pub fn quote_csv(
    #[wasm_bindgen(unchecked_param_type = "PriceSheet")] clinic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<String, JsValue> {
    decoded(clinic, input)
        .and_then(|(sheet, input)| crate::quote(&sheet, &input))
        .map(|quote| quote.csv())
        .map_err(|e| plan_error(&e))
}
