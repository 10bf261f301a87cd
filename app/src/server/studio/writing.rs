//! Writing a studio course's draft: a text file saved with its version
//! token (or kept for its preview), the settings form, the outline's
//! modules and lessons added, moved and removed.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::support::*;

/// Saves a text file of the draft, if nobody saved it since `revision`
/// (empty: a new file); `intent` `preview` keeps the text for its preview
/// instead, saving nothing. A translation saved with `up_to_date` names
/// the current original as the one it was made from.
#[server(endpoint = "save_studio_file")]
pub async fn save_studio_file(
    course: String,
    path: String,
    revision: String,
    text: String,
    intent: Option<String>,
    up_to_date: Option<String>,
) -> Result<(), AppError> {
    use crate::msg;
    use crate::studio::store::Saved;
    let viewer = crate::server::rules::signed_in::<SaveStudioFile>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let kind = crate::studio::paths::kind_of(&path).map_err(|_| AppError::BadRequest)?;
    if !kind.is_text() {
        return Err(AppError::BadRequest);
    }
    let text = text.replace("\r\n", "\n");
    if text.len() > kind.max_bytes() {
        return Err(refused("text", msg::STUDIO_ERROR_TOO_LONG, Vec::new()));
    }
    if intent.as_deref() == Some("preview") {
        let hash =
            crate::studio::store::put_blob(&state.db.writer, text.as_bytes()).await.map_err(AppError::internal)?;
        leptos_axum::redirect(&editor_address(&course, &path, &format!("&unsaved={hash}#preview")));
        return Ok(());
    }
    let edited = match revision.trim() {
        "" => None,
        number => Some(number.parse::<i64>().map_err(|_| AppError::BadRequest)?),
    };
    let text = match (&kind, up_to_date) {
        (crate::studio::paths::FileKind::Lesson { translation: Some(_) }, Some(_)) => {
            let original = crate::studio::views::translation_original(&path);
            let current = crate::studio::store::draft_file(&state.db.reader, &course, &original)
                .await
                .map_err(AppError::internal)?
                .map(|file| file.hash)
                .unwrap_or_default();
            crate::studio::translations::with_translated_from(&text, &current)
        }
        _ => text,
    };
    if !crate::studio::within_bounds(&state.db.reader, &course, &path, text.len()).await.map_err(AppError::internal)? {
        return Err(refused("text", msg::STUDIO_ERROR_COURSE_FULL, Vec::new()));
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    let saved = crate::studio::store::save(&state.db.writer, &course, &path, Some(text.as_bytes()), edited, &actor)
        .await
        .map_err(AppError::internal)?;
    match saved {
        Saved::Kept { .. } => leptos_axum::redirect(&editor_address(&course, &path, "&saved=1")),
        Saved::Conflict(_) => {
            let hash =
                crate::studio::store::put_blob(&state.db.writer, text.as_bytes()).await.map_err(AppError::internal)?;
            leptos_axum::redirect(&editor_address(&course, &path, &format!("&yours={hash}#conflict")));
        }
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
    use crate::studio::store::Saved;
    let viewer = crate::server::rules::signed_in::<SaveStudioSettings>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let hours = hours.unwrap_or_default();
    let min_average_score = min_average_score.unwrap_or_default();
    let translated = [
        (Language::En, en_title.unwrap_or_default(), en_summary.unwrap_or_default()),
        (Language::Ur, ur_title.unwrap_or_default(), ur_summary.unwrap_or_default()),
        (Language::Uz, uz_title.unwrap_or_default(), uz_summary.unwrap_or_default()),
        (Language::Ru, ru_title.unwrap_or_default(), ru_summary.unwrap_or_default()),
    ];
    let mut typed = vec![
        ("title".to_string(), title.clone()),
        ("summary".to_string(), summary.clone()),
        ("language".to_string(), language.clone()),
        ("level".to_string(), level.clone()),
        ("hours".to_string(), hours.clone()),
        ("access".to_string(), access.clone()),
        ("enrolment".to_string(), enrolment.clone()),
        ("certificate_issued".to_string(), if certificate_issued.is_some() { "on".into() } else { String::new() }),
        ("min_average_score".to_string(), min_average_score.clone()),
    ];
    for (other, other_title, other_summary) in &translated {
        typed.push((format!("{}_title", other.code()), other_title.clone()));
        typed.push((format!("{}_summary", other.code()), other_summary.clone()));
    }
    let choice = |value: String| serde_json::Value::String(value);
    let language: Language = serde_json::from_value(choice(language)).map_err(|_| AppError::BadRequest)?;
    let level: crate::model::Level = serde_json::from_value(choice(level)).map_err(|_| AppError::BadRequest)?;
    let access: crate::model::Access = serde_json::from_value(choice(access)).map_err(|_| AppError::BadRequest)?;
    let enrolment: crate::model::Enrolment =
        serde_json::from_value(choice(enrolment)).map_err(|_| AppError::BadRequest)?;
    let title = title.trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(refused("title", msg::STUDIO_ERROR_TITLE, typed));
    }
    let summary = summary.trim().to_string();
    if summary.chars().count() > 500 {
        return Err(refused("summary", msg::STUDIO_ERROR_SETTINGS_SUMMARY, typed));
    }
    let hours = match hours.trim() {
        "" => None,
        number => match number.replace(',', ".").parse::<f32>() {
            Ok(hours) if hours.is_finite() && (0.1..=200.0).contains(&hours) => Some(hours),
            _ => return Err(refused("hours", msg::STUDIO_ERROR_SETTINGS_HOURS, typed)),
        },
    };
    let min_average_score = match min_average_score.trim() {
        "" => None,
        number => match number.parse::<u8>() {
            Ok(score) if score <= 100 => Some(score),
            _ => return Err(refused("min_average_score", msg::STUDIO_ERROR_SETTINGS_MIN_SCORE, typed)),
        },
    };
    let mut translations = std::collections::BTreeMap::new();
    for (other, other_title, other_summary) in translated {
        if other == language {
            continue;
        }
        let (other_title, other_summary) = (other_title.trim().to_string(), other_summary.trim().to_string());
        let code = other.code();
        if other_title.chars().count() > 120 {
            return Err(refused(&format!("{code}_title"), msg::STUDIO_ERROR_TITLE, typed));
        }
        if other_summary.chars().count() > 500 {
            return Err(refused(&format!("{code}_summary"), msg::STUDIO_ERROR_SETTINGS_SUMMARY, typed));
        }
        if other_title.is_empty() {
            if !other_summary.is_empty() {
                return Err(refused(&format!("{code}_title"), msg::STUDIO_ERROR_SETTINGS_TRANSLATION_TITLE, typed));
            }
            continue;
        }
        translations.insert(other, (other_title, (!other_summary.is_empty()).then_some(other_summary)));
    }
    let settings = crate::studio::CourseSettings {
        title,
        summary,
        language,
        level,
        hours,
        access,
        enrolment,
        certificate_issued: certificate_issued.is_some(),
        min_average_score,
        translations,
    };
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
            values: typed,
            form: Some(msg::STUDIO_ERROR_SETTINGS_CHANGED.into()),
        })),
    }
}

/// Adds a module (`title`) or, with `module`, a lesson to it.
#[server(endpoint = "add_studio_part")]
pub async fn add_studio_part(course: String, module: Option<String>, title: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = crate::server::rules::signed_in::<AddStudioPart>().await?;
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
    if !crate::studio::within_bounds(&state.db.reader, &course, &path, text.len()).await.map_err(AppError::internal)? {
        return Err(refused("title", msg::STUDIO_ERROR_COURSE_FULL, Vec::new()));
    }
    crate::studio::store::save(&state.db.writer, &course, &path, Some(text.as_bytes()), None, &actor)
        .await
        .map_err(AppError::internal)?;
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
    let viewer = crate::server::rules::signed_in::<MoveStudioLesson>().await?;
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
    let viewer = crate::server::rules::signed_in::<RemoveStudioFile>().await?;
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
            leptos_axum::redirect(&format!("/studio/{course}?remove={encoded}&completed={completed}#remove"));
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
