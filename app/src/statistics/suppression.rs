//! Statistical disclosure control for breakdowns by profile answers:
//! suppression at the finest level, with every figure shown derived from
//! what is shown there (the method statistics offices use for tables that
//! are published many ways).
//!
//! The finest level is one cohort of a course (or the learners of a course
//! in no cohort), broken down by one question. Every view that can be
//! asked for (the programme, a course, a cohort, an organisation) is a set
//! of whole cohorts, so every figure it shows is the sum of what its
//! cohorts show, and each cohort shows the same in every view. Nothing
//! hidden enters any sum: no view minus another can reveal it.
//!
//! What a breakdown shows of each answer is how many enrolled and how many
//! completed. Managers also see each cohort's members by name with their
//! progress, so they know who completed and who did not: the breakdown
//! must tell them nothing about any one person. So a cohort's breakdown is
//! shown whole, or not at all, and it is shown only when, among those who
//! completed and among those who did not (each, if anyone is in it):
//! 1. no answer is held by from 1 to N − 1 people (N, the threshold), and
//! 2. not everyone gave the same answer (else each of them is known).
//!
//! A cohort hidden whole leaves only "some group here is small or
//! uniform"; even someone who knows this method and both totals finds
//! several values possible for every hidden count (a unit test tries every
//! table up to a size). Started and certified are not broken down: each
//! more column known per person would need its own such protection.
//!
//! Breakdowns are not shown for a date range at all: ranges are countless,
//! and differencing two of them would single people out. What this does
//! not prevent: someone who watches a cohort's figures from day to day and
//! knows who joined or completed in between can compare the two.

use std::collections::BTreeMap;

/// A cohort of a course (`None`: the course's learners in no cohort).
pub type Row = (String, Option<i64>);

/// How many of a cohort gave one answer, and how many of them completed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    pub enrolled: u64,
    pub completed: u64,
}

/// Whether one class of people (those who completed, or those who did not)
/// gives anyone away: a small group, or everyone with one answer.
fn class_gives_away(sizes: impl Iterator<Item = u64> + Clone, threshold: u64) -> bool {
    let total: u64 = sizes.clone().sum();
    if total == 0 {
        return false;
    }
    let small = sizes.clone().any(|size| size > 0 && size < threshold);
    let uniform = sizes.filter(|&size| size > 0).count() == 1;
    small || uniform
}

/// Whether a cohort's breakdown, with these counts per answer, is hidden.
pub fn row_is_hidden(answers: &[AnswerCounts], threshold: u64) -> bool {
    let completed = answers.iter().map(|a| a.completed);
    let not_completed = answers.iter().map(|a| a.enrolled.saturating_sub(a.completed));
    class_gives_away(completed, threshold) || class_gives_away(not_completed, threshold)
}

/// The cohorts whose breakdown is hidden, from each one's counts per answer.
pub fn hidden_rows<A: Ord>(rows: &BTreeMap<Row, BTreeMap<A, AnswerCounts>>, threshold: u64) -> Vec<Row> {
    rows.iter()
        .filter(|(_, cells)| row_is_hidden(&cells.values().copied().collect::<Vec<_>>(), threshold))
        .map(|(row, _)| row.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{AnswerCounts, row_is_hidden};

    /// Answers as (completed, not completed).
    fn row(cells: &[(u64, u64)]) -> Vec<AnswerCounts> {
        cells.iter().map(|&(done, not)| AnswerCounts { enrolled: done + not, completed: done }).collect()
    }

    #[test]
    fn a_cohort_with_only_large_groups_both_ways_is_shown() {
        assert!(!row_is_hidden(&row(&[(5, 7), (6, 9), (0, 0)]), 5));
        assert!(!row_is_hidden(&row(&[(0, 12), (0, 8)]), 5), "nobody completed yet: nothing to tell");
    }

    #[test]
    fn a_cohort_with_any_small_group_is_hidden_whole() {
        assert!(row_is_hidden(&row(&[(5, 7), (1, 9)]), 5), "one completer of an answer");
        assert!(row_is_hidden(&row(&[(5, 7), (6, 3)]), 5), "three who did not complete");
    }

    #[test]
    fn a_cohort_where_one_class_all_gave_one_answer_is_hidden() {
        assert!(row_is_hidden(&row(&[(6, 5), (0, 7)]), 5), "every completer gave the first answer");
        assert!(row_is_hidden(&row(&[(0, 12), (0, 0)]), 5), "everyone gave one answer");
    }

    #[test]
    fn the_threshold_is_configurable() {
        assert!(row_is_hidden(&row(&[(9, 10), (30, 11)]), 10));
        assert!(!row_is_hidden(&row(&[(9, 10), (30, 11)]), 3));
    }

    /// Every way `total` people split among `cells` answers.
    fn splits(total: u64, cells: usize) -> Vec<Vec<u64>> {
        if cells == 1 {
            return vec![vec![total]];
        }
        (0..=total)
            .flat_map(|first| {
                splits(total - first, cells - 1).into_iter().map(move |mut rest| {
                    rest.insert(0, first);
                    rest
                })
            })
            .collect()
    }

    #[test]
    fn no_count_of_a_hidden_cohort_can_be_worked_out_by_someone_who_knows_the_method() {
        // Known to the reader: how many completed and how many did not
        // (the member list), that the cohort is hidden, and the method.
        for threshold in [3, 5] {
            for cells in [2, 3] {
                for done in 0..9 {
                    for not in 0..9 {
                        let (completed, not_completed) = (splits(done, cells), splits(not, cells));
                        let alike: Vec<(Vec<u64>, Vec<u64>)> = completed
                            .iter()
                            .flat_map(|c| not_completed.iter().map(move |n| (c.clone(), n.clone())))
                            .filter(|(c, n)| {
                                let answers: Vec<(u64, u64)> = c.iter().copied().zip(n.iter().copied()).collect();
                                row_is_hidden(&row(&answers), threshold)
                            })
                            .collect();
                        if alike.is_empty() {
                            continue;
                        }
                        for index in 0..cells {
                            let mut seen_done: Vec<u64> = alike.iter().map(|(c, _)| c[index]).collect();
                            let mut seen_not: Vec<u64> = alike.iter().map(|(_, n)| n[index]).collect();
                            seen_done.sort();
                            seen_done.dedup();
                            seen_not.sort();
                            seen_not.dedup();
                            let case = format!("threshold {threshold}, {done} completed, {not} not, {cells} answers");
                            assert!(done == 0 || seen_done.len() > 1, "{case}: completers of answer {index}");
                            assert!(not == 0 || seen_not.len() > 1, "{case}: others of answer {index}");
                        }
                    }
                }
            }
        }
    }
}
