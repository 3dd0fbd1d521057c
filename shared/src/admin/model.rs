use serde::{Deserialize, Serialize};

/// The admin dashboard's statistics row (seed 002: Members, Relationships, Invitations,
/// Searches).
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
    /// Withdrawn by their sender or expired unanswered.
    pub closed_invitations: i64,
    /// Saved partner searches ("Save and search").
    pub searches: i64,
    /// Members who saved at least one.
    pub searching_members: i64,
}

impl AdminStats {
    pub fn members(&self) -> i64 {
        self.mentors + self.mentees + self.admins
    }

    pub fn relationships(&self) -> i64 {
        self.active_relationships + self.completed_relationships
    }

    pub fn invitations(&self) -> i64 {
        self.pending_invitations
            + self.accepted_invitations
            + self.declined_invitations
            + self.closed_invitations
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
    /// Who may search for a partner.
    pub search_access: SearchAccess,
    /// How many partners a member takes on when their profile does not say.
    pub default_max_partners: i64,
    /// Days a member has to answer an invitation before it expires (and the reminder
    /// goes out halfway).
    pub invitation_days: i64,
}

/// A program's default "maximum number of partners" stays in this range.
pub const MAX_PARTNERS_MIN: i64 = 1;
pub const MAX_PARTNERS_MAX: i64 = 20;

crate::text_enum! {
    /// Who may search for a partner (`programs.search_access`); in the other cases the
    /// administrator matches people.
    pub enum SearchAccess {
        Both = "both",
        Mentees = "mentees",
        Mentors = "mentors",
        Nobody = "nobody",
    }
}

impl SearchAccess {
    pub fn allows(self, role: crate::auth::model::Role) -> bool {
        use crate::auth::model::Role;
        matches!(
            (self, role),
            (SearchAccess::Both, Role::Mentor | Role::Mentee)
                | (SearchAccess::Mentees, Role::Mentee)
                | (SearchAccess::Mentors, Role::Mentor)
        )
    }

    pub fn label_key(self) -> &'static str {
        match self {
            SearchAccess::Both => "search-access-both",
            SearchAccess::Mentees => "search-access-mentees",
            SearchAccess::Mentors => "search-access-mentors",
            SearchAccess::Nobody => "search-access-nobody",
        }
    }
}

pub const LOCKOUT_MIN: i64 = 3;
pub const LOCKOUT_MAX: i64 = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::Role;

    #[test]
    fn search_access_lets_only_the_named_roles_search() {
        let who = |access: SearchAccess| {
            Role::ALL
                .into_iter()
                .filter(|r| access.allows(*r))
                .collect::<Vec<_>>()
        };
        assert_eq!(who(SearchAccess::Both), vec![Role::Mentor, Role::Mentee]);
        assert_eq!(who(SearchAccess::Mentees), vec![Role::Mentee]);
        assert_eq!(who(SearchAccess::Mentors), vec![Role::Mentor]);
        assert!(who(SearchAccess::Nobody).is_empty());
    }
}
