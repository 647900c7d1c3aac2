//! Reading and writing judgements ("samlad bedömning"): TOML `[[judgements]]` tables or JSON
//! `{"judgements": [...]}`.

use super::diagnostic::LoadError;
use super::document::{Document, Format, Located};
use super::read_file;
use super::scorecard::Reader;
use crate::model::{Judgement, Scorecard};

/// Reads judgements from text. With a scorecard, checks that each names one of its goals or
/// success factors. Every problem is reported with its line and column.
pub fn read_judgements(
    file: &str,
    text: &str,
    format: Format,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, LoadError> {
    let document = Document::parse(file, text, format).map_err(|diagnostics| LoadError { diagnostics })?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    let Some(entries) = root.entries() else {
        return Err(LoadError::whole_file(file, "expected a table with the key `judgements` at the top of the file"));
    };
    for (key, node) in &entries {
        if key != "judgements" {
            reader.report(Located {
                offset: document.offset(*node),
                message: format!("unknown key `{key}`: expected `judgements`"),
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
    reader.finish(judgements)
}

/// Reads a judgements file; `.json` is JSON, anything else TOML.
pub fn load_judgements(
    path: impl AsRef<std::path::Path>,
    scorecard: Option<&Scorecard>,
) -> Result<Vec<Judgement>, LoadError> {
    let path = path.as_ref();
    let (file, text) = read_file(path)?;
    read_judgements(&file, &text, Format::of_path(path), scorecard)
}

#[derive(serde::Serialize)]
struct JudgementFile<'a> {
    judgements: &'a [Judgement],
}

/// Writes judgements as TOML `[[judgements]]` tables.
pub fn judgements_to_toml(judgements: &[Judgement]) -> Result<String, super::WriteError> {
    Ok(toml::to_string(&JudgementFile { judgements })?)
}

/// Writes judgements as JSON `{"judgements": [...]}`.
pub fn judgements_to_json(judgements: &[Judgement]) -> Result<String, super::WriteError> {
    Ok(serde_json::to_string_pretty(&JudgementFile { judgements })?)
}
