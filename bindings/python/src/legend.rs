//! The report's legend for Python's own pictures: every status with its colour, shape and
//! label as the rendered report shows them (■ green Uppnått, ● yellow Delvis uppnått, ▲ red Ej
//! uppnått, ◊ grey Kan ej bedömas).

use crate::errors::OrRaise;
use pyo3::prelude::*;
use styrkort::Status;
use styrkort::report::{status_colour, status_shape};

/// A status from its code or Swedish label; an unknown one is an `InvalidValueError`.
fn status_of(code: &str) -> PyResult<Status> {
    code.parse::<Status>().or_raise()
}

/// Every status code, in the legend's order: ``achieved``, ``partially_achieved``,
/// ``not_achieved``, ``not_assessed``.
#[pyfunction]
pub(crate) fn statuses() -> Vec<&'static str> {
    Status::ALL.map(Status::code).to_vec()
}

/// The colour of a status in the report, as hex RGB (``"#1e7b34"`` for achieved).
#[pyfunction(name = "status_colour")]
pub(crate) fn status_colour_of(status: &str) -> PyResult<&'static str> {
    Ok(status_colour(status_of(status)?))
}

/// The shape that stands beside a status's colour: ■ ● ▲ ◊.
#[pyfunction(name = "status_shape")]
pub(crate) fn status_shape_of(status: &str) -> PyResult<&'static str> {
    Ok(status_shape(status_of(status)?))
}

/// The label of a status in the report, in Swedish (``sv``) or English (``en``).
#[pyfunction]
#[pyo3(signature = (status, language = "sv"))]
pub(crate) fn status_label(status: &str, language: &str) -> PyResult<&'static str> {
    Ok(crate::convert::language(language)?.status(status_of(status)?))
}
