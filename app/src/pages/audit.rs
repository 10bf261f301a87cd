use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::api::admin::read_audit_log;
use crate::components::Layout;
use crate::i18n::t;
use crate::model::AuditEntry;

/// `/admin/audit`: the audit log, for administrators.
#[component]
pub fn AuditPage() -> impl IntoView {
    loaded(read_audit_log(), move |entries| view! { <AuditLog entries/> })
}

#[component]
fn AuditLog(entries: Vec<AuditEntry>) -> impl IntoView {
    view! {
        <PageTitle text=t(msg::AUDIT_TITLE)/>
        <Layout>
            <h1>{t(msg::AUDIT_TITLE)}</h1>
            <div class="table-wrap">
                <table class="cards">
                    <caption>{t(msg::AUDIT_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(msg::AUDIT_WHEN)}</th>
                            <th scope="col">{t(msg::AUDIT_ACTION)}</th>
                            <th scope="col">{t(msg::AUDIT_ACTOR)}</th>
                            <th scope="col">{t(msg::AUDIT_SUBJECT)}</th>
                            <th scope="col">{t(msg::AUDIT_ADDRESS)}</th>
                        </tr>
                    </thead>
                    <tbody dir="ltr">
                        {entries
                            .into_iter()
                            .map(|entry| {
                                view! {
                                    <tr>
                                        <td data-label=t(msg::AUDIT_WHEN)>{crate::format::date_time(&entry.at)}</td>
                                        <td data-label=t(msg::AUDIT_ACTION)>{entry.action}</td>
                                        <td data-label=t(msg::AUDIT_ACTOR)>{entry.actor.unwrap_or_default()}</td>
                                        <td data-label=t(msg::AUDIT_SUBJECT)>{entry.subject.unwrap_or_default()}</td>
                                        <td data-label=t(msg::AUDIT_ADDRESS)>{entry.client_address.unwrap_or_default()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </Layout>
    }
}
