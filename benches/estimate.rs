//! Native timings for BENCHMARKS.md (run by `make bench` through
//! scripts/bench.mjs): std only, warm-up then many timed batches, the median
//! per call. Prints one JSON object per measurement on stdout.
//!
//! Measured per fixture in tests/fixtures/: `estimate` of a decoded plan (the
//! engine's work), `estimate_json` (parse + validate + estimate, what a JSON
//! caller pays) and `validate_json` alone; plus the largest valid plan.

use std::hint::black_box;
use std::time::{Duration, Instant};

use coursecost::{Plan, estimate, estimate_json, parse_plan, validate_json};

/// Median nanoseconds per call of `f`, from batches of about 20 ms each
/// after 200 ms of warm-up.
fn median_ns(mut f: impl FnMut()) -> f64 {
    let warm = Instant::now();
    let mut calls = 0u64;
    while warm.elapsed() < Duration::from_millis(200) {
        f();
        calls += 1;
    }
    let per_batch = (calls / 10).max(1);
    let mut samples: Vec<f64> = (0..31)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed().as_nanos() as f64 / per_batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn report(fixture: &str, what: &str, ns: f64) {
    println!(r#"{{"fixture":"{fixture}","what":"{what}","ns":{ns:.1}}}"#);
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("fixture");
        let plan: Plan = parse_plan(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let fixture = name.trim_end_matches(".json");
        report(
            fixture,
            "estimate",
            median_ns(|| drop(black_box(estimate(black_box(&plan))))),
        );
        report(
            fixture,
            "estimate_json",
            median_ns(|| drop(black_box(estimate_json(black_box(&text))))),
        );
        report(
            fixture,
            "validate_json",
            median_ns(|| drop(black_box(validate_json(black_box(&text))))),
        );
    }
    let largest = coursecost_bounds::largest_valid_plan();
    let plan = parse_plan(&largest).unwrap_or_else(|e| panic!("largest plan: {e}"));
    report(
        "largest-valid",
        "estimate_json",
        median_ns(|| drop(black_box(estimate_json(black_box(&largest))))),
    );
    report(
        "largest-valid",
        "estimate",
        median_ns(|| drop(black_box(estimate(black_box(&plan))))),
    );
    // The same with every contract version 3 feature on.
    let largest = coursecost_bounds::largest_valid_v3_plan();
    let plan = parse_plan(&largest).unwrap_or_else(|e| panic!("largest v3 plan: {e}"));
    report(
        "largest-valid-v3",
        "estimate",
        median_ns(|| drop(black_box(estimate(black_box(&plan))))),
    );
}

#[path = "../tests/common/bounds.rs"]
mod coursecost_bounds;
