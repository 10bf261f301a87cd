//! What a viewer may count, narrowed by the filters they chose: asking for
//! what one may not see is refused, not quietly narrowed.

use time::Date;

use crate::catalog::Catalog;
use crate::entities::cohort;
use crate::error::AppError;
use crate::model::{Role, StatisticsFilters, Viewer};
use crate::state::AppState;
use crate::statistics::Scope;
use sea_orm::EntityTrait;

/// The courses that list `viewer` among their instructors.
pub fn taught_courses(catalog: &Catalog, viewer: &Viewer) -> Vec<String> {
    catalog
        .courses()
        .iter()
        .filter(|course| course.instructors.contains(&viewer.username))
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

/// What `viewer` may count, narrowed by `filters`; and the message id
/// of a filter not understood (left out). Asking for what one may not
/// see is refused, not quietly narrowed.
pub async fn scope_for(
    state: &AppState,
    viewer: &Viewer,
    filters: &StatisticsFilters,
) -> Result<(Scope, Option<&'static str>), AppError> {
    let catalog = state.catalog.current();
    let mut scope = Scope::default();
    let mut problem = None;
    if let Some(course) = filled(&filters.course) {
        if catalog.course(course).is_some() {
            scope.courses = Some(vec![course.to_string()]);
        } else {
            return Err(AppError::NotFound);
        }
    }
    let cohort = match filled(&filters.cohort) {
        None => None,
        Some(text) => {
            let id = text.parse::<i64>().map_err(|_| AppError::NotFound)?;
            let found = cohort::Entity::find_by_id(id).one(&state.db.reader).await.map_err(AppError::internal)?;
            Some(found.ok_or(AppError::NotFound)?)
        }
    };
    scope.cohort = cohort.as_ref().map(|cohort| cohort.id);
    if let Some(text) = filled(&filters.organisation) {
        scope.organisation = Some(text.parse::<i64>().map_err(|_| AppError::NotFound)?);
    }
    for (text, slot) in [(&filters.from, &mut scope.enrolled_from), (&filters.to, &mut scope.enrolled_until)] {
        if let Some(text) = filled(text) {
            match parse_day(text) {
                Some(day) => *slot = Some(day),
                None => problem = Some("stat-filter-date-invalid"),
            }
        }
    }
    match viewer.role {
        Role::Learner => return Err(AppError::Forbidden),
        Role::Instructor => {
            let taught = taught_courses(&catalog, viewer);
            let allowed = |course: &str| taught.iter().any(|id| id == course);
            if scope.courses.as_ref().is_some_and(|courses| !courses.iter().all(|c| allowed(c)))
                || cohort.as_ref().is_some_and(|cohort| !allowed(&cohort.course_id))
            {
                return Err(AppError::Forbidden);
            }
            if scope.courses.is_none() {
                scope.courses = Some(taught);
            }
        }
        Role::Manager | Role::Admin => {
            if let Some(own) = crate::policy::scoped_to(viewer) {
                let other_organisation = scope.organisation.is_some_and(|asked| asked != own);
                let other_cohort = cohort.as_ref().is_some_and(|cohort| cohort.organisation_id != Some(own));
                if other_organisation || other_cohort {
                    return Err(AppError::Forbidden);
                }
                scope.organisation = Some(own);
            }
        }
    }
    Ok((scope, problem))
}
