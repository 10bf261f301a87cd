//! One write per enrolment change: the statements a learner's steps cost,
//! counted at the database connection itself, from the first lesson to the
//! quiz that finishes the course and earns its certificate.

use std::sync::{Arc, Mutex};

use app::entities::user;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{BACKENDS, signed_in_as, spawn_app};
use crate::learning::COURSE;

/// The writes (INSERT, UPDATE, DELETE) a connection has sent, in order.
type Written = Arc<Mutex<Vec<String>>>;

fn counting(db: &mut app::db::Db) -> Written {
    let written: Written = Arc::default();
    let kept = written.clone();
    db.writer.set_metric_callback(move |info| {
        let sql = info.statement.sql.trim_start();
        let verb = sql.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
        if matches!(verb.as_str(), "INSERT" | "UPDATE" | "DELETE") {
            kept.lock().unwrap().push(sql.to_string());
        }
    });
    written
}

fn updates_of_enrolments(writes: &[String]) -> usize {
    writes.iter().filter(|sql| sql.starts_with("UPDATE \"enrolments\"")).count()
}

#[tokio::test]
async fn every_step_writes_its_enrolment_once_and_finishing_a_course_costs_five_writes() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        signed_in_as(&app, "writes", "learner").await;
        let learner = user::Entity::find()
            .filter(user::Column::Username.eq("writes"))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .expect("the learner's account")
            .id;
        let catalog = app.state.catalog.current();
        let course = catalog.course(COURSE).expect("the sample course").clone();
        assert!(course.certificate.issued, "{COURSE} gives a certificate, which this test counts");
        let mut db = app.database().connect().await;
        let written = counting(&mut db);
        app::learning::enrol(&db, &course, learner).await.unwrap();
        let writer = app::learning::CompletionWriter::start(db.clone());

        let lessons: Vec<_> = course.lessons().map(|(_, lesson)| lesson).collect();
        let mut last = Vec::new();
        for (index, lesson) in lessons.iter().enumerate() {
            written.lock().unwrap().clear();
            match &lesson.quiz {
                None => writer.complete(course.clone(), &lesson.id, learner).await.unwrap(),
                Some(quiz) => {
                    let right = quiz
                        .questions
                        .iter()
                        .map(|question| {
                            let options = question.options.iter().filter(|option| option.correct);
                            (question.id.clone(), options.map(|option| option.id.clone()).collect())
                        })
                        .collect();
                    let key = format!("attempt-{index}");
                    app::learning::submit_quiz(&db, &course, &lesson.id, learner, &key, &right).await.unwrap();
                }
            }
            last = written.lock().unwrap().clone();
            assert_eq!(
                updates_of_enrolments(&last),
                1,
                "{backend:?}: {} updates its enrolment once: {last:#?}",
                lesson.id
            );
        }
        // The last step: its attempt (if a quiz) and lesson, the course's
        // completion, the certificate, and the enrolment once.
        let quiz = usize::from(lessons.last().unwrap().quiz.is_some());
        assert_eq!(last.len(), 4 + quiz, "{backend:?}: the step that finishes the course writes {last:#?}");
        let standing = app::learning::course_completion(&db, learner, COURSE).await.unwrap();
        assert!(standing.is_some(), "{backend:?}: the course is complete");
        let certificate = app::learning::my_certificate(&db, learner, COURSE).await.unwrap();
        assert!(certificate.is_some(), "{backend:?}: the certificate is issued");

        // A repeat writes nothing at all.
        written.lock().unwrap().clear();
        writer.complete(course.clone(), &lessons[0].id, learner).await.unwrap();
        assert_eq!(written.lock().unwrap().len(), 0, "{backend:?}: a lesson completed again writes nothing");
    }
}
