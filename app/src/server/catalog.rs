//! Reading the course catalog, in the reader's language. Every lesson is
//! readable by anyone for now; `access = "enrolled"` courses are enforced
//! once enrolment exists.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CourseCard, CourseOutline, LessonView};

#[server(endpoint = "courses")]
pub async fn list_courses() -> Result<Vec<CourseCard>, AppError> {
    crate::auth::authorize(<ListCourses as leptos::server_fn::ServerFn>::PATH).await?;
    let reader = crate::i18n::use_language();
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    Ok(catalog.courses().iter().map(|course| course.card(reader)).collect())
}

#[server(endpoint = "course")]
pub async fn read_course(course: String) -> Result<CourseOutline, AppError> {
    crate::auth::authorize(<ReadCourse as leptos::server_fn::ServerFn>::PATH).await?;
    let reader = crate::i18n::use_language();
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    catalog.course(&course).map(|course| course.outline(reader)).ok_or(AppError::NotFound)
}

#[server(endpoint = "lesson")]
pub async fn read_lesson(course: String, lesson: String) -> Result<LessonView, AppError> {
    crate::auth::authorize(<ReadLesson as leptos::server_fn::ServerFn>::PATH).await?;
    let reader = crate::i18n::use_language();
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    catalog.course(&course).and_then(|course| course.lesson_view(&lesson, reader)).ok_or(AppError::NotFound)
}
