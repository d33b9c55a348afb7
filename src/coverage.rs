//! Who pays each line: insurance first, then savings programmes, then the
//! accumulators — line by line in ledger order (docs/insurance.md).
//!
//! The accumulators are the ones a claims system keeps: what is left of
//! each benefit's deductible and out-of-pocket maximum in the current plan
//! year, how many sessions each coverage limit has covered in its period,
//! and what is left of each programme's annual maximum in its programme
//! year. They reset when a line falls in a new year, which is what makes a
//! course that crosses 1 January pay its deductible twice.

use crate::calendar::{Date, MonthDay};
use crate::lines::{Draft, Origin};
use crate::money::Amount;
use crate::output::{Warning, WarningCode};
use crate::plan::{
    Benefit, CostSharing, Coverage, FeeWhen, LimitPer, Network, Plan, PlanType, Requires,
};
use crate::prelude::*;

/// What a covered line took off the plan year's accumulators, for the
/// plan-year summary: the deductible and out-of-pocket amounts of the
/// medical (or integrated) accumulators and of the pharmacy ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Claim {
    pub deductible: Amount,
    pub out_of_pocket: Amount,
    pub pharmacy_deductible: Amount,
    pub pharmacy_out_of_pocket: Amount,
}

/// What insurance, programmes and limits did to the ledger.
pub(crate) struct Outcome {
    /// Per line, the claim if the line was covered.
    pub claims: Vec<Option<Claim>>,
    /// `coverage_limit_reached`, then the programmes' warnings, in the
    /// contract's order.
    pub warnings: Vec<Warning>,
    /// When an out-of-pocket maximum was used up, in date order: at most
    /// once per benefit's own maximum and plan year (for `compare`).
    pub maximums: Vec<(Date, Benefit)>,
}

/// A year-long accumulator that resets on a given day of the year.
struct Yearly {
    year_start: MonthDay,
    current: Option<Date>,
}

impl Yearly {
    fn new(year_start: MonthDay) -> Yearly {
        Yearly {
            year_start,
            current: None,
        }
    }

    /// Whether `date` opens a new year (the first call always does).
    fn enters_new_year(&mut self, date: Date) -> bool {
        let year = self.year_start.year_containing(date);
        let new = self.current != Some(year);
        self.current = Some(year);
        new
    }
}

/// One benefit's running deductible and out-of-pocket accumulators.
#[derive(Clone, Copy)]
struct Left {
    deductible: Amount,
    out_of_pocket: Option<Amount>,
}

impl Left {
    fn reset(terms: &CostSharing, first_year: bool) -> Left {
        let (ded_met, oop_met) = if first_year {
            (terms.deductible_met, terms.out_of_pocket_met)
        } else {
            (Amount::ZERO, Amount::ZERO)
        };
        Left {
            deductible: terms.deductible - ded_met,
            out_of_pocket: terms.out_of_pocket_max.map(|max| max - oop_met),
        }
    }
}

/// A coverage limit's count in its current period.
struct Limit {
    phases: Vec<usize>,
    sessions: u32,
    per: LimitPer,
    period: Option<Date>,
    used: u32,
    warned: bool,
}

struct Insurance<'a> {
    terms: &'a Coverage,
    medical: CostSharing,
    year: Yearly,
    first_year: Date,
    medical_left: Left,
    pharmacy_left: Left,
    limits: Vec<Limit>,
    /// The date of the last session a limit refused: its session fees are
    /// refused with it.
    refused_on: Option<Date>,
    /// The estimate's first day.
    start: Date,
    /// The days the out-of-pocket maximums were used up (see [`Outcome`]).
    maximums: Vec<(Date, Benefit)>,
}

/// What cost sharing decided on one covered line.
struct Shared {
    allowed: Amount,
    adjustment: Amount,
    insurer: Amount,
    /// The patient's share of the allowed amount (counts toward the maximum).
    share: Amount,
    /// The deductible part of the share.
    deductible: Amount,
    /// The out-of-network balance bill (counts toward nothing).
    balance: Amount,
}

impl<'a> Insurance<'a> {
    fn new(terms: &'a Coverage, plan: &Plan) -> Insurance<'a> {
        let limits = terms
            .limits
            .iter()
            .map(|l| Limit {
                phases: l
                    .phases
                    .iter()
                    .filter_map(|n| plan.phases.iter().position(|p| &p.name == n))
                    .collect(),
                sessions: l.sessions,
                per: l.per,
                period: None,
                used: 0,
                warned: false,
            })
            .collect();
        let medical = terms.medical;
        Insurance {
            terms,
            medical,
            year: Yearly::new(terms.plan_year_start),
            first_year: terms.plan_year_start.year_containing(plan.start),
            medical_left: Left::reset(&medical, true),
            pharmacy_left: Left::reset(&terms.pharmacy.unwrap_or_default(), true),
            limits,
            refused_on: None,
            maximums: Vec::new(),
            start: plan.start,
        }
    }

    /// Moves the accumulators into the plan year of `date`. A maximum
    /// already used up when its year begins (met before the start, or 0)
    /// counts as reached on the year's first day inside the estimate.
    fn enter(&mut self, date: Date) {
        if self.year.enters_new_year(date) {
            let first = self.year.current == Some(self.first_year);
            self.medical_left = Left::reset(&self.medical, first);
            self.pharmacy_left = Left::reset(&self.terms.pharmacy.unwrap_or_default(), first);
            let from = self.year.current.map_or(date, |y| y.max(self.start));
            for (left, benefit) in [
                (self.medical_left, Benefit::Medical),
                (self.pharmacy_left, Benefit::Pharmacy),
            ] {
                if left.out_of_pocket == Some(Amount::ZERO) {
                    self.maximums.push((from, benefit));
                }
            }
        }
    }

    /// Whether the coverage limits let a session of `phase` on `date` be
    /// covered; counts it when they do. A refusal warns once per full limit.
    fn limits_allow(&mut self, phase: usize, date: Date, warnings: &mut [Option<Warning>]) -> bool {
        let year = self.terms.plan_year_start.year_containing(date);
        let mut allow = true;
        for limit in self.limits.iter_mut().filter(|l| l.phases.contains(&phase)) {
            let period = match limit.per {
                LimitPer::PlanYear => Some(year),
                LimitPer::Course => None,
            };
            if limit.period != period {
                limit.period = period;
                limit.used = 0;
            }
            allow &= limit.used < limit.sessions;
        }
        for (i, limit) in self.limits.iter_mut().enumerate() {
            if !limit.phases.contains(&phase) {
                continue;
            }
            if allow {
                limit.used += 1;
            } else if limit.used >= limit.sessions && !limit.warned {
                limit.warned = true;
                warnings[i] = Some(limit_warning(i, limit, date));
            }
        }
        if !allow {
            self.refused_on = Some(date);
        }
        allow
    }

    /// Which cost sharing and accumulators a line of `benefit` uses: its
    /// terms, the deductible accumulator and the out-of-pocket one, each
    /// with whether it is the pharmacy's own.
    fn sharing(&self, benefit: Benefit) -> (CostSharing, bool, bool) {
        match (benefit, self.terms.pharmacy) {
            (Benefit::Pharmacy, Some(pharmacy)) => {
                (pharmacy, true, pharmacy.out_of_pocket_max.is_some())
            }
            _ => (self.medical, false, false),
        }
    }

    /// Cost sharing of a covered line of `charge` (docs/insurance.md).
    fn share(&mut self, benefit: Benefit, charge: Amount, allowed: Option<Amount>) -> Shared {
        let (terms, own_deductible, own_cap) = self.sharing(benefit);
        let a = allowed.map_or(charge, |allowed| allowed.min(charge));
        let (adjustment, balance) = match self.terms.network {
            Network::In => (charge - a, Amount::ZERO),
            Network::Out => (Amount::ZERO, charge - a),
        };
        let deductible_left = if own_deductible {
            self.pharmacy_left.deductible
        } else {
            self.medical_left.deductible
        };
        let (mut d, mut share) = match terms.copay {
            Some(copay) => (Amount::ZERO, copay.min(a)),
            None => {
                let d = a.min(deductible_left);
                (d, d + (a - d).percent(terms.coinsurance))
            }
        };
        let cap = if own_cap {
            self.pharmacy_left.out_of_pocket
        } else {
            self.medical_left.out_of_pocket
        };
        if let Some(left) = cap {
            share = share.min(left);
            d = d.min(share);
        }
        Shared {
            allowed: a,
            adjustment,
            insurer: a - share,
            share,
            deductible: d,
            balance,
        }
    }

    /// Takes what counts of a line's share, on `date`, off the accumulators.
    fn count(
        &mut self,
        date: Date,
        benefit: Benefit,
        shared: &Shared,
        patient_pays: Amount,
    ) -> Claim {
        let (_, own_deductible, own_cap) = self.sharing(benefit);
        let counted = if self.terms.accumulator {
            shared.share.min(patient_pays)
        } else {
            shared.share
        };
        let deductible = shared.deductible.min(counted);
        let mut claim = Claim::default();
        if own_deductible {
            self.pharmacy_left.deductible -= deductible;
            claim.pharmacy_deductible = deductible;
        } else {
            self.medical_left.deductible -= deductible;
            claim.deductible = deductible;
        }
        let left = if own_cap {
            claim.pharmacy_out_of_pocket = counted;
            &mut self.pharmacy_left.out_of_pocket
        } else {
            claim.out_of_pocket = counted;
            &mut self.medical_left.out_of_pocket
        };
        if let Some(left) = left.as_mut() {
            if *left > Amount::ZERO && *left <= counted {
                let benefit = if own_cap {
                    Benefit::Pharmacy
                } else {
                    Benefit::Medical
                };
                self.maximums.push((date, benefit));
            }
            *left -= counted;
        }
        claim
    }
}

fn limit_warning(i: usize, limit: &Limit, date: Date) -> Warning {
    let period = match limit.per {
        LimitPer::PlanYear => "a plan year",
        LimitPer::Course => "the course",
    };
    Warning {
        code: WarningCode::CoverageLimitReached,
        path: format!("coverage.limits[{i}]"),
        message: format!(
            "Insurance covers at most {} sessions in {period}; from {date} the sessions are not covered.",
            limit.sessions
        ),
        date: Some(date),
    }
}

struct Programme {
    name: String,
    year: Yearly,
    at_most: Amount,
    annual_max: Option<Amount>,
    left: Option<Amount>,
    phases: Vec<usize>,
    fees: Vec<usize>,
    eligible: bool,
    exhausted_on: Option<Date>,
}

impl Programme {
    fn new(plan: &Plan, index: usize) -> Programme {
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
        let eligible = match (a.requires, &plan.coverage) {
            (Requires::None, _) => true,
            (Requires::Coverage, coverage) => coverage.is_some(),
            (Requires::Commercial, Some(c)) => c.kind == PlanType::Commercial,
            (Requires::Commercial, None) => false,
        };
        Programme {
            name: a.name.clone(),
            year: Yearly::new(a.year_start),
            at_most: a.patient_pays_at_most,
            annual_max: a.annual_max,
            left: a.annual_max,
            phases,
            fees,
            eligible,
            exhausted_on: None,
        }
    }

    /// Whether the programme pays toward a line: the session lines of its
    /// phases and the lines of its fees, or every session line when it names
    /// neither; never a package; nothing when the patient is not eligible.
    fn applies(&self, origin: Origin) -> bool {
        self.eligible
            && match origin {
                Origin::Package => false,
                Origin::Session { phase } => {
                    (self.phases.is_empty() && self.fees.is_empty()) || self.phases.contains(&phase)
                }
                Origin::Fee { fee } => self.fees.contains(&fee),
            }
    }

    /// The benefit on a line where the patient owes `owed`.
    fn benefit(&mut self, date: Date, owed: Amount) -> Amount {
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

    fn warning(&self, index: usize) -> Option<Warning> {
        let path = format!("assistance[{index}]");
        if !self.eligible {
            return Some(Warning {
                code: WarningCode::AssistanceNotEligible,
                path,
                message: format!(
                    "Savings programme \"{}\" pays nothing here: the patient's insurance does not meet what it requires.",
                    self.name
                ),
                date: None,
            });
        }
        let date = self.exhausted_on?;
        Some(Warning {
            code: WarningCode::AssistanceExhausted,
            path,
            message: format!(
                "Savings programme \"{}\" reaches its yearly maximum on {date}.",
                self.name
            ),
            date: Some(date),
        })
    }
}

/// Splits every line's charge between write-off, insurer, programmes and
/// patient, and reports the limits and programmes' warnings.
pub(crate) fn apply(plan: &Plan, drafts: &mut [Draft]) -> Outcome {
    let mut insurance = plan.coverage.as_ref().map(|c| Insurance::new(c, plan));
    let mut programmes: Vec<Programme> = (0..plan.assistance.len())
        .map(|i| Programme::new(plan, i))
        .collect();
    // One slot per limit, so the warnings come out in limit order (no sort:
    // a general sort would double the code it takes).
    let mut limit_warnings: Vec<Option<Warning>> = plan
        .coverage
        .as_ref()
        .map_or(Vec::new(), |c| c.limits.iter().map(|_| None).collect());
    let mut claims = Vec::with_capacity(drafts.len());
    for draft in drafts.iter_mut() {
        let line = &mut draft.line;
        let (benefit, allowed) = match draft.origin {
            Origin::Session { phase } => (plan.phases[phase].benefit, plan.phases[phase].allowed),
            Origin::Fee { fee } => (plan.fees[fee].benefit, plan.fees[fee].allowed),
            Origin::Package => (Benefit::Medical, None),
        };
        let shared = match insurance.as_mut() {
            Some(ins) if draft.covered => {
                ins.enter(line.date);
                let covered = match draft.origin {
                    Origin::Session { phase } => {
                        ins.limits_allow(phase, line.date, &mut limit_warnings)
                    }
                    Origin::Fee { fee } => {
                        plan.fees[fee].when != FeeWhen::Session || ins.refused_on != Some(line.date)
                    }
                    Origin::Package => false,
                };
                covered.then(|| ins.share(benefit, line.charge, allowed))
            }
            _ => None,
        };
        let mut owed = line.charge;
        if let Some(s) = &shared {
            line.covered = true;
            line.benefit = Some(benefit);
            line.allowed = Some(s.allowed);
            line.adjustment = s.adjustment;
            line.insurer_pays = s.insurer;
            owed = s.share + s.balance;
        }
        for programme in programmes.iter_mut().filter(|p| p.applies(draft.origin)) {
            let paid = programme.benefit(line.date, owed);
            owed -= paid;
            line.assistance += paid;
        }
        line.patient_pays = owed;
        let claim = match (insurance.as_mut(), &shared) {
            (Some(ins), Some(s)) => Some(ins.count(line.date, benefit, s, owed)),
            _ => None,
        };
        claims.push(claim);
    }
    // By limit, then by programme.
    let mut warnings: Vec<Warning> = limit_warnings.into_iter().flatten().collect();
    warnings.extend(
        programmes
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.warning(i)),
    );
    let maximums = insurance.map_or(Vec::new(), |ins| ins.maximums);
    Outcome {
        claims,
        warnings,
        maximums,
    }
}
