//! The readers of a quote's input, decoded with the price sheet it quotes
//! from.

use crate::clinic::ClinicSheet;
use crate::error::{Error, ErrorCode};
use crate::limits::{MAX_ASSISTANCE, MAX_NUMBER_CHARS, MAX_VALID_DAYS, MAX_YEAR, MIN_BIRTH_YEAR};
use crate::path::join;
use crate::prelude::*;
use crate::quoting::{Patient, PaymentType, QuoteInput};
use crate::source::Source;
use crate::text::{cat, clip};

use super::Decoder;

/// Decodes a quote input for a sheet already decoded (problems under
/// `input.`), and makes sure the treatment is on the sheet.
pub fn input<S: Source>(sheet: &ClinicSheet, input: S) -> Result<QuoteInput, Error> {
    let mut d = Decoder::printed();
    let input = d.quote_input(input, "input");
    if let Some(input) = &input {
        against_sheet(&mut d, sheet, input);
    }
    d.finish(input)
}

/// What a quote input names on its sheet: the treatment and the payer.
fn against_sheet(d: &mut Decoder, sheet: &ClinicSheet, input: &QuoteInput) {
    if sheet.treatment(&input.treatment).is_none() {
        d.absorb("", sheet.unknown_treatment(&input.treatment));
    }
    if let Some(id) = &input.payer
        && sheet.payer(id).is_none()
    {
        let ids: Vec<&str> = sheet.payers.iter().map(|p| p.id.as_str()).collect();
        d.report(
            ErrorCode::UnknownName,
            "input.payer",
            crate::text::no_such_name(id, &ids, "payer"),
        );
    }
}

/// Decodes a sheet and a quote input, with problems under `clinic.` and
/// `input.`, and makes sure the treatment exists.
pub fn quote<S: Source, T: Source>(
    clinic: S,
    input: T,
) -> Result<(ClinicSheet, QuoteInput), Error> {
    let mut d = Decoder::printed();
    let sheet = match super::sheet::clinic(clinic) {
        Ok(sheet) => Some(sheet),
        Err(err) => {
            d.absorb("clinic", err);
            None
        }
    };
    let input = d.quote_input(input, "input");
    if let (Some(sheet), Some(input)) = (&sheet, &input) {
        against_sheet(&mut d, sheet, input);
    }
    match (sheet, input) {
        (Some(sheet), Some(input)) => d.finish(Some((sheet, input))),
        _ => d.finish(None),
    }
}

impl Decoder {
    fn quote_input<S: Source>(&mut self, value: S, path: &str) -> Option<QuoteInput> {
        const KNOWN: &[&str] = &[
            "treatment",
            "start",
            "date",
            "number",
            "validDays",
            "payment",
            "coverage",
            "assistance",
            "horizon",
            "patient",
            "diagnosisCodes",
            "payer",
            "scheduledOn",
            "federalHolidays",
            "requested",
            "requireTerms",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let treatment = self.req_with(&obj, "treatment", |d, v, p| d.name(v, p));
        let start = self.req_with(&obj, "start", |d, v, p| d.date(v, p));
        let date = self.req_with(&obj, "date", |d, v, p| d.date(v, p));
        let number = self.opt_with(&obj, "number", |d, v, p| d.text(v, p, MAX_NUMBER_CHARS));
        let valid_days = self.opt_with(&obj, "validDays", |d, v, p| {
            d.count(v, p, 1, MAX_VALID_DAYS)
        });
        let payment = self.req_with(&obj, "payment", |d, v, p| {
            d.keyword(v, p, &["self-pay", "insured"])
                .map(|i| [PaymentType::SelfPay, PaymentType::Insured][i])
        });
        // Read before `coverage`, whose terms it asks to be named.
        let terms = self.opt_with(&obj, "requireTerms", Decoder::boolean);
        self.require_terms = terms == Ok(Some(true));
        let coverage = self.opt_with(&obj, "coverage", |d, v, p| d.coverage(v, p));
        let assistance = self.opt_with(&obj, "assistance", |d, v, p| {
            d.list(v, p, MAX_ASSISTANCE, |d, v, p| d.assistance(v, p))
        });
        let horizon = self.opt_with(&obj, "horizon", |d, v, p| d.horizon(v, p));
        let patient = self.opt_with(&obj, "patient", |d, v, p| d.patient(v, p));
        let diagnosis_codes =
            self.opt_with(&obj, "diagnosisCodes", |d, v, p| d.diagnosis_codes(v, p));
        let payer = self.opt_with(&obj, "payer", Decoder::name);
        let scheduled_on = self.opt_with(&obj, "scheduledOn", Decoder::date);
        let federal = self.opt_with(&obj, "federalHolidays", Decoder::closed_dates);
        let requested = self.opt_with(&obj, "requested", Decoder::boolean);
        let input = QuoteInput {
            treatment: treatment?,
            start: start?,
            date: date?,
            number: number.ok()?,
            valid_days: valid_days.ok()?,
            payment: payment?,
            coverage: coverage.ok()?,
            assistance: assistance.ok()?.unwrap_or_default(),
            horizon: horizon.ok()?,
            patient: patient.ok()?,
            diagnosis_codes: diagnosis_codes.ok()?,
            payer: payer.ok()?,
            scheduled_on: scheduled_on.ok()?,
            federal_holidays: federal.ok()?.unwrap_or_default(),
            requested: requested.ok()?.unwrap_or(false),
            require_terms: terms.ok()?.unwrap_or(false),
        };
        if input.payer.is_some() && input.payment == PaymentType::SelfPay {
            self.report(
                ErrorCode::ConflictingFields,
                &join(path, "payer"),
                "a self-pay quote bills no payer; remove \"payer\" or choose \"insured\"",
            );
        }
        if input.requested && input.scheduled_on.is_none() {
            self.report(
                ErrorCode::MissingField,
                &join(path, "scheduledOn"),
                "a Good Faith Estimate the patient asked for needs the date they asked, in \"scheduledOn\"",
            );
        }
        match (input.payment, &input.coverage) {
            (PaymentType::Insured, None) => self.report(
                ErrorCode::MissingField,
                &join(path, "coverage"),
                "an insured quote needs the patient's \"coverage\"",
            ),
            (PaymentType::SelfPay, Some(_)) => self.report(
                ErrorCode::ConflictingFields,
                &join(path, "coverage"),
                "a self-pay quote bills no insurance; remove \"coverage\" or choose \"insured\"",
            ),
            _ => {}
        }
        // ISO dates of one length compare as text.
        if let Some(patient) = &input.patient
            && patient.birth_date > cat!("{}", input.date)
        {
            self.report(
                ErrorCode::OutOfRange,
                &join(path, "patient.birthDate"),
                cat!(
                    "{} is after the quote's date, {}",
                    patient.birth_date,
                    input.date
                ),
            );
        }
        Some(input)
    }

    fn patient<S: Source>(&mut self, value: S, path: &str) -> Option<Patient> {
        let obj = self.object(value, path, &["name", "birthDate"])?;
        let name = self.req_with(&obj, "name", Decoder::name);
        let birth_date = self.req_with(&obj, "birthDate", |d, v, p| {
            let text = d.string(v, p)?;
            if !crate::calendar::is_birth_date(&text) {
                d.report(
                    ErrorCode::InvalidDate,
                    p,
                    cat!(
                        "\"{}\" is not a real date of birth written YYYY-MM-DD in the years {}–{}",
                        clip(&text),
                        MIN_BIRTH_YEAR,
                        MAX_YEAR
                    ),
                );
                return None;
            }
            Some(text)
        });
        Some(Patient {
            name: name?,
            birth_date: birth_date?,
        })
    }
}
