//! The administrator's "Match members": the people offered as they type, and the pair
//! as it would be matched.
use super::compatibility::Compatibility;
use super::model::SearchChoices;
use crate::auth::model::Role;
use serde::{Deserialize, Serialize};

/// The page's address.
pub const MATCH_MEMBERS_PATH: &str = "/admin/match";

/// How many people the type-ahead offers.
pub const MATCH_SUGGESTIONS: i64 = 8;

/// A member the administrator may pair: who they are and how many partners they have
/// and take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchCandidate {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Their current relationships.
    pub partners: i64,
    /// The most they take: their profile's maximum, or the program's default.
    pub max_partners: i64,
    /// Below that maximum (`relationships::model::has_room`).
    pub has_room: bool,
}

/// A mentor and a mentee as the administrator is about to match them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchPreview {
    pub mentor: MatchCandidate,
    pub mentee: MatchCandidate,
    /// The mentor seen from the mentee's search: the same score the mentee's Mentors
    /// page shows on this mentor's card.
    pub compatibility: Compatibility,
    /// The mentee's search choices, to name the criteria met.
    pub choices: SearchChoices,
    pub already_partners: bool,
    /// An invitation between them waits for an answer (the match answers it).
    pub invitation_pending: bool,
}

impl MatchPreview {
    /// Matching them takes one of them past their maximum: it needs confirming.
    pub fn over_capacity(&self) -> bool {
        !self.mentor.has_room || !self.mentee.has_room
    }
}

/// The page as the administrator left it: the people offered for each side (those the
/// typed words find, with the one chosen kept), and the pair once both are chosen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchPage {
    pub mentors: Vec<MatchCandidate>,
    pub mentees: Vec<MatchCandidate>,
    pub preview: Option<MatchPreview>,
}
