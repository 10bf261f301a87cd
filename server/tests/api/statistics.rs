//! Statistics, exports, bulk enrolment and organisations: counted in the
//! database and checked against numbers worked out by hand, on SQLite and
//! PostgreSQL; who may see what; CSV files as spreadsheets read them.

use app::entities::{certificate, cohort, course_completion, enrolment, import, organisation, profile_answer, user};
use app::model::ProfileQuestion;
use app::statistics::{Counts, GroupKey, Grouping, Scope};
use migrations::MigratorTrait;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use time::{Duration, OffsetDateTime, macros::datetime};

use crate::helpers::{
    BACKENDS, Backend, TestApp, TestDatabase, cookie_pair, page_with, post_form, set_cookie, signed_in_as, spawn_app,
    spawn_app_with,
};
use crate::learning::COURSE;

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

fn counts(enrolled: u64, learners: u64, started: u64, completed: u64, certified: u64) -> (u64, u64, u64, u64, u64) {
    (enrolled, learners, started, completed, certified)
}

fn funnel(counts: &Counts) -> (u64, u64, u64, u64, u64) {
    (counts.enrolled, counts.learners, counts.started, counts.completed, counts.certified)
}

/// Seven enrolments of six people in two courses, worked out by hand:
///
/// | who | course | cohort | started | completed | certified | active | gender |
/// |-----|--------|--------|---------|-----------|-----------|--------|--------|
/// | u1  | a      | C1     | yes     | day 2     | yes       | 1 day  | female |
/// | u2  | a      | C1     | yes     | day 4     | revoked   | 20 days| female |
/// | u3  | a      | C1     | yes     |           |           | 10 days| male   |
/// | u4  | a      | C2     |         |           |           |        |        |
/// | u5  | a      | alone  | yes     | day 10    |           | 40 days|        |
/// | u1  | b      | alone  | yes     |           |           | 2 days | female |
/// | u6  | b      | alone  |         |           |           |        |        |
///
/// C1 belongs to organisation O1. u4 enrolled in January, the rest in February.
#[tokio::test]
async fn statistics_are_counted_in_the_database_as_worked_out_by_hand() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let db = database.connect().await;
        migrations::Migrator::up(&db.writer, None).await.unwrap();
        let now = OffsetDateTime::now_utc();
        let fixture = Fixture { db: &db, now };
        let o1 = organisation::Entity::insert(organisation::ActiveModel {
            name: Set("O1".into()),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&db.writer)
        .await
        .unwrap()
        .last_insert_id;
        let c1 = fixture.cohort("a", "C1", Some(o1)).await;
        let c2 = fixture.cohort("a", "C2", None).await;
        let february = datetime!(2026-02-01 09:00 UTC);
        let january = datetime!(2026-01-10 09:00 UTC);
        let u1 = fixture.user("u1", Some("female")).await;
        let u2 = fixture.user("u2", Some("female")).await;
        let u3 = fixture.user("u3", Some("male")).await;
        let u4 = fixture.user("u4", None).await;
        let u5 = fixture.user("u5", None).await;
        let u6 = fixture.user("u6", None).await;
        fixture.enrol(u1, "a", Some(c1), february, Some(1)).await;
        fixture.enrol(u2, "a", Some(c1), february, Some(20)).await;
        fixture.enrol(u3, "a", Some(c1), february, Some(10)).await;
        fixture.enrol(u4, "a", Some(c2), january, None).await;
        fixture.enrol(u5, "a", None, february, Some(40)).await;
        fixture.enrol(u1, "b", None, february, Some(2)).await;
        fixture.enrol(u6, "b", None, february, None).await;
        fixture.complete(u1, "a", february + Duration::days(2)).await;
        fixture.complete(u2, "a", february + Duration::days(4)).await;
        fixture.complete(u5, "a", february + Duration::days(10)).await;
        fixture.certify(u1, "a", false).await;
        fixture.certify(u2, "a", true).await;

        let everything = Scope::default();
        let total = app::statistics::counts(&db.reader, &everything, Grouping::Total, now).await.unwrap();
        assert_eq!(total.len(), 1, "{backend:?}");
        assert_eq!(funnel(&total[0].1), counts(7, 6, 5, 3, 1), "{backend:?}");
        assert_eq!((total[0].1.active_7_days, total[0].1.active_30_days), (1, 3), "{backend:?}: u1; u1, u2, u3");

        let by_course = app::statistics::counts(&db.reader, &everything, Grouping::Course, now).await.unwrap();
        let course =
            |id: &str| funnel(&by_course.iter().find(|(key, _)| *key == GroupKey::Course(id.into())).unwrap().1);
        assert_eq!(course("a"), counts(5, 5, 4, 3, 1), "{backend:?}");
        assert_eq!(course("b"), counts(2, 2, 1, 0, 0), "{backend:?}");

        let by_cohort = app::statistics::counts(&db.reader, &everything, Grouping::Cohort, now).await.unwrap();
        let cohort =
            |id: Option<i64>| funnel(&by_cohort.iter().find(|(key, _)| *key == GroupKey::Cohort(id)).unwrap().1);
        assert_eq!(cohort(Some(c1)), counts(3, 3, 3, 2, 1), "{backend:?}");
        assert_eq!(cohort(Some(c2)), counts(1, 1, 0, 0, 0), "{backend:?}");
        assert_eq!(cohort(None), counts(3, 3, 2, 1, 0), "{backend:?}");

        let by_gender =
            app::statistics::counts(&db.reader, &Scope::course("a"), Grouping::Answer(ProfileQuestion::Gender), now)
                .await
                .unwrap();
        let gender = |id: Option<&str>| {
            funnel(&by_gender.iter().find(|(key, _)| *key == GroupKey::Answer(id.map(Into::into))).unwrap().1)
        };
        assert_eq!(gender(Some("female")), counts(2, 2, 2, 2, 1), "{backend:?}");
        assert_eq!(gender(Some("male")), counts(1, 1, 1, 0, 0), "{backend:?}");
        assert_eq!(gender(None), counts(2, 2, 1, 1, 0), "{backend:?}");

        let organisation = Scope { organisation: Some(o1), ..Scope::default() };
        let total = app::statistics::counts(&db.reader, &organisation, Grouping::Total, now).await.unwrap();
        assert_eq!(funnel(&total[0].1), counts(3, 3, 3, 2, 1), "{backend:?}: C1 only");

        let january_only = Scope { enrolled_until: Some(datetime!(2026-01-31 00:00 UTC).date()), ..Scope::default() };
        let total = app::statistics::counts(&db.reader, &january_only, Grouping::Total, now).await.unwrap();
        assert_eq!(funnel(&total[0].1), counts(1, 1, 0, 0, 0), "{backend:?}: u4 only");
        let from_february = Scope { enrolled_from: Some(february.date()), ..Scope::default() };
        let total = app::statistics::counts(&db.reader, &from_february, Grouping::Total, now).await.unwrap();
        assert_eq!(total[0].1.enrolled, 6, "{backend:?}");

        let mut days: Vec<f64> =
            app::statistics::completion_times(&db.reader, &everything).await.unwrap().iter().map(|t| t.days).collect();
        assert_eq!(app::statistics::median(&mut days), Some(4.0), "{backend:?}: 2, 4 and 10 days");
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
async fn a_cohort_with_a_small_group_is_left_out_of_breakdowns_whole() {
    let app = spawn_app(Backend::Sqlite).await;
    let now = OffsetDateTime::now_utc();
    let fixture = Fixture { db: &app.state.db, now };
    let small = fixture.cohort(COURSE, "SMALLONE", None).await;
    let large = fixture.cohort(COURSE, "LARGEONE", None).await;
    for (cohort, women, men) in [(small, 6, 1), (large, 7, 5)] {
        for (gender, count) in [("female", women), ("male", men)] {
            for n in 0..count {
                let id = fixture.user(&format!("{gender}{cohort}-{n}"), Some(gender)).await;
                fixture.enrol(id, COURSE, Some(cohort), now, Some(1)).await;
            }
        }
    }
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let (code, text) = download(&app, "/manage/statistics/gender.csv", &manager).await;
    assert_eq!(code, 200);
    let rows = records(&text);
    assert_eq!(rows[0], ["Gender", "Enrolled", "Completed", "Cohorts left out"]);
    let row = |rows: &[Vec<String>], label: &str| rows.iter().find(|row| row[0] == label).unwrap().clone();
    assert_eq!(row(&rows, "Female"), ["Female", "7", "0", "1"], "only the cohort shown whole counts");
    assert_eq!(row(&rows, "Male")[1], "5", "the one man's cohort is left out, so 6 − 5 finds nobody");
    assert_eq!(row(&rows, "Another gender")[1], "0");
    let (_, text) = download(&app, &format!("/manage/statistics/gender.csv?cohort={small}"), &manager).await;
    let rows = records(&text);
    assert_eq!(row(&rows, "Female")[1], "not shown");
    assert_eq!(row(&rows, "Male")[1], "not shown");
    // The page says the same.
    let page = page_with(&app, "/manage", &manager).await;
    assert!(page.contains("at least 7"));
    assert!(page.contains("Left out: 7 enrolments in 1 cohort with"), "the page says what is left out");
    assert!(page.contains("<svg"), "charts drawn on the server");
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

#[tokio::test]
async fn a_bulk_enrolment_file_is_checked_then_applied_once() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "maryam", "manager").await;
        let cohort = new_cohort(&app, &manager, COURSE, "Evening", None).await;
        register(&app, "amina", "Amina").await;
        let code = app::codes::grouped(&cohort.code);
        let file = format!(
            "\u{feff}name,username,cohort,gender,consent\r\n\
             عائشہ بی بی,ayesha.bibi,{code},female,yes\r\n\
             Гульнора Каримова,gulnora,{code},,\r\n\
             Amina,amina,{code},,\r\n\
             Bad Name,no spaces allowed,{code},,\r\n\
             Twice,gulnora,{code},,\r\n\
             Nowhere,nowhere,ZZZZ-ZZZZ,,\r\n\
             Unconsented,unconsented,{code},male,\r\n"
        );
        let users_before = user::Entity::find().count(&app.state.db.reader).await.unwrap();
        let report = upload(&app, &manager, file.clone().into_bytes()).await;
        assert!(report.starts_with("/manage/import/"), "{report}");
        let page = page_with(&app, &report, &manager).await;
        assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), users_before, "a dry run");
        for reason in [
            "Use only the letters a–z, digits",
            "This username is on an earlier row of the file.",
            "No cohort has this code.",
            "Profile answers are kept only with consent",
        ] {
            assert!(page.contains(reason), "{backend:?}: the report says {reason:?}");
        }
        assert!(page.contains("Apply the 3 valid rows"), "{backend:?}");
        let id: i64 = report.rsplit('/').next().unwrap().parse().unwrap();

        let response = post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
        assert_eq!(response.headers()["location"], format!("/manage/import/{id}#codes"));
        let created = user::Entity::find()
            .filter(user::Column::PasswordHash.eq(app::learning::bulk::NO_PASSWORD_YET))
            .all(&app.state.db.reader)
            .await
            .unwrap();
        let mut usernames: Vec<&str> = created.iter().map(|user| user.username.as_str()).collect();
        usernames.sort();
        assert_eq!(usernames, ["ayesha.bibi", "gulnora"], "{backend:?}");
        let members = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(members, 3, "{backend:?}: two new accounts and amina");
        let consented = profile_answer::Entity::find().count(&app.state.db.reader).await.unwrap();
        assert_eq!(consented, 1, "{backend:?}: ayesha's answer, given with consent");
        let again = post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
        assert!(crate::helpers::refusal(&again).contains("import-already-applied"), "{backend:?}");

        // The printed code sets the new learner's password. The list is
        // sealed for the browser that applied the file: the database holds
        // no code, another browser of the same manager sees none.
        let key = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with(&format!("import-{id}-codes=")))
            .map(|value| value.split(';').next().unwrap().to_string())
            .expect("the applying browser is given the list's key");
        let stored = import::Entity::find_by_id(id).one(&app.state.db.reader).await.unwrap().unwrap();
        let sealed = stored.codes.clone().unwrap();
        assert!(!sealed.contains("gulnora"), "{backend:?}: the stored list is sealed");
        let elsewhere = page_with(&app, &report, &manager).await;
        assert!(!elsewhere.contains("id=\"import-codes\""), "{backend:?}: no list without the key");
        assert!(elsewhere.contains("only the browser that applied this file"), "{backend:?}: the page says why");
        // The key alone opens nothing: an administrator or another
        // manager who got hold of the cookie sees no list.
        for (name, role) in [("zarina", "admin"), ("olga", "manager")] {
            let other = signed_in_as(&app, name, role).await;
            let seen = page_with(&app, &report, &format!("{other}; {key}")).await;
            assert!(!seen.contains("id=\"import-codes\""), "{backend:?}: {role} with the key sees no list");
        }
        let page = page_with(&app, &report, &format!("{manager}; {key}")).await;
        let list = page.split("id=\"import-codes\"").nth(1).expect("the list to print");
        let row = list.split("gulnora").nth(1).expect("her row in the list");
        let grouped = |at: usize| {
            let candidate = row.get(at..at + 14)?;
            let shape = candidate
                .char_indices()
                .all(|(i, c)| if i == 4 || i == 9 { c == '-' } else { c.is_ascii_digit() || c.is_ascii_uppercase() });
            shape.then_some(candidate)
        };
        let gulnora = (0..row.len()).find_map(grouped).expect("her code, grouped");
        assert!(!sealed.contains(gulnora), "{backend:?}");
        let body = format!("code={gulnora}&new_password=a+new+long+password");
        let redeemed = post_form(&app, "/api/redeem_reset_code", "/reset", &body, None).await;
        assert_eq!(redeemed.status().as_u16(), 303, "{backend:?}");
        let login =
            post_form(&app, "/api/login", "/login", "username=gulnora&password=a+new+long+password", None).await;
        assert_eq!(login.headers()["location"], "/", "{backend:?}: she logs in");

        // The same file again changes nothing.
        let second = upload(&app, &manager, file.into_bytes()).await;
        let page = page_with(&app, &second, &manager).await;
        assert!(!page.contains("Apply the"), "{backend:?}: nothing left to apply");
        let users = user::Entity::find().count(&app.state.db.reader).await.unwrap();
        let second_id: i64 = second.rsplit('/').next().unwrap().parse().unwrap();
        post_form(&app, "/api/apply_import", &second, &format!("id={second_id}"), Some(&manager)).await;
        assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), users, "{backend:?}");
        let members_after = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(members_after, 3, "{backend:?}");
    }
}

#[tokio::test]
async fn enrolment_files_that_cannot_be_read_are_refused_with_a_reason() {
    let app = spawn_app_with(Backend::Sqlite, |settings| settings.import_max_mb = 1).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"name,username,cohort\n\xff\xfe\xfd,x,y\n".to_vec(), "refused=import-error-encoding"),
        (b"name,login,cohort\nA,a,b\n".to_vec(), "refused=import-error-unknown-column&detail=login"),
        (b"name,username\nA,a\n".to_vec(), "refused=import-error-missing-column&detail=cohort"),
        (Vec::new(), "refused=import-error-empty"),
        (
            format!("name,username,cohort\n{}", "Someone,someone,ABCD-EFGH\n".repeat(60_000)).into_bytes(),
            "refused=import-error-too-large",
        ),
    ];
    for (bytes, expected) in cases {
        let location = upload(&app, &manager, bytes).await;
        assert!(location.contains(expected), "{location} should say {expected}");
        let page = page_with(&app, &location, &manager).await;
        assert!(page.contains("field-error"), "the upload page explains: {location}");
    }
    assert_eq!(import::Entity::find().count(&app.state.db.reader).await.unwrap(), 0, "nothing kept");
    let learner = register(&app, "amina", "Amina").await;
    let response = app
        .client
        .post(format!("{}/manage/import", app.address))
        .header("cookie", &learner)
        .header("origin", app.address.as_str())
        .multipart(multipart_file("x.csv", b"name,username,cohort\n".to_vec()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
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

/// What the statistics count is copied onto the enrolment by the writes
/// that change it, in the same transaction: completing, being certified,
/// a revocation, consenting and withdrawing consent.
#[tokio::test]
async fn an_enrolment_keeps_what_the_statistics_count_in_step() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let body = "username=amina&display_name=Amina&password=river+mango+lantern&language=en\
                    &gender=female&gender_consent=on&region=pk&region_consent=on";
        let amina = cookie_pair(&set_cookie(&post_form(&app, "/api/register", "/register", body, None).await).unwrap());
        let enrolment = || async {
            enrolment::Entity::find()
                .filter(enrolment::Column::CourseId.eq(COURSE))
                .one(&app.state.db.reader)
                .await
                .unwrap()
                .unwrap()
        };
        crate::certificates::complete_all_but(&app, &amina, 0).await;
        let done = enrolment().await;
        assert_eq!((done.gender.as_deref(), done.region.as_deref()), (Some("female"), Some("pk")), "{backend:?}");
        assert!(done.started_at.is_some() && done.last_active_at.is_some(), "{backend:?}");
        assert!(done.completed_at.is_some() && done.certified, "{backend:?}");

        let code = certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().verify_code;
        let manager = signed_in_as(&app, "malika", "manager").await;
        let body = format!("code={code}&reason=Copied+answers");
        post_form(&app, "/api/revoke_certificate", "/", &body, Some(&manager)).await;
        assert!(!enrolment().await.certified, "{backend:?}: revoked, no longer counted");

        post_form(&app, "/api/withdraw_consent", "/account", "", Some(&amina)).await;
        let withdrawn = enrolment().await;
        assert_eq!((withdrawn.gender, withdrawn.region), (None, None), "{backend:?}: the copies go with consent");

        let counted = app::statistics::counts(
            &app.state.db.reader,
            &Scope::course(COURSE),
            Grouping::Total,
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
        assert_eq!(funnel(&counted[0].1), counts(1, 1, 1, 1, 0), "{backend:?}");
    }
}
