//! Price sheets, version 2: payers and their allowed amounts, co-providers,
//! and the Good Faith Estimate's 12-month cap, delivery deadline, provider
//! groups, wording and range.

use coursecost::{
    DueRule, Error, ErrorCode, GfeRole, Network, ProviderKind, good_faith_estimate, parse_clinic,
    parse_plan, parse_quote,
};
use serde_json::{Value, json};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{has, problems, quote_of, sample, self_pay};

fn insured(treatment: &str, payer: Option<&str>) -> Value {
    let mut input = self_pay(treatment);
    input["payment"] = json!("insured");
    input["coverage"] = json!({ "deductible": 150000, "coinsurance": 20 });
    if let Some(payer) = payer {
        input["payer"] = json!(payer);
    }
    input
}

fn gfe_of(sheet: &Value, input: &Value) -> Result<coursecost::GoodFaithEstimate, Error> {
    let (sheet, input) = parse_quote(&sheet.to_string(), &input.to_string())?;
    good_faith_estimate(&sheet, &input)
}

// ---------------------------------------------------------------------------
// Payers

#[test]
fn an_insured_quote_with_a_payer_uses_its_allowed_amounts_line_by_line() {
    let sheet = sample();
    let with = quote_of(&sheet, &insured("esketamine", Some("prairie-ppo")))
        .unwrap_or_else(|e| panic!("{e}"));
    let payer = with.payer.as_ref().map(|p| (p.name.as_str(), p.network));
    assert_eq!(payer, Some(("Prairie Health PPO (sample)", Network::In)));
    // Every session is allowed 720.00 of its 980.00; the consultation 210.00
    // of its 350.00; the medicine 800.00 of its 900.00. In network, the
    // difference is the clinic's write-off.
    for line in &with.estimate.lines {
        let allowed = if line.name.as_str().starts_with("New-patient") {
            21_000
        } else if line.name.as_str().starts_with("Esketamine nasal spray") {
            80_000
        } else {
            72_000
        };
        assert_eq!(line.allowed.map(|a| a.minor()), Some(allowed), "{line:?}");
        assert_eq!(line.adjustment.minor(), line.charge.minor() - allowed);
        assert_eq!(
            line.charge,
            line.adjustment + line.insurer_pays + line.assistance + line.patient_pays
        );
    }
    // The same quote without a payer allows the whole charge: more to pay.
    let without = quote_of(&sheet, &insured("esketamine", None)).unwrap_or_else(|e| panic!("{e}"));
    assert!(without.payer.is_none());
    assert_eq!(without.estimate.totals.adjustment.minor(), 0);
    assert!(without.estimate.totals.patient_pays > with.estimate.totals.patient_pays);
    assert_eq!(with.estimate.totals.charge, without.estimate.totals.charge);

    // Out of network: the payer's network is the quote's, and the part above
    // the allowed amount is billed to the patient instead of written off.
    let out = quote_of(&sheet, &insured("esketamine", Some("lakeland-hmo")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.payer.map(|p| p.network), Some(Network::Out));
    assert_eq!(out.estimate.totals.adjustment.minor(), 0);
    let session = out
        .estimate
        .lines
        .iter()
        .find(|l| l.name.as_str().starts_with("Weeks 1-4"))
        .expect("a session line");
    assert_eq!(session.allowed.map(|a| a.minor()), Some(65_000));
    assert!(session.patient_pays.minor() >= 98_000 - 65_000);
    // A phase the payer lists no amount for is allowed its whole charge.
    let tms = quote_of(&sheet, &insured("iv-ketamine", Some("prairie-ppo")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(tms.estimate.lines.iter().all(|l| l.adjustment.minor() == 0));
}

#[test]
fn payers_are_checked_against_the_sheet_with_paths() {
    let mut sheet = sample();
    let allowed = &mut sheet["payers"][0]["allowed"];
    allowed[0]["treatment"] = json!("esketamin");
    allowed[1]["phase"] = json!("Weeks 5-8");
    allowed[2]["amount"] = json!(98_001);
    allowed[6] = allowed[5].clone();
    sheet["payers"][1]["id"] = json!("prairie-ppo");
    let found = problems(parse_clinic(&sheet.to_string()));
    for (code, path) in [
        (ErrorCode::UnknownName, "payers[0].allowed[0].treatment"),
        (ErrorCode::UnknownName, "payers[0].allowed[1].phase"),
        (ErrorCode::OutOfRange, "payers[0].allowed[2].amount"),
        (ErrorCode::DuplicateName, "payers[0].allowed[6]"),
        (ErrorCode::DuplicateName, "payers[1].id"),
    ] {
        assert!(
            has(&found, code, path),
            "no {code:?} at {path} in {found:#?}"
        );
    }
    let message = found
        .iter()
        .find(|p| p.path == "payers[0].allowed[1].phase")
        .map(|p| p.message.as_str());
    assert!(
        message.is_some_and(|m| m.contains("Weeks 5-8, weekly")),
        "{message:?}"
    );
    // The shape of each entry first: one phase or one fee, a known network.
    let mut sheet = sample();
    let allowed = &mut sheet["payers"][0]["allowed"];
    allowed[3]["phase"] = json!("Weeks 1-4, twice weekly");
    allowed[4] = json!({ "treatment": "tms", "amount": 1 });
    sheet["payers"][1]["network"] = json!("inside");
    let found = problems(parse_clinic(&sheet.to_string()));
    for (code, path) in [
        (ErrorCode::ConflictingFields, "payers[0].allowed[3].fee"),
        (ErrorCode::MissingField, "payers[0].allowed[4]"),
        (ErrorCode::InvalidValue, "payers[1].network"),
    ] {
        assert!(
            has(&found, code, path),
            "no {code:?} at {path} in {found:#?}"
        );
    }

    // A quote names a payer on the sheet, and only when insured.
    let found = problems(quote_of(&sample(), &insured("esketamine", Some("prairie"))));
    assert!(
        has(&found, ErrorCode::UnknownName, "input.payer"),
        "{found:#?}"
    );
    assert!(found[0].message.contains("prairie-ppo"), "{found:#?}");
    let mut input = self_pay("esketamine");
    input["payer"] = json!("prairie-ppo");
    let found = problems(quote_of(&sample(), &input));
    assert!(
        has(&found, ErrorCode::ConflictingFields, "input.payer"),
        "{found:#?}"
    );
}

// ---------------------------------------------------------------------------
// Co-providers

#[test]
fn a_co_provider_gfe_groups_items_by_provider_with_identifiers_and_subtotals() {
    let gfe = gfe_of(&sample(), &self_pay("ect")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gfe.providers.len(), 2);
    let (clinic, anaesthesia) = (&gfe.providers[0], &gfe.providers[1]);
    assert_eq!(clinic.role, GfeRole::Convening);
    assert_eq!(clinic.id, None);
    assert_eq!(clinic.identity.npi, "1234567893");
    assert_eq!(anaesthesia.role, GfeRole::CoProvider);
    assert_eq!(anaesthesia.id.as_deref(), Some("lakeside-anesthesia"));
    assert_eq!(anaesthesia.kind, ProviderKind::Organization);
    assert_eq!(anaesthesia.identity.npi, "1245319599");
    assert_eq!(anaesthesia.identity.tin, "98-7654321");
    assert_eq!(
        anaesthesia.identity.address.street,
        "200 Example Street, Suite 6"
    );
    // The anaesthesia group bills the anaesthesia, once per ECT session; the
    // clinic everything else.
    assert!(
        anaesthesia
            .items
            .iter()
            .all(|i| i.service == "Anaesthesia for ECT")
    );
    assert!(
        anaesthesia
            .items
            .iter()
            .all(|i| i.code.as_deref() == Some("00104"))
    );
    let times: u32 = anaesthesia.items.iter().map(|i| i.times).sum();
    assert_eq!(times, gfe.primary_service.sessions);
    assert!(
        clinic
            .items
            .iter()
            .all(|i| i.service != "Anaesthesia for ECT")
    );
    assert!(
        clinic
            .items
            .iter()
            .any(|i| i.code.as_deref() == Some("90870"))
    );
    // Subtotals add up to the total, which is the quote's total charge.
    for group in &gfe.providers {
        let sum: i64 = group.items.iter().map(|i| i.expected_charge.minor()).sum();
        assert_eq!(group.subtotal.minor(), sum);
    }
    let subtotals: i64 = gfe.providers.iter().map(|g| g.subtotal.minor()).sum();
    assert_eq!(subtotals, gfe.total.minor());
    let q = quote_of(&sample(), &self_pay("ect")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gfe.total, q.estimate.totals.charge);
    // Every item is in exactly one group.
    let grouped: usize = gfe.providers.iter().map(|g| g.items.len()).sum();
    assert_eq!(grouped, gfe.items.len());
    // With no co-provider the clinic is the only group.
    let iv = gfe_of(&sample(), &self_pay("iv-ketamine")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(iv.providers.len(), 1);
    assert_eq!(iv.providers[0].items, iv.items);
}

#[test]
fn providers_are_named_by_id_and_checked() {
    let mut sheet = sample();
    sheet["treatments"][3]["fees"][1]["provider"] = json!("lakeside");
    sheet["treatments"][3]["high"]["phases"][0]["provider"] = json!("nobody");
    sheet["providers"][0]["npi"] = json!("1245319590");
    sheet["providers"][0]["taxonomy"] = json!("207L0000");
    sheet["providers"][0]["kind"] = json!("person");
    let found = problems(parse_clinic(&sheet.to_string()));
    for (code, path) in [
        (ErrorCode::InvalidValue, "providers[0].npi"),
        (ErrorCode::InvalidValue, "providers[0].taxonomy"),
        (ErrorCode::InvalidValue, "providers[0].kind"),
    ] {
        assert!(
            has(&found, code, path),
            "no {code:?} at {path} in {found:#?}"
        );
    }
    sheet["providers"][0] = sample()["providers"][0].clone();
    let found = problems(parse_clinic(&sheet.to_string()));
    for path in [
        "treatments[3].fees[1].provider",
        "treatments[3].high.phases[0].provider",
    ] {
        assert!(
            has(&found, ErrorCode::UnknownName, path),
            "{path}: {found:#?}"
        );
    }
    let message = found
        .iter()
        .find(|p| p.path == "treatments[3].fees[1].provider")
        .map(|p| p.message.as_str());
    assert!(
        message.is_some_and(|m| m.contains("lakeside-anesthesia")),
        "{message:?}"
    );
    let mut sheet = sample();
    let again = sheet["providers"][0].clone();
    if let Some(providers) = sheet["providers"].as_array_mut() {
        providers.push(again);
    }
    let found = problems(parse_clinic(&sheet.to_string()));
    assert!(
        has(&found, ErrorCode::DuplicateName, "providers[3].id"),
        "{found:#?}"
    );
    // A plan's phases and fees name no provider: that is a price sheet's.
    let plan = json!({ "start": "2026-01-05", "phases": [
        { "name": "S", "every": { "weeks": 1 }, "price": 1, "provider": "x" }] });
    let found = problems(parse_plan(&plan.to_string()));
    assert!(
        has(&found, ErrorCode::UnknownField, "phases[0].provider"),
        "{found:#?}"
    );
}

// ---------------------------------------------------------------------------
// The 12-month cap

#[test]
fn a_gfe_covers_at_most_twelve_months_and_says_a_new_one_is_needed() {
    let sheet = sample();
    for horizon in [
        json!({ "months": 13 }),
        json!({ "weeks": 53 }),
        json!({ "until": "2027-12-07" }),
    ] {
        let mut input = self_pay("iv-ketamine");
        input["horizon"] = horizon.clone();
        let found = problems(gfe_of(&sheet, &input));
        assert_eq!(found.len(), 1, "{horizon}: {found:#?}");
        assert!(
            has(&found, ErrorCode::OutOfRange, "input.horizon"),
            "{found:#?}"
        );
        let message = &found[0].message;
        assert!(message.contains("at most 12 months"), "{message}");
        assert!(
            message.contains("a new Good Faith Estimate is needed for the rest"),
            "{message}"
        );
        assert!(message.contains("2027-12-06"), "{message}");
        // The quote itself may look further ahead.
        assert!(quote_of(&sheet, &input).is_ok());
    }
    for horizon in [
        json!({ "months": 12 }),
        json!({ "weeks": 52 }),
        json!({ "until": "2027-12-06" }),
    ] {
        let mut input = self_pay("iv-ketamine");
        input["horizon"] = horizon.clone();
        assert!(gfe_of(&sheet, &input).is_ok(), "{horizon}");
    }
    // A treatment whose own horizon is longer is refused at the input's
    // horizon too: that is where it is fixed.
    let mut sheet = sample();
    sheet["treatments"][1]["horizon"] = json!({ "months": 24 });
    let found = problems(gfe_of(&sheet, &self_pay("esketamine")));
    assert!(
        has(&found, ErrorCode::OutOfRange, "input.horizon"),
        "{found:#?}"
    );
    let mut input = self_pay("esketamine");
    input["horizon"] = json!({ "months": 12 });
    assert!(gfe_of(&sheet, &input).is_ok());
}

// ---------------------------------------------------------------------------
// The delivery deadline

fn due(scheduled_on: &str, start: &str, requested: bool) -> coursecost::Delivery {
    let mut input = self_pay("tms");
    input["start"] = json!(start);
    input["scheduledOn"] = json!(scheduled_on);
    // The observed US federal holidays of late 2026: Veterans Day (Wed
    // 11-11), Thanksgiving (Thu 11-26), Christmas (Fri 12-25).
    input["federalHolidays"] = json!(["2026-11-11", "2026-11-26", "2026-12-25"]);
    if requested {
        input["requested"] = json!(true);
    }
    let gfe = gfe_of(&sample(), &input).unwrap_or_else(|e| panic!("{e}"));
    gfe.delivery.expect("a delivery deadline")
}

#[test]
fn the_due_date_counts_the_clinics_business_days() {
    // The sample clinic is closed on weekends and on 2026-11-26 (Thursday).
    // Scheduled Friday 2026-11-20 for Monday 2026-12-07: ten business days
    // ahead (the weekends and the holiday do not count), so 3 business days
    // after scheduling: Mon 23, Tue 24, Wed 25.
    let d = due("2026-11-20", "2026-12-07", false);
    assert_eq!(d.business_days_ahead, 10);
    assert_eq!(d.rule, DueRule::ThreeBusinessDays);
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-25"));
    assert_eq!(d.first_service.to_string(), "2026-12-07");
    // On Monday it is nine business days ahead: 1 business day after.
    let d = due("2026-11-23", "2026-12-07", false);
    assert_eq!(d.business_days_ahead, 9);
    assert_eq!(d.rule, DueRule::OneBusinessDay);
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-24"));
    // Scheduled on a Saturday counts from the Saturday: ten ahead still.
    assert_eq!(
        due("2026-11-21", "2026-12-07", false).business_days_ahead,
        10
    );
    // 1 business day after a Friday is the Monday.
    let d = due("2026-12-04", "2026-12-10", false);
    assert_eq!(
        (d.business_days_ahead, d.rule),
        (4, DueRule::OneBusinessDay)
    );
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-12-07"));
    // Scheduled the day before the holiday: due the day after it.
    let d = due("2026-11-25", "2026-12-07", false);
    assert_eq!(d.rule, DueRule::OneBusinessDay);
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-27"));
    // Three business days over the holiday and a weekend: Wed 25, Fri 27, Mon 30.
    let d = due("2026-11-24", "2026-12-14", false);
    assert_eq!(d.rule, DueRule::ThreeBusinessDays);
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-30"));
    // Exactly 3 business days ahead (Fri 4, Mon 7, Tue 8 for a Tuesday start).
    let d = due("2026-12-03", "2026-12-08", false);
    assert_eq!(
        (d.business_days_ahead, d.rule),
        (3, DueRule::OneBusinessDay)
    );
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-12-04"));
    // Fewer than 3: the rule sets no deadline.
    let d = due("2026-12-03", "2026-12-07", false);
    assert_eq!(
        (d.business_days_ahead, d.rule, d.due),
        (2, DueRule::NoDeadline, None)
    );
    // Asked for by the patient: 3 business days after the request, however
    // near or far the service.
    for start in ["2026-11-23", "2027-03-01"] {
        let d = due("2026-11-20", start, true);
        assert_eq!(d.rule, DueRule::Requested);
        assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-25"));
    }
}

#[test]
fn the_scheduling_date_is_checked() {
    let mut input = self_pay("tms");
    input["scheduledOn"] = json!("2026-12-08");
    let found = problems(gfe_of(&sample(), &input));
    assert!(
        has(&found, ErrorCode::OutOfRange, "input.scheduledOn"),
        "{found:#?}"
    );
    let mut input = self_pay("tms");
    input["requested"] = json!(true);
    let found = problems(gfe_of(&sample(), &input));
    assert!(
        has(&found, ErrorCode::MissingField, "input.scheduledOn"),
        "{found:#?}"
    );
    let mut input = self_pay("tms");
    input["scheduledOn"] = json!("2026-02-30");
    let found = problems(gfe_of(&sample(), &input));
    assert!(
        has(&found, ErrorCode::InvalidDate, "input.scheduledOn"),
        "{found:#?}"
    );
    // Without it, no deadline is stated.
    let gfe = gfe_of(&sample(), &self_pay("tms")).unwrap_or_else(|e| panic!("{e}"));
    assert!(gfe.delivery.is_none());
}

// ---------------------------------------------------------------------------
// Wording, range, document size

#[test]
fn the_gfe_carries_the_standard_forms_wording() {
    let gfe = gfe_of(&sample(), &self_pay("ect")).unwrap_or_else(|e| panic!("{e}"));
    let note = &gfe.separately_scheduled_note;
    for needle in [
        "Separate Good Faith Estimates",
        "upon scheduling or upon request",
        "(555) 010-0199",
        "Harbor Light",
    ] {
        assert!(note.contains(needle), "{note} lacks {needle}");
    }
    let text = gfe.disclaimers.join(" ");
    for needle in [
        "scheduled or requested separately",
        "only an estimate",
        "unknown or unexpected costs",
        "not a contract",
        "update the bill",
        "negotiate the bill",
        "financial assistance",
        "$400 or more",
        "120 calendar days",
        "$25",
        "will not affect the quality",
        "agrees with you, you will have to pay the price on this Good Faith Estimate",
        "you will have to pay the higher amount",
        "www.cms.gov/nosurprises/consumers",
        "1-800-985-3059",
        "FederalPPDRQuestions@cms.hhs.gov",
        "Keep a copy",
        "or the provider or facility who billed it",
    ] {
        assert!(text.contains(needle), "disclaimers lack {needle:?}");
    }
}

#[test]
fn a_treatment_with_a_dear_end_course_gives_a_range() {
    let sheet = sample();
    let gfe = gfe_of(&sheet, &self_pay("iv-ketamine")).unwrap_or_else(|e| panic!("{e}"));
    let high = gfe
        .high_total
        .expect("the sample's IV course has a dear end");
    assert!(high > gfe.total, "{high:?} > {:?}", gfe.total);
    // The dear end is the estimate of that course, same start and horizon.
    let t = &sheet["treatments"][0];
    let plan = json!({
        "start": "2026-12-07", "horizon": t["horizon"],
        "clinic": { "closedWeekdays": sheet["closedWeekdays"], "closedDates": sheet["holidays"] },
        "phases": t["high"]["phases"], "fees": t["high"]["fees"]
    });
    // Its prompt-pay discount has a condition: left out, as from the expected course.
    assert!(t["high"]["discounts"][0]["condition"].is_string());
    let e = coursecost::estimate_json(&plan.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(high, e.totals.charge);
    let tms = gfe_of(&sheet, &self_pay("tms")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tms.high_total, None);
    // The dear end is checked like a course, at its path.
    let mut broken = sample();
    broken["treatments"][0]["high"]["phases"][1]["name"] = json!("Induction infusions");
    broken["treatments"][0]["high"]["fees"][0]["prcie"] = json!(1);
    let found = problems(parse_clinic(&broken.to_string()));
    assert!(
        has(
            &found,
            ErrorCode::UnknownField,
            "treatments[0].high.fees[0].prcie"
        ),
        "{found:#?}"
    );
    broken["treatments"][0]["high"]["fees"][0] =
        sample()["treatments"][0]["high"]["fees"][0].clone();
    let found = problems(parse_clinic(&broken.to_string()));
    assert!(
        has(
            &found,
            ErrorCode::DuplicateName,
            "treatments[0].high.phases[1].name"
        ),
        "{found:#?}"
    );
}

/// A daily course with 50 fees per session: a valid sheet with a huge ledger.
fn daily_sheet() -> Value {
    let fees: Vec<Value> = (1..=50)
        .map(|i| json!({ "name": format!("Supply {i}"), "amount": 100 + i, "when": "session", "code": format!("A{i:04}") }))
        .collect();
    let mut sheet = sample();
    sheet["treatments"] = json!([{
        "id": "daily", "name": "Daily sessions",
        "phases": [{ "name": "Daily", "every": { "days": 1 }, "price": 10000 }],
        "fees": fees
    }]);
    sheet["payers"] = json!([]);
    sheet
}

#[test]
fn a_quote_too_large_for_a_document_is_refused_clearly() {
    let sheet = daily_sheet();
    let year = quote_of(&sheet, &self_pay("daily")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        year.estimate.lines.len() > 12_000,
        "{}",
        year.estimate.lines.len()
    );
    let gfe = gfe_of(&sheet, &self_pay("daily")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gfe.items.len(), 51);
    let mut input = self_pay("daily");
    input["horizon"] = json!({ "months": 120 });
    let found = problems(quote_of(&sheet, &input));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        has(&found, ErrorCode::OutOfRange, "input.horizon"),
        "{found:#?}"
    );
    assert!(
        found[0].message.contains("at most 20000"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("shorter horizon"),
        "{}",
        found[0].message
    );
}

/// A one-treatment sheet with `course` and its dear end `high`, every
/// session 100.00 unless a phase says otherwise; no closed days.
fn dear_end_sheet(course: Value, high: Value) -> Value {
    json!({
        "name": "Small Clinic", "npi": "1234567893", "tin": "12-3456789",
        "address": { "street": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701" },
        "treatments": [{ "id": "t", "name": "T", "horizon": { "months": 1 }, "phases": course, "high": { "phases": high } }]
    })
}

fn weekly(sessions: u32, price: u64) -> Value {
    json!([{ "name": "Sessions", "every": { "weeks": 1 }, "sessions": sessions, "price": price }])
}

#[test]
fn a_dear_end_course_that_costs_less_than_the_expected_one_is_refused_on_the_sheet() {
    // Four weekly sessions of 100.00 expected (400.00), three at the dear
    // end (300.00): whatever the start, the top of the range is below it.
    let sheet = dear_end_sheet(weekly(4, 10_000), weekly(3, 10_000));
    let found = problems(parse_clinic(&sheet.to_string()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, ErrorCode::OutOfRange);
    assert_eq!(found[0].path, "treatments[0].high");
    assert!(
        found[0].message.contains("(300.00 < 400.00 USD)"),
        "{}",
        found[0].message
    );
    // The same under `clinic.` when quoting from it.
    let input = json!({ "treatment": "t", "start": "2027-01-04", "date": "2027-01-01", "payment": "self-pay" });
    let found = problems(quote_of(&sheet, &input));
    assert!(
        has(&found, ErrorCode::OutOfRange, "clinic.treatments[0].high"),
        "{found:?}"
    );
    // As dear as the expected course (four at 100.00), or dearer (five, or
    // four at 100.01), is fine.
    for high in [weekly(4, 10_000), weekly(5, 10_000), weekly(4, 10_001)] {
        assert!(parse_clinic(&dear_end_sheet(weekly(4, 10_000), high).to_string()).is_ok());
    }
}

#[test]
fn a_good_faith_estimate_whose_dear_end_costs_less_for_its_own_dates_is_refused() {
    // Expected: every Thursday at 100.00; dear end: every Monday at 80.00,
    // both for a month. The sheet is checked from Monday 2027-01-04, a month
    // to 2027-02-03: Thursdays 7, 14, 21, 28 (4 × 100.00 = 400.00), Mondays
    // 4, 11, 18, 25, 1 Feb (5 × 80.00 = 400.00): as dear, so it is valid.
    let on = |day: &str, price: u64| json!([{ "name": "Sessions", "every": { "weekdays": [day] }, "price": price }]);
    let sheet = dear_end_sheet(on("thu", 10_000), on("mon", 8_000));
    let input = |start: &str| {
        json!({ "treatment": "t", "start": start, "date": "2027-01-01", "payment": "self-pay",
                "patient": { "name": "Ana Pérez", "birthDate": "1958-03-14" } })
    };
    let from_monday = gfe_of(&sheet, &input("2027-01-04")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            from_monday.total.minor(),
            from_monday.high_total.map(|h| h.minor())
        ),
        (40_000, Some(40_000))
    );
    // From Thursday 2027-01-07 to 2027-02-06: Thursdays 7, 14, 21, 28 and
    // 4 Feb (500.00), Mondays 11, 18, 25 and 1 Feb (4 × 80.00 = 320.00):
    // "expected 500.00, up to 320.00" is refused at the dear end.
    let found = problems(gfe_of(&sheet, &input("2027-01-07")));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, ErrorCode::OutOfRange);
    assert_eq!(found[0].path, "clinic.treatments[0].high");
    assert!(
        found[0]
            .message
            .contains("from 2027-01-07 (320.00 < 500.00 USD)"),
        "{}",
        found[0].message
    );
}

#[test]
fn the_deadline_is_worded_by_the_engine() {
    // The rule of 45 CFR 149.610(b)(1)(vi) in words, one per case of the
    // test above (same sample clinic, same dates): 10 business days ahead
    // gives 3 days after scheduling; 9 ahead gives 1 day; a request gives
    // 3 days after it; 2 ahead (Fri 4, Mon 7) gives no deadline, and says
    // how many days ahead it was.
    assert_eq!(
        due("2026-11-20", "2026-12-07", false).deadline,
        "3 business days after scheduling (scheduled at least 10 business days ahead)"
    );
    assert_eq!(
        due("2026-11-23", "2026-12-07", false).deadline,
        "1 business day after scheduling (scheduled at least 3 business days ahead)"
    );
    assert_eq!(
        due("2026-11-20", "2026-11-23", true).deadline,
        "3 business days after the patient asked for it"
    );
    assert_eq!(
        due("2026-12-03", "2026-12-07", false).deadline,
        "no deadline: scheduled 2 business days ahead (fewer than 3)"
    );
    // Scheduled on the Friday for the Monday: 1 business day ahead, singular.
    assert_eq!(
        due("2026-12-04", "2026-12-07", false).deadline,
        "no deadline: scheduled 1 business day ahead (fewer than 3)"
    );
}

#[test]
fn a_clinic_closed_on_a_weekday_gets_the_earlier_weekday_deadline() {
    // The sample clinic, closed on Wednesdays as well as weekends. Scheduled
    // Monday 2026-11-30 for Monday 2026-12-14:
    // - open days after Mon 30: Tue 1, Thu 3, Fri 4, Mon 7, Tue 8, Thu 10,
    //   Fri 11, Mon 14: 8 ahead, so 1 business day after: Tue 12-01;
    // - weekdays after Mon 30: Tue 1 … Fri 4 (4), Mon 7 … Fri 11 (5), Mon 14:
    //   10 ahead, so 3 business days after: Tue 1, Wed 2, Thu 3: 12-03.
    // The earlier is the clinic's Tuesday.
    let mut sheet = sample();
    sheet["closedWeekdays"] = json!(["wed", "sat", "sun"]);
    let mut input = self_pay("tms");
    input["start"] = json!("2026-12-14");
    input["scheduledOn"] = json!("2026-11-30");
    let d = gfe_of(&sheet, &input)
        .unwrap_or_else(|e| panic!("{e}"))
        .delivery
        .expect("due");
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-12-01"));
    assert_eq!(
        (d.business_days_ahead, d.rule),
        (8, DueRule::OneBusinessDay)
    );
    // Now the weekday count gives the deadline: the clinic open only on
    // Thursdays and Fridays, scheduled Friday 2026-12-04 for Friday 2026-12-11:
    // - open days after Fri 4: Thu 10, Fri 11: 2 ahead: no deadline;
    // - weekdays: Mon 7 … Fri 11: 5 ahead: 1 business day after: Mon 12-07.
    // A deadline beats none: Monday 12-07, counted in weekdays.
    sheet["closedWeekdays"] = json!(["mon", "tue", "wed", "sat", "sun"]);
    input["start"] = json!("2026-12-11");
    input["scheduledOn"] = json!("2026-12-04");
    let d = gfe_of(&sheet, &input)
        .unwrap_or_else(|e| panic!("{e}"))
        .delivery
        .expect("due");
    assert_eq!(
        (d.business_days_ahead, d.rule),
        (5, DueRule::OneBusinessDay)
    );
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-12-07"));
}

#[test]
fn federal_holidays_are_not_business_days_in_the_weekday_count() {
    // A clinic open every day but Sunday. Scheduled Wednesday 2026-11-25
    // for Monday 2026-12-07:
    // - open days after Wed 25: Thu 26, Fri 27, Sat 28, Mon 30, Tue 1, Wed 2,
    //   Thu 3, Fri 4, Sat 5, Mon 7: 10 ahead: 3 after: Thu 26, Fri 27, Sat 28;
    // - weekdays less Thanksgiving (Thu 26): Fri 27, Mon 30 … Fri 4 (5), Mon
    //   7: 7 ahead: 1 after: Fri 27.
    // Both 11-27 and 11-28: the weekday count's Friday is earlier.
    let mut sheet = sample();
    sheet["closedWeekdays"] = json!(["sun"]);
    sheet["holidays"] = json!([]);
    let mut input = self_pay("tms");
    input["start"] = json!("2026-12-07");
    input["scheduledOn"] = json!("2026-11-25");
    input["federalHolidays"] = json!(["2026-11-26"]);
    let d = gfe_of(&sheet, &input)
        .unwrap_or_else(|e| panic!("{e}"))
        .delivery
        .expect("due");
    assert_eq!(
        (d.business_days_ahead, d.rule),
        (7, DueRule::OneBusinessDay)
    );
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-27"));
    // Without the holiday the weekday count has Thursday 26 as day 1: due
    // then, and 8 ahead (Thu 26, Fri 27, Mon 30 … Fri 4, Mon 7).
    input["federalHolidays"] = json!([]);
    let d = gfe_of(&sheet, &input)
        .unwrap_or_else(|e| panic!("{e}"))
        .delivery
        .expect("due");
    assert_eq!(d.business_days_ahead, 8);
    assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2026-11-26"));
}
