//! What the statistics count, checked against numbers worked out by hand:
//! the funnel by course, cohort, answer and date, small groups left out, and
//! the copies on each enrolment kept in step by the writes that change them.

use app::entities::{certificate, enrolment, organisation};
use app::model::ProfileQuestion;
use app::statistics::{Counts, GroupKey, Grouping, Scope};
use migrations::MigratorTrait;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use time::{Duration, OffsetDateTime, macros::datetime};

use super::{Fixture, download, records};
use crate::helpers::{
    BACKENDS, Backend, TestDatabase, cookie_pair, page_with, post_form, set_cookie, signed_in_as, spawn_app,
};
use crate::learning::COURSE;

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
