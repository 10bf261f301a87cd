//! What a learner's dashboard and the cohort pages show, each read in a
//! fixed number of queries however many courses or members there are.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::catalog::{Catalog, Course};
use crate::db::Db;
use crate::entities::{cohort, course_completion, enrolment, lesson_completion};
use crate::language::Language;
use crate::model::{CohortMember, CohortSummary, CohortsPage, MyCourse, Viewer};

/// The learner's courses, with progress and where to continue; a course
/// no longer offered keeps its history but leaves the dashboard.
pub async fn my_courses(
    db: &Db,
    catalog: &Catalog,
    user_id: i64,
    reader_language: Language,
) -> Result<Vec<MyCourse>, DbErr> {
    let enrolments = super::my_enrolments(db, user_id).await?;
    let completed = completed_by(db, lesson_completion::Column::UserId.eq(user_id)).await?;
    let finished = finished_by(db, course_completion::Column::UserId.eq(user_id)).await?;
    let none = HashSet::new();
    Ok(enrolments
        .into_iter()
        .filter_map(|enrolment| catalog.course(&enrolment.course_id).map(|course| (course, enrolment.certified)))
        .map(|(course, certified)| {
            let progress = super::progress(course, completed.get(&(user_id, course.id.clone())).unwrap_or(&none));
            MyCourse {
                certified,
                card: course.card(reader_language),
                progress: progress.course,
                next_lesson: progress.next_lesson.and_then(|id| course.lesson_link(&id, reader_language)),
                completed_on: finished.get(&(user_id, course.id.clone())).map(|at| crate::dates::utc_date(*at)),
            }
        })
        .collect())
}

/// A cohort's members (those who left too), by username, with their
/// progress in its course (`course`: none once it is no longer offered).
pub async fn cohort_members_progress(
    db: &Db,
    cohort: &cohort::Model,
    course: Option<&Course>,
) -> Result<Vec<CohortMember>, DbErr> {
    let members = super::cohort_members(db, cohort.id).await?;
    // Whoever is in the cohort, asked of the database: no list of ids.
    let in_cohort = || {
        sea_orm::sea_query::Query::select()
            .column(enrolment::Column::UserId)
            .from(enrolment::Entity)
            .and_where(enrolment::Column::CohortId.eq(cohort.id))
            .to_owned()
    };
    let completed = completed_by(
        db,
        sea_orm::Condition::all()
            .add(lesson_completion::Column::CourseId.eq(cohort.course_id.as_str()))
            .add(lesson_completion::Column::UserId.in_subquery(in_cohort())),
    )
    .await?;
    let finished = finished_by(
        db,
        sea_orm::Condition::all()
            .add(course_completion::Column::CourseId.eq(cohort.course_id.as_str()))
            .add(course_completion::Column::UserId.in_subquery(in_cohort())),
    )
    .await?;
    let none = HashSet::new();
    Ok(members
        .into_iter()
        .map(|(user, enrolment)| {
            let key = (user.id, cohort.course_id.clone());
            let done = completed.get(&key).unwrap_or(&none);
            CohortMember {
                enrolled_on: crate::dates::utc_date(enrolment.enrolled_at),
                left_on: enrolment.left_at.map(crate::dates::utc_date),
                progress: course.map(|course| super::progress(course, done).course).unwrap_or_default(),
                completed: finished.contains_key(&key),
                username: user.username,
                display_name: user.display_name,
            }
        })
        .collect())
}

/// The cohorts `viewer` may see, and what a new one may be for.
pub async fn cohorts_page(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    reader_language: Language,
) -> Result<CohortsPage, DbErr> {
    let cohorts = super::list_cohorts(db)
        .await?
        .into_iter()
        .filter(|(cohort, _)| {
            crate::policy::may_see_cohort(viewer, facts(cohort, catalog.course(&cohort.course_id).map(|c| c.as_ref())))
        })
        .map(|(cohort, members)| summary(cohort, members, catalog, reader_language))
        .collect();
    let organisations =
        if crate::policy::is_programme_wide(viewer) { crate::organisations::names(db).await? } else { Vec::new() };
    let courses = if crate::policy::may_create_cohorts(viewer) {
        catalog.courses().iter().map(|course| (course.id.clone(), course.card(reader_language).title)).collect()
    } else {
        Vec::new()
    };
    Ok(CohortsPage {
        organisations,
        cohorts,
        courses,
        time_zones: super::TIME_ZONES.iter().map(|(zone, _, _)| zone.to_string()).collect(),
    })
}

/// A cohort as its page and the list show it.
pub fn summary(cohort: cohort::Model, members: u64, catalog: &Catalog, reader_language: Language) -> CohortSummary {
    CohortSummary {
        id: cohort.id,
        course_title: catalog
            .course(&cohort.course_id)
            .map(|course| course.card(reader_language).title)
            .unwrap_or_default(),
        course_id: cohort.course_id,
        name: cohort.name,
        code: crate::codes::grouped(&cohort.code),
        time_zone: cohort.time_zone,
        starts_on: cohort.starts_on.map(crate::dates::day),
        ends_on: cohort.ends_on.map(crate::dates::day),
        capacity: cohort.capacity,
        members,
    }
}

/// The access rules' view of a cohort.
pub fn facts<'a>(cohort: &cohort::Model, course: Option<&'a Course>) -> crate::policy::CohortFacts<'a> {
    crate::policy::CohortFacts {
        organisation: cohort.organisation_id,
        instructors: course.map(|course| course.instructors.as_slice()).unwrap_or_default(),
    }
}

/// Completed lessons, by (learner, course).
async fn completed_by(
    db: &Db,
    condition: impl Into<sea_orm::Condition>,
) -> Result<HashMap<(i64, String), HashSet<String>>, DbErr> {
    let mut completed: HashMap<(i64, String), HashSet<String>> = HashMap::new();
    for row in lesson_completion::Entity::find().filter(condition.into()).all(&db.reader).await? {
        completed.entry((row.user_id, row.course_id)).or_default().insert(row.lesson_id);
    }
    Ok(completed)
}

/// When each course was completed, by (learner, course).
async fn finished_by(
    db: &Db,
    condition: impl Into<sea_orm::Condition>,
) -> Result<HashMap<(i64, String), time::OffsetDateTime>, DbErr> {
    Ok(course_completion::Entity::find()
        .filter(condition.into())
        .all(&db.reader)
        .await?
        .into_iter()
        .map(|row| ((row.user_id, row.course_id), row.completed_at))
        .collect())
}
