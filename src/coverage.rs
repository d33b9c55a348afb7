//! Who pays each line: insurance first (docs/insurance.md), then savings programmes
//! (docs/insurance.md), line by line in ledger order.
//!
//! The accumulators are the ones a claims system keeps: what is left of the
//! deductible and of the out-of-pocket maximum in the current plan year, and
//! what is left of each programme's annual maximum in its programme year.
//! They reset when a line falls in a new year, which is what makes a course
//! that crosses 1 January pay its deductible twice.

use crate::calendar::{Date, MonthDay};
use crate::lines::{Draft, Origin};
use crate::money::Amount;
use crate::plan::{Coverage, Plan};
use crate::prelude::*;

/// What insurance did on one covered line, for the plan-year summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Claim {
    /// The deductible part of the patient's share.
    pub deductible: Amount,
    /// The patient's share before assistance (counts toward out-of-pocket).
    pub share: Amount,
}

/// A year-long accumulator that resets on a given day of the year.
struct Yearly {
    year_start: MonthDay,
    current: Option<Date>,
}

impl Yearly {
    /// Whether `date` opens a new year (the first call always does).
    fn enters_new_year(&mut self, date: Date) -> bool {
        let year = self.year_start.year_containing(date);
        let new = self.current != Some(year);
        self.current = Some(year);
        new
    }
}

struct Insurance<'a> {
    terms: &'a Coverage,
    year: Yearly,
    first_year: Date,
    deductible_left: Amount,
    out_of_pocket_left: Option<Amount>,
}

impl<'a> Insurance<'a> {
    fn new(terms: &'a Coverage, start: Date) -> Insurance<'a> {
        Insurance {
            terms,
            year: Yearly {
                year_start: terms.plan_year_start,
                current: None,
            },
            first_year: terms.plan_year_start.year_containing(start),
            deductible_left: Amount::ZERO,
            out_of_pocket_left: None,
        }
    }

    /// Applies cost sharing to a covered line of `charge` on `date`.
    fn claim(&mut self, date: Date, charge: Amount) -> Claim {
        if self.year.enters_new_year(date) {
            let (ded_met, oop_met) = if self.year.current == Some(self.first_year) {
                (self.terms.deductible_met, self.terms.out_of_pocket_met)
            } else {
                (Amount::ZERO, Amount::ZERO)
            };
            self.deductible_left = self.terms.deductible - ded_met;
            self.out_of_pocket_left = self.terms.out_of_pocket_max.map(|max| max - oop_met);
        }
        let (mut deductible, mut share) = match self.terms.copay {
            Some(copay) => (Amount::ZERO, copay.min(charge)),
            None => {
                let d = charge.min(self.deductible_left);
                (d, d + (charge - d).percent(self.terms.coinsurance))
            }
        };
        if let Some(left) = self.out_of_pocket_left.as_mut() {
            share = share.min(*left);
            deductible = deductible.min(share);
            *left -= share;
        }
        self.deductible_left -= deductible;
        Claim { deductible, share }
    }
}

struct Programme {
    year: Yearly,
    at_most: Amount,
    annual_max: Option<Amount>,
    left: Option<Amount>,
    phases: Vec<usize>,
    fees: Vec<usize>,
}

impl Programme {
    fn new(plan: &Plan, index: usize) -> Programme {
        let a = &plan.assistance[index];
        let phases: Vec<usize> = a
            .phases
            .iter()
            .filter_map(|n| plan.phases.iter().position(|p| &p.name == n))
            .collect();
        let fees: Vec<usize> = a
            .fees
            .iter()
            .filter_map(|n| plan.fees.iter().position(|f| &f.name == n))
            .collect();
        Programme {
            year: Yearly {
                year_start: a.year_start,
                current: None,
            },
            at_most: a.patient_pays_at_most,
            annual_max: a.annual_max,
            left: a.annual_max,
            phases,
            fees,
        }
    }

    /// Whether the programme pays toward a line: the session lines of its
    /// phases and the lines of its fees, or every session line when it names
    /// neither; never a package.
    fn applies(&self, origin: Origin) -> bool {
        match origin {
            Origin::Package => false,
            Origin::Session { phase } => {
                (self.phases.is_empty() && self.fees.is_empty()) || self.phases.contains(&phase)
            }
            Origin::Fee { fee } => self.fees.contains(&fee),
        }
    }

    /// The benefit on a line where the patient's share is `share`.
    fn benefit(&mut self, date: Date, share: Amount) -> Amount {
        if self.year.enters_new_year(date) {
            self.left = self.annual_max;
        }
        let wanted = share.saturating_sub_to_zero(self.at_most);
        let benefit = match self.left {
            Some(left) => wanted.min(left),
            None => wanted,
        };
        if let Some(left) = self.left.as_mut() {
            *left -= benefit;
        }
        benefit
    }
}

/// Splits every line's charge between insurer, programmes and patient.
/// Returns, per line, the insurance claim if the line was covered.
pub(crate) fn apply(plan: &Plan, drafts: &mut [Draft]) -> Vec<Option<Claim>> {
    let mut insurance = plan
        .coverage
        .as_ref()
        .map(|c| Insurance::new(c, plan.start));
    let mut programmes: Vec<Programme> = (0..plan.assistance.len())
        .map(|i| Programme::new(plan, i))
        .collect();
    let mut claims = Vec::with_capacity(drafts.len());
    for draft in drafts.iter_mut() {
        let line = &mut draft.line;
        let claim = match insurance.as_mut() {
            Some(ins) if draft.covered => Some(ins.claim(line.date, line.charge)),
            _ => None,
        };
        let mut share = claim.map_or(line.charge, |c| c.share);
        line.insurer_pays = line.charge - share;
        for programme in programmes.iter_mut().filter(|p| p.applies(draft.origin)) {
            let benefit = programme.benefit(line.date, share);
            share -= benefit;
            line.assistance += benefit;
        }
        line.patient_pays = share;
        claims.push(claim);
    }
    claims
}
