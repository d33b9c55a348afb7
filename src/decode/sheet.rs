//! The readers of a clinic's price sheet.

use crate::calendar::Date;
use crate::clinic::{
    Address, ClinicSheet, CoProvider, Course, Payer, Provider, ProviderKind, Rate, SheetDiscount,
    SheetFee, SheetPhase, Treatment,
};
use crate::error::{Bound, Error, ErrorCode};
use crate::limits::{
    MAX_DIAGNOSIS_CODES, MAX_PAYER_RATES, MAX_PAYERS, MAX_PHONE_CHARS, MAX_POSTAL_CODE_CHARS,
    MAX_PROVIDERS, MAX_SEPARATE_ITEMS, MAX_STREET_CHARS, MAX_TEXT_CHARS, MAX_TREATMENTS,
    MAX_VALID_DAYS,
};
use crate::path::join;
use crate::plan::{Horizon, Network};
use crate::prelude::*;
use crate::source::Source;
use crate::text::{cat, clip};

use super::{Billers, Decoder, Obj, rules};

/// Validates and decodes a price sheet from any [`Source`], reporting every
/// problem with its path.
pub fn clinic<S: Source>(input: S) -> Result<ClinicSheet, Error> {
    let mut d = Decoder::printed();
    let sheet = d.clinic_sheet(input);
    if let Some(sheet) = &sheet {
        check_sheet(sheet, &mut d);
    }
    d.finish(sheet)
}

/// The rules across fields: unique ids, an open weekday, the providers
/// that phases and fees name, and the payers' allowed amounts. Each
/// treatment's course was checked as it was read.
fn check_sheet(sheet: &ClinicSheet, d: &mut Decoder) {
    rules::unique(
        d,
        "treatments",
        "id",
        sheet.treatments.iter().map(|t| t.id.as_str()),
    );
    rules::unique(
        d,
        "providers",
        "id",
        sheet.providers.iter().map(|p| p.id.as_str()),
    );
    rules::unique(
        d,
        "payers",
        "id",
        sheet.payers.iter().map(|p| p.id.as_str()),
    );
    rules::open_weekday(d, &sheet.closed_weekdays, "closedWeekdays");
    let providers: Vec<&str> = sheet.providers.iter().map(|p| p.id.as_str()).collect();
    for (t, treatment) in sheet.treatments.iter().enumerate() {
        let mut courses = vec![(cat!("treatments[{}]", t), &treatment.course)];
        if let Some(high) = &treatment.high {
            courses.push((cat!("treatments[{}].high", t), high));
        }
        for (path, course) in courses {
            for (i, phase) in course.phases.iter().enumerate() {
                for (field, id) in [("provider", &phase.provider), ("location", &phase.location)] {
                    if let Some(id) = id {
                        let at = cat!("{}.phases[{}].{}", path, i, field);
                        rules::known_name(d, &at, id, &providers, "provider");
                    }
                }
            }
            for (i, fee) in course.fees.iter().enumerate() {
                for (field, id) in [("provider", &fee.provider), ("location", &fee.location)] {
                    if let Some(id) = id {
                        let at = cat!("{}.fees[{}].{}", path, i, field);
                        rules::known_name(d, &at, id, &providers, "provider");
                    }
                }
            }
        }
    }
    dear_ends(sheet, d);
    let ids: Vec<&str> = sheet.treatments.iter().map(|t| t.id.as_str()).collect();
    for (p, payer) in sheet.payers.iter().enumerate() {
        for (r, rate) in payer.allowed.iter().enumerate() {
            let at = cat!("payers[{}].allowed[{}]", p, r);
            check_rate(sheet, d, &at, rate, &ids);
            let same = |other: &Rate| {
                other.treatment == rate.treatment
                    && other.phase == rate.phase
                    && other.fee == rate.fee
            };
            if payer.allowed[..r].iter().any(same) {
                d.report(
                    ErrorCode::DuplicateName,
                    &at,
                    "this payer already lists an allowed amount for this phase or fee",
                );
            }
        }
    }
}

/// The start a sheet's dear-end courses are checked from: Monday
/// 2027-01-04. A course's cost depends on its dates (closed days, the
/// months of its horizon), so the sheet is checked for one start, and each
/// Good Faith Estimate again for its own (`good_faith_estimate`).
pub(crate) const DEAR_END_CHECKED_FROM: Date = Date::from_days_since_epoch(20_822);

/// Each treatment's dear-end course (`high`) costs at least what its
/// expected course does over the treatment's horizon from
/// [`DEAR_END_CHECKED_FROM`]: it is the top of the range a Good Faith
/// Estimate states ("expected $x, up to $y"). Only a sheet with no other
/// problem is estimated (each course's rules must hold first).
fn dear_ends(sheet: &ClinicSheet, d: &mut Decoder) {
    if !d.problems.is_empty() {
        return;
    }
    for (t, treatment) in sheet.treatments.iter().enumerate() {
        let Some(high) = &treatment.high else {
            continue;
        };
        let start = DEAR_END_CHECKED_FROM;
        let charge = |course| {
            let plan = sheet.plan_of(course, treatment.horizon, start);
            crate::assemble::estimate(&plan).totals.charge
        };
        let (expected, dear) = (charge(&treatment.course), charge(high));
        if dear < expected {
            d.report(
                ErrorCode::OutOfRange,
                &cat!("treatments[{}].high", t),
                sheet.dear_end_problem(start, expected, dear),
            );
        }
    }
}

/// One allowed amount: its treatment, phase or fee exist, and it is at most
/// what the clinic charges for it.
fn check_rate(sheet: &ClinicSheet, d: &mut Decoder, at: &str, rate: &Rate, ids: &[&str]) {
    let Some(treatment) = sheet.treatment(&rate.treatment) else {
        rules::known_name(d, &join(at, "treatment"), &rate.treatment, ids, "treatment");
        return;
    };
    let course = &treatment.course;
    let (field, name, price) = match (&rate.phase, &rate.fee) {
        (Some(name), _) => {
            let names: Vec<&str> = course
                .phases
                .iter()
                .map(|p| p.phase.name.as_str())
                .collect();
            let price = course.phases.iter().find(|p| &p.phase.name == name);
            if price.is_none() {
                rules::known_name(d, &join(at, "phase"), name, &names, "phase");
            }
            ("phase", name, price.map(|p| p.phase.price))
        }
        (None, Some(name)) => {
            let names: Vec<&str> = course.fees.iter().map(|f| f.fee.name.as_str()).collect();
            let price = course.fees.iter().find(|f| &f.fee.name == name);
            if price.is_none() {
                rules::known_name(d, &join(at, "fee"), name, &names, "fee");
            }
            ("fee", name, price.map(|f| f.fee.amount))
        }
        (None, None) => return,
    };
    if let Some(price) = price
        && rate.amount > price
    {
        d.out_of_range(
            &join(at, "amount"),
            Bound::Max(price.minor()),
            "is more than the clinic charges for {} \"{}\" ({} > {}): an insurer allows at most what is charged",
            &[&field, &name, &rate.amount, &price],
        );
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
            "taxonomy",
            "currency",
            "closedWeekdays",
            "holidays",
            "quoteValidDays",
            "providers",
            "payers",
            "treatments",
        ];
        let obj = self.object(input, "", KNOWN)?;
        let provider = self.identity(&obj);
        let currency = self.opt_with(&obj, "currency", |d, v, p| d.currency(v, p));
        let closed_weekdays =
            self.opt_with(&obj, "closedWeekdays", |d, v, p| d.weekdays(v, p, true));
        let holidays = self.opt_with(&obj, "holidays", |d, v, p| d.closed_dates(v, p));
        let valid_days = self.opt_with(&obj, "quoteValidDays", |d, v, p| {
            d.count(v, p, 1, MAX_VALID_DAYS)
        });
        let providers = self.opt_with(&obj, "providers", |d, v, p| {
            d.list(v, p, MAX_PROVIDERS, Decoder::co_provider)
        });
        let payers = self.opt_with(&obj, "payers", |d, v, p| {
            d.list(v, p, MAX_PAYERS, Decoder::payer)
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
            provider: provider?,
            currency: currency.ok()?.unwrap_or_default(),
            closed_weekdays: closed_weekdays.ok()?.unwrap_or_default(),
            holidays: holidays.ok()?.unwrap_or_default(),
            quote_valid_days: valid_days.ok()?.unwrap_or(30),
            providers: providers.ok()?.unwrap_or_default(),
            payers: payers.ok()?.unwrap_or_default(),
            treatments: treatments?,
        })
    }

    /// Who a provider is: name, address, phone, NPI, TIN and taxonomy, read
    /// from an object that may hold other fields too.
    fn identity<S: Source>(&mut self, obj: &Obj<S>) -> Option<Provider> {
        let name = self.req_with(obj, "name", Decoder::name);
        let address = self.req_with(obj, "address", |d, v, p| d.address(v, p));
        let phone = self.opt_with(obj, "phone", |d, v, p| d.text(v, p, MAX_PHONE_CHARS));
        let npi = self.req_with(obj, "npi", |d, v, p| d.npi(v, p));
        let tin = self.req_with(obj, "tin", |d, v, p| d.tin(v, p));
        let taxonomy = self.opt_with(obj, "taxonomy", |d, v, p| d.taxonomy(v, p));
        Some(Provider {
            name: name?,
            address: address?,
            phone: phone.ok()?,
            npi: npi?,
            tin: tin?,
            taxonomy: taxonomy.ok()?,
        })
    }

    fn co_provider<S: Source>(&mut self, value: S, path: &str) -> Option<CoProvider> {
        const KNOWN: &[&str] = &[
            "id",
            "kind",
            "name",
            "address",
            "phone",
            "npi",
            "tin",
            "taxonomy",
            "placeOfService",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", Decoder::name);
        let kind = self.opt_with(&obj, "kind", |d, v, p| {
            d.keyword(v, p, &["organization", "practitioner"])
                .map(|i| [ProviderKind::Organization, ProviderKind::Practitioner][i])
        });
        let identity = self.identity(&obj);
        let place = self.opt_with(&obj, "placeOfService", |d, v, p| d.count(v, p, 1, 99));
        Some(CoProvider {
            id: id?,
            kind: kind.ok()?.unwrap_or_default(),
            identity: identity?,
            place_of_service: place.ok()?,
        })
    }

    fn payer<S: Source>(&mut self, value: S, path: &str) -> Option<Payer> {
        let obj = self.object(value, path, &["id", "name", "network", "allowed"])?;
        let id = self.req_with(&obj, "id", Decoder::name);
        let name = self.req_with(&obj, "name", Decoder::name);
        let network = self.opt_with(&obj, "network", |d, v, p| {
            d.keyword(v, p, &Network::NAMES)
                .map(|i| [Network::In, Network::Out][i])
        });
        let allowed = self.opt_with(&obj, "allowed", |d, v, p| {
            d.list(v, p, MAX_PAYER_RATES, Decoder::rate)
        });
        Some(Payer {
            id: id?,
            name: name?,
            network: network.ok()?.unwrap_or_default(),
            allowed: allowed.ok()?.unwrap_or_default(),
        })
    }

    fn rate<S: Source>(&mut self, value: S, path: &str) -> Option<Rate> {
        let obj = self.object(value, path, &["treatment", "phase", "fee", "amount"])?;
        let treatment = self.req_with(&obj, "treatment", Decoder::name);
        let phase = self.opt_with(&obj, "phase", Decoder::name);
        let fee = self.opt_with(&obj, "fee", Decoder::name);
        let amount = self.req_with(&obj, "amount", Decoder::amount);
        let (phase, fee) = (phase.ok()?, fee.ok()?);
        match (&phase, &fee) {
            (Some(_), Some(_)) => {
                self.report(
                    ErrorCode::ConflictingFields,
                    &join(path, "fee"),
                    "an allowed amount is for one \"phase\" or one \"fee\", not both",
                );
                return None;
            }
            (None, None) => {
                self.report(
                    ErrorCode::MissingField,
                    path,
                    "an allowed amount names the \"phase\" or the \"fee\" it is for",
                );
                return None;
            }
            _ => {}
        }
        Some(Rate {
            treatment: treatment?,
            phase,
            fee,
            amount: amount?,
        })
    }

    /// A NUCC health care provider taxonomy code: ten characters, nine
    /// digits or capital letters and a final `X`, e.g. `2084P0800X`.
    fn taxonomy<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[..9]
                .iter()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            && b[9] == b'X';
        if !shape {
            self.report(
                ErrorCode::InvalidValue,
                path,
                cat!("\"{}\" is not a provider taxonomy code: 10 characters ending in X, like 2084P0800X", clip(&s)),
            );
            return None;
        }
        Some(s)
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
                cat!("\"{}\" is not an NPI: an NPI is 10 digits", clip(&s)),
            );
            return None;
        }
        if !npi_check_digit_ok(&digits) {
            self.report(
                ErrorCode::InvalidValue,
                path,
                cat!("\"{}\" is not a valid NPI: its check digit does not match (a digit may be mistyped)", s),
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
                cat!(
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
            "high",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", Decoder::name);
        let name = self.req_with(&obj, "name", Decoder::name);
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
        let high = self.opt_with(&obj, "high", |d, v, p| {
            let obj = d.object(v, p, &["phases", "fees", "packages", "discounts"])?;
            d.sheet_course(&obj, p)
        });
        let course = self.sheet_course(&obj, path)?;
        Some(Treatment {
            id: id?,
            name: name?,
            description: description.ok()?,
            diagnosis_codes: diagnosis_codes.ok()?.unwrap_or_default(),
            scheduled_separately: separately.ok()?.unwrap_or_default(),
            horizon: horizon.ok()?.unwrap_or_default(),
            course,
            high: high.ok()?,
        })
    }

    /// A course on a price sheet (`phases`, `fees`, `packages`, `discounts`
    /// of `obj`, at `path`): a plan's, with the provider each phase and fee
    /// names, and with the rules of a course checked (they hold for every
    /// start date, so once here).
    fn sheet_course<S: Source>(&mut self, obj: &Obj<S>, path: &str) -> Option<Course> {
        let outer = self.billers.replace(Billers::default());
        let course = self.course(obj);
        let billers = core::mem::replace(&mut self.billers, outer).unwrap_or_default();
        let super::plan::Course {
            phases,
            fees,
            packages,
            discounts,
        } = course?;
        // The sheet's own rules are still checked after a problem here.
        let mut rules = Decoder::default();
        rules::course(&mut rules, &phases, &fees, &packages, &discounts);
        if !rules.problems.is_empty() {
            self.absorb(path, Error::new(rules.problems));
        }
        // The n-th biller, location and condition read are the n-th item's.
        let mut course = Course {
            phases: Vec::with_capacity(phases.len()),
            fees: Vec::with_capacity(fees.len()),
            packages,
            discounts: Vec::with_capacity(discounts.len()),
        };
        let mut read = billers.phases.into_iter();
        for phase in phases {
            let (provider, location) = read.next().unwrap_or_default();
            course.phases.push(SheetPhase {
                phase,
                provider,
                location,
            });
        }
        let mut read = billers.fees.into_iter();
        for fee in fees {
            let (provider, location) = read.next().unwrap_or_default();
            course.fees.push(SheetFee {
                fee,
                provider,
                location,
            });
        }
        let mut conditions = billers.conditions.into_iter();
        for discount in discounts {
            course.discounts.push(SheetDiscount {
                discount,
                condition: conditions.next().flatten(),
            });
        }
        Some(course)
    }

    /// ICD-10-CM diagnosis codes: at most 12, each shaped like one
    /// ([`crate::text::is_diagnosis_code`]).
    pub(crate) fn diagnosis_codes<S: Source>(
        &mut self,
        value: S,
        path: &str,
    ) -> Option<Vec<String>> {
        self.list(value, path, MAX_DIAGNOSIS_CODES, |d, v, p| {
            let code = d.string(v, p)?;
            if !crate::text::is_diagnosis_code(&code) {
                d.report(
                    ErrorCode::InvalidValue,
                    p,
                    cat!("\"{}\" is not an ICD-10-CM code: a capital letter, a digit, a digit or capital letter, then optionally a dot and 1 to 4 more (F33.2, F32.A)", clip(&code)),
                );
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
