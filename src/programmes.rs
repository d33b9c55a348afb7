//! Savings programmes as they pay (docs/insurance.md#assistance): each
//! programme's eligibility, the lines it applies to and what is left of its
//! annual maximum in its programme year.

use crate::calendar::{Date, MonthDay};
use crate::lines::Origin;
use crate::money::Amount;
use crate::output::{Warning, WarningCode, WarningReason};
use crate::plan::{Plan, PlanType, Requires};
use crate::prelude::*;
use crate::text::cat;

/// A year-long accumulator that resets on a given day of the year.
pub(crate) struct Yearly {
    year_start: MonthDay,
    pub(crate) current: Option<Date>,
    /// The last date asked about: ledger lines come in date order, many on
    /// one day, so each day is converted to a calendar date once (the
    /// conversion per line was a large part of estimating a long ledger).
    last: Option<Date>,
}

impl Yearly {
    pub(crate) fn new(year_start: MonthDay) -> Yearly {
        Yearly {
            year_start,
            current: None,
            last: None,
        }
    }

    /// Whether `date` opens a new year (the first call always does).
    pub(crate) fn enters_new_year(&mut self, date: Date) -> bool {
        if self.last == Some(date) {
            return false;
        }
        self.last = Some(date);
        let year = self.year_start.year_containing(date);
        let new = self.current != Some(year);
        self.current = Some(year);
        new
    }
}

pub(crate) struct Programme {
    name: String,
    year: Yearly,
    at_most: Amount,
    annual_max: Option<Amount>,
    left: Option<Amount>,
    phases: Vec<usize>,
    fees: Vec<usize>,
    /// Why the patient is not eligible; `None` when they are.
    refused: Option<WarningReason>,
    exhausted_on: Option<Date>,
}

impl Programme {
    pub(crate) fn new(plan: &Plan, index: usize) -> Programme {
        let a = &plan.assistance[index];
        let phases = a
            .phases
            .iter()
            .filter_map(|n| plan.phases.iter().position(|p| &p.name == n))
            .collect();
        let fees = a
            .fees
            .iter()
            .filter_map(|n| plan.fees.iter().position(|f| &f.name == n))
            .collect();
        let refused = match (a.requires, &plan.coverage) {
            (Requires::None, _) => None,
            (_, None) => Some(WarningReason::NoCoverage),
            (Requires::Commercial, Some(c)) if c.kind != PlanType::Commercial => {
                Some(WarningReason::NotCommercial)
            }
            _ => None,
        };
        Programme {
            name: a.name.clone(),
            year: Yearly::new(a.year_start),
            at_most: a.patient_pays_at_most,
            annual_max: a.annual_max,
            left: a.annual_max,
            phases,
            fees,
            refused,
            exhausted_on: None,
        }
    }

    /// Whether the programme pays toward a line: the session lines of its
    /// phases and the lines of its fees, or every session line when it names
    /// neither; never a package; nothing when the patient is not eligible.
    pub(crate) fn applies(&self, origin: Origin) -> bool {
        self.refused.is_none()
            && match origin {
                Origin::Package => false,
                Origin::Session { phase } => {
                    (self.phases.is_empty() && self.fees.is_empty()) || self.phases.contains(&phase)
                }
                Origin::Fee { fee } => self.fees.contains(&fee),
            }
    }

    /// The benefit on a line where the patient owes `owed`.
    pub(crate) fn benefit(&mut self, date: Date, owed: Amount) -> Amount {
        if self.year.enters_new_year(date) {
            self.left = self.annual_max;
        }
        let wanted = owed.saturating_sub_to_zero(self.at_most);
        let benefit = match self.left {
            Some(left) => wanted.min(left),
            None => wanted,
        };
        if benefit < wanted && self.exhausted_on.is_none() {
            self.exhausted_on = Some(date);
        }
        if let Some(left) = self.left.as_mut() {
            *left -= benefit;
        }
        benefit
    }

    pub(crate) fn warning(&self, index: usize) -> Option<Warning> {
        let path = cat!("assistance[{}]", index);
        if let Some(reason) = self.refused {
            return Some(Warning {
                code: WarningCode::AssistanceNotEligible,
                path,
                message: cat!(
                    "Savings programme \"{}\" pays nothing here: the patient's insurance does not meet what it requires.",
                    self.name
                ),
                date: None,
                reason: Some(reason),
            });
        }
        let date = self.exhausted_on?;
        Some(Warning {
            code: WarningCode::AssistanceExhausted,
            path,
            message: cat!(
                "Savings programme \"{}\" reaches its yearly maximum on {}.",
                self.name,
                date
            ),
            date: Some(date),
            reason: None,
        })
    }
}
