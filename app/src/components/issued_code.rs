use crate::msg;
use leptos::prelude::*;

use crate::i18n::t_with;
use crate::model::IssuedResetCode;

/// The code just issued, shown this once: to read out or write down.
#[component]
pub fn IssuedCode(issued: IssuedResetCode) -> impl IntoView {
    let link = issued.link.clone();
    view! {
        <section id="issued" class="issued-code" role="status" aria-labelledby="issued-title">
            <h2 id="issued-title">{t_with(msg::USERS_CODE_ISSUED, [("username", issued.username.into())])}</h2>
            <p class="code" dir="ltr">
                <code>{issued.code}</code>
            </p>
            <p>{t_with(msg::USERS_CODE_EXPIRES, [("time", crate::format::date_time(&issued.expires_at).into())])}</p>
            <p>
                {crate::i18n::t(msg::USERS_CODE_LINK)} " " <a href=issued.link dir="ltr">{link}</a>
            </p>
        </section>
    }
}
