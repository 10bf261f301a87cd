use crate::api::accounts::RedeemResetCode;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::PageTitle;

use crate::components::{Field, Layout, form_errors};
use crate::i18n::t;

/// `/reset` and `/reset/{code}`: set a new password with a one-time code
/// from an instructor, manager or administrator (no email needed).
#[component]
pub fn ResetPage() -> impl IntoView {
    let errors = form_errors::<RedeemResetCode>();
    let code = if errors.is_empty() { super::param("code") } else { errors.value("code") };
    view! {
        <PageTitle text=t(msg::RESET_TITLE)/>
        <Layout>
            <h1>{t(msg::RESET_TITLE)}</h1>
            <p class="lead">{t(msg::RESET_LEAD)}</p>
            <form class="account-form" method="post" action={action_of::<RedeemResetCode>()}>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <Field
                    name="code"
                    label=t(msg::FIELD_RESET_CODE)
                    autocomplete="one-time-code"
                    ltr=true
                    value=code
                    hint=Some(t(msg::FIELD_RESET_CODE_HINT))
                    error=errors.field("code").map(str::to_string)
                />
                <Field
                    name="new_password"
                    label=t(msg::FIELD_NEW_PASSWORD)
                    kind="password"
                    autocomplete="new-password"
                    ltr=true
                    hint=Some(t(msg::FIELD_PASSWORD_HINT))
                    error=errors.field("new_password").map(str::to_string)
                />
                <button type="submit">{t(msg::RESET_SUBMIT)}</button>
            </form>
        </Layout>
    }
}
