//! Quotes and Good Faith Estimates: one treatment from a clinic's price
//! sheet, for one patient and start date, as a document staff can print.
//!
//! A quote is the engine's [`Estimate`] of the plan the sheet and the quote
//! input make together, with the clinic's identity, a number and a validity
//! period around it — the same numbers as `estimate`, never recomputed. A
//! Good Faith Estimate (45 CFR 149.610, for uninsured and self-pay patients)
//! is the same estimate grouped into the itemised list the rule asks for,
//! with the patient, the provider's NPI, TIN and location, the items
//! scheduled separately, and the required disclaimers. [`Quote::csv`] is the
//! ledger for spreadsheets and billing systems.
//!
//! Patient details are only ever copied from the input into the output: the
//! engine keeps nothing and sends nothing anywhere.
//!
//! ```
//! let sheet = r#"{
//!     "name": "Example Clinic", "npi": "1234567893", "tin": "12-3456789",
//!     "address": { "street": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701" },
//!     "treatments": [{
//!         "id": "iv", "name": "IV ketamine series", "diagnosisCodes": ["F33.2"],
//!         "phases": [{ "name": "Infusions", "every": { "weeks": 1 }, "sessions": 6, "price": 50000, "code": "96365" }]
//!     }]
//! }"#;
//! let input = r#"{ "treatment": "iv", "start": "2026-12-07", "date": "2026-11-21",
//!     "payment": "self-pay", "patient": { "name": "Ana Pérez", "birthDate": "1958-03-14" } }"#;
//! let (sheet, input) = coursecost::parse_quote(sheet, input)?;
//! let quote = coursecost::quote(&sheet, &input)?;
//! assert_eq!(quote.estimate.totals.charge.minor(), 300_000);
//! let gfe = coursecost::good_faith_estimate(&sheet, &input)?;
//! assert_eq!(gfe.total, quote.estimate.totals.charge);
//! assert!(quote.csv().starts_with("quote,date,kind,name,"));
//! # Ok::<(), coursecost::Error>(())
//! ```

use crate::prelude::*;
use crate::text::cat;
use serde::Serialize;

use crate::calendar::Date;
use crate::clinic::{ClinicSheet, Provider, Treatment};
use crate::error::{Error, ErrorCode, Problem};
use crate::limits::MAX_QUOTE_LINES;
use crate::output::Estimate;
use crate::plan::{Network, Plan, PlanOptions};

mod csv;
mod due;
mod gfe;
mod input;

pub use due::{Delivery, DueRule};
pub use gfe::{
    GfeItem, GfeProvider, GfeRole, GoodFaithEstimate, PrimaryService, good_faith_estimate,
};
pub use input::{Patient, PaymentType, QuoteInput};

/// An itemised, dated quote for one treatment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quote's number.
    pub number: String,
    /// The day it was issued.
    pub date: Date,
    /// The last day it is valid.
    pub valid_until: Date,
    /// Self-pay or insured.
    pub payment: PaymentType,
    /// The clinic.
    pub provider: Provider,
    /// Who it is for, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub patient: Option<Patient>,
    /// The treatment's id on the sheet.
    pub treatment: String,
    /// The treatment's name.
    pub treatment_name: String,
    /// What the course is, from the sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub description: Option<String>,
    /// Diagnosis codes of the course.
    pub diagnosis_codes: Vec<String>,
    /// The payer whose allowed amounts and network an insured quote uses.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub payer: Option<QuotePayer>,
    /// The engine's estimate of the course: schedule, ledger and totals.
    pub estimate: Estimate,
}

/// The payer of an insured quote, as the sheet names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuotePayer {
    /// Its id on the sheet.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether the clinic is in its network.
    pub network: Network,
}

/// The quote for `input` from `sheet`.
pub fn quote(sheet: &ClinicSheet, input: &QuoteInput) -> Result<Quote, Error> {
    let treatment = treatment_of(sheet, input)?;
    let estimate = estimate(sheet, treatment, input)?;
    let valid_days = input.valid_days.unwrap_or(sheet.quote_valid_days);
    let mut quote = Quote {
        number: String::new(),
        date: input.date,
        valid_until: input.date.add_days(valid_days as i32),
        payment: input.payment,
        provider: sheet.provider.clone(),
        patient: input.patient.clone(),
        treatment: treatment.id.clone(),
        treatment_name: treatment.name.clone(),
        description: treatment.description.clone(),
        diagnosis_codes: input
            .diagnosis_codes
            .clone()
            .unwrap_or_else(|| treatment.diagnosis_codes.clone()),
        payer: input
            .payer
            .as_deref()
            .and_then(|id| sheet.payer(id))
            .map(|p| QuotePayer {
                id: p.id.clone(),
                name: p.name.clone(),
                network: p.network,
            }),
        estimate,
    };
    quote.number = match &input.number {
        Some(number) => number.clone(),
        None => default_number(&quote),
    };
    Ok(quote)
}

/// A quote's number when the input gives none:
/// `Q-YYYYMMDD-<treatment id>-<8 hex digits>`. The digits are a hash of
/// the quote itself (the clinic, the patient, the treatment, the payer, the
/// dates, every line and amount), so two quotes issued the same day for
/// different patients, starts or prices get different numbers, and the
/// same quote always gets the same one, however its input was written
/// (the treatment's own horizon given or left out), without the engine
/// reading a clock or a random source: 64-bit FNV-1a over the quote's JSON
/// with an empty number, folded to 32 bits.
fn default_number(quote: &Quote) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    // The engine's own types always serialize; an empty text would only
    // make the number less distinct, never wrong.
    for byte in crate::json::to_string(quote).unwrap_or_default().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let folded = (hash ^ (hash >> 32)) as u32;
    // `Q-YYYYMMDD-treatment-XXXXXXXX`: the date's digits (a year is four
    // digits, 1970 to 2199) and the hash in eight upper-case hex digits.
    let mut number = String::from("Q-");
    number.extend(cat!("{}", quote.date).chars().filter(|&c| c != '-'));
    number.push('-');
    number.push_str(&quote.treatment);
    number.push('-');
    for shift in (0..8).rev() {
        let nibble = (folded >> (shift * 4)) & 0xF;
        number.push(char::from(b"0123456789ABCDEF"[nibble as usize]));
    }
    number
}

/// The treatment a quote asks for, or an `unknown_name` problem at
/// `input.treatment` with a suggestion and the sheet's ids.
pub(crate) fn treatment_of<'a>(
    sheet: &'a ClinicSheet,
    input: &QuoteInput,
) -> Result<&'a Treatment, Error> {
    sheet
        .treatment(&input.treatment)
        .ok_or_else(|| sheet.unknown_treatment(&input.treatment))
}

/// The estimate of the plan a sheet's treatment and a quote input make.
fn estimate(
    sheet: &ClinicSheet,
    treatment: &Treatment,
    input: &QuoteInput,
) -> Result<Estimate, Error> {
    let plan = plan(sheet, treatment, input)?;
    let estimate = crate::assemble::estimate(&plan);
    if estimate.lines.len() > MAX_QUOTE_LINES {
        return Err(Error::new(vec![Problem::new(
            ErrorCode::OutOfRange,
            "input.horizon",
            cat!(
                "this quote would list {} charges; a quote lists at most {}: choose a shorter horizon",
                estimate.lines.len(),
                MAX_QUOTE_LINES
            ),
        )]));
    }
    Ok(estimate)
}

/// The plan a sheet's treatment and a quote input make: the treatment's
/// course with the input's start, horizon, insurance and programmes, and an
/// insured quote's payer's allowed amounts and network.
pub(crate) fn plan(
    sheet: &ClinicSheet,
    treatment: &Treatment,
    input: &QuoteInput,
) -> Result<Plan, Error> {
    let mut coverage = input.coverage.clone();
    let mut plan = sheet.plan(treatment, input.start);
    if let Some(payer) = input.payer.as_deref().and_then(|id| sheet.payer(id)) {
        for rate in payer.allowed.iter().filter(|r| r.treatment == treatment.id) {
            if let Some(name) = &rate.phase {
                let phase = plan.phases.iter_mut().find(|p| &p.name == name);
                phase
                    .into_iter()
                    .for_each(|p| p.allowed = Some(rate.amount));
            } else if let Some(name) = &rate.fee {
                let fee = plan.fees.iter_mut().find(|f| &f.name == name);
                fee.into_iter().for_each(|f| f.allowed = Some(rate.amount));
            }
        }
        if let Some(coverage) = &mut coverage {
            coverage.network = payer.network;
        }
    }
    let options = PlanOptions {
        coverage,
        assistance: Some(input.assistance.clone()),
        horizon: input.horizon,
    };
    // Each part is valid alone; what spans them (a programme naming a phase,
    // a horizon's last day) is checked on the whole, with paths as the input
    // writes them.
    plan.with_options(&options)
        .map_err(|err| err.within("input"))
}
