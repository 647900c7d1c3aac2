//! Lines and columns of a text: turns the byte offsets that parsers report into the line and
//! character column a text editor shows, both from 1.

/// Turns byte offsets of a text into lines and character columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at.saturating_add(1))).collect();
        LineIndex { text, starts }
    }

    /// Line and column, both from 1, of a byte offset (clamped to the text).
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset = offset.saturating_sub(1);
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(0, |before| before.chars().count());
        (line, column.saturating_add(1))
    }

    /// The byte offset of a line (from 1) and a byte column (from 1) within it.
    pub(crate) fn offset(&self, line: usize, byte_column: usize) -> usize {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        start.saturating_add(byte_column.saturating_sub(1)).min(self.text.len())
    }
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
}
