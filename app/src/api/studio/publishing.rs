//! From draft to version: publishing (directly, or by review where a
//! course requires it) the draft as it was checked, and restoring an old
//! version as the draft.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::support::*;

/// Publishes the draft as it was at `revision` (what the author saw).
#[server(endpoint = "publish_studio_course")]
pub async fn publish_studio_course(course: String, revision: i64, message: String) -> Result<(), AppError> {
    use crate::msg;
    let viewer = crate::api::rules::signed_in::<PublishStudioCourse>().await?;
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
    let viewer = crate::api::rules::signed_in::<ProposeStudioDraft>().await?;
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
    let viewer = crate::api::rules::signed_in::<ReviewStudioDraft>().await?;
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

/// Makes version `number` the draft again.
#[server(endpoint = "restore_studio_version")]
pub async fn restore_studio_version(course: String, number: i32) -> Result<(), AppError> {
    let viewer = crate::api::rules::signed_in::<RestoreStudioVersion>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let actor = crate::auth::acting(Some(&viewer)).await;
    if !crate::studio::versions::restore(&state.db.writer, &course, number, &actor).await.map_err(AppError::internal)? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/studio/{course}?restored={number}"));
    Ok(())
}
