//! The four statuses of goal fulfilment ("måluppfyllelse") and how files may spell them.

/// How far a measure, success factor or goal has been fulfilled.
///
/// Ordered from best to worst assessable, with `NotAssessed` last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Uppnått (■ green).
    Achieved,
    /// Delvis uppnått (● yellow).
    PartiallyAchieved,
    /// Ej uppnått (▲ red).
    NotAchieved,
    /// Kan ej bedömas (◊ grey).
    NotAssessed,
}

impl Status {
    /// All statuses, in legend order.
    pub const ALL: [Status; 4] =
        [Status::Achieved, Status::PartiallyAchieved, Status::NotAchieved, Status::NotAssessed];

    /// The machine code used in JSON and CSV: `achieved`, `partially_achieved`, `not_achieved`,
    /// `not_assessed`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::PartiallyAchieved => "partially_achieved",
            Status::NotAchieved => "not_achieved",
            Status::NotAssessed => "not_assessed",
        }
    }

    /// The Swedish label of the reports: "Uppnått", "Delvis uppnått", "Ej uppnått", "Kan ej bedömas".
    pub fn label_sv(self) -> &'static str {
        match self {
            Status::Achieved => "Uppnått",
            Status::PartiallyAchieved => "Delvis uppnått",
            Status::NotAchieved => "Ej uppnått",
            Status::NotAssessed => "Kan ej bedömas",
        }
    }

    /// Parses a machine code or a Swedish label ("uppnått", "delvis uppnått", "ej uppnått",
    /// "inte uppnått", "kan ej bedömas", and "uppfyllt" as some reports write), ignoring case.
    pub fn parse(text: &str) -> Option<Status> {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        match words.as_str() {
            "achieved" | "uppnått" | "uppfyllt" | "helt uppnått" => Some(Status::Achieved),
            "partially_achieved" | "delvis uppnått" | "delvis uppfyllt" | "delvis" => Some(Status::PartiallyAchieved),
            "not_achieved" | "ej uppnått" | "inte uppnått" | "ej uppfyllt" | "inte uppfyllt" => {
                Some(Status::NotAchieved)
            }
            "not_assessed" | "kan ej bedömas" | "kan inte bedömas" | "ej bedömd" => Some(Status::NotAssessed),
            _ => None,
        }
    }
}

super::coded!(
    Status,
    crate::ErrorKind::Value,
    "a status",
    "achieved, partially_achieved, not_achieved, not_assessed or a Swedish label (uppnått, delvis uppnått, ej uppnått, inte uppnått, kan ej bedömas)"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_swedish_labels() {
        assert_eq!(Status::parse("Delvis  uppnått"), Some(Status::PartiallyAchieved));
        assert_eq!(Status::parse("inte uppnått"), Some(Status::NotAchieved));
        assert_eq!(Status::parse("KAN EJ BEDÖMAS"), Some(Status::NotAssessed));
        for status in Status::ALL {
            assert_eq!(Status::parse(status.code()), Some(status));
            assert_eq!(Status::parse(status.label_sv()), Some(status));
        }
        assert_eq!(Status::parse("kanske"), None);
    }
}
