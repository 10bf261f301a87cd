//! Numbers, percentages and dates as a reader of each language writes
//! them, from CLDR's data through ICU4X: "1,234" and "1 234", "40%" and
//! "40 %", "1 December 2026", "1 декабря 2026 г.", "1 دسمبر، 2026".
//!
//! Every figure and date a page shows goes through here (a unit test reads
//! the pages for stray `%` signs and dates); messages take what these
//! functions return as ready-made text. Files (CSV, JSON) keep ISO 8601
//! dates and bare numbers, for the programs that read them.

use std::collections::HashMap;
use std::sync::LazyLock;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use crate::i18n::use_language;
use crate::language::{Direction, Language};

/// Left-to-right isolate and its end: keeps "40%" or "14:05 UTC" whole
/// inside right-to-left text.
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

struct Formatters {
    number: DecimalFormatter,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
}

/// The locale whose conventions a language's pages follow. English pages
/// write the day before the month, as our English readers (Pakistan,
/// Central Asia) do, not the United States' "December 1, 2026".
fn locale(language: Language) -> Locale {
    let tag = match language {
        Language::En => "en-GB",
        other => other.code(),
    };
    Locale::try_from_str(tag).expect("our locales are valid BCP 47")
}

static FORMATTERS: LazyLock<HashMap<Language, Formatters>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let locale = locale(language);
            let number = DecimalFormatter::try_new((&locale).into(), Default::default())
                .expect("CLDR number data is compiled in for our languages");
            let date = FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .expect("CLDR date data is compiled in for our languages");
            (language, Formatters { number, date })
        })
        .collect()
});

/// A whole number in the current request's language.
pub fn number(value: u64) -> String {
    number_in(use_language(), value)
}

pub fn number_in(language: Language, value: u64) -> String {
    FORMATTERS[&language].number.format_to_string(&Decimal::from(value))
}

/// A number with one decimal (`tenths` of it: 15 is "1.5", "1,5").
pub fn tenths_in(language: Language, tenths: u64) -> String {
    let mut value = Decimal::from(tenths);
    value.multiply_pow10(-1);
    FORMATTERS[&language].number.format_to_string(&value)
}

/// A whole percentage (0 to 100, or more) in the current request's language.
pub fn percent(value: u32) -> String {
    percent_in(use_language(), value)
}

/// CLDR's percent pattern of each language: "#,##0%" for English, Urdu
/// and Uzbek, "#,##0 %" (a no-break space) for Russian; isolated in
/// right-to-left text so that the sign stays after the figure.
pub fn percent_in(language: Language, value: u32) -> String {
    let figure = number_in(language, u64::from(value));
    let written = match language {
        Language::Ru => format!("{figure}\u{a0}%"),
        _ => format!("{figure}%"),
    };
    isolated(language, written)
}

/// Percent-encodes `text` for a query value in a link: everything but
/// `A-Z a-z 0-9 - . _ ~ /` (a course file's path stays readable).
pub fn query_value(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// A day in the current request's language; `iso` is `YYYY-MM-DD` as the
/// model carries it (anything else is shown as it is).
pub fn date(iso: &str) -> String {
    date_in(use_language(), iso)
}

pub fn date_in(language: Language, iso: &str) -> String {
    let Some(day) = parse_day(iso) else { return iso.to_string() };
    FORMATTERS[&language].date.format(&day).to_string()
}

/// A moment to the minute, `YYYY-MM-DD HH:MM UTC` in the model: the day in
/// the language's way, the time as it is (24-hour clocks in all four).
pub fn date_time(iso: &str) -> String {
    date_time_in(use_language(), iso)
}

pub fn date_time_in(language: Language, iso: &str) -> String {
    let Some((day, time)) = iso.split_once(' ') else { return date_in(language, iso) };
    if parse_day(day).is_none() {
        return iso.to_string();
    }
    format!("{}, {}", date_in(language, day), isolated(language, time.replace(' ', "\u{a0}")))
}

fn parse_day(iso: &str) -> Option<Date<Gregorian>> {
    let mut parts = iso.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    Date::try_new_gregorian(year, month, day).ok()
}

fn isolated(language: Language, text: String) -> String {
    match language.direction() {
        Direction::RightToLeft => format!("{LRI}{text}{PDI}"),
        Direction::LeftToRight => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages_follow_each_language() {
        assert_eq!(number_in(Language::En, 12345), "12,345");
        assert_eq!(number_in(Language::Ru, 12345), "12\u{a0}345");
        assert_eq!(percent_in(Language::En, 40), "40%");
        assert_eq!(percent_in(Language::Uz, 40), "40%");
        assert_eq!(percent_in(Language::Ru, 40), "40\u{a0}%");
        assert_eq!(percent_in(Language::Ur, 40), "\u{2066}40%\u{2069}");
    }

    #[test]
    fn dates_follow_each_language() {
        assert_eq!(date_in(Language::En, "2026-12-01"), "1 December 2026");
        assert_eq!(date_in(Language::Ru, "2026-12-01"), "1 декабря 2026\u{202f}г.");
        assert!(date_in(Language::Uz, "2026-12-01").contains("dekabr"), "{}", date_in(Language::Uz, "2026-12-01"));
        assert!(date_in(Language::Ur, "2026-12-01").contains("دسمبر"), "{}", date_in(Language::Ur, "2026-12-01"));
        assert_eq!(date_time_in(Language::En, "2026-12-01 14:05 UTC"), "1 December 2026, 14:05\u{a0}UTC");
        // What is not a date is shown as it came.
        assert_eq!(date_in(Language::En, "soon"), "soon");
        assert_eq!(date_in(Language::En, "2026-13-01"), "2026-13-01");
    }

    /// Every figure and date on a page goes through this module: the pages
    /// and components write no percent sign of their own, show no date
    /// field as it is, and no message writes a percent sign either.
    #[test]
    fn query_values_keep_paths_readable_and_encode_the_rest() {
        assert_eq!(query_value("01-basics/02-passwords.ur.md"), "01-basics/02-passwords.ur.md");
        assert_eq!(query_value("a b&c#d"), "a%20b%26c%23d");
        assert_eq!(query_value("ا"), "%D8%A7");
    }

    #[test]
    fn pages_format_figures_and_dates_here() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stray = Vec::new();
        let mut files = Vec::new();
        let mut pending = vec![root.join("src/pages"), root.join("src/components")];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        for path in files {
            let code = std::fs::read_to_string(&path).unwrap();
            for (number, line) in code.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                let shown_as_is = ["_on}", "_at}", "_on.clone()}", "_at.clone()}"].iter().any(|end| code.contains(end));
                if code.contains('%') || code.contains('٪') || code.contains("dates::") || shown_as_is {
                    stray.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
                }
            }
        }
        for (language, source) in crate::i18n::SOURCES {
            for (number, line) in source.lines().enumerate() {
                if !line.trim_start().starts_with('#') && (line.contains('%') || line.contains('٪')) {
                    stray.push(format!("{language}.ftl:{}: {line}", number + 1));
                }
            }
        }
        assert!(stray.is_empty(), "figures or dates not formatted by `format`: {stray:#?}");
    }
}
