//! Assesses the generated national-scale data set (311 units × 200 measures × T/K/M, three
//! periods; see `benches/national.rs`) once and prints the counts and timings. Run it under
//! `/usr/bin/time -v` to read the peak memory:
//!
//! ```sh
//! cargo build --release --example national_scale -p styrkort
//! /usr/bin/time -v target/release/examples/national_scale
//! ```

#[path = "../benches/national.rs"]
mod national;

use std::time::Instant;
use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
use styrkort::model::{Period, ReportPoint};

fn main() {
    let start = Instant::now();
    let scorecard = national::scorecard();
    let observations = national::observations(&scorecard);
    let generated = start.elapsed();
    let engine = Engine::new(scorecard, RuleSet::default());
    let start = Instant::now();
    let index = engine.index(&observations).expect("indexes");
    let indexed = start.elapsed();
    drop(observations);
    let start = Instant::now();
    let mut rows = 0;
    let mut kept = Vec::new();
    for report in ReportPoint::ALL {
        let period = Period::new(2025, report);
        let assessed = engine.assess(&index, period, &UnitSelection::All).expect("assesses");
        rows += assessed.len();
        kept.push(
            Assessments::from_rows(engine.clone(), period, UnitSelection::All, assessed).expect("rows of the engine"),
        );
    }
    let assessed = start.elapsed();
    let start = Instant::now();
    let rollup = kept[2].rollup(None, &[]);
    let rolled = start.elapsed();
    println!("generated {} observations in {generated:.2?}", index.len());
    println!("indexed in {indexed:.2?}");
    println!("{rows} assessments in {assessed:.2?} ({:.1} M/s)", rows as f64 / assessed.as_secs_f64() / 1e6);
    println!("roll-up of the nation in {rolled:.2?}: {}", rollup.sentence);
}
