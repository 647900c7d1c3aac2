//! File formats: scorecards (TOML, JSON), observations (CSV, JSON), judgements with the period's
//! analysis texts (TOML, JSON) and rule sets (TOML, JSON). Thin layers over the model's serde,
//! adding what people need from a loader: files as they come (Excel's encodings, every line-end
//! style, a byte-order mark), every problem of a file at once, each with file, line and column
//! and what was expected, and nothing lost or rounded in silence.
//!
//! The text readers (`read_*`) take text; the byte readers (`read_*_bytes`) decode first (see
//! [`decode`]); the file loaders (`load_*`) read a file's bytes. [`FileKind`] tells the kinds of
//! file apart by their content. Lines and columns are those a text editor shows; spans are byte
//! ranges of the text read (for the byte readers, of the decoded text).

mod document;
mod encoding;
mod json;
pub mod judgements;
mod kind;
mod lines;
mod observation_builder;
pub mod observations;
mod observations_csv;
mod observations_json;
mod reader;
mod recover;
pub mod report_options;
pub mod rules;
pub mod scorecard;
mod windows_1252;

use crate::error::{Error, ErrorKind, Location};

pub use document::Format;
pub use encoding::{Decoded, TextEncoding, decode};
pub use judgements::{
    judgement_file_to_json, judgement_file_to_toml, judgements_to_json, judgements_to_toml, load_analyses,
    load_judgements, read_analyses, read_analyses_bytes, read_judgement_file, read_judgements, read_judgements_bytes,
};
pub use kind::FileKind;
pub use observation_builder::{Field, ObservationBuilder, ObservationColumn};
pub use observations::{
    ObservationFormat, check_observations_across, load_observations, observations_to_csv, observations_to_json,
    read_observations, read_observations_bytes, read_observations_lenient,
};
pub use report_options::read_report_options;
pub use rules::{load_rules, read_rules, read_rules_bytes};
pub use scorecard::{load_scorecard, read_scorecard, read_scorecard_bytes, scorecard_to_json, scorecard_to_toml};

/// A model that could not be written in a format: an error of kind [`ErrorKind::Write`].
pub(crate) fn write_error(format: &str, error: impl std::fmt::Display) -> Error {
    Error::message(ErrorKind::Write, format!("cannot write {format}: {error}"))
}

/// Reads a TOML or JSON document file as text, decoded as the loaders decode it (UTF-8, or
/// UTF-8 or UTF-16 with a byte-order mark), for a reader of a kind of input that is told the
/// format rather than the file name (a binding): the file's name as the messages give it and
/// its text. An unreadable file is an error of kind [`ErrorKind::Io`]; bytes that are not text
/// are an error of `kind` where the text stops being readable.
///
/// ```
/// use styrkort::ErrorKind;
/// let error = styrkort::io::read_text("/nonexistent/plan.toml", ErrorKind::Scorecard).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Io);
/// assert!(error.to_string().starts_with("/nonexistent/plan.toml: cannot read: "));
/// ```
pub fn read_text(path: impl AsRef<std::path::Path>, kind: ErrorKind) -> Result<(String, String), Error> {
    let (file, bytes) = read_file(path.as_ref())?;
    let text = encoding::decode_document(&file, &bytes, kind)?.into_owned();
    Ok((file, text))
}

/// Reads the bytes of a file, with its name for diagnostics; an unreadable file is an error of
/// kind [`ErrorKind::Io`] that names it.
fn read_file(path: &std::path::Path) -> Result<(String, Vec<u8>), Error> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => Ok((file, bytes)),
        Err(error) => Err(Error::at(ErrorKind::Io, Location::file(&file), format!("cannot read: {error}"))),
    }
}
