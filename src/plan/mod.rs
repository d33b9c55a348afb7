//! The plan: what a course looks like and how it is paid for (docs/plan.md).
//!
//! These types are the *validated* form of a plan. They are built only by the
//! decoder in [`crate::decode`], which checks every rule of the contract and
//! reports every problem with its path, so code that holds a [`Plan`] may rely
//! on its invariants (names unique, references resolved, bounds respected).

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::{Date, Weekday};
use crate::currency::Currency;
use crate::money::{Amount, Percent};

mod insurance;

pub use insurance::{
    Assistance, BalanceBilling, Beyond, Claims, CopayPer, CostSharing, Coverage, CoverageLimit,
    Family, FeeSchedule, LimitPer, Network, PlanType, Requires,
};

/// A treatment course and how it is paid for: the engine's input.
///
/// Build one from JSON with [`crate::parse_plan`] (or `serde_json::from_str`,
/// which runs the same checks), then call [`crate::estimate()`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// ISO 4217 code of every amount in the plan; default `"USD"`.
    #[serde(default)]
    pub(crate) currency: Currency,
    /// The earliest day of the course, `YYYY-MM-DD`.
    pub(crate) start: Date,
    /// How far ahead to estimate; default 12 months.
    #[serde(default)]
    pub(crate) horizon: Horizon,
    /// Days the clinic is closed; sessions move to the next open day.
    #[serde(default)]
    pub(crate) clinic: Clinic,
    /// The course, phase by phase (1–20), e.g. induction then maintenance.
    pub(crate) phases: Vec<Phase>,
    /// Fees besides the sessions (0–50): consultations, memberships, supplies.
    #[serde(default)]
    pub(crate) fees: Vec<Fee>,
    /// Prepaid bundles of sessions (0–50), bought only where they are cheaper.
    #[serde(default)]
    pub(crate) packages: Vec<Package>,
    /// Percentage discounts (0–10), e.g. a cash-pay discount.
    #[serde(default)]
    pub(crate) discounts: Vec<Discount>,
    /// Insurance; absent means self-pay, nothing covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) coverage: Option<Coverage>,
    /// Savings programmes (0–5) that pay part of the patient's share.
    #[serde(default)]
    pub(crate) assistance: Vec<Assistance>,
    /// A monthly payment plan for what the patient owes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) financing: Option<Financing>,
}

impl Plan {
    /// The currency of every amount.
    pub fn currency(&self) -> Currency {
        self.currency
    }
    /// The earliest day of the course.
    pub fn start(&self) -> Date {
        self.start
    }
    /// How far ahead the estimate looks.
    pub fn horizon(&self) -> Horizon {
        self.horizon
    }
    /// The clinic's closed days.
    pub fn clinic(&self) -> &Clinic {
        &self.clinic
    }
    /// The phases, in order.
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }
    /// The fees.
    pub fn fees(&self) -> &[Fee] {
        &self.fees
    }
    /// The packages.
    pub fn packages(&self) -> &[Package] {
        &self.packages
    }
    /// The discounts.
    pub fn discounts(&self) -> &[Discount] {
        &self.discounts
    }
    /// The insurance, if any.
    pub fn coverage(&self) -> Option<&Coverage> {
        self.coverage.as_ref()
    }
    /// The savings programmes.
    pub fn assistance(&self) -> &[Assistance] {
        &self.assistance
    }
    /// The payment plan, if any.
    pub fn financing(&self) -> Option<&Financing> {
        self.financing.as_ref()
    }
}

/// How far ahead an estimate looks: exactly one of months, weeks or an
/// inclusive last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Horizon {
    /// 1–120 calendar months from the start.
    Months(u32),
    /// 1–520 weeks from the start.
    Weeks(u32),
    /// Up to and including this day (at most 120 months after the start).
    Until(Date),
}

impl Default for Horizon {
    fn default() -> Self {
        Horizon::Months(12)
    }
}

impl Horizon {
    /// The first day *after* the estimate: `[start, end)` is covered.
    pub fn end(self, start: Date) -> Date {
        match self {
            Horizon::Months(n) => start.add_months(n),
            Horizon::Weeks(n) => start.add_days(7 * n as i32),
            Horizon::Until(last) => last.add_days(1),
        }
    }
}

/// The clinic's closed days.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Clinic {
    /// Weekdays with no sessions, e.g. `["sat", "sun"]`; not all seven.
    #[serde(default)]
    pub closed_weekdays: Vec<Weekday>,
    /// Single closed days such as holidays (at most 400).
    #[serde(default)]
    pub closed_dates: Vec<Date>,
}

/// One stretch of a course with one rhythm and one price, e.g. an induction
/// series of six infusions or open-ended monthly boosters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Phase {
    /// 1–80 characters, unique among phases.
    pub name: String,
    /// How often sessions recur.
    pub every: Every,
    /// Number of sessions (1–1000). At most one of `sessions` and `weeks`;
    /// with neither the phase runs to the end of the horizon and must be last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    /// Length in weeks from the phase's first session (1–520).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    /// Gap from the previous phase's last session to this phase's first
    /// nominal date; default one interval of this phase's recurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_after: Option<Gap>,
    /// Price of one session, in minor units.
    pub price: Amount,
    /// Billing code of a session, e.g. `"96365"` (at most 20 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Whether insurance covers these sessions; default `true`.
    #[cfg_attr(ts, tsify(optional))]
    pub covered: bool,
    /// Which part of the insurance pays for its sessions; default medical.
    #[cfg_attr(ts, tsify(optional))]
    pub benefit: Benefit,
    /// The insurer's allowed amount for one session (at most `price`);
    /// absent: the charge itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Amount>,
}

impl Phase {
    /// Whether the phase runs until the horizon ends.
    pub fn is_open_ended(&self) -> bool {
        self.sessions.is_none() && self.weeks.is_none()
    }
}

/// A recurrence: exactly one of an interval or a set of weekdays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Every {
    /// Every n days (1–366).
    Days(u32),
    /// Every n weeks (1–52).
    Weeks(u32),
    /// Every n months (1–24), counted from the first date and clamped to the
    /// month's length.
    Months(u32),
    /// On these weekdays every week (non-empty, no repeats).
    Weekdays(Vec<Weekday>),
}

/// A gap before a phase: exactly one of days, weeks or months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Gap {
    /// 1–366 days.
    Days(u32),
    /// 1–52 weeks.
    Weeks(u32),
    /// 1–24 months.
    Months(u32),
}

/// A charge besides the sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Fee {
    /// 1–80 characters, unique among fees.
    pub name: String,
    /// Amount per occurrence, in minor units.
    pub amount: Amount,
    /// Once, with every session, or every month.
    pub when: FeeWhen,
    /// Ties the fee to one phase's sessions; absent: the whole course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Billing code (at most 20 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Whether insurance covers the fee; default `true`.
    #[cfg_attr(ts, tsify(optional))]
    pub covered: bool,
    /// Which part of the insurance pays for it; default medical.
    #[cfg_attr(ts, tsify(optional))]
    pub benefit: Benefit,
    /// The insurer's allowed amount for one occurrence (at most `amount`);
    /// absent: the charge itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Amount>,
}

/// Which part of a patient's insurance pays for a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Benefit {
    /// The medical benefit: visits, administration, observation.
    #[default]
    Medical,
    /// The pharmacy benefit: a drug dispensed by a (specialty) pharmacy.
    Pharmacy,
}

impl Benefit {
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 2] = ["medical", "pharmacy"];
}

/// When a fee is charged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FeeWhen {
    /// Once, on the first session (of its phase, if it names one).
    Once,
    /// On every session (of its phase, if it names one).
    Session,
    /// Monthly from the first session (of its phase) until the horizon ends.
    Month,
}

/// A prepaid bundle of sessions of one phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Package {
    /// 1–80 characters, unique among packages.
    pub name: String,
    /// The phase whose sessions it covers.
    pub phase: String,
    /// Sessions in the bundle (1–1000).
    pub sessions: u32,
    /// Price of the bundle, in minor units.
    pub price: Amount,
    /// Billing code (at most 20 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A percentage off some kinds of line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Discount {
    /// 1–80 characters, unique among discounts.
    pub name: String,
    /// More than 0 and at most 100, two decimals at most.
    pub percent: Percent,
    /// Which kinds of line it reduces; default all three.
    #[serde(default)]
    pub applies_to: Vec<LineKind>,
}

/// The kinds of line in an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// A prepaid bundle of sessions.
    Package,
    /// One session not covered by a package.
    Session,
    /// A fee.
    Fee,
}

impl LineKind {
    /// All three kinds, in ledger order on one day.
    pub const ALL: [LineKind; 3] = [LineKind::Package, LineKind::Session, LineKind::Fee];

    /// The contract's spelling.
    pub const fn name(self) -> &'static str {
        match self {
            LineKind::Package => "package",
            LineKind::Session => "session",
            LineKind::Fee => "fee",
        }
    }
}

/// A monthly payment plan (docs/financing.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Financing {
    /// Number of monthly payments (1–120).
    pub months: u32,
    /// Annual percentage rate, e.g. `9.99`; 0 for an interest-free plan.
    pub apr: Percent,
    /// Paid up front, not financed; default 0.
    #[serde(default)]
    pub down_payment: Amount,
    /// What is financed: the whole patient total or only the first phase's.
    #[serde(default)]
    pub of: FinanceOf,
}

/// What a payment plan finances.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum FinanceOf {
    /// The patient's whole total.
    #[default]
    Total,
    /// What the patient pays up to the first phase's last session.
    FirstPhase,
}

/// Changes to put on a plan before estimating it: the visitor's insurance,
/// savings programmes and horizon. The same options serve a preset's range
/// and a comparison, so a page never rebuilds a plan itself.
///
/// Built by the decoder (`decode::options`), then applied with
/// [`Plan::with_options`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlanOptions {
    /// Insurance; absent keeps each plan's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub(crate) coverage: Option<Coverage>,
    /// Savings programmes; absent keeps each plan's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub(crate) assistance: Option<Vec<Assistance>>,
    /// The horizon; absent keeps each plan's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub(crate) horizon: Option<Horizon>,
}

impl PlanOptions {
    /// Whether a problem at `path` (a plan's own path) is about one of these
    /// options rather than the plan itself.
    pub(crate) fn owns(&self, path: &str) -> bool {
        let given = |key: &str, set: bool| set && path.starts_with(key);
        given("coverage", self.coverage.is_some())
            || given("assistance", self.assistance.is_some())
            || given("horizon", self.horizon.is_some())
    }
}
