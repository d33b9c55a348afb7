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
//! let (sheet, input) = coursecost::quote::parse_quote(sheet, input)?;
//! let quote = coursecost::quote(&sheet, &input)?;
//! assert_eq!(quote.estimate.totals.charge.minor(), 300_000);
//! let gfe = coursecost::good_faith_estimate(&sheet, &input)?;
//! assert_eq!(gfe.total, quote.estimate.totals.charge);
//! assert!(quote.csv().starts_with("quote,date,kind,name,"));
//! # Ok::<(), coursecost::PlanError>(())
//! ```

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::clinic::{ClinicSheet, Provider, Treatment};
use crate::currency::Currency;
use crate::decode::{self, Decoder, MAX_ASSISTANCE};
use crate::error::{ErrorCode, PlanError};
use crate::estimate::{Estimate, Line};
use crate::label::Label;
use crate::money::Amount;
use crate::plan::{Assistance, Coverage, Horizon, LineKind};
use crate::source::Source;

/// Longest quote number.
pub const MAX_NUMBER_CHARS: usize = 40;

/// How the patient pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
pub enum PaymentType {
    /// Uninsured, or not filing a claim: the patient pays every charge.
    #[serde(rename = "self-pay")]
    SelfPay,
    /// Billed to the patient's insurance (`coverage`).
    #[serde(rename = "insured")]
    Insured,
}

/// The patient a quote or Good Faith Estimate is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    /// Full name, 1–80 characters.
    pub name: String,
    /// Date of birth, `YYYY-MM-DD` (1900–2199), no later than the quote's date.
    pub birth_date: String,
}

/// What staff choose for one quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuoteInput {
    /// The treatment's `id` on the sheet.
    pub treatment: String,
    /// The first day of the course.
    pub start: Date,
    /// The day the quote is issued (the engine reads no clock).
    pub date: Date,
    /// The quote's number; default `Q-YYYYMMDD-<treatment id>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub number: Option<String>,
    /// Days the quote stays valid; default the sheet's `quoteValidDays`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub valid_days: Option<u32>,
    /// Self-pay or insured.
    pub payment: PaymentType,
    /// The patient's insurance: required when insured, refused when self-pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub coverage: Option<Coverage>,
    /// Savings programmes, as in a plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub assistance: Vec<Assistance>,
    /// A horizon other than the treatment's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub horizon: Option<Horizon>,
    /// Who the quote is for; required for a Good Faith Estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub patient: Option<Patient>,
    /// Diagnosis codes other than the treatment's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub diagnosis_codes: Option<Vec<String>>,
}

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
    /// The engine's estimate of the course: schedule, ledger and totals.
    pub estimate: Estimate,
}

/// A Good Faith Estimate for an uninsured or self-pay patient, with every
/// element 45 CFR 149.610(c) requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GoodFaithEstimate {
    /// The number of the quote it comes with.
    pub number: String,
    /// The day it was issued.
    pub date: Date,
    /// The patient's name and date of birth.
    pub patient: Patient,
    /// The provider or facility: name, NPI, TIN, location.
    pub provider: Provider,
    /// The primary service and when it is scheduled.
    pub primary_service: PrimaryService,
    /// The diagnosis codes of every item.
    pub diagnosis_codes: Vec<String>,
    /// Always `"USD"`: the rule is American.
    pub currency: Currency,
    /// Decimal places of the amounts (2).
    pub minor_units: u8,
    /// The expected items and services, itemised with codes and charges.
    pub items: Vec<GfeItem>,
    /// The sum of the expected charges.
    pub total: Amount,
    /// Items expected to be scheduled separately, not in this estimate.
    pub scheduled_separately: Vec<String>,
    /// The disclaimers the rule requires, in the order to print them.
    pub disclaimers: Vec<String>,
}

/// The primary item or service of a Good Faith Estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PrimaryService {
    /// The treatment's name.
    pub name: String,
    /// What it is, from the sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub description: Option<String>,
    /// The service code of its first phase.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub code: Option<String>,
    /// Sessions expected.
    pub sessions: u32,
    /// The date the first session is scheduled.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub scheduled: Option<Date>,
    /// The date of the last expected session.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub last: Option<Date>,
}

/// One expected item or service: the ledger lines of one service at one
/// charge, taken together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GfeItem {
    /// Package, session or fee.
    pub kind: LineKind,
    /// The service's name.
    pub service: Label,
    /// Its service code (CPT/HCPCS), when the sheet gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub code: Option<Label>,
    /// The first and last day it is expected.
    pub first: Date,
    /// See `first`.
    pub last: Date,
    /// How many times it is billed.
    pub times: u32,
    /// Sessions it stands for in all.
    pub quantity: u32,
    /// The expected charge each time, after discounts.
    pub unit_charge: Amount,
    /// Discounts taken off in all.
    pub discount: Amount,
    /// The expected charge in all.
    pub expected_charge: Amount,
}

/// The patient-provider dispute threshold: a bill this far above the
/// estimate, for any one provider, may be disputed ($400, in cents).
pub const DISPUTE_THRESHOLD_CENTS: i64 = 40_000;

/// Decodes a sheet and a quote input, with problems under `clinic.` and
/// `input.`, and makes sure the treatment exists.
pub fn decode_quote<S: Source, T: Source>(
    clinic: S,
    input: T,
) -> Result<(ClinicSheet, QuoteInput), PlanError> {
    let mut d = Decoder::default();
    let sheet = match crate::clinic::decode_clinic(clinic) {
        Ok(sheet) => Some(sheet),
        Err(err) => {
            d.absorb("clinic", err);
            None
        }
    };
    let input = d.quote_input(input, "input");
    if let (Some(sheet), Some(input)) = (&sheet, &input) {
        treatment_of(&mut d, sheet, input);
    }
    match (sheet, input) {
        (Some(sheet), Some(input)) => d.finish(Some((sheet, input))),
        _ => d.finish(None),
    }
}

/// The quote for `input` from `sheet`.
pub fn quote(sheet: &ClinicSheet, input: &QuoteInput) -> Result<Quote, PlanError> {
    let mut d = Decoder::default();
    let treatment = treatment_of(&mut d, sheet, input);
    let treatment = d.finish(treatment)?;
    let estimate = estimate(sheet, treatment, input)?;
    let valid_days = input.valid_days.unwrap_or(sheet.quote_valid_days);
    Ok(Quote {
        number: input.number.clone().unwrap_or_else(|| {
            let (y, m, d) = input.date.ymd();
            format!("Q-{y:04}{m:02}{d:02}-{}", treatment.id)
        }),
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
        estimate,
    })
}

/// The treatment a quote asks for, or an `unknown_name` problem at
/// `input.treatment` with a suggestion and the sheet's ids.
fn treatment_of<'a>(
    d: &mut Decoder,
    sheet: &'a ClinicSheet,
    input: &QuoteInput,
) -> Option<&'a Treatment> {
    let found = sheet.treatment(&input.treatment);
    if found.is_none() {
        let ids: Vec<&str> = sheet.treatments.iter().map(|t| t.id.as_str()).collect();
        decode::known_name(d, "input.treatment", &input.treatment, &ids, "treatment");
    }
    found
}

/// The estimate of the plan a sheet's treatment and a quote input make.
fn estimate(
    sheet: &ClinicSheet,
    treatment: &Treatment,
    input: &QuoteInput,
) -> Result<Estimate, PlanError> {
    let mut plan = sheet.plan(treatment, input.start);
    if let Some(horizon) = input.horizon {
        plan.horizon = horizon;
    }
    plan.coverage = input.coverage;
    plan.assistance = input.assistance.clone();
    // Each part is valid alone; what spans them (an assistance programme
    // naming a phase, a horizon's last day) is checked on the whole, with
    // paths as the input writes them.
    decode::check(&plan).map_err(|err| err.within("input"))?;
    Ok(crate::estimate::estimate_valid(&plan))
}

/// The Good Faith Estimate for `input` from `sheet`: only for a self-pay
/// patient who is named, on a sheet priced in US dollars.
pub fn good_faith_estimate(
    sheet: &ClinicSheet,
    input: &QuoteInput,
) -> Result<GoodFaithEstimate, PlanError> {
    let mut d = Decoder::default();
    if input.payment != PaymentType::SelfPay {
        d.report(
            ErrorCode::InvalidValue,
            "input.payment",
            "a Good Faith Estimate is for uninsured or self-pay patients; choose \"self-pay\"",
        );
    }
    if input.patient.is_none() {
        d.report(
            ErrorCode::MissingField,
            "input.patient",
            "a Good Faith Estimate must name the patient and their date of birth",
        );
    }
    if sheet.currency != Currency::USD {
        d.report(
            ErrorCode::InvalidValue,
            "clinic.currency",
            "a Good Faith Estimate is a US requirement: the sheet's prices must be in USD",
        );
    }
    let patient = d.finish(input.patient.clone())?;
    let quote = quote(sheet, input)?;
    let treatment = sheet.treatment(&input.treatment);
    let items = items(&quote.estimate.lines);
    let first_phase = quote.estimate.phases.first();
    let provider_name = quote.provider.name.clone();
    Ok(GoodFaithEstimate {
        number: quote.number,
        date: quote.date,
        patient,
        provider: quote.provider,
        primary_service: PrimaryService {
            name: quote.treatment_name,
            description: quote.description,
            code: treatment.and_then(|t| t.phases.first()?.code.clone()),
            sessions: quote.estimate.totals.sessions,
            scheduled: first_phase.and_then(|p| p.first),
            last: quote.estimate.sessions.last().map(|s| s.date),
        },
        diagnosis_codes: quote.diagnosis_codes,
        currency: quote.estimate.currency,
        minor_units: quote.estimate.minor_units,
        total: quote.estimate.totals.charge,
        items,
        scheduled_separately: treatment
            .map(|t| t.scheduled_separately.clone())
            .unwrap_or_default(),
        disclaimers: disclaimers(&provider_name),
    })
}

/// The ledger grouped into expected items: lines of one kind, service,
/// code and charge become one item, in the order they first appear.
fn items(lines: &[Line]) -> Vec<GfeItem> {
    let mut items: Vec<GfeItem> = Vec::new();
    for line in lines {
        let same = items.iter_mut().find(|item| {
            item.kind == line.kind
                && item.service == line.name
                && item.code == line.code
                && item.unit_charge == line.charge
        });
        match same {
            Some(item) => {
                item.last = line.date;
                item.times += 1;
                item.quantity += line.quantity;
                item.discount += line.discount;
                item.expected_charge += line.charge;
            }
            None => items.push(GfeItem {
                kind: line.kind,
                service: line.name.clone(),
                code: line.code.clone(),
                first: line.date,
                last: line.date,
                times: 1,
                quantity: line.quantity,
                unit_charge: line.charge,
                discount: line.discount,
                expected_charge: line.charge,
            }),
        }
    }
    items
}

/// The disclaimers of 45 CFR 149.610(c)(1)(vii)–(ix), in the words of the
/// HHS standard form, shortened.
fn disclaimers(provider: &str) -> Vec<String> {
    vec![
        format!(
            "There may be additional items or services {provider} recommends as part of your care that must be scheduled or requested separately and are not included in this Good Faith Estimate."
        ),
        "This Good Faith Estimate is only an estimate: actual items, services or charges may differ from it.".to_string(),
        "This Good Faith Estimate is not a contract and does not require you to obtain the items or services listed from any provider or facility.".to_string(),
        "You have the right to start a patient-provider dispute resolution process if you are billed $400 or more above this Good Faith Estimate for any provider or facility. You must start it within 120 calendar days of the date on the original bill; there is a $25 fee. Starting a dispute will not affect the quality of the care you receive.".to_string(),
        "For questions or to learn how to start a dispute, visit www.cms.gov/nosurprises or call 1-800-985-3059. Keep a copy of this Good Faith Estimate.".to_string(),
    ]
}

impl Quote {
    /// The ledger as CSV (RFC 4180, CRLF line ends, UTF-8), one row per
    /// line, amounts in major units with the currency's decimals.
    ///
    /// Text is quoted where it holds a comma, a quote or a line break, and a
    /// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// gets a leading `'` so a spreadsheet shows it rather than running it as
    /// a formula (OWASP's advice on CSV injection).
    pub fn csv(&self) -> String {
        let e = &self.estimate;
        let units = e.minor_units;
        let mut out = String::from(
            "quote,date,kind,name,phase,code,quantity,currency,gross,discount,charge,insurer_pays,assistance,patient_pays\r\n",
        );
        for line in &e.lines {
            let cells = [
                text_cell(&self.number),
                line.date.to_string(),
                line.kind.name().to_string(),
                text_cell(&line.name),
                text_cell(line.phase.as_deref().unwrap_or("")),
                text_cell(line.code.as_deref().unwrap_or("")),
                line.quantity.to_string(),
                e.currency.code().to_string(),
                line.gross.decimal(units),
                line.discount.decimal(units),
                line.charge.decimal(units),
                line.insurer_pays.decimal(units),
                line.assistance.decimal(units),
                line.patient_pays.decimal(units),
            ];
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(cell);
            }
            out.push_str("\r\n");
        }
        out
    }
}

/// One CSV cell of free text: formula-safe, then quoted if it must be.
fn text_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

impl Decoder {
    fn quote_input<S: Source>(&mut self, value: S, path: &str) -> Option<QuoteInput> {
        const KNOWN: &[&str] = &[
            "treatment",
            "start",
            "date",
            "number",
            "validDays",
            "payment",
            "coverage",
            "assistance",
            "horizon",
            "patient",
            "diagnosisCodes",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let treatment = self.req_with(&obj, "treatment", |d, v, p| d.name(v, p));
        let start = self.req_with(&obj, "start", |d, v, p| d.date(v, p));
        let date = self.req_with(&obj, "date", |d, v, p| d.date(v, p));
        let number = self.opt_with(&obj, "number", |d, v, p| d.text(v, p, MAX_NUMBER_CHARS));
        let valid_days = self.opt_with(&obj, "validDays", |d, v, p| {
            d.count(v, p, 1, crate::clinic::MAX_VALID_DAYS)
        });
        let payment = self.req_with(&obj, "payment", |d, v, p| {
            d.keyword(v, p, &["self-pay", "insured"])
                .map(|i| [PaymentType::SelfPay, PaymentType::Insured][i])
        });
        let coverage = self.opt_with(&obj, "coverage", |d, v, p| d.coverage(v, p));
        let assistance = self.opt_with(&obj, "assistance", |d, v, p| {
            d.list(v, p, MAX_ASSISTANCE, |d, v, p| d.assistance(v, p))
        });
        let horizon = self.opt_with(&obj, "horizon", |d, v, p| d.horizon(v, p));
        let patient = self.opt_with(&obj, "patient", |d, v, p| d.patient(v, p));
        let diagnosis_codes =
            self.opt_with(&obj, "diagnosisCodes", |d, v, p| d.diagnosis_codes(v, p));
        let input = QuoteInput {
            treatment: treatment?,
            start: start?,
            date: date?,
            number: number.ok()?,
            valid_days: valid_days.ok()?,
            payment: payment?,
            coverage: coverage.ok()?,
            assistance: assistance.ok()?.unwrap_or_default(),
            horizon: horizon.ok()?,
            patient: patient.ok()?,
            diagnosis_codes: diagnosis_codes.ok()?,
        };
        match (input.payment, &input.coverage) {
            (PaymentType::Insured, None) => self.report(
                ErrorCode::MissingField,
                &decode::join(path, "coverage"),
                "an insured quote needs the patient's \"coverage\"",
            ),
            (PaymentType::SelfPay, Some(_)) => self.report(
                ErrorCode::ConflictingFields,
                &decode::join(path, "coverage"),
                "a self-pay quote bills no insurance; remove \"coverage\" or choose \"insured\"",
            ),
            _ => {}
        }
        // ISO dates of one length compare as text.
        if let Some(patient) = &input.patient
            && patient.birth_date > input.date.to_string()
        {
            self.report(
                ErrorCode::OutOfRange,
                &decode::join(path, "patient.birthDate"),
                format!(
                    "{} is after the quote's date, {}",
                    patient.birth_date, input.date
                ),
            );
        }
        Some(input)
    }

    fn patient<S: Source>(&mut self, value: S, path: &str) -> Option<Patient> {
        let obj = self.object(value, path, &["name", "birthDate"])?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let birth_date = self.req_with(&obj, "birthDate", |d, v, p| {
            let text = d.string(v, p)?;
            if !crate::calendar::is_birth_date(&text) {
                d.report(
                    ErrorCode::InvalidDate,
                    p,
                    format!(
                        "\"{}\" is not a real date of birth written YYYY-MM-DD in the years 1900–2199",
                        decode::clip(&text)
                    ),
                );
                return None;
            }
            Some(text)
        });
        Some(Patient {
            name: name?,
            birth_date: birth_date?,
        })
    }
}

/// Parses a price sheet and a quote input from JSON text, with problems
/// under `clinic.` and `input.`.
#[cfg(feature = "std")]
pub fn parse_quote(
    clinic_json: &str,
    input_json: &str,
) -> Result<(ClinicSheet, QuoteInput), PlanError> {
    let clinic = crate::parse_json(clinic_json).map_err(|e| e.within("clinic"))?;
    let input = crate::parse_json(input_json).map_err(|e| e.within("input"))?;
    decode_quote(&clinic, &input)
}
