//! Accounts linked to a partner's identity provider (OpenID Connect).
//!
//! The provider's part (discovery, the code exchange, the ID token's
//! signature, issuer, audience, expiry and nonce) is the server's; what
//! arrives here is an [`Identity`] the server has verified. A person signs
//! in to the account their `(provider, sub)` is linked to. The first time,
//! they choose: a new account (no password; they join the provider's
//! organisation), or an existing one, linked only after its password is
//! given. Never by e-mail: a matching address proves nothing.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, SqlErr, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;

use super::audit::{Actor, record};
use super::error::{AccountError, internal};
use super::validation::{DisplayName, Username};
use crate::db::Db;
use crate::entities::{identity_link, user};
use crate::model::Role;

/// What an account holds instead of a password hash when it was made by a
/// provider's sign-in: no password matches it.
pub const NO_PASSWORD: &str = "!identity-provider";

/// The longest `sub` kept (the column's bound; OpenID Connect says 255).
pub const MAX_SUBJECT_CHARS: usize = 255;

/// A person as a provider vouched for them, after the server checked the
/// ID token. Kept in the session between the provider's answer and the
/// person's choice on the welcome page, for a few minutes at most.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The provider's id in the operator's configuration.
    pub provider: String,
    /// The provider's `sub`: stable, opaque, never shown.
    pub subject: String,
    /// The `name` claim, if the provider gave one.
    pub name: Option<String>,
    /// The `preferred_username` claim, or the part of `email` before `@`:
    /// only a suggestion for the new account's username.
    pub username_hint: Option<String>,
}

/// A partner's identity provider as pages see it: no secrets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderListing {
    /// Its id in the operator's configuration (and in its addresses).
    pub id: String,
    /// Its name in each language given (English always).
    pub names: Vec<(crate::language::Language, String)>,
    /// The organisation its people join.
    pub organisation: Option<i64>,
}

impl ProviderListing {
    /// Its name in `language`, else in English.
    pub fn name(&self, language: crate::language::Language) -> &str {
        let named = |wanted| self.names.iter().find(|(language, _)| *language == wanted).map(|(_, name)| name.as_str());
        named(language).or_else(|| named(crate::language::Language::En)).unwrap_or(&self.id)
    }
}

/// The session key of an [`Identity`] the provider vouched for, waiting
/// for the person's choice on the welcome page.
pub const VERIFIED: &str = "identity_verified";
/// How long that choice may wait.
pub const VERIFIED_SECONDS: i64 = 10 * 60;

/// What the session keeps between the provider's answer and the welcome
/// page's choice.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Verified {
    pub identity: Identity,
    /// When the provider's answer was checked (seconds since 1970).
    pub at: i64,
    /// Where the person was going when they chose to sign in.
    pub next: Option<String>,
}

/// The account `identity` signs in to, if it is linked to one (a deleted
/// account is nobody: its links were removed with it).
pub async fn linked_account(db: &Db, identity: &Identity) -> Result<Option<user::Model>, AccountError> {
    let Some(link) = identity_link::Entity::find()
        .filter(identity_link::Column::Provider.eq(&identity.provider))
        .filter(identity_link::Column::Subject.eq(&identity.subject))
        .one(&db.writer)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    user::Entity::find_by_id(link.user_id)
        .filter(user::Column::DeletedAt.is_null())
        .one(&db.writer)
        .await
        .map_err(internal)
}

/// Records a sign-in through a provider, in the audit log and on the link.
pub async fn record_sign_in(db: &Db, user_id: i64, identity: &Identity, actor: &Actor) -> Result<(), AccountError> {
    let transaction = db.writer.begin().await.map_err(internal)?;
    identity_link::Entity::update_many()
        .col_expr(identity_link::Column::LastSignInAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .filter(identity_link::Column::UserId.eq(user_id))
        .filter(identity_link::Column::Provider.eq(&identity.provider))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    record(&transaction, actor, Some(user_id), "user.login", json!({ "provider": identity.provider }))
        .await
        .map_err(internal)?;
    transaction.commit().await.map_err(internal)
}

/// A new learner account for `identity`, linked to it, in the provider's
/// organisation (if it has one), with no password: the person signs in
/// through the provider. Its username comes from the provider's hint,
/// made unique.
pub async fn create_linked_account(
    db: &Db,
    identity: &Identity,
    organisation: Option<i64>,
    language: Option<crate::language::Language>,
    actor: &Actor,
) -> Result<user::Model, AccountError> {
    let display_name =
        identity.name.as_deref().and_then(|name| DisplayName::parse(name).ok()).map(|name| name.as_str().to_string());
    let base = username_base(identity);
    // A taken username gets a number; a few tries, then a random tail.
    for attempt in 0..8u32 {
        let candidate = match attempt {
            0 => base.clone(),
            1..=5 => format!("{base}-{}", attempt + 1),
            _ => format!("{base}-{}", crate::codes::generate(6).to_lowercase()),
        };
        let Ok(username) = Username::parse_new(&candidate) else { continue };
        match insert_linked(db, identity, &username, display_name.as_deref(), organisation, language, actor).await {
            Err(AccountError::UsernameTaken) => continue,
            done => return done,
        }
    }
    Err(AccountError::UsernameTaken)
}

async fn insert_linked(
    db: &Db,
    identity: &Identity,
    username: &Username,
    display_name: Option<&str>,
    organisation: Option<i64>,
    language: Option<crate::language::Language>,
    actor: &Actor,
) -> Result<user::Model, AccountError> {
    let transaction = db.writer.begin().await.map_err(internal)?;
    let user = super::service::insert_account(
        &transaction,
        user::ActiveModel {
            username: Set(username.as_str().to_string()),
            display_name: Set(display_name.unwrap_or(username.as_str()).to_string()),
            password_hash: Set(NO_PASSWORD.to_string()),
            role: Set(Role::Learner.as_str().to_string()),
            language: Set(language.map(|language| language.code().to_string())),
            organisation_id: Set(organisation),
            created_at: Set(OffsetDateTime::now_utc()),
            ..Default::default()
        },
    )
    .await?;
    record(
        &transaction,
        actor,
        Some(user.id),
        "user.created",
        json!({ "role": user.role, "provider": identity.provider }),
    )
    .await
    .map_err(internal)?;
    insert_link(&transaction, user.id, identity, actor).await?;
    transaction.commit().await.map_err(internal)?;
    Ok(user)
}

/// Links `identity` to the account `user_id` (whose password the caller
/// has checked). Refused when the identity is linked already (to anyone),
/// or the account has another identity at the same provider.
pub async fn link_account(db: &Db, user_id: i64, identity: &Identity, actor: &Actor) -> Result<(), AccountError> {
    let transaction = db.writer.begin().await.map_err(internal)?;
    insert_link(&transaction, user_id, identity, actor).await?;
    transaction.commit().await.map_err(internal)
}

async fn insert_link(
    connection: &impl sea_orm::ConnectionTrait,
    user_id: i64,
    identity: &Identity,
    actor: &Actor,
) -> Result<(), AccountError> {
    let now = OffsetDateTime::now_utc();
    let inserted = identity_link::ActiveModel {
        user_id: Set(user_id),
        provider: Set(identity.provider.clone()),
        subject: Set(identity.subject.clone()),
        linked_at: Set(now),
        last_sign_in_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(connection)
    .await;
    match inserted {
        Ok(_) => {}
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(AccountError::AlreadyLinked);
        }
        Err(error) => return Err(internal(error)),
    }
    record(connection, actor, Some(user_id), "user.identity_linked", json!({ "provider": identity.provider }))
        .await
        .map_err(internal)
}

/// The providers an account is linked to, with when, oldest first.
pub async fn links_of(db: &Db, user_id: i64) -> Result<Vec<identity_link::Model>, sea_orm::DbErr> {
    identity_link::Entity::find()
        .filter(identity_link::Column::UserId.eq(user_id))
        .order_by_asc(identity_link::Column::Id)
        .all(&db.reader)
        .await
}

/// An account's links and whether it has a password of its own: its ways in.
pub async fn sign_in_ways(db: &Db, user_id: i64) -> Result<(Vec<identity_link::Model>, bool), sea_orm::DbErr> {
    let account = user::Entity::find_by_id(user_id).one(&db.reader).await?;
    Ok((links_of(db, user_id).await?, account.as_ref().is_some_and(has_password)))
}

/// Whether the account has a password of its own (not one made by a
/// provider's sign-in, waiting for a set-password code, or deleted).
pub fn has_password(account: &user::Model) -> bool {
    !account.password_hash.starts_with('!')
}

/// Ends the link between an account and a provider. An account with no
/// password keeps its last link: it would have no way in.
pub async fn unlink(db: &Db, user_id: i64, provider: &str, actor: &Actor) -> Result<(), AccountError> {
    let transaction = db.writer.begin().await.map_err(internal)?;
    let account = user::Entity::find_by_id(user_id)
        .one(&transaction)
        .await
        .map_err(internal)?
        .ok_or(AccountError::UnknownUser)?;
    let links = identity_link::Entity::find()
        .filter(identity_link::Column::UserId.eq(user_id))
        .all(&transaction)
        .await
        .map_err(internal)?;
    if !links.iter().any(|link| link.provider == provider) {
        return Err(AccountError::NotLinked);
    }
    if !has_password(&account) && links.len() == 1 {
        return Err(AccountError::LastWayIn);
    }
    identity_link::Entity::delete_many()
        .filter(identity_link::Column::UserId.eq(user_id))
        .filter(identity_link::Column::Provider.eq(provider))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    record(&transaction, actor, Some(user_id), "user.identity_unlinked", json!({ "provider": provider }))
        .await
        .map_err(internal)?;
    transaction.commit().await.map_err(internal)
}

/// Within a change of password (by its owner, a reset code or an
/// administrator): the account's links go too. A password someone else
/// learned may have been used to link their own provider identity; the
/// recovery that shuts them out of the password must shut them out of the
/// link as well. The owner links again from the welcome page.
pub(super) async fn end_links(
    connection: &impl sea_orm::ConnectionTrait,
    user_id: i64,
    actor: &Actor,
) -> Result<(), sea_orm::DbErr> {
    let links = identity_link::Entity::find().filter(identity_link::Column::UserId.eq(user_id)).all(connection).await?;
    // A learning platform's link (`lti:`) made the account itself, and is
    // never added with a password: it stays, or the learner's next launch
    // would make a second account and split their progress.
    for link in links.into_iter().filter(|link| !link.provider.starts_with("lti:")) {
        identity_link::Entity::delete_by_id(link.id).exec(connection).await?;
        let detail = json!({ "provider": link.provider, "because": "password changed" });
        record(connection, actor, Some(user_id), "user.identity_unlinked", detail).await?;
    }
    Ok(())
}

/// Within a deletion: the account's links go, so that the provider's
/// person can start afresh and nothing of them stays.
pub(super) async fn forget_links(
    connection: &impl sea_orm::ConnectionTrait,
    user_id: i64,
) -> Result<(), sea_orm::DbErr> {
    identity_link::Entity::delete_many().filter(identity_link::Column::UserId.eq(user_id)).exec(connection).await?;
    Ok(())
}

/// A username to start from: the provider's hint cut to what a username
/// may hold, else `provider` and a number.
fn username_base(identity: &Identity) -> String {
    let hint: String = identity
        .username_hint
        .as_deref()
        .unwrap_or_default()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take(24)
        .collect();
    if hint.chars().count() >= 3 && Username::parse_new(&hint).is_ok() {
        return hint;
    }
    let provider: String = identity.provider.chars().filter(|c| c.is_ascii_alphanumeric()).take(16).collect();
    format!("{}-{}", if provider.is_empty() { "user" } else { &provider }, crate::codes::generate(6).to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(hint: Option<&str>) -> Identity {
        Identity {
            provider: "one-window".into(),
            subject: "s".into(),
            name: None,
            username_hint: hint.map(str::to_string),
        }
    }

    #[test]
    fn a_username_comes_from_the_hint_or_the_provider() {
        assert_eq!(username_base(&identity(Some("Dilnoza.K"))), "dilnoza.k");
        assert_eq!(username_base(&identity(Some("__amina"))), "amina");
        let made = username_base(&identity(Some("عائشہ")));
        assert!(made.starts_with("onewindow-") && Username::parse_new(&made).is_ok(), "{made}");
        let made = username_base(&identity(Some("deleted-4")));
        assert!(made.starts_with("onewindow-"), "{made}");
        let long = username_base(&identity(Some(&"a".repeat(300))));
        assert_eq!(long.len(), 24);
    }
}
