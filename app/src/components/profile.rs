use crate::msg;
use leptos::prelude::*;

use crate::i18n::t;
use crate::model::{FormErrors, ProfileQuestion};

/// The optional profile questions, each a choice with "prefer not to say"
/// first and its own consent box. `chosen` is what to show as selected:
/// the saved answers, or what was sent before an error.
#[component]
pub fn ProfileQuestions(chosen: Vec<(String, String)>, errors: FormErrors) -> impl IntoView {
    let value = move |field: &str| chosen.iter().find(|(name, _)| name == field).map(|(_, value)| value.clone());
    view! {
        <fieldset class="profile-questions">
            <legend>{t(msg::PROFILE_TITLE)}</legend>
            <p class="hint">{t(msg::PROFILE_EXPLANATION)}</p>
            {ProfileQuestion::ALL
                .into_iter()
                .map(|question| {
                    let name = question.as_str();
                    let consent = question.consent_field();
                    let selected = value(name).unwrap_or_default();
                    let consented = value(consent).is_some();
                    let error = errors.field(name).or_else(|| errors.field(consent)).map(str::to_string);
                    let error_id = format!("{name}-error");
                    let described_by = error.as_ref().map(|_| error_id.clone());
                    view! {
                        <div class="field profile-question">
                            <label for=name>{t(question.message_id())}</label>
                            {error.map(|error| view! { <p class="field-error" id=error_id>{t(&error)}</p> })}
                            <select
                                id=name
                                name=name
                                aria-invalid=described_by.as_ref().map(|_| "true")
                                aria-describedby=described_by.clone()
                            >
                                <option value="" selected=selected.is_empty()>
                                    {t(msg::PROFILE_PREFER_NOT)}
                                </option>
                                {question
                                    .choices()
                                    .iter()
                                    .map(|choice| {
                                        view! {
                                            <option value=*choice selected=selected == *choice>
                                                {t(&question.choice_message_id(choice))}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <label class="consent">
                                <input
                                    type="checkbox"
                                    name=consent
                                    checked=consented
                                    aria-describedby=described_by
                                />
                                {t(&format!("{}-consent", question.message_id()))}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
