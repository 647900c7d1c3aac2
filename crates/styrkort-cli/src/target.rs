//! `styrkort target [--json] [--strict] [--activity] TEXT…`: parses target texts of the target
//! language and prints their canonical Swedish form, or one JSON object per text (a
//! [`ParsedTarget`]). A text that fits no form is marked `?` in the plain output. Without texts,
//! every target of the bundled Region Norrbotten example, measure by measure.
//!
//! Self-contained: `main.rs` adds `mod target;` and a `Target(target::TargetArgs)` subcommand
//! that calls [`run`].

use crate::terminal;
use std::process::ExitCode;
use styrkort::target::{Fallback, ParsedTarget};

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
    /// The target texts, e.g. "Öka" "K 16,0 % M 17,2 %" "100 % i dec" -3,5%. Without texts: every
    /// target of the bundled example. A text may start with a minus sign; `--json`, `--strict`
    /// and `--activity` are flags also among or after the texts.
    #[arg(allow_hyphen_values = true)]
    pub texts: Vec<String>,
}

/// The flags of `styrkort target`, wherever they were written.
#[derive(Debug, Clone, Copy)]
struct Flags {
    json: bool,
    strict: bool,
    activity: bool,
}

impl TargetArgs {
    /// The flags as given before the texts or among them (where `allow_hyphen_values` leaves
    /// them), and the texts without them.
    fn resolved(&self) -> (Flags, Vec<&str>) {
        let among = |flag: &str| self.texts.iter().any(|text| text == flag);
        let flags = Flags {
            json: self.json || among("--json"),
            strict: self.strict || among("--strict"),
            activity: self.activity || among("--activity"),
        };
        let texts = self.texts.iter().map(String::as_str).filter(|t| !["--json", "--strict", "--activity"].contains(t));
        (flags, texts.collect())
    }
}

/// Runs `styrkort target`: exit 0, or 1 when `--strict` and a text does not parse (the other
/// texts are still printed; errors go to standard error). Without `--strict`, a text that fits
/// no form is printed as `? <text>  (unparsed: <why>)` (or `milestone` with `--activity`).
pub fn run(args: &TargetArgs) -> ExitCode {
    let (args, texts) = args.resolved();
    if texts.is_empty() {
        return example(args.json);
    }
    let fallback = if args.activity { Fallback::Milestone } else { Fallback::Unparsed };
    let mut out = String::new();
    let mut failed = false;
    for text in texts {
        let (parsed, unread) = match ParsedTarget::parse(text) {
            Ok(parsed) => (parsed, None),
            Err(error) if args.strict => {
                terminal::eprint_lines(&format!("error: {error}"));
                failed = true;
                continue;
            }
            Err(error) => (ParsedTarget::lenient(text, fallback), Some(error)),
        };
        let line = match (args.json, unread) {
            (true, _) => json(&parsed),
            (false, None) => parsed.canonical,
            (false, Some(error)) => {
                let why = error.diagnostics().first().map_or_else(|| error.to_string(), |d| d.message.clone());
                format!("? {}  ({}: {why})", parsed.canonical, parsed.kind())
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    match terminal::print(&out) {
        code if code != ExitCode::SUCCESS => code,
        _ if failed => terminal::invalid(),
        success => success,
    }
}

/// Every target of the bundled example (the April 2020 scorecard, then Regionstyrelsens plan
/// 2020), read as the loaders read them: `measure year kind: verbatim → canonical`.
fn example(as_json: bool) -> ExitCode {
    let scorecards = styrkort::example::Example::norrbotten_2020()
        .map(|example| example.scorecard)
        .and_then(|report| Ok([report, styrkort::example::Example::norrbotten_plan_2020()?]));
    let scorecards = match scorecards {
        Ok(scorecards) => scorecards,
        Err(error) => return crate::inputs::fail(&error),
    };
    let mut out = String::new();
    for scorecard in &scorecards {
        for measure in &scorecard.measures {
            for (&year, text) in &measure.targets {
                let Some(target) = measure.target(year) else { continue };
                let line = if as_json {
                    // The measure and year lead the target's own object.
                    let fields = json(&ParsedTarget::new(text.as_str(), target));
                    let quote = |text: &str| serde_json::Value::from(text).to_string();
                    format!(
                        "{{\"measure\":{},\"year\":{year},{}",
                        quote(&measure.id),
                        fields.strip_prefix('{').unwrap_or(&fields)
                    )
                } else {
                    format!("{:<14} {year}  {:<16} {text:?} → {target}", measure.id, target.kind())
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    terminal::print(&out)
}

/// The JSON object of a parsed target on one line: `{"input": …, "canonical": …, "kind": …,
/// <typed fields>}`.
fn json(parsed: &ParsedTarget) -> String {
    // Serialising a ParsedTarget cannot fail (string keys, numbers as strings); keep the line
    // valid JSON all the same.
    serde_json::to_string(parsed).unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_input_kind_canonical_and_fields() {
        let parsed = ParsedTarget::parse("Minska med 50 % jmf 2019").expect("parses");
        let line: serde_json::Value = serde_json::from_str(&json(&parsed)).expect("json");
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
        let cli = Cli::try_parse_from(["styrkort", "--strict", "-3,5%", "-1 %", "--json"]).expect("parses");
        let (flags, texts) = cli.args.resolved();
        assert!(flags.strict && flags.json && !flags.activity);
        assert_eq!(texts, vec!["-3,5%", "-1 %"]);
    }
}
