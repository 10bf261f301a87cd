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
//! A cohort's breakdown is shown whole, or not at all: not at all when any
//! answer in it has from 1 to N − 1 people (N, the threshold). Its total is
//! published elsewhere (its funnel), so hiding only the small answer would
//! be a subtraction away, and hiding a few cells leaves the rest to pin
//! them down; a cohort hidden whole leaves only "some answer here is held
//! by fewer than N", and every hidden count could still be several values
//! (a unit test tries every table up to a size, as someone who knows this
//! method would). Empty answers are shown as 0 in a cohort shown whole:
//! a table can show that everyone in a cohort gave one answer.
//!
//! Breakdowns are not shown for a date range at all: ranges are countless,
//! and differencing two of them would single people out.

use std::collections::BTreeMap;

/// A cohort of a course (`None`: the course's learners in no cohort).
pub type Row = (String, Option<i64>);

/// Whether a cohort's breakdown, with these counts per answer, is hidden.
pub fn row_is_hidden(sizes: &[u64], threshold: u64) -> bool {
    sizes.iter().any(|&size| size > 0 && size < threshold)
}

/// The cohorts whose breakdown is hidden, from each one's counts per answer.
pub fn hidden_rows<A: Ord>(rows: &BTreeMap<Row, BTreeMap<A, u64>>, threshold: u64) -> Vec<Row> {
    rows.iter()
        .filter(|(_, cells)| row_is_hidden(&cells.values().copied().collect::<Vec<_>>(), threshold))
        .map(|(row, _)| row.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::row_is_hidden;

    #[test]
    fn a_cohort_with_only_large_or_empty_groups_is_shown() {
        assert!(!row_is_hidden(&[5, 12, 40], 5));
        assert!(!row_is_hidden(&[0, 12, 0], 5));
    }

    #[test]
    fn a_cohort_with_any_small_group_is_hidden_whole() {
        assert!(row_is_hidden(&[20, 3, 9], 5));
        assert!(row_is_hidden(&[1, 30, 0], 5));
    }

    #[test]
    fn the_threshold_is_configurable() {
        assert!(row_is_hidden(&[9, 30, 11], 10));
        assert!(!row_is_hidden(&[9, 30, 11], 1));
    }

    /// Every cohort that looks the same to a reader who knows the method:
    /// the same total, and hidden too.
    fn look_alikes(total: u64, cells: usize, threshold: u64) -> Vec<Vec<u64>> {
        fn walk(left: u64, cells: usize, current: &mut Vec<u64>, found: &mut Vec<Vec<u64>>) {
            if current.len() == cells - 1 {
                current.push(left);
                found.push(current.clone());
                current.pop();
                return;
            }
            for value in 0..=left {
                current.push(value);
                walk(left - value, cells, current, found);
                current.pop();
            }
        }
        let mut found = Vec::new();
        walk(total, cells, &mut Vec::new(), &mut found);
        found.retain(|row| row_is_hidden(row, threshold));
        found
    }

    #[test]
    fn no_count_of_a_hidden_cohort_can_be_worked_out_by_someone_who_knows_the_method() {
        // With a threshold of 2, a hidden cohort of two people in two answers
        // is one each: the guarantee needs a threshold of 3 or more.
        for threshold in [3, 5, 10] {
            for total in 1..24 {
                for cells in 2..5 {
                    let alike = look_alikes(total, cells, threshold);
                    for index in 0..cells {
                        let mut values: Vec<u64> = alike.iter().map(|row| row[index]).collect();
                        values.sort();
                        values.dedup();
                        assert!(
                            alike.is_empty() || values.len() > 1,
                            "threshold {threshold}, total {total}, {cells} answers: answer {index} is always {values:?}"
                        );
                    }
                }
            }
        }
    }
}
