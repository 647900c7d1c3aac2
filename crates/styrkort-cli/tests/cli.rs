//! The `styrkort` command as a user meets it: exit codes, `file:line:col: message` lines, the
//! JSON fields other tools depend on (SPEC §7), and the bundled example without any files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn styrkort(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrkort")).args(args).output().expect("styrkort runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(file).display().to_string()
}

fn scratch(name: &str, contents: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writes");
    path.display().to_string()
}

#[test]
fn check_without_files_summarises_the_bundled_example() {
    let output = styrkort(&["check"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("Region Norrbotten — Mål och måluppfyllelse 2020"), "{stdout}");
    assert!(stdout.contains("Totalt         20                 50    99    117"), "{stdout}");
    assert!(stdout.contains("Könsuppdelade (K/M): 18"), "{stdout}");
    assert!(
        stdout.contains("examples/norrbotten-2020/judgements-2020-DÅ04.toml: 41 judgements, 54 analysis texts"),
        "{stdout}"
    );
}

#[test]
fn check_prints_every_problem_with_its_place_and_exits_1() {
    let plan = std::fs::read_to_string(example("minimal.toml")).expect("minimal.toml");
    let bad = plan
        .replace("perspective = \"verksamhet\"", "perspective = \"okänd\"")
        .replace("body = \"RS\"", "body = \"RX\"");
    let path = scratch("bad.toml", &bad);
    let output = styrkort(&["check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with(&format!("{path}:17:15: unknown perspective 'okänd'")), "{stderr}");
    assert!(lines[1].starts_with(&format!("{path}:33:8: body 'RX' of measure 'M1' is not declared")), "{stderr}");
    assert_eq!(lines[2], format!("styrkort: {path}: plan, 2 problems"), "the role it took the file in");
}

#[test]
fn check_validates_observations_against_the_plan() {
    let observations = scratch("utfall.csv", "measure;period;sex;value\nM1;2021-DÅ04;K;16,3\nM1;2021-DÅ04;T;16\n");
    let output = styrkort(&["check", &example("minimal.toml"), &observations]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).trim(),
        format!(
            "{observations}:3:3: column 'sex': measure 'M1' is not split by sex T: expected one of K, M\nstyrkort: {}: plan with 1 measure\nstyrkort: {observations}: 2 observations, 1 problem",
            example("minimal.toml")
        )
    );
}

#[test]
fn target_prints_the_canonical_form_or_json() {
    let output = styrkort(&["target", "minskning med 15 %", "K 16,0 % M 17,2 %"]);
    assert_eq!(text(&output.stdout), "Minska med 15 %\nK 16,0 % M 17,2 %\n");
    let output = styrkort(&["target", "--json", "100 % i dec"]);
    let json: serde_json::Value = serde_json::from_str(&text(&output.stdout)).expect("one JSON object");
    assert_eq!(
        (json["input"].as_str(), json["kind"].as_str(), json["canonical"].as_str()),
        (Some("100 % i dec"), Some("deadline"), Some("100 % i december"))
    );
    assert_eq!(json["month"], 12);
}

#[test]
fn target_without_texts_lists_the_bundled_example() {
    let output = styrkort(&["target"]);
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 202, "the April report's 94 targets and the plan's 108 target cells");
    assert!(stdout.lines().any(|l| l.starts_with("MED-4-F1-M3    2020  per_sex")), "{stdout}");
}

#[test]
fn assess_json_has_the_fields_of_the_contract() {
    let output = styrkort(&["assess", "--format", "json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("a JSON list");
    assert_eq!(rows.len(), 124, "99 measures: 81 for T only, 11 for K and M, 7 for T, K and M");
    for field in ["measure", "sex", "period", "status", "reason", "trend", "value", "target"] {
        assert!(rows.iter().all(|row| row.get(field).is_some()), "every row has {field}");
    }
    let readmission_women = rows.iter().find(|r| r["measure"] == "MED-4-F1-M3" && r["sex"] == "K").expect("a K row");
    assert_eq!(readmission_women["status"], "not_achieved");
    assert_eq!(readmission_women["value"], "16.9");
    assert_eq!(readmission_women["target"], "K 16,0 M 17,2");
    assert_eq!(readmission_women["period"], "2020-DÅ04");
}

#[test]
fn assess_with_files_needs_a_period() {
    let output = styrkort(&["assess", &example("minimal.toml")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--period is required"));
    let observations = scratch("ok.csv", "measure,period,sex,value\nM1,2021-DÅ04,K,16.3\nM1,2021-DÅ04,M,17.0\n");
    let output =
        styrkort(&["assess", &example("minimal.toml"), &observations, "--period", "2021-T1", "--format", "csv"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .expect("a header")
            .starts_with("perspective,goal,success_factor,measure,measure_name,kind,body,unit,period,sex,status")
    );
    let women = lines.next().expect("the K row");
    assert!(women.contains(",2021-DÅ04,K,partially_achieved,,none,level,16.3,16.0,"), "{women}");
    assert!(women.contains(",Delvis uppnått,"), "{women}");
}

#[test]
fn target_takes_a_text_that_starts_with_a_minus_sign() {
    let output = styrkort(&["target", "-3,5%", "-3,2% (2025) -1% (2026)"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "-3,5 %\n2025: -3,2 % 2026: -1 %\n");
    let output = styrkort(&["target", "-3,5%", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text(&output.stdout)).expect("one JSON object");
    assert_eq!((json["kind"].as_str(), json["value"].as_str()), (Some("level"), Some("-3.5")));
}

#[test]
fn target_marks_a_text_it_could_not_read() {
    let output = styrkort(&["target", "Öka", "Sjuttio procent"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "Öka");
    assert!(lines[1].starts_with("? Sjuttio procent  (unparsed: expected a target after 'Sjuttio'"), "{stdout}");
    let output = styrkort(&["target", "--activity", "Sjuttio procent"]);
    assert!(text(&output.stdout).starts_with("? Sjuttio procent  (milestone: "), "{}", text(&output.stdout));
}

#[test]
fn target_strict_exits_1_on_a_text_it_could_not_read() {
    let output = styrkort(&["target", "--strict", "Öka", "M30 M35"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "Öka\n");
    assert_eq!(
        text(&output.stderr).trim(),
        "error: bytes 4..5: 'M' a second time: each sex has one target (K 16,0 % M 17,2 %) in 'M30 M35'"
    );
}

#[test]
fn target_json_is_the_parsed_target_of_the_core() {
    for input in ["Andelen nöjda invånare ska öka.", "75,0 % (2027)", "Högre än riksgenomsnittet", "Avtal tecknat"]
    {
        let output = styrkort(&["target", "--json", input]);
        let expected =
            serde_json::to_string(&styrkort::target::ParsedTarget::parse(input).expect(input)).expect("json");
        assert_eq!(text(&output.stdout).trim_end(), expected, "{input}");
    }
}

#[test]
fn assess_on_one_thread_or_several_gives_the_same_and_zero_threads_is_a_usage_error() {
    let one = styrkort(&["assess", "--format", "json", "--threads", "1"]);
    let two = styrkort(&["assess", "--format", "json", "--threads", "2"]);
    assert!(one.status.success() && two.status.success(), "{}", text(&one.stderr));
    assert!(one.stdout == two.stdout && !one.stdout.is_empty());
    let zero = styrkort(&["assess", "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2), "{}", text(&zero.stderr));
    assert!(text(&zero.stderr).contains("--threads"), "{}", text(&zero.stderr));
}
