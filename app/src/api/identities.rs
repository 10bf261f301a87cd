//! After a first sign-in through a partner's identity provider (the
//! server's `identity` module checked the provider's answer): the welcome
//! page's two choices, a new account or one's own linked with its
//! password; and ending a link from the account page.

use leptos::prelude::*;

use crate::error::AppError;

/// The identity waiting for the person's choice, if it is recent enough.
#[cfg(feature = "ssr")]
async fn waiting(session: &tower_sessions::Session) -> Result<Option<crate::accounts::identities::Verified>, AppError> {
    use crate::accounts::identities::{VERIFIED, VERIFIED_SECONDS, Verified};
    let verified: Option<Verified> = session.get(VERIFIED).await.map_err(AppError::internal)?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    Ok(verified.filter(|verified| now - verified.at <= VERIFIED_SECONDS))
}

/// The answer when no sign-in waits for a choice (it took too long, was
/// finished in another tab, or never began).
#[cfg(feature = "ssr")]
fn nothing_waits() -> AppError {
    AppError::Form(crate::model::FormErrors { form: Some(crate::msg::WELCOME_EXPIRED.into()), ..Default::default() })
}

/// The provider's listing for `id`, as configured now.
#[cfg(feature = "ssr")]
fn listing(state: &crate::state::AppState, id: &str) -> Option<crate::accounts::identities::ProviderListing> {
    state.identity_providers.iter().find(|provider| provider.id == id).cloned()
}

/// What the welcome page shows; `None` when no sign-in waits (it expired,
/// or the page was opened directly).
#[server(endpoint = "welcome")]
pub async fn welcome() -> Result<Option<crate::model::Welcome>, AppError> {
    super::rules::authorize::<Welcome>().await?;
    let state = expect_context::<crate::state::AppState>();
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let Some(verified) = waiting(&session).await? else { return Ok(None) };
    let Some(provider) = listing(&state, &verified.identity.provider) else { return Ok(None) };
    let language = crate::i18n::use_language();
    Ok(Some(crate::model::Welcome { provider: provider.name(language).to_string(), name: verified.identity.name }))
}

/// A new account for the person the provider vouched for: a learner in
/// the provider's organisation, with no password.
#[server(endpoint = "create_provider_account")]
pub async fn create_provider_account() -> Result<(), AppError> {
    super::rules::authorize::<CreateProviderAccount>().await?;
    use crate::accounts::identities::{self, VERIFIED};
    use crate::accounts::limits::{self, Limit};
    use crate::model::FormErrors;

    let state = expect_context::<crate::state::AppState>();
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let Some(verified) = waiting(&session).await? else { return Err(nothing_waits()) };
    let provider = listing(&state, &verified.identity.provider).ok_or(AppError::NotFound)?;
    let actor = crate::auth::acting(None).await;
    // As many new accounts from one address as registering allows.
    let address = limits::address_key(actor.client_address.as_deref().unwrap_or_default());
    if limits::take(&state.db, Limit::Registration, &address).await.map_err(AppError::internal)?.is_err() {
        return Err(AppError::Form(FormErrors {
            form: Some(crate::msg::REGISTER_THROTTLED.into()),
            ..Default::default()
        }));
    }
    let language = crate::i18n::use_language();
    let identity = &verified.identity;
    let user =
        match identities::create_linked_account(&state.db, identity, provider.organisation, Some(language), &actor)
            .await
        {
            Ok(user) => user,
            // Made meanwhile (a second tab): that account is theirs.
            Err(crate::accounts::AccountError::AlreadyLinked) => {
                identities::linked_account(&state.db, identity).await?.ok_or(AppError::Internal)?
            }
            Err(error) => return Err(error.into()),
        };
    session.remove_value(VERIFIED).await.map_err(AppError::internal)?;
    crate::auth::sign_in(&session, user.id).await?;
    super::accounts::remember_language(language);
    metrics::counter!("learn_identity_accounts_total", "provider" => provider.id, "how" => "created").increment(1);
    leptos_axum::redirect(&crate::auth::local_path(verified.next));
    Ok(())
}

/// Links the person the provider vouched for to their own account, once
/// its password is given (tries limited as at the login form).
#[server(endpoint = "link_provider_account")]
pub async fn link_provider_account(username: String, password: String) -> Result<(), AppError> {
    super::rules::authorize::<LinkProviderAccount>().await?;
    use crate::accounts::identities::{self, VERIFIED};

    let refused = |message: &str| super::accounts::refused_sign_in(&username, message);
    let state = expect_context::<crate::state::AppState>();
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let Some(verified) = waiting(&session).await? else { return Err(nothing_waits()) };
    let provider = listing(&state, &verified.identity.provider).ok_or(AppError::NotFound)?;
    let proven = match super::accounts::prove_password(&state, &username, &password).await? {
        Ok(proven) => proven,
        Err(message) => return Err(refused(message)),
    };
    // Staff accounts are not opened by a partner's sign-in: a partner's
    // provider (or its staff) must not become a way into the programme's.
    let refusal = if proven.user.role != crate::model::Role::Learner.as_str() {
        Some(crate::msg::IDENTITY_STAFF_NOT_LINKED)
    } else {
        match identities::link_account(&state.db, proven.user.id, &verified.identity, &proven.actor).await {
            Ok(()) => None,
            Err(crate::accounts::AccountError::AlreadyLinked) => Some(crate::msg::IDENTITY_ALREADY_LINKED),
            Err(error) => return Err(error.into()),
        }
    };
    if let Some(message) = refusal {
        // The password was right all the same: its tries are given back.
        crate::accounts::guessing::password_was_right(&state.db.writer, &proven.admitted)
            .await
            .map_err(AppError::internal)?;
        return Err(refused(message));
    }
    session.remove_value(VERIFIED).await.map_err(AppError::internal)?;
    let user_id = super::accounts::record_sign_in(&state, &proven).await?;
    crate::auth::sign_in(&session, user_id).await?;
    metrics::counter!("learn_identity_accounts_total", "provider" => provider.id, "how" => "linked").increment(1);
    leptos_axum::redirect("/account?linked#sign-in-with");
    Ok(())
}

/// Ends the link between the signed-in person's account and a provider.
#[server(endpoint = "unlink_identity")]
pub async fn unlink_identity(provider: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<UnlinkIdentity>().await?;
    use crate::accounts::AccountError;
    use crate::model::FormErrors;
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    let provider: String = provider.chars().take(64).collect();
    match crate::accounts::identities::unlink(&state.db, viewer.id, &provider, &actor).await {
        Ok(()) => {}
        Err(error @ (AccountError::NotLinked | AccountError::LastWayIn)) => {
            return Err(AppError::Form(FormErrors { form: Some(error.message_id().into()), ..FormErrors::default() }));
        }
        Err(error) => return Err(error.into()),
    }
    leptos_axum::redirect("/account?unlinked#sign-in-with");
    Ok(())
}
