//! Reading the keys and tables of a document with every problem: the common part of the
//! scorecard, judgement and rule-set readers.
//!
//! Every entry is read to the end ([`read_to_end`]); an entry that still reads is kept with its
//! bad keys at their defaults, so that the checks that follow see it. A check's problem that
//! only the changed keys could cause is not reported: the key's own problem already is.

use super::document::{Document, Located, Node};
use super::recover::{KeyPath, Placeholders, read_to_end, touches};
use crate::error::{Diagnostic, Error, ErrorKind};
use crate::model::{Path, Problem, Segment};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// A key of a table's entries whose checks read another key of the same entry: `(table, key,
/// other)`. When `other` did not read, the checks of `key` are not reported.
pub(crate) type Dependency = (&'static str, &'static str, &'static str);

/// Reads the entries of a document, collecting every problem.
pub(crate) struct Reader<'d> {
    pub(crate) document: &'d Document<'d>,
    diagnostics: Vec<Diagnostic>,
    /// Per table, the document index of each entry that was read, so that a validation path
    /// into the model can be located even when entries before it failed to read.
    positions: HashMap<&'static str, Vec<usize>>,
    /// Per table and model index, the keys of the entry that did not read.
    changed: HashMap<(&'static str, usize), Vec<KeyPath>>,
}

impl<'d> Reader<'d> {
    /// Starts reading a document; numbers it cannot hold exactly are its first problems.
    pub(crate) fn new(document: &'d Document<'d>) -> Reader<'d> {
        let diagnostics = document.inexact_numbers().into_iter().map(|located| document.diagnostic(located)).collect();
        Reader { document, diagnostics, positions: HashMap::new(), changed: HashMap::new() }
    }

    pub(crate) fn report(&mut self, located: Located) {
        self.diagnostics.push(self.document.diagnostic(located));
    }

    /// Reports every key of a table that is not one of `allowed`.
    pub(crate) fn unknown_keys(&mut self, node: Node<'_>, allowed: &[&str]) {
        let Some(entries) = node.entries() else { return };
        let list = allowed.iter().map(|key| format!("`{key}`")).collect::<Vec<_>>().join(", ");
        for (key, value) in entries {
            if !allowed.contains(&key.as_ref()) {
                let offset = node.key_offset(&key).unwrap_or_else(|| self.document.offset(value));
                self.report(Located { offset, message: format!("unknown key `{key}`: expected one of {list}") });
            }
        }
    }

    /// A required key of a table: a problem when it is missing or does not read.
    pub(crate) fn required<T: DeserializeOwned>(&mut self, table: Node<'_>, key: &str, expected: &str) -> Option<T> {
        if table.get(key).is_none() {
            let offset = self.document.offset(table);
            self.report(Located { offset, message: format!("missing key `{key}`: expected {expected}") });
            return None;
        }
        self.optional(table, key)
    }

    /// An optional key of a table: a problem when it does not read.
    pub(crate) fn optional<T: DeserializeOwned>(&mut self, table: Node<'_>, key: &str) -> Option<T> {
        let node = table.get(key)?;
        match self.document.deserialize(node, &[]) {
            Ok(value) => Some(value),
            Err(failure) => {
                let located = failure.located;
                self.report(Located { message: format!("{key}: {}", located.message), ..located });
                None
            }
        }
    }

    /// Reads a whole value to the end: every problem reported, the value with its bad keys at
    /// their defaults, and those keys.
    pub(crate) fn value<T: DeserializeOwned>(
        &mut self,
        node: Node<'_>,
        prefix: &str,
        placeholders: &Placeholders,
    ) -> (Option<T>, Vec<KeyPath>) {
        let recovered = read_to_end(self.document, node, placeholders);
        for located in recovered.problems {
            let message = if prefix.is_empty() { located.message } else { format!("{prefix}: {}", located.message) };
            self.report(Located { message, ..located });
        }
        (recovered.value, recovered.changed)
    }

    /// Reads every entry of a table (`[[key]]`), each to the end (with `placeholders` for its
    /// required keys that are not texts); an entry that does not read even with its bad keys
    /// changed is skipped.
    pub(crate) fn table<T: DeserializeOwned>(
        &mut self,
        root: Node<'_>,
        key: &'static str,
        placeholders: &Placeholders,
    ) -> Vec<T> {
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
            let (value, changed) = self.value(item, &format!("{key}[{index}]"), placeholders);
            if let Some(value) = value {
                if !changed.is_empty() {
                    self.changed.insert((key, values.len()), changed);
                }
                values.push(value);
                positions.push(index);
            }
        }
        self.positions.insert(key, positions);
        values
    }

    /// Reports the problems a check found in what was read, each at its place in the text,
    /// leaving out those that the keys which did not read could cause.
    pub(crate) fn checked(&mut self, problems: Vec<Problem>, dependencies: &[Dependency], prefix_path: bool) {
        for problem in problems {
            if self.caused_by_changes(&problem.path, dependencies) {
                continue;
            }
            let path = self.document_path(&problem.path);
            let message = if prefix_path { format!("{}: {}", problem.path, problem.message) } else { problem.message };
            self.diagnostics.push(self.document.locate(&path, message));
        }
    }

    fn caused_by_changes(&self, path: &Path, dependencies: &[Dependency]) -> bool {
        let [Segment::Key(table), Segment::Index(index), rest @ ..] = path.0.as_slice() else { return false };
        let Some(changed) = self.changed.get(&(table.as_str(), *index)) else { return false };
        let keys: Vec<&str> =
            rest.iter().map_while(|s| if let Segment::Key(k) = s { Some(k.as_str()) } else { None }).collect();
        touches(changed, &keys)
            || dependencies.iter().any(|&(on_table, key, other)| {
                on_table == table && keys.first() == Some(&key) && touches(changed, &[other])
            })
    }

    /// The path in the document of a path into the model that was read.
    fn document_path(&self, path: &Path) -> Path {
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

    /// Adds diagnostics found elsewhere.
    pub(crate) fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }
}
