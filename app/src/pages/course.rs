use leptos::prelude::*;
use leptos_meta::Title;

use super::catalogue::CourseFacts;
use super::param;
use crate::components::{Layout, ProblemPage};
use crate::i18n::{duration, t};
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
    let CourseOutline { card, modules } = outline;
    let first_lesson =
        modules.iter().flat_map(|m| m.lessons.first()).next().map(|l| format!("/courses/{}/{}", card.id, l.id));
    let course_id = card.id.clone();
    let (lang, dir) = (card.language.code(), card.language.direction().html_dir());
    view! {
        <Title text=card.title.clone()/>
        <Layout>
            <article class="course">
                <h1 lang=lang dir=dir>{card.title}</h1>
                <p class="lead" lang=lang dir=dir>{card.summary}</p>
                <CourseFacts course_level=card.level.message_id() lessons=card.lesson_count minutes=card.minutes/>
                {first_lesson.map(|href| view! { <p><a class="button" href=href>{t("course-start")}</a></p> })}
                <ol class="modules">
                    {modules.into_iter().map(|module| view! { <ModuleItem module course_id=course_id.clone()/> }).collect_view()}
                </ol>
            </article>
        </Layout>
    }
}

#[component]
fn ModuleItem(module: ModuleOutline, course_id: String) -> impl IntoView {
    let (lang, dir) = (module.language.code(), module.language.direction().html_dir());
    view! {
        <li class="module">
            <h2 lang=lang dir=dir>{module.title}</h2>
            {module.summary.map(|summary| view! { <p lang=lang dir=dir>{summary}</p> })}
            <ol class="lessons">
                {module
                    .lessons
                    .into_iter()
                    .map(|lesson| {
                        let href = format!("/courses/{course_id}/{}", lesson.id);
                        view! {
                            <li>
                                <a href=href lang=lesson.language.code() dir=lesson.language.direction().html_dir()>
                                    {lesson.title}
                                </a>
                                <span class="meta">
                                    {lesson.is_quiz.then(|| format!("{} · ", t("lesson-kind-quiz")))}
                                    {duration(lesson.minutes)}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </li>
    }
}
