use crate::api::accounts::{Logout, SaveLanguage};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{t, t_with, use_language};
use crate::language::Language;
use crate::model::{SavedCopy, Viewer};

/// The frame of every page: a skip link, the site header with the language
/// switcher, the page's main content and the footer. `wide` pages (tables
/// of statistics) use more of a large screen than reading pages do. A page
/// rendered as the copy saved on a phone says so (`copy_note`).
#[component]
pub fn Layout(
    children: Children,
    #[prop(optional)] wide: bool,
    #[prop(default = true)] copy_note: bool,
) -> impl IntoView {
    let saved = use_context::<SavedCopy>().is_some() && copy_note;
    view! {
        <a class="skip-link" href="#main">{t(msg::SKIP_TO_CONTENT)}</a>
        <header class="site-header">
            <a class="site-name" href="/">{t(msg::SITE_NAME)}</a>
            <SignInOrOut/>
            <nav class="site-nav" aria-label=t(msg::NAV_SITE)>
                <a href="/">{t(msg::NAV_COURSES)}</a>
                <AccountLinks/>
            </nav>
            <LanguageSwitcher/>
        </header>
        <main id="main" tabindex="-1" class:wide=wide>
            {saved.then(|| view! { <SavedCopyNote/> })}
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t(msg::FOOTER_TEXT)}</p>
        </footer>
    }
}

/// On a page saved on a phone (which the phone shows even online, to save
/// data): what it is, and the way to the page as it is now (an address
/// with a query is always asked of the server first).
#[component]
fn SavedCopyNote() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let path = if path.starts_with('/') && !path.starts_with("//") { path } else { "/".to_string() };
    view! {
        <p class="note offline-copy" role="note">
            {t(msg::OFFLINE_COPY_NOTE)} " " <a href=format!("{path}?online=1")>{t(msg::OFFLINE_COPY_LIVE)}</a>
        </p>
    }
}

/// Plain links (`?lang=ur`), so switching works without JavaScript; the
/// server remembers the choice in a cookie. Signed in, each language is a
/// small form instead: saving to the profile changes stored data, so it is
/// a POST.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    // Only a path of this site: `//host` would make the links leave it.
    let path = use_location().pathname.get_untracked();
    let path = if path.starts_with('/') && !path.starts_with("//") { path } else { "/".to_string() };
    let current = use_language();
    let signed_in = use_context::<Viewer>().is_some();
    view! {
        <nav class="languages" aria-label=t(msg::NAV_LANGUAGE)>
            <ul>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        let code = language.code();
                        let is_current = (language == current).then_some("true");
                        let choice = if signed_in {
                            view! {
                                <form method="post" action={action_of::<SaveLanguage>()}>
                                    <input type="hidden" name="language" value=code/>
                                    <button type="submit" class="link" lang=code aria-current=is_current>
                                        {language.native_name()}
                                    </button>
                                </form>
                            }
                                .into_any()
                        } else {
                            view! {
                                <a href=format!("{path}?lang={code}") lang=code hreflang=code aria-current=is_current>
                                    {language.native_name()}
                                </a>
                            }
                                .into_any()
                        };
                        view! { <li>{choice}</li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Where a signed-in person goes: their courses, what their role may
/// manage, and their account (under their name).
#[component]
fn AccountLinks() -> impl IntoView {
    // A saved copy is nobody's: the way to one's courses only.
    let saved = use_context::<SavedCopy>().is_some();
    let saved = saved.then(|| view! { <a href="/my">{t(msg::NAV_MY_COURSES)}</a> });
    let signed_in = use_context::<Viewer>().map(|viewer| {
        // What the doors of the pages admit, no more and no less.
        let places = crate::policy::places(&viewer);
        view! {
            <a href="/my">{t(msg::NAV_MY_COURSES)}</a>
            {places.teach.then(|| view! { <a href="/teach">{t(msg::NAV_TEACH)}</a> })}
            {places.studio.then(|| view! { <a href="/studio">{t(msg::NAV_STUDIO)}</a> })}
            {places.cohorts.then(|| view! { <a href="/manage/cohorts">{t(msg::NAV_COHORTS)}</a> })}
            {places.statistics.then(|| view! { <a href="/manage">{t(msg::NAV_STATISTICS)}</a> })}
            {places.accounts.then(|| view! { <a href="/admin/users">{t(msg::NAV_USERS)}</a> })}
        }
    });
    view! { {saved}{signed_in} }
}

/// Log in and register, or the log-out button (a POST: no state changes
/// over GET). At the top of every page: on a shared phone, leaving must be
/// easy to find.
#[component]
fn SignInOrOut() -> impl IntoView {
    // A saved copy is read by someone signed in: leaving stays one tap away.
    let viewer = use_context::<Viewer>();
    let signed_in = viewer.is_some() || use_context::<SavedCopy>().is_some();
    // Who is signed in, beside the way out: on a shared phone both matter.
    let name = viewer.map(|viewer| {
        let account = t_with(msg::SIGNED_IN_AS, [("name", viewer.display_name.clone().into())]);
        view! {
            <a class="viewer" href="/account" aria-label=account>
                <bdi>{viewer.display_name}</bdi>
            </a>
        }
    });
    match signed_in {
        true => view! {
            <div class="account">
                {name}
                <form class="logout" method="post" action={action_of::<Logout>()}>
                    <button type="submit">{t(msg::NAV_LOGOUT)}</button>
                </form>
            </div>
        }
        .into_any(),
        false => view! {
            <p class="sign-in">
                <a href="/login">{t(msg::NAV_LOGIN)}</a>
                <a href="/register">{t(msg::NAV_REGISTER)}</a>
            </p>
        }
        .into_any(),
    }
}
