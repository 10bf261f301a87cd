//! Dates and times as the model and files carry them: always in UTC,
//! always the same ISO 8601 shape, whatever the language. Pages show them
//! in the reader's language through [`crate::format`].

use time::{Date, OffsetDateTime, UtcOffset};

/// `2026-11-28`
pub fn day(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// `2026-11-28`, the day in UTC.
pub fn utc_date(time: OffsetDateTime) -> String {
    day(time.to_offset(UtcOffset::UTC).date())
}

/// `2026-11-28 14:05 UTC`
pub fn utc_minutes(time: OffsetDateTime) -> String {
    let time = time.to_offset(UtcOffset::UTC);
    format!("{} {:02}:{:02} UTC", day(time.date()), time.hour(), time.minute())
}

/// `2026-11-28 14:05:09 UTC`, for the audit trail.
pub fn utc_seconds(time: OffsetDateTime) -> String {
    let time = time.to_offset(UtcOffset::UTC);
    format!("{} {:02}:{:02}:{:02} UTC", day(time.date()), time.hour(), time.minute(), time.second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_and_zero_padded() {
        let time = time::macros::datetime!(2026-03-05 23:07 -05:00);
        assert_eq!(utc_date(time), "2026-03-06");
        assert_eq!(utc_minutes(time), "2026-03-06 04:07 UTC");
        assert_eq!(utc_seconds(time), "2026-03-06 04:07:00 UTC");
        assert_eq!(day(time::macros::date!(0999 - 01 - 02)), "0999-01-02");
    }
}
