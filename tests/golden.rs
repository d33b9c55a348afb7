//! The golden examples: every plan in `tests/golden/` must estimate to
//! exactly its `.estimate.json` (same fields, numbers and order), except the
//! free text of warning messages. These files are the tests' source of truth.
//!
//! The examples are maintained upstream of the engine and copied in when the
//! engine catches up. `make golden-drift EXAMPLES=<folder>` (the test below,
//! with `COURSECOST_EXAMPLES` set) lists every file that differs between
//! that folder and `tests/golden/`; drift is reported, never a failure,
//! since upstream examples change before the engine does.
#![cfg(not(target_arch = "wasm32"))] // proptest and the file system are native-only

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

#[test]
fn report_drift_from_the_upstream_examples() {
    let Some(upstream) = std::env::var_os("COURSECOST_EXAMPLES") else {
        eprintln!("COURSECOST_EXAMPLES is not set; no drift check");
        return;
    };
    let upstream = PathBuf::from(upstream);
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".json"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let (theirs, ours) = (names(&upstream), names(&golden_dir()));
    let mut drift = Vec::new();
    for name in &theirs {
        match fs::read(golden_dir().join(name)) {
            Err(_) => drift.push(format!("new upstream: {name}")),
            Ok(mine) if mine != fs::read(upstream.join(name)).unwrap_or_default() => {
                drift.push(format!("changed upstream: {name}"))
            }
            Ok(_) => {}
        }
    }
    for name in ours.iter().filter(|n| !theirs.contains(n)) {
        drift.push(format!("only in tests/golden: {name}"));
    }
    if drift.is_empty() {
        eprintln!("tests/golden matches {} upstream files", theirs.len());
    } else {
        eprintln!("golden examples drift ({} files):", drift.len());
        for line in &drift {
            eprintln!("  {line}");
        }
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
