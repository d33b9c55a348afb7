//! Estimates the largest valid plan a few times: a target for profilers
//! (`perf record cargo run --release --example largest`); with the argument
//! `v3`, the largest plan with every contract version 3 feature on.
#[path = "../tests/common/bounds.rs"]
mod bounds;

fn main() {
    let text = match std::env::args().nth(1).as_deref() {
        Some("v3") => bounds::largest_valid_v3_plan(),
        _ => bounds::largest_valid_plan(),
    };
    let plan = coursecost::parse_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = 0;
    for _ in 0..5 {
        lines += coursecost::estimate(&plan).lines.len();
    }
    println!("{lines} lines");
}
