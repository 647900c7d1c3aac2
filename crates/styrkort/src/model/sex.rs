//! Sex ("kön") of an observation or a target: total, women (kvinnor) or men (män).
//! Swedish regions report K/M side by side to follow gender equality ("jämställdhet").

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
    /// All three, in the order of the tables: `T`, `K`, `M`.
    pub const ALL: [Sex; 3] = [Sex::Total, Sex::Women, Sex::Men];

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

super::coded!(Sex, crate::ErrorKind::Value, "a sex", "T, K or M");

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

    #[test]
    fn all_in_table_order() {
        assert_eq!(Sex::ALL.map(Sex::code), ["T", "K", "M"]);
    }
}
