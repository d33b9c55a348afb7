//! Turning untrusted JSON-shaped input into a valid [`Plan`], or every
//! problem with it (SPEC §1, §2, §9).
//!
//! Decoding goes in two passes. The first walks the input along the
//! contract's shape, checking types, bounds and unknown fields everywhere and
//! collecting every problem. Only when the shape is sound does the second pass
//! check what spans several fields (unique names, references, unreachable
//! phases, discount totals), since those rules need the whole plan to mean
//! anything. Lists are length-checked before their elements are read, so a
//! huge input is refused before any work is done on it.

use crate::calendar::{Date, MonthDay, Weekday};
use crate::currency::Currency;
use crate::error::{ErrorCode, PlanError, Problem, nearest};
use crate::money::{Amount, Percent, PercentError};
use crate::plan::{
    Assistance, Clinic, Coverage, Discount, Every, Fee, FeeWhen, FinanceOf, Financing, Gap,
    Horizon, LineKind, Package, Phase, Plan,
};
use crate::prelude::*;
use crate::source::{Kind, Number, Source};

/// Most phases in a plan.
pub const MAX_PHASES: usize = 20;
/// Most fees, and most packages.
pub const MAX_FEES: usize = 50;
/// Most packages.
pub const MAX_PACKAGES: usize = 50;
/// Most discounts.
pub const MAX_DISCOUNTS: usize = 10;
/// Most assistance programmes.
pub const MAX_ASSISTANCE: usize = 5;
/// Most closed dates.
pub const MAX_CLOSED_DATES: usize = 400;
/// Longest name, in Unicode code points.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest billing code, in characters.
pub const MAX_CODE_CHARS: usize = 20;
/// The fields of a phase.
pub(crate) const PHASE_FIELDS: &[&str] = &[
    "name",
    "every",
    "sessions",
    "weeks",
    "startAfter",
    "price",
    "code",
    "covered",
];
/// Most problems reported for one input.
pub const MAX_PROBLEMS: usize = 100;
/// Longest horizon, in months.
pub const MAX_HORIZON_MONTHS: u32 = 120;

/// Validates and decodes a plan from any [`Source`].
pub fn plan<S: Source>(input: S) -> Result<Plan, PlanError> {
    let mut d = Decoder::default();
    let plan = d.plan(input);
    match (plan, d.problems.is_empty()) {
        (Some(plan), true) => {
            check_plan(&plan, &mut d);
            if d.problems.is_empty() {
                Ok(plan)
            } else {
                Err(PlanError::new(d.problems))
            }
        }
        _ => Err(PlanError::new(d.problems)),
    }
}

/// Runs the rules that span several fields on a plan whose values are each
/// valid: used after a caller changes a decoded plan (a preset moved to
/// another start, insurance put on a catalogue plan), where re-decoding the
/// whole plan would repeat work already done.
pub(crate) fn check(plan: &Plan) -> Result<(), PlanError> {
    let mut d = Decoder::default();
    check_plan(plan, &mut d);
    if d.problems.is_empty() {
        Ok(())
    } else {
        Err(PlanError::new(d.problems))
    }
}

/// A problem path inside a larger input: `phases[0]` under `low` is
/// `low.phases[0]`, under `plans[2]` it is `plans[2].phases[0]`.
pub(crate) fn nest(prefix: &str, path: &str) -> String {
    if path.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() || path.starts_with('[') {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    }
}

/// What a course is and what it charges: the part of a plan that a clinic's
/// price sheet lists per treatment.
pub(crate) struct Course {
    pub(crate) phases: Vec<Phase>,
    pub(crate) fees: Vec<Fee>,
    pub(crate) packages: Vec<Package>,
    pub(crate) discounts: Vec<Discount>,
}

/// Collects problems while walking an input.
#[derive(Default)]
pub(crate) struct Decoder {
    pub(crate) problems: Vec<Problem>,
}

/// An object being read: its value, path and the fields the contract knows.
pub(crate) struct Obj<S> {
    value: S,
    path: String,
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

pub(crate) fn quoted_list(options: &[&str]) -> String {
    let mut out = String::new();
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(option);
        out.push('"');
    }
    out
}

impl Decoder {
    pub(crate) fn report(&mut self, code: ErrorCode, path: &str, message: impl Into<String>) {
        // Enough to fix a form; a hostile input with a million bad keys must
        // not produce a million messages.
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(code, path, message));
        }
    }

    /// The decoded value, or every problem found on the way to it.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, PlanError> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(PlanError::new(self.problems)),
        }
    }

    /// Takes on another input's problems, moved under `prefix`.
    pub(crate) fn absorb(&mut self, prefix: &str, err: PlanError) {
        for p in err.within(prefix).into_problems() {
            self.report(p.code, &p.path, p.message);
        }
    }

    /// A whole plan nested inside another input (a preset's `low` plan),
    /// with its problems reported under `path`.
    pub(crate) fn nested_plan<S: Source>(&mut self, value: S, path: &str) -> Option<Plan> {
        match plan(value) {
            Ok(plan) => Some(plan),
            Err(err) => {
                self.absorb(path, err);
                None
            }
        }
    }

    /// A string of 1 to `max` code points.
    pub(crate) fn text<S: Source>(&mut self, value: S, path: &str, max: usize) -> Option<String> {
        let s = self.string(value, path)?;
        let chars = code_points(&s);
        if chars == 0 || chars > max {
            self.report(
                ErrorCode::OutOfRange,
                path,
                format!("must be 1 to {max} characters long; it has {chars}"),
            );
            return None;
        }
        Some(s)
    }

    fn wrong_type<S: Source>(&mut self, value: &S, path: &str, expected: &str) {
        let found = value.kind().describe();
        self.report(
            ErrorCode::InvalidType,
            path,
            format!("expected {expected}, found {found}"),
        );
    }

    /// Reads an object, reporting any key not in `known` with a suggestion.
    pub(crate) fn object<S: Source>(
        &mut self,
        value: S,
        path: &str,
        known: &[&str],
    ) -> Option<Obj<S>> {
        if value.kind() != Kind::Object {
            self.wrong_type(&value, path, "an object");
            return None;
        }
        for key in value.keys() {
            if !known.contains(&key.as_str()) {
                // A hostile key may be megabytes long: name it clipped.
                let shown = clip(&key);
                let message = match nearest(&key, known) {
                    Some(near) => format!("unknown field \"{shown}\" — did you mean \"{near}\"?"),
                    None => format!(
                        "unknown field \"{shown}\"; known fields are {}",
                        quoted_list(known)
                    ),
                };
                self.report(ErrorCode::UnknownField, &join(path, &shown), message);
            }
        }
        Some(Obj {
            value,
            path: path.to_string(),
        })
    }

    /// An optional field: `None` when absent or `null`.
    pub(crate) fn optional<S: Source>(&mut self, obj: &Obj<S>, key: &str) -> Option<S> {
        obj.value.field(key).filter(|v| v.kind() != Kind::Null)
    }

    /// A required field: reports `missing_field` or (for `null`) `invalid_type`.
    pub(crate) fn required<S: Source>(&mut self, obj: &Obj<S>, key: &str) -> Option<S> {
        match obj.value.field(key) {
            None => {
                self.report(
                    ErrorCode::MissingField,
                    &join(&obj.path, key),
                    format!("\"{key}\" is required"),
                );
                None
            }
            Some(v) if v.kind() == Kind::Null => {
                self.report(
                    ErrorCode::InvalidType,
                    &join(&obj.path, key),
                    format!("\"{key}\" is required and cannot be null"),
                );
                None
            }
            Some(v) => Some(v),
        }
    }

    /// Reads an optional field with `read`, at its path.
    pub(crate) fn opt_with<S: Source, T>(
        &mut self,
        obj: &Obj<S>,
        key: &str,
        read: fn(&mut Self, S, &str) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        match self.optional(obj, key) {
            None => Ok(None),
            Some(v) => read(self, v, &join(&obj.path, key)).map(Some).ok_or(()),
        }
    }

    /// Reads a required field with `read`, at its path.
    pub(crate) fn req_with<S: Source, T>(
        &mut self,
        obj: &Obj<S>,
        key: &str,
        read: fn(&mut Self, S, &str) -> Option<T>,
    ) -> Option<T> {
        let v = self.required(obj, key)?;
        read(self, v, &join(&obj.path, key))
    }

    /// A list of at most `max` elements, each read with `read`.
    pub(crate) fn list<S: Source, T>(
        &mut self,
        value: S,
        path: &str,
        max: usize,
        read: fn(&mut Self, S, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let len = self.list_len(&value, path, max)?;
        let mut out = Vec::with_capacity(len);
        let mut ok = true;
        for i in 0..len {
            match value
                .item(i)
                .and_then(|item| read(self, item, &index(path, i)))
            {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// The length of a list of at most `max` elements, checked before any
    /// element is read (one copy for every element type).
    fn list_len<S: Source>(&mut self, value: &S, path: &str, max: usize) -> Option<usize> {
        if value.kind() != Kind::Array {
            self.wrong_type(value, path, "a list");
            return None;
        }
        let len = value.len();
        if len > max {
            self.report(
                ErrorCode::OutOfRange,
                path,
                format!("has {len} entries; at most {max} are allowed"),
            );
            return None;
        }
        Some(len)
    }

    pub(crate) fn string<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        match value.as_str() {
            Some(s) => Some(s.into_owned()),
            None => {
                self.wrong_type(&value, path, "a string");
                None
            }
        }
    }

    /// A name: 1–80 code points.
    pub(crate) fn name<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        self.text(value, path, MAX_NAME_CHARS)
    }

    /// A billing code: at most 20 characters.
    pub(crate) fn code<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let chars = code_points(&s);
        if chars > MAX_CODE_CHARS {
            self.report(
                ErrorCode::OutOfRange,
                path,
                format!("must be at most {MAX_CODE_CHARS} characters long; it has {chars}"),
            );
            return None;
        }
        Some(s)
    }

    pub(crate) fn boolean<S: Source>(&mut self, value: S, path: &str) -> Option<bool> {
        let b = value.as_bool();
        if b.is_none() {
            self.wrong_type(&value, path, "true or false");
        }
        b
    }

    /// A whole number in `min..=max`.
    pub(crate) fn count<S: Source>(
        &mut self,
        value: S,
        path: &str,
        min: u32,
        max: u32,
    ) -> Option<u32> {
        match value.as_number() {
            Some(Number::Int(n)) if (i64::from(min)..=i64::from(max)).contains(&n) => {
                Some(n as u32)
            }
            Some(Number::Int(n)) => {
                self.report(
                    ErrorCode::OutOfRange,
                    path,
                    format!("must be from {min} to {max}; it is {n}"),
                );
                None
            }
            Some(Number::Float(_)) => {
                self.report(
                    ErrorCode::InvalidType,
                    path,
                    format!("must be a whole number from {min} to {max}"),
                );
                None
            }
            None => {
                self.wrong_type(&value, path, "a whole number");
                None
            }
        }
    }

    /// An amount of money in minor units: a whole number, 0–10,000,000,000.
    pub(crate) fn amount<S: Source>(&mut self, value: S, path: &str) -> Option<Amount> {
        let max = Amount::MAX_INPUT.minor();
        match value.as_number() {
            Some(Number::Int(n)) if (0..=max).contains(&n) => Some(Amount::new(n)),
            Some(Number::Int(n)) => {
                self.report(
                    ErrorCode::OutOfRange,
                    path,
                    format!("must be from 0 to {max} minor units; it is {n}"),
                );
                None
            }
            Some(Number::Float(_)) => {
                self.report(
                    ErrorCode::InvalidType,
                    path,
                    "must be a whole number of minor units (cents for USD), with no fraction or exponent",
                );
                None
            }
            None => {
                self.wrong_type(&value, path, "a whole number of minor units");
                None
            }
        }
    }

    /// A percentage: 0–100 with at most two decimals.
    pub(crate) fn percent<S: Source>(&mut self, value: S, path: &str) -> Option<Percent> {
        let number = match value.as_number() {
            Some(Number::Int(n)) => n as f64,
            Some(Number::Float(f)) => f,
            None => {
                self.wrong_type(&value, path, "a percentage number");
                return None;
            }
        };
        match Percent::from_number(number) {
            Ok(p) => Some(p),
            Err(PercentError::OutOfRange) => {
                self.report(
                    ErrorCode::OutOfRange,
                    path,
                    "must be a percentage from 0 to 100",
                );
                None
            }
            Err(PercentError::TooPrecise) => {
                self.report(
                    ErrorCode::OutOfRange,
                    path,
                    "may have at most two decimal places, like 12.5 or 33.33",
                );
                None
            }
        }
    }

    pub(crate) fn date<S: Source>(&mut self, value: S, path: &str) -> Option<Date> {
        let s = self.string(value, path)?;
        let d = Date::parse(&s);
        if d.is_none() {
            self.report(
                ErrorCode::InvalidDate,
                path,
                format!(
                    "\"{}\" is not a real date written YYYY-MM-DD in the years 1970–2199",
                    clip(&s)
                ),
            );
        }
        d
    }

    pub(crate) fn month_day<S: Source>(&mut self, value: S, path: &str) -> Option<MonthDay> {
        let s = self.string(value, path)?;
        let d = MonthDay::parse(&s);
        if d.is_none() {
            self.report(
                ErrorCode::InvalidDate,
                path,
                format!(
                    "\"{}\" is not a day written MM-DD that exists every year",
                    clip(&s)
                ),
            );
        }
        d
    }

    /// One of a fixed set of strings; returns its index in `options`.
    pub(crate) fn keyword<S: Source>(
        &mut self,
        value: S,
        path: &str,
        options: &[&str],
    ) -> Option<usize> {
        let s = self.string(value, path)?;
        let found = options.iter().position(|o| *o == s);
        if found.is_none() {
            let hint = match nearest(&s, options) {
                Some(near) => format!(" — did you mean \"{near}\"?"),
                None => String::new(),
            };
            self.report(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "\"{}\" is not one of {}{hint}",
                    clip(&s),
                    quoted_list(options)
                ),
            );
        }
        found
    }

    fn weekday<S: Source>(&mut self, value: S, path: &str) -> Option<Weekday> {
        let names = Weekday::ALL.map(Weekday::name);
        self.keyword(value, path, &names).map(|i| Weekday::ALL[i])
    }

    /// A non-repeating list of weekdays.
    pub(crate) fn weekdays<S: Source>(
        &mut self,
        value: S,
        path: &str,
        allow_empty: bool,
    ) -> Option<Vec<Weekday>> {
        let days = self.list(value, path, 7 * 4, |d, v, p| d.weekday(v, p))?;
        if days.is_empty() && !allow_empty {
            self.report(
                ErrorCode::OutOfRange,
                path,
                "must name at least one weekday",
            );
            return None;
        }
        let mut seen = 0u8;
        let mut ok = true;
        for (i, day) in days.iter().enumerate() {
            if seen & day.bit() != 0 {
                self.report(
                    ErrorCode::InvalidValue,
                    &index(path, i),
                    format!("\"{}\" is listed twice", day.name()),
                );
                ok = false;
            }
            seen |= day.bit();
        }
        ok.then_some(days)
    }

    /// An object with exactly one of `options` as its key.
    fn one_of<S: Source>(&mut self, value: S, path: &str, options: &[&str]) -> Option<(usize, S)> {
        let obj = self.object(value, path, options)?;
        let present: Vec<usize> = (0..options.len())
            .filter(|&i| self.optional(&obj, options[i]).is_some())
            .collect();
        match present.as_slice() {
            [i] => {
                let v = self.optional(&obj, options[*i])?;
                Some((*i, v))
            }
            [] => {
                self.report(
                    ErrorCode::MissingField,
                    path,
                    format!("needs exactly one of {}", quoted_list(options)),
                );
                None
            }
            [_, second, ..] => {
                let given: Vec<&str> = present.iter().map(|&i| options[i]).collect();
                self.report(
                    ErrorCode::ConflictingFields,
                    &join(path, options[*second]),
                    format!(
                        "give only one of {}, not {}",
                        quoted_list(options),
                        quoted_list(&given)
                    ),
                );
                None
            }
        }
    }

    fn plan<S: Source>(&mut self, input: S) -> Option<Plan> {
        const KNOWN: &[&str] = &[
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
        let obj = self.object(input, "", KNOWN)?;
        let currency = self.opt_with(&obj, "currency", |d, v, p| d.currency(v, p));
        let start = self.req_with(&obj, "start", |d, v, p| d.date(v, p));
        let horizon = self.opt_with(&obj, "horizon", |d, v, p| d.horizon(v, p));
        let clinic = self.opt_with(&obj, "clinic", |d, v, p| d.clinic(v, p));
        let course = self.course(&obj);
        let coverage = self.opt_with(&obj, "coverage", |d, v, p| d.coverage(v, p));
        let assistance = self.opt_with(&obj, "assistance", |d, v, p| {
            d.list(v, p, MAX_ASSISTANCE, |d, v, p| d.assistance(v, p))
        });
        let financing = self.opt_with(&obj, "financing", |d, v, p| d.financing(v, p));
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
            let phases = d.list(v, p, MAX_PHASES, |d, v, p| d.phase(v, p))?;
            if phases.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "needs at least one phase");
                return None;
            }
            Some(phases)
        });
        let fees = self.opt_with(obj, "fees", |d, v, p| {
            d.list(v, p, MAX_FEES, |d, v, p| d.fee(v, p))
        });
        let packages = self.opt_with(obj, "packages", |d, v, p| {
            d.list(v, p, MAX_PACKAGES, |d, v, p| d.package(v, p))
        });
        let discounts = self.opt_with(obj, "discounts", |d, v, p| {
            d.list(v, p, MAX_DISCOUNTS, |d, v, p| d.discount(v, p))
        });
        Some(Course {
            phases: phases?,
            fees: fees.ok()?.unwrap_or_default(),
            packages: packages.ok()?.unwrap_or_default(),
            discounts: discounts.ok()?.unwrap_or_default(),
        })
    }

    pub(crate) fn currency<S: Source>(&mut self, value: S, path: &str) -> Option<Currency> {
        let s = self.string(value, path)?;
        let c = Currency::from_code(&s);
        if c.is_none() {
            let hint = if Currency::from_code(&s.to_ascii_uppercase()).is_some() {
                format!(" (write it in capitals: \"{}\")", s.to_ascii_uppercase())
            } else {
                String::new()
            };
            self.report(
                ErrorCode::InvalidCurrency,
                path,
                format!(
                    "\"{}\" is not a current ISO 4217 currency code with minor units{hint}",
                    clip(&s)
                ),
            );
        }
        c
    }

    pub(crate) fn horizon<S: Source>(&mut self, value: S, path: &str) -> Option<Horizon> {
        let (which, v) = self.one_of(value, path, &["months", "weeks", "until"])?;
        let p = join(path, ["months", "weeks", "until"][which]);
        match which {
            0 => self
                .count(v, &p, 1, MAX_HORIZON_MONTHS)
                .map(Horizon::Months),
            1 => self.count(v, &p, 1, 520).map(Horizon::Weeks),
            _ => self.date(v, &p).map(Horizon::Until),
        }
    }

    fn clinic<S: Source>(&mut self, value: S, path: &str) -> Option<Clinic> {
        let obj = self.object(value, path, &["closedWeekdays", "closedDates"])?;
        let closed_weekdays =
            self.opt_with(&obj, "closedWeekdays", |d, v, p| d.weekdays(v, p, true));
        let closed_dates = self.opt_with(&obj, "closedDates", |d, v, p| d.closed_dates(v, p));
        Some(Clinic {
            closed_weekdays: closed_weekdays.ok()?.unwrap_or_default(),
            closed_dates: closed_dates.ok()?.unwrap_or_default(),
        })
    }

    /// Closed days such as holidays: at most 400 dates.
    pub(crate) fn closed_dates<S: Source>(&mut self, value: S, path: &str) -> Option<Vec<Date>> {
        self.list(value, path, MAX_CLOSED_DATES, |d, v, p| d.date(v, p))
    }

    fn every<S: Source>(&mut self, value: S, path: &str) -> Option<Every> {
        const KEYS: [&str; 4] = ["days", "weeks", "months", "weekdays"];
        let (which, v) = self.one_of(value, path, &KEYS)?;
        let p = join(path, KEYS[which]);
        match which {
            0 => self.count(v, &p, 1, 366).map(Every::Days),
            1 => self.count(v, &p, 1, 52).map(Every::Weeks),
            2 => self.count(v, &p, 1, 24).map(Every::Months),
            _ => self.weekdays(v, &p, false).map(Every::Weekdays),
        }
    }

    fn gap<S: Source>(&mut self, value: S, path: &str) -> Option<Gap> {
        const KEYS: [&str; 3] = ["days", "weeks", "months"];
        let (which, v) = self.one_of(value, path, &KEYS)?;
        let p = join(path, KEYS[which]);
        match which {
            0 => self.count(v, &p, 1, 366).map(Gap::Days),
            1 => self.count(v, &p, 1, 52).map(Gap::Weeks),
            _ => self.count(v, &p, 1, 24).map(Gap::Months),
        }
    }

    fn phase<S: Source>(&mut self, value: S, path: &str) -> Option<Phase> {
        let obj = self.object(value, path, PHASE_FIELDS)?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let every = self.req_with(&obj, "every", |d, v, p| d.every(v, p));
        let sessions = self.opt_with(&obj, "sessions", |d, v, p| d.count(v, p, 1, 1000));
        let weeks = self.opt_with(&obj, "weeks", |d, v, p| d.count(v, p, 1, 520));
        let start_after = self.opt_with(&obj, "startAfter", |d, v, p| d.gap(v, p));
        let price = self.req_with(&obj, "price", |d, v, p| d.amount(v, p));
        let code = self.opt_with(&obj, "code", |d, v, p| d.code(v, p));
        let covered = self.opt_with(&obj, "covered", |d, v, p| d.boolean(v, p));
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
        })
    }

    fn fee<S: Source>(&mut self, value: S, path: &str) -> Option<Fee> {
        let obj = self.object(
            value,
            path,
            &["name", "amount", "when", "phase", "code", "covered"],
        )?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let amount = self.req_with(&obj, "amount", |d, v, p| d.amount(v, p));
        let when = self.req_with(&obj, "when", |d, v, p| {
            d.keyword(v, p, &["once", "session", "month"])
        });
        let phase = self.opt_with(&obj, "phase", |d, v, p| d.name(v, p));
        let code = self.opt_with(&obj, "code", |d, v, p| d.code(v, p));
        let covered = self.opt_with(&obj, "covered", |d, v, p| d.boolean(v, p));
        Some(Fee {
            name: name?,
            amount: amount?,
            when: [FeeWhen::Once, FeeWhen::Session, FeeWhen::Month][when?],
            phase: phase.ok()?,
            code: code.ok()?,
            covered: covered.ok()?.unwrap_or(true),
        })
    }

    fn package<S: Source>(&mut self, value: S, path: &str) -> Option<Package> {
        let obj = self.object(value, path, &["name", "phase", "sessions", "price", "code"])?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let phase = self.req_with(&obj, "phase", |d, v, p| d.name(v, p));
        let sessions = self.req_with(&obj, "sessions", |d, v, p| d.count(v, p, 1, 1000));
        let price = self.req_with(&obj, "price", |d, v, p| d.amount(v, p));
        let code = self.opt_with(&obj, "code", |d, v, p| d.code(v, p));
        Some(Package {
            name: name?,
            phase: phase?,
            sessions: sessions?,
            price: price?,
            code: code.ok()?,
        })
    }

    fn discount<S: Source>(&mut self, value: S, path: &str) -> Option<Discount> {
        let obj = self.object(value, path, &["name", "percent", "appliesTo"])?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let percent = self.req_with(&obj, "percent", |d, v, p| {
            let pct = d.percent(v, p)?;
            if pct == Percent::ZERO {
                d.report(ErrorCode::OutOfRange, p, "a discount must be more than 0%");
                return None;
            }
            Some(pct)
        });
        let applies_to = self.opt_with(&obj, "appliesTo", |d, v, p| {
            let kinds = d.list(v, p, 3 * 4, |d, v, p| {
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
                        format!("\"{}\" is listed twice", kind.name()),
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

    pub(crate) fn coverage<S: Source>(&mut self, value: S, path: &str) -> Option<Coverage> {
        let obj = self.object(
            value,
            path,
            &[
                "deductible",
                "deductibleMet",
                "coinsurance",
                "copay",
                "outOfPocketMax",
                "outOfPocketMet",
                "planYearStart",
            ],
        )?;
        let deductible = self.opt_with(&obj, "deductible", |d, v, p| d.amount(v, p));
        let deductible_met = self.opt_with(&obj, "deductibleMet", |d, v, p| d.amount(v, p));
        let coinsurance = self.opt_with(&obj, "coinsurance", |d, v, p| d.percent(v, p));
        let copay = self.opt_with(&obj, "copay", |d, v, p| d.amount(v, p));
        let oop_max = self.opt_with(&obj, "outOfPocketMax", |d, v, p| d.amount(v, p));
        let oop_met = self.opt_with(&obj, "outOfPocketMet", |d, v, p| d.amount(v, p));
        let plan_year_start = self.opt_with(&obj, "planYearStart", |d, v, p| d.month_day(v, p));
        let coverage = Coverage {
            deductible: deductible.ok()?.unwrap_or_default(),
            deductible_met: deductible_met.ok()?.unwrap_or_default(),
            coinsurance: coinsurance.ok()?.unwrap_or_default(),
            copay: copay.ok()?,
            out_of_pocket_max: oop_max.ok()?,
            out_of_pocket_met: oop_met.ok()?.unwrap_or_default(),
            plan_year_start: plan_year_start.ok()?.unwrap_or_default(),
        };
        let mut ok = true;
        if coverage.deductible_met > coverage.deductible {
            self.report(
                ErrorCode::OutOfRange,
                &join(path, "deductibleMet"),
                format!(
                    "is more than the deductible ({} > {})",
                    coverage.deductible_met, coverage.deductible
                ),
            );
            ok = false;
        }
        match (coverage.out_of_pocket_max, oop_met) {
            (None, Ok(Some(_))) => {
                self.report(
                    ErrorCode::ConflictingFields,
                    &join(path, "outOfPocketMet"),
                    "\"outOfPocketMet\" needs an \"outOfPocketMax\" to count against",
                );
                ok = false;
            }
            (Some(max), _) if coverage.out_of_pocket_met > max => {
                self.report(
                    ErrorCode::OutOfRange,
                    &join(path, "outOfPocketMet"),
                    format!(
                        "is more than the out-of-pocket maximum ({} > {max})",
                        coverage.out_of_pocket_met
                    ),
                );
                ok = false;
            }
            _ => {}
        }
        ok.then_some(coverage)
    }

    pub(crate) fn assistance<S: Source>(&mut self, value: S, path: &str) -> Option<Assistance> {
        let obj = self.object(
            value,
            path,
            &[
                "name",
                "patientPaysAtMost",
                "annualMax",
                "yearStart",
                "phases",
                "fees",
            ],
        )?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let at_most = self.req_with(&obj, "patientPaysAtMost", |d, v, p| d.amount(v, p));
        let annual_max = self.opt_with(&obj, "annualMax", |d, v, p| d.amount(v, p));
        let year_start = self.opt_with(&obj, "yearStart", |d, v, p| d.month_day(v, p));
        let phases = self.opt_with(&obj, "phases", |d, v, p| {
            d.list(v, p, MAX_PHASES, |d, v, p| d.name(v, p))
        });
        let fees = self.opt_with(&obj, "fees", |d, v, p| {
            d.list(v, p, MAX_FEES, |d, v, p| d.name(v, p))
        });
        Some(Assistance {
            name: name?,
            patient_pays_at_most: at_most?,
            annual_max: annual_max.ok()?,
            year_start: year_start.ok()?.unwrap_or_default(),
            phases: phases.ok()?.unwrap_or_default(),
            fees: fees.ok()?.unwrap_or_default(),
        })
    }

    fn financing<S: Source>(&mut self, value: S, path: &str) -> Option<Financing> {
        let obj = self.object(value, path, &["months", "apr", "downPayment", "of"])?;
        let months = self.req_with(&obj, "months", |d, v, p| d.count(v, p, 1, 120));
        let apr = self.req_with(&obj, "apr", |d, v, p| d.percent(v, p));
        let down_payment = self.opt_with(&obj, "downPayment", |d, v, p| d.amount(v, p));
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

/// The rules that span several fields, on a plan whose shape is sound.
fn check_plan(plan: &Plan, d: &mut Decoder) {
    unique_names(d, "phases", plan.phases.iter().map(|p| p.name.as_str()));
    unique_names(d, "fees", plan.fees.iter().map(|f| f.name.as_str()));
    unique_names(d, "packages", plan.packages.iter().map(|p| p.name.as_str()));
    unique_names(
        d,
        "discounts",
        plan.discounts.iter().map(|x| x.name.as_str()),
    );
    unique_names(
        d,
        "assistance",
        plan.assistance.iter().map(|a| a.name.as_str()),
    );

    let phase_names: Vec<&str> = plan.phases.iter().map(|p| p.name.as_str()).collect();
    let fee_names: Vec<&str> = plan.fees.iter().map(|f| f.name.as_str()).collect();

    if let Horizon::Until(last) = plan.horizon {
        let latest = plan.start.add_months(MAX_HORIZON_MONTHS);
        if last < plan.start || last > latest {
            d.report(
                ErrorCode::OutOfRange,
                "horizon.until",
                format!(
                    "must be from the start ({}) to 120 months later ({latest}); it is {last}",
                    plan.start
                ),
            );
        }
    }

    open_weekday(d, &plan.clinic.closed_weekdays, "clinic.closedWeekdays");

    for (i, phase) in plan.phases.iter().enumerate() {
        if i == 0 && phase.start_after.is_some() {
            d.report(
                ErrorCode::InvalidValue,
                "phases[0].startAfter",
                "the first phase starts on the plan's start date; \"startAfter\" only applies to later phases",
            );
        }
        if i > 0 && plan.phases[i - 1].is_open_ended() {
            d.report(
                ErrorCode::UnreachablePhase,
                &format!("phases[{i}]"),
                format!(
                    "phase \"{}\" can never start: the phase before it, \"{}\", has no \"sessions\" or \"weeks\" and runs until the estimate ends",
                    phase.name,
                    plan.phases[i - 1].name
                ),
            );
        }
    }

    for (i, fee) in plan.fees.iter().enumerate() {
        if let Some(phase) = &fee.phase {
            known_name(d, &format!("fees[{i}].phase"), phase, &phase_names, "phase");
        }
    }
    for (i, package) in plan.packages.iter().enumerate() {
        known_name(
            d,
            &format!("packages[{i}].phase"),
            &package.phase,
            &phase_names,
            "phase",
        );
    }
    for (i, programme) in plan.assistance.iter().enumerate() {
        for (j, phase) in programme.phases.iter().enumerate() {
            known_name(
                d,
                &format!("assistance[{i}].phases[{j}]"),
                phase,
                &phase_names,
                "phase",
            );
        }
        for (j, fee) in programme.fees.iter().enumerate() {
            known_name(
                d,
                &format!("assistance[{i}].fees[{j}]"),
                fee,
                &fee_names,
                "fee",
            );
        }
    }

    for kind in LineKind::ALL {
        let mut total = 0u32;
        for (i, discount) in plan.discounts.iter().enumerate() {
            if !discount.applies_to.contains(&kind) {
                continue;
            }
            total += discount.percent.basis_points();
            if total > Percent::FULL_BASIS_POINTS {
                d.report(
                    ErrorCode::OutOfRange,
                    &format!("discounts[{i}]"),
                    format!(
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
    // Lists hold at most 50 names: a quadratic scan is cheaper than a hash set,
    // in time and in wasm size.
    let names: Vec<&str> = names.collect();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            d.report(
                ErrorCode::DuplicateName,
                &format!("{list}[{i}].{field}"),
                format!("\"{name}\" is used twice in {list}"),
            );
        }
    }
}

pub(crate) fn known_name(d: &mut Decoder, path: &str, name: &str, known: &[&str], what: &str) {
    if known.contains(&name) {
        return;
    }
    let hint = match nearest(name, known) {
        Some(near) => format!(" — did you mean \"{near}\"?"),
        None => format!("; the {what}s are {}", quoted_list(known)),
    };
    d.report(
        ErrorCode::UnknownName,
        path,
        format!("there is no {what} named \"{}\"{hint}", clip(name)),
    );
}

/// A string shortened for an error message, so a 10 MB string does not make
/// a 10 MB message.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if code_points(s) <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// The number of Unicode code points in `s`: the bytes that do not continue
/// a UTF-8 sequence. (Smaller in wasm than `chars().count()`.)
pub(crate) fn code_points(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}
