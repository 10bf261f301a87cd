//! `/studio`: the courses the person may write, the courses still written
//! as files on the server, and (administrators) creating a course.

use crate::api::rules::action_of;
use crate::api::studio::{CreateStudioCourse, TakeIntoStudio, studio_home};
use crate::msg;
use leptos::prelude::*;

use crate::components::{Field, Layout, PageTitle, form_errors, loaded};
use crate::i18n::{t, t_with};
use crate::language::Language;
use crate::model::{FolderCourseCard, StudioCourseCard, StudioHome};

/// The levels a new course may have: the value its form sends, and its name.
const LEVELS: [(&str, &str); 3] =
    [("beginner", msg::LEVEL_BEGINNER), ("intermediate", msg::LEVEL_INTERMEDIATE), ("advanced", msg::LEVEL_ADVANCED)];

#[component]
pub fn StudioHomePage() -> impl IntoView {
    loaded(studio_home(), move |home| view! { <Home home/> })
}

#[component]
fn Home(home: StudioHome) -> impl IntoView {
    let StudioHome { courses, folder_courses, may_create } = home;
    view! {
        <PageTitle text=t(msg::STUDIO_TITLE)/>
        <Layout>
            <h1>{t(msg::STUDIO_TITLE)}</h1>
            <p>{t(msg::STUDIO_INTRO)}</p>
            <h2 id="studio-courses">{t(msg::STUDIO_YOUR_COURSES)}</h2>
            {if courses.is_empty() {
                view! { <p>{t(msg::STUDIO_NO_COURSES)}</p> }.into_any()
            } else {
                view! {
                    <ul class="studio-courses" aria-labelledby="studio-courses">
                        {courses.into_iter().map(|course| view! { <CourseItem course/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {(!folder_courses.is_empty()).then(|| view! { <FolderCourses courses=folder_courses may_take=may_create/> })}
            {may_create.then(|| view! { <CreateCourse/> })}
        </Layout>
    }
}

#[component]
fn CourseItem(course: StudioCourseCard) -> impl IntoView {
    let published = match course.published {
        Some(number) => t_with(msg::STUDIO_PUBLISHED_VERSION, [("number", number.into())]),
        None => t(msg::STUDIO_NEVER_PUBLISHED),
    };
    view! {
        <li>
            <a href=format!("/studio/{}", course.id)><bdi>{course.title}</bdi></a>
            <span class="meta">
                <code dir="ltr">{course.id.clone()}</code>
                <span>{published}</span>
                {course.proposed.then(|| view! { <span class="badge">{t(msg::STUDIO_WAITING_FOR_REVIEW)}</span> })}
            </span>
        </li>
    }
}

/// Courses whose source is their folder on the server: read-only here,
/// until an administrator takes one into the studio.
#[component]
fn FolderCourses(courses: Vec<FolderCourseCard>, may_take: bool) -> impl IntoView {
    view! {
        <h2 id="folder-courses">{t(msg::STUDIO_FOLDER_COURSES)}</h2>
        <p class="hint">{t(msg::STUDIO_FOLDER_NOTE)}</p>
        {may_take.then(|| view! { <p class="hint">{t(msg::STUDIO_TAKE_HINT)}</p> })}
        <ul class="studio-courses" aria-labelledby="folder-courses">
            {courses
                .into_iter()
                .map(|course| {
                    let label = t_with(msg::STUDIO_TAKE_LABEL, [("title", course.title.clone().into())]);
                    view! {
                        <li>
                            <a href=format!("/courses/{}", course.id)><bdi>{course.title}</bdi></a>
                            <span class="meta"><code dir="ltr">{course.id.clone()}</code></span>
                            {may_take.then(|| view! {
                                <form class="inline-form" method="post" action={action_of::<TakeIntoStudio>()}>
                                    <input type="hidden" name="course" value=course.id.clone()/>
                                    <button type="submit" aria-label=label>{t(msg::STUDIO_TAKE)}</button>
                                </form>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Administrators: a new course, with a first module and lesson.
#[component]
fn CreateCourse() -> impl IntoView {
    let errors = form_errors::<CreateStudioCourse>();
    let or = |typed: String, default: &str| if typed.is_empty() { default.to_string() } else { typed };
    let chosen_language = or(errors.value("language"), "en");
    let chosen_level = or(errors.value("level"), "beginner");
    let language_error = errors.field("language").map(str::to_string);
    view! {
        <h2 id="create">{t(msg::STUDIO_CREATE_TITLE)}</h2>
        {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
        <form class="account-form" method="post" action={action_of::<CreateStudioCourse>()}>
            <Field name="id" label=t(msg::STUDIO_COURSE_ID) autocomplete="off" ltr=true value=errors.value("id")
                hint=Some(t(msg::STUDIO_COURSE_ID_HINT)) error=errors.field("id").map(str::to_string)/>
            <Field name="title" label=t(msg::STUDIO_COURSE_TITLE) autocomplete="off" value=errors.value("title")
                error=errors.field("title").map(str::to_string)/>
            <div class="field">
                <label for="language">{t(msg::STUDIO_COURSE_LANGUAGE)}</label>
                {language_error.clone().map(|e| view! { <p class="field-error" id="language-error">{t(&e)}</p> })}
                <select id="language" name="language"
                    aria-invalid=language_error.as_ref().map(|_| "true")
                    aria-describedby=language_error.as_ref().map(|_| "language-error")>
                    {Language::ALL
                        .into_iter()
                        .map(|language| {
                            let selected = language.code() == chosen_language;
                            view! {
                                <option value=language.code() selected=selected lang=language.code()>
                                    {language.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="level">{t(msg::STUDIO_COURSE_LEVEL)}</label>
                <select id="level" name="level">
                    {LEVELS
                        .into_iter()
                        .map(|(value, name)| {
                            let selected = value == chosen_level;
                            view! { <option value=value selected=selected>{t(name)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit">{t(msg::STUDIO_CREATE)}</button>
        </form>
    }
}
