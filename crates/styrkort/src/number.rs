//! Numbers as Swedish documents write them: decimal comma ("16,9"), a space or no-break space
//! as thousands separator ("35 000"), a leading minus or the typographic minus ("−1,8").
//!
//! Every quantity in styrkort is a [`Decimal`]; this module is the one place that turns text into
//! one, so that the file loaders and the target language agree on what a number is.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Parses a number written the Swedish way or the ASCII way.
///
/// Accepted: an optional sign (`-`, `+`, or U+2212 `−`), digits with optional thousands
/// separators (a space, a no-break space U+00A0 or a narrow no-break space U+202F, each between
/// groups of exactly three digits), and an optional decimal part after `,` or `.`.
/// Surrounding white space is ignored. Returns `None` for anything else, including an empty text.
///
/// ```
/// use styrkort::number::parse_decimal;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_decimal("16,9"), Some(Decimal::new(169, 1)));
/// assert_eq!(parse_decimal("35 000"), Some(Decimal::new(35000, 0)));
/// assert_eq!(parse_decimal("−1,8"), Some(Decimal::new(-18, 1)));
/// assert_eq!(parse_decimal("1 2"), None);
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match text.chars().next()? {
        '-' | '\u{2212}' => (true, &text[text.chars().next()?.len_utf8()..]),
        '+' => (false, &text[1..]),
        _ => (false, text),
    };
    let mut digits = String::with_capacity(body.len() + 1);
    if negative {
        digits.push('-');
    }
    let mut group_len = 0usize; // digits since the last thousands separator
    let mut separated = false; // a thousands separator has been seen
    let mut fraction = false;
    let mut any_digit = false;
    let mut last_was_separator = false;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                any_digit = true;
                group_len += 1;
                last_was_separator = false;
            }
            ' ' | '\u{a0}' | '\u{202f}' if !fraction => {
                if !any_digit || last_was_separator || (separated && group_len != 3) || group_len > 3 {
                    return None;
                }
                separated = true;
                group_len = 0;
                last_was_separator = true;
            }
            ',' | '.' if !fraction => {
                if !any_digit || last_was_separator || (separated && group_len != 3) {
                    return None;
                }
                fraction = true;
                digits.push('.');
                group_len = 0;
            }
            _ => return None,
        }
    }
    if !any_digit || last_was_separator || (separated && !fraction && group_len != 3) {
        return None;
    }
    if digits.ends_with('.') {
        return None;
    }
    Decimal::from_str(&digits).ok()
}

/// Writes a decimal the Swedish way: decimal comma, no thousands separator, no trailing
/// exponent, keeping the scale it has ("16,0" stays "16,0").
pub fn format_decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("test literal")
    }

    #[test]
    fn swedish_and_ascii_forms() {
        assert_eq!(parse_decimal("16,0"), Some(d("16.0")));
        assert_eq!(parse_decimal("16.0"), Some(d("16.0")));
        assert_eq!(parse_decimal("  72 "), Some(d("72")));
        assert_eq!(parse_decimal("1 232"), Some(d("1232")));
        assert_eq!(parse_decimal("100\u{a0}000"), Some(d("100000")));
        assert_eq!(parse_decimal("313 654,5"), Some(d("313654.5")));
        assert_eq!(parse_decimal("-172,3"), Some(d("-172.3")));
        assert_eq!(parse_decimal("+5"), Some(d("5")));
    }

    #[test]
    fn rejects_what_is_not_one_number() {
        for bad in ["", " ", "-", ",5", "5,", "1 2", "12 34", "1,2,3", "1 000 00", "abc", "5 %", "1  000", "1e5"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_with_decimal_comma() {
        assert_eq!(format_decimal(d("16.0")), "16,0");
        assert_eq!(format_decimal(d("-3")), "-3");
    }
}
