//! Reading and writing judgements ("samlad bedömning"): TOML `[[judgements]]` tables or JSON
//! `{"judgements": [...]}`.

use super::document::{Document, Format};
use super::encoding::decode_document;
use super::reader::{Dependency, Reader};
use super::recover::Placeholders;
use super::{read_file, write_error};
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Judgement, Scorecard};

/// What stands in for a status or period that does not read, so that the rest of the
/// judgement is still checked.
const PLACEHOLDERS: &Placeholders = &[("status", "not_assessed"), ("period", "2000-ÅR")];
/// The check that a goal is judged once per period is reported at the period and reads the goal.
const DEPENDENCIES: [Dependency; 1] = [("judgements", "period", "goal")];

/// Reads judgements from text. With a scorecard, checks that each names one of its goals or
/// success factors. Every problem is reported with its line and column, every one of a
/// judgement too.
pub fn read_judgements(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Judgements, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    if !root.is_table() {
        return Err(Error::at(
            ErrorKind::Judgements,
            Location::file(file),
            "expected a table with the key `judgements` at the top of the file",
        ));
    }
    reader.unknown_keys(root, &["judgements"]);
    let judgements: Vec<Judgement> = reader.table(root, "judgements", PLACEHOLDERS);
    if let Some(scorecard) = scorecard {
        reader.checked(scorecard.validate_judgements(&judgements), &DEPENDENCIES, true);
    }
    reader.finish(ErrorKind::Judgements, judgements)
}

/// Reads judgements from the bytes of a file (UTF-8, or a byte-order mark's encoding); then as
/// [`read_judgements`].
pub fn read_judgements_bytes(
    file: &str,
    bytes: &[u8],
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, Error> {
    read_judgements(file, &decode_document(file, bytes, ErrorKind::Judgements)?, format, scorecard)
}

/// Reads a judgements file; `.json` is JSON, anything else TOML.
pub fn load_judgements(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, Error> {
    let path = path.as_ref();
    let (file, bytes) = read_file(path)?;
    read_judgements_bytes(&file, &bytes, Format::of_path(path), scorecard)
}

#[derive(serde::Serialize)]
struct JudgementFile<'a> {
    judgements: &'a [Judgement],
}

/// Writes judgements as TOML `[[judgements]]` tables.
pub fn judgements_to_toml(judgements: &[Judgement]) -> Result<String, Error> {
    toml::to_string(&JudgementFile { judgements }).map_err(|error| write_error("TOML", error))
}

/// Writes judgements as JSON `{"judgements": [...]}`.
pub fn judgements_to_json(judgements: &[Judgement]) -> Result<String, Error> {
    serde_json::to_string_pretty(&JudgementFile { judgements }).map_err(|error| write_error("JSON", error))
}
