//! Outcomes stated only as a change against the comparison period, as reports often write them:
//! absolute ("−1,8 procentenheter", "-7") or relative ("+200 %").

use crate::number::{format_signed, scan_decimal};
use rust_decimal::Decimal;
use std::fmt;

/// Whether a change is in the measure's own unit or relative to the comparison value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// In the measure's unit; for a percentage, percentage points ("procentenheter").
    Absolute,
    /// In percent of the value at the comparison period ("+200 %").
    Relative,
}

/// A change against the comparison period: the comparison value plus `amount` (absolute) or
/// times `1 + amount/100` (relative) is the period's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change {
    /// The signed amount: "−1,8" is −1.8, "+200 %" is 200.
    pub amount: Decimal,
    /// Absolute or relative.
    pub kind: ChangeKind,
}

/// The words after the number that make a change absolute in percentage points.
const POINTS: [&str; 7] = ["procentenheter", "procentenhet", "p.e.", "pe", "pp", "e", "percentage points"];
/// The words that make it relative.
const PERCENT: [&str; 2] = ["%", "procent"];

impl Change {
    /// An absolute change.
    pub fn absolute(amount: Decimal) -> Change {
        Change { amount, kind: ChangeKind::Absolute }
    }

    /// A relative change, in percent.
    pub fn relative(amount: Decimal) -> Change {
        Change { amount, kind: ChangeKind::Relative }
    }

    /// Reads a change as reports write it: a sign (`+`, `-` or `−`; none means an increase), a
    /// number with a decimal comma or point, and `%`/`procent` for a relative change or
    /// `procentenheter` (`p.e.`) or nothing for an absolute one. Case and space do not matter.
    ///
    /// ```
    /// use styrkort::model::{Change, ChangeKind};
    /// use rust_decimal::Decimal;
    /// assert_eq!(Change::parse("−1,8 procentenheter"), Some(Change::absolute(Decimal::new(-18, 1))));
    /// assert_eq!(Change::parse("+200 %"), Some(Change::relative(Decimal::new(200, 0))));
    /// assert_eq!(Change::parse("-7"), Some(Change::absolute(Decimal::new(-7, 0))));
    /// assert_eq!(Change::parse("mycket"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Change> {
        let text = text.trim();
        let (negative, rest) = match text.chars().next()? {
            c @ ('-' | '\u{2212}' | '\u{2013}') => (true, text.get(c.len_utf8()..)?),
            '+' => (false, text.get(1..)?),
            _ => (false, text),
        };
        let rest = rest.trim_start();
        let (magnitude, used) = scan_decimal(rest)?;
        let unit = rest.get(used..)?.trim().to_lowercase();
        let kind = if unit.is_empty() || POINTS.contains(&unit.as_str()) {
            ChangeKind::Absolute
        } else if PERCENT.contains(&unit.as_str()) {
            ChangeKind::Relative
        } else {
            return None;
        };
        let amount = if negative { magnitude.checked_mul(Decimal::NEGATIVE_ONE)? } else { magnitude };
        Some(Change { amount, kind })
    }

    /// The value at the period, from the value at the comparison period; none when the
    /// arithmetic overflows.
    pub fn apply(self, base: Decimal) -> Option<Decimal> {
        match self.kind {
            ChangeKind::Absolute => base.checked_add(self.amount),
            ChangeKind::Relative => {
                let factor = Decimal::ONE.checked_add(self.amount.checked_div(Decimal::ONE_HUNDRED)?)?;
                base.checked_mul(factor)
            }
        }
    }

    /// The change in words for a measure: "+200 %", "−1,8 procentenheter" for a percentage,
    /// "−7" otherwise (with the unit the report writes for the measure's values).
    pub fn text_for(self, percent_measure: bool) -> String {
        match (self.kind, percent_measure) {
            (ChangeKind::Relative, _) => format!("{} %", format_signed(self.amount)),
            (ChangeKind::Absolute, true) => format!("{} procentenheter", format_signed(self.amount)),
            (ChangeKind::Absolute, false) => format_signed(self.amount),
        }
    }
}

impl fmt::Display for Change {
    /// `+200 %` or `−1,8`: what [`Change::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ChangeKind::Relative => write!(f, "{} %", format_signed(self.amount)),
            ChangeKind::Absolute => f.write_str(&format_signed(self.amount)),
        }
    }
}

impl std::str::FromStr for Change {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<Change, crate::Error> {
        Change::parse(text).ok_or_else(|| {
            crate::Error::message(
                crate::ErrorKind::Value,
                format!(
                    "'{text}' is not a change: expected a signed number with % for a relative change or procentenheter (or nothing) for an absolute one, such as +200 % or −1,8 procentenheter"
                ),
            )
        })
    }
}

impl serde::Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Change, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().expect("test literal")
    }

    #[test]
    fn the_forms_reports_write() {
        assert_eq!(Change::parse("+36 %"), Some(Change::relative(d("36"))));
        assert_eq!(Change::parse("-4,5 %"), Some(Change::relative(d("-4.5"))));
        assert_eq!(Change::parse("+1,9 procentenheter"), Some(Change::absolute(d("1.9"))));
        assert_eq!(Change::parse("− 1,8 p.e."), Some(Change::absolute(d("-1.8"))));
        assert_eq!(Change::parse("5 procent"), Some(Change::relative(d("5"))));
        assert_eq!(Change::parse("+"), None);
        assert_eq!(Change::parse("+5 kr"), None);
    }

    #[test]
    fn display_reads_back_with_a_true_minus_and_an_explicit_plus() {
        for change in [Change::relative(d("200")), Change::absolute(d("-1.8")), Change::absolute(d("0"))] {
            assert_eq!(Change::parse(&change.to_string()), Some(change), "{change}");
        }
        assert_eq!(Change::absolute(d("-1.8")).text_for(true), "\u{2212}1,8 procentenheter");
        assert_eq!(Change::relative(d("200")).to_string(), "+200 %");
    }

    #[test]
    fn applied_to_the_comparison_value() {
        assert_eq!(Change::relative(d("200")).apply(d("10")), Some(d("30")));
        assert_eq!(Change::absolute(d("-1.8")).apply(d("8.4")), Some(d("6.6")));
    }
}
