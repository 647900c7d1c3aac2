//! CSV files as Excel writes them: UTF-8 with and without a byte-order mark, UTF-16 with one
//! ("Unicode-text"), Windows-1252 ("CSV (semikolonavgränsad)" on Swedish Windows); CRLF, a lone
//! CR (Excel for Mac), LF and mixed line ends. Every problem is reported at the line a text
//! editor shows, and a file that reads gives the same observations whatever its encoding and
//! line ends, each located at its line.

use proptest::prelude::*;
use rust_decimal::Decimal;
use styrkort::ErrorKind;
use styrkort::io::{
    Format, ObservationFormat, TextEncoding, decode, load_scorecard, read_judgements_bytes, read_observations_bytes,
    read_rules_bytes, read_scorecard_bytes,
};
use styrkort::model::{Observation, Observations, Outcome, Period, ReportPoint, Scorecard, Sex};

fn minimal() -> Scorecard {
    load_scorecard(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/minimal.toml")).expect("minimal.toml")
}

/// The encodings a file may come in.
#[derive(Debug, Clone, Copy)]
enum Bytes {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

const ENCODINGS: [Bytes; 5] = [Bytes::Utf8, Bytes::Utf8Bom, Bytes::Utf16Le, Bytes::Utf16Be, Bytes::Windows1252];

fn encode(text: &str, bytes: Bytes) -> Vec<u8> {
    match bytes {
        Bytes::Utf8 => text.as_bytes().to_vec(),
        Bytes::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Bytes::Utf16Le => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        Bytes::Utf16Be => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        Bytes::Windows1252 => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(!unmappable, "{text:?} is Windows-1252");
            bytes.into_owned()
        }
    }
}

/// The line ends of a file: one style, or each line its own (`mixed`).
#[derive(Debug, Clone, Copy)]
enum Ends {
    Crlf,
    Cr,
    Lf,
    Mixed,
}

const ENDS: [Ends; 4] = [Ends::Crlf, Ends::Cr, Ends::Lf, Ends::Mixed];

impl Ends {
    /// The line end after line `line` (from 1).
    fn after(self, line: usize) -> &'static str {
        match self {
            Ends::Crlf => "\r\n",
            Ends::Cr => "\r",
            Ends::Lf => "\n",
            Ends::Mixed => ["\r\n", "\n", "\r"][line % 3],
        }
    }

    fn join(self, lines: &[&str]) -> String {
        lines.iter().enumerate().map(|(index, line)| format!("{line}{}", self.after(index + 1))).collect()
    }
}

/// A Swedish Excel export with a note over two lines (a line break in a quoted cell), a value
/// that is not a number on line 4 and a sex the measure is not split by on line 5.
fn excel_export(ends: Ends) -> String {
    let note = format!("\"källa: KPP,{}preliminärt\"", ends.after(2));
    ends.join(&[
        "measure;period;sex;value;note",
        &format!("M1;2021-DÅ04;K;16,3;{note}"),
        "M1;2021-DÅ08;K;åttio;",
        "M1;2021-DÅ04;T;16,0;",
    ])
}

fn problems_are_at_the_lines_an_editor_shows(bytes: Bytes, ends: Ends) {
    let text = excel_export(ends);
    let error = read_observations_bytes(
        "utfall.csv",
        &encode(&text, bytes),
        ObservationFormat::Csv,
        TextEncoding::Auto,
        Some(&minimal()),
    )
    .expect_err("two problems");
    let lines: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "utfall.csv:4:4: column 'value': 'åttio' is not a number: expected digits with a decimal comma or point, such as 16,9",
            "utfall.csv:5:3: column 'sex': measure 'M1' is not split by sex T: expected one of K, M",
        ],
        "{bytes:?}, {ends:?}"
    );
    let fixed = text.replace("åttio", "17,1").replace(";T;", ";M;");
    let observations = read_observations_bytes(
        "utfall.csv",
        &encode(&fixed, bytes),
        ObservationFormat::Csv,
        TextEncoding::Auto,
        Some(&minimal()),
    )
    .expect("reads");
    let located: Vec<String> = (0..observations.len()).map(|row| observations.location(row).to_string()).collect();
    assert_eq!(located, ["utfall.csv:2", "utfall.csv:4", "utfall.csv:5"], "{bytes:?}, {ends:?}");
    let note = observations.get(0).and_then(|o| o.note).expect("a note");
    assert_eq!(note, format!("källa: KPP,{}preliminärt", ends.after(2)), "the line break in the cell is kept");
}

macro_rules! every_encoding_and_line_end {
    ($($name:ident: $bytes:ident, $ends:ident;)*) => {$(
        #[test]
        fn $name() {
            problems_are_at_the_lines_an_editor_shows(Bytes::$bytes, Ends::$ends);
        }
    )*};
}

every_encoding_and_line_end! {
    utf8_crlf: Utf8, Crlf;
    utf8_cr: Utf8, Cr;
    utf8_lf: Utf8, Lf;
    utf8_mixed: Utf8, Mixed;
    utf8_bom_crlf: Utf8Bom, Crlf;
    utf8_bom_cr: Utf8Bom, Cr;
    utf8_bom_lf: Utf8Bom, Lf;
    utf8_bom_mixed: Utf8Bom, Mixed;
    utf16le_crlf: Utf16Le, Crlf;
    utf16le_cr: Utf16Le, Cr;
    utf16le_lf: Utf16Le, Lf;
    utf16le_mixed: Utf16Le, Mixed;
    utf16be_crlf: Utf16Be, Crlf;
    utf16be_cr: Utf16Be, Cr;
    utf16be_lf: Utf16Be, Lf;
    utf16be_mixed: Utf16Be, Mixed;
    windows1252_crlf: Windows1252, Crlf;
    windows1252_cr: Windows1252, Cr;
    windows1252_lf: Windows1252, Lf;
    windows1252_mixed: Windows1252, Mixed;
}

#[test]
fn windows_1252_is_detected_and_said_and_can_be_forced() {
    let bytes = encode(&excel_export(Ends::Crlf), Bytes::Windows1252);
    let decoded = decode("utfall.csv", &bytes, TextEncoding::Auto).expect("decodes");
    assert_eq!((decoded.encoding, decoded.fallback), (TextEncoding::Windows1252, true));
    for other in [Bytes::Utf8, Bytes::Utf8Bom, Bytes::Utf16Le, Bytes::Utf16Be] {
        let bytes = encode(&excel_export(Ends::Crlf), other);
        assert!(!decode("utfall.csv", &bytes, TextEncoding::Auto).expect("decodes").fallback, "{other:?}");
    }
    let forced = read_observations_bytes("utfall.csv", &bytes, ObservationFormat::Csv, TextEncoding::Utf8, None)
        .expect_err("not UTF-8");
    assert_eq!(forced.kind(), ErrorKind::Observations);
    assert_eq!(forced.to_string(), "utfall.csv:2:10: not UTF-8: expected text encoded as UTF-8");
    let utf8 = encode(&excel_export(Ends::Lf), Bytes::Utf8);
    let mojibake = read_observations_bytes("u.csv", &utf8, ObservationFormat::Csv, TextEncoding::Windows1252, None)
        .expect_err("the period does not read when forced wrongly");
    assert!(mojibake.to_string().contains("2021-DÃ…04"), "{mojibake}");
}

#[test]
fn an_unclosed_quote_is_a_located_error_not_rows_swallowed() {
    for ends in ENDS {
        let text = ends.join(&[
            "measure;period;sex;value;note",
            "M1;2021-DÅ04;K;16,3;\"källa: KPP",
            "M1;2021-DÅ04;M;17,0;",
            "M1;2021-DÅ08;K;16,1;",
        ]);
        let error = read_observations_bytes("u.csv", text.as_bytes(), ObservationFormat::Csv, TextEncoding::Auto, None)
            .expect_err("unclosed");
        assert_eq!(error.diagnostics().len(), 1, "{ends:?}: {error}");
        assert!(
            error.to_string().starts_with("u.csv:2:5: a quote opens this field and is never closed"),
            "{ends:?}: {error}"
        );
        assert_eq!(error.diagnostics()[0].location.field.as_deref(), Some("note"));
    }
    let header = read_observations_bytes(
        "u.csv",
        b"measure;\"period;value\n1;2",
        ObservationFormat::Csv,
        TextEncoding::Auto,
        None,
    )
    .expect_err("in the header");
    assert!(header.to_string().starts_with("u.csv:1: a quote opens this field"), "{header}");
}

#[test]
fn json_and_toml_with_a_byte_order_mark_read() {
    let plan = minimal();
    let json = plan.to_json_string().expect("JSON");
    for bytes in [Bytes::Utf8Bom, Bytes::Utf16Le, Bytes::Utf16Be] {
        let read = read_scorecard_bytes("plan.json", &encode(&json, bytes), Format::Json).expect("a plan with a BOM");
        assert_eq!(read, plan, "{bytes:?}");
        let toml = plan.to_toml_string().expect("TOML");
        assert_eq!(read_scorecard_bytes("plan.toml", &encode(&toml, bytes), Format::Toml).expect("TOML"), plan);
    }
    let observations = r#"[{"measure": "M1", "period": "2021-DÅ04", "sex": "K", "value": 16.3}]"#;
    let read = read_observations_bytes(
        "o.json",
        &encode(observations, Bytes::Utf8Bom),
        ObservationFormat::Json,
        TextEncoding::Auto,
        Some(&plan),
    )
    .expect("observations with a BOM");
    assert_eq!(read.len(), 1);
    let judgements = "{\"judgements\": [{\"goal\": \"G1\", \"period\": \"2021-DÅ04\", \"status\": \"uppnått\", \"motivation\": \"m\"}]}";
    let read = read_judgements_bytes("j.json", &encode(judgements, Bytes::Utf8Bom), Format::Json, Some(&plan));
    assert_eq!(read.expect("judgements with a BOM").len(), 1);
    let rules = read_rules_bytes("r.json", &encode("{\"partial_band\": \"0,1\"}", Bytes::Utf8Bom), Format::Json);
    assert_eq!(rules.expect("rules with a BOM").partial_band, Decimal::new(1, 1));
    let error = read_observations_bytes(
        "o.json",
        b"\xEF\xBB\xBF[{\"measure\": x}]",
        ObservationFormat::Json,
        TextEncoding::Auto,
        None,
    )
    .expect_err("a syntax error after the BOM");
    assert_eq!(error.to_string(), "o.json:1:14: JSON syntax: expected value");
}

#[test]
fn a_plan_that_is_not_utf8_is_a_located_error() {
    let bytes = encode("schema = 1\nname = \"Mål\"\n", Bytes::Windows1252);
    let error = read_scorecard_bytes("plan.toml", &bytes, Format::Toml).expect_err("TOML is UTF-8");
    assert_eq!(
        (error.kind(), error.to_string().as_str()),
        (ErrorKind::Scorecard, "plan.toml:2:10: not UTF-8: expected text encoded as UTF-8")
    );
}

// The property: random observations written as CSV in every encoding and line-end style read
// back the same, each located at the line where its row starts.

/// Texts every encoding can write, with the characters CSV must quote.
fn note() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::collection::vec("[A-Za-zÅÄÖåäöé€–0-9 ,;.%:\"]{1,12}", 1..3))
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

prop_compose! {
    fn row()(
        measure in "M[0-9]{1,3}",
        unit in prop::option::of("[a-zåäö]{1,6}"),
        year in 2000i32..2040,
        report in prop::sample::select(ReportPoint::ALL.to_vec()),
        sex in prop::sample::select(vec![Sex::Total, Sex::Women, Sex::Men]),
        value in decimal(),
        reference in prop::option::of(decimal()),
        note in note(),
    ) -> (Observation, Option<Vec<String>>) {
        let observation = Observation {
            unit,
            measure,
            period: Period::new(year, report),
            sex,
            outcome: Outcome::Value(value),
            reference,
            note: None,
        };
        (observation, note)
    }
}

fn quoted(field: &str, delimiter: char) -> String {
    if field.contains([delimiter, '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The CSV text of the rows, and the line each row starts on.
fn write_csv(
    rows: &[(Observation, Option<Vec<String>>)],
    ends: Ends,
    delimiter: char,
) -> (String, Vec<usize>, Vec<Observation>) {
    let decimal = |d: Decimal| if delimiter == ';' { d.to_string().replace('.', ",") } else { d.to_string() };
    let mut text = String::new();
    let mut line = 1;
    let push_line = |text: &mut String, content: &str, line: &mut usize| {
        text.push_str(content);
        text.push_str(ends.after(*line));
        *line += 1;
    };
    let header = ["unit", "measure", "period", "sex", "value", "reference", "note"].join(&delimiter.to_string());
    push_line(&mut text, &header, &mut line);
    let (mut starts, mut expected) = (Vec::new(), Vec::new());
    for (observation, note) in rows {
        starts.push(line);
        // A note of several parts has a line break (the file's own) between them.
        let mut note_text = String::new();
        for (index, part) in note.iter().flatten().enumerate() {
            if index > 0 {
                note_text.push_str(ends.after(line + index - 1));
            }
            note_text.push_str(part);
        }
        let breaks = note.as_ref().map_or(0, |parts| parts.len() - 1);
        let fields = [
            observation.unit.clone().unwrap_or_default(),
            observation.measure.clone(),
            observation.period.to_string(),
            observation.sex.code().to_owned(),
            match observation.outcome {
                Outcome::Value(value) => decimal(value),
                _ => unreachable!("values only"),
            },
            observation.reference.map(decimal).unwrap_or_default(),
            note_text.clone(),
        ];
        let record: Vec<String> = fields.iter().map(|f| quoted(f, delimiter)).collect();
        line += breaks;
        push_line(&mut text, &record.join(&delimiter.to_string()), &mut line);
        let kept = Some(note_text).filter(|n| !n.trim().is_empty());
        expected.push(Observation { note: kept, ..observation.clone() });
    }
    (text, starts, expected)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn observations_read_back_the_same_in_every_encoding_and_line_end_style(
        rows in prop::collection::vec(row(), 1..12),
        semicolon in any::<bool>(),
    ) {
        let delimiter = if semicolon { ';' } else { ',' };
        for ends in ENDS {
            let (text, starts, expected) = write_csv(&rows, ends, delimiter);
            for bytes in ENCODINGS {
                let read = read_observations_bytes("u.csv", &encode(&text, bytes), ObservationFormat::Csv, TextEncoding::Auto, None);
                let read: Observations = read.map_err(|e| TestCaseError::fail(format!("{bytes:?} {ends:?}: {e}\n{text:?}")))?;
                prop_assert_eq!(read.iter().collect::<Vec<_>>(), expected.clone(), "{:?} {:?}", bytes, ends);
                let lines: Vec<Option<usize>> = (0..read.len()).map(|row| read.location(row).line).collect();
                let want: Vec<Option<usize>> = starts.iter().map(|&line| Some(line)).collect();
                prop_assert_eq!(lines, want, "{:?} {:?}", bytes, ends);
            }
        }
    }
}
