//! `/manage`: the programme's statistics, narrowed by a filter form (a
//! GET form: filtering changes nothing); `/manage/courses/{course}`: one
//! course's.

use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use super::param;
use crate::api::statistics::dashboard;
use crate::components::{Layout, StatisticsView};
use crate::i18n::t;
use crate::model::DashboardPage;

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
    let heading = course_title.clone().unwrap_or_else(|| t(msg::MANAGE_TITLE));
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
            {on_course_page.then(|| view! { <p><a href="/manage">{t(msg::MANAGE_TITLE)}</a></p> })}
            <h1><bdi>{heading}</bdi></h1>
            {organisation_name.map(|name| view! { <p class="hint">{t(msg::MANAGE_ORGANISATION)} " " <bdi>{name}</bdi></p> })}
            <nav class="manage-links" aria-label=t(msg::MANAGE_TOOLS)>
                <a href="/manage/cohorts">{t(msg::COHORTS_TITLE)}</a>
                <a href="/manage/import">{t(msg::IMPORT_TITLE)}</a>
                <a href="/manage/organisations">{t(msg::ORGANISATIONS_TITLE)}</a>
            </nav>
            <form class="filters" method="get" action=action.clone() role="search" aria-label=t(msg::STAT_FILTERS)>
                {(!on_course_page).then(|| view! {
                    <div class="field">
                        <label for="filter-course">{t(msg::COHORT_COURSE)}</label>
                        <select id="filter-course" name="course">
                            <option value="">{t(msg::STAT_ALL)}</option>
                            {courses.into_iter().map(|(id, title)| {
                                let selected = id == chosen_course;
                                view! { <option value=id selected=selected>{title}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="filter-cohort">{t(msg::STAT_COHORT)}</label>
                    <select id="filter-cohort" name="cohort">
                        <option value="">{t(msg::STAT_ALL)}</option>
                        {cohorts.into_iter().map(|(id, name)| {
                            let selected = id.to_string() == chosen_cohort;
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {(!organisations.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="filter-organisation">{t(msg::ORGANISATION)}</label>
                        <select id="filter-organisation" name="organisation">
                            <option value="">{t(msg::STAT_ALL)}</option>
                            {organisations.into_iter().map(|(id, name)| {
                                let selected = id.to_string() == chosen_organisation;
                                view! { <option value=id.to_string() selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="filter-from">{t(msg::STAT_ENROLLED_FROM)}</label>
                    <input type="date" id="filter-from" name="from" dir="ltr" value=chosen(&filters.from)/>
                </div>
                <div class="field">
                    <label for="filter-to">{t(msg::STAT_ENROLLED_TO)}</label>
                    <input type="date" id="filter-to" name="to" dir="ltr" value=chosen(&filters.to)/>
                </div>
                <button type="submit">{t(msg::STAT_APPLY_FILTERS)}</button>
            </form>
            {filter_error.map(|error| view! { <p class="field-error" role="alert">{t(&error)}</p> })}
            {learners_csv.map(|href| view! {
                <p class="csv"><a href=href download="">{t(msg::STAT_LEARNERS_CSV)}</a></p>
            })}
            <StatisticsView statistics/>
        </Layout>
    }
}
