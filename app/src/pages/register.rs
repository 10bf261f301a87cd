use crate::api::accounts::Register;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::PageTitle;

use crate::components::{ErrorSummary, Field, Layout, NextPath, ProfileQuestions, form_errors};
use crate::i18n::{t, use_language};
use crate::language::Language;

/// `/register`: a plain form, posted to the `register` server function.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let errors = form_errors::<Register>();
    let current = use_language();
    view! {
        <PageTitle text=t(msg::REGISTER_TITLE)/>
        <Layout>
            <h1>{t(msg::REGISTER_TITLE)}</h1>
            <p class="lead">{t(msg::REGISTER_LEAD)}</p>
            // The server checks every field and answers with all that is
            // wrong at once (the browser's own checks stop at the first).
            <form class="account-form" method="post" action={action_of::<Register>()} novalidate=true>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <ErrorSummary errors=errors.clone()/>
                <Field
                    name="display_name"
                    label=t(msg::FIELD_DISPLAY_NAME)
                    autocomplete="name"
                    value=errors.value("display_name")
                    hint=Some(t(msg::FIELD_DISPLAY_NAME_HINT))
                    error=errors.field("display_name").map(str::to_string)
                />
                <Field
                    name="username"
                    label=t(msg::FIELD_USERNAME)
                    autocomplete="username"
                    ltr=true
                    value=errors.value("username")
                    hint=Some(t(msg::FIELD_USERNAME_HINT))
                    error=errors.field("username").map(str::to_string)
                />
                <Field
                    name="password"
                    label=t(msg::FIELD_PASSWORD)
                    kind="password"
                    autocomplete="new-password"
                    ltr=true
                    hint=Some(t(msg::FIELD_PASSWORD_HINT))
                    error=errors.field("password").map(str::to_string)
                />
                <div class="field">
                    <label for="language">{t(msg::FIELD_LANGUAGE)}</label>
                    <select id="language" name="language">
                        {Language::ALL
                            .into_iter()
                            .map(|language| {
                                view! {
                                    <option value=language.code() lang=language.code() selected=language == current>
                                        {language.native_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <ProfileQuestions chosen=errors.values.clone() errors=errors.clone()/>
                <NextPath/>
                <button type="submit">{t(msg::REGISTER_SUBMIT)}</button>
            </form>
            <p>
                <a href="/login">{t(msg::REGISTER_HAVE_ACCOUNT)}</a>
            </p>
        </Layout>
    }
}
