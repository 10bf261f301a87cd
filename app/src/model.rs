//! What the pages show: plain data that crosses from the server to the page.
//!
//! These types are deliberately free of anything a learner must not see
//! before answering: a quiz travels as [`QuizView`], which has no correct
//! answers and no explanations.

use serde::{Deserialize, Serialize};

use crate::language::Language;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The id of its name among the interface messages.
    pub fn message_id(self) -> &'static str {
        match self {
            Level::Beginner => "level-beginner",
            Level::Intermediate => "level-intermediate",
            Level::Advanced => "level-advanced",
        }
    }
}

/// What a person may do. Every server function checks it on the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Learns: their own enrolments, progress and certificates only.
    #[default]
    Learner,
    /// Teaches the courses that list them.
    Instructor,
    /// Runs cohorts and sees programme-wide statistics.
    Manager,
    /// Manages users and roles.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Learner, Role::Instructor, Role::Manager, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Instructor => "instructor",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// The id of its name among the interface messages.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Learner => "role-learner",
            Role::Instructor => "role-instructor",
            Role::Manager => "role-manager",
            Role::Admin => "role-admin",
        }
    }
}

/// An optional question about a person, asked for programme statistics
/// only (reported in aggregate, never with a name). Each answer is kept only
/// with its own consent; "prefer not to say" is no answer at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileQuestion {
    Gender,
    AgeBand,
    /// The country the person lives in.
    Region,
}

impl ProfileQuestion {
    pub const ALL: [ProfileQuestion; 3] = [ProfileQuestion::Gender, ProfileQuestion::AgeBand, ProfileQuestion::Region];

    /// Its name in forms and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileQuestion::Gender => "gender",
            ProfileQuestion::AgeBand => "age_band",
            ProfileQuestion::Region => "region",
        }
    }

    pub fn parse(text: &str) -> Option<ProfileQuestion> {
        ProfileQuestion::ALL.into_iter().find(|question| question.as_str() == text)
    }

    /// The form field of its consent checkbox.
    pub fn consent_field(self) -> &'static str {
        match self {
            ProfileQuestion::Gender => "gender_consent",
            ProfileQuestion::AgeBand => "age_band_consent",
            ProfileQuestion::Region => "region_consent",
        }
    }

    /// The answers it offers, as stored. Statistics group by these, so they
    /// are fixed: a new choice is a code change, not free text.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            ProfileQuestion::Gender => &["female", "male", "other"],
            ProfileQuestion::AgeBand => &["under-18", "18-24", "25-34", "35-44", "45-plus"],
            ProfileQuestion::Region => &["pk", "uz", "kz", "kg", "tj", "af", "other"],
        }
    }

    /// The id of the question among the interface messages.
    pub fn message_id(self) -> &'static str {
        match self {
            ProfileQuestion::Gender => "profile-gender",
            ProfileQuestion::AgeBand => "profile-age-band",
            ProfileQuestion::Region => "profile-region",
        }
    }

    /// The id of one of its answers among the interface messages.
    pub fn choice_message_id(self, choice: &str) -> String {
        format!("{}-{choice}", self.message_id())
    }
}

/// A person's answers to the profile questions they chose to answer.
pub type ProfileAnswers = Vec<(ProfileQuestion, String)>;

/// An account as the people who look after accounts see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// A reset code just issued, shown once to whoever issued it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedResetCode {
    pub username: String,
    /// Grouped for reading aloud or from paper: `ABCD-EFGH-JKMN`.
    pub code: String,
    /// UTC, `YYYY-MM-DD HH:MM UTC`.
    pub expires_at: String,
    /// The full address of `/reset/{code}`, to share.
    pub link: String,
}

/// The user administration page: the accounts found, and a code just issued.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersPage {
    pub users: Vec<UserSummary>,
    pub issued: Option<IssuedResetCode>,
}

/// The person signed in to this browser, as pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The interface language saved to their profile, if any.
    pub language: Option<Language>,
    /// A manager of one partner organisation sees only its cohorts and
    /// learners; `None` is programme-wide.
    pub organisation: Option<i64>,
}

/// Why a form was refused: message ids per field, and what was typed
/// (never a password) so that the form can be shown again as it was, also
/// without JavaScript, where the answer is a redirect back to the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// `(field, message id)`
    pub fields: Vec<(String, String)>,
    /// `(field, typed value)`, each cut to [`MAX_ECHOED_CHARS`]: a refused
    /// form comes back in the address, and a huge value must not make a
    /// huge address.
    #[serde(serialize_with = "echo_bounded")]
    pub values: Vec<(String, String)>,
    /// A message for the whole form.
    pub form: Option<String>,
}

/// The most of a typed value a refused form shows again: more than any
/// field accepts (names 100 characters, passwords 200, codes 20).
pub const MAX_ECHOED_CHARS: usize = 200;

fn echo_bounded<S: serde::Serializer>(values: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut sequence = serializer.serialize_seq(Some(values.len()))?;
    for (field, value) in values {
        let field: String = field.chars().take(64).collect();
        let value: String = value.chars().take(MAX_ECHOED_CHARS).collect();
        sequence.serialize_element(&(field, value))?;
    }
    sequence.end()
}

impl FormErrors {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(field, _)| field == name).map(|(_, message)| message.as_str())
    }

    pub fn value(&self, name: &str) -> String {
        self.values.iter().find(|(field, _)| field == name).map(|(_, value)| value.clone()).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }
}

/// One line of the audit log, as an administrator reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub action: String,
    pub client_address: Option<String>,
}

/// Who may read a course's lessons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// Anyone reads every lesson; enrolment tracks progress.
    #[default]
    Open,
    /// Visitors see the overview and the first lesson only.
    Enrolled,
}

/// How learners enrol in a course.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Enrolment {
    /// Anyone signed in enrols with one button, or joins a cohort.
    #[default]
    Open,
    /// Only by joining a cohort with its code.
    Code,
}

/// Lessons done out of lessons counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Rounded down: 100 only when every lesson is done.
    pub percent: u8,
}

impl Progress {
    pub fn new(done: usize, total: usize) -> Progress {
        let percent = (done.min(total) * 100).checked_div(total).unwrap_or(0) as u8;
        Progress { done, total, percent }
    }
}

/// The reader's relation to a course, as its pages show it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Not signed in: invited to register or log in to track progress.
    #[default]
    Visitor,
    /// Signed in, not enrolled; `open` says whether one button enrols.
    NotEnrolled { open: bool },
    /// Enrolled: progress is tracked.
    Enrolled {
        progress: Progress,
        /// The next lesson not yet completed.
        next_lesson: Option<String>,
        /// When the course was completed (UTC date), if it was: kept even
        /// if lessons are added later.
        completed_on: Option<String>,
        /// A certificate was issued for the course.
        #[serde(default)]
        certificate: bool,
    },
}

/// A course as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: String,
    /// The language of the title and summary: the reader's when translated.
    pub language: Language,
    pub title: String,
    pub summary: String,
    pub level: Level,
    pub minutes: u32,
    pub lesson_count: usize,
    pub languages: Vec<Language>,
}

/// A course's overview page: its modules and lessons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseOutline {
    pub card: CourseCard,
    pub modules: Vec<ModuleOutline>,
    /// The reader's enrolment and progress.
    #[serde(default)]
    pub standing: Standing,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleOutline {
    /// The language of the title and summary.
    pub language: Language,
    pub title: String,
    pub summary: Option<String>,
    pub lessons: Vec<LessonLink>,
    /// For an enrolled reader.
    #[serde(default)]
    pub progress: Option<Progress>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    /// The language of the title.
    pub language: Language,
    pub title: String,
    pub minutes: u32,
    pub is_quiz: bool,
    /// Completed by the (enrolled) reader.
    #[serde(default)]
    pub completed: bool,
}

/// One lesson page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub id: String,
    pub title: String,
    /// The language the lesson is shown in: the reader's, or the course's
    /// own when the lesson has no translation into the reader's.
    pub language: Language,
    /// The languages of the course's and the module's titles.
    pub course_title_language: Language,
    pub module_title_language: Language,
    pub minutes: u32,
    /// Sanitised HTML rendered from the lesson's markdown.
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub quiz: Option<QuizView>,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    /// The reader's enrolment and progress in the course.
    #[serde(default)]
    pub standing: Standing,
    /// Completed by the (enrolled) reader.
    #[serde(default)]
    pub completed: bool,
    /// An `access = "enrolled"` lesson the reader may not read yet: no
    /// text, an invitation to enrol instead.
    #[serde(default)]
    pub locked: bool,
    /// Sent back with a quiz submission, so that submitting twice counts once.
    #[serde(default)]
    pub attempt_key: Option<String>,
    /// The reader's best score on this lesson's quiz.
    #[serde(default)]
    pub best_score: Option<u8>,
    /// The graded attempt just submitted, with the right answers and explanations.
    #[serde(default)]
    pub result: Option<QuizResult>,
}

/// A graded quiz attempt: only ever sent after the learner submitted it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    pub score_percent: u8,
    pub passed: bool,
    pub pass_mark: u8,
    pub questions: Vec<QuestionResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub prompt_html: String,
    pub right: bool,
    pub options: Vec<OptionResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    pub html: String,
    pub chosen: bool,
    pub correct: bool,
    pub explanation_html: String,
}

/// A learner's certificate, as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    /// As registered when the certificate was issued.
    pub learner_name: String,
    pub course_id: String,
    pub course_title: String,
    /// UTC date.
    pub issued_on: String,
    pub minutes: u32,
    pub programme: String,
    /// The programme has a logo (at `/programme-logo`).
    #[serde(default)]
    pub logo: bool,
    /// Grouped: `ABCD-EFGH-JKMN-PQRS`.
    pub verify_code: String,
    /// The public verification address the QR code holds.
    pub verify_url: String,
    /// The QR code of `verify_url`, as SVG drawn by the server.
    pub qr_svg: String,
    /// UTC date, if revoked.
    pub revoked_on: Option<String>,
}

/// What `/verify/{code}` says about a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// No certificate has that code (or it is not a code at all).
    Unknown,
    Valid(VerifiedCertificate),
    /// Revoked on the given UTC date.
    Revoked(VerifiedCertificate, String),
}

/// Only what a third party needs: name, course, date and issuer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedCertificate {
    /// `None` once the holder has deleted their account.
    pub learner_name: Option<String>,
    /// The person looking may revoke it (the form is shown).
    pub may_revoke: bool,
    pub course_title: String,
    pub issued_on: String,
    pub programme: String,
    /// Grouped, for the revoke form.
    pub verify_code: String,
}

/// A course on the learner's dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyCourse {
    pub card: CourseCard,
    pub progress: Progress,
    /// Where to continue: the first lesson not yet completed.
    pub next_lesson: Option<LessonLink>,
    /// UTC date.
    pub completed_on: Option<String>,
}

/// A cohort, as managers and instructors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSummary {
    pub id: i64,
    pub course_id: String,
    pub course_title: String,
    pub name: String,
    /// Grouped: `ABCD-EFGH`.
    pub code: String,
    pub time_zone: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub capacity: Option<i32>,
    pub members: u64,
}

/// One learner of a cohort, with their progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortMember {
    pub username: String,
    pub display_name: String,
    /// UTC date.
    pub enrolled_on: String,
    /// UTC date, if they left.
    pub left_on: Option<String>,
    pub progress: Progress,
    pub completed: bool,
}

/// The cohorts page: the cohorts, the courses a new one may be for, and the time zones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortsPage {
    pub cohorts: Vec<CohortSummary>,
    /// `(id, title)`; empty for someone who may not create cohorts.
    pub courses: Vec<(String, String)>,
    pub time_zones: Vec<String>,
    /// `(id, name)`: the organisations a new cohort may belong to (empty
    /// for a manager of one organisation, whose cohorts are its own).
    pub organisations: Vec<(i64, String)>,
}

/// One cohort and who is in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CohortPage {
    pub cohort: CohortSummary,
    pub members: Vec<CohortMember>,
    /// A reset code the viewer just issued for a member, shown once.
    pub issued: Option<IssuedResetCode>,
    pub statistics: Statistics,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 2 or 3, as in `##` and `###`.
    pub level: u8,
    pub anchor: String,
    pub text: String,
}

/// A quiz as the learner sees it before answering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizView {
    pub pass_mark: u8,
    pub questions: Vec<QuestionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub multiple: bool,
    pub prompt_html: String,
    pub options: Vec<OptionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionView {
    pub id: String,
    pub html: String,
}

/// The funnel of a group of enrolments: how many enrolled, started,
/// completed and were certified, how long completing took, and how many
/// learners were active lately.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    pub enrolled: u64,
    /// Different people (a learner in two courses is two enrolments).
    pub learners: u64,
    pub started: u64,
    pub completed: u64,
    pub certified: u64,
    /// Median days from enrolling to completing, of those who completed.
    pub median_days: Option<f64>,
    pub active_7_days: u64,
    pub active_30_days: u64,
}

/// One row of a funnel table: a course or a cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelRow {
    pub label: String,
    /// Its own statistics page, when it has one.
    pub link: Option<String>,
    pub funnel: Funnel,
}

/// One group of a breakdown by a profile answer. `None` counts belong to
/// a group too small to show ("fewer than N").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownRow {
    /// The answer as stored (`female`), or `None` for "not stated".
    pub answer: Option<String>,
    /// `None`: not shown (every cohort in scope is left out). Started and
    /// certified are not broken down (see `statistics::suppression`).
    pub enrolled: Option<u64>,
    pub completed: Option<u64>,
    /// The figures leave out cohorts that are not shown: the true figures
    /// are at least these.
    pub partial: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub question: ProfileQuestion,
    pub rows: Vec<BreakdownRow>,
    /// Cohorts in scope whose breakdown is not shown (a group of fewer
    /// than the threshold), and their enrolments: left out of every figure.
    pub left_out_cohorts: u64,
    pub left_out_enrolments: u64,
}

/// Statistics of a scope (the programme, a course, a cohort), as tables
/// and charts show them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    pub total: Funnel,
    /// Empty when the scope is one course.
    pub by_course: Vec<FunnelRow>,
    /// Empty when the scope is one cohort.
    pub by_cohort: Vec<FunnelRow>,
    pub breakdowns: Vec<Breakdown>,
    /// Why there are no breakdowns (a message id), when they are withheld.
    pub breakdowns_withheld: Option<String>,
    /// Groups smaller than this are not shown.
    pub threshold: u64,
    /// The scope as a query string (`course=…&from=…`), for CSV links.
    pub query: String,
}

/// What a statistics page is narrowed to, as the filter form sends it
/// (empty or missing: no filter).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsFilters {
    #[serde(default)]
    pub course: Option<String>,
    #[serde(default)]
    pub cohort: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
    /// `YYYY-MM-DD`: enrolled on or after.
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`: enrolled on or before.
    #[serde(default)]
    pub to: Option<String>,
}

/// The manager's dashboard: statistics, and the choices of its filters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DashboardPage {
    /// The course's title on a course's page; `None` for the programme.
    pub course_title: Option<String>,
    pub filters: StatisticsFilters,
    /// Message id of a filter that was not understood (and so not applied).
    pub filter_error: Option<String>,
    /// `(id, title)`.
    pub courses: Vec<(String, String)>,
    /// `(id, name)`: the cohorts the viewer may see.
    pub cohorts: Vec<(i64, String)>,
    /// `(id, name)`; empty for a manager of one organisation.
    pub organisations: Vec<(i64, String)>,
    /// The viewer's own organisation, for a manager of one.
    pub organisation_name: Option<String>,
    pub statistics: Statistics,
}

/// How many learners completed a lesson, and how many of them did not
/// complete the next one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonReach {
    pub lesson_id: String,
    pub title: String,
    pub completed: u64,
    /// Completed this lesson but not the next (none for the last lesson).
    pub stopped_after: Option<u64>,
}

/// One quiz question on learners' first attempts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReport {
    pub lesson_title: String,
    /// 1-based, within its quiz.
    pub number: usize,
    pub prompt_html: String,
    pub answered: u64,
    pub correct: u64,
    /// The wrong answer chosen most (sanitised HTML from the course), and how often.
    pub most_chosen_wrong: Option<(String, u64)>,
}

/// One learner's place in a course, for the instructor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerProgress {
    pub username: String,
    pub display_name: String,
    pub cohort: Option<String>,
    pub progress: Progress,
    pub completed: bool,
    /// UTC date of their latest activity.
    pub last_active_on: Option<String>,
}

/// A course as its instructor sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaughtCourse {
    pub course_id: String,
    pub title: String,
    pub funnel: Funnel,
    pub reach: Vec<LessonReach>,
    /// The lesson after which most learners stopped, if any did.
    pub most_stop_after: Option<String>,
    pub questions: Vec<QuestionReport>,
    pub learners: Vec<LearnerProgress>,
    /// More learners than the table shows (the CSV has them all).
    pub more_learners: u64,
}

/// `/teach`: the viewer's courses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeachPage {
    pub courses: Vec<TaughtCourse>,
}

/// A bulk enrolment file, as the list of recent ones shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: i64,
    pub file_name: String,
    /// UTC, to the minute.
    pub uploaded_at: String,
    pub applied: bool,
}

/// `/manage/import`: the upload form and recent files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportsPage {
    pub recent: Vec<ImportSummary>,
    /// The largest file accepted, in megabytes.
    pub max_megabytes: u64,
}

/// One row of a bulk enrolment file and what applying it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReportRow {
    pub line: u64,
    pub username: String,
    pub name: String,
    pub cohort: String,
    /// Message id: `import-will-create`, `import-will-enrol`,
    /// `import-nothing-to-do`, or the reason it is refused.
    pub outcome: String,
    pub refused: bool,
}

/// A set-password code to hand to a new learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoutCode {
    pub username: String,
    pub name: String,
    pub cohort: String,
    pub code: String,
}

/// `/manage/import/{id}`: the dry run of a file (checked against the
/// database as it is now), and once applied, the codes to hand out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: i64,
    pub file_name: String,
    pub uploaded_at: String,
    pub applied_at: Option<String>,
    /// A problem with the whole file: message id and what it names.
    pub problem: Option<(String, String)>,
    pub will_create: u64,
    pub will_enrol: u64,
    pub nothing_to_do: u64,
    pub refused: u64,
    /// Refused rows first, then others, up to a limit.
    pub rows: Vec<ImportReportRow>,
    pub rows_left_out: u64,
    pub codes: Vec<HandoutCode>,
    /// UTC date the codes stop working.
    pub codes_expire_on: Option<String>,
}

/// A partner organisation, with what belongs to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: i64,
    pub name: String,
    pub cohorts: u64,
    /// Usernames of the managers scoped to it.
    pub managers: Vec<String>,
}

/// `/manage/organisations`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationsPage {
    pub organisations: Vec<OrganisationSummary>,
    /// Only administrators scope managers to an organisation.
    pub may_assign: bool,
}
