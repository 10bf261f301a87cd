mod catalogue;
mod course;
mod lesson;
mod not_found;

pub use catalogue::CataloguePage;
pub use course::CoursePage;
pub use lesson::LessonPage;
pub use not_found::NotFoundPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route parameter, empty when absent.
fn param(name: &str) -> String {
    use_params_map().with_untracked(|params| params.get(name).unwrap_or_default())
}
