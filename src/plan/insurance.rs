//! How a course is paid for besides the patient's pocket: insurance (its
//! benefits, network, limits and accumulator rule) and savings programmes.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::MonthDay;
use crate::money::{Amount, Percent};

/// Insurance (the reference's insurance page): the medical benefit's cost
/// sharing, and what version 2 of the contract adds — the plan's type and
/// network, an accumulator programme, a pharmacy benefit and coverage limits
/// — and version 3: a fee schedule, per-visit copays, out-of-network terms,
/// balance-billing rules, a family deductible and patient-filed claims.
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
    /// The insurer's allowed amount per billing code (0–200 entries).
    #[serde(default, skip_serializing_if = "FeeSchedule::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub fee_schedule: FeeSchedule,
    /// Whether a medical copay is charged per line (default) or per visit.
    #[serde(default, skip_serializing_if = "CopayPer::is_line")]
    #[cfg_attr(ts, tsify(optional))]
    pub copay_per: CopayPer,
    /// The out-of-network benefit's own cost sharing and accumulators;
    /// absent: out of network, the top-level terms apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_network: Option<CostSharing>,
    /// Who bears the charge above the allowed amount out of network.
    #[serde(default, skip_serializing_if = "BalanceBilling::is_full")]
    #[cfg_attr(ts, tsify(optional))]
    pub balance_billing: BalanceBilling,
    /// A family deductible and maximum embedded in the top-level ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Family>,
    /// Who sends the claims: the clinic (default) or the patient.
    #[serde(default, skip_serializing_if = "Claims::is_clinic")]
    #[cfg_attr(ts, tsify(optional))]
    pub claims: Claims,
    /// Days from a line to the insurer's reimbursement of a patient's
    /// claim (0–365; default 30); only with `claims: "patient"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reimbursement_days: Option<u32>,
}

impl Coverage {
    /// Days from a line to its reimbursement when the patient claims.
    pub fn reimbursement_days(&self) -> u32 {
        self.reimbursement_days.unwrap_or(30)
    }
}

/// The insurer's allowed amounts by billing code, in the order given.
///
/// A list of pairs, not a map: the engine looks a code up once per phase
/// and fee, and a list keeps the WebAssembly small.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "Record<string, Amount>"))]
pub struct FeeSchedule(pub(crate) Vec<(String, Amount)>);

impl FeeSchedule {
    /// Whether it lists no code.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The allowed amount listed for `code`.
    pub fn get(&self, code: &str) -> Option<Amount> {
        self.0.iter().find(|(c, _)| c == code).map(|(_, a)| *a)
    }
}

impl Serialize for FeeSchedule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (code, amount) in &self.0 {
            map.serialize_entry(code, amount)?;
        }
        map.end()
    }
}

/// How often a medical copay is charged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum CopayPer {
    /// On every covered line.
    #[default]
    Line,
    /// Once per visit: the covered lines of one day share one copay.
    Visit,
}

impl CopayPer {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["line", "visit"];

    fn is_line(&self) -> bool {
        *self == CopayPer::Line
    }
}

/// Who bears the charge above the allowed amount out of network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum BalanceBilling {
    /// The patient: a balance bill.
    #[default]
    Full,
    /// Nobody: the clinic writes it off (Medicaid, surprise-bill protections).
    None,
    /// A non-participating Medicare provider: the limiting charge.
    Medicare,
}

impl BalanceBilling {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 3] = ["full", "none", "medicare"];

    fn is_full(&self) -> bool {
        *self == BalanceBilling::Full
    }
}

/// Who sends the claims to the insurer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Claims {
    /// The clinic bills the insurer; the patient pays their share.
    #[default]
    Clinic,
    /// A superbill: the patient pays the clinic and is reimbursed later.
    Patient,
}

impl Claims {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["clinic", "patient"];

    fn is_clinic(&self) -> bool {
        *self == Claims::Clinic
    }
}

/// A family deductible and out-of-pocket maximum, embedded: a line is
/// shared against the smaller of what is left of the patient's and the
/// family's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Family {
    /// The family's yearly deductible; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deductible: Option<Amount>,
    /// Of it, met by the family before the start (first plan year only).
    #[serde(default, skip_serializing_if = "Amount::is_zero")]
    #[cfg_attr(ts, tsify(optional))]
    pub deductible_met: Amount,
    /// The family's yearly out-of-pocket maximum; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_pocket_max: Option<Amount>,
    /// Of it, paid by the family before the start (first plan year only).
    #[serde(default, skip_serializing_if = "Amount::is_zero")]
    #[cfg_attr(ts, tsify(optional))]
    pub out_of_pocket_met: Amount,
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
    /// Whether the deductible applies first and the copay after it;
    /// default `false` (a copay replaces the deductible).
    #[serde(default, skip_serializing_if = "is_false")]
    #[cfg_attr(ts, tsify(optional))]
    pub copay_after_deductible: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
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
    /// Who bears a refused session: the patient (default) or the clinic.
    #[serde(default, skip_serializing_if = "Beyond::is_patient")]
    #[cfg_attr(ts, tsify(optional))]
    pub beyond: Beyond,
}

/// Who bears a session a coverage limit refuses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Beyond {
    /// The patient owes it.
    #[default]
    Patient,
    /// The clinic writes it off (no waiver or ABN signed).
    Clinic,
}

impl Beyond {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["patient", "clinic"];

    fn is_patient(&self) -> bool {
        *self == Beyond::Patient
    }
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
