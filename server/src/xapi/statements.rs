//! A learning record as an xAPI 1.0.3 statement. What goes out, and why
//! no more (docs/operators.md, "Learning records to a learning record
//! store"):
//!
//! - the learner as an account of this site named by a **pseudonym** (a
//!   salted hash of their account number), their display name only when
//!   the operator turns names on;
//! - the course or lesson by its address on this site and its title;
//! - for a quiz, the score and whether it passed;
//! - when it happened.
//!
//! Each statement's id is made from the record it describes, so sending it
//! twice is harmless: the store keeps one.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;

use app::entities::xapi_outbox;

/// What a statement needs beside its record.
pub struct Site<'a> {
    /// The site's public address, without a trailing slash.
    pub public_url: &'a str,
    /// The programme's name (the statements' platform).
    pub platform: &'a str,
    /// The salt of learners' pseudonyms.
    pub salt: &'a str,
}

/// The learner as the statement names them.
pub struct Learner<'a> {
    pub id: i64,
    /// Only when the operator turned names on.
    pub name: Option<&'a str>,
}

/// The course (and lesson) titles, as the catalogue has them now.
pub struct Titles<'a> {
    pub course: &'a str,
    pub lesson: Option<&'a str>,
}

const VERB_REGISTERED: &str = "http://adlnet.gov/expapi/verbs/registered";
const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";

/// The learner's pseudonym: the same for every statement about them, and
/// nothing that leads back to them without this installation's salt.
pub fn pseudonym(salt: &str, user_id: i64) -> String {
    let digest = Sha256::digest(format!("{salt}:{user_id}").as_bytes());
    digest.iter().take(16).map(|byte| format!("{byte:02x}")).collect()
}

/// The statement's id: a UUID (version 5 layout) from the site and the
/// record, stable however often it is made.
pub fn statement_id(public_url: &str, record: &xapi_outbox::Model) -> String {
    // What makes the record one of a kind: a person enrols in a course,
    // completes a lesson and earns its certificate once; each quiz attempt
    // is its own.
    let key = match record.kind.as_str() {
        "lesson" => format!(
            "lesson:{}:{}:{}",
            record.user_id,
            record.course_id,
            record.lesson_id.as_deref().unwrap_or_default()
        ),
        "quiz" => format!("quiz:{}", record.source_id.unwrap_or(record.id)),
        kind => format!("{kind}:{}:{}", record.user_id, record.course_id),
    };
    let digest = Sha256::digest(format!("{public_url}|{key}").as_bytes());
    let mut bytes: [u8; 16] = digest[..16].try_into().expect("16 bytes of 32");
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// The statement for `record`, or `None` for a kind this version does not
/// know (left unsent).
pub fn statement(site: &Site, record: &xapi_outbox::Model, learner: &Learner, titles: &Titles) -> Option<Value> {
    let course_id = format!("{}/courses/{}", site.public_url, record.course_id);
    let course = json!({
        "objectType": "Activity",
        "id": course_id,
        "definition": { "type": COURSE, "name": { "und": titles.course } },
    });
    let lesson = |kind: &str, suffix: &str| {
        let lesson_id = record.lesson_id.as_deref().unwrap_or_default();
        json!({
            "objectType": "Activity",
            "id": format!("{course_id}/{lesson_id}{suffix}"),
            "definition": { "type": kind, "name": { "und": titles.lesson.unwrap_or(lesson_id) } },
        })
    };
    let (verb, display, object, result, parent) = match record.kind.as_str() {
        "enrolled" => (VERB_REGISTERED, "registered", course.clone(), None, false),
        "lesson" => (VERB_COMPLETED, "completed", lesson(LESSON, ""), Some(json!({ "completion": true })), true),
        "quiz" => {
            let passed = record.passed.unwrap_or(false);
            let score = record.score.unwrap_or(0).clamp(0, 100);
            let result = json!({
                "score": { "scaled": f64::from(score) / 100.0, "raw": score, "min": 0, "max": 100 },
                "success": passed,
                "completion": true,
            });
            let (verb, display) = if passed { (VERB_PASSED, "passed") } else { (VERB_FAILED, "failed") };
            (verb, display, lesson(ASSESSMENT, "#quiz"), Some(result), true)
        }
        "certificate" => {
            (VERB_COMPLETED, "completed", course.clone(), Some(json!({ "completion": true, "success": true })), false)
        }
        _ => return None,
    };
    let mut actor = json!({
        "objectType": "Agent",
        "account": { "homePage": site.public_url, "name": pseudonym(site.salt, learner.id) },
    });
    if let Some(name) = learner.name {
        actor["name"] = json!(name);
    }
    let mut context = json!({ "platform": site.platform });
    if parent {
        context["contextActivities"] = json!({ "parent": [course] });
    }
    let mut statement = json!({
        "id": statement_id(site.public_url, record),
        "actor": actor,
        "verb": { "id": verb, "display": { "en-US": display } },
        "object": object,
        "context": context,
        "timestamp": record.occurred_at.format(&Rfc3339).unwrap_or_default(),
    });
    if let Some(result) = result {
        statement["result"] = result;
    }
    Some(statement)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str) -> xapi_outbox::Model {
        xapi_outbox::Model {
            id: 7,
            kind: kind.into(),
            user_id: 42,
            course_id: "online-safety".into(),
            lesson_id: Some("passwords".into()),
            source_id: Some(3),
            score: Some(80),
            passed: Some(true),
            occurred_at: time::macros::datetime!(2026-12-07 10:00 UTC),
            attempts: 0,
            sent_at: None,
            refused_at: None,
            last_error: None,
        }
    }

    const SITE: Site = Site { public_url: "https://learn.example", platform: "Digital Skills", salt: "pepper" };

    #[test]
    fn a_quiz_attempt_carries_its_score_and_no_name_by_default() {
        let titles = Titles { course: "Online safety", lesson: Some("Passwords") };
        let made = statement(&SITE, &record("quiz"), &Learner { id: 42, name: None }, &titles).unwrap();
        assert_eq!(made["verb"]["id"], VERB_PASSED);
        assert_eq!(made["result"]["score"]["scaled"], 0.8);
        assert_eq!(made["result"]["success"], true);
        assert_eq!(made["object"]["id"], "https://learn.example/courses/online-safety/passwords#quiz");
        assert_eq!(made["actor"]["account"]["name"], pseudonym("pepper", 42));
        assert!(made["actor"].get("name").is_none(), "no name unless turned on");
        assert!(!made.to_string().contains("\"42\""), "the account number itself is not sent");
        assert_eq!(made["timestamp"], "2026-12-07T10:00:00Z");
    }

    #[test]
    fn ids_are_uuids_stable_per_record_and_distinct_between_records() {
        let id = statement_id("https://learn.example", &record("quiz"));
        assert_eq!(id, statement_id("https://learn.example", &record("quiz")));
        assert_ne!(id, statement_id("https://learn.example", &record("certificate")));
        assert_ne!(id, statement_id("https://other.example", &record("quiz")));
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "5");
        let mut other = record("lesson");
        let lesson = statement_id("https://learn.example", &other);
        other.id = 99; // the same completion, found again
        assert_eq!(lesson, statement_id("https://learn.example", &other));
    }

    #[test]
    fn names_go_out_only_when_asked_and_unknown_kinds_not_at_all() {
        let titles = Titles { course: "Online safety", lesson: None };
        let made = statement(&SITE, &record("enrolled"), &Learner { id: 42, name: Some("Amina") }, &titles).unwrap();
        assert_eq!(made["actor"]["name"], "Amina");
        assert_eq!(made["verb"]["id"], VERB_REGISTERED);
        assert!(statement(&SITE, &record("something-new"), &Learner { id: 1, name: None }, &titles).is_none());
    }
}
