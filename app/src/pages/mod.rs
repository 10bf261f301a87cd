mod account;
mod audit;
mod catalogue;
mod certificate;
mod cohorts;
mod course;
mod import;
mod join;
mod lesson;
mod login;
mod manage;
mod my;
mod not_found;
mod offline;
mod organisations;
mod partners;
mod register;
mod reset;
mod staff_problems;
mod studio;
mod teach;
mod users;
mod welcome;

pub use account::AccountPage;
pub use audit::AuditPage;
pub use catalogue::CataloguePage;
pub use certificate::{CertificatePage, VerifyPage};
pub use cohorts::{CohortDetailPage, CohortsListPage};
pub use course::CoursePage;
pub use import::{ImportPage, ImportReportPage};
pub use join::JoinPage;
pub use lesson::LessonPage;
pub use login::LoginPage;
pub use manage::{CourseStatisticsPage, ManagePage};
pub use my::MyCoursesPage;
pub use not_found::NotFoundPage;
pub use offline::OfflinePage;
pub use organisations::OrganisationsListPage;
pub use partners::PartnersPage;
pub use register::RegisterPage;
pub use reset::ResetPage;
pub use studio::{StudioCoursePage, StudioEditorPage, StudioHistoryPage, StudioHomePage, StudioPreviewPage};
pub use teach::TeachingPage;
pub use users::UsersAdminPage;
pub use welcome::WelcomePage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route parameter, empty when absent.
fn param(name: &str) -> String {
    use_params_map().with_untracked(|params| params.get(name).unwrap_or_default())
}
