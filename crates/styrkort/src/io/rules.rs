//! Reading a rule set ([`RuleSet`]) from TOML or JSON: any subset of the settings, the rest
//! keeping the specification's defaults; an unknown setting is an error that names it.

use super::document::{Document, Format};
use super::lines::LineIndex;
use super::read_file;
use crate::assess::RuleSet;
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Path, Segment};

/// Reads a rule set from text and checks the ranges of its settings
/// ([`RuleSet::validate`]); a problem is reported with its line and column.
pub fn read_rules(file: &str, text: &str, format: Format) -> Result<RuleSet, Error> {
    let rules = parse_rules(file, text, format)?;
    let Err(error) = rules.validate() else { return Ok(rules) };
    // Locate each setting out of range at its key in the text.
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::Rules, diagnostics))?;
    let located = error
        .into_diagnostics()
        .into_iter()
        .map(|diagnostic| {
            let keys = diagnostic.location.field.as_deref().unwrap_or_default().split('.');
            let path = Path(keys.map(|key| Segment::Key(key.to_owned())).collect());
            let mut located = document.locate(&path, diagnostic.message);
            located.location.field = diagnostic.location.field;
            located
        })
        .collect();
    Err(Error::new(ErrorKind::Rules, located))
}

fn parse_rules(file: &str, text: &str, format: Format) -> Result<RuleSet, Error> {
    let located = |offset: usize, message: String| {
        let (line, column) = LineIndex::new(text).position(offset);
        Error::at(ErrorKind::Rules, Location::file(file).at(line, Some(column)).spanning(offset..offset), message)
    };
    match format {
        Format::Toml => toml::from_str(text)
            .map_err(|error| located(error.span().map_or(0, |span| span.start), error.message().trim().to_owned())),
        Format::Json => serde_json::from_str(text).map_err(|error| {
            let offset = LineIndex::new(text).offset(error.line(), error.column()).saturating_sub(1);
            let message = error.to_string();
            located(offset, message.split(" at line ").next().unwrap_or(&message).to_owned())
        }),
    }
}

/// Reads a rule set file; `.json` is JSON, anything else TOML.
pub fn load_rules(path: impl AsRef<std::path::Path>) -> Result<RuleSet, Error> {
    let path = path.as_ref();
    let (file, text) = read_file(path, ErrorKind::Rules)?;
    read_rules(&file, &text, Format::of_path(path))
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
