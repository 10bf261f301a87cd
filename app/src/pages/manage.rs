//! `/manage`: the programme's statistics, narrowed by a filter form (a
//! GET form: filtering changes nothing); `/manage/courses/{course}`: one
//! course's.

use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use super::param;
use crate::components::{Layout, StatisticsView};
use crate::i18n::t;
use crate::model::DashboardPage;
use crate::server::statistics::dashboard;

fn query(name: &str) -> Option<String> {
    use_query_map().with_untracked(|query| query.get(name)).filter(|value| !value.trim().is_empty())
}

#[component]
pub fn ManagePage() -> impl IntoView {
    let (course, cohort, organisation, from, to) =
        (query("course"), query("cohort"), query("organisation"), query("from"), query("to"));
    loaded(
        dashboard(course, cohort, organisation, from, to),
        move |page| view! { <Dashboard page action="/manage".into()/> },
    )
}

#[component]
pub fn CourseStatisticsPage() -> impl IntoView {
    let course = param("course");
    let (cohort, organisation, from, to) = (query("cohort"), query("organisation"), query("from"), query("to"));
    let action = format!("/manage/courses/{course}");
    loaded(dashboard(Some(course), cohort, organisation, from, to), move |page| view! { <Dashboard page action/> })
}

#[component]
fn Dashboard(page: DashboardPage, action: String) -> impl IntoView {
    let DashboardPage {
        course_title,
        filters,
        filter_error,
        courses,
        cohorts,
        organisations,
        organisation_name,
        statistics,
    } = page;
    let on_course_page = action != "/manage";
    let heading = course_title.clone().unwrap_or_else(|| t("manage-title"));
    let learners_csv = filters.course.clone().filter(|_| on_course_page).map(|course| {
        let query = statistics.query.clone();
        format!("/manage/courses/{course}/learners.csv?{query}")
    });
    let chosen = |value: &Option<String>| value.clone().unwrap_or_default();
    let (chosen_course, chosen_cohort, chosen_organisation) =
        (chosen(&filters.course), chosen(&filters.cohort), chosen(&filters.organisation));
    view! {
        <PageTitle text=heading.clone()/>
        <Layout wide=true>
            {on_course_page.then(|| view! { <p><a href="/manage">{t("manage-title")}</a></p> })}
            <h1><bdi>{heading}</bdi></h1>
            {organisation_name.map(|name| view! { <p class="hint">{t("manage-organisation")} " " <bdi>{name}</bdi></p> })}
            <nav class="manage-links" aria-label=t("manage-tools")>
                <a href="/manage/cohorts">{t("cohorts-title")}</a>
                <a href="/manage/import">{t("import-title")}</a>
                <a href="/manage/organisations">{t("organisations-title")}</a>
            </nav>
            <form class="filters" method="get" action=action.clone() role="search" aria-label=t("stat-filters")>
                {(!on_course_page).then(|| view! {
                    <div class="field">
                        <label for="filter-course">{t("cohort-course")}</label>
                        <select id="filter-course" name="course">
                            <option value="">{t("stat-all")}</option>
                            {courses.into_iter().map(|(id, title)| {
                                let selected = id == chosen_course;
                                view! { <option value=id selected=selected>{title}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="filter-cohort">{t("stat-cohort")}</label>
                    <select id="filter-cohort" name="cohort">
                        <option value="">{t("stat-all")}</option>
                        {cohorts.into_iter().map(|(id, name)| {
                            let selected = id.to_string() == chosen_cohort;
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {(!organisations.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="filter-organisation">{t("organisation")}</label>
                        <select id="filter-organisation" name="organisation">
                            <option value="">{t("stat-all")}</option>
                            {organisations.into_iter().map(|(id, name)| {
                                let selected = id.to_string() == chosen_organisation;
                                view! { <option value=id.to_string() selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="filter-from">{t("stat-enrolled-from")}</label>
                    <input type="date" id="filter-from" name="from" dir="ltr" value=chosen(&filters.from)/>
                </div>
                <div class="field">
                    <label for="filter-to">{t("stat-enrolled-to")}</label>
                    <input type="date" id="filter-to" name="to" dir="ltr" value=chosen(&filters.to)/>
                </div>
                <button type="submit">{t("stat-apply-filters")}</button>
            </form>
            {filter_error.map(|error| view! { <p class="field-error" role="alert">{t(&error)}</p> })}
            {learners_csv.map(|href| view! {
                <p class="csv"><a href=href download="">{t("stat-learners-csv")}</a></p>
            })}
            <StatisticsView statistics/>
        </Layout>
    }
}
