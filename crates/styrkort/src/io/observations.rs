//! Reading and writing observations: CSV (`,` or `;`, detected; columns found by name) and JSON
//! (a list of records, or `{"observations": [...]}`), one record per observation. Both readers
//! hand their rows to the [`ObservationBuilder`](super::ObservationBuilder), which holds the
//! rules of a record.

use super::document::Format;
use super::encoding::{TextEncoding, decode, decode_document};
use super::observation_builder::ObservationColumn;
use super::{observations_csv, observations_json, read_file, write_error};
use crate::error::{Error, ErrorKind};
use crate::model::{Observation, Observations, Outcome, Scorecard};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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
    match format {
        ObservationFormat::Csv => observations_csv::read(file, text, scorecard),
        ObservationFormat::Json => observations_json::read(file, text, scorecard),
    }
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
