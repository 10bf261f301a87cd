//! Applying a file: every valid row, checked again inside one transaction,
//! or nothing at all; new accounts get a set-password code to hand out.

use crate::msg;
use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::file::{FileProblem, read_file};
use super::plan::{Outcome, PlannedRow, plan};
use super::store::IssuedCode;
use crate::accounts::{Actor, AuditEntry, DisplayName, ResetCode, Username, record_many};
use crate::catalog::Catalog;
use crate::db::Db;
use crate::entities::{enrolment, import, profile_answer, reset_code, user};
use crate::model::{Role, Viewer};
use crate::personal_data::without_answers;

/// What applying an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub created: u64,
    pub enrolled: u64,
    pub unchanged: u64,
    pub refused: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("this file was applied already")]
    AlreadyApplied,
    #[error("no such import")]
    Unknown,
    #[error("the file can no longer be read")]
    File(FileProblem),
    #[error("the database failed")]
    Database(#[from] DbErr),
}

impl From<ApplyError> for crate::error::AppError {
    fn from(error: ApplyError) -> Self {
        use crate::error::AppError;
        let message =
            |id: &str| AppError::Form(crate::model::FormErrors { form: Some(id.into()), ..Default::default() });
        match error {
            ApplyError::AlreadyApplied => message(msg::IMPORT_ALREADY_APPLIED),
            ApplyError::Unknown => AppError::NotFound,
            ApplyError::File(problem) => message(problem.message_id()),
            ApplyError::Database(error) => AppError::internal_chain(&error),
        }
    }
}

/// Stored instead of a password hash until the learner sets a password
/// with their code: no password matches it.
pub const NO_PASSWORD_YET: &str = "!set-password-code";

/// Rows inserted per statement.
const BATCH: usize = 500;

/// Applies an import: every valid row, checked again inside the
/// transaction, or nothing at all.
pub async fn apply(
    db: &Db,
    catalog: &Catalog,
    import_id: i64,
    importer: &Viewer,
    code_lifetime: Duration,
    codes_key: &super::sealed::CodesKey,
    actor: &Actor,
) -> Result<Applied, ApplyError> {
    let now = OffsetDateTime::now_utc();
    let _changing = db.progress.changing_everyone();
    let transaction = db.writer.begin().await?;
    let claimed = import::Entity::update_many()
        .col_expr(import::Column::AppliedAt, Expr::value(now))
        .filter(import::Column::Id.eq(import_id))
        .filter(import::Column::AppliedAt.is_null())
        .exec(&transaction)
        .await?;
    if claimed.rows_affected != 1 {
        let exists = import::Entity::find_by_id(import_id).one(&transaction).await?.is_some();
        return Err(if exists { ApplyError::AlreadyApplied } else { ApplyError::Unknown });
    }
    let file = import::Entity::find_by_id(import_id).one(&transaction).await?.ok_or(ApplyError::Unknown)?;
    let rows = read_file(file.content.as_bytes()).map_err(ApplyError::File)?;
    let planned = plan(&transaction, catalog, rows, importer).await?;
    let mut applied = Applied::default();
    for row in &planned {
        match row.outcome {
            Outcome::Create => applied.created += 1,
            Outcome::Enrol => applied.enrolled += 1,
            Outcome::Nothing => applied.unchanged += 1,
            Outcome::Error(_) => applied.refused += 1,
        }
    }

    // New accounts, without a password until their code is used.
    let creating: Vec<&PlannedRow> = planned.iter().filter(|row| row.outcome == Outcome::Create).collect();
    for chunk in creating.chunks(BATCH) {
        user::Entity::insert_many(chunk.iter().map(|row| user::ActiveModel {
            username: Set(Username::parse(&row.row.username).map(|u| u.as_str().to_string()).unwrap_or_default()),
            display_name: Set(DisplayName::parse(&row.row.name).map(|n| n.as_str().to_string()).unwrap_or_default()),
            password_hash: Set(NO_PASSWORD_YET.to_string()),
            role: Set(Role::Learner.as_str().to_string()),
            language: Set(None),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(&transaction)
        .await?;
    }
    let mut new_ids: HashMap<String, i64> = HashMap::new();
    let names: Vec<String> = creating
        .iter()
        .filter_map(|row| Username::parse(&row.row.username).ok())
        .map(|username| username.as_str().to_string())
        .collect();
    for chunk in names.chunks(BATCH) {
        for found in user::Entity::find().filter(user::Column::Username.is_in(chunk.to_vec())).all(&transaction).await?
        {
            new_ids.insert(found.username, found.id);
        }
    }
    let id_of = |row: &PlannedRow| {
        row.user_id.or_else(|| {
            Username::parse(&row.row.username).ok().and_then(|username| new_ids.get(username.as_str()).copied())
        })
    };

    let audit = |subject: Option<i64>, action: &'static str, detail: serde_json::Value| AuditEntry {
        subject_id: subject,
        action,
        detail,
    };
    let mut codes = Vec::new();
    for chunk in creating.chunks(BATCH) {
        let mut answers = Vec::new();
        let mut enrolments = Vec::new();
        // Who is enrolled in what, for the learning records.
        let mut enrolled: Vec<(i64, String)> = Vec::new();
        let mut reset_codes = Vec::new();
        let mut entries = Vec::new();
        for row in chunk {
            let (Some(user_id), Some(cohort)) = (id_of(row), row.cohort.as_ref()) else {
                return Err(DbErr::RecordNotFound("an account just created".into()).into());
            };
            for (question, answer) in &row.row.answers {
                answers.push(profile_answer::ActiveModel {
                    user_id: Set(user_id),
                    question: Set(question.as_str().to_string()),
                    answer: Set(answer.clone()),
                    consented_at: Set(now),
                });
            }
            let [gender, age_band, region] = crate::personal_data::answer_columns(&row.row.answers);
            enrolled.push((user_id, cohort.course_id.clone()));
            enrolments.push(enrolment::ActiveModel {
                user_id: Set(user_id),
                course_id: Set(cohort.course_id.clone()),
                cohort_id: Set(Some(cohort.id)),
                enrolled_at: Set(now),
                gender: Set(gender),
                age_band: Set(age_band),
                region: Set(region),
                ..Default::default()
            });
            let code = ResetCode::generate();
            reset_codes.push(reset_code::ActiveModel {
                user_id: Set(user_id),
                code_hash: Set(code.hash()),
                issued_by: Set(actor.user_id),
                issued_at: Set(now),
                expires_at: Set(now + code_lifetime),
                used_at: Set(None),
                ..Default::default()
            });
            entries.push(audit(Some(user_id), "user.created", json!({ "role": "learner", "import": import_id })));
            if !row.row.answers.is_empty() {
                let questions: Vec<&str> = row.row.answers.iter().map(|(question, _)| question.as_str()).collect();
                entries.push(audit(
                    Some(user_id),
                    "profile.consent_given",
                    json!({ "questions": questions, "import": import_id }),
                ));
            }
            codes.push(IssuedCode {
                username: row.row.username.trim().to_lowercase(),
                name: row.row.name.trim().to_string(),
                cohort: cohort.name.clone(),
                code: code.grouped(),
            });
        }
        if !answers.is_empty() {
            profile_answer::Entity::insert_many(answers).exec_without_returning(&transaction).await?;
        }
        enrolment::Entity::insert_many(enrolments).exec_without_returning(&transaction).await?;
        crate::learning::outbox::write_enrolments(&transaction, &enrolled, now).await?;
        reset_code::Entity::insert_many(reset_codes).exec_without_returning(&transaction).await?;
        record_many(&transaction, actor, now, entries).await?;
    }

    // Existing accounts: enrolled (or moved) into the cohort.
    for row in planned.iter().filter(|row| row.outcome == Outcome::Enrol) {
        let (Some(user_id), Some(cohort)) = (row.user_id, row.cohort.as_ref()) else { continue };
        let cohort_id = cohort.id;
        crate::learning::enrolment::upsert_enrolment(&transaction, user_id, &cohort.course_id, Some(cohort_id)).await?;
        let entry = audit(Some(user_id), "cohort.enrolled", json!({ "cohort": cohort_id, "import": import_id }));
        record_many(&transaction, actor, now, vec![entry]).await?;
    }

    let summary = json!({
        "import": import_id,
        "created": applied.created,
        "enrolled": applied.enrolled,
        "unchanged": applied.unchanged,
        "refused": applied.refused,
    });
    record_many(&transaction, actor, now, vec![audit(None, "import.applied", summary)]).await?;
    // Kept for printing, sealed: only the applying browser opens them.
    let codes = (!codes.is_empty()).then(|| super::sealed::seal(codes_key, &codes));
    import::Entity::update_many()
        .col_expr(import::Column::Codes, Expr::value(codes))
        .col_expr(import::Column::Content, Expr::value(without_answers(&file.content)))
        .filter(import::Column::Id.eq(import_id))
        .exec(&transaction)
        .await?;
    transaction.commit().await?;
    Ok(applied)
}
