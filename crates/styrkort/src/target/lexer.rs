//! The tokenizer of the target language: words, numbers (Swedish decimal comma, space
//! thousands separators, read by [`crate::number::scan_decimal`]), comparison signs and
//! punctuation, each with its byte span. Hand-written; it allocates only the token vector.

use super::BoundKind;
use crate::number::scan_decimal;
use rust_decimal::Decimal;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// An unsigned number.
    Num(Decimal),
    /// Digits with a second decimal mark ("1,5,2"): no number at all.
    BadNumber,
    /// A run of letters (with inner hyphens, "Hjärt-sjukdom").
    Word,
    /// A comparison sign: `≥` or `>=` (at least), `>` (over), `≤` or `<=` (at most), `<` (under).
    Sign(BoundKind),
    /// `=`.
    Equals,
    /// `%`.
    Percent,
    /// `:`.
    Colon,
    /// `,`.
    Comma,
    /// `;`.
    Semicolon,
    /// `/`.
    Slash,
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// `-`, `–`, `—` or `−`.
    Dash,
    /// Anything else, including digits that do not fit a [`Decimal`].
    Other,
}

/// A token and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// What it is.
    pub kind: TokKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// No white space between this token and the one before ("K40", "2019-12").
    pub glued: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '²' || c == '³'
}

/// Whether `bytes` starts with a decimal mark followed by a digit: the rest of a number that
/// has already had its decimal part ("1,5" + ",2").
fn second_decimal_mark(bytes: &[u8]) -> bool {
    matches!(bytes, [b',' | b'.', digit, ..] if digit.is_ascii_digit())
}

/// Splits `text` into tokens; `offset` is added to every span.
pub(crate) fn tokenize(text: &str, offset: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev_end = usize::MAX;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        if c.is_whitespace() {
            i = i.saturating_add(c.len_utf8());
            continue;
        }
        let start = i;
        let next = bytes.get(i.saturating_add(1)).copied();
        let kind = if c.is_ascii_digit() {
            match scan_decimal(&text[i..]) {
                Some((value, used)) => {
                    i = i.saturating_add(used);
                    if second_decimal_mark(bytes.get(i..).unwrap_or_default()) {
                        while second_decimal_mark(bytes.get(i..).unwrap_or_default()) {
                            i = i.saturating_add(1);
                            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                                i = i.saturating_add(1);
                            }
                        }
                        TokKind::BadNumber
                    } else {
                        TokKind::Num(value)
                    }
                }
                None => {
                    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                        i = i.saturating_add(1);
                    }
                    TokKind::Other
                }
            }
        } else if is_word_char(c) {
            i = i.saturating_add(c.len_utf8());
            loop {
                let mut rest = text[i..].chars();
                match rest.next() {
                    Some(c) if is_word_char(c) => i = i.saturating_add(c.len_utf8()),
                    Some('-') if rest.next().is_some_and(is_word_char) => i = i.saturating_add(1),
                    _ => break,
                }
            }
            TokKind::Word
        } else {
            i = i.saturating_add(c.len_utf8());
            match (c, next) {
                ('>' | '<', Some(b'=')) => {
                    i = i.saturating_add(1);
                    TokKind::Sign(if c == '>' { BoundKind::AtLeast } else { BoundKind::AtMost })
                }
                ('≥' | '⩾', _) => TokKind::Sign(BoundKind::AtLeast),
                ('≤' | '⩽', _) => TokKind::Sign(BoundKind::AtMost),
                ('>', _) => TokKind::Sign(BoundKind::Over),
                ('<', _) => TokKind::Sign(BoundKind::Under),
                ('=', _) => TokKind::Equals,
                ('%', _) => TokKind::Percent,
                (':', _) => TokKind::Colon,
                (',', _) => TokKind::Comma,
                (';', _) => TokKind::Semicolon,
                ('/', _) => TokKind::Slash,
                ('(', _) => TokKind::Open,
                (')', _) => TokKind::Close,
                ('-' | '–' | '—' | '−', _) => TokKind::Dash,
                _ => TokKind::Other,
            }
        };
        out.push(Tok {
            kind,
            start: start.saturating_add(offset),
            end: i.saturating_add(offset),
            glued: prev_end == start,
        });
        prev_end = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokKind> {
        let mut out = Vec::new();
        tokenize(text, 0, &mut out);
        out.into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        use TokKind::*;
        assert_eq!(
            kinds("K40, M 17,2 %"),
            vec![Word, Num(Decimal::new(40, 0)), Comma, Word, Num(Decimal::new(172, 1)), Percent]
        );
        assert_eq!(kinds("35 000 (x)"), vec![Num(Decimal::new(35000, 0)), Open, Word, Close]);
        assert_eq!(
            kinds("Hjärt-sjukdom 2019-12"),
            vec![Word, Num(Decimal::new(2019, 0)), Dash, Num(Decimal::new(12, 0))]
        );
        assert_eq!(kinds("m² –"), vec![Word, Dash]);
    }

    #[test]
    fn reads_comparison_signs() {
        use TokKind::*;
        let five = Num(Decimal::new(5, 0));
        assert_eq!(kinds("≥5"), vec![Sign(BoundKind::AtLeast), five]);
        assert_eq!(kinds(">= 5"), vec![Sign(BoundKind::AtLeast), five]);
        assert_eq!(kinds("≤ 5 <=5"), vec![Sign(BoundKind::AtMost), five, Sign(BoundKind::AtMost), five]);
        assert_eq!(kinds(">5 <5 =5"), vec![Sign(BoundKind::Over), five, Sign(BoundKind::Under), five, Equals, five]);
    }

    #[test]
    fn a_second_decimal_mark_makes_no_number() {
        use TokKind::*;
        assert_eq!(kinds("1,5,2 %"), vec![BadNumber, Percent]);
        assert_eq!(kinds("1.5.2.7"), vec![BadNumber]);
        assert_eq!(kinds("1 000,5,2"), vec![BadNumber]);
        assert_eq!(kinds("1,5, 2"), vec![Num(Decimal::new(15, 1)), Comma, Num(Decimal::new(2, 0))]);
        assert_eq!(kinds("40,M"), vec![Num(Decimal::new(40, 0)), Comma, Word]);
    }

    #[test]
    fn marks_glued_tokens() {
        let mut out = Vec::new();
        tokenize("DÅ 04 T1", 0, &mut out);
        let glued: Vec<bool> = out.iter().map(|t| t.glued).collect();
        assert_eq!(glued, vec![false, false, false, true]);
    }
}
