//! `Scorecard`: a plan read from TOML or JSON, browsable as Python objects and as a table of
//! its measures, that checks observations and assesses them for a period into a `Report`.

use crate::arrow_out::{self, ArrowTable};
use crate::convert::Source;
use crate::errors::OrRaise;
use crate::model::{Body, Goal, Measure, Perspective, SuccessFactor, Unit};
use crate::observations::Observations;
use crate::pickle;
use crate::report::Report;
use crate::rules::RuleSet;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use std::num::NonZeroUsize;
use std::sync::Arc;
use styrkort::assess::Engine;
use styrkort::io::{Format, read_scorecard};
use styrkort::{Assessments, ErrorKind, Period, UnitSelection};

/// A scorecard (plan): bodies, units, perspectives, strategic goals, success factors and
/// measures with their targets.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    pub(crate) inner: Arc<styrkort::Scorecard>,
}

impl Scorecard {
    fn read(source: &Bound<'_, PyAny>, format: Option<Format>) -> PyResult<Scorecard> {
        let (file, text, format) =
            Source::of(source, "scorecard")?.read("<scorecard>", ErrorKind::Scorecard, format).or_raise()?;
        let scorecard = source.py().detach(|| read_scorecard(&file, &text, format)).or_raise()?;
        Ok(Scorecard { inner: Arc::new(scorecard) })
    }
}

/// The organisation itself, as opposed to one of its units: `assess(..., unit=ORGANISATION)`.
#[pyclass(module = "styrkort._styrkort", frozen, name = "_Organisation")]
pub struct Organisation;

#[pymethods]
impl Organisation {
    fn __repr__(&self) -> &'static str {
        "styrkort.ORGANISATION"
    }

    fn __reduce__(&self) -> &'static str {
        "ORGANISATION"
    }
}

/// Which units to assess: None for the organisation and every unit, `ORGANISATION` for the
/// organisation alone, or a unit's id.
fn selection(unit: Option<&Bound<'_, PyAny>>) -> PyResult<UnitSelection> {
    match unit {
        None => Ok(UnitSelection::All),
        Some(unit) if unit.is_none() => Ok(UnitSelection::All),
        Some(unit) if unit.is_instance_of::<Organisation>() => Ok(UnitSelection::Organisation),
        Some(unit) => match unit.cast::<PyString>() {
            Ok(id) => Ok(UnitSelection::Unit(id.to_cow()?.into_owned())),
            Err(_) => Err(PyTypeError::new_err(format!(
                "unit: expected None, ORGANISATION or a unit id (str), not {}",
                unit.get_type().name()?
            ))),
        },
    }
}

#[pymethods]
impl Scorecard {
    /// Reads a scorecard from a TOML file or the TOML text itself. Raises
    /// :class:`ScorecardError` with every problem of the file, each with its line and column.
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, path_or_text: &Bound<'_, PyAny>) -> PyResult<Scorecard> {
        Scorecard::read(path_or_text, Some(Format::Toml))
    }

    /// Reads a scorecard from a JSON file or the JSON text itself.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, path_or_text: &Bound<'_, PyAny>) -> PyResult<Scorecard> {
        Scorecard::read(path_or_text, Some(Format::Json))
    }

    /// Reads a scorecard file: ``.json`` is JSON, anything else TOML.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, path: &Bound<'_, PyAny>) -> PyResult<Scorecard> {
        Scorecard::read(path, None)
    }

    /// The organisation the plan belongs to.
    #[getter]
    fn organisation(&self) -> &str {
        &self.inner.organisation
    }

    /// The plan's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The organisation's vision.
    #[getter]
    fn vision(&self) -> Option<&str> {
        self.inner.vision.as_deref()
    }

    /// The plan's first and last year.
    #[getter]
    fn years(&self) -> (i32, i32) {
        self.inner.years
    }

    /// The bodies (styrelser and nämnder).
    #[getter]
    fn bodies(&self) -> Vec<Body> {
        self.inner.bodies.iter().map(Body::from).collect()
    }

    /// The organisational units, if the plan is followed up per unit.
    #[getter]
    fn units(&self) -> Vec<Unit> {
        self.inner.units.iter().map(Unit::from).collect()
    }

    /// The perspectives, in order.
    #[getter]
    fn perspectives(&self) -> Vec<Perspective> {
        self.inner.perspectives.iter().map(Perspective::from).collect()
    }

    /// The strategic goals, in plan order.
    #[getter]
    fn goals(&self) -> Vec<Goal> {
        self.inner.goals.iter().map(Goal::from).collect()
    }

    /// The success factors, in plan order.
    #[getter]
    fn success_factors(&self) -> Vec<SuccessFactor> {
        self.inner.success_factors.iter().map(SuccessFactor::from).collect()
    }

    /// The measures, in plan order.
    #[getter]
    fn measures(&self) -> Vec<Measure> {
        self.inner.measures.iter().map(Measure::from).collect()
    }

    /// The measure with this id, if any.
    fn measure(&self, id: &str) -> Option<Measure> {
        self.inner.measure(id).map(Measure::from)
    }

    /// The goals of a perspective, by the perspective's id.
    fn goals_in(&self, perspective: &str) -> Vec<Goal> {
        self.inner.goals_in(perspective).map(Goal::from).collect()
    }

    /// The success factors of a goal, by the goal's id.
    fn success_factors_of(&self, goal: &str) -> Vec<SuccessFactor> {
        self.inner.success_factors_of(goal).map(SuccessFactor::from).collect()
    }

    /// The measures of a success factor, by the factor's id.
    fn measures_of(&self, success_factor: &str) -> Vec<Measure> {
        self.inner.measures_of(success_factor).map(Measure::from).collect()
    }

    /// One row per measure: its place in the plan (perspective, goal, success factor), id,
    /// name, kind, body, unit of measurement, polarity, sexes, periods, accumulation,
    /// comparison base, source, and the target of a year (default: the plan's first) as written
    /// (``target``) and as read (``target_kind``, ``target_canonical``). ``backend`` is
    /// ``"pandas"`` (default), ``"polars"`` or ``"arrow"``.
    #[pyo3(signature = (year = None, backend = "pandas"))]
    fn measures_frame<'py>(&self, py: Python<'py>, year: Option<i32>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = ArrowTable::of(arrow_out::measures(&self.inner, year.unwrap_or(self.inner.years.0)))?;
        arrow_out::frame(py, table, backend)
    }

    /// Checks observations against the scorecard and returns every problem (an empty list
    /// when there is none), each with its row and column; takes what :meth:`assess` takes.
    fn check(&self, py: Python<'_>, observations: &Bound<'_, PyAny>) -> PyResult<Vec<crate::errors::Diagnostic>> {
        match crate::observations::read(py, observations, Some(&self.inner))? {
            Ok(_) => Ok(Vec::new()),
            Err(error) if error.kind() == ErrorKind::Observations => {
                Ok(error.diagnostics().iter().cloned().map(crate::errors::Diagnostic::from).collect())
            }
            Err(error) => Err(crate::errors::to_py_err(error)),
        }
    }

    /// Assesses observations for a period and returns the :class:`Report`.
    ///
    /// ``observations``: a CSV or JSON file (``str`` or ``os.PathLike``), a pandas or polars
    /// DataFrame, a pyarrow Table or RecordBatchReader (anything with ``__arrow_c_stream__``),
    /// a list of dicts with the keys of the CSV header, or :class:`Observations`.
    /// ``period``: ``"2021-DÅ04"``. ``judgements``: a judgement file (its judgements and analysis
    /// texts) as a TOML or JSON file or text or as a dict of the JSON file's shape
    /// (``{"judgements": [...], "analyses": [...]}``), or a list of :class:`Judgement` or
    /// dicts. ``rules``: a :class:`RuleSet` or a dict of settings.
    /// ``unit``: None for the organisation and every unit, :data:`ORGANISATION` for the
    /// organisation alone, or a unit's id; the rendered report is about that unit (or the
    /// organisation), the records are every row. ``threads``: how many threads a large
    /// assessment is shared among (1: one core, as a worker process of a cluster wants); by
    /// default as many as the machine has cores. The result is the same whatever the number.
    #[pyo3(signature = (observations, period, judgements = None, rules = None, unit = None, threads = None))]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of one Python method
    fn assess(
        &self,
        py: Python<'_>,
        observations: &Bound<'_, PyAny>,
        period: &str,
        judgements: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Report> {
        let threads = match threads.map(NonZeroUsize::new) {
            None => None,
            Some(Some(threads)) => Some(threads),
            Some(None) => return Err(PyValueError::new_err("threads: expected 1 or more")),
        };
        let period: Period = period.parse().or_raise()?;
        let rules = RuleSet::given(rules)?;
        let selection = selection(unit)?;
        let (judgements, analyses) = crate::judgements::read(judgements, &self.inner)?;
        // Read without the scorecard: `Assessments::new` checks the observations against it.
        let read = crate::observations::read(py, observations, None)?.or_raise()?;
        let scorecard = Arc::clone(&self.inner);
        let kept = Arc::clone(&read);
        let assessed: Result<styrkort::Report, styrkort::Error> = py.detach(move || {
            let engine = Engine::new(scorecard, rules);
            let engine = match threads {
                Some(threads) => engine.with_threads(threads),
                None => engine,
            };
            let assessments = Assessments::with_engine(engine, &kept, period, &selection)?;
            Ok(styrkort::Report::new(assessments, &judgements).with_analyses(&analyses))
        });
        let report = match assessed {
            Err(error) if error.kind() == ErrorKind::Observations => {
                // The reader checked against the scorecard says which column each problem is in.
                crate::observations::read(py, observations, Some(&self.inner))?.or_raise()?;
                return Err(crate::errors::to_py_err(error));
            }
            other => other.or_raise()?,
        };
        Ok(Report::new(report, read))
    }

    /// Reads observations once, checked against this scorecard, to assess them several times.
    fn observations(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Observations> {
        Ok(Observations { inner: crate::observations::read(py, data, Some(&self.inner))?.or_raise()? })
    }

    /// The scorecard as TOML text.
    fn to_toml(&self) -> PyResult<String> {
        self.inner.to_toml_string().or_raise()
    }

    /// The scorecard as JSON text.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json_string().or_raise()
    }

    fn __repr__(&self) -> String {
        format!(
            "Scorecard({:?}, {:?}, {} goals, {} measures)",
            self.inner.organisation,
            self.inner.name,
            self.inner.goals.len(),
            self.inner.measures.len()
        )
    }

    /// Rebuilds a scorecard from its pickled state (its JSON).
    #[classmethod]
    fn _from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Scorecard> {
        Ok(Scorecard { inner: Arc::new(pickle::state(cls.py(), state)?) })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        pickle::reduce::<Scorecard>(py, self.inner.as_ref())
    }
}
