//! The course page's sections that decide what learners get: publishing
//! (or proposing for review), reviewing, and (administrators) who writes
//! the course.

use crate::api::rules::action_of;
use crate::api::studio::{ManageStudioCourse, ProposeStudioDraft, PublishStudioCourse, ReviewStudioDraft};
use crate::msg;
use leptos::prelude::*;

use super::textarea_text;
use crate::components::{Field, form_errors};
use crate::i18n::{t, t_with};
use crate::model::Proposal;

/// Where the draft stands, and publishing it, or proposing it when it
/// needs review.
#[component]
pub fn Publish(
    course_id: String,
    revision: i64,
    may_publish: bool,
    review_required: bool,
    errors: usize,
    latest_version: Option<i32>,
    unpublished_changes: bool,
) -> impl IntoView {
    let published = match latest_version {
        Some(number) => t_with(msg::STUDIO_PUBLISHED_VERSION, [("number", number.into())]),
        None => t(msg::STUDIO_NEVER_PUBLISHED),
    };
    let changes = if unpublished_changes { t(msg::STUDIO_UNPUBLISHED_CHANGES) } else { t(msg::STUDIO_NO_CHANGES) };
    let has_errors = errors > 0;
    let blocked = has_errors.then(|| {
        view! {
            <p class="note" role="note">
                {t_with(msg::STUDIO_PUBLISH_BLOCKED, [("count", errors.into())])} " "
                <a href="#problems">{t(msg::STUDIO_PROBLEMS)}</a>
            </p>
        }
    });
    let form = if may_publish {
        let refused = form_errors::<PublishStudioCourse>();
        Some(
            view! {
                {refused.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <form class="account-form" method="post" action={action_of::<PublishStudioCourse>()}>
                    <input type="hidden" name="course" value=course_id.clone()/>
                    <input type="hidden" name="revision" value=revision.to_string()/>
                    <Field name="message" label=t(msg::STUDIO_WHAT_CHANGED) autocomplete="off" value=refused.value("message")
                        hint=Some(t(msg::STUDIO_WHAT_CHANGED_HINT)) error=refused.field("message").map(str::to_string)/>
                    <button type="submit" disabled=has_errors>{t(msg::STUDIO_PUBLISH)}</button>
                </form>
            }
            .into_any(),
        )
    } else if review_required {
        let refused = form_errors::<ProposeStudioDraft>();
        Some(
            view! {
                <p class="hint">{t(msg::STUDIO_PROPOSE_HINT)}</p>
                {refused.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <form class="account-form" method="post" action={action_of::<ProposeStudioDraft>()}>
                    <input type="hidden" name="course" value=course_id.clone()/>
                    <input type="hidden" name="revision" value=revision.to_string()/>
                    <Field name="message" label=t(msg::STUDIO_WHAT_CHANGED) autocomplete="off" value=refused.value("message")
                        hint=Some(t(msg::STUDIO_WHAT_CHANGED_HINT)) error=refused.field("message").map(str::to_string)/>
                    <button type="submit">{t(msg::STUDIO_PROPOSE)}</button>
                </form>
            }
            .into_any(),
        )
    } else {
        None
    };
    view! {
        <section id="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t(msg::STUDIO_PUBLISH_TITLE)}</h2>
            <p>{published} " · " {changes}</p>
            {blocked}
            {form}
        </section>
    }
}

/// A draft proposed for review: what it changes, and (for a reviewer)
/// approving it, which publishes it, or sending it back with a comment.
#[component]
pub fn Review(
    course_id: String,
    proposal: Option<Proposal>,
    comment: Option<String>,
    may_review: bool,
) -> impl IntoView {
    let errors = form_errors::<ReviewStudioDraft>();
    let refused = errors.form.clone().or_else(|| errors.field("message").map(str::to_string));
    let comment_error = errors.field("comment").map(str::to_string);
    let typed = errors.value("comment");
    let sent_back = comment.map(|comment| {
        view! {
            <div class="note" role="note">
                <p>{t(msg::STUDIO_SENT_BACK)}</p>
                <p class="review-text"><bdi>{comment}</bdi></p>
            </div>
        }
    });
    let body = match proposal {
        None => view! { <p>{t(msg::STUDIO_NO_PROPOSAL)}</p> }.into_any(),
        Some(proposal) => {
            // The approval names what was proposed: refused if the draft changed since.
            let proposed = proposal.revision.to_string();
            let decide = may_review.then(|| {
                let described_by = comment_error.as_ref().map(|_| "comment-error");
                view! {
                    <form class="inline-form" method="post" action={action_of::<ReviewStudioDraft>()}>
                        <input type="hidden" name="course" value=course_id.clone()/>
                        <input type="hidden" name="decision" value="approve"/>
                        <input type="hidden" name="revision" value=proposed.clone()/>
                        <button type="submit">{t(msg::STUDIO_APPROVE)}</button>
                    </form>
                    <form class="account-form" method="post" action={action_of::<ReviewStudioDraft>()}>
                        <input type="hidden" name="course" value=course_id.clone()/>
                        <input type="hidden" name="decision" value="send_back"/>
                        <div class="field">
                            <label for="comment">{t(msg::STUDIO_COMMENT)}</label>
                            {comment_error.clone().map(|e| view! { <p class="field-error" id="comment-error">{t(&e)}</p> })}
                            <textarea id="comment" name="comment" rows="4" required
                                aria-invalid=described_by.map(|_| "true") aria-describedby=described_by>{textarea_text(&typed)}</textarea>
                        </div>
                        <button type="submit">{t(msg::STUDIO_SEND_BACK)}</button>
                    </form>
                }
            });
            let waiting = (!may_review).then(|| view! { <p class="hint">{t(msg::STUDIO_WAITING_FOR_REVIEWER)}</p> });
            view! {
                <dl class="profile">
                    <dt>{t(msg::STUDIO_PROPOSED_BY)}</dt>
                    <dd><bdi>{proposal.by}</bdi></dd>
                    <dt>{t(msg::STUDIO_WHAT_CHANGED)}</dt>
                    <dd class="review-text"><bdi>{proposal.message}</bdi></dd>
                </dl>
                {waiting}
                {decide}
            }
            .into_any()
        }
    };
    view! {
        <section id="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{t(msg::STUDIO_REVIEW_TITLE)}</h2>
            {refused.map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            {sent_back}
            {body}
        </section>
    }
}

/// Administrators: the course's instructors, and whether its drafts need review.
#[component]
pub fn Manage(course_id: String, instructors: Vec<String>, review_required: bool) -> impl IntoView {
    let errors = form_errors::<ManageStudioCourse>();
    let error = errors.field("instructors").map(str::to_string);
    let text = if errors.is_empty() { instructors.join("\n") } else { errors.value("instructors") };
    let described_by = if error.is_some() { "instructors-hint instructors-error" } else { "instructors-hint" };
    view! {
        <section id="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{t(msg::STUDIO_MANAGE_TITLE)}</h2>
            {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            <form class="account-form" method="post" action={action_of::<ManageStudioCourse>()}>
                <input type="hidden" name="course" value=course_id/>
                <div class="field">
                    <label for="instructors">{t(msg::STUDIO_INSTRUCTORS)}</label>
                    <p class="hint" id="instructors-hint">{t(msg::STUDIO_INSTRUCTORS_HINT)}</p>
                    {error.clone().map(|e| view! { <p class="field-error" id="instructors-error">{t(&e)}</p> })}
                    <textarea id="instructors" name="instructors" rows="4" dir="ltr" autocomplete="off"
                        aria-invalid=error.as_ref().map(|_| "true") aria-describedby=described_by>{textarea_text(&text)}</textarea>
                </div>
                <div class="field">
                    <label class="consent">
                        <input type="checkbox" name="review_required" checked=review_required/>
                        {t(msg::STUDIO_REVIEW_REQUIRED)}
                    </label>
                </div>
                <button type="submit">{t(msg::STUDIO_SAVE_MANAGE)}</button>
            </form>
        </section>
    }
}
