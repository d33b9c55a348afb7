//! A small JSON writer for the engine's outputs.
//!
//! The WebAssembly build hands every result to JavaScript as JSON text that
//! one `JSON.parse` call turns into objects. That is smaller and faster than
//! building the objects field by field across the boundary (what
//! serde-wasm-bindgen does, with a hash map of interned keys), and smaller
//! than serde_json, whose general float formatting the outputs never need:
//! the only non-integer numbers the engine writes are percentages with at
//! most two decimals ([`crate::Percent`]), written exactly here. Natively the
//! tests hold this writer to serde_json's output (values and key order) for every kind of result over random inputs (`tests/json_writer.rs`).

use crate::prelude::*;
use crate::text::cat;
use core::fmt;

use serde::ser::{self, Serialize};

/// `value` as compact JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = Writer {
        buf: vec![0; 8 * 1024],
        len: 0,
    };
    value.serialize(&mut out)?;
    out.buf.truncate(out.len);
    // Only `&str`s and ASCII were written, so this never fails.
    String::from_utf8(out.buf).map_err(|_| unsupported("text that is not UTF-8"))
}

/// A value the writer cannot express (bytes, a tuple variant, a map key that
/// is not a string): never produced by the engine's own types.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::error::Error for Error {}

impl Error {
    /// The message: what `Display` writes. An inherent method, so that
    /// the bindings' `to_string` is this one and not `ToString`'s, which
    /// would bring core's formatting machinery into the wasm.
    #[allow(clippy::inherent_to_string_shadow_display)]
    pub fn to_string(&self) -> String {
        self.0.clone()
    }
}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(cat!("the JSON writer does not write {}", what))
}

/// JSON text as bytes: strings are copied in runs between the characters
/// that need escaping, not char by char.
///
/// The buffer is a zeroed `Vec` written by index up to `len`, grown by
/// doubling. `String::push` and `push_str` cost a call, a capacity check and
/// (for `push`) UTF-8 encoding per piece in WebAssembly built for size, and
/// most pieces are a few bytes (keys, digits, punctuation); writing by index
/// roughly halved the time to write a result (BENCHMARKS.md has the figures).
struct Writer {
    buf: Vec<u8>,
    len: usize,
}

impl Writer {
    /// Room for `n` more bytes.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.len + n > self.buf.len() {
            self.grow(n);
        }
    }

    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let size = (self.buf.len() * 2).max(self.len + n);
        self.buf.resize(size, 0);
    }

    /// One ASCII character.
    fn push(&mut self, byte: u8) {
        self.room(1);
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = byte;
        }
        self.len += 1;
    }

    /// Bytes copied as they are.
    fn bytes(&mut self, bytes: &[u8]) {
        self.room(bytes.len());
        if let Some(slots) = self.buf.get_mut(self.len..self.len + bytes.len()) {
            slots.copy_from_slice(bytes);
        }
        self.len += bytes.len();
    }

    fn raw(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        self.push(b'"');
        let mut run = 0;
        let mut control = [b'\\', b'u', b'0', b'0', 0, 0];
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0..=0x1f => {
                    control[4] = HEX[usize::from(b >> 4)];
                    control[5] = HEX[usize::from(b & 15)];
                    &control
                }
                _ => continue,
            };
            // The split points are ASCII, so always char boundaries.
            self.raw(s.get(run..i).unwrap_or_default());
            self.bytes(escape);
            run = i + 1;
        }
        self.raw(s.get(run..).unwrap_or_default());
        self.push(b'"');
    }

    fn integer(&mut self, negative: bool, mut magnitude: u64) {
        if negative {
            self.push(b'-');
        }
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (magnitude % 10) as u8;
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        self.bytes(digits.get(at..).unwrap_or_default());
    }
}

/// An open array or object: writes the commas between its entries.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: u8,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.push(b',');
        }
        self.first = false;
    }

    /// A struct field's name: a Rust identifier renamed to camelCase, so it
    /// never needs escaping and is copied whole.
    fn key(&mut self, key: &str) {
        self.comma();
        self.w.push(b'"');
        self.w.raw(key);
        self.w.raw("\":");
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    /// Hundredths exactly (`12.5`, `33.33`, `9.99`): the precision of every
    /// percentage the engine writes. Anything finer is refused rather than
    /// rounded, so a future float field cannot be written wrong silently.
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        let hundredths = crate::money::round(v * 100.0);
        if !v.is_finite() || hundredths.abs() > 1e15 || (hundredths / 100.0 - v).abs() > 1e-9 {
            return Err(unsupported("a number with more than two decimals"));
        }
        let h = hundredths as i64;
        self.integer(h < 0, h.unsigned_abs() / 100);
        let h = h.unsigned_abs();
        let cents = h % 100;
        if cents != 0 {
            self.push(b'.');
            self.push(b'0' + (cents / 10) as u8);
            if cents % 10 != 0 {
                self.push(b'0' + (cents % 10) as u8);
            }
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.push(b'{');
        self.string(variant);
        self.push(b':');
        value.serialize(&mut *self)?;
        self.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.push(b'[');
        Ok(Compound {
            w: self,
            first: true,
            close: b']',
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.push(b'{');
        Ok(Compound {
            w: self,
            first: true,
            close: b'}',
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("a struct variant"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.w.push(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        let before = self.w.len;
        key.serialize(&mut *self.w)?;
        if self.w.buf.get(before) != Some(&b'"') {
            return Err(unsupported("a map key that is not a string"));
        }
        self.w.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_serde_json_writes() {
        let value = serde_json::json!({
            "a": [1, -2, 3_000_000_000_000_i64, true, null, "q\"\\\n\u{1}é"],
            "b": { "c": 12.5, "d": 33.33, "e": 0.01, "f": 20 }
        });
        let ours: serde_json::Value =
            serde_json::from_str(&to_string(&value).unwrap_or_default()).unwrap_or_default();
        assert_eq!(ours, value);
        assert_eq!(to_string(&9.99).ok().as_deref(), Some("9.99"));
        assert_eq!(to_string(&-0.5).ok().as_deref(), Some("-0.5"));
        assert!(to_string(&0.001).is_err());
        assert!(to_string(&f64::NAN).is_err());
    }
}
