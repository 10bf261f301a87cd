use crate::api::learning::JoinCohort;
use crate::api::rules::action_of;
use crate::msg;
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
        <PageTitle text=t(msg::JOIN_TITLE)/>
        <Layout>
            <h1>{t(msg::JOIN_TITLE)}</h1>
            <p class="lead">{t(msg::JOIN_LEAD)}</p>
            {if signed_in {
                view! {
                    <form class="account-form" method="post" action={action_of::<JoinCohort>()}>
                        <Field
                            name="code"
                            label=t(msg::FIELD_COHORT_CODE)
                            autocomplete="off"
                            ltr=true
                            value=code
                            hint=Some(t(msg::FIELD_COHORT_CODE_HINT))
                            error=errors.field("code").map(str::to_string)
                        />
                        <button type="submit">{t(msg::JOIN_SUBMIT)}</button>
                    </form>
                }
                    .into_any()
            } else {
                let next = format!("?next={here}");
                view! {
                    <p class="note">{t(msg::JOIN_SIGN_IN_FIRST)}</p>
                    <p>
                        <a class="button" href=format!("/login{next}")>{t(msg::NAV_LOGIN)}</a>
                        " "
                        <a href=format!("/register{next}")>{t(msg::NAV_REGISTER)}</a>
                    </p>
                }
                    .into_any()
            }}
        </Layout>
    }
}
