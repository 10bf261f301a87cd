//! `/manage/organisations`: the partners a programme runs through.

use crate::server::organisations::{AssignOrganisation, CreateOrganisation};
use crate::server::rules::action_of;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::components::{Field, Layout, form_errors, number};
use crate::i18n::t;
use crate::model::OrganisationsPage;
use crate::server::organisations::organisations;

#[component]
pub fn OrganisationsListPage() -> impl IntoView {
    loaded(organisations(), move |page| view! { <Organisations page/> })
}

#[component]
fn Organisations(page: OrganisationsPage) -> impl IntoView {
    let create = form_errors::<CreateOrganisation>();
    let assign = form_errors::<AssignOrganisation>();
    let choices: Vec<(i64, String)> = page.organisations.iter().map(|o| (o.id, o.name.clone())).collect();
    let chosen = assign.value("organisation");
    let assign_error = assign.field("organisation").map(str::to_string);
    view! {
        <PageTitle text=t("organisations-title")/>
        <Layout>
            <p><a href="/manage">{t("manage-title")}</a></p>
            <h1>{t("organisations-title")}</h1>
            <p>{t("organisations-intro")}</p>
            {if page.organisations.is_empty() {
                view! { <p>{t("organisations-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0">
                        <table id="organisations">
                            <caption>{t("organisations-caption")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t("organisation-name")}</th>
                                    <th scope="col" class="number">{t("cohorts-title")}</th>
                                    <th scope="col">{t("organisation-managers")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.organisations.into_iter().map(|organisation| view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!("/manage?organisation={}", organisation.id)><bdi>{organisation.name}</bdi></a>
                                        </th>
                                        <td class="number">{number(organisation.cohorts)}</td>
                                        <td dir="ltr">{organisation.managers.join(", ")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h2>{t("organisation-new")}</h2>
            <form class="account-form" method="post" action={action_of::<CreateOrganisation>()}>
                <Field name="name" label=t("organisation-name") autocomplete="off" value=create.value("name")
                    error=create.field("name").map(str::to_string)/>
                <button type="submit">{t("organisation-create")}</button>
            </form>
            {page.may_assign.then(|| view! {
                <h2>{t("organisation-assign-title")}</h2>
                <p class="hint">{t("organisation-assign-hint")}</p>
                <form class="account-form" method="post" action={action_of::<AssignOrganisation>()}>
                    <Field name="username" label=t("field-username") autocomplete="off" value=assign.value("username")
                        error=assign.field("username").map(str::to_string)/>
                    <div class="field">
                        <label for="organisation">{t("organisation")}</label>
                        {assign_error.clone().map(|e| view! { <p class="field-error" id="organisation-error">{t(&e)}</p> })}
                        <select id="organisation" name="organisation"
                            aria-invalid=assign_error.as_ref().map(|_| "true")
                            aria-describedby=assign_error.as_ref().map(|_| "organisation-error")>
                            <option value="">{t("organisation-programme-wide")}</option>
                            {choices.into_iter().map(|(id, name)| {
                                let selected = id.to_string() == chosen;
                                view! { <option value=id.to_string() selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">{t("organisation-assign")}</button>
                </form>
            })}
        </Layout>
    }
}
