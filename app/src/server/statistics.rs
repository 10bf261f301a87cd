//! Statistics for managers (`/manage`, `/manage/courses/{course}`) and
//! instructors (`/teach`). Who sees what is decided here, on the server,
//! before anything is counted: a programme-wide manager sees everything, a
//! manager of one organisation its cohorts only, an instructor the courses
//! that list them, a learner nothing.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{DashboardPage, StatisticsFilters, TeachPage};

/// The manager's dashboard, narrowed by the filters (and, for a manager
/// of one organisation, to it).
#[server(endpoint = "dashboard")]
pub async fn dashboard(
    course: Option<String>,
    cohort: Option<String>,
    organisation: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<DashboardPage, AppError> {
    let viewer = crate::auth::authorize(<Dashboard as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let filters = StatisticsFilters { course, cohort, organisation, from, to };
    let reader = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    reporting::dashboard_page(&state, &viewer, filters, reader).await
}

/// An instructor's courses: funnel, where learners stop, how each quiz
/// question goes, and each learner's progress.
#[server(endpoint = "teach")]
pub async fn teach() -> Result<TeachPage, AppError> {
    let viewer =
        crate::auth::authorize(<Teach as leptos::server_fn::ServerFn>::PATH).await?.ok_or(AppError::Unauthorized)?;
    let reader = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    reporting::teach_page(&state, &viewer, reader).await
}

#[cfg(feature = "ssr")]
pub mod reporting {
    //! The server side of statistics pages and their CSV downloads.

    use std::collections::HashMap;

    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    use time::{Date, OffsetDateTime};

    use crate::catalog::Catalog;
    use crate::entities::{cohort, organisation};
    use crate::error::AppError;
    use crate::language::Language;
    use crate::model::{
        Breakdown, BreakdownRow, DashboardPage, Funnel, FunnelRow, LearnerProgress, LessonReach, ProfileQuestion,
        QuestionReport, Role, Statistics, StatisticsFilters, TaughtCourse, TeachPage, Viewer,
    };
    use crate::state::AppState;
    use crate::statistics::{Counts, GroupKey, Grouping, Scope};

    /// The courses that list `viewer` among their instructors.
    pub fn taught_courses(catalog: &Catalog, viewer: &Viewer) -> Vec<String> {
        catalog
            .courses()
            .iter()
            .filter(|course| course.instructors.contains(&viewer.username))
            .map(|course| course.id.clone())
            .collect()
    }

    fn filled(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|value| !value.is_empty())
    }

    /// A day as a filter gives it; years outside 2000–2200 are not dates
    /// anyone enrolled on (and the day after 9999-12-31 does not exist).
    fn parse_day(text: &str) -> Option<Date> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        Date::parse(text, &format).ok().filter(|day| (2000..=2200).contains(&day.year()))
    }

    /// What `viewer` may count, narrowed by `filters`; and the message id
    /// of a filter not understood (left out). Asking for what one may not
    /// see is refused, not quietly narrowed.
    pub async fn scope_for(
        state: &AppState,
        viewer: &Viewer,
        filters: &StatisticsFilters,
    ) -> Result<(Scope, Option<&'static str>), AppError> {
        let catalog = state.catalog.current();
        let mut scope = Scope::default();
        let mut problem = None;
        if let Some(course) = filled(&filters.course) {
            if catalog.course(course).is_some() {
                scope.courses = Some(vec![course.to_string()]);
            } else {
                return Err(AppError::NotFound);
            }
        }
        let cohort = match filled(&filters.cohort) {
            None => None,
            Some(text) => {
                let id = text.parse::<i64>().map_err(|_| AppError::NotFound)?;
                let found = cohort::Entity::find_by_id(id).one(&state.db.reader).await.map_err(AppError::internal)?;
                Some(found.ok_or(AppError::NotFound)?)
            }
        };
        scope.cohort = cohort.as_ref().map(|cohort| cohort.id);
        if let Some(text) = filled(&filters.organisation) {
            scope.organisation = Some(text.parse::<i64>().map_err(|_| AppError::NotFound)?);
        }
        for (text, slot) in [(&filters.from, &mut scope.enrolled_from), (&filters.to, &mut scope.enrolled_until)] {
            if let Some(text) = filled(text) {
                match parse_day(text) {
                    Some(day) => *slot = Some(day),
                    None => problem = Some("stat-filter-date-invalid"),
                }
            }
        }
        match viewer.role {
            Role::Learner => return Err(AppError::Forbidden),
            Role::Instructor => {
                let taught = taught_courses(&catalog, viewer);
                let allowed = |course: &str| taught.iter().any(|id| id == course);
                if scope.courses.as_ref().is_some_and(|courses| !courses.iter().all(|c| allowed(c)))
                    || cohort.as_ref().is_some_and(|cohort| !allowed(&cohort.course_id))
                {
                    return Err(AppError::Forbidden);
                }
                if scope.courses.is_none() {
                    scope.courses = Some(taught);
                }
            }
            Role::Manager | Role::Admin => {
                if let Some(own) = crate::policy::scoped_to(viewer) {
                    let other_organisation = scope.organisation.is_some_and(|asked| asked != own);
                    let other_cohort = cohort.as_ref().is_some_and(|cohort| cohort.organisation_id != Some(own));
                    if other_organisation || other_cohort {
                        return Err(AppError::Forbidden);
                    }
                    scope.organisation = Some(own);
                }
            }
        }
        Ok((scope, problem))
    }

    fn funnel(counts: Counts, median_days: Option<f64>) -> Funnel {
        Funnel {
            enrolled: counts.enrolled,
            learners: counts.learners,
            started: counts.started,
            completed: counts.completed,
            certified: counts.certified,
            median_days: median_days.map(|days| (days * 10.0).round() / 10.0),
            active_7_days: counts.active_7_days,
            active_30_days: counts.active_30_days,
        }
    }

    /// The query string of a scope, for links to CSV downloads.
    fn query_string(filters: &StatisticsFilters) -> String {
        let pairs = [
            ("course", &filters.course),
            ("cohort", &filters.cohort),
            ("organisation", &filters.organisation),
            ("from", &filters.from),
            ("to", &filters.to),
        ];
        pairs
            .iter()
            .filter_map(|(name, value)| filled(value).map(|value| format!("{name}={}", encode(value))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Percent-encodes everything but unreserved ASCII, for a query string.
    pub fn encode(value: &str) -> String {
        value
            .bytes()
            .map(|byte| match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (byte as char).to_string(),
                _ => format!("%{byte:02X}"),
            })
            .collect()
    }

    /// Every table of a scope's statistics: computed in the database, then
    /// labelled and, for breakdowns, suppressed.
    pub async fn statistics(
        state: &AppState,
        scope: &Scope,
        filters: &StatisticsFilters,
        reader: Language,
    ) -> Result<Statistics, AppError> {
        // Counting may lag a moment behind: it can read a replica.
        let reader_db = &state.db.reports;
        let now = OffsetDateTime::now_utc();
        let catalog = state.catalog.current();
        let one_course = scope.courses.as_ref().is_some_and(|courses| courses.len() == 1);
        let internal = AppError::internal;
        // Three independent queries, at once on the read pool; every table
        // is then a sum over the cube.
        let (cells, people, times) = tokio::try_join!(
            crate::statistics::cube(reader_db, scope, now),
            crate::statistics::people_unless_one_course(reader_db, scope, now),
            crate::statistics::completion_times(reader_db, scope),
        )
        .map_err(internal)?;
        let people = crate::statistics::people_or_cube(people, &cells);
        let fold = |grouping: Grouping| crate::statistics::fold(&cells, grouping, people);
        let total = fold(Grouping::Total);
        let course_rows = if one_course { Vec::new() } else { fold(Grouping::Course) };
        let cohort_rows = if scope.cohort.is_some() { Vec::new() } else { fold(Grouping::Cohort) };
        let median_of = |keep: &dyn Fn(&crate::statistics::CompletionTime) -> bool| {
            let mut days: Vec<f64> = times.iter().filter(|time| keep(time)).map(|time| time.days).collect();
            crate::statistics::median(&mut days)
        };
        let total_funnel = funnel(total.first().map(|(_, counts)| *counts).unwrap_or_default(), median_of(&|_| true));

        let mut by_course = Vec::new();
        if !one_course {
            let counts_of: HashMap<String, Counts> = course_rows
                .into_iter()
                .filter_map(|(key, counts)| match key {
                    GroupKey::Course(id) => Some((id, counts)),
                    _ => None,
                })
                .collect();
            // Courses in catalogue order, then any no longer offered.
            for course in catalog.courses() {
                if scope.courses.as_ref().is_some_and(|only| !only.contains(&course.id)) {
                    continue;
                }
                let counts = counts_of.get(&course.id).copied().unwrap_or_default();
                by_course.push(FunnelRow {
                    label: course.card(reader).title,
                    link: Some(format!("/manage/courses/{}", course.id)),
                    funnel: funnel(counts, median_of(&|time| time.course_id == course.id)),
                });
            }
            for (id, counts) in counts_of.iter().filter(|(id, _)| catalog.course(id).is_none()) {
                by_course.push(FunnelRow {
                    label: id.clone(),
                    link: None,
                    funnel: funnel(*counts, median_of(&|time| &time.course_id == id)),
                });
            }
        }

        let mut by_cohort = Vec::new();
        if scope.cohort.is_none() {
            let rows = cohort_rows;
            let ids: Vec<i64> = rows
                .iter()
                .filter_map(|(key, _)| match key {
                    GroupKey::Cohort(id) => *id,
                    _ => None,
                })
                .collect();
            let cohorts = cohort::Entity::find()
                .filter(cohort::Column::Id.is_in(ids))
                .order_by_asc(cohort::Column::Name)
                .all(reader_db)
                .await
                .map_err(internal)?;
            let counts_of = |id: Option<i64>| {
                rows.iter().find(|(key, _)| *key == GroupKey::Cohort(id)).map(|(_, counts)| *counts).unwrap_or_default()
            };
            for cohort in &cohorts {
                by_cohort.push(FunnelRow {
                    label: cohort.name.clone(),
                    link: Some(format!("/manage/cohorts/{}", cohort.id)),
                    funnel: funnel(counts_of(Some(cohort.id)), median_of(&|time| time.cohort_id == Some(cohort.id))),
                });
            }
            let alone = counts_of(None);
            if alone.enrolled > 0 {
                by_cohort.push(FunnelRow {
                    label: crate::i18n::translate(reader, "stat-no-cohort", None),
                    link: None,
                    funnel: funnel(alone, median_of(&|time| time.cohort_id.is_none())),
                });
            }
        }

        // Breakdowns never for a date range: ranges are countless, and two
        // of them differenced would single people out (see suppression).
        let dated = scope.enrolled_from.is_some() || scope.enrolled_until.is_some();
        let (breakdowns, breakdowns_withheld) = if dated {
            (Vec::new(), Some("stat-breakdowns-dated".to_string()))
        } else {
            let threshold = state.small_group_threshold;
            (ProfileQuestion::ALL.into_iter().map(|question| breakdown(question, &cells, threshold)).collect(), None)
        };

        Ok(Statistics {
            total: total_funnel,
            by_course,
            by_cohort,
            breakdowns,
            breakdowns_withheld,
            threshold: state.small_group_threshold,
            query: query_string(filters),
        })
    }

    /// Every answer the question offers (even with nobody), then "not
    /// stated": each figure the sum over the cohorts in scope whose
    /// breakdown suppression shows (see `statistics::suppression`); the
    /// cohorts left out are counted. With every cohort left out, nothing
    /// is shown.
    fn breakdown(question: ProfileQuestion, cells: &[crate::statistics::Cell], threshold: u64) -> Breakdown {
        use std::collections::BTreeMap;
        let index = ProfileQuestion::ALL.iter().position(|asked| *asked == question).unwrap_or(0);
        let answers: Vec<Option<String>> =
            question.choices().iter().map(|choice| Some(choice.to_string())).chain(std::iter::once(None)).collect();
        let mut cohorts: BTreeMap<crate::statistics::Row, BTreeMap<Option<String>, Counts>> = BTreeMap::new();
        for cell in cells {
            let row = cohorts.entry((cell.course_id.clone(), cell.cohort_id)).or_default();
            for answer in &answers {
                row.entry(answer.clone()).or_default();
            }
            *row.entry(cell.answers[index].clone()).or_default() += cell.counts;
        }
        let sizes: BTreeMap<crate::statistics::Row, BTreeMap<Option<String>, crate::statistics::AnswerCounts>> =
            cohorts
                .iter()
                .map(|(row, cells)| {
                    let counts =
                        |c: &Counts| crate::statistics::AnswerCounts { enrolled: c.enrolled, completed: c.completed };
                    (row.clone(), cells.iter().map(|(answer, c)| (answer.clone(), counts(c))).collect())
                })
                .collect();
        let hidden = crate::statistics::hidden_rows(&sizes, threshold);
        let (mut left_out_cohorts, mut left_out_enrolments) = (0, 0);
        let mut shown: BTreeMap<Option<String>, Counts> = BTreeMap::new();
        for (row, cells) in &cohorts {
            if hidden.contains(row) {
                left_out_cohorts += 1;
                left_out_enrolments += cells.values().map(|counts| counts.enrolled).sum::<u64>();
                continue;
            }
            for (answer, counts) in cells {
                *shown.entry(answer.clone()).or_default() += *counts;
            }
        }
        let any_shown = hidden.len() < cohorts.len();
        let rows = answers
            .into_iter()
            .map(|answer| {
                let counts = shown.get(&answer).copied().unwrap_or_default();
                let figure = |n: u64| any_shown.then_some(n);
                BreakdownRow {
                    enrolled: figure(counts.enrolled),
                    completed: figure(counts.completed),
                    partial: any_shown && left_out_cohorts > 0,
                    answer,
                }
            })
            .collect();
        Breakdown { question, rows, left_out_cohorts, left_out_enrolments }
    }

    /// The dashboard: statistics and the choices its filters offer the viewer.
    pub async fn dashboard_page(
        state: &AppState,
        viewer: &Viewer,
        filters: StatisticsFilters,
        reader: Language,
    ) -> Result<DashboardPage, AppError> {
        if !crate::policy::may_see_breakdowns(viewer) {
            return Err(AppError::Forbidden);
        }
        let (scope, filter_error) = scope_for(state, viewer, &filters).await?;
        let statistics = statistics(state, &scope, &filters, reader).await?;
        let catalog = state.catalog.current();
        let own = crate::policy::scoped_to(viewer);
        let mut cohorts = cohort::Entity::find().order_by_asc(cohort::Column::Name);
        if let Some(own) = own {
            cohorts = cohorts.filter(cohort::Column::OrganisationId.eq(own));
        }
        let cohorts = cohorts.all(&state.db.reader).await.map_err(AppError::internal)?;
        let organisations = organisation::Entity::find()
            .order_by_asc(organisation::Column::Name)
            .all(&state.db.reader)
            .await
            .map_err(AppError::internal)?;
        let course_title = filled(&filters.course).and_then(|id| catalog.course(id)).map(|c| c.card(reader).title);
        Ok(DashboardPage {
            course_title,
            filter_error: filter_error.map(str::to_string),
            courses: catalog.courses().iter().map(|course| (course.id.clone(), course.card(reader).title)).collect(),
            cohorts: cohorts.into_iter().map(|cohort| (cohort.id, cohort.name)).collect(),
            organisation_name: own
                .and_then(|own| organisations.iter().find(|o| o.id == own))
                .map(|organisation| organisation.name.clone()),
            organisations: if own.is_some() {
                Vec::new()
            } else {
                organisations.into_iter().map(|organisation| (organisation.id, organisation.name)).collect()
            },
            filters,
            statistics,
        })
    }

    /// At most this many learners per course on `/teach` (the CSV has all).
    const LEARNERS_SHOWN: usize = 200;

    pub async fn teach_page(state: &AppState, viewer: &Viewer, reader: Language) -> Result<TeachPage, AppError> {
        let catalog = state.catalog.current();
        let mut courses = Vec::new();
        for course_id in taught_courses(&catalog, viewer) {
            if let Some(course) = catalog.course(&course_id) {
                courses.push(taught_course(state, course, reader).await?);
            }
        }
        Ok(TeachPage { courses })
    }

    /// One course as its instructor sees it.
    pub async fn taught_course(
        state: &AppState,
        course: &crate::catalog::Course,
        reader: Language,
    ) -> Result<TaughtCourse, AppError> {
        let now = OffsetDateTime::now_utc();
        let internal = AppError::internal;
        let course_id = course.id.clone();
        {
            let scope = Scope::course(&course_id);
            let db = &state.db.reports;
            let counts = crate::statistics::counts(db, &scope, Grouping::Total, now).await.map_err(internal)?;
            let mut days: Vec<f64> = crate::statistics::completion_times(db, &scope)
                .await
                .map_err(internal)?
                .into_iter()
                .map(|time| time.days)
                .collect();
            let funnel = funnel(
                counts.first().map(|(_, counts)| *counts).unwrap_or_default(),
                crate::statistics::median(&mut days),
            );

            let reached = crate::statistics::lesson_reach(db, &scope, &course_id).await.map_err(internal)?;
            let lessons: Vec<_> = course.lessons().map(|(_, lesson)| lesson).collect();
            let reach: Vec<LessonReach> = lessons
                .iter()
                .enumerate()
                .map(|(index, lesson)| {
                    let completed = reached.get(&lesson.id).copied().unwrap_or(0);
                    let next = lessons.get(index + 1).map(|next| reached.get(&next.id).copied().unwrap_or(0));
                    LessonReach {
                        lesson_id: lesson.id.clone(),
                        title: course.lesson_link(&lesson.id, reader).map(|link| link.title).unwrap_or_default(),
                        completed,
                        stopped_after: next.map(|next| completed.saturating_sub(next)),
                    }
                })
                .collect();
            let most_stop_after = reach
                .iter()
                .filter(|lesson| lesson.stopped_after.unwrap_or(0) > 0)
                .max_by_key(|lesson| lesson.stopped_after)
                .map(|lesson| lesson.title.clone());

            let attempts = crate::statistics::first_attempts(db, &scope, &course_id).await.map_err(internal)?;
            let mut questions = Vec::new();
            for lesson in lessons.iter().filter(|lesson| lesson.quiz.is_some()) {
                let Some(quiz) = &lesson.quiz else { continue };
                let texts = course.lesson_content(&lesson.id, reader);
                let answers = attempts.iter().filter(|(id, _)| *id == lesson.id).map(|(_, answers)| answers.as_str());
                for (index, analysis) in crate::statistics::analyse_quiz(quiz, answers).into_iter().enumerate() {
                    let text = texts.and_then(|texts| texts.questions.get(index));
                    let option_html = |option_id: &str| {
                        let position = quiz.questions[index].options.iter().position(|option| option.id == option_id);
                        position
                            .and_then(|position| text.and_then(|text| text.options.get(position)))
                            .map(|option| option.html.clone())
                            .unwrap_or_else(|| option_id.to_string())
                    };
                    questions.push(QuestionReport {
                        lesson_title: texts.map(|texts| texts.title.clone()).unwrap_or_default(),
                        number: index + 1,
                        prompt_html: text.map(|text| text.prompt_html.clone()).unwrap_or_default(),
                        answered: analysis.answered,
                        correct: analysis.correct,
                        most_chosen_wrong: analysis.most_chosen_wrong.map(|(option, n)| (option_html(&option), n)),
                    });
                }
            }

            let learners = learners_of(state, course, &scope, LEARNERS_SHOWN).await?;
            let total = funnel.enrolled;
            Ok(TaughtCourse {
                course_id: course_id.clone(),
                title: course.card(reader).title,
                funnel,
                reach,
                most_stop_after,
                questions,
                learners,
                more_learners: total.saturating_sub(LEARNERS_SHOWN as u64),
            })
        }
    }

    /// The instructor's tables of a course that have CSV files.
    pub const TEACH_TABLES: [&str; 2] = ["reach", "questions"];

    /// One of a taught course's tables as CSV; `None` for no such table.
    pub fn teach_csv(course: &TaughtCourse, table: &str, reader: Language) -> Option<Vec<u8>> {
        use crate::statistics::{BYTE_ORDER_MARK, write_record};
        let say = |id: &str| crate::i18n::translate(reader, id, None);
        let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
        match table {
            "reach" => {
                write_record(
                    &mut out,
                    [say("teach-lesson"), say("teach-completed-lesson"), say("teach-stopped-after")],
                );
                for lesson in &course.reach {
                    let stopped = lesson.stopped_after.map(|n| n.to_string()).unwrap_or_default();
                    write_record(&mut out, [lesson.title.clone(), lesson.completed.to_string(), stopped]);
                }
            }
            "questions" => {
                write_record(
                    &mut out,
                    [
                        say("teach-lesson"),
                        say("teach-question"),
                        say("teach-answered"),
                        say("teach-correct"),
                        say("teach-common-wrong"),
                        say("teach-common-wrong-count"),
                    ],
                );
                for question in &course.questions {
                    let (wrong, times) = question
                        .most_chosen_wrong
                        .as_ref()
                        .map(|(html, n)| (plain_text(html), n.to_string()))
                        .unwrap_or_default();
                    write_record(
                        &mut out,
                        [
                            question.lesson_title.clone(),
                            format!("{}. {}", question.number, plain_text(&question.prompt_html)),
                            question.answered.to_string(),
                            question.correct.to_string(),
                            wrong,
                            times,
                        ],
                    );
                }
            }
            _ => return None,
        }
        Some(out)
    }

    /// Course HTML (sanitised) as plain text for a spreadsheet cell.
    fn plain_text(html: &str) -> String {
        let mut text = String::with_capacity(html.len());
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The first `limit` learners enrolled in a course, by username, with
    /// their progress.
    async fn learners_of(
        state: &AppState,
        course: &crate::catalog::Course,
        scope: &Scope,
        limit: usize,
    ) -> Result<Vec<LearnerProgress>, AppError> {
        let rows = crate::statistics::learner_rows(&state.db.reports, course, scope, Some(limit as u64))
            .await
            .map_err(AppError::internal)?;
        let learners = rows
            .into_iter()
            .map(|row| LearnerProgress {
                username: row.username,
                display_name: row.display_name,
                cohort: row.cohort,
                progress: crate::model::Progress::new(row.lessons_done as usize, course.lessons().count()),
                completed: row.completed_at.is_some(),
                last_active_on: row.last_active_at.map(crate::dates::utc_date),
            })
            .collect();
        Ok(learners)
    }

    /// The tables a statistics page links CSV files of.
    pub const TABLES: [&str; 6] = ["funnel", "courses", "cohorts", "gender", "age_band", "region"];
    /// Those of them that break down by profile answers: for managers only.
    pub const BREAKDOWN_TABLES: [&str; 3] = ["gender", "age_band", "region"];

    /// One table of `statistics` as a CSV file (with its byte order mark);
    /// `None` for a table that does not exist.
    pub fn statistics_csv(statistics: &Statistics, table: &str, reader: Language) -> Option<Vec<u8>> {
        use crate::statistics::{BYTE_ORDER_MARK, write_record};
        let say = |id: &str| crate::i18n::translate(reader, id, None);
        let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
        let funnel_header = |first: &str| {
            vec![
                say(first),
                say("stat-enrolled"),
                say("stat-learners"),
                say("stat-started"),
                say("stat-completed"),
                say("stat-certified"),
                say("stat-median-days"),
                say("stat-active-7"),
                say("stat-active-30"),
            ]
        };
        let funnel_record = |label: &str, f: &Funnel| {
            vec![
                label.to_string(),
                f.enrolled.to_string(),
                f.learners.to_string(),
                f.started.to_string(),
                f.completed.to_string(),
                f.certified.to_string(),
                f.median_days.map(|days| format!("{days:.1}")).unwrap_or_default(),
                f.active_7_days.to_string(),
                f.active_30_days.to_string(),
            ]
        };
        match table {
            "funnel" => {
                write_record(&mut out, funnel_header("stat-scope"));
                write_record(&mut out, funnel_record(&say("stat-total"), &statistics.total));
            }
            "courses" | "cohorts" => {
                let (first, rows) = if table == "courses" {
                    ("cohort-course", &statistics.by_course)
                } else {
                    ("cohort-name", &statistics.by_cohort)
                };
                write_record(&mut out, funnel_header(first));
                for row in rows {
                    write_record(&mut out, funnel_record(&row.label, &row.funnel));
                }
            }
            question => {
                let question = ProfileQuestion::parse(question)?;
                let breakdown = statistics.breakdowns.iter().find(|breakdown| breakdown.question == question)?;
                let not_shown = say("stat-not-shown");
                let cell = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_else(|| not_shown.clone());
                write_record(
                    &mut out,
                    [
                        say(question.message_id()),
                        say("stat-enrolled"),
                        say("stat-completed"),
                        say("stat-groups-left-out"),
                    ],
                );
                for row in &breakdown.rows {
                    write_record(
                        &mut out,
                        [
                            answer_label(question, row.answer.as_deref(), reader),
                            cell(row.enrolled),
                            cell(row.completed),
                            breakdown.left_out_cohorts.to_string(),
                        ],
                    );
                }
            }
        }
        Some(out)
    }

    /// The label of a breakdown group in `reader`'s language.
    pub fn answer_label(question: ProfileQuestion, answer: Option<&str>, reader: Language) -> String {
        match answer {
            Some(answer) => crate::i18n::translate(reader, &question.choice_message_id(answer), None),
            None => crate::i18n::translate(reader, "stat-not-stated", None),
        }
    }
}
