//! `RuleSet`: every setting of the core's rule set, given as keyword arguments or read from a
//! TOML or JSON document, checked by the core ([`styrkort::RuleSet::validate`]).

use crate::convert::{Source, from_json, json_error, to_json};
use crate::errors::OrRaise;
use crate::pickle;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};
use styrkort::io::{Format, read_rules};
use styrkort::{Diagnostic, Error, ErrorKind, Location};

/// The rules of the assessment, with the specification's defaults for every setting left out.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleSet {
    pub(crate) inner: styrkort::RuleSet,
}

impl RuleSet {
    /// A rule set from the JSON form of its settings, read and checked by the core; a problem
    /// names the setting in `field`.
    fn from_value(settings: serde_json::Value) -> Result<RuleSet, Error> {
        let inner: styrkort::RuleSet = serde_path_to_error::deserialize(settings).map_err(|error| {
            let path = error.path().to_string();
            let location = Location { field: Some(path.clone()).filter(|p| p != "."), ..Location::default() };
            let message = error.into_inner().to_string();
            let message = if path == "." { message } else { format!("{path}: {message}") };
            Error::new(ErrorKind::Rules, vec![Diagnostic::new(location, message)])
        })?;
        inner.validate()?;
        Ok(RuleSet { inner })
    }

    /// The rules given to `assess`: a `RuleSet`, a dict of settings, or none for the defaults.
    pub(crate) fn given(rules: Option<&Bound<'_, PyAny>>) -> PyResult<styrkort::RuleSet> {
        match rules {
            None => Ok(styrkort::RuleSet::default()),
            Some(rules) if rules.is_none() => Ok(styrkort::RuleSet::default()),
            Some(rules) => match rules.cast::<RuleSet>() {
                Ok(rules) => Ok(rules.get().inner.clone()),
                Err(_) => Ok(RuleSet::from_value(to_json(rules, "rules")?).or_raise()?.inner),
            },
        }
    }

    fn read(source: &Bound<'_, PyAny>, format: Option<Format>) -> PyResult<RuleSet> {
        let (file, text, format) = Source::of(source, "rules")?.read("<rules>", ErrorKind::Rules, format).or_raise()?;
        Ok(RuleSet { inner: read_rules(&file, &text, format).or_raise()? })
    }
}

#[pymethods]
impl RuleSet {
    /// A rule set: ``RuleSet(partial_band="0.1", rollup={"method": "weighted"})``. Every
    /// setting of the core, by its name; numbers as ``Decimal``, ``int``, ``float`` (its shortest
    /// repr) or text. An unknown setting or one out of its range raises :class:`RulesError`
    /// naming it in ``field``.
    #[new]
    #[pyo3(signature = (**settings))]
    fn new(settings: Option<&Bound<'_, PyDict>>) -> PyResult<RuleSet> {
        let value = match settings {
            Some(settings) => to_json(settings.as_any(), "RuleSet")?,
            None => serde_json::Value::Object(serde_json::Map::new()),
        };
        RuleSet::from_value(value).or_raise()
    }

    /// Reads a rule set from a TOML file or text (any subset of the settings).
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, path_or_text: &Bound<'_, PyAny>) -> PyResult<RuleSet> {
        RuleSet::read(path_or_text, Some(Format::Toml))
    }

    /// Reads a rule set from a JSON file or text.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, path_or_text: &Bound<'_, PyAny>) -> PyResult<RuleSet> {
        RuleSet::read(path_or_text, Some(Format::Json))
    }

    /// Reads a rule set file: ``.json`` is JSON, anything else TOML.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, path: &Bound<'_, PyAny>) -> PyResult<RuleSet> {
        RuleSet::read(path, None)
    }

    /// Rule 2: a level or bound not met but within this fraction of the target is partially
    /// achieved (default 0.05).
    #[getter]
    fn partial_band(&self) -> rust_decimal::Decimal {
        self.inner.partial_band
    }

    /// Rule 2, optional: a target not met whose value improved is partially achieved (default off).
    #[getter]
    fn improving_counts_as_partial(&self) -> bool {
        self.inner.improving_counts_as_partial
    }

    /// Rule 10: a change of at most this fraction of the comparison value is unchanged (default 0).
    #[getter]
    fn trend_band(&self) -> rust_decimal::Decimal {
        self.inner.trend_band
    }

    /// Rule 7: "I nivå med riket" is met within this fraction of the reference (default 0.05).
    #[getter]
    fn equivalence_margin(&self) -> rust_decimal::Decimal {
        self.inner.equivalence_margin
    }

    /// Rule 5: cumulative measures are compared with the pro-rated year target at interim
    /// reports (default on).
    #[getter]
    fn interim_pro_rating(&self) -> bool {
        self.inner.interim_pro_rating
    }

    /// ``exact`` (default) or ``target_precision``.
    #[getter]
    fn rounding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &serde_json::to_value(self.inner.rounding).map_err(json_error)?)
    }

    /// The roll-up policy as a dict: ``method``, ``kinds``, ``weights``, ``partial_weight``,
    /// ``achieved_from``, ``not_achieved_to``.
    #[getter]
    fn rollup<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &serde_json::to_value(&self.inner.rollup).map_err(json_error)?)
    }

    /// Every setting as a dict (decimals as text), which ``RuleSet(**rules.to_dict())`` reads back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &serde_json::to_value(&self.inner).map_err(json_error)?)
    }

    /// Every setting as JSON text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner).map_err(json_error)
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("RuleSet({})", serde_json::to_string(&self.inner).map_err(json_error)?))
    }

    /// Rebuilds a rule set from its pickled state (its JSON).
    #[classmethod]
    fn _from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<RuleSet> {
        RuleSet::from_value(pickle::state(cls.py(), state)?).or_raise()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        pickle::reduce::<RuleSet>(py, &self.inner)
    }
}
