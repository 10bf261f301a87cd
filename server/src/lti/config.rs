//! The operator's file of partners' learning platforms (`--lti-platforms`):
//! read and checked once at start, like the identity providers' file.
//!
//! ```toml
//! tool_key_file = "lti-tool.pem"        # this tool's RSA key (PEM)
//!
//! [[platform]]
//! id = "city-moodle"
//! issuer = "https://moodle.city.example"
//! client_id = "Kx7Zq1"
//! deployment_ids = ["1"]
//! jwks_url = "https://moodle.city.example/mod/lti/certs.php"
//! login_url = "https://moodle.city.example/mod/lti/auth.php"
//! token_url = "https://moodle.city.example/mod/lti/token.php"
//! organisation = "City University"     # optional
//! origins = []                          # optional: other origins of the LMS (Canvas)
//! name = { en = "City University Moodle" }
//! ```

use std::path::Path;

use app::language::Language;
use serde::Deserialize;

use crate::identity::config::{Names, checked_names, is_loopback_http, well_formed_id};

/// The longest an issuer, client id, deployment id or address may be.
const MAX_FIELD_CHARS: usize = 500;
/// More platforms than one programme works with.
const MAX_PLATFORMS: usize = 32;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    tool_key_file: Option<std::path::PathBuf>,
    #[serde(default)]
    platform: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    issuer: String,
    client_id: String,
    deployment_ids: Vec<String>,
    jwks_url: String,
    login_url: String,
    token_url: Option<String>,
    organisation: Option<String>,
    #[serde(default)]
    origins: Vec<String>,
    name: Names,
}

/// One platform as registered.
#[derive(Clone, Debug)]
pub struct PlatformConfig {
    pub id: String,
    pub issuer: String,
    pub client_id: String,
    pub deployment_ids: Vec<String>,
    pub jwks_url: String,
    /// The platform's OpenID Connect authentication request address.
    pub login_url: String,
    /// Its OAuth 2 token address, for sending scores (none: no scores).
    pub token_url: Option<String>,
    pub organisation: Option<String>,
    /// The origins the LMS serves its pages and services from: its
    /// issuer's, and any listed (Canvas's issuer is not its site).
    pub origins: Vec<String>,
    pub names: Vec<(Language, String)>,
}

impl PlatformConfig {
    /// Whether `address` is a safe kind of address at all: https, or http
    /// on this machine when the platform itself is; no user or password.
    fn safe(&self, address: &str) -> bool {
        let https = reqwest::Url::parse(address)
            .is_ok_and(|url| url.scheme() == "https" && url.username().is_empty() && url.password().is_none());
        https || (is_loopback_http(&self.issuer) && is_loopback_http(address))
    }

    /// Whether an address the platform sent (a grade column, a deep
    /// linking return address) may be called or posted to: one of the
    /// platform's own origins, so that a platform cannot make this server
    /// call a third party (or this server's own network) with its token.
    pub fn may_call(&self, address: &str) -> bool {
        self.safe(address) && origin_of(address).is_some_and(|origin| self.origins.contains(&origin))
    }

    /// Its name in `language`, else in English.
    pub fn name(&self, language: Language) -> &str {
        let named = |wanted| self.names.iter().find(|(language, _)| *language == wanted).map(|(_, name)| name.as_str());
        named(language).or_else(|| named(Language::En)).unwrap_or(&self.id)
    }
}

/// The file read: this tool's key (PEM) and the platforms.
pub struct Registrations {
    pub tool_key_pem: String,
    pub platforms: Vec<PlatformConfig>,
}

impl std::fmt::Debug for Registrations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registrations").field("platforms", &self.platforms).finish_non_exhaustive()
    }
}

/// Reads and checks the file at `path`.
pub fn read(path: &Path) -> Result<Registrations, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    parse(&text, path.parent().unwrap_or(Path::new(".")))
}

/// Checks the file's text; the key file is read relative to `folder`.
pub fn parse(text: &str, folder: &Path) -> Result<Registrations, String> {
    let file: File = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(0, |span| text[..span.start.min(text.len())].lines().count().max(1));
        format!("the LTI platforms file, line {line}: {}", error.message())
    })?;
    if file.platform.len() > MAX_PLATFORMS {
        return Err(format!("at most {MAX_PLATFORMS} LTI platforms"));
    }
    let key_file = file.tool_key_file.ok_or("the LTI platforms file needs tool_key_file, this tool's RSA key")?;
    let tool_key_pem = std::fs::read_to_string(folder.join(&key_file))
        .map_err(|error| format!("cannot read the LTI tool key {}: {error}", key_file.display()))?;
    let mut platforms: Vec<PlatformConfig> = Vec::new();
    for entry in file.platform {
        let platform = checked(entry)?;
        let twice = platforms.iter().any(|other| {
            other.id == platform.id || (other.issuer == platform.issuer && other.client_id == platform.client_id)
        });
        if twice {
            return Err(format!("LTI platform `{}` is listed twice", platform.id));
        }
        platforms.push(platform);
    }
    Ok(Registrations { tool_key_pem, platforms })
}

fn checked(entry: Entry) -> Result<PlatformConfig, String> {
    let id = entry.id;
    if !well_formed_id(&id) {
        return Err(format!("LTI platform id `{id}`: 1 to 32 of a-z, 0-9 and -"));
    }
    let mut fields = vec![&entry.issuer, &entry.client_id, &entry.jwks_url, &entry.login_url];
    fields.extend(entry.token_url.iter());
    fields.extend(entry.origins.iter());
    if fields.iter().any(|field| field.is_empty() || field.len() > MAX_FIELD_CHARS) {
        return Err(format!("LTI platform `{id}`: a field is empty or longer than {MAX_FIELD_CHARS} characters"));
    }
    if entry.deployment_ids.iter().any(|deployment| deployment.is_empty() || deployment.len() > 255) {
        return Err(format!("LTI platform `{id}`: a deployment id is empty or longer than 255 characters"));
    }
    if entry.deployment_ids.is_empty() || entry.deployment_ids.len() > 100 {
        return Err(format!("LTI platform `{id}`: 1 to 100 deployment_ids"));
    }
    let names = checked_names(entry.name).map_err(|error| format!("LTI platform `{id}`: {error}"))?;
    let issuer = entry.issuer.trim().to_string();
    let mut origins = Vec::new();
    for address in std::iter::once(&issuer).chain(entry.origins.iter()) {
        match origin_of(address) {
            Some(origin) if !origins.contains(&origin) => origins.push(origin),
            Some(_) => {}
            None => return Err(format!("LTI platform `{id}`: `{address}` is not an address")),
        }
    }
    let platform = PlatformConfig {
        id,
        issuer,
        client_id: entry.client_id,
        deployment_ids: entry.deployment_ids,
        jwks_url: entry.jwks_url,
        login_url: entry.login_url,
        token_url: entry.token_url,
        organisation: entry.organisation.map(|name| name.trim().to_string()).filter(|name| !name.is_empty()),
        origins,
        names,
    };
    let issuer_ok = reqwest::Url::parse(&platform.issuer)
        .is_ok_and(|url| url.scheme() == "https" && url.username().is_empty())
        || is_loopback_http(&platform.issuer);
    // The operator's own addresses: any host, of a safe kind.
    let mut addresses = vec![&platform.jwks_url, &platform.login_url];
    addresses.extend(platform.token_url.iter());
    addresses.extend(platform.origins.iter());
    if !issuer_ok || addresses.iter().any(|address| !platform.safe(address)) {
        return Err(format!(
            "LTI platform `{}`: the issuer and addresses must be https:// (http:// only on this machine)",
            platform.id
        ));
    }
    Ok(platform)
}

/// `scheme://host[:port]` of an address.
pub fn origin_of(address: &str) -> Option<String> {
    let url = reqwest::Url::parse(address).ok()?;
    Some(url.origin().ascii_serialization()).filter(|origin| origin != "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        tool_key_file = "key.pem"

        [[platform]]
        id = "city-moodle"
        issuer = "https://moodle.example"
        client_id = "abc"
        deployment_ids = ["1"]
        jwks_url = "https://moodle.example/mod/lti/certs.php"
        login_url = "https://moodle.example/mod/lti/auth.php"
        token_url = "https://moodle.example/mod/lti/token.php"
        name = { en = "City Moodle" }
    "#;

    fn folder() -> tempfile::TempDir {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("key.pem"), "not read here").unwrap();
        folder
    }

    #[test]
    fn a_platform_is_read() {
        let folder = folder();
        let read = parse(GOOD, folder.path()).unwrap();
        assert_eq!(read.platforms.len(), 1);
        assert_eq!(read.platforms[0].deployment_ids, vec!["1".to_string()]);
        assert_eq!(read.platforms[0].name(Language::Ur), "City Moodle", "English when not given");
        assert!(!format!("{read:?}").contains("not read here"), "the key is never printed");
    }

    #[test]
    fn mistakes_are_named() {
        let folder = folder();
        let folder = folder.path();
        let plain = GOOD.replace("https://moodle.example/mod/lti/certs.php", "http://moodle.example/certs");
        assert!(parse(&plain, folder).unwrap_err().contains("https://"));
        let no_key = GOOD.replace("tool_key_file = \"key.pem\"", "");
        assert!(parse(&no_key, folder).unwrap_err().contains("tool_key_file"));
        let no_deployment = GOOD.replace("[\"1\"]", "[]");
        assert!(parse(&no_deployment, folder).unwrap_err().contains("deployment"));
        let twice = format!("{GOOD}{}", &GOOD[GOOD.find("[[platform]]").unwrap()..]);
        assert!(parse(&twice, folder).unwrap_err().contains("twice"));
        let local = GOOD.replace("https://moodle.example", "http://127.0.0.1:9000");
        assert!(parse(&local, folder).is_ok(), "a platform on this machine may use http");
        let long = GOOD.replace("[\"1\"]", &format!("[\"{}\"]", "d".repeat(256)));
        assert!(parse(&long, folder).unwrap_err().contains("255"));
    }

    #[test]
    fn addresses_the_platform_sends_must_be_its_own() {
        let folder = folder();
        let canvas = GOOD.replace("name = {", "origins = [\"https://school.instructure.com\"]\n        name = {");
        let platform = &parse(&canvas, folder.path()).unwrap().platforms[0];
        assert!(platform.may_call("https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem"));
        assert!(platform.may_call("https://school.instructure.com/api/lti/courses/1/line_items/2"));
        assert!(!platform.may_call("https://169.254.169.254/latest/meta-data"), "not a third party");
        assert!(!platform.may_call("http://moodle.example/lineitem"), "not in the clear");
        assert!(!platform.may_call("https://user:pw@moodle.example/lineitem"));
    }
}
