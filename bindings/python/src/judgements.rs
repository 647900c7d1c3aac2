//! The judgement file given to `assess`: a TOML or JSON file or text; a dict in the shape of
//! the JSON file (`{"judgements": [...], "analyses": [...]}`); or a list of `Judgement`
//! objects and dicts with the keys of the judgement files. All of them are read by the core's
//! reader of judgement files and checked against the scorecard.

use crate::convert::{Source, to_json};
use crate::errors::OrRaise;
use crate::model::Judgement;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use serde_json::Value;
use styrkort::io::{Format, read_judgement_file};
use styrkort::model::Analysis;
use styrkort::{ErrorKind, Scorecard};

/// The judgements and analysis texts given to `assess`, checked against the scorecard; none
/// for none.
pub(crate) fn read(
    given: Option<&Bound<'_, PyAny>>,
    scorecard: &Scorecard,
) -> PyResult<(Vec<styrkort::Judgement>, Vec<Analysis>)> {
    let Some(given) = given.filter(|given| !given.is_none()) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let document = if let Ok(file) = given.cast::<PyDict>() {
        let mut document = serde_json::Map::new();
        for (key, value) in file.iter() {
            let key: String = key.extract()?;
            let value = match key.as_str() {
                "judgements" => judgements(&value)?,
                _ => to_json(&value, &format!("judgements.{key}"))?,
            };
            document.insert(key, value);
        }
        Value::Object(document)
    } else if given.is_instance_of::<PyList>() || given.is_instance_of::<PyTuple>() {
        serde_json::json!({ "judgements": judgements(given)? })
    } else {
        let (file, text, format) =
            Source::of(given, "judgements")?.read("<judgements>", ErrorKind::Judgements, None).or_raise()?;
        return read_judgement_file(&file, &text, format, Some(scorecard)).or_raise();
    };
    read_judgement_file("judgements", &document.to_string(), Format::Json, Some(scorecard)).or_raise()
}

/// A list of `Judgement` objects and dicts as the JSON file's list.
fn judgements(list: &Bound<'_, PyAny>) -> PyResult<Value> {
    if !(list.is_instance_of::<PyList>() || list.is_instance_of::<PyTuple>()) {
        return to_json(list, "judgements");
    }
    let items = list.try_iter()?.enumerate().map(|(index, item)| {
        let item = item?;
        match item.cast::<Judgement>() {
            Ok(judgement) => Ok(judgement.get().to_json()),
            Err(_) => to_json(&item, &format!("judgements[{index}]")),
        }
    });
    Ok(Value::Array(items.collect::<PyResult<_>>()?))
}

/// An analysis text as a dict with the keys of the judgement files: `of`, `period`, `text`.
pub(crate) fn analysis_dict<'py>(py: Python<'py>, analysis: &Analysis) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("of", &analysis.of)?;
    dict.set_item("period", analysis.period.to_string())?;
    dict.set_item("text", &analysis.text)?;
    Ok(dict)
}
