//! Code blocks highlighted once, at load, on the server: no script on the
//! learner's phone. syntect's grammars (those of Sublime Text) find the
//! parts; each part becomes one of a few classes, coloured by a small part
//! of the stylesheet (and told apart by weight or style too, for high
//! contrast and for colour blindness).

use std::cell::Cell;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// Longer blocks are shown plain: highlighting is a courtesy, not worth
/// seconds of loading.
const MAX_BYTES: usize = 64 * 1024;
const MAX_LINE_BYTES: usize = 2_000;
/// A grammar can backtrack for long on a pathological line: a block that
/// takes longer than this is shown plain, and so is every block of a
/// course once its highlighting has taken [`COURSE_TIME`].
const BLOCK_TIME: Duration = Duration::from_millis(250);
const COURSE_TIME: Duration = Duration::from_secs(3);

thread_local! {
    /// What is left of the current course's highlighting time (a course
    /// loads on one thread).
    static LEFT: Cell<Duration> = const { Cell::new(COURSE_TIME) };
}

/// Gives the next course its own highlighting time.
pub fn start_course() {
    LEFT.with(|left| left.set(COURSE_TIME));
}

/// Scope prefixes to classes, the first that matches from the innermost scope out.
static CLASSES: LazyLock<Vec<(Scope, &'static str)>> = LazyLock::new(|| {
    [
        ("comment", "hl-c"),
        ("string", "hl-s"),
        ("constant.numeric", "hl-n"),
        ("constant.language", "hl-n"),
        ("constant.character", "hl-n"),
        ("entity.name.tag", "hl-t"),
        ("entity.other.attribute-name", "hl-a"),
        ("entity.name.function", "hl-f"),
        ("keyword.operator", ""),
        ("support.function", "hl-f"),
        ("keyword", "hl-k"),
        ("storage", "hl-k"),
    ]
    .into_iter()
    .map(|(scope, class)| (Scope::new(scope).expect("a valid scope"), class))
    .collect()
});

/// Every class [`highlight`] writes, for the sanitiser.
pub const CLASS_NAMES: [&str; 7] = ["hl-c", "hl-s", "hl-n", "hl-t", "hl-a", "hl-f", "hl-k"];

/// The grammar for a fence's language (`bash`, `html`, `js`, `py`…).
fn syntax(language: &str) -> Option<&'static SyntaxReference> {
    let token = match language.to_ascii_lowercase().as_str() {
        "sh" | "shell" | "console" | "zsh" => "bash".to_string(),
        "js" | "javascript" | "jsx" | "node" => "js".to_string(),
        "py" | "python3" => "python".to_string(),
        "yml" => "yaml".to_string(),
        other => other.to_string(),
    };
    SYNTAXES.find_syntax_by_token(&token)
}

/// `code` as HTML (escaped, with spans for its parts), or `None` when the
/// language is unknown or the block too long to be worth it.
pub fn highlight(code: &str, language: &str) -> Option<String> {
    if code.len() > MAX_BYTES || code.lines().any(|line| line.len() > MAX_LINE_BYTES) {
        return None;
    }
    let syntax = syntax(language)?;
    let left = LEFT.with(Cell::get);
    if left.is_zero() {
        return None;
    }
    let started = Instant::now();
    let highlighted = highlight_within(code, syntax, left.min(BLOCK_TIME), started);
    LEFT.with(|cell| cell.set(left.saturating_sub(started.elapsed())));
    highlighted
}

fn highlight_within(code: &str, syntax: &SyntaxReference, limit: Duration, started: Instant) -> Option<String> {
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut runs: Vec<(Option<&'static str>, String)> = Vec::new();
    for line in code.split_inclusive('\n') {
        if started.elapsed() > limit {
            return None;
        }
        let operations = state.parse_line(line, &SYNTAXES).ok()?;
        let mut start = 0;
        for (at, operation) in operations {
            push_part(&mut runs, &line[start..at], &stack);
            start = at;
            stack.apply(&operation).ok()?;
        }
        push_part(&mut runs, &line[start..], &stack);
    }
    let mut html = String::with_capacity(code.len() * 2);
    for (class, text) in runs {
        match class {
            Some(class) => {
                html.push_str("<span class=\"");
                html.push_str(class);
                html.push_str("\">");
                escape_into(&mut html, &text);
                html.push_str("</span>");
            }
            None => escape_into(&mut html, &text),
        }
    }
    Some(html)
}

/// Adds `text` to the runs, joined to the last one when it has the same class.
fn push_part(runs: &mut Vec<(Option<&'static str>, String)>, text: &str, stack: &ScopeStack) {
    if text.is_empty() {
        return;
    }
    let class = stack
        .as_slice()
        .iter()
        .rev()
        .find_map(|scope| CLASSES.iter().find(|(prefix, _)| prefix.is_prefix_of(*scope)).map(|(_, class)| *class));
    // Operators stay plain; so does space between parts, unless it is
    // inside a string or a comment.
    let class = class.filter(|class| !class.is_empty());
    let class = if text.trim().is_empty() && !matches!(class, Some("hl-s" | "hl-c")) { None } else { class };
    match runs.last_mut() {
        Some((last, joined)) if *last == class => joined.push_str(text),
        _ => runs.push((class, text.to_string())),
    }
}

pub fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '&' => html.push_str("&amp;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_code_get_classes_and_text_is_escaped() {
        let html = highlight("<a href=\"x\">hi</a>\n", "html").unwrap();
        assert!(html.contains("<span class=\"hl-t\">a</span>"), "{html}");
        assert!(html.contains("<span class=\"hl-a\">href</span>"), "{html}");
        assert!(html.contains("&lt;"), "{html}");
        let html = highlight("# list files\nls -la \"my folder\"\n", "bash").unwrap();
        assert!(html.contains("<span class=\"hl-c\"># list files"), "{html}");
        assert!(html.contains("hl-s"), "{html}");
        let html = highlight("function add(a, b) { return a + 1; }\n", "js").unwrap();
        assert!(html.contains("<span class=\"hl-k\">function</span>"), "{html}");
        assert!(html.contains("<span class=\"hl-n\">1</span>"), "{html}");
    }

    #[test]
    fn once_a_course_has_spent_its_time_blocks_stay_plain() {
        LEFT.with(|left| left.set(Duration::ZERO));
        assert!(highlight("ls\n", "bash").is_none());
        start_course();
        assert!(highlight("ls\n", "bash").is_some());
    }

    #[test]
    fn unknown_languages_and_huge_blocks_stay_plain() {
        assert!(highlight("x", "klingon").is_none());
        assert!(highlight(&"x".repeat(MAX_LINE_BYTES + 1), "bash").is_none());
    }
}
