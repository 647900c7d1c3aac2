//! Judgements ("samlad bedömning"): a person's verdict on a strategic goal, a success factor or
//! a single measure for a period, with the motivation, the analysis and the year-end forecast.

use super::{Period, Sex, Status};
use serde::{Deserialize, Serialize};

/// A recorded verdict on a goal, a success factor or one measure. It takes precedence over the
/// suggestion the engine computes: "Den samlade bedömningen … är en samlad bedömning, vilket
/// innebär att resultatet för enskilda styrmått … inte nödvändigtvis får avgörande genomslag."
///
/// A verdict on a measure ("goal" names a measure id) is the measure's reported status for the
/// period, for one sex row (`sex`) or for every row of the measure; the report shows it beside
/// the computed status and flags where they differ, as for goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// The strategic goal, success factor or measure judged, by id.
    pub goal: String,
    /// The period the judgement is for.
    pub period: Period,
    /// The verdict.
    pub status: Status,
    /// Why: the text of the report (mandatory).
    pub motivation: String,
    /// The analysis ("analys") that goes with the verdict, verbatim: the region's running text
    /// under the goal, success factor or measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<String>,
    /// The year-end forecast ("Vid årets slut bedöms målet vara …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Status>,
    /// The forecast's wording or condition, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_note: Option<String>,
    /// For a verdict on a measure: the sex row it is for (`T`, `K` or `M`); none for every row
    /// of the measure. Only a measure's verdict may name a sex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
}

impl Judgement {
    /// A judgement of a status with its motivation, and nothing else.
    pub fn new(goal: impl Into<String>, period: Period, status: Status, motivation: impl Into<String>) -> Judgement {
        Judgement {
            goal: goal.into(),
            period,
            status,
            motivation: motivation.into(),
            analysis: None,
            forecast: None,
            forecast_note: None,
            sex: None,
        }
    }

    /// Whether the judgement applies to a row of a sex: it names no sex, or this one.
    pub fn applies_to(&self, sex: Sex) -> bool {
        self.sex.is_none_or(|own| own == sex)
    }
}
