//! Reading report options ([`ReportOptions`]: publication mode, optional columns, language,
//! CSV dialect) from TOML or JSON, for a caller that passes them as a settings text, as the C
//! ABI does: any subset of the settings, the rest at their defaults; an unknown setting or a
//! value that does not read is an error at its line and column, every one at once.

use super::document::{Document, Format};
use super::reader::Reader;
use crate::error::{Error, ErrorKind, Location};
use crate::report::ReportOptions;

/// Reads report options from text: `publish = true`, `columns = ["utfall"]`,
/// `language = "sv"` or `"en"`, `csv = "standard"` or `"excel"`.
pub fn read_report_options(file: &str, text: &str, format: Format) -> Result<ReportOptions, Error> {
    let document =
        Document::parse(file, text, format).map_err(|diagnostics| Error::new(ErrorKind::ReportOptions, diagnostics))?;
    let mut reader = Reader::new(&document);
    let root = document.root();
    if !root.is_table() {
        return Err(Error::at(ErrorKind::ReportOptions, Location::file(file), "expected a table of report options"));
    }
    let (options, _) = reader.value::<ReportOptions>(root, "", &[]);
    reader.finish(ErrorKind::ReportOptions, options.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::CsvDialect;
    use crate::report::{Language, ReportColumn};

    #[test]
    fn a_subset_of_the_options_in_toml_and_json() {
        let options = read_report_options("o.toml", "publish = true\ncolumns = [\"utfall\"]\n", Format::Toml);
        let options = options.expect("reads");
        assert!(options.publish);
        assert_eq!(options.columns, [ReportColumn::Value]);
        assert_eq!((options.language, options.csv), (Language::Swedish, CsvDialect::Standard));
        let options = read_report_options("o.json", r#"{"language": "en", "csv": "excel"}"#, Format::Json);
        assert_eq!(options.map(|o| (o.language, o.csv)).ok(), Some((Language::English, CsvDialect::Excel)));
        assert_eq!(read_report_options("o.toml", "", Format::Toml).ok(), Some(ReportOptions::default()));
    }

    #[test]
    fn an_unknown_option_and_a_bad_value_are_located() {
        let error =
            read_report_options("o.toml", "publish = true\nlang = \"en\"\n", Format::Toml).expect_err("unknown");
        assert_eq!(error.kind(), ErrorKind::ReportOptions);
        assert!(error.to_string().starts_with("o.toml:2:1: unknown field `lang`"), "{error}");
        let error = read_report_options("o.toml", "columns = [\"trend\"]\ncsv = 1\n", Format::Toml).expect_err("bad");
        assert_eq!(error.diagnostics().len(), 2, "{error}");
        assert!(error.to_string().starts_with("o.toml:1:12: "), "{error}");
        let error = read_report_options("o.json", "[true]", Format::Json).expect_err("not a table");
        assert_eq!(error.to_string(), "o.json: expected a table of report options");
    }
}
