//! How readily a member answers the invitations they receive, as their search card shows
//! it ("Answers 80 % of invitations, usually within 2 days").
use super::model::InvitationStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A member's figures appear once they have answered this many invitations: fewer say
/// more about chance than about the member.
pub const RESPONSES_BEFORE_SHOWN: usize = 3;

/// One invitation a member received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedInvitation {
    pub status: InvitationStatus,
    pub sent: DateTime<Utc>,
    /// When it left "pending", whatever the outcome.
    pub closed: Option<DateTime<Utc>>,
    /// The recipient's first question about it, if they asked one.
    pub first_question: Option<DateTime<Utc>>,
}

impl ReceivedInvitation {
    /// When the recipient first responded: a question, or else their decision. Withdrawn,
    /// expired and pending invitations without a question have no response.
    fn responded(&self) -> Option<DateTime<Utc>> {
        let decided = self.closed.filter(|_| self.status.is_decision());
        match (self.first_question, decided) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// How long a member typically takes to respond, rounded up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResponseTime {
    /// Under a day: 1 to 23 hours.
    Hours(u32),
    Days(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseStats {
    /// Responded ones among those that were responded to or expired, in whole percent.
    pub rate_percent: u8,
    /// The median time to respond.
    pub typical: ResponseTime,
}

/// The member's figures, or none before [`RESPONSES_BEFORE_SHOWN`] responses. An
/// invitation withdrawn before a response, or still pending, counts neither way.
pub fn response_stats(received: &[ReceivedInvitation]) -> Option<ResponseStats> {
    let mut waits: Vec<i64> = received
        .iter()
        .filter_map(|r| r.responded().map(|at| (at - r.sent).num_minutes().max(0)))
        .collect();
    if waits.len() < RESPONSES_BEFORE_SHOWN {
        return None;
    }
    let unanswered = received
        .iter()
        .filter(|r| r.status == InvitationStatus::Expired && r.responded().is_none())
        .count();
    let counted = waits.len() + unanswered;
    let rate_percent = ((waits.len() * 100 + counted / 2) / counted) as u8;
    waits.sort_unstable();
    // The lower middle of an even count: "usually" should not round towards slow.
    let median = waits[(waits.len() - 1) / 2];
    let hours = (median.max(1) + 59) / 60;
    let typical = if hours < 24 {
        ResponseTime::Hours(hours as u32)
    } else {
        ResponseTime::Days(((hours + 23) / 24) as u32)
    };
    Some(ResponseStats {
        rate_percent,
        typical,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(hours: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + Duration::hours(hours)
    }

    fn closed(status: InvitationStatus, after_hours: i64) -> ReceivedInvitation {
        ReceivedInvitation {
            status,
            sent: at(0),
            closed: Some(at(after_hours)),
            first_question: None,
        }
    }

    fn asked(after_hours: i64, then: InvitationStatus, closed_after: i64) -> ReceivedInvitation {
        ReceivedInvitation {
            first_question: Some(at(after_hours)),
            ..closed(then, closed_after)
        }
    }

    use InvitationStatus::{Accepted, Declined, Expired, Pending, Withdrawn};

    #[test]
    fn nothing_is_shown_before_three_responses() {
        let two = [
            closed(Accepted, 2),
            closed(Declined, 5),
            closed(Expired, 336),
        ];
        assert_eq!(response_stats(&two), None);
        assert_eq!(response_stats(&[]), None);
    }

    #[test]
    fn expired_invitations_lower_the_rate_and_withdrawn_or_pending_ones_do_not() {
        let received = [
            closed(Accepted, 2),
            closed(Declined, 30),
            closed(Accepted, 50),
            closed(Expired, 336),
            closed(Withdrawn, 10),
            ReceivedInvitation {
                status: Pending,
                sent: at(0),
                closed: None,
                first_question: None,
            },
        ];
        let stats = response_stats(&received).unwrap();
        assert_eq!(stats.rate_percent, 75);
        // Median of 2 h, 30 h, 50 h is 30 h: two days, rounded up.
        assert_eq!(stats.typical, ResponseTime::Days(2));
    }

    #[test]
    fn a_question_is_a_response_even_when_the_invitation_then_expired_or_was_withdrawn() {
        let received = [
            asked(1, Expired, 336),
            asked(3, Withdrawn, 20),
            asked(2, Accepted, 40),
            closed(Expired, 336),
        ];
        let stats = response_stats(&received).unwrap();
        assert_eq!(stats.rate_percent, 75);
        assert_eq!(stats.typical, ResponseTime::Hours(2));
    }

    #[test]
    fn the_typical_time_is_the_lower_median_rounded_up_to_hours_or_days() {
        let minutes = |m: i64| ReceivedInvitation {
            status: Declined,
            sent: at(0),
            closed: Some(at(0) + Duration::minutes(m)),
            first_question: None,
        };
        let fast = [minutes(0), minutes(10), minutes(61), minutes(2000)];
        let stats = response_stats(&fast).unwrap();
        assert_eq!(stats.rate_percent, 100);
        assert_eq!(stats.typical, ResponseTime::Hours(1));
        let day = [minutes(23 * 60 + 1), minutes(24 * 60), minutes(25 * 60)];
        assert_eq!(response_stats(&day).unwrap().typical, ResponseTime::Days(1));
        let rate = [
            closed(Accepted, 1),
            closed(Accepted, 1),
            closed(Accepted, 1),
            closed(Expired, 336),
            closed(Expired, 336),
            closed(Expired, 336),
        ];
        assert_eq!(response_stats(&rate).unwrap().rate_percent, 50);
    }
}
