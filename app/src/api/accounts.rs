//! Registering, signing in and out. Each is a plain form post: without
//! JavaScript the answer is a redirect (home on success, back to the form
//! with its errors and typed values otherwise).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "register")]
#[allow(clippy::too_many_arguments)]
pub async fn register(
    username: String,
    display_name: String,
    password: String,
    language: String,
    gender: Option<String>,
    gender_consent: Option<String>,
    age_band: Option<String>,
    age_band_consent: Option<String>,
    region: Option<String>,
    region_consent: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    super::rules::authorize::<Register>().await?;
    use crate::accounts::limits::{self, Limit};
    use crate::accounts::{AccountError, DisplayName, NewAccount, NewPassword, Username, create_user, parse_profile};
    use crate::language::Language;
    use crate::model::{FormErrors, Role};

    let profile = ProfileForm { gender, gender_consent, age_band, age_band_consent, region, region_consent };
    let mut errors = FormErrors {
        values: [("username".to_string(), username.clone()), ("display_name".to_string(), display_name.clone())]
            .into_iter()
            .chain(profile.typed_values())
            .collect(),
        ..FormErrors::default()
    };
    let display_name =
        DisplayName::parse(&display_name).map_err(|id| errors.fields.push(("display_name".into(), id.into()))).ok();
    let password =
        NewPassword::parse(&password, &username).map_err(|id| errors.fields.push(("password".into(), id.into()))).ok();
    let username = Username::parse_new(&username).map_err(|id| errors.fields.push(("username".into(), id.into()))).ok();
    let profile = parse_profile(&profile.choices()).map_err(|refusals| errors.fields.extend(refusals)).ok();
    let (Some(username), Some(display_name), Some(password), Some(profile)) =
        (username, display_name, password, profile)
    else {
        return Err(AppError::Form(errors));
    };
    let language = Language::from_code(&language).unwrap_or_else(crate::i18n::use_language);

    let state = expect_context::<crate::state::AppState>();
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let account =
        NewAccount { username, display_name, password, role: Role::Learner, language: Some(language), profile };
    let actor = crate::auth::acting(None).await;
    // A classroom registers together from one address; a script does not
    // get to make thousands of accounts.
    let address = limits::address_key(actor.client_address.as_deref().unwrap_or_default());
    if limits::take(&state.db, Limit::Registration, &address).await.map_err(AppError::internal)?.is_err() {
        errors.form = Some(crate::msg::REGISTER_THROTTLED.into());
        return Err(AppError::Form(errors));
    }
    let user = match create_user(&state.db, account, &actor).await {
        Ok(user) => user,
        Err(AccountError::UsernameTaken) => {
            errors.fields.push(("username".into(), crate::msg::USERNAME_TAKEN.into()));
            return Err(AppError::Form(errors));
        }
        Err(error @ (AccountError::Hashing(_) | AccountError::Database(_))) => return Err(error.into()),
        Err(error) => return Err(AppError::internal(error)),
    };
    remember_language(language);
    crate::auth::sign_in(&session, user.id).await?;
    remember_device(&state, user.id).await?;
    leptos_axum::redirect(&crate::auth::local_path(next));
    Ok(())
}

/// This browser proved it is the account's (a registration, a redeemed
/// code; a sign-in with a password is `record_sign_in`): from now on its
/// wrong passwords count against an allowance of its own (see
/// `accounts::device`).
#[cfg(feature = "ssr")]
pub(super) async fn remember_device(state: &crate::state::AppState, user_id: i64) -> Result<(), AppError> {
    let value = crate::accounts::remember(&state.db.writer, user_id, None).await.map_err(AppError::internal)?;
    crate::auth::set_cookie(&crate::accounts::device_cookie(&value, state.secure_cookies));
    Ok(())
}

/// The profile questions as a form sends them: the chosen answer and
/// whether its consent box was ticked (absent when not).
#[cfg(feature = "ssr")]
struct ProfileForm {
    gender: Option<String>,
    gender_consent: Option<String>,
    age_band: Option<String>,
    age_band_consent: Option<String>,
    region: Option<String>,
    region_consent: Option<String>,
}

#[cfg(feature = "ssr")]
impl ProfileForm {
    fn choices(&self) -> Vec<(crate::model::ProfileQuestion, crate::accounts::ProfileChoice)> {
        use crate::accounts::ProfileChoice;
        use crate::model::ProfileQuestion;
        let choice = |answer: &Option<String>, consent: &Option<String>| ProfileChoice {
            answer: answer.clone(),
            consent: consent.is_some(),
        };
        vec![
            (ProfileQuestion::Gender, choice(&self.gender, &self.gender_consent)),
            (ProfileQuestion::AgeBand, choice(&self.age_band, &self.age_band_consent)),
            (ProfileQuestion::Region, choice(&self.region, &self.region_consent)),
        ]
    }

    /// What was chosen, to show the form again as it was after an error.
    fn typed_values(&self) -> Vec<(String, String)> {
        self.choices()
            .into_iter()
            .flat_map(|(question, choice)| {
                let answer = choice.answer.map(|answer| (question.as_str().to_string(), answer));
                let consent = choice.consent.then(|| (question.consent_field().to_string(), "on".to_string()));
                answer.into_iter().chain(consent)
            })
            .collect()
    }
}

/// Saves a signed-in person's answers to the profile questions: each kept
/// only with its consent; unticking a consent deletes that answer.
#[server(endpoint = "save_profile")]
pub async fn save_profile(
    gender: Option<String>,
    gender_consent: Option<String>,
    age_band: Option<String>,
    age_band_consent: Option<String>,
    region: Option<String>,
    region_consent: Option<String>,
) -> Result<(), AppError> {
    use crate::model::FormErrors;
    let viewer = super::rules::signed_in::<SaveProfile>().await?;
    let form = ProfileForm { gender, gender_consent, age_band, age_band_consent, region, region_consent };
    let answers = crate::accounts::parse_profile(&form.choices()).map_err(|fields| {
        AppError::Form(FormErrors { fields, values: form.typed_values(), ..FormErrors::default() })
    })?;
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::accounts::save_profile(&state.db, viewer.id, &answers, &actor).await.map_err(AppError::internal)?;
    leptos_axum::redirect("/account?profile=saved#profile");
    Ok(())
}

/// Withdraws every consent: the person's profile answers are deleted.
#[server(endpoint = "withdraw_consent")]
pub async fn withdraw_consent() -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<WithdrawConsent>().await?;
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::accounts::save_profile(&state.db, viewer.id, &Vec::new(), &actor).await.map_err(AppError::internal)?;
    leptos_axum::redirect("/account?profile=withdrawn#profile");
    Ok(())
}

/// The signed-in person's own profile answers, for the account page.
#[server(endpoint = "my_profile")]
pub async fn my_profile() -> Result<crate::model::MyAccount, AppError> {
    let viewer = super::rules::signed_in::<MyProfile>().await?;
    let state = expect_context::<crate::state::AppState>();
    let profile = crate::accounts::profile_answers(&state.db, viewer.id).await.map_err(AppError::internal)?;
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let (links, has_password) =
        crate::accounts::identities::sign_in_ways(&state.db, viewer.id).await.map_err(AppError::internal)?;
    let language = crate::i18n::use_language();
    let links = links
        .into_iter()
        .map(|link| {
            let name = state
                .identity_providers
                .iter()
                .chain(state.lti_platforms.iter())
                .find(|provider| provider.id == link.provider)
                .map_or_else(|| link.provider.clone(), |provider| provider.name(language).to_string());
            crate::model::LinkedIdentity { provider: link.provider, name }
        })
        .collect();
    Ok(crate::model::MyAccount {
        profile,
        failed_sign_ins: crate::auth::failed_sign_ins(&session).await?,
        links,
        has_password,
    })
}

/// Sets a new password with a reset code, ends every other sign-in of the
/// account, and signs in here.
#[server(endpoint = "redeem_reset_code")]
pub async fn redeem_reset_code(code: String, new_password: String) -> Result<(), AppError> {
    super::rules::authorize::<RedeemResetCode>().await?;
    use crate::accounts::limits::{self, Limit};
    use crate::accounts::{RedeemError, ResetCode};
    use crate::model::FormErrors;

    let refuse = |field: &str, message: &str| {
        AppError::Form(FormErrors {
            fields: vec![(field.into(), message.into())],
            values: vec![("code".into(), code.clone())],
            ..FormErrors::default()
        })
    };
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(None).await;
    let address = limits::address_key(actor.client_address.as_deref().unwrap_or_default());
    // Codes count on their own: they never hold up a sign-in. A try is
    // taken first and given back when the code works.
    if limits::take(&state.db, Limit::ResetCode, &address).await.map_err(AppError::internal)?.is_err() {
        return Err(refuse("code", crate::msg::CODE_THROTTLED));
    }
    let Some(parsed) = ResetCode::parse(&code) else { return Err(refuse("code", crate::msg::RESET_CODE_INVALID)) };
    if !issuer_still_may(&state, &parsed).await? {
        return Err(refuse("code", crate::msg::RESET_CODE_INVALID));
    }
    let user = match crate::accounts::redeem_reset_code(&state.db, &parsed, &new_password, &actor).await {
        Ok(user) => {
            limits::give_back(&state.db.writer, Limit::ResetCode, &address).await.map_err(AppError::internal)?;
            state.kept_sessions.forget_all();
            user
        }
        Err(RedeemError::InvalidCode) => return Err(refuse("code", crate::msg::RESET_CODE_INVALID)),
        Err(RedeemError::Password(message)) => return Err(refuse("new_password", message)),
        Err(RedeemError::Account(error)) => return Err(error.into()),
    };
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    crate::auth::sign_in(&session, user.id).await?;
    remember_device(&state, user.id).await?;
    leptos_axum::redirect("/account?changed=1");
    Ok(())
}

/// Whoever issued a code must still look after its account when it is
/// redeemed: a learner who has since moved to another organisation's
/// cohort, or an issuer who is no longer a manager, makes the code void.
#[cfg(feature = "ssr")]
async fn issuer_still_may(state: &crate::state::AppState, code: &crate::accounts::ResetCode) -> Result<bool, AppError> {
    let Some(issuer) = crate::accounts::issuer_of(&state.db, code).await.map_err(AppError::from)? else {
        return Ok(true); // Issued from the command line.
    };
    let Some(subject) = crate::accounts::account_for_code(&state.db, code).await.map_err(AppError::from)? else {
        return Ok(false);
    };
    if issuer.deleted_at.is_some() {
        return Ok(false);
    }
    let catalog = state.catalog.current();
    let facts =
        crate::learning::account_facts(&state.db.reader, &catalog, &subject).await.map_err(AppError::internal)?;
    Ok(crate::policy::may_issue_reset_code(&crate::auth::viewer_of(issuer)?, &facts))
}

#[server(endpoint = "login")]
pub async fn login(username: String, password: String, next: Option<String>) -> Result<(), AppError> {
    super::rules::authorize::<Login>().await?;

    let refused = |message: &str| refused_sign_in(&username, message);
    let state = expect_context::<crate::state::AppState>();
    let proven = match prove_password(&state, &username, &password).await? {
        Ok(proven) => proven,
        Err(message) => return Err(refused(message)),
    };
    if let Some(language) = proven.user.language.as_deref().and_then(crate::language::Language::from_code) {
        remember_language(language);
    }
    // The owner hears of every wrong password tried since they last signed in.
    let failed =
        crate::accounts::failed_sign_ins_since_last(&state.db, proven.user.id, proven.actor.client_address.as_deref())
            .await
            .map_err(AppError::internal)?;
    let user_id = record_sign_in(&state, &proven).await?;
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    crate::auth::sign_in(&session, user_id).await?;
    if failed > 0 {
        crate::auth::remember_failed_sign_ins(&session, failed).await?;
        leptos_axum::redirect("/account?failed_sign_ins");
    } else {
        leptos_axum::redirect(&crate::auth::local_path(next));
    }
    Ok(())
}

/// A sign-in form sent back with `message`, the username kept.
#[cfg(feature = "ssr")]
pub(super) fn refused_sign_in(username: &str, message: &str) -> AppError {
    AppError::Form(crate::model::FormErrors {
        values: vec![("username".into(), username.to_string())],
        form: Some(message.into()),
        ..crate::model::FormErrors::default()
    })
}

/// An account whose password was given, as the login form checks it.
#[cfg(feature = "ssr")]
pub(super) struct PasswordProven {
    pub user: crate::entities::user::Model,
    /// The browser, when the account signed in from it before.
    pub device: Option<crate::accounts::Device>,
    pub actor: crate::accounts::Actor,
    /// The tries it took, given back when the sign-in is recorded.
    pub admitted: crate::accounts::guessing::Admitted,
}

/// Records a sign-in with the right password in one transaction (tries
/// given back, audit line, this browser remembered: its cookie is set).
/// Returns the account's id.
#[cfg(feature = "ssr")]
pub(super) async fn record_sign_in(state: &crate::state::AppState, proven: &PasswordProven) -> Result<i64, AppError> {
    let PasswordProven { user, device, actor, admitted } = proven;
    let value = crate::accounts::record_sign_in(&state.db, user.id, admitted, actor, device.as_ref())
        .await
        .map_err(AppError::internal)?;
    crate::auth::set_cookie(&crate::accounts::device_cookie(&value, state.secure_cookies));
    Ok(user.id)
}

/// Checks `username` and `password` as the login form does: wrong tries
/// limited per account, address and browser, the same work and answer for
/// an unknown user, an account without a password and a wrong password.
/// A refusal is the message to show.
#[cfg(feature = "ssr")]
pub(super) async fn prove_password(
    state: &crate::state::AppState,
    username: &str,
    password: &str,
) -> Result<Result<PasswordProven, &'static str>, AppError> {
    use crate::accounts::guessing::{self, SLOWED_BY};
    use crate::accounts::{Actor, PasswordHash, Username, find_user, record_failed_login, verify_password};
    use crate::state::ClientAddr;

    let address = leptos_axum::extract::<axum::Extension<ClientAddr>>().await.ok().map(|found| found.0.0);
    let account: String = username.trim().to_lowercase().chars().take(64).collect();
    let user = match Username::parse(username) {
        Ok(name) => find_user(&state.db, &name).await?,
        Err(_) => None,
    };
    // A browser this account signed in from before has its own allowance.
    let device = match crate::auth::request_cookie(crate::accounts::device_cookie_name(state.secure_cookies)).await {
        Some(value) => crate::accounts::recognise(&state.db.reader, &value).await.map_err(AppError::internal)?,
        None => None,
    }
    .filter(|device| user.as_ref().is_some_and(|user| user.id == device.user_id));
    // Counted before the hash, so that tries sent at once get the
    // allowance and no more (`accounts::guessing`).
    let address_text = address.map(|address| address.to_string());
    let Some(admitted) = guessing::admit(&state.db, &account, address_text.as_deref(), device.as_ref())
        .await
        .map_err(AppError::internal)?
    else {
        return Ok(Err(crate::msg::LOGIN_THROTTLED));
    };
    if admitted.slowed {
        tokio::time::sleep(SLOWED_BY).await;
    }
    let actor = Actor { user_id: user.as_ref().map(|user| user.id), client_address: address_text };
    // The same work and the same answer for an unknown user, an account
    // without a password yet and a wrong password: the form must not tell
    // who has an account.
    let hash = user.as_ref().map(|user| PasswordHash::from_stored(user.password_hash.clone()));
    if !verify_password(password, hash.as_ref()).await? {
        record_failed_login(&state.db, user.as_ref().map(|user| user.id), &actor).await.map_err(AppError::internal)?;
        return Ok(Err(crate::msg::LOGIN_FAILED));
    }
    let Some(user) = user else { return Ok(Err(crate::msg::LOGIN_FAILED)) };
    Ok(Ok(PasswordProven { user, device, actor, admitted }))
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    super::rules::authorize::<Logout>().await?;
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    crate::auth::sign_out(&session).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Saves a signed-in person's interface language to their profile (and the
/// cookie), then goes back to the page they were on. A POST: a GET link
/// (`?lang=`) only sets the cookie.
#[server(endpoint = "save_language")]
pub async fn save_language(language: String) -> Result<(), AppError> {
    use crate::language::Language;

    let viewer = super::rules::signed_in::<SaveLanguage>().await?;
    let language = Language::from_code(&language).ok_or(AppError::BadRequest)?;
    let state = expect_context::<crate::state::AppState>();
    crate::accounts::set_language(&state.db, viewer.id, language).await.map_err(AppError::internal)?;
    state.kept_sessions.forget_all();
    remember_language(language);
    Ok(())
}

/// Sets the `lang` cookie, so that the language stays after signing out.
#[cfg(feature = "ssr")]
pub(super) fn remember_language(language: crate::language::Language) {
    let secure = expect_context::<crate::state::AppState>().secure_cookies;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let cookie = crate::language::language_cookie(language, secure);
        if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
            response.append_header(axum::http::header::SET_COOKIE, value);
        }
    }
}

#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    use crate::accounts::{AccountError, NewPassword, Username};
    use crate::model::FormErrors;

    let viewer = super::rules::signed_in::<ChangePassword>().await?;
    let refuse = |field: &str, message: &str| {
        AppError::Form(FormErrors { fields: vec![(field.into(), message.into())], ..FormErrors::default() })
    };
    let username = Username::parse(&viewer.username)
        .map_err(|refused| AppError::internal(format!("a stored username does not parse: {refused}")))?;
    let new = NewPassword::parse(&new_password, username.as_str()).map_err(|id| refuse("new_password", id))?;
    let state = expect_context::<crate::state::AppState>();
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    let keep = session.id().map(|id| crate::auth::stored_session_id(&id.to_string()));
    let actor = crate::auth::acting(Some(&viewer)).await;
    match crate::accounts::change_password(&state.db, viewer.id, &current_password, &new, keep.as_deref(), &actor).await
    {
        Ok(()) => {}
        Err(AccountError::WrongPassword) => return Err(refuse("current_password", crate::msg::PASSWORD_WRONG_CURRENT)),
        Err(AccountError::TooManyTries) => return Err(refuse("current_password", crate::msg::PASSWORD_THROTTLED)),
        Err(error @ (AccountError::Hashing(_) | AccountError::Database(_))) => return Err(error.into()),
        Err(error) => return Err(AppError::internal(error)),
    }
    // A new id for the session that stays, too.
    state.kept_sessions.forget_all();
    session.cycle_id().await.map_err(AppError::internal)?;
    leptos_axum::redirect("/account?changed=1");
    Ok(())
}

#[server(endpoint = "delete_account")]
pub async fn delete_account(delete_password: String) -> Result<(), AppError> {
    use crate::accounts::AccountError;
    use crate::model::FormErrors;

    let viewer = super::rules::signed_in::<DeleteAccount>().await?;
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    // An account with no password is confirmed by its username, which is
    // on the page: the person must also have signed in lately (through
    // their provider), not merely be holding a phone left signed in.
    let (_, has_password) =
        crate::accounts::identities::sign_in_ways(&state.db, viewer.id).await.map_err(AppError::internal)?;
    if !has_password && crate::auth::signed_in_seconds_ago(&session).await? > 10 * 60 {
        return Err(AppError::Form(FormErrors {
            fields: vec![("delete_password".into(), crate::msg::ACCOUNT_DELETE_SIGN_IN_AGAIN.into())],
            ..FormErrors::default()
        }));
    }
    match crate::accounts::delete_account(&state.db, viewer.id, &delete_password, &actor).await {
        Ok(()) => {}
        Err(error @ (AccountError::WrongPassword | AccountError::TooManyTries)) => {
            let message = if matches!(error, AccountError::WrongPassword) {
                crate::msg::PASSWORD_WRONG_CURRENT
            } else {
                crate::msg::PASSWORD_THROTTLED
            };
            return Err(AppError::Form(FormErrors {
                fields: vec![("delete_password".into(), message.into())],
                ..FormErrors::default()
            }));
        }
        Err(error @ (AccountError::Hashing(_) | AccountError::Database(_))) => return Err(error.into()),
        Err(error) => return Err(AppError::internal(error)),
    }
    crate::auth::sign_out(&session).await?;
    leptos_axum::redirect("/");
    Ok(())
}
