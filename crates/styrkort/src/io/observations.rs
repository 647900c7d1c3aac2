//! Reading and writing observations: CSV (`,` or `;`, detected; columns found by name) and JSON
//! (a list of records, or `{"observations": [...]}`), one record per observation.

use super::document::{Document, Format, Located};
use super::{read_file, write_error};
use crate::error::{Diagnostic, Error, ErrorKind, Location};
use crate::model::{MilestoneState, MissingReason, Observation, Outcome, Path, Period, Scorecard, Segment, Sex};
use crate::number::parse_decimal;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The columns of an observation record, in the order of the CSV header SPEC §6 gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Column {
    Unit,
    Measure,
    Period,
    Sex,
    Value,
    Numerator,
    Denominator,
    State,
    Reference,
    Missing,
    Note,
}

impl Column {
    const ALL: [Column; 11] = [
        Column::Unit,
        Column::Measure,
        Column::Period,
        Column::Sex,
        Column::Value,
        Column::Numerator,
        Column::Denominator,
        Column::State,
        Column::Reference,
        Column::Missing,
        Column::Note,
    ];

    fn name(self) -> &'static str {
        match self {
            Column::Unit => "unit",
            Column::Measure => "measure",
            Column::Period => "period",
            Column::Sex => "sex",
            Column::Value => "value",
            Column::Numerator => "numerator",
            Column::Denominator => "denominator",
            Column::State => "state",
            Column::Reference => "reference",
            Column::Missing => "missing",
            Column::Note => "note",
        }
    }

    fn named(name: &str) -> Option<Column> {
        let name = name.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        Column::ALL.into_iter().find(|column| column.name() == name)
    }

    fn allowed() -> String {
        Column::ALL.iter().map(|c| c.name()).collect::<Vec<_>>().join(",")
    }
}

/// The format of an observation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationFormat {
    /// CSV with a header row; `,` or `;` as delimiter.
    Csv,
    /// JSON records.
    Json,
}

impl ObservationFormat {
    /// The format a file name implies: `.json` is JSON, anything else CSV.
    pub fn of_path(path: &std::path::Path) -> ObservationFormat {
        match Format::of_path(path) {
            Format::Json => ObservationFormat::Json,
            Format::Toml => ObservationFormat::Csv,
        }
    }
}

/// A code read from a field, or a problem saying the text is not `what`.
fn code<T>(
    text: Option<&str>,
    column: Column,
    parse: fn(&str) -> Option<T>,
    what: &str,
    problems: &mut Vec<(Column, String)>,
) -> Option<T> {
    let text = text?;
    let parsed = parse(text);
    if parsed.is_none() {
        problems.push((column, format!("'{text}' is not {what}")));
    }
    parsed
}

/// Builds one observation from the fields of a record; reports each bad field.
fn observation<'r>(field: impl Fn(Column) -> Option<&'r str>) -> Result<Observation, Vec<(Column, String)>> {
    let mut problems = Vec::new();
    let text = |column: Column| field(column).map(str::trim).filter(|t| !t.is_empty());
    let mut number = |column: Column| -> Option<Decimal> {
        let value = text(column)?;
        let parsed = parse_decimal(value);
        if parsed.is_none() {
            problems.push((
                column,
                format!("'{value}' is not a number: expected digits with a decimal comma or point, such as 16,9"),
            ));
        }
        parsed
    };
    let value = number(Column::Value);
    let numerator = number(Column::Numerator);
    let denominator = number(Column::Denominator);
    let reference = number(Column::Reference);
    let measure = text(Column::Measure);
    if measure.is_none() {
        problems.push((Column::Measure, "missing measure: expected a measure id".to_owned()));
    }
    let period = match text(Column::Period) {
        None => {
            problems.push((Column::Period, "missing period: expected a period such as 2021-DÅ04".to_owned()));
            None
        }
        Some(text) => text.parse::<Period>().map_err(|error| problems.push((Column::Period, error.to_string()))).ok(),
    };
    let sex = match text(Column::Sex) {
        None => Some(Sex::Total),
        Some(text) => text.parse::<Sex>().map_err(|error| problems.push((Column::Sex, error.to_string()))).ok(),
    };
    let state = code(
        text(Column::State),
        Column::State,
        MilestoneState::parse,
        "a milestone state: expected ej_påbörjad, pågår or genomförd",
        &mut problems,
    );
    let missing = code(
        text(Column::Missing),
        Column::Missing,
        MissingReason::parse,
        "a missing-data reason: expected ej_publicerad, metod_ändrad, sekretess or ej_mätt",
        &mut problems,
    );
    let given = [value.is_some(), numerator.is_some() || denominator.is_some(), state.is_some(), missing.is_some()];
    let outcome = match (value, numerator, denominator, state, missing) {
        _ if given.iter().filter(|&&g| g).count() > 1 => {
            problems.push((
                Column::Value,
                "more than one outcome: expected exactly one of value, numerator and denominator, state, or missing"
                    .to_owned(),
            ));
            None
        }
        (Some(value), ..) => Some(Outcome::Value(value)),
        (_, Some(numerator), Some(denominator), ..) => Some(Outcome::Ratio { numerator, denominator }),
        (_, Some(_), None, ..) => {
            problems.push((Column::Denominator, "a numerator without a denominator: expected both".to_owned()));
            None
        }
        (_, None, Some(_), ..) => {
            problems.push((Column::Numerator, "a denominator without a numerator: expected both".to_owned()));
            None
        }
        (.., Some(state), _) => Some(Outcome::Milestone(state)),
        (.., Some(reason)) => Some(Outcome::Missing(reason)),
        _ if problems.iter().any(|(c, _)| {
            matches!(c, Column::Value | Column::Numerator | Column::Denominator | Column::State | Column::Missing)
        }) =>
        {
            None
        }
        _ => {
            problems.push((
                Column::Value,
                "no outcome: expected a value, a numerator and denominator, a state, or a missing-data reason"
                    .to_owned(),
            ));
            None
        }
    };
    match (measure, period, sex, outcome) {
        (Some(measure), Some(period), Some(sex), Some(outcome)) if problems.is_empty() => {
            let note = field(Column::Note).filter(|n| !n.trim().is_empty()).map(str::to_owned);
            Ok(Observation {
                unit: text(Column::Unit).map(str::to_owned),
                measure: measure.to_owned(),
                period,
                sex,
                outcome,
                reference,
                note,
            })
        }
        _ => Err(problems),
    }
}

/// Reads observations from text. With a scorecard, checks them against it too (known measure,
/// a sex the measure splits by, a known unit). Every problem is reported with its place: for CSV
/// the line of the row and the column's position in the header.
pub fn read_observations(
    file: &str,
    text: &str,
    format: ObservationFormat,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Observation>, Error> {
    match format {
        ObservationFormat::Csv => read_csv(file, text, scorecard),
        ObservationFormat::Json => read_json(file, text, scorecard),
    }
}

/// Reads an observation file; `.json` is JSON, anything else CSV.
pub fn load_observations(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Observation>, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Observations)?;
    read_observations(&file, &text, ObservationFormat::of_path(path), scorecard)
}

fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' }
}

fn read_csv(file: &str, text: &str, scorecard: Option<&Scorecard>) -> Result<Vec<Observation>, Error> {
    let diagnostic = |line: usize, column: Option<usize>, message: String| {
        Diagnostic::new(Location::file(file).at(line, column), message)
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(detect_delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            return Err(Error::new(ErrorKind::Observations, vec![diagnostic(1, None, format!("CSV header: {error}"))]));
        }
    };
    let mut diagnostics = Vec::new();
    let mut columns: BTreeMap<Column, usize> = BTreeMap::new();
    for (index, name) in header.iter().enumerate() {
        match Column::named(name) {
            Some(column) if columns.contains_key(&column) => {
                diagnostics.push(diagnostic(1, Some(index + 1), format!("column '{}' appears twice", column.name())))
            }
            Some(column) => {
                columns.insert(column, index);
            }
            None => diagnostics.push(diagnostic(
                1,
                Some(index + 1),
                format!("unknown column '{}': expected the columns {}", name.trim(), Column::allowed()),
            )),
        }
    }
    for required in [Column::Measure, Column::Period] {
        if !columns.contains_key(&required) {
            diagnostics.push(diagnostic(1, None, format!("no '{}' column: the header must name at least measure, period and one of value, numerator/denominator, state, missing", required.name())));
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::new(ErrorKind::Observations, diagnostics));
    }
    let column_indices: [Option<usize>; 11] = Column::ALL.map(|column| columns.get(&column).copied());
    let mut observations = Vec::new();
    // The line of each observation read, to locate the scorecard's problems with it.
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if record.len() > header.len() {
                    diagnostics.push(diagnostic(
                        line,
                        Some(header.len() + 1),
                        format!("{} fields, but the header has {} columns", record.len(), header.len()),
                    ));
                    continue;
                }
                let indices = &column_indices;
                match observation(|column| indices[column as usize].and_then(|index| record.get(index))) {
                    Ok(observation) => {
                        observations.push(observation);
                        lines.push(line);
                    }
                    Err(problems) => {
                        for (column, message) in problems {
                            diagnostics.push(diagnostic(
                                line,
                                columns.get(&column).map(|i| i + 1),
                                format!("column '{}': {message}", column.name()),
                            ));
                        }
                    }
                }
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                diagnostics.push(diagnostic(line, None, format!("CSV: {error}")));
                if !matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    if let Some(scorecard) = scorecard {
        for problem in scorecard.validate_observations(&observations) {
            let (index, column) = match problem.path.0.as_slice() {
                [Segment::Index(index), Segment::Key(key), ..] => (*index, Column::named(key)),
                [Segment::Index(index), ..] => (*index, None),
                _ => (0, None),
            };
            let line = lines.get(index).copied().unwrap_or(0);
            let column_number = column.and_then(|c| columns.get(&c)).map(|i| i + 1);
            let prefix = column.map(|c| format!("column '{}': ", c.name())).unwrap_or_default();
            diagnostics.push(diagnostic(line, column_number, format!("{prefix}{}", problem.message)));
        }
    }
    Error::check(ErrorKind::Observations, observations, diagnostics)
}

/// A field of a JSON record: text or a number.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum JsonField {
    Text(String),
    Number(serde_json::Number),
    Null(()),
}

fn read_json(file: &str, text: &str, scorecard: Option<&Scorecard>) -> Result<Vec<Observation>, Error> {
    let document = Document::parse(file, text, Format::Json)
        .map_err(|diagnostics| Error::new(ErrorKind::Observations, diagnostics))?;
    let root = document.root();
    let (list, prefix) = match root.get("observations") {
        Some(list) if root.is_table() => (list, Some("observations")),
        _ => (root, None),
    };
    let mut diagnostics = Vec::new();
    let Some(items) = list.items() else {
        return Err(Error::at(
            ErrorKind::Observations,
            Location::file(file),
            "expected a list of observation records, or {\"observations\": [...]}",
        ));
    };
    let mut observations = Vec::with_capacity(items.len());
    let mut positions = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let record: BTreeMap<String, JsonField> = match document.deserialize(*item) {
            Ok(record) => record,
            Err(located) => {
                diagnostics.push(document.diagnostic(Located {
                    message: format!("[{index}]: expected a record of text and numbers: {}", located.message),
                    ..located
                }));
                continue;
            }
        };
        let mut unknown = false;
        for key in record.keys() {
            if Column::named(key).is_none() {
                unknown = true;
                let at = item.get(key).map_or(document.offset(*item), |node| document.offset(node));
                diagnostics.push(document.diagnostic(Located {
                    offset: at,
                    message: format!("[{index}]: unknown key `{key}`: expected the keys {}", Column::allowed()),
                }));
            }
        }
        let texts: BTreeMap<&str, String> = record
            .iter()
            .filter_map(|(key, value)| match value {
                JsonField::Text(text) => Some((key.as_str(), text.clone())),
                JsonField::Number(number) => Some((key.as_str(), number.to_string())),
                JsonField::Null(()) => None,
            })
            .collect();
        let field = |column: Column| texts.get(column.name()).map(String::as_str);
        match observation(field) {
            Ok(observation) if !unknown => {
                observations.push(observation);
                positions.push(index);
            }
            Ok(_) => {}
            Err(problems) => {
                for (column, message) in problems {
                    let path = json_path(prefix, index, column.name());
                    diagnostics.push(document.locate(&path, format!("[{index}].{}: {message}", column.name())));
                }
            }
        }
    }
    if let Some(scorecard) = scorecard {
        for problem in scorecard.validate_observations(&observations) {
            let mut segments = problem.path.0.clone();
            if let Some(Segment::Index(index)) = segments.first_mut() {
                *index = positions.get(*index).copied().unwrap_or(*index);
            }
            let shown = Path(segments.clone());
            if let Some(prefix) = prefix {
                segments.insert(0, Segment::Key(prefix.to_owned()));
            }
            diagnostics.push(document.locate(&Path(segments), format!("{shown}: {}", problem.message)));
        }
    }
    Error::check(ErrorKind::Observations, observations, diagnostics)
}

fn json_path(prefix: Option<&str>, index: usize, key: &str) -> Path {
    let mut path = Path(prefix.map(|p| vec![Segment::Key(p.to_owned())]).unwrap_or_default());
    path = path.index(index).key(key);
    path
}

/// The fields of an observation, as text, in column order.
fn fields(observation: &Observation) -> [String; 11] {
    let decimal = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
    let (value, numerator, denominator, state, missing) = match observation.outcome {
        Outcome::Value(value) => (Some(value), None, None, "", ""),
        Outcome::Ratio { numerator, denominator } => (None, Some(numerator), Some(denominator), "", ""),
        Outcome::Milestone(state) => (None, None, None, state.code(), ""),
        Outcome::Missing(reason) => (None, None, None, "", reason.code()),
    };
    [
        observation.unit.clone().unwrap_or_default(),
        observation.measure.clone(),
        observation.period.to_string(),
        observation.sex.code().to_owned(),
        decimal(value),
        decimal(numerator),
        decimal(denominator),
        state.to_owned(),
        decimal(observation.reference),
        missing.to_owned(),
        observation.note.clone().unwrap_or_default(),
    ]
}

/// Writes observations as CSV with the full header of SPEC §6, `,` as delimiter and a decimal
/// point; reading it back gives the same observations.
pub fn observations_to_csv(observations: &[Observation]) -> Result<String, Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |error: csv::Error| write_error("CSV", error);
    writer.write_record(Column::ALL.map(Column::name)).map_err(csv_error)?;
    for observation in observations {
        writer.write_record(fields(observation)).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(|error| write_error("CSV", error.error()))?;
    String::from_utf8(bytes).map_err(|error| write_error("CSV", error))
}

/// Writes observations as a JSON list of records, leaving out empty fields; quantities are
/// text so that no digit is lost.
pub fn observations_to_json(observations: &[Observation]) -> Result<String, Error> {
    let records: Vec<BTreeMap<&str, String>> = observations
        .iter()
        .map(|observation| {
            Column::ALL
                .iter()
                .map(|c| c.name())
                .zip(fields(observation))
                .filter(|(_, value)| !value.is_empty())
                .collect()
        })
        .collect();
    serde_json::to_string_pretty(&records).map_err(|error| write_error("JSON", error))
}
