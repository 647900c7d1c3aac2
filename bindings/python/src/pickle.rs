//! Pickling: every object a user keeps (`Scorecard`, `RuleSet`, `Target`, `Observations`,
//! `Report`) pickles as the JSON of its core value, the core's own serde, and is read back by
//! its class's `_from_state`, so that it travels to worker processes (dask, Spark) and back.

use crate::convert::json_error;
use pyo3::prelude::*;
use pyo3::type_object::PyTypeInfo;
use pyo3::types::PyTuple;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// `__reduce__` of a class `C` that pickles as the JSON of `state`: `(C._from_state, (json,))`,
/// the JSON written without the GIL.
pub(crate) fn reduce<'py, C: PyTypeInfo>(
    py: Python<'py>,
    state: &(impl Serialize + Sync),
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
    let json = py.detach(|| serde_json::to_string(state)).map_err(json_error)?;
    Ok((py.get_type::<C>().getattr("_from_state")?, (json,).into_pyobject(py)?))
}

/// The core value of a pickled state, read without the GIL.
pub(crate) fn state<T: DeserializeOwned + Send>(py: Python<'_>, json: &str) -> PyResult<T> {
    py.detach(|| serde_json::from_str(json)).map_err(json_error)
}
