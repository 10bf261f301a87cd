//! Accounts as administrators and managers see them.

use serde::{Deserialize, Serialize};

use super::Role;

/// An account as the people who look after accounts see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// The account page: the person's profile answers, and how many wrong
/// passwords were tried for the account before this sign-in (kept in the
/// session by signing in, so that a link cannot make it up).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub profile: super::ProfileAnswers,
    pub failed_sign_ins: u32,
    /// The partners' identity providers that sign in to this account.
    pub links: Vec<LinkedIdentity>,
    /// Whether the account has a password of its own (one made by a
    /// provider's sign-in has none).
    pub has_password: bool,
}

/// A provider an account is linked to, named in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    /// The provider's id, which the unlink form sends.
    pub provider: String,
    pub name: String,
}

/// The welcome page after a first sign-in through a provider: who vouched
/// for the person, and the name it gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub provider: String,
    pub name: Option<String>,
}

/// A reset code just issued, shown once to whoever issued it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedResetCode {
    pub username: String,
    /// Grouped for reading aloud or from paper: `ABCD-EFGH-JKMN`.
    pub code: String,
    /// UTC, `YYYY-MM-DD HH:MM UTC`.
    pub expires_at: String,
    /// The full address of `/reset/{code}`, to share.
    pub link: String,
}

/// The user administration page: the accounts found, and a code just issued.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersPage {
    pub users: Vec<UserSummary>,
    pub issued: Option<IssuedResetCode>,
}

/// One line of the audit log, as an administrator reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub action: String,
    pub client_address: Option<String>,
}

/// What an administrator gives partners to connect to this site: its
/// addresses, and the partners configured (no secrets).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partners {
    /// The public address every other address starts with.
    pub public_url: String,
    /// Identity providers (OpenID Connect): id and name.
    pub identity_providers: Vec<(String, String)>,
    /// Learning platforms (LTI 1.3): id and name.
    pub lti_platforms: Vec<(String, String)>,
}
