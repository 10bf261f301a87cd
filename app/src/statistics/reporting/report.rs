//! Every table of a scope's statistics, and the dashboard around them.

use crate::msg;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use time::OffsetDateTime;

use super::scope::{Filters, filled, scope_for};
use super::{QUERY_VALUE, funnel};
use crate::entities::{cohort, organisation};
use crate::error::AppError;
use crate::language::Language;
use crate::model::{
    Breakdown, BreakdownRow, DashboardPage, FunnelRow, ProfileQuestion, Statistics, StatisticsFilters, Viewer,
};
use crate::state::AppState;
use crate::statistics::{Counts, GroupKey, Grouping, Scope};

/// The query string of a scope, for links to CSV downloads.
fn query_string(filters: &StatisticsFilters) -> String {
    let pairs = [
        ("course", &filters.course),
        ("cohort", &filters.cohort),
        ("organisation", &filters.organisation),
        ("from", &filters.from),
        ("to", &filters.to),
    ];
    pairs
        .iter()
        .filter_map(|(name, value)| {
            filled(value).map(|value| format!("{name}={}", percent_encoding::utf8_percent_encode(value, QUERY_VALUE)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Every table of a scope's statistics: computed in the database, then
/// labelled and, for breakdowns, suppressed.
pub async fn statistics(
    state: &AppState,
    scope: &Scope,
    filters: &StatisticsFilters,
    reader_language: Language,
) -> Result<Statistics, AppError> {
    // Counting may lag a moment behind: it can read a replica.
    let reader_db = &state.db.reports;
    let now = OffsetDateTime::now_utc();
    let catalog = state.catalog.current();
    let one_course = scope.courses.as_ref().is_some_and(|courses| courses.len() == 1);
    let internal = AppError::internal;
    // Three independent queries, at once on the read pool; every table
    // is then a sum over the cube.
    let (cells, people, times) = tokio::try_join!(
        crate::statistics::cube(reader_db, scope, now),
        crate::statistics::people_unless_one_course(reader_db, scope, now),
        crate::statistics::completion_times(reader_db, scope),
    )
    .map_err(internal)?;
    let people = crate::statistics::people_or_cube(people, &cells);
    let fold = |grouping: Grouping| crate::statistics::fold(&cells, grouping, people);
    let total = fold(Grouping::Total);
    let course_rows = if one_course { Vec::new() } else { fold(Grouping::Course) };
    let cohort_rows = if scope.cohort.is_some() { Vec::new() } else { fold(Grouping::Cohort) };
    let median_of = |keep: &dyn Fn(&crate::statistics::CompletionTime) -> bool| {
        let mut days: Vec<f64> = times.iter().filter(|time| keep(time)).map(|time| time.days).collect();
        crate::statistics::median(&mut days)
    };
    let total_funnel = funnel(total.first().map(|(_, counts)| *counts).unwrap_or_default(), median_of(&|_| true));

    let mut by_course = Vec::new();
    if !one_course {
        let counts_of: HashMap<String, Counts> = course_rows
            .into_iter()
            .filter_map(|(key, counts)| match key {
                GroupKey::Course(id) => Some((id, counts)),
                _ => None,
            })
            .collect();
        // Courses in catalogue order, then any no longer offered.
        for course in catalog.courses() {
            if scope.courses.as_ref().is_some_and(|only| !only.contains(&course.id)) {
                continue;
            }
            let counts = counts_of.get(&course.id).copied().unwrap_or_default();
            by_course.push(FunnelRow {
                label: course.card(reader_language).title,
                link: Some(format!("/manage/courses/{}", course.id)),
                funnel: funnel(counts, median_of(&|time| time.course_id == course.id)),
            });
        }
        for (id, counts) in counts_of.iter().filter(|(id, _)| catalog.course(id).is_none()) {
            by_course.push(FunnelRow {
                label: id.clone(),
                link: None,
                funnel: funnel(*counts, median_of(&|time| &time.course_id == id)),
            });
        }
    }

    let mut by_cohort = Vec::new();
    if scope.cohort.is_none() {
        let rows = cohort_rows;
        let ids: Vec<i64> = rows
            .iter()
            .filter_map(|(key, _)| match key {
                GroupKey::Cohort(id) => *id,
                _ => None,
            })
            .collect();
        let cohorts = cohort::Entity::find()
            .filter(cohort::Column::Id.is_in(ids))
            .order_by_asc(cohort::Column::Name)
            .all(reader_db)
            .await
            .map_err(internal)?;
        let counts_of = |id: Option<i64>| {
            rows.iter().find(|(key, _)| *key == GroupKey::Cohort(id)).map(|(_, counts)| *counts).unwrap_or_default()
        };
        for cohort in &cohorts {
            by_cohort.push(FunnelRow {
                label: cohort.name.clone(),
                link: Some(format!("/manage/cohorts/{}", cohort.id)),
                funnel: funnel(counts_of(Some(cohort.id)), median_of(&|time| time.cohort_id == Some(cohort.id))),
            });
        }
        let alone = counts_of(None);
        if alone.enrolled > 0 {
            by_cohort.push(FunnelRow {
                label: crate::i18n::translate(reader_language, msg::STAT_NO_COHORT, None),
                link: None,
                funnel: funnel(alone, median_of(&|time| time.cohort_id.is_none())),
            });
        }
    }

    // Breakdowns never for a date range: ranges are countless, and two
    // of them differenced would single people out (see suppression).
    let dated = scope.enrolled_from.is_some() || scope.enrolled_until.is_some();
    let (breakdowns, breakdowns_withheld) = if dated {
        (Vec::new(), Some(msg::STAT_BREAKDOWNS_DATED.to_string()))
    } else {
        let threshold = state.small_group_threshold;
        (ProfileQuestion::ALL.into_iter().map(|question| breakdown(question, &cells, threshold)).collect(), None)
    };

    Ok(Statistics {
        total: total_funnel,
        by_course,
        by_cohort,
        breakdowns,
        breakdowns_withheld,
        threshold: state.small_group_threshold,
        query: query_string(filters),
    })
}

/// Every answer the question offers (even with nobody), then "not
/// stated": each figure the sum over the cohorts in scope whose
/// breakdown suppression shows (see `statistics::suppression`); the
/// cohorts left out are counted. With every cohort left out, nothing
/// is shown.
fn breakdown(question: ProfileQuestion, cells: &[crate::statistics::Cell], threshold: u64) -> Breakdown {
    use std::collections::BTreeMap;
    let index = ProfileQuestion::ALL.iter().position(|asked| *asked == question).unwrap_or(0);
    let answers: Vec<Option<String>> =
        question.choices().iter().map(|choice| Some(choice.to_string())).chain(std::iter::once(None)).collect();
    let mut cohorts: BTreeMap<crate::statistics::Row, BTreeMap<Option<String>, Counts>> = BTreeMap::new();
    for cell in cells {
        let row = cohorts.entry((cell.course_id.clone(), cell.cohort_id)).or_default();
        for answer in &answers {
            row.entry(answer.clone()).or_default();
        }
        *row.entry(cell.answers[index].clone()).or_default() += cell.counts;
    }
    let sizes: BTreeMap<crate::statistics::Row, BTreeMap<Option<String>, crate::statistics::AnswerCounts>> = cohorts
        .iter()
        .map(|(row, cells)| {
            let counts = |c: &Counts| crate::statistics::AnswerCounts { enrolled: c.enrolled, completed: c.completed };
            (row.clone(), cells.iter().map(|(answer, c)| (answer.clone(), counts(c))).collect())
        })
        .collect();
    let hidden = crate::statistics::hidden_rows(&sizes, threshold);
    let (mut left_out_cohorts, mut left_out_enrolments) = (0, 0);
    let mut shown: BTreeMap<Option<String>, Counts> = BTreeMap::new();
    for (row, cells) in &cohorts {
        if hidden.contains(row) {
            left_out_cohorts += 1;
            left_out_enrolments += cells.values().map(|counts| counts.enrolled).sum::<u64>();
            continue;
        }
        for (answer, counts) in cells {
            *shown.entry(answer.clone()).or_default() += *counts;
        }
    }
    let any_shown = hidden.len() < cohorts.len();
    let rows = answers
        .into_iter()
        .map(|answer| {
            let counts = shown.get(&answer).copied().unwrap_or_default();
            let figure = |n: u64| any_shown.then_some(n);
            BreakdownRow {
                enrolled: figure(counts.enrolled),
                completed: figure(counts.completed),
                partial: any_shown && left_out_cohorts > 0,
                answer,
            }
        })
        .collect();
    Breakdown { question, rows, left_out_cohorts, left_out_enrolments }
}

/// The dashboard: statistics and the choices its filters offer the viewer.
pub async fn dashboard_page(
    state: &AppState,
    viewer: &Viewer,
    filters: StatisticsFilters,
    reader_language: Language,
) -> Result<DashboardPage, AppError> {
    if !crate::policy::may_see_breakdowns(viewer) {
        return Err(AppError::Forbidden);
    }
    let (typed, filter_error) = Filters::read(&filters)?;
    let scope = scope_for(state, viewer, &typed).await?;
    let statistics = statistics(state, &scope, &filters, reader_language).await?;
    let catalog = state.catalog.current();
    let own = crate::policy::scoped_to(viewer);
    let mut cohorts = cohort::Entity::find().order_by_asc(cohort::Column::Name);
    if let Some(own) = own {
        cohorts = cohorts.filter(cohort::Column::OrganisationId.eq(own));
    }
    let cohorts = cohorts.all(&state.db.reader).await.map_err(AppError::internal)?;
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&state.db.reader)
        .await
        .map_err(AppError::internal)?;
    let course_title = filled(&filters.course).and_then(|id| catalog.course(id)).map(|c| c.card(reader_language).title);
    Ok(DashboardPage {
        course_title,
        filter_error: filter_error.map(str::to_string),
        courses: catalog
            .courses()
            .iter()
            .map(|course| (course.id.clone(), course.card(reader_language).title))
            .collect(),
        cohorts: cohorts.into_iter().map(|cohort| (cohort.id, cohort.name)).collect(),
        organisation_name: own
            .and_then(|own| organisations.iter().find(|o| o.id == own))
            .map(|organisation| organisation.name.clone()),
        organisations: if own.is_some() {
            Vec::new()
        } else {
            organisations.into_iter().map(|organisation| (organisation.id, organisation.name)).collect()
        },
        filters,
        statistics,
    })
}
