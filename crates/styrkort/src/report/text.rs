//! The terminal rendering: headings, wrapped paragraphs and aligned columns; ANSI colour on the
//! status labels and headings only when the caller asks for it (the core never looks at the
//! terminal). Control characters in the data are replaced, so a name cannot smuggle escape
//! sequences into a terminal.

use super::language::{Label, status_shape};
use super::{Language, Report, ReportColumn, TableRow};
use crate::assess::Trend;
use crate::model::Status;
use crate::rollup::NodeStatus;
use std::fmt::Write;

/// Paragraph width.
const WIDTH: usize = 100;
/// Widest measure-name column before wrapping.
const NAME: usize = 44;
/// Widest target column before wrapping.
const TARGET: usize = 24;
const INDENT: &str = "   ";

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

fn colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "\x1b[32m",
        Status::PartiallyAchieved => "\x1b[33m",
        Status::NotAchieved => "\x1b[31m",
        Status::NotAssessed => "\x1b[90m",
    }
}

/// " (RS, RUN)" after a name; nothing without bodies.
fn bodies_text(bodies: &[String]) -> String {
    if bodies.is_empty() { String::new() } else { format!(" ({})", clean(&bodies.join(", "))) }
}

/// `text` with every control character (escape sequences, line breaks, tabs) made a space.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// Breaks `text` into lines of at most `limit` characters at spaces; a longer word is cut.
pub(crate) fn wrap(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        loop {
            let room = if line.is_empty() { limit } else { limit.saturating_sub(width(&line).saturating_add(1)) };
            if width(&word) <= room {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if line.is_empty() {
                let head: String = word.chars().take(limit).collect();
                let tail: String = word.chars().skip(limit).collect();
                lines.push(head);
                word = tail;
            } else {
                lines.push(std::mem::take(&mut line));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writer state: the buffer and whether to colour.
struct Out {
    text: String,
    color: bool,
}

impl Out {
    fn paragraph(&mut self, indent: &str, text: &str) {
        for line in wrap(&clean(text), WIDTH.saturating_sub(indent.len())) {
            let _ = writeln!(self.text, "{indent}{line}");
        }
    }

    /// A text of the region: its paragraphs, wrapped, an empty line between them.
    fn prose(&mut self, indent: &str, text: &str) {
        for (position, paragraph) in crate::model::analysis::paragraphs(text).enumerate() {
            if position > 0 {
                self.text.push('\n');
            }
            self.paragraph(indent, paragraph);
        }
    }

    fn bold(&mut self, text: &str) {
        if self.color {
            let _ = write!(self.text, "{BOLD}{text}{RESET}");
        } else {
            self.text.push_str(text);
        }
    }

    /// A status as shape and label, padded to `pad` characters, coloured when asked.
    fn status(&mut self, status: Status, language: Language, pad: usize) {
        let label = format!("{} {}", status_shape(status), language.status(status));
        let fill = " ".repeat(pad.saturating_sub(width(&label)));
        if self.color {
            let _ = write!(self.text, "{}{label}{RESET}{fill}", colour(status));
        } else {
            let _ = write!(self.text, "{label}{fill}");
        }
    }
}

impl Report {
    /// The report as terminal text; `color` adds ANSI colours (the caller decides: a terminal,
    /// no `--no-color`, no `NO_COLOR`).
    pub fn to_text(&self, color: bool) -> String {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let rollup = &self.rollup;
        let mut out =
            Out { text: String::with_capacity(self.row_count().saturating_mul(140).saturating_add(8_192)), color };
        out.bold(&language.label(Label::Title).to_uppercase());
        out.text.push('\n');
        let mut meta = format!("{} · {} · {}", scorecard.organisation, scorecard.name, self.period_label());
        if self.unit.is_some() {
            let _ = write!(meta, " · {}: {}", language.label(Label::Unit), self.unit_name());
        }
        out.paragraph("", &meta);
        out.text.push('\n');
        if let Some(introduction) = scorecard.introduction.as_deref() {
            out.bold(language.label(Label::Introduction));
            out.text.push('\n');
            out.prose("", introduction);
            out.text.push('\n');
        }
        out.paragraph("", &rollup.sentence);
        if let Some(forecast) = &rollup.forecast_sentence {
            out.paragraph("", forecast);
        }
        out.text.push('\n');
        let name_width = rollup.perspectives.iter().map(|p| width(&clean(&p.name))).max().unwrap_or(0).max(12);
        let _ = write!(out.text, "{:<name_width$}", language.label(Label::Perspective));
        for status in Status::ALL {
            let _ = write!(out.text, "  {}", language.status(status));
        }
        let _ = writeln!(out.text, "  {}", language.label(Label::Total));
        let widths: Vec<usize> = Status::ALL.iter().map(|&s| width(language.status(s))).collect();
        let line = |out: &mut Out, name: &str, counts: &crate::rollup::StatusCounts| {
            let _ = write!(out.text, "{:<name_width$}", clean(name));
            for (status, w) in Status::ALL.iter().zip(&widths) {
                let _ = write!(out.text, "  {:>w$}", counts.get(*status));
            }
            let _ = writeln!(out.text, "  {:>1$}", counts.total(), width(language.label(Label::Total)));
        };
        for summary in &rollup.perspectives {
            line(&mut out, &summary.name, &summary.goals);
        }
        line(&mut out, language.label(Label::Total), &rollup.total);
        out.text.push('\n');
        let _ = write!(out.text, "{}: ", language.label(Label::Legend));
        for (position, status) in Status::ALL.into_iter().enumerate() {
            if position > 0 {
                out.text.push_str("  ");
            }
            out.status(status, language, 0);
        }
        let trends: Vec<String> = [Trend::Improved, Trend::Unchanged, Trend::Worsened]
            .iter()
            .map(|&t| format!("{} {}", t.arrow(), language.trend(t).to_lowercase()))
            .collect();
        let _ = writeln!(out.text, "\n{}: {}", language.label(Label::TrendLegend), trends.join("  "));
        for node in &self.outline.perspectives {
            let Some(summary) = rollup.perspectives.get(node.index) else { continue };
            let heading = format!("{}: {}", language.label(Label::Perspective), clean(&summary.name));
            out.text.push('\n');
            out.bold(&format!("══ {heading} {}", "═".repeat(WIDTH.saturating_sub(width(&heading).saturating_add(4)))));
            out.text.push('\n');
            let plan = scorecard.perspectives.get(node.index);
            if let Some(introduction) = plan.and_then(|p| p.introduction.as_deref()) {
                out.prose("", introduction);
            }
            if let Some(plan) = plan {
                self.text_analyses(&mut out, &plan.id, "");
            }
            out.paragraph("", &summary.sentence);
            for goal in &node.goals {
                let Some(status) = rollup.goals.get(goal.index) else { continue };
                let bodies = scorecard.goals.get(goal.index).map_or(&[][..], |g| g.bodies.as_slice());
                out.text.push('\n');
                out.bold(&format!(
                    "── {}: {}{}",
                    language.label(Label::Goal),
                    clean(&status.name),
                    bodies_text(bodies)
                ));
                out.text.push('\n');
                self.text_judgement(&mut out, status, INDENT);
                self.text_analyses(&mut out, &status.id, INDENT);
                for factor in &goal.factors {
                    self.text_factor(&mut out, factor.index);
                }
            }
        }
        self.text_gender(&mut out);
        out.text
    }

    fn text_gender(&self, out: &mut Out) {
        let language = self.language();
        let heading = language.label(Label::Gender);
        out.text.push('\n');
        out.bold(&format!("══ {heading} {}", "═".repeat(WIDTH.saturating_sub(width(heading).saturating_add(4)))));
        out.text.push('\n');
        out.paragraph("", language.label(Label::GenderIntro));
        let rows = self.gender_rows();
        if rows.is_empty() {
            out.paragraph(INDENT, language.label(Label::NoGender));
            return;
        }
        let cells: Vec<[String; 6]> = rows
            .iter()
            .map(|row| {
                [
                    row.value(row.gap.women),
                    row.value(row.gap.men),
                    row.difference(row.gap.gap, language),
                    row.difference(row.gap.base_gap, language),
                    row.narrowed(language).to_owned(),
                    match (row.gap.one_sex_meets_target, self.options.publish) {
                        (false, _) => String::new(),
                        (true, true) => language.label(Label::Yes).to_owned(),
                        (true, false) => format!("⚑ {}", language.label(Label::OneSex)),
                    },
                ]
            })
            .collect();
        let headers = super::gender::headers(language);
        let name_w =
            rows.iter().map(|r| width(&clean(&r.measure.name))).max().unwrap_or(0).min(NAME).max(width(headers[0]));
        let mut widths = [0usize; 5];
        for ((column, w), header) in widths.iter_mut().enumerate().zip(headers.iter().skip(1)) {
            *w = cells.iter().filter_map(|c| c.get(column)).map(|c| width(c)).max().unwrap_or(0).max(width(header));
        }
        let header = format!(
            "{:<name_w$}  {:>w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {}",
            headers[0],
            headers[1],
            headers[2],
            headers[3],
            headers[4],
            headers[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
        out.text.push_str(INDENT);
        out.bold(&header);
        out.text.push('\n');
        for (row, cell) in rows.iter().zip(&cells) {
            let name = wrap(&clean(&row.measure.name), name_w);
            let line = format!(
                "{INDENT}{:<name_w$}  {:>w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {:<w4$}  {}",
                name.first().map_or("", String::as_str),
                cell[0],
                cell[1],
                cell[2],
                cell[3],
                cell[4],
                cell[5],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3],
                w4 = widths[4]
            );
            let _ = writeln!(out.text, "{}", line.trim_end());
            for more in name.iter().skip(1) {
                let _ = writeln!(out.text, "{INDENT}{more}");
            }
        }
    }

    fn text_judgement(&self, out: &mut Out, node: &NodeStatus, indent: &str) {
        let language = self.language();
        let _ = write!(out.text, "{indent}{}: ", language.label(Label::Judgement));
        out.status(node.reported, language, 0);
        out.text.push('\n');
        match &node.judgement {
            Some(judgement) => {
                out.paragraph(indent, &format!("{}: {}", language.label(Label::Motivation), judgement.motivation));
                let note = super::texts::forecast_note(judgement);
                if judgement.forecast.is_some() || note.is_some() {
                    let _ = write!(out.text, "{indent}{}: ", language.label(Label::Forecast));
                    if let Some(forecast) = judgement.forecast {
                        out.status(forecast, language, 0);
                    }
                    out.text.push('\n');
                    if let Some(note) = note {
                        out.paragraph(&format!("{indent}  "), note);
                    }
                }
            }
            None if self.options.publish => {}
            None => out.paragraph(
                indent,
                &format!("{}: {}", language.label(Label::Suggestion), language.label(Label::NoJudgement)),
            ),
        }
        if node.differs && !self.options.publish {
            let _ = write!(out.text, "{indent}⚑ {}: ", language.label(Label::Suggestion));
            out.status(node.suggested, language, 0);
            let _ = writeln!(out.text, " — {}", language.label(Label::Differs));
        }
    }

    fn text_factor(&self, out: &mut Out, factor: usize) {
        let language = self.language();
        let Some(plan) = self.assessments.scorecard().success_factors.get(factor) else { return };
        let heading = format!("{}: {}{}", language.label(Label::SuccessFactor), plan.name, bodies_text(&plan.bodies));
        out.text.push('\n');
        out.paragraph(INDENT, &heading);
        if let Some(node) = self.rollup.success_factors.get(factor)
            && node.judgement.is_some()
        {
            self.text_judgement(out, node, &format!("{INDENT}  "));
        }
        self.text_analyses(out, &plan.id, &format!("{INDENT}  "));
        let rows = self.table(factor);
        if rows.is_empty() {
            let _ = writeln!(out.text, "{INDENT}  {}", language.label(Label::NoMeasures));
            return;
        }
        self.text_table(out, &rows);
        self.text_measure_texts(out, &rows);
        let notes = super::footnotes::footnotes(rows.iter().filter(|row| row.first).map(|row| row.measure));
        for note in notes {
            let marker = note.marker.map_or_else(String::new, |m| format!("[{m}] "));
            out.paragraph(&format!("{INDENT}  "), &format!("{marker}{}", note.text));
        }
    }

    /// The region's analysis texts of a part of the plan.
    fn text_analyses(&self, out: &mut Out, id: &str, indent: &str) {
        for analysis in self.texts.analyses(id) {
            out.prose(indent, analysis);
        }
    }

    /// The verdicts and analyses of the table's measures, under the table.
    fn text_measure_texts(&self, out: &mut Out, rows: &[TableRow<'_>]) {
        let language = self.language();
        let indent = format!("{INDENT}  ");
        for row in rows.iter().filter(|row| row.first) {
            let verdicts = self.texts.verdicts(row.index);
            let analyses = self.texts.analyses(&row.measure.id);
            if verdicts.is_empty() && analyses.is_empty() {
                continue;
            }
            out.text.push('\n');
            out.paragraph(&indent, &row.measure.name);
            for verdict in verdicts {
                if let Some(analysis) = verdict.analysis.as_deref() {
                    out.prose(&format!("{indent}  "), analysis);
                }
                let sex = verdict
                    .sex
                    .filter(|_| row.split)
                    .map_or_else(String::new, |sex| format!(" ({})", language.sex(sex).to_lowercase()));
                let _ = write!(out.text, "{indent}{}{sex}: ", language.label(Label::MeasureVerdict));
                out.status(verdict.status, language, 0);
                out.text.push('\n');
                if let Some(motivation) = super::texts::verdict_motivation(verdict) {
                    out.paragraph(&format!("{indent}  "), motivation);
                }
            }
            for analysis in analyses.iter().filter(|a| !verdicts.iter().any(|v| v.analysis.as_ref() == Some(*a))) {
                out.prose(&format!("{indent}  "), analysis);
            }
        }
    }

    fn text_table(&self, out: &mut Out, rows: &[TableRow<'_>]) {
        let language = self.language();
        let target_header = format!("{} {}", language.label(Label::Target), self.assessments.period().year);
        let headers = [
            language.label(Label::Measure),
            language.label(Label::Body),
            language.label(Label::Sex),
            target_header.as_str(),
            language.label(Label::Value),
            language.label(Label::Fulfilment),
            language.label(Label::Trend),
        ];
        let show_value = self.options.shows(ReportColumn::Value);
        let values: Vec<String> = rows
            .iter()
            .map(|row| {
                let verdict = &row.assessment.verdict;
                verdict.value.map(|v| crate::assess::value_text(v, verdict.rule, row.measure)).unwrap_or_default()
            })
            .collect();
        let column = |limit: usize, header: &str, cell: &dyn Fn(&TableRow<'_>) -> usize| {
            rows.iter().map(cell).max().unwrap_or(0).min(limit).max(width(header))
        };
        let name_w = column(NAME, headers[0], &|r| width(&clean(&r.measure.name)));
        let body_w = column(usize::MAX, headers[1], &|r| r.measure.body.as_deref().map_or(0, |b| width(&clean(b))));
        let sex_w = width(headers[2]);
        let target_w = column(TARGET, headers[3], &|r| width(&clean(&r.target)));
        let value_w = values.iter().map(|v| width(v)).max().unwrap_or(0).max(width(headers[4]));
        let status_w = Status::ALL
            .iter()
            .map(|&s| width(language.status(s)).saturating_add(2))
            .max()
            .unwrap_or(0)
            .max(width(headers[5]));
        let _ = write!(out.text, "{INDENT}");
        let value_header = if show_value { format!("{:>value_w$}  ", headers[4]) } else { String::new() };
        let header = format!(
            "{:<name_w$}  {:<body_w$}  {:<sex_w$}  {:<target_w$}  {value_header}{:<status_w$}  {}",
            headers[0], headers[1], headers[2], headers[3], headers[5], headers[6]
        );
        out.bold(&header);
        out.text.push('\n');
        for (row, value) in rows.iter().zip(&values) {
            let name = if row.first { wrap(&clean(&row.measure.name), name_w) } else { vec![String::new()] };
            let body = if row.first { clean(row.measure.body.as_deref().unwrap_or("")) } else { String::new() };
            let target =
                if row.target.is_empty() { vec!["–".to_owned()] } else { wrap(&clean(&row.target), target_w) };
            let sex = if row.split { language.sex_code(row.assessment.sex) } else { "" };
            let _ = write!(
                out.text,
                "{INDENT}{:<name_w$}  {body:<body_w$}  {sex:<sex_w$}  {:<target_w$}  ",
                name.first().map_or("", String::as_str),
                target.first().map_or("", String::as_str)
            );
            if show_value {
                let _ = write!(out.text, "{value:>value_w$}  ");
            }
            let arrow = row.assessment.verdict.trend.arrow();
            let flag = row.verdict.is_some() && row.differs() && !self.options.publish;
            out.status(row.reported, language, if arrow.is_empty() && !flag { 0 } else { status_w });
            if !arrow.is_empty() {
                let _ = write!(out.text, "  {arrow}");
            }
            if flag {
                let _ = write!(out.text, "  ⚑ {}: ", language.label(Label::Computed));
                out.status(row.assessment.verdict.status, language, 0);
            }
            out.text.push('\n');
            for line in 1..name.len().max(target.len()) {
                let n = name.get(line).map_or("", String::as_str);
                let t = target.get(line).map_or("", String::as_str);
                let line = format!("{INDENT}{n:<name_w$}  {:<body_w$}  {:<sex_w$}  {t}", "", "");
                let _ = writeln!(out.text, "{}", line.trim_end());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("Andel patienter som får vård", 12), ["Andel", "patienter", "som får vård"]);
        assert_eq!(wrap("Sjukvårdshuvudmannaskap", 10), ["Sjukvårdsh", "uvudmannas", "kap"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(clean("a\x1b[31mb\nc"), "a [31mb c");
    }
}
