//! Code blocks: labelled with their language and highlighted.

use pulldown_cmark::CodeBlockKind;

use crate::catalog::highlight::{self, escape_into};

/// Fences that GitHub draws as diagrams with a script; we show their text.
const DIAGRAM_LANGUAGES: [&str; 5] = ["mermaid", "plantuml", "dot", "graphviz", "geojson"];

/// The language a block is fenced with, or nothing.
pub(super) fn language_of(kind: &CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
        CodeBlockKind::Indented => String::new(),
    }
}

/// Whether a block's language is a diagram that a script would have drawn.
pub(super) fn is_diagram(language: &str) -> bool {
    DIAGRAM_LANGUAGES.contains(&language.to_ascii_lowercase().as_str())
}

/// A code block: its language as a label, its text highlighted when the language is known.
pub(super) fn code_block(code: &str, language: &str) -> String {
    let mut html = String::new();
    let language: String =
        language.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '#' | '.')).take(24).collect();
    if !language.is_empty() {
        html.push_str("<div class=\"code-block\"><span class=\"code-language\">");
        escape_into(&mut html, &language);
        html.push_str("</span>");
    }
    html.push_str("<pre><code>");
    match highlight::highlight(code, &language) {
        Some(highlighted) => html.push_str(&highlighted),
        None => escape_into(&mut html, code),
    }
    html.push_str("</code></pre>");
    if !language.is_empty() {
        html.push_str("</div>");
    }
    html.push('\n');
    html
}
