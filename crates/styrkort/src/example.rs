//! The bundled example: Region Norrbotten's real goal follow-up of 2020, compiled into the
//! library so that every user (Rust, the command line, Python, C) can run it without files.
//!
//! - `scorecard-2020.toml`: the scorecard of the delårsrapport april 2020 ("Bilaga mål och
//!   måluppfyllelse"): 5 perspectives, 20 strategic goals, 50 success factors, 99 measures.
//! - `observations-2020-DÅ04.csv`: the outcomes that report states.
//! - `judgements-2020-DÅ04.toml`: the 20 goal judgements of April 2020, the verdicts the report
//!   states on single measures, and the analysis texts the transcription has.
//! - `plan-2020.toml`: Regionstyrelsens plan 2020 (17 goals, 30 success factors, 62 measures).
//!
//! See `examples/norrbotten-2020/README.md` for the sources and every transcription decision.

use crate::Error;
use crate::io::{Format, ObservationFormat, read_judgement_file, read_observations, read_scorecard};
use crate::model::{Analysis, Judgement, Observations, Period, ReportPoint, Scorecard};

const SCORECARD: &str = include_str!("../../../examples/norrbotten-2020/scorecard-2020.toml");
const OBSERVATIONS: &str = include_str!("../../../examples/norrbotten-2020/observations-2020-DÅ04.csv");
const JUDGEMENTS: &str = include_str!("../../../examples/norrbotten-2020/judgements-2020-DÅ04.toml");
const PLAN: &str = include_str!("../../../examples/norrbotten-2020/plan-2020.toml");

/// A scorecard with its observations and judgements for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The scorecard.
    pub scorecard: Scorecard,
    /// Its observations.
    pub observations: Observations,
    /// The recorded judgements: of goals and of single measures.
    pub judgements: Vec<Judgement>,
    /// The analysis texts of the period (in the judgements' file).
    pub analyses: Vec<Analysis>,
    /// The period the example reports on.
    pub period: Period,
    /// The scorecard's file name in `examples/`.
    pub scorecard_file: &'static str,
    /// The observations' file name in `examples/`.
    pub observations_file: &'static str,
    /// The judgements' file name in `examples/`.
    pub judgements_file: &'static str,
}

impl Example {
    /// Region Norrbotten, delårsrapport april 2020 (period `2020-DÅ04`).
    pub fn norrbotten_2020() -> Result<Example, Error> {
        let scorecard_file = "examples/norrbotten-2020/scorecard-2020.toml";
        let observations_file = "examples/norrbotten-2020/observations-2020-DÅ04.csv";
        let judgements_file = "examples/norrbotten-2020/judgements-2020-DÅ04.toml";
        let scorecard = read_scorecard(scorecard_file, SCORECARD, Format::Toml)?;
        let observations =
            read_observations(observations_file, OBSERVATIONS, ObservationFormat::Csv, Some(&scorecard))?;
        let (judgements, analyses) = read_judgement_file(judgements_file, JUDGEMENTS, Format::Toml, Some(&scorecard))?;
        Ok(Example {
            scorecard,
            observations,
            judgements,
            analyses,
            period: Period::new(2020, ReportPoint::April),
            scorecard_file,
            observations_file,
            judgements_file,
        })
    }

    /// Regionstyrelsens plan 2020 (2020–2022), with baselines, sources and targets for 2020
    /// and 2022.
    pub fn norrbotten_plan_2020() -> Result<Scorecard, Error> {
        read_scorecard("examples/norrbotten-2020/plan-2020.toml", PLAN, Format::Toml)
    }
}
