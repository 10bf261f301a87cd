use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::components::{Layout, ProblemPage, duration_label};
use crate::model::{CourseOutline, ModuleOutline};
use crate::server::catalog::read_course;

/// `/courses/{course}`: the course's modules and lessons.
#[component]
pub fn CoursePage() -> impl IntoView {
    let course = param("course");
    view! {
        <Suspense>
            {Suspend::new(async move {
                match read_course(course).await {
                    Ok(outline) => view! { <Overview outline/> }.into_any(),
                    Err(error) => view! { <ProblemPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(outline: CourseOutline) -> impl IntoView {
    let CourseOutline {
        card,
        language,
        modules,
    } = outline;
    let first_lesson = modules
        .iter()
        .flat_map(|m| m.lessons.first())
        .next()
        .map(|l| format!("/courses/{}/{}", card.id, l.id));
    let course_id = card.id.clone();
    view! {
        <Title text=card.title.clone()/>
        <Layout>
            <article class="course" lang=language.code() dir=language.direction().html_dir()>
                <h1>{card.title}</h1>
                <p class="lead">{card.summary}</p>
                <p class="meta">
                    <span>{card.level.label()}</span>
                    <span>{format!("{} lessons", card.lesson_count)}</span>
                    <span>{duration_label(card.minutes)}</span>
                </p>
                {first_lesson.map(|href| view! { <p><a class="button" href=href>"Start the course"</a></p> })}
                <ol class="modules">
                    {modules.into_iter().map(|module| view! { <ModuleItem module course_id=course_id.clone()/> }).collect_view()}
                </ol>
            </article>
        </Layout>
    }
}

#[component]
fn ModuleItem(module: ModuleOutline, course_id: String) -> impl IntoView {
    view! {
        <li class="module">
            <h2>{module.title}</h2>
            {module.summary.map(|summary| view! { <p>{summary}</p> })}
            <ol class="lessons">
                {module
                    .lessons
                    .into_iter()
                    .map(|lesson| {
                        let href = format!("/courses/{course_id}/{}", lesson.id);
                        view! {
                            <li>
                                <a href=href>{lesson.title}</a>
                                <span class="meta">
                                    {lesson.is_quiz.then_some("Quiz · ")}
                                    {duration_label(lesson.minutes)}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </li>
    }
}
