//! The texts of a report's rows as C strings, for the borrowed pointers of
//! `styrkort_assessment`: written the first time a row is read and kept until the report is
//! freed, so that a pointer handed out stays valid and reading a row again costs a few loads.
//!
//! Rows are written in blocks of [`BLOCK_ROWS`], each block once (a `OnceLock`, so that
//! threads reading the same report at once write it once and never see it half written).
//! A block holds its rows' strings one after another in one buffer, each ending in NUL; a text
//! equal to the same field of the row before (a measure's name, its target, the period) is
//! stored once. Where each text starts is kept in 16 bits when the block's buffer is under
//! 64 KiB, as nearly always, so that a walk over the rows reads about 60 bytes a row.
//!
//! Making a report costs nothing per row: the texts of rows nobody reads are never written,
//! and the core's work per row (its record, with the explanation) is done when it is first
//! read.

use crate::string::without_nul;
use rust_decimal::Decimal;
use std::ffi::c_char;
use std::fmt::Write as _;
use std::sync::OnceLock;
use styrkort::assess::Record;
use styrkort::{Period, Report};

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
    ReportedStatus,
    VerdictMotivation,
}

/// The number of texts of a row.
const TEXTS: usize = Text::VerdictMotivation as usize + 1;

/// The texts of every row of one report, block by block.
pub(crate) struct RowTexts {
    blocks: Box<[OnceLock<Block>]>,
}

/// The texts of up to [`BLOCK_ROWS`] rows: their strings, and where each row's texts start.
struct Block {
    text: Box<[u8]>,
    offsets: Offsets,
}

/// Where each row's texts start in its block's buffer, in the narrowest integer that can say
/// it, so that walking the rows reads little memory (a block rarely holds 64 KiB of text);
/// the type's `MAX` is a field without a value, and a row without a record has none at all.
enum Offsets {
    Narrow(Box<[[u16; TEXTS]]>),
    Wide(Box<[[usize; TEXTS]]>),
}

/// One row's texts, borrowed from its block.
pub(crate) struct Row<'a> {
    text: &'a [u8],
    offsets: RowOffsets<'a>,
}

#[derive(Clone, Copy)]
enum RowOffsets<'a> {
    Narrow(&'a [u16; TEXTS]),
    Wide(&'a [usize; TEXTS]),
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
        let at = index % BLOCK_ROWS;
        let offsets = match &block.offsets {
            Offsets::Narrow(rows) => RowOffsets::Narrow(rows.get(at)?),
            Offsets::Wide(rows) => RowOffsets::Wide(rows.get(at)?),
        };
        let row = Row { text: &block.text, offsets };
        (!row.get(Text::Measure).is_null()).then_some(row)
    }
}

impl Row<'_> {
    /// A text as a pointer to its NUL-terminated bytes, or NULL for none. The pointer lives as
    /// long as the block, that is until the report is freed.
    pub(crate) fn get(&self, text: Text) -> *const c_char {
        let start = match self.offsets {
            RowOffsets::Narrow(offsets) => Some(offsets[text as usize]).filter(|&at| at != u16::MAX).map(usize::from),
            RowOffsets::Wide(offsets) => Some(offsets[text as usize]).filter(|&at| at != usize::MAX),
        };
        // Every offset is inside the buffer, so the pointer is too (`wrapping_add` only to
        // skip a bounds check that cannot fail).
        start.map_or(std::ptr::null(), |start| self.text.as_ptr().wrapping_add(start).cast())
    }
}

impl Block {
    /// Writes the texts of the rows from `start` on.
    fn write(report: &Report, start: usize) -> Block {
        let end = report.len().min(start.saturating_add(BLOCK_ROWS));
        let mut writer =
            Writer { text: Vec::new(), last: [(0, 0); TEXTS], shown: [None; TEXTS], scratch: String::new() };
        let rows: Vec<[usize; TEXTS]> = (start..end)
            .map(|index| report.record(index).map_or([usize::MAX; TEXTS], |record| writer.record(&record)))
            .collect();
        let offsets = if writer.text.len() < usize::from(u16::MAX) {
            let narrow = |at: usize| u16::try_from(at).unwrap_or(u16::MAX);
            Offsets::Narrow(rows.iter().map(|row| row.map(narrow)).collect())
        } else {
            Offsets::Wide(rows.into_boxed_slice())
        };
        Block { text: writer.text.into_boxed_slice(), offsets }
    }
}

/// Writes rows' texts into one buffer.
struct Writer {
    text: Vec<u8>,
    /// For each field, where the row before's text starts and ends (without its NUL); an
    /// empty range before the first row.
    last: [(usize, usize); TEXTS],
    /// For each field written with `show`, the row before's value.
    shown: [Option<Shown>; TEXTS],
    /// Room to write a decimal or a period before it is stored.
    scratch: String,
}

/// A value written with `Display`. Decimals compare by their representation, not their value:
/// 1.0 and 1.00 are written differently.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Decimal(Exact),
    Period(Period),
}

/// A decimal that equals another only with the same digits and scale.
#[derive(Clone, Copy)]
struct Exact(Decimal);

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.0.serialize() == other.0.serialize()
    }
}

impl From<Decimal> for Shown {
    fn from(decimal: Decimal) -> Shown {
        Shown::Decimal(Exact(decimal))
    }
}

impl From<Period> for Shown {
    fn from(period: Period) -> Shown {
        Shown::Period(period)
    }
}

impl Writer {
    /// Writes every text of a record, in the shape of `Report::to_json`'s objects: codes for
    /// the enumerations, decimals in their canonical form, periods as "2021-DÅ04". Returns
    /// where each starts (`usize::MAX` for none).
    fn record(&mut self, record: &Record) -> [usize; TEXTS] {
        let verdict = &record.verdict;
        let at = &mut [usize::MAX; TEXTS];
        self.put(at, Text::Perspective, Some(&record.perspective));
        self.put(at, Text::Goal, Some(&record.goal));
        self.put(at, Text::SuccessFactor, Some(&record.success_factor));
        self.put(at, Text::Measure, Some(&record.measure));
        self.put(at, Text::MeasureName, Some(&record.measure_name));
        self.put(at, Text::Kind, Some(&record.kind));
        self.put(at, Text::Body, record.body.as_deref());
        self.put(at, Text::Unit, record.unit.as_deref());
        self.show(at, Text::Period, Some(record.period));
        self.put(at, Text::Sex, Some(record.sex.code()));
        self.put(at, Text::Status, Some(verdict.status.code()));
        self.put(at, Text::Reason, verdict.reason.map(|reason| reason.code()));
        self.put(at, Text::Trend, Some(verdict.trend.code()));
        self.put(at, Text::Rule, Some(verdict.rule.code()));
        self.show(at, Text::Value, verdict.value);
        self.show(at, Text::TargetValue, verdict.target_value);
        self.show(at, Text::TargetLow, verdict.target_low);
        self.put(at, Text::Comparison, verdict.comparison.map(|comparison| comparison.code()));
        self.show(at, Text::Base, verdict.base);
        self.show(at, Text::BasePeriod, verdict.base_period);
        self.show(at, Text::Reference, verdict.reference);
        self.put(at, Text::StatusLabel, Some(&record.status_label));
        self.put(at, Text::Arrow, Some(&record.arrow));
        self.put(at, Text::ValueUnit, Some(&record.value_unit));
        self.put(at, Text::ValueText, Some(&record.value_text));
        self.put(at, Text::Target, record.target.as_deref());
        self.put(at, Text::TargetKind, record.target_kind.as_deref());
        self.put(at, Text::TargetCanonical, record.target_canonical.as_deref());
        self.put(at, Text::Explanation, Some(&record.explanation));
        self.put(at, Text::ReportedStatus, Some(record.reported_status.code()));
        self.put(at, Text::VerdictMotivation, record.verdict_motivation.as_deref());
        *at
    }

    /// Writes a decimal or a period as `Display` shows it (see [`Writer::put`]); the same
    /// value as the row before's, to the digit, is not even written out again.
    fn show(&mut self, offsets: &mut [usize; TEXTS], text: Text, value: Option<impl Into<Shown>>) {
        let Some(value) = value.map(Into::into) else { return };
        if self.shown[text as usize] == Some(value) {
            offsets[text as usize] = self.last[text as usize].0;
            return;
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        // Writing to a String cannot fail.
        let _ = match value {
            Shown::Decimal(Exact(decimal)) => write!(scratch, "{decimal}"),
            Shown::Period(period) => write!(scratch, "{period}"),
        };
        self.put(offsets, text, Some(&scratch));
        self.scratch = scratch;
        self.shown[text as usize] = Some(value);
    }

    /// Writes one text and its NUL, or nothing for none, and notes where it starts in
    /// `offsets`; a text equal to the same field's of the row before is not written again.
    fn put(&mut self, offsets: &mut [usize; TEXTS], text: Text, value: Option<&str>) {
        let Some(value) = value else { return };
        let value = without_nul(value);
        let (last_start, last_end) = self.last[text as usize];
        if last_end > last_start && self.text[last_start..last_end] == *value.as_bytes() {
            offsets[text as usize] = last_start;
            return;
        }
        let start = self.text.len();
        self.text.extend_from_slice(value.as_bytes());
        self.last[text as usize] = (start, self.text.len());
        self.text.push(0);
        offsets[text as usize] = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;
    use styrkort::io::{ObservationFormat, read_observations, read_scorecard};
    use styrkort::{Assessments, RuleSet, UnitSelection};

    /// A report of one measure split by sex, named `name`, with values `K` and `M`.
    fn report(name: &str, values: (&str, &str)) -> Report {
        let plan = format!(
            "schema = 1\norganisation = \"R\"\nname = \"P\"\nyears = [2021, 2021]\n\
             [[perspectives]]\nid = \"p\"\nname = \"P\"\n[[goals]]\nid = \"G\"\nperspective = \"p\"\nname = \"G\"\n\
             [[success_factors]]\nid = \"F\"\ngoal = \"G\"\nname = \"F\"\n\
             [[measures]]\nid = \"M\"\nsuccess_factor = \"F\"\nname = \"{name}\"\nunit = \"percent\"\n\
             sexes = [\"K\", \"M\"]\ntargets = {{ 2021 = \"72 %\" }}\n"
        );
        let scorecard = read_scorecard("plan.toml", &plan, styrkort::io::Format::Toml).expect("a plan");
        let csv = format!("measure,period,sex,value\nM,2021-DÅ04,K,{}\nM,2021-DÅ04,M,{}\n", values.0, values.1);
        let observations =
            read_observations("o.csv", &csv, ObservationFormat::Csv, Some(&scorecard)).expect("observations");
        let period = "2021-DÅ04".parse().expect("a period");
        let assessments = Assessments::new(scorecard, &observations, period, RuleSet::default(), &UnitSelection::All)
            .expect("assesses");
        Report::new(assessments, &[])
    }

    fn text(row: &Row<'_>, text: Text) -> Option<String> {
        let pointer = row.get(text);
        // SAFETY: NULL or a NUL-terminated string of the block, which lives as long as `row`.
        (!pointer.is_null()).then(|| unsafe { CStr::from_ptr(pointer) }.to_str().expect("UTF-8").to_owned())
    }

    #[test]
    fn every_text_is_the_records_and_equal_values_of_other_digits_stay_apart() {
        let report = report("Andel", ("1.0", "1.00"));
        let texts = RowTexts::new(report.len());
        for index in 0..report.len() {
            let record = report.record(index).expect("a record");
            let row = texts.row(&report, index).expect("a row");
            assert_eq!(text(&row, Text::MeasureName), Some(record.measure_name));
            assert_eq!(text(&row, Text::Explanation), Some(record.explanation));
            assert_eq!(text(&row, Text::Value), record.verdict.value.map(|value| value.to_string()));
            assert_eq!(text(&row, Text::Unit), None);
        }
        let values: Vec<_> = (0..2).map(|i| text(&texts.row(&report, i).expect("a row"), Text::Value)).collect();
        assert_eq!(values, [Some("1.0".to_owned()), Some("1.00".to_owned())]);
        assert!(texts.row(&report, report.len()).is_none(), "past the end");
        assert!(matches!(texts.blocks[0].get().map(|block| &block.offsets), Some(Offsets::Narrow(_))));
    }

    #[test]
    fn a_block_of_more_than_64_kib_of_text_keeps_wide_offsets() {
        let name = "x".repeat(70_000);
        let report = report(&name, ("80", "60"));
        let texts = RowTexts::new(report.len());
        let row = texts.row(&report, 1).expect("a row");
        assert_eq!(text(&row, Text::Sex).as_deref(), Some("M"));
        assert_eq!(text(&row, Text::MeasureName).map(|name| name.len()), Some(70_000));
        assert_eq!(text(&row, Text::Value).as_deref(), Some("60"));
        assert!(matches!(texts.blocks[0].get().map(|block| &block.offsets), Some(Offsets::Wide(_))));
    }

    #[test]
    fn a_nul_in_a_text_is_written_as_a_replacement_character() {
        let report = report("Andel\\u0000 (%)", ("80", "60"));
        let texts = RowTexts::new(report.len());
        let row = texts.row(&report, 0).expect("a row");
        assert_eq!(text(&row, Text::MeasureName).as_deref(), Some("Andel\u{fffd} (%)"));
    }
}
