use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::api::catalog::list_courses;
use crate::components::Layout;
use crate::i18n::{duration, t, t_with};
use crate::model::CourseCard;

/// `/`: every course.
#[component]
pub fn CataloguePage() -> impl IntoView {
    loaded(list_courses(), move |courses| view! { <Catalogue courses/> })
}

#[component]
fn Catalogue(courses: Vec<CourseCard>) -> impl IntoView {
    view! {
        <PageTitle text=t(msg::CATALOGUE_TITLE)/>
        <Layout>
            <h1>{t(msg::CATALOGUE_TITLE)}</h1>
            <p class="lead">{t(msg::CATALOGUE_LEAD)}</p>
            <ul class="course-list">
                {courses.into_iter().map(|course| view! { <CourseCardItem course/> }).collect_view()}
            </ul>
        </Layout>
    }
}

#[component]
fn CourseCardItem(course: CourseCard) -> impl IntoView {
    let href = format!("/courses/{}", course.id);
    let (lang, dir) = (course.language.code(), course.language.direction().html_dir());
    view! {
        <li class="course-card">
            <h2 lang=lang dir=dir>
                <a href=href>{course.title}</a>
            </h2>
            <p lang=lang dir=dir>{course.summary}</p>
            <CourseFacts course_level=course.level.message_id() lessons=course.lesson_count minutes=course.minutes/>
        </li>
    }
}

/// Level, number of lessons and study time, in the reader's language.
#[component]
pub fn CourseFacts(course_level: &'static str, lessons: usize, minutes: u32) -> impl IntoView {
    view! {
        <p class="meta">
            <span>{t(course_level)}</span>
            <span>{t_with(msg::LESSON_COUNT, [("count", lessons.into())])}</span>
            <span>{duration(minutes)}</span>
        </p>
    }
}
