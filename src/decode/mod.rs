//! Turning untrusted JSON-shaped input into valid values, or every problem
//! with it.
//!
//! Decoding goes in two passes. The first walks the input along the
//! contract's shape, checking types, bounds and unknown fields everywhere and
//! collecting every problem. Only when the shape is sound does the second pass
//! ([`rules`]) check what spans several fields (unique names, references,
//! unreachable phases, discount totals), since those rules need the whole
//! input to mean anything. Lists are length-checked before their elements are
//! read, so a huge input is refused before any work is done on it.
//!
//! This module holds the reader and its primitives (strings, numbers,
//! amounts, dates, keywords, lists, objects); the readers of each input sit
//! beside it: [`plan`](mod@plan) for plans and their options, `sheet` for a
//! clinic's price sheet, `quote` for a quote's input and `preset` for the
//! catalogue.

use crate::calendar::Weekday;
use crate::error::{Bound, Error, ErrorCode, Problem};
use crate::limits::{MAX_CODE_CHARS, MAX_NAME_CHARS, MAX_PROBLEMS, MAX_WEEKDAY_ENTRIES};
use crate::path::{index, join};
use crate::plan::Plan;
use crate::prelude::*;
use crate::source::{Kind, Source};
use crate::text::{Part, cat, clip, code_points, concat, nearest, quoted_list};

#[cfg(feature = "std")]
pub(crate) mod catalogue;
pub(crate) mod insurance;
pub(crate) mod plan;
pub(crate) mod preset;
#[cfg(sheets)]
pub(crate) mod quote;
pub(crate) mod rules;
#[cfg(sheets)]
pub(crate) mod sheet;
mod values;

/// Validates and decodes a plan from any [`Source`].
pub fn plan<S: Source>(input: S) -> Result<Plan, Error> {
    plan_with(input, None)
}

/// Validates and decodes a plan with the checks `options` asks for
/// (`{ requireTerms }`; its problems come first, under `options.`).
pub fn plan_with<S: Source>(input: S, options: Option<S>) -> Result<Plan, Error> {
    let mut d = Decoder::default();
    let mut ok = true;
    if let Some(options) = options {
        let terms = d
            .object(options, "options", &["requireTerms"])
            .ok_or(())
            .and_then(|obj| d.opt_with(&obj, "requireTerms", Decoder::boolean));
        ok = terms.is_ok();
        d.require_terms = terms == Ok(Some(true));
    }
    let plan = d.plan(input).filter(|_| ok);
    rules::checked(d.finish(plan)?)
}

/// Collects problems while walking an input.
#[derive(Default)]
pub(crate) struct Decoder {
    pub(crate) problems: Vec<Problem>,
    /// While a price sheet's course is read: the provider each phase and
    /// fee names, in order (a plan's phases and fees name none).
    #[cfg(sheets)]
    pub(crate) billers: Option<Billers>,
    /// Whether the input is a price sheet or a quote input, whose every
    /// name and text is printed on quotes, Good Faith Estimates and FHIR
    /// Bundles: each must show something and hold no control character
    /// ([`Decoder::text`]), and its codes must be shaped like billing and
    /// diagnosis codes. A plan's are not held to this (its names are the
    /// visitor's own, and the catalogue's codes are free text).
    #[cfg(sheets)]
    pub(crate) printed: bool,
    /// Whether each block of insurance terms must name its deductible and
    /// its coinsurance or copay (the `requireTerms` option): a form's
    /// blank field is then a `missing_field`, never read as 0.
    pub(crate) require_terms: bool,
}

/// The providers named by the phases and fees of a sheet's course, where
/// they are given, and the discounts' conditions, in the order they were
/// read (`None`: the clinic bills it, at its address; no condition).
#[cfg(sheets)]
#[derive(Default)]
pub(crate) struct Billers {
    /// Each phase's `provider` and `location`.
    pub(crate) phases: Vec<(Option<String>, Option<String>)>,
    /// Each fee's `provider` and `location`.
    pub(crate) fees: Vec<(Option<String>, Option<String>)>,
    /// Each discount's `condition`.
    pub(crate) conditions: Vec<Option<String>>,
}

/// An object being read: its value, path and the fields the contract knows.
pub(crate) struct Obj<S> {
    value: S,
    path: String,
}

impl Decoder {
    /// A decoder for a price sheet or a quote input (see `printed`).
    #[cfg(sheets)]
    pub(crate) fn printed() -> Decoder {
        Decoder {
            printed: true,
            ..Decoder::default()
        }
    }

    pub(crate) fn report(&mut self, code: ErrorCode, path: &str, message: impl Into<String>) {
        // Enough to fix a form; a hostile input with a million bad keys must
        // not produce a million messages.
        if !self.full() {
            self.problems.push(Problem::new(code, path, message));
        }
    }

    /// An `out_of_range` problem carrying the bound the value broke,
    /// formatted only if there is room for it.
    pub(crate) fn out_of_range(
        &mut self,
        path: &str,
        bound: Bound,
        template: &str,
        parts: &[&dyn Part],
    ) {
        if !self.full() {
            self.problems
                .push(Problem::out_of_range(path, bound, concat(template, parts)));
        }
    }

    /// A problem whose message is formatted only if there is room for it.
    /// (Arguments that take work to compute, like a suggestion, are
    /// computed under a [`Decoder::full`] check instead.)
    pub(crate) fn report_fmt(
        &mut self,
        code: ErrorCode,
        path: &str,
        template: &str,
        parts: &[&dyn Part],
    ) {
        if !self.full() {
            self.problems
                .push(Problem::new(code, path, concat(template, parts)));
        }
    }

    /// Whether [`MAX_PROBLEMS`] problems have been found. Past that, decoding
    /// still works out whether each value is valid, but does no work for a
    /// problem: no suggestion, message or path is built, and an object's
    /// keys are not even listed. So the cost of a hostile input is bounded
    /// by its size, not by how many things are wrong with it.
    pub(crate) fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    /// The decoded value, or every problem found on the way to it.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Error> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(Error::new(self.problems)),
        }
    }

    /// Takes on another input's problems, moved under `prefix`.
    pub(crate) fn absorb(&mut self, prefix: &str, err: Error) {
        for p in err.into_problems() {
            if self.full() {
                break;
            }
            let path = crate::path::nest(prefix, &p.path);
            self.problems.push(Problem { path, ..p });
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

    /// A string of 1 to `max` code points; on a price sheet or a quote
    /// input, also one that shows something ([`Decoder::printable`]).
    pub(crate) fn text<S: Source>(&mut self, value: S, path: &str, max: usize) -> Option<String> {
        let s = self.string(value, path)?;
        let chars = code_points(&s);
        if chars == 0 || chars > max {
            self.out_of_range(
                path,
                Bound::Range(1, max as i64),
                "must be 1 to {} characters long; it has {}",
                &[&max, &chars],
            );
            return None;
        }
        #[cfg(sheets)]
        if self.printed && !self.printable(&s, path) {
            return None;
        }
        Some(s)
    }

    /// The one rule for every name and text of a price sheet or a quote
    /// input (the clinic, its address and phone, treatments, phases, fees,
    /// packages, discounts, providers, payers, the patient…): it is
    /// printed, so it must not be blank — only white space or invisible
    /// characters (zero-width spaces, bidi controls…) — and must hold no
    /// control character (a line break, a tab, NUL, an escape…), which
    /// could hide or break what is printed around it.
    #[cfg(sheets)]
    fn printable(&mut self, s: &str, path: &str) -> bool {
        let problem = if s.chars().all(crate::text::is_invisible) {
            "must not be blank: it has only spaces or invisible characters"
        } else if s.chars().any(char::is_control) {
            "must not contain control characters such as line breaks, tabs, NUL or escape"
        } else {
            return true;
        };
        self.report(ErrorCode::InvalidValue, path, problem);
        false
    }

    /// An object whose keys could not be listed (a Proxy's `ownKeys` trap
    /// threw): refused at `path`, since it may hide any field.
    fn unlisted(&mut self, path: &str) {
        self.report(
            ErrorCode::InvalidType,
            path,
            "expected an object, found an object whose fields could not be listed",
        );
    }

    pub(crate) fn wrong_type<S: Source>(&mut self, value: &S, path: &str, expected: &str) {
        if !self.full() {
            let found = value.kind().describe();
            self.report_fmt(
                ErrorCode::InvalidType,
                path,
                "expected {}, found {}",
                &[&expected, &found],
            );
        }
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
        // Once the list is full an unknown key could not be reported: the
        // keys are not read at all.
        let listed = if self.full() {
            Ok(())
        } else {
            // One instance of `keys` for every caller: a closure of its own
            // would copy the JavaScript walk into the wasm again.
            value.keys(&mut |key: &str| {
                if known.contains(&key) {
                    return true;
                }
                if self.full() {
                    return false;
                }
                // A hostile key may be megabytes long: name it clipped.
                let shown = clip(key);
                let message = match nearest(key, known) {
                    Some(near) => cat!("unknown field \"{}\" — did you mean \"{}\"?", shown, near),
                    None => cat!(
                        "unknown field \"{}\"; known fields are {}",
                        shown,
                        quoted_list(known)
                    ),
                };
                self.report(ErrorCode::UnknownField, &join(path, &shown), message);
                true
            })
        };
        if listed.is_err() {
            // Fail closed: an object whose keys cannot be listed may hide
            // any field, so it is refused, not read as if it had none.
            self.unlisted(path);
            return None;
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
            Some(v) if v.kind() != Kind::Null => Some(v),
            _ if self.full() => None,
            None => {
                self.report(
                    ErrorCode::MissingField,
                    &join(&obj.path, key),
                    cat!("\"{}\" is required", key),
                );
                None
            }
            Some(_) => {
                self.report(
                    ErrorCode::InvalidType,
                    &join(&obj.path, key),
                    cat!("\"{}\" is required and cannot be null", key),
                );
                None
            }
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
        let mut out = Vec::new();
        let ok = self.each(value, path, max, &mut |d, item, p| match read(d, item, p) {
            Some(t) => {
                out.push(t);
                true
            }
            None => false,
        });
        ok.then_some(out)
    }

    /// Reads every element of a list of at most `max` elements with `read`,
    /// at its path; whether every one was read. The walk is one copy for
    /// every element type: only the push into the list is per type.
    fn each<S: Source>(
        &mut self,
        value: S,
        path: &str,
        max: usize,
        read: &mut dyn FnMut(&mut Self, S, &str) -> bool,
    ) -> bool {
        let Some(len) = self.list_len(&value, path, max) else {
            return false;
        };
        let mut ok = true;
        for i in 0..len {
            let Some(item) = value.item(i) else {
                // The list is shorter than its length said: it changed
                // while it was read.
                ok = false;
                if !self.full() {
                    self.report(
                        ErrorCode::InvalidType,
                        &index(path, i),
                        "expected an entry, found none (the list changed while it was read)",
                    );
                }
                continue;
            };
            ok &= read(self, item, &index(path, i));
        }
        ok
    }

    /// The length of a list of at most `max` elements, checked before any
    /// element is read (one copy for every element type).
    fn list_len<S: Source>(&mut self, value: &S, path: &str, max: usize) -> Option<usize> {
        if value.kind() != Kind::Array {
            self.wrong_type(value, path, "a list");
            return None;
        }
        let Ok(len) = value.length() else {
            self.report(
                ErrorCode::InvalidType,
                path,
                "expected a list, found a list whose length could not be read",
            );
            return None;
        };
        if len > max {
            self.out_of_range(
                path,
                Bound::Max(max as i64),
                "has {} entries; at most {} are allowed",
                &[&len, &max],
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

    /// A billing code: at most 20 characters; on a price sheet, a CPT or
    /// HCPCS code ([`crate::text::is_billing_code`]).
    pub(crate) fn code<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let chars = code_points(&s);
        if chars > MAX_CODE_CHARS {
            self.out_of_range(
                path,
                Bound::Max(MAX_CODE_CHARS as i64),
                "must be at most {} characters long; it has {}",
                &[&MAX_CODE_CHARS, &chars],
            );
            return None;
        }
        #[cfg(sheets)]
        if self.printed && !crate::text::is_billing_code(&s) {
            self.report(
                ErrorCode::InvalidValue,
                path,
                cat!("\"{}\" is not a CPT or HCPCS code: 5 characters, 5 digits (99205), 4 digits and F, T or U (0019T), or a capital letter A to V and 4 digits (G2082)", clip(&s)),
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
        let days = self.list(value, path, MAX_WEEKDAY_ENTRIES, Decoder::weekday)?;
        if days.is_empty() && !allow_empty {
            self.out_of_range(path, Bound::Min(1), "must name at least one weekday", &[]);
            return None;
        }
        let mut seen = 0u8;
        let mut ok = true;
        for (i, day) in days.iter().enumerate() {
            if seen & day.bit() != 0 {
                if !self.full() {
                    self.report(
                        ErrorCode::InvalidValue,
                        &index(path, i),
                        cat!("\"{}\" is listed twice", day.name()),
                    );
                }
                ok = false;
            }
            seen |= day.bit();
        }
        ok.then_some(days)
    }

    /// An object with exactly one of `options` as its key. Each option is
    /// read once: a getter that answers differently on a second read cannot
    /// make the one value found vanish without a problem.
    fn one_of<S: Source>(&mut self, value: S, path: &str, options: &[&str]) -> Option<(usize, S)> {
        let obj = self.object(value, path, options)?;
        let mut first = None;
        let mut given: Vec<&str> = Vec::new();
        for (i, &option) in options.iter().enumerate() {
            if let Some(v) = self.optional(&obj, option) {
                given.push(option);
                first.get_or_insert((i, v));
            }
        }
        match (first, given.as_slice()) {
            (Some(found), [_]) => Some(found),
            (None, _) => {
                if !self.full() {
                    self.report(
                        ErrorCode::MissingField,
                        path,
                        cat!("needs exactly one of {}", quoted_list(options)),
                    );
                }
                None
            }
            (Some(_), [_, second, ..]) => {
                if !self.full() {
                    self.report(
                        ErrorCode::ConflictingFields,
                        &join(path, second),
                        cat!(
                            "give only one of {}, not {}",
                            quoted_list(options),
                            quoted_list(&given)
                        ),
                    );
                }
                None
            }
            (Some(_), []) => None,
        }
    }
}
