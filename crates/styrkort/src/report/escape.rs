//! HTML escaping: the one place where text from a scorecard, an observation or a judgement
//! becomes HTML. Every name, target, motivation and explanation passes through it, so that a
//! measure called `<b>&"x"` renders as those characters and never as markup.

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` replaced by character references, so
/// that it is safe both as element content and inside a quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(text.get(start..index).unwrap_or_default());
        out.push_str(replacement);
        start = index.saturating_add(1);
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// `text` escaped for HTML (see [`push_escaped`]).
///
/// ```
/// use styrkort::report::escape_html;
/// assert_eq!(escape_html(r#"<b>&"x"</b>"#), "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len().saturating_add(8));
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(escape_html("Öka 5 % <b>&\"x\"'y'</b>"), "Öka 5 % &lt;b&gt;&amp;&quot;x&quot;&#39;y&#39;&lt;/b&gt;");
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("Måluppfyllelse ■ ↑"), "Måluppfyllelse ■ ↑");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }
}
