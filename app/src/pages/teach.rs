//! `/teach`: an instructor's courses: how far learners get, where they
//! stop, how each quiz question goes, and each learner's progress.

use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::components::{Layout, ProgressBar, number, percent};
use crate::i18n::{t, t_with};
use crate::model::{TaughtCourse, TeachPage};
use crate::server::statistics::teach;

#[component]
pub fn TeachingPage() -> impl IntoView {
    loaded(teach(), move |page| view! { <Teaching page/> })
}

#[component]
fn Teaching(page: TeachPage) -> impl IntoView {
    let empty = page.courses.is_empty();
    view! {
        <PageTitle text=t("teach-title")/>
        <Layout wide=true>
            <h1>{t("teach-title")}</h1>
            <p><a href="/manage/cohorts">{t("cohorts-title")}</a></p>
            {empty.then(|| view! { <p>{t("teach-none")}</p> })}
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
        view! { <p class="csv"><a href=href download="">{t("stat-download-csv")}</a></p> }
    };
    let (reach_csv, questions_csv) = (table_csv("reach"), table_csv("questions"));
    view! {
        <section class="taught" aria-labelledby=id("heading")>
            <h2 id=id("heading")><bdi>{title}</bdi></h2>
            <dl class="figures">
                <div><dt>{t("stat-enrolled")}</dt><dd>{number(funnel.enrolled)}</dd></div>
                <div><dt>{t("stat-started")}</dt><dd>{number(funnel.started)} " (" {percent(funnel.started, enrolled)} ")"</dd></div>
                <div><dt>{t("stat-completed")}</dt><dd>{number(funnel.completed)} " (" {percent(funnel.completed, enrolled)} ")"</dd></div>
                <div><dt>{t("stat-certified")}</dt><dd>{number(funnel.certified)}</dd></div>
                <div><dt>{t("stat-active-7")}</dt><dd>{number(funnel.active_7_days)}</dd></div>
            </dl>

            <h3 id=id("stops")>{t("teach-stops-title")}</h3>
            {match most_stop_after {
                Some(lesson) => view! { <p class="stop-note">{t_with("teach-most-stop", [("lesson", lesson.into())])}</p> }.into_any(),
                None => view! { <p class="hint">{t("teach-no-stops")}</p> }.into_any(),
            }}
            <div class="table-wrap" tabindex="0">
                <table id=id("reach")>
                    <caption>{t("teach-reach-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("teach-lesson")}</th>
                            <th scope="col" class="number">{t("teach-completed-lesson")}</th>
                            <th scope="col" class="number">{t("teach-stopped-after")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {reach.into_iter().map(|lesson| view! {
                            <tr>
                                <th scope="row"><bdi>{lesson.title}</bdi></th>
                                <td class="number">{number(lesson.completed)}</td>
                                <td class="number">{lesson.stopped_after.map(number).unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {reach_csv}

            {(!questions.is_empty()).then(|| view! {
                <h3>{t("teach-questions-title")}</h3>
                <p class="hint">{t("teach-questions-note")}</p>
                <div class="table-wrap" tabindex="0">
                    <table id=id("questions")>
                        <caption>{t("teach-questions-caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("teach-question")}</th>
                                <th scope="col" class="number">{t("teach-answered")}</th>
                                <th scope="col" class="number">{t("teach-correct")}</th>
                                <th scope="col">{t("teach-common-wrong")}</th>
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
                                        <td class="number">{number(question.answered)}</td>
                                        <td class="number">{percent(question.correct, question.answered)}</td>
                                        <td>{wrong}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {questions_csv}
            })}

            <h3>{t("teach-learners-title")}</h3>
            <div class="table-wrap" tabindex="0">
                <table id=id("learners")>
                    <caption>{t("teach-learners-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("users-name")}</th>
                            <th scope="col">{t("field-username")}</th>
                            <th scope="col">{t("stat-cohort")}</th>
                            <th scope="col">{t("cohort-progress")}</th>
                            <th scope="col">{t("teach-last-active")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {learners.into_iter().map(|learner| view! {
                            <tr>
                                <td><bdi>{learner.display_name}</bdi></td>
                                <td dir="ltr">{learner.username}</td>
                                <td><bdi>{learner.cohort.unwrap_or_else(|| t("stat-no-cohort"))}</bdi></td>
                                <td>
                                    <ProgressBar progress=learner.progress/>
                                    {learner.completed.then(|| view! { <span class="tick">"✓ " {t("cohort-member-completed")}</span> })}
                                </td>
                                <td dir="ltr">{learner.last_active_on.unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(more_learners > 0).then(|| view! { <p class="hint">{t_with("teach-more-learners", [("count", more_learners.into())])}</p> })}
            <p class="csv"><a href=csv download="">{t("stat-learners-csv")}</a></p>
        </section>
    }
}
