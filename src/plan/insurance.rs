//! How a course is paid for besides the patient's pocket: insurance (its
//! benefits, network, limits and accumulator rule) and savings programmes.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::MonthDay;
use crate::money::{Amount, Percent};

/// Insurance (the reference's insurance page): the medical benefit's cost
/// sharing, and what version 2 of the contract adds — the plan's type and
/// network, an accumulator programme, a pharmacy benefit and coverage limits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Coverage {
    /// The medical benefit's cost sharing: deductible, coinsurance, copay
    /// and out-of-pocket maximum (in JSON its fields sit on `coverage`).
    #[serde(flatten)]
    pub medical: CostSharing,
    /// First day of each plan year, `MM-DD`; default `"01-01"`.
    #[serde(default)]
    pub plan_year_start: MonthDay,
    /// Commercial (default) or government insurance.
    #[serde(rename = "type")]
    #[cfg_attr(ts, tsify(optional))]
    pub kind: PlanType,
    /// Whether the clinic is in the plan's network; default in network.
    #[cfg_attr(ts, tsify(optional))]
    pub network: Network,
    /// Whether only the patient's own money counts toward the deductible
    /// and out-of-pocket maximum (an accumulator programme); default `false`.
    #[cfg_attr(ts, tsify(optional))]
    pub accumulator: bool,
    /// The pharmacy benefit's own cost sharing; absent: pharmacy lines are
    /// shared exactly like medical ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pharmacy: Option<CostSharing>,
    /// Coverage limits: most sessions of some phases insurance covers (0–10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub limits: Vec<CoverageLimit>,
}

/// One benefit's cost sharing: what the patient pays of an allowed amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CostSharing {
    /// Yearly deductible; default 0.
    #[serde(default)]
    pub deductible: Amount,
    /// Deductible already met in the plan year that contains the start.
    #[serde(default)]
    pub deductible_met: Amount,
    /// Percent the patient pays after the deductible; default 0.
    #[serde(default)]
    pub coinsurance: Percent,
    /// Flat amount per covered line instead of deductible and coinsurance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copay: Option<Amount>,
    /// Most the patient pays in a plan year; absent: no cap of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_pocket_max: Option<Amount>,
    /// Out-of-pocket already paid in the plan year that contains the start.
    #[serde(default, skip_serializing_if = "Amount::is_zero")]
    pub out_of_pocket_met: Amount,
}

/// Commercial or government insurance: manufacturer programmes exclude the
/// latter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PlanType {
    /// An employer or marketplace plan.
    #[default]
    Commercial,
    /// Medicare, Medicaid, TRICARE, VA.
    Government,
}

impl PlanType {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["commercial", "government"];
}

/// Whether the clinic is in the plan's network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Network {
    /// In network: the clinic writes off what is above the allowed amount.
    #[default]
    In,
    /// Out of network: the clinic bills the patient for it.
    Out,
}

impl Network {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["in", "out"];
}

/// Insurance covers at most `sessions` sessions of `phases` per period, for
/// example a prior authorization for 36 TMS sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CoverageLimit {
    /// The phases whose sessions count (1–20 names, no repeats).
    pub phases: Vec<String>,
    /// Most covered sessions per period (1–1000).
    pub sessions: u32,
    /// The period: each plan year (default) or the whole course.
    #[cfg_attr(ts, tsify(optional))]
    pub per: LimitPer,
}

/// The period a coverage limit counts over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LimitPer {
    /// Each plan year.
    #[default]
    PlanYear,
    /// The whole estimate.
    Course,
}

impl LimitPer {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["planYear", "course"];
}

/// A savings programme that pays part of the patient's share (docs/insurance.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Assistance {
    /// 1–80 characters, unique among programmes.
    pub name: String,
    /// On each line it applies to, the patient pays at most this.
    pub patient_pays_at_most: Amount,
    /// Most the programme pays per programme year; absent: no cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_max: Option<Amount>,
    /// First day of each programme year, `MM-DD`; default `"01-01"`.
    #[serde(default)]
    pub year_start: MonthDay,
    /// Phases whose session lines it applies to.
    #[serde(default)]
    pub phases: Vec<String>,
    /// Fees whose lines it applies to. With neither list, every session line.
    #[serde(default)]
    pub fees: Vec<String>,
    /// Who may use it; default anyone.
    #[cfg_attr(ts, tsify(optional))]
    pub requires: Requires,
}

/// Who a savings programme is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Requires {
    /// Anyone.
    #[default]
    None,
    /// Insured patients.
    Coverage,
    /// Patients with commercial insurance (manufacturer copay programmes).
    Commercial,
}

impl Requires {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 3] = ["none", "coverage", "commercial"];
}
