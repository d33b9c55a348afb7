//! The treatment catalogue (SPEC §10): realistic courses, with prices, for
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
//! embed it — it would add 4 KB of gzipped text to every page that only
//! wants the engine — so the npm package ships it as a JavaScript module
//! beside the wasm. The wasm validates that module's data with this decoder
//! and the package returns the (validated) objects themselves, with their
//! `start` set, rather than re-serialising them: serialisers for every plan
//! type would cost the wasm more than the catalogue itself.

use crate::prelude::*;
use serde::Serialize;

use crate::calendar::Date;
use crate::decode::{self, Decoder, quoted_list};
use crate::error::{ErrorCode, PlanError, nearest};
use crate::plan::Plan;
use crate::source::Source;

/// The catalogue data file, as compiled into native builds.
pub const CATALOGUE_JSON: &str = include_str!("../data/presets.json");

/// Most presets in a catalogue.
pub const MAX_PRESETS: usize = 50;

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
    pub fn starting(mut self, start: Date) -> Result<Preset, PlanError> {
        for (field, plan) in [
            ("low", &mut self.low),
            ("plan", &mut self.plan),
            ("high", &mut self.high),
        ] {
            plan.start = start;
            // Only the rules relating other dates to the start can break.
            decode::check(plan).map_err(|e| e.within(field))?;
        }
        Ok(self)
    }
}

/// The built-in catalogue, every plan starting on `start`.
///
/// Fails only when `start` is so late that a plan's dates would leave the
/// contract's calendar.
#[cfg(feature = "std")]
pub fn presets(start: Date) -> Result<Vec<Preset>, PlanError> {
    catalogue(&crate::parse_json(CATALOGUE_JSON)?, Some(start))
}

/// One preset of the built-in catalogue by `id`, starting on `start`; an
/// unknown id is an `unknown_name` error listing the known ones.
#[cfg(feature = "std")]
pub fn preset(id: &str, start: Date) -> Result<Preset, PlanError> {
    find(presets(start)?, id)
}

/// Picks the preset named `id`.
#[cfg(feature = "std")]
pub(crate) fn find(mut presets: Vec<Preset>, id: &str) -> Result<Preset, PlanError> {
    let at = position(&presets, id)?;
    Ok(presets.swap_remove(at))
}

/// Where the preset named `id` is; an `unknown_name` error listing the ids
/// when there is none.
pub(crate) fn position(presets: &[Preset], id: &str) -> Result<usize, PlanError> {
    if let Some(at) = presets.iter().position(|p| p.id == id) {
        return Ok(at);
    }
    let ids: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
    let hint = match nearest(id, &ids) {
        Some(near) => format!(" Did you mean \"{near}\"?"),
        None => String::new(),
    };
    let mut d = Decoder::default();
    d.report(
        ErrorCode::UnknownName,
        "id",
        format!(
            "there is no preset \"{}\".{hint} The presets are {}.",
            decode::clip(id),
            quoted_list(&ids)
        ),
    );
    Err(PlanError::new(d.problems))
}

/// Decodes a catalogue (`{ about?, presets: [...] }`), moving every plan to
/// `start` when one is given.
pub(crate) fn catalogue<S: Source>(
    input: S,
    start: Option<Date>,
) -> Result<Vec<Preset>, PlanError> {
    let mut d = Decoder::default();
    let presets = d.object(input, "", &["about", "presets"]).and_then(|obj| {
        let about = d.opt_with(&obj, "about", |d, v, p| d.string(v, p));
        let presets = d.req_with(&obj, "presets", |d, v, p| {
            d.list(v, p, MAX_PRESETS, |d, v, p| d.preset(v, p))
        });
        about.ok()?;
        presets
    });
    let presets = d.finish(presets)?;
    let mut d = Decoder::default();
    decode::unique(
        &mut d,
        "presets",
        "id",
        presets.iter().map(|p| p.id.as_str()),
    );
    let presets = d.finish(Some(presets))?;
    match start {
        None => Ok(presets),
        Some(start) => presets
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                p.starting(start)
                    .map_err(|e| e.within(&format!("presets[{i}]")))
            })
            .collect(),
    }
}

/// Validates and decodes one preset given as JSON-shaped input (for example
/// a clinic's own, written like the catalogue's entries).
pub fn decode_preset<S: Source>(input: S) -> Result<Preset, PlanError> {
    let mut d = Decoder::default();
    let preset = d.preset(input, "");
    d.finish(preset)
}

impl Decoder {
    fn preset<S: Source>(&mut self, value: S, path: &str) -> Option<Preset> {
        const KNOWN: &[&str] = &[
            "id",
            "name",
            "summary",
            "assumptions",
            "plan",
            "low",
            "high",
            "sources",
            "reviewed",
        ];
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", |d, v, p| d.preset_id(v, p));
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let summary = self.req_with(&obj, "summary", |d, v, p| d.text(v, p, 2000));
        let assumptions = self.opt_with(&obj, "assumptions", |d, v, p| {
            d.list(v, p, 30, |d, v, p| d.text(v, p, 500))
        });
        let plan = self.req_with(&obj, "plan", |d, v, p| d.nested_plan(v, p));
        let low = self.req_with(&obj, "low", |d, v, p| d.nested_plan(v, p));
        let high = self.req_with(&obj, "high", |d, v, p| d.nested_plan(v, p));
        let sources = self.req_with(&obj, "sources", |d, v, p| {
            let list = d.list(v, p, 30, |d, v, p| d.citation(v, p))?;
            if list.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "needs at least one source");
                return None;
            }
            Some(list)
        });
        let reviewed = self.req_with(&obj, "reviewed", |d, v, p| d.year_month(v, p));
        let (plan, low, high) = (plan?, low?, high?);
        for (field, other) in [("low", &low), ("high", &high)] {
            if other.currency != plan.currency {
                self.report(
                    ErrorCode::InvalidValue,
                    &decode::nest(&decode::nest(path, field), "currency"),
                    format!(
                        "is {}, but the typical plan is in {}: a range needs one currency",
                        other.currency, plan.currency
                    ),
                );
                return None;
            }
        }
        Some(Preset {
            id: id?,
            name: name?,
            summary: summary?,
            assumptions: assumptions.ok()?.unwrap_or_default(),
            plan,
            low,
            high,
            sources: sources?,
            reviewed: reviewed?,
        })
    }

    /// A preset id: 1–40 lower-case letters, digits and hyphens.
    fn preset_id<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.report(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "\"{}\" is not an id: use 1 to 40 lower-case letters, digits and hyphens",
                    decode::clip(&s)
                ),
            );
            return None;
        }
        Some(s)
    }

    fn citation<S: Source>(&mut self, value: S, path: &str) -> Option<Citation> {
        let obj = self.object(value, path, &["title", "url"])?;
        let title = self.req_with(&obj, "title", |d, v, p| d.text(v, p, 200));
        let url = self.req_with(&obj, "url", |d, v, p| {
            let url = d.text(v, p, 500)?;
            if !url.starts_with("https://") || url.contains(char::is_whitespace) {
                d.report(
                    ErrorCode::InvalidValue,
                    p,
                    format!("\"{}\" is not an https:// address", decode::clip(&url)),
                );
                return None;
            }
            Some(url)
        });
        Some(Citation {
            title: title?,
            url: url?,
        })
    }

    /// A month written `YYYY-MM`.
    fn year_month<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        if s.len() != 7 || Date::parse(&format!("{s}-01")).is_none() {
            self.report(
                ErrorCode::InvalidDate,
                path,
                format!("\"{}\" is not a month written YYYY-MM", decode::clip(&s)),
            );
            return None;
        }
        Some(s)
    }
}
