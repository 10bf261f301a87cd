//! Partner organisations: created by programme-wide managers; a manager is
//! scoped to one by an administrator, and then looks after its learners
//! only (see `policy`).

use crate::msg;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait,
};

use crate::accounts::{Actor, DisplayName, Username};
use crate::db::Db;
use crate::entities::{cohort, organisation, user};
use crate::model::{OrganisationSummary, Role, Viewer};

#[derive(Debug, thiserror::Error)]
pub enum OrganisationError {
    #[error("not a valid organisation name")]
    NameInvalid,
    #[error("an organisation has that name already")]
    NameTaken,
    #[error("no such organisation")]
    Unknown,
    #[error("no manager has that username")]
    NotAManager,
    #[error("the database failed")]
    Database(#[from] DbErr),
}

impl From<OrganisationError> for crate::error::AppError {
    fn from(error: OrganisationError) -> Self {
        use crate::error::AppError;
        match error.field_and_message() {
            Some((field, message)) => AppError::Form(crate::model::FormErrors {
                fields: vec![(field.into(), message.into())],
                ..Default::default()
            }),
            None => AppError::internal_chain(&error),
        }
    }
}

impl OrganisationError {
    /// The form field it concerns and the message that explains it.
    pub fn field_and_message(&self) -> Option<(&'static str, &'static str)> {
        match self {
            OrganisationError::NameInvalid => Some(("name", msg::ORGANISATION_NAME_INVALID)),
            OrganisationError::NameTaken => Some(("name", msg::ORGANISATION_NAME_TAKEN)),
            OrganisationError::Unknown => Some(("organisation", msg::ORGANISATION_UNKNOWN)),
            OrganisationError::NotAManager => Some(("username", msg::ORGANISATION_NOT_A_MANAGER)),
            OrganisationError::Database(_) => None,
        }
    }
}

/// The organisations `viewer` may see (all, or their own), by name, each
/// with its number of cohorts and its managers.
pub async fn summaries(db: &Db, viewer: &Viewer) -> Result<Vec<OrganisationSummary>, DbErr> {
    let reader = &db.reader;
    let mut query = organisation::Entity::find().order_by_asc(organisation::Column::Name);
    if !crate::policy::is_programme_wide(viewer) {
        query = query.filter(organisation::Column::Id.eq(viewer.organisation));
    }
    let organisations = query.all(reader).await?;
    let cohorts: Vec<(Option<i64>, i64)> = cohort::Entity::find()
        .select_only()
        .column(cohort::Column::OrganisationId)
        .column_as(cohort::Column::Id.count(), "cohorts")
        .group_by(cohort::Column::OrganisationId)
        .into_tuple()
        .all(reader)
        .await?;
    let managers: Vec<(Option<i64>, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::OrganisationId)
        .column(user::Column::Username)
        .filter(user::Column::OrganisationId.is_not_null())
        // Learners a provider's sign-in brought in belong to it too.
        .filter(user::Column::Role.eq(Role::Manager.as_str()))
        .order_by_asc(user::Column::Username)
        .into_tuple()
        .all(reader)
        .await?;
    Ok(organisations
        .into_iter()
        .map(|found| OrganisationSummary {
            cohorts: cohorts.iter().find(|(id, _)| *id == Some(found.id)).map_or(0, |(_, n)| (*n).max(0) as u64),
            managers: managers
                .iter()
                .filter(|(id, _)| *id == Some(found.id))
                .map(|(_, username)| username.clone())
                .collect(),
            id: found.id,
            name: found.name,
        })
        .collect())
}

/// Every organisation's id and name, by name.
pub async fn names(db: &Db) -> Result<Vec<(i64, String)>, DbErr> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&db.reader)
        .await?
        .into_iter()
        .map(|organisation| (organisation.id, organisation.name))
        .collect())
}

/// The organisation typed into a form (its id), if there is one.
pub async fn existing(db: &Db, typed: &str) -> Result<i64, OrganisationError> {
    let id = typed.trim().parse::<i64>().map_err(|_| OrganisationError::Unknown)?;
    organisation::Entity::find_by_id(id).one(&db.reader).await?.ok_or(OrganisationError::Unknown)?;
    Ok(id)
}

/// Creates an organisation, audited in the same transaction; its id.
pub async fn create(db: &Db, name: &str, actor: &Actor) -> Result<i64, OrganisationError> {
    let name = DisplayName::parse(name).map_err(|_| OrganisationError::NameInvalid)?;
    let transaction = db.writer.begin().await?;
    let inserted = organisation::Entity::insert(organisation::ActiveModel {
        name: Set(name.as_str().to_string()),
        created_at: Set(time::OffsetDateTime::now_utc()),
        ..Default::default()
    })
    .exec(&transaction)
    .await;
    let id = match inserted {
        Ok(done) => done.last_insert_id,
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(OrganisationError::NameTaken);
        }
        Err(error) => return Err(error.into()),
    };
    let detail = serde_json::json!({ "organisation": id, "name": name.as_str() });
    crate::accounts::record_in(&transaction, actor, None, "organisation.created", detail).await?;
    transaction.commit().await?;
    Ok(id)
}

/// The organisation called `name`, created (and audited, as the
/// operator's doing) when there is none: an identity provider's people
/// join the organisation the operator's configuration names.
pub async fn ensure_named(db: &Db, name: &str) -> Result<i64, DbErr> {
    let find = || organisation::Entity::find().filter(organisation::Column::Name.eq(name)).one(&db.writer);
    if let Some(found) = find().await? {
        return Ok(found.id);
    }
    match create(db, name, &Actor { user_id: None, client_address: None }).await {
        Ok(id) => Ok(id),
        // Another instance made it meanwhile.
        Err(OrganisationError::NameTaken) => {
            find().await?.map(|found| found.id).ok_or(DbErr::RecordNotFound(name.into()))
        }
        Err(OrganisationError::Database(error)) => Err(error),
        Err(other) => Err(DbErr::Custom(format!("organisation `{name}`: {other}"))),
    }
}

/// Scopes the manager `username` to `organisation`, or (none) makes them
/// programme-wide again; audited, and every instance forgets who they
/// were, so their sessions go on with the new scope at once.
pub async fn assign_manager(
    db: &Db,
    username: &str,
    organisation: Option<i64>,
    actor: &Actor,
) -> Result<(), OrganisationError> {
    let name = Username::parse(username).map_err(|_| OrganisationError::NotAManager)?;
    let subject = user::Entity::find()
        .filter(user::Column::Username.eq(name.as_str()))
        .filter(user::Column::DeletedAt.is_null())
        .one(&db.reader)
        .await?;
    let scopable = |user: &user::Model| Role::parse(&user.role).is_some_and(crate::policy::may_be_scoped);
    let Some(subject) = subject.filter(scopable) else {
        return Err(OrganisationError::NotAManager);
    };
    let transaction = db.writer.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::OrganisationId, sea_orm::sea_query::Expr::value(organisation))
        .filter(user::Column::Id.eq(subject.id))
        .exec(&transaction)
        .await?;
    let detail = serde_json::json!({ "from": subject.organisation_id, "to": organisation });
    crate::accounts::record_in(&transaction, actor, Some(subject.id), "user.organisation_changed", detail).await?;
    crate::kept_sessions::revoke_everywhere(&transaction).await?;
    transaction.commit().await?;
    Ok(())
}
