//! The command with files as regions have them (issue 10): told apart by content in any order,
//! every problem of every file in one run, Excel's encodings stated, standard input, outputs that
//! never destroy inputs, a closed pipe, and the exit codes the README documents.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn styrkort(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrkort")).args(args).output().expect("styrkort runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder for one test.
fn folder(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("files").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writes");
    path.display().to_string()
}

fn plan(dir: &Path) -> String {
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/minimal.toml");
    write(dir, "plan.toml", &std::fs::read(minimal).expect("minimal.toml"))
}

const JUDGEMENTS: &str = "[[judgements]]\ngoal = \"G1\"\nperiod = \"2021-DÅ04\"\nstatus = \"delvis uppnått\"\nmotivation = \"Flera mått visar en positiv utveckling.\"\n";

/// An Excel export in Windows-1252 with CRLF line ends.
fn excel(rows: &[&str]) -> Vec<u8> {
    let text: String = rows.iter().map(|row| format!("{row}\r\n")).collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn files_in_any_order_are_told_apart_by_content_and_each_role_is_said() {
    let dir = folder("roles");
    let plan = plan(&dir);
    let judgements = write(&dir, "bedömningar.txt", JUDGEMENTS.as_bytes());
    let observations =
        write(&dir, "utfall", &excel(&["measure;period;sex;value", "M1;2021-DÅ04;K;16,3", "M1;2021-DÅ04;M;17,0"]));
    let output = styrkort(&["check", &judgements, &observations, &plan]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("Region Exempel — Plan 2021"), "the plan's overview: {stdout}");
    assert!(stdout.contains(&format!("{judgements}: 1 judgement\n")), "{stdout}");
    assert!(stdout.contains(&format!("{observations}: 2 observations, read as Windows-1252\n")), "{stdout}");
    assert!(stdout.contains(&format!("{plan}: plan with 1 measure\n")), "{stdout}");
    let all = format!("{stdout}{}", text(&output.stderr));
    assert_eq!(all.matches("read as Windows-1252").count(), 1, "stated once: {all}");
}

#[test]
fn every_problem_of_every_file_in_one_run_even_with_a_broken_plan() {
    let dir = folder("every");
    let minimal = std::fs::read_to_string(plan(&dir)).expect("the plan");
    let broken =
        write(&dir, "plan.toml", minimal.replace("polarity = \"lower_is_better\"", "polarity = \"uppåt\"").as_bytes());
    let observations =
        write(&dir, "utfall.csv", &excel(&["measure;period;sex;value", "M1;2021-DÅ04;K;åttio", "M1;2021-DÅ04;M;17,0"]));
    let judgements = write(&dir, "j.toml", JUDGEMENTS.replace("delvis uppnått", "grönt").as_bytes());
    let output = styrkort(&["check", &broken, &observations, "--judgements", &judgements]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{broken}:35:12: measures[0]: polarity: unknown variant `uppåt`")),
        "{stderr}"
    );
    assert!(lines[1].starts_with(&format!("{observations}:2:4: column 'value': 'åttio' is not a number")), "{stderr}");
    assert!(
        lines[2].starts_with(&format!("{judgements}:4:10: judgements[0]: status: 'grönt' is not a status")),
        "{stderr}"
    );
    assert_eq!(lines[3], format!("styrkort: {broken}: plan, 1 problem"));
    assert_eq!(
        lines[4],
        format!(
            "styrkort: {observations}: 1 observation, read as Windows-1252, checked on its own: the plan has problems, 1 problem"
        )
    );
    assert_eq!(
        lines[5],
        format!("styrkort: {judgements}: judgements, checked on its own: the plan has problems, 1 problem")
    );
    assert_eq!(lines.len(), 6, "{stderr}");
}

#[test]
fn values_for_one_observation_in_two_files_name_both_places() {
    let dir = folder("across");
    let plan = plan(&dir);
    let april = write(&dir, "april.csv", b"measure,period,sex,value\nM1,2021-D\xc3\x8504,K,16.3\n");
    let again = write(
        &dir,
        "igen.csv",
        b"measure;period;sex;value\r\nM1;2021-D\xc3\x8504;M;17,0\r\nM1;2021-D\xc3\x8504;K;16,4\r\n",
    );
    let output = styrkort(&["check", &plan, &april, &again]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{again}:3: a second observation of 'M1' for 2021-DÅ04 K: the first is at {april}:2"
        )),
        "{stderr}"
    );
}

#[test]
fn the_encoding_can_be_forced_and_an_unclosed_quote_is_located() {
    let dir = folder("encoding");
    let plan = plan(&dir);
    let observations = write(&dir, "utfall.csv", &excel(&["measure;period;sex;value", "M1;2021-DÅ04;K;16,3"]));
    let output = styrkort(&["check", &plan, &observations, "--encoding", "utf-8"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with(&format!("{observations}:2:10: not UTF-8: expected text encoded as UTF-8"))
    );
    let utf16: Vec<u8> =
        "measure;period;sex;value\r\nM1;2021-DÅ04;K;16,3\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let unmarked = write(&dir, "unicode.txt", &utf16);
    let output = styrkort(&["check", &plan, &unmarked, "--encoding", "utf-16le"]);
    assert!(output.status.success(), "UTF-16 without a byte-order mark, named: {}", text(&output.stderr));
    assert!(text(&output.stdout).contains(&format!("{unmarked}: 1 observation\n")), "{}", text(&output.stdout));
    let output = styrkort(&["check", &plan, &observations, "--encoding", "ebcdic"]);
    assert_eq!(output.status.code(), Some(2), "an unknown encoding is a usage error");
    let quote =
        write(&dir, "citat.csv", b"measure,period,sex,value,note\nM1,2021-DA04,K,16.3,\"riket\nM1,2021-DA04,M,17.0,\n");
    let output = styrkort(&["check", &plan, &quote]);
    assert_eq!(output.status.code(), Some(1), "never exit 0 with rows swallowed");
    assert!(text(&output.stderr).starts_with(&format!("{quote}:2:5: a quote opens this field and is never closed")));
}

#[test]
fn a_minus_reads_standard_input() {
    let dir = folder("stdin");
    let plan = plan(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkort"))
        .args(["assess", &plan, "-", "--period", "2021-DÅ04", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("styrkort runs");
    let csv = excel(&["measure;period;sex;value", "M1;2021-DÅ04;K;16,3", "M1;2021-DÅ04;M;17,0"]);
    child.stdin.take().expect("stdin").write_all(&csv).expect("writes");
    let output = child.wait_with_output().expect("ends");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(rows.len(), 2);
    assert_eq!(text(&output.stderr), "styrkort: <stdin>: read as Windows-1252\n");
    let output = styrkort(&["check", &plan, "-", "-"]);
    assert_eq!(output.status.code(), Some(2), "standard input twice");
}

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_read() {
    let dir = folder("overwrite");
    let plan = plan(&dir);
    let before = std::fs::read(&plan).expect("the plan");
    let observations = write(&dir, "utfall.csv", b"measure,period,sex,value\nM1,2021-DA04,K,16.3\n");
    for output in [plan.clone(), dir.join(".").join("plan.toml").display().to_string()] {
        let run = styrkort(&["report", &plan, &observations, "--period", "2021-DÅ04", "-o", &output]);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        assert!(text(&run.stderr).contains("is also an input file"), "{}", text(&run.stderr));
        assert_eq!(std::fs::read(&plan).expect("the plan"), before, "the plan is untouched");
    }
    #[cfg(unix)]
    {
        let link = dir.join("länk.toml");
        std::fs::hard_link(&plan, &link).expect("a hard link");
        let run =
            styrkort(&["report", &plan, &observations, "--period", "2021-DÅ04", "-o", &link.display().to_string()]);
        assert_eq!(run.status.code(), Some(2), "the same file under another name");
    }
}

#[test]
fn outputs_are_written_whole_beside_the_target_and_errors_name_the_path() {
    let dir = folder("outputs");
    let plan = plan(&dir);
    let observations =
        write(&dir, "utfall.csv", b"measure,period,sex,value\nM1,2021-DA04,K,16.3\nM1,2021-DA04,M,17.0\n");
    let report = dir.join("rapport.html");
    std::fs::write(&report, "the old report").expect("an old report");
    let run = styrkort(&["report", &plan, &observations, "--period", "2021-DÅ04", "-o", &report.display().to_string()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(std::fs::read_to_string(&report).expect("the report").starts_with("<!DOCTYPE html>"));
    let left: Vec<_> = std::fs::read_dir(&dir).expect("lists").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 3, "no temporary file is left: {left:?}");
    let missing = dir.join("saknas").join("rapport.html").display().to_string();
    let run = styrkort(&["report", &plan, &observations, "--period", "2021-DÅ04", "-o", &missing]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        text(&run.stderr).trim(),
        format!("styrkort: cannot write {missing}: the folder {} does not exist", dir.join("saknas").display())
    );
    // A write that fails at the end (here: a folder is in the way) leaves what was there.
    let in_the_way = dir.join("mapp.html");
    std::fs::create_dir(&in_the_way).expect("a folder");
    std::fs::write(in_the_way.join("inne.txt"), "kvar").expect("a file in it");
    let run =
        styrkort(&["report", &plan, &observations, "--period", "2021-DÅ04", "-o", &in_the_way.display().to_string()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).starts_with(&format!("styrkort: cannot write {}: ", in_the_way.display())),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(std::fs::read_to_string(in_the_way.join("inne.txt")).expect("kept"), "kvar");
    let left = std::fs::read_dir(&dir).expect("lists").filter_map(Result::ok).count();
    assert_eq!(left, 4, "no temporary file is left after a failed write");
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_conventional_status() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkort"))
        .args(["report", "--format", "html"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("styrkort runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(141), "128 + SIGPIPE");
    assert_eq!(text(&output.stderr), "", "nothing said, no panic");
}

#[test]
fn exit_codes_are_0_fine_1_invalid_input_2_usage() {
    let dir = folder("codes");
    let plan = plan(&dir);
    assert_eq!(styrkort(&["check", &plan]).status.code(), Some(0));
    let bad = write(&dir, "bad.toml", b"schema = 1\nname = 3\n");
    assert_eq!(styrkort(&["check", &bad]).status.code(), Some(1));
    assert_eq!(styrkort(&["check", &dir.join("saknas.toml").display().to_string()]).status.code(), Some(1));
    assert_eq!(styrkort(&["check", "--no-such-option"]).status.code(), Some(2));
    assert_eq!(styrkort(&["assess", &plan]).status.code(), Some(2), "a plan without --period");
    let other = write(&dir, "annan.toml", &std::fs::read(&plan).expect("the plan"));
    let output = styrkort(&["check", &plan, &other]);
    assert_eq!(output.status.code(), Some(2), "two plans");
    assert!(text(&output.stderr).contains("2 plan files"), "{}", text(&output.stderr));
    let output = styrkort(&["check", &plan, "--judgements", &plan]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("is given as judgements but its content is a plan"),
        "{}",
        text(&output.stderr)
    );
}
