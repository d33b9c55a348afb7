//! Arbitrary bytes as the engine's untrusted inputs. The first byte picks
//! what the rest is:
//! - `p`: a plan, through `validate_json` and `estimate_json`;
//! - `c`: a clinic price sheet and a quote input separated by a NUL byte,
//!   through `parse_quote`, `quote`, `good_faith_estimate` and `Quote::csv`.
//!
//! Beyond "no panic, no hang", every estimate produced must keep the
//! contract's invariants (docs/estimate.md), and a plan that validates must estimate.
#![no_main]

use coursecost::{good_faith_estimate, parse_quote, quote};
use coursecost::{Estimate, estimate_json, validate_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match mode {
        b'p' => {
            let problems = validate_json(text);
            match estimate_json(text) {
                Ok(e) => {
                    assert!(problems.is_empty());
                    invariants(&e);
                }
                Err(err) => {
                    assert_eq!(err.problems(), problems.as_slice());
                    assert!(!problems.is_empty());
                }
            }
        }
        b'c' => {
            let (sheet, input) = text.split_once('\0').unwrap_or((text, "{}"));
            let Ok((sheet, input)) = parse_quote(sheet, input) else { return };
            if let Ok(q) = quote(&sheet, &input) {
                invariants(&q.estimate);
                let csv = q.csv();
                assert!(csv.ends_with("\r\n"));
            }
            if let Ok(gfe) = good_faith_estimate(&sheet, &input) {
                let sum: i64 = gfe.items.iter().map(|i| i.expected_charge.minor()).sum();
                assert_eq!(sum, gfe.total.minor());
            }
        }
        _ => {}
    }
});

#[path = "../../tests/common/invariants.rs"]
mod common_invariants;

fn invariants(e: &Estimate) {
    let broken = common_invariants::violations(e);
    assert!(broken.is_empty(), "{broken:?}");
}
