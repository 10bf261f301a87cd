use crate::msg;
use leptos::prelude::*;

use crate::components::{Layout, PageTitle};
use crate::i18n::t;

/// `/offline`: what the phone shows, in place of a page it has not saved,
/// when there is no connection. The offline script lists the courses
/// saved on the phone; "Try again" asks for the same address again.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageTitle text=t(msg::OFFLINE_PAGE_TITLE)/>
        <Layout copy_note=false>
            <h1>{t(msg::OFFLINE_PAGE_TITLE)}</h1>
            <p>{t(msg::OFFLINE_PAGE_TEXT)}</p>
            // An empty address is this very page's, whichever was asked for.
            <p><a class="button" href="">{t(msg::OFFLINE_PAGE_RETRY)}</a></p>
            <section class="saved-courses" hidden aria-labelledby="saved-heading">
                <h2 id="saved-heading">{t(msg::OFFLINE_PAGE_SAVED)}</h2>
                <ul></ul>
            </section>
        </Layout>
    }
}
