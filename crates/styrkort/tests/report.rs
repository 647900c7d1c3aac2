//! The goal-fulfilment report (SPEC §5).
//!
//! Golden files: the Markdown and the text (no colour) of a small scorecard written below are
//! compared with `tests/golden/report-small.md` and `tests/golden/report-small.txt`. They are
//! rewritten only when asked: `UPDATE_GOLDEN=1 cargo test -p styrkort --test report`; review the
//! diff before committing it.
//!
//! Structure: the HTML of the same scorecard (escaping, legend, one `<tr>` per measure row, the
//! SVG charts, the flag) and of the bundled April 2020 example (the summary sentence, 124 rows).

use styrkort::assess::{Assessments, RuleSet, UnitSelection};
use styrkort::example::Example;
use styrkort::io::{Format, ObservationFormat, read_judgements, read_observations, read_scorecard};
use styrkort::model::{Judgement, Observations, Period, ReportPoint};
use styrkort::report::{Language, Report};

/// Two perspectives, three goals, a K/M measure with a target per sex, an annual-only measure,
/// a measure whose name is `<b>&"x"`, an activity and a bound; a unit.
const PLAN: &str = r#"
schema = 1
organisation = "Region Liten"
name = "Plan 2021"
years = [2021, 2023]

[[bodies]]
code = "RS"
name = "Regionstyrelsen"

[[bodies]]
code = "RUN"
name = "Regionala utvecklingsnämnden"

[[units]]
id = "norr"
name = "Division Norr"

[[perspectives]]
id = "samhalle"
name = "Samhälle"

[[perspectives]]
id = "ekonomi"
name = "Ekonomi"

[[goals]]
id = "G1"
perspective = "samhalle"
name = "God och jämlik hälsa"
bodies = ["RS"]

[[goals]]
id = "G2"
perspective = "samhalle"
name = "Ett starkt civilsamhälle"
bodies = ["RUN"]

[[goals]]
id = "G3"
perspective = "ekonomi"
name = "God ekonomisk hushållning"
bodies = ["RS"]

[[success_factors]]
id = "F1"
goal = "G1"
name = "En samordnad vård utifrån individens behov"
bodies = ["RS"]

[[success_factors]]
id = "F2"
goal = "G2"
name = "Föreningslivet växer"
bodies = ["RUN"]

[[success_factors]]
id = "F3"
goal = "G3"
name = "Ekonomi i balans"
bodies = ["RS"]

[[measures]]
id = "M1"
success_factor = "F1"
name = "Oplanerade återinskrivningar inom 30 dagar, 65 år och äldre (%)"
unit = "percent"
polarity = "lower_is_better"
sexes = ["K", "M"]
targets = { 2021 = "K 16,0 % M 17,2 %" }

[[measures]]
id = "M2"
success_factor = "F1"
name = "Andel invånare med förtroende för vården"
unit = "percent"
periods = ["ÅR"]
targets = { 2021 = "72 %" }

[[measures]]
id = "M3"
success_factor = "F2"
name = '<b>&"x"'
unit = "count"
targets = { 2021 = "Öka" }

[[measures]]
id = "M4"
success_factor = "F3"
name = "Aktivitet: Ta fram en ekonomisk handlingsplan"
kind = "aktivitet"
targets = { 2021 = "Handlingsplan antagen" }

[[measures]]
id = "M5"
success_factor = "F3"
name = "Andel fakturor betalda i tid"
unit = "percent"
targets = { 2021 = "Minst 80 %" }
"#;

const OBSERVATIONS: &str = "\
unit,measure,period,sex,value,state
,M1,2021-DÅ04,K,\"15,8\",
,M1,2021-DÅ04,M,\"17,6\",
,M1,2020-DÅ04,K,\"16,9\",
,M1,2020-DÅ04,M,\"17,2\",
,M3,2021-DÅ04,T,12,
,M3,2020-DÅ04,T,10,
,M4,2021-DÅ04,T,,pågår
,M5,2021-DÅ04,T,70,
,M5,2020-DÅ04,T,70,
norr,M5,2021-DÅ04,T,85,
";

/// G1 judged achieved while its measures suggest partially achieved: the report flags it. G2
/// agrees with its suggestion; G3 has no judgement.
const JUDGEMENTS: &str = r#"
[[judgements]]
goal = "G1"
period = "2021-DÅ04"
status = "uppnått"
motivation = "Återinskrivningarna minskar för kvinnor; bedömningen väger in arbetet med samordnad vård."
forecast = "delvis uppnått"
forecast_note = "Vid årets slut bedöms målet vara delvis uppnått."

[[judgements]]
goal = "G2"
period = "2021-DÅ04"
status = "uppnått"
motivation = "Fler föreningar får stöd."
"#;

fn small(units: &UnitSelection) -> (Assessments, Vec<Judgement>) {
    let scorecard = read_scorecard("plan.toml", PLAN, Format::Toml).expect("the plan loads");
    let observations = read_observations("utfall.csv", OBSERVATIONS, ObservationFormat::Csv, Some(&scorecard))
        .expect("the observations load");
    let judgements =
        read_judgements("bedomningar.toml", JUDGEMENTS, Format::Toml, Some(&scorecard)).expect("the judgements load");
    let period = Period::new(2021, ReportPoint::April);
    (Assessments::new(scorecard, &observations, period, RuleSet::default(), units).expect("assesses"), judgements)
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1 and review it", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or_else(|| expected.lines().count().min(actual.lines().count()) + 1, |index| index + 1);
        panic!(
            "{} differs from the rendering at line {line}:\n  golden: {:?}\n  actual: {:?}\nrun with UPDATE_GOLDEN=1 to accept, and review the diff",
            path.display(),
            expected.lines().nth(line - 1).unwrap_or(""),
            actual.lines().nth(line - 1).unwrap_or("")
        );
    }
}

#[test]
fn markdown_of_a_small_scorecard() {
    let (assessments, judgements) = small(&UnitSelection::Organisation);
    let report = Report::new(assessments, &judgements);
    golden("report-small.md", &report.to_markdown());
}

#[test]
fn text_of_a_small_scorecard() {
    let (assessments, judgements) = small(&UnitSelection::Organisation);
    let report = Report::new(assessments, &judgements);
    let text = report.to_text(false);
    assert!(!text.contains('\x1b'), "no colour when not asked");
    golden("report-small.txt", &text);
    let coloured = report.to_text(true);
    assert!(coloured.contains("\x1b[32m■ Uppnått\x1b[0m"), "colour when asked");
}

#[test]
fn the_html_escapes_data_and_shows_every_row() {
    let (assessments, judgements) = small(&UnitSelection::All);
    let report = Report::new(assessments, &judgements);
    let html = report.to_html();
    assert!(html.contains("&lt;b&gt;&amp;&quot;x&quot;"), "the name is text");
    assert!(!html.contains(r#"<b>&"x""#), "the name is never markup");
    // M1 K and M, M2, M3, M4, M5: six rows of the organisation (the unit's row is not in it).
    assert_eq!(report.row_count(), 6);
    assert_eq!(html.matches("<tr class=\"measure-row\">").count(), 6);
    assert_eq!(html.matches("<table class=\"measures\">").count(), 3);
    assert!(html.contains("<th scope=\"row\" rowspan=\"2\">Oplanerade återinskrivningar"));
    // A chart for the plan and one per perspective, each an image with its counts.
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 3);
    assert!(html.contains(
        "aria-label=\"Samhälle: Uppnått 2, Delvis uppnått 0, Ej uppnått 0, Kan ej bedömas 0 (2 strategiska mål)\""
    ));
    assert!(html.contains("<title>Ekonomi: Uppnått 0, Delvis uppnått 1, Ej uppnått 0, Kan ej bedömas 0"));
    // The legend: colour (class), shape and label of each status.
    for (class, shape, label) in [
        ("s-achieved", "■", "Uppnått"),
        ("s-partial", "●", "Delvis uppnått"),
        ("s-not", "▲", "Ej uppnått"),
        ("s-na", "◊", "Kan ej bedömas"),
    ] {
        assert!(html.contains(&format!(
            "<li><span class=\"badge {class}\"><span class=\"shape\" aria-hidden=\"true\">{shape}</span>{label}</span></li>"
        )));
    }
    // G1's judgement differs from the suggestion.
    assert_eq!(html.matches("<p class=\"flag\" role=\"note\">").count(), 1);
    assert!(html.contains("<strong>⚑ Beräknat förslag:</strong> <span class=\"badge s-partial\">"));
    // Gender equality: M1's gap widened, and women meet their target while men do not.
    assert_eq!(html.matches("<tr class=\"gap-row\">").count(), 1);
    // Gaps are signed with a true minus sign (U+2212) and an explicit plus.
    assert!(html.contains("<td>−1,8 procentenheter</td><td>−0,3 procentenheter</td><td>Inte minskad</td>"));
    assert!(html.contains("⚑ Ett kön når målet, det andra inte"));
    // Explanations on hover and in a details element; the trend in words for screen readers.
    assert!(html.contains("<summary title=\"15,8 % mot målet högst 16,0 %: målet är nått, uppnått.\">"));
    assert!(html.contains("<span class=\"vh\">Förbättrad</span>"));
    // Self-contained: no script, no external resources.
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
}

#[test]
fn a_report_for_a_unit_uses_its_rows_only() {
    let (assessments, judgements) = small(&UnitSelection::Unit("norr".into()));
    let report = Report::new(assessments, &judgements);
    assert_eq!(report.unit_name(), "Division Norr");
    assert_eq!(report.row_count(), 6);
    let csv = report.to_csv().expect("CSV");
    assert_eq!(csv.lines().count(), 7, "a header and six rows");
    assert!(csv.lines().skip(1).all(|line| line.contains(",norr,")));
    assert!(csv.contains("M5,Andel fakturor betalda i tid,styrmått,RS,norr,2021-DÅ04,T,achieved"));
    let json: serde_json::Value = serde_json::from_str(&report.to_json().expect("JSON")).expect("valid JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(6));
    let scorecard = read_scorecard("plan.toml", PLAN, Format::Toml).expect("the plan loads");
    let period = Period::new(2021, ReportPoint::April);
    let error = Assessments::new(
        scorecard,
        &Observations::new(),
        period,
        RuleSet::default(),
        &UnitSelection::Unit("söder".into()),
    )
    .expect_err("an unknown unit");
    assert_eq!(error.kind(), styrkort::ErrorKind::UnknownUnit);
    assert!(error.to_string().contains("'söder'"), "{error}");
}

#[test]
fn english_labels() {
    let (assessments, judgements) = small(&UnitSelection::Organisation);
    let report = Report::new(assessments, &judgements).with_language(Language::English);
    let html = report.to_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for label in
        ["Measure", "Board/committee", "Target 2021", "Goal fulfilment", "Partially achieved", "Not assessable"]
    {
        assert!(html.contains(label), "{label}");
    }
    let markdown = report.to_markdown();
    assert!(markdown.contains("| Measure | Board/committee | W/M | Target 2021 | Goal fulfilment | Trend |"));
}

#[test]
fn the_april_2020_report() {
    let example = Example::norrbotten_2020().expect("the example");
    let assessments = Assessments::new(
        example.scorecard,
        &example.observations,
        example.period,
        RuleSet::default(),
        &UnitSelection::Organisation,
    )
    .expect("assesses");
    let report = Report::new(assessments, &example.judgements);
    let sentence = "Den samlade bedömningen av de strategiska målen för perioden visar att ett av de 20 strategiska målen helt har uppnåtts, 18 har delvis uppnåtts och ett mål har inte uppnåtts.";
    let html = report.to_html();
    assert!(html.contains(&format!("<p class=\"sentence\" id=\"summary-sentence\" lang=\"sv\">{sentence}</p>")));
    // 81 measures with a T row, 11 with K and M, 7 with T, K and M (see the browser test).
    assert_eq!(report.row_count(), 124);
    assert_eq!(html.matches("<tr class=\"measure-row\">").count(), 124);
    assert_eq!(html.matches("<article class=\"goal\"").count(), 20);
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 6);
    assert!(report.to_markdown().contains(sentence));
    assert!(report.to_text(false).contains("Den samlade bedömningen av de strategiska målen för perioden visar att"));
}
