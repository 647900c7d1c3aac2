//! Judgements ("samlad bedömning"): a person's verdict on a strategic goal or a success factor
//! for a period, with the motivation and the year-end forecast.

use super::{Period, Status};
use serde::{Deserialize, Serialize};

/// A recorded verdict on a goal or success factor. It takes precedence over the suggestion the
/// engine computes from the measures: "Den samlade bedömningen … är en samlad bedömning, vilket
/// innebär att resultatet för enskilda styrmått … inte nödvändigtvis får avgörande genomslag."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// The strategic goal (or success factor) judged.
    pub goal: String,
    /// The period the judgement is for.
    pub period: Period,
    /// The verdict.
    pub status: Status,
    /// Why: the text of the report (mandatory).
    pub motivation: String,
    /// The year-end forecast ("Vid årets slut bedöms målet vara …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Status>,
    /// The forecast's wording or condition, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_note: Option<String>,
}
