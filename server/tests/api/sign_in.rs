//! Registering, signing in and out over HTTP, as a browser without
//! JavaScript does it: plain form posts answered with redirects.

use app::entities::session;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::cli::UsersCommand;

use crate::helpers::{
    AMINA, BACKENDS, Backend, TestApp, cookie_pair, page_with, post_form, sample_courses, set_cookie, spawn_app,
};

#[tokio::test]
async fn registering_signs_in_and_logging_out_ends_the_session() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let response = post_form(&app, "/api/register", "/register", AMINA, None).await;
        assert_eq!(response.status(), 303, "{backend:?}");
        assert_eq!(response.headers()["location"], "/");
        let cookie = set_cookie(&response).expect("a session cookie");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
            "{cookie}"
        );
        let cookie = cookie_pair(&cookie);

        let home = page_with(&app, "/", &cookie).await;
        assert!(home.contains("عائشہ"), "the page greets the signed-in learner");
        assert!(home.contains("action=\"/api/logout\""), "a log-out button");

        let response = post_form(&app, "/api/logout", "/", "", Some(&cookie)).await;
        assert_eq!(response.status(), 303);
        let home = page_with(&app, "/", &cookie).await;
        assert!(!home.contains("عائشہ"), "{backend:?}: signed out");
        assert!(home.contains("href=\"/login\""));
        let db = app.state.db.clone();
        assert_eq!(session::Entity::find().count(&db.reader).await.unwrap(), 0, "the session is deleted");
    }
}

#[tokio::test]
async fn a_refused_registration_keeps_what_was_typed_except_the_password() {
    let app = spawn_app(Backend::Sqlite).await;
    let body = "username=amina&display_name=Amina+Khan&password=short&language=en";
    let response = post_form(&app, "/api/register", "/register", body, None).await;
    assert_eq!(response.status(), 303);
    let back = response.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&format!("{}/register?", app.address)), "{back}");
    let form = app.client.get(&back).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("value=\"Amina Khan\""), "the name is kept");
    assert!(form.contains("value=\"amina\""), "the username is kept");
    assert!(!form.contains("short"), "the password is not");
    assert!(form.contains("id=\"password-error\""), "the error sits by its field");
    assert!(form.contains("aria-describedby=\"password-hint password-error\""));
    assert_eq!(app.state.db.reader.clone().ping().await, Ok(()));
    let users = app::entities::user::Entity::find().count(&app.state.db.reader).await.unwrap();
    assert_eq!(users, 0, "nothing is stored");
}

#[tokio::test]
async fn a_refused_registration_reports_every_mistake_at_once() {
    let app = spawn_app(Backend::Sqlite).await;
    // A bad name, a bad username and a bad password: all three are named.
    let body = "username=%21%21&display_name=&password=short&language=en";
    let response = post_form(&app, "/api/register", "/register", body, None).await;
    let back = response.headers()["location"].to_str().unwrap().to_string();
    let form = app.client.get(&back).send().await.unwrap().text().await.unwrap();
    for field in ["display_name", "username", "password"] {
        assert!(form.contains(&format!("id=\"{field}-error\"")), "{field} has its error");
        assert!(form.contains(&format!("href=\"#{field}-error\"")), "the summary links to {field}");
    }
    assert!(form.contains("Please check these fields:"), "a summary at the top");
    assert!(form.contains("novalidate"), "the browser does not stop at the first");
}

#[tokio::test]
async fn signing_in_gives_a_new_session_id_and_wrong_details_get_one_answer() {
    let app = spawn_app(Backend::Sqlite).await;
    post_form(&app, "/api/register", "/register", AMINA, None).await;

    let planted = "session=AAAAAAAAAAAAAAAAAAAAAA";
    let response =
        post_form(&app, "/api/login", "/login", "username=amina&password=river+mango+lantern", Some(planted)).await;
    assert_eq!(response.headers()["location"], "/");
    let cookie = cookie_pair(&set_cookie(&response).expect("a new session cookie"));
    assert_ne!(cookie, planted, "the session id changes at sign-in");
    assert!(page_with(&app, "/", &cookie).await.contains("عائشہ"));

    let wrong_password =
        post_form(&app, "/api/login", "/login", "username=amina&password=wrong+guess+here", None).await;
    let unknown_user = post_form(&app, "/api/login", "/login", "username=nobody&password=wrong+guess+here", None).await;
    let error = |response: &reqwest::Response| {
        let location = response.headers()["location"].to_str().unwrap().to_string();
        location.split("__err=").nth(1).unwrap_or_default().to_string()
    };
    assert!(set_cookie(&wrong_password).is_none(), "no session for a failed login");
    let (wrong, unknown) = (error(&wrong_password), error(&unknown_user));
    assert!(!wrong.is_empty());
    // The same message; only the typed username (kept for the form) differs.
    let message = |encoded: &str| {
        use base64::Engine;
        let encoded = encoded.split('&').next().unwrap().replace("%3D", "=");
        let bytes = base64::engine::general_purpose::URL_SAFE.decode(encoded).unwrap();
        String::from_utf8(bytes).unwrap().split("\"form\"").nth(1).unwrap().to_string()
    };
    assert_eq!(message(&wrong), message(&unknown));
}

#[tokio::test]
async fn a_role_change_signs_the_person_out_everywhere() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = post_form(&app, "/api/register", "/register", AMINA, None).await;
    let cookie = cookie_pair(&set_cookie(&response).unwrap());
    let db = app.state.db.clone();
    let signed_in = session::Entity::find().filter(session::Column::UserId.is_not_null()).count(&db.reader).await;
    assert_eq!(signed_in.unwrap(), 1, "the session knows its user");

    let command =
        UsersCommand::SetRole { username: "amina".into(), role: "instructor".into(), settings: app_settings(&app) };
    server::users::run(command, &mut "".as_bytes()).await.unwrap();
    assert!(!page_with(&app, "/", &cookie).await.contains("عائشہ"), "signed out by the role change");
}

#[tokio::test]
async fn an_account_whose_role_is_unknown_is_nobody_not_a_learner() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    let app = spawn_app(Backend::Sqlite).await;
    post_form(&app, "/api/register", "/register", AMINA, None).await;
    // A row edited by hand into a typo.
    let account = app::entities::user::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    let mut edited = account.into_active_model();
    edited.role = Set("instructer".into());
    edited.update(&app.state.db.writer).await.unwrap();

    let response = post_form(&app, "/api/login", "/login", "username=amina&password=river+mango+lantern", None).await;
    let cookie = cookie_pair(&set_cookie(&response).expect("a session cookie"));
    let home = page_with(&app, "/", &cookie).await;
    assert!(!home.contains("عائشہ") && !home.contains("action=\"/api/logout\""), "not signed in as anyone");
    let account = app.client.get(format!("{}/account", app.address)).header("cookie", &cookie).send().await.unwrap();
    assert_ne!(account.status(), 200, "no learner's pages either");
}

fn app_settings(app: &TestApp) -> server::config::Settings {
    app.database().settings(sample_courses())
}

#[tokio::test]
async fn a_signed_in_learner_saves_their_language_to_their_profile() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = post_form(&app, "/api/register", "/register", AMINA, None).await;
    let cookie = cookie_pair(&set_cookie(&response).unwrap());
    // Registered with Urdu as the preferred language: pages follow it, whatever the browser says.
    assert!(page_with(&app, "/", &cookie).await.contains("<html lang=\"ur\" dir=\"rtl\">"));

    let saved = post_form(&app, "/api/save_language", "/courses/online-safety", "language=ru", Some(&cookie)).await;
    assert_eq!(saved.status(), 303);
    let back = saved.headers()["location"].to_str().unwrap();
    assert!(back.starts_with(&format!("{}/courses/online-safety", app.address)), "back to the page: {back}");
    let language_cookie =
        saved.headers().get_all("set-cookie").iter().any(|v| v.to_str().unwrap().starts_with("lang=ru"));
    assert!(language_cookie, "the cookie follows the profile");
    assert!(
        page_with(&app, "/", &cookie).await.contains("<html lang=\"ru\""),
        "the profile's language, from any device"
    );
    assert!(page_with(&app, "/?lang=en", &cookie).await.contains("<html lang=\"en\""), "a link still switches");

    let anonymous = app
        .client
        .post(format!("{}/api/save_language", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("language=ru")
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401, "only a signed-in person has a profile");
}

#[tokio::test]
async fn repeated_wrong_passwords_hold_the_account_but_not_the_classroom() {
    let app = spawn_app(Backend::Sqlite).await;
    post_form(&app, "/api/register", "/register", AMINA, None).await;
    let bilal = "username=bilal&display_name=Bilal&password=seven+blue+camels&language=en";
    post_form(&app, "/api/register", "/register", bilal, None).await;

    let error_of = |response: &reqwest::Response| {
        use base64::Engine;
        let location = response.headers()["location"].to_str().unwrap().to_string();
        let encoded =
            location.split("__err=").nth(1).unwrap_or_default().split('&').next().unwrap().replace("%3D", "=");
        String::from_utf8(base64::engine::general_purpose::URL_SAFE.decode(encoded).unwrap_or_default()).unwrap()
    };
    // Five for the account, then three more for it from this address
    // (slowed); then it is held.
    for _ in 0..8 {
        let wrong = post_form(&app, "/api/login", "/login", "username=amina&password=a+wrong+guess", None).await;
        assert!(error_of(&wrong).contains("login-failed"));
    }
    let right = post_form(&app, "/api/login", "/login", "username=amina&password=river+mango+lantern", None).await;
    assert!(error_of(&right).contains("login-throttled"), "held even with the right password");
    assert!(set_cookie(&right).is_none());

    let classmate = post_form(&app, "/api/login", "/login", "username=bilal&password=seven+blue+camels", None).await;
    assert_eq!(classmate.headers()["location"], "/", "a classmate at the same address signs in");

    use app::entities::audit_log;
    let failures = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("user.login_failed"))
        .count(&app.state.db.reader)
        .await
        .unwrap();
    assert_eq!(failures, 8, "each failed login is in the audit log");
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let response = post_form(&app, "/api/register", "/register", AMINA, None).await;
        let phone = cookie_pair(&set_cookie(&response).unwrap());
        let login = "username=amina&password=river+mango+lantern";
        let shared = cookie_pair(&set_cookie(&post_form(&app, "/api/login", "/login", login, None).await).unwrap());
        assert!(page_with(&app, "/", &shared).await.contains("عائشہ"));

        let wrong = "current_password=not+my+password&new_password=seven+blue+camels";
        let refused = post_form(&app, "/api/change_password", "/account", wrong, Some(&phone)).await;
        assert!(refused.headers()["location"].to_str().unwrap().contains("__err="), "{backend:?}");

        let right = "current_password=river+mango+lantern&new_password=seven+blue+camels";
        let changed = post_form(&app, "/api/change_password", "/account", right, Some(&phone)).await;
        assert_eq!(changed.headers()["location"], "/account?changed=1", "{backend:?}");
        let phone = cookie_pair(&set_cookie(&changed).expect("a new id for the session that stays"));
        assert!(page_with(&app, "/account", &phone).await.contains("عائشہ"), "still signed in here");
        assert!(!page_with(&app, "/", &shared).await.contains("عائشہ"), "{backend:?}: signed out on the shared phone");

        let old = post_form(&app, "/api/login", "/login", login, None).await;
        assert!(set_cookie(&old).is_none(), "the old password no longer works");
        let new = "username=amina&password=seven+blue+camels";
        assert_eq!(post_form(&app, "/api/login", "/login", new, None).await.headers()["location"], "/");
    }
}

#[tokio::test]
async fn the_account_page_needs_a_signed_in_person() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, html) = app.get_text("/account").await;
    assert_eq!(status, 401);
    assert!(!html.contains("current_password"));
}

#[tokio::test]
async fn a_learner_downloads_their_own_data_and_deletes_their_account() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let response = post_form(&app, "/api/register", "/register", AMINA, None).await;
        let cookie = cookie_pair(&set_cookie(&response).unwrap());
        let bilal = "username=bilal&display_name=Bilal&password=seven+blue+camels&language=en";
        post_form(&app, "/api/register", "/register", bilal, None).await;

        let download =
            app.client.get(format!("{}/account/data", app.address)).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(download.status(), 200, "{backend:?}");
        assert!(download.headers()["content-disposition"].to_str().unwrap().contains("attachment"));
        let data: serde_json::Value = serde_json::from_str(&download.text().await.unwrap()).unwrap();
        assert_eq!(data["account"]["username"], "amina");
        assert_eq!(data["history"][0]["action"], "user.created");
        assert!(!data.to_string().contains("bilal"), "only their own data");
        assert!(!data.to_string().contains("argon2"), "never the password hash");
        let anonymous = app.get("/account/data").await;
        assert_eq!(anonymous.status(), 303, "signing in comes first");

        let wrong =
            post_form(&app, "/api/delete_account", "/account", "delete_password=not+mine+at+all", Some(&cookie)).await;
        assert!(wrong.headers()["location"].to_str().unwrap().contains("__err="));
        let deleted =
            post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&cookie))
                .await;
        assert_eq!(deleted.headers()["location"], "/", "{backend:?}");
        assert!(!page_with(&app, "/", &cookie).await.contains("عائشہ"), "signed out");
        let login = post_form(&app, "/api/login", "/login", "username=amina&password=river+mango+lantern", None).await;
        assert!(set_cookie(&login).is_none(), "the account cannot sign in any more");

        let db = app.state.db.clone();
        let rows = app::entities::user::Entity::find().all(&db.reader).await.unwrap();
        let erased = rows.iter().find(|user| user.username.starts_with("deleted-")).expect("kept, anonymised");
        assert_eq!(erased.display_name, "");
        assert!(rows.iter().all(|user| user.display_name != "عائشہ"), "{backend:?}: the name is gone");
    }
}

#[tokio::test]
async fn only_administrators_read_the_audit_log() {
    let app = spawn_app(Backend::Sqlite).await;
    let create_admin = UsersCommand::Create {
        username: "root".into(),
        display_name: "Admin".into(),
        role: "admin".into(),
        settings: app_settings(&app),
    };
    server::users::run(create_admin, &mut "a very long admin phrase\n".as_bytes()).await.unwrap();
    let learner = cookie_pair(&set_cookie(&post_form(&app, "/api/register", "/register", AMINA, None).await).unwrap());
    let login = "username=root&password=a+very+long+admin+phrase";
    let admin = cookie_pair(&set_cookie(&post_form(&app, "/api/login", "/login", login, None).await).unwrap());

    assert_eq!(app.get("/admin/audit").await.status(), 401, "a visitor");
    let as_learner =
        app.client.get(format!("{}/admin/audit", app.address)).header("cookie", &learner).send().await.unwrap();
    assert_eq!(as_learner.status(), 403, "a learner");
    let call =
        app.client.post(format!("{}/api/audit_log", app.address)).header("cookie", &learner).send().await.unwrap();
    assert_eq!(call.status(), 403, "a learner cannot call an administrator's server function either");

    let page = page_with(&app, "/admin/audit", &admin).await;
    assert!(page.contains("user.created") && page.contains("amina"), "{page}");
    assert!(page.contains("user.login"));
}

#[tokio::test]
async fn over_https_the_session_cookie_is_secure_and_host_bound() {
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, |settings| {
        settings.public_url = Some("https://learn.example.org".into());
    })
    .await;
    let response = app
        .client
        .post(format!("{}/api/register", app.address))
        .header("accept", "text/html")
        .header("referer", format!("{}/register", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(AMINA)
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("__Host-session="))
        .expect("a __Host- session cookie")
        .to_string();
    for flag in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} missing: {cookie}");
    }
    assert!(!cookie.contains("Domain="), "a __Host- cookie names no domain");
}
