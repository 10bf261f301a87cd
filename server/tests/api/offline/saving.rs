//! Saving a course on a phone: the manifest and its files, who may save
//! what, quizzes graded against the version saved, and the saved courses
//! in the learner's own data.

use std::fs;

use app::catalog::BrokenCourses;
use app::entities::quiz_attempt;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{attempt, batch, count, enrolled_amina, learner_id, sync, version};
use crate::courses_reload::copy_folder;
use crate::helpers::{Backend, TestApp, post_form, sample_courses, spawn_app, spawn_app_on, spawn_app_with_courses};
use crate::learning::{COURSE, lessons, register_amina};
use crate::statistics::register;

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
