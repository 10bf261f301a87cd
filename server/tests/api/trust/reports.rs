//! Statistics and exports under attack: compressed downloads arrive whole,
//! odd dates are filter problems, and no small group can be worked out.

use app::entities::{cohort, enrolment, user};
use sea_orm::{ActiveValue::Set, EntityTrait};
use time::OffsetDateTime;

use crate::helpers::{Backend, TestApp, page_with, signed_in_as, spawn_app};
use crate::learning::COURSE;

/// A client that asks for compressed answers, as every browser does.
fn browser_like() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).gzip(true).brotli(true).build().unwrap()
}

/// `count` learners in a new cohort of `course`, inserted directly.
async fn learners_in_a_cohort(app: &TestApp, course: &str, count: usize) -> i64 {
    let now = OffsetDateTime::now_utc();
    let db = &app.state.db.writer;
    let cohort = cohort::Entity::insert(cohort::ActiveModel {
        course_id: Set(course.into()),
        name: Set("Big cohort".into()),
        code: Set("BIGCOHRT".into()),
        time_zone: Set("UTC".into()),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap()
    .last_insert_id;
    for chunk in (0..count).collect::<Vec<_>>().chunks(200) {
        user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
            username: Set(format!("learner{n:05}")),
            display_name: Set(format!("Learner number {n} with a longish name")),
            password_hash: Set("!".into()),
            role: Set("learner".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    let users = user::Entity::find().all(db).await.unwrap();
    for chunk in users.iter().filter(|user| user.username.starts_with("learner")).collect::<Vec<_>>().chunks(200) {
        enrolment::Entity::insert_many(chunk.iter().map(|user| enrolment::ActiveModel {
            user_id: Set(user.id),
            course_id: Set(course.into()),
            cohort_id: Set(Some(cohort)),
            enrolled_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    cohort
}

#[tokio::test]
async fn the_learners_csv_arrives_whole_when_the_browser_asks_for_gzip_or_brotli() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    // Well over one 64 KB piece of the stream.
    let cohort = learners_in_a_cohort(&app, COURSE, 1500).await;
    for encoding in ["gzip", "br"] {
        for path in [format!("/manage/courses/{COURSE}/learners.csv"), format!("/manage/cohorts/{cohort}/learners.csv")]
        {
            let response = browser_like()
                .get(format!("{}{path}", app.address))
                .header("cookie", &manager)
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path} with {encoding}");
            let text = response.text().await.expect("the whole file, not a cut connection");
            let lines = text.trim_end().split("\r\n").count();
            assert_eq!(lines, 1501, "{path} with {encoding}: a header and every learner");
            assert!(text.contains("learner01499"), "{path} with {encoding}: the last learner is there");
        }
    }
}

#[tokio::test]
async fn a_date_beyond_any_calendar_is_a_filter_problem_not_a_crash() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    for path in
        ["/manage/statistics/funnel.csv?to=9999-12-31", "/manage?to=9999-12-31&lang=en", "/manage?from=0001-01-01"]
    {
        let (status, _) = crate::statistics::download(&app, path, &manager).await;
        assert_eq!(status, 200, "{path}");
    }
    assert!(page_with(&app, "/manage?to=9999-12-31&lang=en", &manager).await.contains("was not understood"));
}

#[tokio::test]
async fn instructors_see_no_breakdowns_by_profile_answers_anywhere() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let farida = signed_in_as(&app, "farida", "instructor").await;
    let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
    for table in ["gender", "age_band", "region"] {
        let path = format!("/manage/statistics/{table}.csv?course={COURSE}");
        assert_eq!(crate::statistics::download(&app, &path, &farida).await.0, 403, "{table}");
        assert_eq!(crate::statistics::download(&app, &path, &manager).await.0, 200, "{table}");
    }
    let page = page_with(&app, &format!("/manage/cohorts/{}?lang=en", cohort.id), &farida).await;
    assert!(page.contains("Evening"), "her course's cohort");
    assert!(!page.contains("Gender") && !page.contains("gender.csv"), "no breakdown on the page");
    let page = page_with(&app, &format!("/manage/cohorts/{}?lang=en", cohort.id), &manager).await;
    assert!(page.contains("gender.csv"), "managers have them");
}

/// A course and one of its cohorts (`None`: its learners in no cohort).
type CohortRow = (String, Option<i64>);
/// How many learners of each cohort gave each answer, and completed or not.
type Truth = std::collections::BTreeMap<(CohortRow, Option<String>, bool), u64>;

/// A small deterministic generator: the same programme every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Whether `target` (a vector over the unknowns) is a linear combination of
/// `equations`: then the unknown it picks out can be worked out.
fn determined(equations: &[Vec<f64>], target: &[f64]) -> bool {
    fn rank(rows: &[Vec<f64>]) -> usize {
        let mut rows: Vec<Vec<f64>> = rows.to_vec();
        let columns = rows.first().map_or(0, Vec::len);
        let mut rank = 0;
        for column in 0..columns {
            let Some(pivot) =
                (rank..rows.len()).max_by(|&a, &b| rows[a][column].abs().total_cmp(&rows[b][column].abs()))
            else {
                break;
            };
            if rows[pivot][column].abs() < 1e-9 {
                continue;
            }
            rows.swap(rank, pivot);
            for other in 0..rows.len() {
                if other != rank {
                    let factor = rows[other][column] / rows[rank][column];
                    let pivot_row = rows[rank].clone();
                    for (value, pivot) in rows[other].iter_mut().zip(pivot_row).skip(column) {
                        *value -= factor * pivot;
                    }
                }
            }
            rank += 1;
        }
        rank
    }
    let mut with = equations.to_vec();
    with.push(target.to_vec());
    rank(&with) == rank(equations)
}

/// Breakdowns are requested every way a manager can (programme, each
/// course, cohort and organisation, and each course within each
/// organisation); every number of every view, every cohort's total and how
/// many of each cohort completed (managers see the members by name, with
/// their progress) are then set against the finest cells as equations. No
/// count of a hidden cohort may follow from them, and every figure shown
/// adds up exactly the cohorts shown.
#[tokio::test]
async fn no_small_group_can_be_worked_out_by_differencing_any_views() {
    use std::collections::BTreeMap;
    let app = spawn_app(Backend::Sqlite).await;
    let now = OffsetDateTime::now_utc();
    let fixture = crate::statistics::Fixture { db: &app.state.db, now };
    let mut organisations = Vec::new();
    for name in ["Lahore Centre", "Tashkent Hub"] {
        let inserted = app::entities::organisation::Entity::insert(app::entities::organisation::ActiveModel {
            name: Set(name.into()),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&app.state.db.writer)
        .await
        .unwrap();
        organisations.push(inserted.last_insert_id);
    }
    let courses = ["online-safety", "smartphone-basics"];
    // Cohorts: (course, organisation); each course's last group enrols alone.
    let plan = [(0, Some(0)), (0, Some(1)), (0, None), (1, Some(0)), (1, Some(1)), (1, Some(0)), (0, Some(0))];
    let mut cohorts = Vec::new();
    for (index, (course, organisation)) in plan.iter().enumerate() {
        let organisation = organisation.map(|o| organisations[o]);
        let code = format!("COHORT{index:02}");
        cohorts.push((fixture.cohort(courses[*course], &code, organisation).await, *course, organisation, code));
    }
    let genders = [Some("female"), Some("male"), Some("other"), None];
    let mut random = Lcg(11);
    let mut truth: Truth = BTreeMap::new();
    let mut rows: Vec<CohortRow> = Vec::new();
    let mut person = 0;
    for group in 0..cohorts.len() + courses.len() {
        let (course, cohort) = match cohorts.get(group) {
            Some((id, course, _, _)) => (*course, Some(*id)),
            None => (group - cohorts.len(), None),
        };
        let row = (courses[course].to_string(), cohort);
        rows.push(row.clone());
        // Some cohorts large and even, so that some are shown.
        let (size, mix): (u64, &[usize]) = if group % 3 == 0 {
            (40 + random.below(10), &[0, 1])
        } else {
            (3 + random.below(14), &[0, 0, 0, 1, 1, 2, 3])
        };
        for _ in 0..size {
            let gender = genders[mix[random.below(mix.len() as u64) as usize]];
            let id = fixture.user(&format!("person{person:04}"), gender).await;
            person += 1;
            fixture.enrol(id, courses[course], cohort, now, None).await;
            let completed = random.below(2) == 0;
            if completed {
                fixture.complete(id, courses[course], now).await;
            }
            *truth.entry((row.clone(), gender.map(str::to_string), completed)).or_default() += 1;
        }
    }
    let manager = signed_in_as(&app, "programme", "manager").await;
    let answer_of = |label: &str| -> Option<String> {
        genders
            .iter()
            .flatten()
            .find(|gender| {
                app::i18n::translate(app::language::Language::En, &format!("profile-gender-{gender}"), None) == label
            })
            .map(|gender| gender.to_string())
    };
    let count = |row: &CohortRow, answer: &Option<String>, done: bool| {
        truth.get(&(row.clone(), answer.clone(), done)).copied().unwrap_or(0)
    };
    let hidden = |row: &CohortRow| {
        let answers: Vec<app::statistics::AnswerCounts> = genders
            .iter()
            .map(|gender| {
                let answer = gender.map(str::to_string);
                let (done, not) = (count(row, &answer, true), count(row, &answer, false));
                app::statistics::AnswerCounts { enrolled: done + not, completed: done }
            })
            .collect();
        app::statistics::row_is_hidden(&answers, 5)
    };
    assert!(rows.iter().any(|row| !hidden(row)), "some cohorts are shown");
    assert!(rows.iter().any(&hidden), "some are left out");
    // Every view: its filters, and the rows it covers.
    let mut views: Vec<(String, Vec<CohortRow>)> = vec![(String::new(), rows.clone())];
    for course in courses {
        views.push((format!("course={course}"), rows.iter().filter(|(c, _)| c == course).cloned().collect()));
        for organisation in &organisations {
            let covered = cohorts
                .iter()
                .filter(|(_, c, o, _)| courses[*c] == course && *o == Some(*organisation))
                .map(|(id, _, _, _)| (course.to_string(), Some(*id)))
                .collect();
            views.push((format!("course={course}&organisation={organisation}"), covered));
        }
    }
    for (id, course, _, _) in &cohorts {
        views.push((format!("cohort={id}"), vec![(courses[*course].to_string(), Some(*id))]));
    }
    for organisation in &organisations {
        let covered = cohorts
            .iter()
            .filter(|(_, _, o, _)| *o == Some(*organisation))
            .map(|(id, course, _, _)| (courses[*course].to_string(), Some(*id)))
            .collect();
        views.push((format!("organisation={organisation}"), covered));
    }
    let unknowns: Vec<(CohortRow, Option<String>, bool)> = rows
        .iter()
        .flat_map(|row| {
            genders
                .iter()
                .flat_map(move |gender| [true, false].map(|done| (row.clone(), gender.map(str::to_string), done)))
        })
        .collect();
    let at = |row: &CohortRow, answer: &Option<String>, done: bool| {
        unknowns.iter().position(|(r, a, d)| r == row && a == answer && *d == done).unwrap()
    };
    let mut equations: Vec<Vec<f64>> = Vec::new();
    // Known per cohort: how many completed, how many did not.
    for row in &rows {
        for done in [true, false] {
            let mut equation = vec![0.0; unknowns.len()];
            for gender in genders {
                equation[at(row, &gender.map(str::to_string), done)] = 1.0;
            }
            equations.push(equation);
        }
    }
    for (filters, covered) in &views {
        let path = format!("/manage/statistics/gender.csv?{filters}");
        let (status, text) = crate::statistics::download(&app, &path, &manager).await;
        assert_eq!(status, 200, "{filters}");
        let shown: Vec<&CohortRow> = covered.iter().filter(|row| !hidden(row)).collect();
        for record in crate::statistics::records(&text).into_iter().skip(1) {
            let answer = answer_of(&record[0]);
            if record[1] == "not shown" {
                assert!(shown.is_empty(), "{filters}: {record:?} not shown, though cohorts are");
                continue;
            }
            let expected = |done: &[bool]| -> u64 {
                shown.iter().flat_map(|row| done.iter().map(|d| count(row, &answer, *d))).sum()
            };
            assert_eq!(record[1].parse::<u64>().unwrap(), expected(&[true, false]), "{filters}: {record:?} enrolled");
            assert_eq!(record[2].parse::<u64>().unwrap(), expected(&[true]), "{filters}: {record:?} completed");
            // The attacker's equations: what each figure adds up.
            for done in [&[true, false][..], &[true][..]] {
                let mut equation = vec![0.0; unknowns.len()];
                for row in &shown {
                    for d in done {
                        equation[at(row, &answer, *d)] = 1.0;
                    }
                }
                equations.push(equation);
            }
        }
    }
    let mut protected = 0;
    for (index, (row, answer, done)) in unknowns.iter().enumerate() {
        if !hidden(row) {
            continue;
        }
        protected += 1;
        let mut target = vec![0.0; unknowns.len()];
        target[index] = 1.0;
        let value = count(row, answer, *done);
        assert!(!determined(&equations, &target), "{row:?} {answer:?} completed={done} ({value}) can be worked out");
    }
    assert!(protected > 20, "the generated programme has cohorts to protect ({protected} cells)");

    // Date ranges get no breakdowns at all.
    let dated = crate::statistics::download(&app, "/manage/statistics/gender.csv?from=2020-01-01", &manager).await;
    assert_eq!(dated.0, 404, "no breakdown for a range of dates");
    let page = page_with(&app, "/manage?from=2020-01-01&lang=en", &manager).await;
    assert!(page.contains("not shown for a range of dates"));
}
