//! The tidy renderings: the report's rows as [`Record`](crate::assess::Record)s (one per measure × unit × period × sex,
//! with every field of the assessment), as JSON (a list of objects) or CSV (a header row first).

use super::Report;
use crate::Error;
use crate::assess::{records_to_csv, records_to_json};

impl Report {
    /// The records as a pretty-printed JSON list, ending in a line break.
    pub fn to_json(&self) -> Result<String, Error> {
        records_to_json(&self.records())
    }

    /// The records as CSV with a header row.
    pub fn to_csv(&self) -> Result<String, Error> {
        records_to_csv(&self.records())
    }
}
