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
use crate::lines;
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
        mut lines,
        facts,
        session_package,
    } = lines::ledger(plan, &schedule, &labels);
    let coverage::Outcome {
        claims,
        warnings: paying,
        maximums,
    } = coverage::apply(plan, &mut lines, &facts);

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
    let mut phases = phase_totals(plan, &schedule);
    let cash = plan
        .coverage
        .as_ref()
        .is_some_and(|c| c.claims == Claims::Patient);
    let mut months = Months::new(plan.start, &schedule, cash);
    let mut plan_years = plan.coverage.as_ref().map(|c| {
        PlanYears::new(
            (plan.start, schedule.end),
            c.plan_year_start,
            c.pharmacy.is_some(),
        )
    });
    // Every sum in one pass: the ledger can be 186,000 lines (tens of
    // megabytes), and reading it is most of what summing it costs.
    for ((line, fact), claim) in lines.iter().zip(&facts).zip(&claims) {
        totals.gross += line.gross;
        totals.discount += line.discount;
        totals.add_line(line);
        if let Some(p) = fact.phase {
            phases[p].charge += line.charge;
            phases[p].patient_pays += line.patient_pays;
        }
        months.add_line(line);
        if let Some(years) = plan_years.as_mut() {
            years.add_line(line, claim.as_ref());
        }
    }
    let (months, after_horizon) = months.finish();
    if cash {
        // Every line is paid at its visit and every insurer payment is
        // reimbursed in a month or after the last one.
        totals.paid = Some(totals.patient_pays + totals.insurer_pays);
        totals.reimbursed = Some(totals.insurer_pays - after_horizon);
        totals.reimbursed_after_horizon = Some(after_horizon);
    }
    let plan_years = plan_years.map(|y| y.years);
    let mut warnings = schedule_warnings(plan, &schedule);
    warnings.extend(paying);

    let financing = plan.financing.and_then(|terms| {
        let financed: Amount = match terms.of {
            FinanceOf::Total => totals.patient_pays,
            FinanceOf::FirstPhase => {
                patient_pays_through(&lines, first_phase_end(&phases, plan.start))
            }
        };
        if financed <= terms.down_payment {
            warnings.push(Warning {
                code: WarningCode::NothingToFinance,
                path: "financing".into(),
                message: cat!("There is nothing to finance: the down payment ({}) covers the {} the patient owes.", terms.down_payment, financed),
                date: None,
                reason: None,
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
        lines,
        phases,
        months,
        plan_years,
        totals,
        financing,
        warnings,
    };
    (estimate, maximums)
}

/// Each phase's sessions, with its sums at zero.
fn phase_totals(plan: &Plan, schedule: &Schedule) -> Vec<PhaseTotal> {
    plan.phases
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
        .collect()
}

/// The months, and with patient-filed claims what is paid and reimbursed
/// in each, and the reimbursements after the last month.
struct Months {
    list: Vec<MonthTotal>,
    /// The first month's year and month.
    first: (i32, u32),
    /// The last line's date and its month, and likewise its reimbursement
    /// date: lines come in date order, many on one day, so each day is
    /// converted to a calendar date once.
    last: [(Date, usize); 2],
    after_horizon: Amount,
}

impl Months {
    fn new(start: Date, schedule: &Schedule, cash: bool) -> Months {
        let first = start.first_of_month();
        let cash = cash.then_some(Amount::ZERO);
        let mut list: Vec<MonthTotal> = Vec::new();
        for m in start.months_through(schedule.end.add_days(-1)) {
            list.push(MonthTotal {
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
        let (y0, m0, _) = first.ymd();
        let mut months = Months {
            list,
            first: (y0, m0),
            last: [(first, 0); 2],
            after_horizon: Amount::ZERO,
        };
        for s in &schedule.slots {
            let k = months.index(s.date, false);
            if let Some(month) = months.list.get_mut(k) {
                month.sessions += 1;
            }
        }
        months
    }

    /// Months since the first month (0 for a date before it), through the
    /// visits' or the reimbursements' last day.
    fn index(&mut self, date: Date, reimbursement: bool) -> usize {
        let (y0, m0) = self.first;
        let last = &mut self.last[usize::from(reimbursement)];
        if last.0 != date {
            let (y, m, _) = date.ymd();
            *last = (date, ((y - y0) * 12 + m as i32 - m0 as i32).max(0) as usize);
        }
        last.1
    }

    fn add_line(&mut self, line: &Line) {
        let k = self.index(line.date, false);
        if let Some(month) = self.list.get_mut(k) {
            month.add_line(line);
            if let (Some(paid), Some(at_visit)) = (month.paid.as_mut(), line.paid_at_visit) {
                *paid += at_visit;
            }
        }
        // Reimbursements fall in the month of their own date, which may be
        // after the last one.
        let Some(on) = line.reimbursed_on else {
            return;
        };
        let k = self.index(on, true);
        match self
            .list
            .get_mut(k)
            .and_then(|month| month.reimbursed.as_mut())
        {
            Some(reimbursed) => *reimbursed += line.insurer_pays,
            None => self.after_horizon += line.insurer_pays,
        }
    }

    /// The months with their running totals, and the reimbursements after
    /// the last month.
    fn finish(mut self) -> (Vec<MonthTotal>, Amount) {
        let mut cumulative = Amount::ZERO;
        for month in &mut self.list {
            cumulative += month.patient_pays;
            month.cumulative_patient_pays = cumulative;
        }
        (self.list, self.after_horizon)
    }
}

/// The plan years and their sums, and the one the last line fell in.
struct PlanYears {
    years: Vec<PlanYearTotal>,
    current: usize,
}

impl PlanYears {
    fn new(
        (start, end): (Date, Date),
        year_start: crate::calendar::MonthDay,
        pharmacy: bool,
    ) -> PlanYears {
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
        PlanYears { years, current: 0 }
    }

    /// Adds a line and its claim. The ledger is in date order: the year
    /// moves on as the dates cross into the next.
    fn add_line(&mut self, line: &Line, claim: Option<&Claim>) {
        while self
            .years
            .get(self.current)
            .is_some_and(|year| line.date >= year.end)
        {
            self.current += 1;
        }
        let Some(total) = self.years.get_mut(self.current) else {
            return;
        };
        total.add_line(line);
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
            reason: None,
        });
    }
    warnings
}

/// The first phase's last session, or `start` when it has none.
fn first_phase_end(phases: &[PhaseTotal], start: Date) -> Date {
    phases.first().and_then(|p| p.last).unwrap_or(start)
}

/// What the patient pays on the lines dated on or before `last`.
fn patient_pays_through(lines: &[Line], last: Date) -> Amount {
    lines
        .iter()
        .filter(|line| line.date <= last)
        .map(|line| line.patient_pays)
        .sum()
}
