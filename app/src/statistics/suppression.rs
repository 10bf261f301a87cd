//! Small-group suppression for breakdowns by profile answers: a group with
//! fewer people than the threshold is published as "fewer than N", and
//! when that would let a reader work the group out from the total and the
//! other groups, the next smallest group is hidden too (complementary
//! suppression).

/// Which groups of a breakdown to hide, given each group's size. Totals
/// are published elsewhere, so a single hidden group would be a
/// subtraction away: a second one is always hidden with it (the smallest
/// other group, even an empty one: "fewer than N" is true of zero).
pub fn groups_to_hide(sizes: &[u64], threshold: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = sizes.iter().map(|&size| size > 0 && size < threshold).collect();
    if hidden.iter().filter(|&&hide| hide).count() == 1 {
        let smallest_shown =
            sizes.iter().enumerate().filter(|(index, _)| !hidden[*index]).min_by_key(|(_, size)| **size);
        if let Some((index, _)) = smallest_shown {
            hidden[index] = true;
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::groups_to_hide;

    #[test]
    fn groups_at_or_over_the_threshold_are_shown() {
        assert_eq!(groups_to_hide(&[5, 12, 40], 5), [false, false, false]);
    }

    #[test]
    fn a_lone_small_group_takes_the_next_smallest_with_it() {
        // 3 alone would be the total minus 20 minus 9.
        assert_eq!(groups_to_hide(&[20, 3, 9], 5), [false, true, true]);
    }

    #[test]
    fn two_small_groups_protect_each_other() {
        assert_eq!(groups_to_hide(&[1, 30, 2, 8], 5), [true, false, true, false]);
    }

    #[test]
    fn an_empty_group_is_hidden_when_it_is_the_only_complement() {
        // Everyone answered "female": hiding that alone would still say so.
        assert_eq!(groups_to_hide(&[3, 0, 0], 5), [true, true, false]);
    }

    #[test]
    fn empty_groups_reveal_nobody_and_stay() {
        assert_eq!(groups_to_hide(&[0, 10, 0], 5), [false, false, false]);
    }

    #[test]
    fn the_threshold_is_configurable() {
        assert_eq!(groups_to_hide(&[9, 30, 11], 10), [true, false, true]);
        assert_eq!(groups_to_hide(&[9, 30, 11], 1), [false, false, false]);
    }
}
