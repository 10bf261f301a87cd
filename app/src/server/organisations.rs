//! Partner organisations: created by programme-wide managers, and
//! managers scoped to one by administrators.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::OrganisationsPage;

#[server(endpoint = "organisations")]
pub async fn organisations() -> Result<OrganisationsPage, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    use crate::entities::{cohort, organisation, user};
    let viewer = crate::auth::authorize(<Organisations as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let state = expect_context::<crate::state::AppState>();
    let db = &state.db.reader;
    let mut query = organisation::Entity::find().order_by_asc(organisation::Column::Name);
    if !crate::policy::is_programme_wide(&viewer) {
        query = query.filter(organisation::Column::Id.eq(viewer.organisation));
    }
    let organisations = query.all(db).await.map_err(AppError::internal)?;
    let cohorts: Vec<(Option<i64>, i64)> = cohort::Entity::find()
        .select_only()
        .column(cohort::Column::OrganisationId)
        .column_as(cohort::Column::Id.count(), "cohorts")
        .group_by(cohort::Column::OrganisationId)
        .into_tuple()
        .all(db)
        .await
        .map_err(AppError::internal)?;
    let managers: Vec<(Option<i64>, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::OrganisationId)
        .column(user::Column::Username)
        .filter(user::Column::OrganisationId.is_not_null())
        .order_by_asc(user::Column::Username)
        .into_tuple()
        .all(db)
        .await
        .map_err(AppError::internal)?;
    Ok(OrganisationsPage {
        organisations: organisations
            .into_iter()
            .map(|found| crate::model::OrganisationSummary {
                cohorts: cohorts.iter().find(|(id, _)| *id == Some(found.id)).map_or(0, |(_, n)| (*n).max(0) as u64),
                managers: managers
                    .iter()
                    .filter(|(id, _)| *id == Some(found.id))
                    .map(|(_, username)| username.clone())
                    .collect(),
                id: found.id,
                name: found.name,
            })
            .collect(),
        may_assign: crate::policy::may_assign_organisation(&viewer),
    })
}

#[server(endpoint = "create_organisation")]
pub async fn create_organisation(name: String) -> Result<(), AppError> {
    use sea_orm::{ActiveValue::Set, EntityTrait, SqlErr};

    use crate::model::FormErrors;
    let viewer = crate::auth::authorize(<CreateOrganisation as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if !crate::policy::may_create_organisation(&viewer) {
        return Err(AppError::Forbidden);
    }
    let refuse = |message: &str| {
        AppError::Form(FormErrors {
            fields: vec![("name".into(), message.into())],
            values: vec![("name".into(), name.clone())],
            form: None,
        })
    };
    let Ok(valid) = crate::accounts::DisplayName::parse(&name) else { return Err(refuse("organisation-name-invalid")) };
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    let transaction = sea_orm::TransactionTrait::begin(&state.db.writer).await.map_err(AppError::internal)?;
    let inserted = crate::entities::organisation::Entity::insert(crate::entities::organisation::ActiveModel {
        name: Set(valid.as_str().to_string()),
        created_at: Set(time::OffsetDateTime::now_utc()),
        ..Default::default()
    })
    .exec(&transaction)
    .await;
    match inserted {
        Ok(done) => {
            let detail = serde_json::json!({ "organisation": done.last_insert_id, "name": valid.as_str() });
            crate::accounts::record_in(&transaction, &actor, None, "organisation.created", detail)
                .await
                .map_err(AppError::internal)?;
            transaction.commit().await.map_err(AppError::internal)?;
        }
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(refuse("organisation-name-taken"));
        }
        Err(error) => return Err(AppError::internal(error)),
    }
    leptos_axum::redirect("/manage/organisations");
    Ok(())
}

/// Scopes a manager to one organisation, or (empty) makes them
/// programme-wide again. Their sessions go on with the new scope at once:
/// it is read with every request.
#[server(endpoint = "assign_organisation")]
pub async fn assign_organisation(username: String, organisation: String) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::entities::user;
    use crate::model::{FormErrors, Role};
    let viewer = crate::auth::authorize(<AssignOrganisation as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let refuse = |field: &str, message: &str| {
        AppError::Form(FormErrors {
            fields: vec![(field.into(), message.into())],
            values: vec![("username".into(), username.clone()), ("organisation".into(), organisation.clone())],
            form: None,
        })
    };
    let state = expect_context::<crate::state::AppState>();
    let organisation_id = match organisation.trim() {
        "" => None,
        text => {
            let id = text.parse::<i64>().map_err(|_| refuse("organisation", "organisation-unknown"))?;
            crate::entities::organisation::Entity::find_by_id(id)
                .one(&state.db.reader)
                .await
                .map_err(AppError::internal)?
                .ok_or_else(|| refuse("organisation", "organisation-unknown"))?;
            Some(id)
        }
    };
    let Ok(name) = crate::accounts::Username::parse(&username) else {
        return Err(refuse("username", "organisation-not-a-manager"));
    };
    let subject = crate::accounts::find_user(&state.db, &name).await.map_err(|error| error.into_app_error())?;
    let Some(subject) = subject.filter(|user| Role::parse(&user.role) == Some(Role::Manager)) else {
        return Err(refuse("username", "organisation-not-a-manager"));
    };
    let actor = crate::auth::acting(Some(&viewer)).await;
    let transaction = sea_orm::TransactionTrait::begin(&state.db.writer).await.map_err(AppError::internal)?;
    user::Entity::update_many()
        .col_expr(user::Column::OrganisationId, sea_orm::sea_query::Expr::value(organisation_id))
        .filter(user::Column::Id.eq(subject.id))
        .exec(&transaction)
        .await
        .map_err(AppError::internal)?;
    let detail = serde_json::json!({ "from": subject.organisation_id, "to": organisation_id });
    crate::accounts::record_in(&transaction, &actor, Some(subject.id), "user.organisation_changed", detail)
        .await
        .map_err(AppError::internal)?;
    crate::signed_in::revoke_everywhere(&transaction).await.map_err(AppError::internal)?;
    transaction.commit().await.map_err(AppError::internal)?;
    state.signed_in.forget_all();
    leptos_axum::redirect("/manage/organisations");
    Ok(())
}
