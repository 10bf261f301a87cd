//! `/studio/{course}/preview/{lesson}?path=&unsaved=`: a lesson of the
//! draft as learners will get it (with a text kept for its preview in
//! place of the saved one), on the learner's own lesson page. The editor
//! shows it in a phone-sized frame.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::studio::preview_studio_lesson;
use crate::components::loaded;
use crate::pages::lesson::Lesson;
use crate::pages::param;

#[component]
pub fn StudioPreviewPage() -> impl IntoView {
    let course = param("course");
    let lesson = param("lesson");
    let query = use_query_map();
    let get = |name: &str| query.with_untracked(|query| query.get(name));
    let data = preview_studio_lesson(course, lesson, get("path"), get("unsaved"));
    loaded(data, move |lesson| view! { <Lesson lesson/> })
}
