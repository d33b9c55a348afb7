//! Prints the built-in catalogue as the README shows it: `cargo run --example
//! catalogue [start]` prints the table of what one session costs in all and
//! of 12-month totals (self-pay and with each example of insurance), then
//! every entry with its assumptions and sources, then the examples of
//! insurance. `tests/presets.rs` checks that
//! the README holds exactly this text.

use coursecost::{
    Citation, CoverageExample, Date, PlanOptions, Preset, Totals, coverage_examples,
    decode_options, estimate, presets, range,
};

fn dollars(minor: i64) -> String {
    let d = minor / 100;
    let mut s = d.to_string();
    let mut i = s.len() as i64 - 3;
    while i > 0 {
        s.insert(i as usize, ',');
        i -= 3;
    }
    format!("${s}")
}

/// Options that put an example's insurance on every plan.
fn insured(example: &CoverageExample) -> PlanOptions {
    let coverage = serde_json::to_value(&example.coverage).expect("coverage serialises");
    decode_options(Some(&serde_json::json!({ "coverage": coverage })))
        .unwrap_or_else(|e| panic!("{} does not decode back: {e}", example.id))
}

/// Low / typical / high patient totals.
fn cell(totals: [&Totals; 3]) -> String {
    totals.map(|t| dollars(t.patient_pays.minor())).join(" / ")
}

/// The README's table: sessions, what one typical session costs in all,
/// and 12-month patient totals, low / typical / high, self-pay and with
/// each example of insurance, for every preset starting on `start`.
pub fn table(start: Date) -> String {
    let examples = coverage_examples().expect("the catalogue decodes");
    let mut out =
        String::from("| id | treatment | sessions | one session, in all | 12 months self-pay |");
    let mut rule = String::from("|---|---|---|---|---|");
    for x in &examples {
        out += &format!(" {} |", x.name);
        rule += "---|";
    }
    out += &format!("\n{rule}\n");
    for p in presets(start).expect("the catalogue moves to the start") {
        let [low, typical, high] = [&p.low, &p.plan, &p.high].map(|plan| estimate(plan).totals);
        let session = p
            .session_cost
            .as_ref()
            .map_or_else(|| "—".to_string(), |c| cents(c.amount.minor()));
        out += &format!(
            "| `{}` | {} | {} / {} / {} | {} | {} |",
            p.id,
            p.name,
            low.sessions,
            typical.sessions,
            high.sessions,
            session,
            cell([&low, &typical, &high]),
        );
        for x in &examples {
            let r = range(&p, &insured(x)).expect("every example fits every preset");
            out += &format!(" {} |", cell([&r.low, &r.typical, &r.high]));
        }
        out += "\n";
    }
    out
}

/// Money with its cents when it has any: `$1,595.03`, `$300`.
fn cents(minor: i64) -> String {
    match minor % 100 {
        0 => dollars(minor),
        c => format!("{}.{c:02}", dollars(minor)),
    }
}

fn sources(list: &[Citation]) -> String {
    list.iter()
        .map(|s| format!("[{}]({})", s.title, s.url))
        .collect::<Vec<_>>()
        .join("; ")
}

fn entry(p: &Preset) -> String {
    let mut out = format!(
        "**{}** (`{}`, reviewed {}). {}\n\n",
        p.name, p.id, p.reviewed, p.summary
    );
    for a in &p.assumptions {
        out += &format!("- {a}\n");
    }
    out += &format!("- Sources: {}.\n", sources(&p.sources));
    out
}

/// The README's entries: every preset with its summary, assumptions and
/// sources, then the examples of insurance.
pub fn entries(start: Date) -> String {
    let mut out = String::new();
    for p in presets(start).expect("the catalogue moves to the start") {
        out += &entry(&p);
        out += "\n";
    }
    out +=
        "**Examples of insurance** (`coverageExamples()`), each an ordinary `coverage` object:\n\n";
    for e in coverage_examples().expect("the catalogue decodes") {
        out += &format!(
            "- **{}** (`{}`). {} Sources: {}.\n",
            e.name,
            e.id,
            e.summary,
            sources(&e.sources)
        );
    }
    out
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2026-01-05".into());
    let start = Date::parse(&start).ok_or("start must be YYYY-MM-DD")?;
    print!("{}\n{}", table(start), entries(start));
    Ok(())
}
