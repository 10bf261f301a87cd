//! Regression tests for what an attacker's review of the running server
//! found (issue 12): each test does what the attacker did, with the role and
//! the input they chose, and checks that it no longer works.

use app::entities::{certificate, cohort, enrolment, import, session, user};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use time::OffsetDateTime;

use crate::helpers::{
    BACKENDS, Backend, TestApp, call, cookie_pair, device_cookie, page_with, post_form, set_cookie, signed_in_as,
    spawn_app,
};
use crate::learning::COURSE;
use crate::statistics::{register, upload};

/// A client that asks for compressed answers, as every browser does.
fn browser_like() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).gzip(true).brotli(true).build().unwrap()
}

/// `count` learners in a new cohort of `course`, inserted directly.
async fn learners_in_a_cohort(app: &TestApp, course: &str, count: usize) -> i64 {
    let now = OffsetDateTime::now_utc();
    let db = &app.state.db.writer;
    let cohort = cohort::Entity::insert(cohort::ActiveModel {
        course_id: Set(course.into()),
        name: Set("Big cohort".into()),
        code: Set("BIGCOHRT".into()),
        time_zone: Set("UTC".into()),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap()
    .last_insert_id;
    for chunk in (0..count).collect::<Vec<_>>().chunks(200) {
        user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
            username: Set(format!("learner{n:05}")),
            display_name: Set(format!("Learner number {n} with a longish name")),
            password_hash: Set("!".into()),
            role: Set("learner".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    let users = user::Entity::find().all(db).await.unwrap();
    for chunk in users.iter().filter(|user| user.username.starts_with("learner")).collect::<Vec<_>>().chunks(200) {
        enrolment::Entity::insert_many(chunk.iter().map(|user| enrolment::ActiveModel {
            user_id: Set(user.id),
            course_id: Set(course.into()),
            cohort_id: Set(Some(cohort)),
            enrolled_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    cohort
}

#[tokio::test]
async fn the_learners_csv_arrives_whole_when_the_browser_asks_for_gzip_or_brotli() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    // Well over one 64 KB piece of the stream.
    let cohort = learners_in_a_cohort(&app, COURSE, 1500).await;
    for encoding in ["gzip", "br"] {
        for path in [format!("/manage/courses/{COURSE}/learners.csv"), format!("/manage/cohorts/{cohort}/learners.csv")]
        {
            let response = browser_like()
                .get(format!("{}{path}", app.address))
                .header("cookie", &manager)
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path} with {encoding}");
            let text = response.text().await.expect("the whole file, not a cut connection");
            let lines = text.trim_end().split("\r\n").count();
            assert_eq!(lines, 1501, "{path} with {encoding}: a header and every learner");
            assert!(text.contains("learner01499"), "{path} with {encoding}: the last learner is there");
        }
    }
}

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

async fn join(app: &TestApp, learner: &str, cohort: &cohort::Model) {
    let response = post_form(app, "/api/join_cohort", "/join", &format!("code={}", cohort.code), Some(learner)).await;
    assert!(response.headers()["location"].to_str().unwrap().starts_with("/courses/"), "joined {}", cohort.name);
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

#[tokio::test]
async fn a_date_beyond_any_calendar_is_a_filter_problem_not_a_crash() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    for path in
        ["/manage/statistics/funnel.csv?to=9999-12-31", "/manage?to=9999-12-31&lang=en", "/manage?from=0001-01-01"]
    {
        let (status, _) = crate::statistics::download(&app, path, &manager).await;
        assert_eq!(status, 200, "{path}");
    }
    assert!(page_with(&app, "/manage?to=9999-12-31&lang=en", &manager).await.contains("was not understood"));
}

/// Registers, completes the course (a certificate), joins a cohort, is
/// named in a stored enrolment file with answers, then deletes the account.
#[tokio::test]
async fn a_deleted_account_stays_deleted_and_its_personal_data_is_gone_everywhere() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "maryam", "manager").await;
        let instructor = signed_in_as(&app, "farida", "instructor").await;
        let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
        let amina = register(&app, "amina", "Amina Khan").await;
        join(&app, &amina, &cohort).await;
        crate::certificates::complete_all_but(&app, &amina, 0).await;
        let code = app::codes::grouped(
            &certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().verify_code,
        );
        let file = format!(
            "name,username,cohort,gender,consent\nAmina Khan,amina,{},female,yes\n",
            app::codes::grouped(&cohort.code)
        );
        upload(&app, &manager, file.into_bytes()).await;

        let response =
            post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&amina))
                .await;
        assert_eq!(response.headers()["location"], "/", "{backend:?}: deleted");
        let deleted = user::Entity::find()
            .filter(user::Column::DeletedAt.is_not_null())
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .unwrap();

        // Nobody can bring it back.
        let username = format!("username={}", deleted.username);
        for (who, cookie) in [("manager", &manager), ("instructor", &instructor)] {
            let status = call(&app, "/api/issue_reset_code", &username, Some(cookie)).await;
            assert!(
                status == 404 || status == 403,
                "{backend:?}: {who} issued a code for a deleted account ({status})"
            );
        }
        let cli = server::cli::UsersCommand::ResetCode {
            username: deleted.username.clone(),
            settings: app.database().settings(crate::helpers::sample_courses()),
        };
        assert!(server::users::run(cli, &mut "".as_bytes()).await.is_err(), "{backend:?}: nor from the command line");
        let admin = signed_in_as(&app, "root", "admin").await;
        assert_eq!(call(&app, "/api/change_role", &format!("{username}&role=admin"), Some(&admin)).await, 404);
        let login = format!("{username}&password=river+mango+lantern");
        let response = post_form(&app, "/api/login", "/login", &login, None).await;
        assert!(set_cookie(&response).is_none(), "{backend:?}: no sign-in");

        // Its name is nowhere a person can read it.
        let (_, verify) = app.get_text(&format!("/verify/{code}?lang=en")).await;
        assert!(!verify.contains("Amina"), "{backend:?}: the verify page names nobody");
        assert!(verify.contains("deleted their account"), "{backend:?}");
        let files = import::Entity::find().all(&app.state.db.reader).await.unwrap();
        assert!(
            files.iter().all(|file| !file.content.contains("Amina") && !file.content.contains("female")),
            "{backend:?}: {files:?}"
        );
        let report = page_with(&app, &format!("/manage/import/{}?lang=en", files[0].id), &manager).await;
        assert!(!report.contains("Amina"), "{backend:?}: nor the dry-run page");
        let addresses = app::entities::audit_log::Entity::find()
            .filter(app::entities::audit_log::Column::SubjectId.eq(deleted.id))
            .all(&app.state.db.reader)
            .await
            .unwrap();
        assert!(addresses.iter().all(|entry| entry.client_address.is_none()), "{backend:?}: addresses erased");
        let certificate = certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(certificate.learner_name, "");
        let places = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(deleted.id))
            .filter(enrolment::Column::LeftAt.is_null())
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(places, 0, "{backend:?}: the cohort place is given up");
    }
}

#[tokio::test]
async fn withdrawing_consent_erases_the_answer_from_stored_enrolment_files_too() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
    let code = app::codes::grouped(&cohort.code);
    let file =
        format!("name,username,cohort,gender,consent\nBibi,bibi,{code},female,yes\nNoor,noor,{code},female,yes\n");
    let report = upload(&app, &manager, file.into_bytes()).await;
    let stored = import::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(stored.content.contains("female"), "kept for the dry run");
    let id = report.trim_start_matches("/manage/import/");
    post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
    let stored = import::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(!stored.content.contains("female"), "applied: the answers live in the profiles, with their consent");
    assert!(stored.content.contains("bibi"));

    // A file not yet applied names an existing learner with an answer; she withdraws.
    let pending = format!("name,username,cohort,gender,consent\nBibi,bibi,{code},female,yes\n");
    upload(&app, &manager, pending.into_bytes()).await;
    let bibi = user::Entity::find()
        .filter(user::Column::Username.eq("bibi"))
        .one(&app.state.db.reader)
        .await
        .unwrap()
        .unwrap();
    let actor = app::accounts::Actor { user_id: Some(bibi.id), client_address: None };
    app::accounts::save_profile(&app.state.db, bibi.id, &Vec::new(), &actor).await.unwrap();
    for file in import::Entity::find().all(&app.state.db.reader).await.unwrap() {
        assert!(!file.content.contains("female"), "file {}: {}", file.id, file.content);
    }
}

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
async fn instructors_see_no_breakdowns_by_profile_answers_anywhere() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let farida = signed_in_as(&app, "farida", "instructor").await;
    let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
    for table in ["gender", "age_band", "region"] {
        let path = format!("/manage/statistics/{table}.csv?course={COURSE}");
        assert_eq!(crate::statistics::download(&app, &path, &farida).await.0, 403, "{table}");
        assert_eq!(crate::statistics::download(&app, &path, &manager).await.0, 200, "{table}");
    }
    let page = page_with(&app, &format!("/manage/cohorts/{}?lang=en", cohort.id), &farida).await;
    assert!(page.contains("Evening"), "her course's cohort");
    assert!(!page.contains("Gender") && !page.contains("gender.csv"), "no breakdown on the page");
    let page = page_with(&app, &format!("/manage/cohorts/{}?lang=en", cohort.id), &manager).await;
    assert!(page.contains("gender.csv"), "managers have them");
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

/// A course and one of its cohorts (`None`: its learners in no cohort).
type CohortRow = (String, Option<i64>);
/// How many learners of each cohort gave each answer, and completed or not.
type Truth = std::collections::BTreeMap<(CohortRow, Option<String>, bool), u64>;

/// A small deterministic generator: the same programme every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Whether `target` (a vector over the unknowns) is a linear combination of
/// `equations`: then the unknown it picks out can be worked out.
fn determined(equations: &[Vec<f64>], target: &[f64]) -> bool {
    fn rank(rows: &[Vec<f64>]) -> usize {
        let mut rows: Vec<Vec<f64>> = rows.to_vec();
        let columns = rows.first().map_or(0, Vec::len);
        let mut rank = 0;
        for column in 0..columns {
            let Some(pivot) =
                (rank..rows.len()).max_by(|&a, &b| rows[a][column].abs().total_cmp(&rows[b][column].abs()))
            else {
                break;
            };
            if rows[pivot][column].abs() < 1e-9 {
                continue;
            }
            rows.swap(rank, pivot);
            for other in 0..rows.len() {
                if other != rank {
                    let factor = rows[other][column] / rows[rank][column];
                    let pivot_row = rows[rank].clone();
                    for (value, pivot) in rows[other].iter_mut().zip(pivot_row).skip(column) {
                        *value -= factor * pivot;
                    }
                }
            }
            rank += 1;
        }
        rank
    }
    let mut with = equations.to_vec();
    with.push(target.to_vec());
    rank(&with) == rank(equations)
}

/// Breakdowns are requested every way a manager can (programme, each
/// course, cohort and organisation, and each course within each
/// organisation); every number of every view, every cohort's total and how
/// many of each cohort completed (managers see the members by name, with
/// their progress) are then set against the finest cells as equations. No
/// count of a hidden cohort may follow from them, and every figure shown
/// adds up exactly the cohorts shown.
#[tokio::test]
async fn no_small_group_can_be_worked_out_by_differencing_any_views() {
    use std::collections::BTreeMap;
    let app = spawn_app(Backend::Sqlite).await;
    let now = OffsetDateTime::now_utc();
    let fixture = crate::statistics::Fixture { db: &app.state.db, now };
    let mut organisations = Vec::new();
    for name in ["Lahore Centre", "Tashkent Hub"] {
        let inserted = app::entities::organisation::Entity::insert(app::entities::organisation::ActiveModel {
            name: Set(name.into()),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&app.state.db.writer)
        .await
        .unwrap();
        organisations.push(inserted.last_insert_id);
    }
    let courses = ["online-safety", "smartphone-basics"];
    // Cohorts: (course, organisation); each course's last group enrols alone.
    let plan = [(0, Some(0)), (0, Some(1)), (0, None), (1, Some(0)), (1, Some(1)), (1, Some(0)), (0, Some(0))];
    let mut cohorts = Vec::new();
    for (index, (course, organisation)) in plan.iter().enumerate() {
        let organisation = organisation.map(|o| organisations[o]);
        let code = format!("COHORT{index:02}");
        cohorts.push((fixture.cohort(courses[*course], &code, organisation).await, *course, organisation, code));
    }
    let genders = [Some("female"), Some("male"), Some("other"), None];
    let mut random = Lcg(11);
    let mut truth: Truth = BTreeMap::new();
    let mut rows: Vec<CohortRow> = Vec::new();
    let mut person = 0;
    for group in 0..cohorts.len() + courses.len() {
        let (course, cohort) = match cohorts.get(group) {
            Some((id, course, _, _)) => (*course, Some(*id)),
            None => (group - cohorts.len(), None),
        };
        let row = (courses[course].to_string(), cohort);
        rows.push(row.clone());
        // Some cohorts large and even, so that some are shown.
        let (size, mix): (u64, &[usize]) = if group % 3 == 0 {
            (40 + random.below(10), &[0, 1])
        } else {
            (3 + random.below(14), &[0, 0, 0, 1, 1, 2, 3])
        };
        for _ in 0..size {
            let gender = genders[mix[random.below(mix.len() as u64) as usize]];
            let id = fixture.user(&format!("person{person:04}"), gender).await;
            person += 1;
            fixture.enrol(id, courses[course], cohort, now, None).await;
            let completed = random.below(2) == 0;
            if completed {
                fixture.complete(id, courses[course], now).await;
            }
            *truth.entry((row.clone(), gender.map(str::to_string), completed)).or_default() += 1;
        }
    }
    let manager = signed_in_as(&app, "programme", "manager").await;
    let answer_of = |label: &str| -> Option<String> {
        genders
            .iter()
            .flatten()
            .find(|gender| {
                app::i18n::translate(app::language::Language::En, &format!("profile-gender-{gender}"), None) == label
            })
            .map(|gender| gender.to_string())
    };
    let count = |row: &CohortRow, answer: &Option<String>, done: bool| {
        truth.get(&(row.clone(), answer.clone(), done)).copied().unwrap_or(0)
    };
    let hidden = |row: &CohortRow| {
        let answers: Vec<app::statistics::AnswerCounts> = genders
            .iter()
            .map(|gender| {
                let answer = gender.map(str::to_string);
                let (done, not) = (count(row, &answer, true), count(row, &answer, false));
                app::statistics::AnswerCounts { enrolled: done + not, completed: done }
            })
            .collect();
        app::statistics::row_is_hidden(&answers, 5)
    };
    assert!(rows.iter().any(|row| !hidden(row)), "some cohorts are shown");
    assert!(rows.iter().any(&hidden), "some are left out");
    // Every view: its filters, and the rows it covers.
    let mut views: Vec<(String, Vec<CohortRow>)> = vec![(String::new(), rows.clone())];
    for course in courses {
        views.push((format!("course={course}"), rows.iter().filter(|(c, _)| c == course).cloned().collect()));
        for organisation in &organisations {
            let covered = cohorts
                .iter()
                .filter(|(_, c, o, _)| courses[*c] == course && *o == Some(*organisation))
                .map(|(id, _, _, _)| (course.to_string(), Some(*id)))
                .collect();
            views.push((format!("course={course}&organisation={organisation}"), covered));
        }
    }
    for (id, course, _, _) in &cohorts {
        views.push((format!("cohort={id}"), vec![(courses[*course].to_string(), Some(*id))]));
    }
    for organisation in &organisations {
        let covered = cohorts
            .iter()
            .filter(|(_, _, o, _)| *o == Some(*organisation))
            .map(|(id, course, _, _)| (courses[*course].to_string(), Some(*id)))
            .collect();
        views.push((format!("organisation={organisation}"), covered));
    }
    let unknowns: Vec<(CohortRow, Option<String>, bool)> = rows
        .iter()
        .flat_map(|row| {
            genders
                .iter()
                .flat_map(move |gender| [true, false].map(|done| (row.clone(), gender.map(str::to_string), done)))
        })
        .collect();
    let at = |row: &CohortRow, answer: &Option<String>, done: bool| {
        unknowns.iter().position(|(r, a, d)| r == row && a == answer && *d == done).unwrap()
    };
    let mut equations: Vec<Vec<f64>> = Vec::new();
    // Known per cohort: how many completed, how many did not.
    for row in &rows {
        for done in [true, false] {
            let mut equation = vec![0.0; unknowns.len()];
            for gender in genders {
                equation[at(row, &gender.map(str::to_string), done)] = 1.0;
            }
            equations.push(equation);
        }
    }
    for (filters, covered) in &views {
        let path = format!("/manage/statistics/gender.csv?{filters}");
        let (status, text) = crate::statistics::download(&app, &path, &manager).await;
        assert_eq!(status, 200, "{filters}");
        let shown: Vec<&CohortRow> = covered.iter().filter(|row| !hidden(row)).collect();
        for record in crate::statistics::records(&text).into_iter().skip(1) {
            let answer = answer_of(&record[0]);
            if record[1] == "not shown" {
                assert!(shown.is_empty(), "{filters}: {record:?} not shown, though cohorts are");
                continue;
            }
            let expected = |done: &[bool]| -> u64 {
                shown.iter().flat_map(|row| done.iter().map(|d| count(row, &answer, *d))).sum()
            };
            assert_eq!(record[1].parse::<u64>().unwrap(), expected(&[true, false]), "{filters}: {record:?} enrolled");
            assert_eq!(record[2].parse::<u64>().unwrap(), expected(&[true]), "{filters}: {record:?} completed");
            // The attacker's equations: what each figure adds up.
            for done in [&[true, false][..], &[true][..]] {
                let mut equation = vec![0.0; unknowns.len()];
                for row in &shown {
                    for d in done {
                        equation[at(row, &answer, *d)] = 1.0;
                    }
                }
                equations.push(equation);
            }
        }
    }
    let mut protected = 0;
    for (index, (row, answer, done)) in unknowns.iter().enumerate() {
        if !hidden(row) {
            continue;
        }
        protected += 1;
        let mut target = vec![0.0; unknowns.len()];
        target[index] = 1.0;
        let value = count(row, answer, *done);
        assert!(!determined(&equations, &target), "{row:?} {answer:?} completed={done} ({value}) can be worked out");
    }
    assert!(protected > 20, "the generated programme has cohorts to protect ({protected} cells)");

    // Date ranges get no breakdowns at all.
    let dated = crate::statistics::download(&app, "/manage/statistics/gender.csv?from=2020-01-01", &manager).await;
    assert_eq!(dated.0, 404, "no breakdown for a range of dates");
    let page = page_with(&app, "/manage?from=2020-01-01&lang=en", &manager).await;
    assert!(page.contains("not shown for a range of dates"));
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
