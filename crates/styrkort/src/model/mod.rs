//! The scorecard model: what a plan holds (bodies, units, perspectives, goals, success factors,
//! measures) and what is recorded against it (observations, judgements). Owned data throughout,
//! with serde on all of it; every quantity is a [`rust_decimal::Decimal`].

/// Serialises a type as its `Display` text and reads it back through `FromStr`: the codes of
/// periods, reports, sexes and statuses travel as text in every format.
macro_rules! serde_as_text {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_as_text;

pub mod judgement;
pub mod measure;
pub mod observation;
pub mod organisation;
pub mod period;
pub(crate) mod quantity;
pub mod scorecard;
pub mod sex;
pub mod status;
pub mod validate;

pub use judgement::Judgement;
pub use measure::{Accumulation, Baseline, Measure, MeasureKind, Polarity, UnitOfMeasure};
pub use observation::{MilestoneState, MissingReason, Observation, Outcome};
pub use organisation::{Body, Goal, Perspective, Risk, SuccessFactor, Unit};
pub use period::{Period, PeriodError, ReportPoint};
pub use scorecard::{SCHEMA_VERSION, Scorecard};
pub use sex::{Sex, SexError};
pub use status::{Status, StatusError};
pub use validate::{Path, Problem, Segment};
