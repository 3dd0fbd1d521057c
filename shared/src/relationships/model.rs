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
        /// Taken back by its sender, or by the product when either member left.
        Withdrawn = "withdrawn",
        /// Not answered by its deadline.
        Expired = "expired",
    }
}

impl InvitationStatus {
    /// The recipient decided: the answers a response rate counts as given.
    pub fn is_decision(self) -> bool {
        matches!(self, Self::Accepted | Self::Declined)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "invitation-status-pending",
            Self::Accepted => "invitation-status-accepted",
            Self::Declined => "invitation-status-declined",
            Self::Withdrawn => "invitation-status-withdrawn",
            Self::Expired => "invitation-status-expired",
        }
    }
}

/// The page for inviting the member `user_id`.
pub fn invite_path(user_id: i64) -> String {
    format!("/invite/{user_id}")
}

/// The address of an invitation's page.
pub fn invitation_path(id: i64) -> String {
    format!("/invitations/{id}")
}

/// The address of a relationship's page.
pub fn relationship_path(id: i64) -> String {
    format!("/relationships/{id}")
}

/// The longest invitation message, and the longest reason for declining.
pub const INVITATION_MESSAGE_MAX: usize = 2_000;
pub const DECLINE_REASON_MAX: usize = 1_000;
/// The longest question (or answer to one) about a pending invitation, and how many an
/// invitation holds before its members have to decide.
pub const INVITATION_QUESTION_MAX: usize = 1_000;
pub const INVITATION_THREAD_MAX: usize = 20;

/// Days a member has to answer an invitation (a program setting): the default and the
/// range an administrator may choose from.
pub const INVITATION_DAYS_DEFAULT: i64 = 14;
pub const INVITATION_DAYS_MIN: i64 = 1;
pub const INVITATION_DAYS_MAX: i64 = 60;

/// Whether a member with `current` relationships can take on another: below their
/// profile's maximum number of partners, or the program's default when they set none.
pub fn has_room(current: i64, own_max: Option<i64>, program_default: i64) -> bool {
    current < own_max.unwrap_or(program_default)
}

/// When an invitation's one reminder is due: halfway to its deadline.
pub fn reminder_due(
    created: chrono::DateTime<chrono::Utc>,
    expires: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    created + (expires - created) / 2
}

/// The other member as an invitation shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerSummary {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub photo_url: Option<String>,
    pub job_title: String,
    pub company: String,
    pub city: String,
    pub province: String,
    pub country: String,
}

/// An invitation as one of its two members (or an administrator) reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub id: i64,
    pub status: InvitationStatus,
    /// The viewer sent it (else they received it, or are an administrator reading it).
    pub viewer_is_sender: bool,
    pub viewer_is_recipient: bool,
    /// The other member (for an administrator: the sender).
    pub partner: PartnerSummary,
    pub message: String,
    /// The reason given for declining, if any.
    pub answer: String,
    /// Already in the viewer's time zone.
    pub sent: LocalDateTime,
    pub expires: LocalDateTime,
    pub answered: Option<LocalDateTime>,
    /// The relationship it started, once accepted.
    pub relationship_id: Option<i64>,
    /// Questions and answers exchanged while it waited, oldest first.
    pub thread: Vec<InvitationMessage>,
}

/// A question about a pending invitation, or the answer to one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationMessage {
    pub author_first_name: String,
    pub author_is_viewer: bool,
    pub body: String,
    /// Already in the viewer's time zone.
    pub sent: LocalDateTime,
}

/// A pending invitation on the viewer's Connections page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub id: i64,
    pub partner_name: String,
    pub partner_role: Role,
    /// The viewer sent it (else they received it).
    pub sent_by_viewer: bool,
    /// Already in the viewer's time zone.
    pub expires: LocalDateTime,
}

/// The viewer's Connections page: invitations waiting for an answer, then relationships.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connections {
    pub invitations: Vec<PendingInvitation>,
    pub relationships: Vec<Connection>,
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

/// A relationship's page, as one of its two members (or an administrator) sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipView {
    pub id: i64,
    pub status: RelationshipStatus,
    /// The viewer's partner (for an administrator: the mentee).
    pub partner: PartnerSummary,
    /// For an administrator: the mentor; for a member, none.
    pub other: Option<PartnerSummary>,
    /// Already in the viewer's time zone.
    pub started: LocalDateTime,
    pub ended: Option<LocalDateTime>,
    pub end_reason: String,
    /// The invitation it came from; none when an administrator matched the pair.
    pub invitation_id: Option<i64>,
}

impl RelationshipView {
    /// The seed's three stages: 1 invitation sent, 2 relationship established,
    /// 3 relationship completed.
    pub fn stage(&self) -> u8 {
        match self.status {
            RelationshipStatus::Active => 2,
            RelationshipStatus::Completed => 3,
        }
    }
}
