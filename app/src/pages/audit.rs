use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::components::Layout;
use crate::i18n::t;
use crate::model::AuditEntry;
use crate::server::admin::read_audit_log;

/// `/admin/audit`: the audit log, for administrators.
#[component]
pub fn AuditPage() -> impl IntoView {
    loaded(read_audit_log(), move |entries| view! { <AuditLog entries/> })
}

#[component]
fn AuditLog(entries: Vec<AuditEntry>) -> impl IntoView {
    view! {
        <PageTitle text=t("audit-title")/>
        <Layout>
            <h1>{t("audit-title")}</h1>
            <div class="table-wrap" tabindex="0">
                <table>
                    <caption>{t("audit-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("audit-when")}</th>
                            <th scope="col">{t("audit-action")}</th>
                            <th scope="col">{t("audit-actor")}</th>
                            <th scope="col">{t("audit-subject")}</th>
                            <th scope="col">{t("audit-address")}</th>
                        </tr>
                    </thead>
                    <tbody dir="ltr">
                        {entries
                            .into_iter()
                            .map(|entry| {
                                view! {
                                    <tr>
                                        <td>{entry.at}</td>
                                        <td>{entry.action}</td>
                                        <td>{entry.actor.unwrap_or_default()}</td>
                                        <td>{entry.subject.unwrap_or_default()}</td>
                                        <td>{entry.client_address.unwrap_or_default()}</td>
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
