//! The treatment catalogue (docs/catalogue.md): realistic courses, with prices, for
//! every treatment a visitor weighs against ketamine.
//!
//! The numbers live in `data/presets.json`, not in code, each one traceable
//! to the public pages a preset lists in `sources`; the tests hold every
//! preset to the contract (valid, warning-free over 12 months, low ≤ typical
//! ≤ high). The catalogue is decoded by the same decoder as plans, so a typo
//! in the data file is reported with its path (`presets[2].low.phases[0].price`)
//! like any other input.
//!
//! Natively the data file is compiled in. The WebAssembly build does not
//! embed it — it would add the catalogue's text to every page that only
//! wants the engine — so the npm package ships it as a JavaScript module
//! beside the wasm. The wasm validates that module's data with this decoder
//! and the package returns the (validated) objects themselves, with their
//! `start` set, rather than re-serialising them: serialisers for every plan
//! type would cost the wasm more than the catalogue itself.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::error::Error;
use crate::money::Amount;
use crate::output::WarningCode;
use crate::plan::{Coverage, CoverageLimit, Fee, Plan};

/// The catalogue data file, as compiled into native builds.
#[cfg(feature = "std")]
pub const CATALOGUE_JSON: &str = include_str!("../data/presets.json");

/// One treatment of the catalogue: a typical course and the cheap and dear
/// ends of the published ranges, with where the numbers come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    /// Stable identifier, e.g. `"iv-ketamine"`.
    pub id: String,
    /// Name for people, e.g. `"IV ketamine infusions"`.
    pub name: String,
    /// One paragraph in plain language: what the treatment is and how a course runs.
    pub summary: String,
    /// Every assumption behind the numbers, each naming its source.
    pub assumptions: Vec<String>,
    /// The typical course.
    pub plan: Plan,
    /// The cheap end of the published prices and frequencies.
    pub low: Plan,
    /// The dear end of the published prices and frequencies.
    pub high: Plan,
    /// The public pages the numbers come from.
    pub sources: Vec<Citation>,
    /// The month the numbers were last checked, `YYYY-MM`.
    pub reviewed: String,
    /// The phases a page lets a visitor change; absent: none.
    #[cfg_attr(ts, tsify(optional))]
    pub editable: Editable,
    /// Costs a visitor may add that are off in the plans, such as a ride
    /// home: fees a page can append to any of the three plans' `fees`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub optional_fees: Vec<Fee>,
    /// The session limits insurers commonly authorise for this treatment
    /// (coverage limits naming phases of all three plans): a page can add
    /// them to a visitor's `coverage.limits`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub coverage_limits: Vec<CoverageLimit>,
    /// Warnings the plans give by design, each explained by an assumption
    /// (a savings programme that needs a commercial plan warns on a
    /// self-pay estimate).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub expected_warnings: Vec<WarningCode>,
    /// What one typical session costs in all, and the parts of the typical
    /// plan it adds up, so a page never calls one part the whole; absent
    /// for a preset that does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub session_cost: Option<SessionCost>,
    /// When to choose this entry rather than another of the same treatment
    /// billed another way, in one line (esketamine's pathways); absent for
    /// a treatment with one entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub choose: Option<String>,
    /// The texts for people in Spanish: name, summary and as many
    /// assumptions as in English, in the same order; absent for a preset
    /// written in English only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub es: Option<PresetText>,
}

/// A preset's texts for people in another language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct PresetText {
    /// The name.
    pub name: String,
    /// The summary.
    pub summary: String,
    /// The assumptions, one for each of the English ones.
    pub assumptions: Vec<String>,
    /// When to choose the entry, when it says (`Preset::choose`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub choose: Option<String>,
    /// The names a visitor sees in the plans (phases, fees, optional fees,
    /// programmes), each English name with its translation.
    #[serde(skip_serializing_if = "Names::is_empty")]
    #[cfg_attr(ts, tsify(optional))]
    pub names: Names,
}

/// English names and their translations, in the order written. A list of
/// pairs, written in JSON as an object from English name to translation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "Record<string, string>"))]
pub struct Names(pub Vec<(String, String)>);

impl Names {
    /// Whether it has no name.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The translation of `name`, when given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(en, _)| en == name)
            .map(|(_, t)| t.as_str())
    }
}

impl Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (en, t) in &self.0 {
            map.serialize_entry(en, t)?;
        }
        map.end()
    }
}

/// What one typical session of a preset costs in all: the price of a phase
/// of the typical plan and the amounts of its fees charged with that
/// session, named, and their sum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct SessionCost {
    /// The sum of the parts.
    pub amount: Amount,
    /// The phase and the fees of the typical plan it adds up, by name: the
    /// first a phase, the rest fees.
    pub parts: Vec<String>,
}

/// An example of insurance a visitor may have, with where its numbers come
/// from: an ordinary `coverage` object (docs/insurance.md).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct CoverageExample {
    /// Stable identifier, e.g. `"employer-typical"`.
    pub id: String,
    /// Name for people, e.g. `"Typical employer plan"`.
    pub name: String,
    /// One sentence: every number of `coverage`, each naming its source.
    pub summary: String,
    /// The insurance itself.
    pub coverage: Coverage,
    /// The public pages the numbers come from.
    pub sources: Vec<Citation>,
    /// The name and summary in Spanish.
    pub es: ExampleText,
}

/// A coverage example's texts for people in another language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct ExampleText {
    /// The name.
    pub name: String,
    /// The summary.
    pub summary: String,
}

/// The phases of a preset a visitor may change, by their names in the
/// typical plan. The phases at the same places in `low` and `high` are of
/// the same kind, so a page can show the published range of each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct Editable {
    /// The phase whose number of sessions a visitor may change (it has a
    /// `sessions` count in all three plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub sessions: Option<String>,
    /// The phase whose weeks between sessions a visitor may change (it
    /// recurs `every: { weeks }` in all three plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(ts, tsify(optional))]
    pub interval: Option<String>,
}

/// A public page supporting a preset's numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(ts, derive(tsify::Tsify))]
pub struct Citation {
    /// The page's title.
    pub title: String,
    /// Its address (`https://…`).
    pub url: String,
}

impl Preset {
    /// Moves all three plans to begin on `start`.
    pub fn starting(mut self, start: Date) -> Result<Preset, Error> {
        for (field, plan) in [
            ("low", &mut self.low),
            ("plan", &mut self.plan),
            ("high", &mut self.high),
        ] {
            *plan = plan.starting_on(start).map_err(|e| e.within(field))?;
        }
        Ok(self)
    }
}

/// A preset's three plans, `[low, plan, high]`.
pub(crate) type PresetPlans<'a> = [&'a Plan; 3];

impl Preset {
    /// Its plans, `[low, plan, high]`.
    pub(crate) fn plans(&self) -> PresetPlans<'_> {
        [&self.low, &self.plan, &self.high]
    }
}

/// The built-in catalogue: its presets and its coverage examples.
#[cfg(feature = "std")]
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Catalogue {
    /// The treatments.
    pub(crate) presets: Vec<Preset>,
    /// Examples of insurance to estimate them with.
    pub(crate) coverage_examples: Vec<CoverageExample>,
}
