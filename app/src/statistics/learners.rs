//! Each learner of a course, one row each: the per-learner progress table
//! and CSV export. No profile answers here: those appear only in aggregate.

use crate::msg;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr, QueryResult};
use time::OffsetDateTime;

use super::Scope;
use crate::catalog::Course;
use crate::entities::{certificate, cohort, enrolment, lesson_completion, user};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearnerRow {
    pub username: String,
    pub display_name: String,
    pub cohort: Option<String>,
    pub enrolled_at: OffsetDateTime,
    pub left_at: Option<OffsetDateTime>,
    pub started_at: Option<OffsetDateTime>,
    pub last_active_at: Option<OffsetDateTime>,
    /// Of the lessons the course has now.
    pub lessons_done: u64,
    pub completed_at: Option<OffsetDateTime>,
    pub certificate_code: Option<String>,
    pub certificate_revoked: bool,
}

impl LearnerRow {
    pub fn read(row: &QueryResult) -> Result<LearnerRow, DbErr> {
        let lessons_done: i64 = row.try_get("", "lessons_done")?;
        Ok(LearnerRow {
            username: row.try_get("", "username")?,
            display_name: row.try_get("", "display_name")?,
            cohort: row.try_get("", "cohort_name")?,
            enrolled_at: row.try_get("", "enrolled_at")?,
            left_at: row.try_get("", "left_at")?,
            started_at: row.try_get("", "started_at")?,
            last_active_at: row.try_get("", "last_active_at")?,
            lessons_done: u64::try_from(lessons_done).unwrap_or(0),
            completed_at: row.try_get("", "completed_at")?,
            certificate_code: row.try_get("", "verify_code")?,
            certificate_revoked: row.try_get::<Option<OffsetDateTime>>("", "revoked_at")?.is_some(),
        })
    }
}

/// The learners of `course` in scope; at most `limit` (then by username).
pub fn learners_query(course: &Course, scope: &Scope, limit: Option<u64>) -> SelectStatement {
    let e = |column: enrolment::Column| Expr::col((enrolment::Entity, column));
    let lessons: Vec<String> = course.lessons().map(|(_, lesson)| lesson.id.clone()).collect();
    let done = Query::select()
        .expr(Func::count(Expr::col((lesson_completion::Entity, lesson_completion::Column::LessonId))))
        .from(lesson_completion::Entity)
        .and_where(
            Expr::col((lesson_completion::Entity, lesson_completion::Column::UserId))
                .equals((enrolment::Entity, enrolment::Column::UserId)),
        )
        .and_where(Expr::col((lesson_completion::Entity, lesson_completion::Column::CourseId)).eq(course.id.as_str()))
        .and_where(Expr::col((lesson_completion::Entity, lesson_completion::Column::LessonId)).is_in(lessons))
        .to_owned();
    let mut query = Query::select();
    query
        .from(enrolment::Entity)
        .inner_join(
            user::Entity,
            Expr::col((user::Entity, user::Column::Id)).equals((enrolment::Entity, enrolment::Column::UserId)),
        )
        .left_join(
            cohort::Entity,
            Expr::col((cohort::Entity, cohort::Column::Id)).equals((enrolment::Entity, enrolment::Column::CohortId)),
        )
        .left_join(
            certificate::Entity,
            Expr::col((certificate::Entity, certificate::Column::UserId))
                .equals((enrolment::Entity, enrolment::Column::UserId))
                .and(
                    Expr::col((certificate::Entity, certificate::Column::CourseId))
                        .equals((enrolment::Entity, enrolment::Column::CourseId)),
                ),
        )
        .column((user::Entity, user::Column::Username))
        .column((user::Entity, user::Column::DisplayName))
        .expr_as(Expr::col((cohort::Entity, cohort::Column::Name)), Alias::new("cohort_name"))
        .column((enrolment::Entity, enrolment::Column::EnrolledAt))
        .column((enrolment::Entity, enrolment::Column::LeftAt))
        .column((enrolment::Entity, enrolment::Column::StartedAt))
        .column((enrolment::Entity, enrolment::Column::LastActiveAt))
        .expr_as(Expr::from(done), Alias::new("lessons_done"))
        .column((enrolment::Entity, enrolment::Column::CompletedAt))
        .column((certificate::Entity, certificate::Column::VerifyCode))
        .column((certificate::Entity, certificate::Column::RevokedAt))
        .and_where(e(enrolment::Column::CourseId).eq(course.id.as_str()));
    scope.narrow(&mut query);
    // A cohort's learners by username; a whole course's (maybe 100,000)
    // in the order the statistics index gives them, cohort by cohort,
    // with no sort to wait for before the first row.
    if scope.cohort.is_some() || limit.is_some() {
        query.order_by((user::Entity, user::Column::Username), Order::Asc);
    }
    if let Some(limit) = limit {
        query.limit(limit);
    }
    query
}

/// [`learners_query`], read whole: for pages, with a limit.
pub async fn learner_rows(
    connection: &impl ConnectionTrait,
    course: &Course,
    scope: &Scope,
    limit: Option<u64>,
) -> Result<Vec<LearnerRow>, DbErr> {
    let rows = connection.query_all(&learners_query(course, scope, limit)).await?;
    rows.iter().map(LearnerRow::read).collect()
}

/// The CSV header of the per-learner export, as message ids.
pub const LEARNER_COLUMNS: [&str; 12] = [
    msg::CSV_USERNAME,
    msg::CSV_NAME,
    msg::CSV_COHORT,
    msg::CSV_ENROLLED_ON,
    msg::CSV_LEFT_ON,
    msg::CSV_STARTED_ON,
    msg::CSV_LAST_ACTIVE,
    msg::CSV_LESSONS_DONE,
    msg::CSV_LESSONS_TOTAL,
    msg::CSV_COMPLETED_ON,
    msg::CSV_CERTIFICATE,
    msg::CSV_CERTIFICATE_STATUS,
];

/// A UTC date, or nothing.
fn day(time: Option<OffsetDateTime>) -> String {
    time.map(crate::dates::utc_date).unwrap_or_default()
}

impl LearnerRow {
    /// The row's CSV fields, in [`LEARNER_COLUMNS`] order. `status` names
    /// a certificate's state (valid, revoked) in the reader's language.
    pub fn fields(&self, lessons_total: usize, status: impl Fn(bool) -> String) -> [String; 12] {
        [
            self.username.clone(),
            self.display_name.clone(),
            self.cohort.clone().unwrap_or_default(),
            day(Some(self.enrolled_at)),
            day(self.left_at),
            day(self.started_at),
            day(self.last_active_at),
            self.lessons_done.to_string(),
            lessons_total.to_string(),
            day(self.completed_at),
            self.certificate_code.as_deref().map(crate::codes::grouped).unwrap_or_default(),
            self.certificate_code.as_ref().map(|_| status(self.certificate_revoked)).unwrap_or_default(),
        ]
    }
}
