//! What the C ABI and the Python package stand on: results that own their data, one error type
//! whose kind and location need no rule of a binding's, values that cross threads and travel to
//! worker processes, and no row left out in silence.

use std::sync::Arc;
use styrkort::assess::Record;
use styrkort::io::{Field, ObservationBuilder};
use styrkort::model::{Observations, ReportPoint};
use styrkort::target::Target;
use styrkort::{
    Assessments, Error, ErrorKind, Example, Judgement, Observation, Period, Report, RuleSet, Scorecard, UnitSelection,
};

fn example_report() -> Report {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let assessments = Assessments::new(
        example.scorecard,
        &example.observations,
        example.period,
        RuleSet::default(),
        &UnitSelection::Organisation,
    )
    .expect("the example assesses");
    Report::new(assessments, &example.judgements)
}

#[test]
fn the_types_a_binding_holds_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<Scorecard>();
    shared::<Observations>();
    shared::<Judgement>();
    shared::<RuleSet>();
    shared::<Assessments>();
    shared::<Report>();
    shared::<Record>();
    shared::<Target>();
    shared::<Error>();
}

#[test]
fn a_report_owns_what_it_renders_and_gives_any_row_as_a_record() {
    let report = example_report();
    let html = report.to_html();
    // The report is all a caller keeps: nothing it was made from needs to live on.
    let shared = Arc::new(report);
    let other = Arc::clone(&shared);
    let thread = std::thread::spawn(move || (other.len(), other.record(0).map(|r| r.measure), other.to_html()));
    let (len, first, html_there) = thread.join().expect("the thread renders");
    assert_eq!(len, shared.len());
    assert_eq!(first, shared.record(0).map(|r| r.measure));
    assert_eq!(html_there, html);
    assert_eq!(shared.record(shared.len()), None, "past the end");
    let records = shared.records();
    assert_eq!(records.len(), shared.len());
    assert_eq!(shared.record(17).as_ref(), records.get(17), "record(i) is the i-th of records()");
}

#[test]
fn a_record_has_every_field_of_an_assessment() {
    let report = example_report();
    let record = report.records().into_iter().find(|r| r.measure_name.contains("återinskrivningar")).expect("a row");
    let json: serde_json::Value = serde_json::to_value(&record).expect("a record serialises");
    for key in [
        "measure",
        "measure_name",
        "value_unit",
        "unit",
        "period",
        "sex",
        "status",
        "reason",
        "trend",
        "value",
        "target",
        "target_kind",
        "target_value",
        "comparison",
        "base_period",
        "reference",
        "rule",
        "explanation",
    ] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    let back: Record = serde_json::from_value(json).expect("and reads back");
    assert_eq!(back, record);
}

#[test]
fn assessments_and_reports_travel_to_another_process_and_back() {
    let report = example_report();
    let json = serde_json::to_string(&report).expect("a report serialises");
    let back: Report = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back.records(), report.records());
    assert_eq!(back.to_html(), report.to_html());
    let assessments: &Assessments = report.assessments();
    let json = serde_json::to_string(assessments).expect("assessments serialise");
    let back: Assessments = serde_json::from_str(&json).expect("and read back");
    assert_eq!(back.rows(), assessments.rows());
    let example = Example::norrbotten_2020().expect("the example");
    let json = serde_json::to_string(&example.observations).expect("observations serialise");
    assert_eq!(serde_json::from_str::<Observations>(&json).expect("and read back"), example.observations);
    let rules = RuleSet { partial_band: "0.1".parse().expect("a decimal"), ..RuleSet::default() };
    let json = serde_json::to_string(&rules).expect("rules serialise");
    assert_eq!(serde_json::from_str::<RuleSet>(&json).expect("and read back"), rules);
}

#[test]
fn every_kind_of_error_has_its_stable_code() {
    let kind = |result: Result<(), Error>| result.expect_err("an error").kind();
    let scorecard = Example::norrbotten_2020().expect("the example").scorecard;
    let period = Period::new(2020, ReportPoint::April);
    let assess = |observations: &Observations, rules: RuleSet, units: &UnitSelection| {
        Assessments::new(scorecard.clone(), observations, period, rules, units).map(|_| ())
    };
    assert_eq!(kind(Target::parse("Minska med").map(|_| ())), ErrorKind::TargetSyntax);
    assert_eq!(kind(Scorecard::from_toml_str("schema = ").map(|_| ())), ErrorKind::Scorecard);
    let unknown = Observations::from(vec![Observation::value("X", period, styrkort::Sex::Total, 1.into())]);
    assert_eq!(kind(assess(&unknown, RuleSet::default(), &UnitSelection::All)), ErrorKind::Observations);
    let judgements = styrkort::io::read_judgements("j.toml", "[[judgements]]\n", styrkort::io::Format::Toml, None);
    assert_eq!(kind(judgements.map(|_| ())), ErrorKind::Judgements);
    let wide = RuleSet { partial_band: 2.into(), ..RuleSet::default() };
    assert_eq!(kind(assess(&Observations::new(), wide, &UnitSelection::All)), ErrorKind::Rules);
    assert_eq!(kind("2020-DÅ13".parse::<Period>().map(|_| ())), ErrorKind::Period);
    let unit = UnitSelection::Unit("nope".into());
    assert_eq!(kind(assess(&Observations::new(), RuleSet::default(), &unit)), ErrorKind::UnknownUnit);
    assert_eq!(kind("X".parse::<styrkort::Sex>().map(|_| ())), ErrorKind::Value);
    assert_eq!(kind(Scorecard::load("/nonexistent/plan.toml").map(|_| ())), ErrorKind::Io);
    let options = styrkort::io::read_report_options(
        "o.toml",
        "publish = 1
",
        styrkort::io::Format::Toml,
    );
    assert_eq!(kind(options.map(|_| ())), ErrorKind::ReportOptions);
    let codes: Vec<u32> = ErrorKind::ALL.iter().map(|kind| kind.code()).collect();
    assert_eq!(codes, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "the codes never change once released");
}

#[test]
fn observations_from_columns_follow_the_csv_rules_and_say_where() {
    let header = ["measure", "period", "sex", "value", "reference"];
    let measure = ["VER-1-F1-M1", "VER-1-F1-M1", "VER-1-F1-M1"];
    let value = [Field::Number(72.into()), Field::Text("16,3"), Field::Text("x")];
    let mut builder = ObservationBuilder::new("data frame", &header);
    for row in 0..3 {
        builder.push(None, |position| match position {
            0 => Field::Text(measure[row]),
            1 => Field::Text("2020-DÅ04"),
            2 => Field::Empty,
            3 => value[row],
            _ => Field::Empty,
        });
    }
    let error = builder.finish(None).expect_err("the third value is not a number");
    assert_eq!(error.kind(), ErrorKind::Observations);
    let [diagnostic] = error.diagnostics() else { panic!("one problem: {error}") };
    assert_eq!((diagnostic.location.row, diagnostic.location.field.as_deref()), (Some(2), Some("value")));
    assert_eq!(diagnostic.location.column, Some(4), "the column's position in the header, from 1");
    assert_eq!(
        error.to_string(),
        "data frame: row 2: column 'value': 'x' is not a number: expected digits with a decimal comma or point, such as 16,9"
    );
}

#[test]
fn a_row_a_binding_cannot_read_is_reported_and_the_rows_after_keep_their_positions() {
    let mut builder = ObservationBuilder::records("records");
    let skipped = builder.skip_row();
    builder.report(styrkort::Location::file("records").in_row(skipped, None), "[0]: expected a dict, not int");
    builder.push(None, |position| match position {
        1 => Field::Text("VER-1-F1-M1"),
        2 => Field::Text("2020-DÅ04"),
        4 => Field::Text("x"),
        _ => Field::Empty,
    });
    let error = builder.finish(None).expect_err("two problems");
    let rows: Vec<Option<usize>> = error.diagnostics().iter().map(|d| d.location.row).collect();
    assert_eq!(rows, [Some(0), Some(1)], "{error}");
}

#[test]
fn a_binding_told_the_format_reads_the_text_of_a_file_with_the_loaders_errors() {
    let (file, text) = styrkort::io::read_text("../../examples/minimal.toml", ErrorKind::Scorecard).expect("reads");
    assert!(file.ends_with("minimal.toml") && text.contains("schema = 1"));
    let path = std::env::temp_dir().join(format!("styrkort-not-utf8-{}.toml", std::process::id()));
    std::fs::write(&path, b"schema = 1\nname = \"\xff\"\n").expect("a writable temp folder");
    let error = styrkort::io::read_text(&path, ErrorKind::Scorecard).expect_err("not UTF-8");
    let _ = std::fs::remove_file(&path);
    assert_eq!(error.kind(), ErrorKind::Scorecard);
    assert_eq!((error.diagnostics()[0].location.line, error.diagnostics()[0].location.column), (Some(2), Some(9)));
}

#[test]
fn rows_handed_in_any_order_are_found_by_measure_and_unit() {
    use styrkort::assess::{Engine, RuleSet, UnitSelection};
    let example = styrkort::example::Example::norrbotten_2020().expect("the bundled example");
    let engine = Engine::new(example.scorecard, RuleSet::default());
    let index = engine.index(&example.observations).expect("indexes");
    let rows = engine.assess(&index, example.period, &UnitSelection::All).expect("assesses");
    let in_order =
        Assessments::from_rows(engine.clone(), example.period, UnitSelection::All, rows.clone()).expect("rows");
    // Every other row moved to the end: each measure's rows now stand in two runs.
    let (even, odd): (Vec<_>, Vec<_>) = rows.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let scrambled: Vec<_> = even.into_iter().chain(odd).map(|(_, row)| *row).collect();
    let scrambled = Assessments::from_rows(engine, example.period, UnitSelection::All, scrambled).expect("rows");
    for row in &rows {
        let want: Vec<_> = in_order.rows_of(row.measure, row.unit).collect();
        let got: Vec<_> = scrambled.rows_of(row.measure, row.unit).collect();
        assert!(!want.is_empty() && want.len() == got.len(), "measure {} unit {:?}", row.measure, row.unit);
        assert!(want.iter().all(|w| got.contains(w)));
        assert_eq!(in_order.measure_status(row.measure, row.unit), scrambled.measure_status(row.measure, row.unit));
    }
}
