//! Bulk enrolment uploads: a multipart form post of one CSV file, kept for
//! its dry run at `/manage/import/{id}`. A file over the configured size,
//! not UTF-8, or without the right header is refused with a message on the
//! upload page, and nothing is kept.

use app::msg;
use app::policy;
use app::state::AppState;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::guard::{SignedIn, refuse_unless};

fn refused(message: &str, detail: &str) -> Response {
    let detail = app::statistics::reporting::encode(detail);
    Redirect::to(&format!("/manage/import?refused={message}&detail={detail}")).into_response()
}

/// `POST /manage/import`
pub async fn upload(State(state): State<AppState>, SignedIn(viewer): SignedIn, request: Request) -> Response {
    if let Some(refused) = refuse_unless(policy::may_import(&viewer)) {
        return refused;
    }
    let Ok(mut form) = Multipart::from_request(request, &state).await else {
        return refused(msg::IMPORT_ERROR_NO_FILE, "");
    };
    let limit = state.import_max_bytes;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return refused(msg::IMPORT_ERROR_NO_FILE, ""),
            // The body went over the limit (or the upload broke off).
            Err(_) => return refused(msg::IMPORT_ERROR_TOO_LARGE, ""),
        };
        if field.name() != Some("file") {
            continue;
        }
        let file_name = field.file_name().unwrap_or("upload.csv").to_string();
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > limit {
                        return refused(msg::IMPORT_ERROR_TOO_LARGE, "");
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(_) => return refused(msg::IMPORT_ERROR_TOO_LARGE, ""),
            }
        }
        if bytes.is_empty() {
            return refused(msg::IMPORT_ERROR_EMPTY, "");
        }
        return match app::learning::bulk::store_upload(&state.db, &file_name, &bytes, viewer.id).await {
            Ok(Ok(id)) => Redirect::to(&format!("/manage/import/{id}")).into_response(),
            Ok(Err(problem)) => refused(problem.message_id(), &problem.detail()),
            Err(error) => {
                tracing::error!(%error, "cannot keep an uploaded enrolment file");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        };
    }
}

/// `GET /manage/import/template.csv`: the columns, with two example rows.
pub async fn template() -> Response {
    let mut out = app::statistics::BYTE_ORDER_MARK.as_bytes().to_vec();
    for record in [
        ["name", "username", "cohort", "gender", "age_band", "region", "consent"],
        ["عائشہ بی بی", "ayesha.bibi", "ABCD-EFGH", "female", "18-24", "pk", "yes"],
        ["Гульнора Каримова", "gulnora.k", "ABCD-EFGH", "", "", "", ""],
    ] {
        app::statistics::write_record(&mut out, record);
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"learners-template.csv\""),
        ],
        out,
    )
        .into_response()
}
