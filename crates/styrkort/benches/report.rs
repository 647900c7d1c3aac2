//! Report rendering speed at national scale: the HTML report of every unit of the national data
//! set (311 units: the nation, 21 regions, 289 municipalities; 200 measures × T/K/M), one unit
//! after another, 186 600 table rows per period. Each unit's assessments are made once, outside
//! the timing; a report builds its roll-up and row index and renders. The same with the measures
//! doubled and tripled checks that the time grows with the rows (each throughput the same);
//! the publication mode (no explanations) is measured beside the working mode.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
use styrkort::model::{Period, ReportPoint, Scorecard};
use styrkort::report::{Report, ReportOptions};

mod national;

/// The national scorecard with its measures repeated `times` times (ids suffixed).
fn scaled(times: usize) -> Scorecard {
    let mut scorecard = national::scorecard();
    let measures = scorecard.measures.clone();
    for copy in 1..times {
        scorecard.measures.extend(measures.iter().cloned().map(|mut measure| {
            measure.id = format!("{}-{copy}", measure.id);
            measure
        }));
    }
    scorecard
}

/// Every unit's assessments for one period (the nation's first).
fn per_unit(scorecard: Scorecard, period: Period) -> Vec<Assessments> {
    let observations = national::observations(&scorecard);
    let engine = Engine::new(scorecard, RuleSet::default());
    let index = engine.index(&observations).expect("indexes");
    let units: Vec<Option<String>> =
        std::iter::once(None).chain(engine.scorecard().units.iter().map(|u| Some(u.id.clone()))).collect();
    units
        .into_iter()
        .map(|unit| {
            let selection = match &unit {
                Some(id) => UnitSelection::Unit(id.clone()),
                None => UnitSelection::Organisation,
            };
            let rows = engine.assess(&index, period, &selection).expect("assesses");
            Assessments::from_rows(engine.clone(), period, selection, rows).expect("rows of the engine")
        })
        .collect()
}

fn render_all(units: &[Arc<Assessments>], options: &ReportOptions) -> usize {
    let mut bytes = 0;
    for assessments in units {
        let report = Report::new(Arc::clone(assessments), &[]).with_options(options.clone());
        bytes += black_box(report.to_html()).len();
    }
    bytes
}

fn reporting(c: &mut Criterion) {
    let period = Period::new(2025, ReportPoint::April);
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    let working = ReportOptions::default();
    let published = ReportOptions::published();
    for times in [1, 2, 3] {
        let units: Vec<Arc<Assessments>> = per_unit(scaled(times), period).into_iter().map(Arc::new).collect();
        let rows: usize = units.iter().map(|a| a.rows().len()).sum();
        eprintln!("{rows} rows, {} MB of HTML", render_all(&units, &working) / 1_000_000);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_function(format!("html_311_units_{rows}_rows"), |b| {
            b.iter(|| render_all(black_box(&units), &working))
        });
        if times == 1 {
            group.bench_function(format!("html_published_311_units_{rows}_rows"), |b| {
                b.iter(|| render_all(black_box(&units), &published))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, reporting);
criterion_main!(benches);
