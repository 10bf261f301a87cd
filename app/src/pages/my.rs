use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::components::{Layout, ProgressBar};
use crate::i18n::{t, t_with};
use crate::model::MyCourse;
use crate::server::learning::my_courses;

/// `/my`: the learner's courses, how far they are, and where to continue.
#[component]
pub fn MyCoursesPage() -> impl IntoView {
    loaded(my_courses(), move |courses| view! { <MyCourses courses/> })
}

#[component]
fn MyCourses(courses: Vec<MyCourse>) -> impl IntoView {
    let empty = courses.is_empty();
    view! {
        <PageTitle text=t("my-title")/>
        <Layout>
            <h1>{t("my-title")}</h1>
            {empty.then(|| view! {
                <p>{t("my-empty")}</p>
                <p><a class="button" href="/">{t("nav-courses")}</a> " " <a href="/join">{t("course-have-code")}</a></p>
            })}
            <ul class="course-list">
                {courses
                    .into_iter()
                    .map(|course| {
                        let card = course.card;
                        let (lang, dir) = (card.language.code(), card.language.direction().html_dir());
                        let href = format!("/courses/{}", card.id);
                        let next = course.next_lesson.map(|lesson| {
                            let href = format!("/courses/{}/{}", card.id, lesson.id);
                            let label = if course.progress.done == 0 { t("course-start") } else { t("course-continue") };
                            view! {
                                <p>
                                    <a class="button" href=href>{label}</a>
                                    " "
                                    <span lang=lesson.language.code() dir=lesson.language.direction().html_dir()>{lesson.title}</span>
                                </p>
                            }
                        });
                        view! {
                            <li class="course-card">
                                <h2><a href=href lang=lang dir=dir>{card.title}</a></h2>
                                <ProgressBar progress=course.progress/>
                                {course.completed_on.map(|date| view! { <p class="note completed">{t_with("course-completed-on", [("date", date.into())])}</p> })}
                                {next}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Layout>
    }
}
