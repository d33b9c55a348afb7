//! Prints the built-in catalogue as a Markdown table of 12-month self-pay
//! totals (the README's table): `cargo run --example catalogue [start]`.

use coursecost::{Date, estimate, presets};

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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2026-01-05".into());
    let start = Date::parse(&start).ok_or("start must be YYYY-MM-DD")?;
    println!(
        "| id | treatment | sessions (low / typical / high) | 12 months self-pay: low – high, typical |"
    );
    println!("|---|---|---|---|");
    for p in presets(start)? {
        let [low, typical, high] = [&p.low, &p.plan, &p.high].map(|plan| estimate(plan).totals);
        println!(
            "| `{}` | {} | {} / {} / {} | {} – {}, typically {} |",
            p.id,
            p.name,
            low.sessions,
            typical.sessions,
            high.sessions,
            dollars(low.patient_pays.minor()),
            dollars(high.patient_pays.minor()),
            dollars(typical.patient_pays.minor()),
        );
    }
    Ok(())
}
