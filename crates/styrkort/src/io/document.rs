//! A parsed TOML or JSON document that remembers where every value stands in the text.
//!
//! Loaders deserialise each entry of a table separately, so that one bad entry does not hide
//! the problems of the others ([`super::recover`] goes on inside an entry too), and they locate a
//! validation [`Path`] back to a line and column. Both formats are parsed once: TOML into toml's
//! spanned tree, JSON into a [`JsonTree`]; finding a value is a lookup, never a second parse.

use super::json::{self, JsonKind, JsonTree};
use super::lines::{LineIndex, json_offset};
use super::recover::{Edit, KeyPath};
use crate::error::{Diagnostic, Location};
use crate::model::{Path, Segment};
use crate::number::parse_json_number;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// The two text formats of scorecards, judgements and rule sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML, for people.
    Toml,
    /// JSON, for machines.
    Json,
}

impl Format {
    /// The format a text is in: JSON when it starts (after white space) with `{` or `[`, TOML
    /// otherwise; for text handed over without a file name (the C ABI's rule sets).
    pub fn of_text(text: &str) -> Format {
        match text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').as_bytes().first() {
            Some(b'{' | b'[') => Format::Json,
            _ => Format::Toml,
        }
    }

    /// The format a file name implies: `.json` is JSON, anything else TOML.
    pub fn of_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("json") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// A value inside a document.
#[derive(Clone, Copy)]
pub(crate) enum Node<'d> {
    Toml(&'d Spanned<DeValue<'d>>),
    Json { tree: &'d JsonTree, text: &'d str, value: usize },
}

/// A parsed document with its text, for locating.
pub(crate) struct Document<'t> {
    file: &'t str,
    text: &'t str,
    lines: LineIndex<'t>,
    root: Root<'t>,
}

enum Root<'t> {
    Toml(Spanned<DeValue<'t>>),
    Json(JsonTree),
}

/// A problem found at a byte offset of the text.
pub(crate) struct Located {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// Why a node did not deserialise: where and what, and which value of the node it concerns.
pub(crate) struct Failure {
    pub(crate) located: Located,
    /// The keys from the node down to the value that failed, as far as they are keys of tables
    /// (a list's item counts as the list).
    pub(crate) keys: KeyPath,
    pub(crate) cause: Cause,
}

/// The kind of a deserialisation problem.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// A key that the table does not have.
    UnknownKey(String),
    /// A required key that is not there.
    MissingKey(String),
    /// A value that does not read.
    Value,
}

impl<'t> Document<'t> {
    /// Parses the text; the first syntax error comes back as a diagnostic. A byte-order mark at
    /// the start is skipped; offsets stay those of `text`.
    pub(crate) fn parse(file: &'t str, text: &'t str, format: Format) -> Result<Document<'t>, Vec<Diagnostic>> {
        let lines = LineIndex::new(text);
        let at = |offset: usize, message: String| {
            let (line, column) = lines.position(offset);
            vec![Diagnostic::new(Location::file(file).at(line, Some(column)).spanning(offset..offset), message)]
        };
        let root = match format {
            // Only the first syntax error: after it, the parser's recovery mostly reports the
            // same mistake again.
            Format::Toml => match DeTable::parse(text) {
                Ok(table) => {
                    let span = table.span();
                    Root::Toml(Spanned::new(span, DeValue::Table(table.into_inner())))
                }
                Err(error) => {
                    let offset = error.span().map_or(0, |span| span.start);
                    return Err(at(offset, format!("TOML syntax: {}", error.message().trim())));
                }
            },
            Format::Json => {
                let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
                match JsonTree::parse(text, start) {
                    Ok(tree) => Root::Json(tree),
                    Err(error) => return Err(at(error.offset, format!("JSON syntax: {}", error.message))),
                }
            }
        };
        Ok(Document { file, text, lines, root })
    }

    pub(crate) fn root(&self) -> Node<'_> {
        match &self.root {
            Root::Toml(value) => Node::Toml(value),
            Root::Json(tree) => Node::Json { tree, text: self.text, value: tree.root() },
        }
    }

    /// The byte offset where a node's text starts.
    pub(crate) fn offset(&self, node: Node<'_>) -> usize {
        match node {
            Node::Toml(value) => value.span().start,
            Node::Json { tree, value, .. } => tree.span(value).start,
        }
    }

    /// The location of a byte offset: the file, its line and column.
    pub(crate) fn location(&self, offset: usize) -> Location {
        let (line, column) = self.lines.position(offset);
        Location::file(self.file).at(line, Some(column)).spanning(offset..offset)
    }

    /// A diagnostic at a byte offset.
    pub(crate) fn diagnostic(&self, located: Located) -> Diagnostic {
        Diagnostic::new(self.location(located.offset), located.message)
    }

    /// A diagnostic for a validation problem: at the value the path names, or at the nearest
    /// enclosing value that the text has (a key left out to take its default).
    pub(crate) fn locate(&self, path: &Path, message: String) -> Diagnostic {
        let mut node = self.root();
        for segment in &path.0 {
            let next = match segment {
                Segment::Key(key) => node.get(key),
                Segment::Index(index) => node.index(*index),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        self.diagnostic(Located { offset: self.offset(node), message })
    }

    /// TOML numbers that a float cannot hold exactly ("16.900000000000000001"): TOML reads
    /// every number with a point or an exponent as a 64-bit float, which keeps 15 to 17
    /// digits, and nothing may be rounded in silence. Each is a problem that asks for a text.
    pub(crate) fn inexact_numbers(&self) -> Vec<Located> {
        let Root::Toml(root) = &self.root else { return Vec::new() };
        let mut problems = Vec::new();
        let mut stack = vec![root];
        while let Some(value) = stack.pop() {
            match value.get_ref() {
                DeValue::Table(table) => stack.extend(table.values()),
                DeValue::Array(array) => stack.extend(array.iter()),
                DeValue::Float(float) => {
                    if let Some(message) = inexact_float(float.as_str()) {
                        problems.push(Located { offset: value.span().start, message });
                    }
                }
                _ => {}
            }
        }
        problems.sort_by_key(|located| located.offset);
        problems
    }

    /// Deserialises a node with some of its keys changed (see [`Edit`]), naming the place of
    /// the first problem inside it and the keys that lead there.
    pub(crate) fn deserialize<T: DeserializeOwned>(
        &self,
        node: Node<'_>,
        edits: &[(KeyPath, Edit)],
    ) -> Result<T, Failure> {
        let (located, path) = match node {
            Node::Toml(value) => {
                let value = if edits.is_empty() { value.clone() } else { edited_toml(value, edits) };
                match serde_path_to_error::deserialize(ValueDeserializer::from(value)) {
                    Ok(value) => return Ok(value),
                    Err(error) => {
                        let offset = error.inner().span().map_or_else(|| self.offset(node), |span| span.start);
                        (Located { offset, message: error.inner().message().trim().to_owned() }, error.path().clone())
                    }
                }
            }
            Node::Json { tree, text, value } => {
                let rebuilt = tree.rebuilt(text, value, edits);
                let source =
                    rebuilt.as_ref().map_or_else(|| text.get(tree.span(value)).unwrap_or(""), |r| r.text.as_str());
                let mut deserializer = serde_json::Deserializer::from_str(source);
                match serde_path_to_error::deserialize(&mut deserializer) {
                    Ok(value) => return Ok(value),
                    Err(error) => {
                        let inner = error.inner();
                        let within = json_offset(source, inner.line(), inner.column());
                        let offset = match &rebuilt {
                            Some(rebuilt) => rebuilt.original(within),
                            None => tree.span(value).start.saturating_add(within),
                        };
                        let message = inner.to_string();
                        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
                        (Located { offset, message }, error.path().clone())
                    }
                }
            }
        };
        Err(self.failure(node, located, &path))
    }

    /// The failure for a serde problem at a path within a node: unknown and missing keys are
    /// told apart and located at the key (serde names them only in the message), and a JSON
    /// value that does not read is located where it starts.
    fn failure(&self, node: Node<'_>, mut located: Located, path: &serde_path_to_error::Path) -> Failure {
        let quoted = |prefix: &str| {
            located.message.split(prefix).nth(1).and_then(|rest| rest.split('`').next()).map(str::to_owned)
        };
        let cause = if let Some(key) = quoted("unknown field `") {
            Cause::UnknownKey(key)
        } else if let Some(key) = quoted("missing field `") {
            Cause::MissingKey(key)
        } else {
            Cause::Value
        };
        let mut segments: Vec<&serde_path_to_error::Segment> = path.iter().collect();
        if let (Cause::UnknownKey(key) | Cause::MissingKey(key), Some(serde_path_to_error::Segment::Map { key: last })) =
            (&cause, segments.last())
            && last == key
        {
            segments.pop();
        }
        let keys: KeyPath = segments
            .iter()
            .map_while(|segment| match segment {
                serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                _ => None,
            })
            .collect();
        // The deepest value of the path that the text has.
        let mut at = node;
        let mut found = true;
        for segment in &segments {
            let next = match segment {
                serde_path_to_error::Segment::Map { key } => at.get(key),
                serde_path_to_error::Segment::Seq { index } => at.index(*index),
                _ => None,
            };
            match next {
                Some(next) => at = next,
                None => {
                    found = false;
                    break;
                }
            }
        }
        match &cause {
            Cause::UnknownKey(key) => located.offset = at.key_offset(key).unwrap_or(located.offset),
            Cause::MissingKey(_) => located.offset = self.offset(at),
            // serde_json reports where it stopped reading, after the value; toml has the span.
            Cause::Value if found || matches!(node, Node::Json { .. }) => located.offset = self.offset(at),
            Cause::Value => {}
        }
        let message = match describe(&segments) {
            path if path.is_empty() => located.message,
            path => format!("{path}: {}", located.message),
        };
        Failure { located: Located { message, ..located }, keys, cause }
    }
}

/// A path as `sexes[1]`, `baseline.K`.
fn describe(segments: &[&serde_path_to_error::Segment]) -> String {
    let mut text = String::new();
    for segment in segments {
        match segment {
            serde_path_to_error::Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } | serde_path_to_error::Segment::Enum { variant: key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            serde_path_to_error::Segment::Unknown => text.push_str(".?"),
        }
    }
    text
}

/// Why a TOML float literal cannot be read exactly, if it cannot.
fn inexact_float(literal: &str) -> Option<String> {
    let literal = literal.strip_prefix('+').unwrap_or(literal);
    let float: f64 = literal.parse().ok()?;
    if !float.is_finite() {
        return None;
    }
    let exact = parse_json_number(literal);
    let through_float = parse_json_number(&float.to_string());
    match exact {
        Some(exact) if Some(exact) == through_float => None,
        Some(_) => Some(format!(
            "{literal} has more digits than a TOML number keeps (a float, 15 to 17 digits): write it as a text, \"{}\", to keep every digit",
            literal.replace('.', ",")
        )),
        None => Some(format!("{literal} does not fit a decimal exactly: at most 28 digits and 28 decimals")),
    }
}

/// A copy of a TOML value with the edits made.
fn edited_toml<'d>(value: &Spanned<DeValue<'d>>, edits: &[(KeyPath, Edit)]) -> Spanned<DeValue<'d>> {
    let mut value = value.clone();
    for (path, edit) in edits {
        edit_toml(&mut value, path, *edit);
    }
    value
}

fn edit_toml(value: &mut Spanned<DeValue<'_>>, path: &[String], edit: Edit) {
    let span = value.span();
    let DeValue::Table(table) = value.get_mut() else { return };
    match path {
        [] => {}
        [key] => match edit {
            Edit::Remove => {
                table.remove(key.as_str());
            }
            Edit::Placeholder(text) => {
                let at = table.get(key.as_str()).map_or(span.clone(), Spanned::span);
                table.insert(
                    Spanned::new(at.clone(), Cow::Owned(key.clone())),
                    Spanned::new(at, DeValue::String(Cow::Borrowed(text))),
                );
            }
        },
        [key, rest @ ..] => {
            if let Some(child) = table.get_mut(key.as_str()) {
                edit_toml(child, rest, edit);
            }
        }
    }
}

impl<'d> Node<'d> {
    /// The value of a key, if the node is a table that has it.
    pub(crate) fn get(self, key: &str) -> Option<Node<'d>> {
        match self {
            Node::Toml(value) => value.get_ref().get(key).map(Node::Toml),
            Node::Json { tree, text, .. } => {
                let (_, found) = self.json_entries()?.find(|(name, _)| name == key)?;
                Some(Node::Json { tree, text, value: found })
            }
        }
    }

    /// The value at a path of keys, if the text has it.
    pub(crate) fn at(self, keys: &[String]) -> Option<Node<'d>> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    /// The byte offset of a key of a table.
    pub(crate) fn key_offset(self, key: &str) -> Option<usize> {
        match self {
            Node::Toml(value) => value.get_ref().as_table()?.get_key_value(key).map(|(key, _)| key.span().start),
            Node::Json { tree, .. } => {
                let (_, found) = self.json_entries()?.find(|(name, _)| name == key)?;
                tree.key_span(found).map(|span| span.start)
            }
        }
    }

    /// The item at a position, if the node is a list that long.
    pub(crate) fn index(self, index: usize) -> Option<Node<'d>> {
        match self {
            Node::Toml(value) => value.get_ref().as_array()?.get(index).map(Node::Toml),
            Node::Json { tree, text, value } => {
                (tree.kind(value)? == JsonKind::Array).then_some(())?;
                tree.children(value).get(index).map(|&item| Node::Json { tree, text, value: item })
            }
        }
    }

    /// The items, if the node is a list.
    pub(crate) fn items(self) -> Option<Vec<Node<'d>>> {
        match self {
            Node::Toml(value) => value.get_ref().as_array().map(|array| array.iter().map(Node::Toml).collect()),
            Node::Json { tree, text, value } => (tree.kind(value)? == JsonKind::Array)
                .then(|| tree.children(value).iter().map(|&item| Node::Json { tree, text, value: item }).collect()),
        }
    }

    /// The keys and values, if the node is a table, in text order.
    pub(crate) fn entries(self) -> Option<Vec<(Cow<'d, str>, Node<'d>)>> {
        match self {
            Node::Toml(value) => value
                .get_ref()
                .as_table()
                .map(|table| table.iter().map(|(key, value)| (key.get_ref().clone(), Node::Toml(value))).collect()),
            Node::Json { tree, text, .. } => {
                Some(self.json_entries()?.map(|(key, value)| (key, Node::Json { tree, text, value })).collect())
            }
        }
    }

    /// The keys and value indices of a JSON object.
    fn json_entries(self) -> Option<impl Iterator<Item = (Cow<'d, str>, usize)>> {
        let Node::Json { tree, text, value } = self else { return None };
        (tree.kind(value)? == JsonKind::Object).then_some(())?;
        Some(tree.children(value).iter().filter_map(move |&entry| {
            let key = json::string(text.get(tree.key_span(entry)?)?)?;
            Some((key, entry))
        }))
    }

    /// Whether the node is a table.
    pub(crate) fn is_table(self) -> bool {
        match self {
            Node::Toml(value) => value.get_ref().is_table(),
            Node::Json { tree, value, .. } => tree.kind(value) == Some(JsonKind::Object),
        }
    }

    /// The JSON kind and text of a node, for readers that take the leaves themselves.
    pub(crate) fn json_leaf(self) -> Option<(JsonKind, &'d str)> {
        let Node::Json { tree, text, value } = self else { return None };
        Some((tree.kind(value)?, text.get(tree.span(value))?))
    }
}
