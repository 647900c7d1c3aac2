//! `styrkort_report`: the goal-fulfilment report of one period, with its rows, its summary
//! sentence, its renderings (JSON, CSV, HTML, Markdown) and the options they are rendered with.

use crate::boundary::{fallible, free, guarded, handle, into_handle, optional, out, text};
use crate::error::styrkort_error;
use crate::rows::RowTexts;
use crate::status::styrkort_status;
use crate::string::write_string;
use std::ffi::c_char;
use styrkort::Report;
use styrkort::io::{Format, read_report_options};

/// The name report options' text goes by in messages.
const OPTIONS: &str = "options";

/// A report: the assessments of one period with the judgements recorded for it, made by
/// `styrkort_assess` and freed by `styrkort_report_free`. It owns everything it shows, so the
/// scorecard, observations and judgements it was made from may be freed first.
///
/// Every function takes it as `const`: it may be read from several threads at once (reading
/// a row for the first time writes that row's texts once, safely).
pub struct styrkort_report {
    pub(crate) report: Report,
    pub(crate) rows: RowTexts,
}

impl styrkort_report {
    /// A report with room for its rows' texts.
    pub(crate) fn new(report: Report) -> styrkort_report {
        styrkort_report { rows: RowTexts::new(report.len()), report }
    }
}

/// The number of rows of a report (one per measure × unit × sex of the period); 0 when
/// `report` is NULL.
///
/// # Safety
///
/// `report` is NULL or a live report.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_len(report: *const styrkort_report) -> usize {
    // SAFETY: NULL or a live report, as the caller promises.
    guarded(0, || unsafe { optional(report) }.map_or(0, |handle| handle.report.len()))
}

/// The same report rendered with other options, as a new report: `options` points to
/// `options_len` bytes of TOML or JSON text (named "options" in messages, read during the call
/// only) with any of
///
/// - `publish = true`: the publication mode, without the engine's flags ("⚑ Beräknat förslag
///   … avviker") and explanations, for the document the region publishes (default `false`, the
///   working mode for the people who prepare it);
/// - `columns = ["utfall"]`: the optional columns of the measure tables (the value with its
///   unit);
/// - `language = "en"`: English labels (default `"sv"`); the region's texts stay Swedish;
/// - `csv = "excel"`: `styrkort_report_to_csv` for Swedish Excel (`;`, decimal comma, UTF-8
///   byte-order mark, CRLF; default `"standard"`).
///
/// Settings not given take their defaults, not the original report's. The rows
/// (`styrkort_report_get`, JSON, CSV) are the same as the original's.
///
/// On success writes the new report to `*report_out`, owned by the caller and freed with
/// `styrkort_report_free`, independently of `report`. On failure leaves it alone and returns
/// `STYRKORT_STATUS_REPORT_OPTIONS` (an unknown setting or a value that does not read, with
/// line and column), `STYRKORT_STATUS_INVALID_UTF8` or `STYRKORT_STATUS_NULL_ARGUMENT`, with an
/// error in `*error_out` when `error_out` is not NULL. Safe to call from several threads at
/// once on the same report.
///
/// # Safety
///
/// `report` is NULL or a live report; `options` is NULL or valid for reads of `options_len`
/// bytes; `report_out` and `error_out` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_with_options(
    report: *const styrkort_report,
    options: *const c_char,
    options_len: usize,
    report_out: *mut *mut styrkort_report,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    let body = || {
        // SAFETY: as the caller promises, for each argument.
        let (handle, options, report_out) = unsafe {
            (handle(report, "report")?, text(options, options_len, "options", OPTIONS)?, out(report_out, "report_out")?)
        };
        let options = read_report_options(OPTIONS, options, Format::of_text(options))?;
        report_out.write(into_handle(styrkort_report::new(handle.report.clone().with_options(options))));
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}

/// The summary sentence of the report's unit, as the regions write it: "Den samlade
/// bedömningen av de strategiska målen för perioden visar att ett av de 20 strategiska målen
/// helt har uppnåtts, …".
///
/// On success writes a new NUL-terminated string to `*summary_out`, owned by the caller and
/// freed with `styrkort_string_free`. Statuses, NULL rules and threads as
/// `styrkort_report_to_json`.
///
/// # Safety
///
/// As `styrkort_report_to_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_summary(
    report: *const styrkort_report,
    summary_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { render(report, summary_out, "summary_out", error_out, |report| Ok(report.rollup().sentence.clone())) }
}

/// Every row of the report as a pretty-printed JSON list of objects (the fields of
/// `styrkort_assessment`, decimals as strings, `null` for none), ending in a line break.
///
/// On success writes a new NUL-terminated string to `*json_out`, owned by the caller and freed
/// with `styrkort_string_free`, and returns `STYRKORT_STATUS_OK`. On failure leaves it alone
/// and returns `STYRKORT_STATUS_NULL_ARGUMENT` (`report` or `json_out` NULL) or
/// `STYRKORT_STATUS_WRITE`, with an error in `*error_out` when `error_out` is not NULL. Safe
/// to call from several threads at once on the same report.
///
/// # Safety
///
/// `report` is NULL or a live report; `json_out` and `error_out` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_to_json(
    report: *const styrkort_report,
    json_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { render(report, json_out, "json_out", error_out, Report::to_json) }
}

/// Every row of the report as CSV: a header row with the field names of
/// `styrkort_assessment`, then one line per row, empty cells for none; for Swedish Excel where
/// the report's options say `csv = "excel"` (`styrkort_report_with_options`). Ownership,
/// statuses and threads as `styrkort_report_to_json`.
///
/// # Safety
///
/// As `styrkort_report_to_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_to_csv(
    report: *const styrkort_report,
    csv_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { render(report, csv_out, "csv_out", error_out, Report::to_csv) }
}

/// The goal-fulfilment report ("Bilaga måluppfyllelse i perspektiv") of the report's unit as
/// one self-contained HTML document (no JavaScript, nothing loaded), with the region's analysis
/// texts from the judgement file and in the report's options (`styrkort_report_with_options`).
/// Ownership, statuses and threads as `styrkort_report_to_json`.
///
/// # Safety
///
/// As `styrkort_report_to_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_to_html(
    report: *const styrkort_report,
    html_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { render(report, html_out, "html_out", error_out, |report| Ok(report.to_html())) }
}

/// The goal-fulfilment report of the report's unit as Markdown, with the region's tables and
/// texts, in the report's options. Ownership, statuses and threads as `styrkort_report_to_json`.
///
/// # Safety
///
/// As `styrkort_report_to_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_to_markdown(
    report: *const styrkort_report,
    markdown_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { render(report, markdown_out, "markdown_out", error_out, |report| Ok(report.to_markdown())) }
}

/// The body every rendering shares: the report and the out-parameter checked, the text
/// rendered and handed out.
///
/// # Safety
///
/// `report` is NULL or a live report; `text_out` and `error_out` are NULL or valid for a write.
unsafe fn render(
    report: *const styrkort_report,
    text_out: *mut *mut c_char,
    out_parameter: &str,
    error_out: *mut *mut styrkort_error,
    render: impl FnOnce(&Report) -> Result<String, styrkort::Error>,
) -> styrkort_status {
    let body = || {
        // SAFETY: as the caller promises.
        let (handle, text_out) = unsafe { (handle(report, "report")?, out(text_out, out_parameter)?) };
        write_string(text_out, render(&handle.report)?);
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}

/// Frees a report. NULL is a no-op. Call it at most once per report; every string borrowed
/// from it (the fields of `styrkort_assessment`) is invalid afterwards, and no other thread
/// may be using it.
///
/// # Safety
///
/// `report` is NULL or a report made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_free(report: *mut styrkort_report) {
    // SAFETY: NULL or a live report, freed once.
    guarded((), || unsafe { free(report) })
}
