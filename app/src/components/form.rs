use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::error::AppError;
use crate::i18n::t;
use crate::model::FormErrors;

/// The errors a form post was answered with: without JavaScript the server
/// redirects back to the form with them in the address (`__err`).
pub fn form_errors<F: leptos::server_fn::ServerFn>() -> FormErrors {
    use leptos::server_fn::error::ServerFnUrlError;
    use_query_map().with_untracked(|query| {
        let (Some(path), Some(encoded)) = (query.get("__path"), query.get("__err")) else {
            return FormErrors::default();
        };
        if path != F::PATH {
            return FormErrors::default();
        }
        match ServerFnUrlError::<AppError>::decode_err(&encoded) {
            AppError::Form(errors) => only_our_messages(errors),
            AppError::Busy => FormErrors { form: Some(msg::ERROR_BUSY_TEXT.into()), ..FormErrors::default() },
            AppError::StorageFull => {
                FormErrors { form: Some(msg::ERROR_STORAGE_FULL_TEXT.into()), ..FormErrors::default() }
            }
            _ => FormErrors { form: Some(msg::ERROR_INTERNAL_TEXT.into()), ..FormErrors::default() },
        }
    })
}

/// The address is anyone's to write: a link can carry made-up errors. Only
/// our own message ids are shown (as their text), and typed values are
/// kept no longer than any field accepts.
fn only_our_messages(errors: FormErrors) -> FormErrors {
    let known = |id: &String| crate::i18n::is_message(id);
    FormErrors {
        fields: errors.fields.into_iter().filter(|(_, message)| known(message)).collect(),
        values: errors
            .values
            .into_iter()
            .map(|(field, value)| (field, value.chars().take(crate::model::MAX_ECHOED_CHARS).collect()))
            .collect(),
        form: errors.form.filter(known),
    }
}

/// Everything a refused form found wrong, at its top and all at once, each
/// linked to its field's message: nobody has to send the form again to
/// learn about the next mistake.
#[component]
pub fn ErrorSummary(errors: FormErrors) -> impl IntoView {
    let plain = |field: &str| field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let found: Vec<(String, String)> = errors.fields.into_iter().filter(|(field, _)| plain(field)).collect();
    (found.len() > 1).then(|| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{t(msg::FORM_CHECK_FIELDS)}</h2>
                <ul>
                    {found
                        .into_iter()
                        .map(|(field, message)| view! { <li><a href=format!("#{field}-error")>{t(&message)}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// A labelled input with its hint and its error, linked for screen readers.
#[component]
pub fn Field(
    name: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] value: String,
    #[prop(default = None)] hint: Option<String>,
    #[prop(default = None)] error: Option<String>,
    /// Left to right even in an Urdu form: usernames and passwords are Latin.
    #[prop(default = false)]
    ltr: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = [hint.as_ref().map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {error.map(|error| view! { <p class="field-error" id=error_id>{t(&error)}</p> })}
            <input
                type=kind
                id=name
                name=name
                value=value
                autocomplete=autocomplete
                dir=ltr.then_some("ltr")
                required=true
                aria-invalid=invalid
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
            />
        </div>
    }
}

/// Carries `?next=` (where to go after signing in) through a sign-in form.
#[component]
pub fn NextPath() -> impl IntoView {
    let next = use_query_map().with_untracked(|query| query.get("next"));
    next.map(|next| view! { <input type="hidden" name="next" value=next/> })
}
