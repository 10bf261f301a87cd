//! Partner organisations and what belongs to them.

use serde::{Deserialize, Serialize};

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
    /// Only programme-wide staff add organisations.
    pub may_create: bool,
    /// Only administrators scope managers to an organisation.
    pub may_assign: bool,
}
