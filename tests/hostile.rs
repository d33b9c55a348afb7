//! Hostile input the JSON text cannot express, and the cost of bad input:
//! values that cannot be read or answer differently on each read (as a
//! JavaScript Proxy or getter can; the wasm bindings see them through the
//! same `Source` trait as the sources here), and the work done for an input
//! with far more problems than are reported.

use std::borrow::Cow;
use std::cell::Cell;
use std::time::{Duration, Instant};

use coursecost::source::{Kind, Number, Source, Unreadable};
use coursecost::{Error, ErrorCode, decode_clinic, decode_plan, decode_quote};
use serde_json::{Map, Value, json};

const SHEET: &str = include_str!("../www/staff/clinic.sample.json");

fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("tests/golden/{name}.plan.json"))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every golden plan: between them, every field of the contract.
fn golden_plans() -> Vec<Value> {
    let mut names: Vec<String> = std::fs::read_dir("tests/golden")
        .map(|dir| {
            dir.filter_map(|f| f.ok()?.file_name().into_string().ok())
                .filter_map(|f| f.strip_suffix(".plan.json").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    names.iter().map(|name| golden(name)).collect()
}

fn quote_input() -> Value {
    json!({
        "treatment": "tms", "start": "2027-01-04", "date": "2026-11-21", "payment": "self-pay",
        "patient": { "name": "Ana Pérez", "birthDate": "1958-03-14" },
        "assistance": [{ "name": "Card", "patientPaysAtMost": 1000, "annualMax": 500000 }]
    })
}

/// What a path of a test source does when it is read.
#[derive(Clone, Copy)]
enum Trick {
    /// Reading it throws: a getter that throws, a revoked Proxy.
    Unreadable,
    /// Its keys cannot be listed (an `ownKeys` trap throws).
    NoKeys,
    /// Its length cannot be read (a `get` trap for `length` throws).
    NoLength,
    /// Read number `n` (from 0) gives the value when `f(n)`, else `alt`.
    Flips(fn(u32) -> bool, Alt),
}

/// What a flipping value gives instead of itself.
#[derive(Clone, Copy, Debug)]
enum Alt {
    Absent,
    Null,
    Number,
    Text,
    Object,
    List,
}

/// A JSON value with one path (`phases[0].every.weeks`) played false.
#[derive(Clone, Copy)]
struct Tricky<'a> {
    value: Option<&'a Value>,
    path: &'a str,
    at: &'a str,
    trick: Trick,
    reads: &'a Cell<u32>,
    here: Option<Trick>,
}

static NULL: Value = Value::Null;

fn alt(alt: Alt) -> Option<&'static Value> {
    static NUMBER: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| json!(5));
    static TEXT: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| json!("x"));
    static OBJECT: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| json!({}));
    static LIST: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| json!([]));
    match alt {
        Alt::Absent => None,
        Alt::Null => Some(&NULL),
        Alt::Number => Some(&NUMBER),
        Alt::Text => Some(&TEXT),
        Alt::Object => Some(&OBJECT),
        Alt::List => Some(&LIST),
    }
}

impl<'a> Tricky<'a> {
    fn root(value: &'a Value, at: &'a str, trick: Trick, reads: &'a Cell<u32>) -> Tricky<'a> {
        let root = Tricky {
            value: Some(value),
            path: "",
            at,
            trick,
            reads,
            here: None,
        };
        root.child(String::new(), Some(value)).unwrap_or(root)
    }

    /// The child at `path`, played false if it is the chosen one. The
    /// paths are leaked: a test builds a few thousand.
    fn child(&self, path: String, value: Option<&'a Value>) -> Option<Tricky<'a>> {
        let path: &'a str = Box::leak(path.into_boxed_str());
        let mut child = Tricky {
            value,
            path,
            here: None,
            ..*self
        };
        if path != self.at {
            return value.map(|_| child);
        }
        child.here = Some(self.trick);
        match self.trick {
            Trick::Flips(keep, instead) => {
                let n = self.reads.get();
                self.reads.set(n + 1);
                if !keep(n) {
                    child.value = alt(instead);
                }
                child.value.map(|_| child)
            }
            _ => Some(child),
        }
    }

    fn json(&self) -> &'a Value {
        self.value.unwrap_or(&NULL)
    }

    fn unreadable(&self) -> bool {
        matches!(self.here, Some(Trick::Unreadable))
    }
}

impl Source for Tricky<'_> {
    fn kind(&self) -> Kind {
        if self.unreadable() {
            return Kind::Other("a value that could not be read");
        }
        (&self.json()).kind()
    }
    fn as_bool(&self) -> Option<bool> {
        (!self.unreadable()).then(|| self.json().as_bool())?
    }
    fn as_number(&self) -> Option<Number> {
        (!self.unreadable()).then(|| (&self.json()).as_number())?
    }
    fn as_str(&self) -> Option<Cow<'_, str>> {
        (!self.unreadable()).then(|| self.json().as_str().map(Cow::Borrowed))?
    }
    fn length(&self) -> Result<usize, Unreadable> {
        match self.here {
            Some(Trick::Unreadable | Trick::NoLength) => Err(Unreadable),
            _ => (&self.json()).length(),
        }
    }
    fn item(&self, index: usize) -> Option<Self> {
        let value = self.json().as_array()?.get(index);
        self.child(format!("{}[{index}]", self.path), value)
    }
    fn keys(&self, visit: impl FnMut(&str) -> bool) -> Result<(), Unreadable> {
        match self.here {
            Some(Trick::Unreadable | Trick::NoKeys) => Err(Unreadable),
            _ => (&self.json()).keys(visit),
        }
    }
    fn field(&self, key: &str) -> Option<Self> {
        let value = self.json().as_object()?.get(key);
        let path = if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        };
        self.child(path, value)
    }
}

/// Every path in a JSON value, as problems write them.
fn paths(value: &Value, path: &str, out: &mut Vec<String>) {
    let mut push = |p: String, v: &Value| {
        out.push(p.clone());
        paths(v, &p, out);
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                push(
                    if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    },
                    v,
                );
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                push(format!("{path}[{i}]"), v);
            }
        }
        _ => {}
    }
}

/// A refusal says why: at least one problem, and never the catch-all one
/// that stands in for a reader that gave up without saying why.
fn explained(err: &Error, what: &str) {
    assert!(!err.problems().is_empty(), "{what}: no problem");
    for p in err.problems() {
        assert!(
            !p.message.contains("could not be read consistently"),
            "{what}: a reader gave up without a problem: {p:?}"
        );
    }
}

/// The three kinds of input: plans, a price sheet and a quote input (for
/// the sample sheet; its problems are under `input.`).
fn inputs() -> Vec<(&'static str, Value)> {
    let mut all: Vec<_> = golden_plans().into_iter().map(|p| ("plan", p)).collect();
    all.push(("sheet", serde_json::from_str(SHEET).unwrap_or_default()));
    all.push(("input", quote_input()));
    all
}

/// Decodes `value` as the kind of input `name` is, with `at` played false.
fn decode(name: &str, value: &Value, at: &str, trick: Trick) -> Result<(), Error> {
    let reads = Cell::new(0);
    let tricky = Tricky::root(value, at, trick, &reads);
    match name {
        "plan" => decode_plan(tricky).map(drop),
        "sheet" => decode_clinic(tricky).map(drop),
        _ => {
            let sheet: Value = serde_json::from_str(SHEET).unwrap_or_default();
            decode_quote(&sheet, tricky).map(drop)
        }
    }
}

#[test]
fn a_value_that_cannot_be_read_is_refused_at_its_path() {
    for (name, value) in inputs() {
        let mut all = Vec::new();
        paths(&value, "", &mut all);
        assert!(all.len() > 10, "{name}");
        for at in &all {
            let err = decode(name, &value, at, Trick::Unreadable)
                .expect_err(&format!("{name}: {at} unreadable"));
            explained(&err, at);
            let want = if name == "input" {
                format!("input.{at}")
            } else {
                at.clone()
            };
            assert!(
                err.problems()
                    .iter()
                    .any(|p| p.code == ErrorCode::InvalidType && p.path == want),
                "{name}: {at}: {:#?}",
                err.problems()
            );
        }
    }
}

#[test]
fn objects_whose_keys_and_lists_whose_length_cannot_be_read_fail_closed() {
    for (name, value) in inputs() {
        let (mut objects, mut lists) = (Vec::new(), Vec::new());
        let mut all = Vec::new();
        paths(&value, "", &mut all);
        for at in all {
            let mut v = &value;
            for part in at.split('.') {
                let (key, idx) = part
                    .split_once('[')
                    .map_or((part, None), |(k, i)| (k, Some(i)));
                v = &v[key];
                if let Some(i) = idx {
                    v = &v[i.trim_end_matches(']').parse::<usize>().unwrap_or(0)];
                }
            }
            match v {
                Value::Object(_) => objects.push(at),
                Value::Array(_) => lists.push(at),
                _ => {}
            }
        }
        // The input itself too: one whose keys cannot be listed.
        objects.push(String::new());
        for (trick, ats, expected) in [
            (
                Trick::NoKeys,
                &objects,
                "expected an object, found an object whose fields could not be listed",
            ),
            (
                Trick::NoLength,
                &lists,
                "expected a list, found a list whose length could not be read",
            ),
        ] {
            for at in ats {
                let err = decode(name, &value, at, trick).expect_err(at);
                explained(&err, at);
                let want = match name {
                    "input" if at.is_empty() => "input".to_string(),
                    "input" => format!("input.{at}"),
                    _ => at.clone(),
                };
                assert!(
                    err.problems()
                        .iter()
                        .any(|p| p.code == ErrorCode::InvalidType
                            && p.path == want
                            && p.message == expected),
                    "{name}: {at}: {:#?}",
                    err.problems()
                );
            }
        }
    }
}

#[test]
fn a_value_that_changes_between_reads_still_gets_its_problems() {
    let patterns: [fn(u32) -> bool; 5] = [
        |n| n == 0,
        |n| n != 0,
        |n| n % 2 == 0,
        |n| n % 2 == 1,
        |n| n < 2,
    ];
    let alts = [
        Alt::Absent,
        Alt::Null,
        Alt::Number,
        Alt::Text,
        Alt::Object,
        Alt::List,
    ];
    let (mut refused, mut total) = (0, 0);
    for (name, value) in inputs() {
        let mut all = Vec::new();
        paths(&value, "", &mut all);
        for at in &all {
            for keep in patterns {
                for instead in alts {
                    total += 1;
                    if let Err(err) = decode(name, &value, at, Trick::Flips(keep, instead)) {
                        explained(&err, &format!("{name}: {at} flipping to {instead:?}"));
                        refused += 1;
                    }
                }
            }
        }
    }
    eprintln!("{refused} of {total} flipping values refused, each with its problems");
    assert!(refused > 0 && refused < total);
}

/// An object with `n` unknown keys besides a valid plan's own.
fn with_unknown_keys(n: usize) -> Value {
    let mut plan = golden("01-iv-ketamine");
    let object = plan.as_object_mut().map(std::mem::take).unwrap_or_default();
    let mut map = Map::with_capacity(n + object.len());
    map.extend(object);
    for i in 0..n {
        // Short keys, so each would be worth a "did you mean" search.
        map.insert(format!("prce{i:07}"), json!(1));
    }
    Value::Object(map)
}

/// The fastest of a few runs of `f`: the least disturbed by other work on
/// the machine.
fn fastest(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn the_cost_of_bad_input_is_bounded_by_its_size_not_its_problems() {
    let small = with_unknown_keys(1_000);
    let large = with_unknown_keys(100_000);
    let refuse = |v: &Value| {
        let err = decode_plan(v).map(drop).expect_err("unknown keys");
        assert_eq!(err.problems().len(), coursecost::limits::MAX_PROBLEMS);
        assert!(
            err.problems()
                .iter()
                .all(|p| p.code == ErrorCode::UnknownField)
        );
    };
    let t_small = fastest(20, || refuse(&small));
    let t_large = fastest(5, || refuse(&large));
    let per_key_small = t_small.as_secs_f64() / 1_000.0;
    let per_key_large = t_large.as_secs_f64() / 100_000.0;
    let ratio = per_key_large / per_key_small;
    eprintln!(
        "1,000 unknown keys: {t_small:?}; 100,000: {t_large:?}; per key, 100,000 cost {ratio:.3}× what 1,000 cost"
    );
    // Past the first 100 problems a key costs nothing but its look-up: the
    // per-key cost falls as keys are added. (With a message and a
    // suggestion for every key it stayed the same: a ratio near 1.)
    assert!(
        ratio < 0.5,
        "per key, 100,000 unknown keys cost {ratio:.3}× what 1,000 cost"
    );
    assert!(t_large < Duration::from_secs(1), "{t_large:?}");
}
