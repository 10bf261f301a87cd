//! Offline learning over HTTP, as a phone's script does it: the manifest
//! and saved copies of a course, and the sync endpoint that takes the
//! outbox of what a learner did without a connection. Repeats, refusals,
//! authorisation and bad input, on SQLite and PostgreSQL.
//!
//! This file holds the helpers both halves share: posting a batch and
//! building its events.

mod outbox;
mod saving;

use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{TestApp, post_form};
use crate::learning::{COURSE, register_amina};

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
