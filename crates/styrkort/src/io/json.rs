//! The shape of a JSON text, found in one pass: every value's kind and byte span, the keys and
//! values of every object in text order, the items of every array. Finding a value and its place
//! is then a lookup, never a second parse, so that locating thousands of problems in a large
//! file stays linear. The leaves (strings, numbers) are read from their own bytes.
//!
//! The text is checked by serde_json first ([`JsonTree::parse`]), so that the syntax accepted
//! and the syntax errors reported are exactly serde_json's.

use super::lines::json_offset;
use super::recover::{Edit, KeyPath};
use std::borrow::Cow;
use std::ops::Range;

/// What a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonKind {
    /// `{…}`, with its entries at `children` of [`JsonTree::children`].
    Object,
    /// `[…]`, with its items at `children`.
    Array,
    /// `"…"`.
    String,
    /// A number, its text exactly as written.
    Number,
    /// `true`, `false` or `null`.
    Literal,
}

/// One value of the tree.
#[derive(Debug, Clone)]
struct Value {
    kind: JsonKind,
    span: Range<usize>,
    /// The key's span (with its quotes) when the value stands in an object.
    key: Option<Range<usize>>,
    /// The positions of the entries or items in [`JsonTree::children`].
    children: Range<usize>,
}

/// A JSON text's values, with the root first.
#[derive(Debug)]
pub(crate) struct JsonTree {
    values: Vec<Value>,
    children: Vec<usize>,
}

/// A syntax error: its byte offset in the text and serde_json's message.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

impl JsonTree {
    /// The tree of the JSON value that `text` holds from byte `start` on (after a byte-order
    /// mark, say).
    pub(crate) fn parse(text: &str, start: usize) -> Result<JsonTree, SyntaxError> {
        let body = text.get(start..).unwrap_or("");
        if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
            let offset = json_offset(body, error.line(), error.column());
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
            return Err(SyntaxError { offset: start.saturating_add(offset), message });
        }
        Scanner { bytes: text.as_bytes(), at: start, values: Vec::new(), children: Vec::new() }
            .scan()
            .ok_or(SyntaxError { offset: start, message: "a JSON text whose structure could not be followed".into() })
    }

    /// The root value.
    pub(crate) fn root(&self) -> usize {
        0
    }

    /// The kind of a value.
    pub(crate) fn kind(&self, value: usize) -> Option<JsonKind> {
        self.values.get(value).map(|v| v.kind)
    }

    /// The byte span of a value.
    pub(crate) fn span(&self, value: usize) -> Range<usize> {
        self.values.get(value).map_or(0..0, |v| v.span.clone())
    }

    /// The byte span of the key a value stands under, with its quotes.
    pub(crate) fn key_span(&self, value: usize) -> Option<Range<usize>> {
        self.values.get(value).and_then(|v| v.key.clone())
    }

    /// The entries of an object or the items of an array, in text order.
    pub(crate) fn children(&self, value: usize) -> &[usize] {
        self.values.get(value).and_then(|v| self.children.get(v.children.clone())).unwrap_or(&[])
    }
}

/// A JSON text rebuilt from a value with some of its keys changed, and the way back from its
/// offsets to those of the original text.
pub(crate) struct Rebuilt {
    pub(crate) text: String,
    /// Where each piece copied from the original starts: (offset in `text`, offset in the
    /// original), ascending.
    pieces: Vec<(usize, usize)>,
}

impl Rebuilt {
    /// The offset in the original text of an offset in the rebuilt one.
    pub(crate) fn original(&self, offset: usize) -> usize {
        let at = self.pieces.partition_point(|&(new, _)| new <= offset);
        match self.pieces.get(at.saturating_sub(1)) {
            Some(&(new, original)) => original.saturating_add(offset.saturating_sub(new)),
            None => 0,
        }
    }

    fn copy(&mut self, text: &str, span: Range<usize>) {
        self.pieces.push((self.text.len(), span.start));
        self.text.push_str(text.get(span).unwrap_or(""));
    }

    /// Adds text of its own, located at an offset of the original.
    fn add(&mut self, added: &str, original: usize) {
        self.pieces.push((self.text.len(), original));
        self.text.push_str(added);
    }
}

impl JsonTree {
    /// The text of a value with the edits made: keys (paths of keys, from the value) left out
    /// or given an empty text; none when there are no edits.
    pub(crate) fn rebuilt(&self, text: &str, value: usize, edits: &[(KeyPath, Edit)]) -> Option<Rebuilt> {
        if edits.is_empty() {
            return None;
        }
        let mut rebuilt = Rebuilt { text: String::new(), pieces: Vec::new() };
        self.rebuild(text, value, &mut Vec::new(), edits, &mut rebuilt);
        Some(rebuilt)
    }

    fn rebuild(&self, text: &str, value: usize, path: &mut KeyPath, edits: &[(KeyPath, Edit)], out: &mut Rebuilt) {
        let span = self.span(value);
        let under = |edit: &&(KeyPath, Edit)| edit.0.len() > path.len() && edit.0.starts_with(path);
        if self.kind(value) != Some(JsonKind::Object) || !edits.iter().any(|edit| under(&edit)) {
            out.copy(text, span);
            return;
        }
        out.add("{", span.start);
        let mut first = true;
        let mut separate = |out: &mut Rebuilt, at: usize| {
            if !std::mem::take(&mut first) {
                out.add(",", at);
            }
        };
        let mut present = Vec::new();
        for &entry in self.children(value) {
            let Some(key_span) = self.key_span(entry) else { continue };
            let Some(key) = text.get(key_span.clone()).and_then(string) else { continue };
            path.push(key.into_owned());
            match edits.iter().find(|(edit, _)| edit == path).map(|(_, edit)| *edit) {
                Some(Edit::Remove) => {}
                Some(Edit::Placeholder(placeholder)) => {
                    separate(out, key_span.start);
                    out.copy(text, key_span.clone());
                    out.add(&format!(":{}", quote(placeholder)), self.span(entry).start);
                }
                None => {
                    separate(out, key_span.start);
                    out.copy(text, key_span.clone());
                    out.add(":", self.span(entry).start);
                    self.rebuild(text, entry, path, edits, out);
                }
            }
            present.extend(path.pop());
        }
        // Required keys that are missing, given their placeholder.
        for (edit, kind) in edits {
            if let (Edit::Placeholder(placeholder), Some((key, parent))) = (kind, edit.split_last())
                && parent == path.as_slice()
                && !present.contains(key)
            {
                separate(out, span.start);
                out.add(&format!("{}:{}", quote(key), quote(placeholder)), span.start);
            }
        }
        out.add("}", span.end.saturating_sub(1));
    }
}

/// A text as a JSON string literal.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The text of a JSON string literal (with its quotes), unescaped; borrowed when it has no
/// escapes.
pub(crate) fn string(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(raw).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// Walks a text that serde_json accepted, recording every value.
struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
    values: Vec<Value>,
    children: Vec<usize>,
}

/// An object or array being scanned: its value and where its children start in `pending`.
struct Open {
    value: usize,
    first_pending: usize,
}

impl Scanner<'_> {
    fn scan(mut self) -> Option<JsonTree> {
        let mut stack: Vec<Open> = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let mut key: Option<Range<usize>> = None;
        loop {
            self.skip_space();
            let in_object =
                stack.last().and_then(|open| self.values.get(open.value)).map(|v| v.kind) == Some(JsonKind::Object);
            // An entry of an object starts with its key.
            if in_object && key.is_none() && self.peek()? != b'}' {
                let start = self.at;
                self.skip_string()?;
                key = Some(start..self.at);
                self.skip_space();
                self.expect(b':')?;
                self.skip_space();
            }
            match self.peek()? {
                b'}' | b']' => {
                    let open = stack.pop()?;
                    self.at = self.at.checked_add(1)?;
                    let first = self.children.len();
                    self.children.extend(pending.drain(open.first_pending..));
                    let value = self.values.get_mut(open.value)?;
                    value.span.end = self.at;
                    value.children = first..self.children.len();
                }
                open @ (b'{' | b'[') => {
                    let kind = if open == b'{' { JsonKind::Object } else { JsonKind::Array };
                    let value = self.push(kind, self.at..self.at, key.take(), &mut pending, !stack.is_empty());
                    self.at = self.at.checked_add(1)?;
                    stack.push(Open { value, first_pending: pending.len() });
                    continue;
                }
                b'"' => {
                    let start = self.at;
                    self.skip_string()?;
                    self.push(JsonKind::String, start..self.at, key.take(), &mut pending, !stack.is_empty());
                }
                _ => {
                    let start = self.at;
                    while self.peek().is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                        self.at = self.at.checked_add(1)?;
                    }
                    let kind = if matches!(self.bytes.get(start), Some(b't' | b'f' | b'n')) {
                        JsonKind::Literal
                    } else {
                        JsonKind::Number
                    };
                    self.push(kind, start..self.at, key.take(), &mut pending, !stack.is_empty());
                }
            }
            if stack.is_empty() {
                return Some(JsonTree { values: self.values, children: self.children });
            }
            self.skip_space();
            if self.peek()? == b',' {
                self.at = self.at.checked_add(1)?;
            }
        }
    }

    fn push(
        &mut self,
        kind: JsonKind,
        span: Range<usize>,
        key: Option<Range<usize>>,
        pending: &mut Vec<usize>,
        nested: bool,
    ) -> usize {
        let index = self.values.len();
        self.values.push(Value { kind, span, key, children: 0..0 });
        if nested {
            pending.push(index);
        }
        index
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at = self.at.saturating_add(1))
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at = self.at.saturating_add(1);
        }
    }

    /// Moves past a string literal that starts here.
    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        loop {
            let rest = self.bytes.get(self.at..)?;
            let found = memchr::memchr2(b'"', b'\\', rest)?;
            let at = self.at.checked_add(found)?;
            if self.bytes.get(at) == Some(&b'"') {
                self.at = at.checked_add(1)?;
                return Some(());
            }
            self.at = at.checked_add(2)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of<'t>(text: &'t str, tree: &JsonTree, value: usize) -> &'t str {
        &text[tree.span(value)]
    }

    #[test]
    fn every_value_has_its_span_and_every_object_its_keys() {
        let text = "\u{feff} {\"a\": [1, \"x\\\"y\", {\"b\": null}], \"c\": -1.5e3 }";
        let tree = JsonTree::parse(text, 3).expect("valid");
        let root = tree.root();
        assert_eq!(tree.kind(root), Some(JsonKind::Object));
        assert_eq!(text_of(text, &tree, root), &text[4..]);
        let entries = tree.children(root);
        assert_eq!(entries.len(), 2);
        let keys: Vec<_> = entries.iter().map(|&e| &text[tree.key_span(e).expect("a key")]).collect();
        assert_eq!(keys, ["\"a\"", "\"c\""]);
        let items = tree.children(entries[0]);
        let texts: Vec<_> = items.iter().map(|&i| text_of(text, &tree, i)).collect();
        assert_eq!(texts, ["1", "\"x\\\"y\"", "{\"b\": null}"]);
        assert_eq!(string(texts[1]).as_deref(), Some("x\"y"));
        assert_eq!(tree.kind(tree.children(items[2])[0]), Some(JsonKind::Literal));
        assert_eq!(text_of(text, &tree, entries[1]), "-1.5e3");
        assert_eq!(tree.kind(entries[1]), Some(JsonKind::Number));
    }

    #[test]
    fn a_value_rebuilt_without_some_keys_maps_its_offsets_back() {
        let text = "{\"a\": 1, \"b\": {\"c\": true, \"d\": 2}, \"e\": \"x\"}";
        let tree = JsonTree::parse(text, 0).expect("valid");
        let edits = vec![
            (vec!["a".to_owned()], Edit::Remove),
            (vec!["b".to_owned(), "c".to_owned()], Edit::Placeholder("")),
            (vec!["f".to_owned()], Edit::Placeholder("ÅR")),
        ];
        let rebuilt = tree.rebuilt(text, tree.root(), &edits).expect("edits");
        assert_eq!(rebuilt.text, "{\"b\":{\"c\":\"\",\"d\":2},\"e\":\"x\",\"f\":\"ÅR\"}");
        let two = rebuilt.text.find('2').expect("2");
        assert_eq!(rebuilt.original(two), text.find('2').expect("2"));
        let x = rebuilt.text.find('x').expect("x");
        assert_eq!(rebuilt.original(x), text.find('x').expect("x"));
        assert!(tree.rebuilt(text, tree.root(), &[]).is_none());
    }

    #[test]
    fn syntax_errors_are_serde_jsons_at_their_offset() {
        let error = JsonTree::parse("[1,\n 2,]", 0).expect_err("a trailing comma");
        assert_eq!((error.offset, error.message.as_str()), (7, "expected value"));
        assert!(JsonTree::parse("", 0).is_err());
        let tree = JsonTree::parse("[]", 0).expect("empty list");
        assert!(tree.children(tree.root()).is_empty());
    }
}
