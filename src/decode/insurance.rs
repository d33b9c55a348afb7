//! The readers of a plan's insurance and savings programmes.

use crate::error::ErrorCode;
use crate::limits::{MAX_COVERAGE_LIMITS, MAX_FEES, MAX_PHASES, MAX_SESSIONS};
use crate::path::{index, join};
use crate::plan::{
    Assistance, CostSharing, Coverage, CoverageLimit, LimitPer, Network, PlanType, Requires,
};
use crate::prelude::*;
use crate::source::{Kind, Source};
use crate::text::clip;

use super::{Decoder, Obj};

impl Decoder {
    pub(crate) fn coverage<S: Source>(&mut self, value: S, path: &str) -> Option<Coverage> {
        const SHARING: [&str; 6] = [
            "deductible",
            "deductibleMet",
            "coinsurance",
            "copay",
            "outOfPocketMax",
            "outOfPocketMet",
        ];
        let mut known = SHARING.to_vec();
        known.extend([
            "planYearStart",
            "type",
            "network",
            "accumulator",
            "pharmacy",
            "limits",
        ]);
        let obj = self.object(value, path, &known)?;
        let sharing = self.cost_sharing(&obj, path);
        let plan_year_start = self.opt_with(&obj, "planYearStart", Decoder::month_day);
        let kind = self.opt_with(&obj, "type", |d, v, p| {
            d.keyword(v, p, &PlanType::NAMES)
                .map(|i| [PlanType::Commercial, PlanType::Government][i])
        });
        let network = self.opt_with(&obj, "network", |d, v, p| {
            d.keyword(v, p, &Network::NAMES)
                .map(|i| [Network::In, Network::Out][i])
        });
        let accumulator = self.opt_with(&obj, "accumulator", Decoder::boolean);
        let pharmacy = self.opt_with(&obj, "pharmacy", |d, v, p| {
            // Plan years are one calendar for both benefits: say so rather
            // than only listing the pharmacy fields.
            let misplaced = v.kind() == Kind::Object && v.field("planYearStart").is_some();
            if misplaced {
                d.report(
                    ErrorCode::UnknownField,
                    &join(p, "planYearStart"),
                    "unknown field \"planYearStart\" — plan years are shared by both benefits: did you mean \"coverage.planYearStart\"?",
                );
            }
            let mut known = SHARING.to_vec();
            known.push("planYearStart");
            let obj = d.object(v, p, if misplaced { &known } else { &SHARING })?;
            let sharing = d.cost_sharing(&obj, p);
            (!misplaced).then_some(sharing?)
        });
        let limits = self.opt_with(&obj, "limits", |d, v, p| {
            d.list(v, p, MAX_COVERAGE_LIMITS, Decoder::coverage_limit)
        });
        Some(Coverage {
            medical: sharing?,
            plan_year_start: plan_year_start.ok()?.unwrap_or_default(),
            kind: kind.ok()?.unwrap_or_default(),
            network: network.ok()?.unwrap_or_default(),
            accumulator: accumulator.ok()?.unwrap_or(false),
            pharmacy: pharmacy.ok()?,
            limits: limits.ok()?.unwrap_or_default(),
        })
    }

    /// The cost-sharing fields of one benefit, with the rules between them
    /// (a met amount within its limit; `outOfPocketMet` needs a maximum).
    fn cost_sharing<S: Source>(&mut self, obj: &Obj<S>, path: &str) -> Option<CostSharing> {
        let deductible = self.opt_with(obj, "deductible", Decoder::amount);
        let deductible_met = self.opt_with(obj, "deductibleMet", Decoder::amount);
        let coinsurance = self.opt_with(obj, "coinsurance", Decoder::percent);
        let copay = self.opt_with(obj, "copay", Decoder::amount);
        let oop_max = self.opt_with(obj, "outOfPocketMax", Decoder::amount);
        let oop_met = self.opt_with(obj, "outOfPocketMet", Decoder::amount);
        let sharing = CostSharing {
            deductible: deductible.ok()?.unwrap_or_default(),
            deductible_met: deductible_met.ok()?.unwrap_or_default(),
            coinsurance: coinsurance.ok()?.unwrap_or_default(),
            copay: copay.ok()?,
            out_of_pocket_max: oop_max.ok()?,
            out_of_pocket_met: oop_met.ok()?.unwrap_or_default(),
        };
        let mut ok = true;
        if sharing.deductible_met > sharing.deductible {
            self.report(
                ErrorCode::OutOfRange,
                &join(path, "deductibleMet"),
                format!(
                    "is more than the deductible ({} > {})",
                    sharing.deductible_met, sharing.deductible
                ),
            );
            ok = false;
        }
        match (sharing.out_of_pocket_max, oop_met) {
            (None, Ok(Some(_))) => {
                self.report(
                    ErrorCode::ConflictingFields,
                    &join(path, "outOfPocketMet"),
                    "\"outOfPocketMet\" needs an \"outOfPocketMax\" to count against",
                );
                ok = false;
            }
            (Some(max), _) if sharing.out_of_pocket_met > max => {
                self.report(
                    ErrorCode::OutOfRange,
                    &join(path, "outOfPocketMet"),
                    format!(
                        "is more than the out-of-pocket maximum ({} > {max})",
                        sharing.out_of_pocket_met
                    ),
                );
                ok = false;
            }
            _ => {}
        }
        ok.then_some(sharing)
    }

    pub(crate) fn coverage_limit<S: Source>(
        &mut self,
        value: S,
        path: &str,
    ) -> Option<CoverageLimit> {
        let obj = self.object(value, path, &["phases", "sessions", "per"])?;
        let phases = self.req_with(&obj, "phases", |d, v, p| {
            let names = d.list(v, p, MAX_PHASES, Decoder::name)?;
            if names.is_empty() {
                d.report(ErrorCode::OutOfRange, p, "must name at least one phase");
                return None;
            }
            let mut ok = true;
            for (i, name) in names.iter().enumerate() {
                if names[..i].contains(name) {
                    d.report(
                        ErrorCode::InvalidValue,
                        &index(p, i),
                        format!("\"{}\" is listed twice", clip(name)),
                    );
                    ok = false;
                }
            }
            ok.then_some(names)
        });
        let sessions = self.req_with(&obj, "sessions", |d, v, p| d.count(v, p, 1, MAX_SESSIONS));
        let per = self.opt_with(&obj, "per", |d, v, p| {
            d.keyword(v, p, &LimitPer::NAMES)
                .map(|i| [LimitPer::PlanYear, LimitPer::Course][i])
        });
        Some(CoverageLimit {
            phases: phases?,
            sessions: sessions?,
            per: per.ok()?.unwrap_or_default(),
        })
    }

    pub(crate) fn assistance<S: Source>(&mut self, value: S, path: &str) -> Option<Assistance> {
        let obj = self.object(
            value,
            path,
            &[
                "name",
                "patientPaysAtMost",
                "annualMax",
                "yearStart",
                "phases",
                "fees",
                "requires",
            ],
        )?;
        let name = self.req_with(&obj, "name", Decoder::name);
        let at_most = self.req_with(&obj, "patientPaysAtMost", Decoder::amount);
        let annual_max = self.opt_with(&obj, "annualMax", Decoder::amount);
        let year_start = self.opt_with(&obj, "yearStart", Decoder::month_day);
        let phases = self.opt_with(&obj, "phases", |d, v, p| {
            d.list(v, p, MAX_PHASES, Decoder::name)
        });
        let fees = self.opt_with(&obj, "fees", |d, v, p| {
            d.list(v, p, MAX_FEES, Decoder::name)
        });
        let requires = self.opt_with(&obj, "requires", |d, v, p| {
            d.keyword(v, p, &Requires::NAMES)
                .map(|i| [Requires::None, Requires::Coverage, Requires::Commercial][i])
        });
        Some(Assistance {
            name: name?,
            patient_pays_at_most: at_most?,
            annual_max: annual_max.ok()?,
            year_start: year_start.ok()?.unwrap_or_default(),
            phases: phases.ok()?.unwrap_or_default(),
            fees: fees.ok()?.unwrap_or_default(),
            requires: requires.ok()?.unwrap_or_default(),
        })
    }
}
