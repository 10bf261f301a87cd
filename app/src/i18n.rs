//! Interface text in the learner's language, from Fluent files in
//! `app/locales/` (one per language, the same message ids in each).
//!
//! The language of a request is chosen on the server (a `?lang=` link, then
//! the `lang` cookie, then `Accept-Language`) and provided as context; pages
//! call [`t`] and [`t_with`].

use crate::msg;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use leptos::prelude::use_context;
use unic_langid::LanguageIdentifier;

use crate::language::Language;

/// The Fluent source of each language, compiled into the binary.
pub const SOURCES: [(Language, &str); 4] = [
    (Language::En, include_str!("../locales/en.ftl")),
    (Language::Ur, include_str!("../locales/ur.ftl")),
    (Language::Uz, include_str!("../locales/uz.ftl")),
    (Language::Ru, include_str!("../locales/ru.ftl")),
];

static BUNDLES: LazyLock<HashMap<Language, FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .into_iter()
        .map(|(language, source)| {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
            let id = language.code().parse().expect("our language codes are valid BCP 47");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Pages mark mixed-direction text with `lang`/`dir` themselves.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number));
            bundle.add_resource_overriding(resource);
            (language, bundle)
        })
        .collect()
});

/// CLDR's number format of one language (digits, grouping), memoised per bundle.
struct NumberFormat(DecimalFormatter);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(language: LanguageIdentifier, _: ()) -> Result<NumberFormat, ()> {
        let locale = Locale::try_from_str(&language.to_string()).map_err(|_| ())?;
        DecimalFormatter::try_new((&locale).into(), Default::default()).map(NumberFormat).map_err(|_| ())
    }
}

/// Formats whole numbers in messages (`{ $count }`) the bundle's language's
/// way: "1,234" in English, "1 234" in Russian. Fluent still picks plural
/// forms from the number itself.
fn format_number(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let whole = number.value;
    if whole.fract() != 0.0 || whole.abs() > 1e15 {
        return None;
    }
    let decimal = Decimal::from(whole as i64);
    memoizer.with_try_get_threadsafe::<NumberFormat, _, _>((), |format| format.0.format_to_string(&decimal)).ok()
}

/// The language of the current request (English when none was chosen).
pub fn use_language() -> Language {
    use_context::<Language>().unwrap_or_default()
}

/// A message in the current request's language.
pub fn t(id: &str) -> String {
    translate(use_language(), id, None)
}

/// A message with arguments (`$count`, `$minutes`…) in the current request's language.
pub fn t_with<'a>(id: &str, args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name, value);
    }
    translate(use_language(), id, Some(&fluent_args))
}

/// A message in `language` with text arguments (`$provider`): for the
/// server's own plain pages, outside any page's context.
pub fn translate_with(language: Language, id: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.to_string());
    }
    translate(language, id, Some(&fluent_args))
}

/// A message in `language`, falling back to English, then to the id itself
/// (a missing message is a bug the unit tests catch, never a crash).
pub fn translate(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    for language in [language, Language::En] {
        let bundle = &BUNDLES[&language];
        if let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// Whether `id` is one of our interface messages. Message ids that arrive
/// from outside (a form's errors, carried in the address) are shown only
/// when they are: a crafted address must not put its own text on our page.
pub fn is_message(id: &str) -> bool {
    BUNDLES[&Language::En].has_message(id)
}

/// "1 h 20 min", "25 min", in the current language.
pub fn duration(minutes: u32) -> String {
    duration_in(use_language(), minutes)
}

/// A study time in `language`.
pub fn duration_in(language: Language, minutes: u32) -> String {
    let mut args = FluentArgs::new();
    let (hours, minutes) = (minutes / 60, minutes % 60);
    let id = match (hours, minutes) {
        (0, _) => msg::DURATION_MINUTES,
        (_, 0) => msg::DURATION_HOURS,
        _ => msg::DURATION_HOURS_MINUTES,
    };
    args.set("hours", hours);
    args.set("minutes", minutes);
    // "1 h 20 min" stays on one line: a figure is never parted from its unit.
    translate(language, id, Some(&args)).replace(' ', "\u{a0}")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    use super::*;

    fn message_ids(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_string()).expect("the file parses");
        resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let english = message_ids(SOURCES[0].1);
        for (language, source) in SOURCES {
            let ids = message_ids(source);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            assert!(extra.is_empty(), "{language} has messages English lacks: {extra:?}");
        }
    }

    #[test]
    fn the_code_names_messages_by_their_constants() {
        // `msg::…` constants are generated from the English file, so a
        // message named that way exists; a message named as a string could
        // be a typo nobody sees.
        let source_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut pending = vec![source_dir];
        let mut named = BTreeSet::new();
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).unwrap();
                    for call in ["t(\"", "t_with(\""] {
                        for (at, _) in code.match_indices(call) {
                            let before = code[..at].chars().next_back().unwrap_or(' ');
                            if before.is_alphanumeric() || before == '_' {
                                continue; // a method such as `split`, not our `t`
                            }
                            let rest = &code[at + call.len()..];
                            named.insert(format!("{}: {}", path.display(), rest.split('"').next().unwrap()));
                        }
                    }
                }
            }
        }
        assert!(named.is_empty(), "messages named as strings (use msg::…): {named:?}");
        assert!(BUNDLES[&Language::En].has_message(crate::msg::ERROR_NOT_FOUND_TITLE));
    }

    #[test]
    fn messages_chosen_at_run_time_exist_too() {
        let english = message_ids(SOURCES[0].1);
        let chosen = crate::model::Level::ALL.map(|level| level.message_id());
        let roles = crate::model::Role::ALL.map(|role| role.message_id());
        let withheld = ["stat-breakdowns-dated"];
        for id in
            chosen.iter().chain(roles.iter()).chain(withheld.iter()).chain(
                crate::components::problem::PROBLEMS.iter().flat_map(|problem| [&problem.heading, &problem.text]),
            )
        {
            assert!(english.contains(*id), "no message {id}");
        }
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let count = |language, n: u32| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            translate(language, "lesson-count", Some(&args))
        };
        assert_eq!(count(Language::En, 1), "1 lesson");
        assert_eq!(count(Language::En, 5), "5 lessons");
        assert_eq!(count(Language::Ru, 1), "1 урок");
        assert_eq!(count(Language::Ru, 3), "3 урока");
        assert_eq!(count(Language::Ru, 11), "11 уроков");
        assert_eq!(count(Language::Ru, 21), "21 урок");
        assert_eq!(count(Language::Ur, 1), "1 سبق");
        assert_eq!(count(Language::Ur, 4), "4 اسباق");
        assert_eq!(count(Language::Uz, 4), "4 ta dars");
    }

    #[test]
    fn numbers_are_written_each_languages_way() {
        let count = |language, n: u32| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            translate(language, "lesson-count", Some(&args))
        };
        assert_eq!(count(Language::En, 1234), "1,234 lessons");
        assert_eq!(count(Language::Ru, 1234), "1\u{a0}234 урока");
        assert_eq!(count(Language::Ur, 1234), "1,234 اسباق");
    }

    #[test]
    fn only_our_own_message_ids_are_messages() {
        assert!(is_message("login-failed"));
        assert!(!is_message("Your account is locked: call +1 555 0100"));
        assert!(!is_message(""));
    }

    #[test]
    fn an_unknown_message_shows_its_id_rather_than_failing() {
        assert_eq!(translate(Language::Ur, "no-such-message", None), "no-such-message");
    }
}
