//! Regression tests for what an attacker's review of the running server
//! found (issue 12): each test does what the attacker did, with the role and
//! the input they chose, and checks that it no longer works.

use app::entities::{cohort, enrolment, user};
use sea_orm::{ActiveValue::Set, EntityTrait};
use time::OffsetDateTime;

use crate::helpers::{Backend, TestApp, signed_in_as, spawn_app};
use crate::learning::COURSE;

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
