//! The estimate as it is handed out: the dated, itemised ledger and its
//! summaries (the reference's "estimate" page).
//!
//! These are the output types only; `assemble` builds them from a plan.
//! Every total is a sum of line fields, so the invariants `gross − discount
//! = charge = insurerPays + assistance + patientPays` hold for each total as
//! they do for each line.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::currency::Currency;
use crate::label::Label;
use crate::money::{Amount, Percent};
use crate::plan::{Benefit, LineKind};

/// What a course will cost, when, and who pays: the engine's output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// The plan's currency.
    pub currency: Currency,
    /// Decimal places of its minor unit (2 for USD): divide amounts by 10^minorUnits.
    pub minor_units: u8,
    /// First day covered.
    pub start: Date,
    /// First day *not* covered (exclusive).
    pub end: Date,
    /// Every session, in date order.
    pub sessions: Vec<Session>,
    /// The ledger, in date order.
    pub lines: Vec<Line>,
    /// One entry per plan phase, in plan order.
    pub phases: Vec<PhaseTotal>,
    /// Every calendar month of the horizon, empty months included.
    pub months: Vec<MonthTotal>,
    /// Every plan year that overlaps the horizon; only with coverage.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub plan_years: Option<Vec<PlanYearTotal>>,
    /// Sums of every line.
    pub totals: Totals,
    /// The payment plan, when the plan asks for one and there is something to finance.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub financing: Option<FinancingSchedule>,
    /// Things the reader should know, such as a phase cut short by the horizon.
    pub warnings: Vec<Warning>,
}

/// One booked session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// 1, 2, 3, … across the whole plan.
    pub n: u32,
    /// The day it happens.
    pub date: Date,
    /// The day the recurrence asked for (differs when the clinic was closed).
    pub scheduled: Date,
    /// Its phase's name.
    pub phase: Label,
    /// The package that prepaid it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub package: Option<Label>,
}

/// One line of the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// The day it is charged.
    pub date: Date,
    /// Package, session or fee.
    pub kind: LineKind,
    /// The package's, phase's or fee's name.
    pub name: Label,
    /// The phase it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub phase: Option<Label>,
    /// Billing code, if one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub code: Option<Label>,
    /// Sessions it stands for (a package's size; otherwise 1).
    pub quantity: u32,
    /// Whether insurance covers it.
    pub covered: bool,
    /// The benefit that pays it; only on covered lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub benefit: Option<Benefit>,
    /// The insurer's allowed amount (at most the charge); only on covered lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub allowed: Option<Amount>,
    /// List price.
    pub gross: Amount,
    /// Discounts taken off the list price.
    pub discount: Amount,
    /// `gross − discount`.
    pub charge: Amount,
    /// Written off by an in-network clinic: the charge above the allowed amount.
    pub adjustment: Amount,
    /// Paid by insurance.
    pub insurer_pays: Amount,
    /// Paid by savings programmes.
    pub assistance: Amount,
    /// Paid by the patient.
    pub patient_pays: Amount,
    /// Of what the patient owes before programmes, the deductible part
    /// (the five parts add up to `assistance + patientPays`).
    pub deductible: Amount,
    /// The coinsurance part.
    pub coinsurance: Amount,
    /// The copay part.
    pub copay: Amount,
    /// The out-of-network balance bill.
    pub balance_bill: Amount,
    /// What insurance does not cover (self-pay, packages, refused sessions).
    pub not_covered: Amount,
    /// With patient-filed claims: what the patient pays the clinic at the
    /// visit (`patientPays + insurerPays`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub paid_at_visit: Option<Amount>,
    /// With patient-filed claims: the day the insurer's part comes back;
    /// only on lines the insurer pays toward.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub reimbursed_on: Option<Date>,
}

/// What one phase costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PhaseTotal {
    /// The phase's name.
    pub name: String,
    /// Sessions inside the horizon.
    pub sessions: u32,
    /// Date of its first session, if it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub first: Option<Date>,
    /// Date of its last session, if it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub last: Option<Date>,
    /// Charges of the lines carrying the phase (packages, sessions, fees).
    pub charge: Amount,
    /// What the patient pays of them.
    pub patient_pays: Amount,
}

/// One calendar month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MonthTotal {
    /// `YYYY-MM`.
    pub month: String,
    /// Sessions dated in the month.
    pub sessions: u32,
    /// Charges of the lines dated in the month.
    pub charge: Amount,
    /// Of which the clinic writes off.
    pub adjustment: Amount,
    /// Of which insurance pays.
    pub insurer_pays: Amount,
    /// Of which savings programmes pay.
    pub assistance: Amount,
    /// Of which the patient pays.
    pub patient_pays: Amount,
    /// The patient's payments up to and including this month.
    pub cumulative_patient_pays: Amount,
    /// Of what the patient owes before programmes, the deductible part;
    /// then the coinsurance, copay, balance-bill and not-covered parts.
    pub deductible: Amount,
    /// The coinsurance part.
    pub coinsurance: Amount,
    /// The copay part.
    pub copay: Amount,
    /// The balance bill.
    pub balance_bill: Amount,
    /// What insurance does not cover.
    pub not_covered: Amount,
    /// With patient-filed claims: what the patient pays the clinic on the
    /// lines dated in the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub paid: Option<Amount>,
    /// With patient-filed claims: the insurer's reimbursements dated in
    /// the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub reimbursed: Option<Amount>,
}

/// One insurance plan year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlanYearTotal {
    /// First day of the plan year.
    pub start: Date,
    /// First day of the next plan year (exclusive).
    pub end: Date,
    /// Deductible paid on covered lines this year.
    pub deductible_applied: Amount,
    /// What covered lines counted toward the (medical or integrated)
    /// out-of-pocket maximum this year.
    pub out_of_pocket: Amount,
    /// Deductible paid on pharmacy lines this year; only with a pharmacy benefit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub pharmacy_deductible_applied: Option<Amount>,
    /// What pharmacy lines counted toward a separate pharmacy out-of-pocket
    /// maximum (0 when the maximum is integrated); only with a pharmacy benefit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub pharmacy_out_of_pocket: Option<Amount>,
    /// Charges of every line dated in the plan year.
    pub charge: Amount,
    /// Of which the clinic writes off.
    pub adjustment: Amount,
    /// Of which insurance pays.
    pub insurer_pays: Amount,
    /// Of which savings programmes pay.
    pub assistance: Amount,
    /// Of which the patient pays.
    pub patient_pays: Amount,
    /// Of what the patient owes before programmes, the deductible part;
    /// then the coinsurance, copay, balance-bill and not-covered parts.
    pub deductible: Amount,
    /// The coinsurance part.
    pub coinsurance: Amount,
    /// The copay part.
    pub copay: Amount,
    /// The balance bill.
    pub balance_bill: Amount,
    /// What insurance does not cover.
    pub not_covered: Amount,
}

/// Sums over the whole ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Number of sessions.
    pub sessions: u32,
    /// List prices.
    pub gross: Amount,
    /// Discounts.
    pub discount: Amount,
    /// Charges after discounts.
    pub charge: Amount,
    /// Written off by in-network clinics.
    pub adjustment: Amount,
    /// Paid by insurance.
    pub insurer_pays: Amount,
    /// Paid by savings programmes.
    pub assistance: Amount,
    /// Paid by the patient.
    pub patient_pays: Amount,
    /// Of what the patient owes before programmes, the deductible part;
    /// then the coinsurance, copay, balance-bill and not-covered parts.
    pub deductible: Amount,
    /// The coinsurance part.
    pub coinsurance: Amount,
    /// The copay part.
    pub copay: Amount,
    /// The balance bill.
    pub balance_bill: Amount,
    /// What insurance does not cover.
    pub not_covered: Amount,
    /// With patient-filed claims: what the patient pays the clinic.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub paid: Option<Amount>,
    /// With patient-filed claims: reimbursements inside the months.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub reimbursed: Option<Amount>,
    /// With patient-filed claims: reimbursements after the last month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub reimbursed_after_horizon: Option<Amount>,
}

/// Something about the estimate the reader should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct Warning {
    /// What kind of thing.
    pub code: WarningCode,
    /// Where in the plan, e.g. `phases[1]`.
    pub path: String,
    /// A sentence for people.
    pub message: String,
    /// The day it happens: when a coverage limit first refuses a session,
    /// or a savings programme runs out.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub date: Option<Date>,
    /// Why, when there is more than one reason: on
    /// `assistance_not_eligible`, what the plan lacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub reason: Option<WarningReason>,
}

/// Why a savings programme pays nothing (`assistance_not_eligible`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum WarningReason {
    /// It requires insurance and the plan has no `coverage`.
    NoCoverage,
    /// It requires commercial insurance and the plan's is another type.
    NotCommercial,
}

/// The kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// A phase with a set length lost sessions to the horizon.
    TruncatedByHorizon,
    /// A phase got no sessions inside the horizon.
    PhaseNotReached,
    /// A coverage limit refuses a session (with its `date`).
    CoverageLimitReached,
    /// A `"clinic"` coverage limit writes a session off (with its `date`).
    WrittenOffBeyondLimit,
    /// The family deductible is met (with the line's `date`).
    FamilyDeductibleMet,
    /// The family out-of-pocket maximum is met (with the line's `date`).
    FamilyOutOfPocketMet,
    /// A savings programme's `requires` is not met: it pays nothing.
    AssistanceNotEligible,
    /// A savings programme reaches its yearly maximum (with its `date`).
    AssistanceExhausted,
    /// Financing was asked for but the down payment covers everything.
    NothingToFinance,
}

impl WarningCode {
    /// Every code, in declaration order.
    pub const ALL: [WarningCode; 9] = [
        WarningCode::TruncatedByHorizon,
        WarningCode::PhaseNotReached,
        WarningCode::CoverageLimitReached,
        WarningCode::WrittenOffBeyondLimit,
        WarningCode::FamilyDeductibleMet,
        WarningCode::FamilyOutOfPocketMet,
        WarningCode::AssistanceNotEligible,
        WarningCode::AssistanceExhausted,
        WarningCode::NothingToFinance,
    ];
    /// The contract's spellings, in declaration order.
    pub const NAMES: [&'static str; 9] = [
        "truncated_by_horizon",
        "phase_not_reached",
        "coverage_limit_reached",
        "written_off_beyond_limit",
        "family_deductible_met",
        "family_out_of_pocket_met",
        "assistance_not_eligible",
        "assistance_exhausted",
        "nothing_to_finance",
    ];
}

/// Adds a line's charge and who pays it to a summary: the four amounts every
/// summary of lines shares.
macro_rules! sums_lines {
    ($($summary:ty),*) => {$(
        impl $summary {
            pub(crate) fn add_line(&mut self, line: &Line) {
                self.charge += line.charge;
                self.adjustment += line.adjustment;
                self.insurer_pays += line.insurer_pays;
                self.assistance += line.assistance;
                self.patient_pays += line.patient_pays;
                self.deductible += line.deductible;
                self.coinsurance += line.coinsurance;
                self.copay += line.copay;
                self.balance_bill += line.balance_bill;
                self.not_covered += line.not_covered;
            }
        }
    )*};
}
sums_lines!(MonthTotal, PlanYearTotal, Totals);

/// The payment schedule of a financed balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FinancingSchedule {
    /// The amount financed: the patient's total (or first phase) less the down payment.
    pub principal: Amount,
    /// The number of monthly payments agreed.
    pub months: u32,
    /// The annual percentage rate.
    pub apr: Percent,
    /// The regular monthly payment (at 0 %: the first, largest one).
    pub payment: Amount,
    /// Interest over the whole schedule.
    pub total_interest: Amount,
    /// `principal + totalInterest` (the down payment is not included).
    pub total_paid: Amount,
    /// Every payment in order.
    pub payments: Vec<Payment>,
}

/// One monthly payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// 1, 2, 3, …
    pub n: u32,
    /// Due date: one month after the previous (clamped to month length).
    pub date: Date,
    /// Amount paid.
    pub payment: Amount,
    /// Part of it that is interest.
    pub interest: Amount,
    /// Part of it that repays the principal.
    pub principal: Amount,
    /// Principal still owed afterwards.
    pub balance: Amount,
}
