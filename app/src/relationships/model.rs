use crate::auth::model::Role;
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationshipStatus {
    Active,
    Completed,
}

impl RelationshipStatus {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "active" => Some(Self::Active),
            "completed" => Some(Self::Completed),
            _ => None,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Active => "relationship-status-active",
            Self::Completed => "relationship-status-completed",
        }
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
