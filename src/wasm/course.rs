//! `sheetPlan`: one treatment of a clinic's price sheet as a visitor's
//! plan, for pages that estimate from a sheet with the visitor's engine
//! (the `<coursecost-estimate>` element), which carries no sheet reader.
//!
//! The plan takes each phase's, fee's, package's and discount's fields from
//! the lists the plan's own reader knows ([`PHASE_KEYS`] and the rest), so a
//! field the contract gives a phase reaches the plan without any page
//! listing it. Values are passed on as they are, unchecked: `estimate`
//! judges them, with their paths in the plan. Only own fields are read, as
//! everywhere in the bindings.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::{Js, json_parse, plan_error, reflect_set};
use crate::decode::plan::{DISCOUNT_KEYS, FEE_KEYS, PACKAGE_KEYS, PHASE_KEYS};
use crate::error::{Error, ErrorCode, Problem};
use crate::limits::{MAX_DISCOUNTS, MAX_FEES, MAX_PACKAGES, MAX_PHASES, MAX_TREATMENTS};
use crate::source::{Kind, Source};

/// The plan of treatment `treatment` (its `id`) of price sheet `sheet`,
/// starting on `start`: the sheet's currency, closed weekdays and holidays,
/// the treatment's horizon in months (12 when it has none or counts weeks)
/// and its phases, fees, packages and discounts. The caller adds insurance.
///
/// Throws a `PlanError`: `unknown_name` at `treatment` when the sheet has
/// no such treatment, `invalid_type` at the empty path when a value of the
/// sheet could not be read (a getter or a Proxy threw).
#[wasm_bindgen(js_name = sheetPlan, unchecked_return_type = "Plan")]
pub fn sheet_plan(
    #[wasm_bindgen(unchecked_param_type = "object")] sheet: JsValue,
    treatment: &str,
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
) -> Result<JsValue, JsValue> {
    build(&Js::new(sheet), treatment, start).map_err(|code| {
        let (path, message) = match code {
            ErrorCode::UnknownName => ("treatment", "the price sheet has no treatment of this id"),
            _ => (
                "",
                "the price sheet holds a value that could not be read (a getter or a Proxy threw)",
            ),
        };
        plan_error(&Error::new(vec![Problem::new(code, path, message)]))
    })
}

fn build(sheet: &Js, id: &str, start: JsValue) -> Result<JsValue, ErrorCode> {
    let t = find(sheet, id).ok_or(ErrorCode::UnknownName)?;
    let plan = object()?;
    if let Some(currency) = get(sheet, "currency")? {
        set(&plan, "currency", currency)?;
    }
    set(&plan, "start", start)?;
    let months = match t.field("horizon") {
        Some(horizon) => get(&horizon, "months")?,
        None => None,
    };
    let horizon = object()?;
    let months = months.filter(JsValue::is_truthy).unwrap_or(12.into());
    set(&horizon, "months", months)?;
    set(&plan, "horizon", horizon)?;
    let clinic = object()?;
    for (from, to) in [
        ("closedWeekdays", "closedWeekdays"),
        ("holidays", "closedDates"),
    ] {
        let days = get(sheet, from)?.filter(|v| !v.is_null());
        set(&clinic, to, days.map_or_else(|| parse("[]"), Ok)?)?;
    }
    set(&plan, "clinic", clinic)?;
    let lists: [(&str, &[&str], usize); 4] = [
        ("phases", PHASE_KEYS, MAX_PHASES),
        ("fees", FEE_KEYS, MAX_FEES),
        ("packages", PACKAGE_KEYS, MAX_PACKAGES),
        ("discounts", DISCOUNT_KEYS, MAX_DISCOUNTS),
    ];
    for (name, keys, max) in lists {
        if let Some(list) = t.field(name) {
            set(&plan, name, plain(list, keys, max)?)?;
        }
    }
    Ok(plan)
}

/// The own field `key` of `o`, if it has one; `invalid_type` when `o` or
/// the field could not be read.
#[inline(never)]
fn get(o: &Js, key: &str) -> Result<Option<JsValue>, ErrorCode> {
    if o.0.is_none() {
        return Err(ErrorCode::InvalidType);
    }
    o.field(key).map(value).transpose()
}

/// The treatment whose own `id` is `id`.
fn find(sheet: &Js, id: &str) -> Option<Js> {
    let list = sheet.field("treatments")?;
    let len = (list.kind() == Kind::Array)
        .then(|| list.length().ok())??
        .min(MAX_TREATMENTS);
    (0..len).find_map(|i| {
        let t = list.item(i)?;
        let found = t.kind() == Kind::Object && t.field("id")?.as_str()? == id;
        found.then_some(t)
    })
}

/// A list of objects with only their fields in `keys`; anything else (a
/// list that is not a list, or longer than a plan allows; an element that
/// is not an object) as it is, for the engine to refuse at its path.
#[inline(never)]
fn plain(list: Js, keys: &[&str], max: usize) -> Result<JsValue, ErrorCode> {
    let len = match list.length() {
        Ok(n) if list.kind() == Kind::Array && n <= max => n,
        _ => return value(list),
    };
    let out = parse("[]")?;
    for i in 0..len {
        let item = list.item(i).ok_or(ErrorCode::InvalidType)?;
        let copy = if item.kind() == Kind::Object {
            let copy = object()?;
            for key in keys {
                if let Some(v) = get(&item, key)? {
                    set(&copy, key, v)?;
                }
            }
            copy
        } else {
            value(item)?
        };
        reflect_set(&out, &JsValue::from(i as u32), &copy).map_err(|_| ErrorCode::InvalidType)?;
    }
    Ok(out)
}

/// The value read, or `invalid_type` for one that could not be read.
#[inline(never)]
fn value(v: Js) -> Result<JsValue, ErrorCode> {
    v.0.ok_or(ErrorCode::InvalidType)
}

fn parse(json: &str) -> Result<JsValue, ErrorCode> {
    json_parse(json).map_err(|_| ErrorCode::InvalidType)
}

fn object() -> Result<JsValue, ErrorCode> {
    parse("{}")
}

#[inline(never)]
fn set(target: &JsValue, key: &str, value: JsValue) -> Result<(), ErrorCode> {
    reflect_set(target, &key.into(), &value)
        .map(|_| ())
        .map_err(|_| ErrorCode::InvalidType)
}
