//! Answers built from several estimates: a preset's low–typical–high range
//! and a side-by-side comparison of treatments.
//!
//! Both only summarise estimates the engine has already made, so a page that
//! shows "$2,750 – $5,100, most likely $3,650" next to the itemised estimate
//! can never disagree with it.

use crate::prelude::*;
use crate::text::cat;
use serde::Serialize;

use crate::calendar::{Date, MonthDay};
use crate::catalogue::{Preset, PresetPlans};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::limits::MAX_COMPARED;
use crate::money::Amount;
use crate::output::{Estimate, Line, Totals, WarningCode};
use crate::plan::{Benefit, Plan, PlanOptions};

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

/// One plan of a [`Comparison`], with the figures a patient asks about:
/// the first month, a typical month after it, this plan year, the next 12
/// months, and when the out-of-pocket maximum is reached
/// (docs/estimate.md#what-compare-says-about-each-plan).
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
    /// the horizon when it is shorter): "the next 12 months".
    pub first_year: Amount,
    /// The first month of treatment: from the start to the same day a month
    /// later (or the end of the estimate, when that is sooner).
    pub first_month: Period,
    /// A typical month after the first: the months from the end of
    /// [`Compared::first_month`] up to the first change after it (or the end
    /// of the estimate); absent when the estimate is a month or shorter.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub typical_month: Option<Stretch>,
    /// The plan year that contains the start (1 January to 31 December
    /// without coverage); `patientPays` counts the part inside the estimate.
    pub plan_year: Period,
    /// The first day an out-of-pocket maximum is used up; absent when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub out_of_pocket_max_reached: Option<Date>,
    /// Every day what the patient pays changes course, in date order, each
    /// with what the patient pays from then to the next change.
    pub changes: Vec<Change>,
    /// The patient's cumulative cost at the end of each month of
    /// [`Comparison::months`]: 0 before the plan starts, its total after it ends.
    pub cumulative: Vec<Amount>,
}

/// Days `[start, end)` and what the patient pays on lines dated in them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The first day after it.
    pub end: Date,
    /// What the patient pays on lines dated in `[start, end)`.
    pub patient_pays: Amount,
}

/// Days `[start, end)` seen month by month: the whole months counted from
/// `start` (`start` to the same day a month later, and so on) that end by
/// `end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Stretch {
    /// The first day.
    pub start: Date,
    /// The first day after it.
    pub end: Date,
    /// What the patient pays on lines dated in `[start, end)`.
    pub patient_pays: Amount,
    /// How many whole months it holds.
    pub months: u32,
    /// A typical month: the median of the whole months (with an even number
    /// of them, the mean of the middle two, rounded half away from zero);
    /// absent when there is no whole month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub monthly: Option<Amount>,
    /// The cheapest whole month; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub low: Option<Amount>,
    /// The dearest whole month; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub high: Option<Amount>,
}

/// A day on which what the patient pays changes course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The day.
    pub date: Date,
    /// What happens.
    pub kind: ChangeKind,
    /// The warning's path for a limit or a programme (`coverage.limits[0]`,
    /// `assistance[0]`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub path: Option<String>,
    /// Whose maximum, for `outOfPocketMax`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub benefit: Option<Benefit>,
    /// From this day up to the next change (or the end of the estimate).
    pub after: Stretch,
}

/// What a [`Change`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// A new plan year begins: deductibles and maximums start again.
    PlanYear,
    /// An out-of-pocket maximum is used up, on the line that used it up.
    OutOfPocketMax,
    /// A coverage limit refuses its first session (the warning's date).
    CoverageLimit,
    /// A savings programme reaches its yearly maximum (the warning's date).
    AssistanceExhausted,
    /// The day after the last session of a course that ends inside the
    /// estimate.
    CourseEnds,
}

/// Estimates a preset's three plans with `options` applied. Problems with
/// an option have paths under `options`; the rest are the preset's
/// (`low.phases[0]…`).
pub fn range(preset: &Preset, options: &PlanOptions) -> Result<Range, Error> {
    range_of(preset.plans(), options)
}

/// [`range`] of a preset's three plans, `[low, plan, high]` (all they need:
/// the WebAssembly build reads no more of a preset).
pub(crate) fn range_of(plans: PresetPlans<'_>, options: &PlanOptions) -> Result<Range, Error> {
    let totals = |field: &str, plan: &Plan| {
        plan.with_options(options)
            .map(|plan| crate::assemble::estimate(&plan).totals)
            .map_err(|e| locate(e, options, field))
    };
    let [low, typical, high] = plans;
    Ok(Range {
        currency: typical.currency(),
        minor_units: typical.currency().minor_units(),
        low: totals("low", low)?,
        typical: totals("plan", typical)?,
        high: totals("high", high)?,
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
            cat!(
                "has {} entries; at most {} are allowed",
                plans.len(),
                MAX_COMPARED
            ),
        ));
    }
    let currency = first.currency();
    if let Some(i) = plans.iter().position(|p| p.currency() != currency) {
        return Err(problem(
            ErrorCode::InvalidValue,
            &cat!("plans[{}].currency", i),
            cat!(
                "is {}, but plans[0] is in {}: compare plans in one currency",
                plans[i].currency(),
                currency
            ),
        ));
    }
    let mut estimates = Vec::with_capacity(plans.len());
    for (i, plan) in plans.iter().enumerate() {
        let plan = plan
            .with_options(options)
            .map_err(|e| locate(e, options, &cat!("plans[{}]", i)))?;
        let (estimate, maximums) = crate::assemble::assess(&plan);
        estimates.push((plan, estimate, maximums));
    }

    // The months axis: from the earliest first month to the latest last one.
    let first = estimates.iter().map(|(_, e, _)| e.start).min();
    let last = estimates.iter().map(|(_, e, _)| e.end.add_days(-1)).max();
    let months: Vec<String> = match (first, last) {
        (Some(first), Some(last)) => first.months_through(last).map(Date::month_key).collect(),
        _ => Vec::new(),
    };

    let plans = estimates
        .iter()
        .map(|(plan, e, maximums)| compared(plan, e, maximums, &months))
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

/// What the patient pays on lines dated in `[from, to)`, from the running
/// sums of the lines (which are in date order).
struct Paid<'a> {
    lines: &'a [Line],
    sums: Vec<Amount>,
}

impl Paid<'_> {
    fn new(lines: &[Line]) -> Paid<'_> {
        let mut sums = Vec::with_capacity(lines.len() + 1);
        let mut sum = Amount::ZERO;
        sums.push(sum);
        for line in lines {
            sum += line.patient_pays;
            sums.push(sum);
        }
        Paid { lines, sums }
    }

    fn at(&self, day: Date) -> Amount {
        self.sums[self.lines.partition_point(|l| l.date < day)]
    }

    fn between(&self, from: Date, to: Date) -> Amount {
        self.at(to) - self.at(from)
    }

    fn period(&self, start: Date, end: Date) -> Period {
        Period {
            start,
            end,
            patient_pays: self.between(start, end),
        }
    }

    /// `[start, end)` month by month from `start`.
    fn stretch(&self, start: Date, end: Date) -> Stretch {
        let mut whole: Vec<Amount> = (0..)
            .map(|k| (start.add_months(k), start.add_months(k + 1)))
            .take_while(|(_, to)| *to <= end)
            .map(|(from, to)| self.between(from, to))
            .collect();
        insertion_sort(&mut whole, |a, b| a > b);
        let n = whole.len();
        let monthly = (n > 0).then(|| (whole[(n - 1) / 2] + whole[n / 2]).div_round(2));
        Stretch {
            start,
            end,
            patient_pays: self.between(start, end),
            months: n as u32,
            monthly,
            low: whole.first().copied(),
            high: whole.last().copied(),
        }
    }
}

fn compared(
    plan: &Plan,
    e: &Estimate,
    maximums: &[(Date, Benefit)],
    months: &[String],
) -> Compared {
    let paid = Paid::new(&e.lines);
    let year = plan
        .coverage()
        .map_or(MonthDay::JANUARY_FIRST, |c| c.plan_year_start);
    let year_start = year.year_containing(e.start);

    // The days on which what the patient pays changes course: (the day its
    // stretch starts, the change). After an out-of-pocket maximum that is
    // the next day, since the line that used it up was still paid in part.
    type Day = (Date, Date, ChangeKind, Option<String>, Option<Benefit>);
    let mut days: Vec<Day> = Vec::new();
    let mut add = |from: Date, date, kind, path, benefit| {
        if from < e.end {
            days.push((from, date, kind, path, benefit));
        }
    };
    for y in e.plan_years.iter().flatten().skip(1) {
        add(y.start, y.start, ChangeKind::PlanYear, None, None);
    }
    for &(date, benefit) in maximums {
        add(
            date.add_days(1),
            date,
            ChangeKind::OutOfPocketMax,
            None,
            Some(benefit),
        );
    }
    for w in &e.warnings {
        let kind = match w.code {
            WarningCode::CoverageLimitReached => ChangeKind::CoverageLimit,
            WarningCode::AssistanceExhausted => ChangeKind::AssistanceExhausted,
            _ => continue,
        };
        if let Some(date) = w.date {
            add(date, date, kind, Some(w.path.clone()), None);
        }
    }
    // A course of set length that ran to its end inside the estimate.
    let complete = !plan.phases().last().is_some_and(|p| p.is_open_ended())
        && !e.warnings.iter().any(|w| {
            matches!(
                w.code,
                WarningCode::TruncatedByHorizon | WarningCode::PhaseNotReached
            )
        });
    if let (true, Some(last)) = (complete, e.sessions.last()) {
        let day = last.date.add_days(1);
        add(day, day, ChangeKind::CourseEnds, None, None);
    }
    insertion_sort(&mut days, |a, b| a.0 > b.0);
    let next = |day: Date| days.iter().map(|d| d.0).find(|d| *d > day).unwrap_or(e.end);
    let changes = days
        .iter()
        .map(|(from, date, kind, path, benefit)| Change {
            date: *date,
            kind: *kind,
            path: path.clone(),
            benefit: *benefit,
            after: paid.stretch(*from, next(*from)),
        })
        .collect();

    let first_end = e.start.add_months(1).min(e.end);
    Compared {
        start: e.start,
        end: e.end,
        totals: e.totals.clone(),
        first_year: paid.at(e.start.add_months(12)),
        first_month: paid.period(e.start, first_end),
        typical_month: (first_end < e.end).then(|| paid.stretch(first_end, next(first_end))),
        plan_year: paid.period(year_start, year_start.add_months(12)),
        out_of_pocket_max_reached: maximums.first().map(|m| m.0),
        changes,
        cumulative: cumulative(e, months),
    }
}

/// Sorts a short list (a few dozen months or changes), keeping equal items
/// in order. (The standard library's sorts would add kilobytes to the
/// wasm.)
fn insertion_sort<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
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
