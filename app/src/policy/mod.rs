//! Who may see or change what: every access rule of the platform, written
//! once, as plain functions of plain facts. Server functions and plain
//! routes get the person asking from the one guard (`auth`), load the facts
//! about what they ask for, and ask here; nothing else decides. The doors
//! (`doors.rs`) say who may call each kind of thing at all, and what the
//! navigation offers; the functions below decide with the facts.
//!
//! The people:
//! - an **administrator** may do anything, except change their own role;
//! - a **programme-wide manager** (a manager with no organisation) runs
//!   every cohort and sees every statistic, and looks after learners and
//!   instructors;
//! - a **manager of one organisation** runs that organisation's cohorts
//!   and looks after its learners only: those whose every current cohort is
//!   the organisation's. A learner another organisation also has is not
//!   theirs, so that no partner can take over another partner's learner;
//! - an **instructor** sees the courses whose `course.toml` lists their
//!   username, those courses' cohorts and their learners' progress (no
//!   breakdowns by profile answers), and issues reset codes for the
//!   learners of those cohorts;
//! - a **learner** sees and changes their own learning only;
//! - a **deleted account** is nobody: it cannot sign in, be reset,
//!   enrolled by a file or given a role.

use crate::model::{Role, Viewer};
use crate::msg;

mod doors;
pub use doors::*;

/// A cohort, as the rules see it.
#[derive(Clone, Copy, Debug)]
pub struct CohortFacts<'a> {
    /// The partner organisation running it; `None`: the programme.
    pub organisation: Option<i64>,
    /// The usernames its course's `course.toml` lists as instructors.
    pub instructors: &'a [String],
}

/// One of an account's current (not left) enrolments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub course_id: String,
    /// `None`: enrolled alone, in no cohort.
    pub cohort: Option<i64>,
    /// The organisation of that cohort (`None`: the programme's, or no cohort).
    pub organisation: Option<i64>,
    /// The instructors of the course.
    pub instructors: Vec<String>,
}

/// An account someone wants to act on, as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountFacts {
    pub role: Role,
    pub deleted: bool,
    pub memberships: Vec<Membership>,
    /// The organisation the account itself belongs to: a learner who came
    /// through a partner's identity provider belongs to its organisation.
    pub organisation: Option<i64>,
}

/// The organisation a manager is scoped to, if they are scoped.
pub fn scoped_to(viewer: &Viewer) -> Option<i64> {
    viewer.organisation.filter(|_| viewer.role == Role::Manager)
}

/// Administrators, and managers of no one organisation.
pub fn is_programme_wide(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin || (viewer.role == Role::Manager && viewer.organisation.is_none())
}

/// Whether the viewer is one of `instructors`.
pub fn teaches(viewer: &Viewer, instructors: &[String]) -> bool {
    viewer.role >= Role::Instructor && instructors.contains(&viewer.username)
}

/// Seeing a cohort: its page, members, statistics and learners' CSV.
pub fn may_see_cohort(viewer: &Viewer, cohort: CohortFacts) -> bool {
    match viewer.role {
        Role::Admin => true,
        Role::Manager => may_run_cohort(viewer, cohort.organisation),
        Role::Instructor => teaches(viewer, cohort.instructors),
        Role::Learner => false,
    }
}

/// Creating cohorts at all (of which organisation: see [`may_run_cohort`]).
pub fn may_create_cohorts(viewer: &Viewer) -> bool {
    viewer.role >= Role::Manager
}

/// Running a cohort: creating it, enrolling learners into it (by file),
/// moving a learner out of it.
pub fn may_run_cohort(viewer: &Viewer, organisation: Option<i64>) -> bool {
    match viewer.role {
        Role::Admin => true,
        Role::Manager => match scoped_to(viewer) {
            None => true,
            Some(own) => organisation == Some(own),
        },
        Role::Instructor | Role::Learner => false,
    }
}

/// Creating partner organisations.
pub fn may_create_organisation(viewer: &Viewer) -> bool {
    is_programme_wide(viewer)
}

/// Whose account can be scoped to an organisation: managers'.
pub fn may_be_scoped(role: Role) -> bool {
    role == Role::Manager
}

/// Scoping a manager to an organisation.
pub fn may_assign_organisation(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin
}

/// Figures of a whole course, whoever's cohort its learners are in (the
/// `/teach` tables): its instructors and the programme-wide.
pub fn may_see_whole_course(viewer: &Viewer, instructors: &[String]) -> bool {
    is_programme_wide(viewer) || teaches(viewer, instructors)
}

/// Seeing a course's problems (errors, warnings) and previewing its
/// withheld lessons: its instructors and administrators.
pub fn may_preview_course(viewer: Option<&Viewer>, instructors: &[String]) -> bool {
    viewer.is_some_and(|viewer| viewer.role == Role::Admin || teaches(viewer, instructors))
}

/// Every course file problem, those of courses left out whole included
/// (on `/teach`): administrators.
pub fn may_see_every_course_problem(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin
}

/// The studio at all (`/studio`): those who may write a course.
pub fn may_use_studio(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin || viewer.role == Role::Instructor
}

/// Creating studio courses, naming their instructors, deciding whether
/// they need review, taking a folder course into the studio:
/// administrators.
pub fn may_run_studio(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin
}

/// Who may be named an instructor of a studio course: instructor and
/// administrator accounts.
pub fn may_be_named_to_author(role: Role) -> bool {
    matches!(role, Role::Instructor | Role::Admin)
}

/// Seeing and changing a studio course's draft, files, settings and
/// versions (and previewing them): the instructors the studio names for it,
/// and administrators. Nobody else sees a draft.
pub fn may_author(viewer: &Viewer, instructors: &[String]) -> bool {
    match viewer.role {
        Role::Admin => true,
        Role::Instructor => instructors.contains(&viewer.username),
        Role::Manager | Role::Learner => false,
    }
}

/// Publishing a draft without review: an author, where the course does
/// not require review.
pub fn may_publish_directly(viewer: &Viewer, instructors: &[String], review_required: bool) -> bool {
    may_author(viewer, instructors) && !review_required
}

/// Approving a proposed draft (which publishes it) or sending it back:
/// another author of the course; nobody approves their own.
pub fn may_review(viewer: &Viewer, instructors: &[String], proposed_by: Option<i64>) -> bool {
    may_author(viewer, instructors) && proposed_by.is_some_and(|proposer| proposer != viewer.id)
}

/// Statistics pages and their downloads at all (what they then count is
/// narrowed to the viewer's courses or organisation).
pub fn may_see_statistics(viewer: &Viewer) -> bool {
    viewer.role >= Role::Instructor
}

/// What someone asked to count on a statistics page, as the rules see it.
#[derive(Clone, Copy, Debug)]
pub struct CountingAsked<'a> {
    /// The courses asked for (`None`: every course).
    pub courses: Option<&'a [String]>,
    /// The cohort asked for: its course, and its organisation.
    pub cohort: Option<(&'a str, Option<i64>)>,
    /// The organisation asked for.
    pub organisation: Option<i64>,
}

/// How what a person counts is narrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// As asked: the programme-wide.
    AsAsked,
    /// To the courses they teach, where they asked for no course.
    TaughtCourses,
    /// To their organisation.
    Organisation(i64),
}

/// What `viewer` may count of what they asked (`taught`: the courses
/// that list them). `None` refuses: asking for what one may not see is
/// refused, not quietly narrowed.
pub fn may_count(viewer: &Viewer, asked: CountingAsked, taught: &[String]) -> Option<Counting> {
    match viewer.role {
        Role::Learner => None,
        Role::Instructor => {
            let allowed = |course: &str| taught.iter().any(|id| id == course);
            let other_course = asked.courses.is_some_and(|courses| !courses.iter().all(|course| allowed(course)));
            let other_cohort = asked.cohort.is_some_and(|(course, _)| !allowed(course));
            (!other_course && !other_cohort).then_some(Counting::TaughtCourses)
        }
        Role::Manager | Role::Admin => match scoped_to(viewer) {
            None => Some(Counting::AsAsked),
            Some(own) => {
                let other_organisation = asked.organisation.is_some_and(|asked| asked != own);
                let other_cohort = asked.cohort.is_some_and(|(_, organisation)| organisation != Some(own));
                (!other_organisation && !other_cohort).then_some(Counting::Organisation(own))
            }
        },
    }
}

/// Breakdowns by profile answers (gender, age band, region): managers and
/// administrators only, never instructors, never per learner.
pub fn may_see_breakdowns(viewer: &Viewer) -> bool {
    viewer.role >= Role::Manager
}

/// Reading every lesson of a course open only to its learners: staff may
/// read any course they might teach or run.
pub fn may_read_whole_course(viewer: Option<&Viewer>, enrolled: bool) -> bool {
    enrolled || viewer.is_some_and(|viewer| viewer.role >= Role::Instructor)
}

/// Whether a manager scoped to `organisation` looks after this learner:
/// they are in no cohort of anyone else (another organisation, or the
/// programme), and in at least one of its cohorts now or came in through
/// its identity provider.
fn belongs_only_to(account: &AccountFacts, organisation: i64) -> bool {
    let cohorts: Vec<&Membership> = account.memberships.iter().filter(|m| m.cohort.is_some()).collect();
    let ours = !cohorts.is_empty() || account.organisation == Some(organisation);
    ours && cohorts.iter().all(|m| m.organisation == Some(organisation))
}

/// Looking after an account: finding it on the accounts page, issuing it a
/// reset code, enrolling it by file. Nobody looks after an account above
/// their own role, and nobody looks after a deleted one.
pub fn may_look_after(viewer: &Viewer, account: &AccountFacts) -> bool {
    if account.deleted {
        return false;
    }
    match viewer.role {
        Role::Admin => true,
        Role::Manager => match scoped_to(viewer) {
            None => account.role < Role::Manager,
            Some(own) => account.role == Role::Learner && belongs_only_to(account, own),
        },
        Role::Instructor => {
            account.role == Role::Learner
                && account.memberships.iter().any(|m| m.cohort.is_some() && teaches(viewer, &m.instructors))
        }
        Role::Learner => false,
    }
}

/// Issuing a one-time reset code, which lets whoever holds it sign in as
/// the account: exactly those who look after it.
pub fn may_issue_reset_code(viewer: &Viewer, account: &AccountFacts) -> bool {
    may_look_after(viewer, account)
}

/// Why a row of a bulk enrolment file naming an existing account is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportRefusal {
    /// Staff accounts are never enrolled, matched or changed by a file.
    Staff,
    /// The account is not one the importer looks after.
    NotYours,
    /// The learner is in another cohort of the course, one the importer
    /// does not run: a file may not move them out of it.
    InAnotherCohort,
}

impl ImportRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            ImportRefusal::Staff => msg::IMPORT_ERROR_STAFF_ACCOUNT,
            ImportRefusal::NotYours => msg::IMPORT_ERROR_NOT_YOURS,
            ImportRefusal::InAnotherCohort => msg::IMPORT_ERROR_OTHER_COHORT,
        }
    }
}

/// Whether a bulk enrolment file may enrol an existing account in a cohort
/// of `course_id`: only a learner the importer already looks after (before
/// the file, so the file cannot make them so), and never out of a cohort
/// the importer does not run.
pub fn may_enrol_by_file(viewer: &Viewer, account: &AccountFacts, course_id: &str) -> Result<(), ImportRefusal> {
    // Not looked after first: a file must not tell a manager who is staff.
    if viewer.role < Role::Manager || !may_look_after(viewer, account) {
        return Err(ImportRefusal::NotYours);
    }
    if account.role != Role::Learner {
        return Err(ImportRefusal::Staff);
    }
    let current = account.memberships.iter().find(|m| m.course_id == course_id && m.cohort.is_some());
    match current {
        Some(membership) if !may_run_cohort(viewer, membership.organisation) => Err(ImportRefusal::InAnotherCohort),
        _ => Ok(()),
    }
}

/// Uploading bulk enrolment files at all.
pub fn may_import(viewer: &Viewer) -> bool {
    viewer.role >= Role::Manager
}

/// Whether a viewer may act on an uploaded bulk enrolment file: its
/// uploader, and administrators.
pub fn may_see_import(viewer: &Viewer, uploaded_by: i64) -> bool {
    viewer.role >= Role::Manager && (viewer.id == uploaded_by || viewer.role == Role::Admin)
}

/// Revoking a certificate: the programme-wide, and a manager of the
/// organisation whose cohort the holder earned it in.
pub fn may_revoke_certificate(viewer: &Viewer, earned_in_organisation: Option<i64>) -> bool {
    match scoped_to(viewer) {
        Some(own) => earned_in_organisation == Some(own),
        None => is_programme_wide(viewer),
    }
}

/// Changing an account's role: administrators, never their own (so that
/// the last administrator cannot lock everyone out by mistake), never a
/// deleted account.
pub fn may_change_role(viewer: &Viewer, account_username: &str, account: &AccountFacts) -> bool {
    viewer.role == Role::Admin && viewer.username != account_username && !account.deleted
}

/// Reading the audit log.
pub fn may_read_audit_log(viewer: &Viewer) -> bool {
    viewer.role == Role::Admin
}

/// Saving a course on one's phone to read it offline: someone signed in
/// who may read every lesson of it (an open course; an enrolled learner;
/// staff). The copies carry no one's data.
pub fn may_save_for_offline(viewer: Option<&Viewer>, course_is_open: bool, enrolled: bool) -> bool {
    viewer.is_some() && (course_is_open || may_read_whole_course(viewer, enrolled))
}

/// Sending what a learner did offline (completions, quiz attempts): only
/// ever their own, whoever else's phone or outbox it came from.
pub fn may_record_learning_of(viewer: &Viewer, learner: i64) -> bool {
    viewer.id == learner
}

#[cfg(test)]
mod tests;
