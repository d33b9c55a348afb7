//! The estimate: the dated, itemised ledger and its summaries (SPEC §7).
//!
//! Data flows one way: plan → `schedule` → `lines` → `coverage` → here, where the
//! ledger is summed by phase, month and plan year, financing is scheduled and
//! warnings are written. Every total is a sum of line fields, so the
//! invariants `gross − discount = charge = insurerPays + assistance +
//! patientPays` hold for each total as they do for each line.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::coverage::{self, Claim};
use crate::currency::Currency;
use crate::financing::{self, FinancingSchedule};
use crate::label::Label;
use crate::lines::{self, Draft};
use crate::money::Amount;
use crate::plan::{FinanceOf, LineKind, Plan};
use crate::schedule::{self, Outcome, Schedule};

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
    /// List price.
    pub gross: Amount,
    /// Discounts taken off the list price.
    pub discount: Amount,
    /// `gross − discount`.
    pub charge: Amount,
    /// Paid by insurance.
    pub insurer_pays: Amount,
    /// Paid by savings programmes.
    pub assistance: Amount,
    /// Paid by the patient.
    pub patient_pays: Amount,
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
    /// Of which insurance pays.
    pub insurer_pays: Amount,
    /// Of which savings programmes pay.
    pub assistance: Amount,
    /// Of which the patient pays.
    pub patient_pays: Amount,
    /// The patient's payments up to and including this month.
    pub cumulative_patient_pays: Amount,
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
    /// The patient's share of covered lines (before assistance) this year.
    pub out_of_pocket: Amount,
    /// Charges of every line dated in the plan year.
    pub charge: Amount,
    /// Of which insurance pays.
    pub insurer_pays: Amount,
    /// Of which savings programmes pay.
    pub assistance: Amount,
    /// Of which the patient pays.
    pub patient_pays: Amount,
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
    /// Paid by insurance.
    pub insurer_pays: Amount,
    /// Paid by savings programmes.
    pub assistance: Amount,
    /// Paid by the patient.
    pub patient_pays: Amount,
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
    /// Financing was asked for but the down payment covers everything.
    NothingToFinance,
}

/// Adds a line's charge and who pays it to a summary: the four amounts every
/// summary of lines shares.
macro_rules! sums_lines {
    ($($summary:ty),*) => {$(
        impl $summary {
            fn add_line(&mut self, line: &Line) {
                self.charge += line.charge;
                self.insurer_pays += line.insurer_pays;
                self.assistance += line.assistance;
                self.patient_pays += line.patient_pays;
            }
        }
    )*};
}
sums_lines!(MonthTotal, PlanYearTotal, Totals);

/// Estimates a plan already validated by the decoder.
pub(crate) fn estimate_valid(plan: &Plan) -> Estimate {
    let schedule = schedule::schedule(plan);
    let labels = lines::Labels::new(plan);
    let lines::Ledger {
        mut drafts,
        session_package,
    } = lines::ledger(plan, &schedule, &labels);
    let claims = coverage::apply(plan, &mut drafts);

    let sessions = schedule
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| Session {
            n: i as u32 + 1,
            date: slot.date,
            scheduled: slot.scheduled,
            phase: labels.phases[slot.phase].0.clone(),
            package: session_package[i].map(|p| labels.packages[p].0.clone()),
        })
        .collect();

    let mut totals = Totals {
        sessions: schedule.slots.len() as u32,
        ..Totals::default()
    };
    for d in &drafts {
        totals.gross += d.line.gross;
        totals.discount += d.line.discount;
        totals.add_line(&d.line);
    }

    let phases = phase_totals(plan, &schedule, &drafts);
    let months = month_totals(plan.start, &schedule, &drafts);
    let plan_years = plan.coverage.map(|c| {
        plan_year_totals(
            plan.start,
            schedule.end,
            c.plan_year_start,
            &drafts,
            &claims,
        )
    });
    let mut warnings = schedule_warnings(plan, &schedule);

    let financing = plan.financing.and_then(|terms| {
        let financed: Amount = match terms.of {
            FinanceOf::Total => totals.patient_pays,
            FinanceOf::FirstPhase => patient_pays_through(
                drafts.iter().map(|d| &d.line),
                first_phase_end(&phases, plan.start),
            ),
        };
        if financed <= terms.down_payment {
            warnings.push(Warning {
                code: WarningCode::NothingToFinance,
                path: "financing".into(),
                message: format!(
                    "There is nothing to finance: the down payment ({}) covers the {} the patient owes.",
                    terms.down_payment, financed
                ),
            });
            return None;
        }
        let first = schedule.slots.first().map_or(plan.start, |s| s.date);
        Some(financing::schedule(&terms, financed - terms.down_payment, first))
    });

    Estimate {
        currency: plan.currency,
        minor_units: plan.currency.minor_units(),
        start: plan.start,
        end: schedule.end,
        sessions,
        lines: drafts.into_iter().map(|d| d.line).collect(),
        phases,
        months,
        plan_years,
        totals,
        financing,
        warnings,
    }
}

impl Estimate {
    /// What the patient pays up front: every line dated on or before the
    /// first phase's last session (the start, when it has none). This is
    /// also what `financing.of: "first-phase"` finances.
    pub fn up_front(&self) -> Amount {
        patient_pays_through(&self.lines, first_phase_end(&self.phases, self.start))
    }
}

/// The first phase's last session, or `start` when it has none.
fn first_phase_end(phases: &[PhaseTotal], start: Date) -> Date {
    phases.first().and_then(|p| p.last).unwrap_or(start)
}

/// What the patient pays on the lines dated on or before `last`.
pub(crate) fn patient_pays_through<'a>(
    lines: impl IntoIterator<Item = &'a Line>,
    last: Date,
) -> Amount {
    lines
        .into_iter()
        .filter(|line| line.date <= last)
        .map(|line| line.patient_pays)
        .sum()
}

fn phase_totals(plan: &Plan, schedule: &Schedule, drafts: &[Draft]) -> Vec<PhaseTotal> {
    let mut out: Vec<PhaseTotal> = plan
        .phases
        .iter()
        .zip(&schedule.phase_ranges)
        .map(|(phase, range)| {
            let slots = &schedule.slots[range.clone()];
            PhaseTotal {
                name: phase.name.clone(),
                sessions: slots.len() as u32,
                first: slots.first().map(|s| s.date),
                last: slots.last().map(|s| s.date),
                charge: Amount::ZERO,
                patient_pays: Amount::ZERO,
            }
        })
        .collect();
    for d in drafts {
        if let Some(p) = d.phase {
            out[p].charge += d.line.charge;
            out[p].patient_pays += d.line.patient_pays;
        }
    }
    out
}

fn month_totals(start: Date, schedule: &Schedule, drafts: &[Draft]) -> Vec<MonthTotal> {
    let first = start.first_of_month();
    let mut months: Vec<MonthTotal> = Vec::new();
    for m in start.months_through(schedule.end.add_days(-1)) {
        months.push(MonthTotal {
            month: m.month_key(),
            sessions: 0,
            charge: Amount::ZERO,
            insurer_pays: Amount::ZERO,
            assistance: Amount::ZERO,
            patient_pays: Amount::ZERO,
            cumulative_patient_pays: Amount::ZERO,
        });
    }
    // Months since the first month; every line and session lies in the horizon.
    let (y0, m0, _) = first.ymd();
    // Lines come in date order, many on one day: convert each day once.
    let mut last = (first, 0);
    let mut month_index = |date: Date| {
        if date != last.0 {
            let (y, m, _) = date.ymd();
            last = (date, ((y - y0) * 12 + m as i32 - m0 as i32).max(0) as usize);
        }
        last.1
    };
    for s in &schedule.slots {
        if let Some(month) = months.get_mut(month_index(s.date)) {
            month.sessions += 1;
        }
    }
    for d in drafts {
        if let Some(month) = months.get_mut(month_index(d.line.date)) {
            month.add_line(&d.line);
        }
    }
    let mut cumulative = Amount::ZERO;
    for month in &mut months {
        cumulative += month.patient_pays;
        month.cumulative_patient_pays = cumulative;
    }
    months
}

fn plan_year_totals(
    start: Date,
    end: Date,
    year_start: crate::calendar::MonthDay,
    drafts: &[Draft],
    claims: &[Option<Claim>],
) -> Vec<PlanYearTotal> {
    let mut years = Vec::new();
    let mut y = year_start.year_containing(start);
    while y < end {
        let next = y.add_months(12);
        years.push(PlanYearTotal {
            start: y,
            end: next,
            deductible_applied: Amount::ZERO,
            out_of_pocket: Amount::ZERO,
            charge: Amount::ZERO,
            insurer_pays: Amount::ZERO,
            assistance: Amount::ZERO,
            patient_pays: Amount::ZERO,
        });
        y = next;
    }
    // The ledger is in date order: one pass, moving to the next year as the
    // dates cross into it.
    let mut i = 0;
    for (d, claim) in drafts.iter().zip(claims) {
        while years.get(i).is_some_and(|year| d.line.date >= year.end) {
            i += 1;
        }
        let Some(total) = years.get_mut(i) else { break };
        total.add_line(&d.line);
        if let Some(c) = claim {
            total.deductible_applied += c.deductible;
            total.out_of_pocket += c.share;
        }
    }
    years
}

fn schedule_warnings(plan: &Plan, schedule: &Schedule) -> Vec<Warning> {
    let last_day = schedule.end.add_days(-1);
    let mut warnings = Vec::new();
    for (i, (phase, outcome)) in plan.phases.iter().zip(&schedule.outcomes).enumerate() {
        if phase.is_open_ended() {
            continue;
        }
        let (code, message) = match outcome {
            Outcome::Complete => continue,
            Outcome::Truncated => (
                WarningCode::TruncatedByHorizon,
                format!(
                    "Phase \"{}\" is cut short: only {} of its sessions fall on or before {last_day}, the last day of the estimate.",
                    phase.name,
                    schedule.phase_ranges[i].len()
                ),
            ),
            Outcome::NotReached => (
                WarningCode::PhaseNotReached,
                format!(
                    "Phase \"{}\" has no sessions on or before {last_day}, the last day of the estimate.",
                    phase.name
                ),
            ),
        };
        warnings.push(Warning {
            code,
            path: format!("phases[{i}]"),
            message,
        });
    }
    warnings
}
