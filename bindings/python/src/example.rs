//! The bundled example, Region Norrbotten's goal follow-up of April 2020, compiled into the
//! package so that it runs without any file.

use crate::errors::OrRaise;
use crate::model::Judgement;
use crate::observations::Observations;
use crate::scorecard::Scorecard;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::Arc;

/// A scorecard with its observations, judgements and analysis texts for one period.
#[pyclass(module = "styrkort._styrkort", frozen, get_all)]
pub struct Example {
    /// The scorecard.
    scorecard: Py<Scorecard>,
    /// Its observations.
    observations: Py<Observations>,
    /// The recorded judgements of goals, success factors and single measures.
    judgements: Vec<Judgement>,
    /// The region's analysis texts, each a dict with ``of``, ``period`` and ``text``.
    analyses: Vec<Py<PyDict>>,
    /// The period the example reports on, ``2020-DÅ04``.
    period: String,
}

/// Region Norrbotten, delårsrapport april 2020: 5 perspectives, 20 strategic goals, 99 measures,
/// the outcomes the report states, its judgements and its analysis texts.
#[pyfunction(name = "example")]
pub(crate) fn norrbotten_2020(py: Python<'_>) -> PyResult<Example> {
    let example = styrkort::Example::norrbotten_2020().or_raise()?;
    Ok(Example {
        scorecard: Py::new(py, Scorecard { inner: Arc::new(example.scorecard) })?,
        observations: Py::new(py, Observations { inner: Arc::new(example.observations) })?,
        judgements: example.judgements.iter().map(Judgement::from).collect(),
        analyses: example
            .analyses
            .iter()
            .map(|analysis| Ok(crate::judgements::analysis_dict(py, analysis)?.unbind()))
            .collect::<PyResult<_>>()?,
        period: example.period.to_string(),
    })
}

#[pymethods]
impl Example {
    fn __repr__(&self) -> String {
        format!("Example(period={:?}, {} judgements)", self.period, self.judgements.len())
    }
}
