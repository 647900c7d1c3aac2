//! The texts of a report's rows as C strings, for the borrowed pointers of
//! `styrkort_assessment`: written the first time a row is read and kept until the report is
//! freed, so that a pointer handed out stays valid and reading a row again costs a few loads.
//!
//! Rows are written in blocks of [`BLOCK_ROWS`], each block once (a `OnceLock`, so that
//! threads reading the same report at once write it once and never see it half written).
//! A block holds its rows' strings one after another in one buffer, each ending in NUL; a text
//! equal to the same field of the row before (a measure's name, its target) is stored once.
//! Making a report costs nothing per row: the texts of rows nobody reads are never written.

use std::ffi::c_char;
use std::fmt::{Display, Write as _};
use std::sync::OnceLock;
use styrkort::Report;
use styrkort::assess::Record;

/// How many rows are written together.
pub(crate) const BLOCK_ROWS: usize = 64;

/// One text of a row, in the order of the fields of `styrkort_assessment`.
#[derive(Clone, Copy)]
#[allow(clippy::enum_variant_names, reason = "the names of the record's fields (`value_text`)")]
pub(crate) enum Text {
    Perspective,
    Goal,
    SuccessFactor,
    Measure,
    MeasureName,
    Kind,
    Body,
    Unit,
    Period,
    Sex,
    Status,
    Reason,
    Trend,
    Rule,
    Value,
    TargetValue,
    TargetLow,
    Comparison,
    Base,
    BasePeriod,
    Reference,
    StatusLabel,
    Arrow,
    ValueUnit,
    ValueText,
    Target,
    TargetKind,
    TargetCanonical,
    Explanation,
}

/// The number of texts of a row.
const TEXTS: usize = Text::Explanation as usize + 1;

/// Where a text starts in its block's buffer; `NONE` for a field that has no value.
type Offsets = [usize; TEXTS];
const NONE: usize = usize::MAX;

/// The texts of every row of one report, block by block.
pub(crate) struct RowTexts {
    blocks: Box<[OnceLock<Block>]>,
}

/// The texts of up to [`BLOCK_ROWS`] rows; a row without a record has none.
struct Block {
    text: Box<[u8]>,
    rows: Box<[Option<Offsets>]>,
}

/// One row's texts, borrowed from its block.
pub(crate) struct Row<'a> {
    text: &'a [u8],
    offsets: &'a Offsets,
}

impl RowTexts {
    /// Room for the texts of `rows` rows; nothing is written yet.
    pub(crate) fn new(rows: usize) -> RowTexts {
        RowTexts { blocks: (0..rows.div_ceil(BLOCK_ROWS)).map(|_| OnceLock::new()).collect() }
    }

    /// The texts of a row of `report` (the report these texts belong to), writing its block
    /// first if no row of it has been read; none past the end, or for a row the report has no
    /// record of.
    pub(crate) fn row<'a>(&'a self, report: &Report, index: usize) -> Option<Row<'a>> {
        let block = self.blocks.get(index / BLOCK_ROWS)?;
        let block = block.get_or_init(|| Block::write(report, index / BLOCK_ROWS * BLOCK_ROWS));
        let offsets = block.rows.get(index % BLOCK_ROWS)?.as_ref()?;
        Some(Row { text: &block.text, offsets })
    }
}

impl Row<'_> {
    /// A text as a pointer to its NUL-terminated bytes, or NULL for none. The pointer lives as
    /// long as the block, that is until the report is freed.
    pub(crate) fn get(&self, text: Text) -> *const c_char {
        match self.offsets[text as usize] {
            NONE => std::ptr::null(),
            start => self.text[start..].as_ptr().cast(),
        }
    }
}

impl Block {
    /// Writes the texts of the rows from `start` on.
    fn write(report: &Report, start: usize) -> Block {
        let end = report.len().min(start.saturating_add(BLOCK_ROWS));
        let mut writer = Writer { text: Vec::new(), last: [(NONE, NONE); TEXTS] };
        let rows = (start..end).map(|index| report.record(index).map(|record| writer.record(&record))).collect();
        Block { text: writer.text.into_boxed_slice(), rows }
    }
}

/// Writes rows' texts into one buffer.
struct Writer {
    text: Vec<u8>,
    /// For each field, where the row before's text starts and ends (without its NUL).
    last: [(usize, usize); TEXTS],
}

impl Writer {
    /// Writes every text of a record, in the shape of `Report::to_json`'s objects: codes for
    /// the enumerations, decimals in their canonical form, periods as "2021-DÅ04".
    fn record(&mut self, record: &Record) -> Offsets {
        let verdict = &record.verdict;
        let at = &mut [NONE; TEXTS];
        self.put(at, Text::Perspective, Some(&record.perspective));
        self.put(at, Text::Goal, Some(&record.goal));
        self.put(at, Text::SuccessFactor, Some(&record.success_factor));
        self.put(at, Text::Measure, Some(&record.measure));
        self.put(at, Text::MeasureName, Some(&record.measure_name));
        self.put(at, Text::Kind, Some(&record.kind));
        self.put(at, Text::Body, record.body.as_ref());
        self.put(at, Text::Unit, record.unit.as_ref());
        self.put(at, Text::Period, Some(&record.period));
        self.put(at, Text::Sex, Some(&record.sex));
        self.put(at, Text::Status, Some(verdict.status.code()));
        self.put(at, Text::Reason, verdict.reason.map(|reason| reason.code()));
        self.put(at, Text::Trend, Some(verdict.trend.code()));
        self.put(at, Text::Rule, Some(verdict.rule.code()));
        self.put(at, Text::Value, verdict.value.as_ref());
        self.put(at, Text::TargetValue, verdict.target_value.as_ref());
        self.put(at, Text::TargetLow, verdict.target_low.as_ref());
        self.put(at, Text::Comparison, verdict.comparison.map(|comparison| comparison.code()));
        self.put(at, Text::Base, verdict.base.as_ref());
        self.put(at, Text::BasePeriod, verdict.base_period.as_ref());
        self.put(at, Text::Reference, verdict.reference.as_ref());
        self.put(at, Text::StatusLabel, Some(&record.status_label));
        self.put(at, Text::Arrow, Some(&record.arrow));
        self.put(at, Text::ValueUnit, Some(&record.value_unit));
        self.put(at, Text::ValueText, Some(&record.value_text));
        self.put(at, Text::Target, record.target.as_ref());
        self.put(at, Text::TargetKind, record.target_kind.as_ref());
        self.put(at, Text::TargetCanonical, record.target_canonical.as_ref());
        self.put(at, Text::Explanation, Some(&record.explanation));
        *at
    }

    /// Writes one text and its NUL, or nothing for none, and notes where it starts in
    /// `offsets`; a text equal to the same field's of the row before is not written again.
    fn put(&mut self, offsets: &mut Offsets, text: Text, value: Option<impl Display>) {
        let Some(value) = value else { return };
        let start = self.text.len();
        // Writing to a Vec cannot fail.
        let _ = write!(Bytes(&mut self.text), "{value}");
        if self.text[start..].contains(&0) {
            // C strings end at the first NUL: a NUL inside a text is written as U+FFFD.
            let written = String::from_utf8_lossy(&self.text[start..]).replace('\0', "\u{fffd}");
            self.text.truncate(start);
            self.text.extend_from_slice(written.as_bytes());
        }
        let end = self.text.len();
        let (last_start, last_end) = self.last[text as usize];
        offsets[text as usize] = if last_start != NONE && self.text[last_start..last_end] == self.text[start..end] {
            self.text.truncate(start);
            last_start
        } else {
            self.text.push(0);
            self.last[text as usize] = (start, end);
            start
        };
    }
}

/// `fmt::Write` into a byte buffer, so that a `Display` goes straight into the block.
struct Bytes<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Bytes<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0.extend_from_slice(text.as_bytes());
        Ok(())
    }
}
