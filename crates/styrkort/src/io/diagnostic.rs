//! Load errors that say where: file, line and column (for CSV the line of the record and the
//! column's position), and what was expected. A load reports every problem of a file.

use std::fmt;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file name as given, or `<input>` for text that did not come from a file.
    pub file: String,
    /// Line, from 1. None when the problem concerns the whole file.
    pub line: Option<usize>,
    /// Column, from 1: the character column for TOML and JSON, the column's position in the
    /// header for CSV. None when only the line is known.
    pub column: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: message`, leaving out what is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found while loading one or more files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// A load error with one problem that concerns the whole file.
    pub fn whole_file(file: &str, message: impl Into<String>) -> LoadError {
        LoadError {
            diagnostics: vec![Diagnostic { file: file.to_owned(), line: None, column: None, message: message.into() }],
        }
    }
}

/// The value when nothing was found wrong, or every problem in text order.
pub(crate) fn checked<T>(value: T, mut diagnostics: Vec<Diagnostic>) -> Result<T, LoadError> {
    if diagnostics.is_empty() {
        return Ok(value);
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Err(LoadError { diagnostics })
}

impl fmt::Display for LoadError {
    /// One diagnostic per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// Turns byte offsets of a text into lines and character columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        LineIndex { text, starts }
    }

    /// Line and column, both from 1, of a byte offset (clamped to the text).
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// The byte offset of a line (from 1) and a byte column (from 1) within it.
    pub(crate) fn offset(&self, line: usize, byte_column: usize) -> usize {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        (start + byte_column.saturating_sub(1)).min(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_from_one() {
        let index = LineIndex::new("a = 1\nnamn = \"Målet\"\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(6), (2, 1));
        let at = "a = 1\nnamn = \"Må".len();
        assert_eq!(index.position(at), (2, 11));
        assert_eq!(index.position(999), (3, 1));
    }

    #[test]
    fn displays_like_a_compiler() {
        let diagnostic = Diagnostic {
            file: "plan.toml".into(),
            line: Some(3),
            column: Some(7),
            message: "unknown body 'RX'".into(),
        };
        assert_eq!(diagnostic.to_string(), "plan.toml:3:7: unknown body 'RX'");
    }
}
