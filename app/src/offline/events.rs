//! What a learner did on a phone while offline, as the phone sends it: a
//! batch of events, read and checked whole before anything is stored. A
//! batch with one malformed event is refused whole, with nothing stored,
//! so that a broken outbox is noticed rather than half-applied.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::learning::Answers;

/// Events in one batch, at most (the phone sends a longer outbox in turns).
pub const MAX_EVENTS: usize = 100;
/// The bytes of one batch, at most: a hundred quiz attempts fit.
pub const MAX_BATCH_BYTES: usize = 256 * 1024;
/// Questions in one attempt, and options chosen per question, at most
/// (far more than a lesson of at most 1 MB of text can hold in practice).
const MAX_QUESTIONS: usize = 500;
const MAX_CHOSEN: usize = 100;

/// A batch as sent.
#[derive(Deserialize)]
struct WireBatch {
    device: String,
    events: Vec<WireEvent>,
}

#[derive(Deserialize)]
struct WireEvent {
    id: String,
    user: i64,
    course: String,
    version: String,
    kind: String,
    lesson: String,
    #[serde(default)]
    answers: Option<BTreeMap<String, Vec<String>>>,
}

/// A checked batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// Which phone (a random id it chose): for the logs.
    pub device: String,
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Unique per learner: the same event sent twice is counted once. A
    /// quiz attempt's key is its event id.
    pub id: String,
    /// Whose learning it is: must be the person sending it.
    pub user: i64,
    pub course: String,
    /// The course's content version on the phone when it happened.
    pub version: String,
    pub lesson: String,
    pub action: Action,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// "Mark as complete" on a lesson without a quiz.
    Complete,
    /// A quiz submitted, with the options chosen per question.
    Quiz(Answers),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    #[error("the batch has more than {MAX_EVENTS} events or {MAX_BATCH_BYTES} bytes")]
    TooLarge,
    #[error("the batch is malformed: {0}")]
    Malformed(String),
}

/// Reads a batch from JSON, checking every field's form and bound.
pub fn read_batch(bytes: &[u8]) -> Result<Batch, BatchError> {
    if bytes.len() > MAX_BATCH_BYTES {
        return Err(BatchError::TooLarge);
    }
    let wire: WireBatch = serde_json::from_slice(bytes).map_err(|error| BatchError::Malformed(error.to_string()))?;
    if wire.events.len() > MAX_EVENTS {
        return Err(BatchError::TooLarge);
    }
    let malformed = |index: usize, what: &str| BatchError::Malformed(format!("event {index}: {what}"));
    if !is_token(&wire.device, 1, 64) {
        return Err(BatchError::Malformed("device: 1 to 64 letters, digits, - or _".into()));
    }
    let mut events = Vec::with_capacity(wire.events.len());
    for (index, event) in wire.events.into_iter().enumerate() {
        // Also a quiz attempt's key, which has this form.
        if !(16..=64).contains(&event.id.len()) || !event.id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(malformed(index, "id: 16 to 64 letters or digits"));
        }
        if !is_token(&event.course, 1, 64) || !is_token(&event.lesson, 1, 64) {
            return Err(malformed(index, "course and lesson: 1 to 64 letters, digits, - or _"));
        }
        if !is_token(&event.version, 1, 64) {
            return Err(malformed(index, "version: 1 to 64 letters or digits"));
        }
        let action = match (event.kind.as_str(), event.answers) {
            ("complete", None) => Action::Complete,
            ("quiz", Some(answers)) => Action::Quiz(read_answers(answers).map_err(|what| malformed(index, &what))?),
            ("complete", Some(_)) => return Err(malformed(index, "a completion carries no answers")),
            ("quiz", None) => return Err(malformed(index, "a quiz attempt carries its answers")),
            _ => return Err(malformed(index, "kind: complete or quiz")),
        };
        events.push(Event {
            id: event.id,
            user: event.user,
            course: event.course,
            version: event.version,
            lesson: event.lesson,
            action,
        });
    }
    Ok(Batch { device: wire.device, events })
}

fn read_answers(answers: BTreeMap<String, Vec<String>>) -> Result<Answers, String> {
    if answers.len() > MAX_QUESTIONS {
        return Err(format!("answers: at most {MAX_QUESTIONS} questions"));
    }
    let mut read = Answers::new();
    for (question, options) in answers {
        if !is_token(&question, 1, 64) || options.len() > MAX_CHOSEN {
            return Err(format!("answers: question ids of 1 to 64 characters, at most {MAX_CHOSEN} options each"));
        }
        let chosen: BTreeSet<String> = options.into_iter().collect();
        if chosen.iter().any(|option| !is_token(option, 1, 64)) {
            return Err("answers: option ids of 1 to 64 letters, digits, - or _".into());
        }
        read.insert(question, chosen);
    }
    Ok(read)
}

/// Letters, digits, `-` and `_` (the ids of courses, lessons, questions
/// and options), between `least` and `most` of them.
fn is_token(text: &str, least: usize, most: usize) -> bool {
    (least..=most).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123";

    fn batch(events: &str) -> Result<Batch, BatchError> {
        read_batch(format!(r#"{{"device":"phone-1","events":[{events}]}}"#).as_bytes())
    }

    #[test]
    fn completions_and_quiz_attempts_are_read() {
        let read = batch(&format!(
            r#"{{"id":"{ID}","user":7,"course":"c","version":"v1","kind":"complete","lesson":"l"}},
               {{"id":"{ID}ff","user":7,"course":"c","version":"v1","kind":"quiz","lesson":"q","answers":{{"a":["x","y"]}}}}"#
        ))
        .unwrap();
        assert_eq!(read.device, "phone-1");
        assert_eq!(read.events[0].action, Action::Complete);
        let Action::Quiz(answers) = &read.events[1].action else { panic!("a quiz") };
        assert_eq!(answers["a"].len(), 2);
    }

    #[test]
    fn malformed_events_refuse_the_whole_batch() {
        let refused = |event: String| matches!(batch(&event), Err(BatchError::Malformed(_)));
        let event = |id: &str, kind: &str, extra: &str| {
            format!(r#"{{"id":"{id}","user":7,"course":"c","version":"v","kind":"{kind}","lesson":"l"{extra}}}"#)
        };
        assert!(refused(event("short", "complete", "")), "an id too short to be unique");
        assert!(refused(event(&"x".repeat(65), "complete", "")), "an id too long");
        assert!(refused(event("0123456789abcdef-+", "complete", "")), "an id with other characters");
        assert!(refused(event(ID, "delete", "")), "an unknown kind");
        assert!(refused(event(ID, "quiz", "")), "a quiz without answers");
        assert!(refused(event(ID, "complete", r#","answers":{}"#)), "a completion with answers");
        assert!(refused(event(ID, "quiz", r#","answers":{"a":["<script>"]}"#)), "an option that is no id");
        assert!(refused(r#"{"id":1}"#.into()), "missing fields");
        assert!(matches!(read_batch(b"not json"), Err(BatchError::Malformed(_))));
        let lesson = format!(
            r#"{{"id":"{ID}","user":7,"course":"c","version":"v","kind":"complete","lesson":"{}"}}"#,
            "l".repeat(65)
        );
        assert!(refused(lesson), "a lesson id too long");
    }

    #[test]
    fn huge_batches_are_refused_before_they_are_read() {
        let one = format!(r#"{{"id":"{ID}","user":7,"course":"c","version":"v","kind":"complete","lesson":"l"}}"#);
        let many = vec![one.clone(); MAX_EVENTS + 1].join(",");
        assert_eq!(batch(&many), Err(BatchError::TooLarge));
        assert!(batch(&vec![one; MAX_EVENTS].join(",")).is_ok(), "exactly the most is fine");
        assert_eq!(read_batch(&vec![b' '; MAX_BATCH_BYTES + 1]), Err(BatchError::TooLarge));
        let answers: Vec<String> = (0..=MAX_QUESTIONS).map(|n| format!(r#""q{n}":["a"]"#)).collect();
        let quiz = format!(
            r#"{{"id":"{ID}","user":7,"course":"c","version":"v","kind":"quiz","lesson":"l","answers":{{{}}}}}"#,
            answers.join(",")
        );
        assert!(matches!(batch(&quiz), Err(BatchError::Malformed(_))), "too many questions");
    }
}
