//! Measures ("mått"): what is followed up under a success factor, with its targets per year.

use super::{Period, ReportPoint, Sex};
use crate::target::{Fallback, Target, TargetForm};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// What kind of measure a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MeasureKind {
    /// Styrmått: a measure with a target set by the body, driving the assessment.
    #[default]
    Steering,
    /// Kontrollmått: a complementary measure followed by the management, usually without target.
    Control,
    /// Aktivitet: an activity with a deliverable, assessed by its milestone state.
    Activity,
}

impl MeasureKind {
    /// The Swedish word used in files: `styrmått`, `kontrollmått`, `aktivitet`.
    pub fn code(self) -> &'static str {
        match self {
            MeasureKind::Steering => "styrmått",
            MeasureKind::Control => "kontrollmått",
            MeasureKind::Activity => "aktivitet",
        }
    }

    /// Parses `styrmått`, `kontrollmått`, `aktivitet`, their ASCII spellings (`styrmatt`,
    /// `kontrollmatt`) and the English `steering`, `control`, `activity`; any case.
    pub fn parse(text: &str) -> Option<MeasureKind> {
        match text.trim().to_lowercase().as_str() {
            "styrmått" | "styrmatt" | "steering" => Some(MeasureKind::Steering),
            "kontrollmått" | "kontrollmatt" | "control" => Some(MeasureKind::Control),
            "aktivitet" | "activity" => Some(MeasureKind::Activity),
            _ => None,
        }
    }
}

super::coded!(MeasureKind, crate::ErrorKind::Value, "a measure kind", "styrmått, kontrollmått or aktivitet");

/// Which direction of a value is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// A higher value is better (shares of patients treated in time, …).
    #[default]
    HigherIsBetter,
    /// A lower value is better (readmissions, sick leave, costs, …).
    LowerIsBetter,
    /// Neither: the value is followed, not judged by direction.
    Neutral,
}

/// How a measure's value builds up during the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accumulation {
    /// Shares and rates: an interim value is compared directly with the year target.
    #[default]
    Level,
    /// Counts that build up over the year: an interim value is compared with the pro-rated target.
    Cumulative,
}

/// The unit of measurement of a measure's values: `percent`, `count`, `rate`, `SEK`, `mnkr`,
/// `ratio`, `text`, or any other word as the plan writes it (`m²`, `personmil`), kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitOfMeasure(pub String);

impl UnitOfMeasure {
    /// The unit as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether values are percentages.
    pub fn is_percent(&self) -> bool {
        self.0 == "percent"
    }
}

impl Default for UnitOfMeasure {
    /// `text`, as SPEC §6 gives.
    fn default() -> Self {
        UnitOfMeasure("text".to_owned())
    }
}

impl fmt::Display for UnitOfMeasure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The starting value of a measure ("ingångsvärde"): a period and a value per sex, and the
/// cell's verbatim text ("Nytt mått", "2018: Helår K16,8, M17,5 …").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The period the values belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The value for both sexes together.
    #[serde(rename = "T", default, skip_serializing_if = "Option::is_none", with = "super::quantity::option")]
    pub total: Option<Decimal>,
    /// The value for women.
    #[serde(rename = "K", default, skip_serializing_if = "Option::is_none", with = "super::quantity::option")]
    pub women: Option<Decimal>,
    /// The value for men.
    #[serde(rename = "M", default, skip_serializing_if = "Option::is_none", with = "super::quantity::option")]
    pub men: Option<Decimal>,
    /// The plan's cell, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Baseline {
    /// The value for one sex, if the baseline gives one.
    pub fn value(&self, sex: Sex) -> Option<Decimal> {
        match sex {
            Sex::Total => self.total,
            Sex::Women => self.women,
            Sex::Men => self.men,
        }
    }

    /// The sexes the baseline gives a value for.
    pub fn sexes(&self) -> impl Iterator<Item = Sex> + '_ {
        [Sex::Total, Sex::Women, Sex::Men].into_iter().filter(|&sex| self.value(sex).is_some())
    }

    /// Whether the plan marks the measure as new, without a starting value ("Nytt mått").
    pub fn is_new_measure(&self) -> bool {
        self.text.as_deref().is_some_and(|text| text.to_lowercase().contains("nytt mått"))
    }
}

/// A measure ("mått"): a styrmått, kontrollmått or aktivitet under a success factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Identifier used by observations.
    pub id: String,
    /// The success factor the measure follows up.
    pub success_factor: String,
    /// The measure as the plan words it.
    pub name: String,
    /// Styrmått (default), kontrollmått or aktivitet.
    #[serde(default)]
    pub kind: MeasureKind,
    /// The responsible body ("styrelse/nämnd"). When a file leaves it out, loading sets it to the
    /// success factor's first body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Unit of measurement (default `text`).
    #[serde(default)]
    pub unit: UnitOfMeasure,
    /// Which direction is good (default higher is better).
    #[serde(default)]
    pub polarity: Polarity,
    /// The sexes the measure is reported for: `T`, or `K` and `M`, or `T`, `K` and `M`.
    #[serde(default = "default_sexes")]
    pub sexes: Vec<Sex>,
    /// The reports at which the measure is followed up (default all three); a measure reported
    /// only at `ÅR` is not assessed in interim reports.
    #[serde(default = "default_periods")]
    pub periods: Vec<ReportPoint>,
    /// How the value builds up over the year (default level).
    #[serde(default)]
    pub accumulation: Accumulation,
    /// The fixed base of the trend; none means the same report the year before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison_base: Option<Period>,
    /// Where the data comes from ("källa").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The starting value ("ingångsvärde").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// The target per year, verbatim as the plan writes it ("Mål 2020"); the target language
    /// reads it, the text itself is never changed.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "deserialize_targets",
        serialize_with = "serialize_targets"
    )]
    pub targets: BTreeMap<i32, String>,
    /// Footnotes of the plan, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// Any remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Measure {
    /// A measure with the defaults of SPEC §6 for every optional key.
    pub fn new(id: impl Into<String>, success_factor: impl Into<String>, name: impl Into<String>) -> Measure {
        Measure {
            id: id.into(),
            success_factor: success_factor.into(),
            name: name.into(),
            kind: MeasureKind::default(),
            body: None,
            unit: UnitOfMeasure::default(),
            polarity: Polarity::default(),
            sexes: default_sexes(),
            periods: default_periods(),
            accumulation: Accumulation::default(),
            comparison_base: None,
            source: None,
            baseline: None,
            targets: BTreeMap::new(),
            footnotes: Vec::new(),
            note: None,
        }
    }

    /// Whether the measure is split by sex (has `K` and `M` rows).
    pub fn is_split_by_sex(&self) -> bool {
        self.sexes.contains(&Sex::Women) || self.sexes.contains(&Sex::Men)
    }

    /// Whether the measure is followed up only in the annual report ("mäts på helårsbasis").
    pub fn is_annual_only(&self) -> bool {
        self.periods == [ReportPoint::Annual]
    }

    /// Whether the measure is followed up at this report.
    pub fn is_reported_at(&self, report: ReportPoint) -> bool {
        self.periods.contains(&report)
    }

    /// The verbatim text of the plan's cell for a year, if it has one.
    pub fn target_text(&self, year: i32) -> Option<&str> {
        self.targets.get(&year).map(String::as_str)
    }

    /// Every year the plan states a target for, with the year of the cell that states it, in
    /// year order: each cell's own year, and each year that a per-year cell names and that has
    /// no cell of its own ("-3,2 % (2025) -1 % (2026) 0,5 % (2027)" written under 2025 is the
    /// target of 2026 and 2027 too).
    pub fn target_years(&self) -> Vec<(i32, i32)> {
        let mut years: BTreeMap<i32, i32> = self.targets.keys().map(|&year| (year, year)).collect();
        for (&cell, text) in &self.targets {
            if let TargetForm::PerYear(parts) = Target::parse_lenient(text, self.fallback()).form {
                for part in parts.years {
                    years.entry(part.year).or_insert(cell);
                }
            }
        }
        years.into_iter().collect()
    }

    /// The plan's cell that states the target for a year (see [`Measure::target_years`]): its
    /// year and verbatim text.
    pub fn target_cell(&self, year: i32) -> Option<(i32, &str)> {
        if let Some(text) = self.target_text(year) {
            return Some((year, text));
        }
        let (_, cell) = self.target_years().into_iter().find(|&(y, _)| y == year)?;
        Some((cell, self.target_text(cell)?))
    }

    /// The target for a year (from the cell that states it, see [`Measure::target_cell`]), read
    /// by the target language in lenient mode: text that fits no form is a `milestone` for an
    /// activity and `unparsed` otherwise (SPEC §2). The verbatim text stays in
    /// [`Measure::targets`].
    pub fn target(&self, year: i32) -> Option<Target> {
        self.target_cell(year).map(|(_, text)| Target::parse_lenient(text, self.fallback()))
    }

    /// What lenient parsing makes of a text that fits no form, by the measure's kind.
    fn fallback(&self) -> Fallback {
        if self.kind == MeasureKind::Activity { Fallback::Milestone } else { Fallback::Unparsed }
    }

    /// Whether values of units add up to the value of their parent: counts, money and anything
    /// cumulative. Shares, rates and ratios do not (they consolidate through numerators and
    /// denominators, never by averaging).
    pub fn is_additive(&self) -> bool {
        self.accumulation == Accumulation::Cumulative
            || matches!(self.unit.as_str(), "count" | "SEK" | "kr" | "tkr" | "mnkr" | "personmil" | "antal")
    }

    /// The period whose value the trend compares with: the fixed comparison base, or the same
    /// report the year before.
    pub fn comparison_period(&self, period: Period) -> Period {
        self.comparison_base.unwrap_or_else(|| period.year_before())
    }
}

fn default_sexes() -> Vec<Sex> {
    vec![Sex::Total]
}

fn default_periods() -> Vec<ReportPoint> {
    ReportPoint::ALL.to_vec()
}

/// Target years are map keys, which TOML writes as text ("2021") and JSON as a string too.
fn deserialize_targets<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<i32, String>, D::Error> {
    let by_text = BTreeMap::<String, String>::deserialize(deserializer)?;
    by_text
        .into_iter()
        .map(|(year, text)| match year.trim().parse::<i32>() {
            Ok(number) if (1000..=9999).contains(&number) => Ok((number, text)),
            _ => Err(serde::de::Error::custom(format!(
                "target year '{year}' is not a year: expected four digits such as 2021"
            ))),
        })
        .collect()
}

fn serialize_targets<S: Serializer>(targets: &BTreeMap<i32, String>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(targets.iter().map(|(year, text)| (year.to_string(), text)))
}
