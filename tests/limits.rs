//! Every bound is defined once, in `src/limits.rs` ([`TABLE`]), and the
//! places that repeat one are held to it:
//!
//! - the reference's table (`docs/limits.md`, between its `limits:begin` and
//!   `limits:end` lines) is generated from the table: this test fails when
//!   they differ, and `UPDATE_DOCS=1 cargo test --test limits` rewrites it;
//! - every bound of the price sheet's JSON Schema that stands for a limit
//!   equals the constant, and every other bound in it is accounted for.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use coursecost::limits::{Limit, MAX_YEAR, MIN_YEAR, TABLE};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether the generated files are to be rewritten rather than checked.
fn updating() -> bool {
    std::env::var("UPDATE_DOCS").is_ok_and(|v| v == "1")
}

/// Checks that `path` holds `expected`, or writes it under `UPDATE_DOCS=1`.
fn generated(path: &Path, expected: &str) {
    let actual = read(path);
    if actual == expected {
        return;
    }
    if updating() {
        fs::write(path, expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let line = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    panic!(
        "{} is out of date with src/limits.rs (first difference at line {}); \
         run `UPDATE_DOCS=1 cargo test --test limits` and commit the result",
        path.display(),
        line + 1
    );
}

fn limit(name: &str) -> &'static Limit {
    TABLE
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("{name} is not in limits::TABLE"))
}

// ---------------------------------------------------------------------------
// The reference's table

/// `10000000000` → `10,000,000,000`; numbers below 10,000 as they are.
fn thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    if value.unsigned_abs() < 10_000 {
        return value.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0 { format!("-{out}") } else { out }
}

fn markdown_table() -> String {
    let mut out = String::from("| limit | value | what it bounds |\n|---|---:|---|\n");
    for l in TABLE {
        let bounds = l.bounds.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {} | {bounds} |\n",
            l.name,
            thousands(l.value)
        ));
    }
    out
}

const BEGIN: &str = "<!-- limits:begin -->\n";
const END: &str = "<!-- limits:end -->";

#[test]
fn the_reference_table_is_generated_from_the_limits() {
    let path = root().join("docs/limits.md");
    let text = read(&path);
    let start = text
        .find(BEGIN)
        .unwrap_or_else(|| panic!("docs/limits.md has no line {BEGIN:?}"))
        + BEGIN.len();
    let end = start
        + text[start..]
            .find(END)
            .unwrap_or_else(|| panic!("docs/limits.md has no line {END:?} after the begin line"));
    let expected = format!("{}{}{}", &text[..start], markdown_table(), &text[end..]);
    generated(&path, &expected);
}

#[test]
fn thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(2199), "2199");
    assert_eq!(thousands(9999), "9999");
    assert_eq!(thousands(10_000), "10,000");
    assert_eq!(thousands(123_456), "123,456");
    assert_eq!(thousands(10_000_000_000), "10,000,000,000");
    assert_eq!(thousands(-1_000_000), "-1,000,000");
}

#[test]
fn every_limit_is_in_the_table_once() {
    let names: BTreeSet<&str> = TABLE.iter().map(|l| l.name).collect();
    assert_eq!(names.len(), TABLE.len(), "a limit is listed twice");
    let source = read(&root().join("src/limits.rs"));
    let defined: BTreeSet<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("pub const "))
        .filter_map(|l| l.split(':').next())
        .filter(|name| *name != "TABLE")
        .collect();
    assert_eq!(defined, names, "every constant of src/limits.rs has a row");
}

// ---------------------------------------------------------------------------
// The price sheet's JSON Schema

/// Schema bounds that stand for a limit: JSON pointer → constant.
const SCHEMA_LIMITS: &[(&str, &str)] = &[
    ("/properties/name/maxLength", "MAX_NAME_CHARS"),
    (
        "/properties/address/properties/street/maxLength",
        "MAX_STREET_CHARS",
    ),
    (
        "/properties/address/properties/city/maxLength",
        "MAX_NAME_CHARS",
    ),
    (
        "/properties/address/properties/state/maxLength",
        "MAX_NAME_CHARS",
    ),
    (
        "/properties/address/properties/postalCode/maxLength",
        "MAX_POSTAL_CODE_CHARS",
    ),
    ("/properties/phone/maxLength", "MAX_PHONE_CHARS"),
    ("/properties/holidays/maxItems", "MAX_CLOSED_DATES"),
    ("/properties/quoteValidDays/maximum", "MAX_VALID_DAYS"),
    ("/properties/treatments/maxItems", "MAX_TREATMENTS"),
    ("/$defs/name/maxLength", "MAX_NAME_CHARS"),
    ("/$defs/code/maxLength", "MAX_CODE_CHARS"),
    ("/$defs/amount/maximum", "MAX_AMOUNT"),
    (
        "/$defs/interval/properties/days/maximum",
        "MAX_INTERVAL_DAYS",
    ),
    (
        "/$defs/interval/properties/weeks/maximum",
        "MAX_INTERVAL_WEEKS",
    ),
    (
        "/$defs/interval/properties/months/maximum",
        "MAX_INTERVAL_MONTHS",
    ),
    ("/$defs/treatment/properties/id/maxLength", "MAX_NAME_CHARS"),
    (
        "/$defs/treatment/properties/name/maxLength",
        "MAX_NAME_CHARS",
    ),
    (
        "/$defs/treatment/properties/description/maxLength",
        "MAX_TEXT_CHARS",
    ),
    (
        "/$defs/treatment/properties/diagnosisCodes/maxItems",
        "MAX_DIAGNOSIS_CODES",
    ),
    (
        "/$defs/treatment/properties/diagnosisCodes/items/maxLength",
        "MAX_CODE_CHARS",
    ),
    (
        "/$defs/treatment/properties/scheduledSeparately/maxItems",
        "MAX_SEPARATE_ITEMS",
    ),
    (
        "/$defs/treatment/properties/scheduledSeparately/items/maxLength",
        "MAX_TEXT_CHARS",
    ),
    (
        "/$defs/treatment/properties/horizon/properties/months/maximum",
        "MAX_HORIZON_MONTHS",
    ),
    (
        "/$defs/treatment/properties/horizon/properties/weeks/maximum",
        "MAX_HORIZON_WEEKS",
    ),
    ("/$defs/treatment/properties/phases/maxItems", "MAX_PHASES"),
    ("/$defs/treatment/properties/fees/maxItems", "MAX_FEES"),
    (
        "/$defs/treatment/properties/packages/maxItems",
        "MAX_PACKAGES",
    ),
    (
        "/$defs/treatment/properties/discounts/maxItems",
        "MAX_DISCOUNTS",
    ),
    ("/$defs/phase/properties/sessions/maximum", "MAX_SESSIONS"),
    ("/$defs/phase/properties/weeks/maximum", "MAX_PHASE_WEEKS"),
    ("/$defs/package/properties/sessions/maximum", "MAX_SESSIONS"),
];

/// Upper bounds in the schema that are not limits, with their value and why.
const SCHEMA_OTHER_BOUNDS: &[(&str, i64, &str)] = &[
    (
        "/properties/closedWeekdays/maxItems",
        6,
        "a clinic is open on at least one weekday",
    ),
    ("/$defs/percent/maximum", 100, "a percentage"),
    (
        "/$defs/discount/properties/percent/maximum",
        100,
        "a percentage",
    ),
];

const UPPER: &[&str] = &["maxItems", "maxLength", "maximum", "exclusiveMaximum"];
const LOWER: &[&str] = &["minItems", "minLength", "minimum", "exclusiveMinimum"];

/// Every numeric bound keyword in `schema`: (JSON pointer, value).
fn bounds(schema: &Value, pointer: &str, out: &mut Vec<(String, Value)>) {
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                let at = format!("{pointer}/{}", escape(key));
                if (UPPER.contains(&key.as_str()) || LOWER.contains(&key.as_str()))
                    && value.is_number()
                {
                    out.push((at, value.clone()));
                } else if !matches!(key.as_str(), "enum" | "const" | "default" | "examples") {
                    bounds(value, &at, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                bounds(item, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn schema() -> Value {
    let text = read(&root().join("schema/clinic.schema.json"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema/clinic.schema.json: {e}"))
}

#[test]
fn the_price_sheet_schema_states_the_engines_limits() {
    let schema = schema();
    let mut found = Vec::new();
    bounds(&schema, "", &mut found);
    let mut wrong = Vec::new();

    // Each limit the schema should state, at its place, with its value.
    for (pointer, name) in SCHEMA_LIMITS {
        let l = limit(name);
        match schema.pointer(pointer) {
            Some(v) if v.as_i64() == Some(l.value) => {}
            Some(v) => wrong.push(format!("{pointer} is {v}, but {name} is {}", l.value)),
            None => wrong.push(format!(
                "{pointer} is missing; it should be {name} ({})",
                l.value
            )),
        }
    }
    // Every other bound is accounted for: a named non-limit, or a floor of
    // 0 or 1 (the contract's "at least 0" and "at least 1").
    for (pointer, value) in &found {
        let keyword = pointer.rsplit('/').next().unwrap_or_default();
        if SCHEMA_LIMITS.iter().any(|(p, _)| p == pointer) {
            continue;
        }
        if let Some((_, expected, why)) = SCHEMA_OTHER_BOUNDS.iter().find(|(p, ..)| p == pointer) {
            if value.as_i64() != Some(*expected) {
                wrong.push(format!("{pointer} is {value}, expected {expected} ({why})"));
            }
            continue;
        }
        if LOWER.contains(&keyword) {
            if !matches!(value.as_i64(), Some(0 | 1)) {
                wrong.push(format!(
                    "{pointer} is {value}: a floor other than 0 or 1 is not in the contract"
                ));
            }
            continue;
        }
        let same: Vec<&str> = TABLE
            .iter()
            .filter(|l| value.as_i64() == Some(l.value))
            .map(|l| l.name)
            .collect();
        wrong.push(format!(
            "{pointer} is {value}, a bound this test does not know{}: add it to SCHEMA_LIMITS \
             (or SCHEMA_OTHER_BOUNDS if it is not one of the engine's limits)",
            if same.is_empty() {
                String::new()
            } else {
                format!(" (it equals {})", same.join(", "))
            }
        ));
    }
    for (pointer, _, _) in SCHEMA_OTHER_BOUNDS {
        if schema.pointer(pointer).is_none() {
            wrong.push(format!(
                "{pointer} is listed in SCHEMA_OTHER_BOUNDS but not in the schema"
            ));
        }
    }
    // The date range is stated in words.
    let years = format!("{MIN_YEAR}-{MAX_YEAR}");
    let date = schema
        .pointer("/$defs/date/description")
        .and_then(Value::as_str);
    if !date.is_some_and(|d| d.contains(&years)) {
        wrong.push(format!(
            "/$defs/date/description should give the years {years}: {date:?}"
        ));
    }
    assert!(
        wrong.is_empty(),
        "schema/clinic.schema.json:\n  {}",
        wrong.join("\n  ")
    );
}
