//! The scorecard model: what a plan holds (bodies, units, perspectives, goals, success factors,
//! measures) and what is recorded against it (observations, judgements). Owned data throughout,
//! with serde on all of it; every quantity is a [`rust_decimal::Decimal`].

/// Gives a coded enum (one with `fn code(self) -> &'static str` and
/// `fn parse(&str) -> Option<Self>`) the rest of what a code needs: `Display` writes the code,
/// `FromStr` parses or fails with an [`Error`](crate::Error) of `$kind` that says what was
/// expected, and serde writes and reads the text (so every spelling `parse` accepts is read
/// from files too).
macro_rules! coded {
    ($type:ty, $kind:expr, $what:literal, $expected:literal) => {
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $type {
            type Err = crate::Error;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text).ok_or_else(|| {
                    crate::Error::message(
                        $kind,
                        format!(concat!("'{}' is not ", $what, ": expected ", $expected), text),
                    )
                })
            }
        }

        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use coded;

pub mod analysis;
pub mod change;
pub mod judgement;
pub mod measure;
pub mod observation;
pub mod observations;
pub mod organisation;
pub(crate) mod packed;
pub mod period;
pub(crate) mod quantity;
pub mod scorecard;
pub mod sex;
pub mod status;
pub mod validate;

pub use analysis::Analysis;
pub use change::{Change, ChangeKind};
pub use judgement::Judgement;
pub use measure::{Accumulation, Baseline, Measure, MeasureKind, Polarity, UnitOfMeasure};
pub use observation::{MilestoneState, MissingReason, Observation, Outcome};
pub use observations::Observations;
pub use organisation::{Body, Goal, OrgUnit, Perspective, Risk, SuccessFactor};
pub use period::{Period, ReportPoint};
pub use scorecard::{SCHEMA_VERSION, Scorecard};
pub use sex::Sex;
pub use status::Status;
pub use validate::{Path, Problem, Segment};
