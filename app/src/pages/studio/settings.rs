//! The course page's settings: what `course.toml` says of the course (its
//! title and summary, language, level, hours, who reads and enrols, its
//! certificate, its title in other languages) as a form. What the form
//! does not show (`page_budget_kb`) is edited as text: saving the form
//! keeps only what it shows.

use crate::api::rules::action_of;
use crate::api::studio::SaveStudioSettings;
use crate::msg;
use leptos::prelude::*;

use super::{editor_href, textarea_text};
use crate::components::form_errors;
use crate::i18n::t;
use crate::language::Language;
use crate::model::{Access, Enrolment, FormErrors, Level, SettingsForm};

/// Each choice: its value, as `course.toml` spells it, and its name.
const LEVELS: [(Level, &str, &str); 3] = [
    (Level::Beginner, "beginner", msg::LEVEL_BEGINNER),
    (Level::Intermediate, "intermediate", msg::LEVEL_INTERMEDIATE),
    (Level::Advanced, "advanced", msg::LEVEL_ADVANCED),
];
const ACCESS: [(Access, &str, &str); 2] =
    [(Access::Open, "open", msg::STUDIO_ACCESS_OPEN), (Access::Enrolled, "enrolled", msg::STUDIO_ACCESS_ENROLLED)];
const ENROLMENT: [(Enrolment, &str, &str); 2] =
    [(Enrolment::Open, "open", msg::STUDIO_ENROLMENT_OPEN), (Enrolment::Code, "code", msg::STUDIO_ENROLMENT_CODE)];

/// The value `chosen` is sent as.
fn value_of<T: PartialEq + Copy>(choices: &[(T, &'static str, &'static str)], chosen: T) -> &'static str {
    choices.iter().find(|(choice, _, _)| *choice == chosen).map(|(_, value, _)| *value).unwrap_or_default()
}

/// The choices of a select: value and name.
fn options<T>(choices: &[(T, &'static str, &'static str)]) -> Vec<(&'static str, String, Option<&'static str>)> {
    choices.iter().map(|(_, value, name)| (*value, t(name), None)).collect()
}

/// The settings section: the form, or (when `course.toml` cannot be
/// read) where to fix it as text. `saved`: the address says a save
/// just succeeded.
#[component]
pub fn SettingsSection(
    course_id: String,
    settings: Option<SettingsForm>,
    revision: Option<i64>,
    saved: bool,
) -> impl IntoView {
    let errors = form_errors::<SaveStudioSettings>();
    let refused = errors != FormErrors::default();
    let as_text = editor_href(&course_id, "course.toml");
    let body = match settings.zip(revision) {
        Some((settings, revision)) => view! { <SettingsFields course_id settings revision errors as_text/> }.into_any(),
        None => view! {
            <p class="note" role="note">
                {t(msg::STUDIO_SETTINGS_UNREADABLE)} " " <a href=as_text>{t(msg::STUDIO_EDIT_SETTINGS)}</a>
            </p>
        }
        .into_any(),
    };
    view! {
        <section id="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t(msg::STUDIO_SETTINGS_TITLE)}</h2>
            {(saved && !refused).then(|| view! { <p class="note completed" role="status">{t(msg::STUDIO_SETTINGS_SAVED)}</p> })}
            {body}
        </section>
    }
}

/// A translation's fields as the form shows them.
struct Translated {
    language: Language,
    title: String,
    summary: String,
    title_error: Option<String>,
    summary_error: Option<String>,
}

/// The form, filled from `course.toml` or, after a refused save, with
/// what was typed.
#[component]
fn SettingsFields(
    course_id: String,
    settings: SettingsForm,
    revision: i64,
    errors: FormErrors,
    as_text: String,
) -> impl IntoView {
    // A refused save comes back with what was typed: shown again as it was.
    let typed = !errors.values.is_empty();
    let value = |name: &str, saved: String| if typed { errors.value(name) } else { saved };
    let error = |name: &str| errors.field(name).map(str::to_string);
    let SettingsForm {
        title,
        summary,
        language,
        level,
        hours,
        access,
        enrolment,
        certificate_issued,
        min_average_score,
        translations,
    } = settings;
    let title = value("title", title);
    let summary = value("summary", summary);
    let chosen_language = value("language", language.code().to_string());
    let chosen_level = value("level", value_of(&LEVELS, level).to_string());
    let hours = value("hours", hours.unwrap_or_default());
    let chosen_access = value("access", value_of(&ACCESS, access).to_string());
    let chosen_enrolment = value("enrolment", value_of(&ENROLMENT, enrolment).to_string());
    let certificate = if typed { errors.value("certificate_issued") == "on" } else { certificate_issued };
    let min_score = value("min_average_score", min_average_score.unwrap_or_default());
    // The course's own language has no translation.
    let own = Language::from_code(&chosen_language).unwrap_or(language);
    let others: Vec<Translated> = Language::ALL
        .into_iter()
        .filter(|other| *other != own)
        .map(|other| {
            let code = other.code();
            let saved = translations.iter().find(|(translated, _, _)| *translated == other);
            let (title_field, summary_field) = (format!("{code}_title"), format!("{code}_summary"));
            Translated {
                language: other,
                title: value(&title_field, saved.map(|(_, title, _)| title.clone()).unwrap_or_default()),
                summary: value(&summary_field, saved.map(|(_, _, summary)| summary.clone()).unwrap_or_default()),
                title_error: error(&title_field),
                summary_error: error(&summary_field),
            }
        })
        .collect();
    let languages: Vec<(&'static str, String, Option<&'static str>)> = Language::ALL
        .into_iter()
        .map(|each| (each.code(), each.native_name().to_string(), Some(each.code())))
        .collect();
    let (title_error, summary_error, hours_error, score_error) =
        (error("title"), error("summary"), error("hours"), error("min_average_score"));
    let (hours_invalid, score_invalid) = (hours_error.as_ref().map(|_| "true"), score_error.as_ref().map(|_| "true"));
    let hours_described =
        if hours_error.is_some() { "settings-hours-hint settings-hours-error" } else { "settings-hours-hint" };
    let score_described = if score_error.is_some() {
        "settings-min_average_score-hint settings-min_average_score-error"
    } else {
        "settings-min_average_score-hint"
    };
    view! {
        <p class="hint">
            {t(msg::STUDIO_SETTINGS_FORM_HINT)} " " <a href=as_text>{t(msg::STUDIO_EDIT_SETTINGS)}</a>
        </p>
        {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
        <form class="account-form" method="post" action={action_of::<SaveStudioSettings>()}>
            <input type="hidden" name="course" value=course_id/>
            <input type="hidden" name="revision" value=revision.to_string()/>
            <SettingText name="title".to_string() label=t(msg::STUDIO_COURSE_TITLE) value=title required=true
                error=title_error language=Some(language)/>
            <SettingText name="summary".to_string() label=t(msg::STUDIO_SETTINGS_SUMMARY) value=summary long=true
                hint=Some(t(msg::STUDIO_SETTINGS_SUMMARY_HINT)) error=summary_error language=Some(language)/>
            <Choice name="language" label=t(msg::STUDIO_COURSE_LANGUAGE) chosen=chosen_language choices=languages
                hint=Some(t(msg::STUDIO_SETTINGS_LANGUAGE_HINT))/>
            <Choice name="level" label=t(msg::STUDIO_COURSE_LEVEL) chosen=chosen_level choices=options(&LEVELS)/>
            <div class="field">
                <label for="settings-hours">{t(msg::STUDIO_SETTINGS_HOURS)}</label>
                <p class="hint" id="settings-hours-hint">{t(msg::STUDIO_SETTINGS_HOURS_HINT)}</p>
                {hours_error.map(|e| view! { <p class="field-error" id="settings-hours-error">{t(&e)}</p> })}
                <input type="number" id="settings-hours" name="hours" value=hours min="0.1" max="200" step="any"
                    inputmode="decimal" autocomplete="off" aria-invalid=hours_invalid aria-describedby=hours_described/>
            </div>
            <Choice name="access" label=t(msg::STUDIO_SETTINGS_ACCESS) chosen=chosen_access choices=options(&ACCESS)/>
            <Choice name="enrolment" label=t(msg::STUDIO_SETTINGS_ENROLMENT) chosen=chosen_enrolment
                choices=options(&ENROLMENT)/>
            <div class="field">
                <label class="consent">
                    <input type="checkbox" name="certificate_issued" checked=certificate/>
                    {t(msg::STUDIO_SETTINGS_CERTIFICATE)}
                </label>
            </div>
            <div class="field">
                <label for="settings-min_average_score">{t(msg::STUDIO_SETTINGS_MIN_SCORE)}</label>
                <p class="hint" id="settings-min_average_score-hint">{t(msg::STUDIO_SETTINGS_MIN_SCORE_HINT)}</p>
                {score_error.map(|e| view! { <p class="field-error" id="settings-min_average_score-error">{t(&e)}</p> })}
                <input type="number" id="settings-min_average_score" name="min_average_score" value=min_score
                    min="0" max="100" step="1" inputmode="numeric" autocomplete="off"
                    aria-invalid=score_invalid aria-describedby=score_described/>
            </div>
            <h3>{t(msg::STUDIO_SETTINGS_TRANSLATIONS)}</h3>
            <p class="hint">{t(msg::STUDIO_SETTINGS_TRANSLATIONS_HINT)}</p>
            {others.into_iter().map(|translated| view! { <Translation translated/> }).collect_view()}
            <button type="submit">{t(msg::STUDIO_SETTINGS_SAVE)}</button>
        </form>
    }
}

/// A language's title and summary, named by the language itself.
#[component]
fn Translation(translated: Translated) -> impl IntoView {
    let Translated { language, title, summary, title_error, summary_error } = translated;
    let code = language.code();
    view! {
        <fieldset class="profile-questions">
            <legend lang=code>{language.native_name()}</legend>
            <SettingText name=format!("{code}_title") label=t(msg::STUDIO_COURSE_TITLE) value=title
                error=title_error language=Some(language)/>
            <SettingText name=format!("{code}_summary") label=t(msg::STUDIO_SETTINGS_SUMMARY) value=summary long=true
                error=summary_error language=Some(language)/>
        </fieldset>
    }
}

/// A labelled text of the form (a line, or a few lines for a summary)
/// with its hint and its error, written in `language`.
#[component]
fn SettingText(
    name: String,
    label: String,
    value: String,
    #[prop(default = false)] long: bool,
    #[prop(default = false)] required: bool,
    #[prop(default = None)] hint: Option<String>,
    #[prop(default = None)] error: Option<String>,
    #[prop(default = None)] language: Option<Language>,
) -> impl IntoView {
    let id = format!("settings-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [hint.as_ref().map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = error.is_some().then_some("true");
    let lang = language.map(|language| language.code());
    let dir = language.map(|language| language.direction().html_dir());
    let input = if long {
        view! {
            <textarea id=id.clone() name=name rows="3" maxlength="500" lang=lang dir=dir
                aria-invalid=invalid aria-describedby=described_by>{textarea_text(&value)}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() name=name value=value maxlength="120" autocomplete="off"
                required=required lang=lang dir=dir aria-invalid=invalid aria-describedby=described_by/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {error.map(|error| view! { <p class="field-error" id=error_id>{t(&error)}</p> })}
            {input}
        </div>
    }
}

/// A labelled select: each choice its value, its name and the language
/// the name is in (a language's own name).
#[component]
fn Choice(
    name: &'static str,
    label: String,
    chosen: String,
    choices: Vec<(&'static str, String, Option<&'static str>)>,
    #[prop(default = None)] hint: Option<String>,
) -> impl IntoView {
    let id = format!("settings-{name}");
    let hint_id = format!("{id}-hint");
    let described_by = hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <select id=id name=name aria-describedby=described_by>
                {choices
                    .into_iter()
                    .map(|(value, text, lang)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected lang=lang>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
