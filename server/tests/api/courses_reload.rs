//! Reloading the courses while serving: a sound new version replaces the
//! old at once; a broken one is refused and the old keeps serving.

use std::fs;
use std::path::Path;

use app::catalog::BrokenCourses;

use crate::helpers::{Backend, sample_courses, spawn_app_with_courses};

pub fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_reload_swaps_in_a_sound_version_and_refuses_a_broken_one() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let lesson = courses.path().join("online-safety/01-accounts/01-strong-passwords.md");
    let original = fs::read_to_string(&lesson).unwrap();

    fs::write(&lesson, original.replacen("+++\n\n", "+++\n\nA sentence added while serving.\n\n", 1)).unwrap();
    app.state.catalog.reload(courses.path(), BrokenCourses::Refuse).expect("a sound version loads");
    let (_, html) = app.get_text("/courses/online-safety/strong-passwords").await;
    assert!(html.contains("A sentence added while serving."), "the new version serves at once");

    fs::write(&lesson, "no front matter at all").unwrap();
    let problems =
        app.state.catalog.reload(courses.path(), BrokenCourses::Refuse).expect_err("a broken version is refused");
    assert!(problems[0].to_string().contains("01-strong-passwords.md:1:"), "{}", problems[0]);
    let (status, html) = app.get_text("/courses/online-safety/strong-passwords").await;
    assert_eq!(status, 200);
    assert!(html.contains("A sentence added while serving."), "the previous version keeps serving");
}

#[tokio::test]
async fn a_lesson_with_an_error_is_withheld_alone_and_the_rest_of_its_course_serves() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let quiz = courses.path().join("online-safety/02-scams-and-privacy/05-check-your-knowledge.md");
    let text = fs::read_to_string(&quiz).unwrap();
    // Every right answer unmarked: the quiz cannot be graded.
    fs::write(&quiz, text.replace("- [x]", "- [ ]")).unwrap();
    let problems = app.state.catalog.reload(courses.path(), BrokenCourses::Skip).expect("the rest loads");
    assert!(problems.iter().any(|problem| problem.is_error()), "{problems:?}");

    let (status, html) = app.get_text("/courses/online-safety/check-your-knowledge").await;
    assert_eq!(status, 200, "the lesson's address answers with a note");
    assert!(html.contains("withheld-note"), "{html}");
    assert!(!html.contains("staff-problems"), "a visitor never sees the problems");
    assert!(!html.contains("name=\"answer"), "no quiz to submit");
    let (status, _) = app.get_text("/courses/online-safety/strong-passwords").await;
    assert_eq!(status, 200, "the other lessons serve");
    let (_, outline) = app.get_text("/courses/online-safety").await;
    assert!(outline.contains("not available yet"), "the course page says so");
}

#[tokio::test]
async fn watching_the_courses_reloads_them_as_soon_as_a_file_changes() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let folder = courses.path().to_path_buf();
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, |settings| {
        settings.courses_dir = folder;
        settings.watch_courses = true;
    })
    .await;
    let lesson = courses.path().join("online-safety/01-accounts/01-strong-passwords.md");
    let original = fs::read_to_string(&lesson).unwrap();
    // The watcher takes its first look when the server starts.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    fs::write(&lesson, original.replacen("+++\n\n", "+++\n\nWritten in an editor a moment ago.\n\n", 1)).unwrap();
    for _ in 0..100 {
        let (_, html) = app.get_text("/courses/online-safety/strong-passwords").await;
        if html.contains("Written in an editor a moment ago.") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the edited lesson was not served within 10 seconds");
}

/// The address of a course file, as its lessons link to it.
fn file_address(app: &crate::helpers::TestApp, course: &str, path: &str) -> String {
    let catalog = app.state.catalog.current();
    let found = catalog.course(course).unwrap().files.get(Path::new(path)).expect("the file was loaded").clone();
    format!("/media/{course}/{path}?v={}", found.hash)
}

#[tokio::test]
async fn files_of_a_course_open_only_to_its_learners_follow_its_lessons() {
    use crate::helpers::{call, signed_in_as};
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let course = courses.path().join("online-safety");
    let manifest = fs::read_to_string(course.join("course.toml")).unwrap();
    fs::write(course.join("course.toml"), format!("access = \"enrolled\"\n{manifest}")).unwrap();
    fs::write(course.join("01-accounts/notes.txt"), "shown in the first lesson").unwrap();
    fs::write(course.join("01-accounts/worksheet.txt"), "for enrolled learners").unwrap();
    fs::write(course.join("01-accounts/answers.txt"), "linked from nowhere").unwrap();
    for (lesson, file) in [("01-strong-passwords.md", "notes.txt"), ("02-password-managers.md", "worksheet.txt")] {
        let text = fs::read_to_string(course.join("01-accounts").join(lesson)).unwrap();
        fs::write(course.join("01-accounts").join(lesson), format!("{text}\n\n[The file]({file})\n")).unwrap();
    }
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let notes = file_address(&app, "online-safety", "01-accounts/notes.txt");
    let worksheet = file_address(&app, "online-safety", "01-accounts/worksheet.txt");
    let answers = file_address(&app, "online-safety", "01-accounts/answers.txt");

    let (_, first) = app.get_text("/courses/online-safety/strong-passwords").await;
    assert!(first.contains(&notes.replace('&', "&amp;")), "the first lesson links its file");
    assert_eq!(app.get(&notes).await.status(), 200, "what the first lesson links, anyone fetches");
    assert_eq!(app.get(&worksheet).await.status(), 404, "a visitor cannot fetch a later lesson's file");
    assert_eq!(app.get(&answers).await.status(), 404, "a file no lesson links is never served");

    let learner = signed_in_as(&app, "bahor", "learner").await;
    let fetch = |cookie: String, path: String| {
        let client = app.client.clone();
        let url = format!("{}{path}", app.address);
        async move { client.get(url).header("cookie", cookie).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(fetch(learner.clone(), worksheet.clone()).await, 404, "signed in but not enrolled");
    assert_eq!(call(&app, "/api/enrol", "course=online-safety", Some(&learner)).await, 200);
    assert_eq!(fetch(learner.clone(), worksheet.clone()).await, 200, "an enrolled learner fetches it");
    let response =
        app.client.get(format!("{}{worksheet}", app.address)).header("cookie", &learner).send().await.unwrap();
    assert!(response.headers()["cache-control"].to_str().unwrap().starts_with("private"), "no shared cache keeps it");
    assert_eq!(fetch(learner.clone(), answers.clone()).await, 404);
    let instructor = signed_in_as(&app, "shirin", "instructor").await;
    assert_eq!(fetch(instructor, worksheet).await, 200, "staff read the whole course");
}
