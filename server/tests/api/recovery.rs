//! Recovery without email, and roles changed from the web: reset codes
//! issued by the people above an account, redeemed once, ending every other
//! session; role changes by administrators only.

use app::entities::{audit_log, reset_code};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::cli::UsersCommand;

use crate::helpers::{
    AMINA, BACKENDS, Backend, TestApp, audit_actions, call, cookie_pair, page_caching, page_with, post_form, refusal,
    sample_courses, set_cookie, signed_in_as, spawn_app,
};

/// The short-lived cookie that carries an issued code to the page showing it.
fn issued_cookie(response: &reqwest::Response) -> String {
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("issued_reset_code="))
        .expect("the issued code travels in a cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("Max-Age=300") && cookie.contains("SameSite=Strict"));
    cookie.split(';').next().unwrap().to_string()
}

/// The code shown once on the users page.
fn shown_code(page: &str) -> Option<String> {
    let start = page.find("<code>")? + "<code>".len();
    let end = start + page[start..].find("</code>")?;
    Some(page[start..end].to_string())
}

async fn register_amina(app: &TestApp) -> String {
    let response = post_form(app, "/api/register", "/register", AMINA, None).await;
    cookie_pair(&set_cookie(&response).expect("registered and signed in"))
}

#[tokio::test]
async fn a_manager_issues_a_reset_code_and_the_learner_redeems_it_once() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina_phone = register_amina(&app).await;
        let manager = signed_in_as(&app, "malika", "manager").await;

        let found = page_with(&app, "/admin/users?q=AMI", &manager).await;
        assert!(found.contains(">amina<"), "{backend:?}: the manager finds the learner");
        assert!(!found.contains("action=\"/api/change_role\""), "only administrators change roles");

        let issued = post_form(&app, "/api/issue_reset_code", "/admin/users", "username=amina", Some(&manager)).await;
        assert_eq!(issued.status(), 303, "{backend:?}");
        assert_eq!(issued.headers()["location"], "/admin/users?q=amina#issued");
        let with_code = format!("{manager}; {}", issued_cookie(&issued));
        let page = page_with(&app, "/admin/users?q=amina", &with_code).await;
        let code = shown_code(&page).expect("the code is shown");
        assert_eq!(code.len(), 14, "{code}");
        assert!(page.contains(&format!("/reset/{code}")), "with a link to share");
        let again = page_with(&app, "/admin/users?q=amina", &manager).await;
        assert!(shown_code(&again).is_none(), "shown once only");
        // The page with the code is kept by no cache, the browser's own
        // on a shared computer included; the page without it as any other.
        let shown_again = format!("{manager}; {}", issued_cookie(&issued));
        assert_eq!(page_caching(&app, "/admin/users?q=amina", &shown_again).await, "private, no-store", "{backend:?}");
        assert_eq!(page_caching(&app, "/admin/users?q=amina", &manager).await, "no-cache", "{backend:?}");
        let stored = reset_code::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert!(!stored.code_hash.contains(&code.replace('-', "")), "only its hash is stored");
        let sessions = app::entities::session::Entity::find().all(&app.state.db.reader).await.unwrap();
        assert!(sessions.iter().all(|s| !format!("{s:?}").contains(&code)), "and no session holds the code");

        // Typed from paper: lowercase, spaces for dashes.
        let typed = code.to_lowercase().replace('-', "+");
        let weak = format!("code={typed}&new_password=short");
        let refused = post_form(&app, "/api/redeem_reset_code", "/reset", &weak, None).await;
        assert!(refusal(&refused).contains("password-too-short"), "{backend:?}");
        let body = format!("code={typed}&new_password=seven+blue+camels");
        let redeemed = post_form(&app, "/api/redeem_reset_code", "/reset", &body, None).await;
        assert_eq!(redeemed.headers()["location"], "/account?changed=1", "{backend:?}: {}", refusal(&redeemed));
        let new_session = cookie_pair(&set_cookie(&redeemed).expect("signed in with the new password"));
        assert!(page_with(&app, "/account", &new_session).await.contains("عائشہ"));
        assert!(!page_with(&app, "/", &amina_phone).await.contains("عائشہ"), "signed out on the old phone");

        let twice = post_form(&app, "/api/redeem_reset_code", "/reset", &body, None).await;
        assert!(refusal(&twice).contains("reset-code-invalid"), "{backend:?}: single use");
        assert!(set_cookie(&twice).is_none());
        let login = "username=amina&password=seven+blue+camels";
        assert_eq!(post_form(&app, "/api/login", "/login", login, None).await.headers()["location"], "/");

        let actions = audit_actions(&app).await;
        assert!(actions.contains(&"user.reset_code_issued".to_string()), "{actions:?}");
        let reset = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("user.password_reset"))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .expect("the reset is audited");
        assert_eq!(reset.client_address.as_deref(), Some("127.0.0.1"), "with the address it came from");
    }
}

#[tokio::test]
async fn only_the_people_above_an_account_can_issue_it_a_code() {
    let app = spawn_app(Backend::Sqlite).await;
    let learner = register_amina(&app).await;
    let manager = signed_in_as(&app, "malika", "manager").await;
    signed_in_as(&app, "root", "admin").await;

    let issue = "/api/issue_reset_code";
    assert_eq!(call(&app, issue, "username=malika", Some(&learner)).await, 403);
    assert_eq!(call(&app, issue, "username=amina", None).await, 401);
    assert_eq!(call(&app, issue, "username=root", Some(&manager)).await, 403, "a manager cannot take over an admin");
    assert_eq!(call(&app, issue, "username=malika", Some(&manager)).await, 403, "nor another manager");
    assert_eq!(call(&app, issue, "username=nobody", Some(&manager)).await, 404);
    // A form post gets the same refusal, back on its page.
    let form = post_form(&app, issue, "/admin/users", "username=root", Some(&manager)).await;
    assert!(refusal(&form).contains("Forbidden"), "{}", refusal(&form));
    assert_eq!(reset_code::Entity::find().all(&app.state.db.reader).await.unwrap().len(), 0, "nothing issued");

    assert_eq!(app.client.get(format!("{}/admin/users", app.address)).send().await.unwrap().status(), 401);
    let learner_view =
        app.client.get(format!("{}/admin/users", app.address)).header("cookie", &learner).send().await.unwrap();
    assert_eq!(learner_view.status(), 403);
}

#[tokio::test]
async fn a_replaced_or_expired_code_does_not_work() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        register_amina(&app).await;
        let settings = || app.database().settings(sample_courses());
        let issue = || UsersCommand::ResetCode { username: "amina".into(), settings: settings() };
        let code_of = |message: String| message.split_whitespace().nth(4).unwrap().to_string();
        let first = code_of(server::users::run(issue(), &mut "".as_bytes()).await.unwrap());
        let second = code_of(server::users::run(issue(), &mut "".as_bytes()).await.unwrap());
        assert_ne!(first, second);

        let redeem = |code: String| format!("code={code}&new_password=seven+blue+camels");
        let replaced = post_form(&app, "/api/redeem_reset_code", "/reset", &redeem(first), None).await;
        assert!(refusal(&replaced).contains("reset-code-invalid"), "{backend:?}: the newer code replaces it");

        reset_code::Entity::update_many()
            .col_expr(
                reset_code::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(1)),
            )
            .exec(&app.state.db.writer)
            .await
            .unwrap();
        let expired = post_form(&app, "/api/redeem_reset_code", "/reset", &redeem(second), None).await;
        assert!(refusal(&expired).contains("reset-code-invalid"), "{backend:?}: expired");
        for garbage in ["", "%00%01", "ABCD", &"Z".repeat(5000)] {
            let response =
                post_form(&app, "/api/redeem_reset_code", "/reset", &redeem(garbage.to_string()), None).await;
            assert!(refusal(&response).contains("reset-code-invalid"), "{garbage:?}");
        }
        let login = "username=amina&password=river+mango+lantern";
        assert_eq!(post_form(&app, "/api/login", "/login", login, None).await.headers()["location"], "/");

        // A role change cancels an outstanding code: whoever issued it may no longer be allowed to.
        let third = code_of(server::users::run(issue(), &mut "".as_bytes()).await.unwrap());
        let promote = UsersCommand::SetRole { username: "amina".into(), role: "manager".into(), settings: settings() };
        server::users::run(promote, &mut "".as_bytes()).await.unwrap();
        let cancelled = post_form(&app, "/api/redeem_reset_code", "/reset", &redeem(third), None).await;
        assert!(refusal(&cancelled).contains("reset-code-invalid"), "{backend:?}: cancelled by the role change");
    }
}

#[tokio::test]
async fn the_reset_page_takes_the_code_from_a_shared_link() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, page) = app.get_text("/reset/ABCD-EFGH-JKMN").await;
    assert_eq!(status, 200);
    assert!(page.contains("value=\"ABCD-EFGH-JKMN\""), "pre-filled");
    assert!(page.contains("autocomplete=\"one-time-code\""));
    let (status, page) = app.get_text("/login").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/reset\""), "the login page points to recovery");
}

#[tokio::test]
async fn an_administrator_changes_a_role_from_the_web_and_nobody_else_can() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina = register_amina(&app).await;
        let manager = signed_in_as(&app, "malika", "manager").await;
        let admin = signed_in_as(&app, "root", "admin").await;

        let change = "/api/change_role";
        assert_eq!(call(&app, change, "username=amina&role=admin", Some(&manager)).await, 403, "{backend:?}");
        assert_eq!(call(&app, change, "username=amina&role=admin", Some(&amina)).await, 403);
        assert_eq!(call(&app, change, "username=root&role=learner", Some(&admin)).await, 403, "not one's own role");
        assert_eq!(call(&app, change, "username=amina&role=king", Some(&admin)).await, 400);
        assert_eq!(call(&app, change, "username=nobody&role=learner", Some(&admin)).await, 404);

        let page = page_with(&app, "/admin/users?q=amina", &admin).await;
        assert!(page.contains("action=\"/api/change_role\""), "administrators see the role form");
        let changed =
            post_form(&app, "/api/change_role", "/admin/users", "username=amina&role=instructor", Some(&admin)).await;
        assert_eq!(changed.headers()["location"], "/admin/users?q=amina&changed=amina", "{backend:?}");
        assert!(!page_with(&app, "/", &amina).await.contains("عائشہ"), "signed out everywhere");
        let user = app::accounts::find_user(&app.state.db, &app::accounts::Username::parse("amina").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.role, "instructor");
        let entry = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("user.role_changed"))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .unwrap();
        assert!(entry.actor_id.is_some() && entry.client_address.is_some(), "who did it, from where");
    }
}

#[tokio::test]
async fn an_instructor_issues_codes_for_the_learners_of_their_cohorts_only() {
    let courses = tempfile::tempdir().unwrap();
    crate::courses_reload::copy_folder(&sample_courses(), courses.path());
    let manifest = courses.path().join("smartphone-basics/course.toml");
    let text = std::fs::read_to_string(&manifest).unwrap().replace("access = \"open\"", "instructors = [\"ines\"]");
    std::fs::write(&manifest, text).unwrap();
    let app = crate::helpers::spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let amina = register_amina(&app).await;
    let bilal = signed_in_as(&app, "bilal", "learner").await;
    let manager = signed_in_as(&app, "malika", "manager").await;
    let ines = signed_in_as(&app, "ines", "instructor").await;
    for course in ["smartphone-basics", "online-safety"] {
        let body = format!("course_id={course}&name=Group&time_zone=UTC&starts_on=&ends_on=&capacity=");
        post_form(&app, "/api/create_cohort", "/manage/cohorts", &body, Some(&manager)).await;
    }
    let cohorts = app::entities::cohort::Entity::find().all(&app.state.db.reader).await.unwrap();
    let code_of = |course: &str| cohorts.iter().find(|c| c.course_id == course).unwrap().clone();
    let taught = code_of("smartphone-basics");
    post_form(&app, "/api/join_cohort", "/join", &format!("code={}", taught.code), Some(&amina)).await;
    post_form(&app, "/api/join_cohort", "/join", &format!("code={}", code_of("online-safety").code), Some(&bilal))
        .await;

    let back = format!("/manage/cohorts/{}", taught.id);
    let issued =
        post_form(&app, "/api/issue_reset_code", &back, &format!("username=amina&back={back}"), Some(&ines)).await;
    assert_eq!(issued.headers()["location"], format!("{back}#issued"), "{}", refusal(&issued));
    let page = page_with(&app, &back, &format!("{ines}; {}", issued_cookie(&issued))).await;
    assert!(shown_code(&page).is_some(), "the code is shown on the cohort page");
    let with_code = format!("{ines}; {}", issued_cookie(&issued));
    assert_eq!(page_caching(&app, &back, &with_code).await, "private, no-store", "and kept by no cache");
    assert_eq!(call(&app, "/api/issue_reset_code", "username=bilal", Some(&ines)).await, 403, "not their learner");
    assert_eq!(call(&app, "/api/issue_reset_code", "username=malika", Some(&ines)).await, 403);
    let elsewhere = "username=amina&back=https://evil.example/";
    let response = post_form(&app, "/api/issue_reset_code", "/", elsewhere, Some(&ines)).await;
    assert_eq!(response.headers()["location"], "/admin/users?q=amina#issued", "never sent off the site");
}
