use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::{Field, Layout, ProblemPage, form_errors};
use crate::error::AppError;
use crate::i18n::t;
use crate::model::Viewer;

/// `/account`: who you are, and changing your password.
#[component]
pub fn AccountPage() -> impl IntoView {
    match use_context::<Viewer>() {
        Some(viewer) => view! { <Account viewer/> }.into_any(),
        None => view! { <ProblemPage error=AppError::Unauthorized/> }.into_any(),
    }
}

#[component]
fn Account(viewer: Viewer) -> impl IntoView {
    let errors = form_errors("change_password");
    let delete_errors = form_errors("delete_account");
    let changed = use_query_map().with_untracked(|query| query.get("changed").is_some()) && errors.is_empty();
    view! {
        <Title text=t("account-title")/>
        <Layout>
            <h1>{t("account-title")}</h1>
            <dl class="profile">
                <dt>{t("field-display-name")}</dt>
                <dd>{viewer.display_name}</dd>
                <dt>{t("field-username")}</dt>
                <dd>
                    <bdi>{viewer.username}</bdi>
                </dd>
                <dt>{t("account-role")}</dt>
                <dd>{t(viewer.role.message_id())}</dd>
            </dl>
            <h2>{t("password-change-title")}</h2>
            {changed.then(|| view! { <p class="note" role="status">{t("password-changed")}</p> })}
            <form class="account-form" method="post" action="/api/change_password">
                <Field
                    name="current_password"
                    label=t("field-current-password")
                    kind="password"
                    autocomplete="current-password"
                    ltr=true
                    error=errors.field("current_password").map(str::to_string)
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
                <button type="submit">{t("password-change-submit")}</button>
            </form>
            <h2>{t("account-data-title")}</h2>
            <p>{t("account-data-text")}</p>
            <p>
                <a href="/account/data" download="my-data.json">{t("account-data-download")}</a>
            </p>
            <h2>{t("account-delete-title")}</h2>
            <p>{t("account-delete-warning")}</p>
            <form class="account-form" method="post" action="/api/delete_account">
                <Field
                    name="delete_password"
                    label=t("field-confirm-password")
                    kind="password"
                    autocomplete="current-password"
                    ltr=true
                    error=delete_errors.field("delete_password").map(str::to_string)
                />
                <button type="submit" class="danger">{t("account-delete-submit")}</button>
            </form>
        </Layout>
    }
}
