//! A generated national-scale data set, shared by the assessment benchmark and the
//! `national_scale` example: Sweden's 21 regions and 289 municipalities under the nation (the
//! organisation itself), 200 measures reported for T, K and M, two years of three reports.

#![allow(dead_code)]

use rust_decimal::Decimal;
use styrkort::model::*;

/// Units: 21 regions, each with its municipalities; 310 units, 311 with the nation.
pub const REGIONS: usize = 21;
/// Municipalities in all.
pub const MUNICIPALITIES: usize = 289;
/// Measures.
pub const MEASURES: usize = 200;

const TARGETS: [(&str, Polarity, Accumulation, &str); 8] = [
    ("72 %", Polarity::HigherIsBetter, Accumulation::Level, "percent"),
    ("Öka", Polarity::HigherIsBetter, Accumulation::Level, "percent"),
    ("Minska med 5 %", Polarity::LowerIsBetter, Accumulation::Level, "percent"),
    ("K 16,0 % M 17,2 %", Polarity::LowerIsBetter, Accumulation::Level, "percent"),
    ("100 % i dec", Polarity::HigherIsBetter, Accumulation::Level, "percent"),
    ("I nivå med riket", Polarity::HigherIsBetter, Accumulation::Level, "percent"),
    ("Högst 5", Polarity::LowerIsBetter, Accumulation::Level, "rate"),
    ("270", Polarity::HigherIsBetter, Accumulation::Cumulative, "count"),
];

/// The scorecard.
pub fn scorecard() -> Scorecard {
    let mut scorecard = Scorecard::new("Sverige", "Nationell uppföljning", (2024, 2025));
    for r in 0..REGIONS {
        scorecard.units.push(OrgUnit { id: format!("R{r:02}"), name: format!("Region {r}"), parent: None });
    }
    for m in 0..MUNICIPALITIES {
        scorecard.units.push(OrgUnit {
            id: format!("K{m:03}"),
            name: format!("Kommun {m}"),
            parent: Some(format!("R{:02}", m % REGIONS)),
        });
    }
    let perspectives: Vec<String> = scorecard.perspectives.iter().map(|p| p.id.clone()).collect();
    for (g, perspective) in perspectives.iter().enumerate() {
        scorecard.goals.push(Goal {
            id: format!("G{g}"),
            perspective: perspective.clone(),
            name: format!("Mål {g}"),
            bodies: vec![],
            description: None,
            note: None,
        });
        for f in 0..4 {
            scorecard.success_factors.push(SuccessFactor {
                id: format!("F{g}{f}"),
                goal: format!("G{g}"),
                name: format!("Faktor {g}.{f}"),
                bodies: vec![],
                risk: None,
                description: None,
                note: None,
            });
        }
    }
    for i in 0..MEASURES {
        let (target, polarity, accumulation, unit) = TARGETS[i % TARGETS.len()];
        let mut measure = Measure::new(format!("N{i:03}"), format!("F{}{}", i % 5, (i / 5) % 4), format!("Mått {i}"));
        measure.polarity = polarity;
        measure.accumulation = accumulation;
        measure.unit = UnitOfMeasure(unit.to_owned());
        measure.sexes = vec![Sex::Total, Sex::Women, Sex::Men];
        measure.targets.insert(2025, target.to_owned());
        scorecard.measures.push(measure);
    }
    scorecard
}

/// Observations for every unit, measure, sex and report of 2024 and 2025, with a national
/// reference value.
pub fn observations(scorecard: &Scorecard) -> Observations {
    let units: Vec<Option<String>> =
        std::iter::once(None).chain(scorecard.units.iter().map(|u| Some(u.id.clone()))).collect();
    let mut observations = Observations::with_capacity(units.len() * MEASURES * 3 * 6);
    let mut seed: u64 = 0x5eed;
    for year in [2024, 2025] {
        for report in ReportPoint::ALL {
            for measure in &scorecard.measures {
                for unit in &units {
                    for sex in [Sex::Total, Sex::Women, Sex::Men] {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let value = Decimal::new(((seed >> 33) % 1000) as i64 + 1, 1);
                        observations.push(Observation {
                            unit: unit.clone(),
                            measure: measure.id.clone(),
                            period: Period::new(year, report),
                            sex,
                            outcome: Outcome::Value(value),
                            reference: Some(Decimal::new(500, 1)),
                            note: None,
                        });
                    }
                }
            }
        }
    }
    observations
}
