//! The observations of a scorecard, indexed by unit, measure, period and sex, with the values of
//! parent units consolidated from their children (SPEC §4: by summing numerators and
//! denominators, or counts; never by averaging ratios).

use crate::model::{Observation, Outcome, Period, Scorecard, Sex};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// The organisation itself, as a unit index: observations without a unit.
pub(crate) const ORGANISATION: u32 = u32::MAX;

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

type Key = (u32, u32, Period, Sex);

/// Observations ready for assessment. Build it once with [`ObservationIndex::new`] and assess
/// any number of periods and units against it.
#[derive(Debug, Clone, Default)]
pub struct ObservationIndex {
    slots: FxHashMap<Key, Slot>,
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
        let mut index = ObservationIndex { slots: FxHashMap::default(), ignored: 0 };
        index.slots.reserve(observations.len());
        for observation in observations {
            let Some(&measure) = measures.get(observation.measure.as_str()) else {
                index.ignored += 1;
                continue;
            };
            let unit = match &observation.unit {
                None => ORGANISATION,
                Some(unit) => match units.get(unit.as_str()) {
                    Some(&unit) => unit,
                    None => {
                        index.ignored += 1;
                        continue;
                    }
                },
            };
            let slot = Slot { outcome: observation.outcome, reference: observation.reference, consolidated: false };
            index.slots.insert((unit, measure, observation.period, observation.sex), slot);
        }
        if !scorecard.units.is_empty() {
            index.consolidate(scorecard, &units);
        }
        index
    }

    /// What is known, if anything.
    pub fn get(&self, unit: Option<u32>, measure: u32, period: Period, sex: Sex) -> Option<&Slot> {
        self.slots.get(&(unit.unwrap_or(ORGANISATION), measure, period, sex))
    }

    /// The number of unit × measure × period × sex entries, consolidated ones included.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn consolidate(&mut self, scorecard: &Scorecard, units: &FxHashMap<&str, u32>) {
        // Children per parent (the organisation is the parent of units without one).
        let mut children: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (index, unit) in scorecard.units.iter().enumerate() {
            let parent = unit.parent.as_deref().and_then(|p| units.get(p).copied()).unwrap_or(ORGANISATION);
            children.entry(parent).or_default().push(index as u32);
        }
        // Parents after all their descendants: depth-first post-order from the organisation.
        let mut order = Vec::with_capacity(scorecard.units.len() + 1);
        let mut stack = vec![(ORGANISATION, false)];
        let mut seen = rustc_hash::FxHashSet::default();
        while let Some((unit, expanded)) = stack.pop() {
            if expanded {
                order.push(unit);
                continue;
            }
            if !seen.insert(unit) {
                continue; // a cycle; validation reports it
            }
            stack.push((unit, true));
            for &child in children.get(&unit).into_iter().flatten() {
                stack.push((child, false));
            }
        }
        let mut by_unit: FxHashMap<u32, Vec<(u32, Period, Sex)>> = FxHashMap::default();
        for &(unit, measure, period, sex) in self.slots.keys() {
            by_unit.entry(unit).or_default().push((measure, period, sex));
        }
        for parent in order {
            let Some(kids) = children.get(&parent) else { continue };
            let mut keys: Vec<(u32, Period, Sex)> =
                kids.iter().filter_map(|kid| by_unit.get(kid)).flatten().copied().collect();
            keys.sort_unstable();
            keys.dedup();
            for (measure, period, sex) in keys {
                if self.slots.contains_key(&(parent, measure, period, sex)) {
                    continue;
                }
                let additive = scorecard.measures[measure as usize].is_additive();
                let parts = kids.iter().map(|&kid| self.slots.get(&(kid, measure, period, sex)).map(|s| s.outcome));
                if let Some(outcome) = sum(parts, additive) {
                    self.slots
                        .insert((parent, measure, period, sex), Slot { outcome, reference: None, consolidated: true });
                    by_unit.entry(parent).or_default().push((measure, period, sex));
                }
            }
        }
    }
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
