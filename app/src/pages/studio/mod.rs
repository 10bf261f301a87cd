//! The studio: instructors write courses in the browser. Its pages are
//! plain HTML forms: every change is a POST that answers with a redirect
//! to the page showing its outcome. The editor adds one small script
//! (`public/studio.js`: preview as you type, unsaved text kept in the
//! browser); without it, Save and Preview work as forms.

mod course;
mod editor;
mod history;
mod home;
mod outline;
mod preview;
mod publish;
mod settings;

pub use course::StudioCoursePage;
pub use editor::StudioEditorPage;
pub use history::StudioHistoryPage;
pub use home::StudioHomePage;
pub use preview::StudioPreviewPage;

pub(crate) use crate::format::query_value as encode;

/// The editor of one file of a course's draft.
pub(crate) fn editor_href(course: &str, path: &str) -> String {
    format!("/studio/{course}/edit?path={}", encode(path))
}

/// Whether the editor opens `path`: only text files (lessons, settings).
pub(crate) fn is_text(path: &str) -> bool {
    path.ends_with(".md") || path.ends_with(".toml")
}

/// The content of a `<textarea>`, escaped here: the view renders a
/// textarea's children as they are (like a script's), so a course text
/// holding `</textarea>` would otherwise end the element. The leading
/// newline is the one the HTML parser drops after `<textarea>`, so that a
/// text beginning with an empty line keeps it.
pub(crate) fn textarea_text(text: &str) -> String {
    // The same escaping as a page title's, which the parser reads alike.
    format!("\n{}", crate::components::escape_raw_text(text))
}

/// The studio's script (`public/studio.js`), by its hashed address.
#[cfg(feature = "ssr")]
pub(crate) fn studio_script_href() -> &'static str {
    crate::studio::script::STUDIO_SCRIPT.href()
}

#[cfg(not(feature = "ssr"))]
pub(crate) fn studio_script_href() -> &'static str {
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_is_addressed_by_the_file_path() {
        assert_eq!(editor_href("online-safety", "course.toml"), "/studio/online-safety/edit?path=course.toml");
    }

    #[test]
    fn a_text_cannot_close_its_textarea() {
        assert_eq!(textarea_text("</textarea><b>&"), "\n&lt;/textarea&gt;&lt;b&gt;&amp;");
    }
}
