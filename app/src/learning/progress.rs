//! How far a learner is through a course: arithmetic over the course as it
//! is now and the lessons they completed (by stable id). Lessons removed
//! from the course no longer count; lessons added count from now on.

use std::collections::HashSet;

use crate::catalog::Course;
use crate::model::Progress;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseProgress {
    pub course: Progress,
    /// Parallel to the course's modules.
    pub modules: Vec<Progress>,
    /// The first lesson, in course order, not yet completed.
    pub next_lesson: Option<String>,
}

impl CourseProgress {
    /// Every lesson of the course as it is now is complete (a course with
    /// no lessons never is).
    pub fn all_done(&self) -> bool {
        self.course.total > 0 && self.course.done == self.course.total
    }
}

pub fn progress(course: &Course, completed: &HashSet<String>) -> CourseProgress {
    let modules: Vec<Progress> = course
        .modules
        .iter()
        .map(|module| {
            let done = module.lessons.iter().filter(|lesson| completed.contains(&lesson.id)).count();
            Progress::new(done, module.lessons.len())
        })
        .collect();
    let done = modules.iter().map(|module| module.done).sum();
    let total = modules.iter().map(|module| module.total).sum();
    let next_lesson = course.lessons().map(|(_, lesson)| lesson).find(|lesson| !completed.contains(&lesson.id));
    CourseProgress {
        course: Progress::new(done, total),
        modules,
        next_lesson: next_lesson.map(|lesson| lesson.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning::fixtures::{course, ids as done, reading as module};

    #[test]
    fn progress_counts_per_module_and_course_and_finds_the_next_lesson() {
        let course = course(vec![module(&["a", "b"]), module(&[]), module(&["c", "d", "e"])]);
        let progress = progress(&course, &done(&["a", "c"]));
        assert_eq!(progress.course, Progress { done: 2, total: 5, percent: 40 });
        assert_eq!(progress.modules[0], Progress { done: 1, total: 2, percent: 50 });
        assert_eq!(progress.modules[1], Progress { done: 0, total: 0, percent: 0 }, "an empty module");
        assert_eq!(progress.next_lesson.as_deref(), Some("b"));
        assert!(!progress.all_done());
    }

    #[test]
    fn percentages_round_down_so_only_everything_is_100() {
        let course = course(vec![module(&["a", "b", "c"])]);
        assert_eq!(progress(&course, &done(&["a", "b"])).course.percent, 66);
        let all = progress(&course, &done(&["a", "b", "c"]));
        assert_eq!((all.course.percent, all.all_done(), all.next_lesson), (100, true, None));
    }

    #[test]
    fn removed_lessons_stop_counting_and_added_ones_start() {
        let course = course(vec![module(&["a", "new"])]);
        // "gone" was completed before it was removed from the course.
        let progress = progress(&course, &done(&["a", "gone"]));
        assert_eq!(progress.course, Progress { done: 1, total: 2, percent: 50 });
        assert_eq!(progress.next_lesson.as_deref(), Some("new"));
    }

    #[test]
    fn a_course_with_every_lesson_removed_is_never_complete() {
        let course = course(vec![module(&[])]);
        let progress = progress(&course, &done(&["a"]));
        assert_eq!(progress.course, Progress { done: 0, total: 0, percent: 0 });
        assert!(!progress.all_done());
        assert_eq!(progress.next_lesson, None);
    }
}
