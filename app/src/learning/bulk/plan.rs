//! The dry run: each row checked against the database as it is now and
//! against what the importer may do, with what applying it would do.

use crate::msg;
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use super::file::FileRow;
use crate::accounts::{DisplayName, Username};
use crate::catalog::Catalog;
use crate::entities::{cohort, enrolment, user};
use crate::model::Viewer;
use crate::policy;

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
    pub(super) cohort: Option<cohort::Model>,
    pub(super) user_id: Option<i64>,
}

/// The row's username, if the row is whole and the username one a new
/// account may have; else the message id of what is wrong.
pub fn username_of(row: &FileRow) -> Result<Username, &'static str> {
    if row.misshapen {
        return Err(msg::IMPORT_ERROR_FIELDS);
    }
    Username::parse_new(&row.username)
}

/// Whether the row's profile answers are among the choices and given with
/// consent; else the message id of what is wrong.
pub fn answers_of(row: &FileRow) -> Result<(), &'static str> {
    if row.answers.iter().any(|(question, answer)| !question.choices().contains(&answer.as_str())) {
        return Err(msg::IMPORT_ERROR_PROFILE_ANSWER);
    }
    match consented(&row.consent) {
        None => Err(msg::IMPORT_ERROR_CONSENT_VALUE),
        Some(false) if !row.answers.is_empty() => Err(msg::IMPORT_ERROR_CONSENT_NEEDED),
        Some(_) => Ok(()),
    }
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
    let codes: HashSet<String> = rows
        .iter()
        .filter_map(|row| crate::codes::normalise(&row.cohort, crate::learning::cohorts::CODE_LENGTH))
        .collect();
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
    let mut memberships = crate::learning::cohorts::memberships(connection, catalog, &user_ids).await?;
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
            let username = match username_of(&row) {
                Ok(username) => username,
                Err(message) => return Outcome::Error(message.into()),
            };
            if seen.insert(username.as_str().to_string(), row.line).is_some() {
                return Outcome::Error(msg::IMPORT_ERROR_DUPLICATE.into());
            }
            if let Err(message) = DisplayName::parse(&row.name) {
                return Outcome::Error(message.into());
            }
            let Some(cohort) = crate::codes::normalise(&row.cohort, crate::learning::cohorts::CODE_LENGTH)
                .and_then(|code| cohorts.get(&code))
                .filter(|cohort| catalog.course(&cohort.course_id).is_some())
            else {
                return Outcome::Error(msg::IMPORT_ERROR_COHORT_UNKNOWN.into());
            };
            if !policy::may_run_cohort(importer, cohort.organisation_id) {
                // As if unknown: a file must not tell which codes exist.
                return Outcome::Error(msg::IMPORT_ERROR_COHORT_UNKNOWN.into());
            }
            cohort_found = Some(cohort.clone());
            if let Err(message) = answers_of(&row) {
                return Outcome::Error(message.into());
            }
            let existing = users.get(username.as_str());
            if let Some(account) = existing {
                let memberships_now = memberships.remove(&account.id).unwrap_or_default();
                let facts = match crate::learning::cohorts::facts_of(account, memberships_now) {
                    Ok(facts) => facts,
                    Err(unknown) => {
                        // Loudly, and as for any account not the importer's
                        // to enrol: nothing is done to it until it is fixed.
                        tracing::error!(%unknown, "an import row names an account whose role is unknown");
                        return Outcome::Error(policy::ImportRefusal::NotYours.message_id().into());
                    }
                };
                if facts.deleted {
                    return Outcome::Error(msg::USERNAME_TAKEN.into());
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
                    return Outcome::Error(msg::IMPORT_ERROR_COHORT_FULL.into());
                }
                *left -= 1;
            }
            if existing.is_some() { Outcome::Enrol } else { Outcome::Create }
        })();
        planned.push(PlannedRow { row, outcome, cohort: cohort_found, user_id });
    }
    Ok(planned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProfileQuestion;

    fn row(username: &str, answers: &[(ProfileQuestion, &str)], consent: &str) -> FileRow {
        FileRow {
            line: 2,
            name: "Amina".into(),
            username: username.into(),
            cohort: "ABCD-EFGH".into(),
            answers: answers.iter().map(|(question, answer)| (*question, answer.to_string())).collect(),
            consent: consent.into(),
            misshapen: false,
        }
    }

    #[test]
    fn a_row_needs_its_fields_and_a_username_a_new_account_may_have() {
        assert_eq!(username_of(&row("Amina", &[], "")).map(|u| u.as_str().to_string()), Ok("amina".into()));
        assert!(username_of(&row("a", &[], "")).is_err(), "too short");
        assert!(username_of(&row("amina bibi", &[], "")).is_err(), "a space");
        let misshapen = FileRow { misshapen: true, ..row("amina", &[], "") };
        assert_eq!(username_of(&misshapen).err(), Some("import-error-fields"));
    }

    #[test]
    fn answers_are_among_the_choices_and_given_with_consent() {
        let gender = ProfileQuestion::Gender;
        assert_eq!(answers_of(&row("amina", &[], "")), Ok(()));
        assert_eq!(answers_of(&row("amina", &[(gender, "female")], "yes")), Ok(()));
        assert_eq!(answers_of(&row("amina", &[(gender, "female")], "")), Err("import-error-consent-needed"));
        assert_eq!(answers_of(&row("amina", &[(gender, "female")], "maybe")), Err("import-error-consent-value"));
        assert_eq!(answers_of(&row("amina", &[(gender, "cat")], "yes")), Err("import-error-profile-answer"));
    }
}
