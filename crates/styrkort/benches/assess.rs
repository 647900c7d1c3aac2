//! Assessment speed at national scale: 311 units × 200 measures × T/K/M × 3 periods, about
//! 560 000 assessments, on one core and on every core. Issue 4 asks for at least 10 000 000 assessments per
//! second; the index is built once, as a loaded data set is.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::num::NonZeroUsize;
use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
use styrkort::model::{Period, ReportPoint};

mod national;

fn assessing(c: &mut Criterion) {
    let scorecard = national::scorecard();
    let observations = national::observations(&scorecard);
    let engine = Engine::new(scorecard, RuleSet::default());
    let index = engine.index(&observations).expect("indexes");
    let periods = ReportPoint::ALL.map(|report| Period::new(2025, report));
    let rows: usize =
        periods.iter().map(|&p| engine.assess(&index, p, &UnitSelection::All).expect("assesses").len()).sum();

    let mut group = c.benchmark_group("assess");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows as u64));
    // One core, then every core (the engine's default): the same rows.
    let cores = engine.threads();
    for (name, threads) in [("national_560k", NonZeroUsize::MIN), ("national_560k_every_core", cores)] {
        let engine = engine.clone().with_threads(threads);
        group.bench_function(name, |b| {
            b.iter(|| {
                for &period in &periods {
                    black_box(engine.assess(black_box(&index), period, &UnitSelection::All).expect("assesses"));
                }
            })
        });
    }
    // One core, the rows' memory kept from the last round (`Engine::assess_into`).
    let alone = engine.clone().with_threads(NonZeroUsize::MIN);
    let mut kept: Vec<_> = periods.iter().map(|_| Vec::new()).collect();
    group.bench_function("national_560k_rows_reused", |b| {
        b.iter(|| {
            for (&period, rows) in periods.iter().zip(&mut kept) {
                alone.assess_into(black_box(&index), period, &UnitSelection::All, rows).expect("assesses");
                black_box(&rows);
            }
        })
    });
    group.throughput(Throughput::Elements(observations.len() as u64));
    group.bench_function("index_1_1m_observations", |b| {
        b.iter(|| black_box(engine.index(black_box(&observations)).expect("indexes")))
    });
    group.throughput(Throughput::Elements((rows / 3) as u64));
    group.bench_function("rollup_all_units_one_period", |b| {
        let rows = engine.assess(&index, periods[0], &UnitSelection::All).expect("assesses");
        let assessments =
            Assessments::from_rows(engine.clone(), periods[0], UnitSelection::All, rows).expect("rows of the engine");
        b.iter(|| black_box(assessments.rollup(None, &[])))
    });
    group.finish();
}

criterion_group!(benches, assessing);
criterion_main!(benches);
