//! Pictures and files uploaded into a studio course's draft: a multipart
//! form post of one file, checked by its content (not its name), bounded
//! (a file, and the course as a whole), and kept in the database like
//! every other file of the draft. Pictures go through the image pipeline
//! when the draft is loaded, as in a course folder.

use app::state::AppState;
use app::studio::paths::{self, FileKind};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::guard::SignedIn;

fn back(course: &str, query: &str) -> Response {
    Redirect::to(&format!("/studio/{course}?{query}#files")).into_response()
}

fn refused(course: &str, message: &str) -> Response {
    back(course, &format!("upload_refused={message}"))
}

/// Reads the form's `folder` and `file`: the file's name and bytes, or
/// the message saying why not.
async fn read_form(mut form: Multipart) -> Result<(String, String, Vec<u8>), &'static str> {
    let mut folder = "assets".to_string();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err("studio-upload-refused-none"),
            Err(_) => return Err("studio-upload-refused-size"),
        };
        match field.name() {
            Some("folder") => {
                let text = field.text().await.map_err(|_| "studio-upload-refused-none")?;
                folder = text.trim().trim_matches('/').to_string();
            }
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                let mut field = field;
                let mut bytes = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() + chunk.len() > paths::MAX_UPLOAD_BYTES {
                                return Err("studio-upload-refused-size");
                            }
                            bytes.extend_from_slice(&chunk);
                        }
                        Ok(None) => break,
                        Err(_) => return Err("studio-upload-refused-size"),
                    }
                }
                if bytes.is_empty() || name.is_empty() {
                    return Err("studio-upload-refused-none");
                }
                return Ok((folder, name, bytes));
            }
            _ => {}
        }
    }
}

/// `POST /studio/{course}/files`
pub async fn upload(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(course): Path<String>,
    address: Option<axum::Extension<app::state::ClientAddr>>,
    request: Request,
) -> Response {
    let actor =
        app::accounts::Actor { user_id: Some(viewer.id), client_address: address.map(|found| found.0.0.to_string()) };
    let row = match app::studio::store::course(&state.db.reader, &course).await {
        Ok(Some(row)) => row,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot read a studio course");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // To anyone else, a course's drafts do not exist.
    if !app::policy::may_author(&viewer, &app::studio::store::instructors_of(&row)) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(form) = Multipart::from_request(request, &state).await else {
        return refused(&course, "studio-upload-refused-none");
    };
    let (folder, name, bytes) = match read_form(form).await {
        Ok(found) => found,
        Err(message) => return refused(&course, message),
    };
    let path = format!("{folder}/{}", paths::tidy_file_name(&name));
    let kind = match paths::kind_of(&path) {
        Ok(kind @ (FileKind::Picture | FileKind::Download)) => kind,
        _ => return refused(&course, "studio-upload-refused-kind"),
    };
    if !paths::content_matches(&path, &kind, &bytes) {
        return refused(&course, "studio-upload-refused-content");
    }
    match app::studio::upload(&state.db.writer, &course, &path, &bytes, &actor).await {
        Ok(Ok(())) => back(&course, &format!("uploaded={}", app::statistics::reporting::encode(&path))),
        Ok(Err(app::studio::UploadRefused::CourseFull)) => refused(&course, "studio-upload-refused-course-full"),
        Err(error) => app::error::AppError::from(error).into_response(),
    }
}
