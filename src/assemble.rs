//! Assembling the estimate: the last stage of the one-way flow
//! plan → `schedule` → `lines` → `coverage` → here.
//!
//! The ledger is summed by phase, month and plan year, financing is
//! scheduled and warnings are written, into the types of [`crate::output`].

use crate::prelude::*;
use crate::text::cat;

use crate::calendar::Date;
use crate::coverage::{self, Claim};
use crate::financing;
use crate::lines::{self, Draft};
use crate::money::Amount;
use crate::output::{
    Estimate, Line, MonthTotal, PhaseTotal, PlanYearTotal, Session, Totals, Warning, WarningCode,
};
use crate::plan::{Benefit, Claims, FinanceOf, Plan};
use crate::schedule::{self, Outcome, Schedule};

/// Estimates a plan. A plan that exists is valid, so this cannot fail.
pub(crate) fn estimate(plan: &Plan) -> Estimate {
    assess(plan).0
}

/// The estimate, and the days its out-of-pocket maximums were used up (in
/// date order, with their benefit), which `compare` summarises.
pub(crate) fn assess(plan: &Plan) -> (Estimate, Vec<(Date, Benefit)>) {
    let schedule = schedule::schedule(plan);
    let labels = lines::Labels::new(plan);
    let lines::Ledger {
        mut drafts,
        session_package,
    } = lines::ledger(plan, &schedule, &labels);
    let coverage::Outcome {
        claims,
        warnings: paying,
        maximums,
    } = coverage::apply(plan, &mut drafts);

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
    let cash = plan
        .coverage
        .as_ref()
        .is_some_and(|c| c.claims == Claims::Patient);
    let (months, after_horizon) = month_totals(plan.start, &schedule, &drafts, cash);
    if cash {
        // Every line is paid at its visit and every insurer payment is
        // reimbursed in a month or after the last one.
        totals.paid = Some(totals.patient_pays + totals.insurer_pays);
        totals.reimbursed = Some(totals.insurer_pays - after_horizon);
        totals.reimbursed_after_horizon = Some(after_horizon);
    }
    let plan_years = plan.coverage.as_ref().map(|c| {
        plan_year_totals(
            (plan.start, schedule.end),
            c.plan_year_start,
            c.pharmacy.is_some(),
            &drafts,
            &claims,
        )
    });
    let mut warnings = schedule_warnings(plan, &schedule);
    warnings.extend(paying);

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
                message: cat!("There is nothing to finance: the down payment ({}) covers the {} the patient owes.", terms.down_payment, financed),
                date: None,
            });
            return None;
        }
        let first = schedule.slots.first().map_or(plan.start, |s| s.date);
        Some(financing::schedule(&terms, financed - terms.down_payment, first))
    });

    let estimate = Estimate {
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
    };
    (estimate, maximums)
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

/// The months, and with patient-filed claims (`cash`) what is paid and
/// reimbursed in each, and the reimbursements after the last month.
fn month_totals(
    start: Date,
    schedule: &Schedule,
    drafts: &[Draft],
    cash: bool,
) -> (Vec<MonthTotal>, Amount) {
    let first = start.first_of_month();
    let cash = cash.then_some(Amount::ZERO);
    let mut months: Vec<MonthTotal> = Vec::new();
    for m in start.months_through(schedule.end.add_days(-1)) {
        months.push(MonthTotal {
            month: m.month_key(),
            sessions: 0,
            charge: Amount::ZERO,
            adjustment: Amount::ZERO,
            insurer_pays: Amount::ZERO,
            assistance: Amount::ZERO,
            patient_pays: Amount::ZERO,
            cumulative_patient_pays: Amount::ZERO,
            deductible: Amount::ZERO,
            coinsurance: Amount::ZERO,
            copay: Amount::ZERO,
            balance_bill: Amount::ZERO,
            not_covered: Amount::ZERO,
            paid: cash,
            reimbursed: cash,
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
            if let (Some(paid), Some(at_visit)) = (month.paid.as_mut(), d.line.paid_at_visit) {
                *paid += at_visit;
            }
        }
    }
    // Reimbursements fall in the month of their own date, which may be
    // after the last one (reimbursements are not in date order).
    let mut after = Amount::ZERO;
    for d in drafts {
        let Some(on) = d.line.reimbursed_on else {
            continue;
        };
        // Reimbursement dates keep their lines' order, so the cache holds.
        match months
            .get_mut(month_index(on))
            .and_then(|month| month.reimbursed.as_mut())
        {
            Some(reimbursed) => *reimbursed += d.line.insurer_pays,
            None => after += d.line.insurer_pays,
        }
    }
    let mut cumulative = Amount::ZERO;
    for month in &mut months {
        cumulative += month.patient_pays;
        month.cumulative_patient_pays = cumulative;
    }
    (months, after)
}

fn plan_year_totals(
    (start, end): (Date, Date),
    year_start: crate::calendar::MonthDay,
    pharmacy: bool,
    drafts: &[Draft],
    claims: &[Option<Claim>],
) -> Vec<PlanYearTotal> {
    let pharmacy_zero = pharmacy.then_some(Amount::ZERO);
    let mut years = Vec::new();
    let mut y = year_start.year_containing(start);
    while y < end {
        let next = y.add_months(12);
        years.push(PlanYearTotal {
            start: y,
            end: next,
            deductible_applied: Amount::ZERO,
            out_of_pocket: Amount::ZERO,
            pharmacy_deductible_applied: pharmacy_zero,
            pharmacy_out_of_pocket: pharmacy_zero,
            charge: Amount::ZERO,
            adjustment: Amount::ZERO,
            insurer_pays: Amount::ZERO,
            assistance: Amount::ZERO,
            patient_pays: Amount::ZERO,
            deductible: Amount::ZERO,
            coinsurance: Amount::ZERO,
            copay: Amount::ZERO,
            balance_bill: Amount::ZERO,
            not_covered: Amount::ZERO,
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
            total.out_of_pocket += c.out_of_pocket;
            for (sum, add) in [
                (
                    &mut total.pharmacy_deductible_applied,
                    c.pharmacy_deductible,
                ),
                (&mut total.pharmacy_out_of_pocket, c.pharmacy_out_of_pocket),
            ] {
                if let Some(sum) = sum.as_mut() {
                    *sum += add;
                }
            }
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
                cat!(
                    "Phase \"{}\" is cut short: only {} of its sessions fall on or before {}, the last day of the estimate.",
                    phase.name,
                    schedule.phase_ranges[i].len(),
                    last_day
                ),
            ),
            Outcome::NotReached => (
                WarningCode::PhaseNotReached,
                cat!(
                    "Phase \"{}\" has no sessions on or before {}, the last day of the estimate.",
                    phase.name,
                    last_day
                ),
            ),
        };
        warnings.push(Warning {
            code,
            path: cat!("phases[{}]", i),
            message,
            date: None,
        });
    }
    warnings
}

/// The first phase's last session, or `start` when it has none.
fn first_phase_end(phases: &[PhaseTotal], start: Date) -> Date {
    phases.first().and_then(|p| p.last).unwrap_or(start)
}

/// What the patient pays on the lines dated on or before `last`.
fn patient_pays_through<'a>(lines: impl IntoIterator<Item = &'a Line>, last: Date) -> Amount {
    lines
        .into_iter()
        .filter(|line| line.date <= last)
        .map(|line| line.patient_pays)
        .sum()
}
