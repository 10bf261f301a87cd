//! The studio, as instructors and attackers use it over HTTP: a course
//! written in the browser, saved with version tokens, previewed, published
//! to another instance, compared, restored and exported; everyone else
//! refused.

use std::time::{Duration, Instant};

use sea_orm::EntityTrait;
use server::startup::Application;

use crate::helpers::{
    BACKENDS, Backend, TestApp, TestDatabase, page_with, post_form, refusal, sample_courses, signed_in_as, spawn_app_on,
};

const COURSE: &str = "phone-basics";
const LESSON: &str = "01-introduction/01-welcome.md";

fn encode(text: &str) -> String {
    app::statistics::reporting::encode(text)
}

fn lesson_text(sentence: &str) -> String {
    format!(
        "+++\ntitle = \"Welcome\"\nminutes = 5\n+++\n\n{sentence}\n\n\
         ::: question first-step single\nWhat do you do first?\n\n\
         - [x] Charge the phone {{#charge}}\n  A charged phone lasts the lesson.\n\
         - [ ] Nothing {{#nothing}}\n:::\n"
    )
}

/// Another instance on the same database, with a data folder of its own
/// (its own folder of studio courses and drafts).
async fn another_instance(database: &TestDatabase) -> (TestApp, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut settings = database.settings(sample_courses());
    settings.data_dir = data.path().to_path_buf();
    let application = Application::build(settings).await.expect("the second instance starts");
    let address = format!("http://{}", application.local_addr());
    let state = application.state().clone();
    tokio::spawn(application.run_until_stopped());
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_gzip().no_brotli().build().unwrap();
    (TestApp::from_parts(address, state, client, database.shared()), data)
}

async fn revision_of(app: &TestApp, path: &str) -> String {
    app::studio::store::draft_file(&app.state.db.reader, COURSE, path)
        .await
        .unwrap()
        .map(|row| row.revision.to_string())
        .unwrap_or_default()
}

async fn draft_revision(app: &TestApp) -> i64 {
    app::studio::store::course(&app.state.db.reader, COURSE).await.unwrap().unwrap().draft_revision
}

async fn save(app: &TestApp, cookie: &str, revision: &str, text: &str) -> reqwest::Response {
    let body = format!("course={COURSE}&path={}&revision={revision}&text={}&intent=save", encode(LESSON), encode(text));
    post_form(app, "/api/save_studio_file", &format!("/studio/{COURSE}/edit"), &body, Some(cookie)).await
}

async fn publish(app: &TestApp, cookie: &str, message: &str) -> reqwest::Response {
    let body = format!("course={COURSE}&revision={}&message={}", draft_revision(app).await, encode(message));
    post_form(app, "/api/publish_studio_course", &format!("/studio/{COURSE}"), &body, Some(cookie)).await
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_course_written_in_the_studio_is_published_to_every_instance_with_history() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let first = spawn_app_on(&database).await;
        let (second, _data) = another_instance(&database).await;
        let admin = signed_in_as(&first, "zarina", "admin").await;
        let farida = signed_in_as(&first, "farida", "instructor").await;

        let body = "id=phone-basics&title=Phone+basics&language=en&level=beginner";
        let created = post_form(&first, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
        assert_eq!(location(&created), "/studio/phone-basics", "{backend:?}: {}", refusal(&created));
        let named = "course=phone-basics&instructors=farida";
        let response =
            post_form(&first, "/api/manage_studio_course", "/studio/phone-basics", named, Some(&admin)).await;
        assert_eq!(location(&response), "/studio/phone-basics#manage", "{backend:?}: {}", refusal(&response));

        // Farida writes the lesson; a second tab still holding the old
        // revision is refused, and shown both texts.
        let opened = revision_of(&first, LESSON).await;
        let saved = save(&first, &farida, &opened, &lesson_text("Hold the phone with both hands.")).await;
        assert!(location(&saved).contains("saved=1"), "{backend:?}: {}", refusal(&saved));
        let stale = save(&first, &farida, &opened, &lesson_text("A second tab's text.")).await;
        let conflict = location(&stale);
        assert!(conflict.contains("yours="), "{backend:?}: {conflict}");
        let page = page_with(&first, &conflict, &farida).await;
        assert!(page.contains("Hold the phone with both hands.") && page.contains("A second tab"), "{backend:?}");

        // The preview is the learner's page, from the draft.
        let preview = page_with(&first, &format!("/studio/{COURSE}/preview/welcome"), &farida).await;
        assert!(preview.contains("Hold the phone with both hands."), "{backend:?}");
        assert!(preview.contains("What do you do first?"), "{backend:?}: the quiz is shown");

        let (status, _) = second.get_text("/courses/phone-basics/welcome").await;
        assert_eq!(status, 404, "{backend:?}: a draft is nobody's to read");
        let published = publish(&first, &farida, "First version").await;
        assert_eq!(location(&published), "/studio/phone-basics?published=1", "{backend:?}: {}", refusal(&published));

        // The other instance serves it within seconds.
        let started = Instant::now();
        loop {
            let (status, html) = second.get_text("/courses/phone-basics/welcome").await;
            if status == 200 && html.contains("Hold the phone with both hands.") {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(15), "{backend:?}: not served elsewhere ({status})");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // A second version; the two compared, the first restored.
        let saved = save(&first, &farida, &revision_of(&first, LESSON).await, &lesson_text("Keep it charged.")).await;
        assert!(location(&saved).contains("saved=1"), "{backend:?}");
        let again = publish(&first, &farida, "Charging").await;
        assert!(location(&again).contains("published=1"), "{backend:?}: {}", refusal(&again));
        let nothing = publish(&first, &farida, "Again").await;
        assert!(refusal(&nothing).contains("studio-error-nothing-changed"), "{backend:?}");
        let history = page_with(&first, &format!("/studio/{COURSE}/history?from=1&to=2"), &farida).await;
        assert!(history.contains("Charging") && history.contains("First version"), "{backend:?}");
        assert!(history.contains("Keep it charged.") && history.contains("Hold the phone"), "{backend:?}: the diff");
        let body = format!("course={COURSE}&number=1");
        let restored = post_form(&first, "/api/restore_studio_version", "/studio", &body, Some(&farida)).await;
        assert!(location(&restored).contains("restored=1"), "{backend:?}: {}", refusal(&restored));
        let draft = app::studio::versions::draft_files(&first.state.db.reader, COURSE).await.unwrap();
        let one = app::studio::versions::version(&first.state.db.reader, COURSE, 1).await.unwrap().unwrap();
        assert_eq!(draft, one.files, "{backend:?}: the draft is version 1 again");

        // Who teaches the course is the administrators' choice: a course.toml
        // naming someone else changes nothing of it.
        let body = format!(
            "course={COURSE}&path=course.toml&revision={}&intent=save&text={}",
            revision_of(&first, "course.toml").await,
            encode("title = \"Phone basics\"\nsummary = \"Basics.\"\ninstructors = [\"farida\", \"mallory\"]\n")
        );
        let saved = post_form(&first, "/api/save_studio_file", "/studio", &body, Some(&farida)).await;
        assert!(location(&saved).contains("saved=1"), "{backend:?}: {}", refusal(&saved));
        let published = publish(&first, &farida, "Instructors?").await;
        assert!(location(&published).contains("published=1"), "{backend:?}: {}", refusal(&published));
        let catalog = first.state.catalog.current();
        assert_eq!(catalog.course(COURSE).unwrap().instructors, ["farida"], "{backend:?}: the row's, not the file's");

        // Exported, the course is a folder that loads without a problem.
        let out = tempfile::tempdir().unwrap();
        assert!(app::studio::folders::export(&first.state.db.reader, COURSE, out.path()).await.unwrap());
        let loaded = app::catalog::load(out.path(), app::catalog::BrokenCourses::Refuse).expect("it loads");
        assert!(loaded.problems.is_empty(), "{backend:?}: {:?}", loaded.problems);
        let actions = crate::helpers::audit_actions(&first).await;
        for action in ["studio.course_created", "studio.file_saved", "studio.published", "studio.restored"] {
            assert!(actions.iter().any(|found| found == action), "{backend:?}: {action} in the audit log");
        }
    }
}

#[tokio::test]
async fn only_the_courses_instructors_and_administrators_see_or_change_its_draft() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let admin = signed_in_as(&app, "zarina", "admin").await;
    let farida = signed_in_as(&app, "farida", "instructor").await;
    let body = "id=phone-basics&title=Phone+basics&language=ur&level=beginner";
    post_form(&app, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
    let unknown = "course=phone-basics&instructors=nobody-here";
    let refused = post_form(&app, "/api/manage_studio_course", "/studio", unknown, Some(&admin)).await;
    assert!(refusal(&refused).contains("studio-error-instructors"), "only existing instructors are named");
    post_form(&app, "/api/manage_studio_course", "/studio", "course=phone-basics&instructors=farida", Some(&admin))
        .await;
    let others = [
        ("other-instructor", signed_in_as(&app, "bilal", "instructor").await),
        ("manager", signed_in_as(&app, "maryam", "manager").await),
        ("learner", signed_in_as(&app, "amina", "learner").await),
        ("visitor", String::new()),
    ];
    let revision = revision_of(&app, LESSON).await;
    for (who, cookie) in &others {
        for path in [
            format!("/studio/{COURSE}"),
            format!("/studio/{COURSE}/edit?path={}", encode(LESSON)),
            format!("/studio/{COURSE}/history"),
            format!("/studio/{COURSE}/preview/welcome"),
        ] {
            let response =
                app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap();
            let status = response.status().as_u16();
            let html = response.text().await.unwrap();
            assert!(matches!(status, 401 | 403 | 404), "{who}: {path} answered {status}");
            assert!(!html.contains("Welcome") || !html.contains("+++"), "{who}: {path} shows no draft");
        }
        let saved = save(&app, cookie, &revision, &lesson_text("Taken over.")).await;
        assert!(!location(&saved).contains("saved=1"), "{who} cannot save");
        let published = publish(&app, cookie, "Mine").await;
        assert!(!location(&published).contains("published=1"), "{who} cannot publish");
        let body = format!("course={COURSE}&instructors={who}");
        let named = post_form(&app, "/api/manage_studio_course", "/studio", &body, Some(cookie)).await;
        assert!(!location(&named).ends_with("#manage"), "{who} cannot name instructors");
    }
    let text = app::studio::store::draft_file(&app.state.db.reader, COURSE, LESSON).await.unwrap().unwrap();
    let bytes = app::studio::store::blob(&app.state.db.reader, &text.hash).await.unwrap().unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("Taken over."), "nothing changed");

    // Her own course: a lesson over 200 KB is refused; script in a lesson
    // never reaches the page.
    let long = "a".repeat(app::studio::paths::MAX_LESSON_BYTES + 1);
    let refused = save(&app, &farida, &revision, &long).await;
    assert!(refusal(&refused).contains("studio-error-too-long"), "{}", location(&refused));
    let hostile = lesson_text("<script>alert(1)</script><img src=x onerror=alert(2)>");
    let saved = save(&app, &farida, &revision, &hostile).await;
    assert!(location(&saved).contains("saved=1"));
    let preview = page_with(&app, &format!("/studio/{COURSE}/preview/welcome"), &farida).await;
    assert!(!preview.contains("<script>alert") && !preview.contains("onerror=alert"), "sanitised");
    // The preview may be framed by the studio's own page, and by no other site.
    let framed = app
        .client
        .get(format!("{}/studio/{COURSE}/preview/welcome", app.address))
        .header("cookie", &farida)
        .send()
        .await
        .unwrap();
    assert_eq!(framed.headers()["x-frame-options"], "SAMEORIGIN");
    let policy = framed.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("frame-ancestors 'self'") && policy.contains("script-src 'self'"), "{policy}");
    assert_eq!(framed.headers()["x-content-type-options"], "nosniff");

    // Reviews: a course that requires one is not published by its author.
    let body = "course=phone-basics&instructors=farida+bilal&review_required=on";
    post_form(&app, "/api/manage_studio_course", "/studio", body, Some(&admin)).await;
    let direct = publish(&app, &farida, "Straight out").await;
    assert!(!location(&direct).contains("published=1"), "review required");
    let propose = |revision: i64| {
        let body = format!("course={COURSE}&revision={revision}&message=Ready");
        let (app, farida) = (&app, farida.clone());
        async move { post_form(app, "/api/propose_studio_draft", "/studio", &body, Some(&farida)).await }
    };
    let approve = |cookie: String, revision: i64| {
        let body = format!("course={COURSE}&decision=approve&revision={revision}");
        let app = &app;
        async move { post_form(app, "/api/review_studio_draft", "/studio", &body, Some(&cookie)).await }
    };
    let stale = propose(draft_revision(&app).await - 1).await;
    assert!(refusal(&stale).contains("studio-error-draft-changed"), "only the draft as it is can be proposed");
    let proposed = draft_revision(&app).await;
    propose(proposed).await;
    let own = approve(farida.clone(), proposed).await;
    assert!(!location(&own).contains("published=1"), "nobody approves their own");
    // A change after the proposal is not approved with it.
    let sneaked =
        save(&app, &farida, &revision_of(&app, LESSON).await, &lesson_text("Changed after the proposal.")).await;
    assert!(location(&sneaked).contains("saved=1"));
    let bilal = others[0].1.clone();
    let refused = approve(bilal.clone(), proposed).await;
    assert!(refusal(&refused).contains("studio-error-draft-changed"), "{}", location(&refused));
    let proposed = draft_revision(&app).await;
    propose(proposed).await;
    let approved = approve(bilal.clone(), proposed).await;
    assert!(location(&approved).contains("published=1"), "{}", refusal(&approved));
    let versions = app::studio::versions::history(&app.state.db.reader, COURSE).await.unwrap();
    assert_eq!(versions.len(), 1);
    let bilal_id = app::entities::user::Entity::find()
        .all(&app.state.db.reader)
        .await
        .unwrap()
        .into_iter()
        .find(|user| user.username == "bilal")
        .unwrap()
        .id;
    assert_eq!(versions[0].approved_by, Some(bilal_id));

    // The published version downloads as a ZIP of the course folder, for its authors only.
    let zip = |cookie: &str| {
        let request = app.client.get(format!("{}/studio/{COURSE}/export.zip", app.address)).header("cookie", cookie);
        async move { request.send().await.unwrap() }
    };
    let response = zip(&farida).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let inside = b"phone-basics/course.toml";
    assert!(bytes.windows(inside.len()).any(|name| name == inside), "named inside by the course");
    for (who, cookie) in &others[1..] {
        let status = zip(cookie).await.status().as_u16();
        assert!(if cookie.is_empty() { matches!(status, 401 | 303) } else { status == 404 }, "{who}: {status}");
    }
}

#[tokio::test]
async fn contents_nothing_holds_are_swept_a_day_after_they_were_kept() {
    use sea_orm::{ColumnTrait, QueryFilter};
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let admin = signed_in_as(&app, "zarina", "admin").await;
    let body = "id=phone-basics&title=Phone+basics&language=en&level=beginner";
    post_form(&app, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
    let published = publish(&app, &admin, "First").await;
    assert!(location(&published).contains("published=1"), "{}", refusal(&published));
    // A preview's text, kept and never saved; then the lesson changed, so
    // that its first text is held by version 1 only.
    let body = format!("course={COURSE}&path={}&revision=&text=Only+a+preview&intent=preview", encode(LESSON));
    post_form(&app, "/api/save_studio_file", "/studio", &body, Some(&admin)).await;
    save(&app, &admin, &revision_of(&app, LESSON).await, &lesson_text("Changed.")).await;
    let db = &app.state.db.writer;
    use app::entities::studio_blob;
    let long_ago = time::OffsetDateTime::now_utc() - time::Duration::days(2);
    studio_blob::Entity::update_many()
        .col_expr(studio_blob::Column::StoredAt, sea_orm::sea_query::Expr::value(long_ago))
        .exec(db)
        .await
        .unwrap();
    let preview = app::studio::store::content_hash(b"Only a preview");
    let before = studio_blob::Entity::find().all(db).await.unwrap().len();
    assert_eq!(app::studio::store::sweep_unused_blobs(db).await.unwrap(), 1, "only the preview's text");
    assert!(studio_blob::Entity::find_by_id(preview).one(db).await.unwrap().is_none());
    assert_eq!(studio_blob::Entity::find().all(db).await.unwrap().len(), before - 1);
    // What the draft and the version hold still exports whole.
    let out = tempfile::tempdir().unwrap();
    assert!(app::studio::folders::export(db, COURSE, out.path()).await.unwrap());
    let held = studio_blob::Entity::find().filter(studio_blob::Column::Size.gt(0)).all(db).await.unwrap();
    assert!(!held.is_empty());
}

#[tokio::test]
async fn a_translation_knows_when_its_original_changed_and_its_readers_are_told() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let admin = signed_in_as(&app, "zarina", "admin").await;
    let body = "id=phone-basics&title=Phone+basics&language=en&level=beginner";
    post_form(&app, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
    save(&app, &admin, &revision_of(&app, LESSON).await, &lesson_text("Hold the phone with both hands.")).await;
    let translation = "01-introduction/01-welcome.ur.md";
    let urdu = "+++\ntitle = \"خوش آمدید\"\n+++\n\nفون کو دونوں ہاتھوں سے پکڑیں۔\n\n\
                ::: question first-step single\nپہلے کیا کریں؟\n\n\
                - [x] فون چارج کریں {#charge}\n  چارج فون سبق بھر چلتا ہے۔\n- [ ] کچھ نہیں {#nothing}\n:::\n";
    let save_translation = |revision: String| {
        let body = format!(
            "course={COURSE}&path={}&revision={revision}&text={}&intent=save&up_to_date=on",
            encode(translation),
            encode(urdu)
        );
        let app = &app;
        let admin = admin.clone();
        async move { post_form(app, "/api/save_studio_file", "/studio", &body, Some(&admin)).await }
    };
    let saved = save_translation(String::new()).await;
    assert!(location(&saved).contains("saved=1"), "{}", refusal(&saved));
    let kept = app::studio::store::draft_file(&app.state.db.reader, COURSE, translation).await.unwrap().unwrap();
    let kept =
        String::from_utf8(app::studio::store::blob(&app.state.db.reader, &kept.hash).await.unwrap().unwrap()).unwrap();
    let original = app::studio::store::draft_file(&app.state.db.reader, COURSE, LESSON).await.unwrap().unwrap();
    assert!(kept.contains(&format!("translated_from = \"{}\"", original.hash)), "{kept}");
    assert!(location(&publish(&app, &admin, "With Urdu").await).contains("published=1"));
    let newer = "سبق کے پچھلے ورژن سے";
    let (_, page) = app.get_text(&format!("/courses/{COURSE}/welcome?lang=ur")).await;
    assert!(page.contains("فون کو دونوں ہاتھوں سے پکڑیں") && !page.contains(newer), "up to date");

    // The original changes: the translation is stale, for its readers and its translator.
    save(&app, &admin, &revision_of(&app, LESSON).await, &lesson_text("Hold the phone firmly with both hands.")).await;
    let course_page = page_with(&app, &format!("/studio/{COURSE}?lang=en"), &admin).await;
    assert!(course_page.contains("older version of its original"), "the course's problems say so");
    let editor = page_with(&app, &format!("/studio/{COURSE}/edit?path={}&lang=en", encode(translation)), &admin).await;
    assert!(editor.contains("The original changed after this translation was made"), "the translator is told");
    assert!(
        editor.contains("Hold the phone firmly with both hands.") && editor.contains("class=\"removed\""),
        "with what changed"
    );
    assert!(location(&publish(&app, &admin, "Firmly").await).contains("published=1"));
    let (_, page) = app.get_text(&format!("/courses/{COURSE}/welcome?lang=ur")).await;
    assert!(page.contains(newer), "readers of the translation get a quiet note");
    let (_, page) = app.get_text(&format!("/courses/{COURSE}/welcome?lang=en")).await;
    assert!(!page.contains("earlier version of the lesson"), "readers of the original do not");

    // Brought up to date: the note goes.
    let saved = save_translation(revision_of(&app, translation).await).await;
    assert!(location(&saved).contains("saved=1"));
    assert!(location(&publish(&app, &admin, "Urdu up to date").await).contains("published=1"));
    let (_, page) = app.get_text(&format!("/courses/{COURSE}/welcome?lang=ur")).await;
    assert!(!page.contains(newer));
}

/// The draft's `course.toml`.
async fn course_toml(app: &TestApp) -> String {
    let file = app::studio::store::draft_file(&app.state.db.reader, COURSE, "course.toml").await.unwrap().unwrap();
    let bytes = app::studio::store::blob(&app.state.db.reader, &file.hash).await.unwrap().unwrap();
    String::from_utf8(bytes).unwrap()
}

#[tokio::test]
async fn an_author_saves_the_course_settings_with_a_version_token() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let admin = signed_in_as(&app, "zarina", "admin").await;
    let farida = signed_in_as(&app, "farida", "instructor").await;
    let bilal = signed_in_as(&app, "bilal", "instructor").await;
    for (body, named) in [
        ("id=phone-basics&title=Phone+basics&language=en&level=beginner", "course=phone-basics&instructors=farida"),
        ("id=other-course&title=Other&language=en&level=beginner", "course=other-course&instructors=bilal"),
    ] {
        let created = post_form(&app, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
        assert!(refusal(&created).is_empty(), "{}", refusal(&created));
        let response = post_form(&app, "/api/manage_studio_course", "/studio", named, Some(&admin)).await;
        assert!(location(&response).ends_with("#manage"), "{}", refusal(&response));
    }
    let urdu = "فون کی بنیادی باتیں";
    let settings = |title: &str, revision: &str| {
        format!(
            "course={COURSE}&title={}&summary={}&language=en&level=intermediate&hours=2.5&access=enrolled\
             &enrolment=open&certificate_issued=on&min_average_score=80&ur_title={}&ur_summary=\
             &ru_title=&ru_summary=&uz_title=&uz_summary=&revision={revision}",
            encode(title),
            encode("Using a phone, step by step."),
            encode(urdu),
        )
    };
    let page = format!("/studio/{COURSE}");
    let save_settings = |body: String, cookie: String| {
        let (app, page) = (&app, page.clone());
        async move { post_form(app, "/api/save_studio_settings", &page, &body, Some(&cookie)).await }
    };

    // Farida changes the title and adds an Urdu one.
    let opened = revision_of(&app, "course.toml").await;
    let saved = save_settings(settings("Phone basics for everyone", &opened), farida.clone()).await;
    assert_eq!(location(&saved), "/studio/phone-basics?settings=saved#settings", "{}", refusal(&saved));
    let text = course_toml(&app).await;
    let kept = app::studio::settings_of(&text).expect("course.toml reads back");
    assert_eq!(kept.title, "Phone basics for everyone", "{text}");
    assert_eq!(kept.summary, "Using a phone, step by step.");
    assert_eq!(kept.level, app::model::Level::Intermediate);
    assert_eq!(kept.hours, Some(2.5));
    assert_eq!(kept.access, app::model::Access::Enrolled);
    assert!(kept.certificate_issued);
    assert_eq!(kept.min_average_score, Some(80));
    let ur = app::language::Language::Ur;
    assert_eq!(kept.translations.get(&ur), Some(&(urdu.to_string(), None)), "{text}");
    assert_eq!(kept.translations.len(), 1, "languages without a title are not translations: {text}");
    assert!(text.contains("instructors = [\"farida\"]"), "the course's instructors stay: {text}");

    // The draft loads as `courses check` loads a course, without errors.
    let draft = app::studio::preview::load_draft(
        &app.state.db.reader,
        &app.state.sources.drafts,
        COURSE,
        None,
        app.state.sources.options.clone(),
    )
    .await
    .unwrap();
    assert!(draft.course.is_some(), "{:?}", draft.problems);
    assert!(!draft.problems.iter().any(|problem| problem.is_error()), "{:?}", draft.problems);
    let shown = page_with(&app, &format!("{}&lang=en", location(&saved).trim_end_matches("#settings")), &farida).await;
    assert!(shown.contains("The settings are saved in the draft."), "the save is confirmed");
    assert!(shown.contains("Phone basics for everyone") && shown.contains(urdu), "the form shows them");

    // A second tab, still at the revision it opened, is refused.
    let stale = save_settings(settings("A second tab's title", &opened), farida.clone()).await;
    assert!(refusal(&stale).contains("studio-error-settings-changed"), "{}", location(&stale));
    assert_eq!(app::studio::settings_of(&course_toml(&app).await).unwrap().title, "Phone basics for everyone");

    // A title over 120 characters is refused, and shown again.
    let current = revision_of(&app, "course.toml").await;
    let long = save_settings(settings(&"a".repeat(121), &current), farida.clone()).await;
    assert!(refusal(&long).contains("studio-error-title"), "{}", location(&long));
    let refused_at = location(&long);
    let refused_at = refused_at.strip_prefix(app.address.as_str()).unwrap_or(&refused_at);
    let shown = page_with(&app, &format!("{refused_at}&lang=en"), &farida).await;
    assert!(shown.contains("Please give a title of at most 120 characters."), "the refusal is shown");
    assert_eq!(revision_of(&app, "course.toml").await, current, "nothing saved");

    // An instructor of another course finds no such course.
    let response = app
        .client
        .post(format!("{}/api/save_studio_settings", app.address))
        .header("origin", app.address.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", &bilal)
        .body(settings("Taken over", &current))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(app::studio::settings_of(&course_toml(&app).await).unwrap().title, "Phone basics for everyone");
}
