use serde::{Deserialize, Serialize};

/// The admin dashboard's statistics row (seed 002: Members, Relationships, Invitations).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminStats {
    pub mentors: i64,
    pub mentees: i64,
    pub admins: i64,
    pub active_relationships: i64,
    pub completed_relationships: i64,
    pub pending_invitations: i64,
    pub accepted_invitations: i64,
    pub declined_invitations: i64,
}

impl AdminStats {
    pub fn members(&self) -> i64 {
        self.mentors + self.mentees + self.admins
    }

    pub fn relationships(&self) -> i64 {
        self.active_relationships + self.completed_relationships
    }

    pub fn invitations(&self) -> i64 {
        self.pending_invitations + self.accepted_invitations + self.declined_invitations
    }
}

/// The program's self-registration link (admin dashboard tile "Invitation link").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub url: String,
    pub enabled: bool,
}
