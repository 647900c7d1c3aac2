//! Reading and writing observations: CSV (`,` or `;`, detected; columns found by name) and JSON
//! (a list of records, or `{"observations": [...]}`), one record per observation. Both readers
//! hand their rows to the [`ObservationBuilder`], which holds the rules of a record.

use super::document::{Document, Format};
use super::observation_builder::{Field, ObservationBuilder, ObservationColumn};
use super::{read_file, write_error};
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Observation, Observations, Outcome, Scorecard};
use crate::number::parse_json_number;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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

/// Reads observations from text. With a scorecard, checks them against it too (known measure,
/// a sex the measure splits by, a known unit, one value per unit, measure, period and sex).
/// Every problem is reported with its place: for CSV the line of the row and the column's
/// position in the header.
pub fn read_observations(
    file: &str,
    text: &str,
    format: ObservationFormat,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    match format {
        ObservationFormat::Csv => read_csv(file, text, scorecard),
        ObservationFormat::Json => read_json(file, text, scorecard),
    }
}

/// Reads an observation file; `.json` is JSON, anything else CSV.
pub fn load_observations(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Observations)?;
    read_observations(&file, &text, ObservationFormat::of_path(path), scorecard)
}

fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' }
}

fn read_csv(file: &str, text: &str, scorecard: Option<&Scorecard>) -> Result<Observations, Error> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(detect_delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            return Err(Error::at(
                ErrorKind::Observations,
                Location::file(file).at(1, None),
                format!("CSV header: {error}"),
            ));
        }
    };
    let names: Vec<&str> = header.iter().collect();
    let mut builder = ObservationBuilder::new(file, &names);
    if !builder.header_ok() {
        return builder.finish(None);
    }
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().and_then(|p| usize::try_from(p.line()).ok());
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if record.len() > header.len() {
                    let row = builder.skip_row();
                    let mut location = Location::file(file).in_row(row, None);
                    (location.line, location.column) = (line, Some(header.len().saturating_add(1)));
                    builder.report(
                        location,
                        format!("{} fields, but the header has {} columns", record.len(), header.len()),
                    );
                    continue;
                }
                builder.push(line, |position| record.get(position).map_or(Field::Empty, Field::Text));
            }
            Err(error) => {
                let line = error.position().and_then(|p| usize::try_from(p.line()).ok());
                let mut location = Location::file(file);
                location.line = line;
                builder.report(location, format!("CSV: {error}"));
                if !matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    builder.finish(scorecard)
}

/// A field of a JSON record: text, a number (its exact text), or null.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum JsonField {
    Text(String),
    Number(serde_json::Number),
    Null(()),
}

fn read_json(file: &str, text: &str, scorecard: Option<&Scorecard>) -> Result<Observations, Error> {
    let document = Document::parse(file, text, Format::Json)
        .map_err(|diagnostics| Error::new(ErrorKind::Observations, diagnostics))?;
    let root = document.root();
    let list = match root.get("observations") {
        Some(list) if root.is_table() => list,
        _ => root,
    };
    let Some(items) = list.items() else {
        return Err(Error::at(
            ErrorKind::Observations,
            Location::file(file),
            "expected a list of observation records, or {\"observations\": [...]}",
        ));
    };
    let mut builder = ObservationBuilder::records(file);
    for (index, item) in items.iter().enumerate() {
        let at_item = document.location(document.offset(*item)).in_row(index, None);
        let record: BTreeMap<String, JsonField> = match document.deserialize(*item) {
            Ok(record) => record,
            Err(located) => {
                builder.skip_row();
                builder.report(
                    document.location(located.offset).in_row(index, None),
                    format!("[{index}]: expected a record of text and numbers: {}", located.message),
                );
                continue;
            }
        };
        let key_location = |key: &str| {
            let at = item.get(key).map_or(document.offset(*item), |node| document.offset(node));
            document.location(at).in_row(index, Some(key))
        };
        let mut fields = [Field::Empty; 12];
        let mut fits = true;
        for (key, value) in &record {
            let Some(column) = ObservationColumn::named(key) else {
                fits = false;
                builder.report(
                    key_location(key),
                    format!("[{index}]: unknown key `{key}`: expected the keys {}", ObservationColumn::allowed()),
                );
                continue;
            };
            let Some(slot) = fields.get_mut(column as usize) else { continue };
            *slot = match value {
                JsonField::Text(text) => Field::Text(text),
                JsonField::Null(()) => Field::Empty,
                JsonField::Number(number) => match parse_json_number(&number.to_string()) {
                    Some(number) => Field::Number(number),
                    None => {
                        fits = false;
                        builder.report(
                            key_location(key),
                            format!("[{index}].{key}: {number} does not fit a decimal exactly: at most 28 digits and 28 decimals"),
                        );
                        continue;
                    }
                },
            };
        }
        if !fits {
            builder.skip_row();
            continue;
        }
        let line = at_item.line;
        builder.push_located(
            |_, column| match column {
                Some(column) => key_location(column.name()),
                None => at_item.clone(),
            },
            line,
            |position| fields.get(position).copied().unwrap_or(Field::Empty),
        );
    }
    builder.finish_located(scorecard, |location| {
        let (Some(row), Some(field)) = (location.row, location.field.as_deref()) else { return };
        let Some(item) = items.get(row) else { return };
        let at = item.get(field).map_or(document.offset(*item), |node| document.offset(node));
        let found = document.location(at);
        (location.line, location.column, location.span) = (found.line, found.column, found.span);
    })
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
