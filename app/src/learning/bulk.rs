//! Bulk enrolment: a manager uploads a CSV file of learners (name, login,
//! cohort code, and optionally profile answers with the learner's consent).
//! A dry run reports, row by row, what applying would do; applying does
//! it for every valid row in one transaction (all or nothing), and gives
//! each new account a one-time set-password code (the reset-code
//! mechanism) to hand out. The same file applied twice changes nothing the
//! second time: existing accounts are matched by login, and enrolments
//! already in place are left alone.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::accounts::{Actor, DisplayName, ResetCode, Username};
use crate::catalog::Catalog;
use crate::db::Db;
use crate::entities::{audit_log, cohort, enrolment, import, profile_answer, reset_code, user};
use crate::model::{ProfileQuestion, Role, Viewer};
use crate::policy;

/// The columns a file may have; the first three are required.
pub const COLUMNS: [&str; 7] = ["name", "username", "cohort", "gender", "age_band", "region", "consent"];
const REQUIRED: usize = 3;

/// Stored instead of a password hash until the learner sets a password
/// with their code: no password matches it.
pub const NO_PASSWORD_YET: &str = "!set-password-code";

/// Why a whole file was refused (message ids, with what they name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    NotUtf8,
    Empty,
    MissingColumn(&'static str),
    UnknownColumn(String),
    RepeatedColumn(String),
    /// The CSV could not be read from this line on (a quote never closed).
    Unreadable(u64),
}

impl FileProblem {
    pub fn message_id(&self) -> &'static str {
        match self {
            FileProblem::NotUtf8 => "import-error-encoding",
            FileProblem::Empty => "import-error-empty",
            FileProblem::MissingColumn(_) => "import-error-missing-column",
            FileProblem::UnknownColumn(_) => "import-error-unknown-column",
            FileProblem::RepeatedColumn(_) => "import-error-repeated-column",
            FileProblem::Unreadable(_) => "import-error-unreadable",
        }
    }

    /// What the message names: a column or a line.
    pub fn detail(&self) -> String {
        match self {
            FileProblem::MissingColumn(name) => name.to_string(),
            FileProblem::UnknownColumn(name) | FileProblem::RepeatedColumn(name) => name.clone(),
            FileProblem::Unreadable(line) => line.to_string(),
            FileProblem::NotUtf8 | FileProblem::Empty => String::new(),
        }
    }
}

/// One row of the file, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileRow {
    /// Its row, as a spreadsheet shows it (the header is row 1).
    pub line: u64,
    pub name: String,
    pub username: String,
    pub cohort: String,
    pub answers: Vec<(ProfileQuestion, String)>,
    pub consent: String,
    /// The row has a different number of fields than the header.
    pub misshapen: bool,
}

/// Reads a file: UTF-8 (a byte order mark is fine), comma-separated, with
/// a header naming its columns in any order.
pub fn read_file(bytes: &[u8]) -> Result<Vec<FileRow>, FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|_| FileProblem::Unreadable(1))?.clone();
    let mut positions: HashMap<&'static str, usize> = HashMap::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        let Some(&known) = COLUMNS.iter().find(|column| **column == name) else {
            return Err(FileProblem::UnknownColumn(name));
        };
        if positions.insert(known, index).is_some() {
            return Err(FileProblem::RepeatedColumn(name));
        }
    }
    if let Some(missing) = COLUMNS[..REQUIRED].iter().find(|column| !positions.contains_key(*column)) {
        return Err(FileProblem::MissingColumn(missing));
    }
    let mut rows = Vec::new();
    // Numbered as a spreadsheet numbers its rows: the header is row 1.
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = record.map_err(|_| FileProblem::Unreadable(line))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |name: &str| positions.get(name).and_then(|&index| record.get(index)).unwrap_or("").to_string();
        let answers = ProfileQuestion::ALL
            .into_iter()
            .map(|question| (question, field(question.as_str())))
            .filter(|(_, answer)| !answer.is_empty())
            .collect();
        rows.push(FileRow {
            line,
            name: field("name"),
            username: field("username"),
            cohort: field("cohort"),
            answers,
            consent: field("consent"),
            misshapen: record.len() != header.len(),
        });
    }
    Ok(rows)
}

/// What applying a row does (or why it cannot).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// A new account, enrolled in the cohort.
    Create,
    /// An existing account, enrolled in the cohort.
    Enrol,
    /// An existing account already in the cohort: nothing to do.
    Nothing,
    /// Refused: the message id of the reason.
    Error(String),
}

/// A row with its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRow {
    pub row: FileRow,
    pub outcome: Outcome,
    /// The cohort its code names, when there is one.
    cohort: Option<cohort::Model>,
    user_id: Option<i64>,
}

fn consented(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "" | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Checks each row against the database as it is now, and against what
/// `importer` may do (`policy`): enrol only into cohorts they run, and only
/// existing learners they already look after, never staff.
pub async fn plan(
    connection: &impl ConnectionTrait,
    catalog: &Catalog,
    rows: Vec<FileRow>,
    importer: &Viewer,
) -> Result<Vec<PlannedRow>, DbErr> {
    let codes: HashSet<String> =
        rows.iter().filter_map(|row| crate::codes::normalise(&row.cohort, super::cohorts::CODE_LENGTH)).collect();
    let mut cohorts: HashMap<String, cohort::Model> = HashMap::new();
    for chunk in codes.into_iter().collect::<Vec<_>>().chunks(500) {
        for found in cohort::Entity::find().filter(cohort::Column::Code.is_in(chunk.to_vec())).all(connection).await? {
            cohorts.insert(found.code.clone(), found);
        }
    }
    let usernames: Vec<String> =
        rows.iter().filter_map(|row| Username::parse(&row.username).ok()).map(|u| u.as_str().to_string()).collect();
    let mut users: HashMap<String, user::Model> = HashMap::new();
    for chunk in usernames.chunks(500) {
        for found in user::Entity::find().filter(user::Column::Username.is_in(chunk.to_vec())).all(connection).await? {
            users.insert(found.username.clone(), found);
        }
    }
    let user_ids: Vec<i64> = users.values().map(|user| user.id).collect();
    let mut memberships = super::cohorts::memberships(connection, catalog, &user_ids).await?;
    let mut enrolments: HashMap<(i64, String), enrolment::Model> = HashMap::new();
    for chunk in user_ids.chunks(500) {
        let found =
            enrolment::Entity::find().filter(enrolment::Column::UserId.is_in(chunk.to_vec())).all(connection).await?;
        for enrolment in found {
            enrolments.insert((enrolment.user_id, enrolment.course_id.clone()), enrolment);
        }
    }
    let mut places: HashMap<i64, i64> = HashMap::new();
    for cohort in cohorts.values().filter(|cohort| cohort.capacity.is_some()) {
        let members = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .filter(enrolment::Column::LeftAt.is_null())
            .count(connection)
            .await? as i64;
        places.insert(cohort.id, i64::from(cohort.capacity.unwrap_or(0)) - members);
    }

    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let mut cohort_found = None;
        let mut user_id = None;
        let outcome = (|| {
            if row.misshapen {
                return Outcome::Error("import-error-fields".into());
            }
            let username = match Username::parse_new(&row.username) {
                Ok(username) => username,
                Err(message) => return Outcome::Error(message.into()),
            };
            if seen.insert(username.as_str().to_string(), row.line).is_some() {
                return Outcome::Error("import-error-duplicate".into());
            }
            if let Err(message) = DisplayName::parse(&row.name) {
                return Outcome::Error(message.into());
            }
            let Some(cohort) = crate::codes::normalise(&row.cohort, super::cohorts::CODE_LENGTH)
                .and_then(|code| cohorts.get(&code))
                .filter(|cohort| catalog.course(&cohort.course_id).is_some())
            else {
                return Outcome::Error("import-error-cohort-unknown".into());
            };
            if !policy::may_run_cohort(importer, cohort.organisation_id) {
                // As if unknown: a file must not tell which codes exist.
                return Outcome::Error("import-error-cohort-unknown".into());
            }
            cohort_found = Some(cohort.clone());
            for (question, answer) in &row.answers {
                if !question.choices().contains(&answer.as_str()) {
                    return Outcome::Error("import-error-profile-answer".into());
                }
            }
            match consented(&row.consent) {
                None => return Outcome::Error("import-error-consent-value".into()),
                Some(false) if !row.answers.is_empty() => return Outcome::Error("import-error-consent-needed".into()),
                Some(_) => {}
            }
            let existing = users.get(username.as_str());
            if let Some(account) = existing {
                let facts = super::cohorts::facts_of(account, memberships.remove(&account.id).unwrap_or_default());
                if facts.deleted {
                    return Outcome::Error("username-taken".into());
                }
                if let Err(refusal) = policy::may_enrol_by_file(importer, &facts, &cohort.course_id) {
                    return Outcome::Error(refusal.message_id().into());
                }
                memberships.insert(account.id, facts.memberships);
            }
            user_id = existing.map(|user| user.id);
            let already = existing
                .and_then(|user| enrolments.get(&(user.id, cohort.course_id.clone())))
                .is_some_and(|enrolment| enrolment.cohort_id == Some(cohort.id) && enrolment.left_at.is_none());
            if already {
                return Outcome::Nothing;
            }
            if let Some(left) = places.get_mut(&cohort.id) {
                if *left <= 0 {
                    return Outcome::Error("import-error-cohort-full".into());
                }
                *left -= 1;
            }
            if existing.is_some() { Outcome::Enrol } else { Outcome::Create }
        })();
        planned.push(PlannedRow { row, outcome, cohort: cohort_found, user_id });
    }
    Ok(planned)
}

/// A set-password code of an account an import created, for printing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub username: String,
    pub name: String,
    pub cohort: String,
    /// Grouped: `ABCD-EFGH-JKMN`.
    pub code: String,
}

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
    #[error(transparent)]
    Database(#[from] DbErr),
}

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

    let audit = |subject: Option<i64>, action: &str, detail: serde_json::Value| audit_log::ActiveModel {
        occurred_at: Set(now),
        actor_id: Set(actor.user_id),
        subject_id: Set(subject),
        action: Set(action.to_string()),
        detail: Set(detail.to_string()),
        client_address: Set(actor.client_address.clone()),
        ..Default::default()
    };
    let mut codes = Vec::new();
    for chunk in creating.chunks(BATCH) {
        let mut answers = Vec::new();
        let mut enrolments = Vec::new();
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
            let [gender, age_band, region] = super::answer_columns(&row.row.answers);
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
        reset_code::Entity::insert_many(reset_codes).exec_without_returning(&transaction).await?;
        audit_log::Entity::insert_many(entries).exec_without_returning(&transaction).await?;
    }

    // Existing accounts: enrolled (or moved) into the cohort.
    for row in planned.iter().filter(|row| row.outcome == Outcome::Enrol) {
        let (Some(user_id), Some(cohort)) = (row.user_id, row.cohort.as_ref()) else { continue };
        let cohort_id = cohort.id;
        super::service::upsert_enrolment(&transaction, user_id, &cohort.course_id, Some(cohort_id)).await?;
        audit_log::Entity::insert(audit(
            Some(user_id),
            "cohort.enrolled",
            json!({ "cohort": cohort_id, "import": import_id }),
        ))
        .exec_without_returning(&transaction)
        .await?;
    }

    let summary = json!({
        "import": import_id,
        "created": applied.created,
        "enrolled": applied.enrolled,
        "unchanged": applied.unchanged,
        "refused": applied.refused,
    });
    audit_log::Entity::insert(audit(None, "import.applied", summary)).exec_without_returning(&transaction).await?;
    let codes = (!codes.is_empty()).then(|| serde_json::to_string(&codes).unwrap_or_default());
    import::Entity::update_many()
        .col_expr(import::Column::Codes, Expr::value(codes))
        .col_expr(import::Column::Content, Expr::value(without_answers(&file.content)))
        .filter(import::Column::Id.eq(import_id))
        .exec(&transaction)
        .await?;
    transaction.commit().await?;
    Ok(applied)
}

/// Stores an uploaded file for its dry run; the file must read as CSV.
pub async fn store_upload(
    db: &Db,
    file_name: &str,
    bytes: &[u8],
    uploaded_by: i64,
) -> Result<Result<i64, FileProblem>, DbErr> {
    if let Err(problem) = read_file(bytes) {
        return Ok(Err(problem));
    }
    let content = String::from_utf8_lossy(bytes).into_owned();
    let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let inserted = import::Entity::insert(import::ActiveModel {
        created_by: Set(uploaded_by),
        created_at: Set(OffsetDateTime::now_utc()),
        file_name: Set(if name.is_empty() { "upload.csv".into() } else { name }),
        content: Set(content),
        applied_at: Set(None),
        codes: Set(None),
        ..Default::default()
    })
    .exec(&db.writer)
    .await?;
    Ok(Ok(inserted.last_insert_id))
}

/// What stored files forget about one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forget {
    /// Their profile answers and consent (withdrawn).
    Answers,
    /// Their whole row and their set-password code (the account is deleted).
    Person,
}

/// Rewrites a stored file: each row is kept as it is, changed, or left
/// out by `change`. Columns and their order stay; the file stays valid.
fn rewrite(content: &str, change: impl Fn(&csv::StringRecord, &[&str]) -> Option<csv::StringRecord>) -> String {
    let text = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let Ok(header) = reader.headers().cloned() else { return content.to_string() };
    let columns: Vec<String> = header.iter().map(|name| name.trim().to_lowercase()).collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for record in reader.records().flatten() {
        if let Some(kept) = change(&record, &columns) {
            let _ = writer.write_record(&kept);
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A record with the fields of `drop` (column names) emptied.
fn emptied(record: &csv::StringRecord, columns: &[&str], drop: &[&str]) -> csv::StringRecord {
    record
        .iter()
        .enumerate()
        .map(|(index, field)| if columns.get(index).is_some_and(|name| drop.contains(name)) { "" } else { field })
        .collect()
}

/// Whether a record is `username`'s row.
fn is_row_of(record: &csv::StringRecord, columns: &[&str], username: &str) -> bool {
    let position = columns.iter().position(|name| *name == "username");
    position.and_then(|index| record.get(index)).is_some_and(|field| field.trim().eq_ignore_ascii_case(username))
}

const ANSWER_COLUMNS: [&str; 4] = ["gender", "age_band", "region", "consent"];

/// A stored file without any profile answers: once a file is applied, the
/// answers live (with their consent) in the learners' profiles, and the
/// file keeps only what its page shows.
fn without_answers(content: &str) -> String {
    rewrite(content, |record, columns| Some(emptied(record, columns, &ANSWER_COLUMNS)))
}

/// Within a transaction: every stored file forgets `what` of `username`
/// (erasure must reach every copy of a person's data).
pub async fn forget_in_files(connection: &impl ConnectionTrait, username: &str, what: Forget) -> Result<(), DbErr> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{ExprTrait, Func};
    let pattern = format!("%{}%", username.to_lowercase());
    let candidates: Vec<(i64, String, Option<String>)> = import::Entity::find()
        .select_only()
        .column(import::Column::Id)
        .column(import::Column::Content)
        .column(import::Column::Codes)
        .filter(Expr::expr(Func::lower(Expr::col(import::Column::Content))).like(pattern))
        .into_tuple()
        .all(connection)
        .await?;
    for (id, content, codes) in candidates {
        let rewritten = rewrite(&content, |record, columns| match (is_row_of(record, columns, username), what) {
            (false, _) => Some(record.clone()),
            (true, Forget::Answers) => Some(emptied(record, columns, &ANSWER_COLUMNS)),
            (true, Forget::Person) => None,
        });
        let codes = codes.map(|codes| {
            let kept: Vec<IssuedCode> = serde_json::from_str::<Vec<IssuedCode>>(&codes)
                .unwrap_or_default()
                .into_iter()
                .filter(|code| what == Forget::Answers || !code.username.eq_ignore_ascii_case(username))
                .collect();
            serde_json::to_string(&kept).unwrap_or_default()
        });
        import::Entity::update_many()
            .col_expr(import::Column::Content, Expr::value(rewritten))
            .col_expr(import::Column::Codes, Expr::value(codes))
            .filter(import::Column::Id.eq(id))
            .exec(connection)
            .await?;
    }
    Ok(())
}

/// How long a file that was never applied is kept: its rows hold names and
/// answers that nobody is using.
pub const UNAPPLIED_KEPT: Duration = Duration::days(30);

/// Deletes files never applied and older than [`UNAPPLIED_KEPT`]; returns how many.
pub async fn forget_unapplied(db: &Db) -> Result<u64, DbErr> {
    let before = OffsetDateTime::now_utc() - UNAPPLIED_KEPT;
    let deleted = import::Entity::delete_many()
        .filter(import::Column::AppliedAt.is_null())
        .filter(import::Column::CreatedAt.lt(before))
        .exec(&db.writer)
        .await?;
    Ok(deleted.rows_affected)
}

/// Forgets the set-password codes kept for printing (the codes still work).
pub async fn forget_codes(db: &Db, import_id: i64) -> Result<(), DbErr> {
    import::Entity::update_many()
        .col_expr(import::Column::Codes, Expr::value(None::<String>))
        .filter(import::Column::Id.eq(import_id))
        .exec(&db.writer)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_in_any_order_with_a_byte_order_mark() {
        let file = "\u{feff}Username,Name,Cohort,Consent,Gender\r\namina,عائشہ بی بی,ABCD-EFGH,yes,female\r\n\r\n";
        let rows = read_file(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].name, "عائشہ بی بی");
        assert_eq!(rows[0].username, "amina");
        assert_eq!(rows[0].answers, vec![(ProfileQuestion::Gender, "female".to_string())]);
    }

    #[test]
    fn refuses_files_it_cannot_read_whole() {
        assert_eq!(read_file(b"name,username,cohort\n\xff\xfe,x,y\n"), Err(FileProblem::NotUtf8));
        assert_eq!(read_file(b"  \n"), Err(FileProblem::Empty));
        assert_eq!(read_file(b"name,login,cohort\n"), Err(FileProblem::UnknownColumn("login".into())));
        assert_eq!(read_file(b"name,username\n"), Err(FileProblem::MissingColumn("cohort")));
        assert_eq!(read_file(b"name,name,username,cohort\n"), Err(FileProblem::RepeatedColumn("name".into())));
    }

    #[test]
    fn a_stored_file_forgets_a_persons_answers_or_their_row() {
        let file = "\u{feff}name,username,cohort,gender,consent\r\nAmina,Amina,ABCD-EFGH,female,yes\r\nBilal,bilal,ABCD-EFGH,male,yes\r\n";
        let answers = rewrite(file, |record, columns| {
            Some(if is_row_of(record, columns, "amina") {
                emptied(record, columns, &ANSWER_COLUMNS)
            } else {
                record.clone()
            })
        });
        let rows = read_file(answers.as_bytes()).unwrap();
        assert_eq!(rows[0].username, "Amina");
        assert!(rows[0].answers.is_empty() && rows[0].consent.is_empty());
        assert_eq!(rows[1].answers, vec![(ProfileQuestion::Gender, "male".to_string())]);
        let person = rewrite(file, |record, columns| (!is_row_of(record, columns, "amina")).then(|| record.clone()));
        assert!(!person.contains("Amina"));
        assert_eq!(read_file(person.as_bytes()).unwrap().len(), 1);
        assert!(!without_answers(file).contains("female") && !without_answers(file).contains("male"));
        assert_eq!(read_file(without_answers(file).as_bytes()).unwrap().len(), 2);
    }

    #[test]
    fn a_row_with_too_many_fields_is_marked() {
        let rows = read_file(b"name,username,cohort\nA,a1,X,extra\nB,b1,Y\n").unwrap();
        assert!(rows[0].misshapen);
        assert!(!rows[1].misshapen);
        assert_eq!(rows[1].line, 3);
    }
}
