//! Reading a rule set ([`RuleSet`]) from TOML or JSON: any subset of the settings, the rest
//! keeping the specification's defaults; an unknown setting is an error that names it.

use super::document::Format;
use super::lines::LineIndex;
use super::read_file;
use crate::assess::RuleSet;
use crate::error::{Error, ErrorKind, Location};

/// Reads a rule set from text; a problem is reported with its line and column.
pub fn read_rules(file: &str, text: &str, format: Format) -> Result<RuleSet, Error> {
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
}
