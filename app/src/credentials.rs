//! Open Badges 3.0: each certificate is also an `OpenBadgeCredential` (W3C
//! Verifiable Credentials 2.0 data model) signed as a VC-JWT with RS256.
//! The issuer key comes from configuration (a PEM path or value, shared by
//! every instance) or is generated on first start into the data folder; it
//! is never in the database. Its public half is published as a JWKS at
//! `/.well-known/jwks.json`; revocations are published as a Bitstring
//! Status List credential at `/credentials/status/1`.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::RsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::entities::certificate;

/// The issuer's signing key and what identifies its public half.
pub struct IssuerKey {
    /// ring's key pair: RSA signing in constant time, with blinding.
    signing: ring::signature::RsaKeyPair,
    /// The public key as a JWK (with `kid`, `alg` and `use`).
    jwk: Value,
    /// `{public url}/.well-known/jwks.json#{RFC 7638 thumbprint}`: a URI
    /// that resolves, through the JWKS, to this key.
    kid: String,
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey").field("kid", &self.kid).finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read the issuer key {0}: {1}")]
    Read(String, std::io::Error),
    #[error("the issuer key is not an RSA private key in PKCS#8 PEM: {0}")]
    Parse(String),
    #[error("cannot write the new issuer key to {0}: {1}")]
    Write(String, std::io::Error),
    #[error("cannot generate an issuer key: {0}")]
    Generate(String),
    #[error("the issuer key could not sign")]
    Sign,
}

/// The signed revocation list, kept while the revocations stay the same:
/// signing is expensive and must not be something anyone can make the
/// server do at will, so it happens once per change.
#[derive(Debug, Default)]
pub struct StatusListCache(std::sync::Mutex<Option<(String, String)>>);

impl StatusListCache {
    /// The list signed for the revocations `tag` names, signed now by
    /// `sign` only if it is not kept already.
    pub fn get_or_sign(&self, tag: &str, sign: impl FnOnce() -> Result<String, KeyError>) -> Result<String, KeyError> {
        if let Ok(kept) = self.0.lock()
            && let Some((kept_tag, signed)) = kept.as_ref()
            && kept_tag == tag
        {
            return Ok(signed.clone());
        }
        let signed = sign()?;
        if let Ok(mut kept) = self.0.lock() {
            *kept = Some((tag.to_string(), signed.clone()));
        }
        Ok(signed)
    }
}

/// A tag for a set of revoked certificate ids (the list's `ETag`).
pub fn revocations_tag(revoked_ids: &[i64]) -> String {
    let mut hasher = Sha256::new();
    for id in revoked_ids {
        hasher.update(id.to_be_bytes());
    }
    hasher.finalize()[..12].iter().map(|b| format!("{b:02x}")).collect()
}

impl IssuerKey {
    /// The configured key (`configured`: a PEM value, or a path to one),
    /// else `{data_dir}/issuer-key.pem`, generated (RSA 2048) if missing.
    pub fn load_or_create(configured: Option<&str>, data_dir: &Path, public_url: &str) -> Result<IssuerKey, KeyError> {
        let pem = match configured {
            Some(value) if value.trim_start().starts_with("-----BEGIN") => value.to_string(),
            Some(path) => std::fs::read_to_string(path).map_err(|e| KeyError::Read(path.to_string(), e))?,
            None => {
                let path = data_dir.join("issuer-key.pem");
                if path.exists() {
                    std::fs::read_to_string(&path).map_err(|e| KeyError::Read(path.display().to_string(), e))?
                } else {
                    let pem = generate_pem()?;
                    write_private(&path, &pem).map_err(|e| KeyError::Write(path.display().to_string(), e))?;
                    tracing::info!(path = %path.display(), "generated a new issuer key for certificates");
                    pem
                }
            }
        };
        IssuerKey::from_pem(&pem, public_url)
    }

    pub fn from_pem(pem: &str, public_url: &str) -> Result<IssuerKey, KeyError> {
        let private = RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| KeyError::Parse(e.to_string()))?;
        let public = private.to_public_key();
        let n = URL_SAFE_NO_PAD.encode(public.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(public.e().to_bytes_be());
        // RFC 7638: the required members, in lexicographic order, no spaces.
        let canonical = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let thumbprint = URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()));
        let kid = format!("{public_url}/.well-known/jwks.json#{thumbprint}");
        let jwk = json!({ "kty": "RSA", "n": n, "e": e, "alg": "RS256", "use": "sig", "kid": kid });
        let der = private.to_pkcs8_der().map_err(|e| KeyError::Parse(e.to_string()))?;
        let signing =
            ring::signature::RsaKeyPair::from_pkcs8(der.as_bytes()).map_err(|e| KeyError::Parse(e.to_string()))?;
        Ok(IssuerKey { signing, jwk, kid })
    }

    /// The JWKS document: this one key.
    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.jwk] })
    }

    pub fn public_jwk(&self) -> &Value {
        &self.jwk
    }

    /// `payload` signed as a compact JWS: RS256, `typ` JWT, `kid` this key.
    pub fn sign(&self, payload: &Value) -> Result<String, KeyError> {
        let header = json!({ "alg": "RS256", "typ": "JWT", "kid": self.kid });
        let signing_input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(payload.to_string()));
        let mut signature = vec![0; self.signing.public().modulus_len()];
        let random = ring::rand::SystemRandom::new();
        self.signing
            .sign(&ring::signature::RSA_PKCS1_SHA256, &random, signing_input.as_bytes(), &mut signature)
            .map_err(|_| KeyError::Sign)?;
        Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}

fn generate_pem() -> Result<String, KeyError> {
    let private = RsaPrivateKey::new(&mut rand_core::OsRng, 2048).map_err(|e| KeyError::Generate(e.to_string()))?;
    private.to_pkcs8_pem(LineEnding::LF).map(|pem| pem.to_string()).map_err(|e| KeyError::Generate(e.to_string()))
}

/// Writes a secret readable by its owner only.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

/// The issuer profile, published at `/issuer`.
pub fn issuer_profile(public_url: &str, programme: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("{public_url}/issuer"),
        "type": ["Profile"],
        "name": programme,
        "url": public_url,
    })
}

/// How many certificates one status list covers (the minimum size the
/// Bitstring Status List specification sets, 16 KiB): certificate ids
/// beyond it would need a second list.
pub const STATUS_LIST_BITS: usize = 131_072;

/// A certificate as an `OpenBadgeCredential`, the payload of its VC-JWT.
pub fn open_badge(cert: &certificate::Model, course_summary: &str, public_url: &str, programme: &str) -> Value {
    let code = crate::codes::grouped(&cert.verify_code);
    let id = format!("{public_url}/verify/{code}");
    let issuer = issuer_profile(public_url, programme);
    let issuer_id = issuer["id"].clone();
    // An opaque URI for the learner: no name, no number from our database.
    let subject_hash = Sha256::digest(format!("learner:{}:{}", cert.user_id, cert.verify_code).as_bytes());
    let subject = format!("urn:uuid:{}", uuid_from(&subject_hash));
    let valid_from = cert.issued_at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let index = cert.id.to_string();
    let status_list = format!("{public_url}/credentials/status/1");
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "name": cert.course_title,
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": false,
                "identityHash": cert.learner_name,
            }],
            "achievement": {
                "id": format!("{public_url}/courses/{}", cert.course_id),
                "type": ["Achievement"],
                "name": cert.course_title,
                "description": course_summary,
                "criteria": { "narrative": "Complete every lesson of the course and pass every quiz." },
            },
        },
        "credentialStatus": {
            "id": format!("{status_list}#{index}"),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": index,
            "statusListCredential": status_list,
        },
        // The JWT claims the VC-JWT rules map from the credential.
        "iss": issuer_id,
        "sub": subject,
        "jti": id,
        "nbf": cert.issued_at.unix_timestamp(),
    })
}

/// The revocation status list: bit `id` set for each revoked certificate
/// (most significant bit first), gzipped and base64url-encoded with the
/// multibase prefix `u`.
pub fn status_list(revoked_ids: &[i64], public_url: &str, programme: &str) -> Value {
    let mut bits = vec![0u8; STATUS_LIST_BITS / 8];
    for &id in revoked_ids {
        if let Ok(index) = usize::try_from(id)
            && index < STATUS_LIST_BITS
        {
            bits[index / 8] |= 0x80 >> (index % 8);
        }
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = gzip.write_all(&bits);
    let compressed = gzip.finish().unwrap_or_default();
    let id = format!("{public_url}/credentials/status/1");
    let issuer = issuer_profile(public_url, programme);
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer["id"],
        "validFrom": time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "credentialSubject": {
            "id": format!("{id}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": format!("u{}", URL_SAFE_NO_PAD.encode(compressed)),
        },
        "iss": issuer["id"],
        "jti": id,
        "iat": time::OffsetDateTime::now_utc().unix_timestamp(),
    })
}

/// A UUID-shaped string from the first 16 bytes of a hash (version 8:
/// custom, variant RFC 4122).
fn uuid_from(hash: &[u8]) -> String {
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_list_bits_are_most_significant_first() {
        let list = status_list(&[0, 9], "https://learn.example", "P");
        let encoded = list["credentialSubject"]["encodedList"].as_str().unwrap();
        let compressed = URL_SAFE_NO_PAD.decode(&encoded[1..]).unwrap();
        let mut bits = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&compressed[..]), &mut bits).unwrap();
        assert_eq!(bits.len(), STATUS_LIST_BITS / 8);
        assert_eq!((bits[0], bits[1], bits[2]), (0b1000_0000, 0b0100_0000, 0));
    }

    #[test]
    fn subject_ids_look_like_uuids() {
        let id = uuid_from(&Sha256::digest(b"x"));
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "8");
    }
}
