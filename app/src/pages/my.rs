use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::api::learning::my_courses;
use crate::components::{Layout, ProgressBar};
use crate::i18n::{t, t_with};
use crate::model::MyCourse;

/// `/my`: the learner's courses, how far they are, and where to continue.
#[component]
pub fn MyCoursesPage() -> impl IntoView {
    loaded(my_courses(), move |courses| view! { <MyCourses courses/> })
}

#[component]
fn MyCourses(courses: Vec<MyCourse>) -> impl IntoView {
    let empty = courses.is_empty();
    view! {
        <PageTitle text=t(msg::MY_TITLE)/>
        <Layout>
            <h1>{t(msg::MY_TITLE)}</h1>
            {empty.then(|| view! {
                <p>{t(msg::MY_EMPTY)}</p>
                <p><a class="button" href="/">{t(msg::NAV_COURSES)}</a> " " <a href="/join">{t(msg::COURSE_HAVE_CODE)}</a></p>
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
                            let label = if course.progress.done == 0 { t(msg::COURSE_START) } else { t(msg::COURSE_CONTINUE) };
                            view! {
                                <p class="next-lesson">
                                    {t(msg::MY_NEXT_LESSON)}
                                    " "
                                    <a href=href.clone() lang=lesson.language.code() dir=lesson.language.direction().html_dir()>{lesson.title}</a>
                                </p>
                                <p><a class="button" href=href>{label}</a></p>
                            }
                        });
                        let certificate = course.certified.then(|| {
                            let href = format!("/my/certificates/{}", card.id);
                            view! { <p><a class="button" href=href>{t(msg::CERTIFICATE_OPEN)}</a></p> }
                        });
                        view! {
                            <li class="course-card">
                                <h2><a href=href lang=lang dir=dir>{card.title}</a></h2>
                                <ProgressBar progress=course.progress/>
                                {course.completed_on.map(|date| view! { <p class="note completed">{t_with(msg::COURSE_COMPLETED_ON, [("date", crate::format::date(&date).into())])}</p> })}
                                {next}
                                {certificate}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Layout>
    }
}
