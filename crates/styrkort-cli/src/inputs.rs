//! The inputs shared by `assess` and `report`: the files (a plan, observations, judgements, a
//! rule set), a period and a unit; with no files, the bundled Region Norrbotten example.

use crate::files::FileArgs;
use crate::output::Output;
use crate::terminal;
use std::num::NonZeroUsize;
use std::process::ExitCode;
use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
use styrkort::example::Example;
use styrkort::io::load_rules;
use styrkort::model::{Analysis, Judgement, Observations, Period, Scorecard};

/// Files and choices of an assessment.
#[derive(clap::Args, Default)]
pub struct Inputs {
    #[command(flatten)]
    files: FileArgs,
    /// The period, such as 2021-DÅ04 (required with a plan; the example's is 2020-DÅ04).
    #[arg(long, short = 'p')]
    period: Option<Period>,
    /// One unit (its id): `assess` assesses only it (by default the organisation and every unit);
    /// `report` reports on it (by default the organisation itself).
    #[arg(long)]
    unit: Option<String>,
    /// How many threads a large assessment is shared among (1: one core); by default as many
    /// as the machine has cores. The result is the same whatever the number.
    #[arg(long)]
    threads: Option<NonZeroUsize>,
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
    /// The threads asked for, if any.
    pub threads: Option<NonZeroUsize>,
}

impl Loaded {
    /// Assesses the observations for the units selected, on the threads asked for; gives the
    /// assessments and the judgements.
    pub fn assess(self, units: &UnitSelection) -> Result<(Assessments, Vec<Judgement>), ExitCode> {
        let engine = Engine::new(self.scorecard, self.rules);
        let engine = match self.threads {
            Some(threads) => engine.with_threads(threads),
            None => engine,
        };
        match Assessments::with_engine(engine, &self.observations, self.period, units) {
            Ok(assessments) => Ok((assessments, self.judgements)),
            Err(error) => Err(fail(&error)),
        }
    }
}

impl Inputs {
    /// Loads everything. Before anything is read, an output that is one of the inputs and a
    /// missing period are refused (exit code 2); then every problem of every file is printed
    /// (exit code 1).
    pub fn load(&self, output: &Output) -> Result<Loaded, ExitCode> {
        output.refuse_inputs(self.files.paths())?;
        if self.files.files.is_empty() && self.files.judgements.is_empty() {
            return self.example();
        }
        let Some(period) = self.period else {
            return Err(terminal::usage("--period is required with a plan, such as --period 2021-DÅ04"));
        };
        let loaded = self.files.load()?;
        let mut failed = loaded.failed;
        if let (Some(plan), Some(unit)) = (&loaded.plan, &self.unit)
            && plan.unit(unit).is_none()
        {
            terminal::error(&format!("unknown unit '{unit}': expected an id of the scorecard's [[units]]"));
            failed = true;
        }
        loaded.explain();
        if failed {
            return Err(terminal::invalid());
        }
        let Some(scorecard) = loaded.plan else {
            return Err(terminal::usage("no plan among the files: give the plan (TOML or JSON with `schema = 1`)"));
        };
        Ok(Loaded {
            scorecard,
            observations: loaded.observations,
            judgements: loaded.judgements,
            analyses: loaded.analyses,
            period,
            unit: self.unit.clone(),
            rules: loaded.rules,
            threads: self.threads,
        })
    }

    /// The bundled example, with the rule set given, if any.
    fn example(&self) -> Result<Loaded, ExitCode> {
        let rules = match &self.files.rules {
            Some(path) => load_rules(path).map_err(|error| fail(&error))?,
            None => RuleSet::default(),
        };
        let example = Example::norrbotten_2020().map_err(|error| fail(&error))?;
        Ok(Loaded {
            scorecard: example.scorecard,
            observations: example.observations,
            judgements: example.judgements,
            analyses: example.analyses,
            period: self.period.unwrap_or(example.period),
            unit: self.unit.clone(),
            rules,
            threads: self.threads,
        })
    }
}

/// Prints every problem of an error on standard error and gives exit code 1.
pub fn fail(error: &styrkort::Error) -> ExitCode {
    terminal::eprint_lines(&error.to_string());
    terminal::invalid()
}
