//! `Report`: the assessments of a period with the judgements taken into account, as the tidy
//! records (Arrow, and so pandas and polars), the roll-up, the gender gaps, and the rendered
//! goal-fulfilment report (HTML, Markdown, text); inline in Jupyter and picklable.

use crate::arrow_out::{self, ArrowTable};
use crate::errors::OrRaise;
use crate::model::Judgement;
use crate::observations::Observations;
use crate::pickle;
use crate::records;
use crate::rollup::Rollup;
use crate::rules::RuleSet;
use crate::scorecard::Scorecard;
use arrow_array::RecordBatch;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyTuple, PyType};
use rust_decimal::Decimal;
use std::sync::{Arc, OnceLock};
use styrkort::assess::{CsvDialect, Record};
use styrkort::model::Observations as CoreObservations;
use styrkort::report::{ReportColumn, ReportOptions};
use styrkort::{Period, UnitSelection};

/// The result of :meth:`Scorecard.assess`.
#[pyclass(module = "styrkort._styrkort", frozen)]
pub struct Report {
    inner: Arc<styrkort::Report>,
    /// The observations assessed, for the series of a measure over every period they have.
    observations: Arc<CoreObservations>,
    /// The records as Arrow columns, built once when first asked for.
    records: OnceLock<RecordBatch>,
}

impl Report {
    pub(crate) fn new(inner: styrkort::Report, observations: Arc<CoreObservations>) -> Report {
        Report { inner: Arc::new(inner), observations, records: OnceLock::new() }
    }

    /// The records table of some columns (every column for none), built without the GIL;
    /// the table of every column is kept once built.
    fn records(&self, py: Python<'_>, columns: Option<Vec<String>>) -> PyResult<ArrowTable> {
        let Some(columns) = columns else {
            if let Some(batch) = self.records.get() {
                return ArrowTable::of(Ok(batch.clone()));
            }
            let report = Arc::clone(&self.inner);
            let table = ArrowTable::of(py.detach(move || records::records(&report, &Record::FIELDS)))?;
            return ArrowTable::of(Ok(self.records.get_or_init(|| table.batch().clone()).clone()));
        };
        let report = Arc::clone(&self.inner);
        ArrowTable::of(py.detach(move || {
            let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
            records::records(&report, &columns)
        }))
    }

    /// The report with its labels in a language (`sv` or `en`).
    fn in_language(&self, language: &str) -> PyResult<styrkort::Report> {
        Ok(self.inner.as_ref().clone().with_language(crate::convert::language(language)?))
    }

    /// The report to render: in a language, in the working or the publication mode, with the
    /// optional columns named (`utfall`).
    fn to_render(&self, language: &str, publish: bool, columns: Vec<String>) -> PyResult<styrkort::Report> {
        let mut options = if publish { ReportOptions::published() } else { ReportOptions::default() };
        options.language = crate::convert::language(language)?;
        for name in &columns {
            let Some(column) = ReportColumn::parse(name) else {
                return Err(PyValueError::new_err(format!("columns: unknown column {name:?}: expected \"utfall\"")));
            };
            options = options.with_column(column);
        }
        Ok(self.inner.as_ref().clone().with_options(options))
    }
}

/// One assessed point of a measure's series: period, sex, value, the target value compared
/// with, and the status.
type Point = (String, &'static str, Option<Decimal>, Option<Decimal>, &'static str);

#[pymethods]
impl Report {
    /// The number of records: every measure × unit × sex assessed.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The period assessed, such as ``2020-DÅ04``.
    #[getter]
    fn period(&self) -> String {
        self.inner.assessments().period().to_string()
    }

    /// The unit the rendered report is about; None for the organisation.
    #[getter]
    fn unit(&self) -> Option<String> {
        self.inner.rollup().unit.clone()
    }

    /// The name of the unit reported on, or the organisation's.
    #[getter]
    fn unit_name(&self) -> &str {
        self.inner.unit_name()
    }

    /// The scorecard assessed.
    #[getter]
    fn scorecard(&self) -> Scorecard {
        Scorecard { inner: Arc::clone(self.inner.assessments().engine().scorecard()) }
    }

    /// The rule set the assessment used.
    #[getter]
    fn rules(&self) -> RuleSet {
        RuleSet { inner: self.inner.assessments().rules().clone() }
    }

    /// The judgements of the period taken into account.
    #[getter]
    fn judgements(&self) -> Vec<Judgement> {
        self.inner.judgements().iter().map(Judgement::from).collect()
    }

    /// The analysis texts of the period the report shows, each a dict with ``of`` (the id of the
    /// perspective, goal, success factor or measure), ``period`` and ``text``, in the order given.
    #[getter]
    fn analyses<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner.analyses().iter().map(|analysis| crate::judgements::analysis_dict(py, analysis)).collect()
    }

    /// The observations assessed.
    #[getter]
    fn observations(&self) -> Observations {
        Observations { inner: Arc::clone(&self.observations) }
    }

    /// The records as an Arrow C stream: ``pyarrow.table(report)``, ``polars.DataFrame(report)``.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        self.records(py, None)?.stream(py, requested_schema)
    }

    /// The records as a pyarrow Table: one row per measure × unit × period × sex, every field
    /// of the core's record (or the ``columns`` named, in that order). Texts that repeat are
    /// dictionary (categorical) columns, ``sex``, ``status``, ``status_label``, ``trend`` and
    /// ``arrow`` with every code as a category; ``value_text`` and ``explanation`` are plain
    /// text; decimals are ``decimal128(38, s)``, exact.
    #[pyo3(signature = (columns = None))]
    fn to_arrow<'py>(&self, py: Python<'py>, columns: Option<Vec<String>>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::frame(py, self.records(py, columns)?, "arrow")
    }

    /// The records as a pandas DataFrame (see :meth:`to_arrow`): categoricals for the repeated
    /// texts, decimals as exact pyarrow-backed ``decimal128`` columns.
    #[pyo3(signature = (columns = None))]
    fn to_pandas<'py>(&self, py: Python<'py>, columns: Option<Vec<String>>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::frame(py, self.records(py, columns)?, "pandas")
    }

    /// The records as a polars DataFrame (see :meth:`to_arrow`).
    #[pyo3(signature = (columns = None))]
    fn to_polars<'py>(&self, py: Python<'py>, columns: Option<Vec<String>>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::frame(py, self.records(py, columns)?, "polars")
    }

    /// The records as the JSON list ``styrkort assess --format json`` prints.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let report = Arc::clone(&self.inner);
        py.detach(move || report.to_json()).or_raise()
    }

    /// The records as CSV, one tidy row each; with ``excel=True`` for Swedish Excel (``;``,
    /// decimal comma, UTF-8 byte-order mark, CRLF), which opens it in columns.
    #[pyo3(signature = (excel = false))]
    fn to_csv(&self, py: Python<'_>, excel: bool) -> PyResult<String> {
        let report = Arc::clone(&self.inner);
        let dialect = if excel { CsvDialect::Excel } else { CsvDialect::Standard };
        py.detach(move || report.to_csv_with(dialect)).or_raise()
    }

    /// The roll-up: per success factor, goal and perspective the suggested and reported
    /// status, the counts and the summary sentences.
    fn rollup(&self) -> Rollup {
        Rollup::from(self.inner.rollup())
    }

    /// The gender gaps of the report's unit, one row per measure split by sex: the values of
    /// women and men, the gap (women − men) now and at the comparison base, whether it narrowed,
    /// both statuses and whether one sex meets the target and the other does not.
    #[pyo3(signature = (backend = "pandas"))]
    fn gender_gaps<'py>(&self, py: Python<'py>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::frame(py, ArrowTable::of(arrow_out::gender_gaps(&self.inner))?, backend)
    }

    /// The goal counts per perspective and status, with each perspective's summary sentence,
    /// and a last row ``total`` with the sentence of the whole report.
    #[pyo3(signature = (backend = "pandas"))]
    fn summary<'py>(slf: &Bound<'py, Self>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("styrkort._frames")?.call_method1("summary", (slf.get().rollup(), backend))
    }

    /// The goal-fulfilment report as one self-contained HTML document (inline CSS and SVG, no
    /// JavaScript); labels in Swedish (``sv``) or English (``en``). ``publish=True`` is the
    /// publication mode (no engine flags, no explanations); ``columns=["utfall"]`` adds the
    /// Utfall column.
    #[pyo3(signature = (language = "sv", publish = false, columns = Vec::new()))]
    fn to_html(&self, py: Python<'_>, language: &str, publish: bool, columns: Vec<String>) -> PyResult<String> {
        let report = self.to_render(language, publish, columns)?;
        Ok(py.detach(move || report.to_html()))
    }

    /// The goal-fulfilment report as Markdown; ``publish`` and ``columns`` as for HTML.
    #[pyo3(signature = (language = "sv", publish = false, columns = Vec::new()))]
    fn to_markdown(&self, py: Python<'_>, language: &str, publish: bool, columns: Vec<String>) -> PyResult<String> {
        let report = self.to_render(language, publish, columns)?;
        Ok(py.detach(move || report.to_markdown()))
    }

    /// The goal-fulfilment report as plain text for a terminal, in colour if asked.
    #[pyo3(signature = (color = false, language = "sv"))]
    fn to_text(&self, py: Python<'_>, color: bool, language: &str) -> PyResult<String> {
        let report = self.in_language(language)?;
        Ok(py.detach(move || report.to_text(color)))
    }

    /// The report inline in Jupyter: the HTML document in a sandboxed ``iframe`` (so that its
    /// style sheet stays inside), self-contained and without JavaScript.
    fn _repr_html_(&self, py: Python<'_>) -> String {
        let report = Arc::clone(&self.inner);
        let html = py.detach(move || report.to_html());
        format!(
            "<iframe title=\"{}\" sandbox srcdoc=\"{}\" style=\"width: 100%; height: 720px; border: 1px solid #c8c8c8;\"></iframe>",
            styrkort::report::escape_html(&format!("{} {}", self.inner.unit_name(), self.inner.period_label())),
            styrkort::report::escape_html(&html)
        )
    }

    /// A stacked bar per perspective of its goals' statuses, in the report's colours, shapes
    /// and labels (needs matplotlib: ``pip install styrkort[plot]``); returns the Axes.
    #[pyo3(signature = (ax = None))]
    fn plot<'py>(slf: &Bound<'py, Self>, ax: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("styrkort._plot")?.call_method1("plot_statuses", (slf, ax))
    }

    /// One measure's values over every period the observations have, per sex, against the
    /// target value of each period, each point marked with its status (needs matplotlib).
    #[pyo3(signature = (measure, ax = None))]
    fn plot_measure<'py>(
        slf: &Bound<'py, Self>,
        measure: &str,
        ax: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("styrkort._plot")?.call_method1("plot_measure", (slf, measure, ax))
    }

    /// The series of a measure for the report's unit: for every period the observations have
    /// for it, each sex's ``(period, sex, value, target_value, status)`` as the engine assesses
    /// that period with the report's rules.
    fn measure_series(&self, py: Python<'_>, measure: &str) -> PyResult<Vec<Point>> {
        let assessments = self.inner.assessments();
        let scorecard = assessments.scorecard();
        let Some(index) = scorecard.measures.iter().position(|m| m.id == measure) else {
            return Err(PyKeyError::new_err(format!("no measure '{measure}' in the scorecard")));
        };
        let index = u32::try_from(index).map_err(|error| PyValueError::new_err(error.to_string()))?;
        let selection = self.inner.rollup().unit.clone().map_or(UnitSelection::Organisation, UnitSelection::Unit);
        let report = Arc::clone(&self.inner);
        let observations = Arc::clone(&self.observations);
        let measure = measure.to_owned();
        py.detach(move || {
            let assessments = report.assessments();
            let engine = assessments.engine();
            let mut periods: Vec<Period> =
                observations.iter().filter(|o| o.measure == measure).map(|o| o.period).collect();
            periods.push(assessments.period());
            periods.sort_unstable();
            periods.dedup();
            let observed = engine.index(&observations)?;
            let mut points = Vec::new();
            for period in periods {
                for row in engine.assess(&observed, period, &selection)?.iter().filter(|row| row.measure == index) {
                    let verdict = row.verdict;
                    points.push((
                        period.to_string(),
                        row.sex.code(),
                        verdict.value,
                        verdict.target_value,
                        verdict.status.code(),
                    ));
                }
            }
            Ok(points)
        })
        .or_raise()
    }

    fn __repr__(&self) -> String {
        format!("Report({}, {} records: {})", self.inner.period_label(), self.inner.len(), self.inner.rollup().sentence)
    }

    /// Rebuilds a report from its pickled state (the JSON of the report and its observations).
    #[classmethod]
    fn _from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Report> {
        let (inner, observations): (styrkort::Report, CoreObservations) = pickle::state(cls.py(), state)?;
        Ok(Report::new(inner, Arc::new(observations)))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        pickle::reduce::<Report>(py, &(self.inner.as_ref(), self.observations.as_ref()))
    }
}
