//! The Markdown rendering: headings per perspective, goal and success factor, and the tables
//! as the region's own appendix sets them (`Styrmått | Styrelse/nämnd | K/M | Mål <år> |
//! Måluppfyllelse | Utveckling`, the name written once per measure). Text from the data is
//! escaped so that `<`, `&`, `*`, `|` and the like show as themselves.

use super::language::{Label, status_shape};
use super::{Language, Report};
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

fn status(status: Status, language: Language) -> String {
    format!("{} {}", status_shape(status), language.status(status))
}

impl Report {
    /// The report as Markdown (GitHub-flavoured tables).
    pub fn to_markdown(&self) -> String {
        let language = self.language;
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
        for node in &self.outline.perspectives {
            let Some(summary) = rollup.perspectives.get(node.index) else { continue };
            let _ = writeln!(out, "\n## {}: {}\n", language.label(Label::Perspective), escape_markdown(&summary.name));
            let _ = writeln!(out, "{}", escape_markdown(&summary.sentence));
            for goal in &node.goals {
                let Some(status) = rollup.goals.get(goal.index) else { continue };
                let _ = writeln!(out, "\n### {}: {}\n", language.label(Label::Goal), escape_markdown(&status.name));
                self.markdown_judgement(&mut out, status);
                for factor in &goal.factors {
                    self.markdown_factor(&mut out, factor.index);
                }
            }
        }
        self.markdown_gender(&mut out);
        out
    }

    fn markdown_gender(&self, out: &mut String) {
        let language = self.language;
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
                if row.gap.one_sex_meets_target { "⚑" } else { "" },
            );
        }
    }

    fn markdown_legend(&self, out: &mut String) {
        let language = self.language;
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
        let language = self.language;
        let _ = writeln!(out, "- **{}:** {}", language.label(Label::Judgement), status(node.reported, language));
        match &node.judgement {
            Some(judgement) => {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    language.label(Label::Motivation),
                    escape_markdown(&judgement.motivation)
                );
                let forecast = match (judgement.forecast, &judgement.forecast_note) {
                    (Some(f), Some(note)) => Some(format!("{} — {}", status(f, language), escape_markdown(note))),
                    (Some(f), None) => Some(status(f, language)),
                    (None, Some(note)) => Some(escape_markdown(note)),
                    (None, None) => None,
                };
                if let Some(forecast) = forecast {
                    let _ = writeln!(out, "- **{}:** {forecast}", language.label(Label::Forecast));
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    language.label(Label::Suggestion),
                    language.label(Label::NoJudgement)
                );
            }
        }
        if node.differs {
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
        let language = self.language;
        let Some(plan) = self.assessments.scorecard().success_factors.get(factor) else { return };
        let _ = write!(out, "\n#### {}: {}", language.label(Label::SuccessFactor), escape_markdown(&plan.name));
        if !plan.bodies.is_empty() {
            let _ = write!(out, " ({})", escape_markdown(&plan.bodies.join(", ")));
        }
        out.push_str("\n\n");
        if let Some(node) = self.rollup.success_factors.get(factor)
            && node.judgement.is_some()
        {
            self.markdown_judgement(out, node);
            out.push('\n');
        }
        let rows = self.table(factor);
        if rows.is_empty() {
            let _ = writeln!(out, "*{}*", language.label(Label::NoMeasures));
            return;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} {} | {} | {} |\n|---|---|---|---|---|---|",
            language.label(Label::Measure),
            language.label(Label::Body),
            language.label(Label::Sex),
            language.label(Label::Target),
            self.assessments.period().year,
            language.label(Label::Fulfilment),
            language.label(Label::Trend),
        );
        for row in &rows {
            let (name, body) = if row.first {
                (escape_markdown(&row.measure.name), escape_markdown(row.measure.body.as_deref().unwrap_or("")))
            } else {
                (String::new(), String::new())
            };
            let sex = if row.split { language.sex_code(row.assessment.sex) } else { "" };
            let _ = writeln!(
                out,
                "| {name} | {body} | {sex} | {} | {} | {} |",
                escape_markdown(row.target),
                status(row.assessment.verdict.status, language),
                row.assessment.verdict.trend.arrow()
            );
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
