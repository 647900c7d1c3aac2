//! Observations ("utfall"): what was measured for a measure, unit, period and sex.

use super::{Change, Period, Sex};
use rust_decimal::Decimal;

/// The state of an activity's deliverable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneState {
    /// Ej påbörjad: not started.
    NotStarted,
    /// Pågår: in progress.
    InProgress,
    /// Genomförd: done.
    Done,
}

impl MilestoneState {
    /// The code used in files: `ej_påbörjad`, `pågår`, `genomförd`.
    pub fn code(self) -> &'static str {
        match self {
            MilestoneState::NotStarted => "ej_påbörjad",
            MilestoneState::InProgress => "pågår",
            MilestoneState::Done => "genomförd",
        }
    }

    /// Parses a code, its ASCII spelling (`ej_paborjad`, `pagar`, `genomford`), the English
    /// `not_started`/`in_progress`/`done`, or the words with a space ("ej påbörjad"); any case.
    pub fn parse(text: &str) -> Option<MilestoneState> {
        match text.trim().to_lowercase().replace(' ', "_").as_str() {
            "ej_påbörjad" | "ej_paborjad" | "not_started" => Some(MilestoneState::NotStarted),
            "pågår" | "pagar" | "in_progress" => Some(MilestoneState::InProgress),
            "genomförd" | "genomford" | "genomfört" | "done" => Some(MilestoneState::Done),
            _ => None,
        }
    }
}

super::coded!(MilestoneState, crate::ErrorKind::Value, "a milestone state", "ej_påbörjad, pågår or genomförd");

/// Why an observation has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissingReason {
    /// Ej publicerad: the source has not published the figure yet.
    NotPublished,
    /// Metod ändrad: the method changed, so the figure is not comparable.
    MethodChanged,
    /// Sekretess: the figure is withheld (small numbers).
    Confidential,
    /// Ej mätt: not measured this period.
    NotMeasured,
}

impl MissingReason {
    /// Every reason, in the order of the specification.
    pub const ALL: [MissingReason; 4] = [
        MissingReason::NotPublished,
        MissingReason::MethodChanged,
        MissingReason::Confidential,
        MissingReason::NotMeasured,
    ];

    /// The code used in files and as the reason of a `not_assessed` status.
    pub fn code(self) -> &'static str {
        match self {
            MissingReason::NotPublished => "ej_publicerad",
            MissingReason::MethodChanged => "metod_ändrad",
            MissingReason::Confidential => "sekretess",
            MissingReason::NotMeasured => "ej_mätt",
        }
    }

    /// Parses a code or its ASCII spelling (`metod_andrad`, `ej_matt`); any case.
    pub fn parse(text: &str) -> Option<MissingReason> {
        match text.trim().to_lowercase().replace(' ', "_").as_str() {
            "ej_publicerad" => Some(MissingReason::NotPublished),
            "metod_ändrad" | "metod_andrad" => Some(MissingReason::MethodChanged),
            "sekretess" => Some(MissingReason::Confidential),
            "ej_mätt" | "ej_matt" => Some(MissingReason::NotMeasured),
            _ => None,
        }
    }
}

super::coded!(
    MissingReason,
    crate::ErrorKind::Value,
    "a missing-data reason",
    "ej_publicerad, metod_ändrad, sekretess or ej_mätt"
);

/// What an observation says: exactly one of a value, a ratio, a milestone state, a change
/// against the comparison period, or a reason why there is no value. Serialised as one key:
/// `{"value": "16,3"}`, `{"ratio": {"numerator": "3", "denominator": "40"}}`, `{"milestone":
/// "pågår"}`, `{"change": "+200 %"}`, `{"missing": "sekretess"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A value in the measure's unit.
    Value(#[serde(with = "super::quantity")] Decimal),
    /// A numerator and denominator, so that ratios re-aggregate correctly over units.
    Ratio {
        /// Täljare.
        #[serde(with = "super::quantity")]
        numerator: Decimal,
        /// Nämnare.
        #[serde(with = "super::quantity")]
        denominator: Decimal,
    },
    /// The state of an activity's deliverable.
    Milestone(MilestoneState),
    /// Only the change against the comparison period, as the report states it ("−1,8
    /// procentenheter", "+200 %"): direction and change targets are judged on it; with a value
    /// at the comparison period it gives the period's value too.
    Change(Change),
    /// No value, and why.
    Missing(MissingReason),
}

impl Outcome {
    /// The value to compare with a target: the value itself, or the ratio in the measure's unit
    /// (`percent` multiplies by 100). None for milestones, missing data and a zero denominator.
    pub fn value(&self, percent: bool) -> Option<Decimal> {
        match *self {
            Outcome::Value(value) => Some(value),
            Outcome::Ratio { numerator, denominator } => ratio_value(numerator, denominator, percent),
            Outcome::Milestone(_) | Outcome::Change(_) | Outcome::Missing(_) => None,
        }
    }
}

/// A ratio's value: numerator over denominator, times 100 for a percentage; none for a zero
/// denominator or a result out of range.
pub(crate) fn ratio_value(numerator: Decimal, denominator: Decimal, percent: bool) -> Option<Decimal> {
    let ratio = numerator.checked_div(denominator)?;
    if percent { ratio.checked_mul(Decimal::ONE_HUNDRED) } else { Some(ratio) }
}

/// One observation ("utfall") of a measure for a unit, period and sex.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The organisational unit; none means the scorecard's organisation itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The measure observed.
    pub measure: String,
    /// The period the value belongs to.
    pub period: Period,
    /// Total, women or men.
    pub sex: Sex,
    /// The value, ratio, milestone state or missing-data reason.
    pub outcome: Outcome,
    /// The reference value to compare with, e.g. the national value ("riket").
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::quantity::option")]
    pub reference: Option<Decimal>,
    /// Any remark, such as where the figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Observation {
    /// An observation of a plain value for the whole organisation.
    pub fn value(measure: impl Into<String>, period: Period, sex: Sex, value: Decimal) -> Observation {
        Observation {
            unit: None,
            measure: measure.into(),
            period,
            sex,
            outcome: Outcome::Value(value),
            reference: None,
            note: None,
        }
    }
}
