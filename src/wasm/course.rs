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

use super::{
    is_array, json_parse, list_length, own, own_index, plan_error, reflect_get, reflect_get_index,
    reflect_set,
};
use crate::decode::plan::{DISCOUNT_KEYS, FEE_KEYS, PACKAGE_KEYS, PHASE_KEYS};
use crate::error::{Error, ErrorCode, Problem};
use crate::limits::{MAX_DISCOUNTS, MAX_FEES, MAX_PACKAGES, MAX_PHASES, MAX_TREATMENTS};

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
    build(&sheet, treatment, start).map_err(|code| {
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

fn build(sheet: &JsValue, id: &str, start: JsValue) -> Result<JsValue, ErrorCode> {
    let t = find(sheet, id)?.ok_or(ErrorCode::UnknownName)?;
    let plan = object()?;
    if let Some(currency) = get(sheet, "currency")? {
        set(&plan, "currency", currency)?;
    }
    set(&plan, "start", start)?;
    let months = match get(&t, "horizon")? {
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
        if let Some(list) = get(&t, name)? {
            set(&plan, name, plain(list, keys, max)?)?;
        }
    }
    Ok(plan)
}

/// The treatment whose own `id` is `id`.
fn find(sheet: &JsValue, id: &str) -> Result<Option<JsValue>, ErrorCode> {
    let Some(list) = get(sheet, "treatments")? else {
        return Ok(None);
    };
    for i in 0..length(&list, MAX_TREATMENTS)?.unwrap_or(0) {
        let t = item(&list, i)?;
        if get(&t, "id")?.and_then(|v| v.as_string()).as_deref() == Some(id) {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

/// A list's length, when it is a list of at most `max` entries.
fn length(list: &JsValue, max: usize) -> Result<Option<u32>, ErrorCode> {
    if !is_array(list).map_err(|_| ErrorCode::InvalidType)? {
        return Ok(None);
    }
    let n = list_length(list).ok_or(ErrorCode::InvalidType)?;
    Ok((n as usize <= max).then_some(n))
}

/// A list's entry `i` (`undefined` for a hole, as in JSON).
fn item(list: &JsValue, i: u32) -> Result<JsValue, ErrorCode> {
    match own_index(list, i) {
        Ok(true) => reflect_get_index(list, i).map_err(|_| ErrorCode::InvalidType),
        Ok(false) => Ok(JsValue::UNDEFINED),
        Err(_) => Err(ErrorCode::InvalidType),
    }
}

/// The own field `key` of object `o` (`None` when `o` is not an object or
/// has no such field, or it is `undefined`); `invalid_type` when it could
/// not be read.
#[inline(never)]
fn get(o: &JsValue, key: &str) -> Result<Option<JsValue>, ErrorCode> {
    if !o.is_object() {
        return Ok(None);
    }
    let key = JsValue::from_str(key);
    match own(o, &key) {
        Ok(false) => Ok(None),
        Ok(true) => match reflect_get(o, &key) {
            Ok(v) => Ok((!v.is_undefined()).then_some(v)),
            Err(_) => Err(ErrorCode::InvalidType),
        },
        Err(_) => Err(ErrorCode::InvalidType),
    }
}

/// A list of objects with only their fields in `keys`; anything else (a
/// list that is not a list, or longer than a plan allows; an entry that
/// is not an object) as it is, for the engine to refuse at its path.
fn plain(list: JsValue, keys: &[&str], max: usize) -> Result<JsValue, ErrorCode> {
    let Some(len) = length(&list, max)? else {
        return Ok(list);
    };
    let out = parse("[]")?;
    for i in 0..len {
        let entry = item(&list, i)?;
        let copy = if entry.is_object() && !is_array(&entry).map_err(|_| ErrorCode::InvalidType)? {
            let copy = object()?;
            for key in keys {
                if let Some(v) = get(&entry, key)? {
                    set(&copy, key, v)?;
                }
            }
            copy
        } else {
            entry
        };
        reflect_set(&out, &JsValue::from(i), &copy).map_err(|_| ErrorCode::InvalidType)?;
    }
    Ok(out)
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
