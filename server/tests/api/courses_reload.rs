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
