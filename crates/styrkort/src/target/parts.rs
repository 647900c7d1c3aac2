//! The grammar of the forms made of parts (per sex, per period, composite) and of the whole
//! text (monitoring phrases, milestones), on top of the atomic forms of [`super::parser`].

use super::lexer::TokKind;
use super::parser::{Expect, Parser};
use super::vocab::{self, any_ci};
use super::{
    Component, Composite, Level, NoTargetReason, PerPeriod, PerSex, PeriodPart, SexPart, Target, TargetForm, Unit,
};
use crate::model::{ReportPoint, Sex};

/// What the whole text turned out to be.
pub(crate) enum Whole {
    /// A typed form.
    Form(TargetForm),
    /// No target; the caller keeps the text.
    None(NoTargetReason),
    /// An activity's deliverable; the caller keeps the text.
    Milestone,
}

impl Parser<'_> {
    /// Parses the whole token list, or records why not.
    pub fn whole(&mut self) -> Option<Whole> {
        let n = self.toks.len();
        if let Some(reason) = self.no_target() {
            return Some(Whole::None(reason));
        }
        if self.report_label(0).is_some() {
            if let Some((form, end)) = self.per_period(0)
                && end == n
            {
                return Some(Whole::Form(form));
            }
        } else if let Some(form) = self.components() {
            return Some(Whole::Form(form));
        }
        let milestone = (0..n).any(|i| self.is_any(i, vocab::MILESTONE));
        milestone.then_some(Whole::Milestone)
    }

    /// "Följa utvecklingen", "Efter behov", "Ingångsvärde", "-" as the whole text.
    fn no_target(&self) -> Option<NoTargetReason> {
        const FORMS: [(&[&str], NoTargetReason); 18] = [
            (&["följa", "utvecklingen"], NoTargetReason::Monitor),
            (&["följa", "upp"], NoTargetReason::Monitor),
            (&["följs", "upp"], NoTargetReason::Monitor),
            (&["följa"], NoTargetReason::Monitor),
            (&["följs"], NoTargetReason::Monitor),
            (&["bevaka", "utvecklingen"], NoTargetReason::Monitor),
            (&["uppföljning"], NoTargetReason::Monitor),
            (&["efter", "behov"], NoTargetReason::AsNeeded),
            (&["vid", "behov"], NoTargetReason::AsNeeded),
            (&["ingångsvärde", "tas", "fram"], NoTargetReason::BaselineToEstablish),
            (&["ingångsvärde"], NoTargetReason::BaselineToEstablish),
            (&["nytt", "mått"], NoTargetReason::BaselineToEstablish),
            (&["inget", "mål"], NoTargetReason::Missing),
            (&["ingen", "målnivå"], NoTargetReason::Missing),
            (&["ej", "aktuellt"], NoTargetReason::Missing),
            (&["inte", "aktuellt"], NoTargetReason::Missing),
            (&["saknas"], NoTargetReason::Missing),
            (&["ej", "tillämpligt"], NoTargetReason::Missing),
        ];
        let n = self.toks.len();
        if n > 0 && self.toks.iter().all(|t| t.kind == TokKind::Dash) {
            return Some(NoTargetReason::Missing);
        }
        FORMS.iter().find_map(|(words, reason)| (self.phrase(0, words) == Some(n)).then_some(*reason))
    }

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
        if (self.is(i + 1, "och") || self.is_kind(i + 1, TokKind::Slash))
            && let Some(second) = sex(self, i + 2)
        {
            return Some(([Some(first), Some(second)], i + 3));
        }
        Some(([Some(first), None], i + 1))
    }

    /// Per sex with markers first: "K 16,0 % M 17,2 %", "K40", "K: 65 % M:65 %", "K och M 90 %".
    pub fn per_sex(&mut self, i: usize, year: Option<i32>) -> Option<(TargetForm, usize)> {
        let mut sexes = Vec::new();
        let mut k = i;
        while let Some((markers, m)) = self.sex_marker(k) {
            let t = m + usize::from(self.is_kind(m, TokKind::Colon));
            let Some((form, end)) = self.atomic(t, false) else {
                self.fail_after(k, t, Expect::TargetAfter);
                return None;
            };
            let target = Target::from(form);
            for sex in markers.into_iter().flatten() {
                sexes.push(SexPart { sex, target: target.clone() });
            }
            k = end;
            let next = k + usize::from(self.is_sex_separator(k));
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
            sexes.push(SexPart {
                sex,
                target: Target::from(TargetForm::Level(Level { value, unit: Unit::None, year: None })),
            });
            k = j + 1;
            let next = k + usize::from(self.is_sex_separator(k));
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
            return match self.small_int(k + 1)? {
                4 => Some((ReportPoint::April, k + 2)),
                8 => Some((ReportPoint::August, k + 2)),
                _ => None,
            };
        }
        if self.is(k, "t") && self.toks.get(k + 1).is_some_and(|t| t.glued) {
            return match self.small_int(k + 1)? {
                1 => Some((ReportPoint::April, k + 2)),
                2 => Some((ReportPoint::August, k + 2)),
                3 => Some((ReportPoint::Annual, k + 2)),
                _ => None,
            };
        }
        if self.is(k, "helår") || (self.is_any(k, &["år", "ar"]) && self.is_kind(k + 1, TokKind::Colon)) {
            return Some((ReportPoint::Annual, k + 1));
        }
        None
    }

    /// Per period: "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %", "DÅ 04: 61 %".
    fn per_period(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let mut periods = Vec::new();
        let mut k = i;
        while let Some((report, m)) = self.report_label(k) {
            let t = m + usize::from(self.is_kind(m, TokKind::Colon));
            let Some((form, end)) = self.atomic(t, true) else {
                self.fail_after(k, t, Expect::TargetAfter);
                return None;
            };
            periods.push(PeriodPart { report, target: Target::from(form) });
            k = end;
            let next =
                k + usize::from(matches!(self.kind(k), Some(TokKind::Comma | TokKind::Semicolon | TokKind::Slash)));
            if self.report_label(next).is_none() {
                break;
            }
            k = next;
        }
        if k < self.toks.len() {
            let at = self.start_of(k);
            self.fail((at, self.toks[k].end), Expect::Unexpected);
        }
        (!periods.is_empty()).then_some((TargetForm::PerPeriod(PerPeriod { periods }), k))
    }

    /// One atomic form, or labelled/unlabelled components: "Somatisk vård, Öka Psykiatrisk vård,
    /// Minska", "2020: 4,8 %, Kort: 49 %, Lång: 51 %", "20 personer/ 12 kommuner".
    fn components(&mut self) -> Option<TargetForm> {
        let n = self.toks.len();
        let first = self.atomic(0, true);
        if let Some((_, end)) = &first
            && *end == n
        {
            return first.map(|(form, _)| form);
        }
        let mut components = Vec::new();
        let mut k = 0;
        if let Some((form, end)) = first {
            components.push(Component { label: None, target: Target::from(form) });
            k = end;
        }
        while k < n {
            if !components.is_empty() && self.is_separator(k) {
                k += 1;
                if k == n {
                    self.fail_after(k - 1, k, Expect::TargetAfter);
                    return None;
                }
            }
            if !components.is_empty()
                && let Some((form, end)) = self.atomic(k, true)
            {
                components.push(Component { label: None, target: Target::from(form) });
                k = end;
                continue;
            }
            let start = k;
            while self
                .word(k)
                .is_some_and(|w| !vocab::is_keyword(w) && vocab::number_word(w).is_none() && !any_ci(w, &["år", "ar"]))
            {
                k += 1;
            }
            if k == start {
                let at = self.start_of(k);
                let end = self.toks.get(k).map_or(at, |t| t.end);
                self.fail((at, end), Expect::Unexpected);
                return None;
            }
            if k == n {
                let (at, end) = (self.start_of(start), self.end_before(k));
                self.fail((at, end), Expect::Unknown);
                return None;
            }
            let label = self.text(start, k);
            if matches!(self.kind(k), Some(TokKind::Colon | TokKind::Comma)) {
                k += 1;
            }
            let Some((form, end)) = self.atomic(k, true) else {
                self.fail_after(start, k, Expect::TargetAfter);
                return None;
            };
            components.push(Component { label: Some(label), target: Target::from(form) });
            k = end;
        }
        Some(TargetForm::Composite(Composite { components }))
    }
}
