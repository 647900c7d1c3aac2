//! `styrkort report [PLAN OBSERVATIONS --period P] [--judgements F] [--unit U]
//! [--format html|md|text|json|csv] [-o FILE] [--lang sv|en] [--no-color] [--publish]
//! [--columns utfall] [--excel]`: the goal-fulfilment report ("Bilaga måluppfyllelse i
//! perspektiv"). Without files, the bundled Region Norrbotten April 2020 example.
//!
//! The format, when not given, follows the output file's extension (`.html`/`.htm` → HTML,
//! `.md` → Markdown, `.json` → JSON, `.csv` → CSV) and is text otherwise, including on standard
//! output. Colour: only for text, only on a terminal, never with `--no-color` or `NO_COLOR` set.

use crate::inputs::Inputs;
use crate::output::Output;
use crate::terminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkort::assess::{CsvDialect, UnitSelection};
use styrkort::report::{Language, Report, ReportColumn, ReportOptions};

/// Output formats of `styrkort report`.
#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReportFormat {
    /// One self-contained HTML file (inline CSS and SVG, no JavaScript).
    Html,
    /// Markdown with the region's tables.
    #[value(alias = "markdown")]
    Md,
    /// Aligned terminal text.
    Text,
    /// The tidy rows as a JSON list.
    Json,
    /// The tidy rows as CSV.
    Csv,
}

impl ReportFormat {
    /// The format an output file's extension implies; text without one.
    fn for_output(path: Option<&Path>) -> ReportFormat {
        let extension = path.and_then(Path::extension).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("html" | "htm") => ReportFormat::Html,
            Some("md" | "markdown") => ReportFormat::Md,
            Some("json") => ReportFormat::Json,
            Some("csv") => ReportFormat::Csv,
            _ => ReportFormat::Text,
        }
    }
}

/// The language of the labels.
#[derive(clap::ValueEnum, Clone, Copy, Default)]
pub enum Lang {
    /// Svenska.
    #[default]
    Sv,
    /// English labels (the sentences stay Swedish).
    En,
}

/// Arguments of `styrkort report`.
#[derive(clap::Args, Default)]
pub struct ReportArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Output format [default: from the extension of -o (.html, .md, .json, .csv), else text].
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Write to this file instead of standard output (`-`: standard output). It is written
    /// whole or not at all, and never over one of the inputs.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Language of the labels.
    #[arg(long, value_enum, default_value_t)]
    lang: Lang,
    /// No ANSI colour in text output (also when NO_COLOR is set, or when not writing to a terminal).
    #[arg(long)]
    no_color: bool,
    /// Publication mode: no engine flags and no explanations, only what the region shows.
    #[arg(long)]
    publish: bool,
    /// Optional columns of the measure tables, comma-separated: `utfall` (the value).
    #[arg(long, value_delimiter = ',', value_parser = parse_column)]
    columns: Vec<ReportColumn>,
    /// CSV for Swedish Excel: `;`, decimal comma, UTF-8 byte-order mark, CRLF.
    #[arg(long)]
    excel: bool,
}

fn parse_column(text: &str) -> Result<ReportColumn, String> {
    ReportColumn::parse(text).ok_or_else(|| format!("unknown column '{text}': expected utfall"))
}

/// Makes the report and writes it.
pub fn run(args: &ReportArgs) -> ExitCode {
    let output = Output::of(args.output.as_deref());
    let mut inputs = match args.inputs.load(&output) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let units = match &inputs.unit {
        Some(unit) => UnitSelection::Unit(unit.clone()),
        None => UnitSelection::Organisation,
    };
    let analyses = std::mem::take(&mut inputs.analyses);
    let (assessments, judgements) = match inputs.assess(&units) {
        Ok(assessed) => assessed,
        Err(code) => return code,
    };
    let options = ReportOptions {
        publish: args.publish,
        columns: args.columns.clone(),
        language: match args.lang {
            Lang::Sv => Language::Swedish,
            Lang::En => Language::English,
        },
        csv: if args.excel { CsvDialect::Excel } else { CsvDialect::Standard },
    };
    let report = Report::new(assessments, &judgements).with_analyses(&analyses).with_options(options);
    let format = args.format.unwrap_or_else(|| ReportFormat::for_output(output.path()));
    if args.excel && format != ReportFormat::Csv {
        return terminal::usage("--excel is a CSV dialect: use it with --format csv or -o FILE.csv");
    }
    let text = match format {
        ReportFormat::Html => Ok(report.to_html()),
        ReportFormat::Md => Ok(report.to_markdown()),
        ReportFormat::Text => {
            let plain = report.to_text(false);
            // The report's own colours, unless the plan's texts bring control characters of
            // their own: then they are escaped, and the report goes without colour.
            if use_color(args, &output) && !terminal::has_controls(&plain) {
                return terminal::print_raw(&report.to_text(true));
            }
            Ok(plain)
        }
        ReportFormat::Json => report.to_json(),
        ReportFormat::Csv => report.to_csv(),
    };
    match text {
        Ok(text) => output.write(&text),
        Err(error) => crate::inputs::fail(&error),
    }
}

/// Colour only on a terminal, and not when asked not to (`--no-color`, `NO_COLOR`).
fn use_color(args: &ReportArgs, output: &Output) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    *output == Output::Stdout && !args.no_color && !no_color && terminal::stdout_is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(ReportFormat::for_output(Some(Path::new("r.HTML"))), ReportFormat::Html);
        assert_eq!(ReportFormat::for_output(Some(Path::new("r.md"))), ReportFormat::Md);
        assert_eq!(ReportFormat::for_output(Some(Path::new("r.csv"))), ReportFormat::Csv);
        assert_eq!(ReportFormat::for_output(Some(Path::new("r.txt"))), ReportFormat::Text);
        assert_eq!(ReportFormat::for_output(None), ReportFormat::Text);
    }
}
