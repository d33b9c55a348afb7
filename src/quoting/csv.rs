//! The quote's ledger as CSV, for spreadsheets and billing systems.

use crate::prelude::*;
use crate::text::cat;
use crate::text::is_invisible;

use super::Quote;

impl Quote {
    /// The ledger as CSV (RFC 4180, CRLF line ends, UTF-8), one row per
    /// line, amounts in major units with the currency's decimals.
    ///
    /// Text is quoted where it holds a comma, a quote or a line break, and a
    /// cell a spreadsheet could take for a formula gets a leading `'` so it
    /// is shown rather than run (OWASP's advice on CSV injection): one that
    /// starts with a tab or a carriage return, or whose first visible
    /// character is `=`, `+`, `-` or `@` — also in their full-width and small
    /// forms, and the minus sign U+2212 — after any spaces, no-break spaces,
    /// zero-width, control or format characters.
    pub fn csv(&self) -> String {
        let e = &self.estimate;
        let units = e.minor_units;
        let mut out = String::from(
            "quote,date,kind,name,phase,code,quantity,currency,covered,allowed,gross,discount,charge,adjustment,insurer_pays,assistance,patient_pays\r\n",
        );
        for line in &e.lines {
            let cells = [
                text_cell(&self.number),
                cat!("{}", line.date),
                line.kind.name().to_string(),
                text_cell(&line.name),
                text_cell(line.phase.as_deref().unwrap_or("")),
                text_cell(line.code.as_deref().unwrap_or("")),
                cat!("{}", line.quantity),
                e.currency.code().to_string(),
                (if line.covered { "yes" } else { "no" }).to_string(),
                line.allowed.map_or(String::new(), |a| a.decimal(units)),
                line.gross.decimal(units),
                line.discount.decimal(units),
                line.charge.decimal(units),
                line.adjustment.decimal(units),
                line.insurer_pays.decimal(units),
                line.assistance.decimal(units),
                line.patient_pays.decimal(units),
            ];
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(cell);
            }
            out.push_str("\r\n");
        }
        out
    }
}

/// What a formula may start with: `=`, `+`, `-`, `@`, their full-width
/// (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small (U+FE66, U+FE62, U+FE63,
/// U+FE6B) forms, and the minus sign U+2212.
const FORMULA_START: &[char] = &[
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}',
    '\u{FE63}', '\u{FE6B}', '\u{2212}',
];

/// Whether a spreadsheet could take `text` for a formula: it starts with a
/// tab or a carriage return, or its first visible character (past white
/// space, control, format and other invisible characters) may start one.
fn formula_like(text: &str) -> bool {
    text.starts_with(['\t', '\r'])
        || text
            .chars()
            .find(|&c| !is_invisible(c))
            .is_some_and(|c| FORMULA_START.contains(&c))
}

/// One CSV cell of free text: formula-safe, then quoted if it must be.
fn text_cell(text: &str) -> String {
    let guarded = if formula_like(text) {
        cat!("'{}", text)
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        cat!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
