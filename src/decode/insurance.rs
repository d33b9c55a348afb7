//! The readers of a plan's insurance and savings programmes.

use crate::error::{Bound, ErrorCode, Problem};
use crate::limits::{
    MAX_CODE_CHARS, MAX_COVERAGE_LIMITS, MAX_FEE_SCHEDULE_ENTRIES, MAX_FEES, MAX_PHASES,
    MAX_REIMBURSEMENT_DAYS, MAX_SESSIONS,
};
use crate::money::Amount;
use crate::path::{index, join};
use crate::plan::{
    Assistance, BalanceBilling, Beyond, Claims, CopayPer, CostSharing, Coverage, CoverageLimit,
    Family, FeeSchedule, LimitPer, Network, PlanType, Requires,
};
use crate::prelude::*;
use crate::source::{Kind, Source};
use crate::text::code_points;
use crate::text::{cat, clip};

use super::{Decoder, Obj};

impl Decoder {
    pub(crate) fn coverage<S: Source>(&mut self, value: S, path: &str) -> Option<Coverage> {
        const SHARING: [&str; 7] = [
            "deductible",
            "deductibleMet",
            "coinsurance",
            "copay",
            "copayAfterDeductible",
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
            "feeSchedule",
            "copayPer",
            "outOfNetwork",
            "balanceBilling",
            "family",
            "claims",
            "reimbursementDays",
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
        let fee_schedule = self.opt_with(&obj, "feeSchedule", Decoder::fee_schedule);
        // The keywords are read as their index, and the index turned into
        // its value below: one small reader each, not one per value type.
        let copay_per = self.opt_with(&obj, "copayPer", |d, v, p| {
            d.keyword(v, p, &CopayPer::NAMES)
        });
        let out_of_network = self.opt_with(&obj, "outOfNetwork", |d, v, p| {
            let obj = d.object(v, p, &SHARING)?;
            d.cost_sharing(&obj, p)
        });
        let balance_billing = self.opt_with(&obj, "balanceBilling", |d, v, p| {
            d.keyword(v, p, &BalanceBilling::NAMES)
        });
        let family = self.opt_with(&obj, "family", Decoder::family);
        let claims = self.opt_with(&obj, "claims", |d, v, p| d.keyword(v, p, &Claims::NAMES));
        let days = self.opt_with(&obj, "reimbursementDays", |d, v, p| {
            d.count(v, p, 0, MAX_REIMBURSEMENT_DAYS)
        });
        let coverage = Coverage {
            medical: sharing?,
            plan_year_start: plan_year_start.ok()?.unwrap_or_default(),
            kind: kind.ok()?.unwrap_or_default(),
            network: network.ok()?.unwrap_or_default(),
            accumulator: accumulator.ok()?.unwrap_or(false),
            pharmacy: pharmacy.ok()?,
            limits: limits.ok()?.unwrap_or_default(),
            fee_schedule: fee_schedule.ok()?.unwrap_or_default(),
            copay_per: match copay_per.ok()? {
                Some(1) => CopayPer::Visit,
                _ => CopayPer::Line,
            },
            out_of_network: out_of_network.ok()?,
            balance_billing: match balance_billing.ok()? {
                Some(1) => BalanceBilling::None,
                Some(2) => BalanceBilling::Medicare,
                _ => BalanceBilling::Full,
            },
            family: family.ok()?,
            claims: match claims.ok()? {
                Some(1) => Claims::Patient,
                _ => Claims::Clinic,
            },
            reimbursement_days: days.ok()?,
        };
        self.coverage_rules(&coverage, path).then_some(coverage)
    }

    /// The rules between version 3's fields of one coverage: the Medicare
    /// limiting charge is for government plans, a reimbursement delay is for
    /// patient-filed claims, and a family's amounts are at least the
    /// patient's.
    fn coverage_rules(&mut self, c: &Coverage, path: &str) -> bool {
        let family = c.family.unwrap_or_default();
        let below = |theirs: Option<Amount>, mine: Option<Amount>| matches!((theirs, mine), (Some(t), Some(m)) if t < m);
        let rules = [
            (
                c.balance_billing == BalanceBilling::Medicare && c.kind != PlanType::Government,
                ErrorCode::ConflictingFields,
                "balanceBilling",
                "\"medicare\" needs \"type\": \"government\"",
                None,
            ),
            (
                c.reimbursement_days.is_some() && c.claims != Claims::Patient,
                ErrorCode::ConflictingFields,
                "reimbursementDays",
                "needs \"claims\": \"patient\"",
                None,
            ),
            (
                below(family.deductible, Some(c.medical.deductible)),
                ErrorCode::OutOfRange,
                "family.deductible",
                "is less than the patient's \"deductible\"",
                Some(c.medical.deductible),
            ),
            (
                below(family.out_of_pocket_max, c.medical.out_of_pocket_max),
                ErrorCode::OutOfRange,
                "family.outOfPocketMax",
                "is less than the patient's \"outOfPocketMax\"",
                c.medical.out_of_pocket_max,
            ),
        ];
        let mut ok = true;
        for (broken, code, key, message, least) in rules {
            if broken && !self.full() {
                // A family amount below the patient's: the patient's is its least.
                let mut p = Problem::new(code, join(path, key), message);
                p.min = least.map(Amount::minor);
                self.problems.push(p);
            }
            ok &= !broken;
        }
        ok
    }

    /// The insurer's allowed amount for each billing code: an object of at
    /// most 200 codes. Its keys are counted as they are listed, so a huge
    /// object is refused before its values are read.
    fn fee_schedule<S: Source>(&mut self, value: S, path: &str) -> Option<FeeSchedule> {
        if value.kind() != Kind::Object {
            self.wrong_type(&value, path, "an object of billing codes and amounts");
            return None;
        }
        let mut entries = Vec::new();
        let mut ok = true;
        let mut seen = 0;
        let listed = value.keys(&mut |key: &str| {
            seen += 1;
            if seen > MAX_FEE_SCHEDULE_ENTRIES {
                self.out_of_range(
                    path,
                    Bound::Max(MAX_FEE_SCHEDULE_ENTRIES as i64),
                    "has more than {} codes",
                    &[&MAX_FEE_SCHEDULE_ENTRIES],
                );
                ok = false;
                return false;
            }
            let at = join(path, &clip(key));
            let chars = code_points(key);
            if chars > MAX_CODE_CHARS {
                self.out_of_range(
                    &at,
                    Bound::Max(MAX_CODE_CHARS as i64),
                    "a code must be at most {} characters long; it has {}",
                    &[&MAX_CODE_CHARS, &chars],
                );
                ok = false;
            }
            // `null` means absent, as everywhere.
            if let Some(v) = value.field(key).filter(|v| v.kind() != Kind::Null) {
                match self.amount(v, &at) {
                    Some(amount) => entries.push((key.to_string(), amount)),
                    None => ok = false,
                }
            }
            true
        });
        if listed.is_err() {
            self.unlisted(path);
            return None;
        }
        ok.then_some(FeeSchedule(entries))
    }

    /// A family's embedded deductible and maximum; a met amount needs its
    /// amount and stays within it.
    fn family<S: Source>(&mut self, value: S, path: &str) -> Option<Family> {
        let obj = self.object(
            value,
            path,
            &[
                "deductible",
                "deductibleMet",
                "outOfPocketMax",
                "outOfPocketMet",
            ],
        )?;
        let deductible = self.opt_with(&obj, "deductible", Decoder::amount);
        let deductible_met = self.opt_with(&obj, "deductibleMet", Decoder::amount);
        let oop_max = self.opt_with(&obj, "outOfPocketMax", Decoder::amount);
        let oop_met = self.opt_with(&obj, "outOfPocketMet", Decoder::amount);
        let (deductible, deductible_met, oop_max, oop_met) = (
            deductible.ok()?,
            deductible_met.ok()?,
            oop_max.ok()?,
            oop_met.ok()?,
        );
        let ok = self.met_within(
            (deductible, deductible_met),
            path,
            ("deductibleMet", "deductible", "family's deductible"),
        ) & self.met_within(
            (oop_max, oop_met),
            path,
            (
                "outOfPocketMet",
                "outOfPocketMax",
                "family's out-of-pocket maximum",
            ),
        );
        ok.then_some(Family {
            deductible,
            deductible_met: deductible_met.unwrap_or_default(),
            out_of_pocket_max: oop_max,
            out_of_pocket_met: oop_met.unwrap_or_default(),
        })
    }

    /// Whether an amount already met (`met`, the field `key` under `path`)
    /// fits its amount (the field `of`, called `what`): it needs one to
    /// count against, and stays within it.
    fn met_within(
        &mut self,
        (amount, met): (Option<Amount>, Option<Amount>),
        path: &str,
        (key, of, what): (&str, &str, &str),
    ) -> bool {
        match (amount, met) {
            (None, Some(_)) => self.report_fmt(
                ErrorCode::ConflictingFields,
                &join(path, key),
                "\"{}\" needs an \"{}\" to count against",
                &[&key, &of],
            ),
            (Some(amount), Some(met)) if met > amount => self.out_of_range(
                &join(path, key),
                Bound::Max(amount.minor()),
                "is more than the {} ({} > {})",
                &[&what, &met, &amount],
            ),
            _ => return true,
        }
        false
    }

    /// The cost-sharing fields of one benefit, with the rules between them
    /// (a met amount within its limit; `outOfPocketMet` needs a maximum).
    fn cost_sharing<S: Source>(&mut self, obj: &Obj<S>, path: &str) -> Option<CostSharing> {
        let deductible = self.opt_with(obj, "deductible", Decoder::amount);
        let deductible_met = self.opt_with(obj, "deductibleMet", Decoder::amount);
        let coinsurance = self.opt_with(obj, "coinsurance", Decoder::percent);
        let copay = self.opt_with(obj, "copay", Decoder::amount);
        let after = self.opt_with(obj, "copayAfterDeductible", Decoder::boolean);
        let oop_max = self.opt_with(obj, "outOfPocketMax", Decoder::amount);
        let oop_met = self.opt_with(obj, "outOfPocketMet", Decoder::amount);
        let sharing = CostSharing {
            deductible: deductible.ok()?.unwrap_or_default(),
            deductible_met: deductible_met.ok()?.unwrap_or_default(),
            coinsurance: coinsurance.ok()?.unwrap_or_default(),
            copay: copay.ok()?,
            out_of_pocket_max: oop_max.ok()?,
            out_of_pocket_met: oop_met.ok()?.unwrap_or_default(),
            copay_after_deductible: after.ok()?.unwrap_or(false),
        };
        let mut ok = self.met_within(
            (Some(sharing.deductible), Some(sharing.deductible_met)),
            path,
            ("deductibleMet", "deductible", "deductible"),
        ) & self.met_within(
            (sharing.out_of_pocket_max, oop_met.ok()?),
            path,
            ("outOfPocketMet", "outOfPocketMax", "out-of-pocket maximum"),
        );
        if self.require_terms {
            if deductible == Ok(None) {
                self.report(
                    ErrorCode::MissingField,
                    &join(path, "deductible"),
                    "needs the deductible (0 if none)",
                );
                ok = false;
            }
            if coinsurance == Ok(None) && copay == Ok(None) {
                self.report(
                    ErrorCode::MissingField,
                    &join(path, "coinsurance"),
                    "needs the coinsurance (0 if none) or a copay",
                );
                ok = false;
            }
        }
        if sharing.copay_after_deductible && sharing.copay.is_none() {
            self.report(
                ErrorCode::ConflictingFields,
                &join(path, "copayAfterDeductible"),
                "\"copayAfterDeductible\" needs a \"copay\" to charge after the deductible",
            );
            ok = false;
        }
        ok.then_some(sharing)
    }

    pub(crate) fn coverage_limit<S: Source>(
        &mut self,
        value: S,
        path: &str,
    ) -> Option<CoverageLimit> {
        let obj = self.object(value, path, &["phases", "sessions", "per", "beyond"])?;
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
                        cat!("\"{}\" is listed twice", clip(name)),
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
        let beyond = self.opt_with(&obj, "beyond", |d, v, p| d.keyword(v, p, &Beyond::NAMES));
        Some(CoverageLimit {
            phases: phases?,
            sessions: sessions?,
            per: per.ok()?.unwrap_or_default(),
            beyond: match beyond.ok()? {
                Some(1) => Beyond::Clinic,
                _ => Beyond::Patient,
            },
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
