//! Writing a studio course's draft: a text file saved with its version
//! token (or kept for its preview), the settings form, the outline's
//! modules and lessons added, moved and removed.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::support::*;

/// Saves a text file of the draft, if nobody saved it since `revision`
/// (empty: a new file). A lesson's front matter comes as fields when the
/// editor showed them (`front_matter`). `intent` `preview` keeps the text
/// for its preview instead, and `question` adds a question to it, saving
/// nothing. A translation saved with `up_to_date` names the current
/// original as the one it was made from.
#[server(endpoint = "save_studio_file")]
#[allow(clippy::too_many_arguments)]
pub async fn save_studio_file(
    course: String,
    path: String,
    revision: String,
    text: String,
    intent: Option<String>,
    up_to_date: Option<String>,
    front_matter: Option<String>,
    title: Option<String>,
    minutes: Option<String>,
    lesson_id: Option<String>,
    pass_mark: Option<String>,
    translated_from: Option<String>,
) -> Result<(), AppError> {
    use crate::msg;
    use crate::studio::editor::{self, Outcome, Typed};
    let viewer = crate::api::rules::signed_in::<SaveStudioFile>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let fields = front_matter.map(|_| crate::model::LessonFields {
        title: title.unwrap_or_default(),
        minutes: minutes.unwrap_or_default(),
        id: lesson_id.unwrap_or_default(),
        pass_mark: pass_mark.unwrap_or_default(),
        translated_from: translated_from.unwrap_or_default(),
        translation: false,
    });
    let typed = Typed { path, revision, text, fields, up_to_date: up_to_date.is_some() };
    let aside = match intent.as_deref() {
        Some("preview") => Some(editor::text_typed(&typed)),
        Some("question") => {
            let words = [
                msg::STUDIO_NEW_QUESTION,
                msg::STUDIO_NEW_QUESTION_WRONG,
                msg::STUDIO_NEW_QUESTION_RIGHT,
                msg::STUDIO_NEW_QUESTION_WHY,
            ]
            .map(crate::i18n::t);
            let words = [words[0].as_str(), words[1].as_str(), words[2].as_str(), words[3].as_str()];
            Some(crate::studio::front_matter::with_question(&editor::text_typed(&typed), words))
        }
        _ => None,
    };
    if let Some(text) = aside {
        let too_long = crate::studio::paths::kind_of(&typed.path).map(|kind| text.len() > kind.max_bytes());
        match too_long {
            Err(_) => return Err(AppError::BadRequest),
            Ok(true) => return Err(refused("text", msg::STUDIO_ERROR_TOO_LONG, Vec::new())),
            Ok(false) => {}
        }
        let hash = editor::keep_aside(&state.db.writer, &text).await.map_err(AppError::internal)?;
        keep_aside(&hash).await?;
        let fragment = if intent.as_deref() == Some("preview") { "#preview" } else { "#editor-text" };
        leptos_axum::redirect(&editor_address(&course, &typed.path, &format!("&unsaved={hash}{fragment}")));
        return Ok(());
    }
    let path = typed.path.clone();
    let actor = crate::auth::acting(Some(&viewer)).await;
    match editor::save(&state.db, &course, typed, &actor).await.map_err(AppError::internal)? {
        Outcome::Saved => leptos_axum::redirect(&editor_address(&course, &path, "&saved=1")),
        Outcome::Conflict(hash) => {
            keep_aside(&hash).await?;
            leptos_axum::redirect(&editor_address(&course, &path, &format!("&yours={hash}#conflict")));
        }
        Outcome::BadRequest => return Err(AppError::BadRequest),
        Outcome::TooLong => return Err(refused("text", msg::STUDIO_ERROR_TOO_LONG, Vec::new())),
        Outcome::CourseFull => return Err(refused("text", msg::STUDIO_ERROR_COURSE_FULL, Vec::new())),
    }
    Ok(())
}

/// Saves the course's settings (its `course.toml`, rewritten with only
/// what the form shows), if nobody saved `course.toml` since `revision`.
/// A translation is kept when its title is given; the course's own
/// language is never one.
#[server(endpoint = "save_studio_settings")]
#[allow(clippy::too_many_arguments)]
pub async fn save_studio_settings(
    course: String,
    title: String,
    summary: String,
    language: String,
    level: String,
    hours: Option<String>,
    access: String,
    enrolment: String,
    certificate_issued: Option<String>,
    min_average_score: Option<String>,
    ur_title: Option<String>,
    ur_summary: Option<String>,
    ru_title: Option<String>,
    ru_summary: Option<String>,
    uz_title: Option<String>,
    uz_summary: Option<String>,
    en_title: Option<String>,
    en_summary: Option<String>,
    revision: i64,
) -> Result<(), AppError> {
    use crate::language::Language;
    use crate::model::FormErrors;
    use crate::msg;
    use crate::studio::settings::{SettingsForm, SettingsRefused};
    use crate::studio::store::Saved;
    let viewer = crate::api::rules::signed_in::<SaveStudioSettings>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let form = SettingsForm {
        title,
        summary,
        language,
        level,
        hours: hours.unwrap_or_default(),
        access,
        enrolment,
        certificate_issued: certificate_issued.is_some(),
        min_average_score: min_average_score.unwrap_or_default(),
        translations: vec![
            (Language::En, en_title.unwrap_or_default(), en_summary.unwrap_or_default()),
            (Language::Ur, ur_title.unwrap_or_default(), ur_summary.unwrap_or_default()),
            (Language::Uz, uz_title.unwrap_or_default(), uz_summary.unwrap_or_default()),
            (Language::Ru, ru_title.unwrap_or_default(), ru_summary.unwrap_or_default()),
        ],
    };
    let settings = crate::studio::settings::read_form(&form).map_err(|refusal| match refusal {
        SettingsRefused::BadRequest => AppError::BadRequest,
        SettingsRefused::Field { field, message } => refused(&field, message, form.typed()),
    })?;
    let text = crate::studio::course_toml(&settings, &crate::studio::store::instructors_of(&row));
    let actor = crate::auth::acting(Some(&viewer)).await;
    match crate::studio::store::save(
        &state.db.writer,
        &course,
        "course.toml",
        Some(text.as_bytes()),
        Some(revision),
        &actor,
    )
    .await
    .map_err(AppError::internal)?
    {
        Saved::Kept { .. } => {
            leptos_axum::redirect(&format!("/studio/{course}?settings=saved#settings"));
            Ok(())
        }
        Saved::Conflict(_) => Err(AppError::Form(FormErrors {
            fields: Vec::new(),
            values: form.typed(),
            form: Some(msg::STUDIO_ERROR_SETTINGS_CHANGED.into()),
        })),
        Saved::CourseFull => Err(refused("title", msg::STUDIO_ERROR_COURSE_FULL, form.typed())),
    }
}

/// Adds a module (`title`) or, with `module`, a lesson to it.
#[server(endpoint = "add_studio_part")]
pub async fn add_studio_part(course: String, module: Option<String>, title: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = crate::api::rules::signed_in::<AddStudioPart>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let title = title.trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(refused("title", msg::STUDIO_ERROR_TITLE, vec![("title".into(), title)]));
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    let files = crate::studio::versions::draft_files(&state.db.reader, &course).await.map_err(AppError::internal)?;
    let (path, text) = match module.filter(|module| !module.is_empty()) {
        None => {
            let folder = crate::studio::outline::next_module(&files, &title);
            (format!("{folder}/module.toml"), crate::studio::outline::module_toml(&title))
        }
        Some(module) => {
            if !crate::studio::paths::is_numbered_slug(&module) {
                return Err(AppError::BadRequest);
            }
            (crate::studio::outline::next_lesson(&files, &module, &title), crate::studio::outline::lesson_text(&title))
        }
    };
    let saved = crate::studio::store::save(&state.db.writer, &course, &path, Some(text.as_bytes()), None, &actor)
        .await
        .map_err(AppError::internal)?;
    if saved == crate::studio::store::Saved::CourseFull {
        return Err(refused("title", msg::STUDIO_ERROR_COURSE_FULL, Vec::new()));
    }
    if path.ends_with(".md") {
        leptos_axum::redirect(&editor_address(&course, &path, ""));
    } else {
        leptos_axum::redirect(&format!("/studio/{course}"));
    }
    Ok(())
}

/// Moves a lesson up or down its module, keeping its id (only its number
/// changes, and its translations move with it).
#[server(endpoint = "move_studio_lesson")]
pub async fn move_studio_lesson(course: String, path: String, direction: String) -> Result<(), AppError> {
    let viewer = crate::api::rules::signed_in::<MoveStudioLesson>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest),
    };
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::studio::outline::move_lesson(&state.db.writer, &course, &path, up, &actor)
        .await
        .map_err(AppError::internal)?;
    leptos_axum::redirect(&format!("/studio/{course}#outline"));
    Ok(())
}

/// Removes a file of the draft. A lesson learners have completed is
/// removed only once `confirmed`; their records are kept either way.
#[server(endpoint = "remove_studio_file")]
pub async fn remove_studio_file(course: String, path: String, confirmed: Option<String>) -> Result<(), AppError> {
    let viewer = crate::api::rules::signed_in::<RemoveStudioFile>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let current = crate::studio::store::draft_file(&state.db.reader, &course, &path)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    if path == "course.toml" {
        return Err(AppError::BadRequest);
    }
    let lesson = matches!(
        crate::studio::paths::kind_of(&path),
        Ok(crate::studio::paths::FileKind::Lesson { translation: None })
    );
    if lesson && confirmed.is_none() {
        let completed =
            crate::studio::outline::completions_of(&state, &course, &path).await.map_err(AppError::internal)?;
        if completed > 0 {
            let encoded = crate::statistics::reporting::encode(&path);
            leptos_axum::redirect(&format!("/studio/{course}?remove={encoded}#remove"));
            return Ok(());
        }
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::studio::store::save(&state.db.writer, &course, &path, None, Some(current.revision), &actor)
        .await
        .map_err(AppError::internal)?;
    leptos_axum::redirect(&format!("/studio/{course}#outline"));
    Ok(())
}
