//! Reading and writing observations: CSV (`,` or `;`, detected; columns found by name) and JSON
//! (a list of records, or `{"observations": [...]}`), one record per observation. Both readers
//! hand their rows to the [`ObservationBuilder`](super::ObservationBuilder), which holds the
//! rules of a record.

use super::document::Format;
use super::encoding::{TextEncoding, decode, decode_document};
use super::observation_builder::ObservationColumn;
use super::{observations_csv, observations_json, read_file, write_error};
use crate::error::{Diagnostic, Error, ErrorKind};
use crate::model::{Observation, Observations, Outcome, Scorecard};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

/// The format of an observation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// Reads observations from text. With a scorecard, checks them against it too (known measure,
/// a sex the measure splits by, a known unit, one value per unit, measure, period and sex).
/// Every problem is reported with its place: for CSV the line of the row and the column's
/// position in the header. A CSV quote that is never closed is a problem at the quote, never
/// the rest of the file read into one field.
pub fn read_observations(
    file: &str,
    text: &str,
    format: ObservationFormat,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let (observations, problems) = read_observations_lenient(file, text, format, scorecard);
    Error::check(ErrorKind::Observations, observations, problems)
}

/// Reads observations as [`read_observations`] does, keeping the rows that read when others
/// do not: the observations that read, and every problem found (none when the text is fine),
/// in text order. For a program that checks several files together, so that a second value for
/// one observation in another file is found even when this file has problems of its own.
pub fn read_observations_lenient(
    file: &str,
    text: &str,
    format: ObservationFormat,
    scorecard: Option<&Scorecard>,
) -> (Observations, Vec<Diagnostic>) {
    let (observations, mut problems) = match format {
        ObservationFormat::Csv => observations_csv::read(file, text, scorecard),
        ObservationFormat::Json => observations_json::read(file, text, scorecard),
    };
    problems.sort_by_key(|d| (d.location.line, d.location.column, d.location.row));
    (observations, problems)
}

/// The problems that several files' observations have together and none has alone: a second
/// observation of a unit, measure, period and sex that another file has already, located at
/// both places ("the first is at a.csv:2"). Each file's own problems are its reader's.
pub fn check_observations_across(scorecard: &Scorecard, files: &[Observations]) -> Vec<Diagnostic> {
    if files.len() < 2 {
        return Vec::new();
    }
    let key = |diagnostic: &Diagnostic| {
        let location = &diagnostic.location;
        (location.file.clone(), location.row, location.field.clone())
    };
    let alone: HashSet<_> = files.iter().flat_map(|file| scorecard.check_observations(file)).map(|d| key(&d)).collect();
    let mut together = Observations::new();
    for file in files {
        together.append(file.clone());
    }
    scorecard.check_observations(&together).into_iter().filter(|diagnostic| !alone.contains(&key(diagnostic))).collect()
}

/// Reads observations from the bytes of a file, decoded as `encoding` says (see [`decode`]):
/// with [`TextEncoding::Auto`], CSV is UTF-8, UTF-16 with a byte-order mark, or else
/// Windows-1252, and JSON is UTF-8 (or a byte-order mark's encoding). Then as
/// [`read_observations`]; lines and columns are those of the decoded text.
pub fn read_observations_bytes(
    file: &str,
    bytes: &[u8],
    format: ObservationFormat,
    encoding: TextEncoding,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let text = match (format, encoding) {
        (ObservationFormat::Json, TextEncoding::Auto) => decode_document(file, bytes, ErrorKind::Observations)?,
        _ => {
            decode(file, bytes, encoding)
                .map_err(|error| Error::new(ErrorKind::Observations, error.into_diagnostics()))?
                .text
        }
    };
    read_observations(file, &text, format, scorecard)
}

/// Reads an observation file; `.json` is JSON, anything else CSV; the encoding is detected
/// (see [`read_observations_bytes`]).
pub fn load_observations(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let path = path.as_ref();
    let (file, bytes) = read_file(path)?;
    read_observations_bytes(&file, &bytes, ObservationFormat::of_path(path), TextEncoding::Auto, scorecard)
}

/// The fields of an observation, as text, in column order.
fn fields(observation: &Observation) -> [String; 12] {
    let decimal = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
    let (value, numerator, denominator, state, missing, change) = match observation.outcome {
        Outcome::Value(value) => (Some(value), None, None, "", "", String::new()),
        Outcome::Ratio { numerator, denominator } => (None, Some(numerator), Some(denominator), "", "", String::new()),
        Outcome::Milestone(state) => (None, None, None, state.code(), "", String::new()),
        Outcome::Missing(reason) => (None, None, None, "", reason.code(), String::new()),
        Outcome::Change(change) => (None, None, None, "", "", change.to_string()),
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
        change,
    ]
}

/// Writes observations as CSV with the full header of SPEC §6, `,` as delimiter and a decimal
/// point; reading it back gives the same observations.
pub fn observations_to_csv(observations: &Observations) -> Result<String, Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |error: csv::Error| write_error("CSV", error);
    writer.write_record(ObservationColumn::ALL.map(ObservationColumn::name)).map_err(csv_error)?;
    for observation in observations.iter() {
        writer.write_record(fields(&observation)).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(|error| write_error("CSV", error.error()))?;
    String::from_utf8(bytes).map_err(|error| write_error("CSV", error))
}

/// Writes observations as a JSON list of records, leaving out empty fields; quantities are
/// text so that no digit is lost.
pub fn observations_to_json(observations: &Observations) -> Result<String, Error> {
    let records: Vec<BTreeMap<&str, String>> = observations
        .iter()
        .map(|observation| {
            ObservationColumn::ALL
                .iter()
                .map(|c| c.name())
                .zip(fields(&observation))
                .filter(|(_, value)| !value.is_empty())
                .collect()
        })
        .collect();
    serde_json::to_string_pretty(&records).map_err(|error| write_error("JSON", error))
}
