//! Reading and writing scorecards: TOML for people, JSON for machines, one schema (`schema = 1`)
//! of flat tables that refer by id.

use super::document::{Document, Format, Located, Node};
use super::{read_file, write_error};
use crate::error::{Diagnostic, Error, ErrorKind, Location};
use crate::model::{Path, Perspective, Scorecard, Segment};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// The tables of a scorecard file, in the order they are read.
const TABLES: [&str; 6] = ["bodies", "units", "perspectives", "goals", "success_factors", "measures"];
/// The keys of a scorecard file that are not tables.
const HEADER: [&str; 6] = ["schema", "organisation", "name", "vision", "introduction", "years"];

/// Reads a scorecard from text. `file` names it in diagnostics. Every problem of the text is
/// reported: syntax, unknown keys, wrong types, and then [`Scorecard::validate`]'s problems,
/// each with its line and column.
pub fn read_scorecard(file: &str, text: &str, format: Format) -> Result<Scorecard, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Scorecard, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    let Some(entries) = root.entries() else {
        return Err(Error::at(
            ErrorKind::Scorecard,
            Location::file(file),
            "expected a table of scorecard keys at the top of the file",
        ));
    };
    for (key, node) in &entries {
        if !HEADER.contains(&key.as_str()) && !TABLES.contains(&key.as_str()) {
            let allowed = HEADER.iter().chain(TABLES.iter()).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            reader.report(Located {
                offset: document.offset(*node),
                message: format!("unknown key `{key}`: expected one of {allowed}"),
            });
        }
    }
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
        bodies: reader.table(root, "bodies"),
        units: reader.table(root, "units"),
        perspectives: if root.get("perspectives").is_some() {
            reader.table(root, "perspectives")
        } else {
            Perspective::defaults()
        },
        goals: reader.table(root, "goals"),
        success_factors: reader.table(root, "success_factors"),
        measures: reader.table(root, "measures"),
    };
    scorecard.apply_defaults();
    for problem in scorecard.validate() {
        let path = reader.document_path(&problem.path);
        reader.diagnostics.push(document.locate(&path, problem.message));
    }
    reader.finish(ErrorKind::Scorecard, scorecard)
}

/// Reads a scorecard file; `.json` is JSON, anything else TOML.
pub fn load_scorecard(path: impl AsRef<std::path::Path>) -> Result<Scorecard, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Scorecard)?;
    read_scorecard(&file, &text, Format::of_path(path))
}

/// Reads the entries of a document, collecting every problem.
pub(crate) struct Reader<'d> {
    pub(crate) document: &'d Document<'d>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Per table, the document index of each entry that was read, so that a validation path
    /// into the model can be located even when entries before it failed to read.
    positions: HashMap<&'static str, Vec<usize>>,
}

impl<'d> Reader<'d> {
    pub(crate) fn new(document: &'d Document<'d>) -> Reader<'d> {
        Reader { document, diagnostics: Vec::new(), positions: HashMap::new() }
    }

    pub(crate) fn report(&mut self, located: Located) {
        self.diagnostics.push(self.document.diagnostic(located));
    }

    fn required<T: DeserializeOwned>(&mut self, root: Node<'_>, key: &str, expected: &str) -> Option<T> {
        if root.get(key).is_none() {
            self.report(Located { offset: 0, message: format!("missing key `{key}`: expected {expected}") });
            return None;
        }
        self.optional(root, key)
    }

    fn optional<T: DeserializeOwned>(&mut self, root: Node<'_>, key: &str) -> Option<T> {
        let node = root.get(key)?;
        match self.document.deserialize(node) {
            Ok(value) => Some(value),
            Err(located) => {
                self.report(Located { message: format!("{key}: {}", located.message), ..located });
                None
            }
        }
    }

    /// Reads every entry of a table (`[[key]]`), skipping and reporting the ones that do not read.
    pub(crate) fn table<T: DeserializeOwned>(&mut self, root: Node<'_>, key: &'static str) -> Vec<T> {
        let Some(node) = root.get(key) else {
            return Vec::new();
        };
        let Some(items) = node.items() else {
            self.report(Located {
                offset: self.document.offset(node),
                message: format!("`{key}` must be a list of tables ([[{key}]])"),
            });
            return Vec::new();
        };
        let mut values = Vec::with_capacity(items.len());
        let mut positions = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            if !item.is_table() {
                self.report(Located {
                    offset: self.document.offset(item),
                    message: format!("{key}[{index}] must be a table"),
                });
                continue;
            }
            match self.document.deserialize(item) {
                Ok(value) => {
                    values.push(value);
                    positions.push(index);
                }
                Err(located) => {
                    self.report(Located { message: format!("{key}[{index}]: {}", located.message), ..located })
                }
            }
        }
        self.positions.insert(key, positions);
        values
    }

    /// The path in the document of a path into the model that was read.
    pub(crate) fn document_path(&self, path: &Path) -> Path {
        let mut segments = path.0.clone();
        if let [Segment::Key(table), Segment::Index(index), ..] = segments.as_mut_slice()
            && let Some(&position) = self.positions.get(table.as_str()).and_then(|positions| positions.get(*index))
        {
            *index = position;
        }
        Path(segments)
    }

    /// The value, or every problem found, in text order, as an error of a kind.
    pub(crate) fn finish<T>(self, kind: ErrorKind, value: T) -> Result<T, Error> {
        Error::check(kind, value, self.diagnostics)
    }
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
