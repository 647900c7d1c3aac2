//! Load → write → load gives the same model, in every format, and verbatim texts survive.

use proptest::prelude::*;
use rust_decimal::Decimal;
use styrkort::io::{
    Format, ObservationFormat, judgements_to_json, judgements_to_toml, observations_to_csv, observations_to_json,
    read_judgements, read_observations, read_scorecard,
};
use styrkort::model::*;

/// Any text a plan may hold: Swedish letters, quotes, backslashes, percent signs, line breaks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zÅÄÖåäö0-9 ,.%:/()\"'\\\\-]{0,40}",
        "\\PC{0,30}",
        Just("K 16,0 % M 17,2 %".to_owned()),
        Just("DÅ 04: 61 %\nDÅ 08: 62 %".to_owned()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9_-]{0,8}"
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..6).prop_map(|(mantissa, scale)| Decimal::new(mantissa % 10_000_000_000, scale))
}

fn period() -> impl Strategy<Value = Period> {
    (1990i32..2100, prop::sample::select(ReportPoint::ALL.to_vec()))
        .prop_map(|(year, report)| Period::new(year, report))
}

fn sexes() -> impl Strategy<Value = Vec<Sex>> {
    prop::sample::select(vec![vec![Sex::Total], vec![Sex::Women, Sex::Men], vec![Sex::Total, Sex::Women, Sex::Men]])
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

prop_compose! {
    fn measure(factors: Vec<String>, bodies: Vec<String>)(
        factor in prop::sample::select(factors),
        body in prop::option::of(prop::sample::select(bodies)),
        name in text(),
        kind in prop::sample::select(vec![MeasureKind::Steering, MeasureKind::Control, MeasureKind::Activity]),
        unit in prop::sample::select(vec!["percent", "count", "SEK", "mnkr", "m²", "personmil"]),
        polarity in prop::sample::select(vec![Polarity::HigherIsBetter, Polarity::LowerIsBetter, Polarity::Neutral]),
        sexes in sexes(),
        periods in prop::sample::subsequence(ReportPoint::ALL.to_vec(), 1..=3),
        cumulative in any::<bool>(),
        base in prop::option::of(period()),
        source in prop::option::of(text()),
        baseline in prop::option::of((prop::option::of(period()), prop::option::of(decimal()), prop::option::of(text()))),
        targets in prop::collection::btree_map(2000i32..2040, text(), 0..3),
        footnotes in prop::collection::vec(text(), 0..2),
        note in prop::option::of(text()),
    ) -> (String, Measure) {
        let mut measure = Measure::new("", factor, name);
        measure.kind = kind;
        measure.body = body;
        measure.unit = UnitOfMeasure(unit.to_owned());
        measure.polarity = polarity;
        measure.periods = periods;
        measure.accumulation = if cumulative { Accumulation::Cumulative } else { Accumulation::Level };
        measure.comparison_base = base;
        measure.source = source;
        measure.baseline = baseline.map(|(period, value, text)| Baseline {
            period,
            total: if sexes.contains(&Sex::Total) { value } else { None },
            women: if sexes.contains(&Sex::Women) { value } else { None },
            men: None,
            text,
        });
        measure.sexes = sexes;
        measure.targets = targets;
        measure.footnotes = footnotes;
        measure.note = note;
        (String::new(), measure)
    }
}

fn scorecard() -> impl Strategy<Value = Scorecard> {
    (text(), text(), prop::option::of(text()), 2000i32..2030, 0i32..4, 1usize..4, 1usize..4, 1usize..5)
        .prop_flat_map(|(organisation, name, vision, first, span, n_bodies, n_goals, n_factors)| {
            let bodies: Vec<String> = (0..n_bodies).map(|i| format!("B{i}")).collect();
            let factors: Vec<String> = (0..n_factors).map(|i| format!("F{i}")).collect();
            let measures = prop::collection::vec(measure(factors.clone(), bodies.clone()), 0..6);
            let perspective_ids = prop::collection::vec(prop::sample::select(vec!["samhalle", "ekonomi"]), n_goals);
            let risks = prop::collection::vec(prop::option::of((1u8..=4, 1u8..=4)), n_factors);
            (
                Just((organisation, name, vision, first, span, bodies, factors)),
                measures,
                perspective_ids,
                risks,
                prop::collection::vec(text(), n_goals),
                id(),
            )
        })
        .prop_map(
            |(
                (organisation, name, vision, first, span, bodies, factors),
                measures,
                perspective_ids,
                risks,
                goal_names,
                prefix,
            )| {
                let mut scorecard = Scorecard::new(organisation, name, (first, first + span));
                scorecard.vision = vision;
                scorecard.perspectives.retain(|p| p.id == "samhalle" || p.id == "ekonomi");
                scorecard.bodies =
                    bodies.iter().map(|code| Body { code: code.clone(), name: format!("Nämnd {code}") }).collect();
                scorecard.goals = goal_names
                    .into_iter()
                    .zip(perspective_ids)
                    .enumerate()
                    .map(|(i, (name, perspective))| Goal {
                        id: format!("G{i}"),
                        perspective: perspective.to_owned(),
                        name,
                        bodies: bodies[..1].to_vec(),
                        description: None,
                        note: None,
                    })
                    .collect();
                let goals = scorecard.goals.len();
                scorecard.success_factors = factors
                    .iter()
                    .zip(risks)
                    .enumerate()
                    .map(|(i, (id, risk))| SuccessFactor {
                        id: id.clone(),
                        goal: format!("G{}", i % goals),
                        name: format!("Faktor {i}"),
                        bodies: bodies.clone(),
                        risk: risk.map(|(probability, consequence)| Risk { probability, consequence }),
                        description: None,
                        note: None,
                    })
                    .collect();
                scorecard.measures = measures
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, mut measure))| {
                        measure.id = format!("{prefix}-{i}");
                        measure
                    })
                    .collect();
                scorecard.apply_defaults();
                scorecard
            },
        )
}

fn observation() -> impl Strategy<Value = Observation> {
    let outcome = prop_oneof![
        decimal().prop_map(Outcome::Value),
        (decimal(), decimal()).prop_map(|(numerator, denominator)| Outcome::Ratio { numerator, denominator }),
        prop::sample::select(vec![MilestoneState::NotStarted, MilestoneState::InProgress, MilestoneState::Done])
            .prop_map(Outcome::Milestone),
        prop::sample::select(vec![
            MissingReason::NotPublished,
            MissingReason::MethodChanged,
            MissingReason::Confidential,
            MissingReason::NotMeasured
        ])
        .prop_map(Outcome::Missing),
    ];
    let note = "[A-Za-zåäö0-9 ,;.\"%-]{1,20}".prop_filter("a note is kept trimmed", |n: &String| n.trim() == n);
    (
        prop::option::of(id()),
        id(),
        period(),
        prop::sample::select(vec![Sex::Total, Sex::Women, Sex::Men]),
        outcome,
        prop::option::of(decimal()),
        prop::option::of(note),
    )
        .prop_map(|(unit, measure, period, sex, outcome, reference, note)| Observation {
            unit,
            measure,
            period,
            sex,
            outcome,
            reference,
            note,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_scorecard_survives_toml_and_json(scorecard in scorecard()) {
        prop_assert_eq!(scorecard.validate(), vec![]);
        let toml = scorecard.to_toml_string().expect("writes TOML");
        let from_toml = read_scorecard("out.toml", &toml, Format::Toml);
        prop_assert_eq!(from_toml.as_ref().ok(), Some(&scorecard), "{:?}\n{}", from_toml.as_ref().err(), toml);
        let json = scorecard.to_json_string().expect("writes JSON");
        prop_assert_eq!(read_scorecard("out.json", &json, Format::Json).ok(), Some(scorecard));
    }

    #[test]
    fn observations_survive_csv_and_json(observations in prop::collection::vec(observation(), 0..20)) {
        let observations = Observations::from(observations);
        let csv = observations_to_csv(&observations).expect("writes CSV");
        prop_assert_eq!(read_observations("out.csv", &csv, ObservationFormat::Csv, None).ok(), Some(observations.clone()), "{}", csv);
        let json = observations_to_json(&observations).expect("writes JSON");
        prop_assert_eq!(read_observations("out.json", &json, ObservationFormat::Json, None).ok(), Some(observations));
    }

    #[test]
    fn judgements_survive_toml_and_json(items in prop::collection::vec((id(), period(), status(), "\\PC{1,40}", prop::option::of(status()), prop::option::of(text()), prop::option::of(text())), 0..6)) {
        let judgements: Vec<Judgement> = items.into_iter().map(|(goal, period, status, motivation, forecast, forecast_note, analysis)| Judgement { forecast, forecast_note, analysis, ..Judgement::new(goal, period, status, motivation) }).collect();
        let toml = judgements_to_toml(&judgements).expect("writes TOML");
        prop_assert_eq!(read_judgements("out.toml", &toml, Format::Toml, None).ok(), Some(judgements.clone()), "{}", toml);
        let json = judgements_to_json(&judgements).expect("writes JSON");
        prop_assert_eq!(read_judgements("out.json", &json, Format::Json, None).ok(), Some(judgements));
    }
}
