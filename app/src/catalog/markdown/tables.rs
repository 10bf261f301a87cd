//! Tables: a scrolling wrapper so a wide one fits a phone, and the checks
//! that keep one readable aloud (every column has a heading, no row has
//! more cells than the heading row).

use crate::catalog::highlight::escape_into;

/// The heading row of the table being written, to check that every column
/// has a heading and that no row has more cells than it.
#[derive(Default)]
pub(super) struct HeadingRow {
    /// Whether the walk is inside it.
    open: bool,
    /// The cells it has.
    pub(super) cells: usize,
    /// The heading cell being written: its line, its text so far.
    cell: Option<(usize, String)>,
}

impl HeadingRow {
    pub(super) fn start(&mut self) {
        self.open = true;
        self.cells = 0;
    }

    pub(super) fn end(&mut self) {
        self.open = false;
    }

    /// A cell starts on `line`; in the heading row, its text is kept.
    pub(super) fn start_cell(&mut self, line: usize) {
        if self.open {
            self.cells += 1;
            self.cell = Some((line, String::new()));
        }
    }

    /// Text met anywhere; it belongs to the heading cell being written, if any.
    pub(super) fn push_text(&mut self, text: &str) {
        if let Some((_, cell)) = self.cell.as_mut() {
            cell.push_str(text);
        }
    }

    /// A cell ends: the line of the heading cell it ends when that was left empty.
    pub(super) fn end_cell(&mut self) -> Option<usize> {
        let (line, text) = self.cell.take()?;
        text.trim().is_empty().then_some(line)
    }
}

/// The start of the wrapper around a table.
pub(super) fn table_wrap(last_heading: Option<&str>) -> String {
    // Wide tables scroll sideways on a phone instead of widening the page;
    // the wrapper is a focusable region, named by the heading above
    // it, so that keyboards can scroll it too.
    match last_heading {
        Some(anchor) => {
            let mut escaped = String::new();
            escape_into(&mut escaped, anchor);
            format!("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{escaped}\">")
        }
        None => "<div class=\"table-wrap\" tabindex=\"0\">".to_string(),
    }
}

/// The cells of a table row as written: `| a | b \| c | `x|y` |` has three.
pub(super) fn cells_in_row(row: &str) -> usize {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut separators = 0;
    let mut in_code = false;
    let mut escaped = false;
    let mut last_was_separator = false;
    for c in row.chars() {
        last_was_separator = false;
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => {
                separators += 1;
                last_was_separator = true;
            }
            _ => {}
        }
    }
    if last_was_separator { separators } else { separators + 1 }
}
