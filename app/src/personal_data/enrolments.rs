//! Copies of a learner's profile answers on their enrolments (for
//! statistics by group, kept only while they consent), and the learners an
//! organisation looks after, read from their enrolments in its cohorts.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entities::{cohort, enrolment};

/// Consented answers as an enrolment's copies hold them: gender, age
/// band, region.
pub fn answer_columns(answers: &crate::model::ProfileAnswers) -> [Option<String>; 3] {
    use crate::model::ProfileQuestion;
    let answer = |question: ProfileQuestion| {
        answers.iter().find(|(asked, _)| *asked == question).map(|(_, answer)| answer.clone())
    };
    [answer(ProfileQuestion::Gender), answer(ProfileQuestion::AgeBand), answer(ProfileQuestion::Region)]
}

/// Within a transaction: a learner's enrolments take the answers they
/// now consent to (none, once consent is withdrawn).
pub async fn copy_answers_to_enrolments(
    connection: &impl ConnectionTrait,
    user_id: i64,
    answers: &crate::model::ProfileAnswers,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    let [gender, age_band, region] = answer_columns(answers);
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::Gender, Expr::value(gender))
        .col_expr(enrolment::Column::AgeBand, Expr::value(age_band))
        .col_expr(enrolment::Column::Region, Expr::value(region))
        .filter(enrolment::Column::UserId.eq(user_id))
        .exec(connection)
        .await?;
    Ok(())
}

/// The learners a manager of `organisation` looks after (see
/// [`crate::policy::may_look_after`]), as a subquery of user ids: in at
/// least one of its cohorts now, and in no cohort of anyone else.
pub fn learners_of_organisation(organisation: i64) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let own_cohorts = || {
        Query::select()
            .column(cohort::Column::Id)
            .from(cohort::Entity)
            .and_where(Expr::col(cohort::Column::OrganisationId).eq(organisation))
            .to_owned()
    };
    let elsewhere = Query::select()
        .column(enrolment::Column::UserId)
        .from(enrolment::Entity)
        .and_where(Expr::col(enrolment::Column::CohortId).is_not_null())
        .and_where(Expr::col(enrolment::Column::CohortId).not_in_subquery(own_cohorts()))
        .and_where(Expr::col(enrolment::Column::LeftAt).is_null())
        .to_owned();
    Query::select()
        .column(enrolment::Column::UserId)
        .from(enrolment::Entity)
        .and_where(Expr::col(enrolment::Column::CohortId).in_subquery(own_cohorts()))
        .and_where(Expr::col(enrolment::Column::LeftAt).is_null())
        .and_where(Expr::col(enrolment::Column::UserId).not_in_subquery(elsewhere))
        .to_owned()
}
