//! Sex ("kön") of an observation or a target: total, women (kvinnor) or men (män).
//! Swedish regions report K/M side by side to follow gender equality ("jämställdhet").

use std::fmt;
use std::str::FromStr;

/// Which part of the population a value or a target covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sex {
    /// `T`: total, both sexes together ("totalt").
    Total,
    /// `K`: women ("kvinnor").
    Women,
    /// `M`: men ("män").
    Men,
}

impl Sex {
    /// The code used in files and tables: `T`, `K`, `M`.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Total => "T",
            Sex::Women => "K",
            Sex::Men => "M",
        }
    }

    /// Parses `T`/`K`/`M` (any case) and the words `tot`, `totalt`, `kvinnor`, `män`.
    pub fn parse(text: &str) -> Option<Sex> {
        match text {
            "T" => return Some(Sex::Total),
            "K" => return Some(Sex::Women),
            "M" => return Some(Sex::Men),
            _ => {}
        }
        match text.trim().to_lowercase().as_str() {
            "t" | "tot" | "total" | "totalt" => Some(Sex::Total),
            "k" | "kvinnor" | "kvinna" => Some(Sex::Women),
            "m" | "män" | "man" => Some(Sex::Men),
            _ => None,
        }
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text that is not a sex code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a sex: expected T, K or M")]
pub struct SexError {
    /// The text that did not parse.
    pub input: String,
}

impl FromStr for Sex {
    type Err = SexError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Sex::parse(text).ok_or_else(|| SexError { input: text.to_owned() })
    }
}

super::serde_as_text!(Sex);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_words() {
        assert_eq!(Sex::parse("k"), Some(Sex::Women));
        assert_eq!(Sex::parse(" M "), Some(Sex::Men));
        assert_eq!(Sex::parse("tot"), Some(Sex::Total));
        assert_eq!(Sex::parse("X"), None);
        assert_eq!(Sex::Women.to_string(), "K");
    }
}
