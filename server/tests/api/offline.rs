//! Offline learning over HTTP, as a phone's script does it: the manifest
//! and saved copies of a course, and the sync endpoint that takes the
//! outbox of what a learner did without a connection. Repeats, refusals,
//! authorisation and bad input, on SQLite and PostgreSQL.

use std::fs;

use app::catalog::BrokenCourses;
use app::entities::{certificate, lesson_completion, quiz_attempt};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::courses_reload::copy_folder;
use crate::helpers::{
    BACKENDS, Backend, TestApp, post_form, sample_courses, spawn_app, spawn_app_on, spawn_app_with_courses,
};
use crate::learning::{COURSE, lessons, register_amina};
use crate::statistics::register;

/// Posts a batch as the script does; returns the status and the JSON answer.
async fn sync(app: &TestApp, cookie: Option<&str>, body: String) -> (u16, Value) {
    let mut request = app
        .client
        .post(format!("{}/offline/sync", app.address))
        .header("origin", app.address.as_str())
        .header("content-type", "application/json")
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null))
}

fn batch(events: Vec<Value>) -> String {
    json!({ "device": "phone-test", "events": events }).to_string()
}

/// The signed-in learner's id, as their pages name it.
async fn learner_id(app: &TestApp, cookie: &str) -> i64 {
    let response = app.client.get(format!("{}/my", app.address)).header("cookie", cookie).send().await.unwrap();
    response.headers()["x-learner"].to_str().unwrap().parse().unwrap()
}

fn id(n: u32) -> String {
    format!("event{n:011}abcdefghij")
}

fn completion(user: i64, n: u32, lesson: &str, version: &str) -> Value {
    json!({ "id": id(n), "user": user, "course": COURSE, "version": version, "kind": "complete", "lesson": lesson })
}

/// A quiz attempt whose answers are a form body of `lessons()` (`&single%5Bq%5D=a…`).
fn attempt(user: i64, n: u32, lesson: &str, version: &str, form: &str) -> Value {
    let mut answers = serde_json::Map::new();
    for field in form.split('&').filter(|field| !field.is_empty()) {
        let key = field.split('=').next().unwrap().replace("%5B", "[").replace("%5D", "]").replace("%3A", ":");
        let (question, option) = if let Some(single) = key.strip_prefix("single[") {
            (single.trim_end_matches(']').to_string(), field.split('=').nth(1).unwrap().to_string())
        } else {
            let inner = key.strip_prefix("multiple[").unwrap().trim_end_matches(']');
            let (question, option) = inner.split_once(':').unwrap();
            (question.to_string(), option.to_string())
        };
        let chosen = answers.entry(question).or_insert_with(|| json!([]));
        chosen.as_array_mut().unwrap().push(json!(option));
    }
    json!({ "id": id(n), "user": user, "course": COURSE, "version": version, "kind": "quiz", "lesson": lesson, "answers": answers })
}

async fn count<E>(app: &TestApp) -> u64
where
    E: EntityTrait,
    E::Model: Sync,
{
    E::find().count(&app.state.db.reader).await.unwrap()
}

fn version(app: &TestApp) -> String {
    app.state.catalog.current().course(COURSE).unwrap().content_version.clone()
}

async fn enrolled_amina(app: &TestApp) -> (String, i64) {
    let amina = register_amina(app).await;
    post_form(app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    let id = learner_id(app, &amina).await;
    (amina, id)
}

#[tokio::test]
async fn a_whole_course_learnt_offline_is_recorded_once_however_often_it_is_sent() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let (amina, user) = enrolled_amina(&app).await;
        let version = version(&app);
        let mut events = Vec::new();
        for (n, (lesson, answers)) in lessons(&app, COURSE).into_iter().enumerate() {
            events.push(match answers {
                Some((right, _)) => attempt(user, n as u32, &lesson, &version, &right),
                None => completion(user, n as u32, &lesson, &version),
            });
        }
        let total = events.len() as u64;
        let (status, answer) = sync(&app, Some(&amina), batch(events.clone())).await;
        assert_eq!(status, 200, "{backend:?}: {answer}");
        let results = answer["results"].as_array().unwrap();
        assert_eq!(results.len(), events.len());
        assert!(results.iter().all(|result| result["status"] == "accepted"), "{backend:?}: {answer}");
        let graded = results.iter().find(|result| result.get("score").is_some()).unwrap();
        assert_eq!((graded["score"].as_u64(), graded["passed"].as_bool()), (Some(100), Some(true)));
        assert!(graded["next"].as_str().unwrap().contains("?attempt="), "the result's address: {graded}");
        assert!(graded["message"].as_str().unwrap().contains("100"), "graded, in her words: {graded}");
        assert_eq!(answer["courses"][COURSE]["completed"].as_array().unwrap().len() as u64, total);
        assert_eq!(answer["courses"][COURSE]["certificate"], true, "{backend:?}: certified by the server");
        assert_eq!(count::<lesson_completion::Entity>(&app).await, total);
        assert_eq!(count::<quiz_attempt::Entity>(&app).await, 1);
        assert_eq!(count::<certificate::Entity>(&app).await, 1);

        // The outbox sent again, and from two tabs at once: nothing counted twice.
        let (again, tab) = tokio::join!(
            sync(&app, Some(&amina), batch(events.clone())),
            sync(&app, Some(&amina), batch(events.clone()))
        );
        for (status, answer) in [again, tab] {
            assert_eq!(status, 200);
            let results = answer["results"].as_array().unwrap();
            assert!(results.iter().all(|result| result["status"] == "accepted"), "repeats are acknowledged");
            assert!(results.iter().any(|result| result["repeat"] == true), "and said to be repeats: {answer}");
        }
        assert_eq!(count::<lesson_completion::Entity>(&app).await, total, "{backend:?}: counted once");
        assert_eq!(count::<quiz_attempt::Entity>(&app).await, 1, "{backend:?}: one attempt");
        assert_eq!(count::<certificate::Entity>(&app).await, 1);
        let attempt = quiz_attempt::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(attempt.content_version.as_deref(), Some(version.as_str()), "graded against the version sent");
    }
}

#[tokio::test]
async fn refused_events_say_why_in_the_learners_language_and_store_nothing() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let (amina, user) = enrolled_amina(&app).await;
        let version = version(&app);
        let lessons = lessons(&app, COURSE);
        let (quiz, answers) = lessons.iter().find(|(_, answers)| answers.is_some()).unwrap();
        let reading = &lessons[0].0;
        let mut unknown_course = completion(user, 3, reading, &version);
        unknown_course["course"] = json!("no-such-course");
        let mut not_enrolled = completion(user, 4, "getting-to-know-your-phone", &version);
        not_enrolled["course"] = json!("smartphone-basics");
        let events = vec![
            completion(user, 1, "a-lesson-removed-since", &version),
            completion(user, 2, quiz, &version),
            unknown_course,
            not_enrolled,
            attempt(user, 5, reading, &version, "&single%5Bq%5D=a"),
            attempt(user, 6, quiz, "0000000000000000", &answers.clone().unwrap().0),
            attempt(user, 7, quiz, &version, ""),
        ];
        let (status, answer) = sync(&app, Some(&amina), batch(events)).await;
        assert_eq!(status, 200, "{answer}");
        let reasons: Vec<&str> =
            answer["results"].as_array().unwrap().iter().map(|result| result["reason"].as_str().unwrap()).collect();
        assert_eq!(
            reasons,
            [
                "unknown-lesson",
                "quiz-lesson",
                "unknown-course",
                "not-enrolled",
                "no-quiz",
                "unknown-version",
                "answers"
            ],
            "{backend:?}"
        );
        for result in answer["results"].as_array().unwrap() {
            assert_eq!(result["status"], "refused");
            let message = result["message"].as_str().unwrap();
            assert!(message.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "in Urdu: {message}");
        }
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 0, "{backend:?}: nothing stored");
        assert_eq!(count::<quiz_attempt::Entity>(&app).await, 0);
    }
}

#[tokio::test]
async fn a_learner_can_never_send_events_for_another() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let (amina, user) = enrolled_amina(&app).await;
        let bilal = register(&app, "bilal", "Bilal").await;
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&bilal)).await;
        let bilal_id = learner_id(&app, &bilal).await;
        let version = version(&app);
        let lesson = lessons(&app, COURSE)[0].0.clone();

        // Amina's own event with one of Bilal's: the whole batch is refused.
        let mixed = batch(vec![completion(user, 1, &lesson, &version), completion(bilal_id, 2, &lesson, &version)]);
        let (status, answer) = sync(&app, Some(&amina), mixed).await;
        assert_eq!((status, answer["error"].as_str()), (403, Some("not-yours")), "{backend:?}");
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 0, "{backend:?}: not even her own");

        let (status, answer) = sync(&app, None, batch(vec![completion(user, 3, &lesson, &version)])).await;
        assert_eq!((status, answer["error"].as_str()), (401, Some("sign-in")), "a visitor is asked to log in");

        // Another site's page cannot make her browser send it.
        let response = app
            .client
            .post(format!("{}/offline/sync", app.address))
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site")
            .header("cookie", &amina)
            .header("content-type", "application/json")
            .body(batch(vec![completion(user, 4, &lesson, &version)]))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403);
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 0);

        // Her own is hers only: Bilal's progress is untouched by hers.
        let (status, _) = sync(&app, Some(&amina), batch(vec![completion(user, 5, &lesson, &version)])).await;
        assert_eq!(status, 200);
        let bilal_done = lesson_completion::Entity::find()
            .filter(lesson_completion::Column::UserId.eq(bilal_id))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(bilal_done, 0);
    }
}

#[tokio::test]
async fn malformed_and_huge_batches_are_refused_whole_with_a_clear_error() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let (amina, user) = enrolled_amina(&app).await;
        let version = version(&app);
        let lesson = lessons(&app, COURSE)[0].0.clone();
        let good = completion(user, 1, &lesson, &version);
        let mut short_id = completion(user, 2, &lesson, &version);
        short_id["id"] = json!("x");
        let cases = [
            ("not json".to_string(), 400, "malformed"),
            (json!({ "events": [] }).to_string(), 400, "malformed"),
            (batch(vec![good.clone(), short_id]), 400, "malformed"),
            (
                batch(vec![
                    json!({ "id": id(3), "user": user, "course": COURSE, "version": version, "kind": "delete", "lesson": lesson }),
                ]),
                400,
                "malformed",
            ),
            (batch((0..101).map(|n| completion(user, 100 + n, &lesson, &version)).collect()), 413, "too-large"),
            (format!("{{\"device\":\"{}\",\"events\":[]}}", "x".repeat(300 * 1024)), 413, "too-large"),
        ];
        for (body, expected, error) in cases {
            let (status, answer) = sync(&app, Some(&amina), body).await;
            assert_eq!((status, answer["error"].as_str()), (expected, Some(error)), "{backend:?}: {answer}");
            let message = answer["message"].as_str().unwrap();
            assert!(message.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "in her language: {message}");
        }
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 0, "{backend:?}: nothing of any stored");
        // A full batch of the largest size is taken.
        let full = batch((0..100).map(|n| completion(user, 500 + n, &lesson, &version)).collect());
        assert_eq!(sync(&app, Some(&amina), full).await.0, 200);
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 1, "a hundred repeats of one lesson");
    }
}

#[tokio::test]
async fn a_quiz_taken_offline_is_graded_against_the_version_it_was_taken_on() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let (amina, user) = enrolled_amina(&app).await;
    let old = version(&app);
    let (quiz, answers) = lessons(&app, COURSE).into_iter().find(|(_, answers)| answers.is_some()).unwrap();
    let (right_then, _) = answers.unwrap();
    // Amina saves the course on her phone; Bilal only reads its manifest.
    assert_eq!(manifest(&app, &amina, COURSE, "en").await.0, 200);
    assert_eq!(save(&app, &amina, COURSE, &old).await, 204);
    let bilal = register(&app, "bilal", "Bilal").await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&bilal)).await;
    let bilal_id = learner_id(&app, &bilal).await;
    assert_eq!(manifest(&app, &bilal, COURSE, "en").await.0, 200);

    // The course changes while the phone is offline: the first question's
    // right answer becomes its first option (what was right is now wrong).
    for file in ["05-check-your-knowledge.md", "05-check-your-knowledge.ur.md"] {
        let file = courses.path().join("online-safety/02-scams-and-privacy").join(file);
        let text = fs::read_to_string(&file).unwrap();
        let (first, rest) = text.split_once("\n:::\n").unwrap();
        let flipped = first.replace("- [x]", "- [ ]").replacen("- [ ]", "- [x]", 1);
        fs::write(&file, format!("{flipped}\n:::\n{rest}")).unwrap();
    }
    app.state.catalog.reload(courses.path(), BrokenCourses::Refuse).expect("the new version loads");
    let new = version(&app);
    assert_ne!(old, new);

    // Answered on the phone's (old) version: graded against it, and passed.
    let (status, answer) = sync(&app, Some(&amina), batch(vec![attempt(user, 1, &quiz, &old, &right_then)])).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["results"][0]["passed"], true, "the old key: {answer}");
    // Saving a version no longer served is refused: the phone reads the
    // manifest again. Bilal never saved the old version: he cannot choose
    // its answer key.
    assert_eq!(save(&app, &bilal, COURSE, &old).await, 409);
    let (_, answer) = sync(&app, Some(&bilal), batch(vec![attempt(bilal_id, 3, &quiz, &old, &right_then)])).await;
    assert_eq!(answer["results"][0]["reason"], "unknown-version", "{answer}");
    // The same answers on the version served now miss the first question.
    let (_, answer) = sync(&app, Some(&amina), batch(vec![attempt(user, 2, &quiz, &new, &right_then)])).await;
    assert_eq!(answer["results"][0]["status"], "accepted");
    assert!(answer["results"][0]["score"].as_u64().unwrap() < 100, "the new key: {answer}");
    let versions: Vec<Option<String>> = quiz_attempt::Entity::find()
        .all(&app.state.db.reader)
        .await
        .unwrap()
        .into_iter()
        .map(|attempt| attempt.content_version)
        .collect();
    assert_eq!(versions, [Some(old), Some(new)]);
}

/// The manifest of a course and the bytes of each file it lists.
async fn manifest(app: &TestApp, cookie: &str, course: &str, language: &str) -> (u16, Value) {
    let url = format!("{}/offline/{course}/{language}/manifest.json", app.address);
    let response = app.client.get(url).header("cookie", cookie).send().await.unwrap();
    let status = response.status().as_u16();
    (status, serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null))
}

/// Says, as the script does before fetching the files, that `version` of
/// `course` is being saved on the phone.
async fn save(app: &TestApp, cookie: &str, course: &str, version: &str) -> u16 {
    let url = format!("{}/offline/{course}/saved?v={version}", app.address);
    let request = app.client.post(url).header("origin", app.address.as_str()).header("cookie", cookie);
    request.send().await.unwrap().status().as_u16()
}

async fn fetch(app: &TestApp, cookie: &str, path: &str) -> (u16, Vec<u8>) {
    let response = app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap();
    (response.status().as_u16(), response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_manifest_lists_every_file_a_phone_saves_with_its_true_size_and_hash() {
    let app = spawn_app(Backend::Sqlite).await;
    let (amina, _) = enrolled_amina(&app).await;
    let bilal = register(&app, "bilal", "Bilal Ahmed").await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&bilal)).await;
    let (status, listed) = manifest(&app, &amina, COURSE, "ur").await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["version"], version(&app));
    let files = listed["files"].as_array().unwrap();
    let lessons = lessons(&app, COURSE);
    assert!(files.len() >= lessons.len() + 4, "course page, lessons, offline page, stylesheet, script");
    let mut total = 0;
    for file in files {
        let url = file["url"].as_str().unwrap();
        let from = file["from"].as_str().unwrap_or(url);
        let (status, body) = fetch(&app, &amina, from).await;
        assert_eq!(status, 200, "{from}");
        assert_eq!(body.len() as u64, file["bytes"].as_u64().unwrap(), "{url}: the size the manifest says");
        let hash: String = Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hash, file["sha256"].as_str().unwrap(), "{url}: the hash the manifest says");
        total += body.len() as u64;
        if url.starts_with("/courses/") {
            let page = String::from_utf8(body).unwrap();
            assert!(page.contains("lang=\"ur\""), "saved in her language: {url}");
            // Her name is no different from the lessons' own Ayesha: the link
            // to one's account, which carries it, is what must be absent.
            assert!(!page.contains("class=\"viewer\"") && !page.contains("attempt_key"), "nobody's: {url}");
        }
    }
    assert_eq!(listed["bytes"].as_u64().unwrap(), total);
    for lesson in &lessons {
        assert!(files.iter().any(|file| file["url"] == format!("/courses/{COURSE}/{}", lesson.0)), "{}", lesson.0);
    }
    // The same copies for every learner of their kind: Bilal's manifest has
    // the same files, hashes and all.
    let (_, his) = manifest(&app, &bilal, COURSE, "ur").await;
    assert_eq!(his["files"], listed["files"]);
    // And on every instance: a phone may save from one and sync with another.
    let other = spawn_app_on(app.database()).await;
    let (_, elsewhere) = manifest(&other, &amina, COURSE, "ur").await;
    assert_eq!(elsewhere["files"], listed["files"], "another instance makes the same copies");
    // A page of a version no longer served is not handed out.
    let stale = files[1]["from"].as_str().unwrap().replace(&version(&app), "0123abcd");
    assert_eq!(fetch(&app, &amina, &stale).await.0, 409);
}

#[tokio::test]
async fn only_who_may_read_a_whole_course_saves_it() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let manifest_file = courses.path().join("smartphone-basics/course.toml");
    let text = fs::read_to_string(&manifest_file).unwrap();
    fs::write(&manifest_file, text.replace("access = \"open\"", "access = \"enrolled\"")).unwrap();
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let amina = register_amina(&app).await;
    let course = "smartphone-basics";
    let (status, _) = manifest(&app, &amina, course, "en").await;
    assert_eq!(status, 403, "not enrolled in a course for its learners");
    let page = fetch(&app, &amina, &format!("/offline/{course}/en/getting-to-know-your-phone.lesson.html")).await;
    assert_eq!(page.0, 403, "nor its saved pages");
    let version = app.state.catalog.current().course(course).unwrap().content_version.clone();
    assert_eq!(save(&app, &amina, course, &version).await, 403, "nor say she saved it");
    let response = app.client.get(format!("{}/offline/{course}/en/manifest.json", app.address)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401, "a visitor");
    post_form(&app, "/api/enrol", "/", &format!("course={course}"), Some(&amina)).await;
    assert_eq!(manifest(&app, &amina, course, "en").await.0, 200, "enrolled, she may");
    assert_eq!(manifest(&app, &amina, course, "xx").await.0, 404, "a language we do not have");
    assert_eq!(manifest(&app, &amina, "no-such-course", "en").await.0, 404);
    let (status, _) = fetch(&app, &amina, &format!("/offline/{course}/en/no-such-lesson.lesson.html")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn an_attempts_id_cannot_stand_for_another_quiz_and_only_json_is_taken() {
    let app = spawn_app(Backend::Sqlite).await;
    let (amina, user) = enrolled_amina(&app).await;
    post_form(&app, "/api/enrol", "/", "course=smartphone-basics", Some(&amina)).await;
    let (quiz, answers) = lessons(&app, COURSE).into_iter().find(|(_, answers)| answers.is_some()).unwrap();
    let (_, wrong) = answers.unwrap();
    let (status, _) = sync(&app, Some(&amina), batch(vec![attempt(user, 1, &quiz, &version(&app), &wrong)])).await;
    assert_eq!(status, 200);
    // The same id for the smartphone course's quiz: not a repeat of the first.
    let other = app.state.catalog.current().course("smartphone-basics").unwrap().clone();
    let mut reused = json!({ "id": id(1), "user": user, "course": "smartphone-basics", "version": other.content_version,
        "kind": "quiz", "lesson": "check-your-skills", "answers": { "apk-from-friend": ["x"] } });
    reused["answers"] = json!(
        other
            .lesson("check-your-skills")
            .unwrap()
            .quiz
            .as_ref()
            .unwrap()
            .questions
            .iter()
            .map(|question| (question.id.clone(), json!([question.options[0].id.clone()])))
            .collect::<serde_json::Map<_, _>>()
    );
    let (_, answer) = sync(&app, Some(&amina), batch(vec![reused])).await;
    assert_eq!(answer["results"][0]["reason"], "reused-id", "{answer}");
    assert_eq!(count::<quiz_attempt::Entity>(&app).await, 1);

    let response = app
        .client
        .post(format!("{}/offline/sync", app.address))
        .header("origin", app.address.as_str())
        .header("cookie", &amina)
        .header("content-type", "text/plain")
        .body(batch(vec![completion(user, 2, &lessons(&app, COURSE)[0].0, &version(&app))]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415, "only the script's JSON");
    assert_eq!(count::<lesson_completion::Entity>(&app).await, 0);
}

#[tokio::test]
async fn a_saved_page_asks_who_is_signed_in() {
    let app = spawn_app(Backend::Sqlite).await;
    let (amina, user) = enrolled_amina(&app).await;
    let (status, body) = fetch(&app, &amina, "/offline/whoami").await;
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), json!({ "learner": user }));
    let (_, body) = app.get_text("/offline/whoami").await;
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), json!({ "learner": null }), "a visitor is nobody");
}

#[tokio::test]
async fn the_courses_someone_saved_are_in_their_own_data_and_go_with_their_account() {
    use app::entities::offline_save;
    let app = spawn_app(Backend::Sqlite).await;
    let (amina, _) = enrolled_amina(&app).await;
    assert_eq!(manifest(&app, &amina, COURSE, "en").await.0, 200);
    assert_eq!(count::<offline_save::Entity>(&app).await, 0, "reading the manifest changes nothing");
    assert_eq!(save(&app, &amina, COURSE, &version(&app)).await, 204);
    assert_eq!(save(&app, &amina, COURSE, &version(&app)).await, 204, "saved again, after an update");
    assert_eq!(count::<offline_save::Entity>(&app).await, 1, "one row per version saved");
    let forged = app
        .client
        .post(format!("{}/offline/{COURSE}/saved?v={}", app.address, version(&app)))
        .header("origin", "https://elsewhere.example")
        .header("cookie", &amina)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 403, "another site's page cannot say it");
    let (_, data) = fetch(&app, &amina, "/account/data").await;
    let data: Value = serde_json::from_slice(&data).unwrap();
    assert_eq!(data["learning"]["saved_for_offline"][0]["course"], COURSE, "{data}");
    let deleted =
        post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&amina)).await;
    assert_eq!(deleted.status().as_u16(), 303);
    assert_eq!(count::<offline_save::Entity>(&app).await, 0, "erased with the account");
}
