//! What a viewer may count, narrowed by the filters they chose: asking for
//! what one may not see is refused, not quietly narrowed.

use crate::msg;
use time::Date;

use crate::catalog::Catalog;
use crate::entities::cohort;
use crate::error::AppError;
use crate::model::{StatisticsFilters, Viewer};
use crate::policy::{self, Counting};
use crate::state::AppState;
use crate::statistics::Scope;
use sea_orm::EntityTrait;

/// The courses that list `viewer` among their instructors.
pub fn taught_courses(catalog: &Catalog, viewer: &Viewer) -> Vec<String> {
    catalog
        .courses()
        .iter()
        .filter(|course| policy::teaches(viewer, &course.instructors))
        .map(|course| course.id.clone())
        .collect()
}

pub(super) fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|value| !value.is_empty())
}

/// A day as a filter gives it; years outside 2000–2200 are not dates
/// anyone enrolled on (and the day after 9999-12-31 does not exist).
fn parse_day(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &format).ok().filter(|day| (2000..=2200).contains(&day.year()))
}

/// The filters as typed, read once where the request arrives: every
/// field is what it names, or absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub course: Option<String>,
    pub cohort: Option<i64>,
    pub organisation: Option<i64>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Filters {
    /// The filters of a request; a cohort or organisation that is not a
    /// number names nothing (not found), a date not understood is left out
    /// and its message id returned.
    pub fn read(typed: &StatisticsFilters) -> Result<(Filters, Option<&'static str>), AppError> {
        let id = |value: &Option<String>| -> Result<Option<i64>, AppError> {
            filled(value).map(|text| text.parse::<i64>().map_err(|_| AppError::NotFound)).transpose()
        };
        let mut problem = None;
        let mut day = |value: &Option<String>| {
            let text = filled(value)?;
            let parsed = parse_day(text);
            if parsed.is_none() {
                problem = Some(msg::STAT_FILTER_DATE_INVALID);
            }
            parsed
        };
        let filters = Filters {
            course: filled(&typed.course).map(str::to_string),
            cohort: id(&typed.cohort)?,
            organisation: id(&typed.organisation)?,
            from: day(&typed.from),
            to: day(&typed.to),
        };
        Ok((filters, problem))
    }

    /// Only this cohort.
    pub fn cohort(id: i64) -> Filters {
        Filters { cohort: Some(id), ..Filters::default() }
    }
}

/// What `viewer` may count, narrowed by `filters`. Asking for what one may
/// not see is refused, not quietly narrowed.
pub async fn scope_for(state: &AppState, viewer: &Viewer, filters: &Filters) -> Result<Scope, AppError> {
    let catalog = state.catalog.current();
    let mut scope = Scope::default();
    if let Some(course) = &filters.course {
        if catalog.course(course).is_some() {
            scope.courses = Some(vec![course.clone()]);
        } else {
            return Err(AppError::NotFound);
        }
    }
    let cohort = match filters.cohort {
        None => None,
        Some(id) => Some(cohort::Entity::find_by_id(id).one(&state.db.reader).await?.ok_or(AppError::NotFound)?),
    };
    scope.cohort = cohort.as_ref().map(|cohort| cohort.id);
    scope.organisation = filters.organisation;
    scope.enrolled_from = filters.from;
    scope.enrolled_until = filters.to;
    let taught = taught_courses(&catalog, viewer);
    let asked = policy::CountingAsked {
        courses: scope.courses.as_deref(),
        cohort: cohort.as_ref().map(|cohort| (cohort.course_id.as_str(), cohort.organisation_id)),
        organisation: scope.organisation,
    };
    match policy::may_count(viewer, asked, &taught).ok_or(AppError::Forbidden)? {
        Counting::AsAsked => {}
        Counting::TaughtCourses => {
            if scope.courses.is_none() {
                scope.courses = Some(taught);
            }
        }
        Counting::Organisation(own) => scope.organisation = Some(own),
    }
    Ok(scope)
}
