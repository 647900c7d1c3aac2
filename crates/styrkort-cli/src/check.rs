//! `styrkort check PLAN [OBSERVATIONS…] [--judgements F]`: load, validate, summarise.

use crate::inputs::{fail, print};
use std::path::PathBuf;
use std::process::ExitCode;
use styrkort::example::Example;
use styrkort::io::{load_analyses, load_judgements, load_observations, load_scorecard};
use styrkort::number::count_sv;
use styrkort::overview::Overview;

/// Arguments of `styrkort check`.
#[derive(clap::Args, Default)]
pub struct CheckArgs {
    /// The scorecard (TOML or JSON). Without it, the bundled Region Norrbotten 2020 example.
    plan: Option<PathBuf>,
    /// Observation files (CSV or JSON) to check against the scorecard.
    observations: Vec<PathBuf>,
    /// Judgement files (TOML or JSON) to check against the scorecard.
    #[arg(long = "judgements", short = 'j')]
    judgements: Vec<PathBuf>,
}

/// Prints every problem as `file:line:col: message` on standard error and exits 1, or prints
/// the overview and exits 0.
pub fn run(args: &CheckArgs) -> ExitCode {
    let Some(plan) = &args.plan else {
        return check_example();
    };
    let scorecard = match load_scorecard(plan) {
        Ok(scorecard) => scorecard,
        Err(error) => return fail(&error),
    };
    let mut failed = false;
    let mut lines = Vec::new();
    for path in &args.observations {
        match load_observations(path, Some(&scorecard)) {
            Ok(observations) => lines.push(format!(
                "{}: {}",
                path.display(),
                count_sv(observations.len(), "observation", "observationer")
            )),
            Err(error) => failed |= print(&error),
        }
    }
    for path in &args.judgements {
        match (load_judgements(path, Some(&scorecard)), load_analyses(path, Some(&scorecard))) {
            (Ok(judgements), Ok(analyses)) => lines.push(format!(
                "{}: {}, {}",
                path.display(),
                count_sv(judgements.len(), "bedömning", "bedömningar"),
                count_sv(analyses.len(), "analystext", "analystexter")
            )),
            (Err(error), _) | (Ok(_), Err(error)) => failed |= print(&error),
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    summary(&scorecard, &lines)
}

fn check_example() -> ExitCode {
    match Example::norrbotten_2020() {
        Ok(example) => summary(
            &example.scorecard,
            &[
                format!(
                    "{}: {}",
                    example.observations_file,
                    count_sv(example.observations.len(), "observation", "observationer")
                ),
                format!(
                    "{}: {}, {}",
                    example.judgements_file,
                    count_sv(example.judgements.len(), "bedömning", "bedömningar"),
                    count_sv(example.analyses.len(), "analystext", "analystexter")
                ),
            ],
        ),
        Err(error) => fail(&error),
    }
}

/// The overview, then a line per file that loaded.
fn summary(scorecard: &styrkort::model::Scorecard, files: &[String]) -> ExitCode {
    print!("{}", Overview::of(scorecard));
    if !files.is_empty() {
        println!();
        for line in files {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}
