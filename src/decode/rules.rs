//! The rules that span several fields, run once a value's shape is sound.

use crate::calendar::Weekday;
use crate::error::{Error, ErrorCode};
use crate::limits::MAX_HORIZON_MONTHS;
use crate::money::Percent;
use crate::plan::{Discount, Fee, Horizon, LineKind, Package, Phase, Plan};
use crate::prelude::*;
use crate::text::{cat, no_such_name};

use super::Decoder;

/// The plan, once the rules that span its fields hold: how every plan is
/// made, by the decoder and by the typed edits.
pub(crate) fn checked(plan: Plan) -> Result<Plan, Error> {
    let mut d = Decoder::default();
    check_plan(&plan, &mut d);
    d.finish(Some(plan))
}

/// The rules that span several fields, on a plan whose shape is sound.
fn check_plan(plan: &Plan, d: &mut Decoder) {
    course(d, &plan.phases, &plan.fees, &plan.packages, &plan.discounts);
    unique_names(
        d,
        "assistance",
        plan.assistance.iter().map(|a| a.name.as_str()),
    );
    if let Horizon::Until(last) = plan.horizon {
        let latest = plan.start.add_months(MAX_HORIZON_MONTHS);
        if last < plan.start || last > latest {
            d.report(
                ErrorCode::OutOfRange,
                "horizon.until",
                cat!(
                    "must be from the start ({}) to {} months later ({}); it is {}",
                    plan.start,
                    MAX_HORIZON_MONTHS,
                    latest,
                    last
                ),
            );
        }
    }
    open_weekday(d, &plan.clinic.closed_weekdays, "clinic.closedWeekdays");
    let phase_names: Vec<&str> = plan.phases.iter().map(|p| p.name.as_str()).collect();
    let fee_names: Vec<&str> = plan.fees.iter().map(|f| f.name.as_str()).collect();
    if let Some(coverage) = &plan.coverage {
        for (i, limit) in coverage.limits.iter().enumerate() {
            for (j, phase) in limit.phases.iter().enumerate() {
                known_name(
                    d,
                    &cat!("coverage.limits[{}].phases[{}]", i, j),
                    phase,
                    &phase_names,
                    "phase",
                );
            }
        }
    }
    for (i, programme) in plan.assistance.iter().enumerate() {
        for (j, phase) in programme.phases.iter().enumerate() {
            known_name(
                d,
                &cat!("assistance[{}].phases[{}]", i, j),
                phase,
                &phase_names,
                "phase",
            );
        }
        for (j, fee) in programme.fees.iter().enumerate() {
            known_name(
                d,
                &cat!("assistance[{}].fees[{}]", i, j),
                fee,
                &fee_names,
                "fee",
            );
        }
    }
}

/// The rules of a course — what a plan and a price sheet's treatment share:
/// unique names, phases that can start, references to phases, discount
/// totals. None depends on the start date, so a sheet's treatments are
/// checked once, when the sheet is decoded.
pub(crate) fn course(
    d: &mut Decoder,
    phases: &[Phase],
    fees: &[Fee],
    packages: &[Package],
    discounts: &[Discount],
) {
    unique_names(d, "phases", phases.iter().map(|p| p.name.as_str()));
    unique_names(d, "fees", fees.iter().map(|f| f.name.as_str()));
    unique_names(d, "packages", packages.iter().map(|p| p.name.as_str()));
    unique_names(d, "discounts", discounts.iter().map(|x| x.name.as_str()));
    let phase_names: Vec<&str> = phases.iter().map(|p| p.name.as_str()).collect();
    for (i, phase) in phases.iter().enumerate() {
        if i == 0 && phase.start_after.is_some() {
            d.report(
                ErrorCode::InvalidValue,
                "phases[0].startAfter",
                "the first phase starts on the plan's start date; \"startAfter\" only applies to later phases",
            );
        }
        if i > 0 && phases[i - 1].is_open_ended() {
            d.report(
                ErrorCode::UnreachablePhase,
                &cat!("phases[{}]", i),
                cat!("phase \"{}\" can never start: the phase before it, \"{}\", has no \"sessions\" or \"weeks\" and runs until the estimate ends", phase.name, phases[i - 1].name),
            );
        }
    }
    for (i, fee) in fees.iter().enumerate() {
        if let Some(phase) = &fee.phase {
            known_name(d, &cat!("fees[{}].phase", i), phase, &phase_names, "phase");
        }
    }
    for (i, package) in packages.iter().enumerate() {
        known_name(
            d,
            &cat!("packages[{}].phase", i),
            &package.phase,
            &phase_names,
            "phase",
        );
    }
    for kind in LineKind::ALL {
        let mut total = 0u32;
        for (i, discount) in discounts.iter().enumerate() {
            if !discount.applies_to.contains(&kind) {
                continue;
            }
            total += discount.percent.basis_points();
            if total > Percent::FULL_BASIS_POINTS {
                d.report(
                    ErrorCode::OutOfRange,
                    &cat!("discounts[{}]", i),
                    cat!(
                        "the discounts on {} lines add up to more than 100% with \"{}\"",
                        kind.name(),
                        discount.name
                    ),
                );
                break;
            }
        }
    }
}

/// Reports a week with every day closed, where no session could be booked.
pub(crate) fn open_weekday(d: &mut Decoder, closed: &[Weekday], path: &str) {
    if closed.len() == Weekday::ALL.len() {
        d.report(
            ErrorCode::AllDaysClosed,
            path,
            "every weekday is closed, so no session could ever be booked",
        );
    }
}

fn unique_names<'a>(d: &mut Decoder, list: &str, names: impl Iterator<Item = &'a str>) {
    unique(d, list, "name", names);
}

/// Reports every repeat of a value of `field` in `list` (names, preset ids).
pub(crate) fn unique<'a>(
    d: &mut Decoder,
    list: &str,
    field: &str,
    names: impl Iterator<Item = &'a str>,
) {
    let names: Vec<&str> = names.collect();
    repeats(d, list, field, &names);
}

/// [`unique`] past the collecting: one copy, however many kinds of list.
fn repeats(d: &mut Decoder, list: &str, field: &str, names: &[&str]) {
    // Lists hold at most 50 names: a quadratic scan is cheaper than a hash set,
    // in time and in wasm size.
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            d.report(
                ErrorCode::DuplicateName,
                &cat!("{}[{}].{}", list, i, field),
                cat!("\"{}\" is used twice in {}", name, list),
            );
        }
    }
}

pub(crate) fn known_name(d: &mut Decoder, path: &str, name: &str, known: &[&str], what: &str) {
    if known.contains(&name) {
        return;
    }
    d.report(
        ErrorCode::UnknownName,
        path,
        no_such_name(name, known, what),
    );
}
