//! Scores back to partners' platforms (LTI Assignment and Grade Services),
//! sent in the background from `lti_scores`, where the transaction that
//! completed a course wrote them (`app::learning::grades`).
//!
//! - **Durable.** A score is in the table exactly when the completion is;
//!   a platform down, or this server killed, leaves it waiting, and it is
//!   sent when the platform answers again (with back-off).
//! - **Never twice.** One row per learner, course and grade column; an
//!   instance claims a row for a minute before it sends (several
//!   instances share the table), and marks it sent once the platform
//!   took it. Only a crash between the platform's answer and the mark
//!   sends one again, with the same timestamp, which the platform treats
//!   as the same score.
//! - **Bounded.** A platform's refusal (a 4xx other than 401, 408, 429) is
//!   kept with its reason and not tried again.

use std::time::{Duration, Instant};

use app::entities::{lti_grade_link, lti_score};
use app::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use time::OffsetDateTime;

use super::launch::SCORE_SCOPE;
use super::{LtiTool, Platform};

/// How long an instance holds a score it is sending.
const CLAIM_SECONDS: i64 = 60;
/// Scores looked at in one round.
const BATCH: u64 = 20;

/// Sends waiting scores for as long as the server runs.
pub async fn send_forever(state: AppState, tool: std::sync::Arc<LtiTool>) {
    let outbox =
        crate::outbox::Outbox { failure: "scores not sent to a learning platform", gauge: "learn_lti_scores_queued" };
    let db = state.db.clone();
    outbox
        .drain_forever(
            || {
                let (state, tool) = (state.clone(), tool.clone());
                async move { send_once(&state, &tool).await }
            },
            || {
                let db = db.clone();
                async move { waiting(&db).await }
            },
        )
        .await
}

/// Scores not yet sent (nor refused).
pub async fn waiting(db: &app::db::Db) -> Result<u64, sea_orm::DbErr> {
    lti_score::Entity::find()
        .filter(lti_score::Column::SentAt.is_null())
        .filter(lti_score::Column::RefusedAt.is_null())
        .count(&db.reader)
        .await
}

/// One round: how many scores were settled; an error when nothing was
/// and a platform could not be reached (the caller backs off). Scores
/// tried least are tried first, so that one platform that is down holds
/// up no other's; after a platform fails once, its other scores wait for
/// the next round.
async fn send_once(state: &AppState, tool: &LtiTool) -> Result<usize, String> {
    let db = &state.db;
    let free = || {
        let now = OffsetDateTime::now_utc();
        Condition::any().add(lti_score::Column::ClaimedUntil.is_null()).add(lti_score::Column::ClaimedUntil.lt(now))
    };
    let candidates = lti_score::Entity::find()
        .filter(lti_score::Column::SentAt.is_null())
        .filter(lti_score::Column::RefusedAt.is_null())
        .filter(free())
        .order_by_asc(lti_score::Column::Attempts)
        .order_by_asc(lti_score::Column::Id)
        .limit(BATCH)
        .all(&db.writer)
        .await
        .map_err(|error| error.to_string())?;
    let mut settled = 0;
    let mut unreachable: Vec<(String, String)> = Vec::new();
    for score in candidates {
        let column = lti_grade_link::Entity::find_by_id(score.grade_link_id).one(&db.writer).await;
        let column = column.map_err(|error| error.to_string())?;
        if column.as_ref().is_some_and(|column| unreachable.iter().any(|(id, _)| *id == column.platform)) {
            continue;
        }
        // Claimed from now (each claim outlasts the longest send: a token
        // and a score, 10 s each at most), or by another instance first:
        // then not ours.
        let until = OffsetDateTime::now_utc() + time::Duration::seconds(CLAIM_SECONDS);
        let claimed = lti_score::Entity::update_many()
            .col_expr(lti_score::Column::ClaimedUntil, Expr::value(until))
            .filter(lti_score::Column::Id.eq(score.id))
            .filter(lti_score::Column::SentAt.is_null())
            .filter(free())
            .exec(&db.writer)
            .await
            .map_err(|error| error.to_string())?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let platform = column.as_ref().and_then(|column| tool.find(&column.platform));
        let (Some(column), Some(platform)) = (column, platform) else {
            settle(db, score.id, Settled::Refused("the platform is no longer registered".into())).await?;
            settled += 1;
            continue;
        };
        let id = platform.config.id.clone();
        match send(tool, platform, &column, &score).await {
            Ok(()) => {
                settle(db, score.id, Settled::Sent).await?;
                metrics::counter!("learn_lti_scores_total", "platform" => id, "outcome" => "sent").increment(1);
                settled += 1;
            }
            Err(Answer::Refused(reason)) => {
                tracing::warn!(platform = %id, %reason, "a learning platform refused a score");
                settle(db, score.id, Settled::Refused(reason)).await?;
                metrics::counter!("learn_lti_scores_total", "platform" => id, "outcome" => "refused").increment(1);
                settled += 1;
            }
            Err(Answer::Unavailable(reason)) => {
                metrics::counter!("learn_lti_scores_total", "platform" => id.clone(), "outcome" => "failed")
                    .increment(1);
                settle(db, score.id, Settled::Failed(reason.clone())).await?;
                unreachable.push((id, reason));
            }
        }
    }
    match unreachable.into_iter().next() {
        Some((platform, reason)) if settled == 0 => Err(format!("{platform}: {reason}")),
        _ => Ok(settled),
    }
}

enum Answer {
    Refused(String),
    Unavailable(String),
}

/// The score to the column's platform: a token first (client credentials
/// with this tool's signed assertion), then the score.
async fn send(
    tool: &LtiTool,
    platform: &Platform,
    column: &lti_grade_link::Model,
    score: &lti_score::Model,
) -> Result<(), Answer> {
    if !platform.config.may_call(&column.lineitem) {
        return Err(Answer::Refused("the grade column's address is not the platform's kind".into()));
    }
    let token = access_token(tool, platform).await?;
    let timestamp = score
        .occurred_at
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|error| Answer::Refused(error.to_string()))?;
    let body = json!({
        "userId": column.subject,
        "scoreGiven": score.score_given,
        "scoreMaximum": score.score_maximum,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": timestamp,
    });
    let response = tool
        .http
        .post(scores_address(&column.lineitem))
        .bearer_auth(&token)
        .header(reqwest::header::CONTENT_TYPE, "application/vnd.ims.lis.v1.score+json")
        .body(body.to_string())
        .send()
        .await
        .map_err(|error| Answer::Unavailable(error.to_string()))?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    if status.as_u16() == 401 {
        // The token may have ended early: the next try asks for another.
        *platform.token.lock().await = None;
    }
    let text: String = response.text().await.unwrap_or_default().chars().take(200).collect();
    answer_for(status, format!("{status}: {text}"))
}

fn answer_for(status: reqwest::StatusCode, reason: String) -> Result<(), Answer> {
    if status.is_server_error() || matches!(status.as_u16(), 401 | 408 | 429) {
        Err(Answer::Unavailable(reason))
    } else {
        Err(Answer::Refused(reason))
    }
}

/// `{lineitem}/scores`, the line item's own query kept after it.
fn scores_address(lineitem: &str) -> String {
    match lineitem.split_once('?') {
        Some((path, query)) => format!("{}/scores?{query}", path.trim_end_matches('/')),
        None => format!("{}/scores", lineitem.trim_end_matches('/')),
    }
}

/// A token for sending scores to `platform`, kept until shortly before it ends.
async fn access_token(tool: &LtiTool, platform: &Platform) -> Result<String, Answer> {
    if let Some((until, token)) = platform.token.lock().await.as_ref()
        && Instant::now() < *until
    {
        return Ok(token.clone());
    }
    let Some(token_url) = &platform.config.token_url else {
        return Err(Answer::Refused("no token_url is registered for this platform".into()));
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let key = tool.key.as_ref().ok_or_else(|| Answer::Refused("no tool key".into()))?;
    let assertion = key
        .sign(&json!({
            "iss": platform.config.client_id,
            "sub": platform.config.client_id,
            "aud": token_url,
            "iat": now,
            "exp": now + 300,
            "jti": app::codes::generate(24),
        }))
        .map_err(Answer::Refused)?;
    let response = tool
        .http
        .post(token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", assertion.as_str()),
            ("scope", SCORE_SCOPE),
        ])
        .send()
        .await
        .map_err(|error| Answer::Unavailable(format!("token: {error}")))?;
    let status = response.status();
    if !status.is_success() {
        let text: String = response.text().await.unwrap_or_default().chars().take(200).collect();
        // A refused token is the platform's registration, not this score:
        // tried again later rather than given up.
        return Err(Answer::Unavailable(format!("token {status}: {text}")));
    }
    #[derive(serde::Deserialize)]
    struct Granted {
        access_token: String,
        expires_in: Option<u64>,
    }
    let text = response.text().await.map_err(|error| Answer::Unavailable(format!("token: {error}")))?;
    let granted: Granted =
        serde_json::from_str(&text).map_err(|error| Answer::Unavailable(format!("token: {error}")))?;
    let lasts = Duration::from_secs(granted.expires_in.unwrap_or(300).clamp(60, 3600) - 30);
    *platform.token.lock().await = Some((Instant::now() + lasts, granted.access_token.clone()));
    Ok(granted.access_token)
}

enum Settled {
    Sent,
    Refused(String),
    Failed(String),
}

async fn settle(db: &app::db::Db, id: i64, settled: Settled) -> Result<(), String> {
    let now = OffsetDateTime::now_utc();
    let update = lti_score::Entity::update_many().filter(lti_score::Column::Id.eq(id));
    let update = match settled {
        Settled::Sent => update.col_expr(lti_score::Column::SentAt, Expr::value(now)),
        Settled::Refused(reason) => update
            .col_expr(lti_score::Column::RefusedAt, Expr::value(now))
            .col_expr(lti_score::Column::LastError, Expr::value(reason.chars().take(300).collect::<String>())),
        Settled::Failed(reason) => update
            .col_expr(
                lti_score::Column::Attempts,
                sea_orm::sea_query::ExprTrait::add(Expr::col(lti_score::Column::Attempts), 1),
            )
            // Free again at once: the back-off decides when it is tried.
            .col_expr(lti_score::Column::ClaimedUntil, Expr::value(None::<OffsetDateTime>))
            .col_expr(lti_score::Column::LastError, Expr::value(reason.chars().take(300).collect::<String>())),
    };
    update.exec(&db.writer).await.map_err(|error| error.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scores_address_keeps_the_line_items_query() {
        assert_eq!(scores_address("https://lms.example/lineitems/7"), "https://lms.example/lineitems/7/scores");
        assert_eq!(
            scores_address("https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1"),
            "https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1"
        );
    }
}
