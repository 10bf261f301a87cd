//! A course as instructors bring it from GitHub: loaded with only its real
//! mistakes reported, nothing taken down that need not be, and its lesson
//! page within a phone's budget.
#![cfg(feature = "ssr")]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use app::catalog::{BrokenCourses, LoadOptions, Problem, load_with};
use app::language::Language;

/// The fixture copied into a temporary folder, with its 2 MB sketch-note
/// drawn (a soft gradient with grain, as a scanned drawing has: PNG
/// cannot compress it, WebP can).
fn imported_course() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let courses = dir.path().join("courses");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imported"), &courses.join("web-dev"));
    let mut state = 7u32;
    let picture = image::RgbImage::from_fn(1400, 1000, |x, y| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let grain = (state >> 29) as u8;
        image::Rgb([(200 + x / 20 % 40) as u8 + grain, (180 + y / 20 % 40) as u8 + grain, 230 - grain])
    });
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(picture).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    assert!(png.len() > 1_500_000, "the sketch-note weighs {} bytes", png.len());
    let images = courses.join("web-dev/01-getting-started/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(images.join("sketchnote.png"), png).unwrap();
    (dir, courses)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn text(problem: &Problem, courses: &Path) -> String {
    format!("{}", Problem { path: problem.path.strip_prefix(courses).unwrap().to_path_buf(), ..problem.clone() })
}

#[test]
fn an_imported_course_loads_with_its_real_mistakes_reported_and_within_budget() {
    let (dir, courses) = imported_course();
    let options =
        LoadOptions { broken: BrokenCourses::Skip, image_cache: Some(dir.path().join("image-cache")), studio: None };
    let loaded = load_with(&courses, &options).unwrap();
    let problems: Vec<String> = loaded.problems.iter().map(|p| text(p, &courses)).collect();
    let intro = "web-dev/01-getting-started/01-intro-to-programming.md";
    let translation = "web-dev/01-getting-started/01-intro-to-programming.ur.md";
    let expected = [
        format!("{intro}:14: warning: this table row has 6 cells but the table's heading row has 5"),
        format!("{intro}:27: warning: `<your subject line here>` is not HTML a page keeps"),
        format!("{intro}:31: warning: link `'#'`: the quotes are part of the address"),
        format!("{translation}:1: warning: this translation has 1 headings and its original 2"),
        format!("{translation}:1: warning: this translation is "),
        // Its picture was never brought along: the original's stands in.
        format!(
            "{translation}:7: warning: image `../translated_images/flow.ur.png` is not in the course, so the original lesson's picture `./images/flow.svg` is shown in its place"
        ),
        "web-dev/01-getting-started/03-unfinished-quiz.md:".to_string(),
    ];
    for prefix in &expected {
        assert!(problems.iter().any(|p| p.starts_with(prefix.as_str())), "missing {prefix:?} in {problems:#?}");
    }
    // Nothing else: the video thumbnail, the starter page, the module
    // README and the large image are all patterns the platform takes.
    assert_eq!(problems.len(), 7, "{problems:#?}");
    assert_eq!(problems.iter().filter(|p| p.contains(": error: ")).count(), 1, "{problems:#?}");

    let course = loaded.catalog.course("web-dev").expect("one broken lesson does not take the course down");
    let module = &course.modules[0];
    assert_eq!(module.title, "Getting started with web development", "the README's heading names the module");
    assert!(module.intro[&Language::En].contains("Tomomi Imura"), "credits are kept");
    let ids: Vec<&str> = course.lessons().map(|(_, lesson)| lesson.id.as_str()).collect();
    assert_eq!(ids, ["intro-to-programming", "check-your-knowledge"]);
    assert_eq!(module.withheld.len(), 1);
    assert_eq!(module.withheld[0].id, "unfinished-quiz");

    let lesson = course.lesson("intro-to-programming").unwrap();
    let html = &lesson.content.html;
    assert_eq!(lesson.content.title, "Introduction to Programming Languages");
    assert!(!html.contains("<h1"), "the title is the page's, not repeated: {html}");
    assert!(!html.contains("img.youtube.com"), "no outside request: {html}");
    assert!(html.contains(r#"<a class="video-card" href="https://youtube.com/watch?v=dQw4w9WgXcQ""#), "{html}");
    assert!(html.contains("Video, opens YouTube · 4:52"), "{html}");
    assert!(html.contains(r#"class="file-link""#) && html.contains("(HTML, 1 KB)"), "{html}");
    assert!(html.contains("starter.zip?v=") && html.contains("(ZIP, 1 KB, 2 files)"), "a folder is a ZIP: {html}");
    assert!(html.contains(r#"<span class="code-language">bash</span>"#), "{html}");
    assert!(html.contains(r#"<span class="hl-c"># make a folder"#), "{html}");
    assert!(html.contains(r#"type="image/webp""#) && html.contains(r#"width="1400" height="1000""#), "{html}");
    assert!(html.contains("&amp;w=720&amp;f=webp 720w"), "{html}");

    // As served to a phone on a first visit: page, stylesheet, picture.
    let weight = &lesson.content.weight;
    assert!(weight.total() <= 100 * 1024, "{weight:?}");
    let original = std::fs::metadata(courses.join("web-dev/01-getting-started/images/sketchnote.png")).unwrap().len();
    assert!(weight.image_bytes * 10 < original, "the phone's copy is a tenth of the original at most: {weight:?}");

    // The Urdu translation is timed by its own, longer, text.
    let urdu = &lesson.translations[&Language::Ur];
    assert!(urdu.minutes > lesson.content.minutes, "{} vs {}", urdu.minutes, lesson.content.minutes);
    assert!(urdu.html.contains("flow.svg") && urdu.html.contains("alt=\"پروگرام کیسے چلتا ہے"), "{}", urdu.html);

    // A second load finds the resized copies made by the first.
    let copies = std::fs::read_dir(dir.path().join("image-cache")).unwrap().count();
    let again = load_with(&courses, &options).unwrap();
    assert_eq!(again.problems.len(), problems.len());
    assert_eq!(std::fs::read_dir(dir.path().join("image-cache")).unwrap().count(), copies);
}

#[test]
fn refusing_broken_courses_refuses_on_errors_only() {
    let (_dir, courses) = imported_course();
    let refused = load_with(&courses, &LoadOptions::new(BrokenCourses::Refuse));
    assert!(refused.is_err(), "the unfinished quiz is an error");
    std::fs::remove_file(courses.join("web-dev/01-getting-started/03-unfinished-quiz.md")).unwrap();
    let loaded = load_with(&courses, &LoadOptions::new(BrokenCourses::Refuse)).expect("warnings alone do not refuse");
    assert!(loaded.problems.iter().all(|problem| !problem.is_error()));
}
