//! `server courses check` as an instructor and a course repository's CI run
//! it: every problem printed as `path:line: error|warning: …`, each lesson's
//! weight, and an exit status that says whether anything would be left out.

use std::path::Path;
use std::process::Command;

use crate::courses_reload::copy_folder;

fn check(dir: &Path, data: &Path, strict: bool) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.args(["courses", "check"]).arg(dir).arg("--data-dir").arg(data).env("RUST_LOG", "error");
    if strict {
        command.arg("--strict");
    }
    let output = command.output().unwrap();
    (output.status.code().unwrap(), String::from_utf8(output.stdout).unwrap())
}

#[test]
fn exit_status_says_whether_anything_would_be_left_out() {
    let courses = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures/imported");
    copy_folder(&fixture, &courses.path().join("web-dev"));

    let (status, out) = check(courses.path(), data.path(), false);
    assert_eq!(status, 1, "the unfinished quiz is an error:\n{out}");
    assert!(out.contains("03-unfinished-quiz.md:5: error: "), "{out}");
    assert!(out.contains("01-intro-to-programming.md:27: warning: `<your subject line here>`"), "{out}");
    assert!(out.contains("01-intro-to-programming.md: "), "each lesson's weight is printed:\n{out}");
    assert!(out.contains("KB to open on a phone (page "), "{out}");
    assert!(out.contains("KB read to the end (pictures "), "{out}");
    assert!(out.contains("1 courses, 2 lessons served, 1 withheld; 1 errors,"), "{out}");

    std::fs::remove_file(courses.path().join("web-dev/01-getting-started/03-unfinished-quiz.md")).unwrap();
    let (status, out) = check(courses.path(), data.path(), false);
    assert_eq!(status, 0, "warnings alone pass:\n{out}");
    let (status, _) = check(courses.path(), data.path(), true);
    assert_eq!(status, 1, "--strict fails on warnings");

    let (status, _) = check(&courses.path().join("missing"), data.path(), false);
    assert_eq!(status, 2, "a folder that cannot be read");

    let (status, out) = check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses"), data.path(), true);
    assert_eq!(status, 0, "the sample courses have no problem at all:\n{out}");
}

#[test]
fn a_workbench_lesson_with_yaml_front_matter_is_read_like_toml() {
    let courses = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures/workbench");
    copy_folder(&fixture, &courses.path().join("shell"));
    let (status, out) = check(courses.path(), data.path(), false);
    assert_eq!(status, 0, "YAML front matter is no error:\n{out}");
    assert!(out.contains("1 courses, 2 lessons served, 0 withheld; 0 errors,"), "{out}");
    let aside = "02-navigation.md:2: warning: front matter this platform does not use is left aside: `layout`";
    assert!(out.contains(aside), "{out}");
    assert_eq!(out.matches("left aside").count(), 1, "said once, not once per pass:\n{out}");
    // Files that are not lessons are told why, by their real cause.
    assert!(out.contains("reference.md:1: warning: `reference.md` is not a lesson: a lesson's file starts with its place in the module"), "{out}");
    assert!(
        out.contains("is not a lesson: its name after the number is 65 characters, and a lesson's may have at most 64"),
        "{out}"
    );
    // Fenced divs are boxes, not broken questions.
    let about_boxes = |line: &&str| line.contains("01-introduction.md:") && line.contains(": warning:");
    assert!(!out.lines().any(|line| about_boxes(&line)) && !out.contains("unknown block"), "{out}");
    // A translation without its picture shows the original's, and says so.
    let fallback = "02-navigation.ur.md:7: warning: image `fig/ur/filesystem.svg` is not in the course";
    assert!(out.contains(fallback), "{out}");
    assert!(out.contains("the original lesson's picture `fig/filesystem.svg` is shown in its place"), "{out}");
    assert!(!out.contains("this translation shows 0 images"), "{out}");
}

#[tokio::test]
async fn a_workbench_lesson_shows_its_yaml_title_and_minutes() {
    let courses = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures/workbench");
    copy_folder(&fixture, &courses.path().join("shell"));
    let app =
        crate::helpers::spawn_app_with_courses(crate::helpers::Backend::Sqlite, courses.path().to_path_buf()).await;
    let (status, course) = app.get_text("/courses/shell").await;
    assert_eq!(status, 200, "{course}");
    assert!(course.contains("Navigating Files and Directories"), "{course}");
    assert!(course.contains("Introducing the Shell"), "{course}");
    assert!(!course.contains("teaching:") && !course.contains("---"), "no front matter shown as text");
    let (status, lesson) = app.get_text("/courses/shell/navigation").await;
    assert_eq!(status, 200, "{lesson}");
    assert!(lesson.contains("<h1") && lesson.contains("Navigating Files and Directories"), "{lesson}");
    assert!(!lesson.contains("withheld-note"), "served, not withheld: {lesson}");
    // A challenge is a box, its solution folded; an attribute list is read.
    let (_, episode) = app.get_text("/courses/shell/introduction").await;
    assert!(episode.contains("<div class=\"box box-challenge\">"), "{episode}");
    assert!(episode.contains("<details class=\"box-folded\"><summary>Show the solution</summary>"), "{episode}");
    assert!(!episode.contains(":::"), "{episode}");
    assert!(lesson.contains("alt=\"A tree of folders: / at the top, bin and Users below it\""), "{lesson}");
    assert!(lesson.contains("<span class=\"figure-caption\">The file system</span>"), "{lesson}");
    assert!(!lesson.contains("{alt=") && !lesson.contains("{#working-directory}"), "{lesson}");
    let (_, urdu) = app.get_text("/courses/shell/navigation?lang=ur").await;
    assert!(urdu.contains("filesystem.svg") && urdu.contains("alt=\"فولڈروں کا درخت"), "{urdu}");
    let catalog = app.state.catalog.current();
    let minutes = catalog.course("shell").and_then(|course| course.lesson("navigation")).map(|lesson| lesson.minutes);
    assert_eq!(minutes, Some(40), "teaching and exercises minutes together");

    // An administrator's /teach lists every problem, by its course's path,
    // never where the server keeps the courses, grouped by kind.
    let admin = crate::helpers::signed_in_as(&app, "overseer", "admin").await;
    let teach = crate::helpers::page_with(&app, "/teach", &admin).await;
    assert!(teach.contains("shell/01-the-shell/reference.md:1: warning:"), "{teach}");
    let root = courses.path().display().to_string();
    assert!(!teach.contains(&root), "no server path on the page: {teach}");
    assert!(teach.contains("<details"), "grouped by kind: {teach}");
}

#[tokio::test]
async fn a_withheld_first_episode_keeps_its_place_and_the_course_starts_at_the_first_served() {
    let courses = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures/workbench");
    copy_folder(&fixture, &courses.path().join("shell"));
    std::fs::write(
        courses.path().join("shell/01-the-shell/00-setup.md"),
        "---\ntitle: \"Setup\"\n---\n\n::: question ready single\nReady?\n\n- [x] yes {#yes}\n",
    )
    .unwrap();
    let app =
        crate::helpers::spawn_app_with_courses(crate::helpers::Backend::Sqlite, courses.path().to_path_buf()).await;
    let (status, course) = app.get_text("/courses/shell").await;
    assert_eq!(status, 200, "{course}");
    let setup = course.find("Setup").expect(&course);
    let introduction = course.find("Introducing the Shell").expect(&course);
    let navigation = course.find("Navigating Files and Directories").expect(&course);
    assert!(setup < introduction && introduction < navigation, "the files' order: {course}");
    assert!(course.contains("href=\"/courses/shell/introduction\""), "{course}");
}
