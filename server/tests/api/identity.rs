//! Signing in with a partner's identity provider, against a real OpenID
//! Connect provider: PyPI's `oidc-provider-mock` (an independent
//! implementation, built on authlib), started on loopback by each test.
//! `make oidc-tools` installs it in `.tools/python`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use app::entities::{identity_link, organisation, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{BACKENDS, Backend, TestApp, cookie_pair, page_with, post_form, set_cookie, spawn_app_with};

/// A running provider; killed when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn provider_program() -> PathBuf {
    std::env::var_os("OIDC_PROVIDER_MOCK")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/python/bin/oidc-provider-mock"))
}

/// Starts a provider on a free port, with `extra` arguments, and waits
/// until its discovery document answers.
async fn start_provider(extra: &[&str]) -> Provider {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let program = provider_program();
    let child = Command::new(&program)
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {} (make oidc-tools): {error}", program.display()));
    let issuer = format!("http://127.0.0.1:{port}");
    let provider = Provider { child, issuer };
    let discovery = format!("{}/.well-known/openid-configuration", provider.issuer);
    for _ in 0..100 {
        if reqwest::get(&discovery).await.is_ok_and(|answer| answer.status().is_success()) {
            return provider;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the OpenID provider did not start at {}", provider.issuer);
}

/// The server, with `providers` (id, issuer) configured.
async fn spawn_with_providers(backend: Backend, providers: &[(&str, &str)]) -> (TestApp, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let mut file = String::new();
    for (id, issuer) in providers {
        file.push_str(&format!(
            "[[provider]]\nid = \"{id}\"\nissuer = \"{issuer}\"\nclient_id = \"learn\"\n\
             client_secret_file = \"secret\"\norganisation = \"One Window Centres\"\n\
             name = {{ en = \"One Window\", ur = \"ون ونڈو\", uz = \"Yagona darcha\", ru = \"Единое окно\" }}\n\n"
        ));
    }
    std::fs::write(folder.path().join("providers.toml"), file).unwrap();
    std::fs::write(folder.path().join("secret"), "s3cret\n").unwrap();
    let path = folder.path().join("providers.toml");
    let app = spawn_with(backend, path).await;
    (app, folder)
}

async fn spawn_with(backend: Backend, path: PathBuf) -> TestApp {
    spawn_app_with(backend, |settings| settings.identity_providers = Some(path)).await
}

/// A browser's visit: the session cookie as it changes.
struct Visit<'a> {
    app: &'a TestApp,
    cookie: Option<String>,
}

impl Visit<'_> {
    fn keep(&mut self, response: &reqwest::Response) {
        if let Some(cookie) = set_cookie(response) {
            self.cookie = Some(cookie_pair(&cookie));
        }
    }

    /// Presses "Sign in with …": the provider's authorization address.
    async fn start(&mut self, provider: &str) -> String {
        let response = post_form(self.app, &format!("/sign-in/{provider}"), "/login", "", self.cookie.as_deref()).await;
        assert_eq!(response.status(), 303, "off to the provider");
        self.keep(&response);
        response.headers()["location"].to_str().unwrap().to_string()
    }

    /// Comes back from the provider to `callback`: where the server sends
    /// the browser next.
    async fn come_back(&mut self, callback: &str) -> String {
        let mut request = self.app.client.get(callback);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 303, "{callback}");
        self.keep(&response);
        response.headers()["location"].to_str().unwrap().to_string()
    }

    async fn page(&self, path: &str) -> String {
        page_with(self.app, path, self.cookie.as_deref().unwrap_or_default()).await
    }

    async fn post(&mut self, action: &str, body: &str) -> reqwest::Response {
        let response = post_form(self.app, action, "/welcome", body, self.cookie.as_deref()).await;
        self.keep(&response);
        response
    }
}

/// The person `sub` says yes on the provider's own form: the provider's
/// redirect back to us.
async fn authorize(authorization: &str, sub: &str) -> String {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = client.post(authorization).form(&[("sub", sub)]).send().await.unwrap();
    assert_eq!(response.status(), 302, "the provider answers with a redirect: {}", response.text().await.unwrap());
    response.headers()["location"].to_str().unwrap().to_string()
}

async fn set_claims(provider: &Provider, sub: &str, claims: serde_json::Value) {
    let response = reqwest::Client::new()
        .put(format!("{}/users/{sub}", provider.issuer))
        .header("content-type", "application/json")
        .body(claims.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
}

fn with_param(url: &str, name: &str, value: &str) -> String {
    let mut parsed = reqwest::Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(key, old)| (key.to_string(), if key == name { value.to_string() } else { old.to_string() }))
        .collect();
    parsed.query_pairs_mut().clear().extend_pairs(pairs);
    parsed.to_string()
}

fn param(url: &str, name: &str) -> String {
    reqwest::Url::parse(url).unwrap().query_pairs().find(|(key, _)| key == name).unwrap().1.to_string()
}

#[tokio::test]
async fn a_first_sign_in_makes_an_account_in_the_providers_organisation_and_the_next_goes_straight_in() {
    let provider = start_provider(&[]).await;
    for backend in BACKENDS {
        let (app, _folder) = spawn_with_providers(backend, &[("one-window", &provider.issuer)]).await;
        let login = app.get_text("/login").await.1;
        assert!(login.contains("action=\"/sign-in/one-window\""), "{backend:?}: the login page offers the provider");
        assert!(login.contains("Sign in with One Window"));
        set_claims(
            &provider,
            "dilnoza-7",
            serde_json::json!({ "name": "Dilnoza Karimova", "email": "dilnoza@one.example" }),
        )
        .await;

        let mut visit = Visit { app: &app, cookie: None };
        let authorization = visit.start("one-window").await;
        assert!(authorization.starts_with(&provider.issuer), "{authorization}");
        for asked in ["code_challenge", "nonce", "state"] {
            assert!(!param(&authorization, asked).is_empty(), "the request carries {asked}");
        }
        assert_eq!(param(&authorization, "code_challenge_method"), "S256");
        let callback = authorize(&authorization, "dilnoza-7").await;
        assert_eq!(visit.come_back(&callback).await, "/welcome", "a first-timer chooses");
        let welcome = visit.page("/welcome").await;
        assert!(welcome.contains("One Window confirmed who you are"), "{welcome}");
        assert!(welcome.contains("Dilnoza Karimova"));

        let made = visit.post("/api/create_provider_account", "").await;
        assert_eq!(made.status(), 303);
        assert_eq!(made.headers()["location"], "/");
        let home = visit.page("/").await;
        assert!(home.contains("Dilnoza Karimova"), "{backend:?}: signed in");

        let db = &app.state.db;
        let account = user::Entity::find().filter(user::Column::Username.eq("dilnoza")).one(&db.reader).await.unwrap();
        let account = account.expect("the username comes from the e-mail's first part");
        assert_eq!(account.password_hash, app::accounts::identities::NO_PASSWORD, "no password");
        assert_eq!(account.role, "learner");
        let centre = organisation::Entity::find().one(&db.reader).await.unwrap().expect("the organisation was made");
        assert_eq!(centre.name, "One Window Centres");
        assert_eq!(account.organisation_id, Some(centre.id), "people from the provider join its organisation");
        let links = identity_link::Entity::find().all(&db.reader).await.unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].provider.as_str(), links[0].subject.as_str()), ("one-window", "dilnoza-7"));

        // The same callback again, as an attacker who saw it: refused.
        assert_eq!(visit.come_back(&callback).await, "/login?provider=one-window&problem=failed");

        // Signed out, the next sign-in goes straight in.
        let mut again = Visit { app: &app, cookie: None };
        let authorization = again.start("one-window").await;
        let callback = authorize(&authorization, "dilnoza-7").await;
        assert_eq!(again.come_back(&callback).await, "/", "{backend:?}");
        assert!(again.page("/").await.contains("Dilnoza Karimova"));
        assert_eq!(user::Entity::find().count(&db.reader).await.unwrap(), 1, "no second account");

        // Their data download names the link; deleting the account (no
        // password: the username confirms it) removes it.
        let data = again.page("/account/data").await;
        assert!(data.contains("\"identity_links\"") && data.contains("dilnoza-7"), "{data}");
        let deleted = again.post("/api/delete_account", "delete_password=dilnoza").await;
        assert_eq!(deleted.headers()["location"], "/", "{backend:?}: deleted");
        assert_eq!(identity_link::Entity::find().count(&db.reader).await.unwrap(), 0);
        // A sign-in after that is a first sign-in again.
        let mut after = Visit { app: &app, cookie: None };
        let callback = authorize(&after.start("one-window").await, "dilnoza-7").await;
        assert_eq!(after.come_back(&callback).await, "/welcome");
    }
}

#[tokio::test]
async fn an_existing_account_is_linked_only_with_its_password() {
    let provider = start_provider(&[]).await;
    for backend in BACKENDS {
        let (app, _folder) = spawn_with_providers(backend, &[("one-window", &provider.issuer)]).await;
        crate::helpers::signed_in_as(&app, "amina", "learner").await;
        // The provider's e-mail matches the account's username: that
        // proves nothing, and nothing is linked by it.
        set_claims(&provider, "amina-sub", serde_json::json!({ "email": "amina@one.example" })).await;
        let mut visit = Visit { app: &app, cookie: None };
        let callback = authorize(&visit.start("one-window").await, "amina-sub").await;
        assert_eq!(visit.come_back(&callback).await, "/welcome", "{backend:?}: never linked by e-mail");

        let wrong = visit.post("/api/link_provider_account", "username=amina&password=wrong+password+here").await;
        assert!(crate::helpers::refusal(&wrong).contains("login-failed"), "{backend:?}");
        assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);

        let linked = visit.post("/api/link_provider_account", "username=amina&password=river+mango+lantern").await;
        assert_eq!(linked.headers()["location"], "/account?linked#sign-in-with", "{backend:?}");
        let account = visit.page("/account?linked").await;
        assert!(account.contains("Your account is linked") && account.contains("Remove the link with One Window"));

        // The provider now opens Amina's account.
        let mut again = Visit { app: &app, cookie: None };
        let callback = authorize(&again.start("one-window").await, "amina-sub").await;
        assert_eq!(again.come_back(&callback).await, "/");
        assert!(again.page("/account").await.contains("amina"));

        // She removes the link (her password stays her way in).
        let removed = again.post("/api/unlink_identity", "provider=one-window").await;
        assert_eq!(removed.headers()["location"], "/account?unlinked#sign-in-with");
        assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_changed_password_ends_the_links_and_staff_accounts_are_never_linked() {
    let provider = start_provider(&[]).await;
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &provider.issuer)]).await;
    let links = || async { identity_link::Entity::find().count(&app.state.db.reader).await.unwrap() };
    // Someone who learned Amina's password links their own identity…
    let amina = crate::helpers::signed_in_as(&app, "amina", "learner").await;
    let mut intruder = Visit { app: &app, cookie: None };
    let callback = authorize(&intruder.start("one-window").await, "intruder").await;
    intruder.come_back(&callback).await;
    intruder.post("/api/link_provider_account", "username=amina&password=river+mango+lantern").await;
    assert_eq!(links().await, 1);
    // …and Amina's new password shuts them out of the link too.
    let body = "current_password=river+mango+lantern&new_password=a+brand+new+phrase";
    let changed = post_form(&app, "/api/change_password", "/account", body, Some(&amina)).await;
    assert_eq!(changed.headers()["location"], "/account?changed=1");
    assert_eq!(links().await, 0, "the link went with the old password");
    let mut again = Visit { app: &app, cookie: None };
    let callback = authorize(&again.start("one-window").await, "intruder").await;
    assert_eq!(again.come_back(&callback).await, "/welcome", "no way into Amina's account");

    // An administrator's account is not opened by a partner's sign-in.
    crate::helpers::signed_in_as(&app, "root", "admin").await;
    let refused = again.post("/api/link_provider_account", "username=root&password=river+mango+lantern").await;
    assert!(crate::helpers::refusal(&refused).contains("identity-staff-not-linked"));
    assert_eq!(links().await, 0);
}

#[tokio::test]
async fn a_providers_learner_leaves_its_organisation_with_a_new_role() {
    use app::accounts::{Actor, Username};
    let provider = start_provider(&[]).await;
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &provider.issuer)]).await;
    set_claims(&provider, "nodira", serde_json::json!({ "preferred_username": "nodira" })).await;
    let mut visit = Visit { app: &app, cookie: None };
    let callback = authorize(&visit.start("one-window").await, "nodira").await;
    visit.come_back(&callback).await;
    visit.post("/api/create_provider_account", "").await;
    let db = &app.state.db;
    let find = || async {
        user::Entity::find().filter(user::Column::Username.eq("nodira")).one(&db.reader).await.unwrap().unwrap()
    };
    assert!(find().await.organisation_id.is_some());
    let actor = Actor { user_id: None, client_address: None };
    let nodira = Username::parse("nodira").unwrap();
    app::accounts::set_role(db, &nodira, app::model::Role::Manager, &actor).await.unwrap();
    assert_eq!(
        find().await.organisation_id,
        None,
        "a new manager is scoped by an administrator, not by where they came from"
    );
}

#[tokio::test]
async fn an_account_without_a_password_keeps_its_last_link() {
    let provider = start_provider(&[]).await;
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &provider.issuer)]).await;
    let mut visit = Visit { app: &app, cookie: None };
    let callback = authorize(&visit.start("one-window").await, "only-way").await;
    visit.come_back(&callback).await;
    visit.post("/api/create_provider_account", "").await;
    let refused = visit.post("/api/unlink_identity", "provider=one-window").await;
    assert!(crate::helpers::refusal(&refused).contains("identity-last-way-in"), "{:?}", refused.headers());
    assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 1);
    // Another's provider name in the form changes nothing either.
    let refused = visit.post("/api/unlink_identity", "provider=elsewhere").await;
    assert!(crate::helpers::refusal(&refused).contains("identity-not-linked"));
}

#[tokio::test]
async fn a_token_with_another_sign_ins_nonce_a_code_used_twice_or_for_another_client_is_refused() {
    let provider = start_provider(&[]).await;
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &provider.issuer)]).await;
    let refused = "/login?provider=one-window&problem=failed";

    // Wrong nonce: the provider is asked with another sign-in's nonce.
    let mut other = Visit { app: &app, cookie: None };
    let their_nonce = param(&other.start("one-window").await, "nonce");
    let mut visit = Visit { app: &app, cookie: None };
    let authorization = with_param(&visit.start("one-window").await, "nonce", &their_nonce);
    let callback = authorize(&authorization, "mallory").await;
    assert_eq!(visit.come_back(&callback).await, refused, "a token for another sign-in's nonce");

    // A code used once already, brought back with a new sign-in's state.
    let mut first = Visit { app: &app, cookie: None };
    let used = authorize(&first.start("one-window").await, "rustam").await;
    assert_eq!(first.come_back(&used).await, "/welcome");
    let mut replay = Visit { app: &app, cookie: None };
    let fresh_state = param(&replay.start("one-window").await, "state");
    let replayed = with_param(&used, "state", &fresh_state);
    assert_eq!(replay.come_back(&replayed).await, refused, "a code is good once");

    // A code the provider issued to another client (its ID token's
    // audience is that client): the provider will not exchange it for us.
    let mut visit = Visit { app: &app, cookie: None };
    let authorization = with_param(&visit.start("one-window").await, "client_id", "someone-else");
    let callback = authorize(&authorization, "mallory").await;
    assert_eq!(visit.come_back(&callback).await, refused, "a code for another client");

    // A state this browser never sent.
    let mut visit = Visit { app: &app, cookie: None };
    let authorization = visit.start("one-window").await;
    let callback = with_param(&authorize(&authorization, "mallory").await, "state", "made-up");
    assert_eq!(visit.come_back(&callback).await, refused, "a state not sent from here");
    // And a callback in a browser that started nothing.
    let mut stranger = Visit { app: &app, cookie: None };
    let callback = authorize(&Visit { app: &app, cookie: None }.start("one-window").await, "mallory").await;
    assert_eq!(stranger.come_back(&callback).await, refused);

    assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 0, "nobody got in");
    let page = app.get_text(refused).await.1;
    assert!(page.contains("Signing in with One Window did not work"), "the login page says so");
}

#[tokio::test]
async fn an_expired_id_token_is_refused() {
    // This provider's tokens expired two minutes before they were issued.
    let provider = start_provider(&["--token-max-age=-120"]).await;
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &provider.issuer)]).await;
    let mut visit = Visit { app: &app, cookie: None };
    let callback = authorize(&visit.start("one-window").await, "late").await;
    assert_eq!(visit.come_back(&callback).await, "/login?provider=one-window&problem=failed");
    assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
}

#[tokio::test]
async fn a_provider_that_is_down_gets_a_clear_message_and_passwords_still_work() {
    let provider = start_provider(&[]).await;
    let issuer = provider.issuer.clone();
    drop(provider);
    let (app, _folder) = spawn_with_providers(Backend::Sqlite, &[("one-window", &issuer)]).await;
    let response = post_form(&app, "/sign-in/one-window", "/login", "", None).await;
    assert_eq!(response.status(), 303);
    let back = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(back, "/login?provider=one-window&problem=unavailable");
    let page = app.get_text(&back).await.1;
    assert!(page.contains("Signing in with One Window is not possible right now"), "{page}");
    assert!(page.contains("action=\"/api/login\""), "the password form is there");
    crate::helpers::signed_in_as(&app, "farida", "learner").await;
    // An unknown provider is nobody's.
    assert_eq!(post_form(&app, "/sign-in/elsewhere", "/login", "", None).await.status(), 404);
}

#[tokio::test]
async fn a_server_without_providers_offers_none_and_a_bad_file_stops_it() {
    let app = crate::helpers::spawn_app(Backend::Sqlite).await;
    let login = app.get_text("/login").await.1;
    assert!(!login.contains("/sign-in/"), "no provider, no button");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("providers.toml");
    std::fs::write(&path, "[[provider]]\nid = \"x\"\nissuer = \"http://id.example\"\nclient_id = \"a\"\nclient_secret = \"b\"\nname = { en = \"X\" }\n").unwrap();
    let database = crate::helpers::TestDatabase::new(Backend::Sqlite);
    let mut settings = database.settings(crate::helpers::sample_courses());
    settings.identity_providers = Some(path);
    let refused = server::startup::Application::build(settings).await.err().expect("refused");
    assert!(refused.to_string().contains("https://"), "{refused}");
}
