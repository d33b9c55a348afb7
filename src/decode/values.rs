//! The readers of single values: whole numbers, amounts, percentages,
//! dates, keywords and currencies.

use crate::calendar::{Date, MonthDay};
use crate::currency::Currency;
use crate::error::{Bound, ErrorCode};
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::money::{Amount, Percent, PercentError};
use crate::prelude::*;
use crate::source::{Number, Source};
use crate::text::{cat, clip, nearest, quoted_list};

use super::Decoder;

impl Decoder {
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
                self.out_of_range(
                    path,
                    Bound::Range(min.into(), max.into()),
                    "must be from {} to {}; it is {}",
                    &[&min, &max, &n],
                );
                None
            }
            Some(Number::Float(_)) => {
                self.report_fmt(
                    ErrorCode::InvalidType,
                    path,
                    "must be a whole number from {} to {}",
                    &[&min, &max],
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
        let max = crate::limits::MAX_AMOUNT;
        match value.as_number() {
            Some(Number::Int(n)) if (0..=max).contains(&n) => Some(Amount::new(n)),
            Some(Number::Int(n)) => {
                self.out_of_range(
                    path,
                    Bound::Range(0, max),
                    "must be from 0 to {} minor units; it is {}",
                    &[&max, &n],
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
                self.out_of_range(
                    path,
                    Bound::Range(0, 100),
                    "must be a percentage from 0 to 100",
                    &[],
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
        if d.is_none() && !self.full() {
            let shown = clip(&s);
            self.report_fmt(
                ErrorCode::InvalidDate,
                path,
                "\"{}\" is not a real date written YYYY-MM-DD in the years {}–{}",
                &[&shown, &MIN_YEAR, &MAX_YEAR],
            );
        }
        d
    }

    pub(crate) fn month_day<S: Source>(&mut self, value: S, path: &str) -> Option<MonthDay> {
        let s = self.string(value, path)?;
        let d = MonthDay::parse(&s);
        if d.is_none() && !self.full() {
            let shown = clip(&s);
            self.report_fmt(
                ErrorCode::InvalidDate,
                path,
                "\"{}\" is not a day written MM-DD that exists every year",
                &[&shown],
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
        if found.is_none() && !self.full() {
            let hint = match nearest(&s, options) {
                Some(near) => cat!(" — did you mean \"{}\"?", near),
                None => String::new(),
            };
            self.report(
                ErrorCode::InvalidValue,
                path,
                cat!(
                    "\"{}\" is not one of {}{}",
                    clip(&s),
                    quoted_list(options),
                    hint
                ),
            );
        }
        found
    }

    pub(crate) fn currency<S: Source>(&mut self, value: S, path: &str) -> Option<Currency> {
        let s = self.string(value, path)?;
        let c = Currency::from_code(&s);
        if c.is_none() && !self.full() {
            let hint = if Currency::from_code(&s.to_ascii_uppercase()).is_some() {
                cat!(" (write it in capitals: \"{}\")", s.to_ascii_uppercase())
            } else {
                String::new()
            };
            self.report(
                ErrorCode::InvalidCurrency,
                path,
                cat!(
                    "\"{}\" is not a current ISO 4217 currency code with minor units{}",
                    clip(&s),
                    hint
                ),
            );
        }
        c
    }
}
