//! Who takes part and how a course is open to them: roles, levels, profile questions.

use crate::msg;
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
            Level::Beginner => msg::LEVEL_BEGINNER,
            Level::Intermediate => msg::LEVEL_INTERMEDIATE,
            Level::Advanced => msg::LEVEL_ADVANCED,
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

    /// The role stored on an account. An unknown one (a row edited by hand,
    /// a role from a newer version) is an error, never a learner: nobody
    /// quietly loses or gains access by a typo.
    pub fn stored(text: &str) -> Result<Role, UnknownRole> {
        Role::parse(text).ok_or_else(|| UnknownRole(text.chars().take(40).collect()))
    }

    /// The id of its name among the interface messages.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Learner => msg::ROLE_LEARNER,
            Role::Instructor => msg::ROLE_INSTRUCTOR,
            Role::Manager => msg::ROLE_MANAGER,
            Role::Admin => msg::ROLE_ADMIN,
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
            ProfileQuestion::Gender => msg::PROFILE_GENDER,
            ProfileQuestion::AgeBand => msg::PROFILE_AGE_BAND,
            ProfileQuestion::Region => msg::PROFILE_REGION,
        }
    }

    /// The id of one of its answers among the interface messages.
    pub fn choice_message_id(self, choice: &str) -> String {
        format!("{}-{choice}", self.message_id())
    }
}

/// A person's answers to the profile questions they chose to answer.
pub type ProfileAnswers = Vec<(ProfileQuestion, String)>;

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

/// An account's stored role that is none of [`Role::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRole(pub String);

impl std::fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an account has the unknown role `{}`", self.0)
    }
}

impl std::error::Error for UnknownRole {}
