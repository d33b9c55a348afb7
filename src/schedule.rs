//! When each session happens (docs/schedule.md).
//!
//! Each phase yields *nominal* dates from its recurrence; each nominal date
//! becomes an *actual* date: the first open day on or after it and strictly
//! after the previous session. Moves never shift later nominal dates, so a
//! weekly Thursday session pushed to Friday by a holiday is back on Thursday
//! the week after. Every loop here is bounded: each step either books a
//! session before the horizon's end (at most 3,653 of them) or stops, and an
//! open day is always within 7 + 400 days because not every weekday is closed.

use crate::calendar::Date;
use crate::plan::{Every, Gap, Plan};
use crate::prelude::*;

/// A booked session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The actual date.
    pub date: Date,
    /// The nominal date the recurrence asked for.
    pub scheduled: Date,
    /// Index of its phase.
    pub phase: usize,
}

/// How a phase fared against the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// All its sessions fit (or it is open-ended).
    Complete,
    /// It started but lost sessions to the horizon.
    Truncated,
    /// It got no session.
    NotReached,
}

/// The dated course.
#[derive(Clone, Debug)]
pub(crate) struct Schedule {
    /// The first day after the estimate.
    pub end: Date,
    /// Every session in date order.
    pub slots: Vec<Slot>,
    /// For each phase, the range of its sessions in `slots`.
    pub phase_ranges: Vec<core::ops::Range<usize>>,
    /// For each phase, how it fared.
    pub outcomes: Vec<Outcome>,
}

/// The clinic's closed days inside the horizon, as one flag per day, so
/// "is this day open?" is an index rather than a search.
struct Closures {
    weekdays: u8,
    start: Date,
    closed: Vec<bool>,
}

impl Closures {
    fn new(plan: &Plan, end: Date) -> Closures {
        let weekdays = plan
            .clinic
            .closed_weekdays
            .iter()
            .fold(0, |acc, w| acc | w.bit());
        let days = (end.days_since_epoch() - plan.start.days_since_epoch()).max(0) as usize;
        let mut closed = vec![false; days];
        for date in &plan.clinic.closed_dates {
            if let Some(flag) = Self::offset(plan.start, *date).and_then(|i| closed.get_mut(i)) {
                *flag = true;
            }
        }
        Closures {
            weekdays,
            start: plan.start,
            closed,
        }
    }

    fn offset(start: Date, day: Date) -> Option<usize> {
        usize::try_from(day.days_since_epoch() - start.days_since_epoch()).ok()
    }

    fn is_open(&self, day: Date) -> bool {
        let closed_date = Self::offset(self.start, day)
            .and_then(|i| self.closed.get(i))
            .copied()
            .unwrap_or(false);
        self.weekdays & day.weekday().bit() == 0 && !closed_date
    }

    /// The first open day on or after `day`, or `None` if there is none
    /// before `end`.
    fn next_open(&self, mut day: Date, end: Date) -> Option<Date> {
        while day < end {
            if self.is_open(day) {
                return Some(day);
            }
            day = day.add_days(1);
        }
        None
    }
}

/// The nominal dates of one phase, from its first nominal date on.
struct Nominal<'a> {
    every: &'a Every,
    first: Date,
    k: u32,
    cursor: Date,
}

impl Nominal<'_> {
    fn next_date(&mut self) -> Date {
        let k = self.k;
        self.k += 1;
        match self.every {
            Every::Days(n) => self.first.add_days((k * n) as i32),
            Every::Weeks(n) => self.first.add_days((k * n * 7) as i32),
            Every::Months(n) => self.first.add_months(k * n),
            Every::Weekdays(days) => {
                let mask = days.iter().fold(0u8, |acc, w| acc | w.bit());
                // A non-empty weekday set matches within 7 days.
                let mut day = self.cursor;
                for _ in 0..7 {
                    if mask & day.weekday().bit() != 0 {
                        break;
                    }
                    day = day.add_days(1);
                }
                self.cursor = day.add_days(1);
                day
            }
        }
    }
}

fn after_gap(last: Date, gap: Gap) -> Date {
    match gap {
        Gap::Days(n) => last.add_days(n as i32),
        Gap::Weeks(n) => last.add_days(7 * n as i32),
        Gap::Months(n) => last.add_months(n),
    }
}

fn one_interval(last: Date, every: &Every) -> Date {
    match every {
        Every::Days(n) => after_gap(last, Gap::Days(*n)),
        Every::Weeks(n) => after_gap(last, Gap::Weeks(*n)),
        Every::Months(n) => after_gap(last, Gap::Months(*n)),
        Every::Weekdays(_) => last.add_days(1),
    }
}

/// Books every session of a plan.
pub(crate) fn schedule(plan: &Plan) -> Schedule {
    let end = plan.horizon.end(plan.start);
    let closures = Closures::new(plan, end);
    let mut slots: Vec<Slot> = Vec::new();
    let mut phase_ranges = Vec::with_capacity(plan.phases.len());
    let mut outcomes = Vec::with_capacity(plan.phases.len());
    let mut course_over = false;

    for (index, phase) in plan.phases.iter().enumerate() {
        let begin = slots.len();
        if course_over {
            phase_ranges.push(begin..begin);
            outcomes.push(Outcome::NotReached);
            continue;
        }
        let first = match slots.last() {
            None => plan.start,
            Some(prev) => match phase.start_after {
                Some(gap) => after_gap(prev.date, gap),
                None => one_interval(prev.date, &phase.every),
            },
        };
        let mut nominal = Nominal {
            every: &phase.every,
            first,
            k: 0,
            cursor: first,
        };
        let mut limit: Option<Date> = None;
        let mut kept = 0u32;
        let mut truncated = false;
        loop {
            if phase.sessions.is_some_and(|n| kept >= n) {
                break;
            }
            let scheduled = nominal.next_date();
            if let Some(weeks) = phase.weeks {
                let limit = *limit.get_or_insert_with(|| scheduled.add_days(7 * weeks as i32));
                if scheduled >= limit {
                    break;
                }
            }
            let earliest = match slots.last() {
                Some(prev) if prev.date >= scheduled => prev.date.add_days(1),
                _ => scheduled,
            };
            match closures.next_open(earliest, end) {
                Some(date) => slots.push(Slot {
                    date,
                    scheduled,
                    phase: index,
                }),
                None => {
                    truncated = !phase.is_open_ended();
                    break;
                }
            }
            kept += 1;
        }
        let outcome = match (slots.len() == begin, truncated) {
            (true, _) => Outcome::NotReached,
            (false, true) => Outcome::Truncated,
            (false, false) => Outcome::Complete,
        };
        course_over = slots.len() == begin || truncated;
        phase_ranges.push(begin..slots.len());
        outcomes.push(outcome);
    }
    Schedule {
        end,
        slots,
        phase_ranges,
        outcomes,
    }
}
