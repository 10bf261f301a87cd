//! The learner's journey over HTTP, as a browser without JavaScript does
//! it: enrol, complete lessons, fail then pass a quiz, complete the course;
//! cohorts joined with a code; and every bad request changing nothing.

use app::entities::{cohort, course_completion, enrolment, lesson_completion, quiz_attempt};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{
    AMINA, BACKENDS, Backend, TestApp, call, cookie_pair, page_with, post_form, refusal, set_cookie, signed_in_as,
    spawn_app, spawn_app_with_courses,
};

pub const COURSE: &str = "online-safety";

pub async fn register_amina(app: &TestApp) -> String {
    cookie_pair(&set_cookie(&post_form(app, "/api/register", "/register", AMINA, None).await).unwrap())
}

/// The course's lessons in order: (id, quiz answers as (right, wrong) form bodies).
pub fn lessons(app: &TestApp, course: &str) -> Vec<(String, Option<(String, String)>)> {
    let catalog = app.state.catalog.current();
    let course = catalog.course(course).unwrap().clone();
    course
        .lessons()
        .map(|(_, lesson)| {
            let answers = lesson.quiz.as_ref().map(|quiz| {
                let mut right = String::new();
                let mut wrong = String::new();
                for question in &quiz.questions {
                    for option in &question.options {
                        let field = if question.multiple {
                            format!("multiple%5B{}%3A{}%5D=on", question.id, option.id)
                        } else {
                            format!("single%5B{}%5D={}", question.id, option.id)
                        };
                        if option.correct {
                            right.push_str(&format!("&{field}"));
                        }
                    }
                    // Wrong: the first wrong option (or, if none, every option).
                    let first_wrong = question.options.iter().find(|option| !option.correct).unwrap();
                    let field = if question.multiple {
                        format!("multiple%5B{}%3A{}%5D=on", question.id, first_wrong.id)
                    } else {
                        format!("single%5B{}%5D={}", question.id, first_wrong.id)
                    };
                    wrong.push_str(&format!("&{field}"));
                }
                (right, wrong)
            });
            (lesson.id.clone(), answers)
        })
        .collect()
}

fn attempt_of(response: &reqwest::Response) -> i64 {
    let location = response.headers()["location"].to_str().unwrap();
    let id =
        location.split("attempt=").nth(1).unwrap_or_else(|| panic!("no attempt in {location}: {}", refusal(response)));
    id.split('#').next().unwrap().parse().unwrap()
}

async fn count<E>(app: &TestApp) -> u64
where
    E: EntityTrait,
    E::Model: Sync,
{
    E::find().count(&app.state.db.reader).await.unwrap()
}

#[tokio::test]
async fn a_learner_enrols_fails_then_passes_a_quiz_and_completes_the_course() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina = register_amina(&app).await;
        let course_page = page_with(&app, &format!("/courses/{COURSE}"), &amina).await;
        assert!(course_page.contains("action=\"/api/enrol\""), "{backend:?}: an enrol button");

        let enrolled = post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        assert_eq!(enrolled.headers()["location"], format!("/courses/{COURSE}"));
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        assert_eq!(count::<enrolment::Entity>(&app).await, 1, "enrolling twice is one enrolment");

        let lessons = lessons(&app, COURSE);
        let (first, _) = &lessons[0];
        let body = format!("course={COURSE}&lesson={first}");
        let done = post_form(&app, "/api/complete_lesson", "/", &body, Some(&amina)).await;
        assert_eq!(done.headers()["location"], format!("/courses/{COURSE}/{}", lessons[1].0), "on to the next");
        post_form(&app, "/api/complete_lesson", "/", &body, Some(&amina)).await;
        assert_eq!(count::<lesson_completion::Entity>(&app).await, 1, "{backend:?}: a double click counts once");
        let page = page_with(&app, &format!("/courses/{COURSE}?lang=en"), &amina).await;
        assert!(page.contains(&format!("1 of {} lessons done", lessons.len())), "{backend:?}: progress shown");

        let (quiz, answers) = lessons.iter().find(|(_, answers)| answers.is_some()).unwrap();
        let (right, wrong) = answers.clone().unwrap();
        let quiz_page = page_with(&app, &format!("/courses/{COURSE}/{quiz}?lang=en"), &amina).await;
        assert!(!quiz_page.contains("action=\"/api/complete_lesson\""), "a quiz lesson has no mark-complete button");
        let key = "AAAABBBBCCCCDDDDEEEEFFFFGG";
        let failed = post_form(
            &app,
            "/api/submit_quiz",
            "/",
            &format!("course={COURSE}&lesson={quiz}&attempt_key={key}{wrong}"),
            Some(&amina),
        )
        .await;
        let attempt = attempt_of(&failed);
        let again = post_form(
            &app,
            "/api/submit_quiz",
            "/",
            &format!("course={COURSE}&lesson={quiz}&attempt_key={key}{wrong}"),
            Some(&amina),
        )
        .await;
        assert_eq!(attempt_of(&again), attempt, "{backend:?}: a resubmitted form is the same attempt");
        assert_eq!(count::<quiz_attempt::Entity>(&app).await, 1);
        let result = page_with(&app, &format!("/courses/{COURSE}/{quiz}?attempt={attempt}&lang=en"), &amina).await;
        assert!(result.contains("You need"), "{backend:?}: a failed attempt says what is needed");
        assert!(result.contains("Your answer, not right:"), "each chosen answer is marked");
        assert!(!result.contains("The right answer:"), "but the right ones stay hidden until the quiz is passed");

        let passed = post_form(
            &app,
            "/api/submit_quiz",
            "/",
            &format!("course={COURSE}&lesson={quiz}&attempt_key=ZZZZBBBBCCCCDDDDEEEEFFFFGG{right}"),
            Some(&amina),
        )
        .await;
        let attempt = attempt_of(&passed);
        let result = page_with(&app, &format!("/courses/{COURSE}/{quiz}?attempt={attempt}&lang=en"), &amina).await;
        assert!(result.contains("Well done: 100%"), "{backend:?}");

        for (lesson, answers) in &lessons {
            if answers.is_none() {
                let body = format!("course={COURSE}&lesson={lesson}");
                post_form(&app, "/api/complete_lesson", "/", &body, Some(&amina)).await;
            }
        }
        let completion = course_completion::Entity::find().one(&app.state.db.reader).await.unwrap();
        let completion = completion.expect("the course is complete");
        let version = app.state.catalog.current().course(COURSE).unwrap().content_version.clone();
        assert_eq!(completion.content_version, version, "{backend:?}: the version completed is recorded");
        let dashboard = page_with(&app, "/my?lang=en", &amina).await;
        assert!(dashboard.contains("(100%)") && dashboard.contains("You completed this course"), "{backend:?}");

        let left = post_form(&app, "/api/unenrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        assert_eq!(left.status(), 303);
        assert!(page_with(&app, "/my?lang=en", &amina).await.contains("not enrolled in any course"));
        assert_eq!(count::<lesson_completion::Entity>(&app).await, lessons.len() as u64, "history is kept");
    }
}

#[tokio::test]
async fn bad_requests_record_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let amina = register_amina(&app).await;
    let lessons = lessons(&app, COURSE);
    let (first, _) = &lessons[0];
    let (quiz, answers) = lessons.iter().find(|(_, answers)| answers.is_some()).unwrap();
    let (right, _) = answers.clone().unwrap();

    // Not enrolled yet.
    let response =
        post_form(&app, "/api/complete_lesson", "/", &format!("course={COURSE}&lesson={first}"), Some(&amina)).await;
    assert!(refusal(&response).contains("learning-not-enrolled"), "{}", refusal(&response));
    assert_eq!(call(&app, "/api/complete_lesson", &format!("course={COURSE}&lesson={first}"), None).await, 401);

    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    let cases = [
        ("/api/complete_lesson", format!("course={COURSE}&lesson=no-such-lesson"), 404),
        ("/api/complete_lesson", format!("course=no-such-course&lesson={first}"), 404),
        ("/api/complete_lesson", format!("course={COURSE}&lesson={quiz}"), 422),
        ("/api/submit_quiz", format!("course={COURSE}&lesson={first}&attempt_key=AAAABBBBCCCCDDDD{right}"), 404),
        ("/api/submit_quiz", format!("course={COURSE}&lesson={quiz}&attempt_key=AAAABBBBCCCCDDDD"), 422),
        (
            "/api/submit_quiz",
            format!("course={COURSE}&lesson={quiz}&attempt_key=AAAABBBBCCCCDDDD{right}&single%5Bmade-up%5D=x"),
            422,
        ),
        ("/api/submit_quiz", format!("course={COURSE}&lesson={quiz}&attempt_key=short{right}"), 400),
        (
            "/api/submit_quiz",
            format!("course={COURSE}&lesson={quiz}&attempt_key=AAAABBBBCCCCDDDD&multiple%5Bnocolon%5D=on"),
            400,
        ),
        ("/api/enrol", "course=no-such-course".to_string(), 404),
    ];
    for (action, body, status) in cases {
        assert_eq!(call(&app, action, &body, Some(&amina)).await, status, "{action} {body}");
    }
    assert_eq!(count::<lesson_completion::Entity>(&app).await, 0, "nothing recorded");
    assert_eq!(count::<quiz_attempt::Entity>(&app).await, 0);
}

#[tokio::test]
async fn the_answers_stay_on_the_server_until_a_learner_submits() {
    let app = spawn_app(Backend::Sqlite).await;
    let amina = register_amina(&app).await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    let catalog = app.state.catalog.current();
    let course = catalog.course(COURSE).unwrap();
    let (_, lesson) = course.lessons().find(|(_, lesson)| lesson.quiz.is_some()).unwrap();
    let explanations: Vec<&str> =
        lesson.content.questions.iter().flat_map(|q| q.options.iter().map(|o| o.explanation_html.as_str())).collect();
    let page = page_with(&app, &format!("/courses/{COURSE}/{}?lang=en", lesson.id), &amina).await;
    for explanation in explanations.iter().filter(|text| !text.is_empty()) {
        let text = explanation.trim_start_matches("<p>").split('<').next().unwrap();
        assert!(!page.contains(text), "an explanation before submitting: {text}");
    }
    // Someone else's attempt id shows nothing.
    let bilal = signed_in_as(&app, "bilal", "learner").await;
    let (_, answers) = lessons(&app, COURSE).into_iter().find(|(_, answers)| answers.is_some()).unwrap();
    let body = format!("course={COURSE}&lesson={}&attempt_key=AAAABBBBCCCCDDDDEEEE{}", lesson.id, answers.unwrap().0);
    let attempt = attempt_of(&post_form(&app, "/api/submit_quiz", "/", &body, Some(&amina)).await);
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&bilal)).await;
    let theirs = page_with(&app, &format!("/courses/{COURSE}/{}?attempt={attempt}&lang=en", lesson.id), &bilal).await;
    assert!(!theirs.contains("Your result"), "another learner's attempt is not shown");
}

#[tokio::test]
async fn cohorts_are_created_by_managers_and_joined_with_a_code() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "malika", "manager").await;
        let amina = register_amina(&app).await;
        let bilal = signed_in_as(&app, "bilal", "learner").await;
        let create = |starts_on: &str| {
            format!(
                "course_id={COURSE}&name=Lahore+evening&time_zone=Asia%2FKarachi&starts_on={starts_on}&ends_on=&capacity=1"
            )
        };
        let bad = post_form(&app, "/api/create_cohort", "/manage/cohorts", &create("2027-13-40"), Some(&manager)).await;
        assert!(refusal(&bad).contains("cohort-date-invalid"), "{backend:?}: {}", refusal(&bad));
        assert_eq!(call(&app, "/api/create_cohort", &create(""), Some(&amina)).await, 403, "learners cannot");
        let created = post_form(&app, "/api/create_cohort", "/manage/cohorts", &create(""), Some(&manager)).await;
        let location = created.headers()["location"].to_str().unwrap().to_string();
        assert!(location.starts_with("/manage/cohorts/"), "{backend:?}: {location} {}", refusal(&created));
        let stored = cohort::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(count::<cohort::Entity>(&app).await, 1, "the refused form stored nothing");

        let typed = app::codes::grouped(&stored.code).to_lowercase();
        let joined = post_form(&app, "/api/join_cohort", "/join", &format!("code={typed}"), Some(&amina)).await;
        assert_eq!(joined.headers()["location"], format!("/courses/{COURSE}?joined={}", stored.id), "{backend:?}");
        let row = enrolment::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(row.cohort_id, Some(stored.id));
        // Leaving and enrolling again alone does not put her back in the cohort.
        post_form(&app, "/api/unenrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        let row = enrolment::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!((row.cohort_id, row.left_at), (None, None), "{backend:?}");
        post_form(&app, "/api/join_cohort", "/join", &format!("code={typed}"), Some(&amina)).await;
        let full = post_form(&app, "/api/join_cohort", "/join", &format!("code={typed}"), Some(&bilal)).await;
        assert!(refusal(&full).contains("join-cohort-full"), "{backend:?}: capacity 1");
        let wrong = post_form(&app, "/api/join_cohort", "/join", "code=ZZZZ-ZZZZ", Some(&bilal)).await;
        assert!(refusal(&wrong).contains("join-code-unknown"));

        cohort::Entity::update_many()
            .col_expr(cohort::Column::Capacity, sea_orm::sea_query::Expr::value(None::<i32>))
            .col_expr(cohort::Column::EndsOn, sea_orm::sea_query::Expr::value(time::macros::date!(2020 - 01 - 01)))
            .exec(&app.state.db.writer)
            .await
            .unwrap();
        let ended = post_form(&app, "/api/join_cohort", "/join", &format!("code={typed}"), Some(&bilal)).await;
        assert!(refusal(&ended).contains("join-cohort-ended"), "{backend:?}");
        let members =
            enrolment::Entity::find().filter(enrolment::Column::CohortId.eq(stored.id)).count(&app.state.db.reader);
        assert_eq!(members.await.unwrap(), 1, "nothing recorded for refused joins");

        let page = page_with(&app, &location, &manager).await;
        assert!(page.contains("عائشہ"), "{backend:?}: the manager sees who joined");
        assert_eq!(call(&app, "/api/cohort", &format!("id={}", stored.id), Some(&amina)).await, 403);
        assert_eq!(call(&app, "/api/cohorts", "", Some(&amina)).await, 403);
        let join_page = app.get_text(&format!("/join/{typed}")).await.1;
        assert!(join_page.contains(&format!("/login?next=/join/{typed}")), "a visitor is sent to log in and back");
    }
}

#[tokio::test]
async fn changing_the_course_never_corrupts_progress_or_takes_a_completion_away() {
    let courses = tempfile::tempdir().unwrap();
    crate::courses_reload::copy_folder(&crate::helpers::sample_courses(), courses.path());
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let amina = register_amina(&app).await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    let lessons = lessons(&app, COURSE);
    for (lesson, answers) in &lessons {
        let body = match answers {
            None => format!("course={COURSE}&lesson={lesson}"),
            Some((right, _)) => format!("course={COURSE}&lesson={lesson}&attempt_key=AAAABBBBCCCCDDDD{right}"),
        };
        let action = if answers.is_some() { "/api/submit_quiz" } else { "/api/complete_lesson" };
        post_form(&app, action, "/", &body, Some(&amina)).await;
    }
    assert_eq!(count::<course_completion::Entity>(&app).await, 1);

    // An instructor adds a lesson and replaces another, then reloads.
    let module = courses.path().join(COURSE).join("01-accounts");
    std::fs::write(module.join("99-added-later.md"), "+++\ntitle = \"Added later\"\n+++\n\nNew text.\n").unwrap();
    // A lesson gets a new id: its old id leaves the course, the new one is a new lesson.
    let renamed = module.join("05-your-phone-and-updates.md");
    let text = std::fs::read_to_string(&renamed).unwrap().replacen("+++\n", "+++\nid = \"updates-renewed\"\n", 1);
    std::fs::write(&renamed, text).unwrap();
    if let Err(problems) = app.state.catalog.reload(courses.path(), app::catalog::BrokenCourses::Refuse) {
        panic!("the changed course does not load: {problems:?}");
    }
    let total = lessons.len() + 1;
    let page = page_with(&app, &format!("/courses/{COURSE}?lang=en"), &amina).await;
    let expected = format!("{} of {total} lessons done", lessons.len() - 1);
    assert!(page.contains(&expected), "new lessons count, removed ones do not: {expected}");
    assert!(page.contains("You completed this course"), "the completion stays");
    assert_eq!(count::<course_completion::Entity>(&app).await, 1);
    let rows = lesson_completion::Entity::find()
        .filter(lesson_completion::Column::UserId.is_not_null())
        .all(&app.state.db.reader)
        .await
        .unwrap();
    assert_eq!(rows.len(), lessons.len(), "no progress row is lost or rewritten");
}

#[tokio::test]
async fn an_enrolled_only_code_only_course_shows_only_its_first_lesson_to_others() {
    let courses = tempfile::tempdir().unwrap();
    crate::courses_reload::copy_folder(&crate::helpers::sample_courses(), courses.path());
    let manifest = courses.path().join("smartphone-basics/course.toml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace("access = \"open\"", "access = \"enrolled\"\nenrolment = \"code\"\ninstructors = [\"ines\"]");
    std::fs::write(&manifest, text).unwrap();
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let lessons = lessons(&app, "smartphone-basics");
    let first = format!("/courses/smartphone-basics/{}?lang=en", lessons[0].0);
    let second = format!("/courses/smartphone-basics/{}?lang=en", lessons[1].0);
    let catalog = app.state.catalog.current();
    let course = catalog.course("smartphone-basics").unwrap();
    let second_text = course.lesson(&lessons[1].0).unwrap().content.html.split("</p>").next().unwrap().to_string();

    let (status, page) = app.get_text(&first).await;
    assert_eq!(status, 200);
    assert!(page.contains("lesson-body"), "the first lesson is open to all");
    let (status, page) = app.get_text(&second).await;
    assert_eq!(status, 200);
    assert!(page.contains("This lesson is for learners enrolled"), "an invitation instead");
    assert!(!page.contains(&second_text), "and none of the text");

    let amina = register_amina(&app).await;
    assert_eq!(call(&app, "/api/enrol", "course=smartphone-basics", Some(&amina)).await, 422, "code only");
    assert!(!page_with(&app, &second, &amina).await.contains(&second_text));
    let manager = signed_in_as(&app, "malika", "manager").await;
    let body = "course_id=smartphone-basics&name=Group&time_zone=UTC&starts_on=&ends_on=&capacity=";
    post_form(&app, "/api/create_cohort", "/manage/cohorts", body, Some(&manager)).await;
    let code = cohort::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().code;
    post_form(&app, "/api/join_cohort", "/join", &format!("code={code}"), Some(&amina)).await;
    assert!(page_with(&app, &second, &amina).await.contains(&second_text), "enrolled: the whole course");

    // The course's instructor sees its cohorts; another instructor does not.
    let ines = signed_in_as(&app, "ines", "instructor").await;
    let other = signed_in_as(&app, "omar", "instructor").await;
    let id = cohort::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().id;
    assert!(page_with(&app, &format!("/manage/cohorts/{id}"), &ines).await.contains("عائشہ"));
    assert_eq!(call(&app, "/api/cohort", &format!("id={id}"), Some(&other)).await, 403);
    assert!(page_with(&app, &second, &other).await.contains(&second_text), "staff read every lesson");
}

#[tokio::test]
async fn completions_arriving_together_are_each_recorded_once_and_a_refusal_touches_no_other() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina = register_amina(&app).await;
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        let amina_id = app::entities::user::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().id;
        let course = app.state.catalog.current().course(COURSE).unwrap().clone();
        let lessons: Vec<String> =
            course.lessons().filter(|(_, l)| l.quiz.is_none()).map(|(_, l)| l.id.clone()).collect();
        // Every lesson three times at once (double clicks, retries), and a stranger who is not enrolled.
        let mut calls = Vec::new();
        for lesson in lessons.iter().chain(&lessons).chain(&lessons) {
            let (writer, course, lesson) = (app.state.completions.clone(), course.clone(), lesson.clone());
            calls.push(tokio::spawn(async move { writer.complete(course, &lesson, amina_id).await.is_ok() }));
        }
        let (writer, stranger_course) = (app.state.completions.clone(), course.clone());
        let first = lessons[0].clone();
        let stranger = tokio::spawn(async move { writer.complete(stranger_course, &first, 999_999).await });
        for call in calls {
            assert!(call.await.unwrap(), "{backend:?}: every enrolled completion is acknowledged");
        }
        assert!(matches!(stranger.await.unwrap(), Err(app::learning::LearningError::NotEnrolled)));
        assert_eq!(count::<lesson_completion::Entity>(&app).await, lessons.len() as u64, "{backend:?}: once each");
    }
}
