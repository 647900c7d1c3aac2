//! Targets that state a number: a level ("72 %", "35 000", "2018: 7,1 %"), an explicit bound
//! ("Under 6,5 %", "≥ 85 %", "Minst 80 %"), a level due at a month or a year ("100 % i dec",
//! "75,0 % (2027)", "80 % senast 2025"), a fraction ("4/20"), a
//! gender balance ("60/40%") and a minimum per organisational unit ("Minst ett projekt per
//! kommun"); and the [`Unit`] such numbers carry.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The unit written after a number in a target.
///
/// Serialised as a string (`"%"`, `"kr"`, or the words as written, such as `"personer"` or
/// `"forum/år"`), or `null` when the number stands alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// No unit: "270", "0,0". The measure's own unit applies.
    #[default]
    None,
    /// "%", " %" or "procent".
    Percent,
    /// "kr" or "kronor".
    Kronor,
    /// Any other unit word(s), kept as written with single spaces; a frequency is written with a
    /// slash and no spaces ("forum/år" for "forum/ år" or "forum per år").
    Other(String),
}

impl Unit {
    /// The canonical text: `""`, `"%"`, `"kr"` or the words.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::None => "",
            Unit::Percent => "%",
            Unit::Kronor => "kr",
            Unit::Other(words) => words,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Unit::None => serializer.serialize_none(),
            other => serializer.serialize_str(other.as_str()),
        }
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Option::<String>::deserialize(deserializer)?;
        Ok(match text.as_deref().map(str::trim) {
            None | Some("") => Unit::None,
            Some("%") | Some("procent") => Unit::Percent,
            Some("kr") | Some("kronor") => Unit::Kronor,
            Some(words) => Unit::Other(words.to_owned()),
        })
    }
}

/// `level`: a threshold value; the measure's polarity decides whether it is a floor or a ceiling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// The threshold.
    pub value: Decimal,
    /// Its unit.
    #[serde(default)]
    pub unit: Unit,
    /// The year the value is labelled with ("2018: 7,1 %": the 2018 level, to be improved on
    /// or held), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// Which side of a bound is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundKind {
    /// "Under", "Mindre än", `<`: strictly below.
    Under,
    /// "Högst", "Max", "X eller lägre", `≤`: at most.
    AtMost,
    /// "Minst", "Lägst", "X eller högre", `≥`: at least.
    AtLeast,
    /// "Över", "Mer än", "Fler än", `>`: strictly above.
    Over,
}

impl BoundKind {
    /// The canonical word: "Under", "Högst", "Minst", "Över".
    pub fn label_sv(self) -> &'static str {
        match self {
            BoundKind::Under => "Under",
            BoundKind::AtMost => "Högst",
            BoundKind::AtLeast => "Minst",
            BoundKind::Over => "Över",
        }
    }
}

/// `bound`: an explicit bound, whatever the polarity ("Under 6,5 %", "Högst 5", "≥ 85 %",
/// "80 procent eller högre").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bound {
    /// Which side is met.
    pub bound: BoundKind,
    /// The bound's value.
    pub value: Decimal,
    /// Its unit.
    #[serde(default)]
    pub unit: Unit,
}

/// `deadline`: a level (or bound) due at a month of the plan's year ("100 % i dec", "90 % i
/// december", "95 % vid årets slut") or of a stated year ("75,0 % (2027)", "80 % senast 2025",
/// "90 % år 2030", "Minst 80 % i juni 2026"); before it is due, reports do not judge it unless
/// it is already met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The stated bound ("Minst 80 % senast 2025", "<10 % (2027)"), if any; without one the
    /// measure's polarity decides, as for a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<BoundKind>,
    /// The level to reach.
    pub value: Decimal,
    /// Its unit.
    #[serde(default)]
    pub unit: Unit,
    /// The month it is due, 1–12 ("vid årets slut", "senast 2025" and "(2027)" are 12).
    pub month: u8,
    /// The year it is due ("senast 2025", "år 2030", "(2027)"); none for the plan's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl Deadline {
    /// When the target is due, in Swedish: "i december", "i juni 2026", or "till 2027" for the
    /// end of a stated year.
    pub fn due_sv(&self) -> String {
        let month = super::vocab::month_name(self.month);
        match self.year {
            Some(year) if self.month == 12 => format!("till {year}"),
            Some(year) => format!("i {month} {year}"),
            None => format!("i {month}"),
        }
    }
}

/// `fraction`: at least `numerator` of `denominator` ("4/20", "4 av 20"). The parser keeps
/// `0 <= numerator <= denominator` and `denominator > 0`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    /// How many must meet the goal.
    pub numerator: Decimal,
    /// Out of how many.
    pub denominator: Decimal,
}

/// `gender_balance`: each sex's share between `low` and `high` percent ("60/40%", "40/60" both
/// give 40–60). The parser keeps `low <= high` and `low.saturating_add(high) == 100`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenderBalance {
    /// The smallest acceptable share of either sex, in percent.
    pub low: Decimal,
    /// The largest acceptable share of either sex, in percent.
    pub high: Decimal,
}

/// `per_unit`: a minimum for every organisational unit ("Minst ett projekt per kommun").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerUnit {
    /// The stated bound ("Minst"), if any; without one the value is a minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<BoundKind>,
    /// How many per unit.
    pub value: Decimal,
    /// Of what ("projekt"); may be empty.
    #[serde(default)]
    pub what: String,
    /// Per which kind of unit ("kommun", "verksamhet", "division").
    pub per: String,
}
