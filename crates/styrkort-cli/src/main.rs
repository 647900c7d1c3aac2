//! `styrkort`: the command line of styrkort. Thin: it parses arguments, calls the core and
//! prints what it returns.
//!
//! Exit codes: 0 when everything is fine; 1 when a file has problems or cannot be read or
//! written (every problem is printed as `file:line:column: message` on standard error); 2 when
//! the command line is wrong (an unknown option, a missing `--period`, an output that is one of
//! the inputs); 141 when standard output is closed before everything is written
//! (`styrkort check | head`), as for a program ended by SIGPIPE.

mod assess;
mod check;
mod files;
mod inputs;
mod output;
mod report;
mod target;
mod terminal;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Goal follow-up under balanced scorecard steering (balanserad styrning, målstyrning).
#[derive(Parser)]
#[command(name = "styrkort", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a scorecard and its observations and judgements; print a one-screen overview.
    Check(check::CheckArgs),
    /// Assess every measure × unit × sex of a period: status, trend, explanation; then the goals.
    Assess(assess::AssessArgs),
    /// The goal-fulfilment report ("Bilaga måluppfyllelse i perspektiv") as HTML, Markdown, text, JSON or CSV.
    Report(report::ReportArgs),
    /// Parse targets written in Swedish: the canonical form, or JSON with the typed fields.
    Target(target::TargetArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Assess(args)) => assess::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Target(args)) => target::run(&args),
        None => report::run(&report::ReportArgs::default()),
    }
}
