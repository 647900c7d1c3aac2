//! `styrkort assess PLAN OBSERVATIONS --period P [--judgements F] [--unit U]
//! [--format text|json|csv|md|html] [--excel] [-o F]`: every row's status, trend and explanation,
//! then the goals; `md` and `html` are the goal-fulfilment report of the rows (SPEC §7).

use crate::inputs::Inputs;
use crate::output::Output;
use std::io::Write;
use std::process::ExitCode;
use styrkort::assess::{Assessments, CsvDialect, UnitSelection, records_to_csv_with, records_to_json};
use styrkort::report::Report;

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
    let text = match args.format {
        AssessFormat::Json => records_to_json(&assessments.records()),
        AssessFormat::Csv => records_to_csv_with(&assessments.records(), dialect),
        AssessFormat::Text => Ok(text(&assessments, &judgements)),
        AssessFormat::Md | AssessFormat::Html => {
            let report = Report::new(assessments, &judgements).with_analyses(&analyses);
            Ok(if matches!(args.format, AssessFormat::Md) { report.to_markdown() } else { report.to_html() })
        }
    };
    match text {
        Ok(text) => output.write(&text),
        Err(error) => crate::inputs::fail(&error),
    }
}

fn text(assessments: &Assessments, judgements: &[styrkort::model::Judgement]) -> String {
    let mut out = Vec::new();
    let year = assessments.period().year;
    let _ = writeln!(
        out,
        "{} — {}, {}",
        assessments.scorecard().organisation,
        assessments.scorecard().name,
        assessments.period()
    );
    let _ = writeln!(out);
    let width = assessments
        .rows()
        .iter()
        .filter_map(|row| Some(assessments.measure(row)?.id.chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  {:<3}  Förklaring",
        "Mått", "Enh", "Kön", "Utfall", "Mål", "Status", "Utv"
    );
    for row in assessments.rows() {
        let Some(measure) = assessments.measure(row) else { continue };
        let value = row
            .verdict
            .value
            .map(|v| styrkort::assess::value_text(v, row.verdict.rule, measure))
            .unwrap_or_else(|| "–".into());
        let target: String = measure.target_cell(year).map_or("–", |(_, text)| text).chars().take(22).collect();
        let unit = assessments.unit_id(row).unwrap_or("");
        let explanation = assessments.explain(row).sentence;
        let _ = writeln!(
            out,
            "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  {:<3}  {explanation}",
            measure.id,
            unit,
            row.sex.code(),
            value,
            target,
            row.verdict.status.label_sv(),
            row.verdict.trend.arrow()
        );
    }
    let rollup = assessments.rollup(None, judgements);
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
