//! Observations from rows of named fields: the one place where the rules of an observation
//! record (SPEC §6) are applied. The CSV and JSON readers feed it, and so can a binding with the
//! columns of a data frame or an Arrow table, so that every input obeys exactly the same rules
//! and gets the same located diagnostics.
//!
//! ```
//! use styrkort::io::{Field, ObservationBuilder};
//! use rust_decimal::Decimal;
//!
//! let mut builder = ObservationBuilder::new("frame", &["measure", "period", "sex", "value"]);
//! let rows = [["M1", "2021-DÅ04", "K", "16,3"], ["M1", "2021-DÅ04", "M", "åttio"]];
//! for (row, fields) in rows.iter().enumerate() {
//!     builder.push(None, |position| fields.get(position).map_or(Field::Empty, |text| Field::Text(text)));
//! }
//! let error = builder.finish(None).unwrap_err();
//! assert_eq!(error.to_string(), "frame: row 1: column 'value': 'åttio' is not a number: expected digits with a decimal comma or point, such as 16,9");
//! assert_eq!(error.diagnostics()[0].location.field.as_deref(), Some("value"));
//! ```

use crate::error::{Diagnostic, Error, ErrorKind, Location};
use crate::model::observations::{Origin, Said};
use crate::model::{MilestoneState, MissingReason, Observations, Outcome, Period, Scorecard, Sex};
use crate::number::parse_decimal;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The columns of an observation record, in the order of the CSV header SPEC §6 gives:
/// `unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note`, and
/// `change` for an outcome stated only as a change against the comparison period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObservationColumn {
    /// `unit`: the organisational unit's id; empty for the organisation itself.
    Unit,
    /// `measure`: the measure's id (required).
    Measure,
    /// `period`: "2021-DÅ04" (required).
    Period,
    /// `sex`: T, K or M; empty for T.
    Sex,
    /// `value`: a decimal.
    Value,
    /// `numerator`: with `denominator`, a ratio.
    Numerator,
    /// `denominator`: with `numerator`, a ratio.
    Denominator,
    /// `state`: a milestone state (ej_påbörjad, pågår, genomförd).
    State,
    /// `reference`: the reference value (riket).
    Reference,
    /// `missing`: why there is no value (ej_publicerad, metod_ändrad, sekretess, ej_mätt).
    Missing,
    /// `note`: any remark, kept verbatim.
    Note,
    /// `change`: the outcome stated only as a change against the comparison period, absolute
    /// ("−1,8 procentenheter", "-7") or relative ("+200 %").
    Change,
}

impl ObservationColumn {
    /// Every column, in header order.
    pub const ALL: [ObservationColumn; 12] = [
        ObservationColumn::Unit,
        ObservationColumn::Measure,
        ObservationColumn::Period,
        ObservationColumn::Sex,
        ObservationColumn::Value,
        ObservationColumn::Numerator,
        ObservationColumn::Denominator,
        ObservationColumn::State,
        ObservationColumn::Reference,
        ObservationColumn::Missing,
        ObservationColumn::Note,
        ObservationColumn::Change,
    ];

    /// The column's name in a header: `unit`, `measure`, …
    pub fn name(self) -> &'static str {
        match self {
            ObservationColumn::Unit => "unit",
            ObservationColumn::Measure => "measure",
            ObservationColumn::Period => "period",
            ObservationColumn::Sex => "sex",
            ObservationColumn::Value => "value",
            ObservationColumn::Numerator => "numerator",
            ObservationColumn::Denominator => "denominator",
            ObservationColumn::State => "state",
            ObservationColumn::Reference => "reference",
            ObservationColumn::Missing => "missing",
            ObservationColumn::Note => "note",
            ObservationColumn::Change => "change",
        }
    }

    /// The column a header name means (trimmed, any case, a byte-order mark ignored).
    pub fn named(name: &str) -> Option<ObservationColumn> {
        let name = name.trim().trim_start_matches('\u{feff}');
        ObservationColumn::ALL.into_iter().find(|column| column.name().eq_ignore_ascii_case(name))
    }

    /// The header names, comma-separated, for messages.
    pub fn allowed() -> String {
        ObservationColumn::ALL.map(ObservationColumn::name).join(",")
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// One field of a row: nothing, a text as written, or a number that is already a decimal (a
/// numeric column of a data frame, a JSON number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    /// An empty field, a null, or a column the row does not have.
    Empty,
    /// A text; numbers in it may use a decimal comma or point and thousands spaces.
    Text(&'a str),
    /// A decimal.
    Number(Decimal),
}

impl<'a> Field<'a> {
    /// The field's text, trimmed; none when empty.
    fn text(self) -> Option<Cow<'a, str>> {
        match self {
            Field::Empty => None,
            Field::Text(text) => Some(Cow::Borrowed(text.trim())).filter(|t| !t.is_empty()),
            Field::Number(number) => Some(Cow::Owned(number.to_string())),
        }
    }
}

/// Reads observations from rows of fields named by a header, with the rules of SPEC §6: a
/// measure and a period are required, the sex defaults to T, and each row has exactly one
/// outcome (a value, a numerator and denominator, a milestone state, or a missing-data reason).
/// Every problem of every row is reported, located by the source's name, the row's line (when
/// it has one), the row's position from 0, and the column; [`ObservationBuilder::finish`] then
/// checks the whole against a scorecard.
#[derive(Debug)]
pub struct ObservationBuilder {
    source: String,
    /// Where each column stands in a row (its position in the header), if the header has it.
    positions: [Option<usize>; 12],
    observations: Observations,
    diagnostics: Vec<Diagnostic>,
    /// Rows read so far, good and bad: the position of the next row.
    rows: usize,
    /// Whether the header has a problem.
    header_fails: bool,
    /// Whether rows are records that name their own fields.
    records: bool,
}

impl ObservationBuilder {
    /// Starts reading rows from a source (a file name, or a name for data from memory) whose
    /// fields are the columns `header` names, in that order. An unknown or doubled column, or a
    /// header without `measure` and `period`, is a diagnostic of the header's line 1.
    pub fn new(source: impl Into<String>, header: &[&str]) -> ObservationBuilder {
        let mut builder = ObservationBuilder::records(source);
        builder.positions = [None; 12];
        builder.records = false;
        let header_at = |position: usize| {
            let mut location = Location::file(builder.source.as_str());
            location.column = Some(position.saturating_add(1));
            location
        };
        let mut problems = Vec::new();
        for (position, name) in header.iter().enumerate() {
            match ObservationColumn::named(name) {
                Some(column) if at(&builder.positions, column).is_some() => {
                    problems.push((header_at(position), format!("column '{}' appears twice", column.name())));
                }
                Some(column) => {
                    if let Some(slot) = builder.positions.get_mut(column.position()) {
                        *slot = Some(position);
                    }
                }
                None => problems.push((
                    header_at(position),
                    format!("unknown column '{}': expected the columns {}", name.trim(), ObservationColumn::allowed()),
                )),
            }
        }
        for required in [ObservationColumn::Measure, ObservationColumn::Period] {
            if at(&builder.positions, required).is_none() {
                problems.push((
                    Location::file(builder.source.as_str()),
                    format!(
                        "no '{}' column: the header must name at least measure, period and one of value, numerator/denominator, state, missing",
                        required.name()
                    ),
                ));
            }
        }
        builder.header_fails = !problems.is_empty();
        for (mut location, message) in problems {
            location.line = Some(1);
            builder.diagnostics.push(Diagnostic::new(location, message));
        }
        builder
    }

    /// Starts reading records that name their own fields (such as JSON objects): the field at
    /// position `column as usize` is the column's (see [`ObservationColumn::ALL`]).
    pub fn records(source: impl Into<String>) -> ObservationBuilder {
        let source = source.into();
        let mut observations = Observations::new();
        observations.begin_source(source.clone());
        ObservationBuilder {
            source,
            positions: ObservationColumn::ALL.map(|column| Some(column.position())),
            observations,
            diagnostics: Vec::new(),
            rows: 0,
            header_fails: false,
            records: true,
        }
    }

    /// Whether the header names the columns well enough for rows to be read.
    pub fn header_ok(&self) -> bool {
        !self.header_fails
    }

    /// The position in a row of a column, if the header has it.
    pub fn position(&self, column: ObservationColumn) -> Option<usize> {
        at(&self.positions, column)
    }

    /// Reads one row: `field(position)` gives the field at a position of the header (or, for
    /// [`ObservationBuilder::records`], of [`ObservationColumn::ALL`]). `line` is the row's line
    /// in the source, when it has one. A row with a problem is reported and left out.
    pub fn push<'f>(&mut self, line: Option<usize>, field: impl Fn(usize) -> Field<'f>) {
        let row = self.rows;
        let positions = self.positions;
        self.push_located(
            |source, column| {
                let mut location = Location::file(source).in_row(row, column.map(ObservationColumn::name));
                location.line = line;
                location.column = column.and_then(|c| at(&positions, c)).map(|p| p.saturating_add(1));
                location
            },
            line,
            field,
        );
    }

    /// As [`ObservationBuilder::push`], with the location of each problem given by `locate`
    /// (from the source's name and the column concerned, or none for the whole row).
    pub(crate) fn push_located<'f>(
        &mut self,
        locate: impl Fn(&str, Option<ObservationColumn>) -> Location,
        line: Option<usize>,
        field: impl Fn(usize) -> Field<'f>,
    ) {
        let row = self.rows;
        self.rows = self.rows.saturating_add(1);
        let positions = self.positions;
        let get = |column: ObservationColumn| at(&positions, column).map_or(Field::Empty, &field);
        match read_row(get) {
            Ok(parsed) => {
                let origin = Some(Origin::new(line, row));
                self.observations.push_said(&parsed.measure, parsed.unit.as_deref(), parsed.said, origin);
            }
            Err(problems) => {
                for (column, message) in problems {
                    let message = self.about(row, column.name(), &message);
                    let location = locate(&self.source, Some(column));
                    self.diagnostics.push(Diagnostic::new(location, message));
                }
            }
        }
    }

    /// Reports a problem of the source that is not about one field (a CSV syntax error, a row
    /// with too many fields); it counts as a row read.
    pub fn report(&mut self, location: Location, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(location, message));
    }

    /// Counts a row as read without reading it (a row the source had to skip, such as a
    /// record that is not a record, reported with [`ObservationBuilder::report`]), so that the
    /// rows after it keep their positions; returns the skipped row's position.
    pub fn skip_row(&mut self) -> usize {
        let row = self.rows;
        self.rows = self.rows.saturating_add(1);
        row
    }

    /// The source's name.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// A message about a field of a row: `column 'value': …` for rows of a header, `[3].value:
    /// …` for records that name their own fields.
    fn about(&self, row: usize, field: &str, message: &str) -> String {
        if self.records { format!("[{row}].{field}: {message}") } else { format!("column '{field}': {message}") }
    }

    /// Ends reading: the observations, or every problem found. With a scorecard, the
    /// observations are checked against it too (a known measure and unit, a sex the measure is
    /// split by, one observation per unit, measure, period and sex, a positive denominator).
    pub fn finish(self, scorecard: Option<&Scorecard>) -> Result<Observations, Error> {
        let (observations, diagnostics) = self.into_parts(scorecard);
        Error::check(ErrorKind::Observations, observations, diagnostics)
    }

    /// As [`ObservationBuilder::finish`], keeping the observations that read beside every
    /// problem found.
    pub(crate) fn into_parts(self, scorecard: Option<&Scorecard>) -> (Observations, Vec<Diagnostic>) {
        let positions = self.positions;
        self.into_parts_located(scorecard, |location| {
            let column = location.field.as_deref().and_then(ObservationColumn::named);
            location.column = column.and_then(|c| at(&positions, c)).map(|p| p.saturating_add(1));
        })
    }

    /// As [`ObservationBuilder::into_parts`], with the location of each problem the scorecard
    /// finds set by `relocate` (a reader that knows where each field stands).
    pub(crate) fn into_parts_located(
        mut self,
        scorecard: Option<&Scorecard>,
        relocate: impl Fn(&mut Location),
    ) -> (Observations, Vec<Diagnostic>) {
        if let Some(scorecard) = scorecard {
            for mut diagnostic in crate::assess::check_observations(scorecard, &self.observations) {
                if let (Some(row), Some(field)) = (diagnostic.location.row, diagnostic.location.field.clone()) {
                    diagnostic.message = self.about(row, &field, &diagnostic.message);
                }
                relocate(&mut diagnostic.location);
                self.diagnostics.push(diagnostic);
            }
        }
        (self.observations, self.diagnostics)
    }
}

/// The position of a column in a row, if the row has it.
fn at(positions: &[Option<usize>; 12], column: ObservationColumn) -> Option<usize> {
    positions.get(column.position()).copied().flatten()
}

/// A row that reads; its ids borrowed from the row's fields where they are texts.
struct ParsedRow<'f> {
    unit: Option<Cow<'f, str>>,
    measure: Cow<'f, str>,
    said: Said,
}

/// A code read from a field, or a problem saying the text is not `what`.
fn code<T>(
    text: Option<&str>,
    column: ObservationColumn,
    parse: fn(&str) -> Option<T>,
    what: &str,
    problems: &mut Vec<(ObservationColumn, String)>,
) -> Option<T> {
    let text = text?;
    let parsed = parse(text);
    if parsed.is_none() {
        problems.push((column, format!("'{text}' is not {what}")));
    }
    parsed
}

/// The rules of one observation record, with every bad field reported.
fn read_row<'f>(
    field: impl Fn(ObservationColumn) -> Field<'f>,
) -> Result<ParsedRow<'f>, Vec<(ObservationColumn, String)>> {
    use ObservationColumn as C;
    let mut problems = Vec::new();
    let text = |column: C| field(column).text();
    let mut number = |column: C| -> Option<Decimal> {
        match field(column) {
            Field::Number(number) => Some(number),
            other => {
                let value = other.text()?;
                let parsed = parse_decimal(&value);
                if parsed.is_none() {
                    problems.push((
                        column,
                        format!(
                            "'{value}' is not a number: expected digits with a decimal comma or point, such as 16,9"
                        ),
                    ));
                }
                parsed
            }
        }
    };
    let value = number(C::Value);
    let numerator = number(C::Numerator);
    let denominator = number(C::Denominator);
    let reference = number(C::Reference);
    let measure = text(C::Measure);
    if measure.is_none() {
        problems.push((C::Measure, "missing measure: expected a measure id".to_owned()));
    }
    let period = match text(C::Period) {
        None => {
            problems.push((C::Period, "missing period: expected a period such as 2021-DÅ04".to_owned()));
            None
        }
        Some(text) => text.parse::<Period>().map_err(|error| problems.push((C::Period, error.to_string()))).ok(),
    };
    let sex = match text(C::Sex) {
        None => Some(Sex::Total),
        Some(text) => text.parse::<Sex>().map_err(|error| problems.push((C::Sex, error.to_string()))).ok(),
    };
    let state = code(
        text(C::State).as_deref(),
        C::State,
        MilestoneState::parse,
        "a milestone state: expected ej_påbörjad, pågår or genomförd",
        &mut problems,
    );
    let missing = code(
        text(C::Missing).as_deref(),
        C::Missing,
        MissingReason::parse,
        "a missing-data reason: expected ej_publicerad, metod_ändrad, sekretess or ej_mätt",
        &mut problems,
    );
    let change = code(
        text(C::Change).as_deref(),
        C::Change,
        crate::model::Change::parse,
        "a change: expected a signed number with % (relative) or procentenheter or nothing (absolute), such as +200 % or −1,8 procentenheter",
        &mut problems,
    );
    let given = [
        value.is_some(),
        numerator.is_some() || denominator.is_some(),
        state.is_some(),
        missing.is_some(),
        change.is_some(),
    ];
    let outcome = match (value, numerator, denominator, state, missing) {
        _ if given.iter().filter(|&&g| g).count() > 1 => {
            problems.push((
                C::Value,
                "more than one outcome: expected exactly one of value, numerator and denominator, state, change, or missing"
                    .to_owned(),
            ));
            None
        }
        _ if change.is_some() => change.map(Outcome::Change),
        (Some(value), ..) => Some(Outcome::Value(value)),
        (_, Some(numerator), Some(denominator), ..) => Some(Outcome::Ratio { numerator, denominator }),
        (_, Some(_), None, ..) => {
            problems.push((C::Denominator, "a numerator without a denominator: expected both".to_owned()));
            None
        }
        (_, None, Some(_), ..) => {
            problems.push((C::Numerator, "a denominator without a numerator: expected both".to_owned()));
            None
        }
        (.., Some(state), _) => Some(Outcome::Milestone(state)),
        (.., Some(reason)) => Some(Outcome::Missing(reason)),
        _ if problems.iter().any(|(c, _)| {
            matches!(c, C::Value | C::Numerator | C::Denominator | C::State | C::Missing | C::Change)
        }) =>
        {
            None
        }
        _ => {
            problems.push((
                C::Value,
                "no outcome: expected a value, a numerator and denominator, a state, a change, or a missing-data reason"
                    .to_owned(),
            ));
            None
        }
    };
    match (measure, period, sex, outcome) {
        (Some(measure), Some(period), Some(sex), Some(outcome)) if problems.is_empty() => {
            // A note is kept verbatim, untrimmed.
            let note = match field(C::Note) {
                Field::Text(note) if !note.trim().is_empty() => Some(note.to_owned()),
                Field::Number(number) => Some(number.to_string()),
                _ => None,
            };
            Ok(ParsedRow { unit: text(C::Unit), measure, said: Said { period, sex, outcome, reference, note } })
        }
        _ => Err(problems),
    }
}
