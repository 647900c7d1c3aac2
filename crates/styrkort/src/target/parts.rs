//! The grammar of the forms made of parts: per sex ("K 16,0 % M 17,2 %"), per report ("DÅ 04:
//! 56 % DÅ 08: 57 % ÅR: 58 %"), per year ("2025: 60 % 2026: 65 %", "-3,2% (2025) -1% (2026)")
//! and composites of labelled or separated components, on top of the single forms of
//! [`super::atomic`].

use super::atomic::deadline;
use super::error::Expect;
use super::lexer::TokKind;
use super::parser::{Due, Parser};
use super::vocab::{self, any_ci};
use super::{
    Bound, Component, Composite, Level, PerPeriod, PerSex, PerYear, PeriodPart, SexPart, Target, TargetForm, Unit,
    YearPart,
};
use crate::model::{ReportPoint, Sex};

/// How a part of a per-year target names its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearStyle {
    /// "2025: 60 %": a label before the target.
    Label,
    /// "60 % (2025)": a tag after it.
    Tag,
}

impl Parser<'_> {
    /// A sex marker at `i`: "K", "M", "T", "Kvinnor", "Män", "K och M", "K/M".
    pub fn sex_marker(&self, i: usize) -> Option<([Option<Sex>; 2], usize)> {
        let sex = |p: &Self, at: usize| {
            let w = p.word(at)?;
            if any_ci(w, &["k", "kvinnor", "kvinna"]) {
                Some(Sex::Women)
            } else if any_ci(w, &["m", "män", "man"]) {
                Some(Sex::Men)
            } else if any_ci(w, &["t", "totalt", "tot"]) {
                Some(Sex::Total)
            } else {
                None
            }
        };
        let first = sex(self, i)?;
        if (self.is(i.saturating_add(1), "och") || self.is_kind(i.saturating_add(1), TokKind::Slash))
            && let Some(second) = sex(self, i.saturating_add(2))
        {
            return Some(([Some(first), Some(second)], i.saturating_add(3)));
        }
        Some(([Some(first), None], i.saturating_add(1)))
    }

    /// Adds one sex's part, or records that the sex (named by tokens `from..to`) already has one.
    fn add_sex(&mut self, sexes: &mut Vec<SexPart>, sex: Sex, target: &Target, from: usize, to: usize) -> bool {
        if sexes.iter().any(|part| part.sex == sex) {
            self.fail_definite(self.span(from, to), Expect::SameSexTwice);
            return false;
        }
        sexes.push(SexPart { sex, target: target.clone() });
        true
    }

    /// Per sex with markers first: "K 16,0 % M 17,2 %", "K40", "K: 65 % M:65 %", "K och M 90 %".
    pub fn per_sex(&mut self, i: usize, year: Option<i32>) -> Option<(TargetForm, usize)> {
        let mut sexes = Vec::new();
        let mut k = i;
        while let Some((markers, m)) = self.sex_marker(k) {
            let t = m.saturating_add(usize::from(self.is_kind(m, TokKind::Colon)));
            let Some((form, end)) = self.atomic(t, false) else {
                self.fail_after(k, t, Expect::TargetAfter);
                return None;
            };
            let target = Target::from(form);
            for sex in markers.into_iter().flatten() {
                if !self.add_sex(&mut sexes, sex, &target, k, m) {
                    return None;
                }
            }
            k = end;
            let next = k.saturating_add(usize::from(self.is_sex_separator(k)));
            if self.sex_marker(next).is_none() {
                break;
            }
            k = next;
        }
        (!sexes.is_empty()).then_some((TargetForm::PerSex(PerSex { year, sexes }), k))
    }

    /// Per sex with counts first: "150 kvinnor, 150 män".
    pub fn per_sex_counts(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let mut sexes = Vec::new();
        let mut k = i;
        while let Some((value, j)) = self.number(k) {
            let sex = if self.is_any(j, &["kvinnor", "kvinna"]) {
                Sex::Women
            } else if self.is_any(j, &["män", "man"]) {
                Sex::Men
            } else {
                break;
            };
            let target = Target::from(TargetForm::Level(Level { value, unit: Unit::None, year: None }));
            if !self.add_sex(&mut sexes, sex, &target, j, j.saturating_add(1)) {
                return None;
            }
            k = j.saturating_add(1);
            let next = k.saturating_add(usize::from(self.is_sex_separator(k)));
            if self.number(next).is_none() {
                break;
            }
            k = next;
        }
        (!sexes.is_empty()).then_some((TargetForm::PerSex(PerSex { year: None, sexes }), k))
    }

    /// ",", ";", "/", "och", "samt" between parts.
    fn is_separator(&self, k: usize) -> bool {
        matches!(self.kind(k), Some(TokKind::Comma | TokKind::Semicolon | TokKind::Slash))
            || self.is_any(k, &["och", "samt"])
    }

    /// ",", "/", "och" between the parts of a per-sex target (";" separates composite components).
    fn is_sex_separator(&self, k: usize) -> bool {
        matches!(self.kind(k), Some(TokKind::Comma | TokKind::Slash)) || self.is(k, "och")
    }

    /// A report label at `k`: "DÅ 04", "DÅ04", "DA 08", "T1", "ÅR:", "Helår".
    pub fn report_label(&self, k: usize) -> Option<(ReportPoint, usize)> {
        if self.is_any(k, &["då", "da"]) {
            return match self.small_int(k.saturating_add(1))? {
                4 => Some((ReportPoint::April, k.saturating_add(2))),
                8 => Some((ReportPoint::August, k.saturating_add(2))),
                _ => None,
            };
        }
        if self.is(k, "t") && self.glued(k.saturating_add(1)) {
            return match self.small_int(k.saturating_add(1))? {
                1 => Some((ReportPoint::April, k.saturating_add(2))),
                2 => Some((ReportPoint::August, k.saturating_add(2))),
                3 => Some((ReportPoint::Annual, k.saturating_add(2))),
                _ => None,
            };
        }
        if self.is(k, "helår") || (self.is_any(k, &["år", "ar"]) && self.is_kind(k.saturating_add(1), TokKind::Colon))
        {
            return Some((ReportPoint::Annual, k.saturating_add(1)));
        }
        None
    }

    /// Per period: "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %", "DÅ 04: 61 %".
    pub fn per_period(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let mut periods = Vec::new();
        let mut k = i;
        while let Some((report, m)) = self.report_label(k) {
            let t = m.saturating_add(usize::from(self.is_kind(m, TokKind::Colon)));
            let Some((form, end)) = self.atomic(t, true) else {
                self.fail_after(k, t, Expect::TargetAfter);
                return None;
            };
            periods.push(PeriodPart { report, target: Target::from(form) });
            k = end;
            let next = k.saturating_add(usize::from(matches!(
                self.kind(k),
                Some(TokKind::Comma | TokKind::Semicolon | TokKind::Slash)
            )));
            if self.report_label(next).is_none() {
                break;
            }
            k = next;
        }
        if k < self.len() {
            self.fail(self.span(k, k.saturating_add(1)), Expect::Unexpected);
        }
        (!periods.is_empty()).then_some((TargetForm::PerPeriod(PerPeriod { periods }), k))
    }

    /// A year label at `k` that starts a part ("2025:", "2025 K: …"): the year and where its
    /// target starts.
    pub fn year_label(&self, k: usize) -> Option<(i32, usize)> {
        let year = self.year(k)?;
        if self.is_kind(k.saturating_add(1), TokKind::Colon) {
            Some((year, k.saturating_add(2)))
        } else if self.sex_marker(k.saturating_add(1)).is_some() {
            Some((year, k.saturating_add(1)))
        } else {
            None
        }
    }

    /// One part of a per-year target at `k`, labelled ("2025: 60 %") or tagged ("60 % (2025)");
    /// `first`, when given, is the target already read at `k`.
    fn year_part(
        &mut self,
        k: usize,
        first: Option<(TargetForm, usize)>,
    ) -> Option<(i32, TargetForm, YearStyle, usize)> {
        if first.is_none()
            && let Some((year, t)) = self.year_label(k)
        {
            let Some((form, end)) = self.atomic(t, true) else {
                self.fail_after(k, t, Expect::TargetAfter);
                return None;
            };
            return Some((year, form, YearStyle::Label, end));
        }
        let (form, end) = match first {
            Some(found) => found,
            None => self.atomic(k, true)?,
        };
        let (year, after) = self.year_tag(end)?;
        Some((year, form, YearStyle::Tag, after))
    }

    /// Targets tied to years, reaching the end of the text: two or more parts make a
    /// `per_year` ("2025: 60 % 2026: 65 %", "<12% (2025)<11% (2026)"); one tagged part makes a
    /// level or bound due at that year ("75,0 % (2027)") or keeps the year as a note for any
    /// other form. `None` for a single labelled part ("2018: 7,1 %" is a level of that year).
    pub fn yearly(&mut self, mut first: Option<(TargetForm, usize)>) -> Option<(TargetForm, Option<String>)> {
        let mut parts: Vec<YearPart> = Vec::new();
        let mut style = YearStyle::Label;
        let mut k = 0;
        while let Some((year, form, part_style, end)) = self.year_part(k, first.take()) {
            if parts.iter().any(|part| part.year == year) {
                self.fail_definite(self.span(k, end), Expect::SameYearTwice);
                return None;
            }
            parts.push(YearPart { year, target: Target::from(form) });
            style = part_style;
            k = end;
            if k < self.len() && self.is_separator(k) {
                k = k.saturating_add(1);
            }
        }
        if k != self.len() || parts.is_empty() {
            return None;
        }
        if parts.len() > 1 {
            return Some((TargetForm::PerYear(PerYear { years: parts }), None));
        }
        let YearPart { year, target } = parts.pop()?;
        match style {
            YearStyle::Label => None,
            YearStyle::Tag => Some(due_at_year(target.form, year)),
        }
    }

    /// One single form, or two or more components, reaching the end of the text: "Somatisk
    /// vård, Öka Psykiatrisk vård, Minska", "2020: 4,8 %, Kort: 49 %, Lång: 51 %", "20 personer/
    /// 12 kommuner". `first` is the single form already read at the start, if any. A lone
    /// component with a label and a colon ("Kort: 49 %") is that target with the label as its
    /// subject; without a colon it is no target.
    pub fn components(&mut self, first: Option<(TargetForm, usize)>) -> Option<(TargetForm, Option<String>)> {
        let n = self.len();
        let mut components = Vec::new();
        let mut k = 0;
        if let Some((form, end)) = first {
            if end == n {
                return Some((form, None));
            }
            components.push(Component { label: None, target: Target::from(form) });
            k = end;
        }
        while k < n {
            let separated = !components.is_empty() && self.is_separator(k);
            if separated {
                k = k.saturating_add(1);
                if k == n {
                    self.fail_after(k.saturating_sub(1), k, Expect::TargetAfter);
                    return None;
                }
            }
            if !components.is_empty()
                && let Some((form, end)) = self.atomic(k, true)
            {
                if !separated {
                    self.fail_definite(self.span(k, end), Expect::NoSeparator);
                    return None;
                }
                components.push(Component { label: None, target: Target::from(form) });
                k = end;
                continue;
            }
            let start = k;
            while self
                .word(k)
                .is_some_and(|w| !vocab::is_keyword(w) && vocab::number_word(w).is_none() && !any_ci(w, &["år", "ar"]))
            {
                k = k.saturating_add(1);
            }
            if k == start {
                self.fail(self.span(k, k.saturating_add(1)), Expect::Unexpected);
                return None;
            }
            if k == n {
                self.fail(self.span(start, k), Expect::Unknown);
                return None;
            }
            let (label, label_end) = (self.text(start, k), k);
            let colon = self.is_kind(k, TokKind::Colon);
            if colon || self.is_kind(k, TokKind::Comma) {
                k = k.saturating_add(1);
            }
            let Some((form, end)) = self.atomic(k, true) else {
                self.fail_after(start, k, Expect::TargetAfter);
                return None;
            };
            if components.is_empty() && end == n {
                if colon {
                    return Some((form, Some(label)));
                }
                self.fail(self.span(start, label_end), Expect::LoneLabel);
                return None;
            }
            components.push(Component { label: Some(label), target: Target::from(form) });
            k = end;
        }
        // Unlabelled parts that each name their year are a per-year target, which `yearly`
        // refused (the same year twice): no composite either.
        if components.iter().all(|c| c.label.is_none() && names_a_year(&c.target.form)) {
            return None;
        }
        Some((TargetForm::Composite(Composite { components }), None))
    }
}

/// Whether a form is labelled with its year ("2020: 4,8 %", "2018 K: 55 % M: 57 %").
fn names_a_year(form: &TargetForm) -> bool {
    matches!(form, TargetForm::Level(Level { year: Some(_), .. }) | TargetForm::PerSex(PerSex { year: Some(_), .. }))
}

/// A single form tagged with a year ("75,0 % (2027)", "<10 % (2027)"): a level or bound due at
/// the end of that year; any other form keeps the year as its note.
pub(crate) fn due_at_year(form: TargetForm, year: i32) -> (TargetForm, Option<String>) {
    let due = Due { month: 12, year: Some(year) };
    match form {
        TargetForm::Level(Level { value, unit, year: None }) => (deadline(None, value, unit, due), None),
        TargetForm::Bound(Bound { bound, value, unit }) => (deadline(Some(bound), value, unit, due), None),
        form => (form, Some(year.to_string())),
    }
}
