use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{Layout, ProblemPage, duration_label};
use crate::model::CourseCard;
use crate::server::catalog::list_courses;

/// `/`: every course.
#[component]
pub fn CataloguePage() -> impl IntoView {
    view! {
        <Suspense>
            {Suspend::new(async move {
                match list_courses().await {
                    Ok(courses) => view! { <Catalogue courses/> }.into_any(),
                    Err(error) => view! { <ProblemPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Catalogue(courses: Vec<CourseCard>) -> impl IntoView {
    view! {
        <Title text="Courses"/>
        <Layout>
            <h1>"Courses"</h1>
            <p class="lead">"Learn at your own pace, on your phone. Every course is free."</p>
            <ul class="course-list">
                {courses.into_iter().map(|course| view! { <CourseCardItem course/> }).collect_view()}
            </ul>
        </Layout>
    }
}

#[component]
fn CourseCardItem(course: CourseCard) -> impl IntoView {
    let href = format!("/courses/{}", course.id);
    view! {
        <li class="course-card">
            <h2><a href=href>{course.title}</a></h2>
            <p>{course.summary}</p>
            <p class="meta">
                <span>{course.level.label()}</span>
                <span>{format!("{} lessons", course.lesson_count)}</span>
                <span>{duration_label(course.minutes)}</span>
            </p>
        </li>
    }
}
