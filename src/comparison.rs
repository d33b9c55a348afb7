//! Answers built from several estimates: a preset's low–typical–high range
//! and a side-by-side comparison of treatments.
//!
//! Both only summarise estimates the engine has already made, so a page that
//! shows "$2,750 – $5,100, most likely $3,650" next to the itemised estimate
//! can never disagree with it.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::catalogue::Preset;
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::limits::MAX_COMPARED;
use crate::money::Amount;
use crate::output::{Estimate, Totals, patient_pays_through};
use crate::plan::{Plan, PlanOptions};

/// A preset's estimates at the cheap end, typically and at the dear end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// The plans' currency.
    pub currency: Currency,
    /// Its minor units (2 for USD).
    pub minor_units: u8,
    /// Totals of the `low` plan.
    pub low: Totals,
    /// Totals of the typical `plan`.
    pub typical: Totals,
    /// Totals of the `high` plan.
    pub high: Totals,
}

/// Several plans estimated over the same horizon, side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The plans' currency.
    pub currency: Currency,
    /// Its minor units (2 for USD).
    pub minor_units: u8,
    /// Every calendar month from the earliest plan's first month to the
    /// latest plan's last, `YYYY-MM`: the x axis of a cumulative chart.
    pub months: Vec<String>,
    /// One entry per plan, in the order given.
    pub plans: Vec<Compared>,
}

/// One plan of a [`Comparison`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Compared {
    /// The estimate's first day.
    pub start: Date,
    /// The day after its last.
    pub end: Date,
    /// The estimate's totals.
    pub totals: Totals,
    /// What the patient pays in the first 12 months from the start (all of
    /// the horizon when it is shorter).
    pub first_year: Amount,
    /// What the patient pays up front: every line dated on or before the
    /// first phase's last session.
    pub up_front: Amount,
    /// The steady monthly cost: the patient's average per month over the last
    /// three whole calendar months of the horizon (fewer when the horizon has
    /// fewer), rounded to a minor unit; absent when it has no whole month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub steady_monthly: Option<Amount>,
    /// The patient's cumulative cost at the end of each month of
    /// [`Comparison::months`]: 0 before the plan starts, its total after it ends.
    pub cumulative: Vec<Amount>,
}

/// Estimates a preset's three plans with `options` applied. Problems with
/// an option have paths under `options`; the rest are the preset's
/// (`low.phases[0]…`).
pub fn range(preset: &Preset, options: &PlanOptions) -> Result<Range, Error> {
    let totals = |field: &str, plan: &Plan| {
        plan.with_options(options)
            .map(|plan| crate::assemble::estimate(&plan).totals)
            .map_err(|e| locate(e, options, field))
    };
    Ok(Range {
        currency: preset.plan.currency(),
        minor_units: preset.plan.currency().minor_units(),
        low: totals("low", &preset.low)?,
        typical: totals("plan", &preset.plan)?,
        high: totals("high", &preset.high)?,
    })
}

/// Problems caused by an option are the caller's (`options.coverage…`); the
/// rest belong to the plan at `field`.
fn locate(err: Error, options: &PlanOptions, field: &str) -> Error {
    let ours = err.problems().iter().any(|p| options.owns(&p.path));
    err.within(if ours { "options" } else { field })
}

/// Estimates several plans (1 to [`MAX_COMPARED`], one currency) with the
/// same `options` put on each — the visitor's insurance, programmes and
/// horizon — and summarises them side by side.
pub fn compare(plans: &[Plan], options: &PlanOptions) -> Result<Comparison, Error> {
    let Some(first) = plans.first() else {
        return Err(problem(
            ErrorCode::OutOfRange,
            "plans",
            "needs at least one plan",
        ));
    };
    if plans.len() > MAX_COMPARED {
        return Err(problem(
            ErrorCode::OutOfRange,
            "plans",
            format!(
                "has {} entries; at most {MAX_COMPARED} are allowed",
                plans.len()
            ),
        ));
    }
    let currency = first.currency();
    if let Some(i) = plans.iter().position(|p| p.currency() != currency) {
        return Err(problem(
            ErrorCode::InvalidValue,
            &format!("plans[{i}].currency"),
            format!(
                "is {}, but plans[0] is in {currency}: compare plans in one currency",
                plans[i].currency()
            ),
        ));
    }
    let mut estimates = Vec::with_capacity(plans.len());
    for (i, plan) in plans.iter().enumerate() {
        let plan = plan
            .with_options(options)
            .map_err(|e| locate(e, options, &format!("plans[{i}]")))?;
        estimates.push(crate::assemble::estimate(&plan));
    }

    // The months axis: from the earliest first month to the latest last one.
    let first = estimates.iter().map(|e| e.start).min();
    let last = estimates.iter().map(|e| e.end.add_days(-1)).max();
    let months: Vec<String> = match (first, last) {
        (Some(first), Some(last)) => first.months_through(last).map(Date::month_key).collect(),
        _ => Vec::new(),
    };

    let plans = estimates
        .iter()
        .map(|e| Compared {
            start: e.start,
            end: e.end,
            totals: e.totals.clone(),
            first_year: first_year(e),
            up_front: e.up_front(),
            steady_monthly: steady_monthly(e),
            cumulative: cumulative(e, &months),
        })
        .collect();
    Ok(Comparison {
        currency,
        minor_units: currency.minor_units(),
        months,
        plans,
    })
}

fn problem(code: ErrorCode, path: &str, message: impl Into<String>) -> Error {
    Error::new(vec![Problem::new(code, path, message)])
}

fn first_year(e: &Estimate) -> Amount {
    patient_pays_through(&e.lines, e.start.add_months(12).add_days(-1))
}

/// The average of the last (up to) three months of `e.months` that lie
/// wholly inside `[start, end)`.
fn steady_monthly(e: &Estimate) -> Option<Amount> {
    let whole: Vec<Amount> = e
        .months
        .iter()
        .zip(e.start.months_through(e.end))
        .filter(|(_, first)| *first >= e.start && first.add_months(1) <= e.end)
        .map(|(month, _)| month.patient_pays)
        .collect();
    let last = &whole[whole.len().saturating_sub(3)..];
    if last.is_empty() {
        return None;
    }
    let sum: Amount = last.iter().copied().sum();
    Some(sum.div_round(last.len() as i64))
}

fn cumulative(e: &Estimate, months: &[String]) -> Vec<Amount> {
    let mut out = Vec::with_capacity(months.len());
    let mut so_far = Amount::ZERO;
    let mut own = e.months.iter().peekable();
    for key in months {
        if let Some(month) = own.next_if(|m| &m.month == key) {
            so_far = month.cumulative_patient_pays;
        }
        out.push(so_far);
    }
    out
}
