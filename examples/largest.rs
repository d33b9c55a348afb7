//! Estimates the largest valid plan a few times: a target for profilers
//! (`perf record cargo run --release --example largest`).
#[path = "../tests/common/bounds.rs"]
mod bounds;

fn main() {
    let text = bounds::largest_valid_plan();
    let plan = coursecost::parse_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = 0;
    for _ in 0..5 {
        lines += coursecost::estimate(&plan).lines.len();
    }
    println!("{lines} lines");
}
