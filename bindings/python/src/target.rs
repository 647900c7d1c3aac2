//! Targets: `parse_target(text, strict=False)` and the `Target` it returns, a text of the
//! target language with what the core made of it (its kind, canonical text and typed fields).

use crate::errors::OrRaise;
use crate::pickle;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};
use styrkort::target::{Fallback, ParsedTarget, Target as CoreTarget};

/// A target of the target language: the text as written, its kind and canonical form.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    parsed: ParsedTarget,
}

impl Target {
    /// The target of a text and what the core read from it.
    pub(crate) fn of(input: &str, target: CoreTarget) -> Target {
        Target { parsed: ParsedTarget::new(input, target) }
    }
}

#[pymethods]
impl Target {
    /// The machine name of the target's form: ``level``, ``direction``, ``per_sex``, … or
    /// ``unparsed`` for a text that fits no form (lenient parsing only).
    #[getter]
    fn kind(&self) -> &'static str {
        self.parsed.kind()
    }

    /// The text as given, verbatim.
    #[getter]
    fn input(&self) -> &str {
        &self.parsed.input
    }

    /// The canonical Swedish text, which parses back to the same target; also ``str(target)``.
    #[getter]
    fn canonical(&self) -> &str {
        &self.parsed.canonical
    }

    /// A parenthesised rationale written after the target, if any.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.parsed.target.note.as_deref()
    }

    /// The target as one flat dict, the core's ``ParsedTarget``: ``input``, ``canonical``,
    /// ``kind``, the typed fields of its form (numbers as text, exactly as JSON writes them) and
    /// ``note``; the object ``styrkort target --json`` prints.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_value(&self.parsed).map_err(crate::convert::json_error)?;
        crate::convert::from_json(py, &json)
    }

    fn __str__(&self) -> &str {
        &self.parsed.canonical
    }

    fn __repr__(&self) -> String {
        format!("Target({:?}, kind={:?})", self.parsed.input, self.kind())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.parsed.input.hash(&mut hasher);
        self.parsed.canonical.hash(&mut hasher);
        hasher.finish()
    }

    /// Rebuilds a target from its pickled state (the JSON of :meth:`to_dict`).
    #[classmethod]
    fn _from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Target> {
        Ok(Target { parsed: pickle::state(cls.py(), state)? })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        pickle::reduce::<Target>(py, &self.parsed)
    }
}

/// Parses a target text. Strict parsing raises :class:`TargetParseError` (with the byte
/// ``span`` and a hint) for a text that fits no form; lenient parsing, the default and what the
/// loaders do, keeps such a text as an ``unparsed`` target (or a ``milestone``, with
/// ``fallback="milestone"``, as for activities).
#[pyfunction]
#[pyo3(signature = (text, strict = false, fallback = "unparsed"))]
pub(crate) fn parse_target(text: &str, strict: bool, fallback: &str) -> PyResult<Target> {
    let fallback = match fallback {
        "unparsed" => Fallback::Unparsed,
        "milestone" => Fallback::Milestone,
        other => {
            return Err(PyValueError::new_err(format!("fallback: expected 'unparsed' or 'milestone', not {other:?}")));
        }
    };
    let parsed = if strict { ParsedTarget::parse(text).or_raise()? } else { ParsedTarget::lenient(text, fallback) };
    Ok(Target { parsed })
}
