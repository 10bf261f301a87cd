//! What lesson HTML may contain. ammonia removes anything unsafe that raw
//! HTML in a lesson might bring; since what it removes vanishes silently,
//! the raw HTML an author wrote is also read here, so that a tag the
//! sanitiser will drop (`<your subject line here>`) is reported.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{fenced_divs, highlight};

/// Ids the page around a lesson uses; lesson text may not take them.
pub const RESERVED_IDS: [&str; 11] = [
    "main",
    "contents-heading",
    "quiz-heading",
    "result",
    "result-heading",
    "problems-heading",
    "error-summary-title",
    "offline",
    "offline-heading",
    "offline-text",
    "progress",
];

/// Tags we add ourselves beyond ammonia's defaults.
const OUR_TAGS: [&str; 2] = ["picture", "source"];

pub static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into())
        .add_tags(OUR_TAGS)
        .add_tag_attributes("h1", ["id"])
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .add_tag_attributes("h4", ["id"])
        .add_tag_attributes("h5", ["id"])
        .add_tag_attributes("h6", ["id"])
        .add_tag_attributes("div", ["id", "tabindex", "role", "aria-labelledby"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("span", ["id"])
        .add_tag_attributes("img", ["srcset", "sizes", "width", "height", "loading", "decoding"])
        .add_tag_attributes("source", ["srcset", "sizes", "type", "width", "height"])
        .add_tag_attributes("a", ["download", "aria-label"])
        .add_allowed_classes("div", ["footnote-definition", "table-wrap", "code-block", "withheld-note"])
        .add_allowed_classes("div", fenced_divs::BOX_CLASSES)
        .add_allowed_classes("details", ["box-folded"])
        .add_allowed_classes("p", ["box-label"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
        .add_allowed_classes(
            "span",
            ["task-box", "figure-caption", "file-size", "code-language", "video-card-title", "video-card-meta"],
        )
        .add_allowed_classes("span", highlight::CLASS_NAMES)
        .add_allowed_classes("a", ["video-card", "file-link"])
        .add_allowed_classes("section", ["footnotes"])
        // Raw HTML may not take the page's own ids, change the tab order, or
        // show images from outside the course's checked files.
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // The quiz's own ids (`q-…--…`) are the page's too.
            (_, "id") if RESERVED_IDS.contains(&value) || value.contains("--") => None,
            (_, "tabindex") if value != "0" => None,
            ("div", "role") if value != "region" => None,
            ("img", "src") if !is_course_media(value) => None,
            (_, "srcset")
                if !value
                    .split(", ")
                    .all(|candidate| is_course_media(candidate.trim().split(' ').next().unwrap_or(""))) =>
            {
                None
            }
            ("a", "href") if !is_safe_raw_href(value) => None,
            // A download keeps the file's own name.
            ("a", "download") => Some("".into()),
            _ => Some(value.into()),
        });
    builder
});

/// Whether a link written as raw HTML may stay: the same rule as markdown
/// links (http, https or mailto; an anchor; or a path on this site), read
/// the way a browser reads it. Browsers drop tabs and line breaks inside an
/// address and take `\` for `/`, so `/\evil.example` and `/\t/evil.example`
/// both lead to another site.
pub fn is_safe_raw_href(value: &str) -> bool {
    let url: String =
        value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if url.contains('\\') || url.starts_with("//") || url.chars().any(char::is_control) {
        return false;
    }
    if url.starts_with('#') || url.starts_with('/') {
        return true;
    }
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

/// Whether an image address is one of a course's files, read as a browser
/// reads it: under `/media/`, no `.` or `..` segment (a browser would leave
/// `/media/` with `/media/../readyz`), no `\`, and no query but the file's
/// version and copy (`?lang=` would change the reader's language).
pub fn is_course_media(value: &str) -> bool {
    let (path, query) = value.split_once('?').unwrap_or((value, ""));
    let Some(rest) = path.strip_prefix("/media/") else {
        return false;
    };
    let decoded = percent_encoding::percent_decode_str(rest).decode_utf8_lossy();
    let segments_fine = decoded.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..");
    let query_fine = query.is_empty()
        || query.split('&').all(|pair| matches!(pair.split_once('=').map(|(key, _)| key), Some("v" | "w" | "f")));
    segments_fine && query_fine && !value.contains('\\') && !value.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The addresses of `<img src="…">` in raw HTML that the sanitiser will
/// drop (anything but a course file's own address): GitHub READMEs write
/// `<img src="images/x.png" width="300">`, which must become markdown to
/// be found and resized.
pub fn dropped_images(raw: &str) -> Vec<String> {
    let lower = raw.to_ascii_lowercase();
    let mut dropped = Vec::new();
    for (at, _) in lower.match_indices("<img") {
        let tag = &raw[at..raw[at..].find('>').map(|end| at + end).unwrap_or(raw.len())];
        let Some(src_at) = tag.to_ascii_lowercase().find("src=") else { continue };
        let value = &tag[src_at + 4..];
        let value = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
            _ => value.split([' ', '/', '>']).next().unwrap_or(""),
        };
        if !is_course_media(value) {
            dropped.push(value.to_string());
        }
    }
    dropped
}

static KEPT_TAGS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let defaults = ammonia::Builder::default();
    defaults.clone_tags().into_iter().chain(OUR_TAGS).map(str::to_string).collect()
});

/// The tags in a piece of raw HTML that the sanitiser will remove, as
/// written (`<your subject line here>`, `<script>`), each once.
pub fn removed_tags(raw: &str) -> Vec<String> {
    let mut removed = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let after = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
        let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic());
        let end = rest.find('>').map(|end| end + 1).unwrap_or(rest.len());
        if is_tag && !KEPT_TAGS.contains(&name.to_ascii_lowercase()) {
            let written = rest[..end].to_string();
            if !removed.contains(&written) {
                removed.push(written);
            }
        }
        rest = &rest[end.max(1)..];
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_stay_among_the_course_files() {
        assert!(is_course_media("/media/c/assets/a.png?v=0123"));
        assert!(is_course_media("/media/c/a.png?v=0123&w=720&f=webp"));
        for hostile in [
            "/media/../readyz",
            "/media/c/%2e%2e/%2e%2e/readyz",
            "/media/./x",
            "/media/c/a.png?lang=ur",
            "/media/c//x",
            "/media/c\\..\\x",
            "/readyz",
        ] {
            assert!(!is_course_media(hostile), "{hostile}");
        }
    }

    #[test]
    fn raw_images_the_sanitiser_drops_are_found() {
        assert_eq!(dropped_images(r#"<img src="images/x.png" width="300"/>"#), ["images/x.png"]);
        assert_eq!(dropped_images("<IMG SRC='https://example.org/a.gif'>"), ["https://example.org/a.gif"]);
        assert!(dropped_images(r#"<img src="/media/c/assets/a.png?v=1" alt="a">"#).is_empty());
    }

    #[test]
    fn tags_the_sanitiser_drops_are_found() {
        assert_eq!(removed_tags("<your subject line here>"), ["<your subject line here>"]);
        assert_eq!(removed_tags("<script>x()</script>"), ["<script>", "</script>"]);
        assert!(removed_tags("<b>bold</b> <a href=\"#x\">x</a> <br> <!-- note -->").is_empty());
        assert!(removed_tags("a < b and 3<4").is_empty());
    }
}
