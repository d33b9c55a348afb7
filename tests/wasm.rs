//! The JavaScript boundary, run in a real JS engine by wasm-bindgen-test
//! (Node by default; Chromium with WASM_BINDGEN_USE_BROWSER=1):
//! typed errors, unknown fields, undefined/null, floats and unsafe integers,
//! BigInt, throwing getters, and an instance that still answers correctly
//! after a thousand bad calls.
#![cfg(target_arch = "wasm32")]

use coursecost::wasm::{
    compare, estimate, good_faith_estimate, quote, quote_csv, range, validate, validate_clinic,
    version,
};
use js_sys::{Array, Function, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const PLAN: &str = r#"{
    "start": "2026-01-05", "horizon": {"months": 6},
    "clinic": {"closedWeekdays": ["sat", "sun"]},
    "phases": [
        {"name": "Induction", "every": {"weekdays": ["mon", "wed", "fri"]}, "sessions": 6, "price": 50000, "code": "96365"},
        {"name": "Maintenance", "every": {"weeks": 4}, "price": 50000}
    ],
    "fees": [{"name": "Consultation", "amount": 25000, "when": "once"}]
}"#;

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

/// A plan built by JavaScript code, for values JSON cannot express.
fn from_js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return {source};"))
        .call0(&JsValue::NULL)
        .expect("test JS")
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).expect("property")
    })
}

fn number(value: &JsValue, path: &str) -> f64 {
    get(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number"))
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is not a string"))
}

/// The thrown error, its code and path, checking it is a real `Error`.
fn error_of(plan: JsValue) -> (JsValue, String, String) {
    let err = estimate(plan).expect_err("plan should be rejected");
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "a JS Error is thrown"
    );
    let (code, path) = (text(&err, "code"), text(&err, "path"));
    (err, code, path)
}

fn with(edit: &str) -> JsValue {
    from_js(&format!(
        "(() => {{ const p = {PLAN}; {edit}; return p; }})()"
    ))
}

#[wasm_bindgen_test]
fn estimates_a_plan_object() {
    let e = estimate(js(PLAN)).expect("valid plan");
    assert_eq!(number(&e, "totals.patientPays"), 625_000.0);
    assert_eq!(number(&e, "totals.sessions"), 12.0);
    assert_eq!(text(&e, "end"), "2026-07-05");
    let lines: Array = get(&e, "lines").dyn_into().expect("lines array");
    assert_eq!(lines.length(), 13);
    assert_eq!(text(&lines.get(0), "code"), "96365");
    assert!(
        get(&lines.get(1), "code").is_undefined(),
        "absent fields are absent, not null"
    );
    assert!(get(&e, "planYears").is_undefined());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn errors_are_typed_with_code_path_and_every_problem() {
    let (err, code, path) = error_of(with(
        "p.phases[1].every = {weeks: 0}; p.phases[0].prcie = 1",
    ));
    let message = text(&err, "message");
    assert!(
        message.starts_with("phases[0].prcie: unknown field \"prcie\" — did you mean \"price\"?"),
        "{message}"
    );
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("unknown_field", "phases[0].prcie")
    );
    let problems: Array = get(&err, "problems").dyn_into().expect("problems array");
    assert_eq!(problems.length(), 2);
    assert_eq!(text(&problems.get(1), "path"), "phases[1].every.weeks");
    assert_eq!(text(&problems.get(1), "code"), "out_of_range");
    assert_eq!(text(&err, "name"), "PlanError");
}

#[wasm_bindgen_test]
fn validate_returns_every_problem_or_an_empty_array() {
    let ok: Array = validate(js(PLAN))
        .expect("validate")
        .dyn_into()
        .expect("array");
    assert_eq!(ok.length(), 0);
    let bad: Array = validate(with("p.currency = 'usd'; p.start = '2026-02-29'"))
        .expect("validate")
        .dyn_into()
        .expect("array");
    let codes: Vec<String> = bad.iter().map(|p| text(&p, "code")).collect();
    assert_eq!(codes, ["invalid_currency", "invalid_date"]);
}

#[wasm_bindgen_test]
fn undefined_and_null() {
    for nothing in [JsValue::UNDEFINED, JsValue::NULL] {
        let (_, code, path) = error_of(nothing);
        assert_eq!((code.as_str(), path.as_str()), ("invalid_type", ""));
    }
    // undefined and null mean absent for optional fields...
    assert!(estimate(with("p.phases[1].code = undefined; p.coverage = null")).is_ok());
    // ...and are errors for required ones.
    assert_eq!(error_of(with("p.start = undefined")).1, "missing_field");
    assert_eq!(error_of(with("p.start = null")).1, "invalid_type");
}

#[wasm_bindgen_test]
fn numbers_must_be_safe_integers_in_range() {
    for (value, code) in [
        ("500.5", "invalid_type"),
        ("NaN", "invalid_type"),
        ("Infinity", "invalid_type"),
        ("2 ** 53 + 2", "invalid_type"),
        ("1e21", "invalid_type"),
        ("-1", "out_of_range"),
        ("10000000001", "out_of_range"),
        ("'500'", "invalid_type"),
    ] {
        let (_, got, path) = error_of(with(&format!("p.phases[0].price = {value}")));
        assert_eq!(
            (got.as_str(), path.as_str()),
            (code, "phases[0].price"),
            "price = {value}"
        );
    }
    // 5.0 is the same Number as 5 in JavaScript: a safe integer.
    assert!(estimate(with("p.phases[0].price = 5.0")).is_ok());
    let (_, code, _) = error_of(with("p.coverage = {coinsurance: 33.333}"));
    assert_eq!(code, "out_of_range");
}

#[wasm_bindgen_test]
fn bigint_input_is_a_clear_type_error() {
    let (err, code, path) = error_of(with("p.phases[0].price = 50000n"));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_type", "phases[0].price")
    );
    assert!(text(&err, "message").contains("BigInt"));
}

#[wasm_bindgen_test]
fn hostile_objects_are_reported_not_trapped() {
    let (err, code, path) = error_of(with(
        "Object.defineProperty(p, 'start', { get() { throw new Error('boom'); }, enumerable: true })",
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "start"));
    assert!(
        text(&err, "message").contains("could not be read"),
        "{}",
        text(&err, "message")
    );
    // Keys that cannot be listed could hide any field: refused, not read as
    // an object without fields.
    let (err, code, path) = error_of(from_js(
        "new Proxy({}, { ownKeys() { throw new Error('no keys'); } })",
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", ""));
    assert!(
        text(&err, "message").contains("could not be listed"),
        "{}",
        text(&err, "message")
    );
    // A revoked Proxy anywhere, and a list whose length cannot be read.
    for (edit, at) in [
        (
            "const r = Proxy.revocable({}, {}); r.revoke(); p.phases[1].every = r.proxy",
            "phases[1].every",
        ),
        (
            "const r = Proxy.revocable([], {}); r.revoke(); p.fees = r.proxy",
            "fees",
        ),
        (
            "p.phases = new Proxy(p.phases, { get(t, k) { if (k === 'length') throw new Error('x'); return t[k]; } })",
            "phases",
        ),
    ] {
        let (_, code, path) = error_of(with(edit));
        assert_eq!(
            (code.as_str(), path.as_str()),
            ("invalid_type", at),
            "{edit}"
        );
    }
    assert_eq!(error_of(from_js("[1, 2, 3]")).1, "invalid_type");
    assert_eq!(
        error_of(with("p.phases[0].name = Symbol('x')")).1,
        "invalid_type"
    );
    assert_eq!(
        error_of(with("p.phases = new Array(100000).fill(1)")).1,
        "out_of_range"
    );
}

#[wasm_bindgen_test]
fn the_instance_still_answers_correctly_after_a_thousand_bad_calls() {
    let bad = [
        JsValue::UNDEFINED,
        js("42"),
        with("p.phases[0].price = 50000n"),
        with("p.phases[0].every = {weekdays: []}"),
        with("p.horizon = {months: 1e9}"),
        with("p.clinic = {closedWeekdays: ['mon','tue','wed','thu','fri','sat','sun']}"),
        from_js("new Proxy({}, { get() { throw new Error('x'); } })"),
    ];
    for i in 0..1000 {
        assert!(estimate(bad[i % bad.len()].clone()).is_err());
    }
    let e = estimate(js(PLAN)).expect("still works");
    assert_eq!(number(&e, "totals.patientPays"), 625_000.0);
}

/// The built-in catalogue as the npm package passes it to the wasm.
fn catalogue() -> JsValue {
    js(coursecost::CATALOGUE_JSON)
}

fn thrown(result: Result<JsValue, JsValue>) -> (String, String) {
    let err = result.expect_err("should be rejected");
    assert!(err.is_instance_of::<js_sys::Error>());
    (text(&err, "code"), text(&err, "path"))
}

#[wasm_bindgen_test]
fn a_broken_preset_is_refused_by_range_at_its_path() {
    // The catalogue's entries are checked natively on the data file; what
    // the engine reads of a preset (its plans, for `range`) it still checks.
    let broken = from_js(&format!(
        "(() => {{ const c = {}; c.presets[1].low.phases[0].prcie = 1; return c.presets[1]; }})()",
        coursecost::CATALOGUE_JSON
    ));
    let err = range(broken, None).expect_err("broken preset");
    assert_eq!(text(&err, "path"), "low.phases[0].prcie");
}

#[wasm_bindgen_test]
fn range_and_compare_report_paths_and_leave_the_instance_working() {
    let esk = get(&catalogue(), "presets.2");
    let r = range(esk.clone(), None).expect("range");
    let typical = estimate(get(&esk, "plan")).expect("estimate");
    assert_eq!(
        number(&r, "typical.patientPays"),
        number(&typical, "totals.patientPays")
    );
    let hostile = from_js("({ get coverage() { throw new Error('boom'); } })");
    assert_eq!(
        thrown(range(esk.clone(), Some(hostile))),
        ("invalid_type".into(), "options.coverage".into())
    );
    assert_eq!(thrown(range(js("{}"), None)).0, "missing_field");
    let plans = from_js(&format!("new Array(11).fill({PLAN})"));
    assert_eq!(
        thrown(compare(plans, None)),
        ("out_of_range".into(), "plans".into())
    );
    let plans = from_js(&format!("[{PLAN}, 7]"));
    assert_eq!(
        thrown(compare(plans, None)),
        ("invalid_type".into(), "plans[1]".into())
    );
    let c = compare(
        from_js(&format!("[{PLAN}]")),
        Some(js(r#"{"horizon": {"months": 6}}"#)),
    )
    .expect("compare");
    assert_eq!(number(&c, "plans.0.totals.patientPays"), 625_000.0);
    assert_eq!(text(&c, "months.0"), "2026-01");
}

const SHEET: &str = include_str!("../www/clinic.sample.json");
const INPUT: &str = r#"{"treatment": "iv-ketamine", "start": "2026-12-07", "date": "2026-11-21",
    "payment": "self-pay", "patient": {"name": "Ana Pérez", "birthDate": "1958-03-14"}}"#;

#[wasm_bindgen_test]
fn clinic_sheets_quotes_and_gfes_cross_the_boundary_with_paths() {
    let problems = validate_clinic(js(SHEET)).expect("validateClinic returns");
    assert_eq!(Array::from(&problems).length(), 0);
    let q = quote(js(SHEET), js(INPUT)).expect("a quote");
    assert_eq!(text(&q, "number"), "Q-20261121-iv-ketamine");
    let g = good_faith_estimate(js(SHEET), js(INPUT)).expect("a GFE");
    assert_eq!(number(&g, "total"), number(&q, "estimate.totals.charge"));
    assert_eq!(text(&g, "provider.npi"), "1234567893");
    let csv = quote_csv(js(SHEET), js(INPUT)).expect("a CSV");
    assert!(csv.starts_with("quote,date,kind,name,phase,code,quantity,currency,"));

    let broken = from_js(&format!(
        "Object.assign({SHEET}, {{ npi: '1', treatments: [] }})"
    ));
    let problems = Array::from(&validate_clinic(broken.clone()).expect("validateClinic returns"));
    let paths: Vec<String> = problems.iter().map(|p| text(&p, "path")).collect();
    assert_eq!(paths, ["npi", "treatments"]);
    let err = quote(broken, js(r#"{"treatment": "iv-ketamine"}"#)).expect_err("refused");
    assert!(err.is_instance_of::<js_sys::Error>());
    let paths: Vec<String> = Array::from(&get(&err, "problems"))
        .iter()
        .map(|p| text(&p, "path"))
        .collect();
    assert!(
        paths.contains(&"clinic.npi".to_string()) && paths.contains(&"input.start".to_string()),
        "{paths:?}"
    );
}

/// Every kind of bad input the package can be handed, one after another;
/// after each, a good call must still give the right answer.
#[wasm_bindgen_test]
fn the_instance_survives_every_kind_of_bad_input() {
    let good = number(&estimate(js(PLAN)).expect("estimate"), "totals.patientPays");
    let good_quote = number(
        &quote(js(SHEET), js(INPUT)).expect("quote"),
        "estimate.totals.charge",
    );
    let hostile = [
        "undefined",
        "null",
        "42",
        "'plan'",
        "Symbol('x')",
        "10n",
        "() => 1",
        "[]",
        // sizes past every bound
        "({ start: '2026-01-05', phases: [{ name: 'x'.repeat(10 * 1024 * 1024), every: { weeks: 1 }, price: 1 }] })",
        "({ start: '2026-01-05', phases: new Array(100000).fill({}) })",
        "({ start: '2026-01-05', phases: [], ['k'.repeat(1 << 20)]: 1 })",
        // deep and cyclic structures
        "(() => { let o = {}; for (let i = 0; i < 100000; i++) o = { x: o }; return { start: '2026-01-05', phases: [], deep: o }; })()",
        "(() => { const o = { start: '2026-01-05', phases: [] }; o.self = o; o.phases.push(o); return o; })()",
        // throwing getters and proxies
        "({ get start() { throw new Error('boom'); }, phases: [] })",
        "new Proxy({}, { ownKeys() { throw new Error('boom'); }, get() { throw new Error('boom'); } })",
        "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()",
        "(() => { const r = Proxy.revocable([], {}); r.revoke(); return { start: '2026-01-05', phases: r.proxy }; })()",
        // numbers at and past their limits
        "({ start: '2026-01-05', phases: [{ name: 'x', every: { weeks: 1 }, price: Number.MAX_VALUE }] })",
        "({ start: '2026-01-05', phases: [{ name: 'x', every: { weeks: 1 }, price: NaN, sessions: Infinity }] })",
        "({ start: '9999-99-99', horizon: { until: '2199-12-31' }, phases: [{ name: 'x', every: { days: 1 }, price: 1 }] })",
        "({ start: '2199-12-30', horizon: { months: 120 }, phases: [{ name: 'x', every: { days: 1 }, price: 1 }] })",
    ];
    for source in hostile {
        let value = from_js(source);
        let _ = estimate(value.clone());
        let _ = validate(value.clone());
        let _ = validate_clinic(value.clone());
        let _ = quote(value.clone(), value.clone());
        let _ = good_faith_estimate(js(SHEET), value.clone());
        let _ = quote_csv(value.clone(), js(INPUT));
        let _ = range(value.clone(), Some(value.clone()));
        let _ = compare(value.clone(), Some(value));
        assert_eq!(
            number(&estimate(js(PLAN)).expect("estimate"), "totals.patientPays"),
            good,
            "after {source}"
        );
        assert_eq!(
            number(
                &quote(js(SHEET), js(INPUT)).expect("quote"),
                "estimate.totals.charge"
            ),
            good_quote,
            "after {source}"
        );
    }
    let (_, code, path) = error_of(from_js(hostile[8]));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("out_of_range", "phases[0].name")
    );
    let (_, code, path) = error_of(from_js(hostile[9]));
    assert_eq!((code.as_str(), path.as_str()), ("out_of_range", "phases"));
}
