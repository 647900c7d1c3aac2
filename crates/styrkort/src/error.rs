//! The one error type of styrkort: what kind of input failed ([`ErrorKind`], with a stable
//! [`ErrorKind::code`]), and every problem found in it ([`Diagnostic`]), each with its
//! [`Location`]: the file or input name, line, column, byte span, record and field.
//!
//! Every fallible function of the crate returns [`Error`]. The C ABI turns [`ErrorKind::code`]
//! into its status numbers and the Python package turns [`ErrorKind`] into one exception class
//! per kind, both without a rule of their own.
//!
//! ```
//! use styrkort::{ErrorKind, Scorecard};
//!
//! let plan = "schema = 1\norganisation = \"Region Exempel\"\nname = 3\nyears = [2021, 2023]\n";
//! let error = Scorecard::from_toml_str(plan).unwrap_err();
//! assert_eq!(error.kind(), ErrorKind::Scorecard);
//! assert_eq!(error.code(), 2);
//! let first = &error.diagnostics()[0];
//! assert_eq!((first.location.line, first.location.column), (Some(3), Some(8)));
//! assert!(error.to_string().starts_with("<input>:3:8: name: invalid type: integer `3`"));
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// What kind of input or operation failed. The numbers of [`ErrorKind::code`] never change
/// once released: the C ABI returns them as its status numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// 1: a target text that fits no form of the target language (strict parsing).
    TargetSyntax,
    /// 2: a scorecard (plan) that does not read or does not validate.
    Scorecard,
    /// 3: observations that do not read, or do not fit the scorecard.
    Observations,
    /// 4: judgements that do not read, or do not fit the scorecard.
    Judgements,
    /// 5: a rule set that does not read, or a setting out of its range.
    Rules,
    /// 6: a text that is not a period ("2021-DÅ04").
    Period,
    /// 7: a unit id that the scorecard does not declare.
    UnknownUnit,
    /// 8: a text that is not the code it should be: a sex, a status, a number, a comparison base.
    Value,
    /// 9: a file that cannot be read or written.
    Io,
    /// 10: a model or report that cannot be written in the format asked for.
    Write,
    /// 11: report options (publication mode, columns, language, CSV dialect) that do not read.
    ReportOptions,
}

impl ErrorKind {
    /// Every kind, in the order of their codes.
    pub const ALL: [ErrorKind; 11] = [
        ErrorKind::TargetSyntax,
        ErrorKind::Scorecard,
        ErrorKind::Observations,
        ErrorKind::Judgements,
        ErrorKind::Rules,
        ErrorKind::Period,
        ErrorKind::UnknownUnit,
        ErrorKind::Value,
        ErrorKind::Io,
        ErrorKind::Write,
        ErrorKind::ReportOptions,
    ];

    /// The stable number of the kind, from 1; 0 is success in the C ABI and numbers from 100 are
    /// the C ABI's own (NULL argument, invalid UTF-8, panic).
    pub const fn code(self) -> u32 {
        match self {
            ErrorKind::TargetSyntax => 1,
            ErrorKind::Scorecard => 2,
            ErrorKind::Observations => 3,
            ErrorKind::Judgements => 4,
            ErrorKind::Rules => 5,
            ErrorKind::Period => 6,
            ErrorKind::UnknownUnit => 7,
            ErrorKind::Value => 8,
            ErrorKind::Io => 9,
            ErrorKind::Write => 10,
            ErrorKind::ReportOptions => 11,
        }
    }

    /// The machine name: `target_syntax`, `scorecard`, `observations`, `judgements`, `rules`,
    /// `period`, `unknown_unit`, `value`, `io`, `write`, `report_options`.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::TargetSyntax => "target_syntax",
            ErrorKind::Scorecard => "scorecard",
            ErrorKind::Observations => "observations",
            ErrorKind::Judgements => "judgements",
            ErrorKind::Rules => "rules",
            ErrorKind::Period => "period",
            ErrorKind::UnknownUnit => "unknown_unit",
            ErrorKind::Value => "value",
            ErrorKind::Io => "io",
            ErrorKind::Write => "write",
            ErrorKind::ReportOptions => "report_options",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a problem is. Every part is optional but the source's name: a problem of a whole file
/// has only that; a CSV field has a line, a column, a record and a field; a target text has a
/// byte span.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Location {
    /// The file name as given, or the name given to text or columns that came from memory
    /// (`<input>` when none was given); empty for a single value such as a target text.
    pub file: String,
    /// The line, from 1, as a text editor shows it.
    pub line: Option<usize>,
    /// The column, from 1: the character column for TOML, JSON and target texts, the column's
    /// position in the header for CSV.
    pub column: Option<usize>,
    /// The bytes of the source text the problem covers (empty where something is missing).
    pub span: Option<Range<usize>>,
    /// For a list of records (CSV rows, JSON records, rows of a data frame): the record's
    /// position, from 0, not counting a header.
    pub row: Option<usize>,
    /// The field (CSV column, key) the problem concerns.
    pub field: Option<String>,
}

impl Location {
    /// The location of a whole file or input.
    pub fn file(file: impl Into<String>) -> Location {
        Location { file: file.into(), ..Location::default() }
    }

    /// This location at a line and column.
    pub fn at(mut self, line: usize, column: Option<usize>) -> Location {
        self.line = Some(line);
        self.column = column;
        self
    }

    /// This location at a record and, if known, one of its fields.
    pub fn in_row(mut self, row: usize, field: Option<&str>) -> Location {
        self.row = Some(row);
        self.field = field.map(str::to_owned);
        self
    }

    /// This location covering a byte span of the source text.
    pub fn spanning(mut self, span: Range<usize>) -> Location {
        self.span = Some(span);
        self
    }
}

impl fmt::Display for Location {
    /// `file:line:column`, leaving out what is unknown; `file: row 3` for records without a
    /// line; `bytes 3..7` for a span without a file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        match (self.line, self.column) {
            (Some(line), Some(column)) if !self.file.is_empty() => write!(f, ":{line}:{column}"),
            (Some(line), None) if !self.file.is_empty() => write!(f, ":{line}"),
            _ => match (self.row, &self.span) {
                (Some(row), _) => write!(f, "{}row {row}", separator(&self.file)),
                (None, Some(span)) => write!(f, "{}bytes {}..{}", separator(&self.file), span.start, span.end),
                _ => Ok(()),
            },
        }
    }
}

fn separator(file: &str) -> &'static str {
    if file.is_empty() { "" } else { ": " }
}

/// One problem found in an input, where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where.
    pub location: Location,
    /// What is wrong and what was expected, in English, quoting the input's Swedish words.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at a location.
    pub fn new(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic { location, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: message` (see [`Location`]'s `Display`), or the message alone when
    /// the location is empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = self.location.to_string();
        if location.is_empty() { f.write_str(&self.message) } else { write!(f, "{location}: {}", self.message) }
    }
}

/// Something styrkort could not do, with every problem that stopped it.
///
/// An error always has at least one [`Diagnostic`]; a file's load reports every problem of the
/// file, in text order. `Display` prints one diagnostic per line, as a compiler does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// An error of a kind with its diagnostics; an empty list gets one diagnostic that names
    /// the kind, so that every error says something.
    pub fn new(kind: ErrorKind, mut diagnostics: Vec<Diagnostic>) -> Error {
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::new(Location::default(), format!("{kind} error")));
        }
        Error { kind, diagnostics }
    }

    /// An error with one diagnostic.
    pub fn at(kind: ErrorKind, location: Location, message: impl Into<String>) -> Error {
        Error::new(kind, vec![Diagnostic::new(location, message)])
    }

    /// An error with one diagnostic and no location, for a value given on its own (a period
    /// text, a unit id).
    pub fn message(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::at(kind, Location::default(), message)
    }

    /// What kind of input failed.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The kind's stable number (see [`ErrorKind::code`]).
    pub fn code(&self) -> u32 {
        self.kind.code()
    }

    /// Every problem, in the order of the input; never empty.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The first problem.
    pub fn first(&self) -> Option<&Diagnostic> {
        self.diagnostics.first()
    }

    /// The problems, owned.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// The value when there are no problems, or an error with every problem in text order
    /// (by line and column, then record); the loaders end with this.
    pub fn check<T>(kind: ErrorKind, value: T, mut diagnostics: Vec<Diagnostic>) -> Result<T, Error> {
        if diagnostics.is_empty() {
            return Ok(value);
        }
        diagnostics.sort_by_key(|d| (d.location.line, d.location.column, d.location.row));
        Err(Error::new(kind, diagnostics))
    }
}

impl fmt::Display for Error {
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

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_distinct() {
        let codes: Vec<u32> = ErrorKind::ALL.iter().map(|kind| kind.code()).collect();
        assert_eq!(codes, (1..=11).collect::<Vec<_>>());
        assert_eq!(ErrorKind::Observations.name(), "observations");
    }

    #[test]
    fn displays_like_a_compiler() {
        let diagnostic = Diagnostic::new(Location::file("plan.toml").at(3, Some(7)), "unknown body 'RX'");
        assert_eq!(diagnostic.to_string(), "plan.toml:3:7: unknown body 'RX'");
        let whole = Diagnostic::new(Location::file("utfall.csv"), "cannot read");
        assert_eq!(whole.to_string(), "utfall.csv: cannot read");
        let record = Diagnostic::new(Location::file("frame").in_row(4, Some("value")), "'x' is not a number");
        assert_eq!(record.to_string(), "frame: row 4: 'x' is not a number");
        let target = Diagnostic::new(Location::default().spanning(10..10), "expected a number");
        assert_eq!(target.to_string(), "bytes 10..10: expected a number");
        assert_eq!(Diagnostic::new(Location::default(), "bare").to_string(), "bare");
    }

    #[test]
    fn an_error_is_never_empty_and_lists_every_problem() {
        let error = Error::new(ErrorKind::Rules, Vec::new());
        assert_eq!(error.diagnostics().len(), 1);
        let error = Error::check(
            ErrorKind::Scorecard,
            (),
            vec![
                Diagnostic::new(Location::file("p").at(9, Some(1)), "b"),
                Diagnostic::new(Location::file("p").at(2, Some(5)), "a"),
            ],
        )
        .expect_err("two problems");
        assert_eq!(error.to_string(), "p:2:5: a\np:9:1: b");
        assert_eq!(error.code(), 2);
    }
}
