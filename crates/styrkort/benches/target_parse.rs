//! Parsing speed of the target language over a mix of the common forms.
//!
//! Run with `cargo bench --bench target_parse`; the goal is at least 1 000 000 parses per second
//! on one core.

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

fn parse_mix(c: &mut Criterion) {
    let mut group = c.benchmark_group("target_parse");
    group.throughput(Throughput::Elements(MIX.len() as u64));
    group.bench_function("common_mix", |b| {
        b.iter(|| {
            for text in MIX {
                let _ = black_box(Target::parse(black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_mix);
criterion_main!(benches);
