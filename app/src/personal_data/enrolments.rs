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
/// [`crate::policy::may_look_after`]), as a subquery of user ids: in no
/// cohort of anyone else, and in at least one of its cohorts now or come
/// in through its identity provider.
pub fn learners_of_organisation(organisation: i64) -> sea_orm::sea_query::SelectStatement {
    use crate::entities::user;
    use sea_orm::Condition;
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let own_cohorts = || {
        Query::select()
            .column(cohort::Column::Id)
            .from(cohort::Entity)
            .and_where(Expr::col(cohort::Column::OrganisationId).eq(organisation))
            .to_owned()
    };
    let elsewhere = || {
        Query::select()
            .column(enrolment::Column::UserId)
            .from(enrolment::Entity)
            .and_where(Expr::col(enrolment::Column::CohortId).is_not_null())
            .and_where(Expr::col(enrolment::Column::CohortId).not_in_subquery(own_cohorts()))
            .and_where(Expr::col(enrolment::Column::LeftAt).is_null())
            .to_owned()
    };
    let in_its_cohorts = Query::select()
        .column(enrolment::Column::UserId)
        .from(enrolment::Entity)
        .and_where(Expr::col(enrolment::Column::CohortId).in_subquery(own_cohorts()))
        .and_where(Expr::col(enrolment::Column::LeftAt).is_null())
        .to_owned();
    let through_its_provider = Condition::all()
        .add(Expr::col((user::Entity, user::Column::OrganisationId)).eq(organisation))
        .add(Expr::col((user::Entity, user::Column::Role)).eq(crate::model::Role::Learner.as_str()));
    Query::select()
        .column((user::Entity, user::Column::Id))
        .from(user::Entity)
        .cond_where(
            Condition::all()
                .add(
                    Condition::any()
                        .add(Expr::col((user::Entity, user::Column::Id)).in_subquery(in_its_cohorts))
                        .add(through_its_provider),
                )
                .add(Expr::col((user::Entity, user::Column::Id)).not_in_subquery(elsewhere())),
        )
        .to_owned()
}
