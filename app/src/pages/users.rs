use crate::api::admin::{ChangeRole, IssueResetCode};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use crate::api::admin::users_page;
use crate::components::{IssuedCode, Layout};
use crate::i18n::{t, t_with};
use crate::model::{Role, UserSummary, UsersPage, Viewer};

/// `/admin/users`: find an account, issue it a reset code (managers and
/// administrators) or change its role (administrators).
#[component]
pub fn UsersAdminPage() -> impl IntoView {
    let query = use_query_map().with_untracked(|query| query.get("q").unwrap_or_default());
    loaded(users_page(query.clone()), move |page| view! { <Users page query=query/> })
}

#[component]
fn Users(page: UsersPage, query: String) -> impl IntoView {
    let viewer = use_context::<Viewer>();
    // From the address: shown only if it is a username at all.
    let changed = use_query_map().with_untracked(|query| query.get("changed")).filter(|name| {
        (3..=32).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    });
    let is_admin = viewer.as_ref().is_some_and(|viewer| crate::policy::places(viewer).roles);
    let me = viewer.map(|viewer| viewer.username).unwrap_or_default();
    let found = !page.users.is_empty();
    view! {
        <PageTitle text=t(msg::USERS_TITLE)/>
        <Layout>
            <h1>{t(msg::USERS_TITLE)}</h1>
            {is_admin.then(|| view! { <p><a href="/admin/partners">{t(msg::PARTNERS_TITLE)}</a></p> })}
            {page.issued.map(|issued| view! { <IssuedCode issued/> })}
            {changed
                .map(|username| {
                    view! {
                        <p class="note" role="status">{t_with(msg::USERS_ROLE_CHANGED, [("username", username.into())])}</p>
                    }
                })}
            <form class="search" method="get" action="/admin/users" role="search">
                <label for="q">{t(msg::USERS_SEARCH)}</label>
                <input type="search" id="q" name="q" value=query dir="auto"/>
                <button type="submit">{t(msg::USERS_SEARCH_SUBMIT)}</button>
            </form>
            {if found {
                view! {
                    <div class="table-wrap">
                        <table class="cards">
                            <caption>{t(msg::USERS_CAPTION)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(msg::FIELD_USERNAME)}</th>
                                    <th scope="col">{t(msg::USERS_NAME)}</th>
                                    <th scope="col">{t(msg::ACCOUNT_ROLE)}</th>
                                    <th scope="col">{t(msg::USERS_ACTIONS)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page
                                    .users
                                    .into_iter()
                                    .map(|user| {
                                        let is_me = user.username == me;
                                        view! { <UserRow user is_admin is_me/> }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            } else {
                view! { <p>{t(msg::USERS_NONE)}</p> }.into_any()
            }}
        </Layout>
    }
}

#[component]
fn UserRow(user: UserSummary, is_admin: bool, is_me: bool) -> impl IntoView {
    let UserSummary { username, display_name, role } = user;
    let role_id = format!("role-{username}");
    let reset_label = t_with(msg::USERS_ISSUE_CODE_FOR, [("username", username.clone().into())]);
    let role_label = t_with(msg::USERS_ROLE_FOR, [("username", username.clone().into())]);
    view! {
        <tr>
            <th scope="row">
                <bdi dir="ltr">{username.clone()}</bdi>
            </th>
            <td data-label=t(msg::USERS_NAME)>
                <bdi>{display_name}</bdi>
            </td>
            <td data-label=t(msg::ACCOUNT_ROLE)>{t(role.message_id())}</td>
            <td data-label=t(msg::USERS_ACTIONS)>
                <div class="actions">
                <form method="post" action={action_of::<IssueResetCode>()}>
                    <input type="hidden" name="username" value=username.clone()/>
                    <button type="submit" aria-label=reset_label>{t(msg::USERS_ISSUE_CODE)}</button>
                </form>
                {(is_admin && !is_me)
                    .then(|| {
                        view! {
                            <form method="post" action={action_of::<ChangeRole>()}>
                                <input type="hidden" name="username" value=username.clone()/>
                                <label class="visually-hidden" for=role_id.clone()>{role_label}</label>
                                <select id=role_id name="role">
                                    {Role::ALL
                                        .into_iter()
                                        .map(|choice| {
                                            view! {
                                                <option value=choice.as_str() selected=choice == role>
                                                    {t(choice.message_id())}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                                <button type="submit">{t(msg::USERS_CHANGE_ROLE)}</button>
                            </form>
                        }
                    })}
                </div>
            </td>
        </tr>
    }
}
