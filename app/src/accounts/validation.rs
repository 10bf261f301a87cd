//! Parsing what people type into values that cannot be invalid. Each
//! refusal is an interface message id, so the person reads why in their
//! own language.

use crate::msg;
use std::fmt;

/// A login identifier: 3 to 32 of `a–z 0–9 . _ -`, starting with a letter or
/// digit, compared without regard to case (stored lowercase). Phone numbers
/// work too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(text: &str) -> Result<Username, &'static str> {
        let text = text.trim().to_lowercase();
        let length = text.chars().count();
        if !(3..=32).contains(&length) {
            return Err(msg::USERNAME_LENGTH);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
        if !text.chars().all(allowed) || !text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err(msg::USERNAME_CHARACTERS);
        }
        Ok(Username(text))
    }

    /// A username for a new account: also not one of the names deleted
    /// accounts are given (`deleted-<id>`).
    pub fn parse_new(text: &str) -> Result<Username, &'static str> {
        let username = Username::parse(text)?;
        if username.0.starts_with("deleted-") {
            return Err(msg::USERNAME_TAKEN);
        }
        Ok(username)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A name as the person writes it, in any script: 1 to 100 characters, at
/// least one of them a letter or a digit, without control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(text: &str) -> Result<DisplayName, &'static str> {
        let text = text.trim();
        if text.is_empty() {
            return Err(msg::DISPLAY_NAME_EMPTY);
        }
        if text.chars().count() > 100 {
            return Err(msg::DISPLAY_NAME_TOO_LONG);
        }
        // Bidirectional controls (U+202A–U+202E, U+2066–U+2069) could
        // reorder the text around a name on a certificate; line and
        // paragraph separators would break it; tag characters hide text.
        // U+FFFD stands for bytes that were not UTF-8: the text arrived broken.
        let unsafe_char = |c: char| {
            c.is_control()
                || matches!(
                    c,
                    '\u{202A}'..='\u{202E}'
                        | '\u{2066}'..='\u{2069}'
                        | '\u{2028}'
                        | '\u{2029}'
                        | '\u{E0000}'..='\u{E007F}'
                        | '\u{FFFD}'
                )
        };
        if text.chars().any(unsafe_char) {
            return Err(msg::DISPLAY_NAME_CHARACTERS);
        }
        // A name with no letter or digit in any script (zero-width spaces,
        // marks alone, the Hangul fillers, which count as letters but show
        // nothing) is blank on a certificate.
        let shows = |c: char| c.is_alphanumeric() && !matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}');
        if !text.chars().any(shows) {
            return Err(msg::DISPLAY_NAME_EMPTY);
        }
        Ok(DisplayName(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that follows our rule: at least 10 characters (a few
/// words make one easy to remember), at most 200, at least 5 different
/// characters, not one of the most common passwords, and not containing the
/// username.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

/// The passwords tried first by anyone guessing (lowercase, 10+ characters).
const COMMON_PASSWORDS: [&str; 16] = [
    "1234567890",
    "12345678910",
    "0123456789",
    "1q2w3e4r5t",
    "qwertyuiop",
    "password123",
    "password1234",
    "iloveyou123",
    "pakistan123",
    "pakistan1234",
    "uzbekistan1",
    "uzbekistan123",
    "abcdefghij",
    "qwerty12345",
    "asdfghjkl1",
    "1111111111",
];

impl NewPassword {
    /// `username` is what was typed as the username, valid or not: a form
    /// reports every mistake at once.
    pub fn parse(text: &str, username: &str) -> Result<NewPassword, &'static str> {
        let length = text.chars().count();
        if length < 10 {
            return Err(msg::PASSWORD_TOO_SHORT);
        }
        if length > 200 {
            return Err(msg::PASSWORD_TOO_LONG);
        }
        // Control characters cannot be typed again reliably; U+FFFD means
        // the bytes sent were not UTF-8.
        if text.chars().any(|c| c.is_control() || c == '\u{FFFD}') {
            return Err(msg::PASSWORD_CHARACTERS);
        }
        let mut distinct: Vec<char> = text.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 5 {
            return Err(msg::PASSWORD_REPETITIVE);
        }
        let lowercase = text.to_lowercase();
        if COMMON_PASSWORDS.contains(&lowercase.as_str()) {
            return Err(msg::PASSWORD_COMMON);
        }
        // (Too short to be a username, it is refused there instead.)
        let username = username.trim().to_lowercase();
        if username.chars().count() >= 3 && lowercase.contains(&username) {
            return Err(msg::PASSWORD_CONTAINS_USERNAME);
        }
        Ok(NewPassword(text.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Never printed, not even in debug logs.
impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amina() -> Username {
        Username::parse("amina").unwrap()
    }

    #[test]
    fn usernames_are_lowercased_and_checked() {
        assert_eq!(Username::parse("  Amina.K ").unwrap().as_str(), "amina.k");
        assert_eq!(Username::parse("03001234567").unwrap().as_str(), "03001234567");
        assert_eq!(Username::parse("ab"), Err("username-length"));
        assert_eq!(Username::parse(&"a".repeat(33)), Err("username-length"));
        assert_eq!(Username::parse("amina khan"), Err("username-characters"));
        assert_eq!(Username::parse("_amina"), Err("username-characters"));
        assert_eq!(Username::parse("амина"), Err("username-characters"));
        assert_eq!(Username::parse_new("deleted-12"), Err("username-taken"));
        assert!(Username::parse("deleted-12").is_ok(), "an existing account of that name can still sign in");
    }

    #[test]
    fn display_names_keep_any_script_but_no_control_characters() {
        assert_eq!(DisplayName::parse(" عائشہ خان ").unwrap().as_str(), "عائشہ خان");
        assert_eq!(DisplayName::parse("Дилноза Каримова").unwrap().as_str(), "Дилноза Каримова");
        assert_eq!(DisplayName::parse("   "), Err("display-name-empty"));
        assert_eq!(DisplayName::parse(&"x".repeat(101)), Err("display-name-too-long"));
        assert_eq!(DisplayName::parse("Amina\u{0}"), Err("display-name-characters"));
        assert_eq!(DisplayName::parse("Amina\u{202E}nimda"), Err("display-name-characters"));
        assert_eq!(DisplayName::parse("\u{FFFD}\u{FFFD}"), Err("display-name-characters"));
        // Nothing visible is no name; an invisible joiner inside one is kept.
        for blank in [
            "\u{200B}\u{200B}",
            "\u{FEFF}",
            "\u{3164}",
            "\u{2800}",
            "\u{115F}\u{1160}",
            " \u{200B} ",
            "\u{061C}",
            "\u{0301}",
        ] {
            assert_eq!(DisplayName::parse(blank), Err("display-name-empty"), "{blank:?}");
        }
        assert_eq!(DisplayName::parse("می\u{200C}خواهم").unwrap().as_str(), "می\u{200C}خواهم");
        for broken in ["Amina\u{2028}Khan", "Amina\u{2029}Khan", "Amina\u{E0041}"] {
            assert_eq!(DisplayName::parse(broken), Err("display-name-characters"), "{broken:?}");
        }
    }

    #[test]
    fn passwords_follow_the_documented_rule() {
        assert!(NewPassword::parse("river mango lantern", amina().as_str()).is_ok());
        assert_eq!(NewPassword::parse("short", amina().as_str()), Err("password-too-short"));
        assert_eq!(NewPassword::parse(&"ab".repeat(101), amina().as_str()), Err("password-too-long"));
        assert_eq!(NewPassword::parse("aaaabbbbaaaa", amina().as_str()), Err("password-repetitive"));
        assert_eq!(NewPassword::parse("river mango\u{0}lantern", amina().as_str()), Err("password-characters"));
        assert_eq!(NewPassword::parse("river mango \u{FFFD}", amina().as_str()), Err("password-characters"));
        assert_eq!(NewPassword::parse("Pakistan123", amina().as_str()), Err("password-common"));
        assert_eq!(NewPassword::parse("my name is Amina!", amina().as_str()), Err("password-contains-username"));
    }

    #[test]
    fn every_refusal_is_explained_in_every_language() {
        use crate::i18n::translate;
        use crate::language::Language;
        let ids = [
            "username-length",
            "username-characters",
            "username-taken",
            "username-unknown",
            "display-name-empty",
            "display-name-too-long",
            "display-name-characters",
            "password-too-short",
            "password-too-long",
            "password-characters",
            "password-repetitive",
            "password-common",
            "password-contains-username",
        ];
        for language in Language::ALL {
            for id in ids {
                assert_ne!(translate(language, id, None), id, "{language} cannot explain {id}");
            }
        }
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let password = NewPassword::parse("river mango lantern", amina().as_str()).unwrap();
        assert!(!format!("{password:?}").contains("mango"));
    }
}
