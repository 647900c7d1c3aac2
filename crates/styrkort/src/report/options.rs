//! What a report shows: the working mode for the people who prepare it (the engine's flags and
//! every explanation) or the publication mode (only what the region decides to show), and the
//! optional columns of the measure tables.

use serde::{Deserialize, Serialize};

/// An optional column of the measure tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportColumn {
    /// "Utfall": the value with its unit (or the change an outcome is stated as), between the
    /// target and the status.
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

/// How a report is rendered. The default is the working mode without optional columns.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportOptions {
    /// Publication mode: no engine flags ("⚑ Beräknat förslag … avviker"), no explanations on
    /// hover or to unfold, no note where a goal has no recorded judgement; the statuses are the
    /// reported ones, as in the working mode.
    pub publish: bool,
    /// The optional columns to show, in table order.
    pub columns: Vec<ReportColumn>,
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
}
