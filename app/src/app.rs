//! The HTML shell and the routes.

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::pages::{
    AccountPage, AuditPage, CataloguePage, CertificatePage, CohortDetailPage, CohortsListPage, CoursePage,
    CourseStatisticsPage, ImportPage, ImportReportPage, JoinPage, LessonPage, LoginPage, ManagePage, MyCoursesPage,
    NotFoundPage, OfflinePage, OrganisationsListPage, PartnersPage, RegisterPage, ResetPage, StudioCoursePage,
    StudioEditorPage, StudioHistoryPage, StudioHomePage, StudioPreviewPage, TeachingPage, UsersAdminPage, VerifyPage,
    WelcomePage,
};

/// The whole document. Pages without islands are plain HTML and CSS; a
/// signed-in person's pages (and the copies saved on a phone) also load
/// the offline script, which no visitor's page carries. A page with an
/// island will add `HydrationScripts`.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let language = crate::i18n::use_language();
    view! {
        <!DOCTYPE html>
        <html lang=language.code() dir=language.direction().html_dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="stylesheet" href=stylesheet_href()/>
                // No icon to fetch: saves a request on every first visit.
                <link rel="icon" href="data:,"/>
                <OfflineScript/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The offline script (saving courses, the outbox, the service worker)
/// with its messages in the reader's language, for the people who can
/// learn offline: someone signed in, or the copy saved on their phone.
#[component]
fn OfflineScript() -> impl IntoView {
    let viewer = use_context::<crate::model::Viewer>();
    let saved = use_context::<crate::model::SavedCopy>().is_some();
    (viewer.is_some() || saved).then(|| {
        let language = crate::i18n::use_language();
        // Who the page is for; a saved copy is nobody's (the phone knows).
        // A page made for every learner in one place leaves a hole.
        let hole = use_context::<crate::lesson_text::ReaderHoles>().map(|holes| holes.user);
        let user = viewer.map(|viewer| hole.unwrap_or_else(|| viewer.id.to_string()));
        view! {
            <script type="application/json" id="offline-text" inner_html=offline_messages(language)></script>
            <script src=offline_script_href() defer data-user=user></script>
        }
    })
}

#[cfg(feature = "ssr")]
fn offline_script_href() -> &'static str {
    crate::offline::script::OFFLINE_SCRIPT.href()
}

#[cfg(not(feature = "ssr"))]
fn offline_script_href() -> &'static str {
    ""
}

#[cfg(feature = "ssr")]
fn offline_messages(language: crate::language::Language) -> &'static str {
    crate::offline::script::messages(language)
}

#[cfg(not(feature = "ssr"))]
fn offline_messages(_: crate::language::Language) -> &'static str {
    "{}"
}

#[cfg(feature = "ssr")]
fn stylesheet_href() -> &'static str {
    crate::stylesheet::STYLESHEET.href()
}

#[cfg(not(feature = "ssr"))]
fn stylesheet_href() -> &'static str {
    ""
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Pages are rendered whole before they are sent (`SsrMode::Async`):
    // streaming out of order needs JavaScript to put the pieces in place,
    // and the right status code (404) must be known before the first byte.
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=CataloguePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/welcome") view=WelcomePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/partners") view=PartnersPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=UsersAdminPage ssr=SsrMode::Async/>
                <Route path=path!("/my") view=MyCoursesPage ssr=SsrMode::Async/>
                <Route path=path!("/my/certificates/:course") view=CertificatePage ssr=SsrMode::Async/>
                <Route path=path!("/verify/:code") view=VerifyPage ssr=SsrMode::Async/>
                <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async/>
                <Route path=path!("/join/:code") view=JoinPage ssr=SsrMode::Async/>
                <Route path=path!("/manage") view=ManagePage ssr=SsrMode::Async/>
                <Route path=path!("/manage/courses/:course") view=CourseStatisticsPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/import") view=ImportPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/import/:id") view=ImportReportPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/organisations") view=OrganisationsListPage ssr=SsrMode::Async/>
                <Route path=path!("/teach") view=TeachingPage ssr=SsrMode::Async/>
                <Route path=path!("/studio") view=StudioHomePage ssr=SsrMode::Async/>
                <Route path=path!("/studio/:course") view=StudioCoursePage ssr=SsrMode::Async/>
                <Route path=path!("/studio/:course/edit") view=StudioEditorPage ssr=SsrMode::Async/>
                <Route path=path!("/studio/:course/history") view=StudioHistoryPage ssr=SsrMode::Async/>
                <Route path=path!("/studio/:course/preview/:lesson") view=StudioPreviewPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/cohorts") view=CohortsListPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/cohorts/:id") view=CohortDetailPage ssr=SsrMode::Async/>
                <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async/>
                <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async/>
                <Route path=path!("/reset") view=ResetPage ssr=SsrMode::Async/>
                <Route path=path!("/reset/:code") view=ResetPage ssr=SsrMode::Async/>
                <Route path=path!("/courses/:course") view=CoursePage ssr=SsrMode::Async/>
                <Route path=path!("/courses/:course/:lesson") view=LessonPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
