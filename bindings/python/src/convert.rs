//! Plain Python values to and from JSON, so that settings given as keyword arguments and
//! records given as dicts reach the core's serde readers (and the core's JSON comes back as
//! dicts): `None`, `bool`, `int`, `float`, `str`, `decimal.Decimal`, lists, tuples and dicts
//! with text keys. Numbers travel as their text (every number of a rule set or a judgement is
//! a decimal, which the core reads from text exactly): an int as its digits, a Decimal as
//! `str()` gives it, a float as its shortest repr.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;
use std::str::FromStr;
use styrkort::io::{Format, read_text};
use styrkort::{Error, ErrorKind};

/// A JSON value of a Python value; `what` names it in the error for a value of another type.
pub(crate) fn to_json(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if value.is_none() {
        Ok(Value::Null)
    } else if let Ok(flag) = value.cast::<PyBool>() {
        Ok(Value::Bool(flag.is_true()))
    } else if value.is_instance_of::<PyInt>() {
        Ok(Value::String(value.str()?.to_cow()?.into_owned()))
    } else if let Ok(float) = value.cast::<PyFloat>() {
        Ok(Value::String(shortest(float.value())))
    } else if let Ok(text) = value.cast::<PyString>() {
        Ok(Value::String(text.to_cow()?.into_owned()))
    } else if is_decimal(value)? {
        Ok(Value::String(value.str()?.to_cow()?.into_owned()))
    } else if let Ok(dict) = value.cast::<PyDict>() {
        let mut object = serde_json::Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.extract::<String>() else {
                return Err(PyTypeError::new_err(format!("{what}: keys must be str, not {}", key.get_type().name()?)));
            };
            let item = to_json(&item, &format!("{what}.{key}"))?;
            object.insert(key, item);
        }
        Ok(Value::Object(object))
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value.try_iter()?.enumerate().map(|(index, item)| to_json(&item?, &format!("{what}[{index}]")));
        Ok(Value::Array(items.collect::<PyResult<_>>()?))
    } else {
        Err(PyTypeError::new_err(format!(
            "{what}: expected None, bool, int, float, str, Decimal, list or dict, not {}",
            value.get_type().name()?
        )))
    }
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Whether a value is a `decimal.Decimal`.
pub(crate) fn is_decimal(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value.is_instance(DECIMAL.import(value.py(), "decimal", "Decimal")?)
}

/// A decimal of a `decimal.Decimal`, exactly (its scale kept); none for one that does not fit
/// (more than 28 digits, NaN, infinity).
pub(crate) fn decimal_of(value: &Bound<'_, PyAny>) -> PyResult<Option<Decimal>> {
    let text = value.str()?;
    let text = text.to_cow()?;
    Ok(Decimal::from_str(&text).or_else(|_| Decimal::from_scientific(&text)).ok())
}

/// The shortest text that reads back as this float, its repr without a trailing `.0` (`16.3`,
/// `72`, `0.30000000000000004`, `1e22`): how a float becomes a decimal everywhere in the
/// package, so that 72.0 read from a CSV by pandas is 72 as in the CSV.
pub(crate) fn shortest(value: f64) -> String {
    shortest_in(&mut ryu::Buffer::new(), value).to_owned()
}

fn shortest_in(buffer: &mut ryu::Buffer, value: f64) -> &str {
    let text = buffer.format(value);
    text.strip_suffix(".0").unwrap_or(text)
}

/// 2⁹⁶: every finite float below it in magnitude has a shortest text that fits a decimal.
const FLOAT_LIMIT: f64 = 79_228_162_514_264_337_593_543_950_336.0;

/// Whether a float is NaN or has a decimal (see [`float_decimal`]); a cheap test.
pub(crate) fn float_fits(value: f64) -> bool {
    value.is_nan() || value.abs() < FLOAT_LIMIT
}

/// The decimal of a float, by its shortest text (see [`shortest`]); none for NaN (an empty
/// cell, as pandas writes one); the text for an infinity or a float too large for a decimal
/// (28 digits), for the core to report as not a number. A float that needs more than 28
/// decimals is rounded to 28.
pub(crate) fn float_decimal(value: f64) -> Result<Option<Decimal>, String> {
    if value.is_nan() {
        return Ok(None);
    }
    let mut buffer = ryu::Buffer::new();
    let text = shortest_in(&mut buffer, value);
    if !float_fits(value) {
        return Err(text.to_owned());
    }
    Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)).map(Some).map_err(|_| text.to_owned())
}

/// A Python value of a JSON value: objects become dicts, numbers ints where they are integers
/// and `Decimal` otherwise.
pub(crate) fn from_json<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => match number.as_i64() {
            Some(integer) => integer.into_pyobject(py)?.into_any(),
            None => match Decimal::from_str(&number.to_string()) {
                Ok(decimal) => decimal.into_pyobject(py)?.into_any(),
                Err(_) => PyString::new(py, &number.to_string()).into_any(),
            },
        },
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            PyList::new(py, items.iter().map(|item| from_json(py, item)).collect::<PyResult<Vec<_>>>()?)?.into_any()
        }
        Value::Object(object) => {
            let dict = PyDict::new(py);
            for (key, item) in object {
                dict.set_item(key, from_json(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A serde_json failure on the binding's own values (a pickled state, a model the core wrote),
/// never on a user's input.
pub(crate) fn json_error(error: serde_json::Error) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(error.to_string())
}

/// The language of a report's labels: `sv` or `en` (or the core's other spellings).
pub(crate) fn language(code: &str) -> PyResult<styrkort::report::Language> {
    styrkort::report::Language::parse(code).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("language: expected 'sv' or 'en', not {code:?}"))
    })
}

/// The serde name of a coded value of the core (`higher_is_better`, `cumulative`).
pub(crate) fn code_of(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(code)) => code,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Where a document comes from: a file, or its text.
pub(crate) enum Source {
    /// A file to read.
    Path(PathBuf),
    /// The document itself, with the name to give it in messages.
    Text(String),
}

impl Source {
    /// A `pathlib.Path` (any `os.PathLike`) is a file; a `str` is the document itself when it
    /// has a line break or starts with `{` or `[`, and a file name otherwise.
    pub(crate) fn of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Source> {
        if let Ok(text) = value.cast::<PyString>() {
            let text = text.to_cow()?;
            let document = text.contains('\n') || text.trim_start().starts_with(['{', '[']);
            return Ok(if document { Source::Text(text.into_owned()) } else { Source::Path(PathBuf::from(&*text)) });
        }
        match value.extract::<PathBuf>() {
            Ok(path) => Ok(Source::Path(path)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{what}: expected a path (str or os.PathLike) or the text of a document, not {}",
                value.get_type().name()?
            ))),
        }
    }

    /// The document's name and text and its format: `format` when given, else the file's
    /// extension (`.json` is JSON, anything else TOML), else JSON for a text that starts with
    /// `{` and TOML otherwise. A text is named `name` in messages.
    ///
    /// (Not `Format::of_text`, which takes a text starting with `[` for JSON: the scorecards,
    /// rule sets and judgements read here are JSON objects, and a TOML text of them often starts
    /// with a table header such as `[[judgements]]` or `[rollup]`.)
    pub(crate) fn read(
        self,
        name: &str,
        kind: ErrorKind,
        format: Option<Format>,
    ) -> Result<(String, String, Format), Error> {
        match self {
            Source::Path(path) => {
                let (file, text) = read_text(&path, kind)?;
                Ok((file, text, format.unwrap_or_else(|| Format::of_path(&path))))
            }
            Source::Text(text) => {
                let object = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('{');
                let format = format.unwrap_or(if object { Format::Json } else { Format::Toml });
                Ok((name.to_owned(), text, format))
            }
        }
    }
}
