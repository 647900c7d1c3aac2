//! The scorecard model: what a plan holds and what is observed against it.

pub mod period;
pub mod sex;
pub mod status;

pub use period::{Period, PeriodError, ReportPoint};
pub use sex::{Sex, SexError};
pub use status::{Status, StatusError};
