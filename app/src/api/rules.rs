//! Who may call each server function, in one table keyed by the server
//! functions themselves; every server function goes through [`authorize`]
//! (or [`signed_in`]) first. Forms name their action the same way
//! ([`action_of`]), so an endpoint is spelled once, in its `#[server]`.

use leptos::server_fn::ServerFn;

#[cfg(feature = "ssr")]
use super::{accounts, admin, catalog, certificates, imports, learning, organisations, statistics, studio};
#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::model::{Role, Viewer};
#[cfg(feature = "ssr")]
use crate::policy::{self, Rule};

/// The address of server function `F`, for a form's `action`.
pub const fn action_of<F: ServerFn>() -> &'static str {
    F::PATH
}

/// Every server function and who may call it. A server function without a
/// line here refuses everyone (and a test fails), so a new one cannot be
/// forgotten.
#[cfg(feature = "ssr")]
pub const SERVER_FUNCTIONS: &[(&str, Rule)] = &[
    (action_of::<catalog::ListCourses>(), Rule::Anyone),
    (action_of::<catalog::ReadCourse>(), Rule::Anyone),
    (action_of::<catalog::ReadLesson>(), Rule::Anyone),
    (action_of::<accounts::Register>(), Rule::Anyone),
    (action_of::<accounts::Login>(), Rule::Anyone),
    (action_of::<accounts::Logout>(), Rule::Anyone),
    (action_of::<accounts::SaveLanguage>(), Rule::SignedIn),
    (action_of::<accounts::ChangePassword>(), Rule::SignedIn),
    (action_of::<accounts::DeleteAccount>(), Rule::SignedIn),
    (action_of::<accounts::SaveProfile>(), Rule::SignedIn),
    (action_of::<accounts::WithdrawConsent>(), Rule::SignedIn),
    (action_of::<accounts::MyProfile>(), Rule::SignedIn),
    (action_of::<accounts::RedeemResetCode>(), Rule::Anyone),
    (action_of::<admin::UsersPage>(), policy::ACCOUNTS),
    // Instructors for the learners of their cohorts, managers for learners
    // and instructors, administrators for anyone: checked inside.
    (action_of::<admin::IssueResetCode>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<admin::ChangeRole>(), policy::ADMINISTRATORS),
    (action_of::<admin::ReadAuditLog>(), policy::ADMINISTRATORS),
    // The learner's own enrolments, progress and attempts: always the
    // signed-in person's, never anyone else's.
    (action_of::<learning::Enrol>(), Rule::SignedIn),
    (action_of::<learning::Unenrol>(), Rule::SignedIn),
    (action_of::<learning::CompleteLesson>(), Rule::SignedIn),
    (action_of::<learning::SubmitQuiz>(), Rule::SignedIn),
    (action_of::<learning::MyCourses>(), Rule::SignedIn),
    (action_of::<learning::JoinCohort>(), Rule::SignedIn),
    // Instructors see the cohorts of the courses that list them (checked inside).
    (action_of::<learning::Cohorts>(), policy::COHORTS),
    (action_of::<learning::Cohort>(), policy::COHORTS),
    (action_of::<learning::CreateCohort>(), Rule::AtLeast(Role::Manager)),
    (action_of::<certificates::MyCertificate>(), Rule::SignedIn),
    (action_of::<certificates::VerifyCertificate>(), Rule::Anyone),
    (action_of::<certificates::RevokeCertificate>(), Rule::AtLeast(Role::Manager)),
    // Managers of one organisation see only its cohorts (narrowed inside).
    (action_of::<statistics::Dashboard>(), policy::PROGRAMME_STATISTICS),
    // Instructors see the courses that list them, and only those.
    (action_of::<statistics::Teach>(), policy::TEACHING),
    // Each manager's own files (administrators': anyone's), checked inside.
    (action_of::<imports::ListImports>(), Rule::AtLeast(Role::Manager)),
    (action_of::<imports::CheckImport>(), Rule::AtLeast(Role::Manager)),
    (action_of::<imports::ApplyImport>(), Rule::AtLeast(Role::Manager)),
    (action_of::<imports::ForgetImportCodes>(), Rule::AtLeast(Role::Manager)),
    // Programme-wide managers create organisations (checked inside);
    // administrators scope managers to them.
    (action_of::<organisations::Organisations>(), Rule::AtLeast(Role::Manager)),
    (action_of::<organisations::CreateOrganisation>(), Rule::AtLeast(Role::Manager)),
    (action_of::<organisations::AssignOrganisation>(), Rule::AtLeast(Role::Admin)),
    // The studio: instructors and administrators; each course's drafts
    // only for the instructors it names and administrators (checked inside,
    // `policy::may_author`), reviews never by the proposer.
    (action_of::<studio::StudioHomePage>(), policy::STUDIO),
    (action_of::<studio::CreateStudioCourse>(), policy::RUNNING_STUDIO),
    (action_of::<studio::StudioCoursePage>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::StudioEditorPage>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::SaveStudioFile>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::SaveStudioSettings>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::AddStudioPart>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::MoveStudioLesson>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::RemoveStudioFile>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::PublishStudioCourse>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::ProposeStudioDraft>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::ReviewStudioDraft>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::StudioHistoryPage>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::RestoreStudioVersion>(), Rule::AtLeast(Role::Instructor)),
    (action_of::<studio::ManageStudioCourse>(), policy::RUNNING_STUDIO),
    (action_of::<studio::TakeIntoStudio>(), policy::RUNNING_STUDIO),
    (action_of::<studio::PreviewStudioLesson>(), Rule::AtLeast(Role::Instructor)),
];

/// The person calling server function `F`, if its rule allows them.
#[cfg(feature = "ssr")]
pub async fn authorize<F: ServerFn>() -> Result<Option<Viewer>, AppError> {
    let Some(&(_, rule)) = SERVER_FUNCTIONS.iter().find(|(known, _)| *known == F::PATH) else {
        tracing::error!(path = F::PATH, "server function without an authorisation rule refused");
        return Err(AppError::Forbidden);
    };
    crate::auth::check(rule).await
}

/// The signed-in person calling server function `F` (whose rule needs one).
#[cfg(feature = "ssr")]
pub async fn signed_in<F: ServerFn>() -> Result<Viewer, AppError> {
    authorize::<F>().await?.ok_or(AppError::Unauthorized)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_server_function_has_an_authorisation_rule() {
        let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path).collect();
        assert!(registered.len() >= 7, "found only {registered:?}");
        for path in &registered {
            assert!(
                SERVER_FUNCTIONS.iter().any(|(known, _)| known == path),
                "server function {path} has no line in api::rules::SERVER_FUNCTIONS"
            );
        }
        for (known, _) in SERVER_FUNCTIONS {
            assert!(registered.contains(known), "{known} is in the table but no server function has that path");
        }
    }
}
