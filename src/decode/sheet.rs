//! The readers of a clinic's price sheet.

use crate::clinic::{Address, ClinicSheet, Provider, Treatment};
use crate::error::{Error, ErrorCode};
use crate::limits::{
    MAX_DIAGNOSIS_CODES, MAX_PHONE_CHARS, MAX_POSTAL_CODE_CHARS, MAX_SEPARATE_ITEMS,
    MAX_STREET_CHARS, MAX_TEXT_CHARS, MAX_TREATMENTS, MAX_VALID_DAYS,
};
use crate::path::join;
use crate::plan::Horizon;
use crate::prelude::*;
use crate::source::Source;
use crate::text::clip;

use super::plan::Course;
use super::{Decoder, rules};

/// Validates and decodes a price sheet from any [`Source`], reporting every
/// problem with its path.
pub fn clinic<S: Source>(input: S) -> Result<ClinicSheet, Error> {
    let mut d = Decoder::default();
    let sheet = d.clinic_sheet(input);
    if let Some(sheet) = &sheet {
        check_sheet(sheet, &mut d);
    }
    d.finish(sheet)
}

/// The rules across fields: unique ids and an open weekday. Each
/// treatment's course was checked as it was read.
fn check_sheet(sheet: &ClinicSheet, d: &mut Decoder) {
    rules::unique(
        d,
        "treatments",
        "id",
        sheet.treatments.iter().map(|t| t.id.as_str()),
    );
    rules::open_weekday(d, &sheet.closed_weekdays, "closedWeekdays");
}

impl Decoder {
    fn clinic_sheet<S: Source>(&mut self, input: S) -> Option<ClinicSheet> {
        const KNOWN: &[&str] = &[
            "name",
            "address",
            "phone",
            "npi",
            "tin",
            "currency",
            "closedWeekdays",
            "holidays",
            "quoteValidDays",
            "treatments",
        ];
        let obj = self.object(input, "", KNOWN)?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let address = self.req_with(&obj, "address", |d, v, p| d.address(v, p));
        let phone = self.opt_with(&obj, "phone", |d, v, p| d.text(v, p, MAX_PHONE_CHARS));
        let npi = self.req_with(&obj, "npi", |d, v, p| d.npi(v, p));
        let tin = self.req_with(&obj, "tin", |d, v, p| d.tin(v, p));
        let currency = self.opt_with(&obj, "currency", |d, v, p| d.currency(v, p));
        let closed_weekdays =
            self.opt_with(&obj, "closedWeekdays", |d, v, p| d.weekdays(v, p, true));
        let holidays = self.opt_with(&obj, "holidays", |d, v, p| d.closed_dates(v, p));
        let valid_days = self.opt_with(&obj, "quoteValidDays", |d, v, p| {
            d.count(v, p, 1, MAX_VALID_DAYS)
        });
        let treatments = self.req_with(&obj, "treatments", |d, v, p| {
            let list = d.list(v, p, MAX_TREATMENTS, |d, v, p| d.treatment(v, p))?;
            if list.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "needs at least one treatment");
                return None;
            }
            Some(list)
        });
        Some(ClinicSheet {
            provider: Provider {
                name: name?,
                address: address?,
                phone: phone.ok()?,
                npi: npi?,
                tin: tin?,
            },
            currency: currency.ok()?.unwrap_or_default(),
            closed_weekdays: closed_weekdays.ok()?.unwrap_or_default(),
            holidays: holidays.ok()?.unwrap_or_default(),
            quote_valid_days: valid_days.ok()?.unwrap_or(30),
            treatments: treatments?,
        })
    }

    fn address<S: Source>(&mut self, value: S, path: &str) -> Option<Address> {
        let obj = self.object(value, path, &["street", "city", "state", "postalCode"])?;
        let street = self.req_with(&obj, "street", |d, v, p| d.text(v, p, MAX_STREET_CHARS));
        let city = self.req_with(&obj, "city", |d, v, p| d.name(v, p));
        let state = self.req_with(&obj, "state", |d, v, p| d.name(v, p));
        let postal_code = self.req_with(&obj, "postalCode", |d, v, p| {
            d.text(v, p, MAX_POSTAL_CODE_CHARS)
        });
        Some(Address {
            street: street?,
            city: city?,
            state: state?,
            postal_code: postal_code?,
        })
    }

    /// A National Provider Identifier: ten digits whose last is the Luhn
    /// check digit of the first nine prefixed with `80840` (CMS's NPI
    /// check-digit rule), so a mistyped digit is caught before it is printed.
    fn npi<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
        if digits.len() != 10 || s.len() != 10 {
            self.report(
                ErrorCode::InvalidValue,
                path,
                format!("\"{}\" is not an NPI: an NPI is 10 digits", clip(&s)),
            );
            return None;
        }
        if !npi_check_digit_ok(&digits) {
            self.report(
                ErrorCode::InvalidValue,
                path,
                format!("\"{s}\" is not a valid NPI: its check digit does not match (a digit may be mistyped)"),
            );
            return None;
        }
        Some(s)
    }

    /// A Taxpayer Identification Number: nine digits, written `123456789` or
    /// `12-3456789`; kept in the `12-3456789` form.
    fn tin<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let shape_ok = match s.len() {
            9 => digits.len() == 9,
            10 => digits.len() == 9 && s.as_bytes().get(2) == Some(&b'-'),
            _ => false,
        };
        if !shape_ok {
            self.report(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "\"{}\" is not a TIN: write 9 digits, as 123456789 or 12-3456789",
                    clip(&s)
                ),
            );
            return None;
        }
        let mut printed = String::with_capacity(10);
        for (i, digit) in digits.chars().enumerate() {
            if i == 2 {
                printed.push('-');
            }
            printed.push(digit);
        }
        Some(printed)
    }

    fn treatment<S: Source>(&mut self, value: S, path: &str) -> Option<Treatment> {
        const KNOWN: &[&str] = &[
            "id",
            "name",
            "description",
            "diagnosisCodes",
            "scheduledSeparately",
            "horizon",
            "phases",
            "fees",
            "packages",
            "discounts",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", |d, v, p| d.name(v, p));
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let description =
            self.opt_with(&obj, "description", |d, v, p| d.text(v, p, MAX_TEXT_CHARS));
        let diagnosis_codes =
            self.opt_with(&obj, "diagnosisCodes", |d, v, p| d.diagnosis_codes(v, p));
        let separately = self.opt_with(&obj, "scheduledSeparately", |d, v, p| {
            d.list(v, p, MAX_SEPARATE_ITEMS, |d, v, p| {
                d.text(v, p, MAX_TEXT_CHARS)
            })
        });
        let horizon = self.opt_with(&obj, "horizon", |d, v, p| {
            let horizon = d.horizon(v, p)?;
            if let Horizon::Until(_) = horizon {
                d.report(
                    ErrorCode::InvalidValue,
                    &join(p, "until"),
                    "a treatment's horizon is \"months\" or \"weeks\": its dates come from each quote's start",
                );
                return None;
            }
            Some(horizon)
        });
        let Course {
            phases,
            fees,
            packages,
            discounts,
        } = self.course(&obj)?;
        // The course's rules hold for every start date: check them once
        // here. (The sheet's own rules are still checked after a problem.)
        let mut course = Decoder::default();
        rules::course(&mut course, &phases, &fees, &packages, &discounts);
        if !course.problems.is_empty() {
            self.absorb(path, Error::new(course.problems));
        }
        Some(Treatment {
            id: id?,
            name: name?,
            description: description.ok()?,
            diagnosis_codes: diagnosis_codes.ok()?.unwrap_or_default(),
            scheduled_separately: separately.ok()?.unwrap_or_default(),
            horizon: horizon.ok()?.unwrap_or_default(),
            phases,
            fees,
            packages,
            discounts,
        })
    }

    /// ICD-10 diagnosis codes: 1–12 billing codes.
    pub(crate) fn diagnosis_codes<S: Source>(
        &mut self,
        value: S,
        path: &str,
    ) -> Option<Vec<String>> {
        self.list(value, path, MAX_DIAGNOSIS_CODES, |d, v, p| {
            let code = d.code(v, p)?;
            if code.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "must not be empty");
                return None;
            }
            Some(code)
        })
    }
}

/// The NPI check digit: Luhn over `80840` followed by the first nine digits.
fn npi_check_digit_ok(digits: &[u32]) -> bool {
    let mut sum = 24; // the Luhn sum of the 80840 prefix's doubled positions
    for (i, &digit) in digits[..9].iter().rev().enumerate() {
        sum += if i % 2 == 0 {
            let doubled = digit * 2;
            doubled / 10 + doubled % 10
        } else {
            digit
        };
    }
    (10 - sum % 10) % 10 == digits[9]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u32> {
        s.chars().filter_map(|c| c.to_digit(10)).collect()
    }

    #[test]
    fn npi_check_digit_follows_the_cms_example() {
        // CMS's worked example: 123456789 has check digit 3.
        assert!(npi_check_digit_ok(&digits("1234567893")));
        for wrong in 0..10 {
            if wrong != 3 {
                assert!(!npi_check_digit_ok(&digits(&format!("123456789{wrong}"))));
            }
        }
        // A transposition of two digits is caught.
        assert!(!npi_check_digit_ok(&digits("2134567893")));
    }
}
