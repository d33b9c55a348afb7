//! [`Label`]: a name or billing code repeated on many ledger lines.
//!
//! A 10-year daily plan has 3,653 sessions and may carry 50 fees on each:
//! 186,000 lines, each naming its service, phase and code. Owning a `String`
//! per line made the allocator the largest cost of the whole estimate; a
//! label is one shared allocation per name, and a clone is a counter
//! increment. It reads like a `&str` (`Deref`, `==` with strings) and is
//! written as a plain JSON string.

use crate::prelude::*;
use alloc::rc::Rc;
use core::fmt;
use core::ops::Deref;

use serde::{Serialize, Serializer};

/// A shared, immutable string.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(ts, derive(tsify::Tsify))]
#[cfg_attr(ts, tsify(type = "string"))]
pub struct Label(Rc<str>);

impl Label {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Label {
        Label(Rc::from(s))
    }
}

impl From<Label> for String {
    fn from(label: Label) -> String {
        label.as_str().to_string()
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}
