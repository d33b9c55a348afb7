//! Paths of values inside an input, as problems name them:
//! `phases[1].every.weeks`.

use crate::prelude::*;
use crate::text::cat;

/// The path of field `key` of the object at `path`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        cat!("{}.{}", path, key)
    }
}

/// The path of element `i` of the list at `path`.
pub(crate) fn index(path: &str, i: usize) -> String {
    cat!("{}[{}]", path, i)
}

/// A problem path inside a larger input: `phases[0]` under `low` is
/// `low.phases[0]`, under `plans[2]` it is `plans[2].phases[0]`.
pub(crate) fn nest(prefix: &str, path: &str) -> String {
    if path.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() || path.starts_with('[') {
        cat!("{}{}", prefix, path)
    } else {
        cat!("{}.{}", prefix, path)
    }
}
