//! The tidy renderings: the report's rows as [`Record`](crate::assess::Record)s (one per measure × unit × period × sex,
//! with every field of the assessment), as JSON (a list of objects) or CSV (a header row first),
//! the CSV also for Swedish Excel ([`CsvDialect::Excel`]).

use super::Report;
use crate::Error;
use crate::assess::{CsvDialect, records_to_csv_with, records_to_json};

impl Report {
    /// The records as a pretty-printed JSON list, ending in a line break.
    pub fn to_json(&self) -> Result<String, Error> {
        records_to_json(&self.records())
    }

    /// The records as CSV with a header row, in the dialect of the report's options
    /// ([`ReportOptions::csv`](super::ReportOptions::csv)).
    pub fn to_csv(&self) -> Result<String, Error> {
        self.to_csv_with(self.options.csv)
    }

    /// The records as CSV in a dialect: [`CsvDialect::Excel`] is `;`, decimal comma, a UTF-8
    /// byte-order mark and `\r\n`, which Swedish Excel opens in columns.
    pub fn to_csv_with(&self, dialect: CsvDialect) -> Result<String, Error> {
        records_to_csv_with(&self.records(), dialect)
    }
}
