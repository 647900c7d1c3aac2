//! The HTML rendering: one self-contained file (inline CSS, no JavaScript, no network). Every
//! status is a badge of colour, shape and text; every assessment's explanation is in the title
//! (hover) and in a `<details>` element; every text from the data is escaped.

use super::chart::status_chart;
use super::escape::push_escaped;
use super::language::{Label, status_shape};
use super::{Language, Report, TableRow};
use crate::model::Status;
use crate::rollup::NodeStatus;
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");

/// The CSS class of a status: `s-achieved`, `s-partial`, `s-not`, `s-na`.
pub(crate) fn status_class(status: Status) -> &'static str {
    match status {
        Status::Achieved => "s-achieved",
        Status::PartiallyAchieved => "s-partial",
        Status::NotAchieved => "s-not",
        Status::NotAssessed => "s-na",
    }
}

/// A status badge: coloured, with its shape (hidden from screen readers, which read the label)
/// and its label.
fn badge(out: &mut String, status: Status, language: Language) {
    let _ = write!(
        out,
        "<span class=\"badge {}\"><span class=\"shape\" aria-hidden=\"true\">{}</span>{}</span>",
        status_class(status),
        status_shape(status),
        language.status(status)
    );
}

fn text(out: &mut String, text: &str) {
    push_escaped(out, text);
}

impl Report {
    /// The report as one self-contained HTML document.
    pub fn to_html(&self) -> String {
        let language = self.language;
        let scorecard = self.assessments.scorecard();
        let mut out = String::with_capacity(self.row_count().saturating_mul(700).saturating_add(16_384));
        let title = language.label(Label::Title);
        let _ = write!(out, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", language.code());
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        text(&mut out, &format!("{title} — {}, {}", self.unit_name(), self.assessments.period()));
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
        text(&mut out, title);
        out.push_str("</h1>\n<p class=\"meta\">");
        text(&mut out, &scorecard.organisation);
        out.push_str(" · ");
        text(&mut out, &scorecard.name);
        out.push_str(" · ");
        text(&mut out, &self.period_label());
        if self.unit.is_some() {
            let _ = write!(out, " · {}: ", language.label(Label::Unit));
            text(&mut out, self.unit_name());
        }
        out.push_str("</p>\n</header>\n<main>\n");
        self.html_summary(&mut out);
        for perspective in &self.outline.perspectives {
            self.html_perspective(&mut out, perspective);
        }
        self.html_gender(&mut out);
        out.push_str("</main>\n<footer><p>");
        text(&mut out, &scorecard.organisation);
        out.push_str(" · ");
        text(&mut out, &self.period_label());
        out.push_str(" · styrkort</p></footer>\n</body>\n</html>\n");
        out
    }

    fn html_summary(&self, out: &mut String) {
        let language = self.language;
        let rollup = &self.rollup;
        let _ = write!(
            out,
            "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>\n<div class=\"overview\"><div>\n<p class=\"sentence\" id=\"summary-sentence\">",
            language.label(Label::Summary)
        );
        text(out, &rollup.sentence);
        out.push_str("</p>\n");
        if let Some(forecast) = &rollup.forecast_sentence {
            out.push_str("<p class=\"forecast\">");
            text(out, forecast);
            out.push_str("</p>\n");
        }
        out.push_str("<p class=\"note\">");
        text(out, language.label(Label::JudgementNote));
        out.push_str("</p>\n</div>\n");
        status_chart(out, self.unit_name(), &rollup.total, language);
        out.push_str("</div>\n");
        self.html_legend(out);
        // Goals per perspective and status.
        let _ = write!(
            out,
            "<table class=\"counts\">\n<caption class=\"vh\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            language.label(Label::GoalCount),
            language.label(Label::Perspective)
        );
        for status in Status::ALL {
            out.push_str("<th scope=\"col\">");
            badge(out, status, language);
            out.push_str("</th>");
        }
        let _ = write!(out, "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n", language.label(Label::Total));
        for summary in &rollup.perspectives {
            out.push_str("<tr><th scope=\"row\">");
            text(out, &summary.name);
            out.push_str("</th>");
            for status in Status::ALL {
                let _ = write!(out, "<td>{}</td>", summary.goals.get(status));
            }
            let _ = writeln!(out, "<td>{}</td></tr>", summary.goals.total());
        }
        let _ = write!(out, "<tr class=\"total\"><th scope=\"row\">{}</th>", language.label(Label::Total));
        for status in Status::ALL {
            let _ = write!(out, "<td>{}</td>", rollup.total.get(status));
        }
        let _ = write!(out, "<td>{}</td></tr>\n</tbody>\n</table>\n</section>\n", rollup.total.total());
    }

    fn html_legend(&self, out: &mut String) {
        let language = self.language;
        let _ = write!(
            out,
            "<ul class=\"legend\" aria-label=\"{0}\"><li class=\"legend-title\" aria-hidden=\"true\">{0}:</li>",
            language.label(Label::Legend)
        );
        for status in Status::ALL {
            out.push_str("<li>");
            badge(out, status, language);
            out.push_str("</li>");
        }
        let _ = write!(out, "<li>{}: ", language.label(Label::TrendLegend));
        for trend in [crate::assess::Trend::Improved, crate::assess::Trend::Unchanged, crate::assess::Trend::Worsened] {
            let _ = write!(out, "<strong aria-hidden=\"true\">{}</strong> {} ", trend.arrow(), language.trend(trend));
        }
        let _ = writeln!(out, "({})</li></ul>", language.label(Label::NoTrend));
    }

    fn html_perspective(&self, out: &mut String, node: &super::outline::PerspectiveNode) {
        let language = self.language;
        let Some(summary) = self.rollup.perspectives.get(node.index) else { return };
        let _ = write!(out, "<section class=\"perspective\" aria-labelledby=\"p{0}\">\n<h2 id=\"p{0}\">", node.index);
        let _ = write!(out, "{}: ", language.label(Label::Perspective));
        text(out, &summary.name);
        out.push_str("</h2>\n<div class=\"overview\"><p class=\"sentence\">");
        text(out, &summary.sentence);
        out.push_str("</p>\n");
        status_chart(out, &summary.name, &summary.goals, language);
        out.push_str("</div>\n");
        for goal in &node.goals {
            let Some(status) = self.rollup.goals.get(goal.index) else { continue };
            out.push_str("<article class=\"goal\">\n<h3>");
            let _ = write!(out, "{}: ", language.label(Label::Goal));
            text(out, &status.name);
            out.push_str("</h3>\n");
            self.html_judgement(out, status);
            for factor in &goal.factors {
                self.html_factor(out, factor.index);
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }

    fn html_judgement(&self, out: &mut String, node: &NodeStatus) {
        let language = self.language;
        let _ = write!(out, "<dl class=\"judgement\"><dt>{}</dt><dd>", language.label(Label::Judgement));
        badge(out, node.reported, language);
        out.push_str("</dd>");
        match &node.judgement {
            Some(judgement) => {
                let _ = write!(out, "<dt>{}</dt><dd>", language.label(Label::Motivation));
                text(out, &judgement.motivation);
                out.push_str("</dd>");
                if judgement.forecast.is_some() || judgement.forecast_note.is_some() {
                    let _ = write!(out, "<dt>{}</dt><dd>", language.label(Label::Forecast));
                    if let Some(forecast) = judgement.forecast {
                        badge(out, forecast, language);
                        out.push(' ');
                    }
                    if let Some(note) = &judgement.forecast_note {
                        text(out, note);
                    }
                    out.push_str("</dd>");
                }
            }
            None => {
                let _ = write!(out, "<dt>{}</dt><dd>", language.label(Label::Suggestion));
                text(out, language.label(Label::NoJudgement));
                out.push_str("</dd>");
            }
        }
        out.push_str("</dl>\n");
        if node.differs {
            let _ = write!(
                out,
                "<p class=\"flag\" role=\"note\"><strong>⚑ {}:</strong> ",
                language.label(Label::Suggestion)
            );
            badge(out, node.suggested, language);
            out.push(' ');
            text(out, language.label(Label::Differs));
            out.push_str("</p>\n");
        }
    }

    fn html_factor(&self, out: &mut String, factor: usize) {
        let language = self.language;
        let scorecard = self.assessments.scorecard();
        let Some(plan) = scorecard.success_factors.get(factor) else { return };
        out.push_str("<section class=\"factor\">\n<h4>");
        let _ = write!(out, "{}: ", language.label(Label::SuccessFactor));
        text(out, &plan.name);
        if !plan.bodies.is_empty() {
            out.push_str(" (");
            text(out, &plan.bodies.join(", "));
            out.push(')');
        }
        out.push_str("</h4>\n");
        if let Some(node) = self.rollup.success_factors.get(factor)
            && node.judgement.is_some()
        {
            self.html_judgement(out, node);
        }
        let rows = self.table(factor);
        if rows.is_empty() {
            let _ = writeln!(out, "<p class=\"empty\">{}</p>\n</section>", language.label(Label::NoMeasures));
            return;
        }
        out.push_str("<table class=\"measures\">\n<caption class=\"vh\">");
        text(out, &plan.name);
        out.push_str("</caption>\n<colgroup><col class=\"c-name\"><col class=\"c-body\"><col class=\"c-sex\"><col class=\"c-target\"><col class=\"c-status\"><col class=\"c-trend\"></colgroup>\n");
        let _ = writeln!(
            out,
            "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{} {}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
            language.label(Label::Measure),
            language.label(Label::Body),
            language.label(Label::Sex),
            language.label(Label::Target),
            self.assessments.period().year,
            language.label(Label::Fulfilment),
            language.label(Label::Trend),
        );
        out.push_str("<tbody>\n");
        for row in &rows {
            self.html_row(out, row);
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    fn html_gender(&self, out: &mut String) {
        let language = self.language;
        let _ = write!(
            out,
            "<section class=\"gender\" aria-labelledby=\"gender\">\n<h2 id=\"gender\">{}</h2>\n<p>{}</p>\n",
            language.label(Label::Gender),
            language.label(Label::GenderIntro)
        );
        let rows = self.gender_rows();
        if rows.is_empty() {
            let _ = writeln!(out, "<p class=\"empty\">{}</p>\n</section>", language.label(Label::NoGender));
            return;
        }
        out.push_str("<table class=\"gaps\">\n<thead><tr>");
        for header in super::gender::headers(language) {
            let _ = write!(out, "<th scope=\"col\">{header}</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &rows {
            out.push_str("<tr class=\"gap-row\"><th scope=\"row\">");
            text(out, &row.measure.name);
            out.push_str("</th><td>");
            text(out, &row.value(row.gap.women));
            out.push_str("</td><td>");
            text(out, &row.value(row.gap.men));
            out.push_str("</td><td>");
            text(out, &row.difference(row.gap.gap, language));
            out.push_str("</td><td>");
            text(out, &row.difference(row.gap.base_gap, language));
            let _ = write!(out, "</td><td>{}</td><td>", row.narrowed(language));
            if row.gap.one_sex_meets_target {
                let _ = write!(out, "<strong class=\"one-sex\">⚑ {}</strong>", language.label(Label::OneSex));
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    fn html_row(&self, out: &mut String, row: &TableRow<'_>) {
        let language = self.language;
        let assessment = row.assessment;
        out.push_str("<tr class=\"measure-row\">");
        if row.first {
            let span = if row.span > 1 { format!(" rowspan=\"{}\"", row.span) } else { String::new() };
            let _ = write!(out, "<th scope=\"row\"{span}>");
            text(out, &row.measure.name);
            let _ = write!(out, "</th><td{span}>");
            if let Some(code) = &row.measure.body {
                match self.assessments.scorecard().body(code) {
                    Some(body) => {
                        out.push_str("<abbr title=\"");
                        text(out, &body.name);
                        out.push_str("\">");
                        text(out, code);
                        out.push_str("</abbr>");
                    }
                    None => text(out, code),
                }
            }
            out.push_str("</td>");
        }
        out.push_str("<td class=\"sex\">");
        if row.split {
            let _ = write!(
                out,
                "<abbr title=\"{}\">{}</abbr>",
                language.sex(assessment.sex),
                language.sex_code(assessment.sex)
            );
        }
        out.push_str("</td><td class=\"target\">");
        text(out, row.target);
        let explanation = self.assessments.explain(assessment).sentence;
        let _ = write!(out, "</td><td class=\"status\"><details><summary title=\"");
        text(out, &explanation);
        out.push_str("\">");
        badge(out, assessment.verdict.status, language);
        let _ = write!(
            out,
            "</summary><p class=\"why\"><span class=\"vh\">{}: </span>",
            language.label(Label::Explanation)
        );
        text(out, &explanation);
        let trend = assessment.verdict.trend;
        let _ = writeln!(
            out,
            "</p></details></td><td class=\"trend\" title=\"{0}\"><span aria-hidden=\"true\">{1}</span><span class=\"vh\">{0}</span></td></tr>",
            language.trend(trend),
            trend.arrow()
        );
    }
}
