//! Reading an entry to the end: every problem of a table entry (a measure, a judgement, a rule
//! set), not only the first, and what can still be read of it.
//!
//! serde stops at the first problem. After each one the entry is read again with the key that
//! failed left out, so that it takes its default and the next problem shows; a required key is
//! given a placeholder instead (an empty text, or one the reader names for a key that is not a
//! text). What is read in the end has every key that read, so the checks
//! that come after (references, ranges) still see it, and the keys that were changed are
//! returned so that those checks do not report what the changes caused.

use super::document::{Cause, Document, Located, Node};
use serde::de::DeserializeOwned;

/// The keys from an entry down to one of its values: `["baseline", "K"]`.
pub(crate) type KeyPath = Vec<String>;

/// A change made to an entry so that the rest of it can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
    /// The key is left out: it takes its default.
    Remove,
    /// The key stands for a text that reads: for a required key, which has no default.
    Placeholder(&'static str),
}

/// The placeholders of an entry's required keys that are not texts (a status, a period): what
/// stands in for them when they do not read. Every other required key gets an empty text.
pub(crate) type Placeholders = [(&'static str, &'static str)];

/// What could be read of an entry.
pub(crate) struct Recovered<T> {
    /// The entry, with every key that did not read changed; none when even that does not read.
    pub(crate) value: Option<T>,
    /// Every problem, in the order found.
    pub(crate) problems: Vec<Located>,
    /// The keys that did not read.
    pub(crate) changed: Vec<KeyPath>,
}

/// At most this many readings of one entry; each one reports a problem or changes a key, so an
/// entry needs at most about two per key.
const MAX_READINGS: usize = 512;

/// Reads a node to the end (see the module's documentation).
pub(crate) fn read_to_end<T: DeserializeOwned>(
    document: &Document<'_>,
    node: Node<'_>,
    placeholders: &Placeholders,
) -> Recovered<T> {
    let placeholder = |path: &KeyPath| match path.as_slice() {
        [key] => placeholders.iter().find(|(name, _)| name == key).map_or("", |(_, text)| text),
        _ => "",
    };
    let mut edits: Vec<(KeyPath, Edit)> = Vec::new();
    let mut problems = Vec::new();
    let mut value = None;
    let mut readings = 0..MAX_READINGS;
    loop {
        if readings.next().is_none() {
            let offset = document.offset(node);
            problems.push(Located { offset, message: "too many problems in one entry to read all of it".into() });
            break;
        }
        let failure = match document.deserialize(node, &edits) {
            Ok(read) => {
                value = Some(read);
                break;
            }
            Err(failure) => failure,
        };
        let mut path = failure.keys;
        let missing = match failure.cause {
            Cause::UnknownKey(key) => {
                // serde names the keys it knows: every other key of the table is unknown too.
                for other in other_unknown_keys(node.at(&path), &key, &failure.located.message) {
                    let offset =
                        node.at(&path).and_then(|table| table.key_offset(&other)).unwrap_or(failure.located.offset);
                    let message = failure.located.message.replacen(&format!("`{key}`"), &format!("`{other}`"), 1);
                    problems.push(Located { offset, message });
                    edits.push(([path.as_slice(), &[other]].concat(), Edit::Remove));
                }
                path.push(key);
                false
            }
            Cause::MissingKey(key) => {
                path.push(key);
                true
            }
            Cause::Value => false,
        };
        let earlier = edits.iter().position(|(edited, _)| *edited == path);
        match (earlier, missing) {
            // A required key that was left out: a placeholder instead.
            (Some(at), true) if edits.get(at).is_some_and(|(_, edit)| *edit == Edit::Remove) => {
                if let Some((_, edit)) = edits.get_mut(at) {
                    *edit = Edit::Placeholder(placeholder(&path));
                }
            }
            // A change of ours does not fit: leave out the table it is in, or give up.
            (Some(_), _) => match path.split_last() {
                Some((_, parent)) if !parent.is_empty() && !edits.iter().any(|(edited, _)| edited == parent) => {
                    let parent = parent.to_vec();
                    edits.retain(|(edited, _)| !edited.starts_with(&parent));
                    edits.push((parent, Edit::Remove));
                }
                _ => break,
            },
            (None, true) => {
                problems.push(failure.located);
                let text = placeholder(&path);
                edits.push((path, Edit::Placeholder(text)));
            }
            (None, false) => {
                problems.push(failure.located);
                if path.is_empty() {
                    break;
                }
                edits.push((path, Edit::Remove));
            }
        }
    }
    Recovered { value, problems, changed: edits.into_iter().map(|(path, _)| path).collect() }
}

/// The keys of a table, but `key`, that the message of serde's unknown-field problem does not
/// name among the keys it expects ("unknown field `x`, expected one of `a`, `b`").
fn other_unknown_keys(table: Option<Node<'_>>, key: &str, message: &str) -> Vec<String> {
    let Some(expected) = message.split_once("expected ").map(|(_, list)| list) else {
        // "there are no fields": every key is unknown.
        return table
            .and_then(Node::entries)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, _)| k.into_owned())
            .filter(|k| k != key)
            .collect();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let entries = table.and_then(Node::entries).unwrap_or_default();
    entries.into_iter().map(|(k, _)| k.into_owned()).filter(|k| k != key && !known.contains(&k.as_str())).collect()
}

/// Whether a problem at `path` (keys within an entry) may be caused by the changed keys: it is
/// at, inside or around one of them.
pub(crate) fn touches(changed: &[KeyPath], path: &[&str]) -> bool {
    !path.is_empty() && changed.iter().any(|keys| keys.iter().zip(path).all(|(key, at)| key == at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::Format;
    use crate::model::Measure;

    fn read(text: &str, format: Format) -> (Option<Measure>, Vec<String>, Vec<KeyPath>) {
        let Ok(document) = Document::parse("m", text, format) else { panic!("{text} parses") };
        let node = document.root().get("measures").and_then(|m| m.index(0)).expect("a measure");
        let recovered: Recovered<Measure> = read_to_end(&document, node, &[]);
        let messages = recovered.problems.into_iter().map(|p| document.diagnostic(p).to_string()).collect();
        (recovered.value, messages, recovered.changed)
    }

    #[test]
    fn every_bad_key_of_an_entry_is_reported_and_the_rest_is_read() {
        let toml = "[[measures]]\nid = \"M1\"\nsuccess_factor = \"F9\"\nname = 3\npolarity = \"uppåt\"\nsexes = [\"K\", \"X\"]\ncolour = \"röd\"\nbaseline = { K = \"x\", M = \"17,6\" }\n";
        let json = r#"{"measures": [{"id": "M1", "success_factor": "F9", "name": 3, "polarity": "uppåt",
            "sexes": ["K", "X"], "colour": "röd", "baseline": {"K": "x", "M": "17,6"}}]}"#;
        for (text, format) in [(toml, Format::Toml), (json, Format::Json)] {
            let (measure, messages, changed) = read(text, format);
            let measure = measure.expect("what reads is kept");
            assert_eq!((measure.id.as_str(), measure.success_factor.as_str(), measure.name.as_str()), ("M1", "F9", ""));
            assert_eq!(measure.baseline.and_then(|b| b.men), Some(rust_decimal::Decimal::new(176, 1)));
            assert_eq!(messages.len(), 5, "{format:?}: {messages:#?}");
            for expected in [
                "name: invalid type",
                "polarity: unknown variant `uppåt`",
                "sexes[1]: 'X' is not",
                "unknown field `colour`",
                "baseline.K: 'x' is not a number",
            ] {
                assert!(
                    messages.iter().any(|m| m.contains(expected)),
                    "{format:?}: {messages:#?} should say {expected}"
                );
            }
            let mut changed = changed;
            changed.sort();
            assert_eq!(
                changed,
                [
                    vec!["baseline".to_owned(), "K".to_owned()],
                    vec!["colour".to_owned()],
                    vec!["name".to_owned()],
                    vec!["polarity".to_owned()],
                    vec!["sexes".to_owned()]
                ]
            );
        }
    }

    #[test]
    fn a_missing_required_key_is_reported_once_and_a_non_table_gives_up() {
        let (measure, messages, _) = read("[[measures]]\nid = \"M1\"\nname = \"N\"\n", Format::Toml);
        assert_eq!(measure.map(|m| m.success_factor), Some(String::new()));
        assert_eq!(messages, ["m:1:1: missing field `success_factor`"]);
        let (measure, messages, _) = read("{\"measures\": [3]}", Format::Json);
        assert!(measure.is_none());
        assert_eq!(messages.len(), 1, "{messages:?}");
    }

    #[test]
    fn every_unknown_key_is_reported_at_once() {
        let keys: String = (0..600).map(|k| format!("extra{k} = {k}\n")).collect();
        let toml = format!("[[measures]]\nid = \"M1\"\nsuccess_factor = \"F1\"\nname = \"N\"\n{keys}");
        let (measure, messages, changed) = read(&toml, Format::Toml);
        assert!(measure.is_some());
        assert_eq!((messages.len(), changed.len()), (600, 600), "more keys than readings: {:?}", messages.last());
        assert!(messages.iter().all(|m| m.contains("unknown field `extra")), "{:?}", messages.first());
    }

    #[test]
    fn touching_is_at_inside_or_around() {
        let changed = vec![vec!["baseline".to_owned(), "K".to_owned()]];
        assert!(touches(&changed, &["baseline", "K"]));
        assert!(touches(&changed, &["baseline"]));
        assert!(!touches(&changed, &["baseline", "M"]));
        assert!(!touches(&changed, &["sexes"]));
    }
}
