//! Codes as typed (reset codes, cohort codes, certificate codes): a code
//! read back is of the alphabet and length, and reads back the same from
//! its printed form.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for length in [8, 12, 16] {
        if let Some(code) = app::codes::normalise(text, length) {
            assert_eq!(code.len(), length);
            assert!(code.bytes().all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b)), "{code}");
            assert_eq!(app::codes::normalise(&app::codes::grouped(&code), length), Some(code));
        }
    }
});
