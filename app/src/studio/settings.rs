//! A course's settings: the fields of `course.toml` an instructor edits,
//! read from the settings form (`read_form`, which checks them), written
//! as `course.toml` (`course_toml`) and read back from it (`settings_of`).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::quoted;
use crate::language::Language;
use crate::model::{Access, Enrolment, Level};
use crate::msg;

/// A course's settings: the fields of `course.toml` an instructor edits
/// (its instructors are the course row's, set by administrators).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseSettings {
    pub title: String,
    pub summary: String,
    pub language: Language,
    pub level: Level,
    pub hours: Option<f32>,
    pub access: Access,
    pub enrolment: Enrolment,
    pub certificate_issued: bool,
    pub min_average_score: Option<u8>,
    /// Each translation's title and summary.
    pub translations: BTreeMap<Language, (String, Option<String>)>,
}

/// `course.toml` for `settings` and `instructors`.
pub fn course_toml(settings: &CourseSettings, instructors: &[String]) -> String {
    let mut toml = format!("title = {}\nsummary = {}\n", quoted(&settings.title), quoted(&settings.summary));
    toml.push_str(&format!("language = {}\n", quoted(settings.language.code())));
    toml.push_str(&format!("level = {}\n", quoted(&name_of(&settings.level))));
    if let Some(hours) = settings.hours {
        toml.push_str(&format!("hours = {hours}\n"));
    }
    let names: Vec<String> = instructors.iter().map(|name| quoted(name)).collect();
    toml.push_str(&format!("instructors = [{}]\n", names.join(", ")));
    toml.push_str(&format!("access = {}\n", quoted(&name_of(&settings.access))));
    toml.push_str(&format!("enrolment = {}\n", quoted(&name_of(&settings.enrolment))));
    toml.push_str(&format!("\n[certificate]\nissued = {}\n", settings.certificate_issued));
    if let Some(score) = settings.min_average_score {
        toml.push_str(&format!("min_average_score = {score}\n"));
    }
    for (language, (title, summary)) in &settings.translations {
        toml.push_str(&format!("\n[translations.{}]\ntitle = {}\n", language.code(), quoted(title)));
        if let Some(summary) = summary {
            toml.push_str(&format!("summary = {}\n", quoted(summary)));
        }
    }
    toml
}

/// A choice as `course.toml` spells it (its serde name: `beginner`).
fn name_of(choice: &impl Serialize) -> String {
    serde_json::to_value(choice).ok().and_then(|value| value.as_str().map(str::to_string)).unwrap_or_default()
}

/// The settings `course.toml` holds, read back for its form.
pub fn settings_of(course_toml: &str) -> Option<CourseSettings> {
    let manifest: crate::catalog::manifest::CourseManifest = toml::from_str(course_toml).ok()?;
    Some(CourseSettings {
        title: manifest.title,
        summary: manifest.summary,
        language: manifest.language,
        level: manifest.level,
        hours: manifest.hours,
        access: manifest.access,
        enrolment: manifest.enrolment,
        certificate_issued: manifest.certificate.issued,
        min_average_score: manifest.certificate.min_average_score,
        translations: manifest
            .translations
            .into_iter()
            .map(|(language, translated)| (language, (translated.title, translated.summary)))
            .collect(),
    })
}

/// The settings form as it was sent: every field as typed (not to be
/// confused with `crate::model::SettingsForm`, the form as shown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsForm {
    pub title: String,
    pub summary: String,
    /// A choice's serde name (`en`), as are `level`, `access` and `enrolment`.
    pub language: String,
    pub level: String,
    /// Empty: summed from the lessons.
    pub hours: String,
    pub access: String,
    pub enrolment: String,
    pub certificate_issued: bool,
    /// Empty: not required.
    pub min_average_score: String,
    /// Each language's translated title and summary as typed, the course's
    /// own language among them (the form sends all four: en, ur, uz, ru).
    pub translations: Vec<(Language, String, String)>,
}

impl SettingsForm {
    /// What was typed, by the form's field names, to fill the form again
    /// when it is refused.
    pub fn typed(&self) -> Vec<(String, String)> {
        let mut typed = vec![
            ("title".to_string(), self.title.clone()),
            ("summary".to_string(), self.summary.clone()),
            ("language".to_string(), self.language.clone()),
            ("level".to_string(), self.level.clone()),
            ("hours".to_string(), self.hours.clone()),
            ("access".to_string(), self.access.clone()),
            ("enrolment".to_string(), self.enrolment.clone()),
            ("certificate_issued".to_string(), if self.certificate_issued { "on".into() } else { String::new() }),
            ("min_average_score".to_string(), self.min_average_score.clone()),
        ];
        for (other, other_title, other_summary) in &self.translations {
            typed.push((format!("{}_title", other.code()), other_title.clone()));
            typed.push((format!("{}_summary", other.code()), other_summary.clone()));
        }
        typed
    }
}

/// Why the settings form was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsRefused {
    /// A choice the form never offers (a language, level, access or
    /// enrolment that does not exist).
    BadRequest,
    /// A field to correct: its name in the form, and the message saying how.
    Field { field: String, message: &'static str },
}

fn field(name: &str, message: &'static str) -> SettingsRefused {
    SettingsRefused::Field { field: name.to_string(), message }
}

/// A choice from its serde name (`beginner`).
fn choice<T: DeserializeOwned>(value: &str) -> Result<T, SettingsRefused> {
    serde_json::from_value(serde_json::Value::String(value.to_string())).map_err(|_| SettingsRefused::BadRequest)
}

/// The settings the form gives, checked: a title of 1 to 120 characters,
/// a summary of at most 500, hours from 0.1 to 200 (`1,5` too) or none,
/// an average score from 0 to 100 or none. A translation is kept when its
/// title is given; the course's own language is never one.
pub fn read_form(form: &SettingsForm) -> Result<CourseSettings, SettingsRefused> {
    let language: Language = choice(&form.language)?;
    let level: Level = choice(&form.level)?;
    let access: Access = choice(&form.access)?;
    let enrolment: Enrolment = choice(&form.enrolment)?;
    let title = form.title.trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(field("title", msg::STUDIO_ERROR_TITLE));
    }
    let summary = form.summary.trim().to_string();
    if summary.chars().count() > 500 {
        return Err(field("summary", msg::STUDIO_ERROR_SETTINGS_SUMMARY));
    }
    let hours = match form.hours.trim() {
        "" => None,
        number => match number.replace(',', ".").parse::<f32>() {
            Ok(hours) if hours.is_finite() && (0.1..=200.0).contains(&hours) => Some(hours),
            _ => return Err(field("hours", msg::STUDIO_ERROR_SETTINGS_HOURS)),
        },
    };
    let min_average_score = match form.min_average_score.trim() {
        "" => None,
        number => match number.parse::<u8>() {
            Ok(score) if score <= 100 => Some(score),
            _ => return Err(field("min_average_score", msg::STUDIO_ERROR_SETTINGS_MIN_SCORE)),
        },
    };
    let mut translations = BTreeMap::new();
    for (other, other_title, other_summary) in &form.translations {
        if *other == language {
            continue;
        }
        let (other_title, other_summary) = (other_title.trim().to_string(), other_summary.trim().to_string());
        let code = other.code();
        if other_title.chars().count() > 120 {
            return Err(field(&format!("{code}_title"), msg::STUDIO_ERROR_TITLE));
        }
        if other_summary.chars().count() > 500 {
            return Err(field(&format!("{code}_summary"), msg::STUDIO_ERROR_SETTINGS_SUMMARY));
        }
        if other_title.is_empty() {
            if !other_summary.is_empty() {
                return Err(field(&format!("{code}_title"), msg::STUDIO_ERROR_SETTINGS_TRANSLATION_TITLE));
            }
            continue;
        }
        translations.insert(*other, (other_title, (!other_summary.is_empty()).then_some(other_summary)));
    }
    Ok(CourseSettings {
        title,
        summary,
        language,
        level,
        hours,
        access,
        enrolment,
        certificate_issued: form.certificate_issued,
        min_average_score,
        translations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SettingsForm {
        SettingsForm {
            title: "  Phone basics ".into(),
            summary: "Using a phone, step by step.\n".into(),
            language: "en".into(),
            level: "intermediate".into(),
            hours: "1,5".into(),
            access: "enrolled".into(),
            enrolment: "code".into(),
            certificate_issued: true,
            min_average_score: " 80 ".into(),
            translations: vec![
                (Language::En, "Not a translation".into(), "The course's own language".into()),
                (Language::Ur, " فون کی بنیادی باتیں ".into(), String::new()),
                (Language::Uz, "  ".into(), String::new()),
                (Language::Ru, "Основы телефона".into(), "Шаг за шагом.".into()),
            ],
        }
    }

    fn refusal(form: &SettingsForm) -> (String, &'static str) {
        match read_form(form) {
            Err(SettingsRefused::Field { field, message }) => (field, message),
            other => panic!("expected a refused field, got {other:?}"),
        }
    }

    #[test]
    fn a_good_form_gives_its_settings() {
        let settings = read_form(&form()).unwrap();
        let mut translations = BTreeMap::new();
        translations.insert(Language::Ur, ("فون کی بنیادی باتیں".to_string(), None));
        translations.insert(Language::Ru, ("Основы телефона".to_string(), Some("Шаг за шагом.".to_string())));
        assert_eq!(
            settings,
            CourseSettings {
                title: "Phone basics".into(),
                summary: "Using a phone, step by step.".into(),
                language: Language::En,
                level: Level::Intermediate,
                hours: Some(1.5),
                access: Access::Enrolled,
                enrolment: Enrolment::Code,
                certificate_issued: true,
                min_average_score: Some(80),
                translations,
            }
        );
    }

    #[test]
    fn empty_hours_and_score_are_none_and_the_certificate_may_be_off() {
        let settings = read_form(&SettingsForm {
            hours: " ".into(),
            min_average_score: String::new(),
            certificate_issued: false,
            ..form()
        })
        .unwrap();
        assert_eq!((settings.hours, settings.min_average_score, settings.certificate_issued), (None, None, false));
        let settings = read_form(&SettingsForm { hours: "200".into(), min_average_score: "0".into(), ..form() });
        assert_eq!(settings.map(|settings| (settings.hours, settings.min_average_score)), Ok((Some(200.0), Some(0))));
    }

    #[test]
    fn the_courses_own_language_is_never_a_translation() {
        let settings = read_form(&SettingsForm { language: "ur".into(), ..form() }).unwrap();
        assert_eq!(settings.language, Language::Ur);
        assert_eq!(settings.translations.keys().copied().collect::<Vec<_>>(), [Language::En, Language::Ru]);
    }

    #[test]
    fn each_refusal_names_its_field() {
        let title = |title: &str| refusal(&SettingsForm { title: title.into(), ..form() });
        assert_eq!(title(""), ("title".to_string(), msg::STUDIO_ERROR_TITLE));
        assert_eq!(title("   "), ("title".to_string(), msg::STUDIO_ERROR_TITLE));
        assert_eq!(title(&"a".repeat(121)), ("title".to_string(), msg::STUDIO_ERROR_TITLE));
        assert!(read_form(&SettingsForm { title: "ب".repeat(120), ..form() }).is_ok(), "120 characters, not bytes");

        let summary = refusal(&SettingsForm { summary: "a".repeat(501), ..form() });
        assert_eq!(summary, ("summary".to_string(), msg::STUDIO_ERROR_SETTINGS_SUMMARY));

        for hours in ["0", "abc", "201", "NaN", "inf"] {
            let refused = refusal(&SettingsForm { hours: hours.into(), ..form() });
            assert_eq!(refused, ("hours".to_string(), msg::STUDIO_ERROR_SETTINGS_HOURS), "{hours}");
        }

        for score in ["101", "-1", "7.5"] {
            let refused = refusal(&SettingsForm { min_average_score: score.into(), ..form() });
            assert_eq!(refused, ("min_average_score".to_string(), msg::STUDIO_ERROR_SETTINGS_MIN_SCORE), "{score}");
        }
    }

    #[test]
    fn a_translation_is_refused_by_its_own_field() {
        let mut untitled = form();
        untitled.translations[2] = (Language::Uz, String::new(), "Qadamma-qadam.".into());
        assert_eq!(refusal(&untitled), ("uz_title".to_string(), msg::STUDIO_ERROR_SETTINGS_TRANSLATION_TITLE));

        let mut long_title = form();
        long_title.translations[3].1 = "a".repeat(121);
        assert_eq!(refusal(&long_title), ("ru_title".to_string(), msg::STUDIO_ERROR_TITLE));

        let mut long_summary = form();
        long_summary.translations[1].2 = "a".repeat(501);
        assert_eq!(refusal(&long_summary), ("ur_summary".to_string(), msg::STUDIO_ERROR_SETTINGS_SUMMARY));
    }

    #[test]
    fn a_choice_the_form_never_offers_is_a_bad_request() {
        assert_eq!(read_form(&SettingsForm { level: "expert".into(), ..form() }), Err(SettingsRefused::BadRequest));
        assert_eq!(read_form(&SettingsForm { language: "fr".into(), ..form() }), Err(SettingsRefused::BadRequest));
        assert_eq!(read_form(&SettingsForm { access: "Open".into(), ..form() }), Err(SettingsRefused::BadRequest));
        assert_eq!(read_form(&SettingsForm { enrolment: String::new(), ..form() }), Err(SettingsRefused::BadRequest));
        // A bad choice is refused before any field is.
        let both = SettingsForm { level: "expert".into(), title: String::new(), ..form() };
        assert_eq!(read_form(&both), Err(SettingsRefused::BadRequest));
    }

    #[test]
    fn typed_gives_back_every_field_as_sent() {
        let typed = form().typed();
        let names: Vec<&str> = typed.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "title",
                "summary",
                "language",
                "level",
                "hours",
                "access",
                "enrolment",
                "certificate_issued",
                "min_average_score",
                "en_title",
                "en_summary",
                "ur_title",
                "ur_summary",
                "uz_title",
                "uz_summary",
                "ru_title",
                "ru_summary",
            ]
        );
        assert_eq!(typed[0].1, "  Phone basics ");
        assert_eq!(typed[4].1, "1,5");
        assert_eq!(typed[7].1, "on");
        assert_eq!(typed[11].1, " فون کی بنیادی باتیں ");
        let off = SettingsForm { certificate_issued: false, ..form() }.typed();
        assert_eq!(off[7], ("certificate_issued".to_string(), String::new()));
    }

    #[test]
    fn course_toml_reads_back_as_the_same_settings() {
        let settings = read_form(&form()).unwrap();
        assert_eq!(settings_of(&course_toml(&settings, &[])), Some(settings.clone()));
        let quoting = CourseSettings {
            title: "The \"phone\" \\ basics".into(),
            summary: "Two\nlines\tand a bell \u{7}".into(),
            hours: None,
            min_average_score: None,
            certificate_issued: false,
            translations: BTreeMap::new(),
            ..settings
        };
        assert_eq!(settings_of(&course_toml(&quoting, &["amina".to_string()])), Some(quoting));
    }
}
