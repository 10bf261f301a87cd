use crate::server::accounts::RedeemResetCode;
use crate::server::rules::action_of;
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
        <PageTitle text=t("reset-title")/>
        <Layout>
            <h1>{t("reset-title")}</h1>
            <p class="lead">{t("reset-lead")}</p>
            <form class="account-form" method="post" action={action_of::<RedeemResetCode>()}>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <Field
                    name="code"
                    label=t("field-reset-code")
                    autocomplete="one-time-code"
                    ltr=true
                    value=code
                    hint=Some(t("field-reset-code-hint"))
                    error=errors.field("code").map(str::to_string)
                />
                <Field
                    name="new_password"
                    label=t("field-new-password")
                    kind="password"
                    autocomplete="new-password"
                    ltr=true
                    hint=Some(t("field-password-hint"))
                    error=errors.field("new_password").map(str::to_string)
                />
                <button type="submit">{t("reset-submit")}</button>
            </form>
        </Layout>
    }
}
