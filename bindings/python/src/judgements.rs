//! Judgements ("samlad bedömning") for `assess`: a TOML or JSON file or text, or a list of
//! `Judgement` objects and dicts with the keys of the judgement files. All of them are read
//! by the core's judgement reader and checked against the scorecard.

use crate::convert::{Source, to_json};
use crate::errors::OrRaise;
use crate::model::Judgement;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use styrkort::io::{Format, read_judgements};
use styrkort::{ErrorKind, Scorecard};

/// The judgements given to `assess`, checked against the scorecard; none for no judgements.
pub(crate) fn read(judgements: Option<&Bound<'_, PyAny>>, scorecard: &Scorecard) -> PyResult<Vec<styrkort::Judgement>> {
    let Some(judgements) = judgements.filter(|judgements| !judgements.is_none()) else {
        return Ok(Vec::new());
    };
    if judgements.is_instance_of::<PyList>() || judgements.is_instance_of::<PyTuple>() {
        let items = judgements
            .try_iter()?
            .enumerate()
            .map(|(index, item)| {
                let item = item?;
                match item.cast::<Judgement>() {
                    Ok(judgement) => Ok(judgement.get().to_json()),
                    Err(_) => to_json(&item, &format!("judgements[{index}]")),
                }
            })
            .collect::<PyResult<Vec<_>>>()?;
        let text = serde_json::json!({ "judgements": items }).to_string();
        return read_judgements("judgements", &text, Format::Json, Some(scorecard)).or_raise();
    }
    let (file, text, format) =
        Source::of(judgements, "judgements")?.read("<judgements>", ErrorKind::Judgements, None).or_raise()?;
    read_judgements(&file, &text, format, Some(scorecard)).or_raise()
}
