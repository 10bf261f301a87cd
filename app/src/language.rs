//! The languages our learners read, and which way each is written.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// The default, when nothing better is known.
    #[default]
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
        Language::ALL.into_iter().find(|language| language.code() == code)
    }

    /// The language a browser's `Accept-Language` header prefers most among
    /// ours (`ur-PK`, `uz-Latn-UZ`, `ru;q=0.8`…); `None` when it names none
    /// of them or cannot be read.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(f32, usize, Language)> = None;
        for (position, item) in header.split(',').enumerate() {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let quality = parts
                .find_map(|parameter| parameter.trim().strip_prefix("q="))
                .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                .unwrap_or(1.0);
            let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
            let Some(language) = Language::from_code(&primary) else { continue };
            if quality <= 0.0 || !quality.is_finite() {
                continue;
            }
            // Higher quality wins; between equals, the one named first.
            let better = match best {
                None => true,
                Some((best_quality, _, _)) => quality > best_quality,
            };
            if better {
                best = Some((quality, position, language));
            }
        }
        best.map(|(_, _, language)| language)
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

/// The `Set-Cookie` value that remembers an interface language for a year.
/// `secure` when the site is served over https.
pub fn language_cookie(language: Language, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LANGUAGE_COOKIE}={language}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}")
}

/// The name of the cookie that remembers a visitor's language.
pub const LANGUAGE_COOKIE: &str = "lang";

/// Marks a request whose language came from a `?lang=` link just followed:
/// it wins even over a signed-in person's saved language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChosenByLink;

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
    fn accept_language_picks_our_most_preferred_language() {
        assert_eq!(Language::from_accept_language("ur-PK,ur;q=0.9,en;q=0.8"), Some(Language::Ur));
        assert_eq!(Language::from_accept_language("fr-FR,ru;q=0.5,en;q=0.7"), Some(Language::En));
        assert_eq!(Language::from_accept_language("uz-Latn-UZ"), Some(Language::Uz));
        assert_eq!(Language::from_accept_language("de, fr;q=0.9"), None);
        assert_eq!(Language::from_accept_language("ru;q=0, en;q=0.1"), Some(Language::En));
        assert_eq!(Language::from_accept_language(";;;,q=,ru;q=abc"), None);
        assert_eq!(Language::from_accept_language(""), None);
    }

    #[test]
    fn only_urdu_is_right_to_left() {
        assert_eq!(Language::Ur.direction(), Direction::RightToLeft);
        assert_eq!(Language::Ru.direction(), Direction::LeftToRight);
    }
}
