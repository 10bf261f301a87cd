//! Creating accounts and changing roles and passwords, each with its audit
//! record in the same transaction.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, SqlErr,
    TransactionTrait,
};
use serde_json::json;
use time::OffsetDateTime;

use super::audit::{Actor, record};
use super::error::{AccountError, internal};
use super::password::hash_password;
use super::sessions::{cancel_reset_codes, end_sessions};
use super::validation::{DisplayName, NewPassword, Username};
use crate::db::Db;
use crate::entities::user;
use crate::model::Role;

#[derive(Debug)]
pub struct NewAccount {
    pub username: Username,
    pub display_name: DisplayName,
    pub password: NewPassword,
    pub role: Role,
    pub language: Option<crate::language::Language>,
    /// Profile answers given with consent at registration.
    pub profile: crate::model::ProfileAnswers,
}

/// The account with `username`; a deleted account is nobody, and is not found.
pub async fn find_user(db: &Db, username: &Username) -> Result<Option<user::Model>, AccountError> {
    user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .filter(user::Column::DeletedAt.is_null())
        .one(&db.reader)
        .await
        .map_err(internal)
}

pub async fn create_user(db: &Db, account: NewAccount, actor: &Actor) -> Result<user::Model, AccountError> {
    let hash = hash_password(account.password.expose()).await?;
    let transaction = db.writer.begin().await.map_err(internal)?;
    let user = insert_account(
        &transaction,
        user::ActiveModel {
            username: Set(account.username.as_str().to_string()),
            display_name: Set(account.display_name.as_str().to_string()),
            password_hash: Set(hash.into_stored()),
            role: Set(account.role.as_str().to_string()),
            language: Set(account.language.map(|language| language.code().to_string())),
            created_at: Set(OffsetDateTime::now_utc()),
            ..Default::default()
        },
    )
    .await?;
    record(&transaction, actor, Some(user.id), "user.created", json!({ "role": user.role })).await.map_err(internal)?;
    if !account.profile.is_empty() {
        super::profile::replace_answers(&transaction, user.id, &account.profile).await.map_err(internal)?;
        let questions: Vec<&str> = account.profile.iter().map(|(question, _)| question.as_str()).collect();
        record(&transaction, actor, Some(user.id), "profile.consent_given", json!({ "questions": questions }))
            .await
            .map_err(internal)?;
    }
    transaction.commit().await.map_err(internal)?;
    Ok(user)
}

/// Inserts a new account's row: a username someone has is said so.
pub(super) async fn insert_account(
    connection: &impl sea_orm::ConnectionTrait,
    row: user::ActiveModel,
) -> Result<user::Model, AccountError> {
    match row.insert(connection).await {
        Ok(user) => Ok(user),
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AccountError::UsernameTaken)
        }
        Err(error) => Err(internal(error)),
    }
}

pub async fn set_role(db: &Db, username: &Username, role: Role, actor: &Actor) -> Result<(), AccountError> {
    let user = find_user(db, username).await?.ok_or(AccountError::UnknownUser)?;
    let previous = user.role.clone();
    let transaction = db.writer.begin().await.map_err(internal)?;
    let role_changes = previous != role.as_str();
    let mut changed = user.into_active_model();
    changed.role = Set(role.as_str().to_string());
    // An organisation is a manager's scope, or where a provider's learner
    // came from: a new role starts with neither (an administrator scopes a
    // new manager), so that nobody keeps a scope, or is looked after by
    // one, from the role they had.
    if role_changes {
        changed.organisation_id = Set(None);
    }
    let user = changed.update(&transaction).await.map_err(internal)?;
    record(&transaction, actor, Some(user.id), "user.role_changed", json!({ "from": previous, "to": user.role }))
        .await
        .map_err(internal)?;
    end_sessions(&transaction, user.id).await?;
    cancel_reset_codes(&transaction, user.id).await.map_err(internal)?;
    transaction.commit().await.map_err(internal)?;
    Ok(())
}

pub async fn reset_password(
    db: &Db,
    username: &Username,
    password: &NewPassword,
    actor: &Actor,
) -> Result<(), AccountError> {
    let user = find_user(db, username).await?.ok_or(AccountError::UnknownUser)?;
    let hash = hash_password(password.expose()).await?;
    let transaction = db.writer.begin().await.map_err(internal)?;
    let id = user.id;
    let mut changed = user.into_active_model();
    changed.password_hash = Set(hash.into_stored());
    changed.update(&transaction).await.map_err(internal)?;
    record(&transaction, actor, Some(id), "user.password_reset", json!({})).await.map_err(internal)?;
    super::identities::end_links(&transaction, id, actor).await.map_err(internal)?;
    end_sessions(&transaction, id).await?;
    cancel_reset_codes(&transaction, id).await.map_err(internal)?;
    transaction.commit().await.map_err(internal)?;
    Ok(())
}

/// Accounts whose username or name starts with `query` (any case), at most
/// `limit`, by username; an empty query lists the first accounts. With
/// `organisation`, only the learners a manager of it looks after.
pub async fn find_users(
    db: &Db,
    query: &str,
    limit: u64,
    organisation: Option<i64>,
) -> Result<Vec<crate::model::UserSummary>, AccountError> {
    use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
    use sea_orm::{QueryOrder, QuerySelect};
    let query = query.trim();
    let mut select = user::Entity::find().filter(user::Column::DeletedAt.is_null());
    if let Some(organisation) = organisation {
        select =
            select.filter(user::Column::Id.in_subquery(crate::personal_data::learners_of_organisation(organisation)));
    }
    if !query.is_empty() {
        let escaped = query.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("{}%", escaped.to_lowercase());
        let by_name = format!("{escaped}%");
        select = select.filter(
            sea_orm::Condition::any()
                .add(Expr::col(user::Column::Username).like(LikeExpr::new(pattern).escape('\\')))
                .add(
                    Expr::expr(Func::lower(Expr::col(user::Column::DisplayName)))
                        .like(LikeExpr::new(by_name.to_lowercase()).escape('\\')),
                ),
        );
    }
    let users = select.order_by_asc(user::Column::Username).limit(limit).all(&db.reader).await.map_err(internal)?;
    users
        .into_iter()
        .map(|user| -> Result<crate::model::UserSummary, AccountError> {
            let role = Role::stored(&user.role).map_err(|unknown| DbErr::Custom(unknown.to_string()))?;
            Ok(crate::model::UserSummary { username: user.username, display_name: user.display_name, role })
        })
        .collect()
}

/// Remembers the interface language a person chose.
pub async fn set_language(db: &Db, user_id: i64, language: crate::language::Language) -> Result<(), DbErr> {
    let transaction = db.writer.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::Language, sea_orm::sea_query::Expr::value(language.code()))
        .filter(user::Column::Id.eq(user_id))
        .exec(&transaction)
        .await?;
    crate::kept_sessions::revoke_everywhere(&transaction).await?;
    transaction.commit().await
}

/// Records a wrong password (or an unknown account) in the audit log.
pub async fn record_failed_login(db: &Db, user_id: Option<i64>, actor: &Actor) -> Result<(), DbErr> {
    metrics::counter!("learn_sign_in_failures_total").increment(1);
    record(&db.writer, actor, user_id, "user.login_failed", json!({})).await
}

/// Records a sign-in with the right password, all in one transaction (one
/// sync to disk while a classroom signs in at once): the tries it took are
/// given back, it was no guess; the audit line; and this browser is
/// remembered, with a new token replacing the one it came with, if any.
/// Returns the device cookie's value.
pub async fn record_sign_in(
    db: &Db,
    user_id: i64,
    admitted: &super::guessing::Admitted,
    actor: &Actor,
    replacing: Option<&super::device::Device>,
) -> Result<String, DbErr> {
    let transaction = db.writer.begin().await?;
    record(&transaction, actor, Some(user_id), "user.login", json!({})).await?;
    // Allowances before the browser's token, as `guessing::admit` locks
    // them (on PostgreSQL two orders could deadlock); late, so that a
    // classroom's shared address is held little more than the commit.
    super::guessing::password_was_right(&transaction, admitted).await?;
    let device = super::device::remember(&transaction, user_id, replacing).await?;
    transaction.commit().await?;
    Ok(device)
}

/// How many wrong passwords were tried for the account since its last
/// successful sign-in (before this one), leaving out the last minutes'
/// from `address` (the person's own typing): the owner is told.
pub async fn failed_sign_ins_since_last(db: &Db, user_id: i64, address: Option<&str>) -> Result<u64, DbErr> {
    use crate::entities::audit_log;
    use sea_orm::{Condition, PaginatorTrait, QueryOrder, QuerySelect};
    let last: Option<i64> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Id)
        .filter(audit_log::Column::SubjectId.eq(user_id))
        .filter(audit_log::Column::Action.eq("user.login"))
        .order_by_desc(audit_log::Column::Id)
        .limit(1)
        .into_tuple()
        .one(&db.reader)
        .await?;
    let mut failures = audit_log::Entity::find()
        .filter(audit_log::Column::SubjectId.eq(user_id))
        .filter(audit_log::Column::Action.eq("user.login_failed"))
        .filter(audit_log::Column::Id.gt(last.unwrap_or(0)));
    if let Some(address) = address {
        let own_typing = OffsetDateTime::now_utc() - time::Duration::minutes(15);
        failures = failures.filter(
            Condition::any()
                .add(audit_log::Column::ClientAddress.ne(address))
                .add(audit_log::Column::ClientAddress.is_null())
                .add(audit_log::Column::OccurredAt.lt(own_typing)),
        );
    }
    failures.count(&db.reader).await
}

/// A person changes their own password: the current one must be right.
/// Every other session of theirs ends (phones are shared); the one they
/// are using stays.
pub async fn change_password(
    db: &Db,
    user_id: i64,
    current: &str,
    new: &NewPassword,
    keep_session: Option<&str>,
    actor: &Actor,
) -> Result<(), AccountError> {
    let user = confirmed_user(db, user_id, current).await?;
    let hash = hash_password(new.expose()).await?;
    let transaction = db.writer.begin().await.map_err(internal)?;
    let mut changed = user.into_active_model();
    changed.password_hash = Set(hash.into_stored());
    changed.update(&transaction).await.map_err(internal)?;
    record(&transaction, actor, Some(user_id), "user.password_changed", json!({})).await.map_err(internal)?;
    super::identities::end_links(&transaction, user_id, actor).await.map_err(internal)?;
    cancel_reset_codes(&transaction, user_id).await.map_err(internal)?;
    super::device::forget_devices(&transaction, user_id).await.map_err(internal)?;
    let mut others =
        crate::entities::session::Entity::delete_many().filter(crate::entities::session::Column::UserId.eq(user_id));
    if let Some(keep) = keep_session {
        others = others.filter(crate::entities::session::Column::Id.ne(keep));
    }
    others.exec(&transaction).await.map_err(internal)?;
    crate::kept_sessions::revoke_everywhere(&transaction).await.map_err(internal)?;
    transaction.commit().await.map_err(internal)?;
    Ok(())
}

/// Everything we keep about a person, for them to download.
pub async fn export_own_data(db: &Db, user_id: i64) -> Result<serde_json::Value, AccountError> {
    use sea_orm::QueryOrder;
    let user =
        user::Entity::find_by_id(user_id).one(&db.reader).await.map_err(internal)?.ok_or(AccountError::UnknownUser)?;
    let history = crate::entities::audit_log::Entity::find()
        .filter(crate::entities::audit_log::Column::SubjectId.eq(user_id))
        .order_by_asc(crate::entities::audit_log::Column::Id)
        .all(&db.reader)
        .await
        .map_err(internal)?;
    let profile = crate::entities::profile_answer::Entity::find()
        .filter(crate::entities::profile_answer::Column::UserId.eq(user_id))
        .all(&db.reader)
        .await
        .map_err(internal)?;
    let browsers = crate::entities::known_device::Entity::find()
        .filter(crate::entities::known_device::Column::UserId.eq(user_id))
        .all(&db.reader)
        .await
        .map_err(internal)?;
    let format = |time: OffsetDateTime| time.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let learning = learning_history(db, user_id, &format).await.map_err(internal)?;
    let links = super::identities::links_of(db, user_id).await.map_err(internal)?;
    let grade_columns = crate::learning::grades::columns_of(db, user_id).await.map_err(internal)?;
    Ok(json!({
        "learning": learning,
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role,
            "language": user.language,
            "created_at": format(user.created_at),
        },
        "profile": profile.into_iter().map(|answer| json!({
            "question": answer.question,
            "answer": answer.answer,
            "consented_at": format(answer.consented_at),
        })).collect::<Vec<_>>(),
        // Identity providers that sign in to this account (the provider's
        // own id for the person, `sub`, included: it is theirs).
        "identity_links": links.into_iter().map(|link| json!({
            "provider": link.provider,
            "subject": link.subject,
            "linked_at": format(link.linked_at),
            "last_sign_in_at": link.last_sign_in_at.map(format),
        })).collect::<Vec<_>>(),
        // Partners' learning platforms (LTI) that course scores go back
        // to: the platform's grade column and the score sent.
        "lti_grade_columns": grade_columns.into_iter().map(|(column, score)| json!({
            "platform": column.platform,
            "course": column.course_id,
            "lineitem": column.lineitem,
            "since": format(column.created_at),
            "score": score.as_ref().map(|score| score.score_given),
            "score_sent_at": score.and_then(|score| score.sent_at).map(format),
        })).collect::<Vec<_>>(),
        // Browsers the account signed in from (device cookies; only a
        // hash of each is kept).
        "known_browsers": browsers.into_iter().map(|browser| json!({
            "since": format(browser.created_at),
        })).collect::<Vec<_>>(),
        // Addresses the person acted from are theirs; those of staff who
        // acted on the account are not.
        "history": history.into_iter().map(|entry| json!({
            "at": format(entry.occurred_at),
            "action": entry.action,
            "from_address": entry.client_address.filter(|_| entry.actor_id == Some(user_id)),
        })).collect::<Vec<_>>(),
    }))
}

/// A person's enrolments, completions, quiz attempts (with their answers),
/// certificates and the course versions they saved on a phone, for their
/// own data download.
async fn learning_history(
    db: &Db,
    user_id: i64,
    format: &impl Fn(OffsetDateTime) -> String,
) -> Result<serde_json::Value, DbErr> {
    use crate::entities::{certificate, course_completion, enrolment, lesson_completion, quiz_attempt};
    let enrolments = enrolment::Entity::find().filter(enrolment::Column::UserId.eq(user_id)).all(&db.reader).await?;
    let lessons =
        lesson_completion::Entity::find().filter(lesson_completion::Column::UserId.eq(user_id)).all(&db.reader).await?;
    let attempts =
        quiz_attempt::Entity::find().filter(quiz_attempt::Column::UserId.eq(user_id)).all(&db.reader).await?;
    let courses =
        course_completion::Entity::find().filter(course_completion::Column::UserId.eq(user_id)).all(&db.reader).await?;
    let certificates =
        certificate::Entity::find().filter(certificate::Column::UserId.eq(user_id)).all(&db.reader).await?;
    let saved = crate::entities::offline_save::Entity::find()
        .filter(crate::entities::offline_save::Column::UserId.eq(user_id))
        .all(&db.reader)
        .await?;
    Ok(json!({
        "enrolments": enrolments.into_iter().map(|e| json!({
            "course": e.course_id, "cohort": e.cohort_id, "enrolled_at": format(e.enrolled_at),
            "left_at": e.left_at.map(format),
        })).collect::<Vec<_>>(),
        "lessons_completed": lessons.into_iter().map(|l| json!({
            "course": l.course_id, "lesson": l.lesson_id, "at": format(l.completed_at),
        })).collect::<Vec<_>>(),
        "quiz_attempts": attempts.into_iter().map(|a| json!({
            "course": a.course_id, "lesson": a.lesson_id, "at": format(a.submitted_at),
            "score_percent": a.score_percent, "passed": a.passed,
            "answers": serde_json::from_str::<serde_json::Value>(&a.answers).unwrap_or_default(),
            "content_version": a.content_version,
        })).collect::<Vec<_>>(),
        "courses_completed": courses.into_iter().map(|c| json!({
            "course": c.course_id, "at": format(c.completed_at), "content_version": c.content_version,
        })).collect::<Vec<_>>(),
        "certificates": certificates.into_iter().map(|c| json!({
            "course": c.course_id, "name": c.learner_name, "issued_at": format(c.issued_at),
            "verify_code": crate::codes::grouped(&c.verify_code), "revoked_at": c.revoked_at.map(format),
        })).collect::<Vec<_>>(),
        "saved_for_offline": saved.into_iter().map(|s| json!({
            "course": s.course_id, "content_version": s.content_version, "at": format(s.saved_at),
        })).collect::<Vec<_>>(),
    }))
}

/// Deletes a person's account: their name, username, password, language
/// and profile answers are erased, unused reset codes go, and every session
/// ends; their name leaves their certificates (a verifier learns only that
/// one was issued), their rows leave every stored enrolment file, and the
/// addresses they acted from leave the audit log. The row stays,
/// anonymised and marked deleted, so that programme statistics keep their
/// counts without anyone's identity. An account with no password (made by
/// a provider's sign-in) is confirmed with its username instead.
pub async fn delete_account(db: &Db, user_id: i64, password: &str, actor: &Actor) -> Result<(), AccountError> {
    use crate::entities::{audit_log, certificate};
    let user = confirmed_for_deletion(db, user_id, password).await?;
    let username = user.username.clone();
    let _changing = db.progress.changing(user_id);
    let transaction = db.writer.begin().await.map_err(internal)?;
    let mut erased = user.into_active_model();
    erased.username = Set(format!("deleted-{user_id}"));
    erased.display_name = Set(String::new());
    // Not a valid hash: nothing can sign in to this account again.
    erased.password_hash = Set("!deleted".to_string());
    erased.language = Set(None);
    erased.deleted_at = Set(Some(OffsetDateTime::now_utc()));
    erased.update(&transaction).await.map_err(internal)?;
    certificate::Entity::update_many()
        .col_expr(certificate::Column::LearnerName, sea_orm::sea_query::Expr::value(""))
        .filter(certificate::Column::UserId.eq(user_id))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    crate::personal_data::forget_in_files(&transaction, &username, crate::personal_data::Forget::Person)
        .await
        .map_err(internal)?;
    record(&transaction, actor, Some(user_id), "user.deleted", json!({})).await.map_err(internal)?;
    // Last, so that the deletion's own entry keeps no address either.
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::ClientAddress, sea_orm::sea_query::Expr::value(None::<String>))
        .filter(
            sea_orm::Condition::any()
                .add(audit_log::Column::ActorId.eq(user_id))
                .add(audit_log::Column::SubjectId.eq(user_id)),
        )
        .exec(&transaction)
        .await
        .map_err(internal)?;
    super::profile::replace_answers(&transaction, user_id, &Vec::new()).await.map_err(internal)?;
    // Their places in cohorts are given up (the enrolments stay, for counts).
    crate::entities::enrolment::Entity::update_many()
        .col_expr(
            crate::entities::enrolment::Column::LeftAt,
            sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()),
        )
        .filter(crate::entities::enrolment::Column::UserId.eq(user_id))
        .filter(crate::entities::enrolment::Column::LeftAt.is_null())
        .exec(&transaction)
        .await
        .map_err(internal)?;
    crate::entities::reset_code::Entity::delete_many()
        .filter(crate::entities::reset_code::Column::UserId.eq(user_id))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    // Which provider identities signed in to it.
    super::identities::forget_links(&transaction, user_id).await.map_err(internal)?;
    // Which partners' grade columns its courses' scores went to.
    crate::learning::grades::forget(&transaction, user_id).await.map_err(internal)?;
    // Which courses they saved on a phone, and when.
    crate::entities::offline_save::Entity::delete_many()
        .filter(crate::entities::offline_save::Column::UserId.eq(user_id))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    end_sessions(&transaction, user_id).await?;
    transaction.commit().await.map_err(internal)?;
    Ok(())
}

/// The latest entries of the audit log, newest first, with usernames.
pub async fn latest_audit_entries(db: &Db, limit: u64) -> Result<Vec<crate::model::AuditEntry>, AccountError> {
    use sea_orm::{QueryOrder, QuerySelect};
    use std::collections::HashMap;
    let entries = crate::entities::audit_log::Entity::find()
        .order_by_desc(crate::entities::audit_log::Column::Id)
        .limit(limit)
        .all(&db.reader)
        .await
        .map_err(internal)?;
    let ids: Vec<i64> = entries.iter().flat_map(|entry| [entry.actor_id, entry.subject_id]).flatten().collect();
    let names: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(&db.reader)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|user| (user.id, user.username))
        .collect();
    let name = |id: Option<i64>| id.map(|id| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}")));
    Ok(entries
        .into_iter()
        .map(|entry| crate::model::AuditEntry {
            at: crate::dates::utc_seconds(entry.occurred_at),
            actor: name(entry.actor_id),
            subject: name(entry.subject_id),
            action: entry.action,
            client_address: entry.client_address,
        })
        .collect())
}

/// A person's account, confirmed for deletion: by its password, or, for an
/// account with none (its person signs in through a provider), by its
/// username typed again.
async fn confirmed_for_deletion(db: &Db, user_id: i64, typed: &str) -> Result<user::Model, AccountError> {
    let user =
        user::Entity::find_by_id(user_id).one(&db.reader).await.map_err(internal)?.ok_or(AccountError::UnknownUser)?;
    if user.deleted_at.is_none() && user.password_hash == super::identities::NO_PASSWORD {
        return if typed.trim().eq_ignore_ascii_case(&user.username) {
            Ok(user)
        } else {
            Err(AccountError::WrongPassword)
        };
    }
    confirmed_user(db, user_id, typed).await
}

/// A person's account, when `password` is their current password: asked
/// again before changing the password or deleting the account. Wrong
/// tries are limited like sign-ins (someone at an unlocked phone must not
/// guess at leisure), on their own allowance.
async fn confirmed_user(db: &Db, user_id: i64, password: &str) -> Result<user::Model, AccountError> {
    use super::limits::{self, Limit};
    use super::password::{PasswordHash, verify_password};
    let who = user_id.to_string();
    if limits::take(db, Limit::CurrentPassword, &who).await.map_err(internal)?.is_err() {
        return Err(AccountError::TooManyTries);
    }
    let user =
        user::Entity::find_by_id(user_id).one(&db.reader).await.map_err(internal)?.ok_or(AccountError::UnknownUser)?;
    if !verify_password(password, Some(&PasswordHash::from_stored(user.password_hash.clone()))).await? {
        return Err(AccountError::WrongPassword);
    }
    limits::give_back(&db.writer, Limit::CurrentPassword, &who).await.map_err(internal)?;
    Ok(user)
}
