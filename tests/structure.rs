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

/// A file's module path: `src/decode/plan.rs` → `["decode", "plan"]`,
/// `src/decode/mod.rs` → `["decode"]`, `src/lib.rs` → `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src/");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and string literals, so that a
/// path in a doc comment or a message is not taken for an import.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_str {
                if c == '"' && prev != '\\' {
                    in_str = false;
                }
                prev = if prev == '\\' && c == '\\' { ' ' } else { c };
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_str = true;
                prev = ' ';
                continue;
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Expands a `use` tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or(tree).trim().to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').expect("a closing brace")];
    // Split the inner list at top-level commas.
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| {
            if p == "self" {
                prefix.trim_end_matches("::").to_string()
            } else {
                format!("{prefix}{p}")
            }
        })
        .collect()
}

/// Every path a file names from `crate::` or `super::`: in `use` trees
/// (braces and all) and written inline in its code.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    // `use` statements, which may span lines and nest braces.
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        let tree: String = rest[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        out.extend(expand(&tree));
        rest = &rest[end..];
    }
    // Inline paths: `crate::decode::plan(…)`, `super::catalogue::contents(…)`.
    for root in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(root) {
            let path: String = rest[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path.trim_end_matches(':').to_string());
            rest = &rest[at + root.len()..];
        }
    }
    out.retain(|p| p.starts_with("crate::") || p.starts_with("super::"));
    out
}

/// The module a path names, as the longest prefix that is a module of the
/// crate, read from the file at module path `from`.
fn target(path: &str, from: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments: Vec<String> = Vec::new();
    for (i, seg) in path.split("::").enumerate() {
        match seg {
            "crate" if i == 0 => {}
            "super" => {
                // From `a/b.rs` (["a","b"]) `super` is `a`; from `a/mod.rs` (["a"]) it is the crate.
                if segments.is_empty() && i == 0 {
                    segments = from[..from.len().saturating_sub(1)].to_vec();
                } else {
                    segments.pop();
                }
            }
            s => segments.push(s.to_string()),
        }
    }
    (0..=segments.len())
        .rev()
        .map(|n| segments[..n].to_vec())
        .find(|m| modules.contains(m))
}

/// Every file's module path and the modules it names.
fn files() -> Vec<(Vec<String>, BTreeSet<Vec<String>>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    sources(&src, &mut list);
    let modules: BTreeSet<Vec<String>> = list.iter().map(|f| module_path(&src, f)).collect();
    list.iter()
        .map(|file| {
            let from = module_path(&src, file);
            let code = code_of(&fs::read_to_string(file).expect("readable"));
            let to = paths(&code)
                .iter()
                .filter_map(|p| target(p, &from, &modules))
                .collect();
            (from, to)
        })
        .collect()
}

/// The top-level modules and which others each names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in files() {
        let Some(from) = from.first().cloned() else {
            continue;
        };
        // The bindings sit above everything by design.
        if from == "wasm" {
            continue;
        }
        let deps = graph.entry(from.clone()).or_default();
        for to in to {
            if let Some(to) = to.first().filter(|t| **t != from && *t != "prelude") {
                deps.insert(to.clone());
            }
        }
    }
    graph
}

/// Each folder's files and which of their siblings each names. A folder's
/// `mod.rs` is left out: it declares its files, and the helpers it holds
/// for them are their shared base, not a sibling.
fn sibling_graphs() -> BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> {
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let all = files();
    let folders: BTreeSet<Vec<String>> = all
        .iter()
        .filter(|(m, _)| m.len() > 1)
        .map(|(m, _)| m[..m.len() - 1].to_vec())
        .collect();
    for (from, to) in &all {
        if from.len() < 2 || folders.contains(from) {
            continue;
        }
        let folder = from[..from.len() - 1].to_vec();
        let name = from[from.len() - 1].clone();
        let deps = graphs
            .entry(folder.clone())
            .or_default()
            .entry(name.clone())
            .or_default();
        for t in to {
            if t.len() == from.len() && t[..t.len() - 1] == folder[..] && t[t.len() - 1] != name {
                deps.insert(t[t.len() - 1].clone());
            }
        }
    }
    graphs
}

/// The first cycle in `graph`, as the modules around it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                let mut around = path.clone();
                around.push(next.clone());
                if next == start {
                    return Some(around);
                }
                if seen.insert(next.clone()) {
                    stack.push((next.clone(), around));
                }
            }
        }
    }
    None
}

#[test]
fn use_trees_are_read_whole() {
    // Worked by hand: braces, nesting, `self` and renames.
    assert_eq!(
        expand("crate::{a, b::{c, d as e}, f::{self, g}}"),
        [
            "crate::a",
            "crate::b::c",
            "crate::b::d",
            "crate::f",
            "crate::f::g"
        ]
    );
    let code = code_of(
        "use crate::{x, y::z};\nuse super::{w, v};\nlet n = crate::u::f(); // crate::commented\nlet s = \"crate::quoted\";\n",
    );
    assert_eq!(
        paths(&code),
        // The `use` trees, then the one inline path; the inline scan stops at
        // a brace, and the commented and quoted paths are not code.
        [
            "crate::x",
            "crate::y::z",
            "super::w",
            "super::v",
            "crate::u::f"
        ]
    );
    let modules: BTreeSet<Vec<String>> = [
        vec![],
        vec!["decode".into()],
        vec!["decode".into(), "preset".into()],
        vec!["plan".into()],
    ]
    .into();
    let from = ["decode".to_string(), "catalogue".to_string()];
    assert_eq!(
        target("super::preset::Extras", &from, &modules),
        Some(vec!["decode".into(), "preset".into()])
    );
    assert_eq!(
        target("super::Decoder", &from, &modules),
        Some(vec!["decode".into()])
    );
    assert_eq!(
        target("crate::plan::Fee", &from, &modules),
        Some(vec!["plan".into()])
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert!(cycle(&graph).is_some());
    let one_way: BTreeMap<String, BTreeSet<String>> =
        [("a".to_string(), BTreeSet::from(["b".to_string()]))].into();
    assert_eq!(cycle(&one_way), None);
}

#[test]
fn sibling_files_import_each_other_one_way() {
    let graphs = sibling_graphs();
    assert!(
        graphs.contains_key(&vec!["decode".to_string()]),
        "src/decode/ is read"
    );
    for (folder, graph) in graphs {
        assert_eq!(
            cycle(&graph),
            None,
            "an import cycle inside src/{}/",
            folder.join("/")
        );
    }
}

#[test]
fn modules_import_each_other_one_way() {
    let graph = graph();
    assert!(graph.contains_key("decode") && graph.contains_key("coverage"));
    assert_eq!(
        cycle(&graph),
        None,
        "an import cycle between src/'s modules"
    );
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
