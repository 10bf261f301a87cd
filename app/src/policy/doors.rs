//! The doors: who may call a server function or open a page at all, before
//! the facts of what they ask for are looked at; and, from the same rules,
//! which staff pages the navigation offers a person, so that no link
//! leads to a refusal and no page a person may use is hidden.

use super::{may_run_studio, may_see_statistics, may_use_studio};
use crate::model::{Role, Viewer};

/// Who may call a server function (`api::rules` gives every one its
/// rule) or open a plain route.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// Anyone, signed in or not (reading open courses, signing in).
    Anyone,
    /// Any signed-in person, acting on their own data only.
    SignedIn,
    /// Signed in with at least this role (admin ≥ manager ≥ instructor ≥ learner).
    AtLeast(Role),
    /// Signed in, and this rule of the policy admits them.
    Where(fn(&Viewer) -> bool),
}

impl Rule {
    pub fn allows(self, viewer: Option<&Viewer>) -> bool {
        match (self, viewer) {
            (Rule::Anyone, _) => true,
            (_, None) => false,
            (Rule::SignedIn, Some(_)) => true,
            (Rule::AtLeast(role), Some(viewer)) => viewer.role >= role,
            (Rule::Where(admits), Some(viewer)) => admits(viewer),
        }
    }

    /// Whether it admits visitors (who need no session read).
    pub fn is_open(self) -> bool {
        matches!(self, Rule::Anyone)
    }
}

/// The door of `/teach`: staff, who then see the courses that list them.
pub const TEACHING: Rule = Rule::AtLeast(Role::Instructor);
/// The door of `/studio`.
pub const STUDIO: Rule = Rule::Where(may_use_studio);
/// The door of the cohorts pages: staff, who then see the cohorts they
/// teach or run.
pub const COHORTS: Rule = Rule::AtLeast(Role::Instructor);
/// The door of the programme's statistics (`/manage`): managers and
/// administrators, narrowed to an organisation for its managers.
pub const PROGRAMME_STATISTICS: Rule = Rule::AtLeast(Role::Manager);
/// The door of the accounts page: managers (for the learners they look
/// after) and administrators.
pub const ACCOUNTS: Rule = Rule::AtLeast(Role::Manager);
/// Administrators' doors: roles, the audit log.
pub const ADMINISTRATORS: Rule = Rule::AtLeast(Role::Admin);
/// Creating studio courses, naming their instructors, taking folder
/// courses in.
pub const RUNNING_STUDIO: Rule = Rule::Where(may_run_studio);

/// The staff pages a person may open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Places {
    pub teach: bool,
    pub studio: bool,
    pub cohorts: bool,
    pub statistics: bool,
    pub accounts: bool,
    /// Changing roles on the accounts page.
    pub roles: bool,
}

/// The staff pages `viewer` may open, each decided by its door.
pub fn places(viewer: &Viewer) -> Places {
    let admits = |rule: Rule| rule.allows(Some(viewer));
    Places {
        teach: admits(TEACHING),
        studio: admits(STUDIO),
        cohorts: admits(COHORTS),
        statistics: admits(PROGRAMME_STATISTICS) && may_see_statistics(viewer),
        accounts: admits(ACCOUNTS),
        roles: admits(ADMINISTRATORS),
    }
}

/// Every server function (by its address, `/api/` and the `endpoint` of its
/// `#[server]`) and who may call it; `api::rules::authorize` applies it at
/// the start of each. A server function without a line here refuses
/// everyone, and a test in `api::rules` fails for a function without a
/// line as for a line without a function, so none can be forgotten.
pub const SERVER_FUNCTIONS: &[(&str, Rule)] = &[
    ("/api/courses", Rule::Anyone),
    ("/api/course", Rule::Anyone),
    ("/api/lesson", Rule::Anyone),
    ("/api/register", Rule::Anyone),
    ("/api/login", Rule::Anyone),
    ("/api/logout", Rule::Anyone),
    ("/api/save_language", Rule::SignedIn),
    ("/api/change_password", Rule::SignedIn),
    ("/api/delete_account", Rule::SignedIn),
    ("/api/save_profile", Rule::SignedIn),
    ("/api/withdraw_consent", Rule::SignedIn),
    ("/api/my_profile", Rule::SignedIn),
    ("/api/redeem_reset_code", Rule::Anyone),
    // After a partner's identity provider vouched for someone (kept in
    // their session, checked inside): a new account, or their own linked
    // with its password.
    ("/api/welcome", Rule::Anyone),
    ("/api/create_provider_account", Rule::Anyone),
    ("/api/link_provider_account", Rule::Anyone),
    ("/api/unlink_identity", Rule::SignedIn),
    ("/api/users_page", ACCOUNTS),
    // Instructors for the learners of their cohorts, managers for learners
    // and instructors, administrators for anyone: checked inside.
    ("/api/issue_reset_code", Rule::AtLeast(Role::Instructor)),
    ("/api/change_role", ADMINISTRATORS),
    ("/api/audit_log", ADMINISTRATORS),
    ("/api/partners", ADMINISTRATORS),
    // The learner's own enrolments, progress and attempts: always the
    // signed-in person's, never anyone else's.
    ("/api/enrol", Rule::SignedIn),
    ("/api/unenrol", Rule::SignedIn),
    ("/api/complete_lesson", Rule::SignedIn),
    ("/api/submit_quiz", Rule::SignedIn),
    ("/api/my_courses", Rule::SignedIn),
    ("/api/join_cohort", Rule::SignedIn),
    // Instructors see the cohorts of the courses that list them (checked inside).
    ("/api/cohorts", COHORTS),
    ("/api/cohort", COHORTS),
    ("/api/create_cohort", Rule::AtLeast(Role::Manager)),
    ("/api/my_certificate", Rule::SignedIn),
    ("/api/verify_certificate", Rule::Anyone),
    ("/api/revoke_certificate", Rule::AtLeast(Role::Manager)),
    // Managers of one organisation see only its cohorts (narrowed inside).
    ("/api/dashboard", PROGRAMME_STATISTICS),
    // Instructors see the courses that list them, and only those.
    ("/api/teach", TEACHING),
    // Each manager's own files (administrators': anyone's), checked inside.
    ("/api/imports_page", Rule::AtLeast(Role::Manager)),
    ("/api/import_report", Rule::AtLeast(Role::Manager)),
    ("/api/apply_import", Rule::AtLeast(Role::Manager)),
    ("/api/forget_import_codes", Rule::AtLeast(Role::Manager)),
    // Programme-wide managers create organisations (checked inside);
    // administrators scope managers to them.
    ("/api/organisations", Rule::AtLeast(Role::Manager)),
    ("/api/create_organisation", Rule::AtLeast(Role::Manager)),
    ("/api/assign_organisation", Rule::AtLeast(Role::Admin)),
    // The studio: instructors and administrators; each course's drafts
    // only for the instructors it names and administrators (checked inside,
    // `policy::may_author`), reviews never by the proposer.
    ("/api/studio_home", STUDIO),
    ("/api/create_studio_course", RUNNING_STUDIO),
    ("/api/studio_course", Rule::AtLeast(Role::Instructor)),
    ("/api/studio_editor", Rule::AtLeast(Role::Instructor)),
    ("/api/save_studio_file", Rule::AtLeast(Role::Instructor)),
    ("/api/save_studio_settings", Rule::AtLeast(Role::Instructor)),
    ("/api/add_studio_part", Rule::AtLeast(Role::Instructor)),
    ("/api/move_studio_lesson", Rule::AtLeast(Role::Instructor)),
    ("/api/remove_studio_file", Rule::AtLeast(Role::Instructor)),
    ("/api/publish_studio_course", Rule::AtLeast(Role::Instructor)),
    ("/api/propose_studio_draft", Rule::AtLeast(Role::Instructor)),
    ("/api/review_studio_draft", Rule::AtLeast(Role::Instructor)),
    ("/api/studio_history", Rule::AtLeast(Role::Instructor)),
    ("/api/restore_studio_version", Rule::AtLeast(Role::Instructor)),
    ("/api/manage_studio_course", RUNNING_STUDIO),
    ("/api/take_into_studio", RUNNING_STUDIO),
    ("/api/preview_studio_lesson", Rule::AtLeast(Role::Instructor)),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role) -> Viewer {
        Viewer { id: 1, username: "x".into(), display_name: "X".into(), role, language: None, organisation: None }
    }

    #[test]
    fn roles_and_rules() {
        let visitor = None;
        let learner = person(Role::Learner);
        let instructor = person(Role::Instructor);
        let manager = person(Role::Manager);
        let admin = person(Role::Admin);
        assert!(Rule::Anyone.allows(visitor));
        assert!(!Rule::SignedIn.allows(visitor));
        assert!(Rule::SignedIn.allows(Some(&learner)));
        assert!(!Rule::AtLeast(Role::Instructor).allows(Some(&learner)));
        assert!(Rule::AtLeast(Role::Instructor).allows(Some(&instructor)));
        assert!(!Rule::AtLeast(Role::Manager).allows(Some(&instructor)));
        assert!(Rule::AtLeast(Role::Manager).allows(Some(&admin)));
        assert!(!Rule::AtLeast(Role::Admin).allows(Some(&manager)));
        assert!(!STUDIO.allows(visitor) && !STUDIO.allows(Some(&manager)) && STUDIO.allows(Some(&instructor)));
    }

    #[test]
    fn the_navigation_offers_what_the_doors_admit() {
        assert_eq!(places(&person(Role::Learner)), Places::default());
        let instructor = places(&person(Role::Instructor));
        assert!(instructor.teach && instructor.studio && instructor.cohorts);
        assert!(!instructor.statistics && !instructor.accounts && !instructor.roles);
        let manager = places(&person(Role::Manager));
        assert!(manager.teach && !manager.studio && manager.cohorts && manager.statistics && manager.accounts);
        assert!(!manager.roles);
        let admin = places(&person(Role::Admin));
        assert!(admin.teach && admin.studio && admin.cohorts && admin.statistics && admin.accounts && admin.roles);
    }
}
