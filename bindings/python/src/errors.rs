//! The exceptions: `StyrkortError` and one subclass per kind of the core's one error type
//! ([`styrkort::ErrorKind`]), each raised with the core's message (one `file:line:col: message`
//! line per problem) and the location of the first problem as attributes, every problem as a
//! [`Diagnostic`]. The class follows from the kind alone: the binding adds no rule of its own.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple, PyType};
use styrkort::ErrorKind;

create_exception!(
    styrkort._styrkort,
    StyrkortError,
    PyException,
    "Base class of every error styrkort raises: a problem with a file, a value or a setting.\n\n\
     ``str(error)`` is one ``file:line:column: message`` line per problem. The attributes ``file``, \
     ``line``, ``column``, ``row``, ``field`` and ``span`` locate the first problem (None where \
     unknown); ``diagnostics`` lists every problem; ``kind`` and ``code`` name the kind of error."
);
create_exception!(
    styrkort._styrkort,
    TargetParseError,
    StyrkortError,
    "A target text that fits no form of the target language (strict parsing); ``span`` is the byte range."
);
create_exception!(
    styrkort._styrkort,
    ScorecardError,
    StyrkortError,
    "A scorecard (plan) that does not read or validate."
);
create_exception!(
    styrkort._styrkort,
    ObservationError,
    StyrkortError,
    "Observations that do not read or do not fit the scorecard; ``row`` (from 0) and ``column`` (from 1) say where."
);
create_exception!(
    styrkort._styrkort,
    JudgementError,
    StyrkortError,
    "Judgements that do not read or do not fit the scorecard."
);
create_exception!(
    styrkort._styrkort,
    RulesError,
    StyrkortError,
    "A rule set that does not read, or a setting out of its range; ``field`` names the setting."
);
create_exception!(styrkort._styrkort, PeriodError, StyrkortError, "A text that is not a period such as 2021-DÅ04.");
create_exception!(
    styrkort._styrkort,
    UnknownUnitError,
    StyrkortError,
    "A unit id that the scorecard does not declare."
);
create_exception!(
    styrkort._styrkort,
    InvalidValueError,
    StyrkortError,
    "A text that is not the code it should be: a sex, a status, a number, a comparison base."
);
create_exception!(styrkort._styrkort, FileError, StyrkortError, "A file that cannot be read or written.");
create_exception!(
    styrkort._styrkort,
    WriteError,
    StyrkortError,
    "A model or report that cannot be written in the format asked for."
);
create_exception!(
    styrkort._styrkort,
    ReportOptionsError,
    StyrkortError,
    "Report options (publication mode, columns, language, CSV dialect) that do not read."
);

/// The exception class of a kind of error.
fn class_of(py: Python<'_>, kind: ErrorKind) -> Bound<'_, PyType> {
    match kind {
        ErrorKind::TargetSyntax => py.get_type::<TargetParseError>(),
        ErrorKind::Scorecard => py.get_type::<ScorecardError>(),
        ErrorKind::Observations => py.get_type::<ObservationError>(),
        ErrorKind::Judgements => py.get_type::<JudgementError>(),
        ErrorKind::Rules => py.get_type::<RulesError>(),
        ErrorKind::Period => py.get_type::<PeriodError>(),
        ErrorKind::UnknownUnit => py.get_type::<UnknownUnitError>(),
        ErrorKind::Value => py.get_type::<InvalidValueError>(),
        ErrorKind::Io => py.get_type::<FileError>(),
        ErrorKind::Write => py.get_type::<WriteError>(),
        ErrorKind::ReportOptions => py.get_type::<ReportOptionsError>(),
        _ => py.get_type::<StyrkortError>(),
    }
}

/// One problem of an input and where it is.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    inner: styrkort::Diagnostic,
}

impl From<styrkort::Diagnostic> for Diagnostic {
    fn from(inner: styrkort::Diagnostic) -> Diagnostic {
        Diagnostic { inner }
    }
}

#[pymethods]
impl Diagnostic {
    /// A problem at a location (see the attributes); mainly for unpickling.
    #[new]
    #[pyo3(signature = (message, file = String::new(), line = None, column = None, span = None, row = None, field = None))]
    fn new(
        message: String,
        file: String,
        line: Option<usize>,
        column: Option<usize>,
        span: Option<(usize, usize)>,
        row: Option<usize>,
        field: Option<String>,
    ) -> Diagnostic {
        let location = styrkort::Location { file, line, column, span: span.map(|(a, b)| a..b), row, field };
        Diagnostic { inner: styrkort::Diagnostic::new(location, message) }
    }

    /// What is wrong and what was expected.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The file name, or the name of the input from memory; empty for a single value.
    #[getter]
    fn file(&self) -> &str {
        &self.inner.location.file
    }

    /// The line, from 1.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.inner.location.line
    }

    /// The column, from 1: the character column of TOML, JSON and target texts, the column's
    /// position in the header for CSV files and data frames.
    #[getter]
    fn column(&self) -> Option<usize> {
        self.inner.location.column
    }

    /// The bytes of the source text the problem covers, as ``(start, end)``.
    #[getter]
    fn span(&self) -> Option<(usize, usize)> {
        self.inner.location.span.as_ref().map(|span| (span.start, span.end))
    }

    /// The record's position from 0 (a CSV row, a data-frame row, a list item), header not counted.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.inner.location.row
    }

    /// The field (column, key, setting) the problem concerns.
    #[getter]
    fn field(&self) -> Option<&str> {
        self.inner.location.field.as_deref()
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Diagnostic({:?})", self.inner.to_string())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        let location = &this.inner.location;
        let args =
            (this.message(), this.file(), location.line, location.column, this.span(), location.row, this.field())
                .into_pyobject(py)?;
        Ok((py.get_type::<Diagnostic>(), args))
    }
}

/// The attributes every exception class carries, with the class's own `kind` and `code`: set on
/// the classes so that they are there (as None) before an instance fills them in.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let base = py.get_type::<StyrkortError>();
    for name in ["file", "line", "column", "span", "row", "field", "kind", "code"] {
        base.setattr(name, py.None())?;
    }
    base.setattr("diagnostics", PyTuple::empty(py))?;
    module.add("StyrkortError", &base)?;
    for kind in ErrorKind::ALL {
        let class = class_of(py, kind);
        class.setattr("kind", kind.name())?;
        class.setattr("code", kind.code())?;
        module.add(class.name()?, class)?;
    }
    module.add_class::<Diagnostic>()?;
    Ok(())
}

/// The Python exception for a core error: the class of its kind, the core's message, the first
/// problem's location as attributes and every problem in `diagnostics`.
pub(crate) fn to_py_err(error: styrkort::Error) -> PyErr {
    Python::attach(|py| {
        let class = class_of(py, error.kind());
        let exception = PyErr::from_type(class, error.to_string());
        if let Err(failure) = annotate(py, &exception, &error) {
            return failure;
        }
        exception
    })
}

fn annotate(py: Python<'_>, exception: &PyErr, error: &styrkort::Error) -> PyResult<()> {
    let value = exception.value(py);
    let diagnostics: Vec<Diagnostic> =
        error.diagnostics().iter().map(|inner| Diagnostic { inner: inner.clone() }).collect();
    if let Some(first) = diagnostics.first() {
        let location = &first.inner.location;
        value.setattr("file", Some(location.file.as_str()).filter(|file| !file.is_empty()))?;
        value.setattr("line", location.line)?;
        value.setattr("column", location.column)?;
        value.setattr("span", first.span())?;
        value.setattr("row", location.row)?;
        value.setattr("field", location.field.as_deref())?;
    }
    value.setattr("diagnostics", PyList::new(py, diagnostics)?.to_tuple())?;
    Ok(())
}

/// `?` for the core's results: the error becomes the exception of its kind.
pub(crate) trait OrRaise<T> {
    /// The value, or the core's error as a Python exception.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, styrkort::Error> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(to_py_err)
    }
}
