//! The readers of a plan and of the options that change one.

use crate::calendar::Date;
use crate::error::{Bound, Error, ErrorCode};
use crate::limits::*;
use crate::money::Amount;
use crate::money::Percent;
use crate::path::{index, join};
use crate::plan::{
    Benefit, Clinic, Discount, Every, Fee, FeeWhen, FinanceOf, Financing, Gap, Horizon, LineKind,
    Package, Phase, Plan, PlanOptions,
};
use crate::prelude::*;
use crate::source::Source;
use crate::text::cat;

use super::{Decoder, Obj, rules};

/// The fields of a price sheet's phase: a plan's, then who bills it.
const SHEET_PHASE_KEYS: &[&str] = &[
    "name",
    "every",
    "sessions",
    "weeks",
    "startAfter",
    "price",
    "code",
    "covered",
    "benefit",
    "allowed",
    "provider",
    "location",
];
/// The fields of a plan's phase.
const PHASE_KEYS: &[&str] = SHEET_PHASE_KEYS.split_at(SHEET_PHASE_KEYS.len() - 2).0;
/// The fields of a price sheet's fee: a plan's, then who bills it and where.
const SHEET_FEE_KEYS: &[&str] = &[
    "name", "amount", "when", "phase", "code", "covered", "benefit", "allowed", "provider",
    "location",
];
/// The fields of a plan's fee.
const FEE_KEYS: &[&str] = SHEET_FEE_KEYS.split_at(SHEET_FEE_KEYS.len() - 2).0;

/// The fields of a plan.
const PLAN_KEYS: &[&str] = &[
    "currency",
    "start",
    "horizon",
    "clinic",
    "phases",
    "fees",
    "packages",
    "discounts",
    "coverage",
    "assistance",
    "financing",
];
/// The fields of a package.
const PACKAGE_KEYS: &[&str] = &["name", "phase", "sessions", "price", "code"];
/// The fields of a price sheet's discount: a plan's, then its condition.
const SHEET_DISCOUNT_KEYS: &[&str] = &["name", "percent", "appliesTo", "condition"];
/// The fields of a discount.
const DISCOUNT_KEYS: &[&str] = SHEET_DISCOUNT_KEYS
    .split_at(SHEET_DISCOUNT_KEYS.len() - 1)
    .0;

/// [`PLAN_KEYS`], [`PHASE_KEYS`], [`FEE_KEYS`], [`PACKAGE_KEYS`] and
/// [`DISCOUNT_KEYS`] as the JSON the `planFields` export answers, written
/// out (building it at run time would cost the visitor's wasm some 300 B
/// gzip); `plan_fields_are_the_readers_lists` holds it equal to them.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) const PLAN_FIELDS: &str = concat!(
    r#"{"plan":["currency","start","horizon","clinic","phases","fees","packages","discounts","coverage","assistance","financing"],"#,
    r#""phases":["name","every","sessions","weeks","startAfter","price","code","covered","benefit","allowed"],"#,
    r#""fees":["name","amount","when","phase","code","covered","benefit","allowed"],"#,
    r#""packages":["name","phase","sessions","price","code"],"#,
    r#""discounts":["name","percent","appliesTo"]}"#
);

/// What a course is and what it charges: the part of a plan that a clinic's
/// price sheet lists per treatment.
pub(crate) struct Course {
    pub(crate) phases: Vec<Phase>,
    pub(crate) fees: Vec<Fee>,
    pub(crate) packages: Vec<Package>,
    pub(crate) discounts: Vec<Discount>,
}

impl Decoder {
    pub(super) fn plan<S: Source>(&mut self, input: S) -> Option<Plan> {
        let obj = self.object(input, "", PLAN_KEYS)?;
        let currency = self.opt_with(&obj, "currency", Decoder::currency);
        let start = self.req_with(&obj, "start", Decoder::date);
        let horizon = self.opt_with(&obj, "horizon", Decoder::horizon);
        let clinic = self.opt_with(&obj, "clinic", Decoder::clinic);
        let course = self.course(&obj);
        let coverage = self.opt_with(&obj, "coverage", Decoder::coverage);
        let assistance = self.opt_with(&obj, "assistance", |d, v, p| {
            d.list(v, p, MAX_ASSISTANCE, Decoder::assistance)
        });
        let financing = self.opt_with(&obj, "financing", Decoder::financing);
        let course = course?;
        Some(Plan {
            currency: currency.ok()?.unwrap_or_default(),
            start: start?,
            horizon: horizon.ok()?.unwrap_or_default(),
            clinic: clinic.ok()?.unwrap_or_default(),
            phases: course.phases,
            fees: course.fees,
            packages: course.packages,
            discounts: course.discounts,
            coverage: coverage.ok()?,
            assistance: assistance.ok()?.unwrap_or_default(),
            financing: financing.ok()?,
        })
    }

    /// The fields that say what a course is and what it charges — `phases`,
    /// `fees`, `packages`, `discounts` — shared by plans and the treatments
    /// of a clinic's price sheet.
    pub(crate) fn course<S: Source>(&mut self, obj: &Obj<S>) -> Option<Course> {
        let phases = self.req_with(obj, "phases", |d, v, p| {
            let phases = d.list(v, p, MAX_PHASES, Decoder::phase)?;
            if phases.is_empty() {
                d.out_of_range(p, Bound::Min(1), "needs at least one phase", &[]);
                return None;
            }
            Some(phases)
        });
        let fees = self.opt_with(obj, "fees", |d, v, p| d.list(v, p, MAX_FEES, Decoder::fee));
        let packages = self.opt_with(obj, "packages", |d, v, p| {
            d.list(v, p, MAX_PACKAGES, Decoder::package)
        });
        let discounts = self.opt_with(obj, "discounts", |d, v, p| {
            d.list(v, p, MAX_DISCOUNTS, Decoder::discount)
        });
        Some(Course {
            phases: phases?,
            fees: fees.ok()?.unwrap_or_default(),
            packages: packages.ok()?.unwrap_or_default(),
            discounts: discounts.ok()?.unwrap_or_default(),
        })
    }

    pub(crate) fn horizon<S: Source>(&mut self, value: S, path: &str) -> Option<Horizon> {
        let (which, v) = self.one_of(value, path, &["months", "weeks", "until"])?;
        let p = join(path, ["months", "weeks", "until"][which]);
        match which {
            0 => self
                .count(v, &p, 1, MAX_HORIZON_MONTHS)
                .map(Horizon::Months),
            1 => self.count(v, &p, 1, MAX_HORIZON_WEEKS).map(Horizon::Weeks),
            _ => self.date(v, &p).map(Horizon::Until),
        }
    }

    fn clinic<S: Source>(&mut self, value: S, path: &str) -> Option<Clinic> {
        let obj = self.object(value, path, &["closedWeekdays", "closedDates"])?;
        let closed_weekdays =
            self.opt_with(&obj, "closedWeekdays", |d, v, p| d.weekdays(v, p, true));
        let closed_dates = self.opt_with(&obj, "closedDates", Decoder::closed_dates);
        Some(Clinic {
            closed_weekdays: closed_weekdays.ok()?.unwrap_or_default(),
            closed_dates: closed_dates.ok()?.unwrap_or_default(),
        })
    }

    /// Closed days such as holidays: at most 400 dates.
    pub(crate) fn closed_dates<S: Source>(&mut self, value: S, path: &str) -> Option<Vec<Date>> {
        self.list(value, path, MAX_CLOSED_DATES, Decoder::date)
    }

    fn every<S: Source>(&mut self, value: S, path: &str) -> Option<Every> {
        const KEYS: [&str; 4] = ["days", "weeks", "months", "weekdays"];
        let (which, v) = self.one_of(value, path, &KEYS)?;
        let p = join(path, KEYS[which]);
        match which {
            0 => self.count(v, &p, 1, MAX_INTERVAL_DAYS).map(Every::Days),
            1 => self.count(v, &p, 1, MAX_INTERVAL_WEEKS).map(Every::Weeks),
            2 => self.count(v, &p, 1, MAX_INTERVAL_MONTHS).map(Every::Months),
            _ => self.weekdays(v, &p, false).map(Every::Weekdays),
        }
    }

    fn gap<S: Source>(&mut self, value: S, path: &str) -> Option<Gap> {
        const KEYS: [&str; 3] = ["days", "weeks", "months"];
        let (which, v) = self.one_of(value, path, &KEYS)?;
        let p = join(path, KEYS[which]);
        match which {
            0 => self.count(v, &p, 1, MAX_INTERVAL_DAYS).map(Gap::Days),
            1 => self.count(v, &p, 1, MAX_INTERVAL_WEEKS).map(Gap::Weeks),
            _ => self.count(v, &p, 1, MAX_INTERVAL_MONTHS).map(Gap::Months),
        }
    }

    fn phase<S: Source>(&mut self, value: S, path: &str) -> Option<Phase> {
        #[cfg(sheets)]
        let known = if self.billers.is_some() {
            SHEET_PHASE_KEYS
        } else {
            PHASE_KEYS
        };
        #[cfg(not(sheets))]
        let known = PHASE_KEYS;
        let obj = self.object(value, path, known)?;
        #[cfg(sheets)]
        if self.billers.is_some() {
            let provider = self.opt_with(&obj, "provider", Decoder::name);
            let location = self.opt_with(&obj, "location", Decoder::name);
            if let Some(billers) = &mut self.billers {
                billers
                    .phases
                    .push((provider.ok().flatten(), location.ok().flatten()));
            }
        }
        let name = self.req_with(&obj, "name", Decoder::name);
        let every = self.req_with(&obj, "every", Decoder::every);
        let sessions = self.opt_with(&obj, "sessions", |d, v, p| d.count(v, p, 1, MAX_SESSIONS));
        let weeks = self.opt_with(&obj, "weeks", |d, v, p| d.count(v, p, 1, MAX_PHASE_WEEKS));
        let start_after = self.opt_with(&obj, "startAfter", Decoder::gap);
        let price = self.req_with(&obj, "price", Decoder::amount);
        let code = self.opt_with(&obj, "code", Decoder::code);
        let covered = self.opt_with(&obj, "covered", Decoder::boolean);
        let benefit = self.opt_with(&obj, "benefit", Decoder::benefit);
        let allowed = self.opt_with(&obj, "allowed", Decoder::amount);
        let allowed = self.allowed(allowed, price, path, "price");
        if let (Ok(Some(_)), Ok(Some(_))) = (&sessions, &weeks) {
            self.report(
                ErrorCode::ConflictingFields,
                &join(path, "weeks"),
                "give either \"sessions\" or \"weeks\" for a phase's length, not both",
            );
            return None;
        }
        Some(Phase {
            name: name?,
            every: every?,
            sessions: sessions.ok()?,
            weeks: weeks.ok()?,
            start_after: start_after.ok()?,
            price: price?,
            code: code.ok()?,
            covered: covered.ok()?.unwrap_or(true),
            benefit: benefit.ok()?.unwrap_or_default(),
            allowed: allowed?,
        })
    }

    fn benefit<S: Source>(&mut self, value: S, path: &str) -> Option<Benefit> {
        self.keyword(value, path, &Benefit::NAMES)
            .map(|i| [Benefit::Medical, Benefit::Pharmacy][i])
    }

    /// An allowed amount, which may not exceed the price it is allowed of
    /// (`out_of_range` at the `allowed` path). `None` when it or the price
    /// failed to decode.
    fn allowed(
        &mut self,
        allowed: Result<Option<Amount>, ()>,
        price: Option<Amount>,
        path: &str,
        of: &str,
    ) -> Option<Option<Amount>> {
        let (allowed, price) = (allowed.ok()?, price?);
        if let Some(a) = allowed.filter(|a| *a > price) {
            self.out_of_range(
                &join(path, "allowed"),
                Bound::Max(price.minor()),
                "is more than the {} ({} > {}): an insurer allows at most what is charged",
                &[&of, &a, &price],
            );
            return None;
        }
        Some(allowed)
    }

    pub(crate) fn fee<S: Source>(&mut self, value: S, path: &str) -> Option<Fee> {
        #[cfg(sheets)]
        let known = if self.billers.is_some() {
            SHEET_FEE_KEYS
        } else {
            FEE_KEYS
        };
        #[cfg(not(sheets))]
        let known = FEE_KEYS;
        let obj = self.object(value, path, known)?;
        #[cfg(sheets)]
        if self.billers.is_some() {
            let provider = self.opt_with(&obj, "provider", Decoder::name);
            let location = self.opt_with(&obj, "location", Decoder::name);
            if let Some(billers) = &mut self.billers {
                billers
                    .fees
                    .push((provider.ok().flatten(), location.ok().flatten()));
            }
        }
        let name = self.req_with(&obj, "name", Decoder::name);
        let amount = self.req_with(&obj, "amount", Decoder::amount);
        let when = self.req_with(&obj, "when", |d, v, p| {
            d.keyword(v, p, &["once", "session", "month"])
        });
        let phase = self.opt_with(&obj, "phase", Decoder::name);
        let code = self.opt_with(&obj, "code", Decoder::code);
        let covered = self.opt_with(&obj, "covered", Decoder::boolean);
        let benefit = self.opt_with(&obj, "benefit", Decoder::benefit);
        let allowed = self.opt_with(&obj, "allowed", Decoder::amount);
        let allowed = self.allowed(allowed, amount, path, "amount");
        Some(Fee {
            name: name?,
            amount: amount?,
            when: [FeeWhen::Once, FeeWhen::Session, FeeWhen::Month][when?],
            phase: phase.ok()?,
            code: code.ok()?,
            covered: covered.ok()?.unwrap_or(true),
            benefit: benefit.ok()?.unwrap_or_default(),
            allowed: allowed?,
        })
    }

    fn package<S: Source>(&mut self, value: S, path: &str) -> Option<Package> {
        let obj = self.object(value, path, PACKAGE_KEYS)?;
        let name = self.req_with(&obj, "name", Decoder::name);
        let phase = self.req_with(&obj, "phase", Decoder::name);
        let sessions = self.req_with(&obj, "sessions", |d, v, p| d.count(v, p, 1, MAX_SESSIONS));
        let price = self.req_with(&obj, "price", Decoder::amount);
        let code = self.opt_with(&obj, "code", Decoder::code);
        Some(Package {
            name: name?,
            phase: phase?,
            sessions: sessions?,
            price: price?,
            code: code.ok()?,
        })
    }

    fn discount<S: Source>(&mut self, value: S, path: &str) -> Option<Discount> {
        #[cfg(sheets)]
        let known = if self.billers.is_some() {
            SHEET_DISCOUNT_KEYS
        } else {
            DISCOUNT_KEYS
        };
        #[cfg(not(sheets))]
        let known = DISCOUNT_KEYS;
        let obj = self.object(value, path, known)?;
        #[cfg(sheets)]
        if self.billers.is_some() {
            let condition = self.opt_with(&obj, "condition", Decoder::name);
            if let Some(billers) = &mut self.billers {
                billers.conditions.push(condition.ok().flatten());
            }
        }
        let name = self.req_with(&obj, "name", Decoder::name);
        let percent = self.req_with(&obj, "percent", |d, v, p| {
            let pct = d.percent(v, p)?;
            if pct == Percent::ZERO {
                d.report(ErrorCode::OutOfRange, p, "a discount must be more than 0%");
                return None;
            }
            Some(pct)
        });
        let applies_to = self.opt_with(&obj, "appliesTo", |d, v, p| {
            let kinds = d.list(v, p, MAX_APPLIES_TO_ENTRIES, |d, v, p| {
                d.keyword(v, p, &LineKind::ALL.map(LineKind::name))
                    .map(|i| LineKind::ALL[i])
            })?;
            if kinds.is_empty() {
                d.report(
                    ErrorCode::OutOfRange,
                    p,
                    "must name at least one of \"session\", \"package\", \"fee\"",
                );
                return None;
            }
            let mut ok = true;
            for (i, kind) in kinds.iter().enumerate() {
                if kinds[..i].contains(kind) {
                    d.report(
                        ErrorCode::InvalidValue,
                        &index(p, i),
                        cat!("\"{}\" is listed twice", kind.name()),
                    );
                    ok = false;
                }
            }
            ok.then_some(kinds)
        });
        Some(Discount {
            name: name?,
            percent: percent?,
            applies_to: applies_to.ok()?.unwrap_or_else(|| LineKind::ALL.to_vec()),
        })
    }

    fn financing<S: Source>(&mut self, value: S, path: &str) -> Option<Financing> {
        let obj = self.object(value, path, &["months", "apr", "downPayment", "of"])?;
        let months = self.req_with(&obj, "months", |d, v, p| {
            d.count(v, p, 1, MAX_FINANCING_MONTHS)
        });
        let apr = self.req_with(&obj, "apr", Decoder::percent);
        let down_payment = self.opt_with(&obj, "downPayment", Decoder::amount);
        let of = self.opt_with(&obj, "of", |d, v, p| {
            d.keyword(v, p, &["total", "first-phase"])
        });
        Some(Financing {
            months: months?,
            apr: apr?,
            down_payment: down_payment.ok()?.unwrap_or_default(),
            of: match of.ok()? {
                Some(1) => FinanceOf::FirstPhase,
                _ => FinanceOf::Total,
            },
        })
    }
}

/// Validates and decodes [`PlanOptions`] from JSON-shaped input (problems
/// are reported under `options`); absent input means no changes.
pub fn options<S: Source>(input: Option<S>) -> Result<PlanOptions, Error> {
    let Some(input) = input else {
        return Ok(PlanOptions::default());
    };
    let mut d = Decoder::default();
    let options = d.plan_options(input, "options");
    d.finish(options)
}

/// Validates and decodes the input of a comparison: a list of plans and
/// optional [`PlanOptions`], with problems reported under `plans[i]` and
/// `options`.
pub fn comparison<S: Source>(
    plans: S,
    options: Option<S>,
) -> Result<(Vec<Plan>, PlanOptions), Error> {
    let mut d = Decoder::default();
    let plans = d.list(plans, "plans", MAX_COMPARED, Decoder::nested_plan);
    let options = match options {
        None => Some(PlanOptions::default()),
        Some(options) => d.plan_options(options, "options"),
    };
    let decoded = plans.zip(options);
    d.finish(decoded)
}

impl Decoder {
    fn plan_options<S: Source>(&mut self, input: S, path: &str) -> Option<PlanOptions> {
        let obj = self.object(input, path, &["coverage", "assistance", "horizon"])?;
        let coverage = self.opt_with(&obj, "coverage", Decoder::coverage);
        let assistance = self.opt_with(&obj, "assistance", |d, v, p| {
            d.list(v, p, MAX_ASSISTANCE, Decoder::assistance)
        });
        let horizon = self.opt_with(&obj, "horizon", Decoder::horizon);
        Some(PlanOptions {
            coverage: coverage.ok()?,
            assistance: assistance.ok()?,
            horizon: horizon.ok()?,
        })
    }
}

/// The typed edits of a valid plan. They live with the decoder because each
/// one re-runs the decoder's rules that span fields (a horizon's last day
/// against the start, a programme's phases against the plan's), so an edited
/// plan is as valid as a decoded one; the values they put in were decoded.
impl Plan {
    /// The same plan beginning on `start`.
    ///
    /// Fails when a rule relating the plan's other dates to its start breaks
    /// (a `horizon.until` before the new start or too far after it).
    pub fn starting_on(&self, start: Date) -> Result<Plan, Error> {
        let mut plan = self.clone();
        plan.start = start;
        rules::checked(plan)
    }

    /// The same plan with the visitor's insurance, savings programmes or
    /// horizon put on it (each absent option keeps the plan's own).
    ///
    /// Fails when an option does not fit the plan, for example a programme
    /// naming a phase the plan does not have.
    pub fn with_options(&self, options: &PlanOptions) -> Result<Plan, Error> {
        let mut plan = self.clone();
        if let Some(coverage) = &options.coverage {
            plan.coverage = Some(coverage.clone());
        }
        if let Some(assistance) = &options.assistance {
            plan.assistance = assistance.clone();
        }
        if let Some(horizon) = options.horizon {
            plan.horizon = horizon;
        }
        rules::checked(plan)
    }
}

#[cfg(feature = "std")]
impl<'de> serde::Deserialize<'de> for Plan {
    /// Deserializes through the contract's decoder, so `serde_json::from_str`
    /// gets the same checks and messages as [`crate::parse_plan`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Plan, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        super::plan(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `planFields` answers the reader's own lists: its written-out JSON
    /// holds exactly the names in each, in order, and nothing else.
    #[test]
    fn plan_fields_are_the_readers_lists() {
        let parsed: serde_json::Value = serde_json::from_str(PLAN_FIELDS).expect("JSON");
        let lists = [
            ("plan", PLAN_KEYS),
            ("phases", PHASE_KEYS),
            ("fees", FEE_KEYS),
            ("packages", PACKAGE_KEYS),
            ("discounts", DISCOUNT_KEYS),
        ];
        let expected: serde_json::Map<String, serde_json::Value> = lists
            .iter()
            .map(|(name, keys)| ((*name).into(), serde_json::json!(keys)))
            .collect();
        assert_eq!(parsed, serde_json::Value::Object(expected));
        // A phase's fields are a sheet phase's without who bills it.
        assert_eq!(PHASE_KEYS.len(), 10);
        assert_eq!(SHEET_PHASE_KEYS[10], "provider");
    }
}
