//! What people type into forms: a username, a name, a password, profile
//! answers. Parsed values keep their promises (a username is short,
//! lowercase and plain; a name has no control or direction characters).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(username) = app::accounts::Username::parse(text) {
        let name = username.as_str();
        assert!((3..=32).contains(&name.len()));
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b)));
        assert_eq!(app::accounts::Username::parse(name).ok(), Some(username.clone()));
        if let Ok(password) = app::accounts::NewPassword::parse(text, &username) {
            let _ = password;
        }
    }
    if let Ok(name) = app::accounts::DisplayName::parse(text) {
        assert!(name.as_str().chars().count() <= 100);
        assert!(!name.as_str().chars().any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)));
    }
});
