//! `styrkort assess PLAN OBSERVATIONS --period P [--judgements F] [--unit U]
//! [--format text|json|csv|md|html] [--excel] [-o F]`: every row's status, trend and explanation,
//! then the goals; `md` and `html` are the goal-fulfilment report of the rows (SPEC §7).

use crate::inputs::Inputs;
use crate::output::Output;
use std::io::Write;
use std::process::ExitCode;
use styrkort::assess::{CsvDialect, UnitSelection};
use styrkort::report::{Report, ReportOptions};

/// Output formats of `styrkort assess`.
#[derive(clap::ValueEnum, Clone, Copy, Default)]
pub enum AssessFormat {
    /// Aligned columns, then the roll-up of the goals.
    #[default]
    Text,
    /// A list of objects, one per measure × unit × period × sex.
    Json,
    /// One tidy row per measure × unit × period × sex.
    Csv,
    /// The goal-fulfilment report of the organisation (or `--unit`) as Markdown.
    #[value(alias = "markdown")]
    Md,
    /// The same as one self-contained HTML file.
    Html,
}

/// Arguments of `styrkort assess`.
#[derive(clap::Args)]
pub struct AssessArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: AssessFormat,
    /// Write to this file instead of standard output (`-`: standard output). It is written
    /// whole or not at all, and never over one of the inputs.
    #[arg(short = 'o', long = "output")]
    output: Option<std::path::PathBuf>,
    /// CSV for Swedish Excel: `;`, decimal comma, UTF-8 byte-order mark, CRLF.
    #[arg(long)]
    excel: bool,
}

/// Assesses and prints.
pub fn run(args: &AssessArgs) -> ExitCode {
    let output = Output::of(args.output.as_deref());
    let mut inputs = match args.inputs.load(&output) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let units = match &inputs.unit {
        Some(unit) => UnitSelection::Unit(unit.clone()),
        None => UnitSelection::All,
    };
    let analyses = std::mem::take(&mut inputs.analyses);
    let (assessments, judgements) = match inputs.assess(&units) {
        Ok(assessed) => assessed,
        Err(code) => return code,
    };
    let dialect = if args.excel { CsvDialect::Excel } else { CsvDialect::Standard };
    let options = ReportOptions { csv: dialect, ..ReportOptions::default() };
    let report = Report::new(assessments, &judgements).with_analyses(&analyses).with_options(options);
    let text = match args.format {
        AssessFormat::Json => report.to_json(),
        AssessFormat::Csv => report.to_csv(),
        AssessFormat::Text => Ok(text(&report)),
        AssessFormat::Md => Ok(report.to_markdown()),
        AssessFormat::Html => Ok(report.to_html()),
    };
    match text {
        Ok(text) => output.write(&text),
        Err(error) => crate::inputs::fail(&error),
    }
}

/// The rows in aligned columns, each with its reported status (a verdict recorded on the
/// measure, with the computed one beside it where they differ) and explanation, then the goals.
fn text(report: &Report) -> String {
    let mut out = Vec::new();
    let assessments = report.assessments();
    let _ = writeln!(
        out,
        "{} — {}, {}",
        assessments.scorecard().organisation,
        assessments.scorecard().name,
        assessments.period()
    );
    let _ = writeln!(out);
    let records = report.records();
    let width = records.iter().map(|record| record.measure.chars().count()).max().unwrap_or(4).max(4);
    let _ = writeln!(
        out,
        "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  {:<3}  Förklaring",
        "Mått", "Enh", "Kön", "Utfall", "Mål", "Status", "Utv"
    );
    for record in &records {
        let value = if record.value_text.is_empty() { "–" } else { &record.value_text };
        let target: String = record.target.as_deref().unwrap_or("–").chars().take(22).collect();
        let computed = match record.reported_status == record.verdict.status {
            true => String::new(),
            false => format!("(beräknat: {}) ", record.status_label),
        };
        let _ = writeln!(
            out,
            "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  {:<3}  {computed}{}",
            record.measure,
            record.unit.as_deref().unwrap_or(""),
            record.sex.code(),
            value,
            target,
            record.reported_status.label_sv(),
            record.arrow,
            record.explanation,
        );
    }
    let rollup = report.rollup();
    let _ = writeln!(out);
    for goal in &rollup.goals {
        let flag = if goal.differs { format!("  (beräknat: {})", goal.suggested.label_sv()) } else { String::new() };
        let _ = writeln!(out, "{:<8} {:<15} {}{flag}", goal.id, goal.reported.label_sv(), goal.name);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", rollup.sentence);
    if let Some(forecast) = &rollup.forecast_sentence {
        let _ = writeln!(out, "{forecast}");
    }
    String::from_utf8(out).unwrap_or_default()
}
