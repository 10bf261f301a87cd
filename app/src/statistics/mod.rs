//! Statistics for programme managers and instructors: the funnel from
//! enrolled to started, completed and certified, recent activity, median
//! time to complete, breakdowns by consented profile answers with small
//! groups suppressed, where learners stop and how quiz questions go.
//!
//! Counting happens in the database (SQL aggregation built with sea-query
//! through sea-orm), over the enrolments table: each enrolment carries
//! when its learner first and last did something, so no query walks the
//! millions of progress rows.

mod csv_file;
mod learners;
mod quizzes;
mod suppression;

pub use csv_file::{BYTE_ORDER_MARK, write_record};
pub use learners::{LEARNER_COLUMNS, LearnerRow, learner_rows, learners_query};
pub use quizzes::{QuestionAnalysis, analyse_quiz};
pub use suppression::groups_to_hide;

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr, QueryResult};
use time::{Date, Duration, OffsetDateTime, Time};

use crate::entities::{
    certificate, cohort, course_completion, enrolment, lesson_completion, profile_answer, quiz_attempt,
};
use crate::model::ProfileQuestion;

/// The enrolments a statistic counts. Every field narrows; the default
/// is the whole programme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only these courses (an instructor's); `None` is every course.
    pub courses: Option<Vec<String>>,
    pub cohort: Option<i64>,
    /// Only learners in cohorts of this organisation.
    pub organisation: Option<i64>,
    /// Enrolled on or after this day (UTC).
    pub enrolled_from: Option<Date>,
    /// Enrolled on or before this day (UTC).
    pub enrolled_until: Option<Date>,
}

impl Scope {
    pub fn course(course_id: &str) -> Scope {
        Scope { courses: Some(vec![course_id.to_string()]), ..Scope::default() }
    }

    /// Narrows `query`, which reads from `enrolments`.
    fn narrow(&self, query: &mut SelectStatement) {
        let column = |column: enrolment::Column| Expr::col((enrolment::Entity, column));
        if let Some(courses) = &self.courses {
            query.and_where(column(enrolment::Column::CourseId).is_in(courses.iter().cloned()));
        }
        if let Some(cohort) = self.cohort {
            query.and_where(column(enrolment::Column::CohortId).eq(cohort));
        }
        if let Some(organisation) = self.organisation {
            let cohorts = Query::select()
                .column(cohort::Column::Id)
                .from(cohort::Entity)
                .and_where(Expr::col(cohort::Column::OrganisationId).eq(organisation))
                .to_owned();
            query.and_where(column(enrolment::Column::CohortId).in_subquery(cohorts));
        }
        if let Some(from) = self.enrolled_from {
            query.and_where(column(enrolment::Column::EnrolledAt).gte(from.with_time(Time::MIDNIGHT).assume_utc()));
        }
        if let Some(until) = self.enrolled_until {
            let next_day = until.with_time(Time::MIDNIGHT).assume_utc() + Duration::days(1);
            query.and_where(column(enrolment::Column::EnrolledAt).lt(next_day));
        }
    }

    /// The learners of the enrolments in scope, as a subquery.
    fn learners(&self, course_id: &str) -> SelectStatement {
        let mut query = Query::select();
        query
            .column((enrolment::Entity, enrolment::Column::UserId))
            .from(enrolment::Entity)
            .and_where(Expr::col((enrolment::Entity, enrolment::Column::CourseId)).eq(course_id));
        self.narrow(&mut query);
        query
    }
}

/// How many enrolments reached each step of the funnel, and how many
/// learners were active lately. A learner in two courses is two
/// enrolments but one learner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub enrolled: u64,
    pub learners: u64,
    /// Completed at least one lesson or attempted a quiz.
    pub started: u64,
    /// Met the course's completion rules.
    pub completed: u64,
    /// Hold a certificate that is not revoked.
    pub certified: u64,
    /// Learners who did something in the last 7 days.
    pub active_7_days: u64,
    pub active_30_days: u64,
}

/// What the counts are grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// One group: everything in scope.
    Total,
    Course,
    /// Learners enrolled alone are the group without a cohort.
    Cohort,
    /// By a consented answer; people who gave none are one group.
    Answer(ProfileQuestion),
}

/// The name of a group.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Total,
    Course(String),
    Cohort(Option<i64>),
    Answer(Option<String>),
}

/// The funnel counts of each group, as of `now`.
pub async fn counts(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    grouping: Grouping,
    now: OffsetDateTime,
) -> Result<Vec<(GroupKey, Counts)>, DbErr> {
    let e = |column: enrolment::Column| Expr::col((enrolment::Entity, column));
    let cc = |column: course_completion::Column| Expr::col((course_completion::Entity, column));
    let ce = |column: certificate::Column| Expr::col((certificate::Entity, column));
    let active_since = |since: OffsetDateTime| {
        let case = Expr::case(e(enrolment::Column::LastActiveAt).gte(since), e(enrolment::Column::UserId));
        Func::count_distinct(Expr::Case(Box::new(case)))
    };
    let mut query = Query::select();
    query
        .from(enrolment::Entity)
        .left_join(
            course_completion::Entity,
            cc(course_completion::Column::UserId)
                .equals((enrolment::Entity, enrolment::Column::UserId))
                .and(cc(course_completion::Column::CourseId).equals((enrolment::Entity, enrolment::Column::CourseId))),
        )
        .left_join(
            certificate::Entity,
            ce(certificate::Column::UserId)
                .equals((enrolment::Entity, enrolment::Column::UserId))
                .and(ce(certificate::Column::CourseId).equals((enrolment::Entity, enrolment::Column::CourseId)))
                .and(ce(certificate::Column::RevokedAt).is_null()),
        )
        .expr_as(Func::count(e(enrolment::Column::Id)), Alias::new("enrolled"))
        .expr_as(Func::count_distinct(e(enrolment::Column::UserId)), Alias::new("learners"))
        .expr_as(Func::count(e(enrolment::Column::StartedAt)), Alias::new("started"))
        .expr_as(Func::count(cc(course_completion::Column::UserId)), Alias::new("completed"))
        .expr_as(Func::count(ce(certificate::Column::Id)), Alias::new("certified"))
        .expr_as(active_since(now - Duration::days(7)), Alias::new("active_7"))
        .expr_as(active_since(now - Duration::days(30)), Alias::new("active_30"));
    match grouping {
        Grouping::Total => {}
        Grouping::Course => {
            query
                .expr_as(e(enrolment::Column::CourseId), Alias::new("group_key"))
                .group_by_col((enrolment::Entity, enrolment::Column::CourseId));
        }
        Grouping::Cohort => {
            query
                .expr_as(e(enrolment::Column::CohortId), Alias::new("group_key"))
                .group_by_col((enrolment::Entity, enrolment::Column::CohortId));
        }
        Grouping::Answer(question) => {
            let pa = |column: profile_answer::Column| Expr::col((profile_answer::Entity, column));
            query
                .left_join(
                    profile_answer::Entity,
                    pa(profile_answer::Column::UserId)
                        .equals((enrolment::Entity, enrolment::Column::UserId))
                        .and(pa(profile_answer::Column::Question).eq(question.as_str())),
                )
                .expr_as(pa(profile_answer::Column::Answer), Alias::new("group_key"))
                .group_by_col((profile_answer::Entity, profile_answer::Column::Answer));
        }
    }
    scope.narrow(&mut query);
    let rows = connection.query_all(&query).await?;
    rows.iter()
        .map(|row| {
            let key = match grouping {
                Grouping::Total => GroupKey::Total,
                Grouping::Course => GroupKey::Course(row.try_get("", "group_key")?),
                Grouping::Cohort => GroupKey::Cohort(row.try_get("", "group_key")?),
                Grouping::Answer(_) => GroupKey::Answer(row.try_get("", "group_key")?),
            };
            Ok((key, read_counts(row)?))
        })
        .collect()
}

fn read_counts(row: &QueryResult) -> Result<Counts, DbErr> {
    let count = |name: &str| row.try_get::<i64>("", name).map(|n| u64::try_from(n).unwrap_or(0));
    Ok(Counts {
        enrolled: count("enrolled")?,
        learners: count("learners")?,
        started: count("started")?,
        completed: count("completed")?,
        certified: count("certified")?,
        active_7_days: count("active_7")?,
        active_30_days: count("active_30")?,
    })
}

/// Days from enrolling to completing, of each completion in scope, with
/// its course and cohort.
#[derive(Clone, Debug, PartialEq)]
pub struct CompletionTime {
    pub course_id: String,
    pub cohort_id: Option<i64>,
    pub days: f64,
}

pub async fn completion_times(connection: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<CompletionTime>, DbErr> {
    let cc = |column: course_completion::Column| Expr::col((course_completion::Entity, column));
    let mut query = Query::select();
    query
        .from(enrolment::Entity)
        .inner_join(
            course_completion::Entity,
            cc(course_completion::Column::UserId)
                .equals((enrolment::Entity, enrolment::Column::UserId))
                .and(cc(course_completion::Column::CourseId).equals((enrolment::Entity, enrolment::Column::CourseId))),
        )
        .column((enrolment::Entity, enrolment::Column::CourseId))
        .column((enrolment::Entity, enrolment::Column::CohortId))
        .column((enrolment::Entity, enrolment::Column::EnrolledAt))
        .column((course_completion::Entity, course_completion::Column::CompletedAt));
    scope.narrow(&mut query);
    let rows = connection.query_all(&query).await?;
    rows.iter()
        .map(|row| {
            let enrolled: OffsetDateTime = row.try_get("", "enrolled_at")?;
            let completed: OffsetDateTime = row.try_get("", "completed_at")?;
            // Enrolling again after completing restarts the clock: no negative days.
            let days = ((completed - enrolled).as_seconds_f64() / 86_400.0).max(0.0);
            Ok(CompletionTime {
                course_id: row.try_get("", "course_id")?,
                cohort_id: row.try_get("", "cohort_id")?,
                days,
            })
        })
        .collect()
}

/// The median of `values` (sorted in place), or `None` for none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[middle] } else { (values[middle - 1] + values[middle]) / 2.0 })
}

/// How many learners in scope completed each lesson of a course (by
/// lesson id).
pub async fn lesson_reach(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    course_id: &str,
) -> Result<HashMap<String, u64>, DbErr> {
    let lc = |column: lesson_completion::Column| Expr::col((lesson_completion::Entity, column));
    let mut query = Query::select();
    query
        .from(lesson_completion::Entity)
        .column((lesson_completion::Entity, lesson_completion::Column::LessonId))
        .expr_as(Func::count(lc(lesson_completion::Column::UserId)), Alias::new("learners"))
        .and_where(lc(lesson_completion::Column::CourseId).eq(course_id))
        .and_where(lc(lesson_completion::Column::UserId).in_subquery(scope.learners(course_id)))
        .group_by_col((lesson_completion::Entity, lesson_completion::Column::LessonId));
    let rows = connection.query_all(&query).await?;
    rows.iter()
        .map(|row| {
            let learners: i64 = row.try_get("", "learners")?;
            Ok((row.try_get("", "lesson_id")?, u64::try_from(learners).unwrap_or(0)))
        })
        .collect()
}

/// Each learner's first attempt at each quiz of a course, as
/// `(lesson id, answers as JSON)`: what they knew before retrying.
pub async fn first_attempts(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    course_id: &str,
) -> Result<Vec<(String, String)>, DbErr> {
    let qa = |column: quiz_attempt::Column| Expr::col((quiz_attempt::Entity, column));
    let firsts = Query::select()
        .expr(Func::min(qa(quiz_attempt::Column::Id)))
        .from(quiz_attempt::Entity)
        .and_where(qa(quiz_attempt::Column::CourseId).eq(course_id))
        .and_where(qa(quiz_attempt::Column::UserId).in_subquery(scope.learners(course_id)))
        .group_by_col((quiz_attempt::Entity, quiz_attempt::Column::UserId))
        .group_by_col((quiz_attempt::Entity, quiz_attempt::Column::LessonId))
        .to_owned();
    let query = Query::select()
        .column((quiz_attempt::Entity, quiz_attempt::Column::LessonId))
        .column((quiz_attempt::Entity, quiz_attempt::Column::Answers))
        .from(quiz_attempt::Entity)
        .and_where(qa(quiz_attempt::Column::Id).in_subquery(firsts))
        .order_by((quiz_attempt::Entity, quiz_attempt::Column::Id), Order::Asc)
        .to_owned();
    let rows = connection.query_all(&query).await?;
    rows.iter().map(|row| Ok((row.try_get("", "lesson_id")?, row.try_get("", "answers")?))).collect()
}
