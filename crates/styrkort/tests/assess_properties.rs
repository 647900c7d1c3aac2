//! Properties of the assessment that hold for any numbers: a better value never gets a worse
//! status, and flipping polarity while mirroring every value mirrors nothing in the result.

use proptest::prelude::*;
use rust_decimal::Decimal;
use styrkort::assess::{Assessments, RuleSet, UnitSelection};
use styrkort::model::*;

fn scorecard(target: &str, polarity: Polarity) -> Scorecard {
    let mut scorecard = Scorecard::new("Region Test", "Plan", (2020, 2022));
    scorecard.goals.push(Goal {
        id: "G".into(),
        perspective: "ekonomi".into(),
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
    let mut measure = Measure::new("M", "F", "Mått");
    measure.polarity = polarity;
    measure.targets.insert(2021, target.to_owned());
    scorecard.measures.push(measure);
    scorecard
}

fn assess(
    target: &str,
    polarity: Polarity,
    value: Decimal,
    base: Decimal,
    reference: Decimal,
) -> (Status, styrkort::assess::Trend) {
    let period: Period = "2021-DÅ04".parse().expect("period");
    let mut now = Observation::value("M", period, Sex::Total, value);
    now.reference = Some(reference);
    let before = Observation::value("M", period.year_before(), Sex::Total, base);
    let assessments = Assessments::new(
        scorecard(target, polarity),
        &Observations::from(vec![now, before]),
        period,
        RuleSet::default(),
        &UnitSelection::Organisation,
    )
    .expect("assesses");
    let row = assessments.rows()[0];
    (row.verdict.status, row.verdict.trend)
}

/// Best first: achieved 0, partially 1, not achieved 2.
fn rank(status: Status) -> u8 {
    match status {
        Status::Achieved => 0,
        Status::PartiallyAchieved => 1,
        Status::NotAchieved => 2,
        Status::NotAssessed => 3,
    }
}

fn amount() -> impl Strategy<Value = Decimal> {
    (-100_000i64..100_000, 0u32..3).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

/// Targets whose numbers are all written in the text, so that mirroring can negate them.
fn target_with(number: Decimal) -> impl Strategy<Value = String> {
    let n = number.to_string().replace('.', ",");
    prop::sample::select(vec![
        n.clone(),
        format!("Högst {n}"),
        format!("Minst {n}"),
        format!("Under {n}"),
        format!("Över {n}"),
        "Öka".to_owned(),
        "Minska".to_owned(),
        "Bibehålla".to_owned(),
        "Förbättrat värde".to_owned(),
        "I nivå med riket".to_owned(),
        "Snittet i riket".to_owned(),
        "Bättre än riket".to_owned(),
    ])
}

fn mirrored(target: &str) -> String {
    let words: Vec<&str> = target.split(' ').collect();
    let negate = |n: &str| {
        if let Some(positive) = n.strip_prefix('-') {
            positive.to_owned()
        } else if n == "0" {
            n.to_owned()
        } else {
            format!("-{n}")
        }
    };
    match words.as_slice() {
        ["Högst", n] => format!("Minst {}", negate(n)),
        ["Minst", n] => format!("Högst {}", negate(n)),
        ["Under", n] => format!("Över {}", negate(n)),
        ["Över", n] => format!("Under {}", negate(n)),
        ["Öka"] => "Minska".to_owned(),
        ["Minska"] => "Öka".to_owned(),
        [n] if n.parse::<f64>().is_ok() || n.contains(',') => negate(n),
        _ => target.to_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_better_value_never_gets_a_worse_status(
        (number, target) in amount().prop_flat_map(|n| (Just(n), target_with(n))),
        a in amount(), b in amount(), base in amount(), reference in amount(),
        lower in any::<bool>(),
    ) {
        let polarity = if lower { Polarity::LowerIsBetter } else { Polarity::HigherIsBetter };
        let _ = number;
        // Bounds and directions say their own side; levels, benchmarks and "not worse" follow
        // the polarity.
        let word = target.split(' ').next().unwrap_or_default();
        let lower_is_better = match word {
            "Högst" | "Under" | "Minska" => true,
            "Minst" | "Över" | "Öka" => false,
            _ => lower,
        };
        let (worse, better) = if (a <= b) != lower_is_better { (a, b) } else { (b, a) };
        let worse_status = assess(&target, polarity, worse, base, reference).0;
        let better_status = assess(&target, polarity, better, base, reference).0;
        prop_assert!(rank(better_status) <= rank(worse_status), "{target}: {better} → {better_status:?}, {worse} → {worse_status:?}");
    }

    #[test]
    fn flipping_polarity_and_mirroring_values_mirrors_the_result(
        (number, target) in amount().prop_flat_map(|n| (Just(n), target_with(n))),
        value in amount(), base in amount(), reference in amount(),
        lower in any::<bool>(),
    ) {
        let _ = number;
        let (polarity, flipped) = if lower { (Polarity::LowerIsBetter, Polarity::HigherIsBetter) } else { (Polarity::HigherIsBetter, Polarity::LowerIsBetter) };
        let original = assess(&target, polarity, value, base, reference);
        let mirror = assess(&mirrored(&target), flipped, -value, -base, -reference);
        prop_assert_eq!(original, mirror, "{} vs {}", target, mirrored(&target));
    }
}

fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        (any::<i64>(), 0u32..=28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// No value a file can hold makes the engine, its explanations, the roll-up or the report
    /// panic: arithmetic near the limits of `Decimal` saturates or gives up.
    #[test]
    fn extreme_values_never_panic(
        target in prop::sample::select(vec![
            "79228162514264337593543950335", "-79228162514264337593543950335", "Öka", "Minska med 99 %",
            "Öka 1000000 %", "I nivå med riket", "60/40", "100 % i dec", "Högst 0,0000000001", "K 1 M 2",
        ]),
        value in extreme(), base in extreme(), reference in extreme(), cumulative in any::<bool>(),
    ) {
        let mut scorecard = scorecard(target, Polarity::LowerIsBetter);
        scorecard.measures[0].sexes = vec![Sex::Total, Sex::Women, Sex::Men];
        if cumulative {
            scorecard.measures[0].accumulation = Accumulation::Cumulative;
        }
        let period: Period = "2021-DÅ04".parse().expect("period");
        let mut observations = Vec::new();
        for sex in [Sex::Total, Sex::Women, Sex::Men] {
            let mut now = Observation::value("M", period, sex, value);
            now.reference = Some(reference);
            observations.push(now);
            observations.push(Observation::value("M", period.year_before(), sex, base));
        }
        let assessments = Assessments::new(scorecard, &Observations::from(observations), period, RuleSet::default(), &UnitSelection::All).expect("assesses");
        for row in assessments.rows() {
            let _ = assessments.explain(row);
        }
        let _ = assessments.records();
        let _ = assessments.gender_gaps();
        let report = styrkort::report::Report::new(assessments, &[]);
        let _ = (report.to_html(), report.to_text(false), report.to_markdown());
    }

    /// Nor does any rule set: every setting drawn from the extremes as well. One inside its
    /// ranges assesses; one outside is an error of kind `rules` from `Assessments::new`, and
    /// the engine, which does not check, still never panics on it.
    #[test]
    fn extreme_rule_sets_never_panic(
        target in prop::sample::select(vec!["72 %", "Öka", "Minska med 5 %", "I nivå med riket", "270", "K 16,0 M 17,2"]),
        value in extreme(), base in extreme(), reference in extreme(),
        partial_band in extreme(), trend_band in extreme(), equivalence_margin in extreme(),
        partial_weight in extreme(), achieved_from in extreme(), not_achieved_to in extreme(), weight in extreme(),
        improving in any::<bool>(), pro_rating in any::<bool>(), weighted in any::<bool>(), rounded in any::<bool>(),
    ) {
        use styrkort::assess::{Engine, RollupMethod, Rounding};
        let mut rules = RuleSet {
            partial_band, trend_band, equivalence_margin,
            improving_counts_as_partial: improving,
            interim_pro_rating: pro_rating,
            rounding: if rounded { Rounding::TargetPrecision } else { Rounding::Exact },
            ..RuleSet::default()
        };
        rules.rollup.method = if weighted { RollupMethod::Weighted } else { RollupMethod::AllOrNothing };
        (rules.rollup.partial_weight, rules.rollup.achieved_from, rules.rollup.not_achieved_to) =
            (partial_weight, achieved_from, not_achieved_to);
        rules.rollup.weights.insert("M".into(), weight);
        let mut scorecard = scorecard(target, Polarity::HigherIsBetter);
        scorecard.measures[0].sexes = vec![Sex::Total, Sex::Women, Sex::Men];
        scorecard.measures[0].accumulation = Accumulation::Cumulative;
        let period: Period = "2021-DÅ08".parse().expect("period");
        let mut observations = Observations::new();
        for sex in [Sex::Total, Sex::Women, Sex::Men] {
            let mut now = Observation::value("M", period, sex, value);
            now.reference = Some(reference);
            observations.push(now);
            observations.push(Observation::value("M", period.year_before(), sex, base));
        }
        let valid = rules.validate().is_ok();
        match Assessments::new(scorecard.clone(), &observations, period, rules.clone(), &UnitSelection::All) {
            Ok(assessments) => {
                prop_assert!(valid);
                let _ = assessments.records();
                let report = styrkort::report::Report::new(assessments, &[]);
                let _ = (report.to_html(), report.to_text(true), report.to_markdown());
            }
            Err(error) => {
                prop_assert!(!valid);
                prop_assert_eq!(error.kind(), styrkort::ErrorKind::Rules);
            }
        }
        let engine = Engine::new(scorecard, rules);
        let index = engine.index(&observations).expect("the observations fit");
        let rows = engine.assess(&index, period, &UnitSelection::All).expect("assesses");
        let assessments = Assessments::from_rows(engine, period, UnitSelection::All, rows).expect("the engine's rows");
        let _ = (assessments.records(), assessments.rollup(None, &[]));
    }
}
