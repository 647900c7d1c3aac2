//! What a report shows: the working mode for the people who prepare it (the engine's flags and
//! every explanation) or the publication mode (only what the region decides to show), the
//! optional columns of the measure tables, the language of the labels and the CSV dialect.
//!
//! The options read from a settings text as well ([`crate::io::read_report_options`]):
//!
//! ```toml
//! publish = true
//! columns = ["utfall"]
//! language = "sv"
//! csv = "excel"
//! ```

use super::Language;
use crate::assess::CsvDialect;
use serde::{Deserialize, Serialize};

/// An optional column of the measure tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportColumn {
    /// "Utfall": the value with its unit (or the change an outcome is stated as), between the
    /// target and the status.
    #[serde(alias = "utfall")]
    Value,
}

impl ReportColumn {
    /// Every optional column.
    pub const ALL: [ReportColumn; 1] = [ReportColumn::Value];

    /// Parses a column's name: `utfall` or `value` (any case).
    pub fn parse(text: &str) -> Option<ReportColumn> {
        match text.trim().to_lowercase().as_str() {
            "utfall" | "value" => Some(ReportColumn::Value),
            _ => None,
        }
    }
}

/// How a report is rendered. The default is the working mode without optional columns, with
/// Swedish labels and CSV for programs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportOptions {
    /// Publication mode: no engine flags ("⚑ Beräknat förslag … avviker"), no explanations on
    /// hover or to unfold, no note where a goal has no recorded judgement; the statuses are the
    /// reported ones, as in the working mode.
    pub publish: bool,
    /// The optional columns to show, in table order.
    pub columns: Vec<ReportColumn>,
    /// The language of the labels (`sv` or `en`); the region's sentences stay Swedish.
    pub language: Language,
    /// How the records are written as CSV (`standard`, or `excel` for Swedish Excel).
    pub csv: CsvDialect,
}

impl ReportOptions {
    /// The publication mode.
    pub fn published() -> ReportOptions {
        ReportOptions { publish: true, ..ReportOptions::default() }
    }

    /// Whether an optional column is shown.
    pub fn shows(&self, column: ReportColumn) -> bool {
        self.columns.contains(&column)
    }

    /// The same with a column shown.
    pub fn with_column(mut self, column: ReportColumn) -> ReportOptions {
        if !self.shows(column) {
            self.columns.push(column);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_parse_in_swedish_and_english() {
        assert_eq!(ReportColumn::parse("Utfall"), Some(ReportColumn::Value));
        assert_eq!(ReportColumn::parse("value"), Some(ReportColumn::Value));
        assert_eq!(ReportColumn::parse("trend"), None);
        assert!(ReportOptions::default().with_column(ReportColumn::Value).shows(ReportColumn::Value));
        assert!(!ReportOptions::default().publish && ReportOptions::published().publish);
    }

    #[test]
    fn options_read_in_the_words_of_a_settings_file() {
        let options: ReportOptions =
            serde_json::from_str(r#"{"columns": ["utfall"], "language": "en", "csv": "excel"}"#).expect("reads");
        assert_eq!(options.columns, [ReportColumn::Value]);
        assert_eq!((options.language, options.csv), (Language::English, CsvDialect::Excel));
        assert!(!options.publish, "a setting not given keeps its default");
        let swedish: ReportOptions = serde_json::from_str(r#"{"language": "sv"}"#).expect("reads");
        assert_eq!(swedish.language, Language::Swedish);
        assert!(serde_json::from_str::<ReportOptions>(r#"{"colour": true}"#).is_err(), "an unknown setting");
    }
}
