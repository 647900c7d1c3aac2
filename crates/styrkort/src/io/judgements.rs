//! Reading and writing judgement files: judgements ("samlad bedömning") as TOML
//! `[[judgements]]` tables or JSON `{"judgements": [...]}`, and beside them the period's analysis
//! texts as `[[analyses]]` tables or an `"analyses"` list.

use super::document::{Document, Format, Located};
use super::scorecard::Reader;
use super::{read_file, write_error};
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Analysis, Judgement, Scorecard};

/// The top-level keys of a judgement file.
const KEYS: [&str; 2] = ["judgements", "analyses"];

/// Reads judgements from text. With a scorecard, checks that each names one of its goals or
/// success factors. Every problem is reported with its line and column.
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
    let Some(entries) = root.entries() else {
        return Err(Error::at(
            ErrorKind::Judgements,
            Location::file(file),
            "expected a table with the key `judgements` at the top of the file",
        ));
    };
    for (key, node) in &entries {
        if !KEYS.contains(&key.as_str()) {
            reader.report(Located {
                offset: document.offset(*node),
                message: format!("unknown key `{key}`: expected `judgements` or `analyses`"),
            });
        }
    }
    let judgements: Vec<Judgement> = reader.table(root, "judgements");
    if let Some(scorecard) = scorecard {
        for problem in scorecard.validate_judgements(&judgements) {
            let path = reader.document_path(&problem.path);
            reader.diagnostics.push(document.locate(&path, format!("{}: {}", problem.path, problem.message)));
        }
    }
    reader.finish(ErrorKind::Judgements, judgements)
}

/// Reads the analysis texts of a judgement file (its `analyses`; the judgements beside them are
/// read by [`read_judgements`]). With a scorecard, checks that each is about one of its
/// perspectives, goals, success factors or measures. Every problem is reported with its line
/// and column.
pub fn read_analyses(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Analysis>, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Judgements, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    if root.entries().is_none() {
        return Err(Error::at(
            ErrorKind::Judgements,
            Location::file(file),
            "expected a table with the keys `judgements` and `analyses` at the top of the file",
        ));
    }
    let analyses: Vec<Analysis> = reader.table(root, "analyses");
    if let Some(scorecard) = scorecard {
        for problem in scorecard.validate_analyses(&analyses) {
            let path = reader.document_path(&problem.path);
            reader.diagnostics.push(document.locate(&path, format!("{}: {}", problem.path, problem.message)));
        }
    }
    reader.finish(ErrorKind::Judgements, analyses)
}

/// Reads the analysis texts of a judgement file; `.json` is JSON, anything else TOML.
pub fn load_analyses(path: impl AsRef<std::path::Path>, scorecard: Option<&Scorecard>) -> Result<Vec<Analysis>, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Judgements)?;
    read_analyses(&file, &text, Format::of_path(path), scorecard)
}

/// Reads a judgements file; `.json` is JSON, anything else TOML.
pub fn load_judgements(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Judgements)?;
    read_judgements(&file, &text, Format::of_path(path), scorecard)
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
