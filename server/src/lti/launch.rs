//! A launch's ID token, checked: the platform's signature (its key set,
//! kept a few minutes), issuer, audience, expiry and nonce by the
//! `openidconnect` crate, then LTI's own claims (version, deployment,
//! message type) here.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreGenderClaim, CoreIdTokenVerifier, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
};
use openidconnect::{AdditionalClaims, ClientId, IdToken, IssuerUrl, JsonWebKeySetUrl, Nonce};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::Mutex;

use super::config::PlatformConfig;
use app::accounts::identities::MAX_SUBJECT_CHARS;

/// How long a platform's key set is used before it is asked again.
const KEYS_KEPT: Duration = Duration::from_secs(300);
/// The least time between two askings, when a token names a key the set
/// does not have (the platform may have turned to a new key).
const KEYS_REFRESH: Duration = Duration::from_secs(30);

/// LTI's claims in a launch's ID token.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct LtiClaims {
    #[serde(rename = "https://purl.imsglobal.org/spec/lti/claim/message_type")]
    message_type: String,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti/claim/version")]
    version: String,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti/claim/deployment_id")]
    deployment_id: String,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti/claim/roles", default)]
    roles: Vec<String>,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti/claim/custom", default)]
    custom: Option<HashMap<String, Value>>,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", default)]
    grades: Option<GradeEndpoint>,
    #[serde(rename = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", default)]
    deep_linking: Option<DeepLinkingSettings>,
}

impl AdditionalClaims for LtiClaims {}

#[derive(Clone, Debug, Deserialize, Serialize)]
struct GradeEndpoint {
    #[serde(default)]
    scope: Vec<String>,
    lineitem: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
struct DeepLinkingSettings {
    deep_link_return_url: String,
    data: Option<String>,
}

type LtiIdToken = IdToken<LtiClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// What a checked launch asks for.
#[derive(Debug)]
pub enum Message {
    /// Open a course (or one of its lessons) for the person.
    ResourceLink {
        subject: String,
        name: Option<String>,
        username_hint: Option<String>,
        /// The person is a learner in the platform's context (not only
        /// an instructor or administrator).
        learner: bool,
        course: Option<String>,
        lesson: Option<String>,
        /// The grade column scores go back to, when the platform allows.
        lineitem: Option<String>,
    },
    /// The platform's instructor picks what to place.
    DeepLinking { deployment_id: String, return_url: String, data: Option<String> },
}

/// Why a launch was refused (logged; the person sees a sentence).
#[derive(Debug)]
pub enum Refusal {
    /// The platform's keys could not be fetched.
    Unreachable(String),
    /// The token proves nothing: a wrong signature, issuer, audience,
    /// nonce or deployment, an expired token.
    NotProven(String),
}

/// A platform's key set, kept a few minutes.
#[derive(Default)]
pub struct KeySet {
    kept: Mutex<Option<(Instant, CoreJsonWebKeySet)>>,
}

impl KeySet {
    /// The keys: those kept, while young enough (`fresh`: asked for
    /// because a token named a key they lack), else asked again. One
    /// asking at a time, and at most one every [`KEYS_REFRESH`] whatever
    /// its outcome; keys that could not be asked again stay in use.
    async fn get(&self, http: &reqwest::Client, url: &str, fresh: bool) -> Result<CoreJsonWebKeySet, Refusal> {
        let mut kept = self.kept.lock().await;
        if let Some((at, keys)) = kept.as_ref() {
            let young = if fresh { at.elapsed() < KEYS_REFRESH } else { at.elapsed() < KEYS_KEPT };
            if young {
                return Ok(keys.clone());
            }
        }
        let address =
            JsonWebKeySetUrl::new(url.to_string()).map_err(|error| Refusal::Unreachable(error.to_string()))?;
        match CoreJsonWebKeySet::fetch_async(&address, http).await {
            Ok(keys) => {
                *kept = Some((Instant::now(), keys.clone()));
                Ok(keys)
            }
            Err(error) => match kept.as_mut() {
                Some((at, keys)) => {
                    tracing::warn!(%error, "a platform's keys could not be asked again; the kept ones are used");
                    *at = Instant::now();
                    Ok(keys.clone())
                }
                None => Err(Refusal::Unreachable(format!("the platform's keys: {error}"))),
            },
        }
    }
}

/// Checks `id_token` from `platform`, which must carry `nonce`.
pub async fn check(
    platform: &PlatformConfig,
    keys: &KeySet,
    http: &reqwest::Client,
    id_token: &str,
    nonce: &str,
) -> Result<Message, Refusal> {
    let token: LtiIdToken =
        id_token.parse().map_err(|error| Refusal::NotProven(format!("not an ID token: {error}")))?;
    let issuer = IssuerUrl::new(platform.issuer.clone()).map_err(|error| Refusal::NotProven(error.to_string()))?;
    let verify = |keys: CoreJsonWebKeySet| {
        let verifier =
            CoreIdTokenVerifier::new_public_client(ClientId::new(platform.client_id.clone()), issuer.clone(), keys);
        token.claims(&verifier, &Nonce::new(nonce.to_string())).cloned()
    };
    let claims = match verify(keys.get(http, &platform.jwks_url, false).await?) {
        Ok(claims) => claims,
        // A key the set did not have: the platform may have a new one.
        Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => {
            verify(keys.get(http, &platform.jwks_url, true).await?)
                .map_err(|error| Refusal::NotProven(format!("ID token: {error}")))?
        }
        Err(error) => return Err(Refusal::NotProven(format!("ID token: {error}"))),
    };
    // The party the token was issued to, when named, is this tool.
    if claims.authorized_party().is_some_and(|party| party.as_str() != platform.client_id) {
        return Err(Refusal::NotProven("issued to another party (azp)".into()));
    }
    let lti = claims.additional_claims();
    if lti.version != "1.3.0" {
        return Err(Refusal::NotProven(format!("LTI version {:?}", lti.version.chars().take(20).collect::<String>())));
    }
    if !platform.deployment_ids.contains(&lti.deployment_id) {
        return Err(Refusal::NotProven("a deployment this platform's registration does not list".into()));
    }
    let subject = claims.subject().as_str();
    if subject.chars().count() > MAX_SUBJECT_CHARS {
        return Err(Refusal::NotProven("a subject of too many characters".into()));
    }
    match lti.message_type.as_str() {
        "LtiResourceLinkRequest" => {
            if subject.is_empty() {
                return Err(Refusal::NotProven("an anonymous launch: no subject".into()));
            }
            let custom = |key: &str| {
                lti.custom
                    .as_ref()
                    .and_then(|custom| custom.get(key))
                    .and_then(Value::as_str)
                    .filter(|value| (1..=200).contains(&value.len()))
                    .map(str::to_string)
            };
            let lineitem = lti
                .grades
                .as_ref()
                .filter(|grades| grades.scope.iter().any(|scope| scope == SCORE_SCOPE))
                .and_then(|grades| grades.lineitem.clone())
                .filter(|lineitem| lineitem.len() <= 1000 && platform.may_call(lineitem));
            let name =
                claims.name().and_then(|name| name.get(None)).map(|name| name.as_str().chars().take(200).collect());
            let username_hint = claims
                .preferred_username()
                .map(|name| name.as_str().to_string())
                .or_else(|| claims.given_name().and_then(|name| name.get(None)).map(|name| name.as_str().to_string()))
                .map(|hint| hint.chars().take(64).collect());
            Ok(Message::ResourceLink {
                subject: subject.to_string(),
                name,
                username_hint,
                learner: is_learner(&lti.roles),
                course: custom("course"),
                lesson: custom("lesson"),
                lineitem,
            })
        }
        "LtiDeepLinkingRequest" => {
            let settings =
                lti.deep_linking.as_ref().ok_or_else(|| Refusal::NotProven("no deep linking settings".into()))?;
            let return_url = settings.deep_link_return_url.clone();
            if return_url.len() > 1000 || !platform.may_call(&return_url) {
                return Err(Refusal::NotProven("a deep linking return address that is not the platform's kind".into()));
            }
            // Returned exactly as it came, or not at all.
            let data = settings.data.clone();
            if data.as_ref().is_some_and(|data| data.len() > 2000) {
                return Err(Refusal::NotProven("deep linking data of more than 2000 bytes".into()));
            }
            Ok(Message::DeepLinking { deployment_id: lti.deployment_id.clone(), return_url, data })
        }
        other => Err(Refusal::NotProven(format!("message type {:?}", other.chars().take(40).collect::<String>()))),
    }
}

/// The scope that lets a tool send scores.
pub const SCORE_SCOPE: &str = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

/// Whether `roles` make the person a learner here: a context role of
/// Learner (or the short form some platforms send). Instructors and
/// administrators of the platform are not learners, and get no rights
/// of staff here either (docs/operators.md, "Roles").
pub fn is_learner(roles: &[String]) -> bool {
    const MEMBERSHIP: &str = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    let context: Vec<&str> = roles
        .iter()
        .filter_map(|role| role.strip_prefix(MEMBERSHIP).or((!role.contains('/')).then_some(role.as_str())))
        .collect();
    // The role in this course decides; the institution's (a student who
    // also teaches) only when the platform sent none for the course.
    if !context.is_empty() {
        return context.contains(&"Learner") && !context.iter().any(|role| STAFF.contains(role));
    }
    roles.iter().any(|role| {
        role == "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"
            || role == "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner"
    })
}

/// Context roles that make a person staff of the platform's course.
const STAFF: [&str; 5] = ["Instructor", "ContentDeveloper", "Administrator", "Mentor", "TeachingAssistant"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learners_are_told_from_staff() {
        let learner = vec!["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner".to_string()];
        let instructor = vec!["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor".to_string()];
        assert!(is_learner(&learner));
        assert!(!is_learner(&instructor));
        assert!(!is_learner(&[]), "no role: not a learner");
        let both = vec![instructor[0].clone(), learner[0].clone()];
        assert!(!is_learner(&both), "an instructor who is also enrolled is staff there");
        let student_teaching = vec![
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student".to_string(),
            instructor[0].clone(),
        ];
        assert!(!is_learner(&student_teaching), "the course's role decides");
        let student = vec!["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student".to_string()];
        assert!(is_learner(&student), "no course role: the institution's");
        assert!(is_learner(&["Learner".to_string()]), "the short form");
    }
}
