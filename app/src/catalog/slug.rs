//! Slugs: the stable ids of courses, lessons, questions and options, and
//! the anchors of headings.

/// A slug is lowercase ASCII letters and digits, joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits an ordering prefix from a name: `03-strong-passwords` is
/// `(3, "strong-passwords")`. `None` when the name has no `NN-` prefix.
pub fn split_order_prefix(name: &str) -> Option<(u32, &str)> {
    let (digits, rest) = name.split_once('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// An anchor for a heading, readable in any script: letters and digits are
/// kept (lowercased), everything else becomes a single hyphen.
pub fn anchor_for(heading: &str) -> String {
    let mut anchor = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            anchor.push(c);
        } else if !anchor.is_empty() && !anchor.ends_with('-') {
            anchor.push('-');
        }
    }
    let anchor = anchor.trim_end_matches('-').to_string();
    if anchor.is_empty() { "section".to_string() } else { anchor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert!(is_slug("strong-passwords"));
        assert!(is_slug("wifi2"));
        assert!(!is_slug(""));
        assert!(!is_slug("Strong"));
        assert!(!is_slug("-lead"));
        assert!(!is_slug("trail-"));
        assert!(!is_slug("double--hyphen"));
        assert!(!is_slug("space here"));
        assert!(!is_slug("پاس"));
    }

    #[test]
    fn order_prefixes_are_split_from_names() {
        assert_eq!(split_order_prefix("03-strong-passwords"), Some((3, "strong-passwords")));
        assert_eq!(split_order_prefix("strong-passwords"), None);
        assert_eq!(split_order_prefix("-x"), None);
    }

    #[test]
    fn anchors_keep_letters_of_any_script() {
        assert_eq!(anchor_for("Why it matters?"), "why-it-matters");
        assert_eq!(anchor_for("پاس ورڈ کیوں"), "پاس-ورڈ-کیوں");
        assert_eq!(anchor_for("Пароли"), "пароли");
        assert_eq!(anchor_for("!!!"), "section");
    }
}
