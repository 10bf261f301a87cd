//! Statistics tables as CSV files, labelled in the reader's language.

use crate::language::Language;
use crate::model::{Funnel, ProfileQuestion, Statistics, TaughtCourse};
use crate::msg;

/// The instructor's tables of a course that have CSV files.
pub const TEACH_TABLES: [&str; 2] = ["reach", "questions"];

/// One of a taught course's tables as CSV; `None` for no such table.
pub fn teach_csv(course: &TaughtCourse, table: &str, reader_language: Language) -> Option<Vec<u8>> {
    use crate::statistics::{BYTE_ORDER_MARK, write_record};
    let say = |id: &str| crate::i18n::translate(reader_language, id, None);
    let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
    match table {
        "reach" => {
            write_record(
                &mut out,
                [say(msg::TEACH_LESSON), say(msg::TEACH_COMPLETED_LESSON), say(msg::TEACH_STOPPED_AFTER)],
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
                    say(msg::TEACH_LESSON),
                    say(msg::TEACH_QUESTION),
                    say(msg::TEACH_ANSWERED),
                    say(msg::TEACH_CORRECT),
                    say(msg::TEACH_COMMON_WRONG),
                    say(msg::TEACH_COMMON_WRONG_COUNT),
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

/// The tables a statistics page links CSV files of.
pub const TABLES: [&str; 6] = ["funnel", "courses", "cohorts", "gender", "age_band", "region"];
/// Those of them that break down by profile answers: for managers only.
pub const BREAKDOWN_TABLES: [&str; 3] = ["gender", "age_band", "region"];

/// One table of `statistics` as a CSV file (with its byte order mark);
/// `None` for a table that does not exist.
pub fn statistics_csv(statistics: &Statistics, table: &str, reader_language: Language) -> Option<Vec<u8>> {
    use crate::statistics::{BYTE_ORDER_MARK, write_record};
    let say = |id: &str| crate::i18n::translate(reader_language, id, None);
    let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
    let funnel_header = |first: &str| {
        vec![
            say(first),
            say(msg::STAT_ENROLLED),
            say(msg::STAT_LEARNERS),
            say(msg::STAT_STARTED),
            say(msg::STAT_COMPLETED),
            say(msg::STAT_CERTIFIED),
            say(msg::STAT_MEDIAN_DAYS),
            say(msg::STAT_ACTIVE_7),
            say(msg::STAT_ACTIVE_30),
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
            write_record(&mut out, funnel_header(msg::STAT_SCOPE));
            write_record(&mut out, funnel_record(&say(msg::STAT_TOTAL), &statistics.total));
        }
        "courses" | "cohorts" => {
            let (first, rows) = if table == "courses" {
                (msg::COHORT_COURSE, &statistics.by_course)
            } else {
                (msg::COHORT_NAME, &statistics.by_cohort)
            };
            write_record(&mut out, funnel_header(first));
            for row in rows {
                write_record(&mut out, funnel_record(&row.label, &row.funnel));
            }
        }
        question => {
            let question = ProfileQuestion::parse(question)?;
            let breakdown = statistics.breakdowns.iter().find(|breakdown| breakdown.question == question)?;
            let not_shown = say(msg::STAT_NOT_SHOWN);
            let cell = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_else(|| not_shown.clone());
            write_record(
                &mut out,
                [
                    say(question.message_id()),
                    say(msg::STAT_ENROLLED),
                    say(msg::STAT_COMPLETED),
                    say(msg::STAT_GROUPS_LEFT_OUT),
                ],
            );
            for row in &breakdown.rows {
                write_record(
                    &mut out,
                    [
                        answer_label(question, row.answer.as_deref(), reader_language),
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
pub fn answer_label(question: ProfileQuestion, answer: Option<&str>, reader_language: Language) -> String {
    match answer {
        Some(answer) => crate::i18n::translate(reader_language, &question.choice_message_id(answer), None),
        None => crate::i18n::translate(reader_language, msg::STAT_NOT_STATED, None),
    }
}
