//! The report a region can publish (issue 13): the region's texts (introductions, analyses,
//! verdicts on single measures), the region's table (a per-sex target's part on its own row, an
//! optional Utfall column, bodies after names, the overview, footnotes), the publication mode,
//! the page's structure for print and phone (contents, anchors, `lang="sv"`), and CSV for
//! Swedish Excel. Outcomes stated as a change are in `assess_stated_change.rs`.

use styrkort::assess::{Assessments, CsvDialect, RuleSet, UnitSelection};
use styrkort::io::{Format, ObservationFormat, read_analyses, read_judgements, read_observations, read_scorecard};
use styrkort::model::{Period, ReportPoint, Status};
use styrkort::report::{Language, Report, ReportColumn, ReportOptions};

const PLAN: &str = r#"
schema = 1
organisation = "Region Liten"
name = "Plan 2021"
years = [2021, 2023]
introduction = "Bilagan redovisar måluppfyllelsen per perspektiv.\n\nDen följer regionens plan."

[[bodies]]
code = "RS"
name = "Regionstyrelsen"

[[bodies]]
code = "PN"
name = "Patientnämnden"

[[perspectives]]
id = "medborgare"
name = "Medborgare"
introduction = "Perspektivet medborgare handlar om invånarnas möte med vården."

[[goals]]
id = "G1"
perspective = "medborgare"
name = "En god, jämlik och samordnad vård"
bodies = ["RS", "PN"]

[[success_factors]]
id = "F1"
goal = "G1"
name = "Tillgänglig vård"
bodies = ["RS"]

[[measures]]
id = "M1"
success_factor = "F1"
name = "Andel patienter med behandlingsstrategi (%)[1]"
unit = "percent"
sexes = ["K", "M"]
targets = { 2021 = "K40 M40" }
footnotes = ["Inklusive privata hälsocentraler"]

[[measures]]
id = "M2"
success_factor = "F1"
name = "Andel besök inom 7 dagar"
unit = "percent"
targets = { 2021 = "80 %" }
"#;

const OBSERVATIONS: &str = "\
measure,period,sex,value
M1,2021-DÅ04,K,56
M1,2021-DÅ04,M,30
M2,2021-DÅ04,T,\"69,5\"
";

const JUDGEMENTS: &str = r#"
[[judgements]]
goal = "G1"
period = "2021-DÅ04"
status = "delvis uppnått"
motivation = "Målet är delvis uppnått. Vid årets slut bedöms målet vara delvis uppnått."
analysis = "Under första tertialet ökade andelen för kvinnor."
forecast = "delvis uppnått"
forecast_note = "Vid årets slut bedöms målet vara delvis uppnått."

[[judgements]]
goal = "M2"
period = "2021-DÅ04"
status = "uppnått"
motivation = "Målet för året bedöms uppnått trots pandemin."

[[judgements]]
goal = "M1"
sex = "M"
period = "2021-DÅ04"
status = "delvis uppnått"
motivation = "Andelen män ökar."

[[analyses]]
of = "F1"
period = "2021-DÅ04"
text = "Under första tertialet uppgick andelen till 69 procent.\n\nDet är lägre än målet."

[[analyses]]
of = "medborgare"
period = "2021-DÅ04"
text = "Perioden präglas av pandemin."

[[analyses]]
of = "M2"
period = "2020-DÅ04"
text = "En text för ett annat år."
"#;

fn report() -> Report {
    let scorecard = read_scorecard("plan.toml", PLAN, Format::Toml).expect("the plan loads");
    let observations =
        read_observations("utfall.csv", OBSERVATIONS, ObservationFormat::Csv, Some(&scorecard)).expect("loads");
    let judgements = read_judgements("b.toml", JUDGEMENTS, Format::Toml, Some(&scorecard)).expect("judgements");
    let analyses = read_analyses("b.toml", JUDGEMENTS, Format::Toml, Some(&scorecard)).expect("analyses");
    let period = Period::new(2021, ReportPoint::April);
    let assessments =
        Assessments::new(scorecard, &observations, period, RuleSet::default(), &UnitSelection::Organisation)
            .expect("assesses");
    Report::new(assessments, &judgements).with_analyses(&analyses)
}

fn position(html: &str, text: &str) -> usize {
    html.find(text).unwrap_or_else(|| panic!("{text:?} is not in the report"))
}

#[test]
fn the_region_s_texts_are_shown_in_the_region_s_order_in_every_format() {
    let report = report();
    let html = report.to_html();
    let order = [
        "Bilagan redovisar måluppfyllelsen per perspektiv.",
        "Den följer regionens plan.",
        "Perspektivet medborgare handlar om invånarnas möte med vården.",
        "Perioden präglas av pandemin.",
        "Under första tertialet ökade andelen för kvinnor.",
        "Under första tertialet uppgick andelen till 69 procent.",
        "Det är lägre än målet.",
        "Målet för året bedöms uppnått trots pandemin.",
    ];
    let at: Vec<usize> = order.iter().map(|text| position(&html, text)).collect();
    assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "in the region's order: {at:?}");
    assert!(html.contains("<p class=\"analysis-text\" lang=\"sv\">Det är lägre än målet.</p>"), "paragraphs");
    assert!(!html.contains("En text för ett annat år."), "another period's text is left out");
    for rendered in [report.to_markdown(), report.to_text(false)] {
        let at: Vec<usize> = order.iter().map(|text| position(&rendered, text)).collect();
        assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "{at:?}");
    }
}

#[test]
fn a_forecast_said_in_the_motivation_is_printed_once() {
    let report = report();
    for rendered in [report.to_html(), report.to_markdown(), report.to_text(false)] {
        assert_eq!(rendered.matches("Vid årets slut bedöms målet vara delvis uppnått.").count(), 1);
    }
}

#[test]
fn a_verdict_on_a_measure_is_its_reported_status_flagged_where_it_differs() {
    let report = report();
    let html = report.to_html();
    // M2: 69,5 % against 80 % is not achieved; the region's verdict says achieved.
    let m2 = &html[position(&html, "Andel besök inom 7 dagar</th>")..];
    let m2 = &m2[..position(m2, "</tr>")];
    assert!(m2.contains("<span class=\"badge s-achieved\">"), "the reported status: {m2}");
    assert!(m2.contains("⚑ Beräknat: <span class=\"badge s-not\">"), "the computed one, flagged: {m2}");
    // M1: the men's row has a verdict of its own, the women's row keeps the computed status.
    assert_eq!(html.matches("<p class=\"computed\" role=\"note\">").count(), 2, "M2 and M1's M row");
    // The roll-up counts the reported statuses: M1 (K achieved, M partially) and M2 achieved.
    let factor = report.rollup().success_factor("F1").expect("F1");
    assert_eq!(factor.suggested, Status::PartiallyAchieved);
    assert_eq!((factor.measures.achieved, factor.measures.partially_achieved), (1, 1));
    assert!(report.to_markdown().contains("■ Uppnått (⚑ Beräknat: ▲ Ej uppnått)"));
}

#[test]
fn the_records_carry_the_reported_status_beside_the_computed_one() {
    let report = report();
    let reported: Vec<(String, &str, &str, &str, Option<String>)> = report
        .records()
        .into_iter()
        .map(|r| (r.measure, r.sex.code(), r.verdict.status.code(), r.reported_status.code(), r.verdict_motivation))
        .collect();
    let motivation = |text: &str| Some(text.to_owned());
    assert_eq!(
        reported,
        [
            ("M1".to_owned(), "K", "achieved", "achieved", None),
            ("M1".to_owned(), "M", "not_achieved", "partially_achieved", motivation("Andelen män ökar.")),
            (
                "M2".to_owned(),
                "T",
                "not_achieved",
                "achieved",
                motivation("Målet för året bedöms uppnått trots pandemin.")
            ),
        ]
    );
    assert_eq!(report.record(1), report.records().into_iter().nth(1), "one row as every row");
    let json = report.to_json().expect("JSON");
    assert!(json.contains("\"status\": \"not_achieved\"") && json.contains("\"reported_status\": \"achieved\""));
    let csv = report.to_csv().expect("CSV");
    assert!(csv.lines().next().is_some_and(|header| header.ends_with(",reported_status,verdict_motivation")));
    // The assessments alone know no verdicts: their reported status is the computed one.
    assert!(report.assessments().records().iter().all(|r| r.reported_status == r.verdict.status));
}

#[test]
fn the_region_s_table_per_sex_parts_bodies_footnotes_and_overview() {
    let report = report();
    let html = report.to_html();
    assert!(html.contains("<td class=\"target\">K40</td>") && html.contains("<td class=\"target\">M40</td>"));
    assert!(!html.contains("<td class=\"target\">K40 M40</td>"));
    assert!(html.contains("En god, jämlik och samordnad vård</span> <span class=\"bodies\">(RS, PN)</span></h3>"));
    assert!(html.contains("<div class=\"footnotes\" aria-label=\"Fotnoter\"><p lang=\"sv\"><sup>[1]</sup> Inklusive privata hälsocentraler</p></div>"));
    assert!(html.contains("<table class=\"overview-table\">"));
    assert!(html.contains("<td><a href=\"#f0\">Tillgänglig vård</a> <span class=\"bodies\">(RS)</span></td>"));
    let markdown = report.to_markdown();
    assert!(markdown.contains("| Strategiskt mål | Framgångsfaktor | Samlad bedömning |"));
    assert!(
        markdown.contains("| En god, jämlik och samordnad vård (RS, PN) | Tillgänglig vård (RS) | ● Delvis uppnått |")
    );
    assert!(markdown.contains("<sup>\\[1\\]</sup> Inklusive privata hälsocentraler"));
    assert!(report.to_text(false).contains("[1] Inklusive privata hälsocentraler"));
    // Only the rows the plan asks for: K and M for M1, T for M2.
    assert_eq!(html.matches("<tr class=\"measure-row\">").count(), 3);
}

#[test]
fn the_utfall_column_is_optional() {
    let plain = report();
    assert!(!plain.to_html().contains("<th scope=\"col\">Utfall</th>"));
    let report = report().with_options(ReportOptions::default().with_column(ReportColumn::Value));
    let html = report.to_html();
    assert!(html.contains("<th scope=\"col\">Utfall</th>"));
    assert!(html.contains("<td class=\"value\">69,5 %</td>"));
    assert!(report.to_markdown().contains("| Mål 2021 | Utfall | Måluppfyllelse |"));
    assert!(report.to_markdown().contains("| 80 % | 69,5 % |"));
    assert!(report.to_text(false).contains("69,5 %"));
}

#[test]
fn the_publication_mode_shows_no_engine_flags_and_no_explanations() {
    let working = report();
    let html = working.to_html();
    assert!(html.contains("<details><summary title=\""));
    assert!(html.contains("<p class=\"computed\""));
    let published = report().with_options(ReportOptions::published());
    let html = published.to_html();
    for engine in ["<details", "title=\"69,5", "⚑", "Beräknat", "class=\"why\""] {
        assert!(!html.contains(engine), "{engine} in the published report");
    }
    assert!(html.contains("<body class=\"publish\">"));
    for rendered in [published.to_markdown(), published.to_text(false)] {
        assert!(!rendered.contains("Beräknat"), "{rendered}");
    }
}

#[test]
fn contents_anchors_and_swedish_content_marked_whatever_the_labels() {
    let report = report().with_language(Language::English);
    let html = report.to_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>"));
    for anchor in ["introduction", "summary", "overview", "p0", "g0", "gender"] {
        assert!(html.contains(&format!("<a href=\"#{anchor}\"")), "a link to {anchor}");
        assert!(html.contains(&format!(" id=\"{anchor}\"")), "the target {anchor}");
    }
    assert!(html.contains("<p class=\"sentence\" id=\"summary-sentence\" lang=\"sv\">Den samlade bedömningen"));
    assert!(html.contains("<dd lang=\"sv\">Målet är delvis uppnått."));
    assert!(html.contains("<tbody lang=\"sv\">"));
    assert!(html.contains("<span class=\"badge s-achieved\" lang=\"en\">"), "English labels inside Swedish content");
}

#[test]
fn the_style_sheet_prints_on_a4_and_fits_a_phone() {
    let html = report().to_html();
    for rule in [
        "@page { size: A4;",
        "section.perspective { break-before: page; }",
        "break-after: avoid",
        "details::details-content { content-visibility: visible;",
        "details summary::after { content: none; }",
        ".table-wrap { overflow-x: auto;",
        "@media (max-width: 640px)",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    assert_eq!(html.matches("<div class=\"table-wrap\"><table").count(), 4, "every table scrolls in its own box");
}

#[test]
fn csv_for_swedish_excel() {
    let report = report();
    let excel = report.to_csv_with(CsvDialect::Excel).expect("CSV");
    assert!(excel.starts_with("\u{feff}perspective;goal;success_factor;measure;"), "BOM and semicolons");
    assert!(excel.ends_with("\r\n"));
    assert_eq!(excel.matches("\r\n").count(), excel.matches('\n').count(), "every line ends in CRLF");
    let m2 = excel.lines().find(|line| line.contains(";M2;")).expect("M2's row");
    assert!(m2.contains(";69,5;80;"), "decimal comma in value and target_value: {m2}");
    assert!(m2.contains(";69,5 %;"), "the value text as the report writes it: {m2}");
    let plain = report.to_csv().expect("CSV");
    assert!(plain.starts_with("perspective,goal,") && !plain.contains('\r') && plain.contains(",69.5,"));
    let options = ReportOptions { csv: CsvDialect::Excel, ..ReportOptions::default() };
    assert_eq!(report.with_options(options).to_csv().expect("CSV"), excel, "the dialect as an option");
}

#[test]
fn introductions_and_analyses_read_from_json_too() {
    let plan = read_scorecard("plan.toml", PLAN, Format::Toml).expect("loads");
    let json = styrkort::io::scorecard_to_json(&plan).expect("writes JSON");
    assert!(json.contains("\"introduction\": \"Perspektivet medborgare"));
    let back = read_scorecard("plan.json", &json, Format::Json).expect("reads back");
    assert_eq!(back, plan);
    let judgements = read_judgements("b.toml", JUDGEMENTS, Format::Toml, Some(&plan)).expect("loads");
    let analyses = read_analyses("b.toml", JUDGEMENTS, Format::Toml, Some(&plan)).expect("loads");
    let file = styrkort::io::judgement_file_to_json(&judgements, &analyses).expect("writes");
    assert_eq!(read_judgements("b.json", &file, Format::Json, Some(&plan)).expect("reads"), judgements);
    assert_eq!(read_analyses("b.json", &file, Format::Json, Some(&plan)).expect("reads"), analyses);
    let toml = styrkort::io::judgement_file_to_toml(&judgements, &analyses).expect("writes");
    assert_eq!(read_analyses("b.toml", &toml, Format::Toml, Some(&plan)).expect("reads"), analyses);
}

#[test]
fn bad_texts_and_verdicts_are_located_errors() {
    let plan = read_scorecard("plan.toml", PLAN, Format::Toml).expect("loads");
    let toml = "[[judgements]]\ngoal = \"G1\"\nsex = \"K\"\nperiod = \"2021-DÅ04\"\nstatus = \"uppnått\"\nmotivation = \"x\"\n\n[[judgements]]\ngoal = \"M2\"\nsex = \"K\"\nperiod = \"2021-DÅ04\"\nstatus = \"uppnått\"\nmotivation = \"x\"\n\n[[analyses]]\nof = \"X9\"\nperiod = \"2021-DÅ04\"\ntext = \" \"\n";
    let error = read_judgements("j.toml", toml, Format::Toml, Some(&plan)).expect_err("invalid");
    let shown: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "j.toml:3:7: judgements[0].sex: sex K on a judgement of 'G1': only a verdict on a measure names a sex row",
            "j.toml:10:7: judgements[1].sex: measure 'M2' is not split by sex K: expected one of T",
        ]
    );
    let error = read_analyses("j.toml", toml, Format::Toml, Some(&plan)).expect_err("invalid");
    let shown: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "j.toml:16:6: analyses[0].of: unknown part 'X9': expected the id of a perspective, a strategic goal, a success factor or a measure",
            "j.toml:18:8: analyses[0].text: empty text: an analysis must say something",
        ]
    );
    // The whole file read at once: every problem of both parts, each once, in file order.
    let error = styrkort::io::read_judgement_file("j.toml", toml, Format::Toml, Some(&plan)).expect_err("invalid");
    assert_eq!(error.diagnostics().len(), 4, "{error}");
    let (judgements, analyses) =
        styrkort::io::read_judgement_file("b.toml", JUDGEMENTS, Format::Toml, Some(&plan)).expect("loads");
    assert_eq!(judgements, read_judgements("b.toml", JUDGEMENTS, Format::Toml, Some(&plan)).expect("loads"));
    assert_eq!(analyses, read_analyses("b.toml", JUDGEMENTS, Format::Toml, Some(&plan)).expect("loads"));
    let unknown = "[[judgements]]\ngoal = \"G1\"\nperiod = \"2021-DÅ04\"\nstatus = \"uppnått\"\nmotivation = \"x\"\nanalys = \"y\"\n";
    let error = read_judgements("j.toml", unknown, Format::Toml, Some(&plan)).expect_err("an unknown key");
    assert!(error.to_string().contains("unknown field `analys`"), "{error}");
}
