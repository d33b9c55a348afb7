//! The Good Faith Estimate (45 CFR 149.610) for uninsured and self-pay
//! patients: the quote's estimate grouped into the itemised list the rule
//! asks for, with the patient, the provider and the required disclaimers.

use crate::prelude::*;
use crate::text::cat;
use serde::Serialize;

use crate::calendar::Date;
use crate::clinic::{ClinicSheet, Course, OFFICE_PLACE_OF_SERVICE, Provider, ProviderKind};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::label::Label;
use crate::limits::MAX_GFE_MONTHS;
use crate::money::Amount;
use crate::output::Line;
use crate::plan::{LineKind, PlanOptions};

use super::due::{Delivery, delivery};
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
    /// The convening provider or facility: name, NPI, TIN, location.
    pub provider: Provider,
    /// The primary service and when it is scheduled.
    pub primary_service: PrimaryService,
    /// The diagnosis codes of every item.
    pub diagnosis_codes: Vec<String>,
    /// Always `"USD"`: the rule is American.
    pub currency: Currency,
    /// Decimal places of the amounts (2).
    pub minor_units: u8,
    /// The expected items and services, itemised with codes and charges,
    /// in the order they first occur.
    pub items: Vec<GfeItem>,
    /// The same items by the provider or facility who bills them: the
    /// convening provider first, then each co-provider, each with its
    /// identifiers and subtotal.
    pub providers: Vec<GfeProvider>,
    /// The sum of the expected charges.
    pub total: Amount,
    /// The expected charges of the treatment's dear-end course over the
    /// same period, when the sheet gives one: the top of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub high_total: Option<Amount>,
    /// When the estimate is due, when the input says when the service was
    /// scheduled (`scheduledOn`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub delivery: Option<Delivery>,
    /// Items expected to be scheduled separately, not in this estimate.
    pub scheduled_separately: Vec<String>,
    /// What to print directly above that list: separate estimates will be
    /// given for them, and how to get one.
    pub separately_scheduled_note: String,
    /// The disclaimers the rule requires, in the order to print them.
    pub disclaimers: Vec<String>,
}

/// A provider or facility of a Good Faith Estimate with the items it bills.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GfeProvider {
    /// The co-provider's id on the sheet; absent for the convening provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub id: Option<String>,
    /// Convening provider, or co-provider.
    pub role: GfeRole,
    /// Organization or practitioner.
    pub kind: ProviderKind,
    /// Its name, address, NPI and TIN.
    #[serde(flatten)]
    pub identity: Provider,
    /// The items it bills.
    pub items: Vec<GfeItem>,
    /// Their expected charges.
    pub subtotal: Amount,
    /// Its expected charges if the course runs to its dear end (the
    /// treatment's `high` course), when the sheet gives one: the top of
    /// this provider's range, which a dispute compares its bill with.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub high_subtotal: Option<Amount>,
}

/// A provider's part in a Good Faith Estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum GfeRole {
    /// The clinic, which schedules the primary service and gives the estimate.
    Convening,
    /// Another provider or facility who bills part of the course.
    CoProvider,
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
    /// The id of the co-provider who bills it; absent: the clinic.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub provider: Option<String>,
    /// The CMS place-of-service code of that place: its `placeOfService`,
    /// or 11 (office).
    pub place_of_service: u32,
}

/// The patient-provider dispute threshold: a bill this far above the
/// estimate, for any one provider, may be disputed ($400, in cents).
pub const DISPUTE_THRESHOLD_CENTS: i64 = 40_000;

/// The Good Faith Estimate for `input` from `sheet`: only for a self-pay
/// patient who is named, on a sheet priced in US dollars, over at most 12
/// months.
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
    let treatment = super::treatment_of(sheet, input)?;
    let horizon = input.horizon.unwrap_or(treatment.horizon);
    let end = horizon.end(input.start);
    let limit = input.start.add_months(MAX_GFE_MONTHS);
    if end > limit {
        problems.push(Problem::new(
            ErrorCode::OutOfRange,
            "input.horizon",
            cat!("a Good Faith Estimate covers at most {} months of a recurring course, and this one runs to {}: give this estimate for the {} months to {} (a horizon of { \"months\": {} }); a new Good Faith Estimate is needed for the rest", MAX_GFE_MONTHS, end.add_days(-1), MAX_GFE_MONTHS, limit.add_days(-1), MAX_GFE_MONTHS),
        ));
    }
    let patient = match &input.patient {
        Some(patient) if problems.is_empty() => patient.clone(),
        _ => return Err(Error::new(problems)),
    };
    let quote = super::quote(sheet, input)?;
    let course = &treatment.course;
    let items = items(sheet, &quote.estimate.lines, course);
    let first_phase = quote.estimate.phases.first();
    let first_service = quote.estimate.lines.first().map_or(input.start, |l| l.date);
    let delivery = match input.scheduled_on {
        Some(day) if day > first_service => {
            return Err(Error::new(vec![Problem::new(
                ErrorCode::OutOfRange,
                "input.scheduledOn",
                cat!("{} is after the first service, on {}", day, first_service),
            )]));
        }
        Some(day) => Some(delivery(
            sheet,
            &input.federal_holidays,
            day,
            input.requested,
            first_service,
        )),
        None => None,
    };
    // The dear end's estimate, grouped by provider as the expected one is.
    let high = treatment.high.as_ref().and_then(|high| {
        let options = PlanOptions {
            horizon: Some(horizon),
            ..PlanOptions::default()
        };
        let plan = sheet
            .plan_of(high, horizon, input.start)
            .with_options(&options);
        plan.ok().map(|plan| {
            let estimate = crate::assemble::estimate(&plan);
            let dear = self::items(sheet, &estimate.lines, high);
            (
                estimate.totals.charge,
                groups(sheet, &quote.provider, &dear),
            )
        })
    });
    let high_total = high.as_ref().map(|(total, _)| *total);
    if let Some(high) = high_total
        && high < quote.estimate.totals.charge
    {
        let t = sheet
            .treatments
            .iter()
            .position(|t| t.id == treatment.id)
            .unwrap_or_default();
        return Err(Error::new(vec![Problem::new(
            ErrorCode::OutOfRange,
            cat!("clinic.treatments[{}].high", t),
            sheet.dear_end_problem(input.start, quote.estimate.totals.charge, high),
        )]));
    }
    let mut providers = groups(sheet, &quote.provider, &items);
    if let Some((_, high)) = &high {
        for group in &mut providers {
            let dear = high.iter().find(|g| g.id == group.id);
            group.high_subtotal = Some(dear.map(|g| g.subtotal).unwrap_or_default());
        }
    }
    let separately_scheduled_note = separately_scheduled_note(&quote.provider);
    let disclaimers = disclaimers(&quote.provider.name, providers.len() > 1);
    Ok(GoodFaithEstimate {
        number: quote.number,
        date: quote.date,
        patient,
        provider: quote.provider,
        primary_service: PrimaryService {
            name: quote.treatment_name,
            description: quote.description,
            code: course.phases.first().and_then(|p| p.phase.code.clone()),
            sessions: quote.estimate.totals.sessions,
            scheduled: first_phase.and_then(|p| p.first),
            last: quote.estimate.sessions.last().map(|s| s.date),
        },
        diagnosis_codes: quote.diagnosis_codes,
        currency: quote.estimate.currency,
        minor_units: quote.estimate.minor_units,
        total: quote.estimate.totals.charge,
        items,
        providers,
        high_total,
        delivery,
        scheduled_separately: treatment.scheduled_separately.clone(),
        separately_scheduled_note,
        disclaimers,
    })
}

/// The ledger grouped into expected items: lines of one kind, service,
/// code, charge, provider and location become one item, in the order they
/// first appear.
fn items(sheet: &ClinicSheet, lines: &[Line], course: &Course) -> Vec<GfeItem> {
    let mut items: Vec<GfeItem> = Vec::new();
    for line in lines {
        let provider = course.biller(line.kind, &line.name);
        let location = course.location(line.kind, &line.name);
        let same = items.iter_mut().find(|item| {
            item.kind == line.kind
                && item.service == line.name
                && item.code == line.code
                && item.unit_charge == line.charge
                && item.provider.as_deref() == provider
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
                provider: provider.map(String::from),
                place_of_service: sheet
                    .providers
                    .iter()
                    .find(|p| Some(p.id.as_str()) == location)
                    .and_then(|p| p.place_of_service)
                    .unwrap_or(OFFICE_PLACE_OF_SERVICE),
            }),
        }
    }
    items
}

/// The items by provider: the clinic (convening) first, then each
/// co-provider that bills an item, in the sheet's order.
fn groups(sheet: &ClinicSheet, clinic: &Provider, items: &[GfeItem]) -> Vec<GfeProvider> {
    let group = |id: Option<&str>, role, kind, identity: &Provider| {
        let items: Vec<GfeItem> = items
            .iter()
            .filter(|i| i.provider.as_deref() == id)
            .cloned()
            .collect();
        GfeProvider {
            id: id.map(String::from),
            role,
            kind,
            identity: identity.clone(),
            subtotal: items.iter().map(|i| i.expected_charge).sum(),
            items,
            high_subtotal: None,
        }
    };
    let mut groups = vec![group(
        None,
        GfeRole::Convening,
        ProviderKind::Organization,
        clinic,
    )];
    for co in &sheet.providers {
        if items.iter().any(|i| i.provider.as_deref() == Some(&co.id)) {
            groups.push(group(
                Some(&co.id),
                GfeRole::CoProvider,
                co.kind,
                &co.identity,
            ));
        }
    }
    groups
}

/// Where to ask about the items scheduled separately: printed directly
/// above their list, as 45 CFR 149.610(c)(1)(vii) asks.
fn separately_scheduled_note(clinic: &Provider) -> String {
    let phone = clinic
        .phone
        .as_deref()
        .map(|p| cat!(" at {}", p))
        .unwrap_or_default();
    cat!(
        "Separate Good Faith Estimates will be issued to you upon scheduling or upon request of the items or services listed below, with their diagnosis codes, service codes, expected charges and provider or facility identifiers. To get one, contact {}{}, or the provider or facility who will give them.",
        clinic.name,
        phone
    )
}

/// The CMS web page for questions about Good Faith Estimates and disputes.
pub const CMS_WEB: &str = "www.cms.gov/nosurprises/consumers";
/// The CMS help line.
pub const CMS_PHONE: &str = "1-800-985-3059";
/// The CMS address for questions about patient-provider disputes.
pub const CMS_EMAIL: &str = "FederalPPDRQuestions@cms.hhs.gov";

/// The disclaimers of 45 CFR 149.610(c)(1)(viii)–(x), in the words of the
/// HHS standard form, shortened.
fn disclaimers(provider: &str, co_providers: bool) -> Vec<String> {
    let contact = if co_providers {
        cat!("{} or the provider or facility who billed it", provider)
    } else {
        provider.to_string()
    };
    vec![
        cat!("There may be additional items or services {} recommends as part of your care that must be scheduled or requested separately and are not included in this Good Faith Estimate.", provider),
        "This Good Faith Estimate shows the costs of items and services that are reasonably expected for your health care needs, based on information known when it was created. It is only an estimate: actual items, services or charges may differ from it.".to_string(),
        "It does not include any unknown or unexpected costs that may arise during treatment. You could be charged more if complications or special circumstances occur; if this happens, federal law allows you to dispute the bill.".to_string(),
        "This Good Faith Estimate is not a contract and does not require you to obtain the items or services listed from any provider or facility.".to_string(),
        cat!("If you are billed for more than this Good Faith Estimate, you may contact {} to let them know the billed charges are higher. You can ask them to update the bill to match this estimate, ask to negotiate the bill, or ask if financial assistance is available.", contact),
        cat!("You have the right to start a patient-provider dispute resolution process with the U.S. Department of Health and Human Services if you are billed ${} or more above this Good Faith Estimate for any provider or facility. You must start it within 120 calendar days (about 4 months) of the date on the original bill; there is a $25 fee. Starting a dispute will not affect the quality of the care you receive.", DISPUTE_THRESHOLD_CENTS / 100),
        "If the agency reviewing your dispute agrees with you, you will have to pay the price on this Good Faith Estimate. If it disagrees with you and agrees with the provider or facility, you will have to pay the higher amount.".to_string(),
        cat!("To learn more, get the form to start a dispute, or ask about your right to a Good Faith Estimate, visit {}, email {} or call {}.", CMS_WEB, CMS_EMAIL, CMS_PHONE),
        "Keep a copy of this Good Faith Estimate in a safe place or take pictures of it: you may need it if you are billed a higher amount.".to_string(),
    ]
}
