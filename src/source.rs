//! What the decoder reads: any JSON-shaped value.
//!
//! The same decoder validates a plan parsed from JSON text (natively) and a
//! live JavaScript object (in wasm, without a JSON round trip), so both report
//! the same problems with the same paths. serde's own derive cannot do that:
//! it stops at the first error, drops paths, and serde-wasm-bindgen ignores
//! `deny_unknown_fields`.

use alloc::borrow::Cow;

/// The JSON type of a value, or what else it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// Something JSON cannot hold (a BigInt, a function, a symbol…), named
    /// for messages, e.g. `"a BigInt"`.
    Other(&'static str),
}

impl Kind {
    /// `"a string"`, `"null"`, … for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "a list",
            Kind::Object => "an object",
            Kind::Other(what) => what,
        }
    }
}

/// A number as the source wrote it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An exact integer: JSON text without fraction or exponent, or a
    /// JavaScript safe integer.
    Int(i64),
    /// Anything else: a fraction, an exponent, an unsafe integer, NaN.
    Float(f64),
}

/// An object's keys or a list's length could not be read: in JavaScript, a
/// revoked Proxy, or a Proxy whose `ownKeys` or `get` trap throws. The
/// decoder reports this at the value's path rather than taking it for an
/// object without keys (which would skip its unknown-field check) or an
/// empty list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// A JSON-shaped value the decoder can walk.
pub trait Source: Sized {
    /// The value's type.
    fn kind(&self) -> Kind;
    /// The boolean, if it is one.
    fn as_bool(&self) -> Option<bool>;
    /// The number, if it is one.
    fn as_number(&self) -> Option<Number>;
    /// The string, if it is one.
    fn as_str(&self) -> Option<Cow<'_, str>>;
    /// The length of an array (0 for anything else), or [`Unreadable`]
    /// when it could not be read (in JavaScript, a Proxy's `get` trap for
    /// `length` threw or answered something other than a length).
    fn length(&self) -> Result<usize, Unreadable>;
    /// An array element.
    fn item(&self, index: usize) -> Option<Self>;
    /// Gives each key of an object, in order, to `visit` until it returns
    /// `false` (an object's keys are read only as far as the decoder needs
    /// them). Nothing for a value that is not an object.
    fn keys(&self, visit: impl FnMut(&str) -> bool) -> Result<(), Unreadable>;
    /// An object's field; `None` when absent (or `undefined` in JavaScript).
    fn field(&self, key: &str) -> Option<Self>;
}

#[cfg(feature = "std")]
impl Source for &serde_json::Value {
    fn kind(&self) -> Kind {
        match self {
            serde_json::Value::Null => Kind::Null,
            serde_json::Value::Bool(_) => Kind::Bool,
            serde_json::Value::Number(_) => Kind::Number,
            serde_json::Value::String(_) => Kind::String,
            serde_json::Value::Array(_) => Kind::Array,
            serde_json::Value::Object(_) => Kind::Object,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }

    fn as_number(&self) -> Option<Number> {
        let n = match self {
            serde_json::Value::Number(n) => n,
            _ => return None,
        };
        Some(match n.as_i64() {
            Some(i) => Number::Int(i),
            None => Number::Float(n.as_f64().unwrap_or(f64::NAN)),
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        serde_json::Value::as_str(self).map(Cow::Borrowed)
    }

    fn length(&self) -> Result<usize, Unreadable> {
        Ok(self.as_array().map_or(0, Vec::len))
    }

    fn item(&self, index: usize) -> Option<Self> {
        self.as_array()?.get(index)
    }

    fn keys(&self, mut visit: impl FnMut(&str) -> bool) -> Result<(), Unreadable> {
        if let Some(object) = self.as_object() {
            for key in object.keys() {
                if !visit(key) {
                    break;
                }
            }
        }
        Ok(())
    }

    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }
}
