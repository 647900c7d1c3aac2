//! Lines and columns of a text: turns the byte offsets that parsers report into the line and
//! character column a text editor shows, both from 1.
//!
//! A line ends at `\r\n` (Windows, every Excel export), `\n` (Unix) or a lone `\r` (Excel for
//! Mac), also mixed in one text, as editors count them. A byte-order mark at the start takes no
//! column. Columns are found in constant time however long the line (a minified JSON file is one
//! line), so that locating thousands of problems stays linear in the text.

use std::cell::OnceCell;

/// Bytes between two checkpoints of the character count.
const CHUNK: usize = 4096;

/// Turns byte offsets of a text into lines and character columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
    /// The number of UTF-8 continuation bytes before every multiple of [`CHUNK`]; built on the
    /// first column asked for, and empty for ASCII text.
    continuations: OnceCell<Vec<usize>>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> LineIndex<'t> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut skip_newline_at = None;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if skip_newline_at == Some(at) {
                continue;
            }
            let next = at.saturating_add(1);
            if bytes.get(at) == Some(&b'\r') && bytes.get(next) == Some(&b'\n') {
                skip_newline_at = Some(next);
                starts.push(next.saturating_add(1));
            } else {
                starts.push(next);
            }
        }
        LineIndex { text, starts, continuations: OnceCell::new() }
    }

    /// The line, from 1, of a byte offset (clamped to the text). An offset inside a line break
    /// belongs to the line the break ends.
    pub(crate) fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&start| start <= offset)
    }

    /// Line and column, both from 1, of a byte offset (clamped to the text, and moved back to
    /// the start of the character it falls in).
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset = offset.saturating_sub(1);
        }
        let line = self.line(offset);
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let mut column = self.chars_before(offset).saturating_sub(self.chars_before(start));
        if line == 1 && self.text.starts_with('\u{feff}') && offset > 0 {
            column = column.saturating_sub(1);
        }
        (line, column.saturating_add(1))
    }

    /// The number of characters before a byte offset that is a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let continuations = self.continuations.get_or_init(|| checkpoints(self.text));
        if continuations.is_empty() {
            return offset;
        }
        let chunk = offset.checked_div(CHUNK).unwrap_or(0);
        let from = chunk.saturating_mul(CHUNK);
        let before = continuations.get(chunk).copied().unwrap_or(0);
        let within = self.text.as_bytes().get(from..offset).map_or(0, count_continuations);
        offset.saturating_sub(before.saturating_add(within))
    }
}

/// The continuation bytes before each multiple of [`CHUNK`]; empty for ASCII text.
fn checkpoints(text: &str) -> Vec<usize> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut total = 0usize;
    let mut counts = vec![0];
    for chunk in text.as_bytes().chunks(CHUNK) {
        total = total.saturating_add(count_continuations(chunk));
        counts.push(total);
    }
    counts
}

fn count_continuations(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0xC0 == 0x80).count()
}

/// Counts the lines of a text up to offsets that only grow (the rows of a CSV file), without
/// an index: each byte is looked at once.
pub(crate) struct LineCounter<'t> {
    bytes: &'t [u8],
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    pub(crate) fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter { bytes: text.as_bytes(), at: 0, line: 1 }
    }

    /// The line, from 1, of an offset that is not inside a `\r\n`; an offset before the last
    /// one asked for counts from the start again.
    pub(crate) fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        let segment = self.bytes.get(self.at..offset).unwrap_or_default();
        let mut breaks = 0usize;
        let mut last_was_cr = false;
        let mut previous = None;
        for at in memchr::memchr2_iter(b'\n', b'\r', segment) {
            let crlf = last_was_cr && previous == Some(at.saturating_sub(1)) && segment.get(at) == Some(&b'\n');
            if !crlf {
                breaks = breaks.saturating_add(1);
            }
            last_was_cr = segment.get(at) == Some(&b'\r');
            previous = Some(at);
        }
        self.line = self.line.saturating_add(breaks);
        self.at = offset;
        self.line
    }
}

/// The byte offset of a position that serde_json reports: its `line` counts `\n` only and its
/// `column` is the byte column, from 1, within that line.
pub(crate) fn json_offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line.checked_sub(2) {
        None => 0,
        Some(breaks) => {
            memchr::memchr_iter(b'\n', text.as_bytes()).nth(breaks).map_or(text.len(), |at| at.saturating_add(1))
        }
    };
    start.saturating_add(column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_from_one() {
        let index = LineIndex::new("a = 1\nnamn = \"Målet\"\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(6), (2, 1));
        let at = "a = 1\nnamn = \"Må".len();
        assert_eq!(index.position(at), (2, 11));
        assert_eq!(index.position(999), (3, 1));
    }

    #[test]
    fn every_line_end_style_counts_as_an_editor_does() {
        for text in ["a\r\nbå\r\ncd", "a\rbå\rcd", "a\nbå\ncd", "a\r\nbå\rcd", "a\nbå\r\ncd"] {
            let index = LineIndex::new(text);
            let c = text.find('c').expect("c");
            assert_eq!(index.position(c), (3, 1), "{text:?}");
            assert_eq!(index.position(c.saturating_add(1)), (3, 2), "{text:?}");
            let b = text.find('b').expect("b");
            assert_eq!(index.position(b), (2, 1), "{text:?}");
            assert_eq!(index.position(b.saturating_add(1)), (2, 2), "{text:?}");
            assert_eq!(index.line(1), 1, "the line break belongs to line 1 in {text:?}");
        }
        assert_eq!(LineIndex::new("\r\r\n\n").line(4), 4, "CR, CRLF, LF: three breaks");
    }

    #[test]
    fn the_counter_agrees_with_the_index() {
        let text = "a\r\nb\rc\nd\r\n\re";
        let index = LineIndex::new(text);
        let mut counter = LineCounter::new(text);
        for (offset, c) in text.char_indices().filter(|(_, c)| c.is_alphabetic()) {
            assert_eq!(counter.line(offset), index.line(offset), "{c}");
        }
        assert_eq!(counter.line(0), 1, "back to the start");
    }

    #[test]
    fn columns_are_characters_on_a_long_line_and_a_bom_takes_none() {
        let text = format!("\u{feff}{}x", "å".repeat(10_000));
        let index = LineIndex::new(&text);
        assert_eq!(index.position(text.len().saturating_sub(1)), (1, 10_001));
        assert_eq!(index.position(3), (1, 1));
    }

    #[test]
    fn serde_json_positions_count_newlines_only() {
        let text = "{\r\n \"a\":\r 1}";
        assert_eq!(json_offset(text, 1, 1), 0);
        assert_eq!(json_offset(text, 2, 2), 4);
        assert_eq!(json_offset(text, 9, 1), text.len());
    }
}
