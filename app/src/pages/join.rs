use crate::server::learning::JoinCohort;
use crate::server::rules::action_of;
use leptos::prelude::*;

use crate::components::PageTitle;

use crate::components::{Field, Layout, form_errors};
use crate::i18n::t;
use crate::model::Viewer;

/// `/join` and `/join/{code}`: join a cohort with the code a trainer gave.
#[component]
pub fn JoinPage() -> impl IntoView {
    let errors = form_errors::<JoinCohort>();
    let code = if errors.is_empty() { super::param("code") } else { errors.value("code") };
    let signed_in = use_context::<Viewer>().is_some();
    let here = if code.is_empty() { "/join".to_string() } else { format!("/join/{code}") };
    view! {
        <PageTitle text=t("join-title")/>
        <Layout>
            <h1>{t("join-title")}</h1>
            <p class="lead">{t("join-lead")}</p>
            {if signed_in {
                view! {
                    <form class="account-form" method="post" action={action_of::<JoinCohort>()}>
                        <Field
                            name="code"
                            label=t("field-cohort-code")
                            autocomplete="off"
                            ltr=true
                            value=code
                            hint=Some(t("field-cohort-code-hint"))
                            error=errors.field("code").map(str::to_string)
                        />
                        <button type="submit">{t("join-submit")}</button>
                    </form>
                }
                    .into_any()
            } else {
                let next = format!("?next={here}");
                view! {
                    <p class="note">{t("join-sign-in-first")}</p>
                    <p>
                        <a class="button" href=format!("/login{next}")>{t("nav-login")}</a>
                        " "
                        <a href=format!("/register{next}")>{t("nav-register")}</a>
                    </p>
                }
                    .into_any()
            }}
        </Layout>
    }
}
