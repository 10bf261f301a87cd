//! Reading an uploaded file: UTF-8 CSV with a header naming its columns.

use crate::msg;
use std::collections::HashMap;

use crate::model::ProfileQuestion;

/// The columns a file may have; the first three are required.
pub const COLUMNS: [&str; 7] = ["name", "username", "cohort", "gender", "age_band", "region", "consent"];
const REQUIRED: usize = 3;

/// Why a whole file was refused (message ids, with what they name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    NotUtf8,
    Empty,
    MissingColumn(&'static str),
    UnknownColumn(String),
    RepeatedColumn(String),
    /// The CSV could not be read from this line on (a quote never closed).
    Unreadable(u64),
}

impl FileProblem {
    pub fn message_id(&self) -> &'static str {
        match self {
            FileProblem::NotUtf8 => msg::IMPORT_ERROR_ENCODING,
            FileProblem::Empty => msg::IMPORT_ERROR_EMPTY,
            FileProblem::MissingColumn(_) => msg::IMPORT_ERROR_MISSING_COLUMN,
            FileProblem::UnknownColumn(_) => msg::IMPORT_ERROR_UNKNOWN_COLUMN,
            FileProblem::RepeatedColumn(_) => msg::IMPORT_ERROR_REPEATED_COLUMN,
            FileProblem::Unreadable(_) => msg::IMPORT_ERROR_UNREADABLE,
        }
    }

    /// What the message names: a column or a line.
    pub fn detail(&self) -> String {
        match self {
            FileProblem::MissingColumn(name) => name.to_string(),
            FileProblem::UnknownColumn(name) | FileProblem::RepeatedColumn(name) => name.clone(),
            FileProblem::Unreadable(line) => line.to_string(),
            FileProblem::NotUtf8 | FileProblem::Empty => String::new(),
        }
    }
}

/// One row of the file, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileRow {
    /// Its row, as a spreadsheet shows it (the header is row 1).
    pub line: u64,
    pub name: String,
    pub username: String,
    pub cohort: String,
    pub answers: Vec<(ProfileQuestion, String)>,
    pub consent: String,
    /// The row has a different number of fields than the header.
    pub misshapen: bool,
}

/// Reads a file: UTF-8 (a byte order mark is fine), comma-separated, with
/// a header naming its columns in any order.
pub fn read_file(bytes: &[u8]) -> Result<Vec<FileRow>, FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|_| FileProblem::Unreadable(1))?.clone();
    let mut positions: HashMap<&'static str, usize> = HashMap::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        let Some(&known) = COLUMNS.iter().find(|column| **column == name) else {
            return Err(FileProblem::UnknownColumn(name));
        };
        if positions.insert(known, index).is_some() {
            return Err(FileProblem::RepeatedColumn(name));
        }
    }
    if let Some(missing) = COLUMNS[..REQUIRED].iter().find(|column| !positions.contains_key(*column)) {
        return Err(FileProblem::MissingColumn(missing));
    }
    let mut rows = Vec::new();
    // Numbered as a spreadsheet numbers its rows: the header is row 1.
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = record.map_err(|_| FileProblem::Unreadable(line))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |name: &str| positions.get(name).and_then(|&index| record.get(index)).unwrap_or("").to_string();
        let answers = ProfileQuestion::ALL
            .into_iter()
            .map(|question| (question, field(question.as_str())))
            .filter(|(_, answer)| !answer.is_empty())
            .collect();
        rows.push(FileRow {
            line,
            name: field("name"),
            username: field("username"),
            cohort: field("cohort"),
            answers,
            consent: field("consent"),
            misshapen: record.len() != header.len(),
        });
    }
    Ok(rows)
}
