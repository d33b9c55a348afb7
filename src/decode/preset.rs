//! The readers of the treatment catalogue and its presets.
//!
//! A preset's plans are read everywhere: they move with the start, and
//! `range` estimates them. What the catalogue says besides for people —
//! optional fees, coverage limits, expected warnings, the cost of one
//! session, the Spanish texts and the examples of insurance — neither changes with the start nor is read by
//! any estimate, so only the native build (`std`) reads and checks it
//! ([`super::catalogue`]); the WebAssembly build accepts those fields
//! unread, which keeps the engine's wasm small. The test suite runs the
//! native checks on the data file the package ships.

use crate::calendar::Date;
use crate::catalogue::{Citation, Editable, Preset, PresetText, SessionCost};
use crate::error::{Error, ErrorCode};
use crate::limits::{
    MAX_PRESET_ID_CHARS, MAX_PRESET_NOTES, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS,
};
use crate::output::WarningCode;
use crate::path::{join, nest};
use crate::plan::{CoverageLimit, Every, Fee, Phase, Plan};
use crate::prelude::*;
use crate::source::Source;
use crate::text::{cat, clip};

#[cfg(not(feature = "std"))]
use super::Obj;
use super::{Decoder, rules};

/// The fields of a catalogue entry.
pub(super) const PRESET_FIELDS: &[&str] = &[
    "id",
    "name",
    "summary",
    "assumptions",
    "plan",
    "low",
    "high",
    "sources",
    "reviewed",
    "editable",
    "optionalFees",
    "coverageLimits",
    "expectedWarnings",
    "sessionCost",
    "choose",
    "es",
];

impl Decoder {
    /// Whether a preset's plans, `[low, plan, high]`, share one currency, as
    /// a range needs; reports the first that does not.
    fn one_currency(&mut self, [low, plan, high]: [&Plan; 3], path: &str) -> bool {
        for (field, other) in [("low", low), ("high", high)] {
            if other.currency != plan.currency {
                self.report(
                    ErrorCode::InvalidValue,
                    &nest(&nest(path, field), "currency"),
                    cat!(
                        "is {}, but the typical plan is in {}: a range needs one currency",
                        other.currency,
                        plan.currency
                    ),
                );
                return false;
            }
        }
        true
    }
}

/// Validates and decodes one preset given as JSON-shaped input (for example
/// a clinic's own, written like the catalogue's entries).
pub fn preset<S: Source>(input: S) -> Result<Preset, Error> {
    let mut d = Decoder::default();
    let preset = d.preset(input, "");
    d.finish(preset)
}

impl Decoder {
    pub(super) fn preset<S: Source>(&mut self, value: S, path: &str) -> Option<Preset> {
        const KNOWN: &[&str] = PRESET_FIELDS;
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", |d, v, p| d.preset_id(v, p));
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let summary = self.req_with(&obj, "summary", |d, v, p| d.text(v, p, MAX_SUMMARY_CHARS));
        let assumptions = self.opt_with(&obj, "assumptions", |d, v, p| {
            d.list(v, p, MAX_PRESET_NOTES, |d, v, p| {
                d.text(v, p, MAX_TEXT_CHARS)
            })
        });
        let plan = self.req_with(&obj, "plan", |d, v, p| d.nested_plan(v, p));
        let low = self.req_with(&obj, "low", |d, v, p| d.nested_plan(v, p));
        let high = self.req_with(&obj, "high", |d, v, p| d.nested_plan(v, p));
        let sources = self.req_with(&obj, "sources", |d, v, p| {
            let list = d.list(v, p, MAX_PRESET_NOTES, |d, v, p| d.citation(v, p))?;
            if list.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "needs at least one source");
                return None;
            }
            Some(list)
        });
        let reviewed = self.req_with(&obj, "reviewed", |d, v, p| d.year_month(v, p));
        let editable = self.opt_with(&obj, "editable", |d, v, p| d.editable(v, p));
        let extras = self.extras(&obj);
        let (plan, low, high) = (plan?, low?, high?);
        if !self.one_currency([&low, &plan, &high], path) {
            return None;
        }
        let editable = editable.ok()?.unwrap_or_default();
        let plans = [("plan", &plan), ("low", &low), ("high", &high)];
        if !self.editable_phases(&editable, plans, &nest(path, "editable")) {
            return None;
        }
        let (assumptions, extras) = (assumptions.ok()?.unwrap_or_default(), extras?);
        if !self.extras_fit(&extras, plans, path, assumptions.len()) {
            return None;
        }
        Some(Preset {
            id: id?,
            name: name?,
            summary: summary?,
            assumptions,
            plan,
            low,
            high,
            sources: sources?,
            reviewed: reviewed?,
            editable,
            optional_fees: extras.optional_fees,
            coverage_limits: extras.coverage_limits,
            expected_warnings: extras.expected_warnings,
            session_cost: extras.session_cost,
            choose: extras.choose,
            es: extras.es,
        })
    }

    /// What a preset says for people that no estimate reads: accepted
    /// unread in the WebAssembly build (see the module documentation).
    #[cfg(not(feature = "std"))]
    fn extras<S: Source>(&mut self, _: &Obj<S>) -> Option<Extras> {
        Some(Extras::default())
    }

    #[cfg(not(feature = "std"))]
    fn extras_fit(&mut self, _: &Extras, _: [(&str, &Plan); 3], _: &str, _: usize) -> bool {
        true
    }

    fn editable<S: Source>(&mut self, value: S, path: &str) -> Option<Editable> {
        let obj = self.object(value, path, &["sessions", "interval"])?;
        let sessions = self.opt_with(&obj, "sessions", |d, v, p| d.name(v, p));
        let interval = self.opt_with(&obj, "interval", |d, v, p| d.name(v, p));
        Some(Editable {
            sessions: sessions.ok()?,
            interval: interval.ok()?,
        })
    }

    /// Whether each phase `editable` names is a phase of the typical plan
    /// (the first of `plans`) and the phases at its place in every plan can
    /// be changed that way; reports the ones that cannot.
    fn editable_phases(
        &mut self,
        editable: &Editable,
        plans: [(&str, &Plan); 3],
        path: &str,
    ) -> bool {
        let names: Vec<&str> = plans[0]
            .1
            .phases()
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        let has_sessions: fn(&Phase) -> bool = |p| p.sessions.is_some();
        let weekly: fn(&Phase) -> bool = |p| matches!(p.every, Every::Weeks(_));
        let mut ok = true;
        for (field, name, fits, lacks) in [
            (
                "sessions",
                &editable.sessions,
                has_sessions,
                "has no \"sessions\" count",
            ),
            (
                "interval",
                &editable.interval,
                weekly,
                "does not recur every so many weeks",
            ),
        ] {
            let Some(name) = name else { continue };
            let at = join(path, field);
            let Some(i) = names.iter().position(|n| n == name) else {
                rules::known_name(self, &at, name, &names, "phase");
                ok = false;
                continue;
            };
            for (plan, phases) in plans.map(|(field, plan)| (field, plan.phases())) {
                if !phases.get(i).is_some_and(fits) {
                    let message = cat!(
                        "\"{}\" cannot be changed here: {}.phases[{}] {}",
                        clip(name),
                        plan,
                        i,
                        lacks
                    );
                    self.report(ErrorCode::InvalidValue, &at, message);
                    ok = false;
                }
            }
        }
        ok
    }

    /// A preset id: 1–40 lower-case letters, digits and hyphens.
    pub(super) fn preset_id<S: Source>(&mut self, value: S, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        let ok = (1..=MAX_PRESET_ID_CHARS).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.report(
                ErrorCode::InvalidValue,
                path,
                cat!(
                    "\"{}\" is not an id: use 1 to {} lower-case letters, digits and hyphens",
                    clip(&s),
                    MAX_PRESET_ID_CHARS
                ),
            );
            return None;
        }
        Some(s)
    }

    pub(super) fn citation<S: Source>(&mut self, value: S, path: &str) -> Option<Citation> {
        let obj = self.object(value, path, &["title", "url"])?;
        let title = self.req_with(&obj, "title", |d, v, p| d.text(v, p, MAX_TITLE_CHARS));
        let url = self.req_with(&obj, "url", |d, v, p| {
            let url = d.text(v, p, MAX_TEXT_CHARS)?;
            if !url.starts_with("https://") || url.contains(char::is_whitespace) {
                d.report(
                    ErrorCode::InvalidValue,
                    p,
                    cat!("\"{}\" is not an https:// address", clip(&url)),
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
        if s.len() != 7 || Date::parse(&cat!("{}-01", s)).is_none() {
            self.report(
                ErrorCode::InvalidDate,
                path,
                cat!("\"{}\" is not a month written YYYY-MM", clip(&s)),
            );
            return None;
        }
        Some(s)
    }
}

/// What a preset says for people besides its texts and plans: read natively
/// only.
#[derive(Default)]
pub(super) struct Extras {
    pub(super) optional_fees: Vec<Fee>,
    pub(super) coverage_limits: Vec<CoverageLimit>,
    pub(super) expected_warnings: Vec<WarningCode>,
    pub(super) session_cost: Option<SessionCost>,
    pub(super) choose: Option<String>,
    pub(super) es: Option<PresetText>,
}

/// What the WebAssembly build reads of a preset: its three plans,
/// `[low, plan, high]`, in one currency. The rest of the entry is the
/// catalogue's text for people; the test suite checks it natively on the
/// data file the package ships, and reading it here would only make the
/// engine bigger. (A preset that is not an object, or whose plans are
/// missing or invalid, is still refused at its paths.)
#[cfg(target_arch = "wasm32")]
pub(crate) fn plans<S: Source>(input: S) -> Result<[Plan; 3], Error> {
    let mut d = Decoder::default();
    let plans = d.preset_plans(input, "");
    d.finish(plans)
}

#[cfg(target_arch = "wasm32")]
impl Decoder {
    fn preset_plans<S: Source>(&mut self, value: S, path: &str) -> Option<[Plan; 3]> {
        // Every field is known (a misspelt one is still refused, and keys
        // that cannot be listed fail closed); only the plans are read.
        let obj = self.object(value, path, PRESET_FIELDS)?;
        let mut read = |key: &str| self.req_with(&obj, key, Decoder::nested_plan);
        let (low, plan, high) = (read("low"), read("plan"), read("high"));
        let [low, plan, high] = [low?, plan?, high?];
        if !self.one_currency([&low, &plan, &high], path) {
            return None;
        }
        Some([low, plan, high])
    }
}
