//! This tool's RSA key: it signs what the tool sends a platform (the
//! deep-linking answer, the assertion that asks for a token to send
//! scores) as RS256 JSON Web Tokens, and is published at `/lti/jwks.json`
//! for platforms to check them with.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use openidconnect::core::{CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey};
use openidconnect::{JsonWebKeyId, PrivateSigningKey};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::Value;

/// The tool's key, ready to sign.
pub struct ToolKey {
    signing: CoreRsaPrivateSigningKey,
    kid: String,
    jwks: Value,
}

impl ToolKey {
    /// Reads an RSA private key in PEM (PKCS#8, as `openssl genpkey`
    /// writes it, or PKCS#1), of 2048 bits or more.
    pub fn from_pem(pem: &str) -> Result<ToolKey, String> {
        let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| "the LTI tool key is not an RSA private key in PEM".to_string())?;
        if key.size() * 8 < 2048 {
            return Err("the LTI tool key must have 2048 bits or more".into());
        }
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(key.n().to_bytes_be());
        let kid: String = digest.iter().take(8).map(|byte| format!("{byte:02x}")).collect();
        let pkcs1 = key.to_pkcs1_pem(rsa::pkcs1::LineEnding::LF).map_err(|error| error.to_string())?;
        let signing = CoreRsaPrivateSigningKey::from_pem(&pkcs1, Some(JsonWebKeyId::new(kid.clone())))?;
        let mut public = serde_json::to_value(signing.as_verification_key()).map_err(|error| error.to_string())?;
        public["alg"] = Value::from("RS256");
        public["use"] = Value::from("sig");
        Ok(ToolKey { signing, kid, jwks: serde_json::json!({ "keys": [public] }) })
    }

    /// The public key set, as `/lti/jwks.json` serves it.
    pub fn jwks(&self) -> &Value {
        &self.jwks
    }

    /// `claims` as a signed JWT (RS256, with this key's id).
    pub fn sign(&self, claims: &Value) -> Result<String, String> {
        let header = serde_json::json!({ "alg": "RS256", "typ": "JWT", "kid": self.kid });
        let input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
        let signature = self
            .signing
            .sign(&CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, input.as_bytes())
            .map_err(|error| error.to_string())?;
        Ok(format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}
