//! The optional profile questions: answered only with consent, replaced as a
//! whole, and deleted when consent is withdrawn.

use crate::msg;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use time::OffsetDateTime;

use super::audit::{Actor, record};
use crate::db::Db;
use crate::entities::profile_answer;
use crate::model::{ProfileAnswers, ProfileQuestion};

/// What a profile form sent for one question: the chosen answer (empty for
/// "prefer not to say") and whether its consent box was ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileChoice {
    pub answer: Option<String>,
    pub consent: bool,
}

/// The answers to keep, or `(field, message id)` for each refused question.
/// An answer needs its consent box; consent without an answer keeps nothing.
pub fn parse_profile(choices: &[(ProfileQuestion, ProfileChoice)]) -> Result<ProfileAnswers, Vec<(String, String)>> {
    let mut answers = Vec::new();
    let mut refusals = Vec::new();
    for (question, choice) in choices {
        let answer = choice.answer.as_deref().map(str::trim).unwrap_or_default();
        if answer.is_empty() {
            continue;
        }
        if !question.choices().contains(&answer) {
            refusals.push((question.as_str().to_string(), msg::PROFILE_CHOICE_UNKNOWN.to_string()));
        } else if !choice.consent {
            refusals.push((question.consent_field().to_string(), msg::PROFILE_CONSENT_NEEDED.to_string()));
        } else {
            answers.push((*question, answer.to_string()));
        }
    }
    if refusals.is_empty() { Ok(answers) } else { Err(refusals) }
}

/// A person's current answers, in the order of [`ProfileQuestion::ALL`].
pub async fn profile_answers(db: &Db, user_id: i64) -> Result<ProfileAnswers, DbErr> {
    let rows =
        profile_answer::Entity::find().filter(profile_answer::Column::UserId.eq(user_id)).all(&db.reader).await?;
    Ok(ProfileQuestion::ALL
        .into_iter()
        .filter_map(|question| {
            rows.iter().find(|row| row.question == question.as_str()).map(|row| (question, row.answer.clone()))
        })
        .collect())
}

/// Replaces a person's answers (an empty list withdraws every consent and
/// deletes every answer), with its audit record, in one transaction. An
/// answer saved again unchanged keeps the time its consent was given.
pub async fn save_profile(db: &Db, user_id: i64, answers: &ProfileAnswers, actor: &Actor) -> Result<(), DbErr> {
    let transaction = db.writer.begin().await?;
    let before: Vec<(String, String)> = profile_answer::Entity::find()
        .filter(profile_answer::Column::UserId.eq(user_id))
        .all(&transaction)
        .await?
        .into_iter()
        .map(|row| (row.question, row.answer))
        .collect();
    replace_answers(&transaction, user_id, answers).await?;
    let given: Vec<&str> = answers
        .iter()
        .filter(|(question, answer)| !before.iter().any(|(q, a)| q == question.as_str() && a == answer))
        .map(|(question, _)| question.as_str())
        .collect();
    let withdrawn: Vec<&str> = before
        .iter()
        .filter(|(question, _)| !answers.iter().any(|(q, _)| q.as_str() == question))
        .map(|(question, _)| question.as_str())
        .collect();
    if !given.is_empty() {
        record(&transaction, actor, Some(user_id), "profile.consent_given", json!({ "questions": given })).await?;
    }
    if !withdrawn.is_empty() {
        let detail = json!({ "questions": withdrawn });
        record(&transaction, actor, Some(user_id), "profile.consent_withdrawn", detail).await?;
        // Copies in enrolment files go with the consent.
        if let Some(user) = crate::entities::user::Entity::find_by_id(user_id).one(&transaction).await? {
            crate::personal_data::forget_in_files(&transaction, &user.username, crate::personal_data::Forget::Answers)
                .await?;
        }
    }
    transaction.commit().await
}

/// Within a transaction: the person's answers become exactly `answers`;
/// an unchanged answer keeps its consent time.
pub(super) async fn replace_answers(
    connection: &impl sea_orm::ConnectionTrait,
    user_id: i64,
    answers: &ProfileAnswers,
) -> Result<(), DbErr> {
    let before =
        profile_answer::Entity::find().filter(profile_answer::Column::UserId.eq(user_id)).all(connection).await?;
    profile_answer::Entity::delete_many().filter(profile_answer::Column::UserId.eq(user_id)).exec(connection).await?;
    if answers.is_empty() {
        // Withdrawn: the copies on enrolments go too.
        return crate::personal_data::copy_answers_to_enrolments(connection, user_id, answers).await;
    }
    let now = OffsetDateTime::now_utc();
    profile_answer::Entity::insert_many(answers.iter().map(|(question, answer)| {
        let kept = before.iter().find(|row| row.question == question.as_str() && &row.answer == answer);
        profile_answer::ActiveModel {
            user_id: Set(user_id),
            question: Set(question.as_str().to_string()),
            answer: Set(answer.clone()),
            consented_at: Set(kept.map(|row| row.consented_at).unwrap_or(now)),
        }
    }))
    .exec(connection)
    .await?;
    crate::personal_data::copy_answers_to_enrolments(connection, user_id, answers).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(answer: &str, consent: bool) -> ProfileChoice {
        ProfileChoice { answer: Some(answer.to_string()), consent }
    }

    #[test]
    fn an_answer_is_kept_only_with_its_consent() {
        let form = [
            (ProfileQuestion::Gender, choice("female", true)),
            (ProfileQuestion::AgeBand, choice("", true)),
            (ProfileQuestion::Region, ProfileChoice::default()),
        ];
        assert_eq!(parse_profile(&form), Ok(vec![(ProfileQuestion::Gender, "female".to_string())]));

        let without_consent = [(ProfileQuestion::AgeBand, choice("18-24", false))];
        assert_eq!(
            parse_profile(&without_consent),
            Err(vec![("age_band_consent".to_string(), "profile-consent-needed".to_string())])
        );
    }

    #[test]
    fn only_the_fixed_choices_are_accepted() {
        let form = [(ProfileQuestion::Region, choice("atlantis", true))];
        assert_eq!(parse_profile(&form), Err(vec![("region".to_string(), "profile-choice-unknown".to_string())]));
    }

    #[test]
    fn every_question_and_answer_is_named_in_every_language() {
        use crate::i18n::translate;
        use crate::language::Language;
        for language in Language::ALL {
            for question in ProfileQuestion::ALL {
                let ids = std::iter::once(question.message_id().to_string())
                    .chain(question.choices().iter().map(|choice| question.choice_message_id(choice)));
                for id in ids {
                    assert_ne!(translate(language, &id, None), id, "{language} cannot name {id}");
                }
            }
        }
    }
}
