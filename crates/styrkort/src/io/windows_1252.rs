//! Windows-1252, the encoding of Swedish Excel's "CSV (semikolonavgränsad)", decoded as the
//! WHATWG Encoding Standard (and `encoding_rs`) decodes it, but faster on what such files hold:
//! mostly ASCII with a letter like "Å" on every row ("2021-DÅ04"), which breaks the long ASCII
//! runs a general decoder is fast on. Eight bytes of ASCII are copied at a time; every other
//! byte is looked up.

/// The characters of the bytes 0x80–0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stand for the control
/// characters of the same number. The bytes 0xA0–0xFF are the characters U+00A0–U+00FF.
const HIGH_CONTROLS: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character of a byte.
fn char_of(byte: u8) -> char {
    match byte {
        0x80..=0x9F => HIGH_CONTROLS.get(usize::from(byte & 0x1F)).copied().unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// Decodes Windows-1252 bytes (every byte is a character: nothing can fail).
pub(crate) fn decode(bytes: &[u8]) -> String {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // Most non-ASCII characters of Swedish text take two bytes in UTF-8.
    let mut text = String::with_capacity(bytes.len().saturating_add(bytes.len() / 16));
    let mut rest = bytes;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        if u64::from_ne_bytes(*chunk) & HIGH_BITS == 0 {
            // Eight ASCII bytes are eight characters.
            text.extend(chunk.iter().map(|&byte| char::from(byte)));
        } else {
            text.extend(chunk.iter().map(|&byte| char_of(byte)));
        }
        rest = tail;
    }
    text.extend(rest.iter().map(|&byte| char_of(byte)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn standard(bytes: &[u8]) -> String {
        encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
    }

    #[test]
    fn every_byte_is_the_character_the_standard_says() {
        for byte in 0..=u8::MAX {
            assert_eq!(decode(&[byte]), standard(&[byte]), "byte {byte:#04x}");
        }
        assert_eq!(decode(b"M\xe5tt;v\xe4rde\r\n2021-D\xc504;\x80 5\r\n"), "Mått;värde\r\n2021-DÅ04;€ 5\r\n");
    }

    proptest! {
        #[test]
        fn any_bytes_decode_as_the_standard_decodes_them(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(decode(&bytes), standard(&bytes));
        }

        #[test]
        fn mostly_ascii_text_decodes_as_the_standard_decodes_it(
            parts in proptest::collection::vec((0u8..0x80, proptest::option::weighted(0.1, 0x80u8..=0xFF)), 0..300)
        ) {
            let bytes: Vec<u8> = parts.iter().flat_map(|&(ascii, high)| std::iter::once(ascii).chain(high)).collect();
            prop_assert_eq!(decode(&bytes), standard(&bytes));
        }
    }
}
