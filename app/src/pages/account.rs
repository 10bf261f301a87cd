use crate::api::accounts::{ChangePassword, DeleteAccount, SaveProfile, WithdrawConsent};
use crate::api::identities::UnlinkIdentity;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use crate::api::accounts::my_profile;
use crate::components::{Field, Layout, ProblemPage, ProfileQuestions, form_errors};
use crate::error::AppError;
use crate::i18n::{t, t_with};
use crate::model::{MyAccount, Viewer};

/// `/account`: who you are, your password, your profile answers and
/// consent, your data, and deleting your account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let Some(viewer) = use_context::<Viewer>() else {
        return view! { <ProblemPage error=AppError::Unauthorized/> }.into_any();
    };
    loaded(my_profile(), move |account| view! { <Account viewer=viewer.clone() account/> }).into_any()
}

#[component]
fn Account(viewer: Viewer, account: MyAccount) -> impl IntoView {
    let MyAccount { profile, failed_sign_ins, links, has_password } = account;
    let errors = form_errors::<ChangePassword>();
    let unlink_errors = form_errors::<UnlinkIdentity>();
    let delete_errors = form_errors::<DeleteAccount>();
    let profile_errors = form_errors::<SaveProfile>();
    let query = use_query_map();
    let changed = query.with_untracked(|query| query.get("changed").is_some()) && errors.is_empty();
    // Signing in comes here when wrong passwords were tried since the last
    // time; the count is the session's, never the link's.
    let failed_sign_ins = (query.with_untracked(|query| query.get("failed_sign_ins").is_some()) && failed_sign_ins > 0)
        .then_some(failed_sign_ins);
    let profile_status = query.with_untracked(|query| match query.get("profile").as_deref() {
        Some("saved") => Some(msg::PROFILE_SAVED),
        Some("withdrawn") => Some(msg::PROFILE_WITHDRAWN),
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
    let link_status = query.with_untracked(|query| {
        if query.get("linked").is_some() {
            Some(msg::ACCOUNT_LINKED)
        } else if query.get("unlinked").is_some() {
            Some(msg::ACCOUNT_UNLINKED)
        } else {
            None
        }
    });
    let offers_partners = !links.is_empty() || !sign_in_providers_empty();
    view! {
        <PageTitle text=t(msg::ACCOUNT_TITLE)/>
        <Layout>
            <h1>{t(msg::ACCOUNT_TITLE)}</h1>
            {failed_sign_ins.map(|count| view! {
                <p class="note" role="alert">
                    {t_with(msg::ACCOUNT_FAILED_SIGN_INS, [("count", count.into())])}
                </p>
            })}
            <dl class="profile">
                <dt>{t(msg::FIELD_DISPLAY_NAME)}</dt>
                <dd>{viewer.display_name}</dd>
                <dt>{t(msg::FIELD_USERNAME)}</dt>
                <dd>
                    <bdi>{viewer.username}</bdi>
                </dd>
                <dt>{t(msg::ACCOUNT_ROLE)}</dt>
                <dd>{t(viewer.role.message_id())}</dd>
            </dl>
            <h2>{t(msg::PASSWORD_CHANGE_TITLE)}</h2>
            {changed.then(|| view! { <p class="note" role="status">{t(msg::PASSWORD_CHANGED)}</p> })}
            {if has_password {
                view! {
                    <form class="account-form" method="post" action={action_of::<ChangePassword>()}>
                        <Field
                            name="current_password"
                            label=t(msg::FIELD_CURRENT_PASSWORD)
                            kind="password"
                            autocomplete="current-password"
                            ltr=true
                            error=errors.field("current_password").map(str::to_string)
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
                        <button type="submit">{t(msg::PASSWORD_CHANGE_SUBMIT)}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{t(msg::ACCOUNT_NO_PASSWORD)}</p> }.into_any()
            }}
            <h2 id="profile">{t(msg::PROFILE_TITLE)}</h2>
            {profile_status.map(|message| view! { <p class="note" role="status">{t(message)}</p> })}
            <form class="account-form" method="post" action={action_of::<SaveProfile>()}>
                <ProfileQuestions chosen errors=profile_errors/>
                <button type="submit">{t(msg::PROFILE_SAVE)}</button>
            </form>
            {has_answers
                .then(|| {
                    view! {
                        <form class="account-form" method="post" action={action_of::<WithdrawConsent>()}>
                            <p>{t(msg::PROFILE_WITHDRAW_TEXT)}</p>
                            <button type="submit" class="danger">{t(msg::PROFILE_WITHDRAW)}</button>
                        </form>
                    }
                })}
            {offers_partners.then(|| view! {
                <h2 id="sign-in-with">{t(msg::ACCOUNT_SIGN_IN_WITH_TITLE)}</h2>
                {link_status.map(|message| view! { <p class="note" role="status">{t(message)}</p> })}
                {unlink_errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                {if links.is_empty() {
                    view! { <p>{t(msg::ACCOUNT_SIGN_IN_WITH_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="linked-providers">
                            {links.into_iter().map(|link| view! {
                                <li>
                                    <form method="post" action={action_of::<UnlinkIdentity>()}>
                                        <bdi>{link.name.clone()}</bdi>" "
                                        <input type="hidden" name="provider" value=link.provider/>
                                        <button type="submit" class="secondary">
                                            {t_with(msg::ACCOUNT_UNLINK, [("provider", link.name.into())])}
                                        </button>
                                    </form>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })}
            <h2>{t(msg::ACCOUNT_DATA_TITLE)}</h2>
            <p>{t(msg::ACCOUNT_DATA_TEXT)}</p>
            <p>
                <a href="/account/data" download="my-data.json">{t(msg::ACCOUNT_DATA_DOWNLOAD)}</a>
            </p>
            <h2>{t(msg::ACCOUNT_DELETE_TITLE)}</h2>
            <p>{t(msg::ACCOUNT_DELETE_WARNING)}</p>
            <form class="account-form" method="post" action={action_of::<DeleteAccount>()}>
                {if has_password {
                    view! {
                        <Field
                            name="delete_password"
                            label=t(msg::FIELD_CONFIRM_PASSWORD)
                            kind="password"
                            autocomplete="current-password"
                            ltr=true
                            error=delete_errors.field("delete_password").map(str::to_string)
                        />
                    }.into_any()
                } else {
                    view! {
                        <Field
                            name="delete_password"
                            label=t(msg::FIELD_CONFIRM_USERNAME)
                            autocomplete="off"
                            ltr=true
                            error=delete_errors.field("delete_password").map(str::to_string)
                        />
                    }.into_any()
                }}
                <button type="submit" class="danger">{t(msg::ACCOUNT_DELETE_SUBMIT)}</button>
            </form>
        </Layout>
    }
}

/// Whether the operator set up no partner's identity provider (then the
/// account page has nothing to say about them).
fn sign_in_providers_empty() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().is_none_or(|state| state.identity_providers.is_empty())
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}
