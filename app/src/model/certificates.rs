//! Certificates as their holder and anyone verifying them see them.

use serde::{Deserialize, Serialize};

/// A learner's certificate, as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    /// As registered when the certificate was issued.
    pub learner_name: String,
    pub course_id: String,
    pub course_title: String,
    /// UTC date.
    pub issued_on: String,
    pub minutes: u32,
    pub programme: String,
    /// The programme has a logo (at `/programme-logo`).
    #[serde(default)]
    pub logo: bool,
    /// Grouped: `ABCD-EFGH-JKMN-PQRS`.
    pub verify_code: String,
    /// The public verification address the QR code holds.
    pub verify_url: String,
    /// The QR code of `verify_url`, as SVG drawn by the server.
    pub qr_svg: String,
    /// UTC date, if revoked.
    pub revoked_on: Option<String>,
}

/// What `/verify/{code}` says about a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// No certificate has that code (or it is not a code at all).
    Unknown,
    Valid(VerifiedCertificate),
    /// Revoked on the given UTC date.
    Revoked(VerifiedCertificate, String),
}

/// Only what a third party needs: name, course, date and issuer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedCertificate {
    /// `None` once the holder has deleted their account.
    pub learner_name: Option<String>,
    /// The person looking may revoke it (the form is shown).
    pub may_revoke: bool,
    pub course_title: String,
    pub issued_on: String,
    pub programme: String,
    /// Grouped, for the revoke form.
    pub verify_code: String,
}
