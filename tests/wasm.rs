//! The JavaScript boundary, run in a real JS engine by wasm-bindgen-test
//! (Node by default; Chromium with WASM_BINDGEN_USE_BROWSER=1):
//! typed errors, unknown fields, undefined/null, floats and unsafe integers,
//! BigInt, throwing getters, and an instance that still answers correctly
//! after a thousand bad calls.
#![cfg(target_arch = "wasm32")]

use coursecost::wasm::{
    Sheet, compare, good_faith_estimate, quote, quote_csv, range, validate_clinic, version,
};
use js_sys::{Array, Function, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// `estimate(plan)`, with no options, as JavaScript calls it.
fn estimate(plan: JsValue) -> Result<JsValue, JsValue> {
    coursecost::wasm::estimate(plan, None)
}

/// `validate(plan)`, with no options.
fn validate(plan: JsValue) -> Result<JsValue, JsValue> {
    coursecost::wasm::validate(plan, None)
}

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

const SHEET: &str = include_str!("../www/staff/clinic.sample.json");
const INPUT: &str = r#"{"treatment": "iv-ketamine", "start": "2026-12-07", "date": "2026-11-21",
    "payment": "self-pay", "patient": {"name": "Ana Pérez", "birthDate": "1958-03-14"}}"#;

#[wasm_bindgen_test]
fn clinic_sheets_quotes_and_gfes_cross_the_boundary_with_paths() {
    let problems = validate_clinic(js(SHEET)).expect("validateClinic returns");
    assert_eq!(Array::from(&problems).length(), 0);
    let q = quote(js(SHEET), js(INPUT)).expect("a quote");
    assert!(
        text(&q, "number").starts_with("Q-20261121-iv-ketamine-"),
        "{}",
        text(&q, "number")
    );
    // The same input, the same number.
    assert_eq!(
        text(&quote(js(SHEET), js(INPUT)).expect("a quote"), "number"),
        text(&q, "number")
    );
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

/// A small sheet whose quotes are worked by hand: one treatment, two Monday
/// sessions of 100.00 (2027-01-04 and 2027-01-11 from a Monday start) and a
/// consultation of 50.00, so a self-pay quote charges 250.00 (25,000
/// cents); a payer with no allowed amounts.
const SMALL_SHEET: &str = r#"{
    "name": "Small Clinic", "npi": "1234567893", "tin": "12-3456789",
    "address": {"street": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701"},
    "payers": [{"id": "p", "name": "A payer"}],
    "treatments": [{
        "id": "tms", "name": "TMS", "diagnosisCodes": ["F33.2"], "horizon": {"months": 1},
        "phases": [{"name": "Sessions", "every": {"weekdays": ["mon"]}, "sessions": 2, "price": 10000, "code": "90867"}],
        "fees": [{"name": "Consultation", "amount": 5000, "when": "once", "code": "99205"}]
    }]
}"#;
const SMALL_INPUT: &str = r#"{"treatment": "tms", "start": "2027-01-04", "date": "2026-12-01",
    "payment": "self-pay", "patient": {"name": "Ana Pérez", "birthDate": "1958-03-14"}}"#;

/// Inherited fields a hostile or careless page may have put on
/// `Object.prototype` and `Array.prototype`: each would change an answer if
/// the engine read it (90 % off, free insurance, one session of an
/// open-ended phase, a holiday, another quote number, a dear-end course, a
/// list entry where a list has a hole…).
const POLLUTE: &str = "(() => {
    const O = Object.prototype;
    O.discounts = [{ name: 'Polluted', percent: 90 }];
    O.coverage = { coinsurance: 0 };
    O.assistance = [{ name: 'Polluted card', patientPaysAtMost: 0 }];
    O.allowed = 1;
    O.start = '2026-01-05';
    O.sessions = 1;
    O.horizon = { months: 1 };
    O.holidays = ['2027-01-11'];
    O.clinic = { closedDates: ['2026-01-07'] };
    O.fees = [{ name: 'Polluted fee', amount: 999999, when: 'once' }];
    O.packages = [{ name: 'Polluted package', phase: 'Sessions', sessions: 2, price: 1 }];
    O.high = { phases: [{ name: 'Sessions', every: { weeks: 1 }, sessions: 1, price: 1 }] };
    O.number = 'Q-POLLUTED';
    O.validDays = 1;
    O.diagnosisCodes = ['Z99.9'];
    Array.prototype[0] = { name: 'Polluted', every: { weeks: 1 }, price: 1 };
    return true;
})()";
const CLEAN: &str = "(() => {
    for (const k of ['discounts', 'coverage', 'assistance', 'allowed', 'start', 'sessions',
        'horizon', 'holidays', 'clinic', 'fees', 'packages', 'high', 'number', 'validDays',
        'diagnosisCodes']) delete Object.prototype[k];
    delete Array.prototype[0];
    return true;
})()";

/// What `body` returns while the prototypes are polluted, the pollution
/// removed before anything is checked (the checks read with `Reflect.get`).
fn polluted<T>(body: impl FnOnce() -> T) -> T {
    from_js(POLLUTE);
    let out = body();
    from_js(CLEAN);
    out
}

fn json_text(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("text")
}

#[wasm_bindgen_test]
fn inherited_fields_change_no_answer_of_the_engine() {
    let esk = get(&catalogue(), "presets.2");
    let preset_of_plan = || {
        from_js(&format!(
            "Object.assign({}, {{ low: {PLAN}, plan: {PLAN}, high: {PLAN} }})",
            json_text(&esk)
        ))
    };
    let clean = (
        estimate(js(PLAN)).expect("estimate"),
        range(preset_of_plan(), None).expect("range"),
        compare(from_js(&format!("[{PLAN}, {PLAN}]")), None).expect("compare"),
    );
    let (e, r, c, problems, missing_start, hole, weekday_hole) = polluted(|| {
        (
            estimate(js(PLAN)).expect("estimate"),
            range(preset_of_plan(), Some(js("{}"))).expect("range"),
            compare(from_js(&format!("[{PLAN}, {PLAN}]")), Some(js("{}"))).expect("compare"),
            validate(js(PLAN)).expect("validate"),
            validate(with("delete p.start")).expect("validate"),
            estimate(with("p.phases = [, p.phases[1]]")),
            estimate(with("p.phases[0].every.weekdays = [, 'wed', 'fri']")),
        )
    });
    // Hand-worked (as in `estimates_a_plan_object`): six induction sessions
    // and six maintenance sessions every four weeks to 2026-07-05, at
    // 500.00, and a 250.00 consultation: 12 × 50,000 + 25,000 = 625,000,
    // 13 lines. With the pollution read it would be 90 % off, with
    // insurance paying, one maintenance session, and another fee.
    assert_eq!(number(&e, "totals.patientPays"), 625_000.0);
    assert_eq!(number(&e, "totals.sessions"), 12.0);
    assert_eq!(Array::from(&get(&e, "lines")).length(), 13);
    assert_eq!(json_text(&e), json_text(&clean.0));
    // The range of a preset whose three plans are that plan: 625,000 each.
    for end in ["low", "typical", "high"] {
        assert_eq!(
            number(&r, &format!("{end}.patientPays")),
            625_000.0,
            "{end}"
        );
    }
    assert_eq!(json_text(&r), json_text(&clean.1));
    assert_eq!(number(&c, "plans.0.totals.patientPays"), 625_000.0);
    assert_eq!(number(&c, "plans.1.totals.patientPays"), 625_000.0);
    assert_eq!(json_text(&c), json_text(&clean.2));
    assert_eq!(Array::from(&problems).length(), 0);
    // An inherited `start` is no start; a hole is no entry, whatever
    // `Array.prototype[0]` holds.
    let missing: Vec<(String, String)> = Array::from(&missing_start)
        .iter()
        .map(|p| (text(&p, "code"), text(&p, "path")))
        .collect();
    assert_eq!(
        missing,
        [("missing_field".to_string(), "start".to_string())]
    );
    let err = hole.expect_err("a hole is refused");
    assert_eq!(
        (text(&err, "code"), text(&err, "path")),
        ("invalid_type".to_string(), "phases[0]".to_string())
    );
    let err = weekday_hole.expect_err("a hole is refused");
    assert_eq!(
        (text(&err, "code"), text(&err, "path")),
        (
            "invalid_type".to_string(),
            "phases[0].every.weekdays[0]".to_string()
        )
    );
}

#[wasm_bindgen_test]
fn inherited_fields_change_no_answer_of_the_staff_engine() {
    let clean = (
        quote(js(SMALL_SHEET), js(SMALL_INPUT)).expect("quote"),
        good_faith_estimate(js(SMALL_SHEET), js(SMALL_INPUT)).expect("gfe"),
        quote_csv(js(SMALL_SHEET), js(SMALL_INPUT)).expect("csv"),
    );
    let (q, g, csv, problems, sheet_quote, sheet_gfe, sheet_csv, hole) = polluted(|| {
        let sheet = Sheet::new(js(SMALL_SHEET)).expect("a valid sheet");
        (
            quote(js(SMALL_SHEET), js(SMALL_INPUT)).expect("quote"),
            good_faith_estimate(js(SMALL_SHEET), js(SMALL_INPUT)).expect("gfe"),
            quote_csv(js(SMALL_SHEET), js(SMALL_INPUT)).expect("csv"),
            validate_clinic(js(SMALL_SHEET)).expect("validateClinic"),
            sheet.quote(js(SMALL_INPUT)).expect("quote"),
            sheet.good_faith_estimate(js(SMALL_INPUT)).expect("gfe"),
            sheet.quote_csv(js(SMALL_INPUT)).expect("csv"),
            validate_clinic(from_js(&format!(
                "(() => {{ const s = {SMALL_SHEET}; s.treatments = [, ]; return s; }})()"
            )))
            .expect("validateClinic"),
        )
    });
    // Hand-worked: Mondays 2027-01-04 and 2027-01-11 at 10,000 and the
    // 5,000 consultation: 25,000, no discount, no package, no holiday.
    assert_eq!(number(&q, "estimate.totals.charge"), 25_000.0);
    assert_eq!(number(&q, "estimate.totals.patientPays"), 25_000.0);
    // Lines in date order: the consultation and the first session on the
    // 4th, the second session on the 11th (a holiday had it moved).
    assert_eq!(text(&q, "estimate.lines.2.date"), "2027-01-11");
    assert_eq!(Array::from(&get(&q, "estimate.lines")).length(), 3);
    assert_eq!(text(&q, "diagnosisCodes.0"), "F33.2");
    assert!(
        text(&q, "number").starts_with("Q-20261201-tms"),
        "{}",
        text(&q, "number")
    );
    assert_eq!(json_text(&q), json_text(&clean.0));
    assert_eq!(json_text(&sheet_quote), json_text(&clean.0));
    assert_eq!(number(&g, "total"), 25_000.0);
    assert!(get(&g, "highTotal").is_undefined(), "no dear-end course");
    assert_eq!(json_text(&g), json_text(&clean.1));
    assert_eq!(json_text(&sheet_gfe), json_text(&clean.1));
    // The CSV: a header and the three lines.
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), 4);
    assert_eq!(csv, clean.2);
    assert_eq!(sheet_csv, clean.2);
    assert_eq!(Array::from(&problems).length(), 0);
    let problems: Vec<(String, String)> = Array::from(&hole)
        .iter()
        .map(|p| (text(&p, "code"), text(&p, "path")))
        .collect();
    assert_eq!(
        problems,
        [("invalid_type".to_string(), "treatments[0]".to_string())]
    );
}

#[wasm_bindgen_test]
fn the_rules_pages_ask_the_engine_for() {
    // requireTerms: the plan's coverage names neither its deductible nor
    // its coinsurance, so both are asked for; without the option it is valid.
    let plan = with("p.coverage = { outOfPocketMax: 500000 }");
    let checks = js(r#"{ "requireTerms": true }"#);
    let found: Array = coursecost::wasm::validate(plan.clone(), Some(checks.clone()))
        .expect("validate")
        .dyn_into()
        .expect("a list");
    let paths: Vec<String> = found.iter().map(|p| text(&p, "path")).collect();
    assert_eq!(paths, ["coverage.deductible", "coverage.coinsurance"]);
    assert!(estimate(plan.clone()).is_ok());
    let err = coursecost::wasm::estimate(plan, Some(checks)).expect_err("refused");
    assert_eq!(text(&err, "code"), "missing_field");
    // minorUnits: the yen has no minor unit, the default (USD) two.
    assert_eq!(coursecost::wasm::minor_units("JPY".into()).ok(), Some(0));
    assert_eq!(
        coursecost::wasm::minor_units(JsValue::UNDEFINED).ok(),
        Some(2)
    );
    let err = coursecost::wasm::minor_units("jpy".into()).expect_err("refused");
    assert_eq!(text(&err, "code"), "invalid_currency");
    // planFields: the lists the plan reader checks, e.g. a discount's
    // three fields (a name, a percent and what it applies to).
    let fields = coursecost::wasm::plan_fields().expect("fields");
    assert_eq!(
        json_text(&get(&fields, "discounts")),
        r#"["name","percent","appliesTo"]"#
    );
    let plan_keys = json_text(&get(&fields, "plan"));
    assert!(
        plan_keys.starts_with(r#"["currency","start","horizon","clinic","phases""#),
        "{plan_keys}"
    );
}
