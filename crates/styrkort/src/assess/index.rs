//! The observations of a scorecard, indexed by period, measure, unit and sex, with the values
//! of parent units consolidated from their children (SPEC §4: by summing numerators and
//! denominators, or counts; never by averaging ratios).
//!
//! Each period is a table with one slot per measure × unit × sex: a dense array where most slots
//! are filled (national statistics), a hash map where few are (a plan followed up for the
//! organisation only), so that a lookup is an index computation either way. Slots hold the
//! packed form of an outcome (36 bytes), and the index is built from the observations' interned
//! ids: each distinct id is looked up in the scorecard once, not once per row.
//!
//! Building the index is also where observations are checked against the scorecard: an
//! observation of a measure or unit the scorecard does not have, of a sex its measure is not
//! split by, with a denominator that is not positive, or a second one for the same unit,
//! measure, period and sex, is a located diagnostic, never left out in silence.

use crate::error::{Diagnostic, Error, ErrorKind};
use crate::model::observations::ORGANISATION;
use crate::model::packed::Packed;
use crate::model::{Observations, Outcome, Period, Scorecard, Sex};
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
enum Slots {
    Dense(Vec<Packed>),
    Sparse(FxHashMap<usize, Packed>),
}

/// The observations of one period.
#[derive(Debug, Clone)]
struct Table {
    period: Period,
    slots: Slots,
    /// References of ratio slots, which do not fit the packed form.
    ratio_references: FxHashMap<usize, Decimal>,
}

impl Table {
    #[inline]
    fn packed(&self, at: usize) -> Option<Packed> {
        let packed = match &self.slots {
            Slots::Dense(slots) => *slots.get(at)?,
            Slots::Sparse(slots) => *slots.get(&at)?,
        };
        (!packed.is_empty()).then_some(packed)
    }

    fn slot(&self, at: usize) -> Option<Slot> {
        let packed = self.packed(at)?;
        Some(Slot {
            outcome: packed.outcome()?,
            reference: packed.reference(|| self.ratio_references.get(&at).copied()),
            consolidated: packed.is_consolidated(),
        })
    }

    fn insert(&mut self, at: usize, packed: Packed, ratio_reference: Option<Decimal>) {
        match &mut self.slots {
            Slots::Dense(slots) => {
                if let Some(slot) = slots.get_mut(at) {
                    *slot = packed;
                }
            }
            Slots::Sparse(slots) => {
                slots.insert(at, packed);
            }
        }
        if let Some(reference) = ratio_reference {
            self.ratio_references.insert(at, reference);
        }
    }

    fn len(&self) -> usize {
        match &self.slots {
            Slots::Dense(slots) => slots.iter().filter(|s| !s.is_empty()).count(),
            Slots::Sparse(slots) => slots.len(),
        }
    }
}

/// The position of a sex within a measure × unit's three slots.
#[inline]
pub(crate) fn sex_index(sex: Sex) -> usize {
    match sex {
        Sex::Total => 0,
        Sex::Women => 1,
        Sex::Men => 2,
    }
}

/// The observations of one period, for repeated lookups without finding the period again.
#[derive(Clone, Copy)]
pub(crate) struct PeriodView<'i> {
    index: &'i ObservationIndex,
    table: &'i Table,
}

impl<'i> PeriodView<'i> {
    /// What is known for a unit (none: the organisation), measure and sex.
    pub(crate) fn get(self, unit: Option<u32>, measure: u32, sex: Sex) -> Option<Slot> {
        self.table.slot(self.index.at(measure, self.index.unit_slot(unit), sex)?)
    }

    /// The packed slot at a position ([`ObservationIndex::cell`] plus the sex's place): the
    /// engine's lookup, which mostly needs only the value.
    #[inline]
    pub(crate) fn find(self, at: usize) -> Option<Packed> {
        self.table.packed(at)
    }

    /// The reference value of the packed slot found at a position.
    pub(crate) fn reference(self, at: usize, packed: Packed) -> Option<Decimal> {
        packed.reference(|| self.table.ratio_references.get(&at).copied())
    }
}

/// Observations ready for assessment. Build it once with [`ObservationIndex::new`] and assess
/// any number of periods and units against it.
#[derive(Debug, Clone, Default)]
pub struct ObservationIndex {
    /// Unit slots: the scorecard's units, then the organisation itself.
    units: usize,
    tables: Vec<Table>,
}

impl ObservationIndex {
    /// Indexes observations of a scorecard. Units without an observation of their own get the
    /// consolidation of all their children, where every child has one and the measure allows
    /// it: numerators and denominators are summed, and values of additive measures (counts,
    /// money, cumulative measures); ratios are never averaged.
    ///
    /// Every observation that does not fit the scorecard is an error of kind
    /// [`ErrorKind::Observations`], each located where the observation came from.
    pub fn new(scorecard: &Scorecard, observations: &Observations) -> Result<ObservationIndex, Error> {
        let (index, diagnostics) = ObservationIndex::build(scorecard, observations);
        Error::check(ErrorKind::Observations, index, diagnostics)
    }

    /// The index and every problem of the observations against the scorecard.
    pub(crate) fn build(scorecard: &Scorecard, observations: &Observations) -> (ObservationIndex, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let measure_ids: FxHashMap<&str, u32> =
            (0u32..).zip(&scorecard.measures).map(|(i, m)| (m.id.as_str(), i)).collect();
        let unit_ids: FxHashMap<&str, u32> = (0u32..).zip(&scorecard.units).map(|(i, u)| (u.id.as_str(), i)).collect();
        // Each interned id looked up once.
        let ids = observations.ids();
        let measure_of: Vec<Option<u32>> = ids.iter().map(|id| measure_ids.get(&**id).copied()).collect();
        let unit_of: Vec<Option<u32>> = ids.iter().map(|id| unit_ids.get(&**id).copied()).collect();
        let mut index = ObservationIndex { units: scorecard.units.len().saturating_add(1), tables: Vec::new() };
        let size = scorecard.measures.len().saturating_mul(index.units).saturating_mul(3);
        let mut per_period: FxHashMap<Period, usize> = FxHashMap::default();
        for row in observations.rows() {
            let count = per_period.entry(row.period).or_default();
            *count = count.saturating_add(1);
        }
        let mut periods: Vec<(Period, usize)> = per_period.into_iter().collect();
        periods.sort_unstable();
        for (period, count) in periods {
            // Dense when at least one slot in eight is observed and the table stays moderate.
            let dense = count.saturating_mul(8) >= size && size <= 50_000_000;
            let slots =
                if dense { Slots::Dense(vec![Packed::EMPTY; size]) } else { Slots::Sparse(FxHashMap::default()) };
            index.tables.push(Table { period, slots, ratio_references: FxHashMap::default() });
        }
        let mut duplicates: Vec<(usize, usize, usize)> = Vec::new();
        let mut last: Option<(Period, usize)> = None;
        for (position, row) in observations.rows().iter().enumerate() {
            let problem = |field: &str, message: String| {
                let mut location = observations.location(position);
                location.field = Some(field.to_owned());
                Diagnostic::new(location, message)
            };
            let id = |index: u32| observations.id(index).unwrap_or_default();
            let measure = measure_of.get(row.measure as usize).copied().flatten();
            let sex = row.sex();
            let mut fits = true;
            match measure.and_then(|m| scorecard.measures.get(m as usize)) {
                None => {
                    fits = false;
                    diagnostics.push(problem(
                        "measure",
                        format!(
                            "unknown measure '{}': expected an id of the scorecard's [[measures]]",
                            id(row.measure)
                        ),
                    ));
                }
                Some(measure) if !measure.sexes.contains(&sex) => {
                    fits = false;
                    diagnostics
                        .push(problem("sex", crate::model::validate::sex_not_split(&measure.id, sex, &measure.sexes)));
                }
                Some(_) => {}
            }
            let unit = if row.unit == ORGANISATION {
                Some(index.units.saturating_sub(1))
            } else {
                let unit = unit_of.get(row.unit as usize).copied().flatten().map(|u| u as usize);
                if unit.is_none() {
                    fits = false;
                    let expected = if scorecard.units.is_empty() {
                        "the scorecard declares no [[units]]; leave unit empty for the organisation itself"
                    } else {
                        "expected an id of the scorecard's [[units]]"
                    };
                    diagnostics.push(problem("unit", format!("unknown unit '{}': {expected}", id(row.unit))));
                }
                unit
            };
            let outcome = row.packed.outcome();
            if let Some(Outcome::Ratio { denominator, .. }) = outcome
                && denominator <= Decimal::ZERO
            {
                fits = false;
                diagnostics.push(problem(
                    "denominator",
                    format!("denominator {denominator} is not positive: expected a count above 0"),
                ));
            }
            let (Some(measure), Some(unit), true) = (measure, unit, fits) else { continue };
            let table_index = match last {
                Some((period, table)) if period == row.period => table,
                _ => {
                    let Some(table) = index.tables.iter().position(|t| t.period == row.period) else { continue };
                    last = Some((row.period, table));
                    table
                }
            };
            let Some(at) = index.at(measure, unit, sex) else { continue };
            let Some(table) = index.tables.get_mut(table_index) else { continue };
            if table.packed(at).is_some() {
                duplicates.push((position, table_index, at));
                continue;
            }
            let ratio_reference = if matches!(outcome, Some(Outcome::Ratio { .. })) {
                row.packed.reference(|| observations.ratio_reference(position))
            } else {
                None
            };
            table.insert(at, row.packed, ratio_reference);
        }
        if !duplicates.is_empty() {
            diagnostics.extend(duplicate_diagnostics(&index, observations, &measure_of, &unit_of, &duplicates));
        }
        if !scorecard.units.is_empty() {
            index.consolidate(scorecard, &unit_ids);
        }
        (index, diagnostics)
    }

    /// The unit slot of a unit (none: the organisation, the last slot).
    fn unit_slot(&self, unit: Option<u32>) -> usize {
        unit.map_or(self.units.saturating_sub(1), |u| u as usize)
    }

    /// The first of the three slots (T, K, M) of a measure and unit (none: the organisation)
    /// in every period's table.
    pub(crate) fn cell(&self, measure: u32, unit: Option<u32>) -> Option<usize> {
        self.at(measure, self.unit_slot(unit), Sex::Total)
    }

    /// The slot of a measure, unit slot and sex within a period's table.
    #[inline]
    fn at(&self, measure: u32, unit: usize, sex: Sex) -> Option<usize> {
        slot_position(self.units, measure, unit, sex)
    }

    fn table(&self, period: Period) -> Option<&Table> {
        self.tables.iter().find(|table| table.period == period)
    }

    /// What is known for a unit (none: the organisation), measure, period and sex.
    pub fn get(&self, unit: Option<u32>, measure: u32, period: Period, sex: Sex) -> Option<Slot> {
        self.period(period)?.get(unit, measure, sex)
    }

    /// The observations of one period, for repeated lookups without finding the period again.
    pub(crate) fn period(&self, period: Period) -> Option<PeriodView<'_>> {
        Some(PeriodView { index: self, table: self.table(period)? })
    }

    /// The periods that have observations, in order.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.tables.iter().map(|table| table.period)
    }

    /// The number of unit × measure × period × sex entries, consolidated ones included.
    pub fn len(&self) -> usize {
        self.tables.iter().map(Table::len).sum()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn consolidate(&mut self, scorecard: &Scorecard, units: &FxHashMap<&str, u32>) {
        let organisation = self.units.saturating_sub(1);
        let children = unit_children(scorecard, units);
        // Parents after all their descendants: depth-first post-order from the organisation.
        let mut order = Vec::with_capacity(self.units);
        let mut stack = vec![(organisation, false)];
        let mut seen = vec![false; self.units];
        while let Some((unit, expanded)) = stack.pop() {
            if expanded {
                order.push(unit);
                continue;
            }
            match seen.get_mut(unit) {
                Some(seen) if !*seen => *seen = true,
                _ => continue, // a cycle; validation reports it
            }
            stack.push((unit, true));
            stack.extend(children.get(unit).into_iter().flatten().map(|&child| (child as usize, false)));
        }
        let additive: Vec<bool> = scorecard.measures.iter().map(|m| m.is_additive()).collect();
        let units = self.units;
        let at = |measure: u32, unit: usize, sex: Sex| slot_position(units, measure, unit, sex);
        for table in &mut self.tables {
            // In post-order, so that a consolidated parent feeds its own parent.
            for &parent in &order {
                let Some(kids) = children.get(parent).filter(|kids| !kids.is_empty()) else { continue };
                for (measure, &additive) in (0u32..).zip(&additive) {
                    for sex in [Sex::Total, Sex::Women, Sex::Men] {
                        let Some(slot) = at(measure, parent, sex) else { continue };
                        if table.packed(slot).is_some() {
                            continue;
                        }
                        let parts = kids.iter().map(|&kid| {
                            at(measure, kid as usize, sex).and_then(|kid| table.packed(kid)).and_then(Packed::outcome)
                        });
                        if let Some(outcome) = sum(parts, additive) {
                            let (packed, _) = Packed::new(outcome, sex, None);
                            table.insert(slot, packed.consolidated(), None);
                        }
                    }
                }
            }
        }
    }
}

/// The slot of a measure, unit slot and sex in a table of `units` unit slots.
#[inline]
fn slot_position(units: usize, measure: u32, unit: usize, sex: Sex) -> Option<usize> {
    if unit >= units {
        return None;
    }
    (measure as usize).checked_mul(units)?.checked_add(unit)?.checked_mul(3)?.checked_add(sex_index(sex))
}

/// The diagnostics of second observations for a slot, each naming where the first one is.
fn duplicate_diagnostics(
    index: &ObservationIndex,
    observations: &Observations,
    measure_of: &[Option<u32>],
    unit_of: &[Option<u32>],
    duplicates: &[(usize, usize, usize)],
) -> Vec<Diagnostic> {
    let wanted: FxHashMap<(usize, usize), usize> =
        duplicates.iter().map(|&(position, table, at)| ((table, at), position)).collect();
    // The first row of each doubled slot, in one pass over the rows.
    let mut first: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (position, row) in observations.rows().iter().enumerate() {
        let measure = measure_of.get(row.measure as usize).copied().flatten();
        let unit = if row.unit == ORGANISATION {
            Some(index.units.saturating_sub(1))
        } else {
            unit_of.get(row.unit as usize).copied().flatten().map(|u| u as usize)
        };
        let (Some(measure), Some(unit)) = (measure, unit) else { continue };
        let Some(table) = index.tables.iter().position(|t| t.period == row.period) else { continue };
        let Some(at) = index.at(measure, unit, row.sex()) else { continue };
        if wanted.contains_key(&(table, at)) {
            first.entry((table, at)).or_insert(position);
        }
        if first.len() == wanted.len() {
            break;
        }
    }
    duplicates
        .iter()
        .filter_map(|&(position, table, at)| {
            let observation = observations.get(position)?;
            let first = first
                .get(&(table, at))
                .map_or_else(String::new, |&f| format!(": the first is at {}", observations.location(f)));
            let mut location = observations.location(position);
            location.field = Some("measure".to_owned());
            Some(Diagnostic::new(
                location,
                format!(
                    "a second observation of '{}' for {} {}{}{first}; one value per unit, measure, period and sex",
                    observation.measure,
                    observation.period,
                    observation.sex,
                    observation.unit.as_deref().map(|u| format!(" in unit '{u}'")).unwrap_or_default(),
                ),
            ))
        })
        .collect()
}

/// Every problem of observations against a scorecard (see [`ObservationIndex::new`]).
pub(crate) fn check_observations(scorecard: &Scorecard, observations: &Observations) -> Vec<Diagnostic> {
    ObservationIndex::build(scorecard, observations).1
}

/// The children of every unit, by index; the last entry is the organisation's (the units
/// without a parent, or whose parent is unknown).
pub(crate) fn unit_children(scorecard: &Scorecard, units: &FxHashMap<&str, u32>) -> Vec<Vec<u32>> {
    let organisation = scorecard.units.len();
    let mut children = vec![Vec::new(); organisation.saturating_add(1)];
    for (index, unit) in (0u32..).zip(&scorecard.units) {
        let parent = unit.parent.as_deref().and_then(|p| units.get(p)).map_or(organisation, |&p| p as usize);
        if let Some(children) = children.get_mut(parent) {
            children.push(index);
        }
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
