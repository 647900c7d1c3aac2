//! Reading a rule set ([`RuleSet`]) from TOML or JSON: any subset of the settings, the rest
//! keeping the specification's defaults; an unknown setting is an error that names it, and
//! every problem of the file is reported at once.

use super::document::{Document, Format};
use super::encoding::decode_document;
use super::read_file;
use super::reader::Reader;
use super::recover::touches;
use crate::assess::RuleSet;
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Path, Segment};

/// Reads a rule set from text and checks the ranges of its settings ([`RuleSet::validate`]).
/// Every problem is reported with its line and column: syntax, unknown settings, values that do
/// not read (every one), numbers a float would round, and settings out of range.
pub fn read_rules(file: &str, text: &str, format: Format) -> Result<RuleSet, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Rules, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    if !root.is_table() {
        return Err(Error::at(ErrorKind::Rules, Location::file(file), "expected a table of rule settings"));
    }
    let (rules, changed) = reader.value::<RuleSet>(root, "", &[]);
    let rules = rules.unwrap_or_default();
    if let Err(error) = rules.validate() {
        // Each setting out of range at its key in the text.
        for diagnostic in error.into_diagnostics() {
            let keys: Vec<&str> = diagnostic.location.field.as_deref().unwrap_or_default().split('.').collect();
            if touches(&changed, &keys) {
                continue;
            }
            let path = Path(keys.iter().map(|&key| Segment::Key(key.to_owned())).collect());
            let mut located = document.locate(&path, diagnostic.message);
            located.location.field = diagnostic.location.field;
            reader.extend([located]);
        }
    }
    reader.finish(ErrorKind::Rules, rules)
}

/// Reads a rule set from the bytes of a file (UTF-8, or a byte-order mark's encoding); then as
/// [`read_rules`].
pub fn read_rules_bytes(file: &str, bytes: &[u8], format: Format) -> Result<RuleSet, Error> {
    read_rules(file, &decode_document(file, bytes, ErrorKind::Rules)?, format)
}

/// Reads a rule set file; `.json` is JSON, anything else TOML.
pub fn load_rules(path: impl AsRef<std::path::Path>) -> Result<RuleSet, Error> {
    let path = path.as_ref();
    let (file, bytes) = read_file(path)?;
    read_rules_bytes(&file, &bytes, Format::of_path(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_of_settings_and_an_unknown_one() {
        let rules = read_rules("r.toml", "partial_band = \"0,1\"\n[rollup]\nmethod = \"weighted\"\n", Format::Toml);
        let rules = rules.expect("reads");
        assert_eq!(rules.partial_band, rust_decimal::Decimal::new(1, 1));
        assert_eq!(rules.rollup.method, crate::assess::RollupMethod::Weighted);
        assert_eq!(rules.equivalence_margin, RuleSet::default().equivalence_margin);
        let error = read_rules("r.toml", "partial_band = \"0.1\"\nband = 1\n", Format::Toml).expect_err("unknown");
        assert!(error.to_string().starts_with("r.toml:2:1: unknown field `band`"), "{error}");
        let error = read_rules("r.json", "{\"trend_band\": \"x\"}", Format::Json).expect_err("not a number");
        assert!(error.to_string().starts_with("r.json:1:"), "{error}");
    }

    #[test]
    fn settings_out_of_range_are_located() {
        let error = read_rules("r.toml", "trend_band = 0\npartial_band = \"-0,2\"\n", Format::Toml).expect_err("range");
        assert_eq!(
            error.to_string(),
            "r.toml:2:16: partial_band = -0.2 is out of range: expected a fraction from 0 up to 1, such as 0,05 for 5 %"
        );
        let error = read_rules("r.json", "{\"rollup\": {\"partial_weight\": 2}}", Format::Json).expect_err("range");
        assert!(error.to_string().starts_with("r.json:1:31: rollup.partial_weight = 2 is out of range"), "{error}");
    }
}
