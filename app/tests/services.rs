//! The learning, bulk-enrolment and statistics services called directly,
//! without a server, on a temporary SQLite database migrated as the server
//! migrates it: a rule can be tested where it lives.
#![cfg(feature = "ssr")]

use std::path::Path;
use std::sync::Arc;

use app::accounts::{Actor, DisplayName, NewAccount, NewPassword, Username};
use app::catalog::{BrokenCourses, Catalog, Course, load};
use app::db::Db;
use app::learning::{self, Answers, LearningError, bulk};
use app::model::{Role, Standing, Viewer};
use app::statistics::{Grouping, Scope};
use migrations::MigratorTrait;

const COURSE: &str = "online-safety";

struct Programme {
    db: Db,
    catalog: Arc<Catalog>,
    _folder: tempfile::TempDir,
}

async fn programme() -> Programme {
    let folder = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", folder.path().join("learn.db").display());
    let db = Db::connect(&url, None).await.unwrap();
    migrations::Migrator::up(&db.writer, None).await.unwrap();
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let catalog = Arc::new(load(&courses, BrokenCourses::Refuse).unwrap().catalog);
    Programme { db, catalog, _folder: folder }
}

impl Programme {
    fn course(&self) -> Arc<Course> {
        self.catalog.course(COURSE).unwrap().clone()
    }

    async fn person(&self, username: &str, role: Role) -> Viewer {
        let name = Username::parse(username).unwrap();
        let account = NewAccount {
            password: NewPassword::parse("river mango lantern", name.as_str()).unwrap(),
            username: name,
            display_name: DisplayName::parse("Amina Bibi").unwrap(),
            role,
            language: None,
            profile: Vec::new(),
        };
        let user = app::accounts::create_user(&self.db, account, &Actor::command_line()).await.unwrap();
        Viewer {
            id: user.id,
            username: user.username,
            display_name: user.display_name,
            role,
            language: None,
            organisation: None,
        }
    }

    async fn standing(&self, viewer: &Viewer) -> Standing {
        learning::standing_of(&self.db, &self.course(), Some(viewer)).await.unwrap().standing
    }
}

/// The right answers of a quiz, as a learner would choose them.
fn right_answers(course: &Course, lesson: &str) -> Answers {
    let quiz = course.lesson(lesson).unwrap().quiz.as_ref().unwrap();
    quiz.questions
        .iter()
        .map(|question| {
            let right = question.options.iter().filter(|option| option.correct).map(|option| option.id.clone());
            (question.id.clone(), right.collect())
        })
        .collect()
}

#[tokio::test]
async fn a_learner_completes_a_course_through_the_services() {
    let programme = programme().await;
    let course = programme.course();
    let amina = programme.person("amina", Role::Learner).await;
    assert!(matches!(programme.standing(&amina).await, Standing::NotEnrolled { open: true }));

    learning::enrol(&programme.db, &course, amina.id).await.unwrap();
    learning::enrol(&programme.db, &course, amina.id).await.unwrap();
    let writer = learning::CompletionWriter::start(programme.db.clone());
    for (_, lesson) in course.lessons() {
        if lesson.quiz.is_some() {
            let answers = right_answers(&course, &lesson.id);
            let key = format!("attempt-{}-0123456789", lesson.id);
            let first = learning::submit_quiz(&programme.db, &course, &lesson.id, amina.id, &key, &answers).await;
            let again = learning::submit_quiz(&programme.db, &course, &lesson.id, amina.id, &key, &answers).await;
            assert_eq!(first.unwrap(), again.unwrap(), "the same attempt twice is one attempt");
        } else {
            writer.complete(course.clone(), &lesson.id, amina.id).await.unwrap();
        }
    }
    let Standing::Enrolled { progress, completed_on, certificate, .. } = programme.standing(&amina).await else {
        panic!("enrolled");
    };
    assert_eq!(progress.done, progress.total);
    assert!(completed_on.is_some() && certificate, "completed, with a certificate");

    // Leaving keeps the history; coming back finds it.
    learning::unenrol(&programme.db, COURSE, amina.id).await.unwrap();
    assert!(matches!(programme.standing(&amina).await, Standing::NotEnrolled { .. }));
    learning::enrol(&programme.db, &course, amina.id).await.unwrap();
    assert!(matches!(programme.standing(&amina).await, Standing::Enrolled { completed_on: Some(_), .. }));
}

#[tokio::test]
async fn completing_needs_an_enrolment_and_quiz_lessons_need_their_quiz() {
    let programme = programme().await;
    let course = programme.course();
    let bilal = programme.person("bilal", Role::Learner).await;
    let writer = learning::CompletionWriter::start(programme.db.clone());
    let (_, plain) = course.lessons().find(|(_, lesson)| lesson.quiz.is_none()).unwrap();
    let (_, quiz) = course.lessons().find(|(_, lesson)| lesson.quiz.is_some()).unwrap();
    let refused = writer.complete(course.clone(), &plain.id, bilal.id).await;
    assert!(matches!(refused, Err(LearningError::NotEnrolled)));
    learning::enrol(&programme.db, &course, bilal.id).await.unwrap();
    let refused = writer.complete(course.clone(), &quiz.id, bilal.id).await;
    assert!(matches!(refused, Err(LearningError::QuizLesson)));
    let refused = writer.complete(course.clone(), "no-such-lesson", bilal.id).await;
    assert!(matches!(refused, Err(LearningError::NotInCourse)));
    assert!(learning::completed_lessons(&programme.db.reader, bilal.id, COURSE).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_file_is_planned_applied_once_and_counted() {
    let programme = programme().await;
    let manager = programme.person("manager", Role::Manager).await;
    let actor = Actor { user_id: Some(manager.id), client_address: None };
    let form = learning::NewCohort {
        course_id: COURSE.into(),
        name: "Lahore, spring".into(),
        time_zone: "Asia/Karachi".into(),
        starts_on: String::new(),
        ends_on: String::new(),
        capacity: "2".into(),
        organisation_id: None,
    };
    let cohort = learning::create_cohort(&programme.db, &programme.catalog, &form, &actor).await.unwrap();
    let code = cohort.code.clone();
    let file = format!(
        "name,username,cohort\nAmina,amina,{code}\nBilal,bilal,{code}\nChaman,chaman,{code}\nDilnoza,dilnoza,NOPE-NOPE\n"
    );
    let id = bulk::store_upload(&programme.db, "spring.csv", file.as_bytes(), manager.id).await.unwrap().unwrap();

    let rows = bulk::read_file(file.as_bytes()).unwrap();
    let planned = bulk::plan(&programme.db.reader, &programme.catalog, rows, &manager).await.unwrap();
    let outcomes: Vec<_> = planned.iter().map(|row| row.outcome.clone()).collect();
    use bulk::Outcome::{Create, Error};
    assert_eq!(
        outcomes,
        vec![Create, Create, Error("import-error-cohort-full".into()), Error("import-error-cohort-unknown".into())],
        "two places, and a code that names no cohort"
    );

    let lifetime = time::Duration::days(14);
    let key = bulk::CodesKey::generate();
    let applied = bulk::apply(&programme.db, &programme.catalog, id, &manager, lifetime, &key, &actor).await.unwrap();
    assert_eq!((applied.created, applied.refused), (2, 2));
    let again = bulk::apply(&programme.db, &programme.catalog, id, &manager, lifetime, &key, &actor).await;
    assert!(matches!(again, Err(bulk::ApplyError::AlreadyApplied)), "a file is applied once");
    let report = bulk::report(
        &programme.db,
        &programme.catalog,
        bulk::stored_file(&programme.db, id).await.unwrap().unwrap(),
        &manager,
        lifetime,
        Some(&key),
    )
    .await
    .unwrap();
    assert_eq!(report.codes.len(), 2, "a set-password code for each new account");

    let now = time::OffsetDateTime::now_utc();
    let scope = Scope::course(COURSE);
    let counts = app::statistics::counts(&programme.db.reader, &scope, Grouping::Total, now).await.unwrap();
    let (_, total) = counts.first().unwrap();
    assert_eq!((total.enrolled, total.started, total.completed), (2, 0, 0));
    let by_cohort = app::statistics::counts(&programme.db.reader, &scope, Grouping::Cohort, now).await.unwrap();
    assert_eq!(by_cohort.len(), 1, "everyone in the one cohort");
}

#[tokio::test]
async fn a_phones_outbox_is_recorded_once_and_refusals_store_nothing() {
    use app::offline::events::{Action, Batch, Event};
    use app::offline::sync::{Outcome, Refusal};
    let programme = programme().await;
    let course = programme.course();
    let amina = programme.person("amina", Role::Learner).await;
    learning::enrol(&programme.db, &course, amina.id).await.unwrap();
    let writer = learning::CompletionWriter::start(programme.db.clone());
    let event = |id: &str, lesson: &str, action: Action| Event {
        id: format!("{id:0>16}"),
        user: amina.id,
        course: COURSE.into(),
        version: course.content_version.clone(),
        lesson: lesson.into(),
        action,
    };
    let (reading, quiz) = (course.lessons().next().unwrap().1.id.clone(), "check-your-knowledge");
    let batch = Batch {
        device: "phone".into(),
        events: vec![
            event("1", &reading, Action::Complete),
            event("2", quiz, Action::Quiz(right_answers(&course, quiz))),
            event("3", "removed-since", Action::Complete),
        ],
    };
    for sent in 0..2 {
        let outcomes = app::offline::receive(&programme.db, &writer, &programme.catalog, &amina, &batch).await.unwrap();
        assert!(matches!(outcomes[0], Outcome::Completed { .. }), "{outcomes:?}");
        let Outcome::Attempted { attempt, .. } = &outcomes[1] else { panic!("{outcomes:?}") };
        assert_eq!((attempt.passed, attempt.repeat), (true, sent == 1), "the second sending is a repeat");
        assert_eq!(outcomes[2], Outcome::Refused(Refusal::UnknownLesson));
    }
    let completed = learning::completed_lessons(&programme.db.reader, amina.id, COURSE).await.unwrap();
    assert_eq!(completed.len(), 2, "the reading lesson and the quiz, once each: {completed:?}");
}
