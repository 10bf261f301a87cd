//! CSV as spreadsheets read it: RFC 4180 (quoted where needed, CRLF line
//! ends), UTF-8 with a byte order mark so that Excel does not take Urdu or
//! Cyrillic names for Windows-1252, and no cell that a spreadsheet would
//! run as a formula.

/// Starts every file: tells Excel the file is UTF-8 (LibreOffice and
/// other readers skip it).
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// Appends one record to `out`: fields quoted only when they hold a comma,
/// a quote or a line break (quotes doubled), then CRLF.
pub fn write_record<I, S>(out: &mut Vec<u8>, fields: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for (index, field) in fields.into_iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        let field = field.as_ref();
        let formula = matches!(field.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
        if field.bytes().any(|byte| matches!(byte, b',' | b'"' | b'\r' | b'\n')) {
            out.push(b'"');
            if formula {
                out.push(b'\'');
            }
            for byte in field.bytes() {
                if byte == b'"' {
                    out.push(b'"');
                }
                out.push(byte);
            }
            out.push(b'"');
        } else {
            // A cell a spreadsheet would run as a formula (CSV injection)
            // is kept as text with a leading apostrophe, which it hides.
            if formula {
                out.push(b'\'');
            }
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(records: &[&[&str]]) -> String {
        let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
        for record in records {
            write_record(&mut out, record.iter());
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_only_what_needs_quoting_and_ends_lines_with_crlf() {
        let text = file(&[&["name", "note"], &["Amina", "says \"hi\", twice\nthen leaves"]]);
        assert_eq!(text, "\u{feff}name,note\r\nAmina,\"says \"\"hi\"\", twice\nthen leaves\"\r\n");
    }

    #[test]
    fn non_latin_names_round_trip() {
        let names = ["عائشہ بی بی", "Гульнора Каримова", "Oʻgʻiloy, \"Toshkent\""];
        let text = file(&[&names]);
        let body = text.strip_prefix(BYTE_ORDER_MARK).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(record.iter().collect::<Vec<_>>(), names);
    }

    #[test]
    fn formulas_stay_text() {
        let text = file(&[&["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "plain"]]);
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains(",'+1,'-2,'@SUM(A1),plain"), "{text}");
    }
}
