//! The treatment catalogue (docs/catalogue.md), its examples of insurance, and
//! the range / compare helpers.

use coursecost::{
    Benefit, CATALOGUE_JSON, CoverageExample, Date, Error, ErrorCode, Estimate, Horizon, LineKind,
    Plan, PlanOptions, PlanType, Preset, Requires, Totals, WarningCode, compare, coverage_examples,
    decode_catalogue, decode_comparison, decode_options, decode_plan, decode_preset, estimate,
    preset, presets, range,
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

fn sessions_before(e: &Estimate, end: Date) -> usize {
    e.sessions.iter().filter(|s| s.date < end).count()
}

/// Money as the assumptions write it: `$1,050`, or `$187.48` with cents.
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
fn low_typical_high_are_ordered_self_pay_and_with_the_typical_employer_plan() {
    let employer = insured("employer-typical");
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
        let r = range(&p, &employer).unwrap();
        let [low, typical, high] = [&r.low, &r.typical, &r.high].map(owed);
        assert!(
            low.0 <= typical.0 && typical.0 <= high.0,
            "{} insured, owed: {low:?} / {typical:?} / {high:?}",
            p.id
        );
        if [&r.low, &r.typical, &r.high]
            .iter()
            .all(|t| t.assistance.is_zero())
        {
            assert!(low.1 <= typical.1 && typical.1 <= high.1, "{}", p.id);
        }
    }
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

#[test]
fn esketamine_follows_the_label_21_sessions_in_six_months() {
    for id in ["esketamine", "esketamine-buy-and-bill"] {
        let p = preset(id, date(DEFAULT_START)).unwrap();
        let e = est(&p.plan);
        assert_eq!(sessions_before(&e, date(DEFAULT_START).add_months(6)), 21);
        // Twice weekly for weeks 1-4, weekly for weeks 5-8.
        assert_eq!(e.phases[0].sessions, 8);
        assert_eq!(e.phases[1].sessions, 4);
        assert_eq!(e.phases[0].last, Some(date("2026-01-29")));
        assert_eq!(e.phases[1].first, Some(date("2026-02-05")));
        assert_eq!(e.phases[2].first, Some(date("2026-03-12")));
        // 21 sessions in the six months from the first one, whatever weekday
        // the course starts on (sessions are on Mondays and Thursdays).
        for offset in 0..7 {
            let start = date(DEFAULT_START).add_days(offset);
            let e = est(&preset(id, start).unwrap().plan);
            let first = e.sessions[0].date;
            assert!(first < start.add_days(4), "start {start}");
            assert_eq!(
                sessions_before(&e, first.add_months(6)),
                21,
                "{id} start {start}"
            );
        }
    }
}

#[test]
fn esketamine_bills_the_drug_by_dose_apart_from_the_visit_and_observation() {
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    // The typical plan: on every session day a visit-and-observation line
    // (medical, with its codes) and a drug line (pharmacy, with its code).
    let e = est(&p.plan);
    let sessions: Vec<_> = e
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Session)
        .collect();
    assert_eq!(sessions.len(), 34);
    for s in &sessions {
        assert_eq!(s.code.as_deref(), Some("99214+99415+99416"));
        let drug = e
            .lines
            .iter()
            .find(|l| l.kind == LineKind::Fee && l.date == s.date && l.name.contains("56 mg"))
            .unwrap_or_else(|| panic!("no drug line on {}", s.date));
        assert_eq!(drug.code.as_deref(), Some("NDC 50458-028-02"));
        assert_eq!(drug.charge.minor(), 59000);
    }
    let fees = p.plan.fees();
    let drug = fees.iter().find(|f| f.name.contains("56 mg")).unwrap();
    assert_eq!(drug.benefit, Benefit::Pharmacy);
    let evaluation = fees
        .iter()
        .find(|f| f.name == "Initial evaluation")
        .unwrap();
    assert_eq!(evaluation.code.as_deref(), Some("90792"));
    assert_eq!(evaluation.benefit, Benefit::Medical);
    // The manufacturer's programme pays toward the drug only, needs a
    // commercial plan and has a yearly maximum.
    for (which, plan) in plans(&p) {
        let [programme] = plan.assistance() else {
            panic!("{which}: one programme")
        };
        assert_eq!(programme.requires, Requires::Commercial, "{which}");
        assert!(programme.phases.is_empty(), "{which}");
        assert_eq!(programme.fees.len(), 1, "{which}");
        assert!(programme.fees[0].starts_with("Esketamine "), "{which}");
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
            .all(|l| l.name.contains("56 mg"))
    );
    let e = est(&p.plan.with_options(&insured("medicare-part-b")).unwrap());
    assert_eq!(e.totals.assistance.minor(), 0);
    // The dose sets the drug: 84 mg (three devices) at the dear end costs
    // more than 56 mg (two).
    let high = p
        .high
        .fees()
        .iter()
        .find(|f| f.name.contains("84 mg"))
        .unwrap();
    assert!(high.name.contains("3 devices") && drug.name.contains("2 devices"));
    assert!(high.amount > drug.amount);
    assert_eq!(high.code.as_deref(), Some("NDC 50458-028-03"));
}

#[test]
fn esketamine_billed_by_the_clinic_is_one_bundled_line_dearer_at_84_mg() {
    let p = preset("esketamine-buy-and-bill", date(DEFAULT_START)).unwrap();
    for (which, plan, code) in [
        ("low", &p.low, "G2082"),
        ("plan", &p.plan, "G2082"),
        ("high", &p.high, "G2083"),
    ] {
        let phases = plan.phases();
        assert!(
            phases.iter().all(|ph| ph.code.as_deref() == Some(code)),
            "{which}"
        );
        assert!(
            phases
                .iter()
                .all(|ph| ph.benefit == Benefit::Medical && ph.covered)
        );
        assert!(plan.assistance().is_empty(), "{which}");
    }
    assert!(p.high.phases()[0].price > p.plan.phases()[0].price);
    assert!(p.plan.phases()[0].price > p.low.phases()[0].price);
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

#[test]
fn tms_documents_medicares_course_limits_as_coverage_limits() {
    let p = preset("tms", date(DEFAULT_START)).unwrap();
    assert_eq!(p.coverage_limits.len(), 2);
    // Medicare Part B with the preset's limits: the whole course is covered.
    let mut coverage = raw_coverage("medicare-part-b");
    coverage["limits"] = serde_json::to_value(&p.coverage_limits).unwrap();
    let with_limits = options(json!({ "coverage": coverage }));
    for (which, plan) in plans(&p) {
        let e = est(&plan.with_options(&with_limits).unwrap());
        assert!(e.warnings.is_empty(), "{which}: {:?}", e.warnings);
        assert!(e.lines.iter().all(|l| l.covered), "{which}");
    }
    // A 31st daily session is refused, with its date.
    let mut value = serde_json::to_value(&p.plan).unwrap();
    value["phases"][1]["sessions"] = json!(29);
    value["coverage"] = coverage;
    let e = est(&decode_plan(&value).unwrap());
    assert_eq!(e.warnings.len(), 1);
    assert_eq!(e.warnings[0].code, WarningCode::CoverageLimitReached);
    assert_eq!(e.warnings[0].date, Some(e.sessions[30].date));
    assert_eq!(e.lines.iter().filter(|l| !l.covered).count(), 1);
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
        // Psychiatrist (90870), anaesthesia (00104) and facility every day.
        for s in &e.sessions {
            let day: Vec<_> = e.lines.iter().filter(|l| l.date == s.date).collect();
            assert_eq!(day.len(), 3, "{which} {}", s.date);
            assert_eq!(day[0].code.as_deref(), Some("90870"));
            assert_eq!(day[1].code.as_deref(), Some("00104"));
            assert!(day[2].name.contains("Facility"));
        }
    }
}

#[test]
fn every_coverage_example_is_version_2_coverage_with_its_sources() {
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
        // and every source is named there.
        let mut numbers = vec![c.medical.coinsurance.to_string()];
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
}

#[test]
fn a_part_d_plan_caps_the_pharmacy_drug_at_2100_a_year() {
    // The pharmacy-supplied esketamine's drug on Medicare Part D: the
    // patient's pharmacy share stops at the 2026 cap.
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    let e = est(&p
        .high
        .with_options(&insured("medicare-part-b-part-d"))
        .unwrap());
    let drug: i64 = e
        .lines
        .iter()
        .filter(|l| l.benefit == Some(Benefit::Pharmacy))
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
        {"name": "Initial evaluation", "amount": 100, "when": "once", "covered": false},
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
        // Insurance caps each year at the out-of-pocket maximum (two plan
        // years), and the savings programme pays part of that.
        assert!(got.patient_pays.minor() + got.assistance.minor() <= 2 * 600000 + 30000);
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
