//! When a Good Faith Estimate is due: 45 CFR 149.610(b)(1)(vi), counted in
//! business days the safe way.
//!
//! The rule does not define a business day. A clinic closed on a weekday
//! would get later deadlines by counting only its open days, so each
//! deadline is worked out twice, counting the clinic's open days and
//! counting Monday to Friday less US federal holidays, and the earlier
//! wins (a deadline over none).
//!
//! The rule's three deadlines:
//!
//! - scheduled at least 10 business days before the first service: no
//!   later than 3 business days after the day of scheduling;
//! - scheduled at least 3 business days before: no later than 1 business
//!   day after the day of scheduling;
//! - asked for by the patient: no later than 3 business days after the day
//!   of the request, however far away the service is.
//!
//! A service scheduled fewer than 3 business days ahead has no deadline
//! under the rule.

use serde::Serialize;

use crate::calendar::{Date, Weekday};
use crate::clinic::ClinicSheet;
use crate::prelude::*;
use crate::text::cat;

/// Scheduled at least this many business days ahead: due 1 business day
/// after scheduling.
const NOTICE_DAYS: u32 = 3;
/// Scheduled at least this many business days ahead: due 3 business days
/// after scheduling.
const LONG_NOTICE_DAYS: u32 = 10;
/// Business days allowed after scheduling with [`NOTICE_DAYS`].
const DUE_AFTER_NOTICE: u32 = 1;
/// Business days allowed after scheduling with [`LONG_NOTICE_DAYS`], or
/// after a request.
const DUE_AFTER_LONG_NOTICE: u32 = 3;

/// Which deadline of 45 CFR 149.610(b)(1)(vi) applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
pub enum DueRule {
    /// Scheduled at least 3 business days ahead: due 1 business day after.
    #[serde(rename = "1-business-day")]
    OneBusinessDay,
    /// Scheduled at least 10 business days ahead: due 3 business days after.
    #[serde(rename = "3-business-days")]
    ThreeBusinessDays,
    /// Asked for by the patient: due 3 business days after the request.
    #[serde(rename = "requested")]
    Requested,
    /// Scheduled fewer than 3 business days ahead: the rule sets no deadline.
    #[serde(rename = "none")]
    NoDeadline,
}

/// When a Good Faith Estimate must reach the patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    /// The day the service was scheduled, or the patient asked.
    pub scheduled_on: Date,
    /// Whether the patient asked for the estimate.
    pub requested: bool,
    /// The day of the first service.
    pub first_service: Date,
    /// The business days after `scheduledOn`, up to and including the
    /// first service, counted up to 10 on the calendar that gave the
    /// earlier deadline.
    pub business_days_ahead: u32,
    /// The deadline that applies.
    pub rule: DueRule,
    /// The last day the estimate may be given; absent when the rule sets
    /// none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub due: Option<Date>,
    /// The rule in words, to print beside `due`: "3 business days after
    /// scheduling (scheduled at least 10 business days ahead)", or why
    /// there is no deadline.
    pub deadline: String,
}

/// The deadline of a Good Faith Estimate whose service was scheduled (or
/// asked for) on `scheduled_on` and first given on `first_service`, which is
/// not earlier: the earlier of the deadlines counted in the clinic's open
/// days and in weekdays less `federal` holidays.
pub(crate) fn delivery(
    sheet: &ClinicSheet,
    federal: &[Date],
    scheduled_on: Date,
    requested: bool,
    first_service: Date,
) -> Delivery {
    let clinic = |day: Date| sheet.is_open(day);
    let weekdays = |day: Date| {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !federal.contains(&day)
    };
    let a = counted(clinic, scheduled_on, requested, first_service);
    let b = counted(weekdays, scheduled_on, requested, first_service);
    let (ahead, rule, due) = match (a.2, b.2) {
        (Some(x), Some(y)) if y < x => b,
        (None, Some(_)) => b,
        _ => a,
    };
    Delivery {
        scheduled_on,
        requested,
        first_service,
        business_days_ahead: ahead,
        rule,
        due,
        deadline: deadline(rule, ahead),
    }
}

/// The business days ahead, the rule and the deadline, with business days
/// counted on the days `open` accepts.
fn counted(
    open: impl Fn(Date) -> bool,
    scheduled_on: Date,
    requested: bool,
    first_service: Date,
) -> (u32, DueRule, Option<Date>) {
    // Count business days after the day of scheduling, up to the first
    // service; past 10 the count no longer matters. With an open weekday and
    // at most 400 holidays this walks at most a few thousand days.
    let mut ahead = 0;
    let mut day = scheduled_on;
    while ahead < LONG_NOTICE_DAYS && day < first_service {
        day = day.add_days(1);
        if open(day) {
            ahead += 1;
        }
    }
    let (rule, after) = if requested {
        (DueRule::Requested, Some(DUE_AFTER_LONG_NOTICE))
    } else if ahead >= LONG_NOTICE_DAYS {
        (DueRule::ThreeBusinessDays, Some(DUE_AFTER_LONG_NOTICE))
    } else if ahead >= NOTICE_DAYS {
        (DueRule::OneBusinessDay, Some(DUE_AFTER_NOTICE))
    } else {
        (DueRule::NoDeadline, None)
    };
    let due = after.map(|n| business_days_after(&open, scheduled_on, n));
    (ahead, rule, due)
}

/// A rule in words; `ahead` is the business days counted before the
/// first service.
fn deadline(rule: DueRule, ahead: u32) -> String {
    let days = |n: u32| cat!("{} business day{}", n, if n == 1 { "" } else { "s" });
    match rule {
        DueRule::OneBusinessDay => cat!(
            "{} after scheduling (scheduled at least {} ahead)",
            days(DUE_AFTER_NOTICE),
            days(NOTICE_DAYS)
        ),
        DueRule::ThreeBusinessDays => cat!(
            "{} after scheduling (scheduled at least {} ahead)",
            days(DUE_AFTER_LONG_NOTICE),
            days(LONG_NOTICE_DAYS)
        ),
        DueRule::Requested => cat!(
            "{} after the patient asked for it",
            days(DUE_AFTER_LONG_NOTICE)
        ),
        DueRule::NoDeadline => cat!(
            "no deadline: scheduled {} ahead (fewer than {})",
            days(ahead),
            NOTICE_DAYS
        ),
    }
}

/// The `n`th business day after `day`.
fn business_days_after(open: impl Fn(Date) -> bool, mut day: Date, n: u32) -> Date {
    let mut left = n;
    while left > 0 {
        day = day.add_days(1);
        if open(day) {
            left -= 1;
        }
    }
    day
}
