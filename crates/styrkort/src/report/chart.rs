//! The inline SVG chart of a perspective's (or the whole plan's) strategic goals per status: one
//! horizontal bar per status, each with its colour, its shape and its label, and the count
//! written out, so that it reads in greyscale and to a screen reader (`role="img"`, a `<title>`
//! and an `aria-label` with the counts).

use super::Language;
use super::escape::push_escaped;
use super::html::status_class;
use super::language::status_shape;
use crate::model::Status;
use crate::rollup::StatusCounts;
use std::fmt::Write;

const WIDTH: usize = 460;
const LABEL: usize = 170;
const BAR: usize = 230;
const ROW: usize = 26;

/// "Samhälle: Uppnått 0, Delvis uppnått 4, Ej uppnått 0, Kan ej bedömas 0 (4 strategiska mål)".
pub(crate) fn counts_label(name: &str, counts: &StatusCounts, language: Language) -> String {
    let parts: Vec<String> =
        Status::ALL.iter().map(|&status| format!("{} {}", language.status(status), counts.get(status))).collect();
    let goals = match language {
        Language::Swedish => "strategiska mål",
        Language::English => "strategic goals",
    };
    format!("{name}: {} ({} {goals})", parts.join(", "), counts.total())
}

/// Appends the chart of `counts` to `out`; `name` titles it (a perspective, or the plan).
pub(crate) fn status_chart(out: &mut String, name: &str, counts: &StatusCounts, language: Language) {
    let label = counts_label(name, counts, language);
    let height = ROW.saturating_mul(Status::ALL.len()).saturating_add(8);
    let scale = counts.total().max(1);
    out.push_str("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ");
    let _ = write!(out, "width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" aria-label=\"");
    push_escaped(out, &label);
    out.push_str("\"><title>");
    push_escaped(out, &label);
    out.push_str("</title>");
    for (row, &status) in Status::ALL.iter().enumerate() {
        let count = counts.get(status);
        let y = ROW.saturating_mul(row).saturating_add(4);
        let length = if count == 0 { 2 } else { BAR.saturating_mul(count).checked_div(scale).unwrap_or(0) };
        let (text_y, bar_y) = (y.saturating_add(17), y.saturating_add(3));
        let class = status_class(status);
        let _ = write!(
            out,
            "<g class=\"{class}\" aria-hidden=\"true\"><text class=\"shape\" x=\"2\" y=\"{}\">{}</text>\
             <text x=\"22\" y=\"{}\">{}</text><rect class=\"bar\" x=\"{LABEL}\" y=\"{}\" width=\"{length}\" \
             height=\"{}\" rx=\"2\"/><text class=\"count\" x=\"{}\" y=\"{}\">{count}</text></g>",
            text_y,
            status_shape(status),
            text_y,
            language.status(status),
            bar_y,
            ROW.saturating_sub(8),
            LABEL.saturating_add(length).saturating_add(6),
            text_y,
        );
    }
    out.push_str("</svg>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_says_its_counts() {
        let counts = StatusCounts { achieved: 1, partially_achieved: 3, not_achieved: 0, not_assessed: 0 };
        let mut svg = String::new();
        status_chart(&mut svg, "Samhälle & <x>", &counts, Language::Swedish);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains(
            "aria-label=\"Samhälle &amp; &lt;x&gt;: Uppnått 1, Delvis uppnått 3, Ej uppnått 0, Kan ej bedömas 0 (4 strategiska mål)\""
        ));
        assert_eq!(svg.matches("<rect").count(), 4);
    }
}
