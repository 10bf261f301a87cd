//! `/studio/{course}/edit?path=…`: one text file of the draft (a lesson,
//! a module's or the course's settings) in a plain textarea. Save keeps
//! it; Preview keeps the text aside and shows the lesson as learners will
//! see it, saving nothing. Every line has an address (`#line-N`) for the
//! problems to link to. All of it works without script; the page's one
//! script of its own (`public/studio.js`) keeps the text not saved yet in
//! the browser and previews as the text is written, with the messages the
//! form carries as `data-*`.

use std::collections::BTreeSet;

use crate::api::rules::action_of;
use crate::api::studio::{SaveStudioFile, studio_editor};
use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{encode, textarea_text};
use crate::components::{Layout, PageTitle, form_errors, loaded};
use crate::i18n::{t, t_with};
use crate::model::{Conflict, StudioEditor, StudioProblem};
use crate::pages::param;

/// A quiz question, written the way `courses/README.md` describes.
const QUIZ_EXAMPLE: &str = "::: question strongest-password single
Which of these passwords is the strongest?

- [ ] `Pakistan123` {#common}
  Names and number runs are the first things attackers try.
- [x] `river mango lantern seven` {#passphrase}
  Four random words are long and easy to remember.
:::";

#[component]
pub fn StudioEditorPage() -> impl IntoView {
    let course = param("course");
    let query = use_query_map();
    let get = |name: &str| query.with_untracked(|query| query.get(name));
    let data = studio_editor(course, get("path").unwrap_or_default(), get("unsaved"), get("yours"), get("saved"));
    loaded(data, move |editor| view! { <Editor editor/> })
}

#[component]
fn Editor(editor: StudioEditor) -> impl IntoView {
    let StudioEditor {
        course_id,
        course_title,
        path,
        language,
        text,
        fields,
        body,
        revision,
        conflict,
        problems,
        lesson_id,
        unsaved,
        saved,
        original,
    } = editor;
    // A translation is marked as matching its original unless it is stale.
    let up_to_date = original.as_ref().map(|original| !original.stale);
    let translating = original.is_some();
    let errors = form_errors::<SaveStudioFile>();
    let refused = errors.field("text").map(str::to_string).or_else(|| errors.form.clone());
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let is_lesson = path.ends_with(".md");
    let as_fields = fields.is_some();
    // A lesson's front matter the fields cannot say whole: edited as text.
    let front_matter_as_text = is_lesson && !as_fields;
    let question_words = [
        t(msg::STUDIO_NEW_QUESTION),
        t(msg::STUDIO_NEW_QUESTION_WRONG),
        t(msg::STUDIO_NEW_QUESTION_RIGHT),
        t(msg::STUDIO_NEW_QUESTION_WHY),
    ];
    // For the script, which adds it where the cursor is, `{id}` its id.
    let question_template = crate::model::question_block(
        "{id}",
        [&question_words[0], &question_words[1], &question_words[2], &question_words[3]].map(String::as_str),
    );
    let text_label = if as_fields { t(msg::STUDIO_LESSON_BODY) } else { t(msg::STUDIO_TEXT) };
    let flagged: BTreeSet<usize> = problems.iter().map(|problem| problem.line).collect();
    let preview = lesson_id.map(|lesson| {
        let mut src = format!("/studio/{course_id}/preview/{}?path={}", encode(&lesson), encode(&path));
        if let Some(hash) = &unsaved {
            src.push_str(&format!("&unsaved={}", encode(hash)));
        }
        src
    });
    let preview_note = if unsaved.is_some() { t(msg::STUDIO_PREVIEW_UNSAVED) } else { t(msg::STUDIO_PREVIEW_SAVED) };
    // Empty for a new file.
    let revision = revision.map(|number| number.to_string()).unwrap_or_default();
    let has_preview = preview.is_some();
    // For the script: once saved, the text it kept in the browser is on the server.
    let saved_flag = if saved { "true" } else { "false" };
    let lines = text.lines().map(str::to_string).collect::<Vec<_>>();
    let page_title = format!("{path} · {course_title}");
    let course_href = format!("/studio/{course_id}");
    view! {
        <PageTitle text=page_title/>
        <Layout wide=true>
            <p><a href=course_href><bdi>{course_title}</bdi></a></p>
            <h1><code dir="ltr">{path.clone()}</code></h1>
            {saved.then(|| view! { <p class="note completed" role="status">{t(msg::STUDIO_SAVED)}</p> })}
            {unsaved.is_some().then(|| view! { <p class="note" role="note">{t(msg::STUDIO_NOT_SAVED_YET)}</p> })}
            {refused.map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            {conflict.map(|conflict| view! { <ConflictView conflict lang=lang dir=dir/> })}
            <FileProblems problems/>
            <div class="studio-editor" class:with-preview=has_preview class:translating=translating>
                // A translation's original first: beside it on a laptop, above it on a phone.
                {original.map(|original| view! { <Original original/> })}
                <form
                    id="editor"
                    method="post"
                    action={action_of::<SaveStudioFile>()}
                    data-restored-note=t(msg::STUDIO_JS_RESTORED)
                    data-restored-older-note=t(msg::STUDIO_JS_RESTORED_OLDER)
                    data-put-back-label=t(msg::STUDIO_JS_PUT_BACK)
                    data-offline-note=t(msg::STUDIO_JS_OFFLINE)
                    data-saved=saved_flag
                >
                    <input type="hidden" name="course" value=course_id.clone()/>
                    <input type="hidden" name="path" value=path.clone()/>
                    <input type="hidden" name="revision" value=revision/>
                    {fields.map(|fields| view! { <FrontMatterFields fields lang=lang dir=dir/> })}
                    {front_matter_as_text.then(|| view! { <p class="hint">{t(msg::STUDIO_FRONT_MATTER_AS_TEXT)}</p> })}
                    <div class="field">
                        <label for="editor-text">{text_label}</label>
                        <textarea id="editor-text" name="text" lang=lang dir=dir rows="24">{textarea_text(&body)}</textarea>
                    </div>
                    {up_to_date.map(|checked| view! {
                        <div class="field checkbox">
                            <label>
                                <input type="checkbox" name="up_to_date" checked=checked/>
                                " " {t(msg::STUDIO_UP_TO_DATE)}
                            </label>
                        </div>
                    })}
                    <p class="editor-actions">
                        <button type="submit" name="intent" value="save">{t(msg::STUDIO_SAVE)}</button>
                        " "
                        <button type="submit" name="intent" value="preview">{t(msg::STUDIO_PREVIEW)}</button>
                        {is_lesson.then(|| view! {
                            " "
                            <button type="submit" name="intent" value="question" class="secondary"
                                data-template=question_template aria-describedby="question-hint">
                                {t(msg::STUDIO_ADD_QUESTION)}
                            </button>
                        })}
                    </p>
                    {is_lesson.then(|| view! { <p class="hint" id="question-hint">{t(msg::STUDIO_ADD_QUESTION_HINT)}</p> })}
                    <p class="hint">{t(msg::STUDIO_PREVIEW_HINT)}</p>
                </form>
                {preview.map(|src| view! {
                    <section id="preview" class="preview-pane" aria-labelledby="preview-heading">
                        <h2 id="preview-heading">{t(msg::STUDIO_PREVIEW_TITLE)}</h2>
                        <p class="hint">{preview_note}</p>
                        <iframe class="phone-preview" title=t(msg::STUDIO_PREVIEW_FRAME) src=src.clone() width="360" height="640"></iframe>
                        <p><a href=src>{t(msg::STUDIO_PREVIEW_OPEN)}</a></p>
                    </section>
                })}
            </div>
            {is_lesson.then(|| view! { <QuizHelp/> })}
            <section class="source-view" aria-labelledby="lines-heading">
                <h2 id="lines-heading">{t(msg::STUDIO_LINES)}</h2>
                <ol class="source" lang=lang dir=dir>
                    {lines
                        .into_iter()
                        .enumerate()
                        .map(|(index, line)| {
                            let number = index + 1;
                            let flagged_line = flagged.contains(&number);
                            view! { <li id=format!("line-{number}") class:flagged=flagged_line><code>{line}</code></li> }
                        })
                        .collect_view()}
                </ol>
            </section>
            <script src=super::studio_script_href() defer></script>
        </Layout>
    }
}

/// A lesson's front matter as fields: its title, reading time and (for
/// an original) its id and pass mark; a translation's original is carried
/// as it is.
#[component]
fn FrontMatterFields(fields: crate::model::LessonFields, lang: &'static str, dir: &'static str) -> impl IntoView {
    let crate::model::LessonFields { title, minutes, id, pass_mark, translated_from, translation } = fields;
    view! {
        <input type="hidden" name="front_matter" value="fields"/>
        <div class="field">
            <label for="lesson-title">{t(msg::STUDIO_LESSON_TITLE)}</label>
            <input type="text" id="lesson-title" name="title" value=title lang=lang dir=dir required maxlength="120"
                autocomplete="off" data-keep=""/>
        </div>
        <div class="field">
            <label for="lesson-minutes">{t(msg::STUDIO_LESSON_MINUTES)}</label>
            <p class="hint" id="lesson-minutes-hint">{t(msg::STUDIO_LESSON_MINUTES_HINT)}</p>
            <input type="number" id="lesson-minutes" name="minutes" value=minutes min="1" max="600" inputmode="numeric"
                aria-describedby="lesson-minutes-hint" data-keep=""/>
        </div>
        {if translation {
            view! { <input type="hidden" name="translated_from" value=translated_from/> }.into_any()
        } else {
            view! {
                <div class="field">
                    <label for="lesson-pass-mark">{t(msg::STUDIO_LESSON_PASS_MARK)}</label>
                    <p class="hint" id="lesson-pass-mark-hint">{t(msg::STUDIO_LESSON_PASS_MARK_HINT)}</p>
                    <input type="number" id="lesson-pass-mark" name="pass_mark" value=pass_mark min="0" max="100"
                        inputmode="numeric" aria-describedby="lesson-pass-mark-hint" data-keep=""/>
                </div>
                <div class="field">
                    <label for="lesson-id">{t(msg::STUDIO_LESSON_ID)}</label>
                    <p class="hint" id="lesson-id-hint">{t(msg::STUDIO_LESSON_ID_HINT)}</p>
                    <input type="text" id="lesson-id" name="lesson_id" value=id dir="ltr" maxlength="64"
                        pattern="[a-z0-9]+(-[a-z0-9]+)*" autocomplete="off" aria-describedby="lesson-id-hint"
                        data-keep=""/>
                </div>
            }
            .into_any()
        }}
    }
}

/// Someone saved the file after it was opened: both texts, to copy from.
#[component]
fn ConflictView(conflict: Conflict, lang: &'static str, dir: &'static str) -> impl IntoView {
    let Conflict { theirs, by, yours } = conflict;
    let theirs_label = match by {
        Some(name) => t_with(msg::STUDIO_THEIR_TEXT_BY, [("name", name.into())]),
        None => t(msg::STUDIO_THEIR_TEXT),
    };
    view! {
        <section id="conflict" class="conflict" aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">{t(msg::STUDIO_CONFLICT_TITLE)}</h2>
            <p>{t(msg::STUDIO_CONFLICT_HINT)}</p>
            <div class="field">
                <label for="theirs">{theirs_label}</label>
                <textarea id="theirs" readonly=true rows="12" lang=lang dir=dir>{textarea_text(&theirs)}</textarea>
            </div>
            <div class="field">
                <label for="yours">{t(msg::STUDIO_YOUR_TEXT)}</label>
                <textarea id="yours" readonly=true rows="12" lang=lang dir=dir>{textarea_text(&yours)}</textarea>
            </div>
        </section>
    }
}

/// This file's problems, each linked to its line below.
#[component]
fn FileProblems(problems: Vec<StudioProblem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <section id="problems" class="staff-problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t(msg::STUDIO_FILE_PROBLEMS)}</h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|problem| {
                            let kind = if problem.error { t(msg::STUDIO_ERROR) } else { t(msg::STUDIO_WARNING) };
                            let line = (problem.line > 0).then(|| {
                                let label = t_with(msg::STUDIO_LINE, [("line", problem.line.into())]);
                                view! { <a href=format!("#line-{}", problem.line)>{label}</a> ": " }
                            });
                            view! {
                                <li class:error=problem.error>
                                    <strong>{kind}</strong> " " {line} <span dir="ltr">{problem.message}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// A translation's original beside it (below it on a phone), and what
/// changed in the original since the translation was made.
#[component]
fn Original(original: crate::model::OriginalView) -> impl IntoView {
    use crate::model::DiffLine;
    let (lang, dir) = (original.language.code(), original.language.direction().html_dir());
    let changes = original.changes;
    view! {
        <section id="original" class="original-view" aria-labelledby="original-heading">
            <h2 id="original-heading">{t(msg::STUDIO_ORIGINAL_TITLE)} " " <code dir="ltr">{original.path}</code></h2>
            {original.stale.then(|| view! { <p class="note" role="note">{t(msg::STUDIO_ORIGINAL_CHANGED)}</p> })}
            {(!changes.is_empty()).then(|| view! {
                <h3>{t(msg::STUDIO_ORIGINAL_CHANGES)}</h3>
                <ol class="diff" lang=lang dir=dir>
                    {changes.into_iter().filter(|line| !matches!(line, DiffLine::Same(_))).map(|line| match line {
                        DiffLine::Removed(text) => view! { <li class="removed"><span class="marker">"−"</span><code>{text}</code></li> }.into_any(),
                        DiffLine::Added(text) => view! { <li class="added"><span class="marker">"+"</span><code>{text}</code></li> }.into_any(),
                        DiffLine::Same(_) => ().into_any(),
                    }).collect_view()}
                </ol>
            })}
            <div class="field">
                <label for="original-text">{t(msg::STUDIO_ORIGINAL_TEXT)}</label>
                <textarea id="original-text" readonly=true rows="16" lang=lang dir=dir>{textarea_text(&original.text)}</textarea>
            </div>
        </section>
    }
}

/// How a quiz is written, beside the lesson being written.
#[component]
fn QuizHelp() -> impl IntoView {
    view! {
        <section class="studio-help" aria-labelledby="quiz-help-heading">
            <h2 id="quiz-help-heading">{t(msg::STUDIO_QUIZ_HELP_TITLE)}</h2>
            <p>{t(msg::STUDIO_QUIZ_HELP_INTRO)}</p>
            <pre dir="ltr"><code>{QUIZ_EXAMPLE}</code></pre>
            <ul>
                <li>{t(msg::STUDIO_QUIZ_HELP_KIND)}</li>
                <li>{t(msg::STUDIO_QUIZ_HELP_OPTIONS)}</li>
                <li>{t(msg::STUDIO_QUIZ_HELP_EXPLANATION)}</li>
                <li>{t(msg::STUDIO_QUIZ_HELP_RULES)}</li>
            </ul>
        </section>
    }
}
