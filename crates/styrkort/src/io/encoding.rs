//! From the bytes of a file to its text: UTF-8 (with or without a byte-order mark), UTF-16 with
//! a byte-order mark, and Windows-1252, the encoding Swedish Excel writes by default for "CSV
//! (semikolonavgränsad)".
//!
//! Detection ([`TextEncoding::Auto`]) trusts a byte-order mark, then reads bytes that are valid
//! UTF-8 as UTF-8 and anything else as Windows-1252, which every byte sequence is; the result
//! says so ([`Decoded::fallback`]), so that a program can state it. TOML and JSON are always
//! UTF-8: their readers accept a byte-order mark but never fall back. Bytes that do not decode
//! are a located error, never replaced in silence.
//!
//! ```
//! use styrkort::io::{TextEncoding, decode};
//!
//! let excel = b"measure;period;value\nM1;2021-D\xC5R;16,9\n";
//! let decoded = decode("utfall.csv", excel, TextEncoding::Auto).unwrap();
//! assert_eq!((decoded.encoding, decoded.fallback), (TextEncoding::Windows1252, true));
//! assert!(decoded.text.contains("2021-DÅR"));
//! let error = decode("utfall.csv", excel, TextEncoding::Utf8).unwrap_err();
//! assert_eq!(error.to_string(), "utfall.csv:2:10: not UTF-8: expected text encoded as UTF-8");
//! ```

use super::lines::LineIndex;
use super::windows_1252;
use crate::error::{Error, ErrorKind, Location};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// How the bytes of a file become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TextEncoding {
    /// Detected: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one, UTF-8 when
    /// the bytes are valid UTF-8, Windows-1252 otherwise.
    #[default]
    Auto,
    /// UTF-8; a byte-order mark is skipped.
    Utf8,
    /// UTF-16, little-endian (what Excel's "Unicode-text" writes); a byte-order mark is skipped.
    Utf16Le,
    /// UTF-16, big-endian; a byte-order mark is skipped.
    Utf16Be,
    /// Windows-1252, the superset of Latin-1 that Swedish Windows and Excel use.
    Windows1252,
}

impl TextEncoding {
    /// Every choice, [`TextEncoding::Auto`] first.
    pub const ALL: [TextEncoding; 5] = [
        TextEncoding::Auto,
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1252,
    ];

    /// The name: `auto`, `UTF-8`, `UTF-16LE`, `UTF-16BE`, `Windows-1252`.
    pub const fn name(self) -> &'static str {
        match self {
            TextEncoding::Auto => "auto",
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }

    fn byte_order_mark(self) -> &'static [u8] {
        match self {
            TextEncoding::Utf8 => b"\xEF\xBB\xBF",
            TextEncoding::Utf16Le => b"\xFF\xFE",
            TextEncoding::Utf16Be => b"\xFE\xFF",
            TextEncoding::Auto | TextEncoding::Windows1252 => b"",
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TextEncoding {
    type Err = Error;

    /// Any case, with or without the hyphen: `auto`, `utf-8`, `utf-16le`, `utf-16be`, `utf-16`
    /// (little-endian, as Windows writes it), `windows-1252`, `cp1252`, `latin-1`, `iso-8859-1`
    /// (read as Windows-1252, as browsers do).
    fn from_str(text: &str) -> Result<TextEncoding, Error> {
        let name: String = text.trim().chars().filter(|c| !matches!(c, '-' | '_')).collect();
        match name.to_ascii_lowercase().as_str() {
            "auto" => Ok(TextEncoding::Auto),
            "utf8" => Ok(TextEncoding::Utf8),
            "utf16" | "utf16le" => Ok(TextEncoding::Utf16Le),
            "utf16be" => Ok(TextEncoding::Utf16Be),
            "windows1252" | "cp1252" | "latin1" | "iso88591" => Ok(TextEncoding::Windows1252),
            _ => Err(Error::message(
                ErrorKind::Value,
                format!("'{text}' is not an encoding: expected auto, utf-8, utf-16le, utf-16be or windows-1252"),
            )),
        }
    }
}

/// The text of a file and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'b> {
    /// The text, without a byte-order mark; borrowed from the bytes when they were UTF-8.
    pub text: Cow<'b, str>,
    /// The encoding the bytes were read in (never [`TextEncoding::Auto`]).
    pub encoding: TextEncoding,
    /// Whether Windows-1252 was assumed because the bytes are not UTF-8 and carry no
    /// byte-order mark: worth stating, since nothing in the bytes says so.
    pub fallback: bool,
}

/// Decodes the bytes of a file. `file` names it in the error: bytes that are not valid in the
/// encoding (UTF-8, or UTF-16 with an unpaired surrogate) are an error of kind
/// [`ErrorKind::Io`] at the line and column where the text stops being readable.
pub fn decode<'b>(file: &str, bytes: &'b [u8], encoding: TextEncoding) -> Result<Decoded<'b>, Error> {
    let detected = match encoding {
        TextEncoding::Auto => match Encoding::for_bom(bytes) {
            Some((found, _)) if found == UTF_16LE => TextEncoding::Utf16Le,
            Some((found, _)) if found == UTF_16BE => TextEncoding::Utf16Be,
            Some(_) => TextEncoding::Utf8,
            None => {
                let (text, encoding, fallback) = match std::str::from_utf8(bytes) {
                    Ok(text) => (Cow::Borrowed(text), TextEncoding::Utf8, false),
                    Err(_) => (Cow::Owned(windows_1252::decode(bytes)), TextEncoding::Windows1252, true),
                };
                return Ok(Decoded { text, encoding, fallback });
            }
        },
        given => given,
    };
    let body = bytes.strip_prefix(detected.byte_order_mark()).unwrap_or(bytes);
    let text = match detected {
        TextEncoding::Utf8 | TextEncoding::Auto => match std::str::from_utf8(body) {
            Ok(text) => Cow::Borrowed(text),
            Err(error) => {
                let valid = body.get(..error.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
                return Err(undecodable(file, valid, TextEncoding::Utf8));
            }
        },
        TextEncoding::Windows1252 => Cow::Owned(windows_1252::decode(body)),
        TextEncoding::Utf16Le => Cow::Owned(decode_strictly(file, UTF_16LE, body, detected)?),
        TextEncoding::Utf16Be => Cow::Owned(decode_strictly(file, UTF_16BE, body, detected)?),
    };
    Ok(Decoded { text, encoding: detected, fallback: false })
}

/// Decodes in an encoding where some byte sequences are invalid, stopping at the first.
fn decode_strictly(file: &str, with: &'static Encoding, bytes: &[u8], name: TextEncoding) -> Result<String, Error> {
    let mut decoder = with.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    match decoder.decode_to_string_without_replacement(bytes, &mut text, true) {
        (DecoderResult::InputEmpty, _) => Ok(text),
        (DecoderResult::Malformed(..) | DecoderResult::OutputFull, _) => Err(undecodable(file, &text, name)),
    }
}

/// The error for bytes that stop being text in an encoding after `valid`, the text before them.
pub(crate) fn undecodable(file: &str, valid: &str, encoding: TextEncoding) -> Error {
    let (line, column) = LineIndex::new(valid).position(valid.len());
    Error::at(
        ErrorKind::Io,
        Location::file(file).at(line, Some(column)),
        format!("not {encoding}: expected text encoded as {encoding}"),
    )
}

/// Decodes a TOML or JSON file: UTF-8, or UTF-8 or UTF-16 with a byte-order mark; never a
/// fallback, since those formats are UTF-8 by definition.
pub(crate) fn decode_document<'b>(file: &str, bytes: &'b [u8], kind: ErrorKind) -> Result<Cow<'b, str>, Error> {
    let encoding = match decode(file, bytes, TextEncoding::Auto) {
        Ok(decoded) if !decoded.fallback => return Ok(decoded.text),
        Ok(_) => TextEncoding::Utf8,
        Err(error) => return Err(Error::new(kind, error.into_diagnostics())),
    };
    decode(file, bytes, encoding)
        .map(|decoded| decoded.text)
        .map_err(|error| Error::new(kind, error.into_diagnostics()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mark: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
        let units = text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        mark.iter().copied().chain(units).collect()
    }

    #[test]
    fn a_byte_order_mark_decides_then_utf8_then_windows_1252() {
        let text = "mått;värde\r\nM1;16,9\r\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            (with_bom, TextEncoding::Utf8),
            (utf16(text, false), TextEncoding::Utf16Le),
            (utf16(text, true), TextEncoding::Utf16Be),
        ] {
            let decoded = decode("f", &bytes, TextEncoding::Auto).expect("decodes");
            assert_eq!((decoded.text.as_ref(), decoded.encoding, decoded.fallback), (text, encoding, false));
        }
        let latin = encoding_rs::WINDOWS_1252.encode(text).0;
        let decoded = decode("f", &latin, TextEncoding::Auto).expect("decodes");
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding, decoded.fallback),
            (text, TextEncoding::Windows1252, true)
        );
        let forced = decode("f", text.as_bytes(), TextEncoding::Windows1252).expect("decodes");
        assert_eq!(forced.text, "mÃ¥tt;vÃ¤rde\r\nM1;16,9\r\n", "a forced encoding is used as given");
    }

    #[test]
    fn bytes_that_do_not_decode_are_located() {
        let error = decode("f", b"a\r\nb\xFFc", TextEncoding::Utf8).expect_err("not UTF-8");
        assert_eq!(error.to_string(), "f:2:2: not UTF-8: expected text encoded as UTF-8");
        let mut bytes = utf16("ab\ncd", false);
        bytes.extend([0x00, 0xD8, b'x', 0x00]);
        let error = decode("f", &bytes, TextEncoding::Auto).expect_err("an unpaired surrogate");
        assert_eq!(error.to_string(), "f:2:3: not UTF-16LE: expected text encoded as UTF-16LE");
        let error = decode_document("p.toml", b"namn = \"M\xE5l\"", ErrorKind::Scorecard).expect_err("no fallback");
        assert_eq!(
            (error.kind(), error.to_string().as_str()),
            (ErrorKind::Scorecard, "p.toml:1:10: not UTF-8: expected text encoded as UTF-8")
        );
    }

    #[test]
    fn names_read_back() {
        for encoding in TextEncoding::ALL {
            assert_eq!(encoding.name().parse::<TextEncoding>().ok(), Some(encoding));
        }
        assert_eq!("latin1".parse::<TextEncoding>().ok(), Some(TextEncoding::Windows1252));
        assert!("ebcdic".parse::<TextEncoding>().is_err());
    }
}
