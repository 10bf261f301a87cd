use crate::api::accounts::Login;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::PageTitle;

use crate::components::{Field, Layout, NextPath, form_errors};
use crate::i18n::{t, t_with};

/// `/login`: a plain form, posted to the `login` server function; beside
/// it, a button for each partner's identity provider the operator set up.
#[component]
pub fn LoginPage() -> impl IntoView {
    let errors = form_errors::<Login>();
    let providers = sign_in_choices();
    let problem = provider_problem(&providers);
    let next = use_query_map().with_untracked(|query| query.get("next"));
    view! {
        <PageTitle text=t(msg::LOGIN_TITLE)/>
        <Layout>
            <h1>{t(msg::LOGIN_TITLE)}</h1>
            {problem.map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <form class="account-form" method="post" action={action_of::<Login>()}>
                {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <Field name="username" label=t(msg::FIELD_USERNAME) autocomplete="username"
                    ltr=true value=errors.value("username")/>
                <Field name="password" label=t(msg::FIELD_PASSWORD) kind="password" autocomplete="current-password" ltr=true/>
                <NextPath/>
                <button type="submit">{t(msg::LOGIN_SUBMIT)}</button>
            </form>
            {(!providers.is_empty()).then(|| view! {
                <section class="sign-in-with" aria-label=t(msg::LOGIN_WITH_PARTNERS)>
                    <p>{t(msg::LOGIN_OR)}</p>
                    {providers.into_iter().map(|(id, name)| {
                        let next = next.clone();
                        view! {
                            <form method="post" action=format!("/sign-in/{id}")>
                                {next.map(|next| view! { <input type="hidden" name="next" value=next/> })}
                                <button type="submit" class="secondary">
                                    {t_with(msg::LOGIN_WITH_PROVIDER, [("provider", name.into())])}
                                </button>
                            </form>
                        }
                    }).collect_view()}
                </section>
            })}
            <p>
                <a href="/register">{t(msg::LOGIN_NO_ACCOUNT)}</a>
            </p>
            <p>
                <a href="/reset">{t(msg::LOGIN_FORGOT)}</a>
            </p>
        </Layout>
    }
}

/// The partners' identity providers (id, name in the reader's language).
fn sign_in_choices() -> Vec<(String, String)> {
    #[cfg(feature = "ssr")]
    {
        let language = crate::i18n::use_language();
        use_context::<crate::state::AppState>()
            .map(|state| {
                state
                    .identity_providers
                    .iter()
                    .map(|provider| (provider.id.clone(), provider.name(language).into()))
                    .collect()
            })
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Vec::new()
    }
}

/// Why the last sign-in through a provider did not work, when the server
/// sent the person back here (`?provider=…&problem=…`). Only configured
/// providers are named: a link cannot put words on this page.
fn provider_problem(providers: &[(String, String)]) -> Option<String> {
    let (provider, problem) = use_query_map().with_untracked(|query| (query.get("provider"), query.get("problem")));
    let name = provider.and_then(|id| providers.iter().find(|(known, _)| *known == id).map(|(_, name)| name.clone()));
    match (problem.as_deref(), name) {
        (Some("expired"), _) => Some(t(msg::LOGIN_PROVIDER_EXPIRED)),
        (Some("unavailable"), Some(name)) => Some(t_with(msg::LOGIN_PROVIDER_UNAVAILABLE, [("provider", name.into())])),
        (Some("failed"), Some(name)) => Some(t_with(msg::LOGIN_PROVIDER_FAILED, [("provider", name.into())])),
        (Some("busy"), Some(_)) => Some(t(msg::ERROR_BUSY_TEXT)),
        _ => None,
    }
}
