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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
