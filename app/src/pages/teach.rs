//! `/teach`: an instructor's courses: how far learners get, where they
//! stop, how each quiz question goes, and each learner's progress.

use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::api::statistics::teach;
use crate::components::{Layout, ProgressBar, number, percent};
use crate::i18n::{t, t_with};
use crate::model::{TaughtCourse, TeachPage};

#[component]
pub fn TeachingPage() -> impl IntoView {
    loaded(teach(), move |page| view! { <Teaching page/> })
}

#[component]
fn Teaching(page: TeachPage) -> impl IntoView {
    let empty = page.courses.is_empty();
    view! {
        <PageTitle text=t(msg::TEACH_TITLE)/>
        <Layout wide=true>
            <h1>{t(msg::TEACH_TITLE)}</h1>
            <p><a href="/manage/cohorts">{t(msg::COHORTS_TITLE)}</a></p>
            <super::staff_problems::StaffProblems heading=msg::COURSE_FILES_PROBLEMS_HEADING problems=page.problems/>
            {empty.then(|| view! { <p>{t(msg::TEACH_NONE)}</p> })}
            {page.courses.into_iter().map(|course| view! { <Taught course/> }).collect_view()}
        </Layout>
    }
}

#[component]
fn Taught(course: TaughtCourse) -> impl IntoView {
    let TaughtCourse { course_id, title, funnel, reach, most_stop_after, questions, learners, more_learners } = course;
    let id = |part: &str| format!("{course_id}-{part}");
    let enrolled = funnel.enrolled;
    let csv = format!("/manage/courses/{course_id}/learners.csv");
    let table_csv = |table: &str| {
        let href = format!("/teach/{course_id}/{table}.csv");
        view! { <p class="csv"><a href=href download="">{t(msg::STAT_DOWNLOAD_CSV)}</a></p> }
    };
    let (reach_csv, questions_csv) = (table_csv("reach"), table_csv("questions"));
    view! {
        <section class="taught" aria-labelledby=id("heading")>
            <h2 id=id("heading")><bdi>{title}</bdi></h2>
            <dl class="figures">
                <div><dt>{t(msg::STAT_ENROLLED)}</dt><dd>{number(funnel.enrolled)}</dd></div>
                <div><dt>{t(msg::STAT_STARTED)}</dt><dd>{number(funnel.started)} " (" {percent(funnel.started, enrolled)} ")"</dd></div>
                <div><dt>{t(msg::STAT_COMPLETED)}</dt><dd>{number(funnel.completed)} " (" {percent(funnel.completed, enrolled)} ")"</dd></div>
                <div><dt>{t(msg::STAT_CERTIFIED)}</dt><dd>{number(funnel.certified)}</dd></div>
                <div><dt>{t(msg::STAT_ACTIVE_7)}</dt><dd>{number(funnel.active_7_days)}</dd></div>
            </dl>

            <h3 id=id("stops")>{t(msg::TEACH_STOPS_TITLE)}</h3>
            {match most_stop_after {
                Some(lesson) => view! { <p class="stop-note">{t_with(msg::TEACH_MOST_STOP, [("lesson", lesson.into())])}</p> }.into_any(),
                None => view! { <p class="hint">{t(msg::TEACH_NO_STOPS)}</p> }.into_any(),
            }}
            <div class="table-wrap">
                <table class="cards" id=id("reach")>
                    <caption>{t(msg::TEACH_REACH_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(msg::TEACH_LESSON)}</th>
                            <th scope="col" class="number">{t(msg::TEACH_COMPLETED_LESSON)}</th>
                            <th scope="col" class="number">{t(msg::TEACH_STOPPED_AFTER)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {reach.into_iter().map(|lesson| view! {
                            <tr>
                                <th scope="row"><bdi>{lesson.title}</bdi></th>
                                <td data-label=t(msg::TEACH_COMPLETED_LESSON) class="number">{number(lesson.completed)}</td>
                                <td data-label=t(msg::TEACH_STOPPED_AFTER) class="number">{lesson.stopped_after.map(number).unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {reach_csv}

            {(!questions.is_empty()).then(|| view! {
                <h3>{t(msg::TEACH_QUESTIONS_TITLE)}</h3>
                <p class="hint">{t(msg::TEACH_QUESTIONS_NOTE)}</p>
                <div class="table-wrap">
                    <table class="cards" id=id("questions")>
                        <caption>{t(msg::TEACH_QUESTIONS_CAPTION)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(msg::TEACH_QUESTION)}</th>
                                <th scope="col" class="number">{t(msg::TEACH_ANSWERED)}</th>
                                <th scope="col" class="number">{t(msg::TEACH_CORRECT)}</th>
                                <th scope="col">{t(msg::TEACH_COMMON_WRONG)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {questions.into_iter().map(|question| {
                                let wrong = question.most_chosen_wrong.map(|(html, n)| view! {
                                    <span class="answer" inner_html=html></span>
                                    " (" {number(n)} ")"
                                });
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <span class="hint"><bdi>{question.lesson_title}</bdi> " · " {question.number} "."</span>
                                            <span class="prompt" inner_html=question.prompt_html></span>
                                        </th>
                                        <td data-label=t(msg::TEACH_ANSWERED) class="number">{number(question.answered)}</td>
                                        <td data-label=t(msg::TEACH_CORRECT) class="number">{percent(question.correct, question.answered)}</td>
                                        <td data-label=t(msg::TEACH_COMMON_WRONG)>{wrong}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {questions_csv}
            })}

            <h3>{t(msg::TEACH_LEARNERS_TITLE)}</h3>
            <div class="table-wrap">
                <table class="cards" id=id("learners")>
                    <caption>{t(msg::TEACH_LEARNERS_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(msg::USERS_NAME)}</th>
                            <th scope="col">{t(msg::FIELD_USERNAME)}</th>
                            <th scope="col">{t(msg::STAT_COHORT)}</th>
                            <th scope="col">{t(msg::COHORT_PROGRESS)}</th>
                            <th scope="col">{t(msg::TEACH_LAST_ACTIVE)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {learners.into_iter().map(|learner| view! {
                            <tr>
                                <td data-label=t(msg::USERS_NAME)><bdi>{learner.display_name}</bdi></td>
                                <td data-label=t(msg::FIELD_USERNAME) dir="ltr">{learner.username}</td>
                                <td data-label=t(msg::STAT_COHORT)><bdi>{learner.cohort.unwrap_or_else(|| t(msg::STAT_NO_COHORT))}</bdi></td>
                                <td data-label=t(msg::COHORT_PROGRESS)>
                                    <ProgressBar progress=learner.progress/>
                                    {learner.completed.then(|| view! { <span class="tick">"✓\u{a0}" {t(msg::COHORT_MEMBER_COMPLETED)}</span> })}
                                </td>
                                <td data-label=t(msg::TEACH_LAST_ACTIVE)>{learner.last_active_on.map(|day| crate::format::date(&day)).unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(more_learners > 0).then(|| view! { <p class="hint">{t_with(msg::TEACH_MORE_LEARNERS, [("count", more_learners.into())])}</p> })}
            <p class="csv"><a href=csv download="">{t(msg::STAT_LEARNERS_CSV)}</a></p>
        </section>
    }
}
