use crate::auth::model::Role;
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// Where a mentoring relationship stands.
    pub enum RelationshipStatus {
        Active = "active",
        Completed = "completed",
    }
}

impl RelationshipStatus {
    /// Going on now: the members table's "Relationships" column and filter.
    pub fn is_current(self) -> bool {
        matches!(self, Self::Active)
    }

    /// Counted in "Matches": every relationship that was started.
    pub fn is_match(self) -> bool {
        matches!(self, Self::Active | Self::Completed)
    }

    /// The codes of the statuses `keep` accepts, as an SQL list: `'active', 'completed'`
    /// (codes are literals of this enum, never user input).
    pub fn sql_codes(keep: fn(Self) -> bool) -> String {
        let codes: Vec<String> = Self::ALL
            .into_iter()
            .filter(|s| keep(*s))
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        codes.join(", ")
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Active => "relationship-status-active",
            Self::Completed => "relationship-status-completed",
        }
    }
}

crate::text_enum! {
    /// A mentoring invitation's answer so far.
    pub enum InvitationStatus {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
    }
}

/// One of the viewer's relationships, seen from their side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub relationship_id: i64,
    pub partner_name: String,
    pub partner_role: Role,
    pub partner_job_title: String,
    pub partner_company: String,
    pub status: RelationshipStatus,
    /// Already in the viewer's time zone.
    pub started: LocalDateTime,
}
