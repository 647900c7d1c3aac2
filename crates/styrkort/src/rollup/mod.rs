//! Roll-up (SPEC §4): the suggested status of every success factor, strategic goal and
//! perspective from the measures beneath it; the reported status, which is the recorded
//! judgement where there is one ("samlad bedömning") and the suggestion otherwise; the flag where
//! they differ; the counts per perspective and in total, with the summary sentences.

mod sentence;

pub use sentence::{SentenceKind, StatusCounts, number_sv, summary_sentence};

use crate::assess::{Assessments, RollupMethod, RollupPolicy};
use crate::model::{Judgement, Status};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The status of a success factor or strategic goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeStatus {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Computed from the measures beneath it under the roll-up policy.
    pub suggested: Status,
    /// The judgement recorded for it and the period, if any.
    pub judgement: Option<Judgement>,
    /// The judgement's status where there is one, the suggestion otherwise.
    pub reported: Status,
    /// A judgement is recorded and differs from the suggestion.
    pub differs: bool,
    /// The combined statuses of the measures that count, per status.
    pub measures: StatusCounts,
}

/// A perspective's goals in numbers and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PerspectiveSummary {
    /// The perspective's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Computed from all measures beneath it.
    pub suggested: Status,
    /// Its goals per reported status.
    pub goals: StatusCounts,
    /// Its goals per year-end forecast (goals without a forecast are not counted).
    pub forecasts: StatusCounts,
    /// The summary sentence of its goals.
    pub sentence: String,
}

/// The roll-up of one unit's assessments for a period. `success_factors`, `goals` and
/// `perspectives` follow the scorecard's tables one to one, in plan order: entry `i` belongs to
/// the scorecard's entry `i`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rollup {
    /// The unit (none: the organisation).
    pub unit: Option<String>,
    /// Every success factor, in plan order.
    pub success_factors: Vec<NodeStatus>,
    /// Every strategic goal, in plan order.
    pub goals: Vec<NodeStatus>,
    /// Every perspective, in plan order.
    pub perspectives: Vec<PerspectiveSummary>,
    /// All goals per reported status.
    pub total: StatusCounts,
    /// All goals per year-end forecast.
    pub forecasts: StatusCounts,
    /// "Den samlade bedömningen av de strategiska målen för perioden visar att …"
    pub sentence: String,
    /// "Prognosen för helåret visar att …"; none when no goal has a forecast.
    pub forecast_sentence: Option<String>,
}

impl Rollup {
    /// The status of a goal, if the scorecard has it.
    pub fn goal(&self, id: &str) -> Option<&NodeStatus> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The status of a success factor, if the scorecard has it.
    pub fn success_factor(&self, id: &str) -> Option<&NodeStatus> {
        self.success_factors.iter().find(|factor| factor.id == id)
    }
}

/// The suggested status of statuses under a policy: SPEC §4's all-or-nothing, or a weighted
/// score. Measures not assessed do not count; nothing assessed → not assessed.
pub fn suggest(measures: &[(&str, Status)], policy: &RollupPolicy) -> Status {
    let assessed: Vec<&(&str, Status)> = measures.iter().filter(|(_, s)| *s != Status::NotAssessed).collect();
    if assessed.is_empty() {
        return Status::NotAssessed;
    }
    match policy.method {
        RollupMethod::AllOrNothing => {
            if assessed.iter().all(|(_, s)| *s == Status::Achieved) {
                Status::Achieved
            } else if assessed.iter().all(|(_, s)| *s == Status::NotAchieved) {
                Status::NotAchieved
            } else {
                Status::PartiallyAchieved
            }
        }
        RollupMethod::Weighted => {
            let weight = |id: &str| policy.weights.get(id).copied().unwrap_or(Decimal::ONE);
            let total = assessed.iter().fold(Decimal::ZERO, |sum, (id, _)| sum.saturating_add(weight(id)));
            let points = assessed.iter().fold(Decimal::ZERO, |sum, (id, status)| {
                let score = match status {
                    Status::Achieved => Decimal::ONE,
                    Status::PartiallyAchieved => policy.partial_weight,
                    _ => Decimal::ZERO,
                };
                sum.saturating_add(weight(id).saturating_mul(score))
            });
            let Some(score) = points.checked_div(total).filter(|_| total > Decimal::ZERO) else {
                return Status::NotAssessed;
            };
            if score >= policy.achieved_from {
                Status::Achieved
            } else if score <= policy.not_achieved_to {
                Status::NotAchieved
            } else {
                Status::PartiallyAchieved
            }
        }
    }
}

impl Assessments {
    /// A measure's status for a unit with the verdicts recorded on it: each row's status is the
    /// verdict that applies to its sex where there is one, the computed status otherwise;
    /// combined as rule 8 (nothing assessed → not assessed).
    pub fn reported_measure_status(&self, measure: u32, unit: Option<u32>, verdicts: &[&Judgement]) -> Status {
        let statuses: Vec<Status> = self
            .rows_of(measure, unit)
            .map(|row| verdicts.iter().find(|v| v.applies_to(row.sex)).map_or(row.verdict.status, |v| v.status))
            .collect();
        crate::assess::combine_sexes(&statuses)
    }

    /// Rolls up one unit's assessments (none: the organisation), taking the judgements recorded
    /// for this period into account.
    pub fn rollup(&self, unit: Option<u32>, judgements: &[Judgement]) -> Rollup {
        let scorecard = self.scorecard();
        let policy = &self.rules().rollup;
        let period = self.period();
        // The combined status of every measure that counts, grouped once by success factor.
        // The period's judgements by what they judge, found once.
        let mut judged: FxHashMap<&str, Vec<&Judgement>> = FxHashMap::default();
        for judgement in judgements.iter().filter(|j| j.period == period) {
            judged.entry(judgement.goal.as_str()).or_default().push(judgement);
        }
        let mut by_factor: FxHashMap<&str, Vec<(&str, Status)>> = FxHashMap::default();
        for (index, measure) in (0u32..).zip(&scorecard.measures) {
            if policy.kinds.contains(&measure.kind) {
                let status = match judged.get(measure.id.as_str()) {
                    // A verdict on the measure is its reported status (rule 8 over its rows).
                    Some(verdicts) => self.reported_measure_status(index, unit, verdicts),
                    None => self.measure_status(index, unit),
                };
                by_factor.entry(measure.success_factor.as_str()).or_default().push((measure.id.as_str(), status));
            }
        }
        let node = |id: &str, name: &str, measures: Vec<(&str, Status)>| {
            let suggested = suggest(&measures, policy);
            let judgement =
                judged.get(id).and_then(|found| found.iter().find(|j| j.sex.is_none()).map(|j| (*j).clone()));
            let reported = judgement.as_ref().map_or(suggested, |j| j.status);
            NodeStatus {
                id: id.to_owned(),
                name: name.to_owned(),
                suggested,
                differs: judgement.as_ref().is_some_and(|j| j.status != suggested),
                judgement,
                reported,
                measures: StatusCounts::of(measures.iter().map(|(_, s)| *s)),
            }
        };
        let measures_of_factor = |factor: &str| by_factor.get(factor).cloned().unwrap_or_default();
        let measures_of_goal = |goal: &str| -> Vec<(&str, Status)> {
            scorecard.success_factors_of(goal).flat_map(|factor| measures_of_factor(&factor.id)).collect()
        };
        let success_factors: Vec<NodeStatus> =
            scorecard.success_factors.iter().map(|f| node(&f.id, &f.name, measures_of_factor(&f.id))).collect();
        let goals: Vec<NodeStatus> =
            scorecard.goals.iter().map(|g| node(&g.id, &g.name, measures_of_goal(&g.id))).collect();
        let forecast = |goal: &NodeStatus| goal.judgement.as_ref().and_then(|j| j.forecast);
        let perspectives: Vec<PerspectiveSummary> = scorecard
            .perspectives
            .iter()
            .map(|perspective| {
                let in_perspective: Vec<&NodeStatus> = goals
                    .iter()
                    .zip(&scorecard.goals)
                    .filter(|(_, goal)| goal.perspective == perspective.id)
                    .map(|(status, _)| status)
                    .collect();
                let measures: Vec<(&str, Status)> =
                    scorecard.goals_in(&perspective.id).flat_map(|g| measures_of_goal(&g.id)).collect();
                let counts = StatusCounts::of(in_perspective.iter().map(|g| g.reported));
                PerspectiveSummary {
                    id: perspective.id.clone(),
                    name: perspective.name.clone(),
                    suggested: suggest(&measures, policy),
                    goals: counts,
                    forecasts: StatusCounts::of(in_perspective.iter().filter_map(|g| forecast(g))),
                    sentence: summary_sentence(&counts, SentenceKind::for_report(period.report)),
                }
            })
            .collect();
        let total = StatusCounts::of(goals.iter().map(|g| g.reported));
        let forecasts = StatusCounts::of(goals.iter().filter_map(forecast));
        Rollup {
            unit: unit.and_then(|u| Some(scorecard.units.get(u as usize)?.id.clone())),
            sentence: summary_sentence(&total, SentenceKind::for_report(period.report)),
            forecast_sentence: (forecasts.total() > 0).then(|| summary_sentence(&forecasts, SentenceKind::Forecast)),
            success_factors,
            goals,
            perspectives,
            total,
            forecasts,
        }
    }
}
