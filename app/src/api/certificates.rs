//! Certificates: the learner's own page, public verification, revocation.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CertificateView, Verification};

/// The signed-in learner's certificate for `course` (never anyone else's:
/// others see only the public verification page).
#[server(endpoint = "my_certificate")]
pub async fn my_certificate(course: String) -> Result<CertificateView, AppError> {
    let viewer = super::rules::signed_in::<MyCertificate>().await?;
    let state = expect_context::<crate::state::AppState>();
    let found = crate::learning::my_certificate(&state.db, viewer.id, &course)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    let mut view = certificate_view(found, &state.public_url, &state.programme_name);
    view.logo = state.programme_logo.is_some();
    Ok(view)
}

/// What a certificate shows, from what was issued.
#[cfg(feature = "ssr")]
pub fn certificate_view(
    found: crate::entities::certificate::Model,
    public_url: &str,
    programme: &str,
) -> CertificateView {
    let code = crate::codes::grouped(&found.verify_code);
    let verify_url = format!("{public_url}/verify/{code}");
    CertificateView {
        learner_name: found.learner_name,
        course_id: found.course_id,
        course_title: found.course_title,
        issued_on: crate::dates::utc_date(found.issued_at),
        minutes: found.minutes.max(0) as u32,
        programme: programme.to_string(),
        logo: false,
        qr_svg: qr_svg(&verify_url),
        verify_code: code,
        verify_url,
        revoked_on: found.revoked_at.map(crate::dates::utc_date),
    }
}

/// The QR code of `text` as an SVG element (no XML declaration), black on white.
#[cfg(feature = "ssr")]
fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => {
            let svg = code.render::<svg::Color>().min_dimensions(160, 160).quiet_zone(true).build();
            match svg.find("<svg") {
                Some(start) => svg[start..].to_string(),
                None => String::new(),
            }
        }
        Err(_) => String::new(),
    }
}

/// Anyone may check a certificate by its code: valid, revoked (with the
/// date) or unknown. Only name, course, date and issuer are shown.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(code: String) -> Result<Verification, AppError> {
    super::rules::authorize::<VerifyCertificate>().await?;
    use crate::model::VerifiedCertificate;
    let state = expect_context::<crate::state::AppState>();
    let Some(found) = crate::learning::find_certificate(&state.db, &code).await.map_err(AppError::internal)? else {
        return Ok(Verification::Unknown);
    };
    // The revoke form shows only to those who may revoke this certificate.
    let may_revoke = match crate::auth::current_viewer().await? {
        Some(viewer) if found.revoked_at.is_none() => {
            crate::policy::may_revoke_certificate(&viewer, crate::learning::earned_in(&found))
        }
        _ => false,
    };
    let verified = VerifiedCertificate {
        // Erased when the holder deleted their account: a verifier learns
        // that the certificate was issued, never the name.
        learner_name: Some(found.learner_name).filter(|name| !name.is_empty()),
        may_revoke,
        course_title: found.course_title,
        issued_on: crate::dates::utc_date(found.issued_at),
        programme: state.programme_name.clone(),
        verify_code: crate::codes::grouped(&found.verify_code),
    };
    Ok(match found.revoked_at {
        Some(revoked) => Verification::Revoked(verified, crate::dates::utc_date(revoked)),
        None => Verification::Valid(verified),
    })
}

/// Revokes a certificate with a reason (managers and administrators);
/// the verification page shows it at once.
#[server(endpoint = "revoke_certificate")]
pub async fn revoke_certificate(code: String, reason: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<RevokeCertificate>().await?;
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    crate::learning::revoke_certificate(&state.db, &code, &reason, &viewer, &actor).await?;
    let code = crate::codes::normalise(&code, crate::learning::VERIFY_CODE_LENGTH).unwrap_or_default();
    leptos_axum::redirect(&format!("/verify/{}", crate::codes::grouped(&code)));
    Ok(())
}
