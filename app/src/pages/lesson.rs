use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::components::{Layout, ProblemPage};
use crate::i18n::{duration, t, t_with, use_language};
use crate::language::Language;
use crate::model::{LessonLink, LessonView, QuestionView, QuizView, TocEntry};
use crate::server::catalog::read_lesson;

/// `/courses/{course}/{lesson}`: one lesson. Plain HTML and CSS, no script:
/// this is the page learners load most, often on slow, metered connections.
#[component]
pub fn LessonPage() -> impl IntoView {
    let course = param("course");
    let lesson_id = param("lesson");
    view! {
        <Suspense>
            {Suspend::new(async move {
                match read_lesson(course, lesson_id).await {
                    Ok(lesson) => view! { <Lesson lesson/> }.into_any(),
                    Err(error) => view! { <ProblemPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Lesson(lesson: LessonView) -> impl IntoView {
    let course_href = format!("/courses/{}", lesson.course_id);
    let course_id = lesson.course_id.clone();
    let title = format!("{} · {}", lesson.title, lesson.course_title);
    let reader = use_language();
    let fallback_note = (lesson.language != reader).then(|| {
        t_with(
            "lesson-fallback-note",
            [("language", reader.native_name().into()), ("shown", lesson.language.native_name().into())],
        )
    });
    let language = lesson.language;
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let course_title_language = lesson.course_title_language;
    let module_title_language = lesson.module_title_language;
    view! {
        <Title text=title/>
        <Layout>
            <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
                <a href=course_href lang=course_title_language.code() dir=course_title_language.direction().html_dir()>
                    {lesson.course_title}
                </a>
                <span lang=module_title_language.code() dir=module_title_language.direction().html_dir()>
                    {lesson.module_title}
                </span>
            </nav>
            {fallback_note.map(|note| view! { <p class="note" role="note">{note}</p> })}
            // The lesson's own text carries its language; the interface around
            // it (headings, hints) stays in the reader's.
            <article class="lesson">
                <h1 lang=lang dir=dir>{lesson.title}</h1>
                <p class="meta">{duration(lesson.minutes)}</p>
                <Contents entries=lesson.contents language/>
                <div class="lesson-body" lang=lang dir=dir inner_html=lesson.html></div>
                {lesson.quiz.map(|quiz| view! { <Quiz quiz language/> })}
            </article>
            <PreviousNext course_id previous=lesson.previous next=lesson.next/>
        </Layout>
    }
}

#[component]
fn Contents(entries: Vec<TocEntry>, language: Language) -> impl IntoView {
    (entries.len() >= 2).then(|| {
        view! {
            <nav class="contents" aria-labelledby="contents-heading">
                <h2 id="contents-heading">{t("lesson-contents")}</h2>
                <ul lang=language.code() dir=language.direction().html_dir()>
                    {entries
                        .into_iter()
                        .map(|entry| {
                            let class = if entry.level == 3 { "sub" } else { "" };
                            view! {
                                <li class=class>
                                    <a href=format!("#{}", entry.anchor)>{entry.text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}

/// The questions, without answers: grading comes with enrolment.
#[component]
fn Quiz(quiz: QuizView, language: Language) -> impl IntoView {
    let summary =
        t_with("quiz-summary", [("count", quiz.questions.len().into()), ("pass_mark", quiz.pass_mark.into())]);
    view! {
        <section class="quiz" aria-labelledby="quiz-heading">
            <h2 id="quiz-heading">{t("quiz-title")}</h2>
            <p class="meta">{summary}</p>
            <ol class="questions">
                {quiz.questions.into_iter().map(|question| view! { <Question question language/> }).collect_view()}
            </ol>
        </section>
    }
}

/// One question. The prompt may be several paragraphs, so it names the
/// group (`aria-labelledby`) instead of sitting in a `<legend>`.
#[component]
fn Question(question: QuestionView, language: Language) -> impl IntoView {
    let kind = if question.multiple { "checkbox" } else { "radio" };
    let hint = if question.multiple { t("quiz-choose-many") } else { t("quiz-choose-one") };
    let name = format!("q-{}", question.id);
    let prompt_id = format!("{name}-prompt");
    let hint_id = format!("{name}-hint");
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let (labelled_by, described_by) = (prompt_id.clone(), hint_id.clone());
    view! {
        <li class="question">
            <fieldset aria-labelledby=labelled_by aria-describedby=described_by>
                <div class="prompt" id=prompt_id lang=lang dir=dir inner_html=question.prompt_html></div>
                <p class="hint" id=hint_id>{hint}</p>
                {question
                    .options
                    .into_iter()
                    .map(|option| {
                        let id = format!("{name}-{}", option.id);
                        view! {
                            <div class="option">
                                <input type=kind id=id.clone() name=name.clone() value=option.id/>
                                <label for=id lang=lang dir=dir inner_html=option.html></label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </li>
    }
}

#[component]
fn PreviousNext(course_id: String, previous: Option<LessonLink>, next: Option<LessonLink>) -> impl IntoView {
    let link = move |lesson: LessonLink, rel: &'static str, label: String| {
        let href = format!("/courses/{course_id}/{}", lesson.id);
        view! {
            <a class=rel rel=rel href=href>
                <span class="direction">{label}</span>
                <span lang=lesson.language.code() dir=lesson.language.direction().html_dir()>{lesson.title}</span>
            </a>
        }
    };
    let previous = previous.map(|lesson| link.clone()(lesson, "prev", t("lesson-previous")));
    let next = next.map(|lesson| link(lesson, "next", t("lesson-next")));
    view! { <nav class="pager" aria-label=t("lesson-pager")>{previous}{next}</nav> }
}
