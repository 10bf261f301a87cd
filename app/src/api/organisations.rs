//! Partner organisations: created by programme-wide managers, and
//! managers scoped to one by administrators.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::OrganisationsPage;

/// A refused organisation form, with what was typed.
#[cfg(feature = "ssr")]
fn refused(error: crate::organisations::OrganisationError, values: Vec<(String, String)>) -> AppError {
    match AppError::from(error) {
        AppError::Form(errors) => AppError::Form(crate::model::FormErrors { values, ..errors }),
        other => other,
    }
}

#[server(endpoint = "organisations")]
pub async fn organisations() -> Result<OrganisationsPage, AppError> {
    let viewer = super::rules::signed_in::<Organisations>().await?;
    let state = expect_context::<crate::state::AppState>();
    let organisations = crate::organisations::summaries(&state.db, &viewer).await.map_err(AppError::internal)?;
    Ok(OrganisationsPage {
        organisations,
        may_create: crate::policy::may_create_organisation(&viewer),
        may_assign: crate::policy::may_assign_organisation(&viewer),
    })
}

#[server(endpoint = "create_organisation")]
pub async fn create_organisation(name: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<CreateOrganisation>().await?;
    if !crate::policy::may_create_organisation(&viewer) {
        return Err(AppError::Forbidden);
    }
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::organisations::create(&state.db, &name, &actor)
        .await
        .map_err(|error| refused(error, vec![("name".into(), name.clone())]))?;
    leptos_axum::redirect("/manage/organisations");
    Ok(())
}

/// Scopes a manager to one organisation, or (empty) makes them
/// programme-wide again. Their sessions go on with the new scope at once.
#[server(endpoint = "assign_organisation")]
pub async fn assign_organisation(username: String, organisation: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<AssignOrganisation>().await?;
    let typed = vec![("username".into(), username.clone()), ("organisation".into(), organisation.clone())];
    let state = expect_context::<crate::state::AppState>();
    let organisation_id = match organisation.trim() {
        "" => None,
        text => Some(crate::organisations::existing(&state.db, text).await.map_err(|e| refused(e, typed.clone()))?),
    };
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::organisations::assign_manager(&state.db, &username, organisation_id, &actor)
        .await
        .map_err(|error| refused(error, typed))?;
    state.kept_sessions.forget_all();
    leptos_axum::redirect("/manage/organisations");
    Ok(())
}
