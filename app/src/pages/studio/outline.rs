//! The course page's outline (modules and lessons, each movable and
//! removable, new ones added) and its files (pictures and downloads).

use crate::api::rules::action_of;
use crate::api::studio::{AddStudioPart, MoveStudioLesson, RemoveStudioFile};
use crate::msg;
use leptos::prelude::*;

use super::editor_href;
use crate::components::form_errors;
use crate::i18n::{t, t_with};
use crate::model::{StudioFile, StudioLesson, StudioModule};

/// What a file upload accepts: pictures, PDF, plain text and CSV.
const ACCEPTED: &str = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml,application/pdf,text/plain,text/csv";

#[component]
pub fn Outline(course_id: String, modules: Vec<StudioModule>) -> impl IntoView {
    let errors = form_errors::<AddStudioPart>();
    let moved = form_errors::<MoveStudioLesson>().form;
    let removed = form_errors::<RemoveStudioFile>().form;
    let refused =
        [errors.field("title").map(str::to_string), errors.form.clone(), moved, removed].into_iter().flatten().next();
    let settings = editor_href(&course_id, "course.toml");
    view! {
        <section id="outline" aria-labelledby="outline-heading">
            <h2 id="outline-heading">{t(msg::STUDIO_OUTLINE)}</h2>
            <p><a href=settings>{t(msg::STUDIO_EDIT_SETTINGS)}</a></p>
            {refused.map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            {modules.is_empty().then(|| view! { <p>{t(msg::STUDIO_NO_MODULES)}</p> })}
            <ol class="studio-outline">
                {modules
                    .into_iter()
                    .map(|module| view! { <ModuleItem course_id=course_id.clone() module/> })
                    .collect_view()}
            </ol>
            <form class="studio-add" method="post" action={action_of::<AddStudioPart>()}>
                <input type="hidden" name="course" value=course_id.clone()/>
                <label for="new-module-title">{t(msg::STUDIO_NEW_MODULE_TITLE)}</label>
                <input type="text" id="new-module-title" name="title" required maxlength="120" autocomplete="off"/>
                <button type="submit">{t(msg::STUDIO_ADD_MODULE)}</button>
            </form>
        </section>
    }
}

#[component]
fn ModuleItem(course_id: String, module: StudioModule) -> impl IntoView {
    let StudioModule { folder, title, lessons } = module;
    let last = lessons.len().saturating_sub(1);
    let settings = editor_href(&course_id, &format!("{folder}/module.toml"));
    let field = format!("new-lesson-{folder}");
    let add_label = t_with(msg::STUDIO_ADD_LESSON_LABEL, [("title", title.clone().into())]);
    view! {
        <li class="studio-module">
            <h3><bdi>{title}</bdi> " " <code class="file-name" dir="ltr">{folder.clone()}</code></h3>
            <p><a href=settings>{t(msg::STUDIO_EDIT_MODULE)}</a></p>
            {lessons.is_empty().then(|| view! { <p class="hint">{t(msg::STUDIO_NO_LESSONS)}</p> })}
            <ol class="studio-lessons">
                {lessons
                    .into_iter()
                    .enumerate()
                    .map(|(index, lesson)| {
                        view! { <LessonItem course_id=course_id.clone() lesson first={index == 0} last={index == last}/> }
                    })
                    .collect_view()}
            </ol>
            <form class="studio-add" method="post" action={action_of::<AddStudioPart>()}>
                <input type="hidden" name="course" value=course_id.clone()/>
                <input type="hidden" name="module" value=folder.clone()/>
                <label for=field.clone()>{t(msg::STUDIO_NEW_LESSON_TITLE)}</label>
                <input type="text" id=field name="title" required maxlength="120" autocomplete="off"/>
                <button type="submit" aria-label=add_label>{t(msg::STUDIO_ADD_LESSON)}</button>
            </form>
        </li>
    }
}

#[component]
fn LessonItem(course_id: String, lesson: StudioLesson, first: bool, last: bool) -> impl IntoView {
    let StudioLesson { path, id, title, translations } = lesson;
    let mover = |direction: &'static str, text: &'static str, label: &'static str| {
        let label = t_with(label, [("title", title.clone().into())]);
        view! {
            <form class="inline-form" method="post" action={action_of::<MoveStudioLesson>()}>
                <input type="hidden" name="course" value=course_id.clone()/>
                <input type="hidden" name="path" value=path.clone()/>
                <input type="hidden" name="direction" value=direction/>
                <button type="submit" class="small" aria-label=label>{t(text)}</button>
            </form>
        }
    };
    let up = (!first).then(|| mover("up", msg::STUDIO_MOVE_UP, msg::STUDIO_MOVE_UP_LABEL));
    let down = (!last).then(|| mover("down", msg::STUDIO_MOVE_DOWN, msg::STUDIO_MOVE_DOWN_LABEL));
    let remove_label = t_with(msg::STUDIO_REMOVE_LABEL, [("title", title.clone().into())]);
    view! {
        <li>
            <a href=editor_href(&course_id, &path)><bdi>{title}</bdi></a>
            " " <code class="file-name" dir="ltr">{id}</code>
            {(!translations.is_empty()).then(|| view! {
                <span class="translations">
                    {t(msg::STUDIO_TRANSLATIONS)}
                    {translations
                        .into_iter()
                        .map(|(language, path)| view! {
                            " " <a href=editor_href(&course_id, &path) lang=language.code() hreflang=language.code()>
                                {language.code()}
                            </a>
                        })
                        .collect_view()}
                </span>
            })}
            <div class="lesson-actions">
                {up}
                {down}
                <form class="inline-form" method="post" action={action_of::<RemoveStudioFile>()}>
                    <input type="hidden" name="course" value=course_id.clone()/>
                    <input type="hidden" name="path" value=path.clone()/>
                    <button type="submit" class="small danger" aria-label=remove_label>{t(msg::STUDIO_REMOVE)}</button>
                </form>
            </div>
        </li>
    }
}

/// Pictures and downloads, and the upload form (a plain multipart POST
/// that the server answers with `?uploaded=…` or `?upload_refused=…`).
#[component]
pub fn Files(
    course_id: String,
    files: Vec<StudioFile>,
    uploaded: Option<String>,
    refused: Option<String>,
) -> impl IntoView {
    let described_by = if refused.is_some() { "file-hint file-alt-hint file-error" } else { "file-hint file-alt-hint" };
    let invalid = refused.is_some().then_some("true");
    let example = format!("![{}](../assets/x.png)", t(msg::STUDIO_ALT_EXAMPLE));
    view! {
        <section id="files" aria-labelledby="files-heading">
            <h2 id="files-heading">{t(msg::STUDIO_FILES)}</h2>
            {uploaded.map(|path| view! {
                <p class="note completed" role="status">{t(msg::STUDIO_UPLOADED)} " " <code dir="ltr">{path}</code></p>
            })}
            {if files.is_empty() {
                view! { <p>{t(msg::STUDIO_NO_FILES)}</p> }.into_any()
            } else {
                view! {
                    <ul class="studio-files">
                        {files
                            .into_iter()
                            .map(|file| {
                                let label = t_with(msg::STUDIO_REMOVE_LABEL, [("title", file.path.clone().into())]);
                                let kilobytes = (file.bytes.max(0) as u64).div_ceil(1024).max(1);
                                let size = t_with(msg::STUDIO_FILE_SIZE, [("kilobytes", kilobytes.into())]);
                                view! {
                                    <li>
                                        <code dir="ltr">{file.path.clone()}</code>
                                        " " <span class="file-size">{size}</span>
                                        <form class="inline-form" method="post" action={action_of::<RemoveStudioFile>()}>
                                            <input type="hidden" name="course" value=course_id.clone()/>
                                            <input type="hidden" name="path" value=file.path.clone()/>
                                            <button type="submit" class="small danger" aria-label=label>{t(msg::STUDIO_REMOVE)}</button>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <h3>{t(msg::STUDIO_UPLOAD_TITLE)}</h3>
            <form class="account-form drop-zone" id="upload" method="post" action=format!("/studio/{course_id}/files")
                enctype="multipart/form-data" data-drop-note=t(msg::STUDIO_DROP_HINT)>
                // Before the file: the server reads the fields in order.
                <div class="field">
                    <label for="folder">{t(msg::STUDIO_UPLOAD_FOLDER)}</label>
                    <input type="text" id="folder" name="folder" value="assets" dir="ltr" required autocomplete="off"/>
                </div>
                <div class="field">
                    <label for="file">{t(msg::STUDIO_UPLOAD_FILE)}</label>
                    <p class="hint" id="file-hint">{t(msg::STUDIO_UPLOAD_HINT)}</p>
                    <p class="hint" id="file-alt-hint">{t(msg::STUDIO_UPLOAD_ALT_HINT)} " " <code dir="ltr">{example}</code></p>
                    {refused.map(|message| view! { <p class="field-error" id="file-error" role="alert">{message}</p> })}
                    <input type="file" id="file" name="file" accept=ACCEPTED required
                        aria-describedby=described_by aria-invalid=invalid/>
                </div>
                <button type="submit">{t(msg::STUDIO_UPLOAD)}</button>
            </form>
        </section>
    }
}
