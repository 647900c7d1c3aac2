//! Reading and writing judgement files: judgements ("samlad bedömning") as TOML
//! `[[judgements]]` tables or JSON `{"judgements": [...]}`, and beside them the period's analysis
//! texts as `[[analyses]]` tables or an `"analyses"` list.

use super::document::{Document, Format};
use super::encoding::decode_document;
use super::reader::{Dependency, Reader};
use super::recover::Placeholders;
use super::{read_file, write_error};
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Analysis, Judgement, Scorecard};

/// The top-level keys of a judgement file.
const KEYS: [&str; 2] = ["judgements", "analyses"];

/// What stands in for a status or period that does not read, so that the rest of the
/// judgement is still checked.
const PLACEHOLDERS: &Placeholders = &[("status", "not_assessed"), ("period", "2000-ÅR")];
/// The check that a goal is judged once per period is reported at the period and reads the goal.
const DEPENDENCIES: [Dependency; 1] = [("judgements", "period", "goal")];

/// A judgement file's document: its syntax read, and a table at the top.
fn judgement_file<'t>(file: &'t str, text: &'t str, format: Format) -> Result<Document<'t>, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Judgements, diagnostics))?;
    if !document.root().is_table() {
        return Err(Error::at(
            ErrorKind::Judgements,
            Location::file(file),
            "expected a table with the key `judgements` (and `analyses`) at the top of the file",
        ));
    }
    Ok(document)
}

/// Reads judgements from text. With a scorecard, checks that each names one of its goals or
/// success factors. Every problem is reported with its line and column, every one of a
/// judgement too.
pub fn read_judgements(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, Error> {
    read_parts(file, text, format, scorecard, Parts::Judgements).map(|(judgements, _)| judgements)
}

/// Which parts of a judgement file a reader reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parts {
    Judgements,
    Analyses,
    Both,
}

/// Reads the parts asked for of a judgement file, from one reading of its text: the
/// judgements (and the keys that are neither part) and the analysis texts, each checked against
/// the scorecard, with every problem once.
fn read_parts(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
    parts: Parts,
) -> Result<(Vec<Judgement>, Vec<Analysis>), Error> {
    let document = judgement_file(file, text, format)?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    let mut judgements: Vec<Judgement> = Vec::new();
    if parts != Parts::Analyses {
        reader.unknown_keys(root, &KEYS);
        judgements = reader.table(root, "judgements", PLACEHOLDERS);
        if let Some(scorecard) = scorecard {
            reader.checked(scorecard.validate_judgements(&judgements), &DEPENDENCIES, true);
        }
    }
    let mut analyses: Vec<Analysis> = Vec::new();
    if parts != Parts::Judgements {
        analyses = reader.table(root, "analyses", ANALYSIS_PLACEHOLDERS);
        if let Some(scorecard) = scorecard {
            reader.checked(scorecard.validate_analyses(&analyses), &ANALYSIS_DEPENDENCIES, true);
        }
    }
    reader.finish(ErrorKind::Judgements, (judgements, analyses))
}

/// Reads a whole judgement file, its judgements and the analysis texts beside them, from one
/// reading of its text, with every problem of both once (see [`read_judgements`] and
/// [`read_analyses`]).
pub fn read_judgement_file(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<(Vec<Judgement>, Vec<Analysis>), Error> {
    read_parts(file, text, format, scorecard, Parts::Both)
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

/// The check that a part of the plan has one analysis per period is reported at the period and
/// reads the part.
const ANALYSIS_DEPENDENCIES: [Dependency; 1] = [("analyses", "period", "of")];
/// What stands in for a period that does not read.
const ANALYSIS_PLACEHOLDERS: &Placeholders = &[("period", "2000-ÅR")];

/// Reads the analysis texts of a judgement file (its `analyses`; the judgements beside them are
/// read by [`read_judgements`], which also reports the keys that are neither). With a
/// scorecard, checks that each is about one of its perspectives, goals, success factors or
/// measures. Every problem is reported with its line and column.
pub fn read_analyses(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Analysis>, Error> {
    read_parts(file, text, format, scorecard, Parts::Analyses).map(|(_, analyses)| analyses)
}

/// Reads the analysis texts of a judgement file from its bytes (UTF-8, or a byte-order mark's
/// encoding); then as [`read_analyses`].
pub fn read_analyses_bytes(
    file: &str,
    bytes: &[u8],
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Analysis>, Error> {
    read_analyses(file, &decode_document(file, bytes, ErrorKind::Judgements)?, format, scorecard)
}

/// Reads the analysis texts of a judgement file; `.json` is JSON, anything else TOML.
pub fn load_analyses(path: impl AsRef<std::path::Path>, scorecard: Option<&Scorecard>) -> Result<Vec<Analysis>, Error> {
    let path = path.as_ref();
    let (file, bytes) = read_file(path)?;
    read_analyses_bytes(&file, &bytes, Format::of_path(path), scorecard)
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
    #[serde(skip_serializing_if = "<[Analysis]>::is_empty")]
    analyses: &'a [Analysis],
}

/// Writes judgements as TOML `[[judgements]]` tables.
pub fn judgements_to_toml(judgements: &[Judgement]) -> Result<String, Error> {
    toml::to_string(&JudgementFile { judgements, analyses: &[] }).map_err(|error| write_error("TOML", error))
}

/// Writes judgements as JSON `{"judgements": [...]}`.
pub fn judgements_to_json(judgements: &[Judgement]) -> Result<String, Error> {
    serde_json::to_string_pretty(&JudgementFile { judgements, analyses: &[] })
        .map_err(|error| write_error("JSON", error))
}

/// Writes judgements and analysis texts as one TOML judgement file.
pub fn judgement_file_to_toml(judgements: &[Judgement], analyses: &[Analysis]) -> Result<String, Error> {
    toml::to_string(&JudgementFile { judgements, analyses }).map_err(|error| write_error("TOML", error))
}

/// Writes judgements and analysis texts as one JSON judgement file.
pub fn judgement_file_to_json(judgements: &[Judgement], analyses: &[Analysis]) -> Result<String, Error> {
    serde_json::to_string_pretty(&JudgementFile { judgements, analyses }).map_err(|error| write_error("JSON", error))
}
