//! The observations of a scorecard, indexed by period, measure, unit and sex, with the values
//! of parent units consolidated from their children (SPEC §4: by summing numerators and
//! denominators, or counts; never by averaging ratios).
//!
//! Each period is a table with one slot per measure × unit × sex: a dense array where most slots
//! are filled (national statistics), a hash map where few are (a plan followed up for the
//! organisation only), so that a lookup is an index computation either way.

use crate::model::{Observation, Outcome, Period, Scorecard, Sex};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// What is known for one unit, measure, period and sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The outcome.
    pub outcome: Outcome,
    /// The reference value (riket), if any.
    pub reference: Option<Decimal>,
    /// Whether the outcome was consolidated from child units rather than observed.
    pub consolidated: bool,
}

/// The slots of one period.
#[derive(Debug, Clone)]
enum Table {
    Dense(Vec<Option<Slot>>),
    Sparse(FxHashMap<u32, Slot>),
}

impl Table {
    fn get(&self, at: u32) -> Option<&Slot> {
        match self {
            Table::Dense(slots) => slots.get(at as usize)?.as_ref(),
            Table::Sparse(slots) => slots.get(&at),
        }
    }

    fn insert(&mut self, at: u32, slot: Slot) {
        match self {
            Table::Dense(slots) => slots[at as usize] = Some(slot),
            Table::Sparse(slots) => {
                slots.insert(at, slot);
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Table::Dense(slots) => slots.iter().filter(|s| s.is_some()).count(),
            Table::Sparse(slots) => slots.len(),
        }
    }
}

fn sex_index(sex: Sex) -> u32 {
    match sex {
        Sex::Total => 0,
        Sex::Women => 1,
        Sex::Men => 2,
    }
}

/// The observations of one period.
#[derive(Clone, Copy)]
pub(crate) struct PeriodView<'i> {
    index: &'i ObservationIndex,
    table: &'i Table,
}

impl<'i> PeriodView<'i> {
    /// What is known for a unit (none: the organisation), measure and sex.
    pub(crate) fn get(self, unit: Option<u32>, measure: u32, sex: Sex) -> Option<&'i Slot> {
        let unit = unit.unwrap_or(self.index.units - 1);
        self.table.get(self.index.at(measure, unit, sex))
    }
}

/// Observations ready for assessment. Build it once with [`ObservationIndex::new`] and assess
/// any number of periods and units against it.
#[derive(Debug, Clone, Default)]
pub struct ObservationIndex {
    /// Unit slots: the scorecard's units, then the organisation itself.
    units: u32,
    periods: Vec<(Period, Table)>,
    /// Observations that name a measure or unit the scorecard does not have; they are ignored
    /// (validate observations to find them).
    pub ignored: usize,
}

impl ObservationIndex {
    /// Indexes observations of a scorecard. A later observation of the same unit, measure,
    /// period and sex replaces an earlier one. Units without an observation of their own get the
    /// consolidation of all their children, where every child has one and the measure allows it:
    /// numerators and denominators sum; values sum for additive measures (counts, money,
    /// cumulative measures). The organisation consolidates the units without a parent.
    pub fn new(scorecard: &Scorecard, observations: &[Observation]) -> ObservationIndex {
        let measures: FxHashMap<&str, u32> =
            scorecard.measures.iter().enumerate().map(|(i, m)| (m.id.as_str(), i as u32)).collect();
        let units: FxHashMap<&str, u32> =
            scorecard.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i as u32)).collect();
        let organisation = scorecard.units.len() as u32;
        let mut index = ObservationIndex { units: organisation + 1, periods: Vec::new(), ignored: 0 };
        let size = scorecard.measures.len() as u64 * u64::from(index.units) * 3;
        let mut per_period: FxHashMap<Period, usize> = FxHashMap::default();
        for observation in observations {
            *per_period.entry(observation.period).or_default() += 1;
        }
        let mut periods: Vec<(Period, usize)> = per_period.into_iter().collect();
        periods.sort_unstable();
        for (period, count) in periods {
            // Dense when at least one slot in eight is observed and the table stays moderate.
            let dense = size <= u64::from(u32::MAX) && (count as u64) * 8 >= size && size <= 50_000_000;
            let table =
                if dense { Table::Dense(vec![None; size as usize]) } else { Table::Sparse(FxHashMap::default()) };
            index.periods.push((period, table));
        }
        let mut last: Option<(Period, usize)> = None;
        for observation in observations {
            let Some(&measure) = measures.get(observation.measure.as_str()) else {
                index.ignored += 1;
                continue;
            };
            let unit = match &observation.unit {
                None => organisation,
                Some(unit) => match units.get(unit.as_str()) {
                    Some(&unit) => unit,
                    None => {
                        index.ignored += 1;
                        continue;
                    }
                },
            };
            let table = match last {
                Some((period, table)) if period == observation.period => table,
                _ => {
                    let Some(table) = index.periods.iter().position(|(p, _)| *p == observation.period) else {
                        continue;
                    };
                    last = Some((observation.period, table));
                    table
                }
            };
            let at = index.at(measure, unit, observation.sex);
            let slot = Slot { outcome: observation.outcome, reference: observation.reference, consolidated: false };
            index.periods[table].1.insert(at, slot);
        }
        if !scorecard.units.is_empty() {
            index.consolidate(scorecard, &units);
        }
        index
    }

    fn at(&self, measure: u32, unit: u32, sex: Sex) -> u32 {
        (measure * self.units + unit) * 3 + sex_index(sex)
    }

    fn table(&self, period: Period) -> Option<&Table> {
        self.periods.iter().find(|(p, _)| *p == period).map(|(_, table)| table)
    }

    /// What is known for a unit (none: the organisation), measure, period and sex.
    pub fn get(&self, unit: Option<u32>, measure: u32, period: Period, sex: Sex) -> Option<&Slot> {
        self.period(period)?.get(unit, measure, sex)
    }

    /// The observations of one period, for repeated lookups without finding the period again.
    pub(crate) fn period(&self, period: Period) -> Option<PeriodView<'_>> {
        Some(PeriodView { index: self, table: self.table(period)? })
    }

    /// The periods that have observations, in order.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.periods.iter().map(|(period, _)| *period)
    }

    /// The number of unit × measure × period × sex entries, consolidated ones included.
    pub fn len(&self) -> usize {
        self.periods.iter().map(|(_, table)| table.len()).sum()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn consolidate(&mut self, scorecard: &Scorecard, units: &FxHashMap<&str, u32>) {
        let organisation = self.units - 1;
        let children = unit_children(scorecard, units);
        // Parents after all their descendants: depth-first post-order from the organisation.
        let mut order = Vec::with_capacity(self.units as usize);
        let mut stack = vec![(organisation, false)];
        let mut seen = vec![false; self.units as usize];
        while let Some((unit, expanded)) = stack.pop() {
            if expanded {
                order.push(unit);
                continue;
            }
            if std::mem::replace(&mut seen[unit as usize], true) {
                continue; // a cycle; validation reports it
            }
            stack.push((unit, true));
            stack.extend(children[unit as usize].iter().map(|&child| (child, false)));
        }
        let additive: Vec<bool> = scorecard.measures.iter().map(|m| m.is_additive()).collect();
        for table in 0..self.periods.len() {
            for &parent in &order {
                let kids = &children[parent as usize];
                if kids.is_empty() {
                    continue;
                }
                for (measure, &additive) in additive.iter().enumerate() {
                    for sex in [Sex::Total, Sex::Women, Sex::Men] {
                        let measure = measure as u32;
                        let (at, tables) = (self.at(measure, parent, sex), &self.periods[table].1);
                        if tables.get(at).is_some() {
                            continue;
                        }
                        let parts = kids.iter().map(|&kid| tables.get(self.at(measure, kid, sex)).map(|s| s.outcome));
                        if let Some(outcome) = sum(parts, additive) {
                            self.periods[table].1.insert(at, Slot { outcome, reference: None, consolidated: true });
                        }
                    }
                }
            }
        }
    }
}

/// The children of every unit, by index; the last entry is the organisation's (the units
/// without a parent, or whose parent is unknown).
pub(crate) fn unit_children(scorecard: &Scorecard, units: &FxHashMap<&str, u32>) -> Vec<Vec<u32>> {
    let organisation = scorecard.units.len();
    let mut children = vec![Vec::new(); organisation + 1];
    for (index, unit) in scorecard.units.iter().enumerate() {
        let parent = unit.parent.as_deref().and_then(|p| units.get(p)).map_or(organisation, |&p| p as usize);
        children[parent].push(index as u32);
    }
    children
}

/// The consolidation of the children's outcomes, if every child has one that adds up.
fn sum(parts: impl Iterator<Item = Option<Outcome>>, additive: bool) -> Option<Outcome> {
    let mut total: Option<Outcome> = None;
    for part in parts {
        total = Some(match (total, part?) {
            (None, Outcome::Ratio { numerator, denominator }) => Outcome::Ratio { numerator, denominator },
            (None, Outcome::Value(value)) if additive => Outcome::Value(value),
            (Some(Outcome::Ratio { numerator: n, denominator: d }), Outcome::Ratio { numerator, denominator }) => {
                Outcome::Ratio { numerator: n.checked_add(numerator)?, denominator: d.checked_add(denominator)? }
            }
            (Some(Outcome::Value(sum)), Outcome::Value(value)) if additive => Outcome::Value(sum.checked_add(value)?),
            _ => return None,
        });
    }
    total
}
