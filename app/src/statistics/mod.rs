//! Statistics for programme managers and instructors: the funnel from
//! enrolled to started, completed and certified, recent activity, median
//! time to complete, breakdowns by consented profile answers with small
//! groups suppressed, where learners stop and how quiz questions go.
//!
//! Counting happens in the database (SQL aggregation built with sea-query
//! through sea-orm), over the enrolments table alone: each enrolment
//! carries when its learner first and last did something, when they
//! completed, whether they hold a valid certificate and their consented
//! answers, all in one covering index (`enrolments_statistics`). One
//! grouped walk of that index gives the counts of every course, cohort and
//! answer at once (the "cube"); no query walks the millions of progress
//! rows, and none sorts.

mod csv_file;
mod learners;
mod quizzes;
pub mod reporting;
mod suppression;

pub use csv_file::{BYTE_ORDER_MARK, write_record};
pub use learners::{LEARNER_COLUMNS, LearnerRow, learner_rows, learners_query};
pub use quizzes::{QuestionAnalysis, analyse_quiz};
pub use suppression::{AnswerCounts, Row, hidden_rows, row_is_hidden};

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr};
use time::{Date, Duration, OffsetDateTime, Time};

use crate::entities::{cohort, enrolment, lesson_completion, quiz_attempt};
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

/// One cell of the statistics cube: the enrolments of one course and
/// cohort whose learners gave one combination of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub course_id: String,
    pub cohort_id: Option<i64>,
    /// Gender, age band and region, as consented (or not).
    pub answers: [Option<String>; 3],
    pub counts: Counts,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.enrolled += other.enrolled;
        self.learners += other.learners;
        self.started += other.started;
        self.completed += other.completed;
        self.certified += other.certified;
        self.active_7_days += other.active_7_days;
        self.active_30_days += other.active_30_days;
    }
}

/// Every cell of the cube in scope, as of `now`: one query, grouped in
/// the order of the covering index. Within a cell, `learners` and the
/// active counts are enrolments (a learner has one per course).
pub async fn cube(connection: &impl ConnectionTrait, scope: &Scope, now: OffsetDateTime) -> Result<Vec<Cell>, DbErr> {
    let e = |column: enrolment::Column| Expr::col((enrolment::Entity, column));
    let count_if = |condition: Expr| Func::sum(Expr::Case(Box::new(Expr::case(condition, 1).finally(0))));
    let keys = [
        enrolment::Column::CourseId,
        enrolment::Column::CohortId,
        enrolment::Column::Gender,
        enrolment::Column::AgeBand,
        enrolment::Column::Region,
    ];
    let mut query = Query::select();
    query
        .from(enrolment::Entity)
        .columns(keys.map(|key| (enrolment::Entity, key)))
        .expr_as(Func::count(e(enrolment::Column::Id)), Alias::new("enrolled"))
        .expr_as(Func::count(e(enrolment::Column::StartedAt)), Alias::new("started"))
        .expr_as(Func::count(e(enrolment::Column::CompletedAt)), Alias::new("completed"))
        .expr_as(count_if(e(enrolment::Column::Certified).eq(true)), Alias::new("certified"))
        .expr_as(count_if(e(enrolment::Column::LastActiveAt).gte(now - Duration::days(7))), Alias::new("active_7"))
        .expr_as(count_if(e(enrolment::Column::LastActiveAt).gte(now - Duration::days(30))), Alias::new("active_30"));
    for key in keys {
        query.group_by_col((enrolment::Entity, key));
    }
    scope.narrow(&mut query);
    let rows = connection.query_all(&query).await?;
    rows.iter()
        .map(|row| {
            let count = |name: &str| row.try_get::<i64>("", name).map(|n| u64::try_from(n).unwrap_or(0));
            let enrolled = count("enrolled")?;
            Ok(Cell {
                course_id: row.try_get("", "course_id")?,
                cohort_id: row.try_get("", "cohort_id")?,
                answers: [row.try_get("", "gender")?, row.try_get("", "age_band")?, row.try_get("", "region")?],
                counts: Counts {
                    enrolled,
                    learners: enrolled,
                    started: count("started")?,
                    completed: count("completed")?,
                    certified: count("certified")?,
                    active_7_days: count("active_7")?,
                    active_30_days: count("active_30")?,
                },
            })
        })
        .collect()
}

/// Different people in scope, and how many of them were active in the
/// last 7 and 30 days (a learner in two courses counts once): each
/// learner's latest activity, then counted.
pub async fn people(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    now: OffsetDateTime,
) -> Result<(u64, u64, u64), DbErr> {
    let mut per_learner = Query::select();
    per_learner
        .expr_as(Func::max(Expr::col((enrolment::Entity, enrolment::Column::LastActiveAt))), Alias::new("latest"))
        .from(enrolment::Entity)
        .group_by_col((enrolment::Entity, enrolment::Column::UserId));
    scope.narrow(&mut per_learner);
    let active_since = |since: OffsetDateTime| {
        Func::sum(Expr::Case(Box::new(Expr::case(Expr::col(Alias::new("latest")).gte(since), 1).finally(0))))
    };
    let query = Query::select()
        .expr_as(Func::count(Expr::val(1)), Alias::new("learners"))
        .expr_as(active_since(now - Duration::days(7)), Alias::new("active_7"))
        .expr_as(active_since(now - Duration::days(30)), Alias::new("active_30"))
        .from_subquery(per_learner, Alias::new("per_learner"))
        .to_owned();
    let Some(row) = connection.query_one(&query).await? else { return Ok((0, 0, 0)) };
    // SUM of no rows is NULL.
    let count =
        |name: &str| row.try_get::<Option<i64>>("", name).map(|n| n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0));
    Ok((count("learners")?, count("active_7")?, count("active_30")?))
}

/// [`people`], when it is not already in the cube: within one course a
/// learner has one enrolment, so the cube's total counts people.
pub async fn people_unless_one_course(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    now: OffsetDateTime,
) -> Result<Option<(u64, u64, u64)>, DbErr> {
    if scope.courses.as_ref().is_some_and(|courses| courses.len() == 1) {
        return Ok(None);
    }
    people(connection, scope, now).await.map(Some)
}

/// People from [`people_unless_one_course`], or else from the cube.
pub fn people_or_cube(people: Option<(u64, u64, u64)>, cells: &[Cell]) -> (u64, u64, u64) {
    people.unwrap_or_else(|| {
        let total = fold(cells, Grouping::Total, (0, 0, 0)).first().map(|(_, counts)| *counts).unwrap_or_default();
        (total.enrolled, total.active_7_days, total.active_30_days)
    })
}

/// The cube summed by `grouping`. For [`Grouping::Total`], `people` (from
/// [`people`]) gives the different learners and the active ones.
pub fn fold(cells: &[Cell], grouping: Grouping, people: (u64, u64, u64)) -> Vec<(GroupKey, Counts)> {
    let mut groups: Vec<(GroupKey, Counts)> = Vec::new();
    for cell in cells {
        let key = match grouping {
            Grouping::Total => GroupKey::Total,
            Grouping::Course => GroupKey::Course(cell.course_id.clone()),
            Grouping::Cohort => GroupKey::Cohort(cell.cohort_id),
            Grouping::Answer(question) => {
                let index = ProfileQuestion::ALL.iter().position(|asked| *asked == question).unwrap_or(0);
                GroupKey::Answer(cell.answers[index].clone())
            }
        };
        match groups.iter_mut().find(|(known, _)| *known == key) {
            Some((_, counts)) => *counts += cell.counts,
            None => groups.push((key, cell.counts)),
        }
    }
    if grouping == Grouping::Total {
        let total = groups.first().map(|(_, counts)| *counts).unwrap_or_default();
        let (learners, active_7_days, active_30_days) = people;
        return vec![(GroupKey::Total, Counts { learners, active_7_days, active_30_days, ..total })];
    }
    groups
}

/// The funnel counts of each group, as of `now` (the cube and, for the
/// total, the people in it, then folded).
pub async fn counts(
    connection: &impl ConnectionTrait,
    scope: &Scope,
    grouping: Grouping,
    now: OffsetDateTime,
) -> Result<Vec<(GroupKey, Counts)>, DbErr> {
    let cells = cube(connection, scope, now).await?;
    let people = match grouping {
        Grouping::Total => people_or_cube(people_unless_one_course(connection, scope, now).await?, &cells),
        _ => (0, 0, 0),
    };
    Ok(fold(&cells, grouping, people))
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
    let mut query = Query::select();
    query
        .from(enrolment::Entity)
        .column((enrolment::Entity, enrolment::Column::CourseId))
        .column((enrolment::Entity, enrolment::Column::CohortId))
        .column((enrolment::Entity, enrolment::Column::EnrolledAt))
        .column((enrolment::Entity, enrolment::Column::CompletedAt))
        .and_where(Expr::col((enrolment::Entity, enrolment::Column::CompletedAt)).is_not_null());
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
        .group_by_col((lesson_completion::Entity, lesson_completion::Column::LessonId));
    // Every completion is an enrolled learner's: only a narrower scope
    // than the whole course needs the enrolments.
    if *scope != Scope::course(course_id) {
        query.and_where(lc(lesson_completion::Column::UserId).in_subquery(scope.learners(course_id)));
    }
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
