//! Bulk enrolment: a manager uploads a CSV file of learners (name, login,
//! cohort code, and optionally profile answers with the learner's consent).
//! A dry run reports, row by row, what applying would do; applying does
//! it for every valid row in one transaction (all or nothing), and gives
//! each new account a one-time set-password code (the reset-code
//! mechanism) to hand out. The same file applied twice changes nothing the
//! second time: existing accounts are matched by login, and enrolments
//! already in place are left alone.

mod apply;
mod file;
mod plan;
mod report;
mod sealed;
mod store;

pub use apply::{Applied, ApplyError, NO_PASSWORD_YET, apply};
pub use file::{COLUMNS, FileProblem, FileRow, read_file};
pub use plan::{Outcome, PlannedRow, answers_of, plan, username_of};
pub use report::report;
pub use sealed::{CodesKey, forget_key_cookie, key_cookie, key_cookie_name};
pub use store::{
    IssuedCode, StoredFile, UNAPPLIED_KEPT, forget_codes, forget_unapplied, recent_files, store_upload, stored_file,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProfileQuestion;
    use crate::personal_data::{ANSWER_COLUMNS, emptied, is_row_of, rewrite, without_answers};

    #[test]
    fn reads_columns_in_any_order_with_a_byte_order_mark() {
        let file = "\u{feff}Username,Name,Cohort,Consent,Gender\r\namina,عائشہ بی بی,ABCD-EFGH,yes,female\r\n\r\n";
        let rows = read_file(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].name, "عائشہ بی بی");
        assert_eq!(rows[0].username, "amina");
        assert_eq!(rows[0].answers, vec![(ProfileQuestion::Gender, "female".to_string())]);
    }

    #[test]
    fn refuses_files_it_cannot_read_whole() {
        assert_eq!(read_file(b"name,username,cohort\n\xff\xfe,x,y\n"), Err(FileProblem::NotUtf8));
        assert_eq!(read_file(b"  \n"), Err(FileProblem::Empty));
        assert_eq!(read_file(b"name,login,cohort\n"), Err(FileProblem::UnknownColumn("login".into())));
        assert_eq!(read_file(b"name,username\n"), Err(FileProblem::MissingColumn("cohort")));
        assert_eq!(read_file(b"name,name,username,cohort\n"), Err(FileProblem::RepeatedColumn("name".into())));
    }

    #[test]
    fn a_stored_file_forgets_a_persons_answers_or_their_row() {
        let file = "\u{feff}name,username,cohort,gender,consent\r\nAmina,Amina,ABCD-EFGH,female,yes\r\nBilal,bilal,ABCD-EFGH,male,yes\r\n";
        let answers = rewrite(file, |record, columns| {
            Some(if is_row_of(record, columns, "amina") {
                emptied(record, columns, &ANSWER_COLUMNS)
            } else {
                record.clone()
            })
        });
        let rows = read_file(answers.as_bytes()).unwrap();
        assert_eq!(rows[0].username, "Amina");
        assert!(rows[0].answers.is_empty() && rows[0].consent.is_empty());
        assert_eq!(rows[1].answers, vec![(ProfileQuestion::Gender, "male".to_string())]);
        let person = rewrite(file, |record, columns| (!is_row_of(record, columns, "amina")).then(|| record.clone()));
        assert!(!person.contains("Amina"));
        assert_eq!(read_file(person.as_bytes()).unwrap().len(), 1);
        assert!(!without_answers(file).contains("female") && !without_answers(file).contains("male"));
        assert_eq!(read_file(without_answers(file).as_bytes()).unwrap().len(), 2);
    }

    #[test]
    fn a_row_with_too_many_fields_is_marked() {
        let rows = read_file(b"name,username,cohort\nA,a1,X,extra\nB,b1,Y\n").unwrap();
        assert!(rows[0].misshapen);
        assert!(!rows[1].misshapen);
        assert_eq!(rows[1].line, 3);
    }
}
