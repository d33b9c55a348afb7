//! The crate's shape: data flows one way between its top-level modules (no
//! import cycles), and no source file grows past 600 lines.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/decode/plan.rs` → `decode`).
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src/");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// `crate::name` references outside comments.
fn references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let from = module(&src, &file);
        // The crate root and the bindings sit above everything by design.
        if from == "lib" || from == "wasm" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable");
        let deps = graph.entry(from.clone()).or_default();
        for to in references(&text) {
            if to != from && to != "prelude" {
                deps.insert(to);
            }
        }
    }
    graph
}

#[test]
fn modules_import_each_other_one_way() {
    let graph = graph();
    assert!(graph.contains_key("decode") && graph.contains_key("coverage"));
    // A cycle exists exactly when a module can reach itself.
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                assert!(next != start, "import cycle: {}", cycle.join(" → "));
                if seen.insert(next.clone()) {
                    stack.push((next.clone(), cycle));
                }
            }
        }
    }
}

#[test]
fn the_pipeline_flows_one_way() {
    let graph = graph();
    let uses = |a: &str, b: &str| graph.get(a).is_some_and(|d| d.contains(b));
    // input → decode → schedule → lines → coverage → assemble → output
    assert!(uses("decode", "plan") && !uses("plan", "decode"));
    assert!(uses("lines", "schedule") && !uses("schedule", "lines"));
    assert!(uses("coverage", "lines") && !uses("lines", "coverage"));
    assert!(uses("assemble", "coverage") && !uses("coverage", "assemble"));
    for builder in ["lines", "coverage", "assemble", "financing"] {
        assert!(!uses("output", builder), "output must not use {builder}");
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for file in files {
        let lines = fs::read_to_string(&file).expect("readable").lines().count();
        assert!(lines <= 600, "{} has {lines} lines", file.display());
    }
}
