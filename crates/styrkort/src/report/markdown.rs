//! The Markdown rendering: headings per perspective, goal and success factor, and the tables
//! as the region's own appendix sets them (`Styrmått | Styrelse/nämnd | K/M | Mål <år> |
//! Måluppfyllelse | Utveckling`, the name written once per measure). Text from the data is
//! escaped so that `<`, `&`, `*`, `|` and the like show as themselves.

use super::language::{Label, status_shape};
use super::{Language, Report, ReportColumn};
use crate::assess::Trend;
use crate::model::Status;
use crate::rollup::NodeStatus;
use std::fmt::Write;

/// `text` as inline Markdown that renders as exactly these characters: the punctuation that
/// CommonMark or GitHub tables give a meaning is backslash-escaped; line breaks become spaces.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len().saturating_add(4));
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// " (RS, RUN)" after a name; nothing without bodies.
fn bodies_md(bodies: &[String]) -> String {
    if bodies.is_empty() { String::new() } else { format!(" ({})", escape_markdown(&bodies.join(", "))) }
}

/// A text of the region as Markdown paragraphs, each after an empty line.
fn paragraphs_md(out: &mut String, text: &str) {
    for paragraph in crate::model::analysis::paragraphs(text) {
        let _ = writeln!(out, "\n{}", escape_markdown(paragraph));
    }
}

fn status(status: Status, language: Language) -> String {
    format!("{} {}", status_shape(status), language.status(status))
}

impl Report {
    /// The report as Markdown (GitHub-flavoured tables).
    pub fn to_markdown(&self) -> String {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let rollup = &self.rollup;
        let mut out = String::with_capacity(self.row_count().saturating_mul(160).saturating_add(8_192));
        let _ = writeln!(out, "# {}\n", language.label(Label::Title));
        let _ = write!(
            out,
            "{} · {} · {}",
            escape_markdown(&scorecard.organisation),
            escape_markdown(&scorecard.name),
            escape_markdown(&self.period_label())
        );
        if self.unit.is_some() {
            let _ = write!(out, " · {}: {}", language.label(Label::Unit), escape_markdown(self.unit_name()));
        }
        if let Some(introduction) = scorecard.introduction.as_deref() {
            let _ = writeln!(out, "\n\n## {}", language.label(Label::Introduction));
            paragraphs_md(&mut out, introduction);
        }
        let _ = writeln!(out, "\n\n## {}\n", language.label(Label::Summary));
        let _ = writeln!(out, "{}\n", escape_markdown(&rollup.sentence));
        if let Some(forecast) = &rollup.forecast_sentence {
            let _ = writeln!(out, "{}\n", escape_markdown(forecast));
        }
        let _ = writeln!(out, "*{}*\n", escape_markdown(language.label(Label::JudgementNote)));
        let _ = write!(out, "| {} |", language.label(Label::Perspective));
        for s in Status::ALL {
            let _ = write!(out, " {} |", status(s, language));
        }
        let _ = writeln!(out, " {} |\n|---|---:|---:|---:|---:|---:|", language.label(Label::Total));
        for summary in &rollup.perspectives {
            let _ = write!(out, "| {} |", escape_markdown(&summary.name));
            for s in Status::ALL {
                let _ = write!(out, " {} |", summary.goals.get(s));
            }
            let _ = writeln!(out, " {} |", summary.goals.total());
        }
        let _ = write!(out, "| **{}** |", language.label(Label::Total));
        for s in Status::ALL {
            let _ = write!(out, " **{}** |", rollup.total.get(s));
        }
        let _ = writeln!(out, " **{}** |\n", rollup.total.total());
        self.markdown_legend(&mut out);
        self.markdown_overview(&mut out);
        for node in &self.outline.perspectives {
            let Some(summary) = rollup.perspectives.get(node.index) else { continue };
            let plan = scorecard.perspectives.get(node.index);
            let _ = writeln!(out, "\n## {}: {}", language.label(Label::Perspective), escape_markdown(&summary.name));
            if let Some(introduction) = plan.and_then(|p| p.introduction.as_deref()) {
                paragraphs_md(&mut out, introduction);
            }
            if let Some(plan) = plan {
                self.markdown_analyses(&mut out, &plan.id);
            }
            let _ = writeln!(out, "\n{}", escape_markdown(&summary.sentence));
            for goal in &node.goals {
                let Some(status) = rollup.goals.get(goal.index) else { continue };
                let bodies = scorecard.goals.get(goal.index).map_or(&[][..], |g| g.bodies.as_slice());
                let _ = writeln!(
                    out,
                    "\n### {}: {}{}\n",
                    language.label(Label::Goal),
                    escape_markdown(&status.name),
                    bodies_md(bodies)
                );
                self.markdown_judgement(&mut out, status);
                self.markdown_analyses(&mut out, &status.id);
                for factor in &goal.factors {
                    self.markdown_factor(&mut out, factor.index);
                }
            }
        }
        self.markdown_gender(&mut out);
        out
    }

    fn markdown_gender(&self, out: &mut String) {
        let language = self.language();
        let _ = writeln!(out, "\n## {}\n\n{}\n", language.label(Label::Gender), language.label(Label::GenderIntro));
        let rows = self.gender_rows();
        if rows.is_empty() {
            let _ = writeln!(out, "*{}*", language.label(Label::NoGender));
            return;
        }
        let _ =
            writeln!(out, "| {} |\n|---|---:|---:|---:|---:|---|---|", super::gender::headers(language).join(" | "));
        for row in &rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape_markdown(&row.measure.name),
                row.value(row.gap.women),
                row.value(row.gap.men),
                row.difference(row.gap.gap, language),
                row.difference(row.gap.base_gap, language),
                row.narrowed(language),
                match (row.gap.one_sex_meets_target, self.options.publish) {
                    (false, _) => "",
                    (true, true) => language.label(Label::Yes),
                    (true, false) => "⚑",
                },
            );
        }
    }

    fn markdown_legend(&self, out: &mut String) {
        let language = self.language();
        let labels: Vec<String> = Status::ALL.iter().map(|&s| status(s, language)).collect();
        let trends: Vec<String> = [Trend::Improved, Trend::Unchanged, Trend::Worsened]
            .iter()
            .map(|&t| format!("{} {}", t.arrow(), language.trend(t).to_lowercase()))
            .collect();
        let _ = writeln!(
            out,
            "**{}:** {} · {}: {} ({})",
            language.label(Label::Legend),
            labels.join(" · "),
            language.label(Label::TrendLegend),
            trends.join(", "),
            language.label(Label::NoTrend)
        );
    }

    fn markdown_judgement(&self, out: &mut String, node: &NodeStatus) {
        let language = self.language();
        let _ = writeln!(out, "- **{}:** {}", language.label(Label::Judgement), status(node.reported, language));
        match &node.judgement {
            Some(judgement) => {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    language.label(Label::Motivation),
                    escape_markdown(&judgement.motivation)
                );
                let forecast = match (judgement.forecast, super::texts::forecast_note(judgement)) {
                    (Some(f), Some(note)) => Some(format!("{} — {}", status(f, language), escape_markdown(note))),
                    (Some(f), None) => Some(status(f, language)),
                    (None, Some(note)) => Some(escape_markdown(note)),
                    (None, None) => None,
                };
                if let Some(forecast) = forecast {
                    let _ = writeln!(out, "- **{}:** {forecast}", language.label(Label::Forecast));
                }
            }
            None if self.options.publish => {}
            None => {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    language.label(Label::Suggestion),
                    language.label(Label::NoJudgement)
                );
            }
        }
        if node.differs && !self.options.publish {
            let _ = writeln!(
                out,
                "- ⚑ **{}:** {}. {}",
                language.label(Label::Suggestion),
                status(node.suggested, language),
                language.label(Label::Differs)
            );
        }
    }

    fn markdown_factor(&self, out: &mut String, factor: usize) {
        let language = self.language();
        let Some(plan) = self.assessments.scorecard().success_factors.get(factor) else { return };
        let _ = write!(
            out,
            "\n#### {}: {}{}",
            language.label(Label::SuccessFactor),
            escape_markdown(&plan.name),
            bodies_md(&plan.bodies)
        );
        out.push_str("\n\n");
        if let Some(node) = self.rollup.success_factors.get(factor)
            && node.judgement.is_some()
        {
            self.markdown_judgement(out, node);
            out.push('\n');
        }
        self.markdown_analyses(out, &plan.id);
        let rows = self.table(factor);
        if rows.is_empty() {
            let _ = writeln!(out, "*{}*", language.label(Label::NoMeasures));
            return;
        }
        let value = self.options.shows(ReportColumn::Value);
        let _ = write!(
            out,
            "| {} | {} | {} | {} {} |",
            language.label(Label::Measure),
            language.label(Label::Body),
            language.label(Label::Sex),
            language.label(Label::Target),
            self.assessments.period().year,
        );
        if value {
            let _ = write!(out, " {} |", language.label(Label::Value));
        }
        let _ = writeln!(
            out,
            " {} | {} |\n|---|---|---|---|{}---|---|",
            language.label(Label::Fulfilment),
            language.label(Label::Trend),
            if value { "---:|" } else { "" }
        );
        for row in &rows {
            let (name, body) = if row.first {
                (escape_markdown(&row.measure.name), escape_markdown(row.measure.body.as_deref().unwrap_or("")))
            } else {
                (String::new(), String::new())
            };
            let sex = if row.split { language.sex_code(row.assessment.sex) } else { "" };
            let _ = write!(out, "| {name} | {body} | {sex} | {} |", escape_markdown(&row.target));
            if value {
                let verdict = &row.assessment.verdict;
                let text = verdict.value.map(|v| crate::assess::value_text(v, verdict.rule, row.measure));
                let _ = write!(out, " {} |", escape_markdown(text.as_deref().unwrap_or("")));
            }
            let mut fulfilment = status(row.reported, language);
            if row.verdict.is_some() && row.differs() && !self.options.publish {
                let _ = write!(
                    fulfilment,
                    " (⚑ {}: {})",
                    language.label(Label::Computed),
                    status(row.assessment.verdict.status, language)
                );
            }
            let _ = writeln!(out, " {fulfilment} | {} |", row.assessment.verdict.trend.arrow());
        }
        self.markdown_measure_texts(out, &rows);
        let notes = super::footnotes::footnotes(rows.iter().filter(|row| row.first).map(|row| row.measure));
        if !notes.is_empty() {
            out.push('\n');
            for note in notes {
                match note.marker {
                    Some(marker) => {
                        let _ = writeln!(
                            out,
                            "<sup>\\[{}\\]</sup> {}  ",
                            escape_markdown(marker),
                            escape_markdown(note.text)
                        );
                    }
                    None => {
                        let _ = writeln!(out, "{}  ", escape_markdown(note.text));
                    }
                }
            }
        }
    }

    /// The region's analysis texts of a part of the plan, as paragraphs.
    fn markdown_analyses(&self, out: &mut String, id: &str) {
        for analysis in self.texts.analyses(id) {
            paragraphs_md(out, analysis);
        }
    }

    /// The verdicts and analyses of the table's measures, under the table.
    fn markdown_measure_texts(&self, out: &mut String, rows: &[super::TableRow<'_>]) {
        let language = self.language();
        for row in rows.iter().filter(|row| row.first) {
            let verdicts = self.texts.verdicts(row.index);
            let analyses = self.texts.analyses(&row.measure.id);
            if verdicts.is_empty() && analyses.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n**{}**", escape_markdown(&row.measure.name));
            for verdict in verdicts {
                if let Some(analysis) = verdict.analysis.as_deref() {
                    paragraphs_md(out, analysis);
                }
                let sex = verdict
                    .sex
                    .filter(|_| row.split)
                    .map_or_else(String::new, |sex| format!(" ({})", language.sex(sex).to_lowercase()));
                let motivation = super::texts::verdict_motivation(verdict)
                    .map_or_else(String::new, |m| format!(" — {}", escape_markdown(m)));
                let _ = writeln!(
                    out,
                    "\n{}{sex}: {}{motivation}",
                    language.label(Label::MeasureVerdict),
                    status(verdict.status, language),
                );
            }
            for analysis in analyses.iter().filter(|a| !verdicts.iter().any(|v| v.analysis.as_ref() == Some(*a))) {
                paragraphs_md(out, analysis);
            }
        }
    }

    /// The overview of goals and success factors: `Strategiskt mål | Framgångsfaktor`.
    fn markdown_overview(&self, out: &mut String) {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let _ = writeln!(
            out,
            "\n## {}\n\n| {} | {} | {} |\n|---|---|---|",
            language.label(Label::Overview),
            language.label(Label::Goal),
            language.label(Label::SuccessFactor),
            language.label(Label::Judgement)
        );
        for node in &self.outline.perspectives {
            let Some(perspective) = scorecard.perspectives.get(node.index) else { continue };
            let _ = writeln!(
                out,
                "| **{}: {}** | | |",
                language.label(Label::Perspective),
                escape_markdown(&perspective.name)
            );
            for goal in &node.goals {
                let Some(plan) = scorecard.goals.get(goal.index) else { continue };
                let reported = self.rollup.goals.get(goal.index).map(|g| status(g.reported, language));
                let goal_cell = format!("{}{}", escape_markdown(&plan.name), bodies_md(&plan.bodies));
                if goal.factors.is_empty() {
                    let _ = writeln!(out, "| {goal_cell} | | {} |", reported.as_deref().unwrap_or_default());
                }
                for (position, factor) in goal.factors.iter().enumerate() {
                    let Some(factor_plan) = scorecard.success_factors.get(factor.index) else { continue };
                    let factor_cell =
                        format!("{}{}", escape_markdown(&factor_plan.name), bodies_md(&factor_plan.bodies));
                    if position == 0 {
                        let _ = writeln!(
                            out,
                            "| {goal_cell} | {factor_cell} | {} |",
                            reported.as_deref().unwrap_or_default()
                        );
                    } else {
                        let _ = writeln!(out, "| | {factor_cell} | |");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(escape_markdown(r#"<b>&"x"</b>"#), r#"\<b\>\&"x"\</b\>"#);
        assert_eq!(escape_markdown("a | b *c*\nd"), r"a \| b \*c\* d");
        assert_eq!(escape_markdown("16,0 % – Öka"), "16,0 % – Öka");
    }
}
