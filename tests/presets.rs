//! The treatment catalogue (docs/catalogue.md), its examples of insurance, and
//! the range / compare helpers.

use coursecost::{
    Benefit, CATALOGUE_JSON, CoverageExample, Date, Error, ErrorCode, Estimate, FeeWhen, Horizon,
    LineKind, Plan, PlanOptions, PlanType, Preset, Requires, Totals, WarningCode, compare,
    coverage_examples, decode_catalogue, decode_comparison, decode_options, decode_plan,
    decode_preset, estimate, preset, presets, range,
};
use serde_json::{Value, json};

/// The README's table and entries, as `cargo run --example catalogue` prints them.
#[path = "../examples/catalogue.rs"]
mod catalogue_example;

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// The documented default start of every catalogue plan.
const DEFAULT_START: &str = "2026-01-05";

fn catalogue() -> Vec<Preset> {
    presets(date(DEFAULT_START)).unwrap_or_else(|e| panic!("catalogue should load: {e}"))
}

fn examples() -> Vec<CoverageExample> {
    coverage_examples().unwrap_or_else(|e| panic!("coverage examples should load: {e}"))
}

fn example(id: &str) -> CoverageExample {
    examples()
        .into_iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no coverage example {id}"))
}

fn est(plan: &Plan) -> Estimate {
    estimate(plan)
}

/// Options as a page sends them.
fn options(value: Value) -> PlanOptions {
    decode_options(Some(&value)).unwrap_or_else(|e| panic!("options should decode: {e}"))
}

/// The raw JSON of the data file.
fn raw() -> Value {
    serde_json::from_str(CATALOGUE_JSON).unwrap()
}

/// The raw JSON of a coverage example's `coverage`, as a page would send it.
fn raw_coverage(id: &str) -> Value {
    raw()["coverageExamples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no coverage example {id}"))["coverage"]
        .clone()
}

/// Options that put a coverage example on a plan.
fn insured(id: &str) -> PlanOptions {
    options(json!({ "coverage": raw_coverage(id) }))
}

/// A plan with the preset's optional fees added to its own, decoded again.
fn with_optional_fees(plan: &Plan, p: &Preset) -> Plan {
    let mut value = serde_json::to_value(plan).unwrap();
    let fees = value["fees"].as_array_mut().unwrap();
    for fee in &p.optional_fees {
        fees.push(serde_json::to_value(fee).unwrap());
    }
    decode_plan(&value).unwrap_or_else(|e| panic!("{} with its optional fees: {e}", p.id))
}

/// Money as the assumptions write it: `$1,050`, or `$182.03` with cents.
fn shown(minor: i64) -> String {
    let dollars = minor / 100;
    let mut s = dollars.to_string();
    let mut i = s.len() as i64 - 3;
    while i > 0 {
        s.insert(i as usize, ',');
        i -= 3;
    }
    match minor % 100 {
        0 => format!("${s}"),
        cents => format!("${s}.{cents:02}"),
    }
}

/// The part of a source's title before the colon: how the texts name it.
fn publisher(title: &str) -> &str {
    title.split(':').next().unwrap_or_default()
}

/// Each problem of `err` as its code and path, in order.
fn codes_and_paths(err: &Error) -> Vec<(ErrorCode, &str)> {
    err.problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect()
}

/// The three plans of a preset, named.
fn plans(p: &Preset) -> [(&'static str, &Plan); 3] {
    [("low", &p.low), ("plan", &p.plan), ("high", &p.high)]
}

#[test]
fn the_catalogue_has_every_treatment_the_issue_names() {
    let ids: Vec<String> = catalogue().into_iter().map(|p| p.id).collect();
    for id in [
        "iv-ketamine",
        "im-ketamine",
        "esketamine",
        "esketamine-buy-and-bill",
        "oral-ketamine",
        "tms",
        "ect",
    ] {
        assert!(ids.iter().any(|i| i == id), "missing preset {id}");
    }
}

#[test]
fn clinic_treatments_never_land_on_a_weekend_and_at_home_ketamine_may() {
    use coursecost::Weekday;
    // Saturday 10 January 2026 (5 January is a Monday, the catalogue's start).
    let saturday = date("2026-01-10");
    assert_eq!(saturday.weekday(), Weekday::Sat);
    for p in presets(saturday).unwrap() {
        let at_home = p.id == "oral-ketamine";
        for (which, plan) in plans(&p) {
            let closed = &plan.clinic().closed_weekdays;
            let expected: &[Weekday] = if at_home {
                &[]
            } else {
                &[Weekday::Sat, Weekday::Sun]
            };
            assert_eq!(closed, expected, "{} {which}", p.id);
            let e = est(plan);
            if at_home {
                // The first dose at home on the start, the Saturday, then
                // weekly, on Saturdays: 17 January the second.
                assert_eq!(e.sessions[0].date, saturday, "{which}");
                assert_eq!(e.sessions[1].date, date("2026-01-17"), "{which}");
                continue;
            }
            let weekend: Vec<_> = e
                .sessions
                .iter()
                .filter(|s| matches!(s.date.weekday(), Weekday::Sat | Weekday::Sun))
                .map(|s| s.date)
                .collect();
            assert!(weekend.is_empty(), "{} {which}: {weekend:?}", p.id);
        }
        if at_home {
            assert!(
                p.assumptions
                    .iter()
                    .any(|a| a.contains("any day of the week")),
                "at-home ketamine says why it has no closed days"
            );
        }
    }
    // Esketamine's evaluation is a weekly phase of one session: asked for on
    // the start, Saturday 10 January, it moves to the next open day, Monday
    // 12 January; the clinic-supplied pathways do the same.
    for id in ESKETAMINE {
        let e = est(&preset(id, saturday).unwrap().plan);
        assert_eq!(e.sessions[0].scheduled, saturday, "{id}");
        assert_eq!(e.sessions[0].date, date("2026-01-12"), "{id}");
    }
}

#[test]
fn every_preset_plan_estimates_without_warnings_over_twelve_months() {
    // Self-pay, with the optional fees added, and with every example of
    // insurance: only the warnings a preset documents are allowed.
    for p in catalogue() {
        for (which, plan) in plans(&p) {
            assert_eq!(plan.horizon(), Horizon::Months(12), "{} {which}", p.id);
            let e = est(plan);
            assert!(e.totals.sessions > 0, "{} {which}", p.id);
            assert_eq!(e.start, date(DEFAULT_START));
            let mut variants = vec![("self-pay".to_string(), plan.clone())];
            variants.push(("optional fees".into(), with_optional_fees(plan, &p)));
            for x in examples() {
                let insured = plan.with_options(&insured(&x.id)).unwrap();
                variants.push((x.id.clone(), insured));
            }
            for (how, plan) in variants {
                let e = est(&plan);
                let unexpected: Vec<_> = e
                    .warnings
                    .iter()
                    .filter(|w| !p.expected_warnings.contains(&w.code))
                    .collect();
                assert!(
                    unexpected.is_empty(),
                    "{} {which} {how}: {unexpected:?}",
                    p.id
                );
            }
        }
        // A warning by design is explained to people by an assumption.
        if !p.expected_warnings.is_empty() {
            assert!(
                p.assumptions.iter().any(|a| a.contains("warns")),
                "{}: no assumption explains the warnings it expects",
                p.id
            );
        }
    }
}

/// What the patient owes before savings programmes, and what they pay.
fn owed(t: &Totals) -> (i64, i64) {
    (
        t.patient_pays.minor() + t.assistance.minor(),
        t.patient_pays.minor(),
    )
}

#[test]
fn low_typical_high_are_ordered_self_pay_and_with_every_coverage_example() {
    for p in catalogue() {
        // Self-pay: what the patient pays.
        let [low, typical, high] =
            [&p.low, &p.plan, &p.high].map(|plan| est(plan).totals.patient_pays);
        assert!(
            low <= typical && typical <= high,
            "{} self-pay: {low} / {typical} / {high}",
            p.id
        );
        // Insured: what the patient owes before savings programmes, and what
        // they pay when no programme pays. A programme can reverse the order:
        // the esketamine dear end's 84 mg is a larger share of each session,
        // and the programme pays the drug down to $10.
        for x in examples() {
            let r = range(&p, &insured(&x.id)).unwrap();
            let [low, typical, high] = [&r.low, &r.typical, &r.high].map(owed);
            assert!(
                low.0 <= typical.0 && typical.0 <= high.0,
                "{} with {}, owed: {low:?} / {typical:?} / {high:?}",
                p.id,
                x.id
            );
            if [&r.low, &r.typical, &r.high]
                .iter()
                .all(|t| t.assistance.is_zero())
            {
                assert!(
                    low.1 <= typical.1 && typical.1 <= high.1,
                    "{} {}",
                    p.id,
                    x.id
                );
            }
        }
    }
}

#[test]
fn every_preset_states_what_one_session_costs_in_all() {
    // The amount is the sum of the named parts of the typical plan (the
    // decoder checks that); here, that it is the whole of a typical
    // session's bill: every line of the typical plan on a day of that
    // phase, but a once-only fee.
    for p in catalogue() {
        let cost = p
            .session_cost
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no sessionCost", p.id));
        let e = est(&p.plan);
        let day = e
            .sessions
            .iter()
            .find(|s| s.phase == cost.parts[0])
            .unwrap()
            .date;
        let once: Vec<&str> = p
            .plan
            .fees()
            .iter()
            .filter(|f| f.when == FeeWhen::Once)
            .map(|f| f.name.as_str())
            .collect();
        let bill: i64 = e
            .lines
            .iter()
            .filter(|l| l.date == day && !once.contains(&&*l.name))
            .map(|l| l.charge.minor())
            .sum();
        assert_eq!(bill, cost.amount.minor(), "{}", p.id);
        // And an assumption says it, in both languages.
        let es = &p.es.as_ref().unwrap().assumptions;
        for texts in [&p.assumptions, es] {
            assert!(
                texts
                    .iter()
                    .any(|a| a.contains(&shown(cost.amount.minor()))),
                "{}",
                p.id
            );
        }
    }
    // By hand: ECT is the psychiatrist's $182.03, anaesthesia $750 and the
    // facility's $663.00; the pharmacy-supplied esketamine $500 and $885.
    let ect = preset("ect", date(DEFAULT_START)).unwrap();
    assert_eq!(
        ect.session_cost.unwrap().amount.minor(),
        18203 + 75000 + 66300
    );
    let esk = preset("esketamine", date(DEFAULT_START)).unwrap();
    assert_eq!(esk.session_cost.unwrap().amount.minor(), 50000 + 88500);
}

#[test]
fn each_esketamine_pathway_says_when_to_choose_it_in_both_languages() {
    // One line each, naming what tells the pathways apart: who supplies the
    // drug and how it is billed (the summaries and assumptions say so).
    let said = [
        ("esketamine", "specialty pharmacy", "farmacia especializada"),
        ("esketamine-buy-and-bill", "G2082 or G2083", "G2082 o G2083"),
        ("esketamine-j-code", "J0013", "J0013"),
    ];
    for p in catalogue() {
        let es = p.es.as_ref().unwrap().choose.as_deref();
        let Some((_, en_words, es_words)) = said.iter().find(|(id, _, _)| *id == p.id) else {
            assert_eq!((p.choose.as_deref(), es), (None, None), "{}", p.id);
            continue;
        };
        let (en, es) = (p.choose.as_deref().unwrap(), es.unwrap());
        assert!(
            en.starts_with("Choose this if ") && en.contains(en_words),
            "{en}"
        );
        assert!(
            es.starts_with("Elija esta si ") && es.contains(es_words),
            "{es}"
        );
        assert!(!en.contains('\n') && !es.contains('\n'));
    }
    // A line in one language only is refused at its path.
    for (remove, at) in [
        ("es", "presets[2].es.choose"),
        ("en", "presets[2].es.choose"),
    ] {
        let mut value = raw();
        let entry = &mut value["presets"][2];
        assert_eq!(entry["id"], "esketamine");
        if remove == "es" {
            entry["es"]
                .as_object_mut()
                .unwrap()
                .remove("choose")
                .unwrap();
        } else {
            entry.as_object_mut().unwrap().remove("choose").unwrap();
        }
        let err = decode_catalogue(&value).unwrap_err();
        assert_eq!(
            codes_and_paths(&err),
            [(ErrorCode::InvalidValue, at)],
            "{remove}"
        );
    }
}

#[test]
fn every_name_a_visitor_sees_has_its_spanish() {
    // Phases, fees, programmes and optional fees, in all three plans: each
    // has a Spanish name, and no Spanish name is left over.
    for p in catalogue() {
        let mut names: Vec<&str> = p.optional_fees.iter().map(|f| f.name.as_str()).collect();
        for (_, plan) in plans(&p) {
            names.extend(plan.phases().iter().map(|x| x.name.as_str()));
            names.extend(plan.fees().iter().map(|x| x.name.as_str()));
            names.extend(plan.assistance().iter().map(|x| x.name.as_str()));
        }
        let es = &p.es.as_ref().unwrap().names;
        for n in &names {
            let t = es
                .get(n)
                .unwrap_or_else(|| panic!("{}: no Spanish for {n:?}", p.id));
            assert!(
                !t.is_empty() && t != *n || n.contains("mg"),
                "{}: {n:?}",
                p.id
            );
        }
        for (en, _) in &es.0 {
            assert!(
                names.contains(&en.as_str()),
                "{}: {en:?} names nothing",
                p.id
            );
        }
    }
    // The test fails when one is missing: take one out of the data.
    let mut value = raw();
    let names = value["presets"][6]["es"]["names"].as_object_mut().unwrap();
    names.remove("Taper").unwrap();
    let (presets, _) = decode_catalogue(&value).unwrap();
    let tms = presets.iter().find(|p| p.id == "tms").unwrap();
    assert_eq!(tms.es.as_ref().unwrap().names.get("Taper"), None);
}

#[test]
fn the_decoder_checks_session_costs_and_spanish_names_with_paths() {
    let mut value = raw();
    let entry = &mut value["presets"][7]; // ect
    assert_eq!(entry["id"], "ect");
    // A part that is no phase, then a once-only fee, then a wrong sum.
    entry["sessionCost"] = json!({"amount": 1, "parts": ["Acute courses"]});
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        [(ErrorCode::UnknownName, "sessionCost.parts[0]")]
    );
    assert!(
        err.to_string().contains("did you mean \"Acute course\""),
        "{err}"
    );
    entry["sessionCost"] =
        json!({"amount": 1, "parts": ["Acute course", "Pre-ECT psychiatric evaluation"]});
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        [(ErrorCode::InvalidValue, "sessionCost.parts[1]")]
    );
    // 18203 + 75000 = 93203, not 93204.
    entry["sessionCost"] = json!({"amount": 93204, "parts": ["Acute course", "Anaesthesia"]});
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        [(ErrorCode::InvalidValue, "sessionCost.amount")]
    );
    assert!(err.to_string().contains("add up to 93203"), "{err}");
    entry["sessionCost"] = json!({"amount": 93203, "parts": []});
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        [(ErrorCode::OutOfRange, "sessionCost.parts")]
    );
    // A Spanish name that is not a name.
    entry["sessionCost"] = json!({"amount": 93203, "parts": ["Acute course", "Anaesthesia"]});
    entry["es"]["names"]["Taper"] = json!("");
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(codes_and_paths(&err)[0].1, "es.names.Taper");
    entry["es"]["names"] = json!(["Curso agudo"]);
    let err = decode_preset(&*entry).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        [(ErrorCode::InvalidType, "es.names")]
    );
}

#[test]
fn every_preset_is_described_sourced_and_translated() {
    for p in catalogue() {
        assert!(
            p.summary.len() > 200,
            "{}: the summary should be a paragraph",
            p.id
        );
        assert!(!p.assumptions.is_empty(), "{}", p.id);
        assert_eq!(p.reviewed, "2026-12", "{}", p.id);
        assert!(!p.sources.is_empty(), "{}", p.id);
        // Traceability: each source is named by at least one assumption (by
        // the part of its title before the colon), and each assumption that
        // states a dollar figure names a source in parentheses.
        for source in &p.sources {
            assert!(
                source.url.starts_with("https://"),
                "{}: {}",
                p.id,
                source.url
            );
            let publisher = publisher(&source.title);
            assert!(
                p.assumptions.iter().any(|a| a.contains(publisher)),
                "{}: no assumption cites {publisher}",
                p.id
            );
        }
        for a in &p.assumptions {
            if a.contains('$') {
                assert!(a.contains('('), "{}: unsourced assumption {a:?}", p.id);
            }
        }
        // Spanish: a name, a summary and every assumption, each citing the
        // same sources as its English one.
        let es =
            p.es.as_ref()
                .unwrap_or_else(|| panic!("{}: no Spanish", p.id));
        assert!(es.summary.len() > 200 && !es.name.is_empty(), "{}", p.id);
        assert_eq!(es.assumptions.len(), p.assumptions.len(), "{}", p.id);
        for (en, es) in p.assumptions.iter().zip(&es.assumptions) {
            for source in &p.sources {
                let publisher = publisher(&source.title);
                assert_eq!(
                    en.contains(publisher),
                    es.contains(publisher),
                    "{}: {es:?}",
                    p.id
                );
            }
        }
    }
}

#[test]
fn every_catalogue_price_appears_in_an_assumption() {
    // No amount in the plans, their programmes or the optional fees that the
    // assumptions do not state, in English and in Spanish.
    for p in catalogue() {
        let texts = [
            p.assumptions.join(" "),
            p.es.as_ref().unwrap().assumptions.join(" "),
        ];
        let mut amounts: Vec<i64> = p.optional_fees.iter().map(|f| f.amount.minor()).collect();
        for (_, plan) in plans(&p) {
            amounts.extend(plan.phases().iter().map(|ph| ph.price.minor()));
            amounts.extend(plan.fees().iter().map(|f| f.amount.minor()));
            for a in plan.assistance() {
                amounts.push(a.patient_pays_at_most.minor());
                amounts.extend(a.annual_max.map(|m| m.minor()));
            }
        }
        for amount in amounts {
            for text in &texts {
                assert!(
                    text.contains(&shown(amount)),
                    "{}: {} is not in the assumptions",
                    p.id,
                    shown(amount)
                );
            }
        }
    }
}

/// The esketamine presets: the pharmacy-supplied drug, the clinic-supplied
/// one billed by G-code, and the clinic-supplied one billed by dose.
const ESKETAMINE: [&str; 3] = ["esketamine", "esketamine-buy-and-bill", "esketamine-j-code"];

/// Treatment sessions (not the evaluation visit) before `end`.
fn treatments_before(e: &Estimate, end: Date) -> usize {
    e.sessions
        .iter()
        .filter(|s| s.date < end && s.phase != "Initial evaluation")
        .count()
}

#[test]
fn esketamine_follows_the_label_21_sessions_in_six_months() {
    for id in ESKETAMINE {
        let p = preset(id, date(DEFAULT_START)).unwrap();
        let e = est(&p.plan);
        // The evaluation on Monday 5 January, its own day; the first dose
        // 3 days later (Thursday 8th); then twice weekly, Mondays and
        // Thursdays, 7 more (12, 15, 19, 22, 26, 29 January, 2 February):
        // weeks 1-4 from the first dose; then weekly from 9 February (4),
        // then every 2 weeks from 16 March.
        assert_eq!(e.phases[0].sessions, 1, "{id}");
        assert_eq!(e.phases[0].first, Some(date("2026-01-05")), "{id}");
        assert_eq!(e.phases[1].first, Some(date("2026-01-08")), "{id}");
        assert_eq!(e.phases[1].sessions + e.phases[2].sessions, 8, "{id}");
        assert_eq!(e.phases[2].last, Some(date("2026-02-02")), "{id}");
        assert_eq!(e.phases[3].sessions, 4, "{id}");
        assert_eq!(e.phases[3].first, Some(date("2026-02-09")), "{id}");
        assert_eq!(e.phases[4].first, Some(date("2026-03-16")), "{id}");
        // 8 + 4 + 9 (16 and 30 March, 13 and 27 April, 11 and 25 May, 8
        // and 22 June, 6 July) = 21 treatments in the six months from the
        // first dose, whatever weekday the course starts on.
        for offset in 0..7 {
            let start = date(DEFAULT_START).add_days(offset);
            let e = est(&preset(id, start).unwrap().plan);
            let first = e.sessions[1].date;
            assert!(first < start.add_days(7), "start {start}");
            assert_eq!(
                treatments_before(&e, first.add_months(6)),
                21,
                "{id} start {start}"
            );
            // No treatment on the evaluation's day.
            let evaluation = e.sessions[0].date;
            assert!(
                e.lines
                    .iter()
                    .filter(|l| l.date == evaluation)
                    .all(|l| l.code.as_deref() == Some("90792")),
                "{id} start {start}"
            );
        }
    }
}

#[test]
fn esketamine_bills_the_drug_by_dose_apart_from_the_visit_and_observation() {
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    // The typical plan: on every treatment day a visit-and-observation line
    // (medical, with its codes) and a drug line (pharmacy, by dose): 56 mg
    // on the first dose, 84 mg after it.
    let e = est(&p.plan);
    let sessions: Vec<_> = e
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Session && l.code.as_deref() != Some("90792"))
        .collect();
    // 1 + 7 + 4, then every 2 weeks from 16 March 2026 to 4 January 2027
    // (294 days, 21 intervals): 22.
    assert_eq!(sessions.len(), 34);
    for (k, s) in sessions.iter().enumerate() {
        assert_eq!(s.code.as_deref(), Some("99214+99415+99416"));
        let drugs: Vec<_> = e
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Fee && l.date == s.date)
            .collect();
        let [drug] = drugs.as_slice() else {
            panic!("one drug line on {}", s.date)
        };
        let (code, charge) = if k == 0 {
            ("NDC 50458-028-02", 59000)
        } else {
            ("NDC 50458-028-03", 88500)
        };
        assert_eq!(drug.code.as_deref(), Some(code), "{}", s.date);
        assert_eq!(drug.charge.minor(), charge, "{}", s.date);
    }
    // Every drug is on the pharmacy benefit; the evaluation and the visits
    // on the medical one.
    for (which, plan) in plans(&p) {
        assert!(
            plan.fees().iter().all(|f| f.benefit == Benefit::Pharmacy),
            "{which}"
        );
        assert!(
            plan.phases()
                .iter()
                .all(|ph| ph.benefit == Benefit::Medical),
            "{which}"
        );
    }
    // The evaluation is a visit of its own, 90792.
    let evaluation = &e.lines[0];
    assert_eq!(
        (evaluation.code.as_deref(), evaluation.date),
        (Some("90792"), date("2026-01-05"))
    );
    // The manufacturer's programme pays toward the drug only, needs a
    // commercial plan and has a yearly maximum.
    for (which, plan) in plans(&p) {
        let [programme] = plan.assistance() else {
            panic!("{which}: one programme")
        };
        assert_eq!(programme.requires, Requires::Commercial, "{which}");
        assert!(programme.phases.is_empty(), "{which}");
        assert_eq!(programme.fees.len(), 4, "{which}");
        assert!(
            programme.fees.iter().all(|f| f.starts_with("Esketamine ")),
            "{which}"
        );
        assert_eq!(programme.patient_pays_at_most.minor(), 1000);
        assert_eq!(programme.annual_max.map(|a| a.minor()), Some(715000));
    }
    // Self-pay it pays nothing (the documented warning); with a commercial
    // plan it pays, on the drug lines only; with Medicare it does not.
    assert_eq!(e.totals.assistance.minor(), 0);
    assert_eq!(e.warnings[0].code, WarningCode::AssistanceNotEligible);
    let e = est(&p.plan.with_options(&insured("employer-typical")).unwrap());
    assert!(e.totals.assistance.minor() > 0);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    assert!(
        e.lines
            .iter()
            .filter(|l| !l.assistance.is_zero())
            .all(|l| l.benefit == Some(Benefit::Pharmacy))
    );
    // Part B alone, and with Medigap Plan G, pay nothing toward a drug a
    // pharmacy dispenses: the patient pays every drug line in full.
    for id in ["medicare-part-b", "medicare-part-b-medigap-g"] {
        let e = est(&p.plan.with_options(&insured(id)).unwrap());
        assert_eq!(e.totals.assistance.minor(), 0);
        let drugs: Vec<_> = e
            .lines
            .iter()
            .filter(|l| l.benefit == Some(Benefit::Pharmacy))
            .collect();
        assert_eq!(drugs.len(), 34);
        assert!(drugs.iter().all(|l| l.patient_pays == l.charge), "{id}");
    }
    // The cheap end is 56 mg throughout; the dear end 84 mg after the
    // first dose, in three devices.
    assert!(
        p.low
            .fees()
            .iter()
            .all(|f| f.name.contains("56 mg (2 devices)"))
    );
    let high: Vec<_> = p.high.fees().iter().skip(1).collect();
    assert!(high.iter().all(|f| f.name.contains("84 mg (3 devices)")
        && f.code.as_deref() == Some("NDC 50458-028-03")
        && f.amount.minor() == 88500));
}

#[test]
fn esketamine_billed_by_the_clinic_is_one_bundled_line_g2083_at_84_mg() {
    let p = preset("esketamine-buy-and-bill", date(DEFAULT_START)).unwrap();
    for (which, plan, later) in [
        ("low", &p.low, "G2082"),
        ("plan", &p.plan, "G2083"),
        ("high", &p.high, "G2083"),
    ] {
        let codes: Vec<&str> = plan
            .phases()
            .iter()
            .map(|ph| ph.code.as_deref().unwrap())
            .collect();
        // The evaluation, the 56 mg first dose, then the dose of the rest.
        assert_eq!(codes, ["90792", "G2082", later, later, later], "{which}");
        assert!(
            plan.phases()
                .iter()
                .all(|ph| ph.benefit == Benefit::Medical && ph.covered)
        );
        assert!(plan.fees().is_empty(), "{which}");
        assert!(plan.assistance().is_empty(), "{which}");
    }
    assert!(p.high.phases()[2].price > p.plan.phases()[2].price);
    assert!(p.plan.phases()[2].price > p.low.phases()[2].price);
}

#[test]
fn esketamine_billed_by_dose_bills_j0013_units_beside_the_visit() {
    let p = preset("esketamine-j-code", date(DEFAULT_START)).unwrap();
    let e = est(&p.plan);
    let drugs: Vec<_> = e
        .lines
        .iter()
        .filter(|l| l.code.as_deref() == Some("J0013"))
        .collect();
    assert_eq!(drugs.len(), 34);
    // J0013 is 1 mg a unit: 56 units on the first dose, 84 after it, on the
    // medical benefit (the clinic bought the drug).
    assert!(drugs[0].name.contains("J0013 x 56"));
    assert!(drugs[1..].iter().all(|l| l.name.contains("J0013 x 84")));
    assert!(p.plan.fees().iter().all(|f| f.benefit == Benefit::Medical));
    // Beside each, the visit with the prolonged clinical-staff codes, never
    // a G-code.
    for d in &drugs {
        let visit = e
            .lines
            .iter()
            .find(|l| l.date == d.date && l.kind == LineKind::Session)
            .unwrap();
        assert_eq!(visit.code.as_deref(), Some("99214+99415+99416"));
    }
    assert!(
        plans(&p)
            .iter()
            .flat_map(|(_, plan)| plan.phases())
            .all(|ph| !ph.code.as_deref().unwrap_or_default().starts_with('G'))
    );
    // The programme pays the drug lines on a commercial plan.
    let e = est(&p.plan.with_options(&insured("employer-typical")).unwrap());
    assert!(e.totals.assistance.minor() > 0);
    assert!(
        e.lines
            .iter()
            .filter(|l| !l.assistance.is_zero())
            .all(|l| l.code.as_deref() == Some("J0013"))
    );
}

#[test]
fn tms_is_36_sessions_with_one_motor_threshold_redetermination() {
    let p = preset("tms", date(DEFAULT_START)).unwrap();
    for (which, plan) in plans(&p) {
        let e = est(plan);
        assert_eq!(e.totals.sessions, 36, "{which}");
        let codes: Vec<&str> = e.lines.iter().filter_map(|l| l.code.as_deref()).collect();
        assert_eq!(codes.len(), 36);
        assert_eq!(codes[0], "90867");
        assert_eq!(codes[29], "90869");
        assert_eq!(
            codes.iter().filter(|c| **c == "90868").count(),
            34,
            "{which}"
        );
    }
    // 30 weekday sessions (6 weeks), then the 6-session taper over 3 weeks.
    let e = est(&p.plan);
    assert_eq!(e.sessions[29].date, date("2026-02-13"));
    assert_eq!(e.sessions[30].date, date("2026-02-16"));
    assert_eq!(e.sessions[35].date, date("2026-03-05"));
}

/// What the patient owes before programmes.
fn owes(e: &Estimate) -> i64 {
    e.totals.patient_pays.minor() + e.totals.assistance.minor()
}

#[test]
fn tms_limits_hold_the_initial_authorization_and_say_who_pays_beyond() {
    let p = preset("tms", date(DEFAULT_START)).unwrap();
    assert_eq!(p.coverage_limits.len(), 2);
    let data = raw()["presets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "tms")
        .unwrap()["coverageLimits"]
        .clone();
    assert_eq!(
        data,
        json!([
            {"phases": ["First session and mapping", "Daily sessions", "Motor threshold re-determination"],
             "sessions": 20, "per": "course", "beyond": "patient"},
            {"phases": ["Taper"], "sessions": 5, "per": "course", "beyond": "patient"}
        ])
    );
    let on_medicare = |limits: Value| {
        let mut coverage = raw_coverage("medicare-part-b");
        coverage["limits"] = limits;
        options(json!({ "coverage": coverage }))
    };
    // Medicare Part B with the preset's limits, the typical course at $300
    // a session (no Medicare amount for TMS: the clinic's price is allowed).
    // Covered: 20 daily + 5 taper = 25 sessions, $7,500: the $283
    // deductible, then 20% of $7,217 = $1,443.40, so $1,726.40. Refused:
    // sessions 21 to 30 and the 6th taper session, 11 × $300 = $3,300, the
    // patient's. In all $5,026.40.
    let limits = data;
    let e = est(&p.plan.with_options(&on_medicare(limits.clone())).unwrap());
    assert_eq!(owes(&e), 502640);
    let codes: Vec<_> = e.warnings.iter().map(|w| (w.code, w.date)).collect();
    assert_eq!(
        codes,
        [
            (WarningCode::CoverageLimitReached, Some(e.sessions[20].date)),
            (WarningCode::CoverageLimitReached, Some(e.sessions[35].date)),
        ]
    );
    assert_eq!(e.lines.iter().filter(|l| !l.covered).count(), 11);
    // Without a signed ABN the clinic writes those 11 off: $1,726.40.
    let mut clinic = limits.clone();
    for l in clinic.as_array_mut().unwrap() {
        l["beyond"] = json!("clinic");
    }
    let e = est(&p.plan.with_options(&on_medicare(clinic)).unwrap());
    assert_eq!(owes(&e), 172640);
    // With at least 25% improvement the contractor extends to 30 and 6: the
    // whole course is covered, 36 × $300 = $10,800: $283 + 20% of $10,517
    // ($2,103.40) = $2,386.40.
    let mut extended = limits;
    extended[0]["sessions"] = json!(30);
    extended[1]["sessions"] = json!(6);
    let e = est(&p.plan.with_options(&on_medicare(extended)).unwrap());
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    assert_eq!(owes(&e), 238640);
}

#[test]
fn tms_on_medicare_is_within_what_its_sources_imply() {
    // Medicare sets no national amount for 90867-90869 (status C in CMS's
    // 2026 relative value file), so Part B allows at most the clinic's
    // price: 36 sessions at $200, $300 or $500. By hand: $283 deductible,
    // then 20% of the rest.
    //   low:     36 × 200 = 7,200;  283 + 0.2 × 6,917  = 1,666.40
    //   typical: 36 × 300 = 10,800; 283 + 0.2 × 10,517 = 2,386.40
    //   high:    36 × 500 = 18,000; 283 + 0.2 × 17,717 = 3,826.40
    let p = preset("tms", date(DEFAULT_START)).unwrap();
    let r = range(&p, &insured("medicare-part-b")).unwrap();
    let got = [&r.low, &r.typical, &r.high].map(|t| t.patient_pays.minor());
    assert_eq!(got, [166640, 238640, 382640]);
}

#[test]
fn ect_on_medicare_part_b_is_within_what_its_sources_imply() {
    // The typical course: 10 acute treatments (Mon/Wed/Fri from 5 January
    // to 26 January), 4 weekly (2 to 23 February), then every 4 weeks from
    // 23 March to 28 December: 11. 25 treatments.
    // Allowed a treatment: psychiatrist 90870 facility $98.53 + anaesthesia
    // 00104 $102.49 + the hospital's cash price $663.00 = $864.02; and the
    // evaluation 90792 $202.08 once. 25 × 864.02 + 202.08 = $21,802.58.
    // Part B: $283, then 20% of $21,519.58 = $4,303.92: $4,586.92, give or
    // take half a cent of rounding on each of the 76 lines.
    let p = preset("ect", date(DEFAULT_START)).unwrap();
    let e = est(&p.plan.with_options(&insured("medicare-part-b")).unwrap());
    assert_eq!(e.totals.sessions, 25);
    assert_eq!(e.lines.len(), 76);
    let allowed: i64 = e
        .lines
        .iter()
        .map(|l| l.allowed.map(|a| a.minor()).unwrap_or_default())
        .sum();
    assert_eq!(allowed, 2180258);
    assert!((owes(&e) - 458692).abs() <= 38, "{}", owes(&e));
    // Far below the same course at the hospital's and clinic's prices:
    // 25 × $1,595.03 + $202.08 = $40,077.83 charged.
    assert_eq!(e.totals.charge.minor(), 4007783);
}

#[test]
fn ect_bills_three_lines_a_treatment_and_continues_after_the_acute_course() {
    let p = preset("ect", date(DEFAULT_START)).unwrap();
    for (which, plan) in plans(&p) {
        let e = est(plan);
        // Treatments after the acute course, for months.
        let acute = e.phases[0].last.unwrap();
        let after: Vec<Date> = e
            .sessions
            .iter()
            .map(|s| s.date)
            .filter(|d| *d > acute)
            .collect();
        assert!(after.len() >= 10, "{which}: {} after", after.len());
        assert!(
            *after.last().unwrap() >= date(DEFAULT_START).add_months(6),
            "{which}"
        );
        // Psychiatrist (90870), anaesthesia (00104) and facility every day,
        // and the pre-ECT evaluation (90792) once, on the first.
        for (k, s) in e.sessions.iter().enumerate() {
            let day: Vec<_> = e.lines.iter().filter(|l| l.date == s.date).collect();
            let codes: Vec<_> = day.iter().map(|l| l.code.as_deref()).collect();
            let mut three = vec![Some("90870"), Some("00104"), None];
            if k == 0 {
                three.push(Some("90792"));
            }
            assert_eq!(codes, three, "{which} {}", s.date);
            assert!(day[2].name.contains("Facility"));
        }
    }
}

#[test]
fn every_coverage_example_is_version_3_coverage_with_its_sources() {
    let list = examples();
    let ids: Vec<&str> = list.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "employer-typical",
            "employer-hdhp",
            "medicare-part-b",
            "medicare-part-b-medigap-g",
            "medicare-part-b-part-d"
        ]
    );
    for x in &list {
        let c = &x.coverage;
        // Every number is in the one-sentence summary, in both languages,
        // and every source is named there (a copay replaces the
        // coinsurance, so an example with a copay states the copay).
        let mut numbers = match c.medical.copay {
            Some(copay) => vec![shown(copay.minor())],
            None => vec![c.medical.coinsurance.to_string()],
        };
        for amount in [Some(c.medical.deductible), c.medical.out_of_pocket_max]
            .into_iter()
            .flatten()
        {
            numbers.push(shown(amount.minor()));
        }
        if let Some(ph) = &c.pharmacy {
            numbers.push(ph.coinsurance.to_string());
            for amount in [Some(ph.deductible), ph.out_of_pocket_max]
                .into_iter()
                .flatten()
            {
                numbers.push(shown(amount.minor()));
            }
        }
        for text in [&x.summary, &x.es.summary] {
            for n in &numbers {
                assert!(text.contains(n.as_str()), "{}: {n} not in {text:?}", x.id);
            }
            for s in &x.sources {
                let publisher = publisher(&s.title);
                assert!(text.contains(publisher), "{}: {publisher} not named", x.id);
                assert!(s.url.starts_with("https://"));
            }
        }
        assert!(!x.summary.contains(". "), "{}: one sentence", x.id);
        assert!(!x.es.name.is_empty());
    }
    // The Medicare ones are government plans; Part B has no cap, Part D's
    // pharmacy benefit has its own 2026 cap.
    let b = example("medicare-part-b").coverage;
    assert_eq!(b.kind, PlanType::Government);
    assert_eq!(
        (b.medical.out_of_pocket_max, b.medical.deductible.minor()),
        (None, 28300)
    );
    assert_eq!(b.medical.coinsurance.to_string(), "20%");
    let d = example("medicare-part-b-part-d").coverage;
    assert_eq!(d.kind, PlanType::Government);
    let pharmacy = d.pharmacy.unwrap();
    assert_eq!(pharmacy.out_of_pocket_max.map(|a| a.minor()), Some(210000));
    let employer = example("employer-typical").coverage;
    assert_eq!(employer.kind, PlanType::Commercial);
    assert!(employer.pharmacy.is_none(), "drugs share the medical terms");
    // The typical plan's deductible is KFF's 2024 average.
    assert_eq!(employer.medical.deductible.minor(), 178700);
    // The high-deductible plan is within the 2026 limits of an HSA-qualified
    // plan (at least $1,700 deductible, at most $8,500 out of pocket), with
    // its copay after the deductible, once a visit.
    let raw_hdhp = raw_coverage("employer-hdhp");
    let hdhp = example("employer-hdhp").coverage;
    assert!(hdhp.medical.deductible.minor() >= 170000);
    assert!(hdhp.medical.out_of_pocket_max.map(|a| a.minor()) <= Some(850000));
    assert!(hdhp.medical.copay_after_deductible);
    assert_eq!(raw_hdhp["copayPer"], "visit");
    // Every example with a copay charges it once a visit.
    for x in &list {
        let raw = raw_coverage(&x.id);
        assert_eq!(
            raw.get("copay").is_some(),
            raw["copayPer"] == "visit",
            "{}",
            x.id
        );
    }
    // The employer examples allow the clinic's price (they say why); the
    // Medicare ones carry one fee schedule, and Part B alone and with
    // Medigap pay nothing toward a pharmacy's drug.
    for id in ["employer-typical", "employer-hdhp"] {
        let x = example(id);
        assert!(x.coverage.fee_schedule.is_empty(), "{id}");
        assert!(x.summary.contains("clinic's price"), "{id}");
    }
    let schedule = raw_coverage("medicare-part-b")["feeSchedule"].clone();
    assert!(schedule.as_object().is_some_and(|s| s.len() >= 9));
    for id in [
        "medicare-part-b",
        "medicare-part-b-medigap-g",
        "medicare-part-b-part-d",
    ] {
        assert_eq!(raw_coverage(id)["feeSchedule"], schedule, "{id}");
    }
    for id in ["medicare-part-b", "medicare-part-b-medigap-g"] {
        let pharmacy = example(id).coverage.pharmacy.unwrap();
        assert_eq!(pharmacy.coinsurance.to_string(), "100%", "{id}");
        assert!(pharmacy.deductible.is_zero(), "{id}");
    }
}

#[test]
fn every_fee_schedule_amount_a_preset_bills_is_in_its_assumptions() {
    // For each code a preset bills (a phase's or a fee's), each example's
    // amount for it appears in an assumption of the preset that names a
    // source, in English and in Spanish, beside "CMS" (the source of every
    // Medicare amount).
    let list = examples();
    let mut checked = 0;
    for p in catalogue() {
        let mut codes: Vec<String> = Vec::new();
        for (_, plan) in plans(&p) {
            let phase_codes = plan.phases().iter().filter_map(|ph| ph.code.clone());
            let fee_codes = plan.fees().iter().filter_map(|f| f.code.clone());
            codes.extend(phase_codes.chain(fee_codes));
        }
        for x in &list {
            for code in &codes {
                let Some(amount) = x.coverage.fee_schedule.get(code) else {
                    continue;
                };
                let es = &p.es.as_ref().unwrap().assumptions;
                for texts in [&p.assumptions, es] {
                    assert!(
                        texts
                            .iter()
                            .any(|a| a.contains(&shown(amount.minor())) && a.contains("CMS")),
                        "{}: {code} at {} ({}) is in no assumption citing CMS",
                        p.id,
                        shown(amount.minor()),
                        x.id
                    );
                }
                checked += 1;
            }
        }
    }
    // G2082, G2083, 90870, 00104, 90792, 99214 and the visit line, at least.
    assert!(checked >= 7 * 3, "{checked}");
    // And no amount of a schedule goes unsourced, billed or not: each is in
    // some preset's assumption that cites CMS, in both languages.
    let presets = catalogue();
    for x in &list {
        let schedule = serde_json::to_value(&x.coverage.fee_schedule).unwrap();
        for (code, amount) in schedule.as_object().unwrap() {
            let amount = shown(amount.as_i64().unwrap());
            for es in [false, true] {
                assert!(
                    presets.iter().any(|p| {
                        let texts = match es {
                            false => &p.assumptions,
                            true => &p.es.as_ref().unwrap().assumptions,
                        };
                        texts
                            .iter()
                            .any(|a| a.contains(&amount) && a.contains("CMS"))
                    }),
                    "{}: {code} at {amount} is stated nowhere",
                    x.id
                );
            }
        }
    }
}

#[test]
fn a_part_d_plan_caps_the_pharmacy_drug_at_2100_a_year() {
    // The pharmacy-supplied esketamine's drug on Medicare Part D: the
    // patient's pharmacy share in 2026 stops at the 2026 cap (the dear
    // end's weekly Mondays reach 4 January 2027, the next plan year).
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    let e = est(&p
        .high
        .with_options(&insured("medicare-part-b-part-d"))
        .unwrap());
    let drug: i64 = e
        .lines
        .iter()
        .filter(|l| l.benefit == Some(Benefit::Pharmacy) && l.date < date("2027-01-01"))
        .map(|l| l.patient_pays.minor())
        .sum();
    assert_eq!(drug, 210000);
}

#[test]
fn presets_move_to_the_given_start() {
    let start = date("2027-03-17");
    for p in presets(start).unwrap() {
        for plan in [&p.low, &p.plan, &p.high] {
            assert_eq!(plan.start(), start);
            assert!(est(plan).sessions[0].date >= start);
        }
    }
    // Moving changes only the dates: the same sessions and money for TMS.
    let a = est(&preset("tms", date(DEFAULT_START)).unwrap().plan);
    let b = est(&preset("tms", date("2026-06-01")).unwrap().plan);
    assert_eq!(a.totals, b.totals);
}

#[test]
fn an_unknown_preset_id_lists_the_known_ones() {
    let err = preset("ketamine", date(DEFAULT_START)).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!((p.code, p.path.as_str()), (ErrorCode::UnknownName, "id"));
    assert!(
        p.message.contains("\"iv-ketamine\"") && p.message.contains("\"tms\""),
        "{}",
        p.message
    );
    let err = preset("tmss", date(DEFAULT_START)).unwrap_err();
    assert!(
        err.problems()[0].message.contains("Did you mean \"tms\"?"),
        "{err}"
    );
}

#[test]
fn the_catalogue_decoder_checks_the_version_2_fields_with_paths() {
    let mut value = raw();
    let entry = &mut value["presets"][2];
    // Spanish with an assumption missing; an optional fee named like a
    // plan's fee and one tied to no phase of the plans; a limit on no phase;
    // and a warning code that does not exist.
    entry["es"]["assumptions"].as_array_mut().unwrap().pop();
    entry["optionalFees"] = json!([
        {"name": "Esketamine 56 mg (2 devices), first dose", "amount": 100, "when": "once", "covered": false},
        {"name": "Parking", "amount": 100, "when": "session", "phase": "Weeks 1-4", "covered": false}
    ]);
    entry["expectedWarnings"] = json!(["assistance_not_eligble"]);
    entry["coverageLimits"] = json!([{"phases": ["Taper"], "sessions": 6}]);
    // The shape first: the unknown warning code, with a suggestion.
    let err = decode_preset(&*entry).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(
        (err.problems().len(), p.code, p.path.as_str()),
        (1, ErrorCode::InvalidValue, "expectedWarnings[0]")
    );
    assert!(
        p.message
            .contains("did you mean \"assistance_not_eligible\""),
        "{err}"
    );
    // Then what spans fields, each at its path.
    entry["expectedWarnings"] = json!(["assistance_not_eligible"]);
    let err = decode_preset(&*entry).unwrap_err();
    let got = codes_and_paths(&err);
    assert_eq!(
        got,
        [
            (ErrorCode::DuplicateName, "optionalFees[0].name"),
            (ErrorCode::UnknownName, "optionalFees[1].phase"),
            (ErrorCode::UnknownName, "coverageLimits[0].phases[0]"),
            (ErrorCode::InvalidValue, "es.assumptions"),
        ],
        "{err}"
    );
    assert!(
        err.problems()
            .last()
            .unwrap()
            .message
            .contains("translate each one"),
        "{err}"
    );

    // A coverage example with session limits (they name phases, and an
    // example belongs to no plan), and one with half its Spanish.
    let mut value = raw();
    value["coverageExamples"][0]["coverage"]["limits"] =
        json!([{"phases": ["Taper"], "sessions": 6}]);
    value["coverageExamples"][1]["es"] = json!({"name": "Plan"});
    let err = decode_catalogue(&value).unwrap_err();
    let got = codes_and_paths(&err);
    assert_eq!(
        got,
        [
            (
                ErrorCode::InvalidValue,
                "coverageExamples[0].coverage.limits"
            ),
            (ErrorCode::MissingField, "coverageExamples[1].es.summary"),
        ],
        "{err}"
    );
    // Two examples with one id.
    let mut value = raw();
    value["coverageExamples"][1]["id"] = json!("employer-typical");
    let err = decode_catalogue(&value).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(
        (p.code, p.path.as_str()),
        (ErrorCode::DuplicateName, "coverageExamples[1].id")
    );
    // The data file itself gives what presets() and coverage_examples() give.
    let (presets, examples) = decode_catalogue(&raw()).unwrap();
    assert_eq!(presets, catalogue());
    assert_eq!(examples, self::examples());
}

#[test]
fn the_catalogue_decoder_reports_mistakes_with_paths() {
    let mut value: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    let entry = &mut value["presets"][0];
    entry["low"]["phases"][0]["prcie"] = 1.into();
    entry["sources"][0]["url"] = "http://example.com".into();
    entry["reviewed"] = "2026-13".into();
    let err = decode_preset(&*entry).unwrap_err();
    let got = codes_and_paths(&err);
    assert_eq!(
        got,
        [
            (ErrorCode::UnknownField, "low.phases[0].prcie"),
            (ErrorCode::InvalidValue, "sources[0].url"),
            (ErrorCode::InvalidDate, "reviewed"),
        ]
    );
}

#[test]
fn every_preset_names_the_phases_a_visitor_may_change() {
    for p in catalogue() {
        let sessions = p
            .editable
            .sessions
            .as_deref()
            .unwrap_or_else(|| panic!("{}: editable.sessions", p.id));
        let phase = p.plan.phases().iter().find(|x| x.name == sessions).unwrap();
        assert!(phase.sessions.is_some(), "{}: {sessions}", p.id);
    }
    // A name that is not a phase, and a phase that cannot be changed that way.
    let mut value: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    let entry = &mut value["presets"][0];
    entry["editable"] =
        json!({"sessions": "Induction infusion", "interval": "Induction infusions"});
    let err = decode_preset(&*entry).unwrap_err();
    let got = codes_and_paths(&err);
    assert_eq!(
        got,
        [
            (ErrorCode::UnknownName, "editable.sessions"),
            (ErrorCode::InvalidValue, "editable.interval"),
            (ErrorCode::InvalidValue, "editable.interval"),
            (ErrorCode::InvalidValue, "editable.interval"),
        ],
        "{err:?}"
    );
    assert!(
        err.problems()[0]
            .message
            .contains("did you mean \"Induction infusions\""),
        "{err}"
    );
    assert!(
        err.problems()[1]
            .message
            .contains("plan.phases[0] does not recur every so many weeks"),
        "{err}"
    );
    entry["editable"] = json!({"sessions": "Booster infusions"});
    let err = decode_preset(&*entry).unwrap_err();
    assert!(
        err.problems()[0]
            .message
            .contains("plan.phases[1] has no \"sessions\" count"),
        "{err}"
    );
    entry["editable"] = json!({"phase": "Booster infusions"});
    assert_eq!(
        decode_preset(&*entry).unwrap_err().problems()[0].code,
        ErrorCode::UnknownField
    );
}

#[test]
fn range_matches_separate_estimates_with_the_same_overrides() {
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    let options = options(json!({
        "coverage": {"deductible": 200000, "coinsurance": 20, "outOfPocketMax": 600000},
        "horizon": {"months": 24}
    }));
    let r = range(&p, &options).unwrap();
    for (plan, got) in [(&p.low, &r.low), (&p.plan, &r.typical), (&p.high, &r.high)] {
        let plan = plan.with_options(&options).unwrap();
        assert_eq!(plan.horizon(), Horizon::Months(24));
        assert!(plan.coverage().is_some());
        assert_eq!(&est(&plan).totals, got);
        // Insurance caps each plan year at the out-of-pocket maximum (two,
        // or three when a Monday session falls on 3 January 2028), and the
        // savings programme pays part of that.
        let years = est(&plan).plan_years.map_or(0, |y| y.len()) as i64;
        assert!((2..=3).contains(&years));
        assert!(got.patient_pays.minor() + got.assistance.minor() <= years * 600000);
    }
    // Self-pay, unchanged: the plans' own totals.
    let r = range(&p, &PlanOptions::default()).unwrap();
    assert_eq!(r.typical, est(&p.plan).totals);
}

#[test]
fn range_blames_a_bad_override_on_the_options() {
    let p = preset("iv-ketamine", date(DEFAULT_START)).unwrap();
    let options = options(json!({
        "assistance": [{"name": "Card", "patientPaysAtMost": 1000, "phases": ["x"]}]
    }));
    let err = range(&p, &options).unwrap_err();
    assert_eq!(err.problems()[0].path, "options.assistance[0].phases[0]");
}

#[test]
fn compare_matches_separate_estimates_and_aligns_months() {
    let iv = preset("iv-ketamine", date(DEFAULT_START)).unwrap().plan;
    let tms = preset("tms", date("2026-03-10")).unwrap().plan;
    let six_months = tms
        .with_options(&options(json!({"horizon": {"months": 6}})))
        .unwrap();
    let twelve = options(json!({"horizon": {"months": 12}}));
    let c = compare(&[iv.clone(), six_months], &twelve).unwrap();

    let tms = tms.with_options(&twelve).unwrap();
    let (e_iv, e_tms) = (est(&iv), est(&tms));
    assert_eq!(c.plans[0].totals, e_iv.totals);
    assert_eq!(c.plans[1].totals, e_tms.totals);
    // From January 2026 (IV) to February 2027 (TMS ends 10 March 2027).
    assert_eq!(c.months.first().map(String::as_str), Some("2026-01"));
    assert_eq!(c.months.last().map(String::as_str), Some("2027-03"));
    assert_eq!(c.months.len(), 15);
    for p in &c.plans {
        assert_eq!(p.cumulative.len(), c.months.len());
        assert!(p.cumulative.windows(2).all(|w| w[0] <= w[1]));
    }
    // TMS has not started in January and February 2026; IV is complete after its end.
    assert_eq!(c.plans[1].cumulative[0].minor(), 0);
    assert_eq!(c.plans[1].cumulative[1].minor(), 0);
    assert_eq!(
        *c.plans[1].cumulative.last().unwrap(),
        e_tms.totals.patient_pays
    );
    assert_eq!(
        *c.plans[0].cumulative.last().unwrap(),
        e_iv.totals.patient_pays
    );
    for (k, month) in e_iv.months.iter().enumerate() {
        assert_eq!(c.plans[0].cumulative[k], month.cumulative_patient_pays);
    }

    // The first month of treatment: the evaluation and the six induction
    // infusions (the first booster is five weeks after them).
    assert_eq!(
        c.plans[0].first_month.patient_pays.minor(),
        25000 + 6 * 59000
    );
    // A 12-month horizon: the first year is everything.
    assert_eq!(c.plans[0].first_year, e_iv.totals.patient_pays);
}

#[test]
fn compare_first_year_stops_at_twelve_months() {
    let iv = preset("iv-ketamine", date(DEFAULT_START)).unwrap().plan;
    let two = options(json!({"horizon": {"months": 24}}));
    let c = compare(std::slice::from_ref(&iv), &two).unwrap();
    let e = est(&iv.with_options(&two).unwrap());
    let end = date(DEFAULT_START).add_months(12);
    let first: i64 = e
        .lines
        .iter()
        .filter(|l| l.date < end)
        .map(|l| l.patient_pays.minor())
        .sum();
    assert_eq!(c.plans[0].first_year.minor(), first);
    assert!(c.plans[0].first_year < c.plans[0].totals.patient_pays);
}

#[test]
fn compare_refuses_mixed_currencies_empty_lists_and_names_the_plan() {
    let none = PlanOptions::default();
    let usd = json!({"start": "2026-01-05",
        "phases": [{"name": "TMS", "every": {"weekdays": ["mon"]}, "sessions": 4, "price": 30000},
                   {"name": "Taper", "every": {"weeks": 1}, "sessions": 2, "price": 30000}]});
    let mut eur = usd.clone();
    eur["currency"] = json!("EUR");
    let (plans, _) = decode_comparison(&json!([usd, eur]), None).unwrap();
    let err = compare(&plans, &none).unwrap_err();
    assert_eq!(err.problems()[0].path, "plans[1].currency");
    assert_eq!(compare(&[], &none).unwrap_err().problems()[0].path, "plans");
    // A plan that breaks a rule is refused while the list is decoded, at its path.
    let mut bad = usd.clone();
    bad["phases"][1]["name"] = json!("TMS");
    let err = decode_comparison(&json!([usd, bad]), None).unwrap_err();
    assert_eq!(err.problems()[0].path, "plans[1].phases[1].name");
}

#[test]
fn the_readme_shows_the_catalogue_exactly() {
    // The table and every entry, as `cargo run --example catalogue` prints them.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = date(DEFAULT_START);
    let table = catalogue_example::table(start);
    assert!(
        readme.contains(&table),
        "README's table differs from:\n{table}"
    );
    let entries = catalogue_example::entries(start);
    assert!(
        readme.contains(&entries),
        "README's entries differ from:\n{entries}"
    );
}

/// The package moves catalogue plans to any start without re-checking them
/// (docs/catalogue.md): that holds while no plan's dates depend on its start.
#[test]
fn no_catalogue_plan_relates_its_dates_to_its_start() {
    for p in catalogue() {
        for plan in [&p.low, &p.plan, &p.high] {
            assert!(
                !matches!(plan.horizon(), Horizon::Until(_)),
                "{}: a horizon.until would need a check at every start",
                p.id
            );
        }
    }
}
