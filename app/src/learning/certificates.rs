//! Certificates: issued in the same transaction as the completion that
//! earns them, exactly once per learner and course, with an unguessable
//! code anyone can verify at `/verify/{code}`.

use crate::msg;
use std::collections::{HashMap, HashSet};

use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde_json::json;
use time::OffsetDateTime;

use super::progress::progress;
use crate::accounts::Actor;
use crate::catalog::Course;
use crate::db::Db;
use crate::entities::{certificate, user};

/// 16 characters of 5 bits: 80 bits, typed from paper as `ABCD-EFGH-JKMN-PQRS`.
pub const VERIFY_CODE_LENGTH: usize = 16;

/// Whether a learner with these completed lessons and best quiz scores
/// (lesson id → percent) has earned the course's certificate.
pub fn earned(course: &Course, completed: &HashSet<String>, best_scores: &HashMap<String, u8>) -> bool {
    course.certificate.issued && progress(course, completed).all_done() && meets_minimum_average(course, best_scores)
}

/// Whether the best quiz scores meet the course's minimum average, if it
/// has one (a quiz never attempted counts as 0).
pub(super) fn meets_minimum_average(course: &Course, best_scores: &HashMap<String, u8>) -> bool {
    let Some(minimum) = course.certificate.min_average_score else { return true };
    let quizzes: Vec<u32> = course
        .lessons()
        .filter(|(_, lesson)| lesson.quiz.is_some())
        .map(|(_, lesson)| u32::from(best_scores.get(&lesson.id).copied().unwrap_or(0)))
        .collect();
    if quizzes.is_empty() {
        return true;
    }
    quizzes.iter().sum::<u32>() / quizzes.len() as u32 >= u32::from(minimum)
}

/// Within the transaction that earned it: the certificate for `enrolment`,
/// with the learner's name and the course as they are `now`, and the
/// organisation whose cohort it was earned in (`None`: the learner's
/// account is gone).
pub(super) async fn new_certificate(
    connection: &impl ConnectionTrait,
    course: &Course,
    enrolment: &crate::entities::enrolment::Model,
    now: OffsetDateTime,
) -> Result<Option<certificate::ActiveModel>, DbErr> {
    use crate::entities::cohort;
    let Some(learner) = user::Entity::find_by_id(enrolment.user_id).one(connection).await? else { return Ok(None) };
    let organisation = match enrolment.cohort_id {
        Some(cohort_id) => cohort::Entity::find_by_id(cohort_id).one(connection).await?.and_then(|c| c.organisation_id),
        None => None,
    };
    Ok(Some(certificate::ActiveModel {
        organisation_id: Set(organisation),
        user_id: Set(enrolment.user_id),
        course_id: Set(course.id.clone()),
        verify_code: Set(crate::codes::generate(VERIFY_CODE_LENGTH)),
        issued_at: Set(now),
        learner_name: Set(learner.display_name),
        course_title: Set(course.title.clone()),
        minutes: Set(course.minutes().try_into().unwrap_or(i32::MAX)),
        content_version: Set(course.content_version.clone()),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        revoked_by: Set(None),
        ..Default::default()
    }))
}

/// The enrolment's copy of "holds a valid certificate", for statistics.
async fn set_certified(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
    certified: bool,
) -> Result<(), DbErr> {
    use crate::entities::enrolment;
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::Certified, sea_orm::sea_query::Expr::value(certified))
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .exec(connection)
        .await?;
    Ok(())
}

/// A learner's own certificate for a course.
pub async fn my_certificate(db: &Db, user_id: i64, course_id: &str) -> Result<Option<certificate::Model>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .filter(certificate::Column::CourseId.eq(course_id))
        .one(&db.reader)
        .await
}

/// The certificate a typed verify code names; `None` for anything that is
/// not a well-formed code of an issued certificate.
pub async fn find_certificate(db: &Db, code: &str) -> Result<Option<certificate::Model>, DbErr> {
    let Some(code) = crate::codes::normalise(code, VERIFY_CODE_LENGTH) else { return Ok(None) };
    certificate::Entity::find().filter(certificate::Column::VerifyCode.eq(code)).one(&db.reader).await
}

/// The organisation whose cohort `found` was earned in, as it was when it
/// was issued: who, besides the programme, may revoke it.
pub fn earned_in(found: &certificate::Model) -> Option<i64> {
    found.organisation_id
}

#[derive(Debug, thiserror::Error)]
pub enum RevokeError {
    #[error("no certificate has that code")]
    Unknown,
    #[error("this person may not revoke this certificate")]
    NotAllowed,
    #[error("a reason of 1 to 500 characters is needed")]
    Reason,
    #[error("the database failed")]
    Database(#[from] DbErr),
}

impl From<RevokeError> for crate::error::AppError {
    fn from(error: RevokeError) -> Self {
        use crate::error::AppError;
        match error {
            RevokeError::Unknown => AppError::NotFound,
            RevokeError::NotAllowed => AppError::Forbidden,
            RevokeError::Reason => AppError::Form(crate::model::FormErrors {
                fields: vec![("reason".into(), msg::REVOKE_REASON_NEEDED.into())],
                ..Default::default()
            }),
            RevokeError::Database(error) => AppError::internal_chain(&error),
        }
    }
}

/// Revokes a certificate with a reason, if `revoker` may
/// (`policy::may_revoke_certificate`); audited in the same transaction.
/// Revoking again keeps the first date and reason.
pub async fn revoke_certificate(
    db: &Db,
    code: &str,
    reason: &str,
    revoker: &crate::model::Viewer,
    actor: &Actor,
) -> Result<(), RevokeError> {
    use sea_orm::TransactionTrait;
    let found = find_certificate(db, code).await?.ok_or(RevokeError::Unknown)?;
    if !crate::policy::may_revoke_certificate(revoker, earned_in(&found)) {
        return Err(RevokeError::NotAllowed);
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 || reason.chars().any(char::is_control) {
        return Err(RevokeError::Reason);
    }
    let _changing = db.progress.changing(found.user_id);
    let transaction = db.writer.begin().await?;
    certificate::Entity::update_many()
        .col_expr(certificate::Column::RevokedAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .col_expr(certificate::Column::RevokedReason, sea_orm::sea_query::Expr::value(reason))
        .col_expr(certificate::Column::RevokedBy, sea_orm::sea_query::Expr::value(actor.user_id))
        .filter(certificate::Column::Id.eq(found.id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(&transaction)
        .await?;
    set_certified(&transaction, found.user_id, &found.course_id, false).await?;
    let detail = json!({ "certificate": found.id, "course": found.course_id, "reason": reason });
    crate::accounts::record_in(&transaction, actor, Some(found.user_id), "certificate.revoked", detail).await?;
    transaction.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CertificateRules;
    use crate::learning::fixtures::{ids as set, lesson, module};

    fn course(rules: CertificateRules) -> Course {
        let mut course = crate::learning::fixtures::course(vec![module(vec![
            lesson("read", false),
            lesson("quiz-1", true),
            lesson("quiz-2", true),
        ])]);
        course.certificate = rules;
        course
    }

    fn scores(pairs: &[(&str, u8)]) -> HashMap<String, u8> {
        pairs.iter().map(|(id, score)| (id.to_string(), *score)).collect()
    }

    #[test]
    fn every_lesson_is_required() {
        let course = course(CertificateRules::default());
        let all = set(&["read", "quiz-1", "quiz-2"]);
        assert!(earned(&course, &all, &scores(&[("quiz-1", 70), ("quiz-2", 100)])));
        assert!(!earned(&course, &set(&["read", "quiz-1"]), &scores(&[("quiz-1", 100)])));
    }

    #[test]
    fn a_minimum_average_counts_the_best_score_of_each_quiz() {
        let course = course(CertificateRules { min_average_score: Some(80), issued: true });
        let all = set(&["read", "quiz-1", "quiz-2"]);
        assert!(!earned(&course, &all, &scores(&[("quiz-1", 70), ("quiz-2", 80)])), "average 75");
        assert!(earned(&course, &all, &scores(&[("quiz-1", 70), ("quiz-2", 90)])), "average 80");
    }

    #[test]
    fn a_course_can_give_no_certificate() {
        let course = course(CertificateRules { min_average_score: None, issued: false });
        assert!(!earned(&course, &set(&["read", "quiz-1", "quiz-2"]), &scores(&[("quiz-1", 100), ("quiz-2", 100)])));
    }

    #[test]
    fn verify_codes_carry_80_bits() {
        const { assert!(VERIFY_CODE_LENGTH * 5 >= 80) };
        let code = crate::codes::generate(VERIFY_CODE_LENGTH);
        assert_eq!(crate::codes::grouped(&code).len(), 19);
    }
}
