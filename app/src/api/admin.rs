//! Administration: what only administrators may see.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::AuditEntry;

/// The latest 200 entries of the audit log.
#[server(endpoint = "audit_log")]
pub async fn read_audit_log() -> Result<Vec<AuditEntry>, AppError> {
    super::rules::authorize::<ReadAuditLog>().await?;
    let state = expect_context::<crate::state::AppState>();
    crate::accounts::latest_audit_entries(&state.db, 200).await.map_err(AppError::from)
}

/// The partners configured and the addresses they need (administrators).
#[server(endpoint = "partners")]
pub async fn read_partners() -> Result<crate::model::Partners, AppError> {
    super::rules::authorize::<ReadPartners>().await?;
    let state = expect_context::<crate::state::AppState>();
    let language = crate::i18n::use_language();
    let named = |listing: &[crate::accounts::identities::ProviderListing], strip: &str| {
        listing
            .iter()
            .map(|partner| (partner.id.trim_start_matches(strip).to_string(), partner.name(language).to_string()))
            .collect()
    };
    Ok(crate::model::Partners {
        public_url: state.public_url.clone(),
        identity_providers: named(&state.identity_providers, ""),
        lti_platforms: named(&state.lti_platforms, "lti:"),
    })
}

/// The cookie that carries a reset code just issued to the page that shows
/// it once. A cookie, not the session: sessions are stored in the
/// database, and the database holds only hashes of reset codes. It lives
/// five minutes at most, only in the issuer's browser, and is removed as
/// soon as the code has been shown.
#[cfg(feature = "ssr")]
const ISSUED_RESET_CODE: &str = "issued_reset_code";

/// Accounts whose username or name starts with `query` (the first 50), and a
/// reset code just issued by the person asking, shown once.
#[server(endpoint = "users_page")]
pub async fn users_page(query: String) -> Result<crate::model::UsersPage, AppError> {
    let viewer = super::rules::signed_in::<UsersPage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let query: String = query.chars().take(100).collect();
    let users = crate::accounts::find_users(&state.db, &query, 50, crate::policy::scoped_to(&viewer))
        .await
        .map_err(AppError::from)?;
    Ok(crate::model::UsersPage { users, issued: take_issued_code().await? })
}

/// The reset code this person just issued, if any: shown once, then its
/// cookie is removed.
#[cfg(feature = "ssr")]
pub async fn take_issued_code() -> Result<Option<crate::model::IssuedResetCode>, AppError> {
    let Some(value) = crate::auth::request_cookie(ISSUED_RESET_CODE).await else { return Ok(None) };
    set_issued_cookie("", 0);
    let mut parts = value.split('~');
    let (Some(username), Some(code), Some(expires)) = (parts.next(), parts.next(), parts.next()) else {
        return Ok(None);
    };
    let (Ok(username), Some(code), Ok(expires)) = (
        crate::accounts::Username::parse(username),
        crate::accounts::ResetCode::parse(code),
        expires
            .parse::<i64>()
            .map_err(|_| ())
            .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).map_err(|_| ())),
    ) else {
        return Ok(None);
    };
    let state = expect_context::<crate::state::AppState>();
    crate::auth::do_not_store();
    Ok(Some(crate::model::IssuedResetCode {
        username: username.to_string(),
        code: code.grouped(),
        expires_at: crate::dates::utc_minutes(expires),
        link: format!("{}/reset/{}", state.public_url, code.grouped()),
    }))
}

/// Sets (or, with `max_age` 0, removes) the cookie of an issued code.
#[cfg(feature = "ssr")]
fn set_issued_cookie(value: &str, max_age: u32) {
    let secure = expect_context::<crate::state::AppState>().secure_cookies;
    let cookie = format!(
        "{ISSUED_RESET_CODE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{}",
        if secure { "; Secure" } else { "" }
    );
    crate::auth::set_cookie(&cookie);
}

/// Issues a one-time reset code for an account the issuer looks after (see
/// `policy::may_issue_reset_code`), then shows it once on the page it came
/// from (`back`: a cohort page, for instructors) or on the users page.
#[server(endpoint = "issue_reset_code")]
pub async fn issue_reset_code(username: String, back: Option<String>) -> Result<(), AppError> {
    use crate::accounts::{Username, find_user};
    let viewer = super::rules::signed_in::<IssueResetCode>().await?;
    let state = expect_context::<crate::state::AppState>();
    let username = Username::parse(&username).map_err(|_| AppError::NotFound)?;
    let subject = find_user(&state.db, &username).await.map_err(AppError::from)?.ok_or(AppError::NotFound)?;
    let catalog = state.catalog.current();
    let facts =
        crate::learning::account_facts(&state.db.reader, &catalog, &subject).await.map_err(AppError::internal)?;
    if !crate::policy::may_issue_reset_code(&viewer, &facts) {
        return Err(AppError::Forbidden);
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    let issued = crate::accounts::issue_reset_code(&state.db, &username, state.policy.reset_code_lifetime, &actor)
        .await
        .map_err(AppError::from)?;
    set_issued_cookie(&format!("{username}~{}~{}", issued.code.grouped(), issued.expires_at.unix_timestamp()), 300);
    match back.filter(|path| path.starts_with("/manage/cohorts/") && path[16..].bytes().all(|b| b.is_ascii_digit())) {
        Some(path) => leptos_axum::redirect(&format!("{path}#issued")),
        None => leptos_axum::redirect(&format!("/admin/users?q={username}#issued")),
    }
    Ok(())
}

/// Changes an account's role (administrators only; not their own, so that
/// the last administrator cannot lock everyone out by mistake). Every
/// session of that account ends.
#[server(endpoint = "change_role")]
pub async fn change_role(username: String, role: String) -> Result<(), AppError> {
    use crate::accounts::{AccountError, Username};
    use crate::model::Role;
    let viewer = super::rules::signed_in::<ChangeRole>().await?;
    let username = Username::parse(&username).map_err(|_| AppError::NotFound)?;
    let role = Role::parse(&role).ok_or(AppError::BadRequest)?;
    let state = expect_context::<crate::state::AppState>();
    let subject =
        crate::accounts::find_user(&state.db, &username).await.map_err(AppError::from)?.ok_or(AppError::NotFound)?;
    let facts = crate::learning::facts_of(&subject, Vec::new()).map_err(AppError::internal)?;
    if !crate::policy::may_change_role(&viewer, username.as_str(), &facts) {
        return Err(AppError::Forbidden);
    }
    let actor = crate::auth::acting(Some(&viewer)).await;
    match crate::accounts::set_role(&state.db, &username, role, &actor).await {
        Ok(()) => state.kept_sessions.forget_all(),
        Err(AccountError::UnknownUser) => return Err(AppError::NotFound),
        Err(error) => return Err(error.into()),
    }
    leptos_axum::redirect(&format!("/admin/users?q={username}&changed={username}"));
    Ok(())
}
