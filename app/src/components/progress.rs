use crate::msg;
use leptos::prelude::*;

use crate::i18n::t_with;
use crate::model::Progress;

/// A progress bar with its numbers in words ("3 of 10 lessons done"): the
/// words are read, the bar is only seen (read twice otherwise).
#[component]
pub fn ProgressBar(progress: Progress, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let label = t_with(
        msg::PROGRESS_LESSONS,
        [
            ("done", progress.done.into()),
            ("total", progress.total.into()),
            ("percent", crate::format::percent(progress.percent.into()).into()),
        ],
    );
    view! {
        <div class="progress" id=id>
            <progress max="100" value=progress.percent.to_string() aria-hidden="true"></progress>
            <span>{label}</span>
        </div>
    }
}
