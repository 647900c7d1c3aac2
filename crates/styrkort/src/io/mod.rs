//! File formats: scorecards (TOML, JSON), observations (CSV, JSON) and judgements (TOML, JSON).
//! Thin layers over the model's serde, adding what people need from a loader: every problem of
//! a file at once, each with file, line and column and what was expected.

mod document;
pub mod judgements;
mod lines;
mod observation_builder;
pub mod observations;
pub mod rules;
pub mod scorecard;

use crate::error::{Error, ErrorKind, Location};

pub use document::Format;
pub use judgements::{judgements_to_json, judgements_to_toml, load_judgements, read_judgements};
pub use observation_builder::{Field, ObservationBuilder, ObservationColumn};
pub use observations::{
    ObservationFormat, load_observations, observations_to_csv, observations_to_json, read_observations,
};
pub use rules::{load_rules, read_rules};
pub use scorecard::{load_scorecard, read_scorecard, scorecard_to_json, scorecard_to_toml};

/// A model that could not be written in a format: an error of kind [`ErrorKind::Write`].
pub(crate) fn write_error(format: &str, error: impl std::fmt::Display) -> Error {
    Error::message(ErrorKind::Write, format!("cannot write {format}: {error}"))
}

/// Reads a file as UTF-8 text for a reader of a kind of input (a binding that is told the
/// format rather than the file name): the file's name as the messages give it and its text. An
/// unreadable file is an error of kind [`ErrorKind::Io`]; text that is not UTF-8 is an error
/// of `kind` at the first bad byte.
///
/// ```
/// use styrkort::ErrorKind;
/// let error = styrkort::io::read_text("/nonexistent/plan.toml", ErrorKind::Scorecard).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Io);
/// assert!(error.to_string().starts_with("/nonexistent/plan.toml: cannot read: "));
/// ```
pub fn read_text(path: impl AsRef<std::path::Path>, kind: ErrorKind) -> Result<(String, String), Error> {
    read_file(path.as_ref(), kind)
}

/// Reads a file as UTF-8 text; a failure is an error of the kind of file asked for (an
/// unreadable file is [`ErrorKind::Io`]).
fn read_file(path: &std::path::Path, kind: ErrorKind) -> Result<(String, String), Error> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Err(error) => Err(Error::at(ErrorKind::Io, Location::file(&file), format!("cannot read: {error}"))),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok((file, text)),
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes());
                let before = &text[..at.min(text.len())];
                let line = before.matches('\n').count().saturating_add(1);
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()).saturating_add(1);
                Err(Error::at(
                    kind,
                    Location::file(file).at(line, Some(column)).spanning(at..at),
                    "not UTF-8: expected text encoded as UTF-8",
                ))
            }
        },
    }
}
