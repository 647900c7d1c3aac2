//! The grammar of the whole text: what has no target ("Basvärde tas fram", "Målvärde
//! saknas", "-"), the typed forms and what they may be tied to (years, a sentence's subject,
//! a label), monitoring ("Följa kostnadsutvecklingen", "Följs upp årligen") and deliverables
//! ("Avtal tecknat"). The order matters: a text with no target is never read as a number ("Ett
//! nytt mått" is not 1 of "nytt mått"), and monitoring and deliverables are only what no typed
//! form reads.

use super::error::Expect;
use super::lexer::TokKind;
use super::parser::Parser;
use super::parts::due_at_year;
use super::vocab;
use super::{NoTargetReason, TargetForm};

/// What the whole text turned out to be.
pub(crate) enum Whole {
    /// A typed form, and the subject of its sentence or label ("Andelen nöjda invånare ska
    /// öka"), kept as the target's note.
    Form {
        /// The form.
        form: TargetForm,
        /// The subject, if any.
        subject: Option<String>,
    },
    /// No target; the caller keeps the text.
    None(NoTargetReason),
    /// An activity's deliverable; the caller keeps the text.
    Milestone,
}

impl Parser<'_> {
    /// Parses the whole token list, or records why not.
    pub fn whole(&mut self) -> Option<Whole> {
        if let Some(reason) = self.no_target() {
            return Some(Whole::None(reason));
        }
        if let Some((form, subject)) = self.typed() {
            return Some(Whole::Form { form, subject });
        }
        if self.monitoring() {
            return Some(Whole::None(NoTargetReason::Monitor));
        }
        let n = self.len();
        if (0..n).any(|i| self.word(i).is_some_and(vocab::is_deliverable)) {
            return Some(Whole::Milestone);
        }
        if let Some(i) = (0..n).find(|&i| self.is_kind(i, TokKind::BadNumber)) {
            self.fail_definite(self.span(i, i.saturating_add(1)), Expect::BadNumber);
        }
        None
    }

    /// The typed forms: per report, per year, one form (due at a year or not), a composite, a
    /// labelled form or a sentence.
    fn typed(&mut self) -> Option<(TargetForm, Option<String>)> {
        let n = self.len();
        if self.report_label(0).is_some() {
            return match self.per_period(0) {
                Some((form, end)) if end == n => Some((form, None)),
                _ => None,
            };
        }
        if self.year_label(0).is_some()
            && let Some(found) = self.yearly(None)
        {
            return Some(found);
        }
        let first = self.atomic(0, true);
        let found = match &first {
            Some((_, end)) if self.year_tag(*end).is_some() => self.yearly(first.clone()),
            _ => None,
        };
        found.or_else(|| self.components(first)).or_else(|| self.sentence())
    }

    /// A sentence: a subject, "ska" (or "skall", "bör"), perhaps "vara", "ligga", "uppgå till",
    /// and a target ("Andelen nöjda invånare ska öka", "Väntetiden ska vara högst 30 dagar",
    /// "… ska ligga över riksgenomsnittet", "… ska förbättras jämfört med föregående år"). The
    /// subject is everything before the verb: with balanced parentheses and at least one word
    /// (a bare year as note would make a level a deadline when read back).
    fn sentence(&mut self) -> Option<(TargetForm, Option<String>)> {
        let n = self.len();
        let modal = (1..n).find(|&i| self.is_any(i, vocab::MODAL))?;
        if !self.balanced(0, modal) || !(0..modal).any(|i| self.word(i).is_some()) {
            return None;
        }
        let mut t = modal.saturating_add(1);
        while self.is_any(t, vocab::COPULA) {
            t = t.saturating_add(1);
        }
        let Some((form, mut end)) = self.atomic(t, true) else {
            self.fail_after(modal, t, Expect::TargetAfter);
            return None;
        };
        let mut form = form;
        if let Some((year, after)) = self.year_tag(end)
            && let (due, None) = due_at_year(form.clone(), year)
        {
            form = due;
            end = after;
        }
        if end != n {
            self.fail(self.span(end, end.saturating_add(1)), Expect::Unexpected);
            return None;
        }
        Some((form, Some(self.text(0, modal))))
    }

    /// Whether the parentheses of tokens `from..to` balance.
    fn balanced(&self, from: usize, to: usize) -> bool {
        let mut depth = 0usize;
        for i in from..to {
            match self.kind(i) {
                Some(TokKind::Open) => depth = depth.saturating_add(1),
                Some(TokKind::Close) => match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => return false,
                },
                _ => {}
            }
        }
        depth == 0
    }

    /// Texts that say there is no target (yet): "-", empty, "Efter behov", "Saknas", a
    /// baseline to establish ("Ingångsvärde", "Basvärde tas fram", "Nytt mått", "Ett
    /// nollvärde mäts"), a target being set ("Målvärde under framtagande") or missing ("Inget
    /// mål", "Målvärde saknas").
    fn no_target(&self) -> Option<NoTargetReason> {
        const WHOLE: &[(&[&str], NoTargetReason)] = &[
            (&["efter", "behov"], NoTargetReason::AsNeeded),
            (&["vid", "behov"], NoTargetReason::AsNeeded),
            (&["ej", "aktuellt"], NoTargetReason::Missing),
            (&["inte", "aktuellt"], NoTargetReason::Missing),
            (&["ej", "tillämpligt"], NoTargetReason::Missing),
            (&["inte", "tillämpligt"], NoTargetReason::Missing),
            (&["saknas"], NoTargetReason::Missing),
            (&["under", "framtagande"], NoTargetReason::TargetToBeSet),
            (&["tas", "fram"], NoTargetReason::TargetToBeSet),
        ];
        let n = self.len();
        if self.toks.iter().all(|t| t.kind == TokKind::Dash) {
            return Some(NoTargetReason::Missing);
        }
        if let Some((reason, end)) = self.phrases(0, WHOLE)
            && end == n
        {
            return Some(reason);
        }
        let negated = self.is_any(0, &["inget", "ingen", "inga"]);
        let k = usize::from(negated || self.is_any(0, &["ett", "en", "det"]));
        let said = |from: usize| {
            (from..n).find_map(|i| {
                if self.any_phrase(i, vocab::PENDING).is_some() {
                    Some(NoTargetReason::TargetToBeSet)
                } else {
                    self.any_phrase(i, vocab::ABSENT).map(|_| NoTargetReason::Missing)
                }
            })
        };
        let baseline = self
            .any_phrase(k, vocab::NEW_MEASURE)
            .or_else(|| self.is_any(k, vocab::BASELINE).then_some(k.saturating_add(1)));
        if let Some(end) = baseline {
            return (end == n || said(end).is_some()).then_some(NoTargetReason::BaselineToEstablish);
        }
        if self.is_any(k, vocab::TARGET_NOUNS) {
            if negated && k.saturating_add(1) == n {
                return Some(NoTargetReason::Missing);
            }
            return said(k.saturating_add(1));
        }
        None
    }

    /// Monitoring only: a text that starts with "Följa", "Bevaka", "Redovisas", "Följs upp" …,
    /// or has such a verb after "ska" or after a plain subject ("Kostnadsutvecklingen följs upp
    /// årligen", "Andelen ska följas upp").
    fn monitoring(&self) -> bool {
        let Some(verb) = (0..self.len()).find(|&i| self.is_any(i, vocab::MONITOR)) else {
            return false;
        };
        verb == 0
            || self.is_any(verb.saturating_sub(1), vocab::MODAL)
            || (0..verb).all(|i| self.word(i).is_some_and(|w| !vocab::is_keyword(w)))
    }
}
