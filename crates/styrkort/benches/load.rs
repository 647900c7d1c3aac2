//! Loading speed: a scorecard of 10 000 measures (TOML and JSON) and a CSV of 1 000 000
//! observations, each on one core. Issue 2 asks for both under one second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;
use styrkort::io::{Format, ObservationFormat, read_observations, read_scorecard};

const MEASURES: usize = 10_000;
const OBSERVATIONS: usize = 1_000_000;
/// Units, so that every observation is of its own unit × measure × period × sex.
const UNITS: usize = 34;

/// A plan of 5 perspectives × 4 goals × 5 success factors × 100 measures.
fn plan_toml() -> String {
    let mut text = String::from(
        "schema = 1\norganisation = \"Region Bench\"\nname = \"Plan\"\nyears = [2024, 2026]\n\n[[bodies]]\ncode = \"RS\"\nname = \"Regionstyrelsen\"\n\n",
    );
    for unit in 0..UNITS {
        let _ = write!(text, "[[units]]\nid = \"E{unit:02}\"\nname = \"Enhet {unit}\"\n\n");
    }
    let perspectives = ["samhalle", "medborgare", "verksamhet", "medarbetare", "ekonomi"];
    for (p, perspective) in perspectives.iter().enumerate() {
        for g in 0..4 {
            let _ = write!(
                text,
                "[[goals]]\nid = \"G{p}-{g}\"\nperspective = \"{perspective}\"\nname = \"Strategiskt mål {p}-{g}\"\nbodies = [\"RS\"]\n\n"
            );
            for f in 0..5 {
                let _ = write!(
                    text,
                    "[[success_factors]]\nid = \"F{p}-{g}-{f}\"\ngoal = \"G{p}-{g}\"\nname = \"Framgångsfaktor {f}\"\nbodies = [\"RS\"]\nrisk = {{ probability = 2, consequence = 3 }}\n\n"
                );
            }
        }
    }
    for m in 0..MEASURES {
        let factor = format!("F{}-{}-{}", m % 5, (m / 5) % 4, (m / 20) % 5);
        let (sexes, target) =
            if m.is_multiple_of(3) { ("[\"K\", \"M\"]", "K 16,0 % M 17,2 %") } else { ("[\"T\"]", "72 %") };
        let _ = write!(
            text,
            "[[measures]]\nid = \"M{m}\"\nsuccess_factor = \"{factor}\"\nname = \"Andel patienter som fått vård inom 90 dagar, mått {m}\"\nunit = \"percent\"\npolarity = \"higher_is_better\"\nsexes = {sexes}\nsource = \"Väntetider i vården\"\nbaseline = {{ period = \"2023-ÅR\", text = \"2023: 65 %\" }}\ntargets = {{ 2024 = \"{target}\", 2026 = \"Öka\" }}\n\n"
        );
    }
    text
}

/// One million observations over the plan's units, periods and measures, each unit × measure ×
/// period × sex once.
fn observations_csv() -> String {
    let mut text = String::with_capacity(OBSERVATIONS * 40);
    text.push_str("unit,measure,period,sex,value,reference\n");
    let periods = ["2024-DÅ04", "2024-DÅ08", "2024-ÅR"];
    for i in 0..OBSERVATIONS {
        let measure = i % MEASURES;
        let period = (i / MEASURES) % 3;
        let unit = i / (MEASURES * 3);
        let sex = if measure.is_multiple_of(3) { if unit.is_multiple_of(2) { "K" } else { "M" } } else { "T" };
        let _ = writeln!(text, "E{unit:02},M{measure},{},{sex},{}.{},", periods[period], 40 + i % 60, i % 10);
    }
    text
}

fn loading(c: &mut Criterion) {
    let toml = plan_toml();
    let scorecard = read_scorecard("bench.toml", &toml, Format::Toml).expect("the bench plan is valid");
    let json = scorecard.to_json_string().expect("writes");
    let csv = observations_csv();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Elements(MEASURES as u64));
    group.bench_function("scorecard_toml_10k_measures", |b| {
        b.iter(|| read_scorecard("bench.toml", black_box(&toml), Format::Toml).expect("valid"))
    });
    group.bench_function("scorecard_json_10k_measures", |b| {
        b.iter(|| read_scorecard("bench.json", black_box(&json), Format::Json).expect("valid"))
    });
    group.throughput(Throughput::Elements(OBSERVATIONS as u64));
    group.bench_function("observations_csv_1m", |b| {
        b.iter(|| read_observations("bench.csv", black_box(&csv), ObservationFormat::Csv, None).expect("valid"))
    });
    group.bench_function("observations_csv_1m_validated", |b| {
        b.iter(|| {
            read_observations("bench.csv", black_box(&csv), ObservationFormat::Csv, Some(&scorecard)).expect("valid")
        })
    });
    group.finish();
}

criterion_group!(benches, loading);
criterion_main!(benches);
