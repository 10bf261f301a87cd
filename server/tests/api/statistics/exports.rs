//! Who may see which dashboards and downloads (managers, scoped managers,
//! instructors, learners), and what the CSV exports hold.

use app::entities::organisation;
use sea_orm::EntityTrait;

use super::{download, new_cohort, records, register, status};
use crate::helpers::{BACKENDS, Backend, cookie_pair, page_with, post_form, set_cookie, signed_in_as, spawn_app};
use crate::learning::COURSE;

#[tokio::test]
async fn managers_see_everything_instructors_their_courses_and_learners_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let learner = register(&app, "amina", "Amina").await;
    let farida = signed_in_as(&app, "farida", "instructor").await;
    let omar = signed_in_as(&app, "omar", "instructor").await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    for path in ["/manage", "/manage/courses/online-safety", "/manage/import", "/manage/organisations"] {
        assert_eq!(status(&app, path, &learner).await, 403, "learner: {path}");
        assert_eq!(status(&app, path, &farida).await, 403, "instructor: {path}");
        assert_eq!(status(&app, path, &manager).await, 200, "manager: {path}");
    }
    assert_eq!(status(&app, "/teach", &learner).await, 403);
    let teaching = page_with(&app, "/teach", &farida).await;
    assert!(teaching.contains("Online safety and cyber hygiene"), "farida teaches online safety");
    assert!(!teaching.contains("Using a smartphone"), "and nothing else");
    let nothing = page_with(&app, "/teach", &omar).await;
    assert!(nothing.contains("No course lists you as its instructor yet."));

    // Downloads follow the same rules.
    assert_eq!(status(&app, "/manage/statistics/funnel.csv", &learner).await, 403);
    assert_eq!(status(&app, "/manage/statistics/funnel.csv", &farida).await, 200, "her own courses");
    assert_eq!(status(&app, "/manage/statistics/funnel.csv?course=smartphone-basics", &farida).await, 403);
    assert_eq!(status(&app, "/manage/courses/smartphone-basics/learners.csv", &farida).await, 403);
    assert_eq!(status(&app, "/manage/courses/online-safety/learners.csv", &farida).await, 200);
    assert_eq!(status(&app, "/manage/courses/online-safety/learners.csv", &learner).await, 403);
    assert_eq!(status(&app, "/manage/statistics/nothing.csv", &manager).await, 404);
    let anonymous = app.get("/manage/statistics/funnel.csv").await;
    assert_eq!(anonymous.status().as_u16(), 303, "visitors are sent to log in");

    // Organisations: a manager of one sees its cohorts only.
    let admin = signed_in_as(&app, "root", "admin").await;
    for name in ["Lahore+Centre", "Tashkent+Hub"] {
        let response =
            post_form(&app, "/api/create_organisation", "/manage/organisations", &format!("name={name}"), Some(&admin))
                .await;
        assert_eq!(response.status().as_u16(), 303);
    }
    let organisations = organisation::Entity::find().all(&app.state.db.reader).await.unwrap();
    let lahore = organisations.iter().find(|o| o.name == "Lahore Centre").unwrap().id;
    let tashkent = organisations.iter().find(|o| o.name == "Tashkent Hub").unwrap().id;
    let ours = new_cohort(&app, &admin, COURSE, "Lahore-evening", Some(lahore)).await;
    let theirs = new_cohort(&app, &admin, COURSE, "Tashkent-morning", Some(tashkent)).await;
    let scoped = signed_in_as(&app, "zainab", "manager").await;
    let body = format!("username=zainab&organisation={lahore}");
    let refused = crate::helpers::call(&app, "/api/assign_organisation", &body, Some(&manager)).await;
    assert_eq!(refused, 403, "only administrators scope managers");
    let response = post_form(&app, "/api/assign_organisation", "/manage/organisations", &body, Some(&admin)).await;
    assert_eq!(response.headers()["location"], "/manage/organisations");
    let dashboard = page_with(&app, "/manage", &scoped).await;
    assert!(dashboard.contains("Lahore-evening") && !dashboard.contains("Tashkent-morning"));
    assert_eq!(status(&app, &format!("/manage/cohorts/{}", ours.id), &scoped).await, 200);
    assert_eq!(status(&app, &format!("/manage/cohorts/{}", theirs.id), &scoped).await, 403);
    assert_eq!(status(&app, &format!("/manage?organisation={tashkent}"), &scoped).await, 403);
    assert_eq!(status(&app, &format!("/manage/cohorts/{}/learners.csv", theirs.id), &scoped).await, 403);
    let cohorts = page_with(&app, "/manage/cohorts", &scoped).await;
    assert!(cohorts.contains("Lahore-evening") && !cohorts.contains("Tashkent-morning"));
    // No form leads to a refusal: only programme-wide staff see the one that adds organisations.
    let adding = "action=\"/api/create_organisation\"";
    assert!(!page_with(&app, "/manage/organisations", &scoped).await.contains(adding));
    assert!(page_with(&app, "/manage/organisations", &manager).await.contains(adding));
    let everything = page_with(&app, "/manage", &manager).await;
    assert!(everything.contains("Lahore-evening") && everything.contains("Tashkent-morning"));
    // A cohort the scoped manager creates is their organisation's, whatever the form says.
    let made = new_cohort(&app, &scoped, COURSE, "Lahore-weekend", Some(tashkent)).await;
    assert_eq!(made.organisation_id, Some(lahore));

    // Accounts: a scoped manager finds, and issues reset codes for, their learners only.
    for (username, cohort) in [("inside", &ours), ("outside", &theirs)] {
        let learner = register(&app, username, username).await;
        post_form(&app, "/api/join_cohort", "/join", &format!("code={}", cohort.code), Some(&learner)).await;
    }
    let accounts = page_with(&app, "/admin/users", &scoped).await;
    assert!(accounts.contains("inside") && !accounts.contains("outside"), "only their organisation's learners");
    let everyone = page_with(&app, "/admin/users", &manager).await;
    assert!(everyone.contains("inside") && everyone.contains("outside"));
    assert_eq!(crate::helpers::call(&app, "/api/issue_reset_code", "username=outside", Some(&scoped)).await, 403);
    let issued = post_form(&app, "/api/issue_reset_code", "/admin/users", "username=inside", Some(&scoped)).await;
    assert!(issued.headers()["location"].to_str().unwrap().starts_with("/admin/users?q=inside"));
}

#[tokio::test]
async fn each_learners_progress_exports_as_csv_with_names_intact() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "maryam", "manager").await;
        let cohort = new_cohort(&app, &manager, COURSE, "Evening", None).await;
        let names = [("ayesha", "عائشہ بی بی"), ("gulnora", "Гульнора Каримова"), ("tricky", "=Sum, \"quoted\"")];
        for (username, name) in names {
            let learner = register(&app, username, name).await;
            let response =
                post_form(&app, "/api/join_cohort", "/join", &format!("code={}", cohort.code), Some(&learner)).await;
            assert!(response.headers()["location"].to_str().unwrap().starts_with("/courses/"));
        }
        let lessons = crate::learning::lessons(&app, COURSE);
        let learner = cookie_pair(
            &set_cookie(
                &post_form(&app, "/api/login", "/login", "username=ayesha&password=river+mango+lantern", None).await,
            )
            .unwrap(),
        );
        let body = format!("course={COURSE}&lesson={}", lessons[0].0);
        post_form(&app, "/api/complete_lesson", "/", &body, Some(&learner)).await;

        let path = format!("/manage/cohorts/{}/learners.csv", cohort.id);
        let response =
            app.client.get(format!("{}{path}", app.address)).header("cookie", &manager).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
        let text = response.text().await.unwrap();
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
        let rows = records(&text);
        assert_eq!(rows.len(), 4, "{backend:?}: a header and three learners");
        assert!(!rows[0].iter().any(|column| column.contains("Gender") || column.contains("Region")));
        let by_name = |username: &str| rows.iter().find(|row| row[0] == username).unwrap().clone();
        assert_eq!(by_name("ayesha")[1], "عائشہ بی بی");
        assert_eq!(by_name("gulnora")[1], "Гульнора Каримова");
        assert_eq!(by_name("tricky")[1], "'=Sum, \"quoted\"", "a formula stays text");
        assert_eq!(by_name("ayesha")[2], "Evening");
        assert_eq!(by_name("ayesha")[7], "1", "one lesson done");
        assert_eq!(by_name("gulnora")[7], "0");
        assert_eq!(by_name("ayesha")[8], lessons.len().to_string());
    }
}

#[tokio::test]
async fn an_instructor_downloads_where_learners_stop_and_how_questions_went() {
    let app = spawn_app(Backend::Sqlite).await;
    let learner = register(&app, "amina", "Amina").await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&learner)).await;
    let lessons = crate::learning::lessons(&app, COURSE);
    for (lesson, quiz) in lessons.iter().take(2) {
        assert!(quiz.is_none());
        post_form(&app, "/api/complete_lesson", "/", &format!("course={COURSE}&lesson={lesson}"), Some(&learner)).await;
    }
    let (quiz, answers) = lessons.iter().find_map(|(id, quiz)| quiz.as_ref().map(|answers| (id, answers))).unwrap();
    let body = format!("course={COURSE}&lesson={quiz}&attempt_key=firstattempt0000001{}", answers.1);
    post_form(&app, "/api/submit_quiz", "/", &body, Some(&learner)).await;

    let farida = signed_in_as(&app, "farida", "instructor").await;
    let (code, reach) = download(&app, &format!("/teach/{COURSE}/reach.csv"), &farida).await;
    assert_eq!(code, 200);
    let rows = records(&reach);
    assert_eq!(rows[0], ["Lesson", "Completed it", "Did not complete the next"]);
    assert_eq!(rows[1][1..], ["1", "0"]);
    assert_eq!(rows[2][1..], ["1", "1"], "she stopped after the second lesson");
    let (code, questions) = download(&app, &format!("/teach/{COURSE}/questions.csv"), &farida).await;
    assert_eq!(code, 200);
    let rows = records(&questions);
    assert!(rows.len() > 1, "one row per question");
    assert!(rows[1..].iter().all(|row| row[2] == "1" && row[3] == "0"), "one wrong first attempt: {rows:?}");
    assert!(!rows[1][1].contains('<'), "plain text, not HTML");

    let omar = signed_in_as(&app, "omar", "instructor").await;
    assert_eq!(status(&app, &format!("/teach/{COURSE}/reach.csv"), &omar).await, 403);
    assert_eq!(status(&app, &format!("/teach/{COURSE}/reach.csv"), &learner).await, 403);
    assert_eq!(status(&app, &format!("/teach/{COURSE}/nothing.csv"), &farida).await, 404);
}
