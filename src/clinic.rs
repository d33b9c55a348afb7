//! A clinic's price sheet: who the clinic is, when it is closed, and the
//! treatments it sells at its own prices.
//!
//! Staff quote from a sheet rather than from the public catalogue, so a
//! clinic deploys the page with its prices baked in (`www/clinic.json`) or
//! opens its sheet from a file. A sheet is decoded by the same decoder as a
//! plan — each treatment's `phases`, `fees`, `packages` and `discounts` are a
//! plan's — so every problem has a path (`treatments[1].phases[0].price`) and
//! every rule of the contract holds for every treatment before it is quoted.
//! The format is documented in `docs/clinics.md` and described for other
//! tools by `schema/clinic.schema.json`.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::{Date, Weekday};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Problem};
use crate::plan::{Clinic, Discount, Fee, Horizon, Package, Phase, Plan};
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
