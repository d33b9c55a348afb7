//! Golden examples worked by hand. `tests/golden.rs` checks that each plan in
//! `tests/golden/` still gives its stored estimate; this file checks, for
//! the examples listed below, that the stored figures are the ones the
//! contract asks for. Each test reads the plan file itself and works its
//! figures out from docs/schedule.md, docs/ledger.md, docs/insurance.md and
//! docs/estimate.md (the working is in the comments), never from the
//! engine's output.
#![cfg(not(target_arch = "wasm32"))] // reads files

use coursecost::{Benefit, Estimate, WarningCode, estimate_json};

fn golden(name: &str) -> Estimate {
    let path = format!(
        "{}/tests/golden/{name}.plan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    estimate_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dates(e: &Estimate) -> Vec<String> {
    e.sessions.iter().map(|s| s.date.to_string()).collect()
}

/// Each line as (date, name, adjustment, insurerPays, assistance, patientPays).
fn lines(e: &Estimate) -> Vec<(String, String, i64, i64, i64, i64)> {
    e.lines
        .iter()
        .map(|l| {
            (
                l.date.to_string(),
                l.name.to_string(),
                l.adjustment.minor(),
                l.insurer_pays.minor(),
                l.assistance.minor(),
                l.patient_pays.minor(),
            )
        })
        .collect()
}

fn line(
    date: &str,
    name: &str,
    adjustment: i64,
    insurer: i64,
    assistance: i64,
    patient: i64,
) -> (String, String, i64, i64, i64, i64) {
    (
        date.to_string(),
        name.to_string(),
        adjustment,
        insurer,
        assistance,
        patient,
    )
}

/// (sessions, charge, adjustment, insurerPays, assistance, patientPays).
fn totals(e: &Estimate) -> (u32, i64, i64, i64, i64, i64) {
    let t = &e.totals;
    (
        t.sessions,
        t.charge.minor(),
        t.adjustment.minor(),
        t.insurer_pays.minor(),
        t.assistance.minor(),
        t.patient_pays.minor(),
    )
}

/// Each month as (month, sessions, patientPays, cumulativePatientPays).
fn months(e: &Estimate) -> Vec<(String, u32, i64, i64)> {
    e.months
        .iter()
        .map(|m| {
            (
                m.month.clone(),
                m.sessions,
                m.patient_pays.minor(),
                m.cumulative_patient_pays.minor(),
            )
        })
        .collect()
}

/// A plan year's (start, end, deductibleApplied, outOfPocket,
/// pharmacyDeductibleApplied, pharmacyOutOfPocket).
type Year = (String, String, i64, i64, Option<i64>, Option<i64>);

/// Each plan year's accumulator figures, then its (charge, insurerPays, patientPays).
fn years(e: &Estimate) -> Vec<(Year, (i64, i64, i64))> {
    e.plan_years
        .as_ref()
        .expect("a plan with coverage has plan years")
        .iter()
        .map(|y| {
            (
                (
                    y.start.to_string(),
                    y.end.to_string(),
                    y.deductible_applied.minor(),
                    y.out_of_pocket.minor(),
                    y.pharmacy_deductible_applied.map(|a| a.minor()),
                    y.pharmacy_out_of_pocket.map(|a| a.minor()),
                ),
                (
                    y.charge.minor(),
                    y.insurer_pays.minor(),
                    y.patient_pays.minor(),
                ),
            )
        })
        .collect()
}

fn warnings(e: &Estimate) -> Vec<(WarningCode, String, Option<String>)> {
    e.warnings
        .iter()
        .map(|w| (w.code, w.path.clone(), w.date.map(|d| d.to_string())))
        .collect()
}

/// Four Mondays from 2026-01-05 with `{"weeks": 4}`: the horizon is
/// [Jan 5, Feb 2), weekly sessions are Jan 5, 12, 19, 26, and the months
/// run from January to the month of Feb 1 (the last covered day).
const FOUR_MONDAYS: [&str; 4] = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"];

#[test]
fn golden_13_pharmacy_lines_share_an_integrated_out_of_pocket_maximum() {
    let e = golden("13-v2-pharmacy-integrated");
    assert_eq!(dates(&e), FOUR_MONDAYS);
    assert_eq!(e.end.to_string(), "2026-02-02");
    // Each Monday: the Esketamine session (60,000, pharmacy benefit), then
    // its Observation fee (30,000; a fee's benefit defaults to medical).
    // Pharmacy: deductible 20,000, 25 %. Medical: deductible 50,000, 20 %.
    // `coverage.pharmacy` has no outOfPocketMax, so both benefits count
    // toward the one medical maximum of 100,000.
    //
    // Jan 5 drug: d = min(60,000, 20,000) = 20,000; share = 20,000 +
    //   round(40,000 × 25 %) = 30,000 (under 100,000 left). Insurer 30,000.
    //   Pharmacy deductible left 0; out-of-pocket left 70,000.
    // Jan 5 obs: d = min(30,000, 50,000) = 30,000; share 30,000 (under
    //   70,000). Insurer 0. Medical deductible left 20,000; OOP left 40,000.
    // Jan 12 drug: share = 25 % of 60,000 = 15,000. Insurer 45,000. OOP left 25,000.
    // Jan 12 obs: d = 20,000; share = 20,000 + round(10,000 × 20 %) = 22,000
    //   (under 25,000). Insurer 8,000. OOP left 3,000.
    // Jan 19 drug: share 15,000 capped to 3,000. Insurer 57,000. OOP left 0.
    // Jan 19 obs, Jan 26 drug and obs: share capped to 0; the insurer pays all.
    assert_eq!(
        lines(&e),
        [
            line("2026-01-05", "Esketamine", 0, 30_000, 0, 30_000),
            line("2026-01-05", "Observation", 0, 0, 0, 30_000),
            line("2026-01-12", "Esketamine", 0, 45_000, 0, 15_000),
            line("2026-01-12", "Observation", 0, 8_000, 0, 22_000),
            line("2026-01-19", "Esketamine", 0, 57_000, 0, 3_000),
            line("2026-01-19", "Observation", 0, 30_000, 0, 0),
            line("2026-01-26", "Esketamine", 0, 60_000, 0, 0),
            line("2026-01-26", "Observation", 0, 30_000, 0, 0),
        ]
    );
    assert_eq!(e.lines[0].benefit, Some(Benefit::Pharmacy));
    assert_eq!(e.lines[1].benefit, Some(Benefit::Medical));
    // Charge 4 × (60,000 + 30,000) = 360,000; the patient pays exactly the
    // maximum, 30,000 + 30,000 + 15,000 + 22,000 + 3,000 = 100,000.
    assert_eq!(totals(&e), (4, 360_000, 0, 260_000, 0, 100_000));
    // Plan year 2026: medical deductible 30,000 + 20,000 = 50,000; the
    // integrated out-of-pocket took every share, 100,000; the pharmacy
    // deductible 20,000; nothing on a separate pharmacy maximum.
    assert_eq!(
        years(&e),
        [(
            (
                "2026-01-01".into(),
                "2027-01-01".into(),
                50_000,
                100_000,
                Some(20_000),
                Some(0)
            ),
            (360_000, 260_000, 100_000)
        )]
    );
    assert_eq!(
        months(&e),
        [
            ("2026-01".into(), 4, 100_000, 100_000),
            ("2026-02".into(), 0, 0, 100_000)
        ]
    );
    // The fee follows each session, so it carries the phase: the phase
    // has every charge.
    assert_eq!(
        (e.phases[0].charge.minor(), e.phases[0].patient_pays.minor()),
        (360_000, 100_000)
    );
    assert!(e.warnings.is_empty());
}

#[test]
fn golden_14_a_separate_pharmacy_maximum_caps_only_the_drug() {
    let e = golden("14-v2-pharmacy-separate");
    assert_eq!(dates(&e), FOUR_MONDAYS);
    // Drug 300,000 on the pharmacy benefit: no deductible, 25 %, its own
    // maximum of 210,000 (the Part D design). Observation 20,000 on the
    // medical benefit: deductible 28,300, 20 %, no maximum.
    //
    // Jan 5 drug: share = 25 % of 300,000 = 75,000. Insurer 225,000.
    //   Pharmacy OOP left 135,000.
    // Jan 5 obs: d = min(20,000, 28,300) = 20,000; share 20,000. Insurer 0.
    //   Deductible left 8,300.
    // Jan 12 drug: 75,000 again; pharmacy OOP left 60,000.
    // Jan 12 obs: d = 8,300; share = 8,300 + round(11,700 × 20 %) = 8,300 +
    //   2,340 = 10,640. Insurer 9,360.
    // Jan 19 drug: 75,000 capped to 60,000. Insurer 240,000. Left 0.
    // Jan 19 obs: 20 % of 20,000 = 4,000 (the medical side has no cap).
    // Jan 26 drug: 0, insurer 300,000; obs 4,000, insurer 16,000.
    assert_eq!(
        lines(&e),
        [
            line("2026-01-05", "Drug", 0, 225_000, 0, 75_000),
            line("2026-01-05", "Observation", 0, 0, 0, 20_000),
            line("2026-01-12", "Drug", 0, 225_000, 0, 75_000),
            line("2026-01-12", "Observation", 0, 9_360, 0, 10_640),
            line("2026-01-19", "Drug", 0, 240_000, 0, 60_000),
            line("2026-01-19", "Observation", 0, 16_000, 0, 4_000),
            line("2026-01-26", "Drug", 0, 300_000, 0, 0),
            line("2026-01-26", "Observation", 0, 16_000, 0, 4_000),
        ]
    );
    // Charge 4 × 320,000 = 1,280,000. Patient: drug 75,000 + 75,000 +
    // 60,000 = 210,000; observation 20,000 + 10,640 + 4,000 + 4,000 =
    // 38,640; in all 248,640. Insurer 1,280,000 − 248,640 = 1,031,360.
    assert_eq!(totals(&e), (4, 1_280_000, 0, 1_031_360, 0, 248_640));
    // Medical: deductible 28,300 met, 38,640 counted. Pharmacy: no
    // deductible, 210,000 counted toward its own maximum.
    assert_eq!(
        years(&e),
        [(
            (
                "2026-01-01".into(),
                "2027-01-01".into(),
                28_300,
                38_640,
                Some(0),
                Some(210_000)
            ),
            (1_280_000, 1_031_360, 248_640)
        )]
    );
    assert_eq!(
        months(&e),
        [
            ("2026-01".into(), 4, 248_640, 248_640),
            ("2026-02".into(), 0, 0, 248_640)
        ]
    );
    assert!(e.warnings.is_empty());
}

#[test]
fn golden_15_the_insurer_pays_on_the_allowed_amount_and_the_clinic_writes_off_the_rest() {
    let e = golden("15-v2-allowed-and-network");
    // {"weeks": 2} from Monday Jan 5: [Jan 5, Jan 19), sessions Jan 5, 12.
    assert_eq!(dates(&e), ["2026-01-05", "2026-01-12"]);
    assert_eq!(e.end.to_string(), "2026-01-19");
    // Charge 100,000, allowed 70,000, network "in" by default: A = 70,000,
    // adjustment = 30,000 on each line.
    // Jan 5: d = min(70,000, 50,000) = 50,000; share = 50,000 +
    //   round(20,000 × 20 %) = 54,000. Insurer 70,000 − 54,000 = 16,000.
    // Jan 12: share = 20 % of 70,000 = 14,000. Insurer 56,000.
    assert_eq!(
        lines(&e),
        [
            line("2026-01-05", "IV", 30_000, 16_000, 0, 54_000),
            line("2026-01-12", "IV", 30_000, 56_000, 0, 14_000),
        ]
    );
    assert_eq!(
        e.lines
            .iter()
            .map(|l| l.allowed.map(|a| a.minor()))
            .collect::<Vec<_>>(),
        [Some(70_000), Some(70_000)]
    );
    // 200,000 = 60,000 written off + 72,000 insurer + 68,000 patient.
    assert_eq!(totals(&e), (2, 200_000, 60_000, 72_000, 0, 68_000));
    assert_eq!(
        years(&e),
        [(
            (
                "2026-01-01".into(),
                "2027-01-01".into(),
                50_000,
                68_000,
                None,
                None
            ),
            (200_000, 72_000, 68_000)
        )]
    );
    assert_eq!(months(&e), [("2026-01".into(), 2, 68_000, 68_000)]);
    assert!(e.warnings.is_empty());
}

#[test]
fn golden_16_a_course_limit_refuses_the_sixth_session_and_its_fee() {
    let e = golden("16-v2-limits");
    // Weekdays from Monday Jan 5, 8 sessions: Jan 5–9, then Mon 12, Tue 13,
    // Wed 14. {"months": 1}: end Feb 5, so every session fits.
    assert_eq!(
        dates(&e),
        [
            "2026-01-05",
            "2026-01-06",
            "2026-01-07",
            "2026-01-08",
            "2026-01-09",
            "2026-01-12",
            "2026-01-13",
            "2026-01-14"
        ]
    );
    // Copay 2,000 per covered line, capped by the allowed amount (the
    // charge): a session 10,000 → patient 2,000, insurer 8,000; its
    // Monitoring fee 1,000 → patient min(2,000, 1,000) = 1,000, insurer 0.
    // The limit covers 5 sessions of the course: sessions 6–8 (Jan 12, 13,
    // 14) are refused and their fees with them: the patient pays 10,000
    // and 1,000.
    let mut expected = Vec::new();
    for (i, date) in dates(&e).iter().enumerate() {
        if i < 5 {
            expected.push(line(date, "TMS", 0, 8_000, 0, 2_000));
            expected.push(line(date, "Monitoring", 0, 0, 0, 1_000));
        } else {
            expected.push(line(date, "TMS", 0, 0, 0, 10_000));
            expected.push(line(date, "Monitoring", 0, 0, 0, 1_000));
        }
    }
    assert_eq!(lines(&e), expected);
    let covered: Vec<bool> = e.lines.iter().map(|l| l.covered).collect();
    assert_eq!(covered, [[true; 10].as_slice(), &[false; 6]].concat());
    // Charge 8 × 11,000 = 88,000. Patient 5 × 3,000 + 3 × 11,000 = 48,000.
    // Insurer 5 × 8,000 = 40,000.
    assert_eq!(totals(&e), (8, 88_000, 0, 40_000, 0, 48_000));
    // No deductible; the copays counted, 15,000 (summed though there is no
    // maximum); refused lines count for nothing.
    assert_eq!(
        years(&e),
        [(
            (
                "2026-01-01".into(),
                "2027-01-01".into(),
                0,
                15_000,
                None,
                None
            ),
            (88_000, 40_000, 48_000)
        )]
    );
    assert_eq!(
        months(&e),
        [
            ("2026-01".into(), 8, 48_000, 48_000),
            ("2026-02".into(), 0, 0, 48_000)
        ]
    );
    assert_eq!(
        warnings(&e),
        [(
            WarningCode::CoverageLimitReached,
            "coverage.limits[0]".into(),
            Some("2026-01-12".into())
        )]
    );
}

#[test]
fn golden_17_an_eligible_card_runs_out_at_once_and_only_the_patients_money_counts() {
    let e = golden("17-v2-eligibility-and-accumulator");
    assert_eq!(dates(&e), FOUR_MONDAYS);
    // Coverage has no `type`, so it is commercial: the card (requires
    // "commercial") is eligible. Deductible 100,000, coinsurance 0 %,
    // accumulator on. Card: patient pays at most 1,000, 50,000 a year.
    //
    // Jan 5: d = 60,000, share 60,000, insurer 0. The card would pay
    //   59,000 but has 50,000: it pays 50,000 and runs out (warning, this
    //   date); the patient pays 10,000. counted = min(60,000, 10,000) =
    //   10,000: deductible left 90,000.
    // Jan 12: d = 60,000; the card has nothing left; the patient pays
    //   60,000. Deductible left 30,000.
    // Jan 19: d = 30,000; share = 30,000 + 0 % = 30,000; insurer 30,000.
    //   Deductible met.
    // Jan 26: share 0; insurer 60,000.
    assert_eq!(
        lines(&e),
        [
            line("2026-01-05", "Spravato", 0, 0, 50_000, 10_000),
            line("2026-01-12", "Spravato", 0, 0, 0, 60_000),
            line("2026-01-19", "Spravato", 0, 30_000, 0, 30_000),
            line("2026-01-26", "Spravato", 0, 60_000, 0, 0),
        ]
    );
    // 240,000 = 90,000 insurer + 50,000 card + 100,000 patient.
    assert_eq!(totals(&e), (4, 240_000, 0, 90_000, 50_000, 100_000));
    // deductibleApplied sums min(d, counted): 10,000 + 60,000 + 30,000 =
    // 100,000 (not the 150,000 of d, since the card's 50,000 does not
    // count); outOfPocket sums counted: 10,000 + 60,000 + 30,000 + 0.
    assert_eq!(
        years(&e),
        [(
            (
                "2026-01-01".into(),
                "2027-01-01".into(),
                100_000,
                100_000,
                None,
                None
            ),
            (240_000, 90_000, 100_000)
        )]
    );
    assert_eq!(
        months(&e),
        [
            ("2026-01".into(), 4, 100_000, 100_000),
            ("2026-02".into(), 0, 0, 100_000)
        ]
    );
    assert_eq!(
        warnings(&e),
        [(
            WarningCode::AssistanceExhausted,
            "assistance[0]".into(),
            Some("2026-01-05".into())
        )]
    );
}

#[test]
fn golden_01_iv_ketamine_self_pay_over_six_months() {
    let e = golden("01-iv-ketamine");
    // Weekends closed (no session falls on one anyway). Induction: Mon/Wed/
    // Fri from Monday Jan 5, 6 sessions. Maintenance every 4 weeks, starting
    // one interval after the last induction session: Fri Jan 16 + 28 days
    // = Fri Feb 13, then every 28 days while before the end, Jan 5 + 6
    // months = Jul 5.
    assert_eq!(
        dates(&e),
        [
            "2026-01-05",
            "2026-01-07",
            "2026-01-09",
            "2026-01-12",
            "2026-01-14",
            "2026-01-16",
            "2026-02-13",
            "2026-03-13",
            "2026-04-10",
            "2026-05-08",
            "2026-06-05",
            "2026-07-03"
        ]
    );
    assert_eq!(e.end.to_string(), "2026-07-05");
    // No coverage: the patient pays every charge. 12 × 50,000 + the
    // Consultation (once, on the first session, Jan 5) 25,000 = 625,000.
    assert_eq!(totals(&e), (12, 625_000, 0, 0, 0, 625_000));
    assert!(e.plan_years.is_none());
    assert_eq!(
        (e.lines[0].name.to_string(), e.lines[1].name.to_string()),
        ("Induction".to_string(), "Consultation".to_string()),
        "a session line comes before a fee line on the same day"
    );
    // January: 6 × 50,000 + 25,000 = 325,000; then one session a month,
    // through July (the month of Jul 4, the last covered day).
    assert_eq!(
        months(&e),
        [
            ("2026-01".into(), 6, 325_000, 325_000),
            ("2026-02".into(), 1, 50_000, 375_000),
            ("2026-03".into(), 1, 50_000, 425_000),
            ("2026-04".into(), 1, 50_000, 475_000),
            ("2026-05".into(), 1, 50_000, 525_000),
            ("2026-06".into(), 1, 50_000, 575_000),
            ("2026-07".into(), 1, 50_000, 625_000)
        ]
    );
    // The untied once fee carries no phase: each phase has only its sessions.
    let phases: Vec<_> = e
        .phases
        .iter()
        .map(|p| {
            (
                p.sessions,
                p.first.map(|d| d.to_string()),
                p.last.map(|d| d.to_string()),
                p.charge.minor(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            (
                6,
                Some("2026-01-05".into()),
                Some("2026-01-16".into()),
                300_000
            ),
            (
                6,
                Some("2026-02-13".into()),
                Some("2026-07-03".into()),
                300_000
            )
        ]
    );
    // The open-ended phase never warns.
    assert!(e.warnings.is_empty());
}

#[test]
fn golden_03_medicare_deductible_then_twenty_percent() {
    let e = golden("03-medicare");
    // Default horizon 12 months: [2026-01-05, 2027-01-05). Weekly, 3 sessions.
    assert_eq!(dates(&e), ["2026-01-05", "2026-01-12", "2026-01-19"]);
    assert_eq!(e.end.to_string(), "2027-01-05");
    // 128,982 a session; deductible 28,300, 20 %, no maximum.
    // Jan 5: share = 28,300 + round(100,682 × 20 %) = 28,300 +
    //   round(20,136.4) = 48,436. Insurer 80,546.
    // Jan 12, 19: round(128,982 × 20 %) = round(25,796.4) = 25,796.
    //   Insurer 103,186.
    assert_eq!(
        lines(&e),
        [
            line("2026-01-05", "Infusion", 0, 80_546, 0, 48_436),
            line("2026-01-12", "Infusion", 0, 103_186, 0, 25_796),
            line("2026-01-19", "Infusion", 0, 103_186, 0, 25_796),
        ]
    );
    // 3 × 128,982 = 386,946; patient 48,436 + 2 × 25,796 = 100,028.
    assert_eq!(totals(&e), (3, 386_946, 0, 286_918, 0, 100_028));
    // The horizon reaches Jan 4, 2027, so the 2027 plan year overlaps it,
    // with nothing in it.
    assert_eq!(
        years(&e),
        [
            (
                (
                    "2026-01-01".into(),
                    "2027-01-01".into(),
                    28_300,
                    100_028,
                    None,
                    None
                ),
                (386_946, 286_918, 100_028)
            ),
            (
                ("2027-01-01".into(), "2028-01-01".into(), 0, 0, None, None),
                (0, 0, 0)
            )
        ]
    );
    // Thirteen months, January 2026 to January 2027; only January has sessions.
    let m = months(&e);
    assert_eq!(m.len(), 13);
    assert_eq!(m[0], ("2026-01".into(), 3, 100_028, 100_028));
    assert_eq!(m[12], ("2027-01".into(), 0, 0, 100_028));
    assert!(e.warnings.is_empty());
}
