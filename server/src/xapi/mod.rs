//! Learning records to a learning record store (xAPI 1.0.3).
//!
//! Every enrolment, lesson completion, quiz attempt and certificate is
//! written to `xapi_outbox` in the transaction that records it
//! (`app::learning::outbox`), while a store is configured. This sender sends what waits, oldest first and 50 at a time, to
//! `<endpoint>/statements`, and marks what the store took. A store that is
//! down or slow costs no learner anything: the records wait in the
//! database, and the sender tries again later and later (2 s, 4 s, … at
//! most 5 minutes). A server killed mid-send sends the batch again; every
//! statement's id comes from its record, so the store keeps one.

pub mod statements;

use std::time::Duration;

use app::entities::{user, xapi_outbox, xapi_settings};
use app::state::AppState;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;

/// Where the statements go, as the operator configured it.
#[derive(Clone)]
pub struct Store {
    /// The store's xAPI address (`…/xAPI`), without a trailing slash.
    pub endpoint: String,
    pub username: String,
    pub password: String,
    /// Learners' display names go out too (off: a pseudonym only).
    pub names: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("endpoint", &self.endpoint).field("names", &self.names).finish_non_exhaustive()
    }
}

/// How many records one request carries.
const BATCH: u64 = 50;

/// Turns the writing of learning records on (a store is configured) or
/// off, and returns the pseudonyms' salt, made on first start (of two
/// instances starting at once, one salt wins and both use it).
pub async fn prepare(db: &app::db::Db, recording: bool) -> Result<String, sea_orm::DbErr> {
    use sea_orm::sea_query::OnConflict;
    app::learning::outbox::set_recording(recording);
    let kept = || async { xapi_settings::Entity::find_by_id(1).one(&db.writer).await };
    if let Some(salt) = kept().await?.and_then(|settings| settings.salt) {
        return Ok(salt);
    }
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let salt: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    xapi_settings::Entity::insert(xapi_settings::ActiveModel { id: Set(1), salt: Set(Some(salt)) })
        .on_conflict(OnConflict::column(xapi_settings::Column::Id).do_nothing().to_owned())
        .exec_without_returning(&db.writer)
        .await?;
    kept().await?.and_then(|settings| settings.salt).ok_or_else(|| sea_orm::DbErr::RecordNotFound("the salt".into()))
}

/// Sends the outbox for as long as the server runs.
pub async fn send_forever(state: AppState, store: Store, salt: String) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(20))
        .build()
        .expect("an HTTP client with system roots builds");
    let outbox = crate::outbox::Outbox {
        failure: "learning records not sent to the learning record store",
        gauge: "learn_xapi_statements_queued",
    };
    let db = state.db.clone();
    outbox
        .drain_forever(
            || {
                let (state, store, salt, http) = (state.clone(), store.clone(), salt.clone(), http.clone());
                async move { send_once(&state, &store, &salt, &http).await }
            },
            || {
                let db = db.clone();
                async move { waiting(&db).await }
            },
        )
        .await
}

/// How many records wait to be sent.
pub async fn waiting(db: &app::db::Db) -> Result<u64, sea_orm::DbErr> {
    use sea_orm::PaginatorTrait;
    xapi_outbox::Entity::find()
        .filter(xapi_outbox::Column::SentAt.is_null())
        .filter(xapi_outbox::Column::RefusedAt.is_null())
        .count(&db.reader)
        .await
}

/// Sends one batch: how many records it settled.
async fn send_once(state: &AppState, store: &Store, salt: &str, http: &reqwest::Client) -> Result<usize, String> {
    let db = &state.db;
    let records = xapi_outbox::Entity::find()
        .filter(xapi_outbox::Column::SentAt.is_null())
        .filter(xapi_outbox::Column::RefusedAt.is_null())
        .order_by_asc(xapi_outbox::Column::Id)
        .limit(BATCH)
        .all(&db.writer)
        .await
        .map_err(|error| error.to_string())?;
    if records.is_empty() {
        return Ok(0);
    }
    let people: Vec<i64> = records.iter().map(|record| record.user_id).collect();
    let people = user::Entity::find().filter(user::Column::Id.is_in(people)).all(&db.writer).await;
    let people = people.map_err(|error| error.to_string())?;
    let catalog = state.catalog.current();
    let site = statements::Site { public_url: &state.public_url, platform: &state.programme_name, salt };
    let mut batch = Vec::new();
    let mut settled_without_sending = Vec::new();
    for record in &records {
        // A deleted account's records are not sent: it is nobody now.
        let Some(person) = people.iter().find(|person| person.id == record.user_id && person.deleted_at.is_none())
        else {
            settled_without_sending.push(record.id);
            continue;
        };
        let course = catalog.course(&record.course_id);
        let course_title = course.map_or(record.course_id.as_str(), |course| course.title.as_str());
        let lesson_title = record
            .lesson_id
            .as_deref()
            .and_then(|lesson| course.and_then(|course| course.lesson(lesson)))
            .map(|lesson| lesson.content.title.as_str());
        let learner = statements::Learner { id: person.id, name: store.names.then_some(person.display_name.as_str()) };
        let titles = statements::Titles { course: course_title, lesson: lesson_title };
        match statements::statement(&site, record, &learner, &titles) {
            Some(statement) => batch.push((record.id, statement)),
            None => settled_without_sending.push(record.id),
        }
    }
    mark_sent(db, &settled_without_sending).await?;
    if batch.is_empty() {
        return Ok(settled_without_sending.len());
    }
    let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
    let body = serde_json::Value::Array(batch.iter().map(|(_, statement)| statement.clone()).collect());
    match post(http, store, &body).await {
        Ok(()) => {
            mark_sent(db, &ids).await?;
            metrics::counter!("learn_xapi_statements_total", "outcome" => "sent").increment(ids.len() as u64);
            Ok(records.len())
        }
        // The store says a statement is wrong: find which, one at a time,
        // so that one bad record does not hold back the rest.
        Err(Answer::Refused(reason)) if batch.len() > 1 => {
            tracing::warn!(%reason, "the learning record store refused a batch; sending it one by one");
            for (id, statement) in &batch {
                match post(http, store, &serde_json::Value::Array(vec![statement.clone()])).await {
                    Ok(()) => {
                        mark_sent(db, &[*id]).await?;
                        metrics::counter!("learn_xapi_statements_total", "outcome" => "sent").increment(1);
                    }
                    Err(Answer::Refused(reason)) => refuse(db, *id, &reason).await?,
                    Err(Answer::Unavailable(reason)) => return Err(reason),
                }
            }
            Ok(records.len())
        }
        Err(Answer::Refused(reason)) => {
            refuse(db, ids[0], &reason).await?;
            Ok(records.len())
        }
        Err(Answer::Unavailable(reason)) => {
            metrics::counter!("learn_xapi_statements_total", "outcome" => "failed").increment(ids.len() as u64);
            record_failure(db, &ids, &reason).await?;
            Err(reason)
        }
    }
}

enum Answer {
    /// The store will never take it (400, 403, 409 with other content…).
    Refused(String),
    /// Not now: try again later.
    Unavailable(String),
}

async fn post(http: &reqwest::Client, store: &Store, statements: &serde_json::Value) -> Result<(), Answer> {
    let response = http
        .post(format!("{}/statements", store.endpoint))
        .basic_auth(&store.username, Some(&store.password))
        .header("X-Experience-API-Version", "1.0.3")
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(statements.to_string())
        .send()
        .await
        .map_err(|error| Answer::Unavailable(error.to_string()))?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let text: String = response.text().await.unwrap_or_default().chars().take(200).collect();
    let reason = format!("{status}: {text}");
    if status.is_server_error() || status.as_u16() == 429 || status.as_u16() == 401 || status.as_u16() == 408 {
        Err(Answer::Unavailable(reason))
    } else {
        Err(Answer::Refused(reason))
    }
}

async fn mark_sent(db: &app::db::Db, ids: &[i64]) -> Result<(), String> {
    if ids.is_empty() {
        return Ok(());
    }
    xapi_outbox::Entity::update_many()
        .col_expr(xapi_outbox::Column::SentAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .filter(xapi_outbox::Column::Id.is_in(ids.to_vec()))
        .exec(&db.writer)
        .await
        .map(|_| ())
        .map_err(|error| error.to_string())
}

async fn refuse(db: &app::db::Db, id: i64, reason: &str) -> Result<(), String> {
    tracing::warn!(record = id, %reason, "the learning record store refused a statement; it is kept, not sent again");
    metrics::counter!("learn_xapi_statements_total", "outcome" => "refused").increment(1);
    xapi_outbox::Entity::update_many()
        .col_expr(xapi_outbox::Column::RefusedAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .col_expr(xapi_outbox::Column::LastError, sea_orm::sea_query::Expr::value(truncated(reason)))
        .filter(xapi_outbox::Column::Id.eq(id))
        .exec(&db.writer)
        .await
        .map(|_| ())
        .map_err(|error| error.to_string())
}

async fn record_failure(db: &app::db::Db, ids: &[i64], reason: &str) -> Result<(), String> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    xapi_outbox::Entity::update_many()
        .col_expr(xapi_outbox::Column::Attempts, Expr::col(xapi_outbox::Column::Attempts).add(1))
        .col_expr(xapi_outbox::Column::LastError, Expr::value(truncated(reason)))
        .filter(xapi_outbox::Column::Id.is_in(ids.to_vec()))
        .exec(&db.writer)
        .await
        .map(|_| ())
        .map_err(|error| error.to_string())
}

fn truncated(reason: &str) -> String {
    reason.chars().take(300).collect()
}
