//! A clinic's price sheet: who the clinic is, when it is closed, and the
//! treatments it sells at its own prices.
//!
//! Staff quote from a sheet rather than from the public catalogue, so a
//! clinic deploys the page with its prices baked in (`www/clinic.json`) or
//! opens its sheet from a file. A sheet is decoded by the same decoder as a
//! plan — each treatment's `phases`, `fees`, `packages` and `discounts` are a
//! plan's — so every problem has a path (`treatments[1].phases[0].price`) and
//! every rule of the contract holds for every treatment before it is quoted.
//! The format is documented in the README and described for other tools by
//! `schema/clinic.schema.json`.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::{Date, Weekday};
use crate::currency::Currency;
use crate::decode::{self, Course, Decoder, join};
use crate::error::{ErrorCode, PlanError};
use crate::plan::{Clinic, Discount, Fee, Horizon, Package, Phase, Plan};
use crate::source::Source;

/// Most treatments on a sheet.
pub const MAX_TREATMENTS: usize = 50;
/// Most diagnosis codes on a treatment or a quote.
pub const MAX_DIAGNOSIS_CODES: usize = 12;
/// Most items scheduled separately on a treatment.
pub const MAX_SEPARATE_ITEMS: usize = 20;
/// Longest free text on a sheet (a description, an item scheduled separately).
pub const MAX_TEXT_CHARS: usize = 500;
/// Longest a quote may stay valid, in days.
pub const MAX_VALID_DAYS: u32 = 365;

/// A clinic's price sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClinicSheet {
    /// Who the clinic is: printed on every quote and Good Faith Estimate.
    /// (In JSON its fields sit at the top of the sheet.)
    #[serde(flatten)]
    pub provider: Provider,
    /// ISO 4217 code of every amount on the sheet; default `"USD"`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub currency: Currency,
    /// Weekdays the clinic is closed, e.g. `["sat", "sun"]`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub closed_weekdays: Vec<Weekday>,
    /// Days the clinic is closed (at most 400), e.g. public holidays.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub holidays: Vec<Date>,
    /// How many days a quote stays valid (1–365); default 30.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub quote_valid_days: u32,
    /// What the clinic sells (1–50).
    pub treatments: Vec<Treatment>,
}

/// The clinic as a provider: the identity a Good Faith Estimate must carry
/// (45 CFR 149.610(c): name, NPI, TIN, and where the care is given).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// The clinic's name, 1–80 characters.
    pub name: String,
    /// Where the care is given.
    pub address: Address,
    /// A phone number for questions, as it should be printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub phone: Option<String>,
    /// National Provider Identifier: 10 digits with a valid check digit.
    pub npi: String,
    /// Taxpayer Identification Number (an EIN): 9 digits, printed `12-3456789`.
    pub tin: String,
}

/// A postal address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Street and number, suite.
    pub street: String,
    /// City or town.
    pub city: String,
    /// State or region, e.g. `"NY"`.
    pub state: String,
    /// Postal code.
    pub postal_code: String,
}

/// One treatment on the sheet, at the clinic's prices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Treatment {
    /// Stable identifier quotes refer to, unique on the sheet.
    pub id: String,
    /// Name printed on quotes, e.g. `"IV ketamine infusion series"`.
    pub name: String,
    /// What the course is, in a sentence or two.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub description: Option<String>,
    /// ICD-10 codes the course is usually billed under, e.g. `"F33.2"`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub diagnosis_codes: Vec<String>,
    /// Items the patient is expected to need that are scheduled (and billed)
    /// separately, e.g. a psychiatric evaluation by the referring provider.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub scheduled_separately: Vec<String>,
    /// How far ahead a quote looks (months or weeks); default 12 months.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub horizon: Horizon,
    /// The course, phase by phase, as in a plan.
    pub phases: Vec<Phase>,
    /// Fees besides the sessions, as in a plan.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub fees: Vec<Fee>,
    /// Prepaid bundles, as in a plan.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub packages: Vec<Package>,
    /// Discounts every patient gets, as in a plan.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub discounts: Vec<Discount>,
}

impl ClinicSheet {
    /// The treatment with this id.
    pub fn treatment(&self, id: &str) -> Option<&Treatment> {
        self.treatments.iter().find(|t| t.id == id)
    }

    /// The plan for one treatment starting on `start`: the sheet's currency
    /// and closed days with the treatment's course. The caller adds
    /// insurance and programmes.
    pub fn plan(&self, treatment: &Treatment, start: Date) -> Plan {
        Plan {
            currency: self.currency,
            start,
            horizon: treatment.horizon,
            clinic: Clinic {
                closed_weekdays: self.closed_weekdays.clone(),
                closed_dates: self.holidays.clone(),
            },
            phases: treatment.phases.clone(),
            fees: treatment.fees.clone(),
            packages: treatment.packages.clone(),
            discounts: treatment.discounts.clone(),
            coverage: None,
            assistance: Vec::new(),
            financing: None,
        }
    }
}

/// Validates and decodes a price sheet from any [`Source`], reporting every
/// problem with its path.
pub fn decode_clinic<S: Source>(input: S) -> Result<ClinicSheet, PlanError> {
    let mut d = Decoder::default();
    let sheet = d.clinic_sheet(input);
    if let Some(sheet) = &sheet {
        check_sheet(sheet, &mut d);
    }
    d.finish(sheet)
}

/// Parses and validates a price sheet from JSON text.
#[cfg(feature = "std")]
pub fn parse_clinic(json: &str) -> Result<ClinicSheet, PlanError> {
    decode_clinic(&crate::parse_json(json)?)
}

/// The rules across fields: unique ids, an open weekday, and each treatment
/// a valid course (checked as the plan a quote would build from it).
fn check_sheet(sheet: &ClinicSheet, d: &mut Decoder) {
    decode::unique(
        d,
        "treatments",
        "id",
        sheet.treatments.iter().map(|t| t.id.as_str()),
    );
    decode::open_weekday(d, &sheet.closed_weekdays, "closedWeekdays");
    for (i, treatment) in sheet.treatments.iter().enumerate() {
        // The course's own rules (names, references, discount totals) do not
        // depend on the start; any valid date will do. The closed days are
        // the sheet's, checked once above, not once per treatment.
        let mut plan = sheet.plan(treatment, Date::from_days_since_epoch(0));
        plan.clinic = Clinic::default();
        if let Err(err) = decode::check(&plan) {
            d.absorb(&format!("treatments[{i}]"), err);
        }
    }
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
        let phone = self.opt_with(&obj, "phone", |d, v, p| d.text(v, p, 40));
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
        let street = self.req_with(&obj, "street", |d, v, p| d.text(v, p, 120));
        let city = self.req_with(&obj, "city", |d, v, p| d.name(v, p));
        let state = self.req_with(&obj, "state", |d, v, p| d.name(v, p));
        let postal_code = self.req_with(&obj, "postalCode", |d, v, p| d.text(v, p, 20));
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
                format!(
                    "\"{}\" is not an NPI: an NPI is 10 digits",
                    decode::clip(&s)
                ),
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
                    decode::clip(&s)
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
        let course = self.course(&obj);
        let Course {
            phases,
            fees,
            packages,
            discounts,
        } = course?;
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
