//! The rules, person by person.

use super::*;

const A: i64 = 1;
const B: i64 = 2;

fn person(role: Role, organisation: Option<i64>) -> Viewer {
    Viewer { id: 9, username: "me".into(), display_name: "Me".into(), role, language: None, organisation }
}

fn learner_in(organisations: &[Option<i64>]) -> AccountFacts {
    AccountFacts {
        role: Role::Learner,
        deleted: false,
        memberships: organisations
            .iter()
            .enumerate()
            .map(|(index, organisation)| Membership {
                course_id: format!("course-{index}"),
                cohort: Some(index as i64 + 100),
                organisation: *organisation,
                instructors: vec!["me".into()],
            })
            .collect(),
        organisation: None,
    }
}

#[test]
fn a_manager_of_one_organisation_looks_after_its_learners_only() {
    let manager_a = person(Role::Manager, Some(A));
    assert!(may_look_after(&manager_a, &learner_in(&[Some(A)])));
    assert!(may_look_after(&manager_a, &learner_in(&[Some(A), Some(A)])));
    assert!(!may_look_after(&manager_a, &learner_in(&[Some(B)])), "another organisation's");
    assert!(!may_look_after(&manager_a, &learner_in(&[Some(A), Some(B)])), "shared with another organisation");
    assert!(!may_look_after(&manager_a, &learner_in(&[Some(A), None])), "also in a programme cohort");
    assert!(!may_look_after(&manager_a, &learner_in(&[])), "in no cohort at all");
    let mut staff = learner_in(&[Some(A)]);
    staff.role = Role::Instructor;
    assert!(!may_look_after(&manager_a, &staff), "never staff");
}

#[test]
fn a_learner_who_came_through_an_organisations_provider_is_looked_after_by_it() {
    let manager_a = person(Role::Manager, Some(A));
    let mut from_a = learner_in(&[]);
    from_a.organisation = Some(A);
    assert!(may_look_after(&manager_a, &from_a), "no cohort yet, but A's provider");
    assert!(!may_look_after(&person(Role::Manager, Some(B)), &from_a), "not B's");
    let mut also_elsewhere = learner_in(&[Some(B)]);
    also_elsewhere.organisation = Some(A);
    assert!(!may_look_after(&manager_a, &also_elsewhere), "in another organisation's cohort too");
}

#[test]
fn nobody_takes_over_an_account_above_them_or_a_deleted_one() {
    let programme = person(Role::Manager, None);
    let admin = person(Role::Admin, None);
    let mut account = learner_in(&[Some(B)]);
    assert!(may_issue_reset_code(&programme, &account));
    account.role = Role::Instructor;
    assert!(may_issue_reset_code(&programme, &account));
    account.role = Role::Manager;
    assert!(!may_issue_reset_code(&programme, &account));
    assert!(may_issue_reset_code(&admin, &account));
    account.deleted = true;
    assert!(!may_issue_reset_code(&admin, &account), "deleted accounts stay deleted");
    assert!(!may_change_role(&admin, "someone", &account));
}

#[test]
fn instructors_look_after_the_learners_of_their_courses_cohorts() {
    let instructor = person(Role::Instructor, None);
    assert!(may_issue_reset_code(&instructor, &learner_in(&[Some(B)])));
    let mut elsewhere = learner_in(&[Some(B)]);
    elsewhere.memberships[0].instructors = vec!["someone-else".into()];
    assert!(!may_issue_reset_code(&instructor, &elsewhere));
    let mut alone = learner_in(&[None]);
    alone.memberships[0].cohort = None;
    assert!(!may_issue_reset_code(&instructor, &alone), "enrolled alone, in no cohort of theirs");
    assert!(!may_issue_reset_code(&person(Role::Learner, None), &learner_in(&[Some(A)])));
}

#[test]
fn a_file_enrols_only_learners_the_importer_already_looks_after() {
    let manager_a = person(Role::Manager, Some(A));
    let programme = person(Role::Manager, None);
    assert_eq!(may_enrol_by_file(&manager_a, &learner_in(&[Some(B)]), "other"), Err(ImportRefusal::NotYours));
    assert_eq!(may_enrol_by_file(&manager_a, &learner_in(&[Some(A)]), "course-0"), Ok(()));
    let mut admin_account = learner_in(&[]);
    admin_account.role = Role::Admin;
    assert_eq!(may_enrol_by_file(&programme, &admin_account, "x"), Err(ImportRefusal::NotYours));
    let mut instructor = learner_in(&[]);
    instructor.role = Role::Instructor;
    assert_eq!(may_enrol_by_file(&programme, &instructor, "x"), Err(ImportRefusal::Staff));
    assert_eq!(may_enrol_by_file(&manager_a, &instructor, "x"), Err(ImportRefusal::NotYours));
    assert_eq!(may_enrol_by_file(&programme, &learner_in(&[Some(B)]), "course-0"), Ok(()));
    assert_eq!(may_enrol_by_file(&person(Role::Admin, None), &admin_account, "x"), Err(ImportRefusal::Staff));
}

#[test]
fn a_file_never_moves_a_learner_out_of_a_cohort_the_importer_does_not_run() {
    // Looked after by A (only A's cohorts), but the rule is checked per
    // course all the same.
    let manager_a = person(Role::Manager, Some(A));
    assert!(!may_run_cohort(&manager_a, Some(B)));
    let programme = person(Role::Manager, None);
    let mut shared = learner_in(&[Some(B)]);
    shared.memberships[0].course_id = "phones".into();
    assert_eq!(may_enrol_by_file(&programme, &shared, "phones"), Ok(()), "the programme runs every cohort");
    assert_eq!(may_enrol_by_file(&manager_a, &shared, "phones"), Err(ImportRefusal::NotYours));
}

#[test]
fn certificates_are_revoked_by_the_programme_or_the_organisation_they_were_earned_in() {
    assert!(may_revoke_certificate(&person(Role::Admin, None), Some(B)));
    assert!(may_revoke_certificate(&person(Role::Manager, None), None));
    assert!(may_revoke_certificate(&person(Role::Manager, Some(A)), Some(A)));
    assert!(!may_revoke_certificate(&person(Role::Manager, Some(A)), Some(B)));
    assert!(!may_revoke_certificate(&person(Role::Manager, Some(A)), None));
    assert!(!may_revoke_certificate(&person(Role::Instructor, None), None));
    assert!(!may_revoke_certificate(&person(Role::Learner, None), None));
}

#[test]
fn programme_wide_means_one_thing() {
    assert!(is_programme_wide(&person(Role::Admin, Some(A))));
    assert!(is_programme_wide(&person(Role::Manager, None)));
    assert!(!is_programme_wide(&person(Role::Manager, Some(A))));
    assert!(!is_programme_wide(&person(Role::Instructor, None)));
    assert!(!is_programme_wide(&person(Role::Learner, None)));
}

#[test]
fn cohorts_are_seen_by_who_runs_or_teaches_them() {
    let instructors = vec!["me".to_string()];
    let theirs = CohortFacts { organisation: Some(B), instructors: &instructors };
    assert!(may_see_cohort(&person(Role::Instructor, None), theirs));
    assert!(!may_see_cohort(&person(Role::Manager, Some(A)), theirs));
    assert!(may_see_cohort(&person(Role::Manager, Some(B)), theirs));
    assert!(!may_see_cohort(&person(Role::Learner, None), theirs));
    let others = CohortFacts { organisation: None, instructors: &[] };
    assert!(!may_see_cohort(&person(Role::Instructor, None), others));
    assert!(!may_see_breakdowns(&person(Role::Instructor, None)));
    assert!(may_see_breakdowns(&person(Role::Manager, Some(A))));
}

#[test]
fn a_course_is_saved_offline_by_those_who_may_read_all_of_it() {
    let learner = person(Role::Learner, None);
    assert!(may_save_for_offline(Some(&learner), true, false), "an open course");
    assert!(may_save_for_offline(Some(&learner), false, true), "enrolled");
    assert!(!may_save_for_offline(Some(&learner), false, false), "a course for its learners only");
    assert!(may_save_for_offline(Some(&person(Role::Instructor, None)), false, false), "staff");
    assert!(!may_save_for_offline(None, true, false), "a visitor has no outbox to learn with");
}

#[test]
fn learning_is_sent_for_oneself_only() {
    let learner = person(Role::Learner, None);
    assert!(may_record_learning_of(&learner, learner.id));
    assert!(!may_record_learning_of(&learner, learner.id + 1));
    assert!(!may_record_learning_of(&person(Role::Admin, None), learner.id + 1), "not even an administrator");
}

#[test]
fn a_studio_course_is_written_by_its_instructors_and_administrators_and_reviewed_by_another() {
    let named = vec!["me".to_string()];
    let instructor = person(Role::Instructor, None);
    assert!(may_author(&instructor, &named));
    assert!(!may_author(&instructor, &["someone".to_string()]), "another course's instructor");
    assert!(may_author(&person(Role::Admin, None), &[]));
    for outsider in [Role::Manager, Role::Learner] {
        assert!(!may_author(&person(outsider, None), &named), "{outsider:?} never writes a course");
    }
    assert!(may_publish_directly(&instructor, &named, false));
    assert!(!may_publish_directly(&instructor, &named, true), "review required");
    assert!(!may_review(&instructor, &named, Some(instructor.id)), "nobody approves their own");
    assert!(!may_review(&person(Role::Admin, None), &named, Some(9)), "not even an administrator");
    assert!(may_review(&instructor, &named, Some(instructor.id + 1)));
    assert!(!may_review(&instructor, &named, None), "nothing proposed");
    assert!(may_run_studio(&person(Role::Admin, None)) && !may_run_studio(&instructor));
}

#[test]
fn statistics_count_what_one_may_see_and_refuse_the_rest() {
    let taught = ["mine".to_string()];
    fn asked<'a>(
        courses: Option<&'a [String]>,
        cohort: Option<(&'a str, Option<i64>)>,
        organisation: Option<i64>,
    ) -> CountingAsked<'a> {
        CountingAsked { courses, cohort, organisation }
    }
    let others = ["mine".to_string(), "other".to_string()];
    let instructor = person(Role::Instructor, None);
    assert_eq!(may_count(&instructor, asked(None, None, None), &taught), Some(Counting::TaughtCourses));
    assert_eq!(may_count(&instructor, asked(None, Some(("other", None)), None), &taught), None);
    assert_eq!(may_count(&instructor, asked(Some(&others), None, None), &taught), None);
    assert_eq!(may_count(&instructor, asked(Some(&others[..1]), None, None), &taught), Some(Counting::TaughtCourses));
    assert_eq!(
        may_count(&instructor, asked(None, Some(("mine", Some(A))), None), &taught),
        Some(Counting::TaughtCourses)
    );
    let scoped = person(Role::Manager, Some(A));
    assert_eq!(may_count(&scoped, asked(None, None, None), &[]), Some(Counting::Organisation(A)));
    assert_eq!(may_count(&scoped, asked(None, None, Some(B)), &[]), None);
    assert_eq!(may_count(&scoped, asked(None, Some(("any", Some(B))), None), &[]), None);
    assert_eq!(may_count(&scoped, asked(None, Some(("any", None)), None), &[]), None, "the programme's cohorts");
    assert_eq!(
        may_count(&person(Role::Manager, None), asked(None, Some(("any", Some(B))), Some(A)), &[]),
        Some(Counting::AsAsked)
    );
    assert_eq!(may_count(&person(Role::Learner, None), asked(None, None, None), &[]), None);
}
