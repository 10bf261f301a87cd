//! The lesson editor over HTTP, as a browser without script uses it: the
//! front matter as fields, a question added by a button, texts kept aside
//! shown only to whoever kept them, and a course's size bound held when
//! several saves arrive at once.

use crate::helpers::{
    BACKENDS, Backend, TestApp, TestDatabase, page_with, post_form, refusal, signed_in_as, spawn_app_on,
};

const COURSE: &str = "phone-basics";
const LESSON: &str = "01-introduction/01-welcome.md";

fn encode(text: &str) -> String {
    app::statistics::reporting::encode(text)
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
}

async fn revision_of(app: &TestApp, path: &str) -> String {
    app::studio::store::draft_file(&app.state.db.reader, COURSE, path)
        .await
        .unwrap()
        .map(|row| row.revision.to_string())
        .unwrap_or_default()
}

async fn draft_text(app: &TestApp, path: &str) -> String {
    let row = app::studio::store::draft_file(&app.state.db.reader, COURSE, path).await.unwrap().unwrap();
    let bytes = app::studio::store::blob(&app.state.db.reader, &row.hash).await.unwrap().unwrap();
    String::from_utf8(bytes).unwrap()
}

/// A studio course taught by farida and bilal; their session cookies.
async fn course_of_two(app: &TestApp) -> (String, String) {
    let admin = signed_in_as(app, "zarina", "admin").await;
    let farida = signed_in_as(app, "farida", "instructor").await;
    let bilal = signed_in_as(app, "bilal", "instructor").await;
    let body = "id=phone-basics&title=Phone+basics&language=en&level=beginner";
    post_form(app, "/api/create_studio_course", "/studio", body, Some(&admin)).await;
    let named = "course=phone-basics&instructors=farida+bilal";
    let response = post_form(app, "/api/manage_studio_course", "/studio", named, Some(&admin)).await;
    assert!(location(&response).ends_with("#manage"), "{}", refusal(&response));
    (farida, bilal)
}

fn fields_form(revision: &str, intent: &str, title: &str, minutes: &str, body: &str) -> String {
    format!(
        "course={COURSE}&path={}&revision={revision}&intent={intent}&front_matter=fields&title={}&minutes={}\
         &lesson_id=welcome&pass_mark=&text={}",
        encode(LESSON),
        encode(title),
        encode(minutes),
        encode(body)
    )
}

#[tokio::test]
async fn a_lessons_front_matter_is_edited_as_fields_and_questions_added_without_script() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let (farida, _) = course_of_two(&app).await;
    let editor = format!("/studio/{COURSE}/edit?path={}", encode(LESSON));

    // The new course's lesson opens with its front matter as fields.
    let page = page_with(&app, &editor, &farida).await;
    assert!(page.contains(r#"name="front_matter" value="fields""#), "fields shown");
    assert!(page.contains(r#"name="minutes""#) && page.contains(r#"name="pass_mark""#));

    // Saved from the fields, the file's front matter is what they say,
    // quotes and all, and the text follows it untouched.
    let title = r#"Welcome, "friends""#;
    let body = "\nHold the phone with both hands.\n";
    let form = fields_form(&revision_of(&app, LESSON).await, "save", title, "7", body);
    let saved = post_form(&app, "/api/save_studio_file", "/studio", &form, Some(&farida)).await;
    assert!(location(&saved).contains("saved=1"), "{}", refusal(&saved));
    let text = draft_text(&app, LESSON).await;
    assert_eq!(
        text,
        "+++\ntitle = \"Welcome, \\\"friends\\\"\"\nminutes = 7\nid = \"welcome\"\n+++\n\nHold the phone with both hands.\n"
    );
    let page = page_with(&app, &editor, &farida).await;
    assert!(page.contains(r#"value="7""#), "the minutes shown again");
    assert!(page.contains("Welcome, &quot;friends&quot;") || page.contains("Welcome, &#34;friends&#34;"), "escaped");

    // Minutes that are not a number are kept as typed and the check names
    // them at their line, rather than being dropped.
    let form = fields_form(&revision_of(&app, LESSON).await, "save", "Welcome", "five", body);
    let saved = post_form(&app, "/api/save_studio_file", "/studio", &form, Some(&farida)).await;
    assert!(location(&saved).contains("saved=1"), "{}", refusal(&saved));
    assert!(draft_text(&app, LESSON).await.contains("minutes = \"five\""));
    let page = page_with(&app, &editor, &farida).await;
    assert!(page.contains("#line-3"), "the problem is linked to its line");

    // A front matter the fields cannot say whole (a comment) stays text.
    let commented = "+++\n# keep this\ntitle = \"Welcome\"\n+++\n\nText.\n";
    let form = format!(
        "course={COURSE}&path={}&revision={}&intent=save&text={}",
        encode(LESSON),
        revision_of(&app, LESSON).await,
        encode(commented)
    );
    let saved = post_form(&app, "/api/save_studio_file", "/studio", &form, Some(&farida)).await;
    assert!(location(&saved).contains("saved=1"), "{}", refusal(&saved));
    let page = page_with(&app, &editor, &farida).await;
    assert!(!page.contains(r#"name="front_matter" value="fields""#), "edited as text");
    assert!(page.contains("# keep this"), "nothing dropped");

    // "Add a question" without script: nothing saved, the text with a
    // question block is shown for the author to fill in.
    let revision = revision_of(&app, LESSON).await;
    let form = fields_form(&revision, "question", "Welcome", "5", body);
    let added = post_form(&app, "/api/save_studio_file", "/studio", &form, Some(&farida)).await;
    let address = location(&added);
    assert!(address.contains("unsaved=") && address.ends_with("#editor-text"), "{address}: {}", refusal(&added));
    assert_eq!(revision_of(&app, LESSON).await, revision, "nothing saved");
    let page = page_with(&app, &address, &farida).await;
    assert!(page.contains("::: question question-1 single"), "a question block in the text area");
    assert!(page.contains("Hold the phone with both hands."), "the text typed kept");
}

#[tokio::test]
async fn a_text_kept_aside_is_shown_only_to_the_session_that_kept_it() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let (farida, bilal) = course_of_two(&app).await;
    let opened = revision_of(&app, LESSON).await;
    let first = fields_form(&opened, "save", "Welcome", "5", "\nBilal's text.\n");
    let saved = post_form(&app, "/api/save_studio_file", "/studio", &first, Some(&bilal)).await;
    assert!(location(&saved).contains("saved=1"), "{}", refusal(&saved));

    // Farida saves over it from the revision she opened: refused, her
    // text kept aside and shown to her beside Bilal's.
    let secret = "\nFarida's unsent draft about her family.\n";
    let second = fields_form(&opened, "save", "Welcome", "5", secret);
    let refused = post_form(&app, "/api/save_studio_file", "/studio", &second, Some(&farida)).await;
    let conflict = location(&refused);
    assert!(conflict.contains("yours="), "{conflict}");
    let page = page_with(&app, &conflict, &farida).await;
    assert!(page.contains("Farida&#x27;s unsent draft") || page.contains("Farida's unsent draft"), "hers shown");

    // The same address in Bilal's session (or a guessed hash) shows none
    // of it: a kept-aside text is its session's.
    let page = page_with(&app, &conflict, &bilal).await;
    assert!(!page.contains("unsent draft"), "not shown to another author");
    let hash = conflict.split("yours=").nth(1).unwrap().split(['&', '#']).next().unwrap().to_string();
    let preview = format!("/studio/{COURSE}/preview/welcome?path={}&unsaved={hash}", encode(LESSON));
    assert!(page_with(&app, &preview, &farida).await.contains("unsent draft"), "her preview of it");
    assert!(!page_with(&app, &preview, &bilal).await.contains("unsent draft"), "nor in his preview");
    let unsaved = format!("/studio/{COURSE}/edit?path={}&unsaved={hash}", encode(LESSON));
    assert!(!page_with(&app, &unsaved, &bilal).await.contains("unsent draft"), "nor as unsaved text");
}

#[tokio::test]
async fn saves_arriving_at_once_never_take_a_course_past_its_bound() {
    use app::studio::{paths::MAX_COURSE_BYTES, store};
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let app = spawn_app_on(&database).await;
        course_of_two(&app).await;
        // Twelve files of 10 MB, saved at once on their own connections:
        // the room left fits ten of them, so two must be refused whatever
        // order they land in.
        let actor = app::accounts::Actor::command_line();
        let saves = (0..12u8).map(|number| {
            let (writer, actor) = (app.state.db.writer.clone(), actor.clone());
            tokio::spawn(async move {
                let bytes = vec![number; 10_000_000];
                let path = format!("01-introduction/files/big-{number}.pdf");
                store::save(&writer, COURSE, &path, Some(&bytes), None, &actor).await.unwrap()
            })
        });
        let saved = futures::future::join_all(saves).await;
        let full = saved.iter().filter(|saved| matches!(saved.as_ref().unwrap(), store::Saved::CourseFull)).count();
        assert_eq!(full, 2, "{backend:?}: refused {full}");
        let files = app::studio::versions::draft_files(&app.state.db.reader, COURSE).await.unwrap();
        let mut total = 0;
        for hash in files.values() {
            total += store::blob(&app.state.db.reader, hash).await.unwrap().unwrap().len() as u64;
        }
        assert!(total <= MAX_COURSE_BYTES, "{backend:?}: {total} bytes kept");
    }
}

#[tokio::test]
async fn removing_a_lesson_learners_completed_asks_first_with_the_count_the_server_made() {
    let database = TestDatabase::new(Backend::Sqlite);
    let app = spawn_app_on(&database).await;
    let (farida, _) = course_of_two(&app).await;
    let body = format!(
        "course={COURSE}&revision={}&message=First",
        app::studio::store::course(&app.state.db.reader, COURSE).await.unwrap().unwrap().draft_revision
    );
    let published =
        post_form(&app, "/api/publish_studio_course", &format!("/studio/{COURSE}"), &body, Some(&farida)).await;
    assert!(location(&published).contains("published=1"), "{}", refusal(&published));
    let amina = signed_in_as(&app, "amina", "learner").await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    let done =
        post_form(&app, "/api/complete_lesson", "/", &format!("course={COURSE}&lesson=welcome"), Some(&amina)).await;
    assert!(done.status().is_redirection(), "{}", refusal(&done));

    let body = format!("course={COURSE}&path={}", encode(LESSON));
    let asked = post_form(&app, "/api/remove_studio_file", &format!("/studio/{COURSE}"), &body, Some(&farida)).await;
    let asking = location(&asked);
    assert_eq!(asking, format!("/studio/{COURSE}?remove={}#remove", encode(LESSON)));
    let said = |page: &str| page.contains("Remove this lesson?") && page.contains("learner completed this lesson");
    assert!(said(&page_with(&app, &asking, &farida).await), "the count is said");
    assert!(!revision_of(&app, LESSON).await.is_empty(), "nothing removed yet");
    // The count is the server's: an address saying otherwise changes nothing,
    // and one naming no lesson of the draft asks nothing.
    let claimed = format!("/studio/{COURSE}?remove={}&completed=0", encode(LESSON));
    assert!(said(&page_with(&app, &claimed, &farida).await));
    let nothing = page_with(&app, &format!("/studio/{COURSE}?remove=..%2F..%2Fcourse.toml"), &farida).await;
    assert!(!nothing.contains("Remove this lesson?"));

    let confirmed = format!("{body}&confirmed=yes");
    let removed =
        post_form(&app, "/api/remove_studio_file", &format!("/studio/{COURSE}"), &confirmed, Some(&farida)).await;
    assert_eq!(location(&removed), format!("/studio/{COURSE}#outline"), "{}", refusal(&removed));
    assert_eq!(revision_of(&app, LESSON).await, "", "removed once confirmed");
}
