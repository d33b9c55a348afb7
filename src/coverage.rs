//! Who pays each line: insurance first, then savings programmes, then the
//! accumulators — line by line in ledger order (docs/insurance.md).
//!
//! The accumulators are the ones a claims system keeps: what is left of
//! each benefit's deductible and out-of-pocket maximum in the current plan
//! year, how many sessions each coverage limit has covered in its period,
//! and what is left of each programme's annual maximum in its programme
//! year. They reset when a line falls in a new year, which is what makes a
//! course that crosses 1 January pay its deductible twice.

use crate::calendar::Date;
use crate::lines::{Facts, Origin};
use crate::money::{Amount, Percent};
use crate::output::{Line, Warning, WarningCode};
use crate::plan::{
    BalanceBilling, Benefit, Claims, CopayPer, CostSharing, Coverage, Family, Network, Plan,
};
use crate::prelude::*;
use crate::programmes::{Programme, Yearly};
use crate::session_limits::{Limits, Verdict};

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
    /// `coverage_limit_reached` and `written_off_beyond_limit`, then the
    /// family's warnings, then the programmes', in the contract's order.
    pub warnings: Vec<Warning>,
    /// When an out-of-pocket maximum was used up, in date order: at most
    /// once per benefit's own maximum and plan year (for `compare`).
    pub maximums: Vec<(Date, Benefit)>,
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

    /// The family's accumulators: its amounts are caps like the patient's,
    /// each absent when the family has none.
    fn family(family: Option<Family>, first_year: bool) -> (Option<Amount>, Option<Amount>) {
        let Some(f) = family else {
            return (None, None);
        };
        let (ded_met, oop_met) = if first_year {
            (f.deductible_met, f.out_of_pocket_met)
        } else {
            (Amount::ZERO, Amount::ZERO)
        };
        (
            f.deductible.map(|d| d - ded_met),
            f.out_of_pocket_max.map(|m| m - oop_met),
        )
    }
}

/// Which accumulators a line uses: the top-level (medical) ones, the
/// pharmacy's own, or the out-of-network ones.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Acc {
    Top,
    Pharmacy,
    OutOfNetwork,
}

/// The terms a line is shared under, and the accumulators it uses.
#[derive(Clone, Copy)]
struct Route {
    terms: CostSharing,
    deductible: Acc,
    out_of_pocket: Acc,
    /// Whether its copay is shared by the visit (medical terms with
    /// `copayPer: "visit"`).
    per_visit: bool,
}

struct Insurance<'a> {
    terms: &'a Coverage,
    year: Yearly,
    first_year: Date,
    top: Left,
    pharmacy: Left,
    out_of_network: Left,
    /// What is left of the family's deductible and maximum.
    family_deductible: Option<Amount>,
    family_out_of_pocket: Option<Amount>,
    /// `family_deductible_met`, then `family_out_of_pocket_met`.
    family_warnings: [Option<Warning>; 2],
    /// Each phase's, then each fee's, allowed amount before the charge
    /// caps it: its own `allowed`, else the fee schedule's for its code
    /// (looked up once, not on every line).
    listed: Vec<Option<Amount>>,
    limits: Limits,
    /// The visit under way (a day) and the copay already charged on it.
    visit: Option<(Date, Amount)>,
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
    /// The coinsurance part of the share.
    coinsurance: Amount,
    /// The copay part of the share.
    copay: Amount,
    /// The out-of-network balance bill (counts toward nothing).
    balance: Amount,
    route: Route,
}

/// Medicare's non-participating fee schedule is 95 % of the allowed amount,
/// and the limiting charge 115 % of that: `round(A' × 115 %)` is `A' +
/// round(A' × 15 %)`, since `A'` is whole.
const NON_PARTICIPATING: Percent = match Percent::from_basis_points(9_500) {
    Some(p) => p,
    None => Percent::ZERO,
};
const LIMITING_EXTRA: Percent = match Percent::from_basis_points(1_500) {
    Some(p) => p,
    None => Percent::ZERO,
};

impl<'a> Insurance<'a> {
    #[inline(never)]
    fn new(terms: &'a Coverage, plan: &Plan) -> Insurance<'a> {
        let mut listed = Vec::with_capacity(plan.phases.len() + plan.fees.len());
        let mut list = |allowed: Option<Amount>, code: &Option<String>| {
            listed
                .push(allowed.or_else(|| code.as_deref().and_then(|c| terms.fee_schedule.get(c))));
        };
        for p in &plan.phases {
            list(p.allowed, &p.code);
        }
        for f in &plan.fees {
            list(f.allowed, &f.code);
        }
        // Every accumulator is set by the first `enter`, before any line
        // uses it.
        let unset = Left {
            deductible: Amount::ZERO,
            out_of_pocket: None,
        };
        Insurance {
            terms,
            year: Yearly::new(terms.plan_year_start),
            first_year: terms.plan_year_start.year_containing(plan.start),
            top: unset,
            pharmacy: unset,
            out_of_network: unset,
            family_deductible: None,
            family_out_of_pocket: None,
            family_warnings: [None, None],
            listed,
            limits: Limits::new(terms, plan),
            visit: None,
            maximums: Vec::new(),
            start: plan.start,
        }
    }

    /// The out-of-network terms, when they apply.
    fn out_of_network(&self) -> Option<CostSharing> {
        match self.terms.network {
            Network::Out => self.terms.out_of_network,
            Network::In => None,
        }
    }

    /// Moves the accumulators into the plan year of `date`. A maximum
    /// already used up when its year begins (met before the start, or 0)
    /// counts as reached on the year's first day inside the estimate.
    #[inline(never)]
    fn enter(&mut self, date: Date) {
        if self.year.enters_new_year(date) {
            let first = self.year.current == Some(self.first_year);
            self.top = Left::reset(&self.terms.medical, first);
            self.pharmacy = Left::reset(&self.terms.pharmacy.unwrap_or_default(), first);
            self.out_of_network =
                Left::reset(&self.terms.out_of_network.unwrap_or_default(), first);
            (self.family_deductible, self.family_out_of_pocket) =
                Left::family(self.terms.family, first);
            let from = self.year.current.map_or(date, |y| y.max(self.start));
            let medical = if self.out_of_network().is_some() {
                Acc::OutOfNetwork
            } else {
                Acc::Top
            };
            for (left, benefit) in [
                (self.out_of_pocket_left(medical), Benefit::Medical),
                (self.pharmacy.out_of_pocket, Benefit::Pharmacy),
            ] {
                if left == Some(Amount::ZERO) {
                    self.maximums.push((from, benefit));
                }
            }
        }
    }

    /// Which terms and accumulators a line of `benefit` uses
    /// (docs/insurance.md).
    fn route(&self, benefit: Benefit) -> Route {
        let (medical, acc) = match self.out_of_network() {
            Some(terms) => (terms, Acc::OutOfNetwork),
            None => (self.terms.medical, Acc::Top),
        };
        match (benefit, self.terms.pharmacy) {
            (Benefit::Pharmacy, Some(pharmacy)) => Route {
                terms: pharmacy,
                deductible: Acc::Pharmacy,
                out_of_pocket: if pharmacy.out_of_pocket_max.is_some() {
                    Acc::Pharmacy
                } else {
                    acc
                },
                per_visit: false,
            },
            _ => Route {
                terms: medical,
                deductible: acc,
                out_of_pocket: acc,
                per_visit: self.terms.copay_per == CopayPer::Visit,
            },
        }
    }

    fn left(&mut self, acc: Acc) -> &mut Left {
        match acc {
            Acc::Top => &mut self.top,
            Acc::Pharmacy => &mut self.pharmacy,
            Acc::OutOfNetwork => &mut self.out_of_network,
        }
    }

    /// What is left of a deductible: the smaller of the patient's and the
    /// family's on the top-level accumulator.
    fn deductible_left(&mut self, acc: Acc) -> Amount {
        let family = self.family_deductible.filter(|_| acc == Acc::Top);
        let mine = self.left(acc).deductible;
        family.map_or(mine, |f| f.min(mine))
    }

    /// What is left of a maximum, likewise (the family's alone where the
    /// patient has none); `None`: no cap.
    fn out_of_pocket_left(&mut self, acc: Acc) -> Option<Amount> {
        let family = self.family_out_of_pocket.filter(|_| acc == Acc::Top);
        let mine = self.left(acc).out_of_pocket;
        match (mine, family) {
            (Some(m), Some(f)) => Some(m.min(f)),
            (m, f) => m.or(f),
        }
    }

    /// Cost sharing of a covered line of `charge` on `date`, whose phase or
    /// fee lists `listed` as its allowed amount (docs/insurance.md).
    #[inline(never)]
    fn share(
        &mut self,
        benefit: Benefit,
        date: Date,
        charge: Amount,
        listed: Option<Amount>,
    ) -> Shared {
        let route = self.route(benefit);
        let terms = route.terms;
        let mut a = listed.map_or(charge, |allowed| allowed.min(charge));
        let (adjustment, balance) = match (self.terms.network, self.terms.balance_billing) {
            (Network::In, _) | (Network::Out, BalanceBilling::None) => (charge - a, Amount::ZERO),
            (Network::Out, BalanceBilling::Full) => (Amount::ZERO, charge - a),
            (Network::Out, BalanceBilling::Medicare) => {
                a = a.percent(NON_PARTICIPATING);
                let limiting = a + a.percent(LIMITING_EXTRA);
                let balance = charge.min(limiting).saturating_sub_to_zero(a);
                (charge - a - balance, balance)
            }
        };
        let charged_on_visit = match self.visit {
            Some((day, charged)) if route.per_visit && day == date => charged,
            _ => Amount::ZERO,
        };
        let deductible_left = self.deductible_left(route.deductible);
        let (mut d, mut share) = match terms.copay {
            Some(copay) => {
                let copay_left = copay.saturating_sub_to_zero(charged_on_visit);
                let d = if terms.copay_after_deductible {
                    a.min(deductible_left)
                } else {
                    Amount::ZERO
                };
                (d, d + copay_left.min(a - d))
            }
            None => {
                let d = a.min(deductible_left);
                (d, d + (a - d).percent(terms.coinsurance))
            }
        };
        if let Some(left) = self.out_of_pocket_left(route.out_of_pocket) {
            share = share.min(left);
            d = d.min(share);
        }
        let rest = share - d;
        let (coinsurance, copay) = match terms.copay {
            Some(_) => (Amount::ZERO, rest),
            None => (rest, Amount::ZERO),
        };
        if route.per_visit {
            self.visit = Some((date, charged_on_visit + copay));
        }
        Shared {
            allowed: a,
            adjustment,
            insurer: a - share,
            share,
            deductible: d,
            coinsurance,
            copay,
            balance,
            route,
        }
    }

    /// Takes what counts of a line's share, on `date`, off the accumulators.
    #[inline(never)]
    fn count(&mut self, date: Date, shared: &Shared, patient_pays: Amount) -> Claim {
        let route = shared.route;
        let counted = if self.terms.accumulator {
            shared.share.min(patient_pays)
        } else {
            shared.share
        };
        let deductible = shared.deductible.min(counted);
        let mut claim = Claim::default();
        self.left(route.deductible).deductible -= deductible;
        if route.deductible == Acc::Pharmacy {
            claim.pharmacy_deductible = deductible;
        } else {
            claim.deductible = deductible;
        }
        let cap = route.out_of_pocket;
        if cap == Acc::Pharmacy {
            claim.pharmacy_out_of_pocket = counted;
        } else {
            claim.out_of_pocket = counted;
        }
        let before = self.out_of_pocket_left(cap);
        if let Some(left) = self.left(cap).out_of_pocket.as_mut() {
            *left -= counted;
        }
        if let Some(b) = before {
            if b > Amount::ZERO && b <= counted {
                let benefit = if cap == Acc::Pharmacy {
                    Benefit::Pharmacy
                } else {
                    Benefit::Medical
                };
                self.maximums.push((date, benefit));
            }
        }
        if route.deductible == Acc::Top {
            family_takes(
                &mut self.family_deductible,
                deductible,
                date,
                &mut self.family_warnings[0],
                false,
            );
        }
        if cap == Acc::Top {
            family_takes(
                &mut self.family_out_of_pocket,
                counted,
                date,
                &mut self.family_warnings[1],
                true,
            );
        }
        claim
    }
}

/// Takes `amount` off what is left of a family amount; the line that
/// brings it from above 0 to 0 warns, once per estimate.
#[inline(never)]
fn family_takes(
    left: &mut Option<Amount>,
    amount: Amount,
    date: Date,
    warning: &mut Option<Warning>,
    maximum: bool,
) {
    let Some(left) = left.as_mut() else { return };
    let was = *left;
    *left = left.saturating_sub_to_zero(amount);
    if was > Amount::ZERO && left.is_zero() && warning.is_none() {
        let (code, path, message) = if maximum {
            (
                WarningCode::FamilyOutOfPocketMet,
                "coverage.family.outOfPocketMax",
                "The family's out-of-pocket maximum is met on this day.",
            )
        } else {
            (
                WarningCode::FamilyDeductibleMet,
                "coverage.family.deductible",
                "The family's deductible is met on this day.",
            )
        };
        *warning = Some(Warning {
            code,
            path: path.into(),
            message: message.into(),
            date: Some(date),
            reason: None,
        });
    }
}

/// Splits every line's charge between write-off, insurer, programmes and
/// patient, says why the patient owes it, and reports the limits', the
/// family's and the programmes' warnings.
pub(crate) fn apply(plan: &Plan, lines: &mut [Line], facts: &[Facts]) -> Outcome {
    let mut insurance = plan.coverage.as_ref().map(|c| Insurance::new(c, plan));
    let mut programmes: Vec<Programme> = (0..plan.assistance.len())
        .map(|i| Programme::new(plan, i))
        .collect();
    // Two slots per limit, so the warnings come out in limit order (no
    // sort: a general sort would double the code it takes).
    let mut limit_warnings: Vec<Option<Warning>> = plan.coverage.as_ref().map_or(Vec::new(), |c| {
        (0..2 * c.limits.len()).map(|_| None).collect()
    });
    // With patient-filed claims, the days until the insurer reimburses.
    let reimbursed_after = plan
        .coverage
        .as_ref()
        .filter(|c| c.claims == Claims::Patient)
        .map(|c| c.reimbursement_days() as i32);
    let mut claims = Vec::with_capacity(lines.len());
    for (line, fact) in lines.iter_mut().zip(facts) {
        let (benefit, at) = match fact.origin {
            Origin::Session { phase } => (plan.phases[phase].benefit, phase),
            Origin::Fee { fee } => (plan.fees[fee].benefit, plan.phases.len() + fee),
            Origin::Package => (Benefit::Medical, usize::MAX),
        };
        let mut verdict = Verdict::Refused;
        let shared = match insurance.as_mut() {
            Some(ins) if fact.covered => {
                ins.enter(line.date);
                verdict = match fact.origin {
                    Origin::Session { phase } => {
                        ins.limits.session(phase, line.date, &mut limit_warnings)
                    }
                    Origin::Fee { fee } => ins.limits.fee(plan.fees[fee].when, line.date),
                    Origin::Package => Verdict::Refused,
                };
                (verdict == Verdict::Covered).then(|| {
                    let listed = ins.listed.get(at).copied().flatten();
                    ins.share(benefit, line.date, line.charge, listed)
                })
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
            line.deductible = s.deductible;
            line.coinsurance = s.coinsurance;
            line.copay = s.copay;
            line.balance_bill = s.balance;
            line.not_covered = Amount::ZERO;
            owed = s.share + s.balance;
        } else if verdict == Verdict::WrittenOff {
            line.adjustment = line.charge;
            line.not_covered = Amount::ZERO;
            owed = Amount::ZERO;
        }
        for programme in programmes.iter_mut().filter(|p| p.applies(fact.origin)) {
            let paid = programme.benefit(line.date, owed);
            owed -= paid;
            line.assistance += paid;
        }
        line.patient_pays = owed;
        if let Some(days) = reimbursed_after {
            line.paid_at_visit = Some(line.patient_pays + line.insurer_pays);
            if line.insurer_pays > Amount::ZERO {
                line.reimbursed_on = Some(line.date.add_days(days));
            }
        }
        let claim = match (insurance.as_mut(), &shared) {
            (Some(ins), Some(s)) => Some(ins.count(line.date, s, owed)),
            _ => None,
        };
        claims.push(claim);
    }
    // By limit, then the family's, then by programme.
    let mut warnings: Vec<Warning> = limit_warnings.into_iter().flatten().collect();
    if let Some(ins) = insurance.as_mut() {
        warnings.extend(ins.family_warnings.iter_mut().filter_map(Option::take));
    }
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
