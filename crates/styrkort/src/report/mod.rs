//! The goal-fulfilment report, "Bilaga måluppfyllelse i perspektiv" (SPEC §5): for one unit and
//! period, per perspective the summary sentence and a chart of the goals' statuses, per
//! strategic goal the samlad bedömning with its motivation, forecast and a flag where it differs
//! from the computed suggestion, and per success factor the table
//! `Styrmått | Styrelse/nämnd | K/M | Mål <år> | Måluppfyllelse | Utveckling`, one row per sex.
//!
//! A [`Report`] is built once from [`Assessments`] (the roll-up is computed inside, the rows are
//! indexed by measure in one pass) and owns them and rendered as HTML ([`Report::to_html`]: one
//! self-contained file, no JavaScript, no network), Markdown ([`Report::to_markdown`]), terminal
//! text ([`Report::to_text`]), or the tidy records as JSON and CSV ([`Report::to_json`],
//! [`Report::to_csv`]). Rendering is linear in the number of rows. The core does no I/O and
//! never asks whether it writes to a terminal: the caller says whether to colour.
//!
//! ```
//! use styrkort::assess::{Assessments, RuleSet, UnitSelection};
//! use styrkort::example::Example;
//! use styrkort::report::Report;
//!
//! let example = Example::norrbotten_2020()?;
//! let assessments = Assessments::new(
//!     example.scorecard, &example.observations, example.period, RuleSet::default(), &UnitSelection::Organisation,
//! )?;
//! let report = Report::new(assessments, &example.judgements);
//! let html = report.to_html();
//! assert!(html.contains("ett av de 20 strategiska målen helt har uppnåtts"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chart;
mod escape;
mod footnotes;
mod gender;
mod html;
mod html_nav;
mod language;
mod markdown;
mod options;
mod outline;
mod target_cell;
mod text;
mod texts;
mod tidy;

pub use escape::{escape_html, push_escaped};
pub use language::{Language, status_colour, status_shape};
pub use options::{ReportColumn, ReportOptions};

use crate::assess::{Assessment, Assessments, Record};
use crate::model::{Analysis, Judgement, Measure};
use crate::rollup::Rollup;
use outline::{Outline, TableRow};
use std::sync::Arc;
use texts::Texts;

/// The goal-fulfilment report of one unit for the period of a set of assessments. Owns what it
/// renders (the assessments through an `Arc`, the period's judgements), so that a C handle or a
/// Python object can hold it.
///
/// The rendered documents (HTML, Markdown, text) are about the unit the assessments were made
/// for ([`Assessments::focus`]: the selected unit, or the organisation); the tidy records
/// ([`Report::len`], [`Report::record`], JSON, CSV) are every row of the assessments.
#[derive(Debug, Clone)]
pub struct Report {
    assessments: Arc<Assessments>,
    judgements: Vec<Judgement>,
    analyses: Vec<Analysis>,
    unit: Option<u32>,
    rollup: Rollup,
    options: ReportOptions,
    outline: Outline,
    texts: Texts,
}

/// What a report is made of, borrowed for serialising.
#[derive(serde::Serialize)]
struct ReportRef<'a> {
    assessments: &'a Assessments,
    judgements: &'a [Judgement],
    analyses: &'a [Analysis],
    options: &'a ReportOptions,
}

/// What a report is made of, owned for deserialising.
#[derive(serde::Deserialize)]
struct ReportData {
    assessments: Assessments,
    judgements: Vec<Judgement>,
    #[serde(default)]
    analyses: Vec<Analysis>,
    #[serde(default)]
    options: ReportOptions,
}

impl serde::Serialize for Report {
    /// The assessments, the period's judgements, analyses and options; the roll-up and outline are
    /// computed again when read back.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReportRef {
            assessments: &self.assessments,
            judgements: &self.judgements,
            analyses: &self.analyses,
            options: &self.options,
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Report {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Report, D::Error> {
        let data = ReportData::deserialize(deserializer)?;
        Ok(Report::new(data.assessments, &data.judgements).with_analyses(&data.analyses).with_options(data.options))
    }
}

impl Report {
    /// Builds the report from assessments and the judgements recorded (those of other periods
    /// are left out): verdicts on goals and success factors, and on single measures, which are
    /// the measures' reported statuses. The roll-up is computed here, once.
    pub fn new(assessments: impl Into<Arc<Assessments>>, judgements: &[Judgement]) -> Report {
        let assessments: Arc<Assessments> = assessments.into();
        let period = assessments.period();
        let judgements: Vec<Judgement> = judgements.iter().filter(|j| j.period == period).cloned().collect();
        let unit = assessments.focus();
        Report {
            rollup: assessments.rollup(unit, &judgements),
            outline: Outline::new(assessments.scorecard()),
            texts: Texts::new(assessments.scorecard(), &[], &judgements),
            options: ReportOptions::default(),
            analyses: Vec::new(),
            assessments,
            judgements,
            unit,
        }
    }

    /// The same report with the period's analysis texts (those of other periods are left out):
    /// each is shown under the perspective, goal, success factor or measure it is about.
    pub fn with_analyses(mut self, analyses: &[Analysis]) -> Report {
        let period = self.assessments.period();
        self.analyses = analyses.iter().filter(|a| a.period == period).cloned().collect();
        self.texts = Texts::new(self.assessments.scorecard(), &self.analyses, &self.judgements);
        self
    }

    /// The same report rendered with other options: publication mode, optional columns, the
    /// language of the labels, the CSV dialect.
    pub fn with_options(mut self, options: ReportOptions) -> Report {
        self.options = options;
        self
    }

    /// How the report is rendered.
    pub fn options(&self) -> &ReportOptions {
        &self.options
    }

    /// The analysis texts of the period the report shows.
    pub fn analyses(&self) -> &[Analysis] {
        &self.analyses
    }

    /// The same report with labels in another language.
    pub fn with_language(mut self, language: Language) -> Report {
        self.options.language = language;
        self
    }

    /// The language of the labels.
    pub fn language(&self) -> Language {
        self.options.language
    }

    /// The assessments the report is made from.
    pub fn assessments(&self) -> &Arc<Assessments> {
        &self.assessments
    }

    /// The judgements of the period the report takes into account.
    pub fn judgements(&self) -> &[Judgement] {
        &self.judgements
    }

    /// The number of tidy records: every row of the assessments.
    pub fn len(&self) -> usize {
        self.assessments.len()
    }

    /// Whether the report has no rows (a scorecard without measures).
    pub fn is_empty(&self) -> bool {
        self.assessments.is_empty()
    }

    /// The tidy record at a position (see [`Assessments::record`]), in constant time, with the
    /// verdict recorded on its row as its reported status.
    pub fn record(&self, position: usize) -> Option<Record> {
        self.record_of(self.assessments.rows().get(position)?)
    }

    /// Every tidy record, in row order, each with the verdict recorded on its row as its
    /// reported status.
    pub fn records(&self) -> Vec<Record> {
        self.assessments.rows().iter().filter_map(|row| self.record_of(row)).collect()
    }

    /// The record of one row, with its verdict as its reported status.
    fn record_of(&self, row: &Assessment) -> Option<Record> {
        let record = self.assessments.record_of(row)?;
        Some(match self.verdict_of(row) {
            Some(verdict) => record.judged(verdict),
            None => record,
        })
    }

    /// The verdict a person recorded on a row's measure for its sex, which is the row's
    /// reported status; only the rows of the report's unit have one (the judgements are the
    /// unit's).
    pub fn verdict_of(&self, row: &Assessment) -> Option<&Judgement> {
        (row.unit == self.unit).then(|| self.texts.verdict(row.measure, row.sex)).flatten()
    }

    /// A row's reported status: its verdict's ([`Report::verdict_of`]), or the computed one.
    pub fn reported_status(&self, row: &Assessment) -> crate::model::Status {
        self.verdict_of(row).map_or(row.verdict.status, |verdict| verdict.status)
    }

    /// The roll-up of the unit: goals, success factors, perspectives, counts and sentences.
    pub fn rollup(&self) -> &Rollup {
        &self.rollup
    }

    /// The unit's index in the scorecard; none for the organisation.
    pub fn unit(&self) -> Option<u32> {
        self.unit
    }

    /// The name of the unit reported on: the unit's name, or the organisation's.
    pub fn unit_name(&self) -> &str {
        let scorecard = self.assessments.scorecard();
        match self.unit {
            Some(unit) => scorecard.units.get(unit as usize).map_or(scorecard.organisation.as_str(), |u| &u.name),
            None => &scorecard.organisation,
        }
    }

    /// The rows of one measure (by index) for the report's unit, sex by sex.
    pub fn rows_of(&self, measure: u32) -> impl Iterator<Item = &Assessment> {
        self.assessments.rows_of(measure, self.unit)
    }

    /// The number of table rows the report shows: one per measure × sex of the unit, for the
    /// measures that sit under a success factor of a goal of a perspective.
    pub fn row_count(&self) -> usize {
        self.outline.measures().map(|measure| self.rows_of(measure).count()).sum()
    }

    /// The table rows of a success factor (by index), ready to render.
    pub(crate) fn table(&self, factor: usize) -> Vec<TableRow<'_>> {
        outline::table_rows(self, factor)
    }

    fn measure(&self, index: u32) -> Option<&Measure> {
        self.assessments.scorecard().measures.get(index as usize)
    }

    /// "Delårsrapport april 2020 (2020-DÅ04)".
    pub fn period_label(&self) -> String {
        let period = self.assessments.period();
        format!("{} {} ({period})", self.language().report(period.report), period.year)
    }
}
