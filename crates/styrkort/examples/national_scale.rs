//! Assesses the generated national-scale data set (311 units × 200 measures × T/K/M, three
//! periods; see `benches/national.rs`) as a user follows up a year: the observations are
//! indexed once (and then dropped), each period is assessed and rolled up for the nation. Prints
//! the counts and timings. Run it under `/usr/bin/time -v` to read the peak memory:
//!
//! ```sh
//! cargo build --release --example national_scale -p styrkort
//! /usr/bin/time -v target/release/examples/national_scale          # one period's rows at a time
//! /usr/bin/time -v target/release/examples/national_scale --keep   # all three periods' rows kept
//! target/release/examples/national_scale --threads 1               # on one core
//! ```

#[path = "../benches/national.rs"]
mod national;

use std::time::Instant;
use styrkort::assess::{Assessments, Engine, RuleSet, UnitSelection};
use styrkort::model::{Period, ReportPoint};

fn main() -> Result<(), styrkort::Error> {
    let keep = std::env::args().any(|arg| arg == "--keep");
    let start = Instant::now();
    let scorecard = national::scorecard();
    let observations = national::observations(&scorecard);
    let generated = start.elapsed();
    // `--threads N` shares each period's assessment among N threads (by default every core).
    let threads = std::env::args()
        .skip_while(|arg| arg != "--threads")
        .nth(1)
        .and_then(|n| n.parse::<std::num::NonZeroUsize>().ok());
    let engine = Engine::new(scorecard, RuleSet::default());
    let engine = match threads {
        Some(threads) => engine.with_threads(threads),
        None => engine,
    };
    let start = Instant::now();
    let index = engine.index(&observations)?;
    let indexed = start.elapsed();
    let count = observations.len();
    drop(observations);
    let start = Instant::now();
    let mut rows = 0;
    let mut kept = Vec::new();
    let mut sentences = Vec::new();
    for report in ReportPoint::ALL {
        let period = Period::new(2025, report);
        let assessed = engine.assess(&index, period, &UnitSelection::All)?;
        rows += assessed.len();
        let assessments = Assessments::from_rows(engine.clone(), period, UnitSelection::All, assessed)?;
        sentences.push(assessments.rollup(None, &[]).sentence);
        if keep {
            kept.push(assessments);
        }
    }
    let assessed = start.elapsed();
    println!("generated {count} observations in {generated:.2?}");
    println!("indexed in {indexed:.2?} ({} slots with consolidated units)", index.len());
    println!(
        "{rows} assessments and three roll-ups of the nation in {assessed:.2?} ({:.1} M/s, {} threads){}",
        rows as f64 / assessed.as_secs_f64() / 1e6,
        engine.threads(),
        if keep { ", every row kept" } else { "" }
    );
    if let Some(sentence) = sentences.last() {
        println!("{sentence}");
    }
    Ok(())
}
