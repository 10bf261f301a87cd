use crate::server::accounts::{ChangePassword, DeleteAccount, SaveProfile, WithdrawConsent};
use crate::server::rules::action_of;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use crate::components::{Field, Layout, ProblemPage, ProfileQuestions, form_errors};
use crate::error::AppError;
use crate::i18n::t;
use crate::model::{ProfileAnswers, Viewer};
use crate::server::accounts::my_profile;

/// `/account`: who you are, your password, your profile answers and
/// consent, your data, and deleting your account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let Some(viewer) = use_context::<Viewer>() else {
        return view! { <ProblemPage error=AppError::Unauthorized/> }.into_any();
    };
    loaded(my_profile(), move |profile| view! { <Account viewer=viewer.clone() profile/> }).into_any()
}

#[component]
fn Account(viewer: Viewer, profile: ProfileAnswers) -> impl IntoView {
    let errors = form_errors::<ChangePassword>();
    let delete_errors = form_errors::<DeleteAccount>();
    let profile_errors = form_errors::<SaveProfile>();
    let query = use_query_map();
    let changed = query.with_untracked(|query| query.get("changed").is_some()) && errors.is_empty();
    let profile_status = query.with_untracked(|query| match query.get("profile").as_deref() {
        Some("saved") => Some("profile-saved"),
        Some("withdrawn") => Some("profile-withdrawn"),
        _ => None,
    });
    // After an error, what was sent; otherwise what is saved.
    let chosen: Vec<(String, String)> = if profile_errors.is_empty() {
        profile
            .iter()
            .flat_map(|(question, answer)| {
                [(question.as_str().to_string(), answer.clone()), (question.consent_field().to_string(), "on".into())]
            })
            .collect()
    } else {
        profile_errors.values.clone()
    };
    let has_answers = !profile.is_empty();
    view! {
        <PageTitle text=t("account-title")/>
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
            <form class="account-form" method="post" action={action_of::<ChangePassword>()}>
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
            <h2 id="profile">{t("profile-title")}</h2>
            {profile_status.map(|message| view! { <p class="note" role="status">{t(message)}</p> })}
            <form class="account-form" method="post" action={action_of::<SaveProfile>()}>
                <ProfileQuestions chosen errors=profile_errors/>
                <button type="submit">{t("profile-save")}</button>
            </form>
            {has_answers
                .then(|| {
                    view! {
                        <form class="account-form" method="post" action={action_of::<WithdrawConsent>()}>
                            <p>{t("profile-withdraw-text")}</p>
                            <button type="submit" class="danger">{t("profile-withdraw")}</button>
                        </form>
                    }
                })}
            <h2>{t("account-data-title")}</h2>
            <p>{t("account-data-text")}</p>
            <p>
                <a href="/account/data" download="my-data.json">{t("account-data-download")}</a>
            </p>
            <h2>{t("account-delete-title")}</h2>
            <p>{t("account-delete-warning")}</p>
            <form class="account-form" method="post" action={action_of::<DeleteAccount>()}>
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
