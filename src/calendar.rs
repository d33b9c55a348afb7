//! Civil dates: proleptic-Gregorian days, weekdays, month arithmetic.
//!
//! A course is planned in calendar days with no time and no zone, so a date is
//! simply a count of days since 1970-01-01. The conversion is Howard Hinnant's
//! `days_from_civil` / `civil_from_days`, a few lines of integer arithmetic that
//! are cross-checked against the `time` crate in the tests. Nothing here reads
//! the clock: callers pass dates in.

use crate::prelude::*;
use crate::text::Part;
use core::fmt;

use serde::{Serialize, Serializer};

/// A civil date `YYYY-MM-DD` in the proleptic Gregorian calendar.
///
/// Dates parsed from a plan lie in 1970–2199; dates the engine derives (the end
/// of a ten-year horizon, a payment date) may lie a little beyond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "string"))]
pub struct Date(i32);

use crate::limits::{MAX_YEAR, MIN_BIRTH_YEAR, MIN_YEAR};

impl Date {
    /// The date for a year, month (1–12) and day, or `None` when that day does
    /// not exist or the year is outside 1970–2199.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    pub const fn from_days_since_epoch(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    pub const fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// Year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The date `n` days later (earlier when negative).
    pub const fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// The date `n` months later, with the day clamped to the target month's
    /// length: Jan 31 + 1 month is Feb 28 (or 29), as billing calendars do.
    pub fn add_months(self, n: u32) -> Date {
        let (y, m, d) = self.ymd();
        let index = i64::from(y) * 12 + i64::from(m - 1) + i64::from(n);
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = d.min(days_in_month(year, month));
        Date(days_from_civil(year, month, day))
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        Weekday::ALL[(i64::from(self.0) + 3).rem_euclid(7) as usize]
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date(days_from_civil(y, m, 1))
    }

    /// The first days of the months from this date's month to `last`'s,
    /// inclusive: the months an estimate reports.
    pub fn months_through(self, last: Date) -> impl Iterator<Item = Date> {
        let last = last.first_of_month();
        core::iter::successors(Some(self.first_of_month()), |m| Some(m.add_months(1)))
            .take_while(move |m| *m <= last)
    }

    /// This date's month written `YYYY-MM`, as estimates name months.
    pub fn month_key(self) -> String {
        // The date's own digits, not `format!` (see [`Date::iso`]).
        let iso = self.iso();
        String::from(core::str::from_utf8(&iso[..7]).unwrap_or_default())
    }

    /// Parses `YYYY-MM-DD`, exactly ten ASCII characters.
    pub fn parse(text: &str) -> Option<Date> {
        let (year, month, day) = split_ymd(text)?;
        Date::from_ymd(year, month, day)
    }
}

/// The year, month and day of `YYYY-MM-DD` text, not yet checked as a date.
fn split_ymd(text: &str) -> Option<(i32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    ))
}

/// Whether `text` is a real `YYYY-MM-DD` day from [`MIN_BIRTH_YEAR`] to
/// [`MAX_YEAR`]: a birth date,
/// which may well be older than any date a plan schedules.
pub fn is_birth_date(text: &str) -> bool {
    let Some((year, month, day)) = split_ymd(text) else {
        return false;
    };
    // 1900–1969 have the same leap years as 2100–2169 (1900 and 2100 are
    // both century years that are not leap years), so check it there.
    let year = if (MIN_BIRTH_YEAR..MIN_YEAR).contains(&year) {
        year + 200
    } else {
        year
    };
    Date::from_ymd(year, month, day).is_some()
}

/// The ASCII digit of `n`'s place `unit` (1, 10, 100…).
fn digit(n: u32, unit: u32) -> u8 {
    b'0' + (n / unit % 10) as u8
}

impl Date {
    /// `YYYY-MM-DD`, without the formatting machinery: results carry
    /// hundreds of dates, and `write!` costs more than the estimate in
    /// WebAssembly built for size (BENCHMARKS.md). Not inlined: one copy
    /// serves the JSON writer, `Display` and month keys.
    #[inline(never)]
    fn iso(self) -> [u8; 10] {
        let (y, m, d) = self.ymd();
        let y = y.unsigned_abs();
        [
            digit(y, 1000),
            digit(y, 100),
            digit(y, 10),
            digit(y, 1),
            b'-',
            digit(m, 10),
            digit(m, 1),
            b'-',
            digit(d, 10),
            digit(d, 1),
        ]
    }
}

/// A date in a message: `YYYY-MM-DD`, as `Display` writes it.
impl Part for Date {
    fn put(&self, out: &mut String) {
        for d in self.iso() {
            out.push(char::from(d));
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(core::str::from_utf8(&self.iso()).unwrap_or_default())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let iso = self.iso();
        s.serialize_str(core::str::from_utf8(&iso).unwrap_or_default())
    }
}

/// A day of the year that exists in every year, `MM-DD`: where a plan year or
/// a programme year starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "string"))]
pub struct MonthDay {
    month: u8,
    day: u8,
}

impl MonthDay {
    /// 1 January, the default year start.
    pub const JANUARY_FIRST: MonthDay = MonthDay { month: 1, day: 1 };

    /// A month (1–12) and day that exist in every year (so not 29 February).
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(2001, month) {
            return None;
        }
        Some(MonthDay {
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `MM-DD`.
    pub fn parse(text: &str) -> Option<MonthDay> {
        let b = text.as_bytes();
        if b.len() != 5 || b[2] != b'-' {
            return None;
        }
        MonthDay::new(digits(&b[0..2])?, digits(&b[3..5])?)
    }

    /// The start of the year (in this sense) that contains `date`.
    pub fn year_containing(self, date: Date) -> Date {
        let (y, _, _) = date.ymd();
        let this_year = self.in_year(y);
        if this_year <= date {
            this_year
        } else {
            self.in_year(y - 1)
        }
    }

    fn in_year(self, year: i32) -> Date {
        Date(days_from_civil(
            year,
            u32::from(self.month),
            u32::from(self.day),
        ))
    }
}

impl Default for MonthDay {
    fn default() -> Self {
        MonthDay::JANUARY_FIRST
    }
}

impl MonthDay {
    /// `MM-DD`.
    fn text(self) -> [u8; 5] {
        let (m, d) = (self.month.into(), self.day.into());
        [digit(m, 10), digit(m, 1), b'-', digit(d, 10), digit(d, 1)]
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(core::str::from_utf8(&self.text()).unwrap_or_default())
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.text();
        s.serialize_str(core::str::from_utf8(&text).unwrap_or_default())
    }
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday, `"mon"`.
    Mon,
    /// Tuesday, `"tue"`.
    Tue,
    /// Wednesday, `"wed"`.
    Wed,
    /// Thursday, `"thu"`.
    Thu,
    /// Friday, `"fri"`.
    Fri,
    /// Saturday, `"sat"`.
    Sat,
    /// Sunday, `"sun"`.
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The plan's spelling: `"mon"` … `"sun"`.
    pub const fn name(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// Parses the plan's spelling.
    pub fn parse(text: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|w| w.name() == text)
    }

    /// A bit for sets of weekdays (Monday = bit 0).
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Whether `year` is a leap year.
pub const fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month of a year.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Days since 1970-01-01 of a civil date (Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a count of days since 1970-01-01 (Hinnant's algorithm).
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400) as i32 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("test date")
    }

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2026-01-05").to_string(), "2026-01-05");
        // In a message, as `Display` writes it.
        assert_eq!(crate::text::cat!("on {}", d("2026-01-05")), "on 2026-01-05");
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "1969-12-31",
            "2200-01-01",
            "2026-1-05",
            "２０26-01-05",
            "2026/01/05",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2100-02-29").is_none());
    }

    #[test]
    fn months_clamp_to_month_length() {
        let jan31 = d("2026-01-31");
        assert_eq!(jan31.add_months(1), d("2026-02-28"));
        assert_eq!(jan31.add_months(2), d("2026-03-31"));
        assert_eq!(jan31.add_months(3), d("2026-04-30"));
        assert_eq!(d("2027-12-31").add_months(2), d("2028-02-29"));
        assert_eq!(d("2026-11-15").add_months(14), d("2028-01-15"));
    }

    #[test]
    fn weekdays() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thu);
        assert_eq!(d("2026-01-05").weekday(), Weekday::Mon);
        assert_eq!(d("2026-11-21").weekday(), Weekday::Sat);
    }

    #[test]
    fn month_days_and_year_starts() {
        assert_eq!(MonthDay::parse("02-29"), None);
        assert_eq!(MonthDay::parse("13-01"), None);
        let july = MonthDay::parse("07-01").expect("valid");
        assert_eq!(july.year_containing(d("2026-06-30")), d("2025-07-01"));
        assert_eq!(july.year_containing(d("2026-07-01")), d("2026-07-01"));
        assert_eq!(
            MonthDay::JANUARY_FIRST.year_containing(d("2026-12-31")),
            d("2026-01-01")
        );
    }
}
