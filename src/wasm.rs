//! JavaScript bindings (wasm32 only): `estimate`, `validate`, `version`.
//!
//! Plans are read straight from the caller's JavaScript object through the
//! [`Source`] trait, so the checks, messages and paths are the core's own —
//! serde-wasm-bindgen would ignore unknown fields and lose paths. Every
//! JavaScript access that could throw (a getter, a Proxy) is made through a
//! `catch` binding, so hostile input becomes a problem report, never a trap:
//! a trapped instance would be unusable for every later call.

use std::borrow::Cow;

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::PlanError;
use crate::source::{Kind, Number, Source};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
}

/// A JavaScript value seen as JSON; `None` stands for a property whose
/// getter threw, reported as unreadable rather than absent.
struct Js(Option<JsValue>);

/// How a property whose getter threw is described.
const UNREADABLE: &str = "a value that could not be read (its getter threw)";

impl Source for Js {
    fn kind(&self) -> Kind {
        let Some(v) = &self.0 else {
            return Kind::Other(UNREADABLE);
        };
        if v.is_null() {
            Kind::Null
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::String
        } else if v.is_undefined() {
            Kind::Other("undefined")
        } else if v.is_bigint() {
            Kind::Other("a BigInt (use a Number)")
        } else if v.is_function() {
            Kind::Other("a function")
        } else if v.is_symbol() {
            Kind::Other("a symbol")
        } else if is_array(v) {
            Kind::Array
        } else if v.is_object() {
            Kind::Object
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
        Some(if f.fract() == 0.0 && f.abs() <= MAX_SAFE {
            Number::Int(f as i64)
        } else {
            Number::Float(f)
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.0.as_ref()?.as_string().map(Cow::Owned)
    }

    fn len(&self) -> usize {
        match &self.0 {
            Some(v) if is_array(v) => v.unchecked_ref::<Array>().length() as usize,
            _ => 0,
        }
    }

    fn item(&self, index: usize) -> Option<Js> {
        Some(Js(Reflect::get_u32(self.0.as_ref()?, index as u32).ok()))
    }

    fn keys(&self) -> Vec<String> {
        let Some(v) = &self.0 else { return Vec::new() };
        object_keys(v)
            .map(|keys| keys.iter().filter_map(|k| k.as_string()).collect())
            .unwrap_or_default()
    }

    fn field(&self, key: &str) -> Option<Js> {
        match Reflect::get(self.0.as_ref()?, &JsValue::from_str(key)) {
            Ok(v) if v.is_undefined() => None,
            Ok(v) => Some(Js(Some(v))),
            Err(_) => Some(Js(None)),
        }
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// A JavaScript `Error` whose message is the first problem (`"path: …"`),
/// carrying `code` and `path` of that problem and every problem in `problems`.
fn plan_error(err: &PlanError) -> JsValue {
    let error = js_sys::Error::new(&err.to_string());
    error.set_name("PlanError");
    if let Some(first) = err.first() {
        let _ = Reflect::set(&error, &"code".into(), &first.code.as_str().into());
        let _ = Reflect::set(&error, &"path".into(), &first.path.as_str().into());
    }
    if let Ok(problems) = to_js(err.problems()) {
        let _ = Reflect::set(&error, &"problems".into(), &problems);
    }
    error.into()
}

/// Estimates a plan (SPEC §3–§8).
///
/// Throws a `PlanError` (an `Error` with `code`, `path` and `problems`) when
/// the plan is invalid.
#[wasm_bindgen(js_name = estimate, unchecked_return_type = "Estimate")]
pub fn estimate(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<JsValue, JsValue> {
    let plan = crate::decode_plan(Js(Some(plan))).map_err(|e| plan_error(&e))?;
    to_js(&crate::estimate::estimate_valid(&plan))
}

/// Every problem with a plan; an empty array when it is valid.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Problem[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<JsValue, JsValue> {
    let problems = crate::decode_plan(Js(Some(plan)))
        .err()
        .map(PlanError::into_problems)
        .unwrap_or_default();
    to_js(&problems)
}

/// The engine's version, e.g. `"0.1.0"`.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

#[global_allocator]
#[allow(unsafe_code)] // wasm32 without threads: the single-threaded assumption holds.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
