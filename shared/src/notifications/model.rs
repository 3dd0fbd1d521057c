//! A notification as stored (its kind, who did it, when the meeting is) and as the page
//! shows it, on the viewer's clock and in their language.
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

/// The member's notifications page.
pub const NOTIFICATIONS_PATH: &str = "/notifications";

/// How many the page lists, the newest first.
pub const NOTIFICATIONS_SHOWN: i64 = 50;

crate::text_enum! {
    /// What a notification tells.
    pub enum NotificationKind {
        /// Someone booked a meeting (or a series) with the member.
        MeetingInvitation = "meeting_invitation",
        /// Someone moved a meeting (or several of a series) the member attends.
        MeetingMoved = "meeting_moved",
        /// Someone cancelled a meeting (or several) the member attends.
        MeetingCancelled = "meeting_cancelled",
        /// A participant accepted, declined or answered maybe to a meeting (or several)
        /// the member attends.
        MeetingAccepted = "meeting_accepted",
        MeetingDeclined = "meeting_declined",
        MeetingMaybe = "meeting_maybe",
    }
}

impl NotificationKind {
    /// The Fluent key of its sentence (`$name`, `$when`, `$count`).
    pub fn text_key(self) -> &'static str {
        match self {
            Self::MeetingInvitation => "notification-meeting-invitation",
            Self::MeetingMoved => "notification-meeting-moved",
            Self::MeetingCancelled => "notification-meeting-cancelled",
            Self::MeetingAccepted => "notification-meeting-accepted",
            Self::MeetingDeclined => "notification-meeting-declined",
            Self::MeetingMaybe => "notification-meeting-maybe",
        }
    }
}

/// One notification on the member's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NotificationKind,
    /// Who did it ("from Systems Test").
    pub actor_name: String,
    /// The meeting's start (the first of a series), on the viewer's clock.
    pub meeting_at: LocalDateTime,
    /// How many meetings it is about (a series, or several occurrences).
    pub count: u32,
    /// Where it leads: the relationship's page.
    pub relationship_id: i64,
    pub created_at: LocalDateTime,
    pub read: bool,
}

/// The notifications page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NotificationList {
    pub items: Vec<NotificationView>,
    pub unread: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_code_and_has_a_sentence() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(kind.as_str()), Some(kind));
            assert!(kind.text_key().starts_with("notification-"));
        }
        assert_eq!(NotificationKind::parse("meeting"), None);
    }
}
