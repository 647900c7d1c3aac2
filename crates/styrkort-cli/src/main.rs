//! The `styrkort` command. Placeholder until the full command lands: only the `target`
//! subcommand is wired here, so that `src/target.rs` is compiled and tested.

mod target;

use clap::Parser;
use std::process::ExitCode;

/// Goal follow-up under balanced scorecard steering.
#[derive(Parser)]
#[command(name = "styrkort", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Parse target texts and print their canonical form (or JSON with --json).
    Target(target::TargetArgs),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Target(args) => target::run(&args),
    }
}
