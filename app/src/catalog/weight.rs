//! What a lesson page weighs on a phone, two ways: **to open** (the page as
//! sent, compressed, the stylesheet and the first picture, the only one a
//! browser fetches at once: the others wait, `loading="lazy"`, until the
//! learner scrolls near them) and **read to the end** (every picture too,
//! in the copy a 360-point phone picks). Our learners pay for every
//! megabyte; the course's budget is for the whole lesson.

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

use super::markdown::Rendered;
use super::problem::Problems;

/// The page around a lesson's text (header, navigation, footer), compressed: measured on
/// the sample lessons, rounded up.
const PAGE_SHELL_BYTES: u64 = 3 * 1024;

static STYLESHEET_BYTES: LazyLock<u64> = LazyLock::new(|| gzip_len(crate::stylesheet::STYLESHEET.css));

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageWeight {
    /// The page and the stylesheet, compressed.
    pub page_bytes: u64,
    /// Every picture, in the copy a phone picks.
    pub image_bytes: u64,
    /// The first picture, which is fetched with the page.
    pub first_image_bytes: u64,
    /// The heaviest image, as written in the lesson, and its bytes.
    pub heaviest: Option<(String, u64)>,
}

impl PageWeight {
    pub fn of(rendered: &Rendered) -> PageWeight {
        let heaviest = rendered.images.iter().max_by_key(|(_, bytes)| *bytes).cloned();
        PageWeight {
            page_bytes: gzip_len(&rendered.html) + PAGE_SHELL_BYTES + *STYLESHEET_BYTES,
            image_bytes: rendered.images.iter().map(|(_, bytes)| bytes).sum(),
            first_image_bytes: rendered.images.first().map_or(0, |(_, bytes)| *bytes),
            heaviest,
        }
    }

    /// The lesson read to the end: the page and every picture.
    pub fn total(&self) -> u64 {
        self.page_bytes + self.image_bytes
    }

    /// What a browser fetches to open the lesson: the page and its first
    /// picture.
    pub fn to_open(&self) -> u64 {
        self.page_bytes + self.first_image_bytes
    }

    /// Warns when the page is heavier than `budget_kb`, naming what weighs most.
    pub fn check(&self, path: &Path, budget_kb: u32, problems: &mut Problems) {
        if self.total() <= budget_kb as u64 * 1024 {
            return;
        }
        let heaviest = match &self.heaviest {
            Some((image, bytes)) if *bytes > self.page_bytes => {
                format!("the heaviest file is `{image}`, {} KB", bytes.div_ceil(1024))
            }
            _ => format!("the text itself is {} KB compressed", self.page_bytes.div_ceil(1024)),
        };
        problems.warn(
            path,
            1,
            format!(
                "this lesson weighs {} KB on a phone read to the end ({} KB to open), more than the course's budget of {budget_kb} KB (`page_budget_kb` in course.toml): {heaviest}",
                self.total().div_ceil(1024),
                self.to_open().div_ceil(1024)
            ),
        );
    }
}

fn gzip_len(text: &str) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(text.as_bytes()).expect("writing to memory");
    encoder.finish().expect("writing to memory").len() as u64
}
