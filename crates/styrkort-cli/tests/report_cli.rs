//! `styrkort report` and `styrkort assess` as a region publishes with them: the publication
//! mode, the Utfall column, CSV for Swedish Excel, and `assess --format md|html` (SPEC §7) with
//! an explanation in its text output.

use std::process::{Command, Output};

fn styrkort(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrkort")).args(args).output().expect("styrkort runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn publish_leaves_out_the_engine_s_flags_and_explanations() {
    let working = stdout(&styrkort(&["report", "--format", "html"]));
    assert!(working.contains("⚑ Beräknat förslag") && working.contains("<details>"));
    let published = stdout(&styrkort(&["report", "--format", "html", "--publish"]));
    assert!(!published.contains("⚑") && !published.contains("<details>"));
    assert!(published.contains("<body class=\"publish\">"));
}

#[test]
fn columns_utfall_adds_the_value() {
    let markdown = stdout(&styrkort(&["report", "--format", "md", "--columns", "utfall"]));
    assert!(markdown.contains("| Mål 2020 | Utfall | Måluppfyllelse | Utveckling |"), "{markdown}");
    let error = styrkort(&["report", "--columns", "trend"]);
    assert_eq!(error.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&error.stderr).contains("unknown column 'trend': expected utfall"));
}

#[test]
fn excel_csv_has_semicolons_decimal_commas_a_bom_and_crlf() {
    let csv = stdout(&styrkort(&["report", "--format", "csv", "--excel"]));
    assert!(csv.starts_with("\u{feff}perspective;goal;"));
    assert!(csv.lines().all(|line| !line.is_empty()) && csv.contains("\r\n") && !csv.contains(";16.9;"));
    assert!(csv.contains(";16,9;"), "a decimal comma");
    let assessed = stdout(&styrkort(&["assess", "--format", "csv", "--excel"]));
    assert!(assessed.starts_with("\u{feff}perspective;") && assessed.ends_with("\r\n"));
    let refused = styrkort(&["report", "--format", "html", "--excel"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn assess_renders_markdown_and_html_and_explains_each_row_in_text() {
    let markdown = stdout(&styrkort(&["assess", "--format", "md"]));
    assert!(markdown.starts_with("# Bilaga måluppfyllelse i perspektiv"));
    let html = stdout(&styrkort(&["assess", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    let text = stdout(&styrkort(&["assess"]));
    let header = text.lines().find(|line| line.starts_with("Mått")).expect("a header");
    assert!(header.ends_with("Utv  Förklaring"), "{header}");
    assert!(text.contains("56 % mot målet minst 40 %: målet är nått, uppnått."), "{text}");
}
