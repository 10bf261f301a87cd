//! Nobody locks anyone else out by guessing (issue: "lock-outs that the
//! README says cannot happen"). Addresses are told apart as behind a proxy
//! (`X-Forwarded-For` from a trusted 127.0.0.1).

use app::entities::known_device;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::*;

async fn behind_a_proxy() -> TestApp {
    spawn_app_with(Backend::Sqlite, |settings| settings.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]).await
}

/// A sign-in from `address`, with a browser's `cookie` if any.
async fn sign_in_from(
    app: &TestApp,
    address: &str,
    username: &str,
    password: &str,
    cookie: Option<&str>,
) -> reqwest::Response {
    let body = format!("username={username}&password={}", password.replace(' ', "+"));
    let mut request = app
        .client
        .post(format!("{}/api/login", app.address))
        .header("accept", "text/html")
        .header("origin", app.address.as_str())
        .header("referer", format!("{}/login", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", address)
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

async fn register_as(app: &TestApp, username: &str) {
    let body = format!("username={username}&display_name={username}&password=river+mango+lantern&language=en");
    let response = post_form(app, "/api/register", "/register", &body, None).await;
    assert_eq!(response.headers()["location"], "/", "{username} registers");
}

#[tokio::test]
async fn a_stranger_guessing_elsewhere_never_keeps_the_owner_out_of_a_new_phone() {
    let app = behind_a_proxy().await;
    register_as(&app, "amina").await;
    let stranger = "203.0.113.9";
    let mut checked = 0;
    for _ in 0..20 {
        let guess = sign_in_from(&app, stranger, "amina", "a wrong guess", None).await;
        if refusal(&guess).contains("login-failed") {
            checked += 1;
        } else {
            assert!(refusal(&guess).contains("login-throttled"));
        }
    }
    assert_eq!(checked, 8, "five for the account, three more from the stranger's address, then held");
    let held = sign_in_from(&app, stranger, "amina", "river mango lantern", None).await;
    assert!(refusal(&held).contains("login-throttled"), "the stranger's address is held");

    // Amina, on a new phone elsewhere: slowed, not refused, and told.
    let owner = sign_in_from(&app, "198.51.100.7", "amina", "river mango lantern", None).await;
    assert_eq!(owner.headers()["location"], "/account?failed_sign_ins", "{}", refusal(&owner));
    let session = cookie_pair(&set_cookie(&owner).unwrap());
    let account = page_with(&app, "/account?failed_sign_ins&lang=en", &session).await;
    assert!(account.contains("wrong password for your account 8 times"), "she is told");
    let forged = page_with(&app, "/account?failed_sign_ins=99&lang=en", &session).await;
    assert!(!forged.contains("99 times"), "the count is her session's, not the link's");

    // Her sign-in did not wipe out the stranger's count.
    let still = sign_in_from(&app, stranger, "amina", "river mango lantern", None).await;
    assert!(refusal(&still).contains("login-throttled"), "the stranger is still held");
    // And once told, she is not told again.
    let again = sign_in_from(&app, "198.51.100.7", "amina", "river mango lantern", None).await;
    assert_eq!(again.headers()["location"], "/");
    let session = cookie_pair(&set_cookie(&again).unwrap());
    let forged = page_with(&app, "/account?failed_sign_ins=8&lang=en", &session).await;
    assert!(!forged.contains("wrong password for your account"), "a link alone tells nothing");
}

#[tokio::test]
async fn made_up_names_from_a_shared_address_never_keep_a_classroom_out() {
    let app = behind_a_proxy().await;
    register_as(&app, "bilal").await;
    let school = "203.0.113.50";
    for batch in 0..11 {
        let guesses = (0..10).map(|n| {
            let app = &app;
            async move { sign_in_from(app, school, &format!("made-up-{batch}-{n}"), "a wrong guess", None).await }
        });
        for guess in futures::future::join_all(guesses).await {
            assert!(refusal(&guess).contains("login-failed"), "a made-up name is only ever a wrong password");
        }
    }
    // 110 wrong passwords from the school: Bilal, signing in there for the
    // first time, gets in.
    let bilal = sign_in_from(&app, school, "bilal", "river mango lantern", None).await;
    assert_eq!(bilal.headers()["location"], "/", "{}", refusal(&bilal));
}

#[tokio::test]
async fn a_device_cookie_is_used_once_and_forgotten_with_the_password() {
    let app = behind_a_proxy().await;
    let registered = post_form(&app, "/api/register", "/register", AMINA, None).await;
    let first = device_cookie(&registered).expect("the browser that registered is known");
    let home = "198.51.100.7";
    let signed_in = sign_in_from(&app, home, "amina", "river mango lantern", Some(&first)).await;
    let second = device_cookie(&signed_in).expect("a new token at each sign-in");
    assert_ne!(first, second);
    assert_eq!(known_device::Entity::find().count(&app.state.db.reader).await.unwrap(), 1, "the old one is gone");

    // A stranger at the same address uses up the account's allowance.
    for _ in 0..8 {
        sign_in_from(&app, home, "amina", "a wrong guess", None).await;
    }
    let old = sign_in_from(&app, home, "amina", "river mango lantern", Some(&first)).await;
    assert!(refusal(&old).contains("login-throttled"), "the replaced cookie is a stranger's");
    let current = sign_in_from(&app, home, "amina", "river mango lantern", Some(&second)).await;
    assert!(set_cookie(&current).is_some(), "the current one has its own allowance: {}", refusal(&current));
    let third = device_cookie(&current).unwrap();
    let session = cookie_pair(&set_cookie(&current).unwrap());

    // A new password forgets every browser the account knew.
    let body = "current_password=river+mango+lantern&new_password=seven+blue+camels";
    let changed = post_form(&app, "/api/change_password", "/account", body, Some(&session)).await;
    assert_eq!(changed.headers()["location"], "/account?changed=1");
    assert_eq!(known_device::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
    let forgotten = sign_in_from(&app, home, "amina", "seven blue camels", Some(&third)).await;
    assert!(refusal(&forgotten).contains("login-throttled"), "no longer known: {}", refusal(&forgotten));
}

#[tokio::test]
async fn signing_in_with_the_right_password_uses_up_no_allowance() {
    let app = behind_a_proxy().await;
    register_as(&app, "chinara").await;
    // A shared computer that keeps no cookies: every sign-in is a new
    // browser's, counted against the account before its password is
    // checked, and given back once it was right (in the transaction that
    // records the sign-in).
    for time in 0..12 {
        let signed_in = sign_in_from(&app, "198.51.100.20", "chinara", "river mango lantern", None).await;
        assert_eq!(signed_in.headers()["location"], "/", "sign-in {time}: {}", refusal(&signed_in));
    }
    // A stranger then gets exactly what they would have had if Chinara
    // had never signed in: five for the account, three slowed from their
    // address, then held.
    let mut answers = Vec::new();
    for _ in 0..9 {
        answers.push(refusal(&sign_in_from(&app, "203.0.113.9", "chinara", "a wrong guess", None).await));
    }
    let checked = answers.iter().filter(|answer| answer.contains("login-failed")).count();
    assert_eq!(checked, 8, "{answers:?}");
    assert!(answers[8].contains("login-throttled"), "{answers:?}");
}

#[tokio::test]
async fn the_sweep_deletes_whole_allowances_and_never_waits_for_a_sign_in() {
    use app::entities::rate_limit;
    use migrations::MigratorTrait;
    use sea_orm::{ActiveValue::Set, ColumnTrait, QueryFilter, TransactionTrait};
    let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let db = database.connect().await;
        migrations::Migrator::up(&db.writer, None).await.unwrap();
        for (key, full_at) in [("test:whole", now - 60_000), ("test:held", now - 60_000), ("test:used", now + 60_000)] {
            let row = rate_limit::ActiveModel { key: Set(key.into()), full_at: Set(full_at) };
            rate_limit::Entity::insert(row).exec(&db.writer).await.unwrap();
        }
        let keys = || async {
            let mut keys: Vec<String> =
                rate_limit::Entity::find().all(&db.reader).await.unwrap().into_iter().map(|row| row.key).collect();
            keys.sort();
            keys
        };
        if matches!(backend, Backend::Postgres) {
            // A sign-in holds a row in its transaction: the sweep passes
            // over it instead of waiting (and deadlocking with it).
            let sign_in = db.writer.begin().await.unwrap();
            rate_limit::Entity::update_many()
                .col_expr(rate_limit::Column::FullAt, sea_orm::sea_query::Expr::col(rate_limit::Column::FullAt))
                .filter(rate_limit::Column::Key.eq("test:held"))
                .exec(&sign_in)
                .await
                .unwrap();
            let swept = tokio::time::timeout(std::time::Duration::from_secs(5), app::accounts::limits::sweep(&db))
                .await
                .expect("the sweep does not wait for the sign-in");
            assert_eq!(swept.unwrap(), 1);
            sign_in.commit().await.unwrap();
            assert_eq!(keys().await, ["test:held", "test:used"]);
        }
        app::accounts::limits::sweep(&db).await.unwrap();
        assert_eq!(keys().await, ["test:used"], "{backend:?}");
    }
}
