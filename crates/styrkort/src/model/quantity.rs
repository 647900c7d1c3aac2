//! How quantities travel in files: as text with a decimal comma ("16,9") or point, or as a
//! TOML/JSON number. They are always read into a [`Decimal`], never through a float comparison,
//! and written back as text with a decimal comma.

use crate::number::{format_decimal, parse_decimal, parse_json_number};
use rust_decimal::Decimal;
use serde::{Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

struct QuantityVisitor;

/// The key under which serde_json (with `arbitrary_precision`) hands a number's text to a map
/// visitor.
const JSON_NUMBER: &str = "$serde_json::private::Number";

impl<'de> serde::de::Visitor<'de> for QuantityVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or a text such as \"16,9\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse_decimal(text).ok_or_else(|| {
            E::custom(format!(
                "'{text}' is not a number: expected digits with a decimal comma or point, such as \"16,9\""
            ))
        })
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Decimal, E> {
        // A TOML float: the shortest text that reads back as this float is what the author
        // wrote. (JSON numbers never come here: they arrive as their text, below.)
        Decimal::from_str(&value.to_string()).map_err(|_| E::custom(format!("{value} is out of range for a quantity")))
    }

    /// A JSON number that is not a plain 64-bit integer arrives as its text (serde_json's
    /// `arbitrary_precision`): read every digit of it.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        use serde::de::Error;
        let key: Option<std::borrow::Cow<'de, str>> = map.next_key()?;
        if key.as_deref() != Some(JSON_NUMBER) {
            return Err(A::Error::custom("expected a number, or a text such as \"16,9\""));
        }
        let text: String = map.next_value()?;
        parse_json_number(&text).ok_or_else(|| {
            A::Error::custom(format!(
                "{text} does not fit a decimal exactly: at most 28 decimals and 28 digits; write it as a text to keep it"
            ))
        })
    }
}

/// Reads a quantity from text or a number.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(QuantityVisitor)
}

/// Writes a quantity as text with a decimal comma.
pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_decimal(*value))
}

/// The same for an optional quantity.
pub(crate) mod option {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        super::deserialize(deserializer).map(Some)
    }

    pub(crate) fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => super::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }
}
