//! coursecost: exact, dated, itemised cost estimates for a treatment course.
//!
//! A [`Plan`] describes a course — phases of sessions with their rhythm and
//! price, fees, packages, discounts, insurance, savings programmes and
//! financing — and [`estimate()`] turns it into an [`Estimate`]: every session
//! dated, every charge itemised, split between insurer, programmes and
//! patient, and summed by phase, month and plan year. The contract is
//! `SPEC.md`; this crate implements it with integer money and hand-written
//! civil dates, reads no clock and has no platform dependency, so the same
//! plan gives the same estimate, to the byte, natively and in WebAssembly.
//!
//! ```
//! let plan = coursecost::parse_plan(r#"{
//!     "start": "2026-01-05",
//!     "horizon": { "months": 6 },
//!     "phases": [
//!         { "name": "Induction", "every": { "weekdays": ["mon", "wed", "fri"] }, "sessions": 6, "price": 50000 },
//!         { "name": "Boosters", "every": { "weeks": 4 }, "price": 50000 }
//!     ],
//!     "fees": [{ "name": "Consultation", "amount": 25000, "when": "once" }]
//! }"#)?;
//! let estimate = coursecost::estimate(&plan)?;
//! assert_eq!(estimate.totals.sessions, 12);
//! assert_eq!(estimate.totals.patient_pays.minor(), 625_000); // $6,250.00
//! # Ok::<(), coursecost::PlanError>(())
//! ```

#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

/// What `std`'s prelude gives every module, for the `no_std` build.
mod prelude {
    pub(crate) use alloc::string::{String, ToString};
    pub(crate) use alloc::vec::Vec;
    pub(crate) use alloc::{format, vec};
}

pub mod calendar;
pub mod clinic;
pub mod compare;
mod coverage;
pub mod currency;
pub mod decode;
pub mod error;
pub mod estimate;
pub mod financing;
pub mod json;
pub mod label;
mod lines;
pub mod money;
mod packages;
pub mod plan;
pub mod presets;
pub mod quote;
mod schedule;
pub mod source;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calendar::{Date, MonthDay, Weekday};
#[cfg(feature = "std")]
pub use clinic::parse_clinic;
pub use clinic::{Address, ClinicSheet, Provider, Treatment, decode_clinic};
pub use compare::{Compared, Comparison, Range, RangeOptions};
#[cfg(feature = "std")]
pub use compare::{compare, range};
pub use currency::Currency;
pub use error::{ErrorCode, PlanError, Problem};
pub use estimate::{
    Estimate, Line, MonthTotal, PhaseTotal, PlanYearTotal, Session, Totals, Warning, WarningCode,
};
pub use financing::{FinancingSchedule, Payment};
pub use label::Label;
pub use money::{Amount, Percent};
pub use plan::{
    Assistance, Clinic, Coverage, Discount, Every, Fee, FeeWhen, FinanceOf, Financing, Gap,
    Horizon, LineKind, Package, Phase, Plan,
};
pub use presets::{Citation, Preset};
#[cfg(feature = "std")]
pub use presets::{preset, presets};
pub use quote::{
    GfeItem, GoodFaithEstimate, Patient, PaymentType, PrimaryService, Quote, QuoteInput,
    good_faith_estimate, quote,
};

/// The version of this crate (and of the npm package built from it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parses and validates a plan from JSON text, reporting every problem.
#[cfg(feature = "std")]
pub fn parse_plan(json: &str) -> Result<Plan, PlanError> {
    let value = parse_json(json)?;
    decode::plan(&value)
}

/// Checks a plan built in Rust against every rule of the contract, exactly as
/// if it had arrived as JSON.
#[cfg(feature = "std")]
pub fn validate(plan: &Plan) -> Result<(), PlanError> {
    let value = serde_json::to_value(plan).map_err(|e| json_problem(&e))?;
    decode::plan(&value).map(drop)
}

/// Every problem with a plan given as JSON text; empty when it is valid.
#[cfg(feature = "std")]
pub fn validate_json(json: &str) -> Vec<Problem> {
    parse_plan(json)
        .err()
        .map(PlanError::into_problems)
        .unwrap_or_default()
}

/// Estimates a plan (SPEC §3–§8), validating it first.
#[cfg(feature = "std")]
pub fn estimate(plan: &Plan) -> Result<Estimate, PlanError> {
    validate(plan)?;
    Ok(estimate::estimate_valid(plan))
}

/// Parses, validates and estimates a plan given as JSON text.
#[cfg(feature = "std")]
pub fn estimate_json(json: &str) -> Result<Estimate, PlanError> {
    parse_plan(json).map(|plan| estimate::estimate_valid(&plan))
}

/// Validates and decodes a plan from any JSON-shaped [`source::Source`].
pub fn decode_plan<S: source::Source>(input: S) -> Result<Plan, PlanError> {
    decode::plan(input)
}

#[cfg(feature = "std")]
pub(crate) fn parse_json(json: &str) -> Result<serde_json::Value, PlanError> {
    serde_json::from_str(json).map_err(|e| json_problem(&e))
}

#[cfg(feature = "std")]
fn json_problem(e: &serde_json::Error) -> PlanError {
    PlanError::new(vec![Problem::new(
        ErrorCode::InvalidType,
        "",
        format!("not valid JSON: {e}"),
    )])
}

#[cfg(feature = "std")]
impl<'de> serde::Deserialize<'de> for Plan {
    /// Deserializes through the contract's decoder, so `serde_json::from_str`
    /// gets the same checks and messages as [`parse_plan`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Plan, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        decode::plan(&value).map_err(serde::de::Error::custom)
    }
}
