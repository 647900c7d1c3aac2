//! The HTML rendering: one self-contained file (inline CSS, no JavaScript, no network). Every
//! status is a badge of colour, shape and text; in the working mode every assessment's
//! explanation is in the title (hover) and in a `<details>` element, and the engine's flags are
//! shown; the publication mode leaves both out. Every text from the data is escaped, and the
//! region's Swedish texts carry `lang="sv"` whatever the language of the labels.
//!
//! The page has a table of contents and the overview of goals and success factors
//! (`html_nav.rs`); the style sheet (`style.css`) prints on A4 with each perspective on a new
//! page and fits a phone's width, tables scrolling in their own box.

use super::chart::status_chart;
use super::escape::push_escaped;
use super::language::{Label, status_shape};
use super::{Language, Report, ReportColumn, TableRow};
use crate::model::{Status, analysis::paragraphs};
use crate::rollup::NodeStatus;
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");
/// The attribute that marks the region's Swedish text.
pub(crate) const SV: &str = " lang=\"sv\"";

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
/// and its label, in the language of the labels.
pub(crate) fn badge(out: &mut String, status: Status, language: Language) {
    let lang = match language {
        Language::Swedish => "",
        Language::English => " lang=\"en\"",
    };
    let _ = write!(
        out,
        "<span class=\"badge {}\"{lang}><span class=\"shape\" aria-hidden=\"true\">{}</span>{}</span>",
        status_class(status),
        status_shape(status),
        language.status(status)
    );
}

pub(crate) fn text(out: &mut String, text: &str) {
    push_escaped(out, text);
}

/// A text of the region as paragraphs, each `<p lang="sv">` with a class.
pub(crate) fn prose(out: &mut String, class: &str, body: &str) {
    for paragraph in paragraphs(body) {
        let _ = write!(out, "<p class=\"{class}\"{SV}>");
        text(out, paragraph);
        out.push_str("</p>\n");
    }
}

impl Report {
    /// The report as one self-contained HTML document.
    pub fn to_html(&self) -> String {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let mut out = String::with_capacity(self.row_count().saturating_mul(900).saturating_add(24_576));
        let title = language.label(Label::Title);
        let _ = write!(out, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", language.code());
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        text(&mut out, &format!("{title} — {}, {}", self.unit_name(), self.assessments.period()));
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        let mode = if self.options.publish { "publish" } else { "working" };
        let _ = write!(out, "</style>\n</head>\n<body class=\"{mode}\">\n<header>\n<h1>");
        text(&mut out, title);
        let _ = write!(out, "</h1>\n<p class=\"meta\"{SV}>");
        text(&mut out, &scorecard.organisation);
        out.push_str(" · ");
        text(&mut out, &scorecard.name);
        out.push_str(" · ");
        text(&mut out, &self.period_label());
        if self.unit.is_some() {
            let _ = write!(out, " · {}: ", language.label(Label::Unit));
            text(&mut out, self.unit_name());
        }
        out.push_str("</p>\n</header>\n");
        self.html_contents(&mut out);
        out.push_str("<main>\n");
        if let Some(introduction) = scorecard.introduction.as_deref() {
            let _ = write!(
                out,
                "<section class=\"introduction\" aria-labelledby=\"introduction\">\n<h2 id=\"introduction\">{}</h2>\n",
                language.label(Label::Introduction)
            );
            prose(&mut out, "intro", introduction);
            out.push_str("</section>\n");
        }
        self.html_summary(&mut out);
        self.html_overview(&mut out);
        for perspective in &self.outline.perspectives {
            self.html_perspective(&mut out, perspective);
        }
        self.html_gender(&mut out);
        let _ = write!(out, "</main>\n<footer><p{SV}>");
        text(&mut out, &scorecard.organisation);
        out.push_str(" · ");
        text(&mut out, &self.period_label());
        out.push_str(" · styrkort</p></footer>\n</body>\n</html>\n");
        out
    }

    fn html_summary(&self, out: &mut String) {
        let language = self.language();
        let rollup = &self.rollup;
        let _ = write!(
            out,
            "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>\n<div class=\"overview\"><div>\n<p class=\"sentence\" id=\"summary-sentence\"{SV}>",
            language.label(Label::Summary)
        );
        text(out, &rollup.sentence);
        out.push_str("</p>\n");
        if let Some(forecast) = &rollup.forecast_sentence {
            let _ = write!(out, "<p class=\"forecast\"{SV}>");
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
            "<div class=\"table-wrap\"><table class=\"counts\">\n<caption class=\"vh\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
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
            let _ = write!(out, "<tr><th scope=\"row\"{SV}>");
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
        let _ = write!(out, "<td>{}</td></tr>\n</tbody>\n</table></div>\n</section>\n", rollup.total.total());
    }

    fn html_legend(&self, out: &mut String) {
        let language = self.language();
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

    /// The region's analysis texts of a part of the plan, if any.
    fn html_analyses(&self, out: &mut String, id: &str) {
        for analysis in self.texts.analyses(id) {
            out.push_str("<div class=\"analysis\">");
            prose(out, "analysis-text", analysis);
            out.push_str("</div>\n");
        }
    }

    fn html_perspective(&self, out: &mut String, node: &super::outline::PerspectiveNode) {
        let language = self.language();
        let Some(summary) = self.rollup.perspectives.get(node.index) else { return };
        let plan = self.assessments.scorecard().perspectives.get(node.index);
        let _ = write!(out, "<section class=\"perspective\" aria-labelledby=\"p{0}\">\n<h2 id=\"p{0}\">", node.index);
        let _ = write!(out, "{}: <span{SV}>", language.label(Label::Perspective));
        text(out, &summary.name);
        out.push_str("</span></h2>\n");
        if let Some(introduction) = plan.and_then(|p| p.introduction.as_deref()) {
            prose(out, "intro", introduction);
        }
        if let Some(plan) = plan {
            self.html_analyses(out, &plan.id);
        }
        let _ = write!(out, "<div class=\"overview\"><p class=\"sentence\"{SV}>");
        text(out, &summary.sentence);
        out.push_str("</p>\n");
        status_chart(out, &summary.name, &summary.goals, language);
        out.push_str("</div>\n");
        for goal in &node.goals {
            let Some(status) = self.rollup.goals.get(goal.index) else { continue };
            let bodies = self.assessments.scorecard().goals.get(goal.index).map_or(&[][..], |g| g.bodies.as_slice());
            let _ = write!(out, "<article class=\"goal\" aria-labelledby=\"g{0}\">\n<h3 id=\"g{0}\">", goal.index);
            let _ = write!(out, "{}: <span{SV}>", language.label(Label::Goal));
            text(out, &status.name);
            out.push_str("</span>");
            bodies_after(out, bodies);
            out.push_str("</h3>\n");
            self.html_judgement(out, status);
            self.html_analyses(out, &status.id);
            for factor in &goal.factors {
                self.html_factor(out, factor.index);
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }

    fn html_judgement(&self, out: &mut String, node: &NodeStatus) {
        let language = self.language();
        if node.judgement.is_none() && self.options.publish {
            let _ = write!(out, "<dl class=\"judgement\"><dt>{}</dt><dd>", language.label(Label::Judgement));
            badge(out, node.reported, language);
            out.push_str("</dd></dl>\n");
            return;
        }
        let _ = write!(out, "<dl class=\"judgement\"><dt>{}</dt><dd>", language.label(Label::Judgement));
        badge(out, node.reported, language);
        out.push_str("</dd>");
        match &node.judgement {
            Some(judgement) => {
                let _ = write!(out, "<dt>{}</dt><dd{SV}>", language.label(Label::Motivation));
                text(out, &judgement.motivation);
                out.push_str("</dd>");
                let note = super::texts::forecast_note(judgement);
                if judgement.forecast.is_some() || note.is_some() {
                    let _ = write!(out, "<dt>{}</dt><dd>", language.label(Label::Forecast));
                    if let Some(forecast) = judgement.forecast {
                        badge(out, forecast, language);
                        out.push(' ');
                    }
                    if let Some(note) = note {
                        let _ = write!(out, "<span{SV}>");
                        text(out, note);
                        out.push_str("</span>");
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
        if node.differs && !self.options.publish {
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
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let Some(plan) = scorecard.success_factors.get(factor) else { return };
        let _ = write!(out, "<section class=\"factor\" aria-labelledby=\"f{factor}\">\n<h4 id=\"f{factor}\">");
        let _ = write!(out, "{}: <span{SV}>", language.label(Label::SuccessFactor));
        text(out, &plan.name);
        out.push_str("</span>");
        bodies_after(out, &plan.bodies);
        out.push_str("</h4>\n");
        if let Some(node) = self.rollup.success_factors.get(factor)
            && node.judgement.is_some()
        {
            self.html_judgement(out, node);
        }
        self.html_analyses(out, &plan.id);
        let rows = self.table(factor);
        if rows.is_empty() {
            let _ = writeln!(out, "<p class=\"empty\">{}</p>\n</section>", language.label(Label::NoMeasures));
            return;
        }
        let value = self.options.shows(ReportColumn::Value);
        out.push_str("<div class=\"table-wrap\"><table class=\"measures\">\n<caption class=\"vh\">");
        text(out, &plan.name);
        out.push_str("</caption>\n<colgroup><col class=\"c-name\"><col class=\"c-body\"><col class=\"c-sex\"><col class=\"c-target\">");
        if value {
            out.push_str("<col class=\"c-value\">");
        }
        out.push_str("<col class=\"c-status\"><col class=\"c-trend\"></colgroup>\n<thead><tr>");
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{} {}</th>",
            language.label(Label::Measure),
            language.label(Label::Body),
            language.label(Label::Sex),
            language.label(Label::Target),
            self.assessments.period().year,
        );
        if value {
            let _ = write!(out, "<th scope=\"col\">{}</th>", language.label(Label::Value));
        }
        let _ = writeln!(
            out,
            "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
            language.label(Label::Fulfilment),
            language.label(Label::Trend),
        );
        let _ = writeln!(out, "<tbody{SV}>");
        for row in &rows {
            self.html_row(out, row);
        }
        out.push_str("</tbody>\n</table></div>\n");
        self.html_measure_texts(out, &rows);
        self.html_footnotes(out, &rows);
        out.push_str("</section>\n");
    }

    /// The verdicts' motivations and the analyses of the table's measures, under the table.
    fn html_measure_texts(&self, out: &mut String, rows: &[TableRow<'_>]) {
        let language = self.language();
        let mut opened = false;
        for row in rows.iter().filter(|row| row.first) {
            let verdicts = self.texts.verdicts(row.index);
            let analyses = self.texts.analyses(&row.measure.id);
            if verdicts.is_empty() && analyses.is_empty() {
                continue;
            }
            if !opened {
                let _ = writeln!(
                    out,
                    "<div class=\"measure-texts\" aria-label=\"{}\">",
                    language.label(Label::MeasureTexts)
                );
                opened = true;
            }
            let _ = write!(out, "<p class=\"measure-name\"{SV}><strong>");
            text(out, &row.measure.name);
            out.push_str("</strong></p>\n");
            // The region's text on the outcome first, then its verdict, as the region writes.
            for verdict in verdicts {
                if let Some(analysis) = verdict.analysis.as_deref() {
                    prose(out, "analysis-text", analysis);
                }
                let _ =
                    write!(out, "<p class=\"verdict\"><span class=\"label\">{}", language.label(Label::MeasureVerdict));
                if let Some(sex) = verdict.sex.filter(|_| row.split) {
                    let _ = write!(out, " ({})", language.sex(sex).to_lowercase());
                }
                out.push_str(":</span> ");
                badge(out, verdict.status, language);
                if let Some(motivation) = super::texts::verdict_motivation(verdict) {
                    let _ = write!(out, " <span{SV}>");
                    text(out, motivation);
                    out.push_str("</span>");
                }
                out.push_str("</p>\n");
            }
            for analysis in analyses.iter().filter(|a| !verdicts.iter().any(|v| v.analysis.as_ref() == Some(*a))) {
                prose(out, "analysis-text", analysis);
            }
        }
        if opened {
            out.push_str("</div>\n");
        }
    }

    fn html_footnotes(&self, out: &mut String, rows: &[TableRow<'_>]) {
        let notes = super::footnotes::footnotes(rows.iter().filter(|row| row.first).map(|row| row.measure));
        if notes.is_empty() {
            return;
        }
        let _ = write!(out, "<div class=\"footnotes\" aria-label=\"{}\">", self.language().label(Label::Footnotes));
        for note in notes {
            let _ = write!(out, "<p{SV}>");
            if let Some(marker) = note.marker {
                let _ = write!(out, "<sup>[{}]</sup> ", super::escape::escape_html(marker));
            }
            text(out, note.text);
            out.push_str("</p>");
        }
        out.push_str("</div>\n");
    }

    fn html_gender(&self, out: &mut String) {
        let language = self.language();
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
        out.push_str("<div class=\"table-wrap\"><table class=\"gaps\">\n<thead><tr>");
        for header in super::gender::headers(language) {
            let _ = write!(out, "<th scope=\"col\">{header}</th>");
        }
        let _ = write!(out, "</tr></thead>\n<tbody{SV}>\n");
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
            if row.gap.one_sex_meets_target && self.options.publish {
                out.push_str(language.label(Label::Yes));
            } else if row.gap.one_sex_meets_target {
                let _ = write!(out, "<strong class=\"one-sex\">⚑ {}</strong>", language.label(Label::OneSex));
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn html_row(&self, out: &mut String, row: &TableRow<'_>) {
        let language = self.language();
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
        text(out, &row.target);
        if self.options.shows(ReportColumn::Value) {
            out.push_str("</td><td class=\"value\">");
            if let Some(value) = assessment.verdict.value {
                text(out, &crate::assess::value_text(value, assessment.verdict.rule, row.measure));
            }
        }
        out.push_str("</td><td class=\"status\">");
        if self.options.publish {
            badge(out, row.reported, language);
        } else {
            let explanation = self.assessments.explain(assessment).sentence;
            out.push_str("<details><summary title=\"");
            text(out, &explanation);
            out.push_str("\">");
            badge(out, row.reported, language);
            let _ = write!(
                out,
                "</summary><p class=\"why\"><span class=\"vh\">{}: </span>",
                language.label(Label::Explanation)
            );
            text(out, &explanation);
            out.push_str("</p></details>");
            if row.verdict.is_some() && row.differs() {
                let _ = write!(out, "<p class=\"computed\" role=\"note\">⚑ {}: ", language.label(Label::Computed));
                badge(out, assessment.verdict.status, language);
                out.push_str("</p>");
            }
        }
        let trend = assessment.verdict.trend;
        let _ = writeln!(
            out,
            "</td><td class=\"trend\" title=\"{0}\"><span aria-hidden=\"true\">{1}</span><span class=\"vh\">{0}</span></td></tr>",
            language.trend(trend),
            trend.arrow()
        );
    }
}

/// The bodies responsible, after a goal's or success factor's name: " (RS, RUN)".
pub(crate) fn bodies_after(out: &mut String, bodies: &[String]) {
    if !bodies.is_empty() {
        out.push_str(" <span class=\"bodies\">(");
        text(out, &bodies.join(", "));
        out.push_str(")</span>");
    }
}
