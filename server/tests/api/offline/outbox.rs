//! The sync endpoint taking a phone's outbox: recorded once however often
//! it is sent, refusals with reasons, another learner's events, bad batches.

use app::entities::{certificate, lesson_completion, quiz_attempt};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use super::{attempt, batch, completion, count, enrolled_amina, id, learner_id, sync, version};
use crate::helpers::{BACKENDS, Backend, post_form, spawn_app};
use crate::learning::{COURSE, lessons};
use crate::statistics::register;

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
