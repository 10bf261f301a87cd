//! Bulk enrolment pages: recent files, a file's dry run, applying it, and
//! the set-password codes of the accounts it created. Uploading itself is
//! a plain multipart form post handled by the server crate.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{ImportReport, ImportsPage};

/// The files this manager uploaded lately.
#[server(endpoint = "imports_page")]
pub async fn list_imports() -> Result<ImportsPage, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let viewer = crate::auth::authorize(<ListImports as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let state = expect_context::<crate::state::AppState>();
    use crate::entities::import;
    let recent = import::Entity::find()
        .select_only()
        .column(import::Column::Id)
        .column(import::Column::FileName)
        .column(import::Column::CreatedAt)
        .column(import::Column::AppliedAt)
        .filter(import::Column::CreatedBy.eq(viewer.id))
        .order_by_desc(import::Column::Id)
        .limit(20)
        .into_tuple::<(i64, String, time::OffsetDateTime, Option<time::OffsetDateTime>)>()
        .all(&state.db.reader)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|(id, file_name, created_at, applied_at)| crate::model::ImportSummary {
            id,
            file_name,
            uploaded_at: super::admin::utc_minutes(created_at),
            applied: applied_at.is_some(),
        })
        .collect();
    Ok(ImportsPage { recent, max_megabytes: (state.import_max_bytes / (1024 * 1024)) as u64 })
}

/// An import its uploader (or an administrator) may see.
#[cfg(feature = "ssr")]
async fn own_import(
    state: &crate::state::AppState,
    viewer: &crate::model::Viewer,
    id: i64,
) -> Result<crate::entities::import::Model, AppError> {
    use sea_orm::EntityTrait;
    let found = crate::entities::import::Entity::find_by_id(id)
        .one(&state.db.reader)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    if !crate::policy::may_see_import(viewer, found.created_by) {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

/// Rows shown on the page; the rest are counted.
#[cfg(feature = "ssr")]
const ROWS_SHOWN: usize = 1000;

/// The dry run of a file: what applying it would do, row by row.
#[server(endpoint = "import_report")]
pub async fn check_import(id: i64) -> Result<ImportReport, AppError> {
    use crate::learning::bulk::{self, Outcome};
    use crate::model::{HandoutCode, ImportReportRow};
    let viewer = crate::auth::authorize(<CheckImport as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let state = expect_context::<crate::state::AppState>();
    let file = own_import(&state, &viewer, id).await?;
    let mut report = ImportReport {
        id,
        file_name: file.file_name.clone(),
        uploaded_at: super::admin::utc_minutes(file.created_at),
        applied_at: file.applied_at.map(super::admin::utc_minutes),
        codes_expire_on: file
            .applied_at
            .map(|applied| super::catalog::utc_date(applied + state.policy.set_password_code_lifetime)),
        ..ImportReport::default()
    };
    let codes: Vec<bulk::IssuedCode> =
        file.codes.as_deref().and_then(|codes| serde_json::from_str(codes).ok()).unwrap_or_default();
    report.codes = codes
        .into_iter()
        .map(|code| HandoutCode { username: code.username, name: code.name, cohort: code.cohort, code: code.code })
        .collect();
    let rows = match bulk::read_file(file.content.as_bytes()) {
        Ok(rows) => rows,
        Err(problem) => {
            report.problem = Some((problem.message_id().into(), problem.detail()));
            return Ok(report);
        }
    };
    let catalog = state.catalog.current();
    let planned = bulk::plan(&state.db.reader, &catalog, rows, &viewer).await.map_err(AppError::internal)?;
    let mut shown: Vec<ImportReportRow> = Vec::new();
    let mut others: Vec<ImportReportRow> = Vec::new();
    for row in planned {
        let (outcome, refused) = match &row.outcome {
            Outcome::Create => {
                report.will_create += 1;
                ("import-will-create".to_string(), false)
            }
            Outcome::Enrol => {
                report.will_enrol += 1;
                ("import-will-enrol".to_string(), false)
            }
            Outcome::Nothing => {
                report.nothing_to_do += 1;
                ("import-nothing-to-do".to_string(), false)
            }
            Outcome::Error(reason) => {
                report.refused += 1;
                (reason.clone(), true)
            }
        };
        let line = ImportReportRow {
            line: row.row.line,
            username: row.row.username,
            name: row.row.name,
            cohort: row.row.cohort,
            outcome,
            refused,
        };
        if refused { shown.push(line) } else { others.push(line) }
    }
    let total = shown.len() + others.len();
    shown.extend(others);
    shown.truncate(ROWS_SHOWN);
    report.rows_left_out = (total - shown.len()) as u64;
    report.rows = shown;
    Ok(report)
}

/// Applies a file: every valid row, or nothing.
#[server(endpoint = "apply_import")]
pub async fn apply_import(id: i64) -> Result<(), AppError> {
    use crate::learning::bulk::{self, ApplyError};
    use crate::model::FormErrors;
    let viewer = crate::auth::authorize(<ApplyImport as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let state = expect_context::<crate::state::AppState>();
    own_import(&state, &viewer, id).await?;
    let actor = crate::auth::acting(Some(&viewer)).await;
    let catalog = state.catalog.current();
    let lifetime = state.policy.set_password_code_lifetime;
    match bulk::apply(&state.db, &catalog, id, &viewer, lifetime, &actor).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/manage/import/{id}#codes"));
            Ok(())
        }
        Err(ApplyError::AlreadyApplied) => {
            Err(AppError::Form(FormErrors { form: Some("import-already-applied".into()), ..FormErrors::default() }))
        }
        Err(ApplyError::Unknown) => Err(AppError::NotFound),
        Err(ApplyError::File(problem)) => {
            Err(AppError::Form(FormErrors { form: Some(problem.message_id().into()), ..FormErrors::default() }))
        }
        Err(ApplyError::Database(error)) => Err(AppError::internal(error)),
    }
}

/// Forgets the codes kept for printing (they still work until they expire).
#[server(endpoint = "forget_import_codes")]
pub async fn forget_import_codes(id: i64) -> Result<(), AppError> {
    let viewer = crate::auth::authorize(<ForgetImportCodes as leptos::server_fn::ServerFn>::PATH)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let state = expect_context::<crate::state::AppState>();
    own_import(&state, &viewer, id).await?;
    crate::learning::bulk::forget_codes(&state.db, id).await.map_err(AppError::internal)?;
    leptos_axum::redirect(&format!("/manage/import/{id}"));
    Ok(())
}
