//! File formats: scorecards (TOML, JSON), observations (CSV, JSON) and judgements (TOML, JSON).
//! Thin layers over the model's serde, adding what people need from a loader: every problem of
//! a file at once, each with file, line and column and what was expected.

pub mod diagnostic;
mod document;
pub mod judgements;
pub mod observations;
pub mod rules;
pub mod scorecard;

pub use diagnostic::{Diagnostic, LoadError};
pub use document::Format;
pub use judgements::{judgements_to_json, judgements_to_toml, load_judgements, read_judgements};
pub use observations::{
    ObservationFormat, load_observations, observations_to_csv, observations_to_json, read_observations,
};
pub use rules::{load_rules, read_rules};
pub use scorecard::{load_scorecard, read_scorecard, scorecard_to_json, scorecard_to_toml};

/// A model that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// TOML could not represent it.
    #[error("TOML: {0}")]
    Toml(#[from] toml::ser::Error),
    /// JSON could not represent it.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV could not be written.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The output was not UTF-8.
    #[error("output is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
}

/// Reads a file as UTF-8 text; a failure is a diagnostic of that file.
fn read_file(path: &std::path::Path) -> Result<(String, String), LoadError> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Err(error) => Err(LoadError::whole_file(&file, format!("cannot read: {error}"))),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok((file, text)),
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes());
                let before = &text[..at.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                Err(LoadError {
                    diagnostics: vec![Diagnostic {
                        file,
                        line: Some(line),
                        column: Some(column),
                        message: "not UTF-8: expected text encoded as UTF-8".into(),
                    }],
                })
            }
        },
    }
}
