//! Clinic price sheets, quotes, Good Faith Estimates and the ledger CSV.

use coursecost::{ClinicSheet, ErrorCode, PaymentType, estimate_json, parse_clinic};
use coursecost::{good_faith_estimate, parse_quote, quote};
use serde_json::{Value, json};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{SAMPLE, has, problems, quote_of, sample, self_pay};

#[test]
fn the_sample_sheet_is_valid() {
    let sheet: ClinicSheet = parse_clinic(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sheet.provider.npi, "1234567893");
    assert_eq!(sheet.provider.tin, "12-3456789");
    assert_eq!(sheet.treatments.len(), 4);
    assert_eq!(sheet.quote_valid_days, 30);
}

#[test]
fn a_quote_is_the_estimate_of_the_plan_the_sheet_and_input_make() {
    let sheet = sample();
    let q = quote_of(&sheet, &self_pay("iv-ketamine")).unwrap_or_else(|e| panic!("{e}"));
    // The same course written by hand as a plan, without its prompt-pay
    // discount: that one has a condition, so it is no expected charge's.
    let t = &sheet["treatments"][0];
    let plan = json!({
        "currency": "USD",
        "start": "2026-12-07",
        "horizon": t["horizon"],
        "clinic": { "closedWeekdays": sheet["closedWeekdays"], "closedDates": sheet["holidays"] },
        "phases": t["phases"], "fees": t["fees"], "packages": t["packages"]
    });
    assert!(t["discounts"][0]["condition"].is_string());
    let expected = estimate_json(&plan.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.estimate, expected);
    // Q-, the quote's date, the treatment's id, then 8 hex digits of hash.
    let (stem, hash) = q.number.split_at("Q-20261121-iv-ketamine-".len());
    assert_eq!(stem, "Q-20261121-iv-ketamine-");
    assert!(
        hash.len() == 8
            && hash
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase()),
        "{}",
        q.number
    );
    assert_eq!(q.valid_until.to_string(), "2026-12-21");
    assert_eq!(q.diagnosis_codes, ["F33.2"]);
    // The induction package (6 × 550.00 → 2,750.00, not less the 5 % a
    // prompt payer gets) plus the consultation and monitoring fees appear
    // with their codes.
    let package = q
        .estimate
        .lines
        .iter()
        .find(|l| l.name.starts_with("Induction package"));
    assert_eq!(package.map(|l| l.charge.minor()), Some(275_000));
    assert!(
        q.estimate
            .lines
            .iter()
            .any(|l| l.code.as_deref() == Some("99205"))
    );
    // The Christmas holiday moves the booster that would fall on it.
    assert!(
        q.estimate
            .sessions
            .iter()
            .all(|s| s.date.to_string() != "2026-12-25")
    );
}

#[test]
fn an_insured_quote_applies_the_patients_coverage() {
    let mut input = self_pay("esketamine");
    input["payment"] = json!("insured");
    input["coverage"] =
        json!({ "deductible": 150000, "coinsurance": 20, "outOfPocketMax": 500000 });
    let q = quote_of(&sample(), &input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.payment, PaymentType::Insured);
    let t = q.estimate.totals;
    assert!(t.insurer_pays.minor() > 0);
    assert_eq!(
        t.charge,
        t.adjustment + t.insurer_pays + t.assistance + t.patient_pays
    );
    assert!(q.estimate.plan_years.is_some());
}

#[test]
fn every_problem_in_a_sheet_has_its_path() {
    let mut sheet = sample();
    sheet["npi"] = json!("1234567890");
    sheet["tin"] = json!("12-34567");
    sheet["adress"] = json!({});
    sheet["address"]["postalCode"] = json!(62701);
    sheet["treatments"][1]["id"] = json!("iv-ketamine");
    sheet["treatments"][0]["phases"][1]["prcie"] = json!(1);
    sheet["treatments"][2]["horizon"] = json!({ "until": "2027-01-01" });
    sheet["treatments"][0]["packages"][0]["phase"] = json!("Induction infusion");
    let found = problems(parse_clinic(&sheet.to_string()));
    for (code, path) in [
        (ErrorCode::InvalidValue, "npi"),
        (ErrorCode::InvalidValue, "tin"),
        (ErrorCode::UnknownField, "adress"),
        (ErrorCode::InvalidType, "address.postalCode"),
        (ErrorCode::UnknownField, "treatments[0].phases[1].prcie"),
        (ErrorCode::InvalidValue, "treatments[2].horizon.until"),
    ] {
        assert!(
            has(&found, code, path),
            "no {code:?} at {path} in {found:#?}"
        );
    }
    let suggestion = found
        .iter()
        .find(|p| p.path == "adress")
        .map(|p| p.message.as_str());
    assert_eq!(
        suggestion,
        Some("unknown field \"adress\" — did you mean \"address\"?")
    );

    // Once the shape is right, the rules across fields are checked, each
    // treatment as the plan it will become.
    let mut sheet = sample();
    sheet["treatments"][1]["id"] = json!("iv-ketamine");
    sheet["treatments"][0]["packages"][0]["phase"] = json!("Induction infusion");
    sheet["closedWeekdays"] = json!(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    let found = problems(parse_clinic(&sheet.to_string()));
    assert!(
        has(&found, ErrorCode::DuplicateName, "treatments[1].id"),
        "{found:#?}"
    );
    assert!(
        has(
            &found,
            ErrorCode::UnknownName,
            "treatments[0].packages[0].phase"
        ),
        "{found:#?}"
    );
    assert!(
        has(&found, ErrorCode::AllDaysClosed, "closedWeekdays"),
        "{found:#?}"
    );
}

#[test]
fn identifiers_are_checked_digit_by_digit() {
    for (npi, ok) in [
        ("1234567893", true),
        ("1234567839", false),
        ("123456789", false),
        ("12345678931", false),
        ("123456789a", false),
    ] {
        let mut sheet = sample();
        sheet["npi"] = json!(npi);
        assert_eq!(parse_clinic(&sheet.to_string()).is_ok(), ok, "npi {npi}");
    }
    for (tin, printed) in [
        ("123456789", Some("12-3456789")),
        ("12-3456789", Some("12-3456789")),
        ("123-456789", None),
        ("12-345678", None),
        ("１２３４５６７８９", None),
    ] {
        let mut sheet = sample();
        sheet["tin"] = json!(tin);
        let got = parse_clinic(&sheet.to_string())
            .ok()
            .map(|s| s.provider.tin);
        assert_eq!(got.as_deref(), printed, "tin {tin}");
    }
}

#[test]
fn quote_inputs_are_checked_with_paths() {
    let sheet = sample();
    let cases: Vec<(Value, ErrorCode, &str)> = vec![
        (
            json!({ "payment": "insured" }),
            ErrorCode::MissingField,
            "input.coverage",
        ),
        (
            json!({ "coverage": { "coinsurance": 20 } }),
            ErrorCode::ConflictingFields,
            "input.coverage",
        ),
        (
            json!({ "treatment": "iv-ketamin" }),
            ErrorCode::UnknownName,
            "input.treatment",
        ),
        (
            json!({ "patient": { "name": "A", "birthDate": "2026-11-22" } }),
            ErrorCode::OutOfRange,
            "input.patient.birthDate",
        ),
        (
            json!({ "patient": { "name": "A", "birthDate": "1900-02-29" } }),
            ErrorCode::InvalidDate,
            "input.patient.birthDate",
        ),
        (
            json!({ "patient": { "name": "A", "birthDate": "1899-12-31" } }),
            ErrorCode::InvalidDate,
            "input.patient.birthDate",
        ),
        (
            json!({ "payment": "cash" }),
            ErrorCode::InvalidValue,
            "input.payment",
        ),
        (
            json!({ "validDays": 0 }),
            ErrorCode::OutOfRange,
            "input.validDays",
        ),
        (
            json!({ "strat": "2026-12-07" }),
            ErrorCode::UnknownField,
            "input.strat",
        ),
        (
            json!({ "assistance": [{ "name": "Card", "patientPaysAtMost": 0, "phases": ["Boosters"] }] }),
            ErrorCode::UnknownName,
            "input.assistance[0].phases[0]",
        ),
    ];
    for (change, code, path) in cases {
        let mut input = self_pay("iv-ketamine");
        for (k, v) in change.as_object().into_iter().flatten() {
            input[k] = v.clone();
        }
        let found = problems(quote_of(&sheet, &input));
        assert!(
            has(&found, code, path),
            "{change}: no {code:?} at {path} in {found:#?}"
        );
    }
    // The oldest patients are born before 1970, the first year a plan may use.
    let mut input = self_pay("iv-ketamine");
    input["patient"]["birthDate"] = json!("1904-02-29");
    assert!(quote_of(&sheet, &input).is_ok());
    // A broken sheet is reported under clinic., beside the input's problems.
    let mut broken = sheet.clone();
    broken["npi"] = json!("1");
    let found = problems(quote_of(&broken, &json!({ "treatment": "x" })));
    assert!(
        has(&found, ErrorCode::InvalidValue, "clinic.npi"),
        "{found:#?}"
    );
    assert!(
        has(&found, ErrorCode::MissingField, "input.start"),
        "{found:#?}"
    );
}

#[test]
fn a_good_faith_estimate_has_every_element_the_rule_requires() {
    let (sheet, input) =
        parse_quote(SAMPLE, &self_pay("iv-ketamine").to_string()).unwrap_or_else(|e| panic!("{e}"));
    let gfe = good_faith_estimate(&sheet, &input).unwrap_or_else(|e| panic!("{e}"));
    let q = quote(&sheet, &input).unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(gfe.patient.name, "Ana Pérez");
    assert_eq!(gfe.patient.birth_date, "1958-03-14");
    assert_eq!(gfe.provider.npi, "1234567893");
    assert_eq!(gfe.provider.tin, "12-3456789");
    assert_eq!(gfe.provider.address.state, "IL");
    assert_eq!(gfe.primary_service.name, "IV ketamine infusion series");
    assert_eq!(gfe.primary_service.code.as_deref(), Some("96365"));
    assert_eq!(
        gfe.primary_service
            .scheduled
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-07")
    );
    assert_eq!(gfe.primary_service.sessions, q.estimate.totals.sessions);
    assert_eq!(gfe.diagnosis_codes, ["F33.2"]);
    assert_eq!(gfe.scheduled_separately.len(), 2);

    // Items: the ledger grouped, every charge kept, codes carried.
    assert_eq!(gfe.total, q.estimate.totals.charge);
    let sum: i64 = gfe.items.iter().map(|i| i.expected_charge.minor()).sum();
    assert_eq!(sum, gfe.total.minor());
    let lines: u32 = gfe.items.iter().map(|i| i.times).sum();
    assert_eq!(lines as usize, q.estimate.lines.len());
    for item in &gfe.items {
        assert_eq!(
            item.expected_charge.minor(),
            item.unit_charge.minor() * i64::from(item.times)
        );
        assert!(item.first <= item.last);
    }
    let boosters = gfe
        .items
        .iter()
        .find(|i| i.service == "Booster infusions")
        .map(|i| (i.code.as_deref(), i.times));
    let booster_lines = q
        .estimate
        .lines
        .iter()
        .filter(|l| l.name == "Booster infusions")
        .count() as u32;
    assert_eq!(boosters, Some((Some("96365"), booster_lines)));

    let text = gfe.disclaimers.join(" ");
    for needle in [
        "only an estimate",
        "not a contract",
        "$400 or more",
        "120 calendar days",
        "$25",
        "scheduled or requested separately",
        "will not affect the quality",
    ] {
        assert!(text.contains(needle), "disclaimers lack {needle:?}");
    }
}

#[test]
fn a_good_faith_estimate_is_only_for_named_self_pay_patients_in_dollars() {
    let mut input = self_pay("iv-ketamine");
    input["payment"] = json!("insured");
    input["coverage"] = json!({});
    input.as_object_mut().map(|o| o.remove("patient"));
    let mut sheet = sample();
    sheet["currency"] = json!("EUR");
    let (sheet, input) =
        parse_quote(&sheet.to_string(), &input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let found = problems(good_faith_estimate(&sheet, &input));
    assert!(
        has(&found, ErrorCode::InvalidValue, "input.payment"),
        "{found:#?}"
    );
    assert!(
        has(&found, ErrorCode::MissingField, "input.patient"),
        "{found:#?}"
    );
    assert!(
        has(&found, ErrorCode::InvalidValue, "clinic.currency"),
        "{found:#?}"
    );
}

/// RFC 4180 reader for the test: quoted cells with doubled quotes, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CR without LF"),
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "CSV does not end with CRLF"
    );
    rows
}

#[test]
fn the_ledger_csv_escapes_commas_quotes_newlines_and_formulas() {
    let mut sheet = sample();
    let t = &mut sheet["treatments"][0];
    t["phases"][0]["name"] = json!("Infusion, \"induction\" week 1–2");
    t["packages"][0]["phase"] = t["phases"][0]["name"].clone();
    t["fees"][0]["name"] = json!("=HYPERLINK(\"http://x\")");
    t["fees"][1]["name"] = json!("-monitoring, per visit");
    let mut input = self_pay("iv-ketamine");
    input["number"] = json!("Q-7, \"rush\"");
    let mut q = quote_of(&sheet, &input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.number, "Q-7, \"rush\"");
    // A sheet or an input can no longer carry a line break (a control
    // character), but the writer still quotes one.
    q.number.push_str("\nline 2");
    let csv = q.csv();
    let rows = read_csv(&csv);
    assert_eq!(rows[0][..4], ["quote", "date", "kind", "name"]);
    assert_eq!(rows.len(), q.estimate.lines.len() + 1);
    for (row, line) in rows[1..].iter().zip(&q.estimate.lines) {
        assert_eq!(row.len(), rows[0].len());
        assert_eq!(row[0], "Q-7, \"rush\"\nline 2");
        assert_eq!(row[1], line.date.to_string());
        let name = if line.name.starts_with(['=', '-']) {
            format!("'{}", line.name)
        } else {
            line.name.to_string()
        };
        assert_eq!(row[3], name);
        assert_eq!(row[4], line.phase.as_deref().unwrap_or_default());
        assert_eq!(row[6], line.quantity.to_string());
        assert_eq!(row[8], if line.covered { "yes" } else { "no" });
        assert_eq!(row[12], line.charge.decimal(2));
        assert_eq!(row[13], line.adjustment.decimal(2));
        assert_eq!(row[16], line.patient_pays.decimal(2));
    }
    assert!(
        rows.iter()
            .any(|r| r[4] == "Infusion, \"induction\" week 1–2")
    );
    assert!(rows.iter().any(|r| r[3] == "'=HYPERLINK(\"http://x\")"));
    assert!(rows.iter().any(|r| r[3] == "'-monitoring, per visit"));
    // Amounts are exact decimals of the ledger.
    let total: i64 = rows[1..]
        .iter()
        .map(|r| r[12].replace('.', "").parse::<i64>().unwrap_or(-1))
        .sum();
    assert_eq!(total, q.estimate.totals.charge.minor());
}

/// Every character a formula may start with (docs/clinics.md, the CSV export).
const FORMULA_STARTS: [char; 13] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}',
    '\u{FE63}', '\u{FE6B}', '\u{2212}',
];

/// Every kind of leading blank a spreadsheet (or a reader) may look past:
/// spaces and other white space, no-break spaces, controls, zero-width and
/// bidi format characters, the byte-order mark, variation selectors, tags.
const LEADING_BLANKS: [&str; 43] = [
    "",
    " ",
    "   ",
    "\u{00A0}",
    "\u{202F}",
    "\u{2007}",
    "\u{2002}",
    "\u{3000}",
    "\u{1680}",
    "\u{0085}",
    "\u{2028}",
    "\u{2029}",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\u{0B}",
    "\u{0C}",
    "\u{00}",
    "\u{1B}",
    "\u{7F}",
    "\u{9F}",
    "\u{00AD}",
    "\u{061C}",
    "\u{180E}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2060}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{FEFF}",
    "\u{FE0F}",
    "\u{E0001}",
];

#[test]
fn a_csv_cell_whose_first_visible_character_starts_a_formula_gets_a_leading_quote() {
    let mut q = quote_of(&sample(), &self_pay("iv-ketamine")).unwrap_or_else(|e| panic!("{e}"));
    let mut cell = |text: &str| {
        q.number = text.to_string();
        let rows = read_csv(&q.csv());
        assert!(rows.len() > 1);
        for row in &rows[1..] {
            assert_eq!(row.len(), rows[0].len(), "{text:?}");
            assert_eq!(row[0], rows[1][0], "{text:?}");
        }
        rows[1][0].clone()
    };
    for start in FORMULA_STARTS {
        for blank in LEADING_BLANKS {
            for rest in ["", "SUM(A1:A9)", "cmd|' /C calc'!A0", "1+1, \"x\""] {
                let text = format!("{blank}{start}{rest}");
                assert_eq!(cell(&text), format!("'{text}"), "{text:?}");
            }
            // Blanks before blanks before the formula character.
            let text = format!("{blank} \u{200B}\u{00A0}{blank}{start}1");
            assert_eq!(cell(&text), format!("'{text}"), "{text:?}");
        }
    }
    // Text whose first visible character starts no formula is left alone
    // (only a leading tab or carriage return is guarded whatever follows).
    for blank in LEADING_BLANKS {
        let guarded = blank.starts_with(['\t', '\r']);
        for rest in ["Consultation", "1+1", "'=1", "#REF", "(=1)", "\u{FF08}=1"] {
            let text = format!("{blank}{rest}");
            let expected = if guarded {
                format!("'{text}")
            } else {
                text.clone()
            };
            assert_eq!(cell(&text), expected, "{text:?}");
        }
    }
    // All the way from the sheet: a fee's name behind a byte-order mark.
    let mut sheet = sample();
    sheet["treatments"][0]["fees"][0]["name"] = json!("\u{FEFF}\u{00A0}＝HYPERLINK(\"http://x\")");
    let q = quote_of(&sheet, &self_pay("iv-ketamine")).unwrap_or_else(|e| panic!("{e}"));
    let rows = read_csv(&q.csv());
    assert!(
        rows.iter()
            .any(|r| r[3] == "'\u{FEFF}\u{00A0}＝HYPERLINK(\"http://x\")"),
        "{rows:?}"
    );
}

#[test]
fn a_patients_name_is_neither_blank_nor_holds_control_characters() {
    for name in [
        " ",
        "   ",
        "\u{00A0}",
        "\u{3000}",
        "\t",
        "\n",
        "\u{200B}",
        "\u{FEFF}",
        " \u{200D} ",
    ] {
        let mut input = self_pay("iv-ketamine");
        input["patient"]["name"] = json!(name);
        let found = problems(quote_of(&sample(), &input));
        assert_eq!(found.len(), 1, "{name:?}: {found:#?}");
        assert!(
            has(&found, ErrorCode::InvalidValue, "input.patient.name"),
            "{name:?}: {found:#?}"
        );
        assert!(found[0].message.contains("blank"), "{found:#?}");
    }
    for name in [
        "Ana\nPérez",
        "Ana\tPérez",
        "Ana Pérez\r",
        "\u{0}Ana",
        "Ana\u{7}",
        "Ana\u{1B}[31m",
        "Ana\u{85}",
        "Ana\u{9B}",
    ] {
        let mut input = self_pay("iv-ketamine");
        input["patient"]["name"] = json!(name);
        let found = problems(quote_of(&sample(), &input));
        assert!(
            has(&found, ErrorCode::InvalidValue, "input.patient.name"),
            "{name:?}: {found:#?}"
        );
        assert!(found[0].message.contains("control"), "{found:#?}");
    }
    // Letters from any script, apostrophes, hyphens and inner spaces are fine;
    // so is a name with a zero-width joiner inside it.
    for name in [
        "Ana Pérez",
        "Zoë O'Brien-Smith",
        "李 小龙",
        "محمد",
        "A",
        "Ana\u{200D}Pérez",
    ] {
        let mut input = self_pay("iv-ketamine");
        input["patient"]["name"] = json!(name);
        let q = quote_of(&sample(), &input).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(q.patient.map(|p| p.name).as_deref(), Some(name));
    }
}

/// The default quote number: two patients quoted the same day for the same
/// treatment get different numbers (the old `Q-YYYYMMDD-<treatment>` was
/// the same for every patient that day); the same input on the same sheet
/// gets the same number every time; a number the input gives is kept.
#[test]
fn default_quote_numbers_are_unique_per_quote_and_repeatable() {
    let sheet = sample();
    let number = |input: &Value| {
        quote_of(&sheet, input)
            .unwrap_or_else(|e| panic!("{e}"))
            .number
    };
    let ana = self_pay("iv-ketamine");
    let mut ben = ana.clone();
    ben["patient"] = json!({ "name": "Ben Okafor", "birthDate": "1971-06-02" });
    let mut later = ana.clone();
    later["start"] = json!("2026-12-14");
    let mut no_patient = ana.clone();
    no_patient.as_object_mut().map(|o| o.remove("patient"));
    let numbers = [
        number(&ana),
        number(&ben),
        number(&later),
        number(&no_patient),
    ];
    for n in &numbers {
        assert!(n.starts_with("Q-20261121-iv-ketamine-"), "{n}");
    }
    for (i, a) in numbers.iter().enumerate() {
        for b in &numbers[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(number(&ana), numbers[0]);
    assert_eq!(number(&ana.clone()), number(&self_pay("iv-ketamine")));
    // The same quote written another way (the treatment's own horizon
    // given, as the staff view does) is the same quote: the same number.
    let mut explicit = ana.clone();
    explicit["horizon"] = sheet["treatments"][0]["horizon"].clone();
    assert_eq!(number(&explicit), numbers[0]);
    // Another price on the sheet is another quote.
    let mut dearer = sheet.clone();
    dearer["treatments"][0]["fees"][0]["amount"] = json!(36000);
    let dear = quote_of(&dearer, &ana).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(dear.number, numbers[0]);
    // The GFE carries the quote's number.
    let (parsed, input) =
        parse_quote(&sheet.to_string(), &ana.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let gfe = good_faith_estimate(&parsed, &input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gfe.number, numbers[0]);
    let mut given = ana.clone();
    given["number"] = json!("Q-7");
    assert_eq!(number(&given), "Q-7");
}

/// `value` with the field at `path` (`treatments[0].phases[1].name`) set.
fn with_field(value: &Value, path: &str, to: Value) -> Value {
    let pointer: String = path
        .split('.')
        .flat_map(|part| part.split('['))
        .map(|key| format!("/{}", key.trim_end_matches(']')))
        .collect();
    let mut out = value.clone();
    *out.pointer_mut(&pointer)
        .unwrap_or_else(|| panic!("no field at {path}")) = to;
    out
}

/// Names and texts that show nothing or hold a control character: white
/// space alone, zero-width and bidi characters alone (an override, an
/// isolate pair), a byte-order mark behind a no-break space, and NUL, BEL,
/// ESC, a tab and a line break inside a real name.
const UNPRINTABLE: [&str; 10] = [
    "   ",
    "\u{200B}",
    "\u{202E}",
    "\u{2066}\u{2069}",
    "\u{00A0}\u{FEFF}",
    "Ana\u{0000}",
    "Ana\u{0007}",
    "\u{001B}[31mAna",
    "Ana\tPérez",
    "Ana\nPérez",
];

/// Every name and text a price sheet carries: the clinic's, its address's
/// and phone's, a co-provider's, a payer's and its rates', a treatment's,
/// its phases', fees', packages', discounts', the dear-end course's, and
/// the provider a fee names.
const SHEET_TEXTS: [&str; 25] = [
    "name",
    "phone",
    "address.street",
    "address.city",
    "address.state",
    "address.postalCode",
    "providers[0].id",
    "providers[0].name",
    "providers[0].address.city",
    "providers[0].phone",
    "payers[0].id",
    "payers[0].name",
    "payers[0].allowed[0].treatment",
    "payers[0].allowed[0].phase",
    "treatments[0].id",
    "treatments[0].name",
    "treatments[0].description",
    "treatments[0].scheduledSeparately[0]",
    "treatments[0].phases[0].name",
    "treatments[0].fees[0].name",
    "treatments[0].packages[0].name",
    "treatments[0].discounts[0].name",
    "treatments[0].high.phases[0].name",
    "treatments[0].high.discounts[0].name",
    "treatments[3].fees[1].provider",
];

#[test]
fn every_name_and_text_of_a_sheet_must_show_something_and_hold_no_control_character() {
    let sheet = sample();
    for path in SHEET_TEXTS {
        for bad in UNPRINTABLE {
            let broken = with_field(&sheet, path, json!(bad));
            let found = problems(parse_clinic(&broken.to_string()));
            assert!(
                has(&found, ErrorCode::InvalidValue, path),
                "{path} = {bad:?}: {found:?}"
            );
            // The same problem under `clinic.` when quoting from it.
            let found = problems(quote_of(&broken, &self_pay("tms")));
            assert!(
                has(&found, ErrorCode::InvalidValue, &format!("clinic.{path}")),
                "{path} = {bad:?}: {found:?}"
            );
        }
    }
    // Letters of any script, inner spaces, a joiner between letters and a
    // right-to-left name are names.
    for good in [
        "Clínica Ñandú",
        "مركز الكيتامين",
        "O'Brien-Smith",
        "क्‍ष",
        "\u{202B}Ana\u{202C}",
    ] {
        let sheet = with_field(&sheet, "name", json!(good));
        assert_eq!(
            parse_clinic(&sheet.to_string()).map(|s| s.provider.name),
            Ok(good.to_string())
        );
    }
}

#[test]
fn every_name_and_text_of_a_quote_input_must_show_something_and_hold_no_control_character() {
    let sheet = sample();
    let mut input = self_pay("tms");
    input["number"] = json!("Q-1");
    input["assistance"] = json!([{ "name": "Card", "patientPaysAtMost": 1000 }]);
    for path in ["treatment", "number", "patient.name", "assistance[0].name"] {
        for bad in UNPRINTABLE {
            let broken = with_field(&input, path, json!(bad));
            let found = problems(quote_of(&sheet, &broken));
            assert!(
                has(&found, ErrorCode::InvalidValue, &format!("input.{path}")),
                "{path} = {bad:?}: {found:?}"
            );
        }
    }
    let mut insured = self_pay("esketamine");
    insured["payment"] = json!("insured");
    insured["coverage"] = json!({ "coinsurance": 20 });
    insured["payer"] = json!("\u{200D}");
    let found = problems(quote_of(&sheet, &insured));
    assert!(
        has(&found, ErrorCode::InvalidValue, "input.payer"),
        "{found:?}"
    );
}

#[test]
fn billing_codes_on_a_sheet_are_cpt_or_hcpcs_shaped_and_diagnosis_codes_icd_10_cm_shaped() {
    let sheet = sample();
    // Refused at the field: too short or long, a letter after W, lower
    // case, a letter other than F, T or U after four digits, a modifier,
    // blanks and controls, the catalogue's free-text codes.
    for path in [
        "treatments[0].phases[0].code",
        "treatments[0].fees[0].code",
        "treatments[0].high.phases[1].code",
        "treatments[1].phases[2].code",
    ] {
        for bad in [
            "9636",
            "963655",
            "W1234",
            "g2082",
            "0019X",
            "96365-59",
            " ",
            "9636\t",
            "PK6",
            "NDC 50458-028-02",
        ] {
            let found = problems(parse_clinic(
                &with_field(&sheet, path, json!(bad)).to_string(),
            ));
            assert!(
                has(&found, ErrorCode::InvalidValue, path),
                "{path} = {bad:?}: {found:?}"
            );
        }
    }
    let sheet = with_field(
        &sheet,
        "treatments[0].packages[0]",
        json!({
            "name": "Induction package", "phase": "Induction infusions", "sessions": 6, "price": 275000, "code": "ABCDE"
        }),
    );
    let found = problems(parse_clinic(&sheet.to_string()));
    assert!(
        has(
            &found,
            ErrorCode::InvalidValue,
            "treatments[0].packages[0].code"
        ),
        "{found:?}"
    );
    // Diagnosis codes: ICD-10-CM's shape, on the sheet and in the input.
    let sheet = sample();
    for bad in [
        "F332",
        "f33.2",
        "F33.",
        "F33.12345",
        "3F3.2",
        "F33.2 ",
        "",
        "\u{200B}",
        "any text",
    ] {
        let broken = with_field(&sheet, "treatments[0].diagnosisCodes[0]", json!(bad));
        let found = problems(parse_clinic(&broken.to_string()));
        assert!(
            has(
                &found,
                ErrorCode::InvalidValue,
                "treatments[0].diagnosisCodes[0]"
            ),
            "{bad:?}: {found:?}"
        );
        let mut input = self_pay("tms");
        input["diagnosisCodes"] = json!(["F33.2", bad]);
        let found = problems(quote_of(&sample(), &input));
        assert!(
            has(&found, ErrorCode::InvalidValue, "input.diagnosisCodes[1]"),
            "{bad:?}: {found:?}"
        );
    }
    // What is shaped right is kept: CPT Category I, II and III, HCPCS Level
    // II; ICD-10-CM with and without its dot, letters after the dot.
    let mut sheet = sample();
    sheet["treatments"][0]["phases"][0]["code"] = json!("0019T");
    sheet["treatments"][0]["fees"][0]["code"] = json!("J0013");
    sheet["treatments"][0]["diagnosisCodes"] = json!(["F32.A", "F33", "F32.9", "Z00.00"]);
    let parsed = parse_clinic(&sheet.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        parsed.treatments[0].diagnosis_codes,
        ["F32.A", "F33", "F32.9", "Z00.00"]
    );
    // A plan's codes are still free text (the catalogue's "PK6").
    let plan = json!({ "start": "2026-01-05", "phases": [{ "name": "x", "every": { "weeks": 1 }, "sessions": 1, "price": 1, "code": "PK6" }] });
    assert!(estimate_json(&plan.to_string()).is_ok());
}
