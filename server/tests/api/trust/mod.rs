//! Regression tests for what an attacker's review of the running server
//! found (issue 12): each test does what the attacker did, with the role and
//! the input they chose, and checks that it no longer works.

mod partners;
mod personal_data;
mod reports;
mod sign_in;

use app::entities::cohort;

use crate::helpers::{TestApp, post_form};

async fn join(app: &TestApp, learner: &str, cohort: &cohort::Model) {
    let response = post_form(app, "/api/join_cohort", "/join", &format!("code={}", cohort.code), Some(learner)).await;
    assert!(response.headers()["location"].to_str().unwrap().starts_with("/courses/"), "joined {}", cohort.name);
}
