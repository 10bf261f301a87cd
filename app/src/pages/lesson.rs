use crate::api::learning::{CompleteLesson, SubmitQuiz};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use super::param;
use leptos_router::hooks::use_query_map;

use crate::api::catalog::read_lesson;
use crate::components::{Layout, form_errors};
use crate::format::percent;
use crate::i18n::{duration, t, t_with, use_language};
use crate::language::Language;
use crate::lesson_text::{SetAside, TextKey};
use crate::model::{LessonLink, LessonView, QuestionView, QuizResult, QuizView, Standing, TocEntry};

/// `/courses/{course}/{lesson}`: one lesson. Plain HTML and CSS, no script:
/// this is the page learners load most, often on slow, metered connections.
#[component]
pub fn LessonPage() -> impl IntoView {
    let course = param("course");
    let lesson_id = param("lesson");
    let attempt = use_query_map().with_untracked(|query| query.get("attempt").and_then(|id| id.parse().ok()));
    loaded(read_lesson(course, lesson_id, attempt), move |lesson| view! { <Lesson lesson/> })
}

#[component]
pub(crate) fn Lesson(lesson: LessonView) -> impl IntoView {
    let course_href = format!("/courses/{}", lesson.course_id);
    let course_id = lesson.course_id.clone();
    let title = format!("{} · {}", lesson.title, lesson.course_title);
    let reader_language = use_language();
    let original_newer = lesson.original_newer;
    let fallback_note = (lesson.language != reader_language).then(|| {
        t_with(
            msg::LESSON_FALLBACK_NOTE,
            [("wanted", reader_language.code().into()), ("shown", lesson.language.code().into())],
        )
    });
    let language = lesson.language;
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let course_title_language = lesson.course_title_language;
    let module_title_language = lesson.module_title_language;
    let enrolled = lesson.standing.may_record();
    let saved_copy = matches!(lesson.standing, Standing::Saved { .. });
    let progress =
        Progress { course_id: course_id.clone(), lesson_id: lesson.id.clone(), enrolled, completed: lesson.completed };
    let quiz_form = QuizForm {
        course_id: course_id.clone(),
        lesson_id: lesson.id.clone(),
        // A saved copy's form gets its key from the phone's script.
        may_submit: lesson.attempt_key.is_some() || (saved_copy && enrolled),
        attempt_key: lesson.attempt_key.clone(),
        version: lesson.course_version.clone(),
        best_score: lesson.best_score,
        completed: lesson.completed,
    };
    let is_quiz = lesson.quiz.is_some();
    // A saved copy without a quiz does not name the course version, so that
    // it stays the same bytes (and is not downloaded again) until it changes.
    let article_version = (!saved_copy).then(|| lesson.course_version.clone());
    let locked = lesson.locked;
    let locked_href = course_href.clone();
    let withheld = lesson.withheld;
    let staff = !lesson.problems.is_empty();
    let problems = lesson.problems;
    // The lesson's text, or where the server puts it back (signed-in pages
    // of a lesson served whole: see `lesson_text`).
    let text = match use_context::<SetAside>() {
        Some(aside) if !withheld && !locked && !staff => {
            let key = TextKey {
                course: course_id.clone(),
                lesson: lesson.id.clone(),
                language,
                version: lesson.course_version.clone(),
                bytes: lesson.html.len(),
            };
            aside.put(key, lesson.html)
        }
        _ => lesson.html,
    };
    view! {
        <PageTitle text=title/>
        <Layout>
            <nav class="breadcrumbs" aria-label=t(msg::BREADCRUMBS)>
                <a href=course_href lang=course_title_language.code() dir=course_title_language.direction().html_dir()>
                    {lesson.course_title}
                </a>
                <span lang=module_title_language.code() dir=module_title_language.direction().html_dir()>
                    {lesson.module_title}
                </span>
            </nav>
            {fallback_note.map(|note| view! { <p class="note" role="note">{note}</p> })}
            {original_newer.then(|| view! { <p class="note" role="note">{t(msg::LESSON_ORIGINAL_NEWER)}</p> })}
            // The lesson's own text carries its language; the interface around
            // it (headings, hints) stays in the reader's. The data attributes
            // are what the offline script sends with a completion or attempt.
            <article class="lesson" data-course=course_id.clone() data-lesson=lesson.id.clone() data-version=article_version>
                <h1 lang=lang dir=dir>{lesson.title}</h1>
                {(!withheld || staff).then(|| view! { <p class="meta">{duration(lesson.minutes)}</p> })}
                {withheld.then(|| {
                    let note = if staff { msg::LESSON_WITHHELD_STAFF } else { msg::LESSON_WITHHELD };
                    view! { <p class="note withheld-note" role="note">{t(note)}</p> }
                })}
                <super::staff_problems::StaffProblems heading=msg::LESSON_PROBLEMS_HEADING problems/>
                {locked.then(|| view! { <Locked course_href=locked_href/> })}
                <Contents entries=lesson.contents language/>
                <div class="lesson-body" lang=lang dir=dir inner_html=text></div>
                // A result stands alone: trying again starts from a fresh form.
                {match (lesson.result, lesson.quiz) {
                    (Some(result), _) => {
                        let again = format!("/courses/{}/{}#quiz-heading", quiz_form.course_id, quiz_form.lesson_id);
                        Some(view! { <Result result language again/> }.into_any())
                    }
                    (None, Some(quiz)) => Some(view! { <Quiz quiz language form=quiz_form/> }.into_any()),
                    (None, None) => None,
                }}
                {(!is_quiz && !locked && !withheld).then(|| view! { <MarkComplete progress/> })}
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
                <h2 id="contents-heading">{t(msg::LESSON_CONTENTS)}</h2>
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

/// Where the reader stands on this (non-quiz) lesson.
#[derive(Clone, Debug)]
struct Progress {
    course_id: String,
    lesson_id: String,
    enrolled: bool,
    completed: bool,
}

/// "Mark complete": a plain form button that goes on to the next lesson.
#[component]
fn MarkComplete(progress: Progress) -> impl IntoView {
    let errors = form_errors::<CompleteLesson>();
    let body = if progress.completed {
        view! { <p class="note completed">"✓\u{a0}" {t(msg::LESSON_COMPLETED)}</p> }.into_any()
    } else if progress.enrolled {
        view! {
            {errors.form.map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            <form method="post" action={action_of::<CompleteLesson>()}>
                <input type="hidden" name="course" value=progress.course_id/>
                <input type="hidden" name="lesson" value=progress.lesson_id/>
                <button type="submit">{t(msg::LESSON_MARK_COMPLETE)}</button>
            </form>
        }
        .into_any()
    } else {
        view! { <p class="hint">{t(msg::LESSON_ENROL_TO_TRACK)}</p> }.into_any()
    };
    view! { <section class="completion" aria-label=t(msg::COURSE_YOUR_PROGRESS)>{body}</section> }
}

/// An `access = "enrolled"` lesson for someone not enrolled.
#[component]
fn Locked(course_href: String) -> impl IntoView {
    view! {
        <div class="note" role="note">
            <p>{t(msg::LESSON_LOCKED)}</p>
            <p><a class="button" href=course_href>{t(msg::LESSON_LOCKED_ENROL)}</a></p>
        </div>
    }
}

/// What the quiz form needs besides the questions.
#[derive(Clone, Debug)]
struct QuizForm {
    course_id: String,
    lesson_id: String,
    /// Only an enrolled reader can submit.
    may_submit: bool,
    /// For the form posted without the offline script (not in saved copies).
    attempt_key: Option<String>,
    /// The course version the questions are from: an attempt is graded
    /// against it, even when it arrives after the course has changed.
    version: String,
    best_score: Option<u8>,
    completed: bool,
}

/// The questions, without answers: grading happens on the server.
#[component]
fn Quiz(quiz: QuizView, language: Language, form: QuizForm) -> impl IntoView {
    let errors = form_errors::<SubmitQuiz>();
    let summary = t_with(
        msg::QUIZ_SUMMARY,
        [("count", quiz.questions.len().into()), ("pass_mark", percent(quiz.pass_mark.into()).into())],
    );
    let best = form.best_score.map(|score| {
        let key = if form.completed { msg::QUIZ_BEST_PASSED } else { msg::QUIZ_BEST };
        view! { <p class="note">{t_with(key, [("score", percent(score.into()).into())])}</p> }
    });
    let questions = quiz.questions.into_iter().map(|question| view! { <Question question language/> }).collect_view();
    let body = match form.may_submit {
        true => view! {
            <form method="post" action={action_of::<SubmitQuiz>()} data-version=form.version>
                <input type="hidden" name="course" value=form.course_id/>
                <input type="hidden" name="lesson" value=form.lesson_id/>
                {form.attempt_key.map(|key| view! { <input type="hidden" name="attempt_key" value=key/> })}
                <ol class="questions">{questions}</ol>
                <button type="submit">{t(msg::QUIZ_SUBMIT)}</button>
            </form>
        }
        .into_any(),
        false => view! {
            <ol class="questions">{questions}</ol>
            <p class="hint">{t(msg::QUIZ_ENROL_TO_SUBMIT)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="quiz" aria-labelledby="quiz-heading">
            <h2 id="quiz-heading">{t(msg::QUIZ_TITLE)}</h2>
            <p class="meta">{summary}</p>
            {errors.form.map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            {best}
            {body}
        </section>
    }
}

/// A graded attempt: the score, and for each question whether it was
/// right with the explanation of each answer chosen; once the quiz is
/// passed, the right options and every explanation too. `again` is the
/// fresh form, for another attempt.
#[component]
fn Result(result: QuizResult, language: Language, again: String) -> impl IntoView {
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let headline = if result.passed {
        t_with(msg::QUIZ_PASSED, [("score", percent(result.score_percent.into()).into())])
    } else {
        t_with(
            msg::QUIZ_FAILED,
            [
                ("score", percent(result.score_percent.into()).into()),
                ("pass_mark", percent(result.pass_mark.into()).into()),
            ],
        )
    };
    view! {
        <section id="result" class="quiz-result" class:passed=result.passed aria-labelledby="result-heading" tabindex="-1">
            <h2 id="result-heading">{t(msg::QUIZ_RESULT_TITLE)}</h2>
            <p class="score" role="status">{headline}</p>
            <ol class="questions">
                {result
                    .questions
                    .into_iter()
                    .map(|question| {
                        // Only right answers chosen, yet not right: one is missing.
                        let missing = !question.right
                            && question.options.iter().any(|option| option.chosen)
                            && question.options.iter().all(|option| !option.chosen || option.correct);
                        let verdict = match (question.right, missing) {
                            (true, _) => t(msg::QUIZ_QUESTION_RIGHT),
                            (false, true) => t(msg::QUIZ_QUESTION_MISSING),
                            (false, false) => t(msg::QUIZ_QUESTION_WRONG),
                        };
                        view! {
                            <li class="question-result" class:right=question.right>
                                <p class="question-verdict">{verdict}</p>
                                <div class="prompt" lang=lang dir=dir inner_html=question.prompt_html></div>
                                <ul class="options">
                                    {question
                                        .options
                                        .into_iter()
                                        .map(|option| {
                                            let marks = match (option.chosen, option.correct) {
                                                (true, true) => t(msg::QUIZ_CHOSEN_RIGHT),
                                                (true, false) => t(msg::QUIZ_CHOSEN_WRONG),
                                                (false, true) => t(msg::QUIZ_RIGHT_ANSWER),
                                                (false, false) => String::new(),
                                            };
                                            view! {
                                                <li class:chosen=option.chosen class:correct=option.correct>
                                                    {(!marks.is_empty()).then(|| view! { <strong class="mark">{marks}</strong> " " })}
                                                    <span lang=lang dir=dir inner_html=option.html></span>
                                                    {(!option.explanation_html.is_empty()).then(|| view! {
                                                        <div class="explanation" lang=lang dir=dir inner_html=option.explanation_html></div>
                                                    })}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(!result.passed).then(|| view! { <p><a class="button" href=again>{t(msg::QUIZ_TRY_AGAIN)}</a></p> })}
        </section>
    }
}

/// One question. The prompt may be several paragraphs, so it names the
/// group (`aria-labelledby`) instead of sitting in a `<legend>`.
#[component]
fn Question(question: QuestionView, language: Language) -> impl IntoView {
    let kind = if question.multiple { "checkbox" } else { "radio" };
    let multiple = question.multiple;
    let question_id = question.id.clone();
    let hint = if question.multiple { t(msg::QUIZ_CHOOSE_MANY) } else { t(msg::QUIZ_CHOOSE_ONE) };
    let name = format!("q-{}", question.id);
    // `--` never occurs in ids from the course files, so these cannot clash.
    let prompt_id = format!("{name}--prompt");
    let hint_id = format!("{name}--hint");
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
                        let id = format!("{name}--{}", option.id);
                        // Radio buttons share a name per question; check boxes each have their own.
                        let field = if multiple {
                            format!("multiple[{question_id}:{}]", option.id)
                        } else {
                            format!("single[{question_id}]")
                        };
                        view! {
                            <div class="option">
                                <input type=kind id=id.clone() name=field value=option.id/>
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
    let previous = previous.map(|lesson| link.clone()(lesson, "prev", t(msg::LESSON_PREVIOUS)));
    let next = next.map(|lesson| link(lesson, "next", t(msg::LESSON_NEXT)));
    view! { <nav class="pager" aria-label=t(msg::LESSON_PAGER)>{previous}{next}</nav> }
}
