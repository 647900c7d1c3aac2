//! An outcome and its reference value in 36 bytes: the form in which the observation store and
//! the observation index keep what was observed, so that a million observations stay small.
//!
//! Two decimals and a tag. A value keeps its reference in the second decimal; a ratio keeps its
//! numerator and denominator, and its reference (rare) beside the packed form, in a side table
//! of the owner's.

use super::{Change, ChangeKind, MilestoneState, MissingReason, Outcome, Sex};
use rust_decimal::Decimal;

const KIND: u8 = 0x0f;
const HAS_REFERENCE: u8 = 0x10;
const CONSOLIDATED: u8 = 0x20;
const SEX_SHIFT: u8 = 6;
/// The tag of an empty slot (no outcome kind uses 15).
const EMPTY: u8 = KIND;

const VALUE: u8 = 0;
const RATIO: u8 = 1;
const MILESTONE: [(MilestoneState, u8); 3] =
    [(MilestoneState::NotStarted, 2), (MilestoneState::InProgress, 3), (MilestoneState::Done, 4)];
const MISSING: [(MissingReason, u8); 4] = [
    (MissingReason::NotPublished, 5),
    (MissingReason::MethodChanged, 6),
    (MissingReason::Confidential, 7),
    (MissingReason::NotMeasured, 8),
];
/// A change keeps its amount in the first decimal.
const ABSOLUTE_CHANGE: u8 = 9;
const RELATIVE_CHANGE: u8 = 10;
const SEXES: [(Sex, u8); 3] = [(Sex::Total, 0), (Sex::Women, 1), (Sex::Men, 2)];

/// An outcome, a sex and a reference value, packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    first: Decimal,
    second: Decimal,
    tag: u8,
}

impl Packed {
    /// Nothing observed: the slot of an index that has no outcome.
    pub(crate) const EMPTY: Packed = Packed { first: Decimal::ZERO, second: Decimal::ZERO, tag: EMPTY };

    /// Packs an outcome of a sex with its reference value. A ratio's reference does not fit and
    /// comes back, for the caller to keep beside it.
    pub(crate) fn new(outcome: Outcome, sex: Sex, reference: Option<Decimal>) -> (Packed, Option<Decimal>) {
        let sex = SEXES.iter().find(|(s, _)| *s == sex).map_or(0, |(_, code)| *code) << SEX_SHIFT;
        let has_reference = if reference.is_some() { HAS_REFERENCE } else { 0 };
        let (kind, first, second, spill) = match outcome {
            Outcome::Value(value) => (VALUE, value, reference.unwrap_or_default(), None),
            Outcome::Ratio { numerator, denominator } => (RATIO, numerator, denominator, reference),
            Outcome::Milestone(state) => {
                (code_of(&MILESTONE, state), Decimal::ZERO, reference.unwrap_or_default(), None)
            }
            Outcome::Missing(reason) => (code_of(&MISSING, reason), Decimal::ZERO, reference.unwrap_or_default(), None),
            Outcome::Change(change) => {
                let kind = match change.kind {
                    ChangeKind::Absolute => ABSOLUTE_CHANGE,
                    ChangeKind::Relative => RELATIVE_CHANGE,
                };
                (kind, change.amount, reference.unwrap_or_default(), None)
            }
        };
        (Packed { first, second, tag: kind | has_reference | sex }, spill)
    }

    /// The same, marked as consolidated from child units rather than observed.
    pub(crate) fn consolidated(mut self) -> Packed {
        self.tag |= CONSOLIDATED;
        self
    }

    /// Whether nothing is observed here.
    #[inline]
    pub(crate) fn is_empty(self) -> bool {
        self.tag & KIND == EMPTY
    }

    /// Whether the outcome was consolidated from child units.
    pub(crate) fn is_consolidated(self) -> bool {
        self.tag & CONSOLIDATED != 0
    }

    /// The outcome; none for an empty slot.
    pub(crate) fn outcome(self) -> Option<Outcome> {
        match self.tag & KIND {
            VALUE => Some(Outcome::Value(self.first)),
            RATIO => Some(Outcome::Ratio { numerator: self.first, denominator: self.second }),
            ABSOLUTE_CHANGE => Some(Outcome::Change(Change::absolute(self.first))),
            RELATIVE_CHANGE => Some(Outcome::Change(Change::relative(self.first))),
            kind => {
                MILESTONE.iter().find(|(_, code)| *code == kind).map(|(state, _)| Outcome::Milestone(*state)).or_else(
                    || MISSING.iter().find(|(_, code)| *code == kind).map(|(reason, _)| Outcome::Missing(*reason)),
                )
            }
        }
    }

    /// The change the outcome states, if it is one, without unpacking anything else.
    #[inline]
    pub(crate) fn change(self) -> Option<Change> {
        match self.tag & KIND {
            ABSOLUTE_CHANGE => Some(Change::absolute(self.first)),
            RELATIVE_CHANGE => Some(Change::relative(self.first)),
            _ => None,
        }
    }

    /// The value to compare with a target, as [`Outcome::value`] gives it, without unpacking.
    #[inline]
    pub(crate) fn value(self, percent: bool) -> Option<Decimal> {
        match self.tag & KIND {
            VALUE => Some(self.first),
            RATIO => super::observation::ratio_value(self.first, self.second, percent),
            _ => None,
        }
    }

    /// The sex packed with the outcome.
    pub(crate) fn sex(self) -> Sex {
        let code = self.tag >> SEX_SHIFT;
        SEXES.iter().find(|(_, c)| *c == code).map_or(Sex::Total, |(sex, _)| *sex)
    }

    /// The reference value, if any: kept here, or (for a ratio) in the owner's side table.
    pub(crate) fn reference(self, beside: impl FnOnce() -> Option<Decimal>) -> Option<Decimal> {
        match (self.tag & HAS_REFERENCE != 0, self.tag & KIND) {
            (false, _) => None,
            (true, RATIO) => beside(),
            (true, _) => Some(self.second),
        }
    }
}

fn code_of<T: PartialEq + Copy>(table: &[(T, u8)], value: T) -> u8 {
    table.iter().find(|(v, _)| *v == value).map_or(EMPTY, |(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_sex_and_reference_packs_and_unpacks() {
        let d = |n: i64| Decimal::new(n, 1);
        let outcomes = [
            Outcome::Value(d(163)),
            Outcome::Ratio { numerator: d(3), denominator: d(40) },
            Outcome::Milestone(MilestoneState::NotStarted),
            Outcome::Milestone(MilestoneState::InProgress),
            Outcome::Milestone(MilestoneState::Done),
            Outcome::Missing(MissingReason::NotPublished),
            Outcome::Missing(MissingReason::MethodChanged),
            Outcome::Missing(MissingReason::Confidential),
            Outcome::Missing(MissingReason::NotMeasured),
            Outcome::Change(Change::absolute(d(-18))),
            Outcome::Change(Change::relative(d(2000))),
        ];
        for outcome in outcomes {
            for (sex, _) in SEXES {
                for reference in [None, Some(d(500))] {
                    let (packed, spill) = Packed::new(outcome, sex, reference);
                    assert_eq!(packed.outcome(), Some(outcome));
                    assert_eq!(packed.sex(), sex);
                    assert!(!packed.is_empty() && !packed.is_consolidated());
                    assert!(packed.consolidated().is_consolidated());
                    assert_eq!(packed.reference(|| spill), reference, "{outcome:?}");
                }
            }
        }
        assert!(Packed::EMPTY.is_empty());
        assert_eq!(Packed::EMPTY.outcome(), None);
        assert_eq!(std::mem::size_of::<Packed>(), 36);
    }
}
