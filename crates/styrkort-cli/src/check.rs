//! `styrkort check [FILE…] [--judgements F]… [--rules F] [--encoding E]`: load every file to the
//! end, check each against the plan as far as the plan allows, and summarise.

use crate::files::FileArgs;
use crate::inputs::fail;
use crate::terminal;
use std::process::ExitCode;
use styrkort::example::Example;
use styrkort::overview::Overview;

/// Arguments of `styrkort check`.
#[derive(clap::Args, Default)]
pub struct CheckArgs {
    #[command(flatten)]
    files: FileArgs,
}

/// Prints every problem as `file:line:col: message` and a line per file with the role it was
/// taken in on standard error and exits 1; or prints the plan's overview and a line per file
/// and exits 0. Without files, checks the bundled example.
pub fn run(args: &CheckArgs) -> ExitCode {
    if args.files.is_empty() {
        return check_example();
    }
    let loaded = match args.files.load() {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if loaded.failed {
        loaded.explain();
        return terminal::invalid();
    }
    let overview = loaded.plan.as_ref().map(|plan| format!("{}\n", Overview::of(plan))).unwrap_or_default();
    terminal::print(&format!("{overview}{}", loaded.summary()))
}

fn check_example() -> ExitCode {
    match Example::norrbotten_2020() {
        Ok(example) => terminal::print(&format!(
            "{}\n{}: plan with {} measures\n{}: {} observations\n{}: {} judgements, {} analysis texts\n",
            Overview::of(&example.scorecard),
            example.scorecard_file,
            example.scorecard.measures.len(),
            example.observations_file,
            example.observations.len(),
            example.judgements_file,
            example.judgements.len(),
            example.analyses.len(),
        )),
        Err(error) => fail(&error),
    }
}
