//! Reading and writing scorecards: TOML for people, JSON for machines, one schema (`schema = 1`)
//! of flat tables that refer by id.

use super::document::{Document, Format};
use super::encoding::decode_document;
use super::read_file;
use super::reader::{Dependency, Reader};
use super::write_error;
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Perspective, Scorecard};

/// The tables of a scorecard file, in the order they are read.
pub(super) const TABLES: [&str; 6] = ["bodies", "units", "perspectives", "goals", "success_factors", "measures"];
/// The keys of a scorecard file that are not tables.
pub(super) const HEADER: [&str; 6] = ["schema", "organisation", "name", "vision", "introduction", "years"];
/// A measure's baseline is checked against its sexes.
const DEPENDENCIES: [Dependency; 1] = [("measures", "baseline", "sexes")];

/// Reads a scorecard from text. `file` names it in diagnostics. Every problem of the text is
/// reported: syntax, unknown keys, wrong types (every one of an entry, not only its first) and
/// numbers a float would round, and then [`Scorecard::validate`]'s problems, each with its line
/// and column.
pub fn read_scorecard(file: &str, text: &str, format: Format) -> Result<Scorecard, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Scorecard, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    if !root.is_table() {
        return Err(Error::at(
            ErrorKind::Scorecard,
            Location::file(file),
            "expected a table of scorecard keys at the top of the file",
        ));
    }
    let allowed: Vec<&str> = HEADER.iter().chain(TABLES.iter()).copied().collect();
    reader.unknown_keys(root, &allowed);
    let schema = reader.required(root, "schema", "the schema version, 1");
    let organisation = reader.required(root, "organisation", "the organisation's name");
    let name = reader.required(root, "name", "the plan's name");
    let years = reader.required(root, "years", "the plan's first and last year, such as [2021, 2023]");
    let vision = reader.optional(root, "vision");
    let introduction = reader.optional(root, "introduction");
    let mut scorecard = Scorecard {
        schema: schema.unwrap_or(crate::model::SCHEMA_VERSION),
        organisation: organisation.unwrap_or_default(),
        name: name.unwrap_or_default(),
        vision,
        introduction,
        years: years.unwrap_or((0, 0)),
        bodies: reader.table(root, "bodies", &[]),
        units: reader.table(root, "units", &[]),
        perspectives: if root.get("perspectives").is_some() {
            reader.table(root, "perspectives", &[])
        } else {
            Perspective::defaults()
        },
        goals: reader.table(root, "goals", &[]),
        success_factors: reader.table(root, "success_factors", &[]),
        measures: reader.table(root, "measures", &[]),
    };
    scorecard.apply_defaults();
    reader.checked(scorecard.validate(), &DEPENDENCIES, false);
    reader.finish(ErrorKind::Scorecard, scorecard)
}

/// Reads a scorecard from the bytes of a file: UTF-8, or UTF-8 or UTF-16 with a byte-order
/// mark (TOML and JSON are UTF-8 by definition: other bytes are a located error); then as
/// [`read_scorecard`].
pub fn read_scorecard_bytes(file: &str, bytes: &[u8], format: Format) -> Result<Scorecard, Error> {
    read_scorecard(file, &decode_document(file, bytes, ErrorKind::Scorecard)?, format)
}

/// Reads a scorecard file; `.json` is JSON, anything else TOML.
pub fn load_scorecard(path: impl AsRef<std::path::Path>) -> Result<Scorecard, Error> {
    let path = path.as_ref();
    let (file, bytes) = read_file(path)?;
    read_scorecard_bytes(&file, &bytes, Format::of_path(path))
}

/// Writes a scorecard as TOML in the file schema; reading it back gives the same scorecard.
pub fn scorecard_to_toml(scorecard: &Scorecard) -> Result<String, Error> {
    toml::to_string(scorecard).map_err(|error| write_error("TOML", error))
}

/// Writes a scorecard as pretty JSON in the file schema.
pub fn scorecard_to_json(scorecard: &Scorecard) -> Result<String, Error> {
    serde_json::to_string_pretty(scorecard).map_err(|error| write_error("JSON", error))
}

impl Scorecard {
    /// Reads a scorecard from TOML text; see [`read_scorecard`].
    pub fn from_toml_str(text: &str) -> Result<Scorecard, Error> {
        read_scorecard("<input>", text, Format::Toml)
    }

    /// Reads a scorecard from JSON text; see [`read_scorecard`].
    pub fn from_json_str(text: &str) -> Result<Scorecard, Error> {
        read_scorecard("<input>", text, Format::Json)
    }

    /// Reads a scorecard file; see [`load_scorecard`].
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Scorecard, Error> {
        load_scorecard(path)
    }

    /// The scorecard as TOML.
    pub fn to_toml_string(&self) -> Result<String, Error> {
        scorecard_to_toml(self)
    }

    /// The scorecard as JSON.
    pub fn to_json_string(&self) -> Result<String, Error> {
        scorecard_to_json(self)
    }
}
