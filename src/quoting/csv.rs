//! The quote's ledger as CSV, for spreadsheets and billing systems.

use crate::prelude::*;

use super::Quote;

impl Quote {
    /// The ledger as CSV (RFC 4180, CRLF line ends, UTF-8), one row per
    /// line, amounts in major units with the currency's decimals.
    ///
    /// Text is quoted where it holds a comma, a quote or a line break, and a
    /// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// gets a leading `'` so a spreadsheet shows it rather than running it as
    /// a formula (OWASP's advice on CSV injection).
    pub fn csv(&self) -> String {
        let e = &self.estimate;
        let units = e.minor_units;
        let mut out = String::from(
            "quote,date,kind,name,phase,code,quantity,currency,gross,discount,charge,insurer_pays,assistance,patient_pays\r\n",
        );
        for line in &e.lines {
            let cells = [
                text_cell(&self.number),
                line.date.to_string(),
                line.kind.name().to_string(),
                text_cell(&line.name),
                text_cell(line.phase.as_deref().unwrap_or("")),
                text_cell(line.code.as_deref().unwrap_or("")),
                line.quantity.to_string(),
                e.currency.code().to_string(),
                line.gross.decimal(units),
                line.discount.decimal(units),
                line.charge.decimal(units),
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

/// One CSV cell of free text: formula-safe, then quoted if it must be.
fn text_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
