//! Links to a file or folder of the course: they download it, and say its
//! size, so a learner on a phone knows what a tap will cost.

use pulldown_cmark::Event;

use crate::catalog::highlight::escape_into;
use crate::language::Language;
use crate::msg;

/// The start of a link that downloads a file of the course.
pub(super) fn download_link(href: &str) -> Event<'static> {
    let mut html = String::from("<a class=\"file-link\" download href=\"");
    escape_into(&mut html, href);
    html.push_str("\">");
    Event::Html(html.into())
}

/// What follows a file's link text, escaped: "PDF, 120 KB".
pub(super) fn file_link_size(language: Language, kind: &str, bytes: u64) -> String {
    let mut size = String::new();
    escape_into(&mut size, &file_size(language, kind, bytes));
    size
}

/// What follows a folder's link text, escaped: the size of its ZIP and
/// how many files it holds.
pub(super) fn folder_link_size(language: Language, bytes: u64, files: usize) -> String {
    let count = fluent_bundle::FluentArgs::from_iter([("files", files)]);
    let size = format!(
        "{}, {}",
        file_size(language, "ZIP", bytes),
        crate::i18n::translate(language, msg::LESSON_FOLDER_FILES, Some(&count))
    );
    let mut escaped = String::new();
    escape_into(&mut escaped, &size);
    escaped
}

/// "PDF, 120 KB" in the lesson's language.
fn file_size(language: Language, kind: &str, bytes: u64) -> String {
    let (id, amount) = if bytes >= 1024 * 1024 {
        (msg::LESSON_FILE_SIZE_MB, crate::format::tenths_in(language, (bytes * 10).div_ceil(1024 * 1024)))
    } else {
        (msg::LESSON_FILE_SIZE_KB, crate::format::number_in(language, bytes.div_ceil(1024)))
    };
    let args = fluent_bundle::FluentArgs::from_iter([("kind", kind.to_string()), ("size", amount)]);
    crate::i18n::translate(language, id, Some(&args))
}
