//! The golden examples: every plan in `tests/golden/` must estimate to
//! exactly its `.estimate.json` (same fields, numbers and order), except the
//! free text of warning messages.
//!
//! The stored estimates are regression fixtures: they were written from the
//! engine's own output, so on their own they show that the output has not
//! changed, not that it is right. What makes some of them right is checked
//! elsewhere, by hand:
//!
//! - examples 01, 03 and 13–17 are worked by hand, from their own plan
//!   files, in `tests/golden_worked.rs`;
//! - `tests/scenarios.rs` works by hand the same plans as examples 07 and 08
//!   (07 without its billing code), 01 and 03 with other phase names, and
//!   plans of its own on the rules of 02, 04, 05, 06 and 09 (other dates,
//!   amounts or fields); `tests/scenarios_v2.rs` works the rules of 13–17
//!   on plans of its own.
//!
//! Examples 10, 11 and 12 have no hand-worked counterpart: for them the
//! stored estimate is the only check. A change to any stored estimate must
//! be explained by a change to the contract.
#![cfg(not(target_arch = "wasm32"))] // the file system is native-only

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn pairs() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".plan.json")?
                .to_string();
            let estimate = path.with_file_name(format!("{name}.estimate.json"));
            Some((name, path, estimate))
        })
        .collect();
    out.sort();
    out
}

fn without_warning_messages(mut v: Value) -> Value {
    if let Some(warnings) = v.get_mut("warnings").and_then(Value::as_array_mut) {
        for w in warnings {
            if let Some(obj) = w.as_object_mut() {
                obj.remove("message");
            }
        }
    }
    v
}

#[test]
fn every_golden_example_reproduces_exactly() {
    let pairs = pairs();
    assert!(
        pairs.len() >= 17,
        "expected the 17 golden examples, found {}",
        pairs.len()
    );
    for (name, plan_path, estimate_path) in pairs {
        let plan = fs::read_to_string(&plan_path).expect("plan file");
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(&estimate_path).expect("estimate file"))
                .expect("json");
        let estimate = coursecost::estimate_json(&plan).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = serde_json::to_value(&estimate).expect("serialize");
        // Key order matters to people reading the JSON: compare the text too.
        let actual = without_warning_messages(actual);
        let expected = without_warning_messages(expected);
        assert_eq!(
            serde_json::to_string_pretty(&actual).expect("json"),
            serde_json::to_string_pretty(&expected).expect("json"),
            "{name}"
        );
    }
}

/// The wasm build writes results with `coursecost::json`, not serde_json:
/// for every golden estimate (financing ones with their APRs among them) the
/// two must be the same JSON.
#[test]
fn the_wasm_json_writer_matches_serde_json_on_every_estimate() {
    for (name, plan, _) in pairs() {
        let text = fs::read_to_string(&plan).expect("plan file");
        let estimate = coursecost::estimate_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = coursecost::json::to_string(&estimate).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours: Value = serde_json::from_str(&ours).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            ours,
            serde_json::to_value(&estimate).expect("serde_json"),
            "{name}"
        );
    }
}
