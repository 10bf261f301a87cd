use crate::server::accounts::Register;
use crate::server::rules::action_of;
use leptos::prelude::*;

use crate::components::PageTitle;

use crate::components::{Field, Layout, NextPath, ProfileQuestions, form_errors};
use crate::i18n::{t, use_language};
use crate::language::Language;

/// `/register`: a plain form, posted to the `register` server function.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let errors = form_errors::<Register>();
    let current = use_language();
    view! {
        <PageTitle text=t("register-title")/>
        <Layout>
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-lead")}</p>
            <form class="account-form" method="post" action={action_of::<Register>()}>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <Field
                    name="display_name"
                    label=t("field-display-name")
                    autocomplete="name"
                    value=errors.value("display_name")
                    hint=Some(t("field-display-name-hint"))
                    error=errors.field("display_name").map(str::to_string)
                />
                <Field
                    name="username"
                    label=t("field-username")
                    autocomplete="username"
                    ltr=true
                    value=errors.value("username")
                    hint=Some(t("field-username-hint"))
                    error=errors.field("username").map(str::to_string)
                />
                <Field
                    name="password"
                    label=t("field-password")
                    kind="password"
                    autocomplete="new-password"
                    ltr=true
                    hint=Some(t("field-password-hint"))
                    error=errors.field("password").map(str::to_string)
                />
                <div class="field">
                    <label for="language">{t("field-language")}</label>
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
                <button type="submit">{t("register-submit")}</button>
            </form>
            <p>
                <a href="/login">{t("register-have-account")}</a>
            </p>
        </Layout>
    }
}
