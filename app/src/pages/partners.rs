//! `/admin/partners`: what an administrator gives a partner's IT team to
//! connect to this site (identity providers' redirect addresses, the LTI
//! tool's addresses) and the partners configured. Partners are configured
//! by the operator's files (docs/operators.md); nothing here changes them.

use leptos::prelude::*;

use crate::api::admin::read_partners;
use crate::components::{Layout, PageTitle, loaded};
use crate::i18n::t;
use crate::model::Partners;
use crate::msg;

#[component]
pub fn PartnersPage() -> impl IntoView {
    loaded(read_partners(), move |partners| view! { <PartnerList partners/> })
}

#[component]
fn PartnerList(partners: Partners) -> impl IntoView {
    let base = partners.public_url.clone();
    let address = move |path: &str| format!("{base}{path}");
    let providers = if partners.identity_providers.is_empty() {
        view! { <p>{t(msg::PARTNERS_NONE)}</p> }.into_any()
    } else {
        let rows = partners
            .identity_providers
            .into_iter()
            .map(|(id, name)| {
                let callback = address(&format!("/sign-in/{id}/callback"));
                view! {
                    <tr>
                        <td data-label=t(msg::PARTNERS_NAME)>{name}</td>
                        <td data-label=t(msg::PARTNERS_REDIRECT)><code dir="ltr">{callback}</code></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="cards">
                    <caption>{t(msg::PARTNERS_PROVIDERS)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(msg::PARTNERS_NAME)}</th>
                            <th scope="col">{t(msg::PARTNERS_REDIRECT)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let platforms = if partners.lti_platforms.is_empty() {
        view! { <p>{t(msg::PARTNERS_NONE)}</p> }.into_any()
    } else {
        let names = partners.lti_platforms.into_iter().map(|(_, name)| view! { <li>{name}</li> }).collect_view();
        view! { <ul>{names}</ul> }.into_any()
    };
    let tool = [
        (msg::PARTNERS_TOOL_LAUNCH, address("/lti/launch")),
        (msg::PARTNERS_TOOL_LOGIN, address("/lti/login")),
        (msg::PARTNERS_TOOL_KEYS, address("/lti/jwks.json")),
    ]
    .into_iter()
    .map(|(label, value)| {
        view! {
            <dt>{t(label)}</dt>
            <dd><code dir="ltr">{value}</code></dd>
        }
    })
    .collect_view();
    view! {
        <PageTitle text=t(msg::PARTNERS_TITLE)/>
        <Layout>
            <h1>{t(msg::PARTNERS_TITLE)}</h1>
            <p>{t(msg::PARTNERS_LEAD)}</p>
            <h2>{t(msg::PARTNERS_PROVIDERS)}</h2>
            {providers}
            <h2>{t(msg::PARTNERS_PLATFORMS)}</h2>
            <p>{t(msg::PARTNERS_TOOL_LEAD)}</p>
            <dl class="addresses">{tool}</dl>
            <h3>{t(msg::PARTNERS_REGISTERED)}</h3>
            {platforms}
        </Layout>
    }
}
