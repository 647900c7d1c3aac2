//! A parsed TOML or JSON document that remembers where every value stands in the text.
//!
//! Loaders deserialise each entry of a table separately, so that one bad entry does not hide
//! the problems of the others, and they locate a validation [`Path`] back to a line and column.

use super::lines::LineIndex;
use crate::error::{Diagnostic, Location};
use crate::model::{Path, Segment};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// The two text formats of scorecards and judgements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Json(&'d RawValue),
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
    Json(&'t RawValue),
}

/// A problem found at a byte offset of the text.
pub(crate) struct Located {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

impl<'t> Document<'t> {
    /// Parses the text; the first syntax error comes back as a diagnostic.
    pub(crate) fn parse(file: &'t str, text: &'t str, format: Format) -> Result<Document<'t>, Vec<Diagnostic>> {
        let lines = LineIndex::new(text);
        let root = match format {
            Format::Toml => {
                // Only the first syntax error: after it, the parser's recovery mostly reports
                // the same mistake again.
                let table = DeTable::parse(text).map_err(|error| {
                    let span = error.span().unwrap_or(0..0);
                    let (line, column) = lines.position(span.start);
                    vec![Diagnostic::new(
                        Location::file(file).at(line, Some(column)).spanning(span),
                        format!("TOML syntax: {}", error.message().trim()),
                    )]
                })?;
                let span = table.span();
                Root::Toml(Spanned::new(span, DeValue::Table(table.into_inner())))
            }
            Format::Json => match serde_json::from_str::<&RawValue>(text) {
                Ok(raw) => Root::Json(raw),
                Err(error) => {
                    let offset = lines.offset(error.line(), error.column()).saturating_sub(1);
                    return Err(vec![Diagnostic::new(
                        Location::file(file).at(error.line(), Some(error.column())).spanning(offset..offset),
                        format!("JSON syntax: {error}"),
                    )]);
                }
            },
        };
        Ok(Document { file, text, lines, root })
    }

    pub(crate) fn root(&self) -> Node<'_> {
        match &self.root {
            Root::Toml(value) => Node::Toml(value),
            Root::Json(raw) => Node::Json(raw),
        }
    }

    /// The byte offset where a node's text starts.
    pub(crate) fn offset(&self, node: Node<'_>) -> usize {
        match node {
            Node::Toml(value) => value.span().start,
            Node::Json(raw) => (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize),
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

    /// Deserialises a node, naming the place of the first problem inside it.
    pub(crate) fn deserialize<T: DeserializeOwned>(&self, node: Node<'_>) -> Result<T, Located> {
        self.deserialize_at(node).map_err(|located| self.at_unknown_key(node, located))
    }

    /// serde reports an unknown key without its place: find the key in the node.
    fn at_unknown_key(&self, node: Node<'_>, located: Located) -> Located {
        let key = located.message.split("unknown field `").nth(1).and_then(|rest| rest.split('`').next());
        match key.and_then(|key| node.get(key)) {
            Some(value) => Located { offset: self.offset(value), ..located },
            None => located,
        }
    }

    fn deserialize_at<T: DeserializeOwned>(&self, node: Node<'_>) -> Result<T, Located> {
        match node {
            Node::Toml(value) => {
                serde_path_to_error::deserialize(ValueDeserializer::from(value.clone())).map_err(|error| {
                    let offset = error.inner().span().map_or_else(|| self.offset(node), |span| span.start);
                    Located { offset, message: with_path(error.path(), error.inner().message()) }
                })
            }
            Node::Json(raw) => {
                let mut deserializer = serde_json::Deserializer::from_str(raw.get());
                serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                    let inner = error.inner();
                    let within = LineIndex::new(raw.get()).offset(inner.line(), inner.column());
                    let message = inner.to_string();
                    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
                    Located {
                        offset: self.offset(node).saturating_add(within.saturating_sub(1)),
                        message: with_path(error.path(), &message),
                    }
                })
            }
        }
    }
}

fn with_path(path: &serde_path_to_error::Path, message: &str) -> String {
    let path = path.to_string();
    if path == "." { message.to_owned() } else { format!("{path}: {message}") }
}

impl<'d> Node<'d> {
    /// The value of a key, if the node is a table that has it.
    pub(crate) fn get(self, key: &str) -> Option<Node<'d>> {
        match self {
            Node::Toml(value) => value.get_ref().get(key).map(Node::Toml),
            Node::Json(raw) => json_object_entries(raw.get())?
                .into_iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| Node::Json(value)),
        }
    }

    /// The item at a position, if the node is a list that long.
    pub(crate) fn index(self, index: usize) -> Option<Node<'d>> {
        self.items()?.into_iter().nth(index)
    }

    /// The items, if the node is a list.
    pub(crate) fn items(self) -> Option<Vec<Node<'d>>> {
        match self {
            Node::Toml(value) => value.get_ref().as_array().map(|array| array.iter().map(Node::Toml).collect()),
            Node::Json(raw) => serde_json::from_str::<Vec<&RawValue>>(raw.get())
                .ok()
                .map(|items| items.into_iter().map(Node::Json).collect()),
        }
    }

    /// The keys and values, if the node is a table, in text order for JSON and key order for
    /// TOML.
    pub(crate) fn entries(self) -> Option<Vec<(String, Node<'d>)>> {
        match self {
            Node::Toml(value) => value
                .get_ref()
                .as_table()
                .map(|table| table.iter().map(|(key, value)| (key.get_ref().to_string(), Node::Toml(value))).collect()),
            Node::Json(raw) => json_object_entries(raw.get())
                .map(|entries| entries.into_iter().map(|(key, raw)| (key, Node::Json(raw))).collect()),
        }
    }

    /// Whether the node is a table.
    pub(crate) fn is_table(self) -> bool {
        match self {
            Node::Toml(value) => value.get_ref().is_table(),
            Node::Json(raw) => raw.get().trim_start().starts_with('{'),
        }
    }
}

/// The entries of a JSON object in text order.
fn json_object_entries(text: &str) -> Option<Vec<(String, &RawValue)>> {
    struct Entries<'a>(Vec<(String, &'a RawValue)>);
    impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
                type Value = Entries<'a>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entries<'a>, A::Error> {
                    let mut entries = Vec::new();
                    while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                        entries.push((key, value));
                    }
                    Ok(Entries(entries))
                }
            }
            deserializer.deserialize_map(Visitor(std::marker::PhantomData))
        }
    }
    serde_json::from_str::<Entries<'_>>(text).ok().map(|entries| entries.0)
}
