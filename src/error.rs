//! Problems with a plan: what is wrong, where, and in words staff understand.
//!
//! Validation never stops at the first mistake: a plan with a misspelt field
//! and a negative price reports both, each with the path of the value
//! (`phases[1].every.weeks`) so a form can put the message next to its field.

use crate::prelude::*;
use crate::text::cat;
use core::fmt;

use serde::Serialize;

/// What kind of mistake a [`Problem`] is (docs/errors.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Wrong JSON type, a fractional amount, or `null` where a value is required.
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A field the contract does not know (often a misspelling).
    UnknownField,
    /// Fields that exclude each other were both given.
    ConflictingFields,
    /// A value of the right type that is not allowed here.
    InvalidValue,
    /// A number or list outside its bounds.
    OutOfRange,
    /// Not a real `YYYY-MM-DD` date in 1970–2199, or not a real `MM-DD`.
    InvalidDate,
    /// Not a current ISO 4217 code with a minor unit.
    InvalidCurrency,
    /// A name used twice in one list.
    DuplicateName,
    /// A reference to a name that does not exist.
    UnknownName,
    /// A phase after an open-ended one, which can never start.
    UnreachablePhase,
    /// Every weekday is closed, so no session can ever be booked.
    AllDaysClosed,
}

impl ErrorCode {
    /// The contract's spelling, e.g. `"invalid_type"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::ConflictingFields => "conflicting_fields",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidCurrency => "invalid_currency",
            ErrorCode::DuplicateName => "duplicate_name",
            ErrorCode::UnknownName => "unknown_name",
            ErrorCode::UnreachablePhase => "unreachable_phase",
            ErrorCode::AllDaysClosed => "all_days_closed",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with an input, at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct Problem {
    /// What kind of mistake this is.
    pub code: ErrorCode,
    /// Where: `phases[1].every.weeks`; empty for the input as a whole.
    pub path: String,
    /// A sentence for people, e.g. `unknown field "prcie" — did you mean "price"?`.
    pub message: String,
    /// On an `out_of_range` problem whose bound is a number: the least
    /// value allowed (amounts in minor units, lists in entries, texts in
    /// characters), when the value is below it or must lie in a range. A
    /// form says it in its own words without restating the engine's bounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub min: Option<i64>,
    /// On an `out_of_range` problem whose bound is a number: the greatest
    /// value allowed, when the value is above it or must lie in a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub max: Option<i64>,
}

impl Problem {
    pub(crate) fn new(
        code: ErrorCode,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            code,
            path: path.into(),
            message: message.into(),
            min: None,
            max: None,
        }
    }

    /// An `out_of_range` problem with the bound the value broke: `Min(n)`
    /// when it is below `n`, `Max(n)` when it is above, `Range` both when
    /// it must lie between them.
    pub(crate) fn out_of_range(
        path: impl Into<String>,
        bound: Bound,
        message: impl Into<String>,
    ) -> Problem {
        let mut p = Problem::new(ErrorCode::OutOfRange, path, message);
        match bound {
            Bound::Min(n) => p.min = Some(n),
            Bound::Max(n) => p.max = Some(n),
            Bound::Range(min, max) => (p.min, p.max) = (Some(min), Some(max)),
        }
        p
    }
}

/// The bound a value broke ([`Problem::min`], [`Problem::max`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// Below this least value.
    Min(i64),
    /// Above this greatest value.
    Max(i64),
    /// Outside this range (both ends included).
    Range(i64, i64),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            f.write_str(&self.path)?;
            f.write_str(": ")?;
            f.write_str(&self.message)
        }
    }
}

/// A rejected input: every [`Problem`] found, in document order. Never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    problems: Vec<Problem>,
}

impl Error {
    /// Wraps a list of problems. A refusal always says why: should a reader
    /// ever give up without reporting (a bug, or a value that answered
    /// differently each time it was read), the list gets one problem for the
    /// input as a whole rather than staying empty.
    pub(crate) fn new(mut problems: Vec<Problem>) -> Error {
        if problems.is_empty() {
            problems.push(Problem::new(
                ErrorCode::InvalidValue,
                "",
                "the input could not be read consistently (a value changed while it was read)",
            ));
        }
        Error { problems }
    }

    /// The same problems, located inside a larger input: `phases[0]` within
    /// `plans[2]` becomes `plans[2].phases[0]`.
    pub fn within(self, prefix: &str) -> Error {
        let problems = self
            .problems
            .into_iter()
            .map(|p| Problem {
                path: crate::path::nest(prefix, &p.path),
                ..p
            })
            .collect();
        Error::new(problems)
    }

    /// Every problem found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The first problem: the one a single-line message shows.
    pub fn first(&self) -> Option<&Problem> {
        self.problems.first()
    }

    /// Takes the problems out.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Error::to_string(self))
    }
}

impl Error {
    /// The first problem (`"path: message"`), and how many more there are:
    /// what `Display` writes. An inherent method, so that the bindings'
    /// `to_string` is this one and not `ToString`'s, which would bring
    /// core's formatting machinery into the wasm for a `Formatter`.
    #[allow(clippy::inherent_to_string_shadow_display)]
    pub fn to_string(&self) -> String {
        let one = |p: &Problem| {
            if p.path.is_empty() {
                p.message.clone()
            } else {
                cat!("{}: {}", p.path, p.message)
            }
        };
        match self.problems.as_slice() {
            [] => String::from("invalid input"),
            [one_problem] => one(one_problem),
            [first, rest @ ..] => {
                let s = if rest.len() == 1 { "" } else { "s" };
                cat!("{} (and {} more problem{})", one(first), rest.len(), s)
            }
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_counts_the_rest() {
        let p = |path: &str| Problem::new(ErrorCode::OutOfRange, path, "must be at least 0");
        assert_eq!(
            Error::new(vec![p("phases[0].price")]).to_string(),
            "phases[0].price: must be at least 0"
        );
        assert_eq!(
            Error::new(vec![p("a"), p("b"), p("c")]).to_string(),
            "a: must be at least 0 (and 2 more problems)"
        );
    }
}
