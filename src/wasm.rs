//! JavaScript bindings (wasm32 only): `estimate`, `validate`, `range`,
//! `compare`, `version`, and the catalogue behind the package's `presets`
//! and `preset`.
//!
//! Plans are read straight from the caller's JavaScript object through the
//! [`Source`] trait, so the checks, messages and paths are the core's own —
//! serde-wasm-bindgen would ignore unknown fields and lose paths.
//!
//! Every call these bindings make into JavaScript is a `catch` binding
//! (or one of wasm-bindgen's `typeof` tests, which run no code of the
//! caller's), so no JavaScript exception ever unwinds through the wasm. That
//! matters beyond the one call: an exception thrown through wasm frames
//! skips their epilogues, which leaves the wasm's own stack pointer where
//! they had moved it. A few hundred such calls (a revoked Proxy given to
//! `estimate`: `Array.isArray` throws) used up the whole stack, and every
//! later call of the instance failed with "memory access out of bounds".
//! Here a getter that throws, a revoked Proxy or a Proxy whose traps throw
//! is a value that could not be read, reported at its path.
//!
//! Only a value's own enumerable properties are read (what `Object.keys`
//! lists and `JSON.stringify` writes), never inherited ones: a page whose
//! `Object.prototype` carries `discounts` or `coverage`, or whose
//! `Array.prototype` carries `0`, must not change an answer. An inherited
//! field is absent, and a hole in a list is `undefined`, as in JSON.

use crate::prelude::*;
use alloc::borrow::Cow;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::source::{Kind, Number, Source, Unreadable};

/// The staff exports (clinic sheets, quotes, Good Faith Estimates, CSV):
/// built into the staff wasm only (`--features staff`, the default), so the
/// visitor page's wasm does not carry them.
#[cfg(feature = "staff")]
mod staff;
#[cfg(feature = "staff")]
pub use staff::{Sheet, good_faith_estimate, quote, quote_csv, validate_clinic};

#[wasm_bindgen]
extern "C" {
    /// What `length`, `Object.keys` and a list are read as: any value.
    type Value;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<Value, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `value.length`: a Proxy's `get` trap may throw or answer anything.
    #[wasm_bindgen(method, getter, structural, catch)]
    fn length(this: &Value) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get_index(target: &JsValue, index: u32) -> Result<JsValue, JsValue>;
    /// `Object.prototype.propertyIsEnumerable.call(target, key)`: whether
    /// `key` is an own enumerable property of `target` (never an inherited
    /// one); a Proxy's `getOwnPropertyDescriptor` trap may throw.
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "propertyIsEnumerable"], js_name = call, catch)]
    fn own(target: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "propertyIsEnumerable"], js_name = call, catch)]
    fn own_index(target: &JsValue, index: u32) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = Error)]
    type JsError;
    #[wasm_bindgen(constructor, js_class = "Error", catch)]
    fn new(message: &str) -> Result<JsError, JsValue>;
}

/// A JavaScript value seen as JSON; `None` stands for a property whose
/// getter threw, reported as unreadable rather than absent. (Kept this
/// small on purpose: the decoder passes it by value everywhere.)
pub(crate) struct Js(Option<JsValue>);

impl Js {
    pub(crate) fn new(value: JsValue) -> Js {
        Js(Some(value))
    }
}

/// How a value is described that could not be read: a getter or a Proxy
/// trap threw, or the Proxy was revoked.
const UNREADABLE: &str = "a value that could not be read (a getter or a Proxy threw)";

/// A JavaScript list's `length`: a whole number below 2^32, or `None` when
/// reading it threw or gave anything else (a Proxy's `get` trap).
fn list_length(value: &JsValue) -> Option<u32> {
    let n = value.unchecked_ref::<Value>().length().ok()?.as_f64()?;
    (n >= 0.0 && n <= f64::from(u32::MAX) && n == (n as u32) as f64).then_some(n as u32)
}

impl Source for Js {
    fn kind(&self) -> Kind {
        let Some(v) = &self.0 else {
            return Kind::Other(UNREADABLE);
        };
        // The common kinds first: each test is a call into JavaScript.
        if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::String
        } else if v.is_object() {
            // `typeof` "object" and not null: a list or an object.
            match is_array(v) {
                Ok(true) => Kind::Array,
                Ok(false) => Kind::Object,
                Err(_) => Kind::Other(UNREADABLE),
            }
        } else if v.is_null() {
            Kind::Null
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.is_undefined() {
            Kind::Other("undefined")
        } else if v.is_bigint() {
            Kind::Other("a BigInt (use a Number)")
        } else if v.is_function() {
            Kind::Other("a function")
        } else if v.is_symbol() {
            Kind::Other("a symbol")
        } else {
            Kind::Other(UNREADABLE)
        }
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_ref()?.as_bool()
    }

    fn as_number(&self) -> Option<Number> {
        let f = self.0.as_ref()?.as_f64()?;
        // Number.isSafeInteger: exact integers only.
        const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
        Some(if f.abs() <= MAX_SAFE && f == (f as i64) as f64 {
            Number::Int(f as i64)
        } else {
            Number::Float(f)
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.0.as_ref()?.as_string().map(Cow::Owned)
    }

    fn length(&self) -> Result<usize, Unreadable> {
        let length = list_length(self.0.as_ref().ok_or(Unreadable)?);
        length.map(|n| n as usize).ok_or(Unreadable)
    }

    fn item(&self, index: usize) -> Option<Js> {
        let list = self.0.as_ref()?;
        let index = index as u32;
        Some(Js(match own_index(list, index) {
            Ok(true) => reflect_get_index(list, index).ok(),
            // A hole (whatever `Array.prototype` holds at that index).
            Ok(false) => Some(JsValue::UNDEFINED),
            Err(_) => None,
        }))
    }

    fn keys(&self, mut visit: impl FnMut(&str) -> bool) -> Result<(), Unreadable> {
        let v = self.0.as_ref().ok_or(Unreadable)?;
        // A list of strings made by `Object.keys` itself, whatever traps
        // the object has; still read through `catch` bindings only.
        let keys = object_keys(v).map_err(|_| Unreadable)?;
        let len = list_length(&keys).ok_or(Unreadable)?;
        for i in 0..len {
            let key = reflect_get_index(&keys, i).map_err(|_| Unreadable)?;
            if !visit(&key.as_string().ok_or(Unreadable)?) {
                break;
            }
        }
        Ok(())
    }

    fn field(&self, key: &str) -> Option<Js> {
        let object = self.0.as_ref()?;
        let key = JsValue::from_str(key);
        match own(object, &key) {
            // Absent, or only inherited.
            Ok(false) => None,
            Ok(true) => match reflect_get(object, &key) {
                Ok(v) if v.is_undefined() => None,
                Ok(v) => Some(Js(Some(v))),
                Err(_) => Some(Js(None)),
            },
            Err(_) => Some(Js(None)),
        }
    }
}

/// A result as JavaScript objects: written as JSON in the wasm and parsed by
/// one `JSON.parse`, rather than built field by field across the boundary
/// (see [`crate::json`]).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = crate::json::to_string(value).map_err(|e| js_error(&e.to_string()))?;
    json_parse(&text)
}

/// A JavaScript `Error` with `message` (or, should `Error` itself throw, the
/// message alone).
fn js_error(message: &str) -> JsValue {
    JsError::new(message).map_or_else(|_| message.into(), Into::into)
}

/// A JavaScript `Error` named `PlanError` whose message is the first
/// problem (`"path: …"`), carrying `code` and `path` of that problem and
/// every problem in `problems`. (An [`Error`] always has a first problem.)
pub(crate) fn plan_error(err: &Error) -> JsValue {
    let error = js_error(&err.to_string());
    let set = |key: &str, value: &JsValue| {
        let _ = reflect_set(&error, &key.into(), value);
    };
    set("name", &"PlanError".into());
    if let Some(first) = err.first() {
        set("code", &first.code.as_str().into());
        set("path", &first.path.as_str().into());
    }
    if let Ok(problems) = to_js(err.problems()) {
        set("problems", &problems);
    }
    error
}

/// Estimates a plan (the reference).
///
/// Throws a `PlanError` (an `Error` with `code`, `path` and `problems`) when
/// the plan is invalid.
///
/// With `{ requireTerms: true }`, every block of insurance terms must name
/// its deductible and its coinsurance or copay (`missing_field`).
///
/// (Declared in [`SIGNATURES`], with its optional argument.)
#[wasm_bindgen(js_name = estimate, skip_typescript)]
pub fn estimate(plan: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let plan = crate::decode_plan_with(Js::new(plan), options.and_then(optional))
        .map_err(|e| plan_error(&e))?;
    to_js(&crate::estimate(&plan))
}

/// Every problem with a plan (with the checks `options` asks for, as
/// [`estimate`]); an empty array when it is valid.
#[wasm_bindgen(js_name = validate, skip_typescript)]
pub fn validate(plan: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let problems = crate::decode_plan_with(Js::new(plan), options.and_then(optional))
        .err()
        .map(Error::into_problems)
        .unwrap_or_default();
    to_js(&problems)
}

/// An optional argument: `undefined` and `null` mean absent.
fn optional(value: JsValue) -> Option<Js> {
    (!value.is_undefined() && !value.is_null()).then(|| Js::new(value))
}

/// The patient totals of a preset's low, typical and high plans, with the
/// visitor's insurance, savings programmes or horizon put on all three.
///
/// Throws a `PlanError` when the preset or the options are invalid.
///
/// (Declared in [`SIGNATURES`]: wasm-bindgen cannot type an optional
/// argument with an interface.)
#[wasm_bindgen(js_name = range, skip_typescript)]
pub fn range(preset: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let range = (|| {
        let [low, plan, high] = crate::decode::preset::plans(Js::new(preset))?;
        let options = crate::decode_options(options.and_then(optional))?;
        crate::comparison::range_of([&low, &plan, &high], &options)
    })();
    to_js(&range.map_err(|e| plan_error(&e))?)
}

/// Several plans estimated with the same options as [`range`] (the
/// visitor's insurance, programmes and horizon), side by side: totals, the first month, a typical
/// month after it, this plan year, the next 12 months, when the out-of-pocket maximum
/// is reached and every change of course, and cumulative cost per month on one shared axis.
///
/// Throws a `PlanError` when a plan or the options are invalid.
#[wasm_bindgen(js_name = compare, skip_typescript)]
pub fn compare(plans: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let comparison = (|| {
        let (plans, options) =
            crate::decode_comparison(Js::new(plans), options.and_then(optional))?;
        crate::compare(&plans, &options)
    })();
    to_js(&comparison.map_err(|e| plan_error(&e))?)
}

/// The TypeScript signatures of [`estimate`], [`validate`], [`minor_units`],
/// [`range`] and [`compare`], with their optional arguments.
#[wasm_bindgen(typescript_custom_section)]
const SIGNATURES: &str = r#"
/** The checks `estimate` and `validate` can add to a plan's own. */
export interface Checks {
    /**
     * Every block of insurance terms (`coverage`, `coverage.pharmacy`,
     * `coverage.outOfNetwork`) must name its `deductible` and its
     * `coinsurance` or `copay` (`missing_field` at the absent one), where
     * a form must not read a blank field as 0. Default false.
     */
    requireTerms?: boolean;
}

/**
 * Estimates a plan (the reference), with the checks `options` asks for.
 *
 * Throws a `PlanError` (an `Error` with `code`, `path` and `problems`) when
 * the plan is invalid.
 */
export function estimate(plan: Plan, options?: Checks): Estimate;

/** Every problem with a plan (with the checks `options` asks for); `[]` when it is valid. */
export function validate(plan: Plan, options?: Checks): Problem[];

/**
 * How many decimals the engine counts in a currency (`code` absent: USD).
 * Throws a `PlanError` (`invalid_currency`, empty path) for anything else.
 */
export function minorUnits(code?: string): number;

/**
 * The fields the plan reader accepts on a plan and on each entry of its
 * lists: the lists it checks against.
 */
export interface PlanFields {
    plan: string[];
    phases: string[];
    fees: string[];
    packages: string[];
    discounts: string[];
}

/** What `range` puts on a preset's three plans. */
export type RangeOptions = PlanOptions;
/** What `compare` puts on every plan: the same options as `range`. */
export type CompareOptions = PlanOptions;

/**
 * The totals of a preset's low, typical and high plans, with the visitor's
 * insurance, savings programmes or horizon put on all three.
 *
 * Throws a `PlanError` when the preset or the options are invalid
 * (problems in the options have paths under `options`).
 */
export function range(preset: Preset, options?: RangeOptions): Range;

/**
 * Estimates several plans (1 to 10, in one currency) with the visitor's
 * insurance, savings programmes or horizon put on each, and sets them side by side: totals, the first month, a typical month after it, this plan year, the
 * next 12 months, when the out-of-pocket maximum is reached and every change of course, and the cumulative cost per month on one shared axis for a chart.
 *
 * Throws a `PlanError` when a plan or the options are invalid (paths under
 * `plans[i]` and `options`).
 */
export function compare(plans: Plan[], options?: CompareOptions): Comparison;
"#;

/// How many decimals the engine counts in a currency (2 for USD, 0 for
/// JPY, 3 for KWD), for an ISO 4217 code (absent: the default, USD). The
/// package's `currency(code)` wraps it as `{ currency, minorUnits }`; a
/// number, not that object, is the cheaper answer for the visitor's wasm.
///
/// Throws a `PlanError` (code `invalid_currency` or `invalid_type`, empty
/// path) for anything else, with the problem a plan's `currency` would get.
#[wasm_bindgen(js_name = minorUnits, skip_typescript)]
pub fn minor_units(code: JsValue) -> Result<u8, JsValue> {
    let mut d = crate::decode::Decoder::default();
    let c = match optional(code) {
        None => Some(crate::Currency::USD),
        Some(code) => d.currency(code, ""),
    };
    match c.filter(|_| d.problems.is_empty()) {
        Some(c) => Ok(c.minor_units()),
        None => Err(plan_error(&Error::new(d.problems))),
    }
}

/// The fields the plan reader accepts on a plan and on each entry of its
/// `phases`, `fees`, `packages` and `discounts`: the very lists it checks
/// against, so a page that copies a plan's parts from elsewhere (the
/// `<coursecost-estimate>` element, from a price sheet) copies every field
/// the contract has, and a field added to the contract is never dropped.
#[wasm_bindgen(js_name = planFields, unchecked_return_type = "PlanFields")]
pub fn plan_fields() -> Result<JsValue, JsValue> {
    json_parse(crate::decode::plan::PLAN_FIELDS)
}

/// The engine's version, e.g. `"0.1.0"`.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Without std (the shipped wasm files) a panic traps. The engine never
/// panics on any input (tests/wasm.rs, the fuzzer); this keeps std's panic
/// machinery, which formats a message nobody reads, out of the module.
#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[global_allocator]
#[allow(unsafe_code)] // wasm32 without threads: the single-threaded assumption holds.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
