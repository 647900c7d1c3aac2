//! `styrkort assess PLAN OBSERVATIONS --period P [--judgements F] [--unit U] [--format json|csv|text] [-o F]`.

use crate::inputs::Inputs;
use crate::output::Output;
use std::io::Write;
use std::process::ExitCode;
use styrkort::assess::{Assessments, UnitSelection, records_to_csv, records_to_json};

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
}

/// Assesses and prints.
pub fn run(args: &AssessArgs) -> ExitCode {
    let output = Output::of(args.output.as_deref());
    let inputs = match args.inputs.load(&output) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let units = match &inputs.unit {
        Some(unit) => UnitSelection::Unit(unit.clone()),
        None => UnitSelection::All,
    };
    let (assessments, judgements) = match inputs.assess(&units) {
        Ok(assessed) => assessed,
        Err(code) => return code,
    };
    let text = match args.format {
        AssessFormat::Json => records_to_json(&assessments.records()),
        AssessFormat::Csv => records_to_csv(&assessments.records()),
        AssessFormat::Text => Ok(text(&assessments, &judgements)),
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
        "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  Utv",
        "Mått", "Enh", "Kön", "Utfall", "Mål", "Status"
    );
    for row in assessments.rows() {
        let Some(measure) = assessments.measure(row) else { continue };
        let value = row.verdict.value.map(|v| styrkort::assess::quantity_sv(v, measure)).unwrap_or_else(|| "–".into());
        let target: String = measure.target_cell(year).map_or("–", |(_, text)| text).chars().take(22).collect();
        let unit = assessments.unit_id(row).unwrap_or("");
        let _ = writeln!(
            out,
            "{:<width$}  {:<4} {:<4}  {:>10}  {:<22}  {:<15}  {}",
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
