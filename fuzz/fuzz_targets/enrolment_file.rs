//! A bulk enrolment file, whatever its bytes: read or refused with a
//! reason, never a panic; rows numbered as a spreadsheet numbers them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(rows) = app::learning::bulk::read_file(data) {
        let mut last = 1;
        for row in rows {
            assert!(row.line > last, "rows in order, after the header");
            last = row.line;
        }
    }
});
