//! Finding one's way in the HTML report: the table of contents (anchors to the summary, the
//! overview, each perspective and goal, and the gender section) and the overview table of the
//! region's report, `Strategiskt mål | Framgångsfaktor`, with the bodies after each name.

use super::Report;
use super::html::{SV, badge, bodies_after, text};
use super::language::Label;
use std::fmt::Write;

impl Report {
    /// The table of contents.
    pub(crate) fn html_contents(&self, out: &mut String) {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let _ = write!(
            out,
            "<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">{}</h2>\n<ol>\n",
            language.label(Label::Contents)
        );
        if scorecard.introduction.is_some() {
            let _ = writeln!(out, "<li><a href=\"#introduction\">{}</a></li>", language.label(Label::Introduction));
        }
        let _ = writeln!(out, "<li><a href=\"#summary\">{}</a></li>", language.label(Label::Summary));
        let _ = writeln!(out, "<li><a href=\"#overview\">{}</a></li>", language.label(Label::Overview));
        for node in &self.outline.perspectives {
            let Some(perspective) = scorecard.perspectives.get(node.index) else { continue };
            let _ = write!(out, "<li><a href=\"#p{}\"{SV}>", node.index);
            text(out, &perspective.name);
            out.push_str("</a>");
            if !node.goals.is_empty() {
                out.push_str("\n<ol>\n");
                for goal in &node.goals {
                    let Some(plan) = scorecard.goals.get(goal.index) else { continue };
                    let _ = write!(out, "<li><a href=\"#g{}\"{SV}>", goal.index);
                    text(out, &plan.name);
                    out.push_str("</a></li>\n");
                }
                out.push_str("</ol>");
            }
            out.push_str("</li>\n");
        }
        let _ = writeln!(out, "<li><a href=\"#gender\">{}</a></li>\n</ol>\n</nav>", language.label(Label::Gender));
    }

    /// The overview of every perspective's goals and their success factors, linked to their
    /// sections, with each goal's reported status.
    pub(crate) fn html_overview(&self, out: &mut String) {
        let language = self.language();
        let scorecard = self.assessments.scorecard();
        let _ = write!(
            out,
            "<section class=\"plan-overview\" aria-labelledby=\"overview\">\n<h2 id=\"overview\">{}</h2>\n<div class=\"table-wrap\"><table class=\"overview-table\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n",
            language.label(Label::Overview),
            language.label(Label::Goal),
            language.label(Label::SuccessFactor),
            language.label(Label::Judgement),
        );
        for node in &self.outline.perspectives {
            let Some(perspective) = scorecard.perspectives.get(node.index) else { continue };
            let _ = write!(
                out,
                "<tbody{SV}>\n<tr class=\"group\"><th scope=\"colgroup\" colspan=\"3\">{}: ",
                language.label(Label::Perspective)
            );
            text(out, &perspective.name);
            out.push_str("</th></tr>\n");
            for goal in &node.goals {
                let Some(plan) = scorecard.goals.get(goal.index) else { continue };
                let span = goal.factors.len().max(1);
                let rowspan = if span > 1 { format!(" rowspan=\"{span}\"") } else { String::new() };
                let _ = write!(out, "<tr><th scope=\"row\"{rowspan}><a href=\"#g{}\">", goal.index);
                text(out, &plan.name);
                out.push_str("</a>");
                bodies_after(out, &plan.bodies);
                out.push_str("</th>");
                let status = |out: &mut String| {
                    let _ = write!(out, "<td{rowspan} class=\"status\">");
                    if let Some(node) = self.rollup.goals.get(goal.index) {
                        badge(out, node.reported, language);
                    }
                    out.push_str("</td>");
                };
                if goal.factors.is_empty() {
                    out.push_str("<td></td>");
                    status(out);
                    out.push_str("</tr>\n");
                }
                for (position, factor) in goal.factors.iter().enumerate() {
                    if position > 0 {
                        out.push_str("<tr>");
                    }
                    let Some(factor_plan) = scorecard.success_factors.get(factor.index) else {
                        out.push_str("<td></td></tr>\n");
                        continue;
                    };
                    let _ = write!(out, "<td><a href=\"#f{}\">", factor.index);
                    text(out, &factor_plan.name);
                    out.push_str("</a>");
                    bodies_after(out, &factor_plan.bodies);
                    out.push_str("</td>");
                    if position == 0 {
                        status(out);
                    }
                    out.push_str("</tr>\n");
                }
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table></div>\n</section>\n");
    }
}
