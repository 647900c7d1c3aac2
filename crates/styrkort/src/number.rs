//! Numbers as Swedish documents write them: decimal comma ("16,9"), a space or no-break space
//! as thousands separator ("35 000"), a leading minus or the typographic minus ("−1,8").
//!
//! Every quantity in styrkort is a [`Decimal`]; this module is the one place that turns text into
//! one, so that the file loaders and the target language agree on what a number is.

use rust_decimal::Decimal;
use std::ops::Neg;

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
        c @ ('-' | '\u{2212}') => (true, text.get(c.len_utf8()..)?),
        '+' => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (value, used) = scan_decimal(body)?;
    if used != body.len() {
        return None;
    }
    Some(if negative { value.neg() } else { value })
}

/// The Swedish number words zero to twelve, one in the neuter (`ett`) as "mål" is neuter: the
/// words the reports write for counts and the target language reads as numbers.
pub const NUMBER_WORDS: [&str; 13] =
    ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

/// The value of a Swedish number word, zero to twelve, in any case; `en` is one too (the common
/// gender's one).
///
/// ```
/// use styrkort::number::number_word;
/// assert_eq!(number_word("Ett"), Some(1));
/// assert_eq!(number_word("en"), Some(1));
/// assert_eq!(number_word("TOLV"), Some(12));
/// assert_eq!(number_word("tretton"), None);
/// ```
pub fn number_word(word: &str) -> Option<u32> {
    let is = |spelling: &str| word.chars().flat_map(char::to_lowercase).eq(spelling.chars());
    if is("en") {
        return Some(1);
    }
    (0u32..).zip(NUMBER_WORDS).find(|(_, spelling)| is(spelling)).map(|(value, _)| value)
}

/// Reads the longest unsigned number at the start of `text` and returns it with the number of
/// bytes it used, or `None` when `text` does not start with a digit (or the number does not fit a
/// [`Decimal`]).
///
/// The rules are those of [`parse_decimal`]: digits, thousands separators (one space, no-break
/// space or narrow no-break space, each followed by exactly three digits, after a first group of at
/// most three digits), and a decimal part after `,` or `.` when a digit follows it. A separator or
/// decimal mark that does not fit is simply not part of the number: `"40, M"` reads `40` and stops
/// before the comma, `"2018 250"` reads `2018`. Nothing is allocated, so the target parser can call
/// it for every token.
///
/// ```
/// use styrkort::number::scan_decimal;
/// use rust_decimal::Decimal;
/// assert_eq!(scan_decimal("35 000 kr"), Some((Decimal::new(35000, 0), 6)));
/// assert_eq!(scan_decimal("16,0 %"), Some((Decimal::new(160, 1), 4)));
/// assert_eq!(scan_decimal("40, M40"), Some((Decimal::new(40, 0), 2)));
/// assert_eq!(scan_decimal("kr"), None);
/// ```
pub fn scan_decimal(text: &str) -> Option<(Decimal, usize)> {
    let bytes = text.as_bytes();
    let digit = |at: usize| bytes.get(at).copied().filter(u8::is_ascii_digit);
    let mut mantissa: u128 = 0;
    let mut scale: u32 = 0;
    let mut overflow = false;
    let mut push = |mantissa: &mut u128, digit: u8| match mantissa
        .checked_mul(10)
        .and_then(|m| m.checked_add(u128::from(digit.wrapping_sub(b'0'))))
    {
        Some(m) if m < (1u128 << 96) => *mantissa = m,
        _ => overflow = true,
    };
    let mut i = 0usize;
    while let Some(d) = digit(i) {
        push(&mut mantissa, d);
        i = i.saturating_add(1);
    }
    if i == 0 {
        return None;
    }
    if i <= 3 {
        // Thousands groups: separator + exactly three digits + no fourth digit.
        loop {
            let sep = separator_len(bytes.get(i..).unwrap_or_default());
            if sep == 0 {
                break;
            }
            let group = i.saturating_add(sep);
            let three = [digit(group), digit(group.saturating_add(1)), digit(group.saturating_add(2))];
            let [Some(a), Some(b), Some(c)] = three else { break };
            if digit(group.saturating_add(3)).is_some() {
                break;
            }
            for d in [a, b, c] {
                push(&mut mantissa, d);
            }
            i = group.saturating_add(3);
        }
    }
    if matches!(bytes.get(i), Some(b',' | b'.')) && digit(i.saturating_add(1)).is_some() {
        i = i.saturating_add(1);
        while let Some(d) = digit(i) {
            push(&mut mantissa, d);
            scale = scale.saturating_add(1);
            i = i.saturating_add(1);
        }
    }
    if overflow || scale > 28 {
        return None;
    }
    let signed = i128::try_from(mantissa).ok()?;
    Decimal::try_from_i128_with_scale(signed, scale).ok().map(|d| (d, i))
}

/// Reads a number as JSON writes it (`17.6`, `-3`, `1.5e3`, `12345678901234567890123456`),
/// exactly: every digit is kept, an exponent moves the decimal point, and a number that a
/// [`Decimal`] cannot hold without rounding (more than 28 decimals, or beyond about 7,9 × 10²⁸)
/// is `None`, never a rounded value.
///
/// ```
/// use styrkort::number::parse_json_number;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_json_number("7.000000000000000001"), Some(Decimal::new(7_000_000_000_000_000_001, 18)));
/// assert_eq!(parse_json_number("1.5e3"), Some(Decimal::new(1500, 0)));
/// assert_eq!(parse_json_number("2.5E-2"), Some(Decimal::new(25, 3)));
/// assert_eq!(parse_json_number("1e29"), None);
/// ```
pub fn parse_json_number(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let (digits, exponent) = match body.find(['e', 'E']) {
        Some(at) => (body.get(..at)?, body.get(at.checked_add(1)?..)?.parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (digits, ""),
    };
    if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa: i128 = 0;
    for digit in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit.checked_sub(b'0')?))?;
    }
    let mut scale = i32::try_from(fraction.len()).ok()?.checked_sub(exponent)?;
    while scale < 0 {
        mantissa = mantissa.checked_mul(10)?;
        scale = scale.checked_add(1)?;
    }
    // Trailing zeros beyond what a decimal can carry are dropped without changing the value.
    while scale > 28 && mantissa.checked_rem(10) == Some(0) {
        mantissa = mantissa.checked_div(10)?;
        scale = scale.checked_sub(1)?;
    }
    let mantissa = if negative { mantissa.checked_neg()? } else { mantissa };
    Decimal::try_from_i128_with_scale(mantissa, u32::try_from(scale).ok()?).ok()
}

/// The byte length of a thousands separator at the start of `bytes` (space, U+00A0, U+202F), or 0.
fn separator_len(bytes: &[u8]) -> usize {
    match bytes {
        [b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0xAF, ..] => 3,
        _ => 0,
    }
}

/// Writes a decimal for people: decimal comma, the scale it has ("16,0" stays "16,0"), and a
/// space between thousands groups when the whole part has five digits or more ("35 000",
/// "2019", "1300"), as Swedish typography does. [`parse_decimal`] reads it back.
///
/// ```
/// use styrkort::number::format_decimal_grouped;
/// use rust_decimal::Decimal;
/// assert_eq!(format_decimal_grouped(Decimal::new(35000, 0)), "35 000");
/// assert_eq!(format_decimal_grouped(Decimal::new(-1234567, 1)), "-123 456,7");
/// assert_eq!(format_decimal_grouped(Decimal::new(2019, 0)), "2019");
/// ```
pub fn format_decimal_grouped(value: Decimal) -> String {
    let plain = format_decimal(value);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = match rest.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    if whole.len() < 5 {
        return plain;
    }
    let mut out = String::with_capacity(plain.len().saturating_add(whole.len() / 3));
    out.push_str(sign);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && whole.len().saturating_sub(index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Writes a decimal the Swedish way: decimal comma, no thousands separator, no trailing
/// exponent, keeping the scale it has ("16,0" stays "16,0").
pub fn format_decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// Writes a difference the way Swedish reports do: an explicit plus sign for a positive value,
/// the minus sign U+2212 (not a hyphen) for a negative one, nothing for zero; decimal comma.
///
/// ```
/// use styrkort::number::format_signed;
/// use rust_decimal::Decimal;
/// assert_eq!(format_signed(Decimal::new(-18, 1)), "\u{2212}1,8");
/// assert_eq!(format_signed(Decimal::new(200, 0)), "+200");
/// assert_eq!(format_signed(Decimal::ZERO), "0");
/// ```
pub fn format_signed(value: Decimal) -> String {
    let magnitude = format_decimal(value.abs());
    if value.is_sign_negative() && !value.is_zero() {
        format!("\u{2212}{magnitude}")
    } else if value.is_zero() {
        magnitude
    } else {
        format!("+{magnitude}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

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
    fn scans_a_number_prefix() {
        assert_eq!(scan_decimal("2019-12"), Some((d("2019"), 4)));
        assert_eq!(scan_decimal("2018 250"), Some((d("2018"), 4)));
        assert_eq!(scan_decimal("1 000 00"), Some((d("1000"), 5)));
        assert_eq!(scan_decimal("5,"), Some((d("5"), 1)));
        assert_eq!(scan_decimal("100\u{202f}000 kr"), Some((d("100000"), 9)));
        assert_eq!(scan_decimal("99999999999999999999999999999999"), None);
    }

    #[test]
    fn grouped_format_reads_back() {
        for text in ["0", "16,0", "35000", "-35000", "1234567,89", "100000"] {
            let value = d(&text.replace(',', "."));
            assert_eq!(parse_decimal(&format_decimal_grouped(value)), Some(value), "{text}");
        }
        assert_eq!(format_decimal_grouped(d("1234567")), "1 234 567");
    }

    #[test]
    fn json_numbers_are_read_exactly_or_not_at_all() {
        assert_eq!(parse_json_number("17.6"), Some(d("17.6")));
        assert_eq!(parse_json_number("-0.50"), Some(d("-0.50")));
        assert_eq!(parse_json_number("12345678901234567890123456"), Some(d("12345678901234567890123456")));
        assert_eq!(parse_json_number("1.2345678901234567890123456e25"), Some(d("12345678901234567890123456")));
        assert_eq!(parse_json_number("1e-28"), Some(d("0.0000000000000000000000000001")));
        for bad in ["", "-", "1.", ".5", "1e", "1e-29", "99999999999999999999999999999", "1e400", "0x10", "1,5"] {
            assert_eq!(parse_json_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_with_decimal_comma() {
        assert_eq!(format_decimal(d("16.0")), "16,0");
        assert_eq!(format_decimal(d("-3")), "-3");
    }
}
