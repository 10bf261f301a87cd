//! The page's `<title>`. leptos_meta writes the title text into the head
//! as it is, unescaped, and titles carry names people chose (a cohort, a
//! course, a lesson): a cohort named `</title><meta http-equiv=refresh …>`
//! would redirect everyone who opened its page. Every page sets its title
//! here, escaped; nothing else uses `leptos_meta::Title` (a test checks).

use leptos::prelude::*;

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <leptos_meta::Title text=escape(&text)/> }
}

/// Text made safe inside `<title>`, which ends only at `</title` but whose
/// character references are read: `&`, `<` and `>` are written as references.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn a_title_cannot_close_the_title_element() {
        assert_eq!(
            escape("</title><meta http-equiv=\"refresh\" content=\"0;url=/?x\">"),
            "&lt;/title&gt;&lt;meta http-equiv=\"refresh\" content=\"0;url=/?x\"&gt;"
        );
        assert_eq!(escape("Q&A: سوالات"), "Q&amp;A: سوالات");
    }

    #[test]
    fn no_page_sets_its_title_without_escaping() {
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut pending = vec![source];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("components/page_title.rs") {
                    let code = std::fs::read_to_string(&path).unwrap();
                    assert!(
                        !code.contains("leptos_meta::Title") && !code.contains("<Title"),
                        "{} sets a title without escaping: use components::PageTitle",
                        path.display()
                    );
                }
            }
        }
    }
}
