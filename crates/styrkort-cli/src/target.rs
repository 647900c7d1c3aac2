//! `styrkort target [--json] [--strict] [--activity] TEXT…`: parses target texts of the target
//! language and prints their canonical Swedish form, or one JSON object per text. Without texts,
//! every target of the bundled Region Norrbotten example, measure by measure.
//!
//! Self-contained: `main.rs` adds `mod target;` and a `Target(target::TargetArgs)` subcommand
//! that calls [`run`].

use std::io::Write;
use std::process::ExitCode;
use styrkort::target::{Fallback, Target};

/// Arguments of `styrkort target`.
#[derive(Debug, Clone, clap::Args)]
pub struct TargetArgs {
    /// Print one JSON object per text (`input`, `kind`, `canonical` and the typed fields)
    /// instead of the canonical text.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) on text that fits no form, with the byte span and a hint, instead of
    /// keeping it as `unparsed` (or `milestone` with --activity).
    #[arg(long)]
    pub strict: bool,
    /// Read the texts as activity targets: text that fits no form is a `milestone`.
    #[arg(long)]
    pub activity: bool,
    /// The target texts, e.g. "Öka" "K 16,0 % M 17,2 %" "100 % i dec". Without texts: every
    /// target of the bundled example.
    pub texts: Vec<String>,
}

/// Runs `styrkort target`: exit 0, or 1 when `--strict` and a text does not parse (the other
/// texts are still printed; errors go to standard error).
pub fn run(args: &TargetArgs) -> ExitCode {
    if args.texts.is_empty() {
        return example(args.json);
    }
    let fallback = if args.activity { Fallback::Milestone } else { Fallback::Unparsed };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for text in &args.texts {
        let target = if args.strict {
            match Target::parse(text) {
                Ok(target) => target,
                Err(error) => {
                    eprintln!("error: {error}");
                    failed = true;
                    continue;
                }
            }
        } else {
            Target::parse_lenient(text, fallback)
        };
        let line = if args.json { json_line(text, &target) } else { target.to_string() };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Every target of the bundled example (the April 2020 scorecard, then Regionstyrelsens plan
/// 2020), read as the loaders read them: `measure year kind: verbatim → canonical`.
fn example(json: bool) -> ExitCode {
    let scorecards = styrkort::example::Example::norrbotten_2020()
        .map(|example| example.scorecard)
        .and_then(|report| Ok([report, styrkort::example::Example::norrbotten_plan_2020()?]));
    let scorecards = match scorecards {
        Ok(scorecards) => scorecards,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for scorecard in &scorecards {
        for measure in &scorecard.measures {
            for (&year, text) in &measure.targets {
                let Some(target) = measure.target(year) else { continue };
                let line = if json {
                    let fields = json_line(text, &target);
                    let quote = |text: &str| serde_json::Value::from(text).to_string();
                    format!(
                        "{{\"measure\":{},\"year\":{year},{}",
                        quote(&measure.id),
                        fields.strip_prefix('{').unwrap_or(&fields)
                    )
                } else {
                    format!("{:<14} {year}  {:<16} {text:?} → {target}", measure.id, target.kind())
                };
                if writeln!(out, "{line}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// `{"input": …, "canonical": …, "kind": …, <typed fields>}` on one line, in that order.
fn json_line(input: &str, target: &Target) -> String {
    let quote = |text: &str| serde_json::Value::from(text).to_string();
    let typed = serde_json::to_string(target).unwrap_or_else(|_| format!("{{\"kind\":{}}}", quote(target.kind())));
    let fields = typed.strip_prefix('{').unwrap_or(&typed);
    format!("{{\"input\":{},\"canonical\":{},{fields}", quote(input), quote(&target.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_has_input_kind_canonical_and_fields() {
        let target = Target::parse("Minska med 50 % jmf 2019").expect("parses");
        let line: serde_json::Value =
            serde_json::from_str(&json_line("Minska med 50 % jmf 2019", &target)).expect("json");
        assert_eq!(line["input"], "Minska med 50 % jmf 2019");
        assert_eq!(line["kind"], "relative_change");
        assert_eq!(line["canonical"], "Minska med 50 % jmf 2019");
        assert_eq!(line["value"], "50");
        assert_eq!(line["base"], "2019");
    }

    #[test]
    fn arguments_parse_with_clap() {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            args: TargetArgs,
        }
        let cli = Cli::try_parse_from(["styrkort", "--json", "Öka", "72 %"]).expect("parses");
        assert!(cli.args.json && !cli.args.strict);
        assert_eq!(cli.args.texts, vec!["Öka", "72 %"]);
    }
}
