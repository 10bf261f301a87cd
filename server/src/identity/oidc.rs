//! OpenID Connect, the relying party's half, through the `openidconnect`
//! crate: discovery (kept a few minutes), the authorization code flow with
//! PKCE, `state` and `nonce`, and the ID token's signature, issuer,
//! audience, expiry and nonce checked before anyone is signed in.

use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use super::config::ProviderConfig;
use app::accounts::identities::{Identity, MAX_SUBJECT_CHARS};

/// How long a provider's discovery document (and its keys) is kept for
/// finishing sign-ins. Starting one always asks the provider afresh, so
/// that nobody is sent to a provider that went down; starts are limited
/// per address (`Limit::ProviderSignIn`), so that nobody can make this
/// server flood the provider.
const METADATA_KEPT: Duration = Duration::from_secs(300);
/// How long the way to the provider and back may take: a person who
/// leaves the provider's page open longer starts again.
pub const PENDING_SECONDS: i64 = 15 * 60;

/// Why a sign-in through a provider did not happen. Either way the person
/// is sent back to the login page, which says so; the detail is logged.
#[derive(Debug)]
pub enum Refusal {
    /// The provider did not answer (or not sensibly): try later, or sign
    /// in with a password.
    Unreachable(String),
    /// The answer did not prove who the person is (a wrong state, nonce,
    /// audience or signature, an expired token, a code used twice).
    NotProven(String),
}

/// A sign-in on its way to the provider, kept in the person's session
/// until the provider sends them back: one use.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub provider: String,
    state: String,
    nonce: String,
    verifier: String,
    pub next: Option<String>,
    started_at: i64,
}

impl Pending {
    /// Whether `state` is the one sent (compared by their hashes, so the
    /// time taken tells nothing) and the round trip was not too long.
    pub fn answers(&self, provider: &str, state: &str, now: i64) -> bool {
        use sha2::{Digest, Sha256};
        self.provider == provider
            && Sha256::digest(self.state.as_bytes()) == Sha256::digest(state.as_bytes())
            && now - self.started_at <= PENDING_SECONDS
    }
}

/// One configured provider and what discovery found.
pub struct Provider {
    pub config: ProviderConfig,
    metadata: Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl Provider {
    pub fn new(config: ProviderConfig) -> Provider {
        Provider { config, metadata: Mutex::new(None) }
    }

    /// The provider's discovery document and keys: `fresh` asks the
    /// provider now (a sign-in starts only when it answers), otherwise
    /// what was read in the last few minutes.
    async fn metadata(&self, http: &reqwest::Client, fresh: bool) -> Result<CoreProviderMetadata, Refusal> {
        if !fresh
            && let Some((at, metadata)) = self.metadata.lock().await.as_ref()
            && at.elapsed() < METADATA_KEPT
        {
            return Ok(metadata.clone());
        }
        // Asked without holding the lock: a classroom pressing the button
        // at once waits for the provider in parallel, not in a queue.
        let issuer =
            IssuerUrl::new(self.config.issuer.clone()).map_err(|error| Refusal::Unreachable(error.to_string()))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, http)
            .await
            .map_err(|error| Refusal::Unreachable(format!("discovery: {}", chain(&error))))?;
        // The secret and the PKCE verifier go to the token endpoint: never
        // in the clear, unless the provider itself is on this machine.
        let loopback = super::config::is_loopback_http(&self.config.issuer);
        let token = metadata.token_endpoint().map(|url| url.url().clone());
        let keys = metadata.jwks_uri().url().clone();
        let safe =
            |url: &reqwest::Url| url.scheme() == "https" || (loopback && super::config::is_loopback_http(url.as_str()));
        if !token.as_ref().is_some_and(safe) || !safe(&keys) {
            return Err(Refusal::Unreachable("the token endpoint or the keys are not at https:// addresses".into()));
        }
        *self.metadata.lock().await = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    /// The address to send the person to, and what to keep until they
    /// come back to `redirect`.
    pub async fn start(
        &self,
        http: &reqwest::Client,
        redirect: &str,
        next: Option<String>,
        now: i64,
    ) -> Result<(String, Pending), Refusal> {
        let client = self.client(self.metadata(http, true).await?, redirect)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("profile".to_string()))
            .add_scope(Scope::new("email".to_string()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = Pending {
            provider: self.config.id.clone(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next,
            started_at: now,
        };
        Ok((url.to_string(), pending))
    }

    /// Exchanges `code` for tokens and checks the ID token: who the
    /// provider says the person is.
    pub async fn finish(
        &self,
        http: &reqwest::Client,
        redirect: &str,
        pending: Pending,
        code: &str,
    ) -> Result<Identity, Refusal> {
        let client = self.client(self.metadata(http, false).await?, redirect)?;
        let request = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|error| Refusal::Unreachable(error.to_string()))?;
        let tokens =
            request.set_pkce_verifier(PkceCodeVerifier::new(pending.verifier)).request_async(http).await.map_err(
                |error| match error {
                    RequestTokenError::Request(error) => Refusal::Unreachable(format!("token: {}", chain(&error))),
                    RequestTokenError::ServerResponse(answer) => Refusal::NotProven(format!("token refused: {answer}")),
                    other => Refusal::NotProven(format!("token: {}", chain(&other))),
                },
            )?;
        let id_token = tokens.id_token().ok_or_else(|| Refusal::NotProven("no ID token".into()))?;
        let verifier = client.id_token_verifier();
        let claims = id_token
            .claims(&verifier, &Nonce::new(pending.nonce))
            .map_err(|error| Refusal::NotProven(format!("ID token: {error}")))?;
        // The access token is the one the ID token was issued with.
        if let Some(expected) = claims.access_token_hash() {
            let algorithm = id_token.signing_alg().map_err(|error| Refusal::NotProven(error.to_string()))?;
            let key = id_token.signing_key(&verifier).map_err(|error| Refusal::NotProven(error.to_string()))?;
            let actual = AccessTokenHash::from_token(tokens.access_token(), algorithm, key)
                .map_err(|error| Refusal::NotProven(error.to_string()))?;
            if actual != *expected {
                return Err(Refusal::NotProven("the access token's hash differs".into()));
            }
        }
        let subject = claims.subject().as_str();
        if subject.is_empty() || subject.chars().count() > MAX_SUBJECT_CHARS {
            return Err(Refusal::NotProven("a subject of no or too many characters".into()));
        }
        let name = claims.name().and_then(|name| name.get(None)).map(|name| name.as_str().chars().take(200).collect());
        let username_hint = claims
            .preferred_username()
            .map(|name| name.as_str().to_string())
            .or_else(|| claims.email().and_then(|email| email.as_str().split('@').next().map(str::to_string)))
            .map(|hint| hint.chars().take(64).collect());
        Ok(Identity { provider: self.config.id.clone(), subject: subject.to_string(), name, username_hint })
    }

    fn client(
        &self,
        metadata: CoreProviderMetadata,
        redirect: &str,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        Refusal,
    > {
        let redirect =
            RedirectUrl::new(redirect.to_string()).map_err(|error| Refusal::Unreachable(error.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }
}

/// The HTTP client providers are reached with: no redirects followed
/// (they would open the way to other addresses), and a bound on waiting.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("an HTTP client with system roots builds")
}

fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
