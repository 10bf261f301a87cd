//! Loading courses from folders: the sample courses, and every kind of
//! mistake an instructor can make, all reported at once.
#![cfg(feature = "ssr")]

use std::fs;
use std::path::{Path, PathBuf};

use app::catalog::{BrokenCourses, Problem, load};
use app::language::Language;

/// A courses folder in a temporary directory.
struct Courses {
    dir: tempfile::TempDir,
}

impl Courses {
    fn new() -> Courses {
        Courses { dir: tempfile::tempdir().unwrap() }
    }

    fn write(&self, relative: &str, text: &str) -> &Courses {
        let path = self.dir.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// A small, sound course: two modules, three lessons, a quiz and an image.
    fn with_sound_course(&self, id: &str) -> &Courses {
        self.write(&format!("{id}/course.toml"), "title = \"Phones\"\nsummary = \"Use your phone.\"\n")
            .write(&format!("{id}/assets/phone.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            .write(&format!("{id}/01-basics/module.toml"), "title = \"Basics\"\n")
            .write(
                &format!("{id}/01-basics/01-welcome.md"),
                "+++\ntitle = \"Welcome\"\nminutes = 5\n+++\n\n## Start\n\n![A phone](../assets/phone.svg)\n\nNext: [Wi-Fi](02-wifi.md).\n",
            )
            .write(&format!("{id}/01-basics/01-welcome.ur.md"), "+++\ntitle = \"خوش آمدید\"\n+++\n\n## شروع\n\n![ایک فون](../assets/phone.svg)\n\nاردو متن\n")
            .write(&format!("{id}/01-basics/02-wifi.md"), "+++\ntitle = \"Wi-Fi\"\n+++\n\nConnect.\n")
            .write(&format!("{id}/02-check/module.toml"), "title = \"Check\"\n")
            .write(
                &format!("{id}/02-check/01-quiz.md"),
                "+++\ntitle = \"Quiz\"\npass_mark = 80\n+++\n\n::: question wifi single\nWhat is Wi-Fi?\n\n- [x] Wireless internet {#wireless}\n  Right.\n- [ ] A cable {#cable}\n  No.\n:::\n",
            )
    }

    fn load(&self) -> Result<app::catalog::Loaded, Vec<Problem>> {
        load(self.dir.path(), BrokenCourses::Refuse)
    }

    /// Every problem, errors and warnings, as `path:line: message`.
    fn problems(&self) -> Vec<String> {
        let problems = match load(self.dir.path(), BrokenCourses::Skip) {
            Ok(loaded) => loaded.problems,
            Err(problems) => problems,
        };
        problems
            .iter()
            .map(|p| format!("{}:{}: {}", p.path.strip_prefix(self.dir.path()).unwrap().display(), p.line, p.message))
            .collect()
    }
}

fn sample_courses() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses")
}

#[test]
fn the_sample_courses_load_without_problems() {
    let loaded = load(&sample_courses(), BrokenCourses::Refuse).unwrap_or_else(|problems| {
        panic!("{}", app::catalog::format_all(&problems));
    });
    let courses = loaded.catalog.courses();
    assert!(courses.len() >= 3);
    for course in courses {
        assert!(course.modules.len() >= 2, "{} needs two modules", course.id);
        assert!(course.lessons().count() >= 6, "{} needs six lessons", course.id);
        assert!(course.lessons().any(|(_, lesson)| lesson.quiz.is_some()), "{} needs a quiz", course.id);
    }
}

#[test]
fn a_sound_course_is_ordered_rendered_and_linked() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let loaded = courses.load().unwrap();
    let course = loaded.catalog.course("phones").unwrap();
    let ids: Vec<_> = course.lessons().map(|(_, lesson)| lesson.id.as_str()).collect();
    assert_eq!(ids, ["welcome", "wifi", "quiz"]);

    let welcome = course.lesson("welcome").unwrap();
    assert!(welcome.content.html.contains(r#"href="/courses/phones/wifi""#), "{}", welcome.content.html);
    assert!(welcome.content.html.contains("/media/phones/assets/phone.svg?v="));
    assert_eq!(welcome.minutes, 5);
    assert!(welcome.translations.contains_key(&Language::Ur));

    let quiz = course.lesson("quiz").unwrap().quiz.as_ref().unwrap();
    assert_eq!(quiz.pass_mark, 80);
    assert_eq!(quiz.questions[0].options.iter().filter(|o| o.correct).count(), 1);
    assert_eq!(course.content_version.len(), 16);
}

#[test]
fn the_lesson_page_never_carries_answers_or_explanations() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let loaded = courses.load().unwrap();
    let view = loaded.catalog.course("phones").unwrap().lesson_view("quiz", Language::En).unwrap();
    let sent = format!("{view:?}");
    assert!(!sent.contains("Right."), "explanations leaked: {sent}");
    assert!(!sent.contains("correct"), "correctness leaked: {sent}");
    assert_eq!(view.quiz.unwrap().questions[0].options.len(), 2);
}

#[test]
fn a_learner_sees_a_translation_when_there_is_one_and_the_original_otherwise() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let loaded = courses.load().unwrap();
    let course = loaded.catalog.course("phones").unwrap();
    let welcome = course.lesson_view("welcome", Language::Ur).unwrap();
    assert_eq!(welcome.language, Language::Ur);
    assert_eq!(welcome.title, "خوش آمدید");
    let wifi = course.lesson_view("wifi", Language::Ur).unwrap();
    assert_eq!(wifi.language, Language::En);
}

#[test]
fn every_mistake_is_reported_at_once_with_its_line() {
    let courses = Courses::new();
    courses
        .with_sound_course("phones")
        // Malformed front matter (line 3 of the file).
        .write("phones/01-basics/03-broken.md", "+++\ntitle = \"Broken\"\nminutes = \"many\"\n+++\n")
        // A lesson id that clashes with 02-wifi.md.
        .write("phones/02-check/02-wifi.md", "+++\ntitle = \"Wi-Fi again\"\n+++\n")
        // A missing image and a broken link, on lines 5 and 7.
        .write(
            "phones/02-check/03-links.md",
            "+++\ntitle = \"Links\"\n+++\n\n![Chart](../assets/chart.png)\n\n[gone](04-gone.md)\n",
        )
        // A fence that is no block: two words after the colons.
        .write("phones/02-check/04-poll.md", "+++\ntitle = \"Poll\"\n+++\n::: poll colours\n:::\n");
    let problems = courses.problems();
    let expected = [
        "phones/01-basics/03-broken.md:3:",
        "phones/02-check/02-wifi.md:1: lesson id `wifi` is already used",
        "phones/02-check/03-links.md:5: image `../assets/chart.png` not found",
        "phones/02-check/03-links.md:7: link `04-gone.md` points at nothing in the course",
        "phones/02-check/04-poll.md:4: a block starts with colons and one class",
    ];
    for prefix in expected {
        assert!(problems.iter().any(|p| p.starts_with(prefix)), "missing {prefix:?} in {problems:#?}");
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn a_malformed_manifest_is_reported_at_its_line() {
    let courses = Courses::new();
    courses
        .with_sound_course("phones")
        .write("phones/course.toml", "title = \"Phones\"\nsummary = \"x\"\nlevel = \"expert\"\n");
    let problems = courses.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("this course is left out"), "{problems:?}");
    assert!(problems[1].starts_with("phones/course.toml:3:"), "{problems:?}");
}

#[test]
fn a_translation_must_ask_the_same_questions() {
    let courses = Courses::new();
    courses.with_sound_course("phones").write(
        "phones/02-check/01-quiz.ru.md",
        "+++\ntitle = \"Тест\"\n+++\n\n::: question wifi single\nЧто такое Wi-Fi?\n\n- [ ] Беспроводной интернет {#wireless}\n- [x] Кабель {#cable}\n:::\n",
    );
    let problems = courses.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("this translation is left out"), "{problems:?}");
    assert!(problems[1].contains("same questions and options"), "{problems:?}");
    // The lesson itself is still served, in its original language.
    let loaded = load(courses.dir.path(), BrokenCourses::Skip).unwrap();
    let quiz = loaded.catalog.course("phones").unwrap().lesson("quiz").unwrap();
    assert!(quiz.translations.is_empty());
}

#[test]
fn a_quiz_with_no_correct_answer_is_a_load_error() {
    let courses = Courses::new();
    courses.with_sound_course("phones").write(
        "phones/02-check/02-more.md",
        "+++\ntitle = \"More\"\n+++\n\n::: question none multiple\nPick\n\n- [ ] a {#a}\n- [ ] b {#b}\n:::\n",
    );
    let problems = courses.problems();
    assert!(problems.iter().any(|p| p.contains("no correct option")), "{problems:?}");
}

#[test]
fn badly_named_files_and_folders_are_reported() {
    let courses = Courses::new();
    courses
        .with_sound_course("phones")
        .write("phones/basics-without-number/module.toml", "title = \"x\"\n")
        .write("phones/01-basics/welcome.md", "+++\ntitle = \"x\"\n+++\n")
        .write("phones/01-basics/02-wifi.fr.md", "+++\ntitle = \"x\"\n+++\n")
        // Kept as a file lessons may link to.
        .write("phones/01-basics/notes.txt", "x");
    let problems = courses.problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn broken_courses_can_be_skipped_while_sound_ones_load() {
    let courses = Courses::new();
    courses.with_sound_course("phones").with_sound_course("safety").write("safety/course.toml", "title = 5\n");
    assert!(courses.load().is_err());
    let loaded = load(courses.dir.path(), BrokenCourses::Skip).unwrap();
    assert!(loaded.catalog.course("phones").is_some());
    assert!(loaded.catalog.course("safety").is_none());
    assert!(!loaded.problems.is_empty());
}

#[test]
fn reordering_lessons_keeps_their_ids() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let before = courses.load().unwrap().catalog.course("phones").unwrap().content_version.clone();
    let module = courses.dir.path().join("phones/01-basics");
    fs::rename(module.join("01-welcome.md"), module.join("03-welcome.md")).unwrap();
    fs::rename(module.join("01-welcome.ur.md"), module.join("03-welcome.ur.md")).unwrap();
    let loaded = courses.load().unwrap();
    let course = loaded.catalog.course("phones").unwrap();
    let ids: Vec<_> = course.lessons().map(|(_, lesson)| lesson.id.as_str()).collect();
    assert_eq!(ids, ["wifi", "welcome", "quiz"]);
    assert_ne!(course.content_version, before, "the content version follows every change");
}

#[test]
fn a_link_to_a_file_outside_the_course_is_refused_and_never_read() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let secret = courses.dir.path().join("issuer-key.pem");
    fs::write(&secret, "-----BEGIN PRIVATE KEY-----").unwrap();
    std::os::unix::fs::symlink(&secret, courses.dir.path().join("phones/assets/key.png")).unwrap();
    std::os::unix::fs::symlink(&secret, courses.dir.path().join("phones/01-basics/03-key.md")).unwrap();
    let problems = courses.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("phones/assets/key.png:1: ") && p.contains("symbolic link")));
    assert!(problems.iter().any(|p| p.starts_with("phones/01-basics/03-key.md:1: ") && p.contains("symbolic link")));
}

#[test]
fn a_folder_link_that_loops_ends_the_walk_with_a_problem() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    std::os::unix::fs::symlink(courses.dir.path().join("phones"), courses.dir.path().join("phones/assets/again"))
        .unwrap();
    std::os::unix::fs::symlink(courses.dir.path().join("phones"), courses.dir.path().join("phones/02-loop")).unwrap();
    let problems = courses.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.contains("symbolic link")), "{problems:?}");
}

#[test]
fn a_link_to_a_device_is_refused_without_reading_it() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    std::os::unix::fs::symlink("/dev/zero", courses.dir.path().join("phones/assets/zero.png")).unwrap();
    let started = std::time::Instant::now();
    let problems = courses.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("phones/assets/zero.png:1: "), "{problems:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "the device was read");
}

#[test]
fn files_beyond_their_size_bound_are_refused() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let image = courses.dir.path().join("phones/assets/huge.png");
    fs::File::create(&image).unwrap().set_len(11 * 1024 * 1024).unwrap();
    let lesson = courses.dir.path().join("phones/01-basics/03-long.md");
    fs::write(&lesson, format!("+++\ntitle = \"Long\"\n+++\n\n{}", "word ".repeat(300_000))).unwrap();
    let problems = courses.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("phones/assets/huge.png:1: ") && p.contains("larger than")));
    assert!(problems.iter().any(|p| p.starts_with("phones/01-basics/03-long.md:1: ") && p.contains("larger than")));
}

#[test]
fn a_served_image_swapped_for_a_link_after_loading_is_not_read() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let loaded = courses.load().expect("the course loads");
    let course = loaded.catalog.course("phones").unwrap();
    assert!(course.open_file("assets/phone.svg", None).unwrap().is_ok());
    let image = courses.dir.path().join("phones/assets/phone.svg");
    fs::remove_file(&image).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &image).unwrap();
    assert!(course.open_file("assets/phone.svg", None).unwrap().is_err());
    // A folder on the way swapped for a link leads outside the course.
    let assets = courses.dir.path().join("phones/assets");
    fs::remove_file(&image).unwrap();
    fs::rename(&assets, courses.dir.path().join("elsewhere")).unwrap();
    fs::write(courses.dir.path().join("elsewhere/phone.svg"), "<svg/>").unwrap();
    std::os::unix::fs::symlink(courses.dir.path().join("elsewhere"), &assets).unwrap();
    assert!(course.open_file("assets/phone.svg", None).unwrap().is_err());
    assert!(course.open_file("../course.toml", None).is_none());
}

/// A translation records the original it was made from: once the original
/// changes, the translation is stale (a warning; its readers are told).
#[test]
fn a_translation_made_from_an_older_original_is_flagged_stale() {
    let courses = Courses::new();
    courses.with_sound_course("phones");
    let original_path = courses.dir.path().join("phones/01-basics/01-welcome.md");
    let original = fs::read_to_string(&original_path).unwrap();
    let translation = |from: &str| {
        format!(
            "+++\ntitle = \"خوش آمدید\"\ntranslated_from = \"{from}\"\n+++\n\n## شروع\n\n![ایک فون](../assets/phone.svg)\n\nاردو متن\n"
        )
    };
    courses.write("phones/01-basics/01-welcome.ur.md", &translation(&app::catalog::file_hash(&original)));
    assert!(courses.problems().is_empty(), "made from the original as it is: {:?}", courses.problems());
    let loaded = courses.load().unwrap();
    let view = loaded.catalog.course("phones").unwrap().lesson_view("welcome", Language::Ur).unwrap();
    assert!(!view.original_newer);

    courses.write("phones/01-basics/01-welcome.md", &original.replace("## Start", "## Start here"));
    let problems = courses.problems();
    assert!(
        problems.iter().any(|p| p.starts_with("phones/01-basics/01-welcome.ur.md:2:") && p.contains("older version")),
        "{problems:?}"
    );
    let loaded = load(courses.dir.path(), BrokenCourses::Skip).unwrap();
    let course = loaded.catalog.course("phones").unwrap();
    assert!(course.lesson_view("welcome", Language::Ur).unwrap().original_newer, "its readers are told");
    assert!(!course.lesson_view("welcome", Language::En).unwrap().original_newer, "not the original's");

    courses.write("phones/01-basics/01-welcome.ur.md", &translation("not-a-hash"));
    assert!(courses.problems().iter().any(|p| p.contains("64 hex digits")), "{:?}", courses.problems());
}
