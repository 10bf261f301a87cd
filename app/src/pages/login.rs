use crate::api::accounts::Login;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::PageTitle;

use crate::components::{Field, Layout, NextPath, form_errors};
use crate::i18n::t;

/// `/login`: a plain form, posted to the `login` server function.
#[component]
pub fn LoginPage() -> impl IntoView {
    let errors = form_errors::<Login>();
    view! {
        <PageTitle text=t(msg::LOGIN_TITLE)/>
        <Layout>
            <h1>{t(msg::LOGIN_TITLE)}</h1>
            <form class="account-form" method="post" action={action_of::<Login>()}>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <Field name="username" label=t(msg::FIELD_USERNAME) autocomplete="username"
                    ltr=true value=errors.value("username")/>
                <Field name="password" label=t(msg::FIELD_PASSWORD) kind="password" autocomplete="current-password" ltr=true/>
                <NextPath/>
                <button type="submit">{t(msg::LOGIN_SUBMIT)}</button>
            </form>
            <p>
                <a href="/register">{t(msg::LOGIN_NO_ACCOUNT)}</a>
            </p>
            <p>
                <a href="/reset">{t(msg::LOGIN_FORGOT)}</a>
            </p>
        </Layout>
    }
}
