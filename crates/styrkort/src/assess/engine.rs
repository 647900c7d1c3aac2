//! The engine: a scorecard and a rule set, prepared once (targets parsed, ids indexed), that
//! assesses every measure × unit × sex of a period against an [`ObservationIndex`].

use super::assessment::{Assessment, Reason, Rule, Trend, Verdict};
use super::evaluate::{Plan, Row, apply, plan};
use super::index::{ObservationIndex, PeriodView, sex_index, unit_children};
use super::rules::RuleSet;
use super::stated_change;
use crate::model::{MilestoneState, Observations, Outcome, Period, Polarity, ReportPoint, Scorecard, Sex, Status};
use crate::target::Target;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::num::NonZeroUsize;
use std::sync::Arc;

/// The period tables one measure is assessed with: the period's and its comparison base's.
#[derive(Clone, Copy)]
struct Tables<'i> {
    current: Option<PeriodView<'i>>,
    base: Option<PeriodView<'i>>,
}

/// What every row of one measure is assessed with.
#[derive(Clone, Copy)]
struct MeasureContext<'a> {
    index: &'a ObservationIndex,
    tables: Tables<'a>,
    measure: u32,
    prepared: &'a Prepared,
    period: Period,
}

/// Which units to assess. Serialised as `"all"`, `"organisation"` or `{"unit": "norr"}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitSelection {
    /// The organisation itself (observations without a unit) and, when the scorecard has units,
    /// every unit.
    #[default]
    All,
    /// The organisation itself only.
    Organisation,
    /// One unit, by id.
    Unit(String),
}

/// A measure prepared for assessment: what every row of it needs, worked out once.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    reported: [bool; 3],
    /// Per year the plan states a target for: the year of the cell that states it, the target
    /// read by the target language, and its canonical text.
    targets: Vec<(i32, i32, Target, String)>,
    polarity: Polarity,
    cumulative: bool,
    percent: bool,
    sexes: Vec<Sex>,
    comparison_base: Option<Period>,
    /// Where the measure stands in the plan: its success factor, goal and perspective (by
    /// index), where the references resolve.
    pub(crate) place: Place,
}

/// Where a measure stands in the plan, by index into the scorecard's tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) success_factor: Option<u32>,
    pub(crate) goal: Option<u32>,
    pub(crate) perspective: Option<u32>,
}

impl Prepared {
    fn target(&self, year: i32) -> Option<&Target> {
        self.targets.iter().find(|(y, ..)| *y == year).map(|(_, _, target, _)| target)
    }

    /// The target for a year with its canonical text and the year of the plan's cell that
    /// states it.
    pub(crate) fn target_with_canonical(&self, year: i32) -> Option<(&Target, &str, i32)> {
        self.targets
            .iter()
            .find(|(y, ..)| *y == year)
            .map(|(_, cell, target, canonical)| (target, canonical.as_str(), *cell))
    }
}

/// A scorecard and rule set ready to assess.
#[derive(Debug, Clone)]
pub struct Engine {
    scorecard: Arc<Scorecard>,
    rules: RuleSet,
    measures: Vec<Prepared>,
    /// Children per unit index; the last entry is the organisation's (units without a parent).
    children: Vec<Vec<u32>>,
    /// How many threads a large assessment is shared among.
    threads: NonZeroUsize,
}

/// Below this many rows an assessment runs on the calling thread alone: starting threads
/// would cost more than it saves.
const PARALLEL_ROWS: usize = 20_000;

/// Consecutive runs of measures, at most `threads` of them, with about as many rows each
/// (`rows` per measure, in plan order); none when there are no measures.
fn runs(rows: &[usize], threads: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = rows.iter().sum();
    let share = total.div_ceil(threads.max(1)).max(1);
    let mut runs = Vec::with_capacity(threads);
    let (mut start, mut filled) = (0, 0usize);
    for (measure, &count) in rows.iter().enumerate() {
        filled = filled.saturating_add(count);
        if filled >= share && runs.len().saturating_add(1) < threads {
            let end = measure.saturating_add(1);
            runs.push(start..end);
            (start, filled) = (end, 0);
        }
    }
    if start < rows.len() {
        runs.push(start..rows.len());
    }
    runs
}

impl Engine {
    /// Prepares a scorecard: every target text is read by the target language once (lenient).
    pub fn new(scorecard: impl Into<Arc<Scorecard>>, rules: RuleSet) -> Engine {
        let scorecard: Arc<Scorecard> = scorecard.into();
        let position = |ids: &mut dyn Iterator<Item = &str>| -> FxHashMap<String, u32> {
            let mut positions = FxHashMap::default();
            for (index, id) in (0u32..).zip(ids) {
                positions.entry(id.to_owned()).or_insert(index);
            }
            positions
        };
        let factors = position(&mut scorecard.success_factors.iter().map(|f| f.id.as_str()));
        let goals = position(&mut scorecard.goals.iter().map(|g| g.id.as_str()));
        let perspectives = position(&mut scorecard.perspectives.iter().map(|p| p.id.as_str()));
        let measures = scorecard
            .measures
            .iter()
            .map(|measure| {
                let success_factor = factors.get(&measure.success_factor).copied();
                let goal = success_factor
                    .and_then(|f| scorecard.success_factors.get(f as usize))
                    .and_then(|factor| goals.get(&factor.goal).copied());
                let perspective = goal
                    .and_then(|g| scorecard.goals.get(g as usize))
                    .and_then(|goal| perspectives.get(&goal.perspective).copied());
                Prepared {
                    reported: ReportPoint::ALL.map(|report| measure.is_reported_at(report)),
                    targets: measure
                        .target_years()
                        .into_iter()
                        .filter_map(|(year, cell)| {
                            let target = measure.target(cell)?;
                            let canonical = target.to_string();
                            Some((year, cell, target, canonical))
                        })
                        .collect(),
                    polarity: measure.polarity,
                    cumulative: measure.accumulation == crate::model::Accumulation::Cumulative,
                    percent: measure.unit.is_percent(),
                    sexes: measure.sexes.clone(),
                    comparison_base: measure.comparison_base,
                    place: Place { success_factor, goal, perspective },
                }
            })
            .collect();
        let units = scorecard.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i as u32)).collect();
        let children = unit_children(&scorecard, &units);
        let threads = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
        Engine { scorecard, rules, measures, children, threads }
    }

    /// The same engine, sharing a large assessment among at most `threads` threads (one: the
    /// calling thread only). [`Engine::new`] takes as many as the machine has cores
    /// ([`std::thread::available_parallelism`]). The rows are the same whatever the number.
    pub fn with_threads(mut self, threads: NonZeroUsize) -> Engine {
        self.threads = threads;
        self
    }

    /// How many threads a large assessment is shared among.
    pub fn threads(&self) -> NonZeroUsize {
        self.threads
    }

    /// The prepared form of a measure, by index.
    pub(crate) fn prepared(&self, measure: u32) -> Option<&Prepared> {
        self.measures.get(measure as usize)
    }

    /// The units a selection names, by index (none: the organisation), in assessment order;
    /// an unknown unit id is an error.
    pub fn units(&self, selection: &UnitSelection) -> Result<Vec<Option<u32>>, crate::Error> {
        let units = &self.scorecard.units;
        Ok(match selection {
            UnitSelection::Organisation => vec![None],
            UnitSelection::All => std::iter::once(None).chain((0u32..).zip(units).map(|(i, _)| Some(i))).collect(),
            UnitSelection::Unit(id) => match (0u32..).zip(units).find(|(_, unit)| &unit.id == id) {
                Some((index, _)) => vec![Some(index)],
                None => return Err(super::unknown_unit(id)),
            },
        })
    }

    /// The scorecard.
    pub fn scorecard(&self) -> &Arc<Scorecard> {
        &self.scorecard
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Indexes observations for this scorecard (see [`ObservationIndex::new`]); observations
    /// that do not fit the scorecard are an error.
    pub fn index(&self, observations: &Observations) -> Result<ObservationIndex, crate::Error> {
        ObservationIndex::new(&self.scorecard, observations)
    }

    /// Assesses every measure × selected unit × sex of a period.
    ///
    /// Rows come measure by measure in plan order; within a measure, unit by unit (the
    /// organisation first), and within a unit in the measure's order of sexes. A unit id the
    /// scorecard does not declare is an error of kind [`UnknownUnit`](crate::ErrorKind::UnknownUnit).
    ///
    /// A large assessment is shared among the engine's threads ([`Engine::with_threads`]),
    /// each taking a run of consecutive measures; the rows are the same, in the same order, as
    /// on one thread.
    pub fn assess(
        &self,
        index: &ObservationIndex,
        period: Period,
        selection: &UnitSelection,
    ) -> Result<Vec<Assessment>, crate::Error> {
        let mut rows = Vec::new();
        self.assess_into(index, period, selection, &mut rows)?;
        Ok(rows)
    }

    /// The same into a vector of rows kept from an earlier assessment: its old rows are
    /// cleared and its memory reused, which saves a large assessment the cost of fresh memory
    /// (a period of the national set is 90 MB of rows). On an error `rows` is left as it was.
    pub fn assess_into(
        &self,
        index: &ObservationIndex,
        period: Period,
        selection: &UnitSelection,
        rows: &mut Vec<Assessment>,
    ) -> Result<(), crate::Error> {
        let units = self.units(selection)?;
        let rows_of = |prepared: &Prepared| prepared.sexes.len().saturating_mul(units.len());
        let per_measure: Vec<usize> = self.measures.iter().map(rows_of).collect();
        let total: usize = per_measure.iter().sum();
        let threads = if total < PARALLEL_ROWS { 1 } else { self.threads.get() };
        let runs = runs(&per_measure, threads);
        let assess_run = |run: &std::ops::Range<usize>, into: &mut Vec<Assessment>| {
            let measures = self.measures.get(run.clone()).unwrap_or_default();
            for (measure, prepared) in (run.start..).zip(measures) {
                self.assess_measure(index, period, &units, measure as u32, prepared, into);
            }
        };
        rows.clear();
        rows.reserve(total);
        let Some((first, rest)) = runs.split_first() else { return Ok(()) };
        if rest.is_empty() {
            assess_run(first, rows);
            return Ok(());
        }
        std::thread::scope(|scope| {
            let others: Vec<_> = rest
                .iter()
                .map(|run| {
                    let size = per_measure.get(run.clone()).map_or(0, |rows| rows.iter().sum());
                    scope.spawn(move || {
                        let mut part = Vec::with_capacity(size);
                        assess_run(run, &mut part);
                        part
                    })
                })
                .collect();
            // This thread takes the first run, writing straight into the result.
            assess_run(first, rows);
            for other in others {
                match other.join() {
                    Ok(part) => rows.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        Ok(())
    }

    /// Assesses one measure for every unit and sex, appending its rows.
    fn assess_measure(
        &self,
        index: &ObservationIndex,
        period: Period,
        units: &[Option<u32>],
        measure: u32,
        prepared: &Prepared,
        assessments: &mut Vec<Assessment>,
    ) {
        let report = ReportPoint::ALL.iter().position(|r| *r == period.report).unwrap_or(2);
        let tables = Tables {
            current: index.period(period),
            base: index.period(prepared.comparison_base.unwrap_or_else(|| period.year_before())),
        };
        let plans: Vec<Option<Plan<'_>>> = prepared
            .sexes
            .iter()
            .map(|&sex| {
                if !prepared.reported.get(report).copied().unwrap_or(true) {
                    return Some(Plan::Fixed(Verdict::not_assessed(Reason::NotReportedThisPeriod, Rule::NotReported)));
                }
                let target = prepared.target(period.year)?;
                Some(plan(target, &self.rules, prepared.polarity, prepared.cumulative, period, sex))
            })
            .collect();
        let context = MeasureContext { index, tables, measure, prepared, period };
        for &unit in units {
            // The slots of this measure and unit, found once for all its sexes.
            let cell = index.cell(measure, unit);
            for (&sex, plan) in prepared.sexes.iter().zip(&plans) {
                assessments.push(self.assess_row(&context, plan.as_ref(), unit, cell, sex));
            }
        }
    }

    fn assess_row(
        &self,
        context: &MeasureContext<'_>,
        plan: Option<&Plan<'_>>,
        unit: Option<u32>,
        cell: Option<usize>,
        sex: Sex,
    ) -> Assessment {
        let MeasureContext { index, tables, measure, prepared, period } = *context;
        let at = cell.and_then(|cell| cell.checked_add(sex_index(sex)));
        let value_of = |period: Period, sex: Sex| {
            let slot = index.get(unit, measure, period, sex)?;
            Some((slot.outcome.value(prepared.percent)?, slot.reference))
        };
        let slot = tables.current.zip(at).and_then(|(table, at)| table.find(at));
        let observed = slot.and_then(|slot| slot.value(prepared.percent));
        let comparison_period = prepared.comparison_base.unwrap_or_else(|| period.year_before());
        let base = tables.base.zip(at).and_then(|(table, at)| table.find(at)?.value(prepared.percent));
        // An outcome stated only as a change: with the comparison value it gives the value;
        // without, the change itself is judged.
        let stated = if observed.is_none() { slot.and_then(|slot| slot.change()) } else { None };
        let value = observed.or_else(|| stated.zip(base).and_then(|(change, base)| change.apply(base)));
        let trend = match (value, stated) {
            (None, Some(change)) => stated_change::trend(change, prepared.polarity, self.rules.trend_band),
            _ => trend(value, base, prepared.polarity, self.rules.trend_band),
        };
        let reference = match (tables.current, slot, at) {
            (Some(table), Some(slot), Some(at)) => table.reference(at, slot),
            _ => None,
        };
        let outcome = if value.is_some() { None } else { slot.and_then(|slot| slot.outcome()) };
        let decided: Verdict = if let Some(Plan::Fixed(verdict @ Verdict { rule: Rule::NotReported, .. })) = plan {
            *verdict
        } else if let (None, Some(change)) = (value, stated) {
            match plan {
                None => Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget),
                Some(plan) => {
                    let row = stated_change::ChangeRow {
                        rules: &self.rules,
                        polarity: prepared.polarity,
                        period,
                        comparison_period,
                        percent: prepared.percent,
                    };
                    stated_change::judge(plan, change, &row)
                }
            }
        } else if let Some(Outcome::Milestone(state)) = outcome {
            milestone(state)
        } else if let Some(Outcome::Missing(reason)) = outcome {
            match plan {
                None => Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget),
                Some(_) => Verdict::not_assessed(Reason::Missing(reason), Rule::Data),
            }
        } else {
            match plan {
                None => Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget),
                Some(plan) => {
                    let children = || {
                        let kids = self.children.get(unit.map_or(self.scorecard.units.len(), |u| u as usize))?;
                        if kids.is_empty() {
                            return None;
                        }
                        Some(
                            kids.iter()
                                .map(|&kid| {
                                    index
                                        .get(Some(kid), measure, period, sex)
                                        .and_then(|s| s.outcome.value(prepared.percent))
                                })
                                .collect(),
                        )
                    };
                    let row = Row {
                        rules: &self.rules,
                        polarity: prepared.polarity,
                        cumulative: prepared.cumulative,
                        period,
                        sex,
                        value,
                        reference,
                        lookup: &value_of,
                        comparison_period,
                        base,
                        children: &children,
                    };
                    apply(plan, &row)
                }
            }
        };
        let mut verdict = decided;
        if verdict.status == Status::NotAchieved && trend == Trend::Improved && self.rules.improving_counts_as_partial {
            verdict.status = Status::PartiallyAchieved;
        }
        verdict.trend = trend;
        if !verdict.rule.is_stated_change() {
            verdict.value = value;
        }
        // The trend's base stands unless the rule used a base of its own; a missing base the
        // rule needed is named by its period.
        if verdict.base.is_none() {
            if verdict.reason != Some(Reason::NoComparison) && !verdict.rule.is_stated_change() {
                verdict.base_period = base.map(|_| comparison_period);
            }
            verdict.base = base;
        }
        if verdict.reference.is_none() {
            verdict.reference = reference;
        }
        Assessment { measure, unit, period, sex, verdict }
    }
}

/// Rule 9: genomförd → achieved, pågår → partially achieved, ej påbörjad → not achieved.
fn milestone(state: MilestoneState) -> Verdict {
    let status = match state {
        MilestoneState::Done => Status::Achieved,
        MilestoneState::InProgress => Status::PartiallyAchieved,
        MilestoneState::NotStarted => Status::NotAchieved,
    };
    Verdict::decided(status, Rule::Milestone)
}

/// Rule 10: the value against the comparison base, following polarity; a change within the
/// trend band (a fraction of the base) is unchanged.
pub(crate) fn trend(value: Option<Decimal>, base: Option<Decimal>, polarity: Polarity, band: Decimal) -> Trend {
    use std::cmp::Ordering;
    let (Some(value), Some(base)) = (value, base) else { return Trend::None };
    let order = value.cmp(&base);
    let within_band = match order {
        Ordering::Equal => true,
        _ if band.is_zero() => false,
        _ => value.saturating_sub(base).abs() <= band.saturating_mul(base.abs()),
    };
    match (within_band, polarity, order) {
        (true, ..) => Trend::Unchanged,
        (false, Polarity::HigherIsBetter, Ordering::Greater) | (false, Polarity::LowerIsBetter, Ordering::Less) => {
            Trend::Improved
        }
        (false, Polarity::Neutral, _) => Trend::None,
        (false, ..) => Trend::Worsened,
    }
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one run is a run, not a range to collect
    fn runs_are_consecutive_cover_every_measure_and_share_the_rows() {
        assert_eq!(runs(&[3, 3, 3, 3], 2), [0..2, 2..4]);
        assert_eq!(runs(&[3, 1, 1, 1, 3, 3], 2), [0..4, 4..6], "about half the rows each");
        assert_eq!(runs(&[3, 3, 3], 1), [0..3]);
        assert_eq!(runs(&[3, 3], 8), [0..1, 1..2], "no more runs than measures");
        assert_eq!(runs(&[0, 0, 3], 2), [0..3], "empty measures go with the next");
        assert!(runs(&[], 4).is_empty());
        for threads in 1..9 {
            let rows: Vec<usize> = (0..50).map(|m| m % 4).collect();
            let runs = runs(&rows, threads);
            assert!(runs.len() <= threads);
            assert_eq!(runs.first().map(|r| r.start), Some(0));
            assert_eq!(runs.last().map(|r| r.end), Some(50));
            assert!(runs.windows(2).all(|w| w[0].end == w[1].start), "{runs:?}");
        }
    }
}
