//! Cohorts: a group of learners taking one course together, created by a
//! manager and joined with a code (typed at `/join` or opened as
//! `/join/{code}`). Dates are days in the cohort's time zone.

use crate::msg;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait,
};
use serde_json::json;
use time::{Date, OffsetDateTime, UtcOffset};

use std::collections::HashMap;

use crate::accounts::Actor;
use crate::catalog::Catalog;
use crate::db::Db;
use crate::entities::{cohort, enrolment, user};
use crate::policy::{AccountFacts, Membership};

/// Cohort codes: 8 characters (40 bits), grouped `ABCD-EFGH`. Joining needs
/// an account and is rate limited with failed logins, and a code only
/// enrols (it reveals nothing), so this is plenty.
pub(super) const CODE_LENGTH: usize = 8;

/// The time zones a cohort may use, with their offsets from UTC. None of
/// these observes daylight saving time, so a fixed offset is exact.
pub const TIME_ZONES: [(&str, i8, i8); 8] = [
    ("Asia/Karachi", 5, 0),
    ("Asia/Tashkent", 5, 0),
    ("Asia/Almaty", 5, 0),
    ("Asia/Bishkek", 6, 0),
    ("Asia/Dushanbe", 5, 0),
    ("Asia/Ashgabat", 5, 0),
    ("Asia/Kabul", 4, 30),
    ("UTC", 0, 0),
];

/// Today's date in `time_zone` (UTC for an unknown name).
pub fn today_in(time_zone: &str) -> Date {
    let (hours, minutes) =
        TIME_ZONES.iter().find(|(name, _, _)| *name == time_zone).map(|(_, h, m)| (*h, *m)).unwrap_or((0, 0));
    let offset = UtcOffset::from_hms(hours, minutes, 0).unwrap_or(UtcOffset::UTC);
    OffsetDateTime::now_utc().to_offset(offset).date()
}

#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    /// Wrong, or for a course no longer offered.
    #[error("no cohort has that code")]
    UnknownCode,
    #[error("joining this cohort closed on its end date")]
    Ended,
    #[error("this cohort is full")]
    Full,
    /// A form field refused: `(field, message id)`.
    #[error("{0}: {1}")]
    Invalid(&'static str, &'static str),
    #[error("the database failed")]
    Database(#[from] DbErr),
}

/// A refusal as the form shows it; a failure logged with its causes.
impl From<CohortError> for crate::error::AppError {
    fn from(error: CohortError) -> Self {
        use crate::error::AppError;
        use crate::model::FormErrors;
        match error {
            CohortError::Database(error) => AppError::internal_chain(&error),
            CohortError::Invalid(field, message) => {
                AppError::Form(FormErrors { fields: vec![(field.into(), message.into())], ..FormErrors::default() })
            }
            refused => AppError::Form(FormErrors { form: Some(refused.message_id().into()), ..FormErrors::default() }),
        }
    }
}

impl CohortError {
    pub fn message_id(&self) -> &'static str {
        match self {
            CohortError::UnknownCode => msg::JOIN_CODE_UNKNOWN,
            CohortError::Ended => msg::JOIN_COHORT_ENDED,
            CohortError::Full => msg::JOIN_COHORT_FULL,
            CohortError::Invalid(_, message) => message,
            CohortError::Database(_) => msg::ERROR_INTERNAL_TEXT,
        }
    }
}

/// A cohort as a manager's form sends it, before checking.
#[derive(Clone, Debug, Default)]
pub struct NewCohort {
    pub course_id: String,
    pub name: String,
    pub time_zone: String,
    pub starts_on: String,
    pub ends_on: String,
    pub capacity: String,
    /// The partner running it, already checked; `None` for the programme.
    pub organisation_id: Option<i64>,
}

fn parse_date(text: &str, field: &'static str) -> Result<Option<Date>, CohortError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &format).map(Some).map_err(|_| CohortError::Invalid(field, msg::COHORT_DATE_INVALID))
}

/// Checks and stores a new cohort with a fresh code; audited.
pub async fn create_cohort(
    db: &Db,
    catalog: &Catalog,
    form: &NewCohort,
    actor: &Actor,
) -> Result<cohort::Model, CohortError> {
    if catalog.course(&form.course_id).is_none() {
        return Err(CohortError::Invalid("course_id", msg::COHORT_COURSE_UNKNOWN));
    }
    let name = crate::accounts::DisplayName::parse(&form.name)
        .map_err(|_| CohortError::Invalid("name", msg::COHORT_NAME_INVALID))?;
    if !TIME_ZONES.iter().any(|(zone, _, _)| *zone == form.time_zone) {
        return Err(CohortError::Invalid("time_zone", msg::COHORT_TIME_ZONE_UNKNOWN));
    }
    let starts_on = parse_date(&form.starts_on, "starts_on")?;
    let ends_on = parse_date(&form.ends_on, "ends_on")?;
    if let (Some(starts), Some(ends)) = (starts_on, ends_on)
        && ends < starts
    {
        return Err(CohortError::Invalid("ends_on", msg::COHORT_DATES_REVERSED));
    }
    let capacity = match form.capacity.trim() {
        "" => None,
        text => match text.parse::<i32>() {
            Ok(number) if (1..=100_000).contains(&number) => Some(number),
            _ => return Err(CohortError::Invalid("capacity", msg::COHORT_CAPACITY_INVALID)),
        },
    };
    // A fresh code; on the rare clash with an existing one, another.
    for _ in 0..5 {
        let transaction = db.writer.begin().await?;
        let inserted = cohort::ActiveModel {
            course_id: Set(form.course_id.clone()),
            name: Set(name.as_str().to_string()),
            code: Set(crate::codes::generate(CODE_LENGTH)),
            time_zone: Set(form.time_zone.clone()),
            starts_on: Set(starts_on),
            ends_on: Set(ends_on),
            capacity: Set(capacity),
            created_by: Set(actor.user_id),
            created_at: Set(OffsetDateTime::now_utc()),
            organisation_id: Set(form.organisation_id),
            ..Default::default()
        }
        .insert(&transaction)
        .await;
        let cohort = match inserted {
            Ok(cohort) => cohort,
            Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => continue,
            Err(error) => return Err(error.into()),
        };
        let detail = json!({ "cohort": cohort.id, "course": cohort.course_id, "name": cohort.name });
        crate::accounts::record_in(&transaction, actor, None, "cohort.created", detail).await?;
        transaction.commit().await?;
        return Ok(cohort);
    }
    Err(CohortError::Database(DbErr::Custom("no free cohort code".into())))
}

/// Enrols a person in the cohort with `code` (and its course), unless the
/// code is wrong, joining has closed or the cohort is full. Joining again
/// changes nothing.
pub async fn join_cohort(
    db: &Db,
    catalog: &Catalog,
    code: &str,
    user_id: i64,
    actor: &Actor,
) -> Result<cohort::Model, CohortError> {
    let code = crate::codes::normalise(code, CODE_LENGTH).ok_or(CohortError::UnknownCode)?;
    let _changing = db.progress.changing(user_id);
    let transaction = db.writer.begin().await?;
    let mut query = cohort::Entity::find().filter(cohort::Column::Code.eq(code));
    if db.writer.get_database_backend() == DbBackend::Postgres {
        // Concurrent joins of one cohort queue here, so capacity holds.
        query = query.lock_exclusive();
    }
    let cohort = query.one(&transaction).await?.ok_or(CohortError::UnknownCode)?;
    if catalog.course(&cohort.course_id).is_none() {
        return Err(CohortError::UnknownCode);
    }
    let already = super::records::active_enrolment(&transaction, user_id, &cohort.course_id)
        .await?
        .is_some_and(|enrolment| enrolment.cohort_id == Some(cohort.id));
    if already {
        return Ok(cohort);
    }
    if cohort.ends_on.is_some_and(|ends| today_in(&cohort.time_zone) > ends) {
        return Err(CohortError::Ended);
    }
    if let Some(capacity) = cohort.capacity {
        let members = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .filter(enrolment::Column::LeftAt.is_null())
            .count(&transaction)
            .await?;
        if members >= capacity.max(0) as u64 {
            return Err(CohortError::Full);
        }
    }
    super::enrolment::upsert_enrolment(&transaction, user_id, &cohort.course_id, Some(cohort.id)).await?;
    crate::accounts::record_in(&transaction, actor, Some(user_id), "cohort.joined", json!({ "cohort": cohort.id }))
        .await?;
    transaction.commit().await?;
    Ok(cohort)
}

/// Every cohort, newest first, with the number of learners in it now.
pub async fn list_cohorts(db: &Db) -> Result<Vec<(cohort::Model, u64)>, DbErr> {
    let cohorts = cohort::Entity::find().order_by_desc(cohort::Column::Id).all(&db.reader).await?;
    let counts: Vec<(Option<i64>, i64)> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::CohortId)
        .column_as(enrolment::Column::Id.count(), "members")
        .filter(enrolment::Column::CohortId.is_not_null())
        .filter(enrolment::Column::LeftAt.is_null())
        .group_by(enrolment::Column::CohortId)
        .into_tuple()
        .all(&db.reader)
        .await?;
    let members =
        |id: i64| counts.iter().find(|(cohort, _)| *cohort == Some(id)).map_or(0, |(_, n)| (*n).max(0) as u64);
    Ok(cohorts
        .into_iter()
        .map(|cohort| {
            let count = members(cohort.id);
            (cohort, count)
        })
        .collect())
}

/// One cohort, with the number of learners in it now.
pub async fn cohort_with_count(db: &Db, id: i64) -> Result<Option<(cohort::Model, u64)>, DbErr> {
    let Some(cohort) = cohort::Entity::find_by_id(id).one(&db.reader).await? else { return Ok(None) };
    let members = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(id))
        .filter(enrolment::Column::LeftAt.is_null())
        .count(&db.reader)
        .await?;
    Ok(Some((cohort, members)))
}

/// Who is in a cohort (and who left it): user and enrolment, by name.
pub async fn cohort_members(db: &Db, cohort_id: i64) -> Result<Vec<(user::Model, enrolment::Model)>, DbErr> {
    let enrolments =
        enrolment::Entity::find().filter(enrolment::Column::CohortId.eq(cohort_id)).all(&db.reader).await?;
    let ids: Vec<i64> = enrolments.iter().map(|enrolment| enrolment.user_id).collect();
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(&db.reader).await?;
    let mut members: Vec<(user::Model, enrolment::Model)> = enrolments
        .into_iter()
        .filter_map(|enrolment| {
            users.iter().find(|user| user.id == enrolment.user_id).map(|user| (user.clone(), enrolment))
        })
        .collect();
    members.sort_by(|a, b| a.0.username.cmp(&b.0.username));
    Ok(members)
}

/// The current (not left) enrolments of each of `user_ids`, as the access
/// rules see them: the cohort's organisation, the course's instructors.
pub async fn memberships(
    connection: &impl ConnectionTrait,
    catalog: &Catalog,
    user_ids: &[i64],
) -> Result<HashMap<i64, Vec<Membership>>, DbErr> {
    let mut enrolments = Vec::new();
    for chunk in user_ids.chunks(500) {
        enrolments.extend(
            enrolment::Entity::find()
                .filter(enrolment::Column::UserId.is_in(chunk.to_vec()))
                .filter(enrolment::Column::LeftAt.is_null())
                .all(connection)
                .await?,
        );
    }
    let cohort_ids: Vec<i64> = enrolments.iter().filter_map(|enrolment| enrolment.cohort_id).collect();
    let mut organisations: HashMap<i64, Option<i64>> = HashMap::new();
    for chunk in cohort_ids.chunks(500) {
        for (id, organisation) in cohort::Entity::find()
            .select_only()
            .column(cohort::Column::Id)
            .column(cohort::Column::OrganisationId)
            .filter(cohort::Column::Id.is_in(chunk.to_vec()))
            .into_tuple::<(i64, Option<i64>)>()
            .all(connection)
            .await?
        {
            organisations.insert(id, organisation);
        }
    }
    let mut found: HashMap<i64, Vec<Membership>> = HashMap::new();
    for enrolment in enrolments {
        let instructors = catalog.course(&enrolment.course_id).map(|course| course.instructors.clone());
        found.entry(enrolment.user_id).or_default().push(Membership {
            organisation: enrolment.cohort_id.and_then(|id| organisations.get(&id).copied().flatten()),
            cohort: enrolment.cohort_id,
            course_id: enrolment.course_id,
            instructors: instructors.unwrap_or_default(),
        });
    }
    Ok(found)
}

/// An account as the access rules see it: role, deletion and current
/// cohorts.
pub async fn account_facts(
    connection: &impl ConnectionTrait,
    catalog: &Catalog,
    account: &user::Model,
) -> Result<AccountFacts, DbErr> {
    let memberships = memberships(connection, catalog, &[account.id]).await?.remove(&account.id).unwrap_or_default();
    facts_of(account, memberships).map_err(|unknown| DbErr::Custom(unknown.to_string()))
}

/// The facts of an account whose memberships are in hand; an unknown role
/// is an error (nothing is done to such an account until it is fixed).
pub fn facts_of(
    account: &user::Model,
    memberships: Vec<Membership>,
) -> Result<AccountFacts, crate::model::UnknownRole> {
    Ok(AccountFacts {
        role: crate::model::Role::stored(&account.role)?,
        deleted: account.deleted_at.is_some(),
        memberships,
        organisation: account.organisation_id,
    })
}
