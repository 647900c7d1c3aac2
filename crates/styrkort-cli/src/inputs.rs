//! The inputs shared by `assess` and `report`: a scorecard, observations, judgements, a period,
//! a unit and a rule set; with no files, the bundled Region Norrbotten example.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkort::Error;
use styrkort::assess::RuleSet;
use styrkort::example::Example;
use styrkort::io::{load_analyses, load_judgements, load_observations, load_rules, load_scorecard};
use styrkort::model::{Analysis, Judgement, Observations, Period, Scorecard};

/// Files and choices of an assessment.
#[derive(clap::Args, Default)]
pub struct Inputs {
    /// The scorecard (TOML or JSON). Without it, the bundled Region Norrbotten example.
    plan: Option<PathBuf>,
    /// Observation files (CSV or JSON).
    observations: Vec<PathBuf>,
    /// The period, such as 2021-DÅ04 (required with a scorecard; the example's is 2020-DÅ04).
    #[arg(long, short = 'p')]
    period: Option<Period>,
    /// Judgement files (TOML or JSON): judgements of goals, success factors and measures, and
    /// the period's analysis texts.
    #[arg(long = "judgements", short = 'j')]
    judgements: Vec<PathBuf>,
    /// One unit (its id): `assess` assesses only it (by default the organisation and every unit);
    /// `report` reports on it (by default the organisation itself).
    #[arg(long)]
    unit: Option<String>,
    /// A rule set (TOML or JSON) overriding the defaults.
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Loaded inputs.
pub struct Loaded {
    pub scorecard: Scorecard,
    pub observations: Observations,
    pub judgements: Vec<Judgement>,
    pub analyses: Vec<Analysis>,
    pub period: Period,
    pub unit: Option<String>,
    pub rules: RuleSet,
}

impl Inputs {
    /// Loads everything, printing every problem and returning exit code 1 on failure.
    pub fn load(&self) -> Result<Loaded, ExitCode> {
        let rules = match &self.rules {
            Some(path) => load_rules(path).map_err(|error| fail(&error))?,
            None => RuleSet::default(),
        };
        let Some(plan) = &self.plan else {
            let example = Example::norrbotten_2020().map_err(|error| fail(&error))?;
            return Ok(Loaded {
                scorecard: example.scorecard,
                observations: example.observations,
                judgements: example.judgements,
                analyses: example.analyses,
                period: self.period.unwrap_or(example.period),
                unit: self.unit.clone(),
                rules,
            });
        };
        let Some(period) = self.period else {
            eprintln!("styrkort: --period is required with a scorecard, such as --period 2021-DÅ04");
            return Err(ExitCode::from(2));
        };
        let scorecard = load_scorecard(plan).map_err(|error| fail(&error))?;
        let mut failed = false;
        let mut observations = Observations::new();
        for path in &self.observations {
            match load_observations(path, Some(&scorecard)) {
                Ok(more) => observations.append(more),
                Err(error) => failed |= print(&error),
            }
        }
        let mut judgements = Vec::new();
        let mut analyses = Vec::new();
        for path in &self.judgements {
            let said = match load_judgements(path, Some(&scorecard)) {
                Ok(mut more) => {
                    judgements.append(&mut more);
                    String::new()
                }
                Err(error) => {
                    failed |= print(&error);
                    error.to_string()
                }
            };
            match load_analyses(path, Some(&scorecard)) {
                Ok(mut more) => analyses.append(&mut more),
                // A file that does not read at all is reported once, by the judgements' reader.
                Err(error) if said.contains(&error.to_string()) => {}
                Err(error) => failed |= print(&error),
            }
        }
        if let Some(unit) = &self.unit
            && scorecard.unit(unit).is_none()
        {
            eprintln!("styrkort: unknown unit '{unit}': expected an id of the scorecard's [[units]]");
            failed = true;
        }
        if failed {
            return Err(ExitCode::FAILURE);
        }
        Ok(Loaded { scorecard, observations, judgements, analyses, period, unit: self.unit.clone(), rules })
    }
}

/// Prints every problem of a load on standard error; true, for `failed |= print(…)`.
pub fn print(error: &Error) -> bool {
    eprintln!("{error}");
    true
}

/// Prints every problem of a load and gives exit code 1.
pub fn fail(error: &Error) -> ExitCode {
    print(error);
    ExitCode::FAILURE
}

/// Writes text to a file or standard output.
pub fn write_output(path: Option<&Path>, text: &str) -> ExitCode {
    let result = match path {
        Some(path) => std::fs::write(path, text),
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("styrkort: cannot write: {error}");
            ExitCode::FAILURE
        }
    }
}
