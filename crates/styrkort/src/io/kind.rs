//! What a file is, told by its content rather than its name or its place on a command line: a
//! plan has a `schema` key (or a plan's tables), judgements a `[[judgements]]` table, a rule set
//! the rule settings, observations a CSV header that names their columns or a JSON list of
//! records. A file that is broken still says what it is meant to be, so that its problems are
//! reported as problems of the right kind.
//!
//! ```
//! use styrkort::io::{FileKind, Format, ObservationFormat};
//!
//! assert_eq!(FileKind::of_text("schema = 1\nname = \"Plan\"\n"), Some(FileKind::Scorecard(Format::Toml)));
//! assert_eq!(FileKind::of_text("[[judgements]]\ngoal = \"G1\"\n"), Some(FileKind::Judgements(Format::Toml)));
//! assert_eq!(FileKind::of_text("measure;period;value\r\n"), Some(FileKind::Observations(ObservationFormat::Csv)));
//! assert_eq!(FileKind::of_text("{\"partial_band\": \"0,1\"}"), Some(FileKind::Rules(Format::Json)));
//! assert_eq!(FileKind::of_text("hej"), None);
//! ```

use super::document::Format;
use super::json::{self, JsonKind, JsonTree};
use super::observation_builder::ObservationColumn;
use super::observations::ObservationFormat;
use super::scorecard::{HEADER, TABLES};
use crate::assess::RuleSet;
use std::fmt;

/// The kind of a styrkort file and its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// A scorecard (the plan): a `schema` key, or the keys and tables of a plan.
    Scorecard(Format),
    /// Observations: a CSV header naming `measure` or `period`, or a JSON list of records (or
    /// `{"observations": [...]}`).
    Observations(ObservationFormat),
    /// Judgements: `[[judgements]]` tables, or `{"judgements": [...]}`.
    Judgements(Format),
    /// A rule set: the settings of [`RuleSet`].
    Rules(Format),
}

impl FileKind {
    /// The kind of a text, or none when nothing in it is decisive (an empty file, a CSV header
    /// without the observation columns). The first decisive key or table decides.
    pub fn of_text(text: &str) -> Option<FileKind> {
        let start =
            text.len().saturating_sub(text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len());
        let body = text.get(start..)?;
        let bytes = body.as_bytes();
        match bytes.first()? {
            b'{' => json_object_kind(text, start),
            b'[' if matches!(body.get(1..)?.trim_start().as_bytes().first(), Some(b'{' | b']')) => {
                Some(FileKind::Observations(ObservationFormat::Json))
            }
            _ => toml_kind(body).or_else(|| csv_kind(body)),
        }
    }

    /// What the kind is called in messages: `plan`, `observations`, `judgements`, `rules`.
    pub const fn name(self) -> &'static str {
        match self {
            FileKind::Scorecard(_) => "plan",
            FileKind::Observations(_) => "observations",
            FileKind::Judgements(_) => "judgements",
            FileKind::Rules(_) => "rules",
        }
    }

    /// The kind that a key at the top of a TOML or JSON file says, if it says one.
    fn of_key(key: &str, format: Format) -> Option<FileKind> {
        if key == "judgements" || key == "analyses" {
            Some(FileKind::Judgements(format))
        } else if key == "observations" && format == Format::Json {
            Some(FileKind::Observations(ObservationFormat::Json))
        } else if HEADER.contains(&key) || TABLES.contains(&key) {
            Some(FileKind::Scorecard(format))
        } else if rule_settings().iter().any(|setting| setting == key) {
            Some(FileKind::Rules(format))
        } else {
            None
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The names of the settings of a rule set, as its files write them.
fn rule_settings() -> Vec<String> {
    match serde_json::to_value(RuleSet::default()) {
        Ok(serde_json::Value::Object(settings)) => settings.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The kind of a JSON object by its keys; for a text that is not valid JSON, by the first key
/// that can be seen.
fn json_object_kind(text: &str, start: usize) -> Option<FileKind> {
    if let Ok(tree) = JsonTree::parse(text, start) {
        let root = tree.root();
        if tree.kind(root) != Some(JsonKind::Object) {
            return None;
        }
        return tree.children(root).iter().find_map(|&entry| {
            let key = json::string(text.get(tree.key_span(entry)?)?)?;
            FileKind::of_key(&key, Format::Json)
        });
    }
    text.get(start..)?.split('"').skip(1).step_by(2).find_map(|key| FileKind::of_key(key, Format::Json))
}

/// The kind of a TOML text by its first decisive key or table header.
fn toml_kind(text: &str) -> Option<FileKind> {
    text.split(['\n', '\r']).find_map(|line| {
        let line = line.trim();
        let key = if let Some(header) = line.strip_prefix('[') {
            header.trim_start_matches('[').split(']').next()?
        } else {
            line.split_once('=')?.0
        };
        FileKind::of_key(key.trim().trim_matches('"'), Format::Toml)
    })
}

/// Observations when the first line is a CSV header that names `measure` or `period`.
fn csv_kind(text: &str) -> Option<FileKind> {
    let header = text.split(['\n', '\r']).next()?;
    let names = header.split([',', ';']).map(|name| name.trim().trim_matches('"'));
    names
        .filter_map(ObservationColumn::named)
        .any(|column| matches!(column, ObservationColumn::Measure | ObservationColumn::Period))
        .then_some(FileKind::Observations(ObservationFormat::Csv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_by_its_content() {
        let cases = [
            ("\u{feff}  # plan\nschema = 1\n", Some(FileKind::Scorecard(Format::Toml))),
            ("organisation = \"R\"\n[[goals]]\n", Some(FileKind::Scorecard(Format::Toml))),
            ("[[measures]]\nid = 3\n", Some(FileKind::Scorecard(Format::Toml))),
            ("[[judgements]]\ngoal = \"G1\"\nstatus = ", Some(FileKind::Judgements(Format::Toml))),
            ("[rollup]\nmethod = \"weighted\"\n", Some(FileKind::Rules(Format::Toml))),
            ("trend_band = \"0,01\"\n", Some(FileKind::Rules(Format::Toml))),
            ("{\"judgements\": []}", Some(FileKind::Judgements(Format::Json))),
            ("{\"schema\": 1, \"name\": ", Some(FileKind::Scorecard(Format::Json))),
            ("{\"observations\": [{}]}", Some(FileKind::Observations(ObservationFormat::Json))),
            ("[\n  {\"measure\": \"M1\"}\n]", Some(FileKind::Observations(ObservationFormat::Json))),
            ("[]", Some(FileKind::Observations(ObservationFormat::Json))),
            ("\"unit\";\"measure\";\"period\"\r\n", Some(FileKind::Observations(ObservationFormat::Csv))),
            ("Measure,Period,Value\n", Some(FileKind::Observations(ObservationFormat::Csv))),
            ("mått;period;värde\n", Some(FileKind::Observations(ObservationFormat::Csv))),
            ("enhet;mått\n", None),
            ("", None),
            ("{\"x\": 1}", None),
        ];
        for (text, kind) in cases {
            assert_eq!(FileKind::of_text(text), kind, "{text:?}");
        }
    }
}
