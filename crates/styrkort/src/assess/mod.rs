//! The assessment engine (SPEC §3): for every measure × unit × sex of a period, a status
//! (achieved, partially achieved, not achieved, not assessed with a reason), a trend and an
//! explanation; per measure the combined status of its sexes; the gender gaps.
//!
//! ```
//! use styrkort::assess::{Assessments, RuleSet, UnitSelection};
//! use styrkort::example::Example;
//!
//! let example = Example::norrbotten_2020()?;
//! let assessments = Assessments::new(example.scorecard, &example.observations, example.period, RuleSet::default(), &UnitSelection::All)?;
//! for row in assessments.rows().iter().take(3) {
//!     let measure = assessments.measure(row).map_or("?", |m| m.name.as_str());
//!     println!("{measure}: {} — {}", row.verdict.status, assessments.explain(row).sentence);
//! }
//! # Ok::<(), styrkort::Error>(())
//! ```

mod assessment;
mod engine;
mod evaluate;
mod explain;
mod gender;
mod index;
mod record;
mod rules;
mod stated_change;

pub use assessment::{Assessment, Comparison, Reason, Rule, Trend, Verdict};
pub use engine::{Engine, UnitSelection};
pub use explain::{Explanation, quantity_sv};
pub use gender::GenderGap;
pub(crate) use gender::gender_gaps as gender_gaps_with_rows;
pub(crate) use index::check_observations;
pub use index::{ObservationIndex, Slot};
pub use record::value_text;
pub use record::{CsvDialect, Record, records_to_csv, records_to_csv_with, records_to_json};
pub use rules::{RollupMethod, RollupPolicy, Rounding, RuleSet};

use crate::model::{Measure, MilestoneState, Observations, Period, Scorecard, Status};
use std::sync::Arc;

/// The error for a unit id the scorecard does not declare.
pub(crate) fn unknown_unit(id: &str) -> crate::Error {
    crate::Error::message(
        crate::ErrorKind::UnknownUnit,
        format!("unknown unit '{id}': expected an id of the scorecard's [[units]], or none for the organisation"),
    )
}

/// Rule 8 over the statuses of a measure's sex rows: every assessed row achieved → achieved; no
/// row achieved or partially achieved → not achieved; otherwise partially achieved; nothing
/// assessed → not assessed.
pub fn combine_sexes(statuses: &[Status]) -> Status {
    evaluate::combine_statuses(statuses).unwrap_or(Status::NotAssessed)
}

/// The assessments of one period: every row, with the scorecard and rule set they were made
/// with and the units they cover, so that names, explanations, roll-ups and reports can be
/// built from them. Owns its data (the scorecard is shared through an `Arc`).
#[derive(Debug, Clone)]
pub struct Assessments {
    engine: Engine,
    period: Period,
    selection: UnitSelection,
    rows: Vec<Assessment>,
    /// Where the rows of each measure × unit stand in `rows` (they are contiguous, sex by
    /// sex), sorted by measure and unit for a binary search: `(measure, unit, start, end)`,
    /// with the organisation as unit `u32::MAX`.
    spans: Vec<(u32, u32, u32, u32)>,
}

/// What assessments are made of, borrowed for serialising.
#[derive(serde::Serialize)]
struct AssessmentsRef<'a> {
    scorecard: &'a Scorecard,
    rules: &'a RuleSet,
    period: Period,
    selection: &'a UnitSelection,
    rows: &'a [Assessment],
}

/// What assessments are made of, owned for deserialising.
#[derive(serde::Deserialize)]
struct AssessmentsData {
    scorecard: Scorecard,
    rules: RuleSet,
    period: Period,
    selection: UnitSelection,
    rows: Vec<Assessment>,
}

impl serde::Serialize for Assessments {
    /// The scorecard, rule set, period, selection and rows; the engine is prepared again when
    /// they are read back (so that assessments travel to worker processes and back).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        AssessmentsRef {
            scorecard: self.scorecard(),
            rules: self.rules(),
            period: self.period,
            selection: &self.selection,
            rows: &self.rows,
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Assessments {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Assessments, D::Error> {
        let data = AssessmentsData::deserialize(deserializer)?;
        data.rules.validate().map_err(serde::de::Error::custom)?;
        let engine = Engine::new(data.scorecard, data.rules);
        Assessments::from_rows(engine, data.period, data.selection, data.rows).map_err(serde::de::Error::custom)
    }
}

impl Assessments {
    /// Assesses a scorecard's observations for a period, for the units selected.
    ///
    /// Fails, rather than leave anything out in silence, on a rule set out of range
    /// ([`RuleSet::validate`]), on a unit id the scorecard does not
    /// declare ([`ErrorKind::UnknownUnit`](crate::ErrorKind::UnknownUnit)) and on observations
    /// that name a measure or unit the scorecard does not have, a sex the measure is not split
    /// by, or the same unit, measure, period and sex twice
    /// ([`ErrorKind::Observations`](crate::ErrorKind::Observations), every one located).
    pub fn new(
        scorecard: impl Into<Arc<Scorecard>>,
        observations: &Observations,
        period: Period,
        rules: RuleSet,
        selection: &UnitSelection,
    ) -> Result<Assessments, crate::Error> {
        rules.validate()?;
        Assessments::with_engine(Engine::new(scorecard, rules), observations, period, selection)
    }

    /// The same with an engine prepared beforehand, such as one told how many threads to use
    /// ([`Engine::with_threads`]):
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
    /// let example = styrkort::example::Example::norrbotten_2020()?;
    /// let engine = Engine::new(example.scorecard, RuleSet::default()).with_threads(NonZeroUsize::MIN);
    /// let assessments =
    ///     Assessments::with_engine(engine, &example.observations, example.period, &UnitSelection::All)?;
    /// assert_eq!(assessments.engine().threads().get(), 1);
    /// # Ok::<(), styrkort::Error>(())
    /// ```
    pub fn with_engine(
        engine: Engine,
        observations: &Observations,
        period: Period,
        selection: &UnitSelection,
    ) -> Result<Assessments, crate::Error> {
        engine.rules().validate()?;
        let index = engine.index(observations)?;
        let rows = engine.assess(&index, period, selection)?;
        Assessments::from_rows(engine, period, selection.clone(), rows)
    }

    /// Wraps rows an [`Engine`] produced for a period and a selection of units, in the engine's
    /// order (the rows of one measure and unit together). Rows that name a measure or unit the
    /// engine's scorecard does not have are an error.
    pub fn from_rows(
        engine: Engine,
        period: Period,
        selection: UnitSelection,
        rows: Vec<Assessment>,
    ) -> Result<Assessments, crate::Error> {
        let scorecard = engine.scorecard();
        let (measures, units) = (scorecard.measures.len(), scorecard.units.len());
        let Ok(count) = u32::try_from(rows.len()) else {
            return Err(crate::Error::message(crate::ErrorKind::Value, "more than 4 294 967 295 assessments"));
        };
        // One span per run of rows of a measure and unit, found in one pass.
        let mut spans: Vec<(u32, u32, u32, u32)> = Vec::new();
        for (position, row) in rows.iter().enumerate() {
            if row.measure as usize >= measures || row.unit.is_some_and(|unit| unit as usize >= units) {
                return Err(crate::Error::message(
                    crate::ErrorKind::Value,
                    format!(
                        "assessment {position} names measure {} and unit {:?}: the scorecard has {measures} measures and {units} units",
                        row.measure, row.unit
                    ),
                ));
            }
            let position = u32::try_from(position).unwrap_or(count);
            let key = (row.measure, row.unit.unwrap_or(u32::MAX));
            match spans.last_mut() {
                Some((measure, unit, _, end)) if (*measure, *unit) == key => *end = position.saturating_add(1),
                _ => spans.push((key.0, key.1, position, position.saturating_add(1))),
            }
        }
        // Rows of a measure and unit stand together; a stray run widens the span, and
        // `rows_of` filters within it.
        spans.sort_unstable();
        spans.dedup_by(|later, kept| {
            let same = (later.0, later.1) == (kept.0, kept.1);
            if same {
                kept.3 = kept.3.max(later.3);
            }
            same
        });
        engine.units(&selection)?;
        Ok(Assessments { engine, period, selection, rows, spans })
    }

    /// The period assessed.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The units assessed.
    pub fn selection(&self) -> &UnitSelection {
        &self.selection
    }

    /// The unit a report of these assessments is about, by index: the selected unit, or the
    /// organisation (none) when the organisation or every unit was assessed.
    pub fn focus(&self) -> Option<u32> {
        match &self.selection {
            UnitSelection::Unit(id) => self.unit_index(id),
            UnitSelection::All | UnitSelection::Organisation => None,
        }
    }

    /// The engine: the scorecard and rule set, prepared.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The scorecard.
    pub fn scorecard(&self) -> &Scorecard {
        self.engine.scorecard()
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        self.engine.rules()
    }

    /// Every row: measure by measure in plan order, unit by unit, sex by sex.
    pub fn rows(&self) -> &[Assessment] {
        &self.rows
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows (a scorecard without measures).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The measure of a row.
    pub fn measure(&self, assessment: &Assessment) -> Option<&Measure> {
        self.scorecard().measures.get(assessment.measure as usize)
    }

    /// The unit id of a row; none for the organisation itself.
    pub fn unit_id(&self, assessment: &Assessment) -> Option<&str> {
        assessment.unit.and_then(|unit| Some(self.scorecard().units.get(unit as usize)?.id.as_str()))
    }

    /// The index of the unit with this id.
    pub fn unit_index(&self, id: &str) -> Option<u32> {
        (0u32..).zip(&self.scorecard().units).find(|(_, unit)| unit.id == id).map(|(index, _)| index)
    }

    /// Why a row came out as it did, structured and as a Swedish sentence.
    pub fn explain(&self, assessment: &Assessment) -> Explanation {
        let verdict = &assessment.verdict;
        let milestone = (verdict.rule == Rule::Milestone).then_some(match verdict.status {
            Status::Achieved => MilestoneState::Done,
            Status::PartiallyAchieved => MilestoneState::InProgress,
            _ => MilestoneState::NotStarted,
        });
        let target = self.engine.prepared(assessment.measure).and_then(|p| p.target_with_canonical(self.period.year));
        let deadline = target.and_then(|(target, ..)| evaluate::deadline_of(target, assessment.period, assessment.sex));
        explain::explain(assessment, self.measure(assessment), self.rules(), milestone, deadline)
    }

    /// The rows of one measure (by index) for one unit (none: the organisation).
    pub fn rows_of(&self, measure: u32, unit: Option<u32>) -> impl Iterator<Item = &Assessment> {
        let key = (measure, unit.unwrap_or(u32::MAX));
        let span = match self.spans.binary_search_by_key(&key, |&(m, u, ..)| (m, u)) {
            Ok(at) => self.spans.get(at).map_or(0..0, |&(.., start, end)| start as usize..end as usize),
            Err(_) => 0..0,
        };
        self.rows.get(span).unwrap_or_default().iter().filter(move |a| a.measure == measure && a.unit == unit)
    }

    /// Rule 8: the measure's combined status over its sex rows for a unit: every assessed row
    /// achieved → achieved; none achieved or partially achieved → not achieved; otherwise
    /// partially achieved; nothing assessed → not assessed.
    pub fn measure_status(&self, measure: u32, unit: Option<u32>) -> Status {
        let statuses: Vec<Status> = self.rows_of(measure, unit).map(|a| a.verdict.status).collect();
        combine_sexes(&statuses)
    }

    /// The gender gap of every measure split by sex, per unit, in row order.
    pub fn gender_gaps(&self) -> Vec<GenderGap> {
        gender::gender_gaps(self).into_iter().map(|(gap, _)| gap).collect()
    }
}
