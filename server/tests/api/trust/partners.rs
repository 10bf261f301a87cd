//! Partner organisations kept apart: a scoped manager cannot take over,
//! reset or revoke for another organisation's learners.

use app::entities::{certificate, cohort, enrolment, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::join;
use crate::helpers::{
    BACKENDS, Backend, TestApp, call, cookie_pair, page_with, post_form, set_cookie, signed_in_as, spawn_app,
};
use crate::learning::COURSE;
use crate::statistics::{register, upload};

/// Two partner organisations, each with a scoped manager and a cohort of
/// the course, an administrator and a programme-wide manager.
struct TwoPartners {
    admin: String,
    programme: String,
    manager_a: String,
    manager_b: String,
    cohort_a: cohort::Model,
    cohort_b: cohort::Model,
}

async fn two_partners(app: &TestApp) -> TwoPartners {
    use crate::statistics::new_cohort;
    let admin = signed_in_as(app, "root", "admin").await;
    let programme = signed_in_as(app, "programme", "manager").await;
    let mut ids = Vec::new();
    for name in ["Lahore Centre", "Tashkent Hub"] {
        let body = format!("name={}", name.replace(' ', "+"));
        post_form(app, "/api/create_organisation", "/manage/organisations", &body, Some(&admin)).await;
        let found = app::entities::organisation::Entity::find()
            .filter(app::entities::organisation::Column::Name.eq(name))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .unwrap();
        ids.push(found.id);
    }
    let mut managers = Vec::new();
    for (username, organisation) in [("manager-a", ids[0]), ("manager-b", ids[1])] {
        signed_in_as(app, username, "manager").await;
        let body = format!("username={username}&organisation={organisation}");
        post_form(app, "/api/assign_organisation", "/manage/organisations", &body, Some(&admin)).await;
        // Signed in again: the scope is read with every request anyway.
        let login = format!("username={username}&password=river+mango+lantern");
        let response = post_form(app, "/api/login", "/login", &login, None).await;
        managers.push(cookie_pair(&set_cookie(&response).unwrap()));
    }
    let cohort_a = new_cohort(app, &admin, COURSE, "Lahore-evening", Some(ids[0])).await;
    let cohort_b = new_cohort(app, &admin, COURSE, "Tashkent-morning", Some(ids[1])).await;
    let [manager_a, manager_b] = managers.try_into().unwrap();
    TwoPartners { admin, programme, manager_a, manager_b, cohort_a, cohort_b }
}

async fn cohort_of(app: &TestApp, username: &str) -> Option<i64> {
    let user = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(&app.state.db.reader)
        .await
        .unwrap()
        .unwrap();
    enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user.id))
        .filter(enrolment::Column::CourseId.eq(COURSE))
        .one(&app.state.db.reader)
        .await
        .unwrap()
        .and_then(|enrolment| enrolment.cohort_id)
}

#[tokio::test]
async fn a_scoped_manager_cannot_take_over_another_organisations_learner_by_bulk_enrolment() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let partners = two_partners(&app).await;
        let victim = register(&app, "victim", "Victim of B").await;
        join(&app, &victim, &partners.cohort_b).await;
        let own = register(&app, "ours", "Learner of A").await;
        join(&app, &own, &partners.cohort_a).await;

        // Manager A names B's learner, an administrator and A's own learner
        // with one of A's cohort codes.
        let code = app::codes::grouped(&partners.cohort_a.code);
        let file = format!("name,username,cohort\nVictim,victim,{code}\nRoot,root,{code}\nOurs,ours,{code}\n");
        let report = upload(&app, &partners.manager_a, file.into_bytes()).await;
        let page = page_with(&app, &format!("{report}?lang=en"), &partners.manager_a).await;
        assert!(page.contains("does not look after"), "{backend:?}: B's learner is refused in the dry run");
        assert_eq!(page.matches("does not look after").count(), 2, "{backend:?}: the administrator too, as a stranger");
        assert!(!page.contains("staff account"), "{backend:?}: the dry run does not tell who is staff");
        let id = report.trim_start_matches("/manage/import/");
        post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&partners.manager_a)).await;

        assert_eq!(cohort_of(&app, "victim").await, Some(partners.cohort_b.id), "{backend:?}: still B's");
        assert_eq!(cohort_of(&app, "ours").await, Some(partners.cohort_a.id));
        let enrolled_root = cohort_of_any(&app, "root").await;
        assert!(!enrolled_root, "{backend:?}: the administrator was not touched");
        let refused = call(&app, "/api/issue_reset_code", "username=victim", Some(&partners.manager_a)).await;
        assert_eq!(refused, 403, "{backend:?}: no reset code for B's learner");
        let allowed = call(&app, "/api/issue_reset_code", "username=victim", Some(&partners.manager_b)).await;
        assert!(allowed < 400, "{backend:?}: B looks after its own learner");

        // A learner both organisations have is neither's alone: no codes
        // from either scoped manager, and neither lists them.
        join_second(&app, &victim, &partners).await;
        for manager in [&partners.manager_a, &partners.manager_b] {
            assert_eq!(call(&app, "/api/issue_reset_code", "username=victim", Some(manager)).await, 403);
            assert!(!page_with(&app, "/admin/users?q=victim", manager).await.contains(">victim<"));
        }
        assert!(call(&app, "/api/issue_reset_code", "username=victim", Some(&partners.programme)).await < 400);
    }
}

/// The victim also joins a cohort of A, of another course.
async fn join_second(app: &TestApp, learner: &str, partners: &TwoPartners) {
    let other = crate::statistics::new_cohort(
        app,
        &partners.admin,
        "smartphone-basics",
        "Lahore-phones",
        Some(partners.cohort_a.organisation_id.unwrap()),
    )
    .await;
    join(app, learner, &other).await;
}

async fn cohort_of_any(app: &TestApp, username: &str) -> bool {
    let user = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(&app.state.db.reader)
        .await
        .unwrap()
        .unwrap();
    enrolment::Entity::find().filter(enrolment::Column::UserId.eq(user.id)).count(&app.state.db.reader).await.unwrap()
        > 0
}

#[tokio::test]
async fn a_scoped_manager_revokes_only_certificates_earned_in_their_organisation() {
    let app = spawn_app(Backend::Sqlite).await;
    let partners = two_partners(&app).await;
    let learner = register(&app, "earner", "Earner of B").await;
    join(&app, &learner, &partners.cohort_b).await;
    crate::certificates::complete_all_but(&app, &learner, 0).await;
    let found = certificate::Entity::find().one(&app.state.db.reader).await.unwrap().expect("a certificate");
    let code = app::codes::grouped(&found.verify_code);
    let page = page_with(&app, &format!("/verify/{code}?lang=en"), &partners.manager_a).await;
    assert!(!page.contains("revoke_certificate"), "no revoke form for another organisation's certificate");
    let body = format!("code={code}&reason=Because+I+can");
    assert_eq!(call(&app, "/api/revoke_certificate", &body, Some(&partners.manager_a)).await, 403);
    let found = certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(found.revoked_at.is_none(), "still valid");
    // The learner moves to A's cohort of the course: the certificate was
    // still earned in B.
    join(&app, &learner, &partners.cohort_a).await;
    assert_eq!(call(&app, "/api/revoke_certificate", &body, Some(&partners.manager_a)).await, 403);
    let page = page_with(&app, &format!("/verify/{code}?lang=en"), &partners.manager_b).await;
    assert!(page.contains("revoke_certificate"), "B's manager sees the form");
    assert!(call(&app, "/api/revoke_certificate", &body, Some(&partners.manager_b)).await < 400);
}

#[tokio::test]
async fn a_reset_code_dies_when_its_issuer_no_longer_looks_after_the_account() {
    let app = spawn_app(Backend::Sqlite).await;
    let partners = two_partners(&app).await;
    let learner = register(&app, "mover", "Mover").await;
    join(&app, &learner, &partners.cohort_b).await;
    let issued =
        post_form(&app, "/api/issue_reset_code", "/admin/users", "username=mover", Some(&partners.manager_b)).await;
    let cookie = issued
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("issued_reset_code="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let page = page_with(&app, "/admin/users?q=mover", &format!("{}; {cookie}", partners.manager_b)).await;
    let start = page.find("<code>").unwrap() + 6;
    let code = page[start..start + 14].to_string();
    // She moves to A's cohort before the code is used: B no longer looks after her.
    join(&app, &learner, &partners.cohort_a).await;
    let body = format!("code={code}&new_password=seven+blue+camels");
    let response = post_form(&app, "/api/redeem_reset_code", "/reset", &body, None).await;
    assert!(crate::helpers::refusal(&response).contains("reset-code-invalid"), "B's code no longer works");
}
