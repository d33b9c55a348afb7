//! Price sheets, version 3: where each item is given (a facility of its own,
//! with its place-of-service code), each recurring item's frequency in
//! words, the dear end split by provider, and discounts that depend on how
//! the patient pays left out of the expected charges.

use coursecost::{
    ErrorCode, GoodFaithEstimate, good_faith_estimate, parse_clinic, parse_plan, parse_quote,
};
use serde_json::{Value, json};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{has, problems, sample, self_pay};

fn gfe_of(sheet: &Value, input: &Value) -> GoodFaithEstimate {
    let (sheet, input) =
        parse_quote(&sheet.to_string(), &input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    good_faith_estimate(&sheet, &input).unwrap_or_else(|e| panic!("{e}"))
}

/// A small ECT course: 6 index sessions (Mon, Wed, Fri) then 2 every 4
/// weeks, each 1,000.00 in the hospital, with anaesthesia at 500.00 a
/// session billed by an anaesthesia group, and a 300.00 evaluation once at
/// the clinic. The dear end has 9 index sessions. The clinic is closed on
/// weekends only, so no session moves.
fn ect_sheet() -> Value {
    let mut sheet = sample();
    sheet["holidays"] = json!([]);
    sheet["payers"] = json!([]);
    let phases = |index: u32| {
        json!([
            { "name": "Index", "every": { "weekdays": ["mon", "wed", "fri"] }, "sessions": index, "price": 100000, "code": "90870", "location": "memorial-hospital" },
            { "name": "Maintenance", "every": { "weeks": 4 }, "sessions": 2, "price": 100000, "code": "90870", "location": "memorial-hospital" }
        ])
    };
    let fees = json!([
        { "name": "Evaluation", "amount": 30000, "when": "once", "code": "90792" },
        { "name": "Anaesthesia", "amount": 50000, "when": "session", "code": "00104", "provider": "lakeside-anesthesia", "location": "memorial-hospital" }
    ]);
    sheet["treatments"] = json!([{
        "id": "ect", "name": "ECT", "diagnosisCodes": ["F33.2"], "horizon": { "weeks": 26 },
        "phases": phases(6), "fees": fees,
        "high": { "phases": phases(9), "fees": fees }
    }]);
    sheet
}

fn ect_input() -> Value {
    let mut input = self_pay("ect");
    input["start"] = json!("2027-01-04");
    input["date"] = json!("2026-12-21");
    input
}

#[test]
fn the_high_estimate_is_split_by_provider() {
    let gfe = gfe_of(&ect_sheet(), &ect_input());
    // Expected: 8 sessions (6 + 2). The clinic: 8 × 1,000.00 + 300.00 =
    // 8,300.00; the anaesthesia group: 8 × 500.00 = 4,000.00; 12,300.00 in all.
    // Dear end: 11 sessions (9 + 2). The clinic: 11 × 1,000.00 + 300.00 =
    // 11,300.00; anaesthesia: 11 × 500.00 = 5,500.00; 16,800.00 in all.
    assert_eq!(gfe.total.minor(), 1_230_000);
    assert_eq!(gfe.high_total.map(|a| a.minor()), Some(1_680_000));
    let split: Vec<(Option<&str>, i64, Option<i64>)> = gfe
        .providers
        .iter()
        .map(|p| {
            (
                p.id.as_deref(),
                p.subtotal.minor(),
                p.high_subtotal.map(|a| a.minor()),
            )
        })
        .collect();
    assert_eq!(
        split,
        [
            (None, 830_000, Some(1_130_000)),
            (Some("lakeside-anesthesia"), 400_000, Some(550_000)),
        ]
    );
    // Without a dear end no provider has a high figure.
    let tms = gfe_of(&sample(), &self_pay("tms"));
    assert!(tms.providers.iter().all(|p| p.high_subtotal.is_none()));
}

#[test]
fn each_item_has_the_place_of_service_of_where_it_is_given() {
    let gfe = gfe_of(&ect_sheet(), &ect_input());
    let places: Vec<(&str, u32)> = gfe
        .items
        .iter()
        .map(|i| (i.service.as_str(), i.place_of_service))
        .collect();
    // The sessions and the anaesthesia at each of them in the hospital (its
    // code 22, outpatient hospital); the evaluation at the clinic's own
    // office (11, the default).
    assert_eq!(
        places,
        [
            ("Index", 22),
            ("Evaluation", 11),
            ("Anaesthesia", 22),
            ("Maintenance", 22),
        ]
    );
    // A fee with no location is given at the clinic (11), whoever bills it.
    let mut sheet = ect_sheet();
    if let Some(fee) = sheet["treatments"][0]["fees"][1].as_object_mut() {
        fee.remove("location");
    }
    let gfe = gfe_of(&sheet, &ect_input());
    let codes: Vec<u32> = gfe.items.iter().map(|i| i.place_of_service).collect();
    assert_eq!(codes, [22, 11, 11, 22]);
}

#[test]
fn the_samples_ect_is_given_in_the_hospital_and_spravatos_medicine_is_an_item() {
    let ect = gfe_of(&sample(), &self_pay("ect"));
    for item in ect
        .items
        .iter()
        .filter(|i| i.code.as_deref() == Some("90870"))
    {
        assert_eq!(item.place_of_service, 22, "{item:?}");
    }
    // The medicine is given at every session: an expected item billed by the
    // pharmacy, not an item "scheduled separately" (that is for care before
    // or after the course).
    let spravato = gfe_of(&sample(), &self_pay("esketamine"));
    assert!(spravato.scheduled_separately.is_empty());
    let medicine = spravato
        .items
        .iter()
        .find(|i| i.code.as_deref() == Some("S0013"));
    // Billed by the pharmacy, given at the clinic's office (11).
    assert_eq!(
        medicine.map(|i| (i.provider.as_deref(), i.place_of_service)),
        Some((Some("prairie-pharmacy"), 11))
    );
}

/// Twenty weekly sessions at 400.00, with a 5 % discount on sessions.
fn prompt_pay_sheet(condition: Option<&str>) -> Value {
    let mut sheet = sample();
    sheet["holidays"] = json!([]);
    sheet["payers"] = json!([]);
    let mut discount =
        json!({ "name": "Prompt-pay discount", "percent": 5, "appliesTo": ["session"] });
    if let Some(condition) = condition {
        discount["condition"] = json!(condition);
    }
    sheet["treatments"] = json!([{
        "id": "weekly", "name": "Weekly sessions", "diagnosisCodes": ["F33.2"],
        "phases": [{ "name": "Weekly", "every": { "weeks": 1 }, "sessions": 20, "price": 40000, "code": "90868" }],
        "discounts": [discount]
    }]);
    sheet
}

#[test]
fn a_discount_on_a_condition_stays_out_of_the_expected_charges_at_the_dispute_threshold() {
    let mut input = self_pay("weekly");
    input["start"] = json!("2027-01-04");
    input["date"] = json!("2026-12-21");
    // 20 × 400.00 = 8,000.00; 5 % of it is 400.00, exactly the dispute
    // threshold. Were the discount built in (7,600.00), a patient who paid
    // late and was billed 8,000.00 would be 400.00 over the estimate and
    // could dispute it; left out, the bill matches the estimate.
    let gfe = gfe_of(
        &prompt_pay_sheet(Some("each bill is paid in full within 30 days")),
        &input,
    );
    assert_eq!(gfe.total.minor(), 800_000);
    assert_eq!(gfe.providers[0].subtotal.minor(), 800_000);
    assert!(gfe.items.iter().all(|i| i.discount.minor() == 0));
    let every_patient = gfe_of(&prompt_pay_sheet(None), &input);
    assert_eq!(every_patient.total.minor(), 760_000);
    assert_eq!(
        gfe.total.minor() - every_patient.total.minor(),
        40_000 // the $400 dispute threshold, in cents
    );
}

#[test]
fn locations_places_of_service_and_conditions_are_checked() {
    let mut sheet = ect_sheet();
    sheet["treatments"][0]["phases"][0]["location"] = json!("memorial-hospitl");
    sheet["treatments"][0]["fees"][0]["location"] = json!("nowhere");
    let found = problems(parse_clinic(&sheet.to_string()));
    for path in [
        "treatments[0].phases[0].location",
        "treatments[0].fees[0].location",
    ] {
        assert!(
            has(&found, ErrorCode::UnknownName, path),
            "{path}: {found:#?}"
        );
    }
    let misspelt = found
        .iter()
        .find(|p| p.path == "treatments[0].phases[0].location");
    assert!(
        misspelt.is_some_and(|p| p.message.contains("memorial-hospital")),
        "{misspelt:?}"
    );
    let mut sheet = sample();
    sheet["providers"][1]["placeOfService"] = json!(100);
    sheet["providers"][2]["placeOfService"] = json!("22");
    let found = problems(parse_clinic(&sheet.to_string()));
    for (code, path) in [
        (ErrorCode::OutOfRange, "providers[1].placeOfService"),
        (ErrorCode::InvalidType, "providers[2].placeOfService"),
    ] {
        assert!(
            has(&found, code, path),
            "no {code:?} at {path} in {found:#?}"
        );
    }
    // A plan's discount has no condition, nor its phases a location: those
    // are a price sheet's.
    let plan = json!({ "start": "2026-01-05",
        "phases": [{ "name": "S", "every": { "weeks": 1 }, "price": 1, "location": "x" }],
        "discounts": [{ "name": "D", "percent": 5, "condition": "paid early" }] });
    let found = problems(parse_plan(&plan.to_string()));
    for path in ["phases[0].location", "discounts[0].condition"] {
        assert!(
            has(&found, ErrorCode::UnknownField, path),
            "{path}: {found:#?}"
        );
    }
}
