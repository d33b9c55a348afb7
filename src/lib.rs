//! coursecost: exact, dated, itemised cost estimates for a treatment course.
//!
//! A [`Plan`] describes a course — phases of sessions with their rhythm and
//! price, fees, packages, discounts, insurance, savings programmes and
//! financing — and [`estimate()`] turns it into an [`Estimate`]: every session
//! dated, every charge itemised, split between insurer, programmes and
//! patient, and summed by phase, month and plan year. The contract is
//! written down in the `docs/` folder; this crate implements it with integer money and hand-written
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
//! let estimate = coursecost::estimate(&plan);
//! assert_eq!(estimate.totals.sessions, 12);
//! assert_eq!(estimate.totals.patient_pays.minor(), 625_000); // $6,250.00
//! # Ok::<(), coursecost::Error>(())
//! ```

#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

/// What `std`'s prelude gives every module, for the `no_std` build.
mod prelude {
    pub(crate) use alloc::string::{String, ToString};
    pub(crate) use alloc::vec;
    pub(crate) use alloc::vec::Vec;
}

mod assemble;
pub mod calendar;
mod catalogue;
#[cfg(sheets)]
mod clinic;
mod comparison;
mod coverage;
pub mod currency;
mod decode;
mod error;
mod financing;
pub mod json;
mod label;
pub mod limits;
mod lines;
pub mod money;
mod output;
mod packages;
mod path;
mod plan;
mod programmes;
#[cfg(sheets)]
mod quoting;
mod schedule;
mod session_limits;
pub mod source;
mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calendar::{Date, MonthDay, Weekday};
#[cfg(feature = "std")]
pub use catalogue::CATALOGUE_JSON;
pub use catalogue::{
    Citation, CoverageExample, Editable, ExampleText, Names, Preset, PresetText, SessionCost,
};
#[cfg(sheets)]
pub use clinic::{
    Address, ClinicSheet, CoProvider, Course, OFFICE_PLACE_OF_SERVICE, Payer, Provider,
    ProviderKind, Rate, SheetDiscount, SheetFee, SheetPhase, Treatment,
};
pub use comparison::{
    Change, ChangeKind, Compared, Comparison, Period, Range, Stretch, compare, range,
};
pub use currency::Currency;
pub use error::{Error, ErrorCode, Problem};
pub use label::Label;
pub use money::{Amount, Percent};
pub use output::{
    Estimate, FinancingSchedule, Line, MonthTotal, Payment, PhaseTotal, PlanYearTotal, Session,
    Totals, Warning, WarningCode, WarningReason,
};
pub use plan::{
    Assistance, BalanceBilling, Benefit, Beyond, Claims, Clinic, CopayPer, CostSharing, Coverage,
    CoverageLimit, Discount, Every, Family, Fee, FeeSchedule, FeeWhen, FinanceOf, Financing, Gap,
    Horizon, LimitPer, LineKind, Network, Package, Phase, Plan, PlanOptions, PlanType, Requires,
};
#[cfg(sheets)]
pub use quoting::{
    Delivery, DueRule, GfeItem, GfeProvider, GfeRole, GoodFaithEstimate, Patient, PaymentType,
    PrimaryService, Quote, QuoteInput, QuotePayer, good_faith_estimate, quote,
};

/// The version of this crate (and of the npm package built from it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parses and validates a plan from JSON text, reporting every problem.
#[cfg(feature = "std")]
pub fn parse_plan(json: &str) -> Result<Plan, Error> {
    decode_plan(&parse_json(json)?)
}

/// Every problem with a plan given as JSON text; empty when it is valid.
#[cfg(feature = "std")]
pub fn validate_json(json: &str) -> Vec<Problem> {
    parse_plan(json)
        .err()
        .map(Error::into_problems)
        .unwrap_or_default()
}

/// Estimates a plan (the reference's schedule, ledger, insurance and
/// estimate pages). A [`Plan`] exists only once the decoder has checked it,
/// so estimating cannot fail.
pub fn estimate(plan: &Plan) -> Estimate {
    assemble::estimate(plan)
}

/// Parses, validates and estimates a plan given as JSON text.
#[cfg(feature = "std")]
pub fn estimate_json(json: &str) -> Result<Estimate, Error> {
    parse_plan(json).map(|plan| estimate(&plan))
}

/// Validates and decodes a plan from any JSON-shaped [`source::Source`].
pub fn decode_plan<S: source::Source>(input: S) -> Result<Plan, Error> {
    decode::plan(input)
}

/// Validates and decodes a plan with the checks `options` asks for:
/// `{ "requireTerms": true }` makes every block of insurance terms name its
/// deductible and its coinsurance or copay (`missing_field` at its path),
/// where a form must not read a blank as 0. Problems with the options come
/// first, under `options.`.
pub fn decode_plan_with<S: source::Source>(input: S, options: Option<S>) -> Result<Plan, Error> {
    decode::plan_with(input, options)
}

/// Validates and decodes [`PlanOptions`] (problems under `options`); `None`
/// means no changes.
pub fn decode_options<S: source::Source>(input: Option<S>) -> Result<PlanOptions, Error> {
    decode::plan::options(input)
}

/// Validates and decodes the input of [`compare`]: a list of plans (problems
/// under `plans[i]`) and optional options (under `options`).
pub fn decode_comparison<S: source::Source>(
    plans: S,
    options: Option<S>,
) -> Result<(prelude::Vec<Plan>, PlanOptions), Error> {
    decode::plan::comparison(plans, options)
}

/// A currency code (`None`: the default, USD) as the engine counts it
/// ([`Currency::minor_units`]). Anything but a current ISO
/// 4217 code with a minor unit, in capitals, is refused with the problem a
/// plan's `currency` would get, at the empty path.
pub fn decode_currency<S: source::Source>(code: Option<S>) -> Result<Currency, Error> {
    let Some(code) = code else {
        return Ok(Currency::USD);
    };
    let mut d = decode::Decoder::default();
    let currency = d.currency(code, "");
    d.finish(currency)
}

/// Validates and decodes one preset, written like the catalogue's entries.
pub fn decode_preset<S: source::Source>(input: S) -> Result<Preset, Error> {
    decode::preset::preset(input)
}

/// Validates and decodes a whole catalogue written like `data/presets.json`
/// (a clinic's fork of it, say): its presets and its coverage examples.
#[cfg(feature = "std")]
pub fn decode_catalogue<S: source::Source>(
    input: S,
) -> Result<(prelude::Vec<Preset>, prelude::Vec<CoverageExample>), Error> {
    decode::catalogue::contents(input, None).map(|c| (c.presets, c.coverage_examples))
}

/// Validates and decodes a clinic's price sheet, reporting every problem
/// with its path.
#[cfg(sheets)]
pub fn decode_clinic<S: source::Source>(input: S) -> Result<ClinicSheet, Error> {
    decode::sheet::clinic(input)
}

/// Validates and decodes a price sheet and a quote input together, with
/// problems under `clinic.` and `input.`; the input's treatment must be on
/// the sheet.
#[cfg(sheets)]
pub fn decode_quote<S: source::Source, T: source::Source>(
    clinic: S,
    input: T,
) -> Result<(ClinicSheet, QuoteInput), Error> {
    decode::quote::quote(clinic, input)
}

/// Validates and decodes a quote input for a sheet decoded once before
/// (problems under `input.`); the input's treatment must be on the sheet.
#[cfg(sheets)]
pub fn decode_quote_input<S: source::Source>(
    sheet: &ClinicSheet,
    input: S,
) -> Result<QuoteInput, Error> {
    decode::quote::input(sheet, input)
}

/// Parses and validates a price sheet from JSON text.
#[cfg(all(feature = "std", sheets))]
pub fn parse_clinic(json: &str) -> Result<ClinicSheet, Error> {
    decode_clinic(&parse_json(json)?)
}

/// Parses a price sheet and a quote input from JSON text, with problems
/// under `clinic.` and `input.`.
#[cfg(all(feature = "std", sheets))]
pub fn parse_quote(
    clinic_json: &str,
    input_json: &str,
) -> Result<(ClinicSheet, QuoteInput), Error> {
    let clinic = parse_json(clinic_json).map_err(|e| e.within("clinic"))?;
    let input = parse_json(input_json).map_err(|e| e.within("input"))?;
    decode_quote(&clinic, &input)
}

#[cfg(feature = "std")]
pub(crate) fn parse_json(json: &str) -> Result<serde_json::Value, Error> {
    serde_json::from_str(json).map_err(|e| json_problem(&e))
}

#[cfg(feature = "std")]
fn json_problem(e: &serde_json::Error) -> Error {
    Error::new(vec![Problem::new(
        ErrorCode::InvalidType,
        "",
        format!("not valid JSON: {e}"),
    )])
}

/// The built-in catalogue, every plan starting on `start`.
///
/// Fails only when `start` is so late that a plan's dates would leave the
/// contract's calendar.
#[cfg(feature = "std")]
pub fn presets(start: Date) -> Result<Vec<Preset>, Error> {
    decode::catalogue::presets(&parse_json(CATALOGUE_JSON)?, Some(start))
}

/// The built-in catalogue's examples of insurance (typical employer plan,
/// high-deductible plan, Medicare …), each an ordinary [`Coverage`] with
/// its sources.
#[cfg(feature = "std")]
pub fn coverage_examples() -> Result<Vec<CoverageExample>, Error> {
    decode::catalogue::contents(&parse_json(CATALOGUE_JSON)?, None).map(|c| c.coverage_examples)
}

/// One preset of the built-in catalogue by `id`, starting on `start`; an
/// unknown id is an `unknown_name` error listing the known ones.
#[cfg(feature = "std")]
pub fn preset(id: &str, start: Date) -> Result<Preset, Error> {
    find(presets(start)?, id)
}

/// Picks the preset named `id`.
#[cfg(feature = "std")]
fn find(mut presets: Vec<Preset>, id: &str) -> Result<Preset, Error> {
    let ids: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
    let at = position(&ids, id)?;
    Ok(presets.swap_remove(at))
}

/// Where the preset named `id` is among `ids`; an `unknown_name` error
/// listing the ids when there is none.
#[cfg(feature = "std")]
fn position(ids: &[&str], id: &str) -> Result<usize, Error> {
    if let Some(at) = ids.iter().position(|p| *p == id) {
        return Ok(at);
    }
    let hint = match text::nearest(id, ids) {
        Some(near) => text::cat!(" Did you mean \"{}\"?", near),
        None => String::new(),
    };
    Err(Error::new(vec![Problem::new(
        ErrorCode::UnknownName,
        "id",
        text::cat!(
            "there is no preset \"{}\".{} The presets are {}.",
            text::clip(id),
            hint,
            text::quoted_list(ids)
        ),
    )]))
}
