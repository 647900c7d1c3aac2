//! The rules of SPEC §3, one golden table per rule, with hand-checked numbers: exactly at, just
//! above and just below each target, inside and outside the partial band, for both polarities.

use rust_decimal::Decimal;
use std::str::FromStr;
use styrkort::assess::{Assessments, Reason, Rounding, RuleSet, Trend, UnitSelection};
use styrkort::model::*;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test literal")
}

fn p(text: &str) -> Period {
    text.parse().expect("test period")
}

/// A scorecard with one measure, shaped by `shape`.
fn scorecard(target: &str, shape: impl FnOnce(&mut Measure)) -> Scorecard {
    let mut scorecard = Scorecard::new("Region Test", "Plan", (2020, 2022));
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
    measure.targets.insert(2021, target.to_owned());
    shape(&mut measure);
    scorecard.measures.push(measure);
    scorecard.apply_defaults();
    assert_eq!(scorecard.validate(), vec![]);
    scorecard
}

fn observe(period: &str, sex: Sex, value: &str) -> Observation {
    Observation::value("M", p(period), sex, d(value))
}

/// The statuses of the measure's rows at a period, under rules.
fn assess_with(scorecard: Scorecard, observations: &[Observation], period: &str, rules: RuleSet) -> Assessments {
    Assessments::new(
        scorecard,
        &Observations::from(observations.to_vec()),
        p(period),
        rules,
        &UnitSelection::Organisation,
    )
    .expect("assesses")
}

/// The status of a one-row measure with a value (and a base value a year earlier).
fn status(target: &str, polarity: Polarity, value: &str, base: Option<&str>) -> (Status, Option<Reason>) {
    let scorecard = scorecard(target, |m| m.polarity = polarity);
    let mut observations = vec![observe("2021-DÅ04", Sex::Total, value)];
    if let Some(base) = base {
        observations.push(observe("2020-DÅ04", Sex::Total, base));
    }
    let assessments = assess_with(scorecard, &observations, "2021-DÅ04", RuleSet::default());
    let row = assessments.rows()[0];
    (row.verdict.status, row.verdict.reason)
}

use Polarity::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use Status::{Achieved as A, NotAchieved as N, NotAssessed as X, PartiallyAchieved as P};

fn table(rows: &[(&str, Polarity, &str, Option<&str>, Status)]) {
    for &(target, polarity, value, base, expected) in rows {
        assert_eq!(
            status(target, polarity, value, base).0,
            expected,
            "{target:?} {polarity:?}: value {value}, base {base:?}"
        );
    }
}

#[test]
fn rule_2_levels_follow_polarity_with_a_partial_band_of_five_percent() {
    table(&[
        ("72 %", Higher, "72", None, A),
        ("72 %", Higher, "72.01", None, A),
        ("72 %", Higher, "71.99", None, P),
        ("72 %", Higher, "68.4", None, P), // 72 − 5 % of 72
        ("72 %", Higher, "68.39", None, N),
        ("16,0 %", Lower, "16.0", None, A),
        ("16,0 %", Lower, "15.99", None, A),
        ("16,0 %", Lower, "16.01", None, P),
        ("16,0 %", Lower, "16.8", None, P), // 16 + 5 % of 16
        ("16,0 %", Lower, "16.81", None, N),
        ("0", Higher, "0", None, A),
        ("0", Higher, "-0.01", None, N), // no band around zero
    ]);
}

#[test]
fn rule_2_bounds_say_their_side_whatever_the_polarity() {
    table(&[
        ("Under 6,5 %", Higher, "6.49", None, A),
        ("Under 6,5 %", Higher, "6.5", None, P), // "under" is strict
        ("Under 6,5 %", Higher, "6.825", None, P),
        ("Under 6,5 %", Higher, "6.826", None, N),
        ("Högst 5", Higher, "5", None, A),
        ("Högst 5", Higher, "5.25", None, P),
        ("Högst 5", Higher, "5.26", None, N),
        ("Minst 80 %", Lower, "80", None, A),
        ("Minst 80 %", Lower, "79.99", None, P),
        ("Minst 80 %", Lower, "76", None, P),
        ("Minst 80 %", Lower, "75.99", None, N),
        ("Över 90 %", Lower, "90.01", None, A),
        ("Över 90 %", Lower, "90", None, P),
    ]);
}

#[test]
fn rule_2_optionally_counts_improvement_as_partial() {
    let scorecard = scorecard("72 %", |_| {});
    let observations = [observe("2021-DÅ04", Sex::Total, "60"), observe("2020-DÅ04", Sex::Total, "50")];
    let strict = assess_with(scorecard.clone(), &observations, "2021-DÅ04", RuleSet::default());
    assert_eq!((strict.rows()[0].verdict.status, strict.rows()[0].verdict.trend), (N, Trend::Improved));
    let lenient = RuleSet { improving_counts_as_partial: true, ..RuleSet::default() };
    assert_eq!(assess_with(scorecard, &observations, "2021-DÅ04", lenient).rows()[0].verdict.status, P);
}

#[test]
fn rule_3_directions_against_the_comparison_base() {
    table(&[
        ("Öka", Higher, "50.1", Some("50"), A),
        ("Öka", Higher, "50", Some("50"), N),
        ("Öka", Lower, "50.1", Some("50"), A), // the target's word decides, not the polarity
        ("Minska", Lower, "49.9", Some("50"), A),
        ("Minska", Lower, "50", Some("50"), N),
        ("Minskande", Lower, "49", Some("50"), A),
        ("Bibehålla", Higher, "50", Some("50"), A),
        ("Bibehålla", Higher, "49.9", Some("50"), N),
        ("Bibehålla", Lower, "50", Some("50"), A),
        ("Bibehålla", Lower, "50.1", Some("50"), N),
        ("Inte minska", Higher, "50", Some("50"), A),
        ("Bibehåller eller öka", Higher, "51", Some("50"), A),
        ("Förbättrat värde", Lower, "49", Some("50"), A),
        ("Förbättrat värde", Lower, "51", Some("50"), N),
        ("Positiv trend", Higher, "51", Some("50"), A),
    ]);
    assert_eq!(status("Öka", Higher, "50", None), (X, Some(Reason::NoComparison)));
}

#[test]
fn rule_3_a_stated_base_overrides_the_measure_s() {
    let scorecard = scorecard("Öka jmf 2019", |_| {});
    let observations = [
        observe("2021-DÅ04", Sex::Total, "55"),
        observe("2020-DÅ04", Sex::Total, "60"),
        observe("2019-DÅ04", Sex::Total, "50"),
    ];
    let row = assess_with(scorecard, &observations, "2021-DÅ04", RuleSet::default()).rows()[0];
    assert_eq!(
        (row.verdict.status, row.verdict.base, row.verdict.base_period),
        (A, Some(d("50")), Some(p("2019-DÅ04")))
    );
    assert_eq!(row.verdict.trend, Trend::Worsened, "the trend is against the measure's own base, 2020-DÅ04");
}

#[test]
fn rule_4_relative_changes_derive_the_target_from_the_base() {
    table(&[
        ("Minskning med 15 %", Lower, "85", Some("100"), A),
        ("Minskning med 15 %", Lower, "85.01", Some("100"), P),
        ("Minskning med 15 %", Lower, "89.25", Some("100"), P), // 85 + 5 % of 85
        ("Minskning med 15 %", Lower, "89.26", Some("100"), N),
        ("Öka 5 %", Higher, "105", Some("100"), A),
        ("Öka 5 %", Higher, "104.99", Some("100"), P),
        ("Öka 5 %", Higher, "99.75", Some("100"), P),
        ("Öka 5 %", Higher, "99.74", Some("100"), N),
        ("Öka med 2 procentenheter", Higher, "52", Some("50"), A),
        ("Öka med 2 procentenheter", Higher, "51.9", Some("50"), P),
        ("Dubbling", Higher, "200", Some("100"), A),
    ]);
    assert_eq!(status("Öka 5 %", Higher, "105", None), (X, Some(Reason::NoComparison)));
}

#[test]
fn rule_5_cumulative_measures_are_pro_rated_at_interim_reports() {
    let cumulative = |m: &mut Measure| {
        m.accumulation = Accumulation::Cumulative;
        m.unit = UnitOfMeasure("count".into());
        m.targets.insert(2021, "270".into());
    };
    let april = [
        observe("2021-DÅ04", Sex::Total, "90"),
        observe("2021-DÅ08", Sex::Total, "171"),
        observe("2021-ÅR", Sex::Total, "260"),
    ];
    let run = |period: &str| assess_with(scorecard("270", cumulative), &april, period, RuleSet::default()).rows()[0];
    assert_eq!((run("2021-DÅ04").verdict.status, run("2021-DÅ04").verdict.target_value), (A, Some(d("90")))); // 270 × 4/12
    assert_eq!((run("2021-DÅ08").verdict.status, run("2021-DÅ08").verdict.target_value), (P, Some(d("180")))); // 171 is 180 − 5 % of 180
    assert_eq!((run("2021-ÅR").verdict.status, run("2021-ÅR").verdict.target_value), (P, Some(d("270"))));
    let level = assess_with(
        scorecard("270", |m| m.targets.insert(2021, "270".into()).map_or((), |_| ())),
        &april,
        "2021-DÅ04",
        RuleSet::default(),
    );
    assert_eq!(
        level.rows()[0].verdict.target_value,
        Some(d("270")),
        "a level measure compares with the year target itself"
    );
    let off = RuleSet { interim_pro_rating: false, ..RuleSet::default() };
    assert_eq!(assess_with(scorecard("270", cumulative), &april, "2021-DÅ04", off).rows()[0].verdict.status, N);
}

#[test]
fn rule_6_deadlines_are_not_judged_before_they_are_due_unless_met() {
    let run = |value: &str, period: &str| {
        let row = assess_with(
            scorecard("100 % i dec", |_| {}),
            &[observe(period, Sex::Total, value)],
            period,
            RuleSet::default(),
        )
        .rows()[0];
        (row.verdict.status, row.verdict.reason)
    };
    assert_eq!(run("99", "2021-DÅ04"), (X, Some(Reason::NotYetDue)));
    assert_eq!(run("99", "2021-DÅ08"), (X, Some(Reason::NotYetDue)));
    assert_eq!(run("100", "2021-DÅ04"), (A, None));
    assert_eq!(run("99", "2021-ÅR"), (P, None));
    assert_eq!(run("94", "2021-ÅR"), (N, None));
}

#[test]
fn rule_7_benchmarks_need_the_reference_value() {
    let run = |target: &str, polarity: Polarity, value: &str, reference: Option<&str>| {
        let mut observation = observe("2021-DÅ04", Sex::Total, value);
        observation.reference = reference.map(d);
        let row =
            assess_with(scorecard(target, |m| m.polarity = polarity), &[observation], "2021-DÅ04", RuleSet::default())
                .rows()[0];
        (row.verdict.status, row.verdict.reason)
    };
    assert_eq!(run("I nivå med riket", Higher, "76", Some("80")), (A, None)); // within 5 % of 80
    assert_eq!(run("I nivå med riket", Higher, "75.99", Some("80")), (P, None));
    assert_eq!(run("I nivå med riket", Higher, "72.19", Some("80")), (N, None)); // 76 − 5 % of 76 = 72,2
    assert_eq!(run("I nivå med riket", Lower, "84", Some("80")), (A, None));
    assert_eq!(run("I nivå med riket", Lower, "84.01", Some("80")), (P, None));
    assert_eq!(run("Snittet i riket", Higher, "80", Some("80")), (A, None));
    assert_eq!(run("Snittet i riket", Higher, "79.99", Some("80")), (P, None));
    assert_eq!(run("Bättre än riket", Lower, "79.9", Some("80")), (A, None));
    assert_eq!(run("Bättre än riket", Lower, "80", Some("80")), (P, None));
    assert_eq!(run("I nivå med riket", Higher, "90", None), (X, Some(Reason::NoReference)));
}

#[test]
fn rule_8_each_sex_against_its_own_target_and_the_measure_combined() {
    let scorecard = scorecard("K 16,0 % M 17,2 %", |m| {
        m.polarity = Lower;
        m.sexes = vec![Sex::Women, Sex::Men];
    });
    let run = |women: &str, men: &str| {
        let observations = [observe("2021-DÅ04", Sex::Women, women), observe("2021-DÅ04", Sex::Men, men)];
        let assessments = assess_with(scorecard.clone(), &observations, "2021-DÅ04", RuleSet::default());
        let rows: Vec<Status> = assessments.rows().iter().map(|r| r.verdict.status).collect();
        (rows, assessments.measure_status(0, None))
    };
    // Region Norrbotten April 2020: K 16,9 (over 16,8), M 17,6 (within 18,06).
    assert_eq!(run("16.9", "17.6"), (vec![N, P], P));
    assert_eq!(run("16.0", "17.2"), (vec![A, A], A));
    assert_eq!(run("17", "19"), (vec![N, N], N));
    assert_eq!(run("16", "19"), (vec![A, N], P));
    let shared = scorecard_shared();
    let observations = [observe("2021-DÅ04", Sex::Women, "66"), observe("2021-DÅ04", Sex::Men, "72")];
    let rows: Vec<Status> = assess_with(shared, &observations, "2021-DÅ04", RuleSet::default())
        .rows()
        .iter()
        .map(|r| r.verdict.status)
        .collect();
    assert_eq!(rows, [N, A], "a shared target applies to each sex: 70 % for K 66 and M 72");
}

fn scorecard_shared() -> Scorecard {
    scorecard("70 %", |m| m.sexes = vec![Sex::Women, Sex::Men])
}

#[test]
fn rule_9_milestones_by_their_state() {
    let run = |state: MilestoneState| {
        let observation = Observation { outcome: Outcome::Milestone(state), ..observe("2021-DÅ04", Sex::Total, "0") };
        let scorecard = scorecard("Handlingsplan antagen", |m| m.kind = MeasureKind::Activity);
        assess_with(scorecard, &[observation], "2021-DÅ04", RuleSet::default()).rows()[0].verdict.status
    };
    assert_eq!(
        [run(MilestoneState::Done), run(MilestoneState::InProgress), run(MilestoneState::NotStarted)],
        [A, P, N]
    );
}

#[test]
fn rule_10_trend_follows_polarity() {
    let trend = |polarity: Polarity, value: &str, base: &str| {
        let observations = [observe("2021-DÅ04", Sex::Total, value), observe("2020-DÅ04", Sex::Total, base)];
        assess_with(scorecard("72 %", |m| m.polarity = polarity), &observations, "2021-DÅ04", RuleSet::default()).rows()
            [0]
        .verdict
        .trend
    };
    assert_eq!(trend(Higher, "51", "50"), Trend::Improved);
    assert_eq!(trend(Higher, "49", "50"), Trend::Worsened);
    assert_eq!(trend(Lower, "49", "50"), Trend::Improved);
    assert_eq!(trend(Lower, "51", "50"), Trend::Worsened);
    assert_eq!(trend(Higher, "50", "50"), Trend::Unchanged);
    assert_eq!(trend(Polarity::Neutral, "51", "50"), Trend::None);
    let banded = RuleSet { trend_band: d("0.05"), ..RuleSet::default() };
    let observations = [observe("2021-DÅ04", Sex::Total, "52"), observe("2020-DÅ04", Sex::Total, "50")];
    assert_eq!(
        assess_with(scorecard("72 %", |_| {}), &observations, "2021-DÅ04", banded).rows()[0].verdict.trend,
        Trend::Unchanged
    );
    assert_eq!(
        assess_with(scorecard("72 %", |_| {}), &observations[..1], "2021-DÅ04", RuleSet::default()).rows()[0]
            .verdict
            .trend,
        Trend::None
    );
}

#[test]
fn rule_1_and_the_reasons_of_not_assessed() {
    let annual = assess_with(
        scorecard("72 %", |m| m.periods = vec![ReportPoint::Annual]),
        &[observe("2021-DÅ04", Sex::Total, "80")],
        "2021-DÅ04",
        RuleSet::default(),
    );
    assert_eq!(
        (annual.rows()[0].verdict.status, annual.rows()[0].verdict.reason),
        (X, Some(Reason::NotReportedThisPeriod))
    );
    assert_eq!(
        annual.explain(&annual.rows()[0]).sentence,
        "Kan ej bedömas: måttet följs upp vid ÅR och ingår inte i bedömningen vid DÅ04."
    );
    let cases = [
        ("Följa utvecklingen", Some("80"), Reason::NoTarget),
        ("Efter behov", Some("80"), Reason::NoTarget),
        ("-", Some("80"), Reason::NoTarget),
        ("Säkra rutiner", Some("80"), Reason::TargetNotMachineReadable),
        ("72 %", None, Reason::NoData),
    ];
    for (target, value, reason) in cases {
        let observations: Vec<Observation> = value.map(|v| observe("2021-DÅ04", Sex::Total, v)).into_iter().collect();
        let row = assess_with(scorecard(target, |_| {}), &observations, "2021-DÅ04", RuleSet::default()).rows()[0];
        assert_eq!((row.verdict.status, row.verdict.reason), (X, Some(reason)), "{target:?}");
    }
    let missing = Observation {
        outcome: Outcome::Missing(MissingReason::NotPublished),
        ..observe("2021-DÅ04", Sex::Total, "0")
    };
    let row = assess_with(scorecard("72 %", |_| {}), &[missing], "2021-DÅ04", RuleSet::default()).rows()[0];
    assert_eq!(row.verdict.reason, Some(Reason::Missing(MissingReason::NotPublished)));
    let no_year = assess_with(
        scorecard("72 %", |_| {}),
        &[observe("2022-DÅ04", Sex::Total, "80")],
        "2022-DÅ04",
        RuleSet::default(),
    );
    assert_eq!(no_year.rows()[0].verdict.reason, Some(Reason::NoTarget), "no target for 2022");
}

#[test]
fn per_period_fraction_and_gender_balance() {
    let run = |target: &str, period: &str, values: &[(Sex, &str)], sexes: Vec<Sex>| {
        let observations: Vec<Observation> = values.iter().map(|(sex, v)| observe(period, *sex, v)).collect();
        let scorecard = scorecard(target, |m| m.sexes = sexes.clone());
        assess_with(scorecard, &observations, period, RuleSet::default())
            .rows()
            .iter()
            .map(|r| r.verdict.status)
            .collect::<Vec<_>>()
    };
    let per_period = "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %";
    assert_eq!(run(per_period, "2021-DÅ08", &[(Sex::Total, "57")], vec![Sex::Total]), [A]);
    assert_eq!(run(per_period, "2021-DÅ08", &[(Sex::Total, "56.9")], vec![Sex::Total]), [P]);
    assert_eq!(run(per_period, "2021-ÅR", &[(Sex::Total, "57.9")], vec![Sex::Total]), [P]);
    assert_eq!(run("4/20", "2021-DÅ04", &[(Sex::Total, "4")], vec![Sex::Total]), [A]);
    assert_eq!(run("4/20", "2021-DÅ04", &[(Sex::Total, "3")], vec![Sex::Total]), [N]);
    let both = vec![Sex::Women, Sex::Men];
    assert_eq!(run("60/40", "2021-DÅ04", &[(Sex::Women, "55"), (Sex::Men, "45")], both.clone()), [A, A]);
    assert_eq!(run("60/40", "2021-DÅ04", &[(Sex::Women, "60"), (Sex::Men, "40")], both.clone()), [A, A]);
    assert_eq!(run("60/40", "2021-DÅ04", &[(Sex::Women, "65"), (Sex::Men, "35")], both), [N, N]);
}

#[test]
fn rounding_at_the_target_s_precision() {
    let observations = [observe("2021-DÅ04", Sex::Total, "16.04")];
    let lower = |m: &mut Measure| m.polarity = Lower;
    let exact = assess_with(scorecard("16,0 %", lower), &observations, "2021-DÅ04", RuleSet::default());
    assert_eq!(exact.rows()[0].verdict.status, P);
    let rounded = RuleSet { rounding: Rounding::TargetPrecision, ..RuleSet::default() };
    assert_eq!(
        assess_with(scorecard("16,0 %", lower), &observations, "2021-DÅ04", rounded).rows()[0].verdict.status,
        A
    );
}

#[test]
fn explanations_state_the_numbers_and_the_rule() {
    let observations = [observe("2021-DÅ04", Sex::Women, "16.3")];
    let scorecard = scorecard("Högst 16,0 %", |m| {
        m.polarity = Lower;
        m.sexes = vec![Sex::Women, Sex::Men];
    });
    let assessments = assess_with(scorecard, &observations, "2021-DÅ04", RuleSet::default());
    assert_eq!(
        assessments.explain(&assessments.rows()[0]).sentence,
        "16,3 % mot målet högst 16,0 %: inom 5 % av målet, delvis uppnått."
    );
    assert_eq!(assessments.explain(&assessments.rows()[1]).sentence, "Kan ej bedömas: utfall saknas.");
}
