//! The tokenizer of the target language: words, numbers (Swedish decimal comma, space
//! thousands separators, read by [`crate::number::scan_decimal`]) and punctuation, each with its
//! byte span. Hand-written; it allocates only the token vector.

use crate::number::scan_decimal;
use rust_decimal::Decimal;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// An unsigned number.
    Num(Decimal),
    /// A run of letters (with inner hyphens, "Hjärt-sjukdom").
    Word,
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

/// Splits `text` into tokens; `offset` is added to every span.
pub(crate) fn tokenize(text: &str, offset: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev_end = usize::MAX;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind = if bytes[i].is_ascii_digit() {
            match scan_decimal(&text[i..]) {
                Some((value, used)) => {
                    i += used;
                    TokKind::Num(value)
                }
                None => {
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    TokKind::Other
                }
            }
        } else if is_word_char(c) {
            i += c.len_utf8();
            loop {
                let mut rest = text[i..].chars();
                match rest.next() {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    Some('-') if rest.next().is_some_and(is_word_char) => i += 1,
                    _ => break,
                }
            }
            TokKind::Word
        } else {
            i += c.len_utf8();
            match c {
                '%' => TokKind::Percent,
                ':' => TokKind::Colon,
                ',' => TokKind::Comma,
                ';' => TokKind::Semicolon,
                '/' => TokKind::Slash,
                '-' | '–' | '—' | '−' => TokKind::Dash,
                _ => TokKind::Other,
            }
        };
        out.push(Tok { kind, start: start + offset, end: i + offset, glued: prev_end == start });
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
        assert_eq!(kinds("35 000 (x)"), vec![Num(Decimal::new(35000, 0)), Other, Word, Other]);
        assert_eq!(
            kinds("Hjärt-sjukdom 2019-12"),
            vec![Word, Num(Decimal::new(2019, 0)), Dash, Num(Decimal::new(12, 0))]
        );
        assert_eq!(kinds("m² –"), vec![Word, Dash]);
    }

    #[test]
    fn marks_glued_tokens() {
        let mut out = Vec::new();
        tokenize("DÅ 04 T1", 0, &mut out);
        let glued: Vec<bool> = out.iter().map(|t| t.glued).collect();
        assert_eq!(glued, vec![false, false, false, true]);
    }
}
