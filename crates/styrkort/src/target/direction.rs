//! Targets that compare a value with a comparison base ("jämförelsebas"): a plain direction
//! ("Öka", "Minska", "Bibehålla", "Positiv trend", "Minskad skillnad"), a relative change
//! ("Öka med 5 %", "Minskning med 15 %", "Dubbling jmf 2019", "Öka med 2 procentenheter") and an
//! absolute change ("Öka med 1 200", "Minska med 3 st").

use super::Unit;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Which way a value should move against its comparison base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "Öka", "Ökande", "Ökning": above the base.
    Increase,
    /// "Minska", "Minskande", "Minskning": below the base.
    Decrease,
    /// "Bibehålla", "Inte minska", "Bibehåller eller öka": not worse than the base (polarity decides
    /// which side is worse).
    Maintain,
    /// "Förbättrat värde": better than the base, polarity-aware.
    Improve,
    /// "Positiv trend": better than the base, polarity-aware, read as a trend over periods.
    PositiveTrend,
    /// "Minskad skillnad": the gap to a reference (riket, comparable hospitals) shrinks.
    NarrowGap,
    /// "Minskad skillnad mellan könen": the gap between women and men shrinks.
    NarrowSexGap,
}

impl Direction {
    /// The canonical Swedish wording: "Öka", "Minska", "Bibehålla", "Förbättrat värde",
    /// "Positiv trend", "Minskad skillnad", "Minskad skillnad mellan könen".
    pub fn label_sv(self) -> &'static str {
        match self {
            Direction::Increase => "Öka",
            Direction::Decrease => "Minska",
            Direction::Maintain => "Bibehålla",
            Direction::Improve => "Förbättrat värde",
            Direction::PositiveTrend => "Positiv trend",
            Direction::NarrowGap => "Minskad skillnad",
            Direction::NarrowSexGap => "Minskad skillnad mellan könen",
        }
    }
}

/// The comparison base a target states ("jmf 2019", "utifrån 2019-12", "jmf motsvarande kvartal
/// året innan"). Without one, the measure's own comparison base applies.
///
/// Serialised as a short code: `"2019"`, `"2019-12"`, `"same_quarter_year_before"`,
/// `"same_period_year_before"`, `"previous_year"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Base {
    /// A year: "jmf 2019".
    Year(i32),
    /// A month of a year: "utifrån 2019-12".
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u8,
    },
    /// "jmf motsvarande kvartal året innan": the same quarter one year earlier.
    SameQuarterYearBefore,
    /// "jmf motsvarande period året innan": the same period one year earlier.
    SamePeriodYearBefore,
    /// "jmf föregående år": the year before.
    PreviousYear,
}

impl fmt::Display for Base {
    /// The code used in JSON: `2019`, `2019-12`, `same_quarter_year_before`, ….
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base::Year(year) => write!(f, "{year}"),
            Base::Month { year, month } => write!(f, "{year}-{month:02}"),
            Base::SameQuarterYearBefore => f.write_str("same_quarter_year_before"),
            Base::SamePeriodYearBefore => f.write_str("same_period_year_before"),
            Base::PreviousYear => f.write_str("previous_year"),
        }
    }
}

impl FromStr for Base {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            crate::Error::message(
                crate::ErrorKind::Value,
                format!(
                    "'{text}' is not a comparison base: expected 2019, 2019-12, same_quarter_year_before, same_period_year_before or previous_year"
                ),
            )
        };
        match text {
            "same_quarter_year_before" => Ok(Base::SameQuarterYearBefore),
            "same_period_year_before" => Ok(Base::SamePeriodYearBefore),
            "previous_year" => Ok(Base::PreviousYear),
            _ => match text.split_once('-') {
                Some((year, month)) => {
                    let year = year.parse().map_err(|_| bad())?;
                    let month: u8 = month.parse().map_err(|_| bad())?;
                    if !(1..=12).contains(&month) {
                        return Err(bad());
                    }
                    Ok(Base::Month { year, month })
                }
                None => text.parse().map(Base::Year).map_err(|_| bad()),
            },
        }
    }
}

impl Serialize for Base {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Base {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// `direction`: a direction, optionally against a stated base ("Öka", "Öka jmf 2019",
/// "Minskad skillnad jmf 2018").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectionTarget {
    /// Which way the value should move.
    pub direction: Direction,
    /// The stated comparison base, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
}

/// Up or down, for a relative change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeDirection {
    /// "Öka med", "Ökning med", "Dubbling".
    Increase,
    /// "Minska med", "Minskning med", "Halvering".
    Decrease,
}

/// How a relative change is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeUnit {
    /// "%", "procent": relative to the base value.
    Percent,
    /// "procentenheter": an absolute change of a share.
    PercentagePoints,
    /// "gånger": a factor; "Dubbling" is an increase 2 times, "Halvering" a decrease 2 times.
    Times,
}

/// `relative_change`: the target value is derived from the base ("Öka 5 %", "Minskning med
/// 15 %", "Minska med 50 % jmf 2019", "Dubbling jmf 2019", "Öka med 2 procentenheter").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativeChange {
    /// Up or down.
    pub direction: ChangeDirection,
    /// The size of the change, in `unit`.
    pub value: Decimal,
    /// Percent, percentage points or a factor.
    pub unit: ChangeUnit,
    /// The stated comparison base, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
}

/// `absolute_change`: the target value is the base plus or minus an amount in the measure's own
/// unit ("Öka med 1 200", "Minska med 3 st", "Ökning med 500 besök jmf 2022"). A change of a
/// share in percentage points stays a [`RelativeChange`], as SPEC §2 has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsoluteChange {
    /// Up or down.
    pub direction: ChangeDirection,
    /// The amount, in the measure's unit.
    pub value: Decimal,
    /// The unit written after the amount ("st", "besök"); never `%`, which makes a
    /// [`RelativeChange`].
    #[serde(default)]
    pub unit: Unit,
    /// The stated comparison base, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
}
