use crate::api::identities::{CreateProviderAccount, LinkProviderAccount, welcome};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{Field, Layout, PageTitle, form_errors, loaded};
use crate::i18n::{t, t_with};
use crate::model::Welcome;

/// `/welcome`: the first sign-in through a partner's identity provider.
/// The person chooses: a new account, or their own, linked once they give
/// its password. Never linked by a matching e-mail address.
#[component]
pub fn WelcomePage() -> impl IntoView {
    loaded(welcome(), |waiting| match waiting {
        Some(welcome) => view! { <Choices welcome/> }.into_any(),
        None => view! {
            <PageTitle text=t(msg::WELCOME_TITLE)/>
            <Layout>
                <h1>{t(msg::WELCOME_TITLE)}</h1>
                <p class="note" role="status">{t(msg::WELCOME_EXPIRED)}</p>
                <p><a class="button" href="/login">{t(msg::NAV_LOGIN)}</a></p>
            </Layout>
        }
        .into_any(),
    })
}

#[component]
fn Choices(welcome: Welcome) -> impl IntoView {
    let create_errors = form_errors::<CreateProviderAccount>();
    let link_errors = form_errors::<LinkProviderAccount>();
    let provider = welcome.provider;
    let with_provider = |id: &str| t_with(id, [("provider", provider.clone().into())]);
    let (lead, new_text, link_text) =
        (with_provider(msg::WELCOME_LEAD), with_provider(msg::WELCOME_NEW_TEXT), with_provider(msg::WELCOME_LINK_TEXT));
    view! {
        <PageTitle text=t(msg::WELCOME_TITLE)/>
        <Layout>
            <h1>{t(msg::WELCOME_TITLE)}</h1>
            <p class="lead">{lead}</p>
            {welcome.name.map(|name| view! { <p><bdi>{name}</bdi></p> })}
            <h2>{t(msg::WELCOME_NEW_TITLE)}</h2>
            <form class="account-form" method="post" action={action_of::<CreateProviderAccount>()}>
                {create_errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <p>{new_text}</p>
                <button type="submit">{t(msg::WELCOME_NEW_SUBMIT)}</button>
            </form>
            <h2>{t(msg::WELCOME_LINK_TITLE)}</h2>
            <form class="account-form" method="post" action={action_of::<LinkProviderAccount>()}>
                {link_errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
                <p>{link_text}</p>
                <Field name="username" label=t(msg::FIELD_USERNAME) autocomplete="username"
                    ltr=true value=link_errors.value("username")/>
                <Field name="password" label=t(msg::FIELD_PASSWORD) kind="password" autocomplete="current-password" ltr=true/>
                <button type="submit" class="secondary">{t(msg::WELCOME_LINK_SUBMIT)}</button>
            </form>
        </Layout>
    }
}
