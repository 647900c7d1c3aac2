//! The roll-up of a report as Python objects: per success factor, goal and perspective the
//! status suggested from the measures and the status reported (the judgement where there is
//! one), the counts per status, and the summary sentences the regions write.

use crate::model::Judgement;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use styrkort::Status;
use styrkort::rollup::{NodeStatus as CoreNode, PerspectiveSummary as CorePerspective, Rollup as CoreRollup};

/// How many goals (or measures) have each status.
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCounts {
    /// Uppnått.
    achieved: usize,
    /// Delvis uppnått.
    partially_achieved: usize,
    /// Ej uppnått.
    not_achieved: usize,
    /// Kan ej bedömas.
    not_assessed: usize,
}

#[pymethods]
impl StatusCounts {
    /// The count of every status together.
    #[getter]
    fn total(&self) -> usize {
        self.achieved + self.partially_achieved + self.not_achieved + self.not_assessed
    }

    /// The counts by status code, in the core's order of statuses.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let counts = [self.achieved, self.partially_achieved, self.not_achieved, self.not_assessed];
        let dict = PyDict::new(py);
        for (status, count) in Status::ALL.iter().zip(counts) {
            dict.set_item(status.code(), count)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "StatusCounts(achieved={}, partially_achieved={}, not_achieved={}, not_assessed={})",
            self.achieved, self.partially_achieved, self.not_achieved, self.not_assessed
        )
    }
}

impl From<styrkort::rollup::StatusCounts> for StatusCounts {
    fn from(counts: styrkort::rollup::StatusCounts) -> StatusCounts {
        StatusCounts {
            achieved: counts.achieved,
            partially_achieved: counts.partially_achieved,
            not_achieved: counts.not_achieved,
            not_assessed: counts.not_assessed,
        }
    }
}

/// The status of a success factor or strategic goal.
#[pyclass(module = "styrkort._styrkort", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct NodeStatus {
    /// The id.
    id: String,
    /// The name.
    name: String,
    /// The status computed from the measures beneath it under the roll-up policy.
    suggested: &'static str,
    /// The judgement recorded for the period, if any.
    judgement: Option<Judgement>,
    /// The judgement's status where there is one, the suggestion otherwise.
    reported: &'static str,
    /// Whether a judgement is recorded and differs from the suggestion.
    differs: bool,
    /// The combined statuses of the measures that count.
    measures: StatusCounts,
}

#[pymethods]
impl NodeStatus {
    fn __repr__(&self) -> String {
        format!("NodeStatus({:?}, suggested={:?}, reported={:?})", self.id, self.suggested, self.reported)
    }
}

impl From<&CoreNode> for NodeStatus {
    fn from(node: &CoreNode) -> NodeStatus {
        NodeStatus {
            id: node.id.clone(),
            name: node.name.clone(),
            suggested: node.suggested.code(),
            judgement: node.judgement.as_ref().map(Judgement::from),
            reported: node.reported.code(),
            differs: node.differs,
            measures: node.measures.into(),
        }
    }
}

/// A perspective's goals in numbers and words.
#[pyclass(module = "styrkort._styrkort", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct PerspectiveSummary {
    /// The perspective's id.
    id: String,
    /// Its name.
    name: String,
    /// The status computed from all measures beneath it.
    suggested: &'static str,
    /// Its goals per reported status.
    goals: StatusCounts,
    /// Its goals per year-end forecast (goals without one are not counted).
    forecasts: StatusCounts,
    /// The summary sentence of its goals.
    sentence: String,
}

#[pymethods]
impl PerspectiveSummary {
    fn __repr__(&self) -> String {
        format!("PerspectiveSummary({:?}, {:?})", self.id, self.sentence)
    }
}

impl From<&CorePerspective> for PerspectiveSummary {
    fn from(summary: &CorePerspective) -> PerspectiveSummary {
        PerspectiveSummary {
            id: summary.id.clone(),
            name: summary.name.clone(),
            suggested: summary.suggested.code(),
            goals: summary.goals.into(),
            forecasts: summary.forecasts.into(),
            sentence: summary.sentence.clone(),
        }
    }
}

/// The roll-up of one unit's assessments for a period, in plan order.
#[pyclass(module = "styrkort._styrkort", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct Rollup {
    /// The unit reported on; None for the organisation.
    unit: Option<String>,
    /// Every success factor.
    success_factors: Vec<NodeStatus>,
    /// Every strategic goal.
    goals: Vec<NodeStatus>,
    /// Every perspective.
    perspectives: Vec<PerspectiveSummary>,
    /// All goals per reported status.
    total: StatusCounts,
    /// All goals per year-end forecast.
    forecasts: StatusCounts,
    /// "Den samlade bedömningen av de strategiska målen för perioden visar att …"
    sentence: String,
    /// "Prognosen för helåret visar att …"; None when no goal has a forecast.
    forecast_sentence: Option<String>,
}

#[pymethods]
impl Rollup {
    /// The status of a goal, by id.
    fn goal(&self, id: &str) -> Option<NodeStatus> {
        self.goals.iter().find(|goal| goal.id == id).cloned()
    }

    /// The status of a success factor, by id.
    fn success_factor(&self, id: &str) -> Option<NodeStatus> {
        self.success_factors.iter().find(|factor| factor.id == id).cloned()
    }

    fn __repr__(&self) -> String {
        format!("Rollup({:?})", self.sentence)
    }
}

impl From<&CoreRollup> for Rollup {
    fn from(rollup: &CoreRollup) -> Rollup {
        Rollup {
            unit: rollup.unit.clone(),
            success_factors: rollup.success_factors.iter().map(NodeStatus::from).collect(),
            goals: rollup.goals.iter().map(NodeStatus::from).collect(),
            perspectives: rollup.perspectives.iter().map(PerspectiveSummary::from).collect(),
            total: rollup.total.into(),
            forecasts: rollup.forecasts.into(),
            sentence: rollup.sentence.clone(),
            forecast_sentence: rollup.forecast_sentence.clone(),
        }
    }
}
