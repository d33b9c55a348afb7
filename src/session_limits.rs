//! Coverage limits as they are counted (docs/insurance.md#coverage-limits):
//! each limit's sessions in its current period, which sessions a full
//! limit refuses, and whether the patient or the clinic bears them.

use crate::calendar::Date;
use crate::output::{Warning, WarningCode};
use crate::plan::{Beyond, Coverage, FeeWhen, LimitPer, Plan};
use crate::prelude::*;
use crate::programmes::Yearly;
use crate::text::cat;

/// What a coverage limit decides about a session.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Insurance covers it.
    Covered,
    /// Refused: the patient owes it.
    Refused,
    /// Refused by a `"clinic"` limit: written off.
    WrittenOff,
}

/// A coverage limit's count in its current period.
struct Limit {
    phases: Vec<usize>,
    sessions: u32,
    per: LimitPer,
    clinic: bool,
    period: Option<Date>,
    used: u32,
    warned: bool,
}

/// Every coverage limit's count, and the last refusal.
pub(crate) struct Limits {
    limits: Vec<Limit>,
    plan_year: Yearly,
    /// The date of the last session a limit refused, and how: its session
    /// fees are refused with it.
    refused_on: Option<(Date, Verdict)>,
}

impl Limits {
    pub(crate) fn new(terms: &Coverage, plan: &Plan) -> Limits {
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
                clinic: l.beyond == Beyond::Clinic,
                period: None,
                used: 0,
                warned: false,
            })
            .collect();
        Limits {
            limits,
            plan_year: Yearly::new(terms.plan_year_start),
            refused_on: None,
        }
    }

    /// What the limits decide about a fee line on `date`: a `"session"`
    /// fee shares the fate of a session refused that day.
    pub(crate) fn fee(&self, when: FeeWhen, date: Date) -> Verdict {
        match self.refused_on {
            Some((day, verdict)) if when == FeeWhen::Session && day == date => verdict,
            _ => Verdict::Covered,
        }
    }

    /// What the coverage limits decide about a session of `phase` on
    /// `date`; counts it when they cover it. A refusal warns once per full
    /// limit: `coverage_limit_reached`, and `written_off_beyond_limit` for
    /// a `"clinic"` limit (slots `2i` and `2i + 1`).
    pub(crate) fn session(
        &mut self,
        phase: usize,
        date: Date,
        warnings: &mut [Option<Warning>],
    ) -> Verdict {
        self.plan_year.enters_new_year(date);
        let year = self.plan_year.current.unwrap_or(date);
        let mut verdict = Verdict::Covered;
        for limit in self.limits.iter_mut().filter(|l| l.phases.contains(&phase)) {
            let period = match limit.per {
                LimitPer::PlanYear => Some(year),
                LimitPer::Course => None,
            };
            if limit.period != period {
                limit.period = period;
                limit.used = 0;
            }
            if limit.used >= limit.sessions {
                // "clinic" wins over "patient".
                if limit.clinic {
                    verdict = Verdict::WrittenOff;
                } else if verdict == Verdict::Covered {
                    verdict = Verdict::Refused;
                }
            }
        }
        for (i, limit) in self.limits.iter_mut().enumerate() {
            if !limit.phases.contains(&phase) {
                continue;
            }
            if verdict == Verdict::Covered {
                limit.used += 1;
            } else if limit.used >= limit.sessions && !limit.warned {
                limit.warned = true;
                if let Some(slot) = warnings.get_mut(2 * i) {
                    *slot = Some(limit_warning(i, limit, date));
                }
                if limit.clinic {
                    if let Some(slot) = warnings.get_mut(2 * i + 1) {
                        *slot = Some(Warning {
                            code: WarningCode::WrittenOffBeyondLimit,
                            path: cat!("coverage.limits[{}]", i),
                            message: "From this day the clinic writes off the sessions insurance no longer covers.".into(),
                            date: Some(date),
                            reason: None,
                        });
                    }
                }
            }
        }
        if verdict != Verdict::Covered {
            self.refused_on = Some((date, verdict));
        }
        verdict
    }
}

fn limit_warning(i: usize, limit: &Limit, date: Date) -> Warning {
    let period = match limit.per {
        LimitPer::PlanYear => "a plan year",
        LimitPer::Course => "the course",
    };
    Warning {
        code: WarningCode::CoverageLimitReached,
        path: cat!("coverage.limits[{}]", i),
        message: cat!(
            "Insurance covers at most {} sessions in {}; from {} the sessions are not covered.",
            limit.sessions,
            period,
            date
        ),
        date: Some(date),
        reason: None,
    }
}
