//! A collection of observations ("utfall"), kept compactly: measure and unit ids interned once,
//! each outcome packed with its reference value, and for each row where it came from (the
//! source's name and line), so that a problem found later is still located. A million
//! observations take about 60 MB.

use super::packed::Packed;
use super::{Observation, Period, Sex};
use crate::error::Location;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id index of "no unit": the organisation itself.
pub(crate) const ORGANISATION: u32 = u32::MAX;

/// One observation as stored: ids by their index in the store's id table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) measure: u32,
    /// [`ORGANISATION`] for the organisation itself.
    pub(crate) unit: u32,
    pub(crate) period: Period,
    pub(crate) packed: Packed,
}

impl Row {
    pub(crate) fn sex(&self) -> Sex {
        self.packed.sex()
    }
}

/// Where a run of rows came from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    /// The file name, or the name given to text or columns from memory.
    name: String,
    /// The first row that came from it.
    first: usize,
}

/// Observations, in the order they were added.
///
/// Build them with [`Observations::push`] (or collect [`Observation`]s), read them from files
/// with [`crate::io::read_observations`], or from columns (a data frame, an Arrow table) with
/// [`crate::io::ObservationBuilder`]. [`Observations::get`] and [`Observations::iter`] give
/// each back as an owned [`Observation`]; [`Observations::location`] says where it came from.
/// Serialised as a list of observations.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    /// Interned measure and unit ids.
    ids: Vec<Box<str>>,
    id_of: FxHashMap<Box<str>, u32>,
    rows: Vec<Row>,
    /// References of ratio rows, which do not fit their packed form, by row (ascending).
    ratio_references: Vec<(u32, Decimal)>,
    /// Notes by row (ascending).
    notes: Vec<(u32, Box<str>)>,
    /// Where each row came from in its source; empty when no row was read from one.
    origins: Vec<Origin>,
    sources: Vec<Source>,
    /// The last measure and unit ids interned: rows of one measure or unit come together.
    last: [Option<u32>; 2],
}

/// Where a row was read in its source: its line (0: none) and its position among the source's
/// records, good and bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Origin {
    line: u32,
    record: u32,
}

impl Origin {
    /// The origin of a record at a line (if the source has lines) and a position.
    pub(crate) fn new(line: Option<usize>, record: usize) -> Origin {
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Origin { line: line.map_or(0, number), record: number(record) }
    }
}

/// What an observation says besides its ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Said {
    pub(crate) period: Period,
    pub(crate) sex: Sex,
    pub(crate) outcome: super::Outcome,
    pub(crate) reference: Option<Decimal>,
    pub(crate) note: Option<String>,
}

impl Observations {
    /// No observations.
    pub fn new() -> Observations {
        Observations::default()
    }

    /// Room for `rows` more observations.
    pub fn with_capacity(rows: usize) -> Observations {
        Observations { rows: Vec::with_capacity(rows), ..Observations::default() }
    }

    /// The number of observations.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Marks the rows added from now on as coming from a source (a file name, or the name given
    /// to text or columns from memory), for [`Observations::location`].
    pub fn begin_source(&mut self, name: impl Into<String>) {
        let name = name.into();
        let first = self.rows.len();
        match self.sources.last_mut() {
            Some(last) if last.first == first => last.name = name,
            _ => self.sources.push(Source { name, first }),
        }
    }

    /// Adds an observation.
    pub fn push(&mut self, observation: Observation) {
        let Observation { unit, measure, period, sex, outcome, reference, note } = observation;
        self.push_said(&measure, unit.as_deref(), Said { period, sex, outcome, reference, note }, None);
    }

    /// Adds an observation of a measure and unit (none: the organisation), read at an origin
    /// of the current source.
    pub(crate) fn push_said(&mut self, measure: &str, unit: Option<&str>, said: Said, origin: Option<Origin>) {
        let Said { period, sex, outcome, reference, note } = said;
        let measure = self.intern_as(0, measure);
        let unit = unit.map_or(ORGANISATION, |unit| self.intern_as(1, unit));
        let position = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        let (packed, spill) = Packed::new(outcome, sex, reference);
        if let Some(reference) = spill {
            self.ratio_references.push((position, reference));
        }
        if let Some(note) = note {
            self.notes.push((position, note.into_boxed_str()));
        }
        if origin.is_some() || !self.origins.is_empty() {
            if self.origins.len() < self.rows.len() {
                self.origins = self.default_origins(self.rows.len());
            }
            let first = self.sources.last().map_or(0, |source| source.first);
            self.origins.push(origin.unwrap_or_else(|| Origin::new(None, self.rows.len().saturating_sub(first))));
        }
        self.rows.push(Row { measure, unit, period, packed });
    }

    /// The index of an id in the id table, trying the last id interned in the same role
    /// (0 measures, 1 units) first.
    fn intern_as(&mut self, role: usize, id: &str) -> u32 {
        if let Some(index) = self.last.get(role).copied().flatten()
            && self.id(index) == Some(id)
        {
            return index;
        }
        let index = self.intern(id);
        if let Some(last) = self.last.get_mut(role) {
            *last = Some(index);
        }
        index
    }

    /// The index of an id in the id table, added if new.
    pub(crate) fn intern(&mut self, id: &str) -> u32 {
        if let Some(&index) = self.id_of.get(id) {
            return index;
        }
        let index = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push(id.into());
        self.id_of.insert(id.into(), index);
        index
    }

    /// The id with an index of the id table.
    pub(crate) fn id(&self, index: u32) -> Option<&str> {
        self.ids.get(index as usize).map(|id| &**id)
    }

    /// The id table: every measure and unit id, in the order first seen.
    pub(crate) fn ids(&self) -> &[Box<str>] {
        &self.ids
    }

    /// The stored rows.
    pub(crate) fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The reference of a ratio row, kept beside its packed form.
    pub(crate) fn ratio_reference(&self, row: usize) -> Option<Decimal> {
        find(&self.ratio_references, row).copied()
    }

    /// The observation at a position.
    pub fn get(&self, row: usize) -> Option<Observation> {
        let stored = self.rows.get(row)?;
        Some(Observation {
            unit: (stored.unit != ORGANISATION).then(|| self.id(stored.unit).unwrap_or_default().to_owned()),
            measure: self.id(stored.measure).unwrap_or_default().to_owned(),
            period: stored.period,
            sex: stored.sex(),
            outcome: stored.packed.outcome()?,
            reference: stored.packed.reference(|| self.ratio_reference(row)),
            note: find(&self.notes, row).map(|note| note.to_string()),
        })
    }

    /// Every observation, in order.
    pub fn iter(&self) -> impl Iterator<Item = Observation> + '_ {
        (0..self.rows.len()).filter_map(|row| self.get(row))
    }

    /// The origins of rows that were not read from a source: their positions in the store.
    fn default_origins(&self, rows: usize) -> Vec<Origin> {
        (0..rows)
            .map(|row| {
                let first = self.sources.iter().rev().find(|source| source.first <= row).map_or(0, |s| s.first);
                Origin { line: 0, record: u32::try_from(row.saturating_sub(first)).unwrap_or(u32::MAX) }
            })
            .collect()
    }

    /// Where the observation at a position came from: its source's name, its line there (when
    /// it has one) and its position among the source's records, from 0.
    pub fn location(&self, row: usize) -> Location {
        let source = self.sources.iter().rev().find(|source| source.first <= row);
        let mut location = Location::file(source.map_or("", |s| s.name.as_str()));
        match self.origins.get(row) {
            Some(origin) => {
                location.row = Some(origin.record as usize);
                location.line = (origin.line != 0).then_some(origin.line as usize);
            }
            None => location.row = Some(row.saturating_sub(source.map_or(0, |s| s.first))),
        }
        location
    }

    /// Appends other observations (from another file, say), keeping where each came from.
    pub fn append(&mut self, other: Observations) {
        let offset = self.rows.len();
        let shift = |row: u32| u32::try_from(offset).ok().and_then(|o| row.checked_add(o)).unwrap_or(u32::MAX);
        let map: Vec<u32> = other.ids.iter().map(|id| self.intern(id)).collect();
        let remap = |index: u32| {
            if index == ORGANISATION { ORGANISATION } else { map.get(index as usize).copied().unwrap_or(ORGANISATION) }
        };
        if !other.origins.is_empty() || !self.origins.is_empty() {
            if self.origins.len() < offset {
                self.origins = self.default_origins(offset);
            }
            let origins =
                if other.origins.is_empty() { other.default_origins(other.rows.len()) } else { other.origins };
            self.origins.extend(origins);
        }
        self.rows.extend(other.rows.iter().map(|row| Row {
            measure: remap(row.measure),
            unit: remap(row.unit),
            ..*row
        }));
        self.ratio_references.extend(other.ratio_references.into_iter().map(|(row, r)| (shift(row), r)));
        self.notes.extend(other.notes.into_iter().map(|(row, note)| (shift(row), note)));
        if other.sources.first().is_none_or(|first| first.first > 0) {
            self.sources.push(Source { name: String::new(), first: offset });
        }
        self.sources.extend(
            other.sources.into_iter().map(|source| Source { first: source.first.saturating_add(offset), ..source }),
        );
    }
}

/// The entry of a row in a table sorted by row.
fn find<T>(table: &[(u32, T)], row: usize) -> Option<&T> {
    let row = u32::try_from(row).ok()?;
    table.binary_search_by_key(&row, |(r, _)| *r).ok().and_then(|at| table.get(at)).map(|(_, value)| value)
}

impl PartialEq for Observations {
    /// The same observations in the same order (wherever they came from).
    fn eq(&self, other: &Observations) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Observations {}

impl FromIterator<Observation> for Observations {
    fn from_iter<I: IntoIterator<Item = Observation>>(iter: I) -> Observations {
        let mut observations = Observations::new();
        observations.extend(iter);
        observations
    }
}

impl Extend<Observation> for Observations {
    fn extend<I: IntoIterator<Item = Observation>>(&mut self, iter: I) {
        for observation in iter {
            self.push(observation);
        }
    }
}

impl From<Vec<Observation>> for Observations {
    fn from(observations: Vec<Observation>) -> Observations {
        observations.into_iter().collect()
    }
}

impl Serialize for Observations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Observations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Observations, D::Error> {
        Vec::<Observation>::deserialize(deserializer).map(Observations::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MilestoneState, Outcome, ReportPoint};

    fn observation(measure: &str, unit: Option<&str>, outcome: Outcome) -> Observation {
        Observation {
            unit: unit.map(str::to_owned),
            measure: measure.to_owned(),
            period: Period::new(2021, ReportPoint::April),
            sex: Sex::Women,
            outcome,
            reference: Some(Decimal::new(55, 0)),
            note: Some("källa: KPP".to_owned()),
        }
    }

    #[test]
    fn observations_come_back_as_they_went_in() {
        let given = vec![
            observation("M1", None, Outcome::Value(Decimal::new(163, 1))),
            observation("M1", Some("norr"), Outcome::Ratio { numerator: Decimal::ONE, denominator: Decimal::TEN }),
            observation("A1", Some("norr"), Outcome::Milestone(MilestoneState::InProgress)),
        ];
        let observations = Observations::from(given.clone());
        assert_eq!(observations.iter().collect::<Vec<_>>(), given);
        assert_eq!(observations.ids().len(), 3, "M1, norr and A1, each once");
        let json = serde_json::to_string(&observations).expect("serialises");
        assert_eq!(serde_json::from_str::<Observations>(&json).expect("reads back"), observations);
    }

    #[test]
    fn appended_observations_keep_their_sources_and_lines() {
        let at = |observations: &mut Observations, observation: Observation, line: Option<usize>, record: usize| {
            let Observation { unit, measure, period, sex, outcome, reference, note } = observation;
            let said = Said { period, sex, outcome, reference, note };
            observations.push_said(&measure, unit.as_deref(), said, Some(Origin::new(line, record)));
        };
        let mut first = Observations::new();
        first.begin_source("a.csv");
        at(&mut first, observation("M1", None, Outcome::Value(Decimal::ONE)), Some(2), 0);
        let mut second = Observations::new();
        second.begin_source("b.csv");
        at(&mut second, observation("M2", Some("norr"), Outcome::Value(Decimal::TWO)), Some(7), 3);
        second.push(observation("M1", Some("norr"), Outcome::Value(Decimal::TEN)));
        let mut third = Observations::new();
        third.begin_source("frame");
        third.push(observation("M3", None, Outcome::Value(Decimal::ONE)));
        first.append(second);
        first.append(third);
        assert_eq!(first.len(), 4);
        assert_eq!(first.get(2).map(|o| o.measure), Some("M1".to_owned()));
        assert_eq!(first.location(0).to_string(), "a.csv:2");
        assert_eq!(first.location(1).to_string(), "b.csv:7");
        assert_eq!(first.location(2).to_string(), "b.csv: row 1");
        assert_eq!(first.location(3).to_string(), "frame: row 0");
        assert_eq!(first.get(1).and_then(|o| o.note), Some("källa: KPP".to_owned()));
    }
}
