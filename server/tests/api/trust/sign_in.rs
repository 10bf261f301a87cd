//! Signing in and forms under attack: guessing is slowed down without
//! locking owners or classrooms out, sessions slide while used, and crafted
//! input is refused.

use app::entities::{session, user};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use time::OffsetDateTime;

use crate::helpers::{Backend, device_cookie, post_form, set_cookie, signed_in_as, spawn_app};
use crate::learning::COURSE;
use crate::statistics::{register, upload};

#[tokio::test]
async fn an_idle_session_slides_while_it_is_used() {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    let app = spawn_app(Backend::Sqlite).await;
    let cookie = register(&app, "daily", "Daily Learner").await;
    // Kept by the hash of its id.
    let session_id = app::auth::stored_session_id(cookie.split('=').nth(1).unwrap());
    // As if signed in 10 days ago and last used yesterday: 4 idle days left.
    let row = session::Entity::find_by_id(session_id.clone()).one(&app.state.db.reader).await.unwrap().unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&row.data).unwrap();
    let now = OffsetDateTime::now_utc();
    data["active_day"] = serde_json::json!(now.unix_timestamp().div_euclid(86_400) - 1);
    data["signed_in_at"] = serde_json::json!(now.unix_timestamp() - 10 * 86_400);
    let mut changed = row.into_active_model();
    changed.data = Set(data.to_string());
    changed.expires_at = Set(now + time::Duration::days(4));
    changed.update(&app.state.db.writer).await.unwrap();

    let response = app.client.get(format!("{}/my", app.address)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let renewed = set_cookie(&response).expect("the cookie is sent again with its new lifetime");
    assert!(renewed.contains("Max-Age=1209600"), "{renewed}");
    let row = session::Entity::find_by_id(session_id).one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(row.expires_at > now + time::Duration::days(13), "the idle expiry moved on: {}", row.expires_at);
}

#[tokio::test]
async fn a_stranger_guessing_a_password_never_locks_the_owner_out_of_their_own_phone() {
    let app = spawn_app(Backend::Sqlite).await;
    let body = "username=amina&display_name=Amina&password=river+mango+lantern&language=en";
    let registered = post_form(&app, "/api/register", "/register", body, None).await;
    let phone = device_cookie(&registered).expect("the browser that registered is known");
    for _ in 0..12 {
        post_form(&app, "/api/login", "/login", "username=amina&password=a+wrong+guess", None).await;
    }
    let right = "username=amina&password=river+mango+lantern";
    let stranger = post_form(&app, "/api/login", "/login", right, None).await;
    assert!(crate::helpers::refusal(&stranger).contains("login-throttled"), "a new browser is slowed down");
    let owner = post_form(&app, "/api/login", "/login", right, Some(&phone)).await;
    assert!(set_cookie(&owner).is_some(), "the owner's phone signs in");
    // A device cookie is the account's only: it does not lift another's limit.
    for _ in 0..9 {
        post_form(&app, "/api/login", "/login", "username=bilal&password=a+wrong+guess", None).await;
    }
    let forged = post_form(&app, "/api/login", "/login", "username=bilal&password=x", Some(&phone)).await;
    assert!(crate::helpers::refusal(&forged).contains("login-throttled"));
}

#[tokio::test]
async fn wrong_reset_codes_slow_down_codes_only_never_a_classrooms_sign_ins() {
    let app = spawn_app(Backend::Sqlite).await;
    register(&app, "bilal", "Bilal").await;
    let mut slowed = false;
    for _ in 0..101 {
        let body = "code=ABCD-EFGH-JKMN&new_password=seven+blue+camels";
        let response = post_form(&app, "/api/redeem_reset_code", "/reset", body, None).await;
        slowed |= crate::helpers::refusal(&response).contains("code-throttled");
    }
    assert!(slowed, "wrong codes are slowed down");
    let login = post_form(&app, "/api/login", "/login", "username=bilal&password=river+mango+lantern", None).await;
    assert_eq!(login.headers()["location"], "/", "signing in from the same address still works");
}

#[tokio::test]
async fn the_current_password_cannot_be_guessed_at_leisure() {
    let app = spawn_app(Backend::Sqlite).await;
    let cookie = register(&app, "amina", "Amina").await;
    for attempt in 0..5 {
        let body = format!("current_password=guess+number+{attempt}&new_password=seven+blue+camels");
        let response = post_form(&app, "/api/change_password", "/account", &body, Some(&cookie)).await;
        assert!(crate::helpers::refusal(&response).contains("password-wrong-current"), "{attempt}");
    }
    let right = "current_password=river+mango+lantern&new_password=seven+blue+camels";
    let held = post_form(&app, "/api/change_password", "/account", right, Some(&cookie)).await;
    assert!(crate::helpers::refusal(&held).contains("password-throttled"));
    let delete =
        post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&cookie)).await;
    assert!(crate::helpers::refusal(&delete).contains("password-throttled"), "the same allowance");
    assert!(
        user::Entity::find()
            .filter(user::Column::Username.eq("amina"))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn registering_from_one_address_is_limited() {
    let app = spawn_app(Backend::Sqlite).await;
    let mut refused_at = None;
    for n in 0..70 {
        let body = format!("username=learner{n}&display_name=Learner&password=river+mango+lantern&language=en");
        let response = post_form(&app, "/api/register", "/register", &body, None).await;
        if crate::helpers::refusal(&response).contains("register-throttled") {
            refused_at = Some(n);
            break;
        }
    }
    assert_eq!(refused_at, Some(60), "a classroom of 60 registers at once; the 61st waits");
    assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), 60);
}

#[tokio::test]
async fn a_sign_in_to_an_account_without_a_password_yet_takes_as_long_as_any_other() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
    let file = format!("name,username,cohort\nImported,imported,{}\n", app::codes::grouped(&cohort.code));
    let report = upload(&app, &manager, file.into_bytes()).await;
    let id = report.trim_start_matches("/manage/import/");
    post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
    let time = |username: &'static str| {
        let app = &app;
        async move {
            let started = std::time::Instant::now();
            let body = format!("username={username}&password=some+guess+here");
            post_form(app, "/api/login", "/login", &body, None).await;
            started.elapsed()
        }
    };
    let imported = time("imported").await;
    let existing = time("maryam").await;
    assert!(imported * 3 > existing, "no password yet: {imported:?}, a real account: {existing:?}");
}

#[tokio::test]
async fn a_huge_field_is_refused_with_a_message_and_never_echoed() {
    let app = spawn_app(Backend::Sqlite).await;
    let huge = "x".repeat(100_000);
    let body = format!("username=amina&display_name={huge}&password=river+mango+lantern&language=en");
    let response = post_form(&app, "/api/register", "/register", &body, None).await;
    assert_eq!(response.status().as_u16(), 413);
    assert!(response.text().await.unwrap().contains("far longer"));
    let long = "x".repeat(30_000);
    let body = format!("username=amina&display_name={long}&password=river+mango+lantern&language=en");
    let response = post_form(&app, "/api/register", "/register", &body, None).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.len() < 2_000, "the refusal echoes a bounded value: {} bytes", location.len());
    assert!(crate::helpers::refusal(&response).contains("display-name-too-long"));
    assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
}

#[tokio::test]
async fn a_crafted_address_cannot_put_its_own_words_on_the_login_page() {
    use base64::Engine;
    let app = spawn_app(Backend::Sqlite).await;
    let error = r#"{"Form":{"fields":[["username","Your account is suspended: call +1 555 0100"]],"values":[],"form":"Your account is suspended: call +1 555 0100"}}"#;
    let encoded = base64::engine::general_purpose::URL_SAFE.encode(error);
    let (_, page) = app.get_text(&format!("/login?__path=/api/login&__err={encoded}")).await;
    assert!(!page.contains("suspended"), "only our own messages are shown");
}

#[tokio::test]
async fn guesses_sent_all_at_once_get_the_allowance_and_no_more() {
    let app = spawn_app(Backend::Sqlite).await;
    register(&app, "amina", "Amina").await;
    let guesses = (0..30).map(|n| {
        let app = &app;
        async move {
            let body = format!("username=amina&password=guess+number+{n}");
            crate::helpers::refusal(&post_form(app, "/api/login", "/login", &body, None).await)
        }
    });
    let answers = futures::future::join_all(guesses).await;
    let tried = answers.iter().filter(|answer| answer.contains("login-failed")).count();
    let held = answers.iter().filter(|answer| answer.contains("login-throttled")).count();
    assert_eq!(tried, 8, "five guesses for the account and three from here, however many arrived together");
    assert_eq!(held, 22);
}

#[tokio::test]
async fn a_device_cookie_of_a_dotted_username_is_not_another_accounts() {
    let app = spawn_app(Backend::Sqlite).await;
    register(&app, "amina", "Amina").await;
    let body = "username=amina.x&display_name=Attacker&password=river+mango+lantern&language=en";
    let attacker = device_cookie(&post_form(&app, "/api/register", "/register", body, None).await).unwrap();
    for _ in 0..8 {
        post_form(&app, "/api/login", "/login", "username=amina&password=a+wrong+guess", Some(&attacker)).await;
    }
    let right = "username=amina&password=river+mango+lantern";
    let held = post_form(&app, "/api/login", "/login", right, Some(&attacker)).await;
    assert!(crate::helpers::refusal(&held).contains("login-throttled"), "amina.x's browser is a stranger to amina");
}

#[tokio::test]
async fn wrong_cohort_codes_are_slowed_down_after_a_classrooms_worth() {
    let app = spawn_app(Backend::Sqlite).await;
    let learner = signed_in_as(&app, "guesser", "learner").await;
    let mut throttled_after = None;
    for attempt in 0..110 {
        let response = post_form(&app, "/api/join_cohort", "/join", "code=ABCD-EFGH", Some(&learner)).await;
        if crate::helpers::refusal(&response).contains("code-throttled") {
            throttled_after = Some(attempt);
            break;
        }
    }
    assert_eq!(throttled_after, Some(100), "a hundred wrong codes, then one per 30 seconds");
}
