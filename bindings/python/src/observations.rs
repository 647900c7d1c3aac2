//! Observations from what a notebook has: a CSV or JSON file, a data frame or Arrow table
//! (through the Arrow PyCapsule interface, no Python loop over rows), a list of dicts, or
//! `Observations` read before. Every input goes through the core's record rules, so every
//! problem is an `ObservationError` naming its row and column.

use crate::arrow_in;
use crate::convert::{decimal_of, float_decimal, is_decimal};
use crate::errors::OrRaise;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3_arrow::PyTable;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::sync::Arc;
use styrkort::io::{Field, ObservationBuilder, ObservationColumn, load_observations};
use styrkort::{Error, Location, Scorecard};

/// Observations read once and kept, to assess several times or to send to worker processes.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct Observations {
    pub(crate) inner: Arc<styrkort::model::Observations>,
}

#[pymethods]
impl Observations {
    /// Reads observations (see :meth:`Scorecard.assess` for what may be given); with a
    /// scorecard, checks them against it too. Raises :class:`ObservationError` with every problem.
    #[new]
    #[pyo3(signature = (data, scorecard = None))]
    fn new(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        scorecard: Option<&crate::scorecard::Scorecard>,
    ) -> PyResult<Observations> {
        let scorecard = scorecard.map(|scorecard| scorecard.inner.as_ref());
        Ok(Observations { inner: read(py, data, scorecard)?.or_raise()? })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The observations as CSV text with the standard header.
    fn to_csv(&self) -> PyResult<String> {
        styrkort::io::observations_to_csv(&self.inner).or_raise()
    }

    /// The observations as a JSON list of records.
    fn to_json(&self) -> PyResult<String> {
        styrkort::io::observations_to_json(&self.inner).or_raise()
    }

    fn __repr__(&self) -> String {
        format!("Observations({} rows)", self.inner.len())
    }

    /// Rebuilds observations from their pickled state (their JSON).
    #[classmethod]
    fn _from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Observations> {
        Ok(Observations { inner: Arc::new(crate::pickle::state(cls.py(), state)?) })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        crate::pickle::reduce::<Observations>(py, self.inner.as_ref())
    }
}

/// Reads observations from any input `assess` takes: the observations, or every problem
/// found (the `Err` of the inner result); a wrong type of input is a `TypeError`.
pub(crate) fn read(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    scorecard: Option<&Scorecard>,
) -> PyResult<Result<Arc<styrkort::model::Observations>, Error>> {
    if let Ok(observations) = data.cast::<Observations>() {
        let observations = Arc::clone(&observations.get().inner);
        let problems = scorecard.map(|scorecard| scorecard.check_observations(&observations)).unwrap_or_default();
        return Ok(Error::check(styrkort::ErrorKind::Observations, observations, problems));
    }
    let read = if data.is_instance_of::<PyString>() || data.hasattr("__fspath__")? {
        let path: PathBuf = data.extract()?;
        py.detach(|| load_observations(&path, scorecard))
    } else if data.hasattr("__arrow_c_stream__")? {
        let source = data.get_type().name()?.to_string();
        let table: PyTable = data.extract()?;
        let (batches, schema) = table.into_inner();
        py.detach(|| arrow_in::observations(&source, &schema, &batches, scorecard))
    } else if data.is_instance_of::<PyList>() || data.is_instance_of::<PyTuple>() {
        let builder = records(data)?;
        py.detach(|| builder.finish(scorecard))
    } else {
        return Err(PyTypeError::new_err(format!(
            "observations: expected a path, a DataFrame or Arrow table (__arrow_c_stream__), a list of dicts or Observations, not {}",
            data.get_type().name()?
        )));
    };
    Ok(read.map(Arc::new))
}

/// A field of a record read from a Python value, owned.
enum Value {
    Empty,
    Text(String),
    Number(Decimal),
}

/// The field of a Python value: None is empty; str is text; int and Decimal are exact
/// decimals; a float is its shortest repr (NaN is empty); a bool is its text (not a number).
fn value_of(value: &Bound<'_, PyAny>) -> PyResult<Result<Value, String>> {
    Ok(Ok(if value.is_none() {
        Value::Empty
    } else if let Ok(text) = value.cast::<PyString>() {
        Value::Text(text.to_cow()?.into_owned())
    } else if value.is_instance_of::<PyBool>() {
        Value::Text(value.str()?.to_cow()?.into_owned())
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(integer) => Value::Number(Decimal::from(integer)),
            Err(_) => Value::Text(value.str()?.to_cow()?.into_owned()),
        }
    } else if let Ok(float) = value.cast::<PyFloat>() {
        match float_decimal(float.value()) {
            Ok(Some(number)) => Value::Number(number),
            Ok(None) => Value::Empty,
            Err(text) => Value::Text(text),
        }
    } else if is_decimal(value)? {
        match decimal_of(value)? {
            Some(number) => Value::Number(number),
            None => Value::Text(value.str()?.to_cow()?.into_owned()),
        }
    } else {
        return Ok(Err(format!(
            "expected text or a number (str, int, float, Decimal) or None, not {}",
            value.get_type().name()?
        )));
    }))
}

/// The records of a list of dicts, one each with the keys of the CSV header, read into a
/// builder (with the GIL: the dicts are Python's).
fn records(list: &Bound<'_, PyAny>) -> PyResult<ObservationBuilder> {
    const SOURCE: &str = "records";
    let mut builder = ObservationBuilder::records(SOURCE);
    for (index, item) in list.try_iter()?.enumerate() {
        let item = item?;
        let at = |key: Option<&str>| Location::file(SOURCE).in_row(index, key);
        let Ok(record) = item.cast::<PyDict>() else {
            builder.skip_row();
            builder.report(at(None), format!("[{index}]: expected a dict, not {}", item.get_type().name()?));
            continue;
        };
        let mut values: [Value; 11] = std::array::from_fn(|_| Value::Empty);
        let mut fits = true;
        for (key, value) in record.iter() {
            let key = key.str()?.to_cow()?.into_owned();
            let Some(column) = ObservationColumn::named(&key) else {
                fits = false;
                builder.report(
                    at(Some(&key)),
                    format!("[{index}]: unknown key `{key}`: expected the keys {}", ObservationColumn::allowed()),
                );
                continue;
            };
            match value_of(&value)? {
                Ok(value) => {
                    if let Some(slot) = values.get_mut(column as usize) {
                        *slot = value;
                    }
                }
                Err(message) => {
                    fits = false;
                    builder.report(at(Some(&key)), format!("[{index}].{key}: {message}"));
                }
            }
        }
        if !fits {
            builder.skip_row();
            continue;
        }
        builder.push(None, |position| match values.get(position) {
            Some(Value::Text(text)) => Field::Text(text),
            Some(Value::Number(number)) => Field::Number(*number),
            Some(Value::Empty) | None => Field::Empty,
        });
    }
    Ok(builder)
}
