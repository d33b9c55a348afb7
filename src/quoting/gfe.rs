//! The Good Faith Estimate (45 CFR 149.610) for uninsured and self-pay
//! patients: the quote's estimate grouped into the itemised list the rule
//! asks for, with the patient, the provider and the required disclaimers.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::clinic::{ClinicSheet, Provider};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::label::Label;
use crate::money::Amount;
use crate::output::Line;
use crate::plan::LineKind;

use super::{Patient, PaymentType, QuoteInput};

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

/// The Good Faith Estimate for `input` from `sheet`: only for a self-pay
/// patient who is named, on a sheet priced in US dollars.
pub fn good_faith_estimate(
    sheet: &ClinicSheet,
    input: &QuoteInput,
) -> Result<GoodFaithEstimate, Error> {
    let mut problems = Vec::new();
    if input.payment != PaymentType::SelfPay {
        problems.push(Problem::new(
            ErrorCode::InvalidValue,
            "input.payment",
            "a Good Faith Estimate is for uninsured or self-pay patients; choose \"self-pay\"",
        ));
    }
    if input.patient.is_none() {
        problems.push(Problem::new(
            ErrorCode::MissingField,
            "input.patient",
            "a Good Faith Estimate must name the patient and their date of birth",
        ));
    }
    if sheet.currency != Currency::USD {
        problems.push(Problem::new(
            ErrorCode::InvalidValue,
            "clinic.currency",
            "a Good Faith Estimate is a US requirement: the sheet's prices must be in USD",
        ));
    }
    let patient = match &input.patient {
        Some(patient) if problems.is_empty() => patient.clone(),
        _ => return Err(Error::new(problems)),
    };
    let quote = super::quote(sheet, input)?;
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
        format!(
            "You have the right to start a patient-provider dispute resolution process if you are billed ${} or more above this Good Faith Estimate for any provider or facility. You must start it within 120 calendar days of the date on the original bill; there is a $25 fee. Starting a dispute will not affect the quality of the care you receive.",
            DISPUTE_THRESHOLD_CENTS / 100
        ),
        "For questions or to learn how to start a dispute, visit www.cms.gov/nosurprises or call 1-800-985-3059. Keep a copy of this Good Faith Estimate.".to_string(),
    ]
}
