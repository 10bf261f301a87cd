//! `/manage/organisations`: the partners a programme runs through.

use crate::api::organisations::{AssignOrganisation, CreateOrganisation};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use crate::api::organisations::organisations;
use crate::components::{Field, Layout, form_errors, number};
use crate::i18n::t;
use crate::model::OrganisationsPage;

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
        <PageTitle text=t(msg::ORGANISATIONS_TITLE)/>
        <Layout>
            <p><a href="/manage">{t(msg::MANAGE_TITLE)}</a></p>
            <h1>{t(msg::ORGANISATIONS_TITLE)}</h1>
            <p>{t(msg::ORGANISATIONS_INTRO)}</p>
            {if page.organisations.is_empty() {
                view! { <p>{t(msg::ORGANISATIONS_NONE)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="cards" id="organisations">
                            <caption>{t(msg::ORGANISATIONS_CAPTION)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(msg::ORGANISATION_NAME)}</th>
                                    <th scope="col" class="number">{t(msg::COHORTS_TITLE)}</th>
                                    <th scope="col">{t(msg::ORGANISATION_MANAGERS)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.organisations.into_iter().map(|organisation| view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!("/manage?organisation={}", organisation.id)><bdi>{organisation.name}</bdi></a>
                                        </th>
                                        <td data-label=t(msg::COHORTS_TITLE) class="number">{number(organisation.cohorts)}</td>
                                        <td data-label=t(msg::ORGANISATION_MANAGERS) dir="ltr">{organisation.managers.join(", ")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {page.may_create.then(|| view! {
                <h2>{t(msg::ORGANISATION_NEW)}</h2>
                <form class="account-form" method="post" action={action_of::<CreateOrganisation>()}>
                    <Field name="name" label=t(msg::ORGANISATION_NAME) autocomplete="off" value=create.value("name")
                        error=create.field("name").map(str::to_string)/>
                    <button type="submit">{t(msg::ORGANISATION_CREATE)}</button>
                </form>
            })}
            {page.may_assign.then(|| view! {
                <h2>{t(msg::ORGANISATION_ASSIGN_TITLE)}</h2>
                <p class="hint">{t(msg::ORGANISATION_ASSIGN_HINT)}</p>
                <form class="account-form" method="post" action={action_of::<AssignOrganisation>()}>
                    <Field name="username" label=t(msg::FIELD_USERNAME) autocomplete="off" value=assign.value("username")
                        error=assign.field("username").map(str::to_string)/>
                    <div class="field">
                        <label for="organisation">{t(msg::ORGANISATION)}</label>
                        {assign_error.clone().map(|e| view! { <p class="field-error" id="organisation-error">{t(&e)}</p> })}
                        <select id="organisation" name="organisation"
                            aria-invalid=assign_error.as_ref().map(|_| "true")
                            aria-describedby=assign_error.as_ref().map(|_| "organisation-error")>
                            <option value="">{t(msg::ORGANISATION_PROGRAMME_WIDE)}</option>
                            {choices.into_iter().map(|(id, name)| {
                                let selected = id.to_string() == chosen;
                                view! { <option value=id.to_string() selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">{t(msg::ORGANISATION_ASSIGN)}</button>
                </form>
            })}
        </Layout>
    }
}
