//! Learners' lesson pages, made once per place (`server/src/reader_pages.rs`):
//! each learner's page, as gzip, is the page rendered whole for them, at
//! every step of their course and whatever their name.

use crate::helpers::{AMINA, Backend, TestApp, cookie_pair, page_with, post_form, set_cookie, spawn_app};
use crate::learning::{COURSE, lessons};

/// A learner whose name needs escaping everywhere it goes.
const BILAL: &str =
    "username=bilal&display_name=Bilal+%3Cb%3E%26+%22Q%22+%3C%2Fb%3E&password=river+mango+lantern&language=en";
const BILAL_NAME: &str = "Bilal &lt;b&gt;&amp; &quot;Q&quot; &lt;/b&gt;";
/// Another learner in English, so that Bilal's places are shared.
const CHEN: &str = "username=chen&display_name=Chen+Li&password=river+mango+lantern&language=en";

async fn register(app: &TestApp, form: &str) -> String {
    cookie_pair(&set_cookie(&post_form(app, "/api/register", "/register", form, None).await).unwrap())
}

/// A page with its quiz's attempt key (fresh on every page) left out, and
/// quotes in text as in attributes (the filled-in name escapes both).
fn comparable(page: &str) -> String {
    let mut page = page.replace("&quot;", "\"");
    let field = "name=\"attempt_key\" value=\"";
    if let Some(at) = page.find(field) {
        let start = at + field.len();
        page.replace_range(start..start + 26, "KEY");
    }
    page
}

/// The page as gzip (made per place) and whole (rendered for the reader),
/// with the raw gzip bytes; checks the made page is for whom it says.
async fn both(app: &TestApp, path: &str, cookie: &str) -> (String, String, Vec<u8>) {
    let raw = app
        .client
        .get(format!("{}{path}", app.address))
        .header("cookie", cookie)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 200, "{path}");
    assert_eq!(raw.headers()["content-encoding"], "gzip");
    assert_eq!(raw.headers()["x-content-type-options"], "nosniff", "security headers still on");
    let learner = raw.headers()["x-learner"].to_str().unwrap().to_string();
    let raw = raw.bytes().await.unwrap().to_vec();
    let mut made = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&raw[..]), &mut made).unwrap();
    assert!(made.contains(&format!(" data-user=\"{learner}\"")), "the page and its header name one learner");
    (made, page_with(app, path, cookie).await, raw)
}

#[tokio::test]
async fn each_learner_gets_their_own_page_from_the_one_made_for_their_place() {
    let app = spawn_app(Backend::Sqlite).await;
    let readers = [
        ("Amina", register(&app, AMINA).await, "عائشہ"),
        ("Bilal", register(&app, BILAL).await, BILAL_NAME),
        ("Chen", register(&app, CHEN).await, "Chen Li"),
    ];
    let course_lessons = lessons(&app, COURSE);
    let (plain, _) = course_lessons.iter().find(|(_, quiz)| quiz.is_none()).unwrap();
    let (quiz, answers) = course_lessons.iter().find(|(_, quiz)| quiz.is_some()).unwrap();
    let (right, _) = answers.clone().unwrap();
    let pages = [format!("/courses/{COURSE}/{plain}"), format!("/courses/{COURSE}/{quiz}")];
    let check = |step: &'static str| {
        let app = &app;
        let readers = &readers;
        let pages = &pages;
        async move {
            for (who, cookie, name) in readers {
                for path in pages {
                    // Twice: made now, then made before.
                    for round in 0..2 {
                        let (made, whole, raw) = both(app, path, cookie).await;
                        assert_eq!(comparable(&made), comparable(&whole), "{step}, {who}, {path}, round {round}");
                        assert!(made.contains(&format!("<bdi>{name}</bdi>")), "{step}, {who}: their own name");
                        let label = made.split("<a href=\"/account\" aria-label=\"").nth(1).unwrap();
                        let label = label.split('"').next().unwrap();
                        assert!(label.contains(name), "{step}, {who}: their name, escaped, in the label: {label}");
                        // Filled in, not compressed: the name's bytes are there as they are.
                        assert!(
                            raw.windows(name.len()).any(|window| window == name.as_bytes()),
                            "{step}, {who}, {path}: the page was made for the place"
                        );
                    }
                }
            }
        }
    };
    check("not enrolled").await;
    for (_, cookie, _) in &readers {
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(cookie)).await;
    }
    check("enrolled").await;
    // Bilal moves on; Chen stays where he was: different places now.
    let (_, bilal, _) = &readers[1];
    post_form(&app, "/api/complete_lesson", "/", &format!("course={COURSE}&lesson={plain}"), Some(bilal)).await;
    let submitted = post_form(
        &app,
        "/api/submit_quiz",
        "/",
        &format!("course={COURSE}&lesson={quiz}&attempt_key=AAAABBBBCCCCDDDDEEEEFFFFGG{right}"),
        Some(bilal),
    )
    .await;
    assert_eq!(submitted.status().as_u16(), 303);
    check("one learner on").await;
    let (made, _, _) = both(&app, &pages[0], bilal).await;
    let (chens, _, _) = both(&app, &pages[0], &readers[2].1).await;
    assert!(made.contains("class=\"note completed\"") && !chens.contains("class=\"note completed\""));
}

#[tokio::test]
async fn a_locked_lesson_made_for_one_learner_never_reaches_an_enrolled_one_nor_the_reverse() {
    let courses = tempfile::tempdir().unwrap();
    crate::courses_reload::copy_folder(&crate::helpers::sample_courses(), courses.path());
    let course_file = courses.path().join(format!("{COURSE}/course.toml"));
    let original = std::fs::read_to_string(&course_file).unwrap();
    let enrolled_only = original.replacen("level = \"beginner\"\n", "level = \"beginner\"\naccess = \"enrolled\"\n", 1);
    assert_ne!(enrolled_only, original);
    std::fs::write(&course_file, enrolled_only).unwrap();
    let app = crate::helpers::spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let bilal = register(&app, BILAL).await;
    let chen = register(&app, CHEN).await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&bilal)).await;
    let second = &lessons(&app, COURSE)[1].0;
    let path = format!("/courses/{COURSE}/{second}");
    let enrol_button = format!("<a href=\"/courses/{COURSE}\" class=\"button\">");
    // Chen first (locked), then Bilal (the text), then both again.
    for round in 0..2 {
        let (locked, whole, _) = both(&app, &path, &chen).await;
        assert_eq!(comparable(&locked), comparable(&whole), "round {round}");
        assert!(locked.contains(&enrol_button), "round {round}: Chen is asked to enrol");
        let (open, whole, _) = both(&app, &path, &bilal).await;
        assert_eq!(comparable(&open), comparable(&whole), "round {round}");
        assert!(!open.contains(&enrol_button), "round {round}: Bilal reads the lesson");
        assert!(open.len() > locked.len() + 500, "round {round}: with its text");
    }
    // A new version of the course is a new place: its text at once.
    let lesson_file = std::fs::read_dir(courses.path().join(format!("{COURSE}/01-accounts")))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|file| file.to_string_lossy().ends_with(&format!("{second}.md")))
        .unwrap();
    let text = std::fs::read_to_string(&lesson_file).unwrap();
    std::fs::write(&lesson_file, text.replacen("+++\n\n", "+++\n\nA sentence added while serving.\n\n", 1)).unwrap();
    app.state.catalog.reload(courses.path(), app::catalog::BrokenCourses::Refuse).expect("a sound version");
    let (open, whole, _) = both(&app, &path, &bilal).await;
    assert_eq!(comparable(&open), comparable(&whole));
    assert!(open.contains("A sentence added while serving."), "the new version's page");
}
