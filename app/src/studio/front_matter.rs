//! A lesson's front matter as the editor's fields. A lesson whose front
//! matter the fields say whole (no comments, no other keys, written the
//! way the studio writes it) is edited as fields above its text; any
//! other is edited as text, so that the form never drops what it does not
//! show.

use crate::model::LessonFields;

use super::quoted;

/// The lesson's front matter as fields and the text after it, if the
/// fields say all of it (`translation`: a translation's fields only).
pub fn split(text: &str, translation: bool) -> Option<(LessonFields, String)> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.match_indices("+++").map(|(at, _)| at).find(|at| *at == 0 || rest.as_bytes()[at - 1] == b'\n')?;
    let front = &rest[..end];
    let body =
        rest[end..].strip_prefix("+++\n").or_else(|| rest[end..].strip_prefix("+++").filter(|b| b.is_empty()))?;
    let table: toml::Table = front.parse().ok()?;
    let mut fields = LessonFields { translation, ..LessonFields::default() };
    for (key, value) in table {
        match (key.as_str(), value) {
            ("title", toml::Value::String(title)) => fields.title = title,
            ("minutes", toml::Value::Integer(minutes)) => fields.minutes = minutes.to_string(),
            ("id", toml::Value::String(id)) if !translation => fields.id = id,
            ("pass_mark", toml::Value::Integer(mark)) if !translation => fields.pass_mark = mark.to_string(),
            ("translated_from", toml::Value::String(from)) if translation => fields.translated_from = from,
            _ => return None,
        }
    }
    let body = body.to_string();
    (join(&fields, &body) == text).then_some((fields, body))
}

/// The lesson's text: the fields as its front matter, then `body`. A
/// number that is not one is written as typed, in quotes, so that the
/// draft's check names it at its line (the form's number fields do not
/// let a browser send one).
pub fn join(fields: &LessonFields, body: &str) -> String {
    let number = |value: &str| match value.trim().parse::<u32>() {
        Ok(number) => number.to_string(),
        Err(_) => quoted(value.trim()),
    };
    let mut text = format!("+++\ntitle = {}\n", quoted(fields.title.trim()));
    if !fields.minutes.trim().is_empty() {
        text.push_str(&format!("minutes = {}\n", number(&fields.minutes)));
    }
    if !fields.translation {
        if !fields.id.trim().is_empty() {
            text.push_str(&format!("id = {}\n", quoted(fields.id.trim())));
        }
        if !fields.pass_mark.trim().is_empty() {
            text.push_str(&format!("pass_mark = {}\n", number(&fields.pass_mark)));
        }
    } else if !fields.translated_from.trim().is_empty() {
        text.push_str(&format!("translated_from = {}\n", quoted(fields.translated_from.trim())));
    }
    text.push_str("+++\n");
    text.push_str(body);
    text
}

/// The id of a question not yet in `text`: `question-N`, N the first
/// number free.
pub fn free_question_id(text: &str) -> String {
    (1..)
        .map(|number| format!("question-{number}"))
        .find(|id| !text.contains(&format!("question {id} ")) && !text.contains(&format!("question {id}\n")))
        .unwrap_or_default()
}

/// `text` with a question block added at its end, in the quiz syntax of
/// `courses/README.md`, its words from `words` (question, wrong answer,
/// right answer, an explanation).
pub fn with_question(text: &str, words: [&str; 4]) -> String {
    let block = crate::model::question_block(&free_question_id(text), words);
    let text = text.trim_end_matches('\n');
    if text.is_empty() { block } else { format!("{text}\n\n{block}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_written_the_studios_way_is_edited_as_fields_and_joined_back_the_same() {
        let text =
            "+++\ntitle = \"Strong \\\"passwords\\\"\"\nminutes = 10\nid = \"strong\"\npass_mark = 80\n+++\n\nText.\n";
        let (fields, body) = split(text, false).expect("fields");
        assert_eq!(fields.title, "Strong \"passwords\"");
        assert_eq!((fields.minutes.as_str(), fields.id.as_str(), fields.pass_mark.as_str()), ("10", "strong", "80"));
        assert_eq!(body, "\nText.\n");
        assert_eq!(join(&fields, &body), text);
        let studio = super::super::outline::lesson_text("خوش آمدید");
        assert!(split(&studio, false).is_some(), "a lesson the outline adds is edited as fields");
    }

    #[test]
    fn front_matter_the_fields_cannot_say_whole_stays_text() {
        for text in [
            "+++\ntitle = \"A\"   # a comment\n+++\n\nText",
            "+++\nminutes = 5\ntitle = \"A\"\n+++\n\nText",
            "+++\ntitle = \"A\"\nsomething = 1\n+++\n",
            "+++\ntitle = 'A'\n+++\n",
            "# No front matter\n",
            "+++\ntitle = \"A\"\n",
        ] {
            assert!(split(text, false).is_none(), "{text:?}");
        }
        assert!(split("+++\ntitle = \"A\"\nid = \"a\"\n+++\n", true).is_none(), "a translation has no id");
        let translation = "+++\ntitle = \"B\"\ntranslated_from = \"abc\"\n+++\n\nمتن\n";
        let (fields, _) = split(translation, true).expect("a translation's fields");
        assert_eq!(fields.translated_from, "abc");
    }

    #[test]
    fn a_number_that_is_not_one_is_written_as_typed_for_the_check_to_name() {
        let fields = LessonFields { title: " A ".into(), minutes: "ten".into(), ..LessonFields::default() };
        assert_eq!(join(&fields, "\nText\n"), "+++\ntitle = \"A\"\nminutes = \"ten\"\n+++\n\nText\n");
    }

    #[test]
    fn an_added_question_has_an_id_of_its_own() {
        let words = ["Q?", "No", "Yes", "Why."];
        let once = with_question("Text\n", words);
        assert!(once.starts_with("Text\n\n::: question question-1 single\nQ?\n"), "{once}");
        let twice = with_question(&once, words);
        assert!(twice.contains("::: question question-2 single"), "{twice}");
        assert_eq!(with_question("", words).lines().next(), Some("::: question question-1 single"));
    }
}
