//! Pandoc's attribute lists, as Carpentries lessons write them after a
//! picture (`![caption](fig.png){alt='what it shows'}`), a link or a
//! bracketed span (`[term]{#term}`). They are read, never shown as text:
//! the alt text is used, an id kept as an anchor, the rest (widths,
//! classes, targets) left aside. Braces that are not an attribute list
//! (`{name}` in prose) stay text.

/// An attribute list read from the start of a text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Attributes {
    pub(super) id: Option<String>,
    pub(super) alt: Option<String>,
    /// Bytes of the text the list takes, braces included.
    pub(super) length: usize,
}

/// Attributes a list may hold at most: a longer one is prose.
const MAX_LENGTH: usize = 1_000;

/// The attribute list `text` starts with, if it starts with one. Reads at
/// most [`MAX_LENGTH`] bytes, so that looking costs no more than that.
pub(super) fn leading(text: &str) -> Option<Attributes> {
    let end = text.ceil_char_boundary(MAX_LENGTH + 1);
    let bounded = &text[..end];
    let inner = bounded.strip_prefix('{')?;
    let mut attributes = Attributes::default();
    let mut rest = inner.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix('}') {
            attributes.length = bounded.len() - after.len();
            return (attributes.length > 2).then_some(attributes);
        }
        let word_end =
            rest.find(|c: char| c.is_whitespace() || matches!(c, '}' | '=' | '"' | '\'')).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        if let Some(id) = word.strip_prefix('#') {
            if !is_name(id) || !after.starts_with(|c: char| c.is_whitespace() || c == '}') {
                return None;
            }
            attributes.id = Some(id.to_string());
            rest = after.trim_start();
        } else if let Some(class) = word.strip_prefix('.') {
            if !is_name(class) || !after.starts_with(|c: char| c.is_whitespace() || c == '}') {
                return None;
            }
            rest = after.trim_start();
        } else if is_name(word)
            && let Some(value_and_rest) = after.strip_prefix('=')
        {
            let (value, after) = value_of(value_and_rest)?;
            if word == "alt" {
                attributes.alt = Some(value.to_string());
            }
            rest = after.trim_start();
        } else {
            return None;
        }
    }
}

/// `'quoted'`, `"quoted"` or a bare value, and what follows it.
fn value_of(text: &str) -> Option<(&str, &str)> {
    for quote in ['"', '\''] {
        if let Some(quoted) = text.strip_prefix(quote) {
            let end = quoted.find(quote)?;
            return Some((&quoted[..end], &quoted[end + 1..]));
        }
    }
    let end = text.find(|c: char| c.is_whitespace() || c == '}').unwrap_or(text.len());
    (end > 0).then(|| text.split_at(end))
}

fn is_name(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 64
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
}

/// A bracketed span in a text, `[inner]{attributes}`: where it starts, its
/// inner text, its attributes, and where it ends.
pub(super) struct Span<'t> {
    pub(super) start: usize,
    pub(super) inner: &'t str,
    pub(super) attributes: Attributes,
    pub(super) end: usize,
}

/// The first bracketed span in `text`, if any: one pass, remembering the
/// last `[` met, so that a long text costs its length and no more.
pub(super) fn first_span(text: &str) -> Option<Span<'_>> {
    let bytes = text.as_bytes();
    let mut open = None;
    for (at, byte) in bytes.iter().enumerate() {
        match byte {
            b'[' => open = Some(at),
            b']' if bytes.get(at + 1) == Some(&b'{') => {
                if let Some(start) = open
                    && let Some(attributes) = leading(&text[at + 1..])
                {
                    let end = at + 1 + attributes.length;
                    return Some(Span { start, inner: &text[start + 1..at], attributes, end });
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lists_carpentries_lessons_write() {
        let list = leading("{alt='The file system: a tree of folders' width=\"50%\"} and on").unwrap();
        assert_eq!(list.alt.as_deref(), Some("The file system: a tree of folders"));
        assert_eq!(&"{alt='The file system: a tree of folders' width=\"50%\"} and on"[list.length..], " and on");
        let list = leading("{#term .glossary}").unwrap();
        assert_eq!(list.length, 17);
        assert_eq!(list.id.as_deref(), Some("term"));
        assert_eq!(leading("{target=_blank}").map(|list| list.length), Some(15));
    }

    #[test]
    fn braces_in_prose_stay_text() {
        for prose in ["{name}", "{}", "{ your name }", "{alt='unclosed}", "{#}", "{x=}", "no brace"] {
            assert_eq!(leading(prose), None, "{prose}");
        }
    }

    #[test]
    fn finds_a_bracketed_span_and_leaves_plain_brackets() {
        let text = "see [absolute path]{#absolute-path} and [this] {x}";
        let span = first_span(text).unwrap();
        assert_eq!(span.inner, "absolute path");
        assert_eq!(span.attributes.id.as_deref(), Some("absolute-path"));
        assert_eq!(&text[..span.start], "see ");
        assert_eq!(&text[span.end..], " and [this] {x}");
        assert!(first_span("a [b] {c} and [d]{e}").is_none());
    }

    #[test]
    fn near_misses_are_read_with_bounded_looks() {
        // Each look at a `]{` reads at most MAX_LENGTH bytes (not the rest
        // of the text), so 100 KB of near misses costs its length
        // times a constant: it is read here, and a quadratic reading would
        // not finish within the test run's limits.
        let near_misses = format!("[]{{{}", "a=]{ ".repeat(20_000));
        assert!(first_span(&near_misses).is_none());
        let no_bracket = "]{#a}".repeat(20_000);
        assert!(first_span(&no_bracket).is_none());
        let long = format!("{{alt='{}'}}", "é".repeat(MAX_LENGTH));
        assert!(leading(&long).is_none(), "a list longer than the bound is prose");
        assert_eq!(leading("{alt='é'} after").map(|found| found.length), Some(10));
    }
}
