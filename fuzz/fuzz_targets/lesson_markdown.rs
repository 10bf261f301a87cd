//! A lesson's text, whatever it is, goes through front matter, the quiz
//! parser, markdown and the sanitiser without panicking, and nothing unsafe
//! survives: no script, no event handler, no link or image leading off the
//! places lessons may lead.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for html in app::catalog::fuzzing::lesson(text).html {
        if let Err(why) = app::catalog::fuzzing::is_safe(&html) {
            panic!("{why}\n{html}");
        }
    }
});
