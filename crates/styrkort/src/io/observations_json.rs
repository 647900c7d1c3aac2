//! Observations from JSON: a list of records, or `{"observations": [...]}`. Each record's keys
//! are the CSV header's columns; values are texts, numbers (read exactly from their digits) or
//! null. Every problem of every record is reported, each at its key.

use super::document::{Document, Format, Node};
use super::json::{self, JsonKind};
use super::observation_builder::{Field, ObservationBuilder, ObservationColumn};
use crate::error::{Diagnostic, Location};
use crate::model::{Observations, Scorecard};
use crate::number::parse_json_number;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Reads the observations of a JSON text (see [`super::read_observations_lenient`]).
pub(super) fn read(file: &str, text: &str, scorecard: Option<&Scorecard>) -> (Observations, Vec<Diagnostic>) {
    let document = match Document::parse(file, text, Format::Json) {
        Ok(document) => document,
        Err(diagnostics) => return (Observations::new(), diagnostics),
    };
    let root = document.root();
    let mut builder = ObservationBuilder::records(file);
    let list = if root.is_table() {
        for (key, value) in root.entries().unwrap_or_default() {
            if key != "observations" {
                let offset = root.key_offset(&key).unwrap_or_else(|| document.offset(value));
                builder.report(document.location(offset), format!("unknown key `{key}`: expected `observations`"));
            }
        }
        root.get("observations")
    } else {
        Some(root)
    };
    let Some(items) = list.and_then(Node::items) else {
        let expected = "expected a list of observation records, or {\"observations\": [...]}";
        let (observations, mut diagnostics) = builder.into_parts(None);
        diagnostics.push(Diagnostic::new(Location::file(file), expected));
        return (observations, diagnostics);
    };
    for (index, item) in items.iter().enumerate() {
        read_record(&document, &mut builder, index, *item);
    }
    builder.into_parts_located(scorecard, |location| {
        let (Some(row), Some(field)) = (location.row, location.field.as_deref()) else { return };
        let Some(item) = items.get(row) else { return };
        let found = document.location(key_offset(&document, *item, field));
        (location.line, location.column, location.span) = (found.line, found.column, found.span);
    })
}

/// Where a record's column stands: the value of the key that names it (in any case), or the
/// record itself when it has no such key.
fn key_offset(document: &Document<'_>, record: Node<'_>, key: &str) -> usize {
    let column = ObservationColumn::named(key);
    let entries = record.entries().unwrap_or_default();
    let value = entries.iter().find(|(name, _)| ObservationColumn::named(name) == column).map(|(_, value)| *value);
    document.offset(value.unwrap_or(record))
}

/// How many columns a record may name.
const COLUMNS: usize = ObservationColumn::ALL.len();

/// Reads one record into the builder, reporting every key that does not fit.
fn read_record(document: &Document<'_>, builder: &mut ObservationBuilder, index: usize, item: Node<'_>) {
    let at_key = |key: &str| document.location(key_offset(document, item, key)).in_row(index, Some(key));
    let Some(entries) = item.entries() else {
        builder.skip_row();
        let location = document.location(document.offset(item)).in_row(index, None);
        builder.report(location, format!("[{index}]: expected a record, such as {{\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"value\": 16.9}}"));
        return;
    };
    let mut texts: [Option<Cow<'_, str>>; COLUMNS] = Default::default();
    let mut numbers: [Option<Decimal>; COLUMNS] = [None; COLUMNS];
    let mut seen = [false; COLUMNS];
    let mut fits = true;
    for (key, value) in &entries {
        let Some(column) = ObservationColumn::named(key) else {
            fits = false;
            let offset = item.key_offset(key).unwrap_or_else(|| document.offset(*value));
            builder.report(
                document.location(offset).in_row(index, Some(key)),
                format!("[{index}]: unknown key `{key}`: expected the keys {}", ObservationColumn::allowed()),
            );
            continue;
        };
        let position = column as usize;
        let at_value = document.location(document.offset(*value)).in_row(index, Some(key));
        if seen.get(position).copied().unwrap_or(true) {
            fits = false;
            builder.report(at_value, format!("[{index}].{key}: the key appears twice: expected one value per key"));
            continue;
        }
        if let Some(seen) = seen.get_mut(position) {
            *seen = true;
        }
        let (kind, raw) = value.json_leaf().unwrap_or((JsonKind::Literal, "null"));
        let problem = match kind {
            JsonKind::String => match (json::string(raw), texts.get_mut(position)) {
                (Some(text), Some(slot)) => {
                    *slot = Some(text);
                    None
                }
                _ => Some(format!("[{index}].{key}: a text that does not read")),
            },
            JsonKind::Number => match (parse_json_number(raw), numbers.get_mut(position)) {
                (Some(number), Some(slot)) => {
                    *slot = Some(number);
                    None
                }
                _ => Some(format!(
                    "[{index}].{key}: {raw} does not fit a decimal exactly: at most 28 digits and 28 decimals"
                )),
            },
            JsonKind::Literal if raw == "null" => None,
            _ => Some(format!("[{index}].{key}: {raw} is not a text or a number: expected text, a number or null")),
        };
        if let Some(message) = problem {
            fits = false;
            builder.report(at_value, message);
        }
    }
    if !fits {
        builder.skip_row();
        return;
    }
    let at_item = document.location(document.offset(item)).in_row(index, None);
    let line = at_item.line;
    builder.push_located(
        |_, column| match column {
            Some(column) => at_key(column.name()),
            None => at_item.clone(),
        },
        line,
        |position| match (texts.get(position).and_then(Option::as_deref), numbers.get(position).copied().flatten()) {
            (Some(text), _) => Field::Text(text),
            (None, Some(number)) => Field::Number(number),
            (None, None) => Field::Empty,
        },
    );
}
