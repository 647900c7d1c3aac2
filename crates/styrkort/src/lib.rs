//! # styrkort
//!
//! Goal follow-up under balanced scorecard steering as Swedish regions practise it
//! ("balanserad styrning", "målstyrning"): a scorecard of perspectives, strategic goals, success
//! factors and measures with targets written in Swedish prose; observations per period; the
//! assessment of every measure; and the goal-fulfilment report.
#![forbid(unsafe_code)]
// No input may make the core panic: no unchecked arithmetic, no unchecked indexing.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects, clippy::indexing_slicing))]

pub mod assess;
mod error;
pub mod example;
pub mod io;
pub mod model;
pub mod number;
pub mod overview;
pub mod report;
pub mod rollup;
pub mod target;

pub use assess::{Assessment, Assessments, RuleSet, UnitSelection};
pub use error::{Diagnostic, Error, ErrorKind, Location, Result};
pub use example::Example;
pub use model::{Judgement, Measure, Observation, Period, Scorecard, Sex, Status};
pub use report::Report;
pub use target::Target;

/// The README's Rust quick start, compiled and run as a test.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeQuickStart;
