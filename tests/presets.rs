//! The treatment catalogue (docs/catalogue.md) and the range / compare helpers.

use coursecost::{
    CATALOGUE_JSON, Date, ErrorCode, Estimate, Horizon, Plan, PlanOptions, Preset, compare,
    decode_comparison, decode_options, decode_preset, estimate, preset, presets, range,
};
use serde_json::json;

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// The documented default start of every catalogue plan.
const DEFAULT_START: &str = "2026-01-05";

fn catalogue() -> Vec<Preset> {
    presets(date(DEFAULT_START)).unwrap_or_else(|e| panic!("catalogue should load: {e}"))
}

fn est(plan: &Plan) -> Estimate {
    estimate(plan)
}

/// Options as a page sends them.
fn options(value: serde_json::Value) -> PlanOptions {
    decode_options(Some(&value)).unwrap_or_else(|e| panic!("options should decode: {e}"))
}

fn sessions_before(e: &Estimate, end: Date) -> usize {
    e.sessions.iter().filter(|s| s.date < end).count()
}

#[test]
fn the_catalogue_has_every_treatment_the_issue_names() {
    let ids: Vec<String> = catalogue().into_iter().map(|p| p.id).collect();
    for id in [
        "iv-ketamine",
        "im-ketamine",
        "esketamine",
        "oral-ketamine",
        "tms",
        "ect",
    ] {
        assert!(ids.iter().any(|i| i == id), "missing preset {id}");
    }
}

#[test]
fn every_preset_plan_estimates_without_warnings_over_twelve_months() {
    for p in catalogue() {
        for (which, plan) in [("low", &p.low), ("plan", &p.plan), ("high", &p.high)] {
            assert_eq!(plan.horizon(), Horizon::Months(12), "{} {which}", p.id);
            let e = est(plan);
            assert!(e.warnings.is_empty(), "{} {which}: {:?}", p.id, e.warnings);
            assert!(e.totals.sessions > 0, "{} {which}", p.id);
            assert_eq!(e.start, date(DEFAULT_START));
        }
    }
}

#[test]
fn low_typical_high_are_ordered_by_patient_total_and_strictly_apart() {
    for p in catalogue() {
        let [low, typical, high] =
            [&p.low, &p.plan, &p.high].map(|plan| est(plan).totals.patient_pays);
        assert!(
            low < typical && typical < high,
            "{}: {low} / {typical} / {high}",
            p.id
        );
    }
}

#[test]
fn every_preset_is_described_and_sourced() {
    for p in catalogue() {
        assert!(
            p.summary.len() > 200,
            "{}: the summary should be a paragraph",
            p.id
        );
        assert!(!p.assumptions.is_empty(), "{}", p.id);
        assert!(
            p.reviewed.len() == 7 && p.reviewed.starts_with("20"),
            "{}",
            p.id
        );
        assert!(!p.sources.is_empty(), "{}", p.id);
        // Traceability: each source is named by at least one assumption (by
        // the part of its title before the colon), and each assumption that
        // states a dollar figure or a count names a source in parentheses.
        for source in &p.sources {
            assert!(
                source.url.starts_with("https://"),
                "{}: {}",
                p.id,
                source.url
            );
            let publisher = source.title.split(':').next().unwrap_or_default();
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
    }
}

#[test]
fn every_catalogue_price_appears_in_an_assumption() {
    // No number in the plans that the assumptions do not state.
    for p in catalogue() {
        let text = p.assumptions.join(" ");
        for plan in [&p.low, &p.plan, &p.high] {
            let prices = plan
                .phases()
                .iter()
                .map(|ph| ph.price)
                .chain(plan.fees().iter().map(|f| f.amount));
            for price in prices {
                let dollars = price.minor() / 100;
                let shown = if dollars >= 1000 {
                    format!("${},{:03}", dollars / 1000, dollars % 1000)
                } else {
                    format!("${dollars}")
                };
                assert!(
                    text.contains(&shown),
                    "{}: {shown} is not in the assumptions",
                    p.id
                );
            }
        }
    }
}

#[test]
fn esketamine_follows_the_label_21_sessions_in_six_months() {
    let p = preset("esketamine", date(DEFAULT_START)).unwrap();
    let e = est(&p.plan);
    assert_eq!(sessions_before(&e, date(DEFAULT_START).add_months(6)), 21);
    // Twice weekly for weeks 1-4, weekly for weeks 5-8.
    assert_eq!(e.phases[0].sessions, 8);
    assert_eq!(e.phases[1].sessions, 4);
    assert_eq!(e.phases[0].last, Some(date("2026-01-29")));
    assert_eq!(e.phases[1].first, Some(date("2026-02-05")));
    assert_eq!(e.phases[2].first, Some(date("2026-03-12")));
    assert!(
        e.lines
            .iter()
            .filter(|l| l.kind == coursecost::LineKind::Session)
            .all(|l| l.code.as_deref() == Some("G2082"))
    );
    // 21 sessions in the six months from the first one, whatever weekday
    // the course starts on (sessions are on Mondays and Thursdays).
    for offset in 0..7 {
        let start = date(DEFAULT_START).add_days(offset);
        let e = est(&preset("esketamine", start).unwrap().plan);
        let first = e.sessions[0].date;
        assert!(first < start.add_days(4), "start {start}");
        assert_eq!(
            sessions_before(&e, first.add_months(6)),
            21,
            "start {start}"
        );
    }
}

#[test]
fn tms_is_36_sessions_coded_90867_then_90868() {
    let p = preset("tms", date(DEFAULT_START)).unwrap();
    for plan in [&p.low, &p.plan, &p.high] {
        let e = est(plan);
        assert_eq!(e.totals.sessions, 36);
        let codes: Vec<&str> = e.lines.iter().filter_map(|l| l.code.as_deref()).collect();
        assert_eq!(codes[0], "90867");
        assert!(codes[1..].iter().all(|c| *c == "90868"));
        assert_eq!(codes.len(), 36);
    }
    // 30 weekday sessions (6 weeks), then the 6-session taper over 3 weeks.
    let e = est(&p.plan);
    assert_eq!(e.sessions[29].date, date("2026-02-13"));
    assert_eq!(e.sessions[30].date, date("2026-02-16"));
    assert_eq!(e.sessions[35].date, date("2026-03-05"));
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
fn the_catalogue_decoder_reports_mistakes_with_paths() {
    let mut value: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    let entry = &mut value["presets"][0];
    entry["low"]["phases"][0]["prcie"] = 1.into();
    entry["sources"][0]["url"] = "http://example.com".into();
    entry["reviewed"] = "2026-13".into();
    let err = decode_preset(&*entry).unwrap_err();
    let got: Vec<(ErrorCode, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
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
    let got: Vec<(ErrorCode, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
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
    }
    // Insurance caps each year at the out-of-pocket maximum: two plan years.
    assert!(r.high.patient_pays.minor() <= 2 * 600000 + 30000);
    assert!(
        r.low.patient_pays <= r.typical.patient_pays
            && r.typical.patient_pays <= r.high.patient_pays
    );
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

    // Up front: the evaluation and the six induction infusions.
    assert_eq!(c.plans[0].up_front.minor(), 25000 + 6 * 59000);
    // A 12-month horizon: the first year is everything.
    assert_eq!(c.plans[0].first_year, e_iv.totals.patient_pays);
    // Steady state: the last three whole months are Oct, Nov, Dec 2026
    // (the horizon ends 5 January 2027, so January is not whole).
    let last3: i64 = e_iv.months[9..12]
        .iter()
        .map(|m| m.patient_pays.minor())
        .sum();
    assert_eq!(
        c.plans[0].steady_monthly.map(|a| a.minor()),
        Some((last3 * 10 / 3 + 5) / 10)
    );
    // TMS is over long before its last months: nothing to pay each month.
    assert_eq!(c.plans[1].steady_monthly.map(|a| a.minor()), Some(0));
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
fn the_readme_lists_every_preset_with_its_assumptions_and_sources() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for p in catalogue() {
        assert!(
            readme.contains(&format!("`{}`", p.id)),
            "README misses {}",
            p.id
        );
        for a in &p.assumptions {
            assert!(
                readme.contains(a.as_str()),
                "README misses the assumption {a:?}"
            );
        }
        for s in &p.sources {
            assert!(readme.contains(&s.url), "README misses {}", s.url);
        }
    }
}
