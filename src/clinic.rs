//! A clinic's price sheet: who the clinic is, when it is closed, and the
//! treatments it sells at its own prices.
//!
//! Staff quote from a sheet rather than from the public catalogue, so a
//! clinic deploys the page with its prices baked in (`www/staff/clinic.json`) or
//! opens its sheet from a file. A sheet is decoded by the same decoder as a
//! plan — each treatment's `phases`, `fees`, `packages` and `discounts` are a
//! plan's — so every problem has a path (`treatments[1].phases[0].price`) and
//! every rule of the contract holds for every treatment before it is quoted.
//! The format is documented in `docs/clinics.md` and described for other
//! tools by `schema/clinic.schema.json`.

use crate::prelude::*;
use crate::text::cat;
use serde::Serialize;

use crate::calendar::{Date, Weekday};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::money::Amount;
use crate::plan::{Clinic, Discount, Fee, Horizon, Network, Package, Phase, Plan};
use crate::text::no_such_name;

/// A clinic's price sheet.
///
/// In TypeScript the sheet's data is the `PriceSheet` interface; the
/// `ClinicSheet` class of `coursecost/staff` holds one decoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[cfg_attr(all(ts, feature = "staff"), tsify(rename = "PriceSheet"))]
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
    /// Other providers and facilities who bill part of a course (0–20):
    /// co-providers and co-facilities, such as an anaesthesia group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub providers: Vec<CoProvider>,
    /// Insurers the clinic has contracts with, and their allowed amounts (0–20).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub payers: Vec<Payer>,
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
    /// NUCC health care provider taxonomy code, e.g. `"2084P0800X"`
    /// (psychiatry), for the FHIR export.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub taxonomy: Option<String>,
}

/// The place-of-service code of care given in an office (CMS code 11): the
/// clinic's, and a co-provider's whose `placeOfService` is not given.
pub const OFFICE_PLACE_OF_SERVICE: u32 = 11;

/// Whether a provider is an organization (a practice, a facility, a
/// group) or one person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    /// A practice, facility or group (the default).
    #[default]
    Organization,
    /// An individual practitioner.
    Practitioner,
}

/// Another provider or facility who bills part of a course: a co-provider
/// or co-facility of the Good Faith Estimate (45 CFR 149.610(a)(2)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CoProvider {
    /// The identifier phases and fees name it by, unique on the sheet.
    pub id: String,
    /// Organization (default) or practitioner.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub kind: ProviderKind,
    /// Its name, address, NPI and TIN.
    #[serde(flatten)]
    pub identity: Provider,
    /// The CMS place-of-service code of care given at its address, 1–99
    /// (22: a hospital's outpatient department; printed with two digits,
    /// 01 for 1); absent: 11, an office.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub place_of_service: Option<u32>,
}

/// An insurer the clinic has a contract with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Payer {
    /// The identifier an insured quote names it by, unique on the sheet.
    pub id: String,
    /// Its name, printed on the quote, e.g. `"Blue Shield PPO"`.
    pub name: String,
    /// Whether the clinic is in its network; default `"in"`.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub network: Network,
    /// Its allowed amounts (contract rates) for phases and fees (0–1000).
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub allowed: Vec<Rate>,
}

/// A payer's allowed amount for one session of a phase, or one charge of a
/// fee, of one treatment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Rate {
    /// The treatment's id.
    pub treatment: String,
    /// A phase of it (exactly one of `phase` and `fee`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub phase: Option<String>,
    /// A fee of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub fee: Option<String>,
    /// The allowed amount, at most the phase's price or the fee's amount.
    pub amount: Amount,
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
    /// The course: its phases, fees, packages and discounts, as in a plan;
    /// a phase or fee may name the provider who bills it.
    #[serde(flatten)]
    pub course: Course,
    /// The course at the dear end (more sessions, a longer induction), for
    /// the range a Good Faith Estimate may state beside its total.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub high: Option<Course>,
}

/// A treatment's course on a price sheet: a plan's phases, fees, packages
/// and discounts, with the provider who bills each phase and fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Course {
    /// The course, phase by phase, as in a plan.
    pub phases: Vec<SheetPhase>,
    /// Fees besides the sessions, as in a plan.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub fees: Vec<SheetFee>,
    /// Prepaid bundles, as in a plan.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub packages: Vec<Package>,
    /// Discounts, as in a plan; one with a `condition` (paying promptly,
    /// paying in advance) is left out of the expected charges.
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub discounts: Vec<SheetDiscount>,
}

/// A discount of a sheet's course: a plan's discount and, when the patient
/// gets it only by how or when they pay, that condition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SheetDiscount {
    /// The discount, as in a plan.
    #[serde(flatten)]
    pub discount: Discount,
    /// What the patient must do to get it (1–80 characters), e.g. `"each
    /// bill is paid in full within 30 days"`: such a discount is not expected, so quotes and
    /// Good Faith Estimates leave it out of their charges and state it
    /// beside them. Absent: every patient gets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub condition: Option<String>,
}

/// A phase of a sheet's course: a plan's phase and who bills it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SheetPhase {
    /// The phase, as in a plan.
    #[serde(flatten)]
    pub phase: Phase,
    /// The id of the co-provider who bills its sessions; absent: the clinic.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub provider: Option<String>,
    /// The id of the provider or facility on the sheet where its sessions
    /// are given (a hospital for ECT); absent: the clinic's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub location: Option<String>,
}

/// A fee of a sheet's course: a plan's fee and who bills it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(all(ts, feature = "staff"), derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SheetFee {
    /// The fee, as in a plan.
    #[serde(flatten)]
    pub fee: Fee,
    /// The id of the co-provider who bills it; absent: the clinic.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub provider: Option<String>,
    /// The id of the provider or facility on the sheet where it is given
    /// (the hospital, for anaesthesia at each ECT session); absent: the
    /// clinic's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ts, feature = "staff"), tsify(optional))]
    pub location: Option<String>,
}

impl Course {
    /// Where a ledger line of this course is given: the id of a provider or
    /// facility on the sheet (the `location` of its phase or fee), or `None`
    /// for the clinic's own address. A package is paid to the clinic: its
    /// line is the clinic's.
    pub fn location(&self, kind: crate::plan::LineKind, name: &str) -> Option<&str> {
        use crate::plan::LineKind;
        let place = match kind {
            LineKind::Session => self
                .phases
                .iter()
                .find(|p| p.phase.name == name)
                .and_then(|p| p.location.as_ref()),
            LineKind::Package => None,
            LineKind::Fee => self
                .fees
                .iter()
                .find(|f| f.fee.name == name)
                .and_then(|f| f.location.as_ref()),
        };
        place.map(String::as_str)
    }

    /// Who bills a ledger line of this course: the id of a co-provider, or
    /// `None` for the clinic. A session line is billed by its phase's
    /// provider, a package line by its phase's, a fee line by its fee's.
    pub fn biller(&self, kind: crate::plan::LineKind, name: &str) -> Option<&str> {
        use crate::plan::LineKind;
        let phase = |name: &str| {
            self.phases
                .iter()
                .find(|p| p.phase.name == name)
                .and_then(|p| p.provider.as_deref())
        };
        match kind {
            LineKind::Session => phase(name),
            LineKind::Package => self
                .packages
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| phase(&p.phase)),
            LineKind::Fee => self
                .fees
                .iter()
                .find(|f| f.fee.name == name)
                .and_then(|f| f.provider.as_deref()),
        }
    }
}

impl ClinicSheet {
    /// The problem with a quote naming a treatment the sheet does not sell:
    /// an `unknown_name` at `input.treatment`, with a suggestion or the ids.
    pub(crate) fn unknown_treatment(&self, id: &str) -> Error {
        let ids: Vec<&str> = self.treatments.iter().map(|t| t.id.as_str()).collect();
        Error::new(vec![Problem::new(
            ErrorCode::UnknownName,
            "input.treatment",
            no_such_name(id, &ids, "treatment"),
        )])
    }

    /// The treatment with this id.
    pub fn treatment(&self, id: &str) -> Option<&Treatment> {
        self.treatments.iter().find(|t| t.id == id)
    }

    /// The plan for one treatment starting on `start`: the sheet's currency
    /// and closed days with the treatment's course. The caller adds
    /// insurance and programmes ([`Plan::with_options`]).
    ///
    /// It cannot fail: the decoder checked each treatment's course and the
    /// sheet's closed days, and a treatment's horizon is counted from the
    /// start (months or weeks), so no rule depends on the start date.
    pub fn plan(&self, treatment: &Treatment, start: Date) -> Plan {
        self.plan_of(&treatment.course, treatment.horizon, start)
    }

    /// The plan of one course (a treatment's, or its dear end) with the
    /// sheet's currency and closed days.
    pub(crate) fn plan_of(&self, course: &Course, horizon: Horizon, start: Date) -> Plan {
        Plan {
            currency: self.currency,
            start,
            horizon,
            clinic: Clinic {
                closed_weekdays: self.closed_weekdays.clone(),
                closed_dates: self.holidays.clone(),
            },
            phases: course.phases.iter().map(|p| p.phase.clone()).collect(),
            fees: course.fees.iter().map(|f| f.fee.clone()).collect(),
            packages: course.packages.clone(),
            // A conditional discount is not an expected charge's.
            discounts: course
                .discounts
                .iter()
                .filter(|d| d.condition.is_none())
                .map(|d| d.discount.clone())
                .collect(),
            coverage: None,
            assistance: Vec::new(),
            financing: None,
        }
    }

    /// Why a dear-end course that costs `dear` from `start`, less than the
    /// `expected` course, is refused.
    pub(crate) fn dear_end_problem(&self, start: Date, expected: Amount, dear: Amount) -> String {
        let minor = self.currency.minor_units();
        cat!(
            "the dear-end course costs less than the expected one from {} ({} < {} {}): it is the top of the range a Good Faith Estimate states, so it must cost at least as much",
            start,
            dear.decimal(minor),
            expected.decimal(minor),
            self.currency.code()
        )
    }

    /// The payer with this id.
    pub fn payer(&self, id: &str) -> Option<&Payer> {
        self.payers.iter().find(|p| p.id == id)
    }

    /// The co-provider with this id.
    pub fn co_provider(&self, id: &str) -> Option<&CoProvider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// Whether the clinic is open on `date`: not a closed weekday or a
    /// holiday. Business days are counted on these days.
    pub fn is_open(&self, date: Date) -> bool {
        !self.closed_weekdays.contains(&date.weekday()) && !self.holidays.contains(&date)
    }
}
