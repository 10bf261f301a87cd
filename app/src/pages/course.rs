use crate::api::learning::{Enrol, Unenrol};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use super::catalogue::CourseFacts;
use super::param;
use crate::api::catalog::read_course;
use crate::components::{Layout, ProgressBar, form_errors};
use crate::i18n::{duration, t, t_with};
use crate::model::{CourseOutline, LessonLink, ModuleOutline, Standing};

/// `/courses/{course}`: the course's modules and lessons, and the reader's
/// enrolment and progress.
#[component]
pub fn CoursePage() -> impl IntoView {
    let course = param("course");
    loaded(read_course(course), move |outline| view! { <Overview outline/> })
}

#[component]
fn Overview(outline: CourseOutline) -> impl IntoView {
    let CourseOutline { card, modules, standing, problems, offline_manifest } = outline;
    let first_lesson = modules.iter().flat_map(|m| m.lessons.first()).next().map(|l| l.id.clone());
    let course_id = card.id.clone();
    let (lang, dir) = (card.language.code(), card.language.direction().html_dir());
    view! {
        <PageTitle text=card.title.clone()/>
        <Layout>
            <article class="course">
                <h1 lang=lang dir=dir>{card.title}</h1>
                <super::staff_problems::StaffProblems heading=msg::COURSE_PROBLEMS_HEADING problems/>
                <p class="lead" lang=lang dir=dir>{card.summary}</p>
                <CourseFacts course_level=card.level.message_id() lessons=card.lesson_count minutes=card.minutes/>
                <Enrolment standing course_id=course_id.clone() first_lesson/>
                {offline_manifest.map(|manifest| view! { <SaveForOffline course_id=course_id.clone() manifest/> })}
                <ol class="modules">
                    {modules.into_iter().map(|module| view! { <ModuleItem module course_id=course_id.clone()/> }).collect_view()}
                </ol>
            </article>
        </Layout>
    }
}

/// What the reader can do next: start, enrol, join with a code, or continue.
#[component]
fn Enrolment(standing: Standing, course_id: String, first_lesson: Option<String>) -> impl IntoView {
    let errors = form_errors::<Enrol>();
    let joined = use_query_map().with_untracked(|query| query.get("joined").is_some());
    let course = course_id.clone();
    let lesson_href = move |lesson: &str| format!("/courses/{course_id}/{lesson}");
    let start = first_lesson.as_deref().map(&lesson_href);
    let error = errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> });
    let body = match standing {
        Standing::Visitor => view! {
            {start.map(|href| view! { <p><a class="button" href=href>{t(msg::COURSE_START)}</a></p> })}
            <p class="note">{t(msg::COURSE_SIGN_IN_TO_TRACK)} " " <a href="/login">{t(msg::NAV_LOGIN)}</a> " · " <a href="/register">{t(msg::NAV_REGISTER)}</a></p>
        }
        .into_any(),
        Standing::NotEnrolled { open: true } => view! {
            <form method="post" action={action_of::<Enrol>()} class="enrol">
                <input type="hidden" name="course" value=course.clone()/>
                <button type="submit">{t(msg::COURSE_ENROL)}</button>
            </form>
            <p class="hint">{t(msg::COURSE_ENROL_HINT)} " " <a href="/join">{t(msg::COURSE_HAVE_CODE)}</a></p>
        }
        .into_any(),
        Standing::NotEnrolled { open: false } => view! {
            <p class="note">{t(msg::COURSE_CODE_ONLY)}</p>
            <p><a class="button" href="/join">{t(msg::JOIN_TITLE)}</a></p>
        }
        .into_any(),
        // The copy saved on a phone: the script shows where the reader stands.
        Standing::Saved { .. } => view! {
            {start.map(|href| view! { <p><a class="button" href=href>{t(msg::COURSE_START)}</a></p> })}
        }
        .into_any(),
        Standing::Enrolled { progress, next_lesson, completed_on, certificate } => {
            let next = next_lesson.as_deref().map(&lesson_href);
            let certificate_href = format!("/my/certificates/{course}");
            view! {
                {joined.then(|| view! { <p class="note" role="status">{t(msg::JOIN_DONE)}</p> })}
                {completed_on.map(|date| view! { <p class="note completed" role="status">{t_with(msg::COURSE_COMPLETED_ON, [("date", crate::format::date(&date).into())])}</p> })}
                {certificate.then(|| view! { <p><a class="button" href=certificate_href>{t(msg::CERTIFICATE_OPEN)}</a></p> })}
                <ProgressBar progress id="progress"/>
                {next.map(|href| view! { <p><a class="button" href=href>{if progress.done == 0 { t(msg::COURSE_START) } else { t(msg::COURSE_CONTINUE) }}</a></p> })}
                <form method="post" action={action_of::<Unenrol>()} class="unenrol">
                    <input type="hidden" name="course" value=course.clone()/>
                    <button type="submit" class="link">{t(msg::COURSE_UNENROL)}</button>
                </form>
            }
            .into_any()
        }
    };
    view! { <section class="standing" aria-label=t(msg::COURSE_YOUR_PROGRESS)>{error}{body}</section> }
}

/// "Save for offline": hidden until the offline script finds what it needs
/// (a service worker, storage), which then drives it; without JavaScript
/// there is nothing to show.
#[component]
fn SaveForOffline(course_id: String, manifest: String) -> impl IntoView {
    view! {
        <section class="offline" id="offline" hidden aria-labelledby="offline-heading" data-course=course_id data-manifest=manifest>
            <h2 id="offline-heading">{t(msg::OFFLINE_HEADING)}</h2>
            <p class="hint">{t(msg::OFFLINE_INTRO)}</p>
            <p class="offline-state" role="status"></p>
            <progress max="100" value="0" hidden aria-labelledby="offline-heading"></progress>
            <p class="offline-actions">
                <button type="button" data-offline="save">{t(msg::OFFLINE_SAVE)}</button>
                <button type="button" class="link" data-offline="remove" hidden>{t(msg::OFFLINE_REMOVE)}</button>
            </p>
        </section>
    }
}

#[component]
fn ModuleItem(module: ModuleOutline, course_id: String) -> impl IntoView {
    let (lang, dir) = (module.language.code(), module.language.direction().html_dir());
    view! {
        <li class="module">
            <h2 lang=lang dir=dir>{module.title}</h2>
            {module.summary.map(|summary| view! { <p lang=lang dir=dir>{summary}</p> })}
            {module.intro_html.map(|html| {
                let language = module.intro_language.unwrap_or(module.language);
                view! { <div class="module-intro lesson-body" lang=language.code() dir=language.direction().html_dir() inner_html=html></div> }
            })}
            {module.progress.filter(|progress| progress.total > 0).map(|progress| view! { <ProgressBar progress/> })}
            <ol class="lessons">
                {in_file_order(module.lessons, module.withheld)
                    .into_iter()
                    .map(|item| match item {
                        OutlineItem::Lesson(lesson) => {
                            let href = format!("/courses/{course_id}/{}", lesson.id);
                            view! {
                                <li class:done=lesson.completed data-lesson=lesson.id.clone()>
                                    <a href=href lang=lesson.language.code() dir=lesson.language.direction().html_dir()>
                                        {lesson.title}
                                    </a>
                                    <span class="meta">
                                        {lesson.is_quiz.then(|| format!("{} · ", t(msg::LESSON_KIND_QUIZ)))}
                                        {duration(lesson.minutes)}
                                        {lesson.completed.then(|| view! { <span class="tick">" ✓\u{a0}" {t(msg::LESSON_DONE)}</span> })}
                                    </span>
                                </li>
                            }
                            .into_any()
                        }
                        OutlineItem::Withheld(title) => view! {
                            <li class="withheld">
                                <span lang=lang dir=dir>{title}</span>
                                <span class="meta">{t(msg::LESSON_NOT_AVAILABLE)}</span>
                            </li>
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </ol>
        </li>
    }
}

/// A line of a module's outline.
enum OutlineItem {
    Lesson(LessonLink),
    /// The title of a lesson withheld for its errors.
    Withheld(String),
}

/// Served and withheld lessons together, in their files' order: each
/// withheld one after the served lessons its place counts.
fn in_file_order(lessons: Vec<LessonLink>, withheld: Vec<(usize, String)>) -> Vec<OutlineItem> {
    let mut withheld = withheld.into_iter().peekable();
    let mut items = Vec::new();
    for (index, lesson) in lessons.into_iter().enumerate() {
        while let Some((_, title)) = withheld.next_if(|(place, _)| *place <= index) {
            items.push(OutlineItem::Withheld(title));
        }
        items.push(OutlineItem::Lesson(lesson));
    }
    items.extend(withheld.map(|(_, title)| OutlineItem::Withheld(title)));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    fn lesson(id: &str) -> LessonLink {
        LessonLink {
            id: id.to_string(),
            language: Language::En,
            title: id.to_string(),
            minutes: 5,
            is_quiz: false,
            completed: false,
        }
    }

    #[test]
    fn withheld_lessons_keep_their_files_places() {
        let withheld = vec![(0, "first".to_string()), (0, "second".to_string()), (1, "fourth".to_string())];
        let order: Vec<String> = in_file_order(vec![lesson("third"), lesson("reference")], withheld)
            .into_iter()
            .map(|item| match item {
                OutlineItem::Lesson(lesson) => lesson.id,
                OutlineItem::Withheld(title) => format!("({title})"),
            })
            .collect();
        assert_eq!(order, ["(first)", "(second)", "third", "(fourth)", "reference"]);
        let after: Vec<usize> = in_file_order(Vec::new(), vec![(0, "only".into())]).iter().map(|_| 1).collect();
        assert_eq!(after.len(), 1);
    }
}
