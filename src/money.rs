//! Money and rates: integer minor units and basis points, never floats.
//!
//! Every amount in a plan and an estimate is a whole number of the currency's
//! minor units (cents for USD, yen for JPY). Percentages are held as basis
//! points (hundredths of a percent), so `amount × rate` is an exact integer
//! product in `i128` followed by one rounding, half away from zero.

use crate::prelude::*;
use crate::text::{Part, cat};
use core::fmt;
use core::iter::Sum;
use core::ops::{Add, AddAssign, Sub, SubAssign};

use serde::{Serialize, Serializer};

/// An amount of money in minor units of the plan's currency.
///
/// Plan amounts are bounded by [`Amount::MAX_INPUT`]; with the plan's list and
/// session bounds, every sum the engine forms stays below 2^53, so it is exact
/// as a JavaScript number too (`tests/bounds.rs` proves the worst case).
/// Arithmetic saturates rather than wrapping, so even a broken invariant could
/// never turn a large bill into a negative one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(transparent)]
pub struct Amount(i64);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(0);
    /// The largest amount a plan may state: 10,000,000,000 minor units.
    pub const MAX_INPUT: Amount = Amount(crate::limits::MAX_AMOUNT);

    /// An amount of `minor` minor units.
    pub const fn new(minor: i64) -> Amount {
        Amount(minor)
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i64 {
        self.0
    }

    /// The amount in major units with `minor_units` decimals and no
    /// grouping, e.g. `"1234.50"` for 123450 cents: the form spreadsheets
    /// and billing systems import. Exact: integer digits, no float.
    pub fn decimal(self, minor_units: u8) -> String {
        let digits = cat!("{}", self.0.unsigned_abs());
        let sign = if self.0 < 0 { "-" } else { "" };
        let places = usize::from(minor_units);
        if places == 0 {
            return cat!("{}{}", sign, digits);
        }
        // At least one digit before the point; built char by char, since
        // slicing a str would pull its panic formatting into the wasm.
        let mut padded = String::new();
        for _ in digits.len()..=places {
            padded.push('0');
        }
        padded.push_str(&digits);
        let point = padded.len() - places;
        let mut out = String::from(sign);
        for (i, c) in padded.chars().enumerate() {
            if i == point {
                out.push('.');
            }
            out.push(c);
        }
        out
    }

    /// `self × rate`, rounded half away from zero to a whole minor unit.
    pub fn percent(self, rate: Percent) -> Amount {
        Amount(mul_div_round(
            self.0,
            i64::from(rate.basis_points()),
            10_000,
        ))
    }

    /// `self / parts`, rounded half away from zero: an average of `parts`
    /// amounts (`parts` is at least 1).
    pub fn div_round(self, parts: i64) -> Amount {
        Amount(mul_div_round(self.0, 1, parts.max(1)))
    }

    /// Whether the amount is zero.
    pub const fn is_zero(&self) -> bool {
        self.0 == 0
    }

    /// `self + other`, or `None` on overflow.
    pub const fn checked_add(self, other: Amount) -> Option<Amount> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(Amount(v)),
            None => None,
        }
    }

    /// The larger of zero and `self − other`.
    pub fn saturating_sub_to_zero(self, other: Amount) -> Amount {
        Amount((self.0 - other.0).max(0))
    }
}

/// `value × numerator / denominator`, rounded half away from zero, exactly:
/// the product is formed in 128 bits (it can exceed `i64` for a large balance
/// times a rate). `denominator` must be positive.
pub(crate) fn mul_div_round(value: i64, numerator: i64, denominator: i64) -> i64 {
    let negative = (value < 0) != (numerator < 0);
    let d = denominator.unsigned_abs();
    let (v, n) = (value.unsigned_abs(), numerator.unsigned_abs());
    let magnitude = if v >> 32 == 0 && n >> 32 == 0 && d >> 32 == 0 {
        // Every factor below 2^32 (every amount a ledger line holds): the
        // product and half the divisor fit 64 bits, one 64-bit division.
        i64::try_from((v * n + d / 2) / d.max(1)).unwrap_or(i64::MAX)
    } else {
        let quotient = div_small(u128::from(v) * u128::from(n) + u128::from(d / 2), d);
        i64::try_from(quotient).unwrap_or(i64::MAX)
    };
    if negative { -magnitude } else { magnitude }
}

/// `n / d` for a divisor below 2^32, by schoolbook division on 32-bit limbs.
/// (A general `u128` division would add a kilobyte of compiler builtins to
/// the wasm; every divisor here is 10,000 or 120,000.)
fn div_small(n: u128, d: u64) -> u128 {
    debug_assert!(d > 0 && d < 1 << 32);
    let d = d.max(1);
    let mut quotient = 0u128;
    let mut rest = 0u64;
    for shift in [96, 64, 32, 0] {
        let limb = ((n >> shift) as u64) & 0xFFFF_FFFF;
        let current = (rest << 32) | limb;
        quotient |= u128::from(current / d) << shift;
        rest = current % d;
    }
    quotient
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        *self = *self + other;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0))
    }
}

impl SubAssign for Amount {
    fn sub_assign(&mut self, other: Amount) {
        *self = *self - other;
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

/// An amount in a message: minor units, as `Display` writes it.
impl Part for Amount {
    fn put(&self, out: &mut String) {
        self.0.put(out);
    }
}

impl fmt::Display for Amount {
    /// Minor units, as the plan writes them. People-facing formatting belongs
    /// to the caller (`Intl.NumberFormat` in the page).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A percentage with at most two decimals, 0–100, held as basis points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "number"))]
pub struct Percent(u32);

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(0);
    /// 100 %, in basis points.
    pub const FULL_BASIS_POINTS: u32 = 10_000;

    /// A rate of `bp` basis points (1 % = 100), or `None` above 100 %.
    pub const fn from_basis_points(bp: u32) -> Option<Percent> {
        if bp <= Self::FULL_BASIS_POINTS {
            Some(Percent(bp))
        } else {
            None
        }
    }

    /// The rate in basis points.
    pub const fn basis_points(self) -> u32 {
        self.0
    }

    /// The rate as the plan writes it (`12.5` for 12.5 %). Only for display
    /// and the financing formula; no money is computed from it.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// Converts a plan's number, which must have at most two decimals and lie
    /// in 0–100.
    pub fn from_number(value: f64) -> Result<Percent, PercentError> {
        if !value.is_finite() || !(0.0..=100.0).contains(&value) {
            return Err(PercentError::OutOfRange);
        }
        let scaled = value * 100.0;
        let bp = round(scaled);
        // 33.33 × 100 is 3332.9999999999995 in binary: allow that much noise,
        // far below the 0.001 a third decimal would add.
        if (scaled - bp).abs() > 1e-6 {
            return Err(PercentError::TooPrecise);
        }
        Ok(Percent(bp as u32))
    }
}

/// Why a number is not a [`Percent`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentError {
    /// Not within 0–100.
    OutOfRange,
    /// More than two decimal places.
    TooPrecise,
}

impl Serialize for Percent {
    /// Whole percentages as integers (`20`, not `20.0`), others as decimals.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_u32(self.0 / 100)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        let text = match frac {
            0 => cat!("{}%", whole),
            f10 if f10 % 10 == 0 => cat!("{}.{}%", whole, f10 / 10),
            _ if frac < 10 => cat!("{}.0{}%", whole, frac),
            _ => cat!("{}.{}%", whole, frac),
        };
        f.write_str(&text)
    }
}

/// `f64::round` (halves away from zero) without std, which the `no_std`
/// build lacks. Exact: below 2^52 in magnitude, subtracting the truncated
/// integer loses nothing; at or above it every `f64` is already whole.
pub(crate) fn round(x: f64) -> f64 {
    const WHOLE: f64 = 4_503_599_627_370_496.0; // 2^52
    if x.is_nan() || x.abs() >= WHOLE {
        return x;
    }
    let whole = x as i64;
    let fraction = x - whole as f64;
    let rounded = if fraction >= 0.5 {
        whole + 1
    } else if fraction <= -0.5 {
        whole - 1
    } else {
        whole
    };
    match rounded {
        // As `f64::round`: a zero keeps the sign of what was rounded.
        0 if x.is_sign_negative() => -0.0,
        _ => rounded as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_is_std_round() {
        let mut cases = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            -2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            3332.9999999999995,
            12_345.678,
        ];
        // Payments and percentages: quotients with every kind of fraction.
        cases.extend((0..20_000).map(|i| f64::from(i) * 0.37 - 3_700.0));
        for x in cases {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x}");
        }
        assert!(round(f64::NAN).is_nan());
    }

    #[test]
    fn decimal_places_the_point_exactly() {
        assert_eq!(Amount::new(123_450).decimal(2), "1234.50");
        assert_eq!(Amount::new(5).decimal(2), "0.05");
        assert_eq!(Amount::new(0).decimal(3), "0.000");
        assert_eq!(Amount::new(1_234).decimal(3), "1.234");
        assert_eq!(Amount::new(45_000).decimal(0), "45000");
        assert_eq!(Amount::new(-5).decimal(2), "-0.05");
        assert_eq!(Amount::new(i64::MIN).decimal(2), "-92233720368547758.08");
    }

    #[test]
    fn percent_rounds_half_away_from_zero() {
        let p = |bp| Percent::from_basis_points(bp).expect("bp");
        assert_eq!(Amount::new(12345).percent(p(1250)), Amount::new(1543)); // 1543.125
        assert_eq!(Amount::new(1001).percent(p(250)), Amount::new(25)); // 25.025
        assert_eq!(Amount::new(128_982).percent(p(2000)), Amount::new(25_796)); // 25796.4
        assert_eq!(Amount::new(10).percent(p(500)), Amount::new(1)); // 0.5 → 1
        assert_eq!(Amount::new(-10).percent(p(500)), Amount::new(-1));
        assert_eq!(Amount::new(30).percent(p(5000)), Amount::new(15));
        // A product beyond i64: 2^62 × 10,000 / 10,000.
        assert_eq!(mul_div_round(1 << 62, 10_000, 10_000), 1 << 62);
        // Factors at the 64-bit path's edge: (2^32 − 1)² / (2^32 − 1) and
        // the same with a value of 2^32, which takes the long division.
        let max = (1 << 32) - 1;
        assert_eq!(mul_div_round(max, max, max), max);
        assert_eq!(mul_div_round(-max, max, max), -max);
        assert_eq!(mul_div_round(1 << 32, max, max), 1 << 32);
        // Rounding half away from zero on both paths: 5 × 1 / 2 = 2.5 → 3,
        // and (2^33 + 1) × 1 / 2 = 2^32 + 0.5 → 2^32 + 1.
        assert_eq!(mul_div_round(5, 1, 2), 3);
        assert_eq!(mul_div_round((1 << 33) + 1, 1, 2), (1 << 32) + 1);
        assert_eq!(
            mul_div_round(3_000_000_000_000_000, 999, 120_000),
            24_975_000_000_000
        );
        assert_eq!(mul_div_round(7, 1, 2), 4);
        assert_eq!(mul_div_round(-7, 1, 2), -4);
    }

    #[test]
    fn percents_from_numbers() {
        assert_eq!(
            Percent::from_number(12.5).map(Percent::basis_points),
            Ok(1250)
        );
        assert_eq!(
            Percent::from_number(33.33).map(Percent::basis_points),
            Ok(3333)
        );
        assert_eq!(Percent::from_number(0.07).map(Percent::basis_points), Ok(7));
        assert_eq!(
            Percent::from_number(9.99).map(Percent::basis_points),
            Ok(999)
        );
        assert_eq!(Percent::from_number(33.333), Err(PercentError::TooPrecise));
        assert_eq!(Percent::from_number(100.01), Err(PercentError::OutOfRange));
        assert_eq!(Percent::from_number(-0.5), Err(PercentError::OutOfRange));
        assert_eq!(
            Percent::from_number(f64::NAN),
            Err(PercentError::OutOfRange)
        );
    }

    #[test]
    fn amounts_and_currencies_in_messages() {
        // Minor units with their sign, and the code: as `Display` writes them.
        let usd = crate::currency::Currency::from_code("USD").expect("USD");
        assert_eq!(cat!("{} {}", Amount::new(-1250), usd), "-1250 USD");
        assert_eq!(cat!("{}", Amount::new(0)), "0");
    }

    #[test]
    fn percent_display_and_json() {
        let show = |v: f64| Percent::from_number(v).expect("valid").to_string();
        assert_eq!(show(20.0), "20%");
        assert_eq!(show(12.5), "12.5%");
        assert_eq!(show(9.99), "9.99%");
        let json =
            |v: f64| serde_json::to_string(&Percent::from_number(v).expect("valid")).expect("json");
        assert_eq!(json(0.0), "0");
        assert_eq!(json(9.99), "9.99");
    }
}
