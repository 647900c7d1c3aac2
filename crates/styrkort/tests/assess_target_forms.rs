//! SPEC §3 for the target forms of other regions' plans (issue 9): a target per year in one
//! cell, a level due at a year, an absolute change from the base, a benchmark against another
//! population, and the sentence, sign and no-target forms, each assessed as the rules say.

use rust_decimal::Decimal;
use styrkort::assess::{Assessment, Assessments, Comparison, Reason, RuleSet, UnitSelection};
use styrkort::model::*;

/// A number as the plans write it ("-3,2").
fn d(text: &str) -> Decimal {
    styrkort::number::parse_decimal(text).expect("test literal")
}

fn p(text: &str) -> Period {
    text.parse().expect("test period")
}

/// A plan for 2024–2028 with one measure whose target cell is `target` in every year (a cell
/// that covers several years is written under each of them).
fn scorecard(target: &str, polarity: Polarity, kind: MeasureKind) -> Scorecard {
    let mut scorecard = Scorecard::new("Region Test", "Plan", (2024, 2028));
    scorecard.bodies.push(Body { code: "RS".into(), name: "Regionstyrelsen".into() });
    scorecard.goals.push(Goal {
        id: "G".into(),
        perspective: "verksamhet".into(),
        name: "Mål".into(),
        bodies: vec!["RS".into()],
        description: None,
        note: None,
    });
    scorecard.success_factors.push(SuccessFactor {
        id: "F".into(),
        goal: "G".into(),
        name: "Faktor".into(),
        bodies: vec!["RS".into()],
        risk: None,
        description: None,
        note: None,
    });
    let mut measure = Measure::new("M", "F", "Mått");
    measure.unit = UnitOfMeasure("percent".into());
    measure.polarity = polarity;
    measure.kind = kind;
    for year in 2024..=2028 {
        measure.targets.insert(year, target.to_owned());
    }
    scorecard.measures.push(measure);
    scorecard.apply_defaults();
    assert_eq!(scorecard.validate(), vec![]);
    scorecard
}

/// An observation of the measure: a value, and optionally the reference value (riket, länet …).
fn observe(period: &str, value: &str, reference: Option<&str>) -> Observation {
    Observation { reference: reference.map(d), ..Observation::value("M", p(period), Sex::Total, d(value)) }
}

/// The one row of the measure at `period`.
fn row(target: &str, polarity: Polarity, observations: &[Observation], period: &str) -> Assessment {
    let scorecard = scorecard(target, polarity, MeasureKind::Steering);
    let observations = Observations::from(observations.to_vec());
    let assessments =
        Assessments::new(scorecard, &observations, p(period), RuleSet::default(), &UnitSelection::Organisation)
            .expect("assesses");
    assessments.rows()[0]
}

use Polarity::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use Status::{Achieved as A, NotAchieved as N, NotAssessed as X, PartiallyAchieved as P};

/// Rows of (target, polarity, observations as (period, value, reference), period assessed,
/// status, reason).
type Case<'a> = (&'a str, Polarity, &'a [(&'a str, &'a str, Option<&'a str>)], &'a str, Status, Option<Reason>);

fn table(cases: &[Case<'_>]) {
    for &(target, polarity, observed, period, status, reason) in cases {
        let observations: Vec<Observation> = observed.iter().map(|&(at, v, r)| observe(at, v, r)).collect();
        let row = row(target, polarity, &observations, period);
        assert_eq!(
            (row.verdict.status, row.verdict.reason),
            (status, reason),
            "{target:?} {polarity:?} at {period}: {observed:?}"
        );
    }
}

#[test]
fn a_target_per_year_applies_its_part_for_the_period_s_year() {
    const CELL: &str = "-3,2% (2025) -1% (2026) 0,5 % (2027)";
    table(&[
        // 2025: at least -3,2 % (higher is better); a negative level is a level.
        (CELL, Higher, &[("2025-ÅR", "-3,0", None)], "2025-ÅR", A, None),
        (CELL, Higher, &[("2025-ÅR", "-3,2", None)], "2025-ÅR", A, None),
        (CELL, Higher, &[("2025-ÅR", "-4,0", None)], "2025-ÅR", N, None),
        // 2026: at least -1 %; -1,5 % is more than 5 % from it.
        (CELL, Higher, &[("2026-ÅR", "-1,5", None)], "2026-ÅR", N, None),
        (CELL, Higher, &[("2026-DÅ08", "-1,04", None)], "2026-DÅ08", P, None),
        (CELL, Higher, &[("2027-ÅR", "0,5", None)], "2027-ÅR", A, None),
        // A year without a part has no target.
        (CELL, Higher, &[("2024-ÅR", "0,5", None)], "2024-ÅR", X, Some(Reason::NoTarget)),
        (CELL, Higher, &[("2028-ÅR", "0,5", None)], "2028-ÅR", X, Some(Reason::NoTarget)),
        // Bounds per year: under 11 % in 2026, whatever the polarity.
        ("<12% (2025)<11% (2026)", Lower, &[("2026-ÅR", "10,9", None)], "2026-ÅR", A, None),
        ("<12% (2025)<11% (2026)", Lower, &[("2026-ÅR", "11,5", None)], "2026-ÅR", P, None),
        ("<12% (2025)<11% (2026)", Lower, &[("2025-ÅR", "11,5", None)], "2025-ÅR", A, None),
        ("2025: 60 % 2026: 65 %", Higher, &[("2026-DÅ04", "62", None)], "2026-DÅ04", P, None),
    ]);
    let part = row(CELL, Higher, &[observe("2026-ÅR", "-1", None)], "2026-ÅR");
    assert_eq!((part.verdict.target_value, part.verdict.comparison), (Some(d("-1")), Some(Comparison::AtLeast)));
}

#[test]
fn a_level_due_at_a_year_is_not_judged_before_unless_already_met() {
    const CELL: &str = "75,0 % (2027)";
    table(&[
        (CELL, Higher, &[("2025-ÅR", "70", None)], "2025-ÅR", X, Some(Reason::NotYetDue)),
        (CELL, Higher, &[("2025-ÅR", "76", None)], "2025-ÅR", A, None),
        (CELL, Higher, &[("2027-DÅ04", "70", None)], "2027-DÅ04", X, Some(Reason::NotYetDue)),
        (CELL, Higher, &[("2027-DÅ08", "75", None)], "2027-DÅ08", A, None),
        // Due at the year's ÅR; judged as a level from then on.
        (CELL, Higher, &[("2027-ÅR", "72", None)], "2027-ÅR", P, None),
        (CELL, Higher, &[("2027-ÅR", "60", None)], "2027-ÅR", N, None),
        (CELL, Higher, &[("2028-DÅ04", "60", None)], "2028-DÅ04", N, None),
        // The same from the words.
        ("75 % senast 2027", Higher, &[("2026-ÅR", "70", None)], "2026-ÅR", X, Some(Reason::NotYetDue)),
        ("90 % år 2030", Higher, &[("2028-ÅR", "95", None)], "2028-ÅR", A, None),
        // A month of a year: due from that report on.
        ("80 % i juni 2026", Higher, &[("2026-DÅ04", "70", None)], "2026-DÅ04", X, Some(Reason::NotYetDue)),
        ("80 % i juni 2026", Higher, &[("2026-DÅ08", "70", None)], "2026-DÅ08", N, None),
        // A bound keeps its side whatever the polarity.
        ("<10 % (2027)", Higher, &[("2026-ÅR", "12", None)], "2026-ÅR", X, Some(Reason::NotYetDue)),
        ("<10 % (2027)", Higher, &[("2026-ÅR", "9", None)], "2026-ÅR", A, None),
        ("<10 % (2027)", Higher, &[("2027-ÅR", "12", None)], "2027-ÅR", N, None),
    ]);
}

#[test]
fn an_absolute_change_is_the_base_plus_or_minus_the_amount() {
    const MORE: &str = "Öka med 1 200";
    const FEWER: &str = "minska med 3 st";
    table(&[
        // Base 10 000 a year earlier: the target is 11 200 (partial from 10 640).
        (MORE, Higher, &[("2024-ÅR", "10000", None), ("2025-ÅR", "11200", None)], "2025-ÅR", A, None),
        (MORE, Higher, &[("2024-ÅR", "10000", None), ("2025-ÅR", "11000", None)], "2025-ÅR", P, None),
        (MORE, Higher, &[("2024-ÅR", "10000", None), ("2025-ÅR", "10000", None)], "2025-ÅR", N, None),
        (MORE, Higher, &[("2025-ÅR", "11200", None)], "2025-ÅR", X, Some(Reason::NoComparison)),
        // Base 20: at most 17 (partial up to 17,85).
        (FEWER, Lower, &[("2024-ÅR", "20", None), ("2025-ÅR", "17", None)], "2025-ÅR", A, None),
        (FEWER, Lower, &[("2024-ÅR", "20", None), ("2025-ÅR", "17,5", None)], "2025-ÅR", P, None),
        (FEWER, Lower, &[("2024-ÅR", "20", None), ("2025-ÅR", "18", None)], "2025-ÅR", N, None),
        // A stated base.
        ("Öka med 500 jmf 2024", Higher, &[("2024-ÅR", "1000", None), ("2026-ÅR", "1500", None)], "2026-ÅR", A, None),
    ]);
    let assessed =
        row(MORE, Higher, &[observe("2024-ÅR", "10000", None), observe("2025-ÅR", "11000", None)], "2025-ÅR");
    assert_eq!((assessed.verdict.target_value, assessed.verdict.base), (Some(d("11200")), Some(d("10000"))));
    assert_eq!(assessed.verdict.comparison, Some(Comparison::AtLeast));
}

#[test]
fn a_benchmark_compares_with_the_reference_of_the_population_it_names() {
    table(&[
        // Above the reference, whatever the polarity; at it is within the partial band.
        ("Högre än riksgenomsnittet", Higher, &[("2025-ÅR", "80", Some("75"))], "2025-ÅR", A, None),
        ("Högre än riksgenomsnittet", Higher, &[("2025-ÅR", "75", Some("75"))], "2025-ÅR", P, None),
        ("Högre än riksgenomsnittet", Lower, &[("2025-ÅR", "70", Some("75"))], "2025-ÅR", N, None),
        ("Lägre än länet", Higher, &[("2025-ÅR", "5", Some("6"))], "2025-ÅR", A, None),
        ("Under rikssnittet", Higher, &[("2025-ÅR", "7", Some("6"))], "2025-ÅR", N, None),
        // Better follows polarity; "i nivå med" is within the equivalence margin.
        ("Bättre än jämförbara regioner", Lower, &[("2025-ÅR", "5", Some("6"))], "2025-ÅR", A, None),
        ("Bättre än jämförbara regioner", Lower, &[("2025-ÅR", "7", Some("6"))], "2025-ÅR", N, None),
        ("I nivå med Sveriges regioner", Higher, &[("2025-ÅR", "96", Some("100"))], "2025-ÅR", A, None),
        ("Högre än länet", Higher, &[("2025-ÅR", "80", None)], "2025-ÅR", X, Some(Reason::NoReference)),
    ]);
    let assessed = row("Lägre än länet", Higher, &[observe("2025-ÅR", "5", Some("6"))], "2025-ÅR");
    assert_eq!((assessed.verdict.reference, assessed.verdict.comparison), (Some(d("6")), Some(Comparison::Below)));
}

#[test]
fn sentences_and_signs_are_assessed_as_the_forms_they_say() {
    table(&[
        ("Andelen ska vara minst 80 %", Lower, &[("2025-ÅR", "80", None)], "2025-ÅR", A, None),
        ("≥ 85 %", Lower, &[("2025-ÅR", "84", None)], "2025-ÅR", P, None),
        ("<10%", Higher, &[("2025-ÅR", "10", None)], "2025-ÅR", P, None),
        ("80 procent eller högre", Lower, &[("2025-ÅR", "79", None)], "2025-ÅR", P, None),
        (
            "Andelen nöjda invånare ska öka.",
            Higher,
            &[("2024-ÅR", "60", None), ("2025-ÅR", "61", None)],
            "2025-ÅR",
            A,
            None,
        ),
        (
            "Andelen nöjda invånare ska öka.",
            Higher,
            &[("2025-ÅR", "61", None)],
            "2025-ÅR",
            X,
            Some(Reason::NoComparison),
        ),
        (
            "Resultatet ska förbättras jämfört med föregående år",
            Lower,
            &[("2024-ÅR", "10", None), ("2025-ÅR", "9", None)],
            "2025-ÅR",
            A,
            None,
        ),
    ]);
}

#[test]
fn no_target_yet_and_monitoring_are_never_coloured() {
    for target in [
        "Basvärde tas fram",
        "Målvärde under framtagande",
        "Målvärde saknas",
        "Nytt mått",
        "Följs upp årligen",
        "Bevaka",
    ] {
        let assessed = row(target, Higher, &[observe("2025-ÅR", "80", None)], "2025-ÅR");
        assert_eq!((assessed.verdict.status, assessed.verdict.reason), (X, Some(Reason::NoTarget)), "{target}");
    }
}

#[test]
fn a_deliverable_is_assessed_by_its_milestone_state() {
    for (state, status) in [(MilestoneState::Done, A), (MilestoneState::InProgress, P), (MilestoneState::NotStarted, N)]
    {
        // A styrmått whose target is a deliverable: no fallback needed, the words say it.
        let scorecard = scorecard("Avtal tecknat", Higher, MeasureKind::Steering);
        let observation = Observation {
            outcome: Outcome::Milestone(state),
            ..Observation::value("M", p("2025-ÅR"), Sex::Total, Decimal::ZERO)
        };
        let assessments = Assessments::new(
            scorecard,
            &Observations::from(vec![observation]),
            p("2025-ÅR"),
            RuleSet::default(),
            &UnitSelection::Organisation,
        )
        .expect("assesses");
        assert_eq!(assessments.rows()[0].verdict.status, status, "{state:?}");
    }
}

#[test]
fn a_per_year_cell_written_under_one_year_is_the_target_of_every_year_it_names() {
    let mut plan = scorecard("70 %", Higher, MeasureKind::Steering);
    plan.measures[0].targets = [(2025, "-3,2% (2025) -1% (2026) 0,5 % (2027)".to_owned())].into();
    assert_eq!(plan.measures[0].target_years(), [(2025, 2025), (2026, 2025), (2027, 2025)]);
    assert_eq!(plan.measures[0].target_cell(2026).map(|(year, _)| year), Some(2025));
    assert_eq!(plan.measures[0].target_cell(2028), None, "a year the cell does not name has no target");
    let observations = Observations::from(vec![observe("2026-ÅR", "-0,5", None)]);
    let assessments =
        Assessments::new(plan, &observations, p("2026-ÅR"), RuleSet::default(), &UnitSelection::Organisation)
            .expect("assesses");
    let record = assessments.record(0).expect("a row");
    assert_eq!((record.verdict.status, record.verdict.target_value), (A, Some(d("-1"))));
    assert_eq!(record.target.as_deref(), Some("-3,2% (2025) -1% (2026) 0,5 % (2027)"), "the cell as written");
}

#[test]
fn a_target_not_yet_due_says_when_it_is_due() {
    for (target, period, due) in [
        ("75,0 % (2027)", "2025-DÅ08", "mot målet 75,0 % till 2027: målet gäller först då"),
        ("90 % i dec", "2025-DÅ04", "mot målet 90 % i december: målet gäller först då"),
    ] {
        let plan = scorecard(target, Higher, MeasureKind::Steering);
        let observations = Observations::from(vec![observe(period, "60", None)]);
        let assessments =
            Assessments::new(plan, &observations, p(period), RuleSet::default(), &UnitSelection::Organisation)
                .expect("assesses");
        let record = assessments.record(0).expect("a row");
        assert_eq!(record.verdict.reason, Some(Reason::NotYetDue), "{target}");
        assert!(record.explanation.contains(due), "{target}: {}", record.explanation);
    }
}
