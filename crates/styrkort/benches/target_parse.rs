//! Parsing speed of the target language: a mix of the common forms (the figure to keep at or
//! above 1 000 000 parses per second on one core), and a mix of the forms other regions write.
//!
//! Run with `cargo bench --bench target_parse`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use styrkort::target::Target;

const MIX: [&str; 8] = [
    "Öka",
    "Minska",
    "72 %",
    "100 % i dec",
    "K 16,0 % M 17,2 %",
    "Minska med 50 % jmf 2019",
    "35 000",
    "I nivå med riket",
];

const REGIONS: [&str; 8] = [
    "≥ 85 %",
    "-3,2% (2025) -1% (2026) 0,5 % (2027)",
    "75,0 % (2027)",
    "Andelen nöjda invånare ska öka.",
    "Högre än riksgenomsnittet",
    "Öka med 1 200",
    "Basvärde tas fram",
    "Beslut fattat om ny vårdstruktur",
];

fn parse_mix(c: &mut Criterion) {
    let mut group = c.benchmark_group("target_parse");
    for (name, mix) in [("common_mix", MIX), ("regions_mix", REGIONS)] {
        group.throughput(Throughput::Elements(mix.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for text in mix {
                    let _ = black_box(Target::parse(black_box(text)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, parse_mix);
criterion_main!(benches);
