//! A file's dry run as its page shows it: what applying it would do, row
//! by row, refused rows first; and, once applied, the codes to hand out.

use crate::msg;
use sea_orm::DbErr;
use time::Duration;

use super::file::read_file;
use super::plan::{Outcome, plan};
use super::store::IssuedCode;
use crate::catalog::Catalog;
use crate::db::Db;
use crate::entities::import;
use crate::model::{HandoutCode, ImportReport, ImportReportRow, Viewer};

/// Rows shown on the page; the rest are counted.
const ROWS_SHOWN: usize = 1000;

/// The report of `file` as `viewer` may see it; set-password codes expire
/// `code_lifetime` after the file was applied, and are shown only when
/// `codes_key` (the applying browser's) opens them.
pub async fn report(
    db: &Db,
    catalog: &Catalog,
    file: import::Model,
    viewer: &Viewer,
    code_lifetime: Duration,
    codes_key: Option<&super::sealed::CodesKey>,
) -> Result<ImportReport, DbErr> {
    let id = file.id;
    let mut report = ImportReport {
        id,
        file_name: file.file_name.clone(),
        uploaded_at: crate::dates::utc_minutes(file.created_at),
        applied_at: file.applied_at.map(crate::dates::utc_minutes),
        codes_expire_on: file.applied_at.map(|applied| crate::dates::utc_date(applied + code_lifetime)),
        ..ImportReport::default()
    };
    report.codes_sealed = file.codes.is_some();
    let codes: Vec<IssuedCode> =
        file.codes.as_deref().and_then(|codes| super::sealed::open(codes_key, codes)).unwrap_or_default();
    report.codes = codes
        .into_iter()
        .map(|code| HandoutCode { username: code.username, name: code.name, cohort: code.cohort, code: code.code })
        .collect();
    let rows = match read_file(file.content.as_bytes()) {
        Ok(rows) => rows,
        Err(problem) => {
            report.problem = Some((problem.message_id().into(), problem.detail()));
            return Ok(report);
        }
    };
    let planned = plan(&db.reader, catalog, rows, viewer).await?;
    let mut shown: Vec<ImportReportRow> = Vec::new();
    let mut others: Vec<ImportReportRow> = Vec::new();
    for row in planned {
        let (outcome, refused) = match &row.outcome {
            Outcome::Create => {
                report.will_create += 1;
                (msg::IMPORT_WILL_CREATE.to_string(), false)
            }
            Outcome::Enrol => {
                report.will_enrol += 1;
                (msg::IMPORT_WILL_ENROL.to_string(), false)
            }
            Outcome::Nothing => {
                report.nothing_to_do += 1;
                (msg::IMPORT_NOTHING_TO_DO.to_string(), false)
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
