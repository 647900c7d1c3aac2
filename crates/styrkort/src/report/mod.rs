//! The goal-fulfilment report, "Bilaga måluppfyllelse i perspektiv" (SPEC §5): for one unit and
//! period, per perspective the summary sentence and a chart of the goals' statuses, per
//! strategic goal the samlad bedömning with its motivation, forecast and a flag where it differs
//! from the computed suggestion, and per success factor the table
//! `Styrmått | Styrelse/nämnd | K/M | Mål <år> | Måluppfyllelse | Utveckling`, one row per sex.
//!
//! A [`Report`] is built once from [`Assessments`] (the roll-up is computed inside, the rows are
//! indexed by measure in one pass) and rendered as HTML ([`Report::to_html`]: one
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
//! );
//! let report = Report::new(&assessments, &example.judgements, None)?;
//! let html = report.to_html();
//! assert!(html.contains("ett av de 20 strategiska målen helt har uppnåtts"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chart;
mod escape;
mod gender;
mod html;
mod language;
mod markdown;
mod outline;
mod text;
mod tidy;

pub use escape::{escape_html, push_escaped};
pub use gender::GenderRow;
pub use language::{Language, status_shape};
pub use outline::TableRow;

use crate::assess::{Assessment, Assessments};
use crate::model::{Judgement, Measure};
use crate::rollup::Rollup;
use outline::Outline;

/// The goal-fulfilment report of one unit for the period of a set of assessments.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    assessments: &'a Assessments,
    unit: Option<u32>,
    rollup: Rollup,
    language: Language,
    outline: Outline,
}

impl<'a> Report<'a> {
    /// Builds the report of one unit (by id; none: the organisation itself) from assessments
    /// and the judgements recorded (those of other periods are ignored). The assessments may
    /// hold other units too; only the unit's rows are used.
    pub fn new(
        assessments: &'a Assessments,
        judgements: &[Judgement],
        unit: Option<&str>,
    ) -> Result<Report<'a>, crate::Error> {
        let scorecard = assessments.scorecard();
        let unit = match unit {
            None => None,
            Some(id) => Some(
                scorecard
                    .units
                    .iter()
                    .position(|u| u.id == id)
                    .map(|index| index as u32)
                    .ok_or_else(|| crate::assess::unknown_unit(id))?,
            ),
        };
        Ok(Report {
            assessments,
            unit,
            rollup: assessments.rollup(unit, judgements),
            language: Language::default(),
            outline: Outline::new(scorecard),
        })
    }

    /// The same report with labels in another language.
    pub fn with_language(mut self, language: Language) -> Report<'a> {
        self.language = language;
        self
    }

    /// The language of the labels.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The assessments the report is made from.
    pub fn assessments(&self) -> &'a Assessments {
        self.assessments
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
    pub fn rows_of(&self, measure: u32) -> impl Iterator<Item = &'a Assessment> + use<'a> {
        self.assessments.rows_of(measure, self.unit)
    }

    /// The number of table rows the report shows: one per measure × sex of the unit, for the
    /// measures that sit under a success factor of a goal of a perspective.
    pub fn row_count(&self) -> usize {
        self.outline.measures().map(|measure| self.rows_of(measure).count()).sum()
    }

    /// The table rows of a success factor (by index), ready to render.
    pub fn table(&self, factor: usize) -> Vec<TableRow<'a>> {
        outline::table_rows(self, factor)
    }

    fn measure(&self, index: u32) -> Option<&'a Measure> {
        self.assessments.scorecard().measures.get(index as usize)
    }

    /// "Delårsrapport april 2020 (2020-DÅ04)".
    pub fn period_label(&self) -> String {
        let period = self.assessments.period();
        format!("{} {} ({period})", self.language.report(period.report), period.year)
    }
}
