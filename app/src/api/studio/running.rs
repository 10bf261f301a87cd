//! What administrators do in the studio: create a course, name its
//! instructors and whether it needs review, take a folder course in.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::support::*;

/// Creates a course (administrators), with a first module and lesson.
#[server(endpoint = "create_studio_course")]
pub async fn create_studio_course(id: String, title: String, language: String, level: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = crate::api::rules::signed_in::<CreateStudioCourse>().await?;
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
    // An administrator creates it, then names its instructors.
    let instructors = Vec::new();
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

/// Names a course's instructors (usernames, one per line or comma
/// separated) and whether its drafts need review: administrators.
#[server(endpoint = "manage_studio_course")]
pub async fn manage_studio_course(
    course: String,
    instructors: String,
    review_required: Option<String>,
) -> Result<(), AppError> {
    use crate::msg;
    let viewer = crate::api::rules::signed_in::<ManageStudioCourse>().await?;
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
        let teaches = found.is_some_and(|user| {
            user.deleted_at.is_none()
                && crate::model::Role::parse(&user.role).is_some_and(crate::policy::may_be_named_to_author)
        });
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
    let viewer = crate::api::rules::signed_in::<TakeIntoStudio>().await?;
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
