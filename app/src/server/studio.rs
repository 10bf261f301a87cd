//! The studio's server functions: thin over `studio`, each asking
//! `policy` first. Forms work without JavaScript: every change answers
//! with a redirect to the page that shows its outcome.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{LessonView, StudioCourse, StudioEditor, StudioHistory, StudioHome};

#[cfg(feature = "ssr")]
mod support {
    use crate::entities::studio_course;
    use crate::error::AppError;
    use crate::model::{FormErrors, Viewer};
    use crate::state::AppState;

    /// A refused form: `message` on `field`, with what was typed.
    pub fn refused(field: &str, message: &str, values: Vec<(String, String)>) -> AppError {
        AppError::Form(FormErrors { fields: vec![(field.into(), message.into())], values, form: None })
    }

    /// The studio course `id`, if the viewer may write it; else not found
    /// (a course's drafts are not even said to exist to others).
    pub async fn authored(state: &AppState, viewer: &Viewer, id: &str) -> Result<studio_course::Model, AppError> {
        let row = crate::studio::store::course(&state.db.reader, id)
            .await
            .map_err(AppError::internal)?
            .ok_or(AppError::NotFound)?;
        if !crate::policy::may_author(viewer, &crate::studio::store::instructors_of(&row)) {
            return Err(AppError::NotFound);
        }
        Ok(row)
    }

    /// `/studio/{course}/edit?path=…` and more query.
    pub fn editor_address(course: &str, path: &str, query: &str) -> String {
        let path = crate::statistics::reporting::encode(path);
        format!("/studio/{course}/edit?path={path}{query}")
    }

    /// Makes the published versions live here and on every instance.
    pub async fn go_live(state: &AppState) -> Result<(), AppError> {
        crate::studio::live::serve_published(&state.db, &state.catalog, &state.sources)
            .await
            .map(|_| ())
            .map_err(AppError::internal)
    }
}

#[cfg(feature = "ssr")]
use support::*;

/// `/studio`: the courses the person may write, and the folder courses.
#[server(name = StudioHomePage, endpoint = "studio_home")]
pub async fn studio_home() -> Result<StudioHome, AppError> {
    use crate::model::{FolderCourseCard, StudioCourseCard};
    let viewer = super::rules::signed_in::<StudioHomePage>().await?;
    if !crate::policy::may_use_studio(&viewer) {
        return Err(AppError::Forbidden);
    }
    let state = expect_context::<crate::state::AppState>();
    let rows = crate::studio::store::courses(&state.db.reader).await.map_err(AppError::internal)?;
    let catalog = state.catalog.current();
    let reader = crate::i18n::use_language();
    let mut courses = Vec::new();
    for row in &rows {
        if !crate::policy::may_author(&viewer, &crate::studio::store::instructors_of(row)) {
            continue;
        }
        let latest =
            crate::studio::versions::latest(&state.db.reader, &row.course_id).await.map_err(AppError::internal)?;
        let title = catalog
            .course(&row.course_id)
            .map(|course| course.card(reader).title)
            .unwrap_or_else(|| row.course_id.clone());
        courses.push(StudioCourseCard {
            id: row.course_id.clone(),
            title,
            published: latest.map(|version| version.number),
            proposed: row.proposed_revision.is_some(),
        });
    }
    let folder_courses = catalog
        .courses()
        .iter()
        .filter(|course| !rows.iter().any(|row| row.course_id == course.id))
        .filter(|course| crate::policy::may_author(&viewer, &course.instructors))
        .map(|course| FolderCourseCard { id: course.id.clone(), title: course.card(reader).title })
        .collect();
    Ok(StudioHome { courses, folder_courses, may_create: crate::policy::may_run_studio(&viewer) })
}

/// Creates a course (administrators), with a first module and lesson.
#[server(endpoint = "create_studio_course")]
pub async fn create_studio_course(id: String, title: String, language: String, level: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = super::rules::signed_in::<CreateStudioCourse>().await?;
    if !crate::policy::may_run_studio(&viewer) {
        return Err(AppError::Forbidden);
    }
    let typed = vec![
        ("id".to_string(), id.clone()),
        ("title".to_string(), title.clone()),
        ("language".to_string(), language.clone()),
        ("level".to_string(), level.clone()),
    ];
    let id = id.trim().to_string();
    if !crate::catalog::slug::is_slug(&id) {
        return Err(refused("id", msg::STUDIO_ERROR_COURSE_ID, typed));
    }
    let title = title.trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(refused("title", msg::STUDIO_ERROR_TITLE, typed));
    }
    let Some(language) = crate::language::Language::from_code(&language) else {
        return Err(refused("language", msg::STUDIO_ERROR_TITLE, typed));
    };
    let level: crate::model::Level =
        serde_json::from_value(serde_json::Value::String(level)).map_err(|_| AppError::BadRequest)?;
    let state = expect_context::<crate::state::AppState>();
    let settings = crate::studio::CourseSettings {
        title,
        summary: String::new(),
        language,
        level,
        hours: None,
        access: Default::default(),
        enrolment: Default::default(),
        certificate_issued: true,
        min_average_score: None,
        translations: Default::default(),
    };
    let taken: Vec<String> = state.catalog.current().courses().iter().map(|course| course.id.clone()).collect();
    let actor = crate::auth::acting(Some(&viewer)).await;
    let instructors =
        if viewer.role == crate::model::Role::Instructor { vec![viewer.username.clone()] } else { Vec::new() };
    match crate::studio::create_course(&state.db.writer, &id, &settings, &instructors, &taken, &actor)
        .await
        .map_err(AppError::internal)?
    {
        Ok(()) => {
            leptos_axum::redirect(&format!("/studio/{id}"));
            Ok(())
        }
        Err(crate::studio::NotCreated::Taken) => Err(refused("id", msg::STUDIO_ERROR_COURSE_TAKEN, typed)),
    }
}

/// `/studio/{course}`.
#[server(name = StudioCoursePage, endpoint = "studio_course")]
pub async fn studio_course(course: String) -> Result<StudioCourse, AppError> {
    let viewer = super::rules::signed_in::<StudioCoursePage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let instructors = crate::studio::store::instructors_of(&row);
    let mut page =
        crate::studio::views::course_page(&state.db, &state.sources, &row).await.map_err(AppError::internal)?;
    page.may_manage = crate::policy::may_run_studio(&viewer);
    page.may_publish = crate::policy::may_publish_directly(&viewer, &instructors, row.review_required);
    page.may_review = crate::policy::may_review(&viewer, &instructors, row.proposed_by);
    Ok(page)
}

/// One text file of the draft, for its editor: `unsaved` names a text
/// kept for its preview, `yours` the text of a save that was refused
/// because someone saved after it.
#[server(name = StudioEditorPage, endpoint = "studio_editor")]
pub async fn studio_editor(
    course: String,
    path: String,
    unsaved: Option<String>,
    yours: Option<String>,
    saved: Option<String>,
) -> Result<StudioEditor, AppError> {
    use crate::model::Conflict;
    use crate::studio::paths::{self, FileKind};
    let viewer = super::rules::signed_in::<StudioEditorPage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let kind = paths::kind_of(&path).map_err(|_| AppError::NotFound)?;
    if !kind.is_text() {
        return Err(AppError::NotFound);
    }
    let reader = &state.db.reader;
    let text_of = |hash: String| async move {
        crate::studio::store::blob(reader, &hash)
            .await
            .map(|bytes| bytes.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
    };
    let current = crate::studio::store::draft_file(reader, &course, &path).await.map_err(AppError::internal)?;
    let saved_text = match &current {
        Some(current) => text_of(current.hash.clone()).await.map_err(AppError::internal)?.unwrap_or_default(),
        None => String::new(),
    };
    let unsaved_text = match unsaved.clone().filter(|hash| hash.len() == 64) {
        Some(hash) => text_of(hash).await.map_err(AppError::internal)?,
        None => None,
    };
    let conflict = match yours.filter(|hash| hash.len() == 64) {
        Some(hash) => match text_of(hash).await.map_err(AppError::internal)? {
            Some(yours) => {
                let by = match current.as_ref().and_then(|current| current.updated_by) {
                    Some(id) => crate::studio::views::usernames(&state.db, vec![id])
                        .await
                        .map_err(AppError::internal)?
                        .remove(&id),
                    None => None,
                };
                Some(Conflict { theirs: saved_text.clone(), by, yours })
            }
            None => None,
        },
        None => None,
    };
    let settings =
        crate::studio::store::draft_file(reader, &course, "course.toml").await.map_err(AppError::internal)?;
    let course_settings = match settings {
        Some(file) => {
            text_of(file.hash).await.map_err(AppError::internal)?.and_then(|text| crate::studio::settings_of(&text))
        }
        None => None,
    };
    let (course_title, course_language) = course_settings
        .map(|settings| (settings.title, settings.language))
        .unwrap_or_else(|| (course.clone(), Default::default()));
    let language = match kind {
        FileKind::Lesson { translation: Some(language) } => language,
        _ => course_language,
    };
    let replaced = unsaved_text.clone().map(|text| (path.clone(), text.into_bytes()));
    let draft = crate::studio::preview::load_draft(
        reader,
        &state.sources.drafts,
        &course,
        replaced,
        state.sources.options.clone(),
    )
    .await
    .map_err(AppError::internal)?;
    // The lesson a file is: its original's id (front matter, else its name).
    let lesson_id = match kind {
        FileKind::Lesson { .. } => {
            let original = crate::studio::views::translation_original(&path);
            let original_text =
                match crate::studio::store::draft_file(reader, &course, &original).await.map_err(AppError::internal)? {
                    Some(file) => text_of(file.hash).await.map_err(AppError::internal)?.unwrap_or_default(),
                    None => String::new(),
                };
            Some(crate::studio::views::lesson_heading(&original, &original_text).1)
        }
        _ => None,
    };
    let problems =
        draft.problems.iter().map(crate::studio::views::problem_view).filter(|problem| problem.path == path).collect();
    let _ = row;
    let original = match kind {
        FileKind::Lesson { translation: Some(_) } => {
            let original_path = crate::studio::views::translation_original(&path);
            let original_text = match crate::studio::store::draft_file(reader, &course, &original_path)
                .await
                .map_err(AppError::internal)?
            {
                Some(file) => text_of(file.hash).await.map_err(AppError::internal)?.unwrap_or_default(),
                None => String::new(),
            };
            let current = crate::studio::store::content_hash(original_text.as_bytes());
            let made_from = crate::studio::translations::translated_from(&saved_text);
            let stale = made_from.as_ref().is_some_and(|from| !from.eq_ignore_ascii_case(&current));
            let changes = match made_from.filter(|_| stale) {
                Some(from) if from.len() == 64 => {
                    match text_of(from.to_ascii_lowercase()).await.map_err(AppError::internal)? {
                        Some(older) => crate::studio::versions::diff_lines(&older, &original_text),
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
            Some(crate::model::OriginalView {
                path: original_path,
                language: course_language,
                text: original_text,
                stale,
                changes,
            })
        }
        _ => None,
    };
    Ok(StudioEditor {
        course_id: course,
        course_title,
        path,
        language,
        text: unsaved_text.unwrap_or(saved_text),
        revision: current.map(|current| current.revision),
        conflict,
        problems,
        lesson_id,
        unsaved: unsaved.filter(|hash| hash.len() == 64),
        saved: saved.is_some(),
        original,
    })
}

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
    let viewer = super::rules::signed_in::<SaveStudioFile>().await?;
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
    let viewer = super::rules::signed_in::<SaveStudioSettings>().await?;
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
    let viewer = super::rules::signed_in::<AddStudioPart>().await?;
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
    let viewer = super::rules::signed_in::<MoveStudioLesson>().await?;
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
    let viewer = super::rules::signed_in::<RemoveStudioFile>().await?;
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

/// Publishes the draft as it was at `revision` (what the author saw).
#[server(endpoint = "publish_studio_course")]
pub async fn publish_studio_course(course: String, revision: i64, message: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = super::rules::signed_in::<PublishStudioCourse>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    if !crate::policy::may_publish_directly(&viewer, &crate::studio::store::instructors_of(&row), row.review_required) {
        return Err(AppError::Forbidden);
    }
    publish_checked(&state, &course, revision, &message, None, &viewer).await?;
    let _ = msg::STUDIO_PUBLISHED;
    leptos_axum::redirect(&format!("/studio/{course}?published=1"));
    Ok(())
}

/// Publishes a draft that loads without errors.
#[cfg(feature = "ssr")]
async fn publish_checked(
    state: &crate::state::AppState,
    course: &str,
    revision: i64,
    message: &str,
    approved_by: Option<i64>,
    viewer: &crate::model::Viewer,
) -> Result<(), AppError> {
    use crate::msg;
    use crate::studio::versions::Unpublished;
    let message = message.trim();
    if message.is_empty() || message.chars().count() > 500 {
        return Err(refused("message", msg::STUDIO_ERROR_MESSAGE, vec![("message".into(), message.into())]));
    }
    let changed = || refused("message", msg::STUDIO_ERROR_DRAFT_CHANGED, vec![("message".into(), message.into())]);
    // What is published is the draft at `revision`, checked below as it is:
    // a save since the author (or the reviewer) looked refuses the publish.
    let current = crate::studio::store::course(&state.db.reader, course).await.map_err(AppError::internal)?;
    if current.map(|row| row.draft_revision) != Some(revision) {
        return Err(changed());
    }
    let draft = crate::studio::preview::load_draft(
        &state.db.reader,
        &state.sources.drafts,
        course,
        None,
        state.sources.options.clone(),
    )
    .await
    .map_err(AppError::internal)?;
    if draft.revision != revision {
        return Err(changed());
    }
    if draft.course.is_none() || draft.problems.iter().any(|problem| problem.is_error()) {
        return Err(refused("message", msg::STUDIO_ERROR_HAS_ERRORS, vec![("message".into(), message.into())]));
    }
    let actor = crate::auth::acting(Some(viewer)).await;
    match crate::studio::versions::publish(&state.db.writer, course, revision, message, approved_by, &actor)
        .await
        .map_err(AppError::internal)?
    {
        Ok(_) => go_live(state).await,
        Err(Unpublished::NothingChanged) => {
            Err(refused("message", msg::STUDIO_ERROR_NOTHING_CHANGED, vec![("message".into(), message.into())]))
        }
        Err(Unpublished::DraftChanged) => {
            Err(refused("message", msg::STUDIO_ERROR_DRAFT_CHANGED, vec![("message".into(), message.into())]))
        }
    }
}

/// Proposes the draft at `revision` for review.
#[server(endpoint = "propose_studio_draft")]
pub async fn propose_studio_draft(course: String, revision: i64, message: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = super::rules::signed_in::<ProposeStudioDraft>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let message = message.trim().to_string();
    if message.is_empty() || message.chars().count() > 500 {
        return Err(refused("message", msg::STUDIO_ERROR_MESSAGE, vec![("message".into(), message)]));
    }
    // What is proposed is the draft as the author saw it, and nothing later.
    if row.draft_revision != revision {
        return Err(refused("message", msg::STUDIO_ERROR_DRAFT_CHANGED, vec![("message".into(), message)]));
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::studio::propose(&state.db.writer, &course, revision, &message, &actor).await.map_err(AppError::internal)?;
    leptos_axum::redirect(&format!("/studio/{course}#review"));
    Ok(())
}

/// Approves the proposed draft (publishing it) or, with `comment` and
/// `decision` `send_back`, sends it back. Never one's own. An approval
/// names the revision the reviewer saw: it must be the one proposed, and
/// the draft must not have changed since.
#[server(endpoint = "review_studio_draft")]
pub async fn review_studio_draft(
    course: String,
    decision: String,
    comment: Option<String>,
    revision: Option<i64>,
) -> Result<(), AppError> {
    use crate::msg;
    let viewer = super::rules::signed_in::<ReviewStudioDraft>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    if !crate::policy::may_review(&viewer, &crate::studio::store::instructors_of(&row), row.proposed_by) {
        return Err(AppError::Forbidden);
    }
    let Some(proposed) = row.proposed_revision else { return Err(AppError::BadRequest) };
    match decision.as_str() {
        "approve" => {
            let message = row.proposal_message.clone().unwrap_or_default();
            if revision != Some(proposed) {
                return Err(refused("message", msg::STUDIO_ERROR_DRAFT_CHANGED, Vec::new()));
            }
            let revision = proposed;
            publish_checked(&state, &course, revision, &message, Some(viewer.id), &viewer).await?;
            leptos_axum::redirect(&format!("/studio/{course}?published=1"));
        }
        "send_back" => {
            let comment = comment.unwrap_or_default().trim().to_string();
            if comment.is_empty() || comment.chars().count() > 2000 {
                return Err(refused("comment", msg::STUDIO_ERROR_COMMENT, vec![("comment".into(), comment)]));
            }
            let actor = crate::auth::acting(Some(&viewer)).await;
            crate::studio::send_back(&state.db.writer, &course, &comment, &actor).await.map_err(AppError::internal)?;
            leptos_axum::redirect(&format!("/studio/{course}#review"));
        }
        _ => return Err(AppError::BadRequest),
    }
    Ok(())
}

/// `/studio/{course}/history`, with a comparison of `from` and `to` (`0`:
/// the draft) when both are given.
#[server(name = StudioHistoryPage, endpoint = "studio_history")]
pub async fn studio_history(course: String, from: Option<i32>, to: Option<i32>) -> Result<StudioHistory, AppError> {
    let viewer = super::rules::signed_in::<StudioHistoryPage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let title = state
        .catalog
        .current()
        .course(&course)
        .map(|found| found.card(crate::i18n::use_language()).title)
        .unwrap_or_else(|| course.clone());
    let diff = from.zip(to).filter(|(from, to)| *from >= 0 && *to >= 0);
    crate::studio::views::history(&state.db, &row, title, diff).await.map_err(AppError::internal)
}

/// Makes version `number` the draft again.
#[server(endpoint = "restore_studio_version")]
pub async fn restore_studio_version(course: String, number: i32) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<RestoreStudioVersion>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let actor = crate::auth::acting(Some(&viewer)).await;
    if !crate::studio::versions::restore(&state.db.writer, &course, number, &actor).await.map_err(AppError::internal)? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/studio/{course}?restored={number}"));
    Ok(())
}

/// Names a course's instructors (usernames, one per line or comma
/// separated) and whether its drafts need review: administrators.
#[server(endpoint = "manage_studio_course")]
pub async fn manage_studio_course(
    course: String,
    instructors: String,
    review_required: Option<String>,
) -> Result<(), AppError> {
    use crate::msg;
    let viewer = super::rules::signed_in::<ManageStudioCourse>().await?;
    if !crate::policy::may_run_studio(&viewer) {
        return Err(AppError::Forbidden);
    }
    let state = expect_context::<crate::state::AppState>();
    let names: Vec<String> = instructors
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_lowercase)
        .collect();
    if names.len() > 20 {
        return Err(refused("instructors", msg::STUDIO_ERROR_INSTRUCTORS, vec![("instructors".into(), instructors)]));
    }
    for name in &names {
        let refusal =
            || refused("instructors", msg::STUDIO_ERROR_INSTRUCTORS, vec![("instructors".into(), instructors.clone())]);
        let username = crate::accounts::Username::parse(name).map_err(|_| refusal())?;
        let found = crate::accounts::find_user(&state.db, &username).await.map_err(AppError::internal)?;
        let teaches =
            found.is_some_and(|user| user.deleted_at.is_none() && matches!(user.role.as_str(), "instructor" | "admin"));
        if !teaches {
            return Err(refused(
                "instructors",
                msg::STUDIO_ERROR_INSTRUCTORS,
                vec![("instructors".into(), instructors)],
            ));
        }
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    if !crate::studio::set_instructors(&state.db.writer, &course, &names, review_required.is_some(), &actor)
        .await
        .map_err(AppError::internal)?
    {
        return Err(AppError::NotFound);
    }
    // The published course names its instructors from the row: served at
    // once, so that someone no longer named loses the course now.
    go_live(&state).await?;
    leptos_axum::redirect(&format!("/studio/{course}#manage"));
    Ok(())
}

/// Takes a folder course into the studio (administrators): its files
/// become the first version, and from then on the studio is its source.
#[server(endpoint = "take_into_studio")]
pub async fn take_into_studio(course: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<TakeIntoStudio>().await?;
    if !crate::policy::may_run_studio(&viewer) {
        return Err(AppError::Forbidden);
    }
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    let found = catalog.course(&course).ok_or(AppError::NotFound)?;
    let (folder, instructors) = (found.folder.clone(), found.instructors.clone());
    let (files, _left_out) = tokio::task::spawn_blocking(move || crate::studio::folders::read_course_folder(&folder))
        .await
        .map_err(AppError::internal)?;
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::studio::take_in(&state.db.writer, &course, &files, &instructors, &actor)
        .await
        .map_err(AppError::internal)?
        .map_err(|_| AppError::BadRequest)?;
    go_live(&state).await?;
    leptos_axum::redirect(&format!("/studio/{course}"));
    Ok(())
}

/// A lesson of the draft as learners would get it (`unsaved`: with a text
/// kept for its preview in place of the saved one), its problems shown.
#[server(endpoint = "preview_studio_lesson")]
pub async fn preview_studio_lesson(
    course: String,
    lesson: String,
    path: Option<String>,
    unsaved: Option<String>,
) -> Result<LessonView, AppError> {
    let viewer = super::rules::signed_in::<PreviewStudioLesson>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let reader = crate::i18n::use_language();
    let replaced = match (path, unsaved.filter(|hash| hash.len() == 64)) {
        (Some(path), Some(hash)) => crate::studio::store::blob(&state.db.reader, &hash)
            .await
            .map_err(AppError::internal)?
            .map(|bytes| (path, bytes)),
        _ => None,
    };
    let draft = crate::studio::preview::load_draft(
        &state.db.reader,
        &state.sources.drafts,
        &course,
        replaced,
        state.sources.options.clone(),
    )
    .await
    .map_err(AppError::internal)?;
    let loaded = draft.course.ok_or(AppError::NotFound)?;
    let mut view = match loaded.lesson_view(&lesson, reader) {
        Some(view) => view,
        None => loaded.withheld_view(&lesson, reader, true).ok_or(AppError::NotFound)?,
    };
    if let Some(found) = loaded.lesson(&lesson) {
        view.problems = found.problems.iter().map(|problem| loaded.problem_text(problem)).collect();
    }
    Ok(view)
}
