//! What staff choose for one quote: the treatment, the dates, the patient
//! and how they pay.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::plan::{Assistance, Coverage, Horizon};

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
    /// The quote's number; default `Q-YYYYMMDD-<treatment id>-<hash>`,
    /// unique to the quote's contents.
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
    /// The payer on the sheet whose allowed amounts and network an insured
    /// quote uses (its `id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub payer: Option<String>,
    /// The day the service was scheduled or, with `requested`, the day the
    /// patient asked for a Good Faith Estimate: the day its deadline counts
    /// from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub scheduled_on: Option<Date>,
    /// US federal holidays (observed dates) over the weeks from
    /// `scheduledOn` to the first service: a Good Faith Estimate's deadline
    /// is the earlier of one counted in the clinic's open days and one
    /// counted Monday to Friday less these days. The staff page gives them;
    /// absent: none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub federal_holidays: Vec<Date>,
    /// Whether the patient asked for the estimate (rather than scheduling
    /// the service); default `false`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub requested: bool,
    /// Whether `coverage` must name its deductible and its coinsurance or
    /// copay (`missing_field` otherwise), for forms where a blank field is
    /// not 0; default `false`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub require_terms: bool,
}
