//! The native build's readers of what the catalogue says for people and no
//! estimate reads (see [`super::preset`]): a preset's optional fees,
//! coverage limits, expected warnings and Spanish texts, and the catalogue's
//! examples of insurance.

use crate::calendar::Date;
use crate::catalogue::{Catalogue, Citation, CoverageExample, ExampleText, Preset, PresetText};
use crate::error::{Error, ErrorCode};
use crate::limits::{
    MAX_COVERAGE_LIMITS, MAX_FEES, MAX_PRESET_NOTES, MAX_PRESETS, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS,
};
use crate::output::WarningCode;
use crate::path::{index, join, nest};
use crate::plan::{Fee, Plan};
use crate::prelude::*;
use crate::source::Source;
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
    /// Reads a preset's `optionalFees`, `coverageLimits`, `expectedWarnings`
    /// and `es`.
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
        let es = self.opt_with(obj, "es", |d, v, p| d.preset_text(v, p));
        Some(Extras {
            optional_fees: optional_fees.ok()?.unwrap_or_default(),
            coverage_limits: coverage_limits.ok()?.unwrap_or_default(),
            expected_warnings: expected_warnings.ok()?.unwrap_or_default(),
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

    /// A preset's texts in another language.
    fn preset_text<S: Source>(&mut self, value: S, path: &str) -> Option<PresetText> {
        let obj = self.object(value, path, &["name", "summary", "assumptions"])?;
        let name = self.req_with(&obj, "name", |d, v, p| d.name(v, p));
        let summary = self.req_with(&obj, "summary", |d, v, p| d.text(v, p, MAX_SUMMARY_CHARS));
        let assumptions = self.opt_with(&obj, "assumptions", |d, v, p| {
            d.list(v, p, MAX_PRESET_NOTES, |d, v, p| {
                d.text(v, p, MAX_TEXT_CHARS)
            })
        });
        Some(PresetText {
            name: name?,
            summary: summary?,
            assumptions: assumptions.ok()?.unwrap_or_default(),
        })
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
