//! Words for messages: lengths in code points, clipped quotes, lists of
//! options and "did you mean" suggestions.

use crate::prelude::*;

/// A message or path: `cat!("phases[{}].{}", i, key)` is
/// `format!("phases[{i}].{key}")`. Only text, whole numbers and what
/// implements [`Part`] (amounts, currencies, dates) go in, each written as `format!` writes it (every
/// `{}` takes the next part; a brace not directly closed is plain text).
/// Not `format!` itself: core's formatting machinery (its argument
/// interpreter, padding and integer `Display`) would be much of the weight
/// it adds to the wasm.
macro_rules! cat {
    ($template:expr $(, $part:expr)* $(,)?) => {
        $crate::text::concat($template, &[$(&$part),*])
    };
}
pub(crate) use cat;

/// What can fill a `{}` of a [`cat!`] template.
pub(crate) trait Part {
    /// Writes the part at the end of `out`.
    fn put(&self, out: &mut String);
}

impl Part for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Part for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Part + ?Sized> Part for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

macro_rules! unsigned_part {
    ($($t:ty),+) => {$(
        impl Part for $t {
            fn put(&self, out: &mut String) {
                number(out, false, *self as u64);
            }
        }
    )+};
}
unsigned_part!(u8, u16, u32, u64, usize);

macro_rules! signed_part {
    ($($t:ty),+) => {$(
        impl Part for $t {
            fn put(&self, out: &mut String) {
                number(out, *self < 0, self.unsigned_abs() as u64);
            }
        }
    )+};
}
signed_part!(i32, i64);

/// A whole number in decimal digits, `-` first when `negative`.
#[inline(never)]
fn number(out: &mut String, negative: bool, mut magnitude: u64) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    while start > 0 {
        start -= 1;
        digits[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(start) {
        out.push(char::from(d));
    }
}

/// `template` with each `{}` replaced by the next of `parts` (what
/// [`cat!`] calls).
#[inline(never)]
pub(crate) fn concat(template: &str, parts: &[&dyn Part]) -> String {
    let mut out = String::new();
    let mut parts = parts.iter();
    let bytes = template.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1] == b'}' {
            out.push_str(template.get(start..i).unwrap_or_default());
            if let Some(part) = parts.next() {
                part.put(&mut out);
            }
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(template.get(start..).unwrap_or_default());
    out
}

/// A string shortened for an error message, so a 10 MB string does not make
/// a 10 MB message.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if code_points(s) <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// The number of Unicode code points in `s`: the bytes that do not continue
/// a UTF-8 sequence. (Smaller in wasm than `chars().count()`.)
pub(crate) fn code_points(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// `"a", "b", "c"`: the options a message lists.
pub(crate) fn quoted_list(options: &[&str]) -> String {
    let mut out = String::new();
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(option);
        out.push('"');
    }
    out
}

/// The known name closest to a misspelt one, when it is close enough to be
/// the likely intent (at most a third of its letters differ); of equally
/// close names, the first.
pub fn nearest<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    // No known name is near a very long string; and a hostile megabyte key
    // must not cost an edit distance over every byte. Without the
    // `suggestions` feature (the visitor page's wasm) there are none.
    if unknown.len() > 100 || cfg!(not(feature = "suggestions")) {
        return None;
    }
    let limit = (code_points(unknown) / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for &k in known {
        let d = edit_distance(unknown, k);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The longest stretch of a name the edit distance reads, in code points.
const COMPARED: usize = 64;

/// The first [`COMPARED`] code points of `s`, ASCII letters in lower case.
/// (On the stack: the heap-allocated version cost the wasm over 1 KB.)
fn folded(s: &str) -> ([char; COMPARED], usize) {
    let mut out = ['\0'; COMPARED];
    let mut n = 0;
    for c in s.chars().take(COMPARED) {
        out[n] = c.to_ascii_lowercase();
        n += 1;
    }
    (out, n)
}

/// Levenshtein distance over code points, ASCII letters compared without
/// case, with adjacent transpositions counted as one edit (`prcie` →
/// `price` is 1).
fn edit_distance(a: &str, b: &str) -> usize {
    let ((a, n), (b, m)) = (folded(a), folded(b));
    // Three rows of the table: two back, the last, and the one being made.
    // Distances are at most 64: a byte each.
    let mut rows = [[0u8; COMPARED + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let [prev2, prev, cur] = &mut rows;
        cur[0] = i as u8;
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            cur[j] = best;
        }
        rows.rotate_left(1);
    }
    usize::from(rows[1][m])
}

/// `there is no phase named "Inductoin" — did you mean "Induction"?`, or,
/// with nothing close, the list of names there are.
pub(crate) fn no_such_name(name: &str, known: &[&str], what: &str) -> String {
    let hint = match nearest(name, known) {
        Some(near) => cat!(" — did you mean \"{}\"?", near),
        None => cat!("; the {}s are {}", what, quoted_list(known)),
    };
    cat!("there is no {} named \"{}\"{}", what, clip(name), hint)
}

/// Whether `c` shows nothing by itself: white space (Unicode
/// `White_Space`, no-break spaces included), a control character (`Cc`), a
/// format character (`Cf`: zero-width spaces and joiners, bidi controls,
/// the byte-order mark, the soft hyphen…) or another default-ignorable code
/// point (variation selectors, Hangul fillers). A name made only of these
/// is blank; a spreadsheet may look past them for a formula. (Only price
/// sheets and quotes need it: not in the visitor wasm.)
#[cfg(sheets)]
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || INVISIBLE
            .iter()
            .any(|&(first, last)| (first..=last).contains(&c))
}

/// Whether `code` is shaped like a CPT or HCPCS Level II code: five
/// characters, either five digits (CPT Category I, `99205`, `00104`), four
/// digits and `F`, `T` or `U` (CPT Category II, III and PLA codes,
/// `0019T`), or a capital letter `A` to `V` and four digits (HCPCS Level
/// II, `G2082`, `J0013`). Only the shape: whether the code exists is the
/// code sets' business.
#[cfg(sheets)]
pub(crate) fn is_billing_code(code: &str) -> bool {
    match code.as_bytes() {
        [a, b, c, d, e] => {
            let digits = [b, c, d].iter().all(|x| x.is_ascii_digit());
            digits
                && ((a.is_ascii_digit() && (e.is_ascii_digit() || matches!(e, b'F' | b'T' | b'U')))
                    || ((b'A'..=b'V').contains(a) && e.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Whether `code` is shaped like an ICD-10-CM code: a capital letter, a
/// digit, a digit or capital letter (the category, `F33`, `C4A`), then
/// optionally a dot and one to four digits or capital letters (`F33.2`,
/// `F32.A`, `S52.521A`).
#[cfg(sheets)]
pub(crate) fn is_diagnosis_code(code: &str) -> bool {
    let alnum = |b: &u8| b.is_ascii_digit() || b.is_ascii_uppercase();
    match code.as_bytes() {
        [a, b, c, rest @ ..] => {
            a.is_ascii_uppercase()
                && b.is_ascii_digit()
                && alnum(c)
                && match rest {
                    [] => true,
                    [b'.', more @ ..] => (1..=4).contains(&more.len()) && more.iter().all(alnum),
                    _ => false,
                }
        }
        _ => false,
    }
}

/// The format characters (`General_Category=Cf`) and other
/// `Default_Ignorable_Code_Point`s of Unicode 16, as ranges; white space
/// and controls are tested by `char`'s own methods.
#[cfg(sheets)]
const INVISIBLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cat_writes_parts_as_format_does() {
        // Worked by hand: each `{}` takes the next part, in order.
        let key = String::from("price");
        assert_eq!(
            cat!("phases[{}].{}: {}", 3usize, key, -1250i64),
            "phases[3].price: -1250"
        );
        // The extremes of the number types, against std's own formatting.
        assert_eq!(cat!("{}", i64::MIN), i64::MIN.to_string());
        assert_eq!(cat!("{}", i64::MAX), "9223372036854775807");
        assert_eq!(cat!("{}", u64::MAX), "18446744073709551615");
        assert_eq!(cat!("{}|{}|{}", 0u8, -7i32, u32::MAX), "0|-7|4294967295");
        // A brace not directly closed is text; a `{}` with no part left
        // writes nothing.
        assert_eq!(cat!("{ \"months\": {} }", 12u32), "{ \"months\": 12 }");
        assert_eq!(cat!("a{}b{}", "x"), "axb");
        assert_eq!(cat!("no parts"), "no parts");
        assert_eq!(cat!("{}{}", "", "é…"), "é…");
    }

    #[test]
    fn billing_codes_are_cpt_or_hcpcs_shaped() {
        for good in [
            "99205", "00104", "90867", "0019T", "0001U", "1000F", "G2082", "J0013", "A0021",
            "V2020",
        ] {
            assert!(is_billing_code(good), "{good}");
        }
        // Four or six characters, a letter past V, lower case, a letter
        // other than F, T or U after four digits, a letter inside, a space.
        for bad in [
            "9920",
            "992051",
            "W1234",
            "g2082",
            "0019X",
            "99A05",
            "G208A",
            "9920 ",
            "",
            "PK6",
            "99214+99415",
        ] {
            assert!(!is_billing_code(bad), "{bad}");
        }
    }

    #[test]
    fn diagnosis_codes_are_icd_10_cm_shaped() {
        for good in [
            "F33.2", "F32.9", "F32.A", "F33", "C4A.0", "S52.521A", "Z00.00", "U07.1",
        ] {
            assert!(is_diagnosis_code(good), "{good}");
        }
        // No dot before a fourth character, an empty or five-character
        // tail, lower case, a digit first, a letter second, other signs.
        for bad in [
            "F332",
            "F33.",
            "F33.12345",
            "f33.2",
            "333.2",
            "FF3.2",
            "F3",
            "F33.2 ",
            " F33.2",
            "F33-2",
            "F33..2",
            "",
        ] {
            assert!(!is_diagnosis_code(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions() {
        let known = &[
            "name",
            "every",
            "sessions",
            "weeks",
            "startAfter",
            "price",
            "code",
            "covered",
        ];
        assert_eq!(nearest("prcie", known), Some("price"));
        assert_eq!(nearest("session", known), Some("sessions"));
        assert_eq!(nearest("start_after", known), Some("startAfter"));
        assert_eq!(nearest("colour", known), None);
    }
}
