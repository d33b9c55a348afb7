//! What is charged, and when (docs/ledger.md): the ledger before insurance.
//!
//! Packages are chosen per phase, uncovered sessions become session lines and
//! fees are laid on their anchors; every line gets its discount. The result is
//! sorted into ledger order (date; packages, then sessions, then fees; plan
//! order within), the order insurance and assistance are applied in.

use crate::calendar::Date;
use crate::label::Label;
use crate::money::{Amount, Percent};
use crate::output::Line;
use crate::packages::{Offer, choose};
use crate::plan::{FeeWhen, LineKind, Plan};
use crate::prelude::*;
use crate::schedule::Schedule;

/// Where a line comes from, for coverage and assistance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    Package,
    Session { phase: usize },
    Fee { fee: usize },
}

/// What the later stages need to know about a ledger line, kept beside the
/// lines rather than in them: the lines go into the estimate as they are,
/// never copied out of a larger record.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Facts {
    pub origin: Origin,
    /// Index of the phase it carries, if any.
    pub phase: Option<usize>,
    /// Whether insurance covers it (before knowing whether there is insurance).
    pub covered: bool,
}

/// What a line will be, before it is ordered: the lines are then built
/// once, in ledger order, from these.
struct Spec<'a> {
    kind: LineKind,
    date: Date,
    label: &'a (Label, Option<Label>),
    phase: Option<usize>,
    quantity: u32,
    gross: Amount,
    origin: Origin,
    covered: bool,
}

/// The ledger before insurance, and which package covers each session.
pub(crate) struct Ledger {
    pub lines: Vec<Line>,
    /// Each line's [`Facts`], in the same order.
    pub facts: Vec<Facts>,
    /// For each session in the schedule, the package covering it.
    pub session_package: Vec<Option<usize>>,
}

/// The summed discount rate for each kind of line.
struct Rates([Percent; 3]);

impl Rates {
    fn new(plan: &Plan) -> Rates {
        let rate = |kind: LineKind| {
            let bp = plan
                .discounts
                .iter()
                .filter(|d| d.applies_to.contains(&kind))
                .map(|d| d.percent.basis_points())
                .sum::<u32>();
            // Validation caps each kind's sum at 100 %.
            Percent::from_basis_points(bp).unwrap_or_default()
        };
        Rates(LineKind::ALL.map(rate))
    }

    fn discount(&self, kind: LineKind, gross: Amount) -> Amount {
        gross.percent(self.0[kind as usize])
    }
}

/// The plan's names and codes as shared [`Label`]s, made once per estimate
/// and cloned onto every line and session that repeats them.
pub(crate) struct Labels {
    pub(crate) phases: Vec<(Label, Option<Label>)>,
    pub(crate) packages: Vec<(Label, Option<Label>)>,
    fees: Vec<(Label, Option<Label>)>,
}

impl Labels {
    pub(crate) fn new(plan: &Plan) -> Labels {
        let label = |name: &str, code: &Option<String>| {
            (Label::from(name), code.as_deref().map(Label::from))
        };
        Labels {
            phases: plan
                .phases
                .iter()
                .map(|p| label(&p.name, &p.code))
                .collect(),
            packages: plan
                .packages
                .iter()
                .map(|p| label(&p.name, &p.code))
                .collect(),
            fees: plan.fees.iter().map(|f| label(&f.name, &f.code)).collect(),
        }
    }
}

/// An upper bound on the ledger's length, to allocate it once: a line per
/// session (package lines stand for several), and each fee's lines.
fn most_lines(plan: &Plan, schedule: &Schedule) -> usize {
    let months = schedule.slots.last().map_or(0, |_| 121);
    let fees: usize = plan
        .fees
        .iter()
        .map(|fee| match fee.when {
            FeeWhen::Session => schedule.slots.len(),
            FeeWhen::Once => 1,
            FeeWhen::Month => months,
        })
        .sum();
    schedule.slots.len() + fees + 1
}

/// Builds the ledger for a scheduled plan.
pub(crate) fn ledger(plan: &Plan, schedule: &Schedule, labels: &Labels) -> Ledger {
    let rates = Rates::new(plan);
    let mut specs = Vec::with_capacity(most_lines(plan, schedule));
    let mut session_package = vec![None; schedule.slots.len()];

    // Packages, phase by phase, covering each phase's earliest sessions.
    for (p, phase) in plan.phases.iter().enumerate() {
        let range = schedule.phase_ranges[p].clone();
        let offers: Vec<(usize, Offer)> = plan
            .packages
            .iter()
            .enumerate()
            .filter(|(_, pkg)| pkg.phase == phase.name)
            .map(|(i, pkg)| {
                let charge = pkg.price - rates.discount(LineKind::Package, pkg.price);
                (
                    i,
                    Offer {
                        sessions: pkg.sessions as usize,
                        charge,
                    },
                )
            })
            .collect();
        if offers.is_empty() || range.is_empty() {
            continue;
        }
        let unit = phase.price - rates.discount(LineKind::Session, phase.price);
        let list: Vec<Offer> = offers.iter().map(|(_, o)| *o).collect();
        let counts = choose(&list, range.len(), unit);
        let mut next = range.start;
        for ((i, offer), count) in offers.iter().zip(counts) {
            let package = &plan.packages[*i];
            for _ in 0..count {
                let date = schedule.slots[next].date;
                specs.push(Spec {
                    kind: LineKind::Package,
                    date,
                    label: &labels.packages[*i],
                    phase: Some(p),
                    quantity: package.sessions,
                    gross: package.price,
                    origin: Origin::Package,
                    covered: false,
                });
                for covered in &mut session_package[next..next + offer.sessions] {
                    *covered = Some(*i);
                }
                next += offer.sessions;
            }
        }
    }

    // Sessions not covered by a package.
    for (s, slot) in schedule.slots.iter().enumerate() {
        if session_package[s].is_some() {
            continue;
        }
        let phase = &plan.phases[slot.phase];
        specs.push(Spec {
            kind: LineKind::Session,
            date: slot.date,
            label: &labels.phases[slot.phase],
            phase: Some(slot.phase),
            quantity: 1,
            gross: phase.price,
            origin: Origin::Session { phase: slot.phase },
            covered: phase.covered,
        });
    }

    // Fees, on their anchors.
    for (f, fee) in plan.fees.iter().enumerate() {
        let phase_index = fee
            .phase
            .as_ref()
            .and_then(|name| plan.phases.iter().position(|p| &p.name == name));
        let sessions = match phase_index {
            Some(p) => &schedule.slots[schedule.phase_ranges[p].clone()],
            None => &schedule.slots[..],
        };
        if phase_index.is_some() && sessions.is_empty() {
            continue;
        }
        let anchor = sessions.first().map_or(plan.start, |s| s.date);
        let mut push = |date, phase: Option<usize>| {
            specs.push(Spec {
                kind: LineKind::Fee,
                date,
                label: &labels.fees[f],
                phase,
                quantity: 1,
                gross: fee.amount,
                origin: Origin::Fee { fee: f },
                covered: fee.covered,
            });
        };
        match fee.when {
            FeeWhen::Session => sessions.iter().for_each(|s| push(s.date, Some(s.phase))),
            FeeWhen::Once => push(anchor, phase_index),
            FeeWhen::Month => {
                let mut k = 0;
                loop {
                    let date = anchor.add_months(k);
                    if date >= schedule.end {
                        break;
                    }
                    push(date, phase_index);
                    k += 1;
                }
            }
        }
    }

    let order = ledger_order(&specs, plan.start);
    let facts = order
        .iter()
        .map(|&i| &specs[i])
        .map(|spec| Facts {
            origin: spec.origin,
            phase: spec.phase,
            covered: spec.covered,
        })
        .collect();
    let lines = order
        .iter()
        .map(|&i| &specs[i])
        .map(|spec| {
            let (name, code) = spec.label;
            let discount = rates.discount(spec.kind, spec.gross);
            let charge = spec.gross - discount;
            Line {
                date: spec.date,
                kind: spec.kind,
                name: name.clone(),
                phase: spec.phase.map(|p| labels.phases[p].0.clone()),
                code: code.clone(),
                quantity: spec.quantity,
                covered: false,
                benefit: None,
                allowed: None,
                gross: spec.gross,
                discount,
                charge,
                adjustment: Amount::ZERO,
                insurer_pays: Amount::ZERO,
                assistance: Amount::ZERO,
                patient_pays: charge,
                deductible: Amount::ZERO,
                coinsurance: Amount::ZERO,
                copay: Amount::ZERO,
                balance_bill: Amount::ZERO,
                // Until insurance says otherwise, nothing is covered.
                not_covered: charge,
                paid_at_visit: None,
                reimbursed_on: None,
            }
        })
        .collect();
    Ledger {
        lines,
        facts,
        session_package,
    }
}

/// Ledger order: the index of each line's spec, by date, then kind
/// (packages, sessions, fees), keeping plan order among equals. Every line
/// is dated inside the horizon, so this is a stable counting sort over
/// (day, kind): linear time, and no general sort routine in the wasm. Only
/// the indices move; each line is then built once, in its place.
fn ledger_order(specs: &[Spec<'_>], start: Date) -> Vec<usize> {
    let key = |d: &Spec| {
        let day = (d.date.days_since_epoch() - start.days_since_epoch()).max(0) as usize;
        day * 3 + d.kind as usize
    };
    let buckets = specs.iter().map(key).max().map_or(0, |k| k + 1);
    let mut next = vec![0usize; buckets + 1];
    for d in specs {
        next[key(d) + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut order = vec![0; specs.len()];
    for (i, d) in specs.iter().enumerate() {
        let k = key(d);
        order[next[k]] = i;
        next[k] += 1;
    }
    order
}
