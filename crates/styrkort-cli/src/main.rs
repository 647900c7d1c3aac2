//! `styrkort`: the command line of styrkort. Thin: it parses arguments, calls the core and
//! prints what it returns.

mod check;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        None => check::run(&check::CheckArgs::default()),
    }
}
