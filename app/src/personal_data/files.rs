//! Stored enrolment files forget what a person withdrew or erased: every
//! copy of a person's data must go.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entities::import;

/// What stored files forget about one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forget {
    /// Their profile answers and consent (withdrawn).
    Answers,
    /// Their whole row and their set-password code (the account is deleted).
    Person,
}

/// Rewrites a stored file: each row is kept as it is, changed, or left
/// out by `change`. Columns and their order stay; the file stays valid.
pub(crate) fn rewrite(
    content: &str,
    change: impl Fn(&csv::StringRecord, &[&str]) -> Option<csv::StringRecord>,
) -> String {
    let text = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let Ok(header) = reader.headers().cloned() else { return content.to_string() };
    let columns: Vec<String> = header.iter().map(|name| name.trim().to_lowercase()).collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for record in reader.records().flatten() {
        if let Some(kept) = change(&record, &columns) {
            let _ = writer.write_record(&kept);
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A record with the fields of `drop` (column names) emptied.
pub(crate) fn emptied(record: &csv::StringRecord, columns: &[&str], drop: &[&str]) -> csv::StringRecord {
    record
        .iter()
        .enumerate()
        .map(|(index, field)| if columns.get(index).is_some_and(|name| drop.contains(name)) { "" } else { field })
        .collect()
}

/// Whether a record is `username`'s row.
pub(crate) fn is_row_of(record: &csv::StringRecord, columns: &[&str], username: &str) -> bool {
    let position = columns.iter().position(|name| *name == "username");
    position.and_then(|index| record.get(index)).is_some_and(|field| field.trim().eq_ignore_ascii_case(username))
}

pub(crate) const ANSWER_COLUMNS: [&str; 4] = ["gender", "age_band", "region", "consent"];

/// A stored file without any profile answers: once a file is applied, the
/// answers live (with their consent) in the learners' profiles, and the
/// file keeps only what its page shows.
pub(crate) fn without_answers(content: &str) -> String {
    rewrite(content, |record, columns| Some(emptied(record, columns, &ANSWER_COLUMNS)))
}

/// Within a transaction: every stored file forgets `what` of `username`
/// (erasure must reach every copy of a person's data).
pub async fn forget_in_files(connection: &impl ConnectionTrait, username: &str, what: Forget) -> Result<(), DbErr> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{ExprTrait, Func};
    let pattern = format!("%{}%", username.to_lowercase());
    let candidates: Vec<(i64, String, Option<String>)> = import::Entity::find()
        .select_only()
        .column(import::Column::Id)
        .column(import::Column::Content)
        .column(import::Column::Codes)
        .filter(Expr::expr(Func::lower(Expr::col(import::Column::Content))).like(pattern))
        .into_tuple()
        .all(connection)
        .await?;
    for (id, content, codes) in candidates {
        let rewritten = rewrite(&content, |record, columns| match (is_row_of(record, columns, username), what) {
            (false, _) => Some(record.clone()),
            (true, Forget::Answers) => Some(emptied(record, columns, &ANSWER_COLUMNS)),
            (true, Forget::Person) => None,
        });
        // The printable list is sealed with a key only the manager's
        // browser holds: a person's code cannot be taken out of it, so the
        // whole list goes (the manager issues new codes if needed).
        let codes = codes.filter(|_| what == Forget::Answers);
        import::Entity::update_many()
            .col_expr(import::Column::Content, Expr::value(rewritten))
            .col_expr(import::Column::Codes, Expr::value(codes))
            .filter(import::Column::Id.eq(id))
            .exec(connection)
            .await?;
    }
    Ok(())
}
