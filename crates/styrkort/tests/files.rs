//! The file formats of SPEC §6: the examples load unchanged, defaults apply, both delimiters and
//! both decimal marks read, statuses accept codes and Swedish labels.

use rust_decimal::Decimal;
use std::str::FromStr;
use styrkort::io::{Format, ObservationFormat, load_scorecard, read_judgements, read_observations, read_scorecard};
use styrkort::model::{
    Accumulation, MeasureKind, MilestoneState, MissingReason, Outcome, Period, Polarity, ReportPoint, Scorecard, Sex,
    Status,
};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test literal")
}

fn minimal() -> Scorecard {
    load_scorecard(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/minimal.toml"))
        .expect("examples/minimal.toml loads")
}

#[test]
fn the_minimal_example_of_the_spec_loads_unchanged() {
    let scorecard = minimal();
    assert_eq!(
        (scorecard.organisation.as_str(), scorecard.name.as_str(), scorecard.years),
        ("Region Exempel", "Plan 2021", (2021, 2023))
    );
    let measure = scorecard.measure("M1").expect("M1");
    assert_eq!(measure.polarity, Polarity::LowerIsBetter);
    assert_eq!(measure.sexes, [Sex::Women, Sex::Men]);
    assert_eq!(measure.target_text(2021), Some("K 16,0 % M 17,2 %"));
    let baseline = measure.baseline.as_ref().expect("baseline");
    assert_eq!(
        (baseline.period, baseline.women, baseline.men),
        (Some(Period::new(2019, ReportPoint::Annual)), Some(d("16.9")), Some(d("17.6")))
    );
    let risk = scorecard.success_factor("F1").and_then(|f| f.risk).expect("risk");
    assert_eq!((risk.score(), risk.requires_action()), (6, false));
}

#[test]
fn the_minimal_example_reads_the_same_as_json() {
    let json = r#"{
      "schema": 1, "organisation": "Region Exempel", "name": "Plan 2021", "years": [2021, 2023],
      "bodies": [{"code": "RS", "name": "Regionstyrelsen"}],
      "perspectives": [{"id": "verksamhet", "name": "Verksamhet"}],
      "goals": [{"id": "G1", "perspective": "verksamhet", "name": "God, nära och samordnad vård", "bodies": ["RS"]}],
      "success_factors": [{"id": "F1", "goal": "G1", "name": "En samordnad vård utifrån individens behov", "bodies": ["RS"],
                           "risk": {"probability": 2, "consequence": 3}}],
      "measures": [{"id": "M1", "success_factor": "F1",
                    "name": "Oplanerade återinskrivningar inom 30 dagar, 65 år och äldre (%)",
                    "kind": "styrmått", "body": "RS", "unit": "percent", "polarity": "lower_is_better",
                    "sexes": ["K", "M"], "periods": ["DÅ04", "DÅ08", "ÅR"], "source": "Verksamhetsavdelningen",
                    "baseline": {"period": "2019-ÅR", "K": "16,9", "M": 17.6},
                    "targets": {"2021": "K 16,0 % M 17,2 %"}}]
    }"#;
    assert_eq!(read_scorecard("minimal.json", json, Format::Json).expect("loads"), minimal());
}

#[test]
fn measure_keys_take_the_defaults_of_the_spec() {
    let text = r#"schema = 1
organisation = "Region Exempel"
name = "Plan"
years = [2021, 2021]
[[bodies]]
code = "RUN"
name = "Regionala utvecklingsnämnden"
[[goals]]
id = "G1"
perspective = "ekonomi"
name = "God ekonomisk hushållning"
[[success_factors]]
id = "F1"
goal = "G1"
name = "Budget i balans"
bodies = ["RUN"]
[[measures]]
id = "M1"
success_factor = "F1"
name = "Resultat"
"#;
    let scorecard = read_scorecard("plan.toml", text, Format::Toml).expect("loads");
    assert_eq!(scorecard.perspectives.len(), 5, "the five default perspectives");
    let m = &scorecard.measures[0];
    assert_eq!(m.kind, MeasureKind::Steering);
    assert_eq!(m.body.as_deref(), Some("RUN"), "the success factor's first body");
    assert_eq!(m.unit.as_str(), "text");
    assert_eq!(m.polarity, Polarity::HigherIsBetter);
    assert_eq!(m.sexes, [Sex::Total]);
    assert_eq!(m.periods, ReportPoint::ALL);
    assert_eq!(m.accumulation, Accumulation::Level);
    assert_eq!(m.comparison_period(Period::new(2021, ReportPoint::April)), Period::new(2020, ReportPoint::April));
}

#[test]
fn observations_csv_with_comma_or_semicolon() {
    let plan = minimal();
    let comma = "unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note\n,M1,2021-DÅ04,K,16.3,,,,15.9,,\"riket, preliminärt\"\n,M1,2021-DA04,M,,52,300,,,,\n";
    let semicolon =
        "measure;period;sex;value;reference;note\nM1;2021-T1;K;16,3;15,9;riket, preliminärt\nM1;2021-DÅ04;M;;;\n";
    let from_comma = read_observations("a.csv", comma, ObservationFormat::Csv, Some(&plan)).expect("comma loads");
    assert_eq!(from_comma.len(), 2);
    let (first, second) = (from_comma.get(0).expect("a first row"), from_comma.get(1).expect("a second row"));
    assert_eq!(first.outcome, Outcome::Value(d("16.3")));
    assert_eq!(first.reference, Some(d("15.9")));
    assert_eq!(first.note.as_deref(), Some("riket, preliminärt"));
    assert_eq!(second.outcome, Outcome::Ratio { numerator: d("52"), denominator: d("300") });
    let from_semicolon = read_observations("b.csv", semicolon, ObservationFormat::Csv, Some(&plan));
    let error = from_semicolon.expect_err("the second row has no outcome");
    assert_eq!(error.diagnostics().len(), 1);
    let fixed = semicolon.replace("M1;2021-DÅ04;M;;;", "M1;2021-DÅ04;M;17,8;;");
    let from_semicolon =
        read_observations("b.csv", &fixed, ObservationFormat::Csv, Some(&plan)).expect("semicolon loads");
    assert_eq!(from_semicolon.get(0), from_comma.get(0), "decimal comma with ';' reads as the point with ','");
}

#[test]
fn observation_outcomes_of_every_kind() {
    let csv = "measure,period,sex,state,missing\nA1,2021-DÅ08,T,pågår,\nA1,2021-ÅR,T,genomförd,\nA1,2022-DÅ04,T,,ej_publicerad\nA1,2022-DÅ08,T,,metod_andrad\n";
    let observations = read_observations("a.csv", csv, ObservationFormat::Csv, None).expect("loads");
    let outcomes: Vec<_> = observations.iter().map(|o| o.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Outcome::Milestone(MilestoneState::InProgress),
            Outcome::Milestone(MilestoneState::Done),
            Outcome::Missing(MissingReason::NotPublished),
            Outcome::Missing(MissingReason::MethodChanged),
        ]
    );
    assert_eq!(Outcome::Ratio { numerator: d("1"), denominator: d("4") }.value(true), Some(d("25")));
    assert_eq!(Outcome::Ratio { numerator: d("1"), denominator: d("0") }.value(true), None);
}

#[test]
fn observations_json_as_a_list_or_under_a_key() {
    let plan = minimal();
    let list = r#"[{"measure": "M1", "period": "2021-DÅ04", "sex": "K", "value": 16.3, "unit": null}]"#;
    let keyed = r#"{"observations": [{"measure": "M1", "period": "2021-DÅ04", "sex": "K", "value": "16,3"}]}"#;
    let a = read_observations("a.json", list, ObservationFormat::Json, Some(&plan)).expect("a list loads");
    let b = read_observations("b.json", keyed, ObservationFormat::Json, Some(&plan)).expect("a keyed list loads");
    assert_eq!(a, b);
    assert_eq!(a.get(0).map(|o| o.outcome), Some(Outcome::Value(d("16.3"))));
}

#[test]
fn judgements_accept_codes_and_swedish_labels() {
    let toml = r#"
[[judgements]]
goal = "G1"
period = "2021-DÅ04"
status = "delvis uppnått"
motivation = "Flera styrmått visar en positiv utveckling."
forecast = "uppnått"
forecast_note = "Vid årets slut bedöms målet vara uppnått."

[[judgements]]
goal = "F1"
period = "2021-DÅ04"
status = "not_achieved"
motivation = "Målet nås inte."
"#;
    let judgements = read_judgements("j.toml", toml, Format::Toml, Some(&minimal())).expect("loads");
    assert_eq!(judgements[0].status, Status::PartiallyAchieved);
    assert_eq!(judgements[0].forecast, Some(Status::Achieved));
    assert_eq!(judgements[1].status, Status::NotAchieved);
    let json = styrkort::io::judgements_to_json(&judgements).expect("writes");
    assert_eq!(read_judgements("j.json", &json, Format::Json, Some(&minimal())).expect("reads back"), judgements);
    for (label, status) in [
        ("Uppnått", Status::Achieved),
        ("inte uppnått", Status::NotAchieved),
        ("ej uppnått", Status::NotAchieved),
        ("Kan ej bedömas", Status::NotAssessed),
    ] {
        let one =
            format!("[[judgements]]\ngoal = \"G1\"\nperiod = \"2021\"\nstatus = \"{label}\"\nmotivation = \"m\"\n");
        assert_eq!(read_judgements("j.toml", &one, Format::Toml, None).expect("loads")[0].status, status, "{label}");
    }
}

#[test]
fn a_missing_file_is_a_diagnostic_not_a_panic() {
    let error = load_scorecard("/nonexistent/plan.toml").expect_err("no such file");
    assert!(error.to_string().starts_with("/nonexistent/plan.toml: cannot read:"), "{error}");
}

#[test]
fn json_numbers_keep_every_digit() {
    let plan = minimal();
    let json = r#"[{"measure": "M1", "period": "2021-DÅ04", "sex": "K", "value": 7.000000000000000001},
                  {"measure": "M1", "period": "2021-DÅ04", "sex": "M", "value": 1.2345678901234567890123456e25}]"#;
    let observations = read_observations("a.json", json, ObservationFormat::Json, Some(&plan)).expect("loads");
    let values: Vec<_> = observations.iter().map(|o| o.outcome).collect();
    assert_eq!(
        values,
        [Outcome::Value(d("7.000000000000000001")), Outcome::Value(d("12345678901234567890123456"))],
        "no digit passes through a float"
    );
    let too_fine = r#"[{"measure": "M1", "period": "2021-DÅ04", "sex": "K", "value": 1e-40}]"#;
    let error = read_observations("b.json", too_fine, ObservationFormat::Json, None).expect_err("not exact");
    assert!(error.to_string().starts_with("b.json:1:64: [0].value: 1e-40 does not fit a decimal exactly"), "{error}");
    let scorecard = minimal().to_json_string().expect("JSON").replace("\"16,9\"", "16.900000000000000000000001");
    let read = read_scorecard("plan.json", &scorecard, Format::Json).expect("loads");
    let baseline = read.measures[0].baseline.as_ref().and_then(|b| b.women);
    assert_eq!(baseline, Some(d("16.900000000000000000000001")));
}
