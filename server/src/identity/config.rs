//! The operator's file of identity providers (`--identity-providers`):
//! read and checked once at start, so that a mistake stops the server with
//! a sentence rather than failing a learner at the door.
//!
//! ```toml
//! [[provider]]
//! id = "one-window"
//! issuer = "https://id.one-window.example"
//! client_id = "learn"
//! client_secret_file = "/run/secrets/one-window"   # or client_secret = "…"
//! organisation = "One Window Centres"              # optional
//! name = { en = "One Window", ur = "ون ونڈو", uz = "Yagona darcha", ru = "Единое окно" }
//! ```

use std::path::Path;

use app::language::Language;
use serde::Deserialize;

/// The longest a provider's id, issuer, client id or name may be.
const MAX_FIELD_CHARS: usize = 200;
/// More providers than any login page should offer.
const MAX_PROVIDERS: usize = 16;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    provider: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    issuer: String,
    client_id: String,
    client_secret: Option<String>,
    client_secret_file: Option<std::path::PathBuf>,
    organisation: Option<String>,
    name: Names,
}

/// A partner's name in each language (English required).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    en: String,
    ur: Option<String>,
    uz: Option<String>,
    ru: Option<String>,
}

/// One provider as configured, its secret included.
#[derive(Clone)]
pub struct ProviderConfig {
    pub id: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// The name of the organisation its people join, if any.
    pub organisation: Option<String>,
    /// Its name in each language (English when not given).
    pub names: Vec<(Language, String)>,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig").field("id", &self.id).field("issuer", &self.issuer).finish_non_exhaustive()
    }
}

/// Reads and checks the file at `path`.
pub fn read(path: &Path) -> Result<Vec<ProviderConfig>, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    parse(&text, path.parent().unwrap_or(Path::new(".")))
}

/// Checks the file's text; a secret file is read relative to `folder`.
pub fn parse(text: &str, folder: &Path) -> Result<Vec<ProviderConfig>, String> {
    // The message only, and where: the line itself may hold a secret.
    let file: File = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(0, |span| text[..span.start.min(text.len())].lines().count().max(1));
        format!("the identity providers file, line {line}: {}", error.message())
    })?;
    if file.provider.len() > MAX_PROVIDERS {
        return Err(format!("at most {MAX_PROVIDERS} identity providers"));
    }
    let mut providers: Vec<ProviderConfig> = Vec::new();
    for entry in file.provider {
        let provider = checked(entry, folder)?;
        if providers.iter().any(|other| other.id == provider.id) {
            return Err(format!("identity provider `{}` is listed twice", provider.id));
        }
        providers.push(provider);
    }
    Ok(providers)
}

fn checked(entry: Entry, folder: &Path) -> Result<ProviderConfig, String> {
    let id = entry.id;
    if !well_formed_id(&id) {
        return Err(format!("identity provider id `{id}`: 1 to 32 of a-z, 0-9 and -"));
    }
    let too_long = [&entry.issuer, &entry.client_id, &entry.name.en].iter().any(|field| field.len() > MAX_FIELD_CHARS);
    if too_long {
        return Err(format!("identity provider `{id}`: a field is longer than {MAX_FIELD_CHARS} characters"));
    }
    // As the provider writes it: discovery compares it exactly.
    let issuer = entry.issuer.trim().to_string();
    let https = reqwest::Url::parse(&issuer).is_ok_and(|url| url.scheme() == "https" && url.username().is_empty());
    if !(https || is_loopback_http(&issuer)) {
        return Err(format!(
            "identity provider `{id}`: the issuer must be an https:// address (http:// only on this machine)"
        ));
    }
    let client_secret = match (entry.client_secret, entry.client_secret_file) {
        (Some(secret), None) => secret,
        (None, Some(file)) => std::fs::read_to_string(folder.join(&file))
            .map_err(|error| format!("identity provider `{id}`: cannot read {}: {error}", file.display()))?
            .trim()
            .to_string(),
        _ => return Err(format!("identity provider `{id}`: give exactly one of client_secret and client_secret_file")),
    };
    let names = checked_names(entry.name).map_err(|error| format!("identity provider `{id}`: {error}"))?;
    let organisation = entry.organisation.map(|name| name.trim().to_string()).filter(|name| !name.is_empty());
    Ok(ProviderConfig { id, issuer, client_id: entry.client_id, client_secret, organisation, names })
}

/// The names given, each 1 to 80 characters without control characters.
pub fn checked_names(names: Names) -> Result<Vec<(Language, String)>, String> {
    let names =
        [(Language::En, Some(names.en)), (Language::Ur, names.ur), (Language::Uz, names.uz), (Language::Ru, names.ru)];
    let mut named = Vec::new();
    for (language, name) in names {
        let Some(name) = name.map(|name| name.trim().to_string()) else { continue };
        if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
            return Err(format!("its {} name must be 1 to 80 characters", language.code()));
        }
        named.push((language, name));
    }
    Ok(named)
}

/// Whether `id` is a well-formed partner id: 1 to 32 of a-z, 0-9 and `-`,
/// not starting with `-`.
pub fn well_formed_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// `http://127.0.0.1:…` or `http://localhost:…`: a provider on this
/// machine (tests, a provider behind a local proxy).
pub fn is_loopback_http(address: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(address) else { return false };
    url.scheme() == "http"
        && url.username().is_empty()
        && url.password().is_none()
        && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        [[provider]]
        id = "one-window"
        issuer = "https://id.example/"
        client_id = "learn"
        client_secret = "s3cret"
        organisation = "One Window Centres"
        name = { en = "One Window", ur = "ون ونڈو" }
    "#;

    #[test]
    fn a_provider_is_read_with_its_names() {
        let providers = parse(GOOD, Path::new(".")).unwrap();
        assert_eq!(providers.len(), 1);
        let provider = &providers[0];
        assert_eq!(provider.issuer, "https://id.example/", "as written: discovery compares it exactly");
        assert_eq!(provider.names, vec![(Language::En, "One Window".into()), (Language::Ur, "ون ونڈو".into())]);
        assert_eq!(provider.organisation.as_deref(), Some("One Window Centres"));
        assert!(!format!("{provider:?}").contains("s3cret"), "the secret is never printed");
    }

    #[test]
    fn mistakes_are_named() {
        let plain_http = GOOD.replace("https://id.example/", "http://id.example");
        assert!(parse(&plain_http, Path::new(".")).unwrap_err().contains("https://"));
        let local = GOOD.replace("https://id.example/", "http://127.0.0.1:9400");
        assert!(parse(&local, Path::new(".")).is_ok());
        let disguised = GOOD.replace("https://id.example/", "http://localhost:1@evil.example");
        assert!(parse(&disguised, Path::new(".")).is_err(), "not this machine at all");
        let leaky = GOOD.replace("client_secret = \"s3cret\"", "client_secret = \"s3cret");
        let error = parse(&leaky, Path::new(".")).unwrap_err();
        assert!(!error.contains("s3cret") && error.contains("line"), "{error}");
        let bad_id = GOOD.replace("one-window", "One Window");
        assert!(parse(&bad_id, Path::new(".")).unwrap_err().contains("a-z"));
        let no_secret = GOOD.replace("client_secret = \"s3cret\"", "");
        assert!(parse(&no_secret, Path::new(".")).unwrap_err().contains("client_secret"));
        let unknown = GOOD.replace("client_id", "client");
        assert!(parse(&unknown, Path::new(".")).is_err());
        let twice = format!("{GOOD}{GOOD}");
        assert!(parse(&twice, Path::new(".")).unwrap_err().contains("twice"));
    }
}
