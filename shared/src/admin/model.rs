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

/// A program's own settings (admin: "Program settings").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramSettings {
    pub name_en: String,
    pub name_fr: String,
    pub contact_email: String,
    /// Shown at the top of every e-mail; empty = the product's logo.
    pub logo_url: String,
    /// Consecutive failed sign-ins before an account locks.
    pub lockout_threshold: i64,
    /// Who may register through the invitation link.
    pub signup_mentors: bool,
    pub signup_mentees: bool,
}

pub const LOCKOUT_MIN: i64 = 3;
pub const LOCKOUT_MAX: i64 = 20;
