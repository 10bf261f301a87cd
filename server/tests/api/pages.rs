//! The pages, fetched over HTTP as a browser would.

use crate::helpers::{BACKENDS, spawn_app};

#[tokio::test]
async fn health_check_answers_when_the_database_does() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let (status, body) = app.get_text("/healthz").await;
        assert_eq!((status, body.as_str()), (200, "ok"), "{backend:?}");
    }
}

#[tokio::test]
async fn the_catalogue_lists_every_sample_course() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    for course in ["smartphone-basics", "online-safety", "freelancing-first-steps"] {
        assert!(html.contains(&format!("href=\"/courses/{course}\"")), "{course} missing from the catalogue");
    }
}

#[tokio::test]
async fn a_course_page_lists_its_modules_and_lessons() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let (status, html) = app.get_text("/courses/online-safety").await;
    assert_eq!(status, 200);
    assert!(html.contains("<title>Online safety and cyber hygiene</title>"), "{html}");
    assert!(html.contains("href=\"/courses/online-safety/strong-passwords\""));
    assert!(html.contains("Quiz · "));
}

#[tokio::test]
async fn a_lesson_page_is_plain_html_without_scripts() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let (status, html) = app.get_text("/courses/online-safety/strong-passwords").await;
    assert_eq!(status, 200);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1 lang=\"en\""), "{html}");
    assert!(html.contains("class=\"contents\""), "a table of contents");
    assert!(html.contains("rel=\"next\""), "a link to the next lesson");
    assert!(!html.contains("<script"), "lesson pages carry no script: {html}");
    assert!(!html.contains(".wasm"), "lesson pages load no wasm");
}

#[tokio::test]
async fn a_quiz_page_shows_questions_but_not_answers() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let lesson = app.state.catalog.current();
    let course = lesson.course("online-safety").unwrap();
    let quiz_lesson = course.lessons().find(|(_, lesson)| lesson.quiz.is_some()).unwrap().1;
    let (status, html) = app.get_text(&format!("/courses/online-safety/{}", quiz_lesson.id)).await;
    assert_eq!(status, 200);
    assert!(html.contains("type=\"radio\"") || html.contains("type=\"checkbox\""));
    for question in &quiz_lesson.content.questions {
        for option in &question.options {
            let explanation = option.explanation_html.trim();
            if !explanation.is_empty() {
                assert!(!html.contains(explanation), "an explanation reached the page: {explanation}");
            }
        }
    }
    assert!(!html.contains("correct"), "nothing on the page may say which option is correct");
}

#[tokio::test]
async fn unknown_courses_lessons_and_paths_get_the_404_page() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    for path in [
        "/courses/no-such-course",
        "/courses/online-safety/no-such-lesson",
        "/no/such/page",
        "/courses/%FF%FE",
        "/media/online-safety/%2e%2e/course.toml",
    ] {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        if !path.starts_with("/media") {
            assert!(html.contains("Page not found"), "{path}: {html}");
        }
    }
}

#[tokio::test]
async fn the_stylesheet_and_images_are_cached_for_good() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let (_, html) = app.get_text("/").await;
    let href = html.split("rel=\"stylesheet\" href=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let response = app.get(&href).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    assert_eq!(app.get("/assets/main.0000.css").await.status(), 404);

    let (_, lesson) = app.get_text("/courses/smartphone-basics/connecting-to-the-internet").await;
    let src = lesson.split("src=\"/media/").nth(1).expect("the lesson shows an image").split('"').next().unwrap();
    let src = format!("/media/{}", src.replace("&amp;", "&"));
    let image = app.get(&src).await;
    assert_eq!(image.status(), 200, "{src}");
    assert_eq!(image.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(image.headers()["content-type"], "image/svg+xml");
}

#[tokio::test]
async fn pages_are_compressed_and_carry_security_headers() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let response = app
        .client
        .get(format!("{}/courses/online-safety/strong-passwords", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let csp = response.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert_eq!(response.headers()["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(response.headers()["permissions-policy"], "camera=(), microphone=(), geolocation=()");
    assert_eq!(response.headers()["cache-control"], "no-cache");
}

#[tokio::test]
async fn server_functions_answer_errors_with_their_status() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let call = |body: &'static str| {
        app.client
            .post(format!("{}/api/lesson", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let found = call("course=online-safety&lesson=strong-passwords").await.unwrap();
    assert_eq!(found.status(), 200);
    assert_eq!(call("course=online-safety&lesson=nope").await.unwrap().status(), 404);
    assert_eq!(call("%%%garbage").await.unwrap().status(), 400);
    // Reading is not a state change, but server functions are POST only.
    assert_eq!(app.get("/api/lesson?course=online-safety&lesson=strong-passwords").await.status(), 405);
}

#[tokio::test]
async fn a_state_changing_request_from_another_site_is_refused() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let post = |headers: &[(&'static str, &'static str)]| {
        let mut request = app
            .client
            .post(format!("{}/api/lesson", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("course=online-safety&lesson=strong-passwords");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };
    assert_eq!(post(&[("origin", "https://evil.example")]).await.unwrap().status(), 403);
    assert_eq!(post(&[("sec-fetch-site", "cross-site")]).await.unwrap().status(), 403);
    let refused = post(&[("sec-fetch-site", "cross-site"), ("cookie", "lang=ur")]).await.unwrap();
    assert!(refused.text().await.unwrap().contains("ویب سائٹ"), "the refusal is in the reader's language");
    let own_origin = app.address.clone().leak() as &'static str;
    assert_eq!(post(&[("origin", own_origin)]).await.unwrap().status(), 200);
    assert_eq!(post(&[("sec-fetch-site", "same-origin")]).await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_refused_form_without_a_referer_goes_back_to_its_form_with_its_errors() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    // Some browsers and WebViews send no Referer.
    let response = app
        .client
        .post(format!("{}/api/login", app.address))
        .header("accept", "text/html")
        .header("origin", app.address.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=nobody&password=wrong+password")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303, "a redirect after a POST is 303 See Other");
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("/login?") && location.contains("__err="), "back to the form: {location}");
    assert!(crate::helpers::refusal(&response).contains("login-failed"));
}

#[tokio::test]
async fn a_successful_form_post_is_answered_with_see_other_and_no_body() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let response = crate::helpers::post_form(&app, "/api/register", "/register", crate::helpers::AMINA, None).await;
    assert_eq!(response.status().as_u16(), 303);
    assert!(response.headers().get("content-type").is_none(), "no JSON body on a redirect");
    assert!(response.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_visitors_lesson_page_is_rendered_once_and_stays_the_same_page() {
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let path = "/courses/online-safety/strong-passwords";
    let browser = reqwest::Client::builder().gzip(true).brotli(true).build().unwrap();
    let first = browser.get(format!("{}{path}", app.address)).send().await.unwrap();
    assert_eq!(first.status().as_u16(), 200);
    let first = first.text().await.unwrap();
    let again = browser.get(format!("{}{path}", app.address)).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(again.text().await.unwrap(), first, "the stored page, decompressed, is the page");
    let plain = app.get(path).await.text().await.unwrap();
    assert_eq!(plain, first, "and uncompressed");
    // Signed in, the page is the reader's own.
    let cookie = crate::learning::register_amina(&app).await;
    let own = crate::helpers::page_with(&app, path, &cookie).await;
    assert_ne!(own, first);
    assert!(own.contains("عائشہ"), "her name in the header");
}

#[tokio::test]
async fn a_learners_page_follows_every_change_to_where_they_stand_even_one_made_by_another_process() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let course = crate::learning::COURSE;
    let lessons = crate::learning::lessons(&app, course);
    let (lesson, _) = lessons.iter().find(|(_, quiz)| quiz.is_none()).unwrap();
    let path = format!("/courses/{course}/{lesson}");
    let cookie = crate::learning::register_amina(&app).await;
    let page = || crate::helpers::page_with(&app, &path, &cookie);
    let completed = "class=\"note completed\"";
    let can_complete = "action=\"/api/complete_lesson\"";

    let before = page().await;
    assert!(!before.contains(completed) && !before.contains(can_complete), "not enrolled yet");
    page().await; // read twice: kept
    crate::helpers::post_form(&app, "/api/enrol", "/", &format!("course={course}"), Some(&cookie)).await;
    assert!(page().await.contains(can_complete), "enrolled, at once");
    let body = format!("course={course}&lesson={lesson}");
    crate::helpers::post_form(&app, "/api/complete_lesson", &path, &body, Some(&cookie)).await;
    assert!(page().await.contains(completed), "completed, at once");

    // Another process on the same file takes the completion away.
    let other = sea_orm::Database::connect(&app.database().url).await.unwrap();
    other.execute_unprepared("DELETE FROM lesson_completions").await.unwrap();
    let mut seen = false;
    for _ in 0..40 {
        if page().await.contains(can_complete) {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen, "another writer's change is seen within seconds");

    crate::helpers::post_form(&app, "/api/unenrol", "/", &format!("course={course}"), Some(&cookie)).await;
    let after = page().await;
    assert!(!after.contains(can_complete) && !after.contains(completed), "left, at once");
}

#[tokio::test]
async fn a_managers_lesson_page_in_gzip_is_their_page_with_the_text_compressed_once() {
    // A learner's page is made for their place (`learner_pages.rs`); staff's
    // are rendered for them, the lesson's text stitched in.
    let app = spawn_app(crate::helpers::Backend::Sqlite).await;
    let path = "/courses/online-safety/strong-passwords";
    let cookie = crate::helpers::signed_in_as(&app, "maryam", "manager").await;
    let plain = crate::helpers::page_with(&app, path, &cookie).await;
    assert!(plain.contains("maryam (test)") && plain.contains("class=\"lesson-body\""), "{plain}");
    assert!(!plain.contains(app::lesson_text::MARKER), "the text is in its place: {plain}");
    let browser = reqwest::Client::builder().gzip(true).build().unwrap();
    for round in 0..2 {
        let response = browser.get(format!("{}{path}", app.address)).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap();
        assert_eq!(page, plain, "round {round}: the stitched page, decompressed, is the page");
    }
    let raw = app
        .client
        .get(format!("{}{path}", app.address))
        .header("cookie", &cookie)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.headers()["content-encoding"], "gzip");
    assert_eq!(raw.headers()["x-content-type-options"], "nosniff", "security headers still on");
    let compressed = raw.bytes().await.unwrap().len();
    // Three segments compress a little worse than one stream: not much.
    let whole = {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(plain.as_bytes()).unwrap();
        encoder.finish().unwrap().len()
    };
    assert!(
        compressed * 100 <= whole * 110,
        "{compressed} B stitched, {whole} B in one stream, {} B plain",
        plain.len()
    );
    // A page with no lesson text is rendered whole, as before.
    let course = browser.get(format!("{}/courses/online-safety", app.address)).header("cookie", &cookie);
    let course = course.send().await.unwrap().text().await.unwrap();
    assert!(course.contains("maryam (test)") && !course.contains(app::lesson_text::MARKER), "{course}");
}
