//! The languages our learners read, and which way each is written.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ur,
    Uz,
    Ru,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Ur, Language::Uz, Language::Ru];

    /// The BCP 47 tag, as used in `lang` attributes and file names (`lesson.ur.md`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ur => "ur",
            Language::Uz => "uz",
            Language::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    pub fn direction(self) -> Direction {
        match self {
            Language::Ur => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        }
    }

    /// The language's name in itself, as a learner looks for it in a list.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ur => "اردو",
            Language::Uz => "Oʻzbekcha",
            Language::Ru => "Русский",
        }
    }
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn html_dir(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr"), None);
        assert_eq!(Language::from_code("UR"), None);
    }

    #[test]
    fn only_urdu_is_right_to_left() {
        assert_eq!(Language::Ur.direction(), Direction::RightToLeft);
        assert_eq!(Language::Ru.direction(), Direction::LeftToRight);
    }
}
