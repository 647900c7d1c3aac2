//! Assessment on several threads: a large assessment is shared among the engine's threads, and
//! the rows are the same, in the same order, as on one thread, whatever the number of threads.

#[path = "../benches/national.rs"]
mod national;

use std::num::NonZeroUsize;
use styrkort::assess::{Engine, RuleSet, UnitSelection};
use styrkort::model::*;

/// Every form of target the engine judges differently, the ones that look at other periods,
/// sexes and child units included.
const TARGETS: [&str; 10] = [
    "72 %",
    "Öka",
    "Minska med 5 %",
    "K 16,0 % M 17,2 %",
    "100 % i dec",
    "I nivå med riket",
    "Högst 5",
    "Minst ett projekt per kommun",
    "40/60",
    "Öka med 2 procentenheter",
];

/// 8 regions of 9 units each under the organisation, 100 measures split by sex: 24 300 rows a
/// period, above the size at which an assessment is shared among threads.
fn scorecard() -> Scorecard {
    let mut scorecard = Scorecard::new("Sverige", "Trådar", (2024, 2025));
    for region in 0..8 {
        scorecard.units.push(OrgUnit { id: format!("R{region}"), name: format!("Region {region}"), parent: None });
        for unit in 0..9 {
            scorecard.units.push(OrgUnit {
                id: format!("R{region}E{unit}"),
                name: format!("Enhet {region}.{unit}"),
                parent: Some(format!("R{region}")),
            });
        }
    }
    let perspective = scorecard.perspectives.first().map(|p| p.id.clone()).unwrap_or_default();
    scorecard.goals.push(Goal {
        id: "G".into(),
        perspective,
        name: "Mål".into(),
        bodies: vec![],
        description: None,
        note: None,
    });
    scorecard.success_factors.push(SuccessFactor {
        id: "F".into(),
        goal: "G".into(),
        name: "Faktor".into(),
        bodies: vec![],
        risk: None,
        description: None,
        note: None,
    });
    for (i, target) in (0..100).zip(TARGETS.iter().cycle()) {
        let mut measure = Measure::new(format!("M{i:03}"), "F", format!("Mått {i}"));
        measure.polarity = if i % 3 == 0 { Polarity::LowerIsBetter } else { Polarity::HigherIsBetter };
        measure.unit = UnitOfMeasure("percent".into());
        measure.sexes = vec![Sex::Total, Sex::Women, Sex::Men];
        measure.targets.insert(2025, (*target).to_owned());
        scorecard.measures.push(measure);
    }
    scorecard
}

fn threads(count: usize) -> NonZeroUsize {
    NonZeroUsize::new(count).unwrap_or(NonZeroUsize::MIN)
}

#[test]
fn the_rows_are_the_same_in_the_same_order_on_any_number_of_threads() {
    let scorecard = scorecard();
    let observations = national::observations(&scorecard);
    let engine = Engine::new(scorecard, RuleSet::default());
    let index = engine.index(&observations).expect("the observations fit the scorecard");
    for period in ReportPoint::ALL.map(|report| Period::new(2025, report)) {
        let alone = engine.clone().with_threads(threads(1));
        let one = alone.assess(&index, period, &UnitSelection::All).expect("assesses");
        assert_eq!(one.len(), 81 * 100 * 3, "every unit × measure × sex");
        let statuses: std::collections::BTreeSet<Status> = one.iter().map(|row| row.verdict.status).collect();
        assert!(statuses.len() >= 3, "a set that tells the rules apart: {statuses:?}");
        for count in [2, 3, 7, 1000] {
            let shared = engine.clone().with_threads(threads(count));
            let rows = shared.assess(&index, period, &UnitSelection::All).expect("assesses");
            assert!(rows == one, "{count} threads, {period}: the rows of one thread");
        }
    }
}

#[test]
fn an_engine_takes_every_core_unless_told() {
    let engine = Engine::new(scorecard(), RuleSet::default());
    let cores = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    assert_eq!(engine.threads(), cores);
    assert_eq!(engine.with_threads(threads(1)).threads(), threads(1));
}

#[test]
fn rows_kept_from_an_earlier_assessment_are_replaced_in_their_memory() {
    let scorecard = scorecard();
    let observations = national::observations(&scorecard);
    let engine = Engine::new(scorecard, RuleSet::default());
    let index = engine.index(&observations).expect("the observations fit the scorecard");
    let mut rows = Vec::new();
    for period in ReportPoint::ALL.map(|report| Period::new(2025, report)) {
        engine.assess_into(&index, period, &UnitSelection::All, &mut rows).expect("assesses");
        let memory = (rows.as_ptr(), rows.capacity());
        assert!(rows == engine.assess(&index, period, &UnitSelection::All).expect("assesses"), "{period}");
        engine.assess_into(&index, period, &UnitSelection::All, &mut rows).expect("assesses again");
        assert_eq!((rows.as_ptr(), rows.capacity()), memory, "the same memory");
        assert!(rows.iter().all(|row| row.period == period), "no row of the period before");
    }
    let unknown = UnitSelection::Unit("saknas".into());
    assert!(engine.assess_into(&index, Period::new(2025, ReportPoint::Annual), &unknown, &mut rows).is_err());
    assert_eq!(rows.len(), 81 * 100 * 3, "an error leaves the rows as they were");
}
