//! Statistics, exports, bulk enrolment and organisations: counted in the
//! database and checked against numbers worked out by hand, on SQLite and
//! PostgreSQL; who may see what; CSV files as spreadsheets read them.
//!
//! This file holds what the tests (and other test files) share: a fixture
//! that inserts rows directly, and helpers that register, download and upload.

mod counts;
mod exports;
mod imports;

use app::entities::{certificate, cohort, course_completion, enrolment, profile_answer, user};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use time::{Duration, OffsetDateTime};

use crate::helpers::{TestApp, cookie_pair, post_form, set_cookie};

/// Rows for the hand-computed fixture.
pub struct Fixture<'a> {
    pub db: &'a app::db::Db,
    pub now: OffsetDateTime,
}

impl Fixture<'_> {
    pub async fn user(&self, username: &str, gender: Option<&str>) -> i64 {
        let inserted = user::Entity::insert(user::ActiveModel {
            username: Set(username.into()),
            display_name: Set(username.into()),
            password_hash: Set("!".into()),
            role: Set("learner".into()),
            created_at: Set(self.now),
            ..Default::default()
        })
        .exec(&self.db.writer)
        .await
        .unwrap();
        if let Some(gender) = gender {
            profile_answer::Entity::insert(profile_answer::ActiveModel {
                user_id: Set(inserted.last_insert_id),
                question: Set("gender".into()),
                answer: Set(gender.into()),
                consented_at: Set(self.now),
            })
            .exec(&self.db.writer)
            .await
            .unwrap();
        }
        inserted.last_insert_id
    }

    pub async fn cohort(&self, course: &str, code: &str, organisation: Option<i64>) -> i64 {
        cohort::Entity::insert(cohort::ActiveModel {
            course_id: Set(course.into()),
            name: Set(code.into()),
            code: Set(code.into()),
            time_zone: Set("UTC".into()),
            created_at: Set(self.now),
            organisation_id: Set(organisation),
            ..Default::default()
        })
        .exec(&self.db.writer)
        .await
        .unwrap()
        .last_insert_id
    }

    /// An enrolment (with the learner's answers copied, as enrolling
    /// does); `active_days_ago` also marks it started then.
    pub async fn enrol(
        &self,
        user_id: i64,
        course: &str,
        cohort: Option<i64>,
        enrolled_at: OffsetDateTime,
        active_days_ago: Option<i64>,
    ) {
        let active = active_days_ago.map(|days| self.now - Duration::days(days));
        let gender = profile_answer::Entity::find()
            .filter(profile_answer::Column::UserId.eq(user_id))
            .one(&self.db.reader)
            .await
            .unwrap()
            .map(|answer| answer.answer);
        enrolment::Entity::insert(enrolment::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.into()),
            cohort_id: Set(cohort),
            enrolled_at: Set(enrolled_at),
            started_at: Set(active),
            last_active_at: Set(active),
            gender: Set(gender),
            ..Default::default()
        })
        .exec(&self.db.writer)
        .await
        .unwrap();
    }

    /// The enrolment of `user_id` in `course`, changed by `change`.
    async fn update_enrolment(&self, user_id: i64, course: &str, change: impl FnOnce(&mut enrolment::ActiveModel)) {
        use sea_orm::{ActiveModelTrait, IntoActiveModel};
        let found = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(user_id))
            .filter(enrolment::Column::CourseId.eq(course))
            .one(&self.db.reader)
            .await
            .unwrap()
            .unwrap();
        let mut row = found.into_active_model();
        change(&mut row);
        row.update(&self.db.writer).await.unwrap();
    }

    pub async fn complete(&self, user_id: i64, course: &str, at: OffsetDateTime) {
        course_completion::Entity::insert(course_completion::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.into()),
            completed_at: Set(at),
            content_version: Set("v1".into()),
        })
        .exec(&self.db.writer)
        .await
        .unwrap();
        self.update_enrolment(user_id, course, |row| row.completed_at = Set(Some(at))).await;
    }

    async fn certify(&self, user_id: i64, course: &str, revoked: bool) {
        certificate::Entity::insert(certificate::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.into()),
            verify_code: Set(format!("CODE{user_id:012}{course}").chars().take(16).collect()),
            issued_at: Set(self.now),
            learner_name: Set("x".into()),
            course_title: Set("x".into()),
            minutes: Set(10),
            content_version: Set("v1".into()),
            revoked_at: Set(revoked.then_some(self.now)),
            ..Default::default()
        })
        .exec(&self.db.writer)
        .await
        .unwrap();
        self.update_enrolment(user_id, course, |row| row.certified = Set(!revoked)).await;
    }
}

/// A learner registered through the form, signed in.
pub async fn register(app: &TestApp, username: &str, name: &str) -> String {
    let body =
        format!("username={username}&display_name={}&password=river+mango+lantern&language=en", utf8_percent(name));
    let response = post_form(app, "/api/register", "/register", &body, None).await;
    cookie_pair(&set_cookie(&response).expect("registered and signed in"))
}

fn utf8_percent(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (byte as char).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

pub async fn new_cohort(
    app: &TestApp,
    manager: &str,
    course: &str,
    name: &str,
    organisation: Option<i64>,
) -> cohort::Model {
    let mut body = format!("course_id={course}&name={name}&time_zone=UTC&starts_on=&ends_on=&capacity=");
    if let Some(organisation) = organisation {
        body.push_str(&format!("&organisation={organisation}"));
    }
    let response = post_form(app, "/api/create_cohort", "/manage/cohorts", &body, Some(manager)).await;
    assert_eq!(response.status().as_u16(), 303, "cohort {name} created");
    cohort::Entity::find().filter(cohort::Column::Name.eq(name)).one(&app.state.db.reader).await.unwrap().unwrap()
}

async fn status(app: &TestApp, path: &str, cookie: &str) -> u16 {
    app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap().status().as_u16()
}

pub async fn download(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let response = app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

pub fn records(csv_text: &str) -> Vec<Vec<String>> {
    let body = csv_text.strip_prefix('\u{feff}').expect("a byte order mark for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn multipart_file(name: &str, bytes: Vec<u8>) -> reqwest::multipart::Form {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()).mime_str("text/csv").unwrap();
    reqwest::multipart::Form::new().part("file", part)
}

/// Uploads a file; the redirect's address.
pub async fn upload(app: &TestApp, cookie: &str, bytes: Vec<u8>) -> String {
    let response = app
        .client
        .post(format!("{}/manage/import", app.address))
        .header("cookie", cookie)
        .header("origin", app.address.as_str())
        .multipart(multipart_file("learners.csv", bytes))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    response.headers()["location"].to_str().unwrap().to_string()
}
