//! Observations from CSV as Excel writes it: `,` or `;` (detected from the header), any line-end
//! style (CRLF, a lone CR, LF, mixed), quoted fields with line breaks in them. Each row is
//! located at the line a text editor shows; a quote that is never closed is a located problem,
//! never the rest of the file read into one field.

use super::lines::LineCounter;
use super::observation_builder::{Field, ObservationBuilder};
use crate::error::{Diagnostic, Location};
use crate::model::{Observations, Scorecard};

/// Reads the observations of a CSV text (see [`super::read_observations_lenient`]).
pub(super) fn read(file: &str, text: &str, scorecard: Option<&Scorecard>) -> (Observations, Vec<Diagnostic>) {
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            let location = Location::file(file).at(1, None);
            return (Observations::new(), vec![Diagnostic::new(location, format!("CSV header: {error}"))]);
        }
    };
    let mut lines = LineCounter::new(text);
    let mut current = csv::StringRecord::new();
    let mut next = csv::StringRecord::new();
    let mut has_current = read_next(&mut reader, &mut current);
    if !has_current && let Some((at, _)) = unclosed_quote(text.as_bytes(), 0, delimiter) {
        return (Observations::new(), vec![Diagnostic::new(unclosed_at(file, &mut lines, at, None), UNCLOSED)]);
    }
    let names: Vec<&str> = header.iter().collect();
    let mut builder = ObservationBuilder::new(file, &names);
    if !builder.header_ok() {
        return builder.into_parts(None);
    }
    while has_current {
        let start = record_start(text, &current);
        has_current = read_next(&mut reader, &mut next);
        if !has_current && let Some((at, field)) = unclosed_quote(text.as_bytes(), start, delimiter) {
            // The last record runs to the end of the file: a quote opened in it never closes.
            builder.skip_row();
            builder.report(unclosed_at(file, &mut lines, at, Some((field, names.get(field).copied()))), UNCLOSED);
            break;
        }
        push(&mut builder, &current, header.len(), lines.line(start));
        std::mem::swap(&mut current, &mut next);
    }
    builder.into_parts(scorecard)
}

const UNCLOSED: &str =
    "a quote opens this field and is never closed, so the rest of the file would be one field: expected a closing \"";

/// Reads the next record; a problem of the CSV syntax ends the reading (there is none with
/// `flexible` on text, but a reader may still return one).
fn read_next(reader: &mut csv::Reader<&[u8]>, record: &mut csv::StringRecord) -> bool {
    reader.read_record(record).unwrap_or(false)
}

/// Reads one row into the builder.
fn push(builder: &mut ObservationBuilder, record: &csv::StringRecord, columns: usize, line: usize) {
    if record.iter().all(|f| f.trim().is_empty()) {
        return;
    }
    if record.len() > columns {
        let row = builder.skip_row();
        let mut location = Location::file(builder.source()).in_row(row, None);
        (location.line, location.column) = (Some(line), Some(columns.saturating_add(1)));
        builder.report(location, format!("{} fields, but the header has {columns} columns", record.len()));
        return;
    }
    builder.push(Some(line), |position| record.get(position).map_or(Field::Empty, Field::Text));
}

/// The location of an unclosed quote: its line, and the field it opens.
fn unclosed_at(file: &str, lines: &mut LineCounter<'_>, at: usize, field: Option<(usize, Option<&str>)>) -> Location {
    let mut location = Location::file(file).at(lines.line(at), None).spanning(at..at.saturating_add(1));
    if let Some((position, name)) = field {
        location.column = Some(position.saturating_add(1));
        location.field = name.map(str::to_owned);
    }
    location
}

/// The byte offset where a record's first field starts (the reader's position may still be at
/// the line break before it).
fn record_start(text: &str, record: &csv::StringRecord) -> usize {
    let position = record.position().and_then(|p| usize::try_from(p.byte()).ok()).unwrap_or(0);
    let rest = text.as_bytes().get(position..).unwrap_or_default();
    position.saturating_add(rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count())
}

/// `;` when the header has more of them than commas (Swedish Excel), `,` otherwise.
fn detect_delimiter(text: &str) -> u8 {
    let end = memchr::memchr2(b'\n', b'\r', text.as_bytes()).unwrap_or(text.len());
    let header = text.get(..end).unwrap_or(text);
    if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' }
}

/// Where a quote opens that is still open at the end of the text, reading CSV as the csv crate
/// does from `start` (the start of a record): its byte offset and its field's position.
fn unclosed_quote(bytes: &[u8], start: usize, delimiter: u8) -> Option<(usize, usize)> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut field = 0usize;
    let mut opened = (start, 0);
    for (at, &byte) in bytes.iter().enumerate().skip(start) {
        state = match (state, byte) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened = (at, field);
                State::Quoted
            }
            (_, b'\n' | b'\r') => {
                field = 0;
                State::FieldStart
            }
            (_, byte) if byte == delimiter => {
                field = field.saturating_add(1);
                State::FieldStart
            }
            _ => State::Unquoted,
        };
    }
    matches!(state, State::Quoted).then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let text = b"a,b\n1,\"x\"\"y\",\"z\n2,3\n";
        assert_eq!(unclosed_quote(text, 4, b','), Some((13, 2)));
        assert_eq!(unclosed_quote(b"1,\"x\"\n2,ab\"c\n", 0, b','), None, "closed, and a quote inside a field");
        assert_eq!(unclosed_quote(b"1;\"x;\r2", 0, b';'), Some((2, 1)));
    }

    #[test]
    fn the_delimiter_is_read_from_the_header_line_alone() {
        assert_eq!(detect_delimiter("measure;period;value\r1,2;x;y,z,w\r"), b';');
        assert_eq!(detect_delimiter("measure,period,value\n"), b',');
    }
}
