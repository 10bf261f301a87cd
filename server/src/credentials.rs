//! Open Badges 3.0 endpoints: the issuer's public key (JWKS), its profile,
//! the revocation status list, and a learner's own credential download.

use app::entities::certificate;
use app::msg;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::guard::{Requested, SignedIn};

fn json_response(value: &serde_json::Value) -> Response {
    ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], value.to_string()).into_response()
}

/// `/.well-known/jwks.json`: the one key credentials are signed with.
pub async fn jwks(State(state): State<AppState>) -> Response {
    json_response(&state.issuer.jwks())
}

/// `/issuer`: the issuer profile credentials name, with its public key
/// and where the key set is published.
pub async fn issuer(State(state): State<AppState>) -> Response {
    let mut profile = app::credentials::issuer_profile(&state.public_url, &state.programme_name);
    profile["publicKey"] = state.issuer.public_jwk().clone();
    profile["jwks"] = serde_json::Value::String(format!("{}/.well-known/jwks.json", state.public_url));
    json_response(&profile)
}

/// `/credentials/status/1`: the signed revocation list, current as of this
/// request (a revocation shows at once). It is signed once per change of
/// the revocations, never per request, and carries an `ETag`: a verifier
/// that has it already gets `304 Not Modified`.
pub async fn status_list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    use sea_orm::QuerySelect;
    let revoked: Result<Vec<i64>, _> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::Id)
        .filter(certificate::Column::RevokedAt.is_not_null())
        .order_by_asc(certificate::Column::Id)
        .into_tuple()
        .all(&state.db.reader)
        .await;
    let Ok(ids) = revoked else { return StatusCode::SERVICE_UNAVAILABLE.into_response() };
    let tag = format!("\"{}\"", app::credentials::revocations_tag(&ids));
    let cache = [(header::ETAG, tag.clone()), (header::CACHE_CONTROL, "no-cache".to_string())];
    if headers.get(header::IF_NONE_MATCH).and_then(|value| value.to_str().ok()) == Some(tag.as_str()) {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    let signed = state.status_list.get_or_sign(&tag, || {
        let list = app::credentials::status_list(&ids, &state.public_url, &state.programme_name);
        state.issuer.sign(&list)
    });
    match signed {
        Ok(signed) => (cache, [(header::CONTENT_TYPE, "application/vc+jwt")], signed).into_response(),
        Err(error) => app::error::AppError::internal(error).into_response(),
    }
}

/// `/my/certificates/{course}/credential.jwt`: the signed-in learner's own
/// credential, to keep or to put in a wallet.
pub async fn my_credential(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(course): Path<String>,
) -> Response {
    let cert = match app::learning::my_certificate(&state.db, viewer.id, &course).await {
        Ok(Some(cert)) => cert,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return app::error::AppError::internal(error).into_response(),
    };
    let summary = state.catalog.current().course(&course).map(|c| c.summary.clone()).unwrap_or_default();
    let badge = app::credentials::open_badge(&cert, &summary, &state.public_url, &state.programme_name);
    (
        [
            (header::CONTENT_TYPE, "application/vc+jwt"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"certificate.jwt\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        match state.issuer.sign(&badge) {
            Ok(signed) => signed,
            Err(error) => return app::error::AppError::internal(error).into_response(),
        },
    )
        .into_response()
}

/// `/my/certificates/{course}/certificate.pdf`: the signed-in learner's own
/// certificate as a one-page A4 PDF, labelled in their language (Urdu laid
/// out right to left), with the programme's logo when it is a PNG or JPEG.
pub async fn my_certificate_pdf(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    requested: Requested,
    Path(course): Path<String>,
) -> Response {
    use app::i18n::translate;
    use app::language::Language;
    let cert = match app::learning::my_certificate(&state.db, viewer.id, &course).await {
        Ok(Some(cert)) => cert,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return app::error::AppError::internal(error).into_response(),
    };
    let language: Language = requested.for_viewer(&viewer);
    let view = app::api::certificates::certificate_view(cert, &state.public_url, &state.programme_name);
    let label = |id: &str| translate(language, id, None);
    let labels = app::certificate_pdf::Labels {
        language,
        issued_on: app::format::date_in(language, &view.issued_on),
        qr: label(msg::CERTIFICATE_QR),
        heading: label(msg::CERTIFICATE_HEADING),
        certifies: label(msg::CERTIFICATE_CERTIFIES),
        completed: label(msg::CERTIFICATE_COMPLETED),
        date: label(msg::CERTIFICATE_DATE),
        hours: label(msg::CERTIFICATE_HOURS),
        duration: app::i18n::duration_in(language, view.minutes),
        issuer: label(msg::CERTIFICATE_ISSUER),
        verify_at: label(msg::CERTIFICATE_VERIFY_AT),
        code: label(msg::CERTIFICATE_CODE),
    };
    let logo = state.programme_logo.clone();
    let draw = move || {
        let logo = logo.as_deref().map(|(content_type, bytes)| app::certificate_pdf::Logo { content_type, bytes });
        app::certificate_pdf::certificate_pdf(&view, &labels, logo)
    };
    match tokio::task::spawn_blocking(draw).await {
        Ok(Ok(pdf)) => (
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"certificate.pdf\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            pdf,
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "cannot draw a certificate PDF (are Debian's fonts-noto-core installed?)");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/programme-logo`: the configured logo, for certificate pages.
pub async fn programme_logo(State(state): State<AppState>) -> Response {
    match &state.programme_logo {
        Some(logo) => {
            ([(header::CONTENT_TYPE, logo.0), (header::CACHE_CONTROL, "no-cache")], logo.1.clone()).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
