//! The tidy renderings: the report's rows as [`Record`]s (one per measure × unit × period × sex,
//! with every field of the assessment), as JSON (a list of objects) or CSV (the `csv` crate's
//! serializer, a header row first).

use super::Report;
use crate::assess::Record;

/// What can go wrong writing records.
#[derive(Debug, thiserror::Error)]
pub enum TidyError {
    /// JSON serialisation failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV serialisation failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The CSV writer could not hand back its buffer.
    #[error("cannot write CSV: {0}")]
    Buffer(String),
}

impl Report<'_> {
    /// The tidy records of the report's unit, in row order (see [`crate::assess::Assessments::records`]).
    pub fn records(&self) -> Vec<Record> {
        self.assessments.records_of(self.unit)
    }

    /// The records as a pretty-printed JSON list, ending in a line break.
    pub fn to_json(&self) -> Result<String, TidyError> {
        let mut json = serde_json::to_string_pretty(&self.records())?;
        json.push('\n');
        Ok(json)
    }

    /// The records as CSV with a header row.
    pub fn to_csv(&self) -> Result<String, TidyError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for record in self.records() {
            writer.serialize(record)?;
        }
        let bytes = writer.into_inner().map_err(|error| TidyError::Buffer(error.to_string()))?;
        String::from_utf8(bytes).map_err(|error| TidyError::Buffer(error.to_string()))
    }
}
