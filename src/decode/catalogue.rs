//! The native build's readers of what the catalogue says for people and no
//! estimate reads (see [`super::preset`]): a preset's optional fees,
//! coverage limits, expected warnings, cost of one session and Spanish
//! texts, and the catalogue's examples of insurance.

use crate::calendar::Date;
use crate::catalogue::{
    Catalogue, Citation, CoverageExample, ExampleText, Names, Preset, PresetText, SessionCost,
};
use crate::error::{Error, ErrorCode};
use crate::limits::{
    MAX_COVERAGE_LIMITS, MAX_FEES, MAX_PHASES, MAX_PRESET_NOTES, MAX_PRESETS, MAX_SUMMARY_CHARS,
    MAX_TEXT_CHARS,
};
use crate::output::WarningCode;
use crate::path::{index, join, nest};
use crate::plan::{Fee, FeeWhen, Plan};
use crate::prelude::*;
use crate::source::{Kind, Source};
use crate::text::clip;

use super::preset::Extras;
use super::{Decoder, Obj, rules};

/// Decodes a catalogue (`{ about?, presets: [...], coverageExamples?: [...] }`),
/// moving every plan to `start` when one is given, and returns its presets.
/// Natively the coverage examples are checked too.
pub(crate) fn presets<S: Source>(input: S, start: Option<Date>) -> Result<Vec<Preset>, Error> {
    contents(input, start).map(|c| c.presets)
}

/// The presets with every plan moved to `start`, when one is given.
fn moved(presets: Vec<Preset>, start: Option<Date>) -> Result<Vec<Preset>, Error> {
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

/// Decodes a whole catalogue: its presets (moved to `start` when one is
/// given) and its coverage examples.
pub(crate) fn contents<S: Source>(input: S, start: Option<Date>) -> Result<Catalogue, Error> {
    let mut d = Decoder::default();
    let parts = d
        .object(input, "", &["about", "presets", "coverageExamples"])
        .and_then(|obj| {
            let about = d.opt_with(&obj, "about", |d, v, p| d.string(v, p));
            let presets = d.req_with(&obj, "presets", |d, v, p| {
                d.list(v, p, MAX_PRESETS, |d, v, p| d.preset(v, p))
            });
            let examples = d.opt_with(&obj, "coverageExamples", |d, v, p| {
                d.list(v, p, MAX_PRESETS, |d, v, p| d.coverage_example(v, p))
            });
            about.ok()?;
            Some((presets?, examples.ok()?.unwrap_or_default()))
        });
    let (presets, examples) = d.finish(parts)?;
    let mut d = Decoder::default();
    rules::unique(
        &mut d,
        "presets",
        "id",
        presets.iter().map(|p| p.id.as_str()),
    );
    rules::unique(
        &mut d,
        "coverageExamples",
        "id",
        examples.iter().map(|e| e.id.as_str()),
    );
    d.finish(Some(()))?;
    Ok(Catalogue {
        presets: moved(presets, start)?,
        coverage_examples: examples,
    })
}

impl Decoder {
    /// Reads a preset's `optionalFees`, `coverageLimits`, `expectedWarnings`,
    /// `sessionCost`, `choose` and `es`.
    pub(super) fn extras<S: Source>(&mut self, obj: &Obj<S>) -> Option<Extras> {
        let optional_fees = self.opt_with(obj, "optionalFees", |d, v, p| {
            d.list(v, p, MAX_FEES, |d, v, p| d.fee(v, p))
        });
        let coverage_limits = self.opt_with(obj, "coverageLimits", |d, v, p| {
            d.list(v, p, MAX_COVERAGE_LIMITS, |d, v, p| d.coverage_limit(v, p))
        });
        let expected_warnings = self.opt_with(obj, "expectedWarnings", |d, v, p| {
            d.list(v, p, WarningCode::ALL.len(), |d, v, p| {
                d.keyword(v, p, &WarningCode::NAMES)
                    .map(|i| WarningCode::ALL[i])
            })
        });
        let session_cost = self.opt_with(obj, "sessionCost", |d, v, p| d.session_cost(v, p));
        let choose = self.opt_with(obj, "choose", |d, v, p| d.text(v, p, MAX_TEXT_CHARS));
        let es = self.opt_with(obj, "es", |d, v, p| d.preset_text(v, p));
        Some(Extras {
            optional_fees: optional_fees.ok()?.unwrap_or_default(),
            coverage_limits: coverage_limits.ok()?.unwrap_or_default(),
            expected_warnings: expected_warnings.ok()?.unwrap_or_default(),
            session_cost: session_cost.ok()?,
            choose: choose.ok()?,
            es: es.ok()?,
        })
    }

    /// Whether the extras fit the preset's plans and its English texts;
    /// reports what does not, at its path under `path`.
    pub(super) fn extras_fit(
        &mut self,
        extras: &Extras,
        plans: [(&str, &Plan); 3],
        path: &str,
        assumptions: usize,
    ) -> bool {
        let before = self.problems.len();
        self.optional_fees_fit(&extras.optional_fees, plans, &nest(path, "optionalFees"));
        for (i, limit) in extras.coverage_limits.iter().enumerate() {
            for (j, phase) in limit.phases.iter().enumerate() {
                let at = index(&join(&index(&nest(path, "coverageLimits"), i), "phases"), j);
                self.known_phase(&at, phase, plans);
            }
        }
        if let Some(cost) = &extras.session_cost {
            self.session_cost_fits(cost, plans[0].1, &nest(path, "sessionCost"));
        }
        if let Some(es) = &extras.es
            && es.choose.is_some() != extras.choose.is_some()
        {
            let message = if es.choose.is_some() {
                "is given, but the preset has no \"choose\": say when to choose it in both languages, or in neither"
            } else {
                "is missing: translate the preset's \"choose\""
            };
            self.report(ErrorCode::InvalidValue, &nest(path, "es.choose"), message);
        }
        if let Some(es) = &extras.es
            && es.assumptions.len() != assumptions
        {
            self.report(
                ErrorCode::InvalidValue,
                &nest(path, "es.assumptions"),
                format!(
                    "has {} assumptions, but the preset has {assumptions}: translate each one, in the same order",
                    es.assumptions.len(),
                ),
            );
        }
        self.problems.len() == before
    }

    /// Reports the optional fees that could not be added to every plan: a
    /// name a plan's fee already has, or a `phase` a plan does not have.
    fn optional_fees_fit(&mut self, fees: &[Fee], plans: [(&str, &Plan); 3], path: &str) {
        rules::unique(self, path, "name", fees.iter().map(|f| f.name.as_str()));
        for (i, fee) in fees.iter().enumerate() {
            let at = index(path, i);
            if let Some((field, _)) = plans
                .iter()
                .find(|(_, plan)| plan.fees().iter().any(|f| f.name == fee.name))
            {
                self.report(
                    ErrorCode::DuplicateName,
                    &join(&at, "name"),
                    format!("\"{}\" is already a fee of {field}", clip(&fee.name)),
                );
            }
            if let Some(phase) = &fee.phase {
                self.known_phase(&join(&at, "phase"), phase, plans);
            }
        }
    }

    /// Reports `name` at `path` unless every plan has a phase of that name.
    fn known_phase(&mut self, path: &str, name: &str, plans: [(&str, &Plan); 3]) {
        for (_, plan) in plans {
            let names: Vec<&str> = plan.phases().iter().map(|p| p.name.as_str()).collect();
            if !names.contains(&name) {
                rules::known_name(self, path, name, &names, "phase");
                return;
            }
        }
    }

    /// `sessionCost`: `{ amount, parts }`, at least one part.
    fn session_cost<S: Source>(&mut self, value: S, path: &str) -> Option<SessionCost> {
        let obj = self.object(value, path, &["amount", "parts"])?;
        let amount = self.req_with(&obj, "amount", Decoder::amount);
        let parts = self.req_with(&obj, "parts", |d, v, p| {
            let list = d.list(v, p, MAX_FEES + 1, |d, v, p| d.name(v, p))?;
            if list.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "needs at least one part: a phase");
                return None;
            }
            Some(list)
        });
        Some(SessionCost {
            amount: amount?,
            parts: parts?,
        })
    }

    /// Whether the cost of one session names a phase of the typical plan
    /// and then fees of it charged with that phase's sessions, and is their
    /// sum; reports what does not fit, at its path under `path`.
    fn session_cost_fits(&mut self, cost: &SessionCost, plan: &Plan, path: &str) {
        let at = |i: usize| index(&join(path, "parts"), i);
        let phases: Vec<&str> = plan.phases().iter().map(|p| p.name.as_str()).collect();
        let Some(first) = cost.parts.first() else {
            return;
        };
        let Some(phase) = plan.phases().iter().find(|p| &p.name == first) else {
            rules::known_name(self, &at(0), first, &phases, "phase of plan");
            return;
        };
        let mut sum = phase.price;
        let names: Vec<&str> = plan.fees().iter().map(|f| f.name.as_str()).collect();
        for (i, part) in cost.parts.iter().enumerate().skip(1) {
            let Some(fee) = plan.fees().iter().find(|f| &f.name == part) else {
                rules::known_name(self, &at(i), part, &names, "fee of plan");
                return;
            };
            if fee.when != FeeWhen::Session || fee.phase.as_ref().is_some_and(|p| *p != phase.name)
            {
                self.report(
                    ErrorCode::InvalidValue,
                    &at(i),
                    format!(
                        "\"{}\" is not charged with every session of \"{}\"",
                        clip(part),
                        clip(&phase.name)
                    ),
                );
                return;
            }
            sum += fee.amount;
        }
        if sum != cost.amount {
            self.report(
                ErrorCode::InvalidValue,
                &join(path, "amount"),
                format!(
                    "is {}, but its parts add up to {}",
                    cost.amount.minor(),
                    sum.minor()
                ),
            );
        }
    }

    /// A preset's texts in another language.
    fn preset_text<S: Source>(&mut self, value: S, path: &str) -> Option<PresetText> {
        let obj = self.object(
            value,
            path,
            &["name", "summary", "assumptions", "choose", "names"],
        )?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let summary = self.req_with(&obj, "summary", |d, v, p| d.text(v, p, MAX_SUMMARY_CHARS));
        let assumptions = self.opt_with(&obj, "assumptions", |d, v, p| {
            d.list(v, p, MAX_PRESET_NOTES, |d, v, p| {
                d.text(v, p, MAX_TEXT_CHARS)
            })
        });
        let choose = self.opt_with(&obj, "choose", |d, v, p| d.text(v, p, MAX_TEXT_CHARS));
        let names = self.opt_with(&obj, "names", |d, v, p| d.names(v, p));
        Some(PresetText {
            name: name?,
            summary: summary?,
            assumptions: assumptions.ok()?.unwrap_or_default(),
            choose: choose.ok()?,
            names: names.ok()?.unwrap_or_default(),
        })
    }

    /// `names`: an object from an English name to its translation, each a
    /// name.
    fn names<S: Source>(&mut self, value: S, path: &str) -> Option<Names> {
        if value.kind() != Kind::Object {
            self.wrong_type(&value, path, "an object of names and their translations");
            return None;
        }
        let mut pairs = Vec::new();
        let mut ok = true;
        let listed = value.keys(&mut |key: &str| {
            if pairs.len() >= 2 * (MAX_PHASES + MAX_FEES) {
                self.report(ErrorCode::OutOfRange, path, "has too many names");
                ok = false;
                return false;
            }
            let at = join(path, &clip(key));
            match value.field(key).and_then(|v| self.name(v, &at)) {
                Some(t) => pairs.push((key.to_string(), t)),
                None => ok = false,
            }
            true
        });
        if listed.is_err() {
            self.unlisted(path);
            return None;
        }
        ok.then_some(Names(pairs))
    }

    /// A coverage example: an id, texts, a `coverage` object and its sources.
    fn coverage_example<S: Source>(&mut self, value: S, path: &str) -> Option<CoverageExample> {
        const KNOWN: &[&str] = &["id", "name", "summary", "coverage", "sources", "es"];
        let obj = self.object(value, path, KNOWN)?;
        let id = self.req_with(&obj, "id", |d, v, p| d.preset_id(v, p));
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let summary = self.req_with(&obj, "summary", |d, v, p| d.text(v, p, MAX_SUMMARY_CHARS));
        let coverage = self.req_with(&obj, "coverage", |d, v, p| {
            let coverage = d.coverage(v, p)?;
            if !coverage.limits.is_empty() {
                // Limits name phases, and an example belongs to no plan.
                d.report(
                    ErrorCode::InvalidValue,
                    &join(p, "limits"),
                    "an example of insurance names no phases: put session limits on the preset, in \"coverageLimits\"",
                );
                return None;
            }
            Some(coverage)
        });
        let sources = self.req_with(&obj, "sources", |d, v, p| d.sources(v, p));
        let es = self.req_with(&obj, "es", |d, v, p| {
            let obj = d.object(v, p, &["name", "summary"])?;
            let name = d.req_with(&obj, "name", |d, v, p| d.name(v, p));
            let summary = d.req_with(&obj, "summary", |d, v, p| d.text(v, p, MAX_SUMMARY_CHARS));
            Some(ExampleText {
                name: name?,
                summary: summary?,
            })
        });
        Some(CoverageExample {
            id: id?,
            name: name?,
            summary: summary?,
            coverage: coverage?,
            sources: sources?,
            es: es?,
        })
    }

    /// At least one source.
    fn sources<S: Source>(&mut self, value: S, path: &str) -> Option<Vec<Citation>> {
        let list = self.list(value, path, MAX_PRESET_NOTES, |d, v, p| d.citation(v, p))?;
        if list.is_empty() {
            self.report(ErrorCode::OutOfRange, path, "needs at least one source");
            return None;
        }
        Some(list)
    }
}
