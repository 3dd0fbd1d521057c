//! The e-mails about a meeting, worded for each recipient: its time in their zone and
//! language, how it repeats, how and where the pair meets; and the same news as an in-app
//! notification for each recipient but the one who made it. Both are written in the
//! transaction that books or changes the meeting, so one that fails tells nothing and one
//! that holds tells once.
use super::answer_links::AnswerLinks;
use super::interval::Span;
use super::invite::Invite;
use super::model::Answer;
use super::model::{Frequency, MeetingType};
use super::repo::MeetingRow;
use crate::db::Tx;
use crate::error::AppResult;
use crate::i18n::{translate, translate_with, Lang, LocalDateTime};
use crate::messaging::repo::RecipientRow;
use crate::messaging::service::{queue_system_messages, MessageDetails};
use crate::messaging::template::{
    MEETING_ANSWERED, MEETING_CANCELLED, MEETING_INVITATION, MEETING_REQUESTED, MEETING_RESCHEDULED,
};
use crate::notifications::model::NotificationKind;
use crate::notifications::repo::{self as notices, NewNotification};
use crate::relationships::invitations::full_name;
use crate::relationships::model::relationship_path;
use crate::zone::Zone;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A booked meeting or series as its e-mails describe it.
pub struct MeetingMail<'a> {
    pub program_id: i64,
    pub relationship_id: i64,
    pub organiser_id: i64,
    /// The first occurrence that takes place.
    pub first: Span,
    pub frequency: Frequency,
    /// Occurrences that take place (those left out not counted).
    pub occurrences: usize,
    pub meeting_type: MeetingType,
    pub location: &'a str,
    pub agenda: &'a str,
    /// The event for the recipients' calendars, when the e-mail carries one.
    pub invite: Option<&'a Invite>,
    /// Accept / decline / maybe links for the recipients but the sender (they need the
    /// invite: a link dies when the event changes).
    pub answer_links: Option<AnswerLinks>,
}

impl<'a> MeetingMail<'a> {
    /// `count` occurrences of a meeting's series from `meeting` on (cancelled or
    /// answered together), described by that first one.
    pub fn from_occurrence(program_id: i64, meeting: &'a MeetingRow, count: usize) -> Self {
        Self {
            program_id,
            relationship_id: meeting.relationship_id,
            organiser_id: meeting.organiser_id,
            first: Span::new(meeting.starts_at, meeting.ends_at),
            frequency: Frequency::Once,
            occurrences: count,
            meeting_type: meeting.meeting_type,
            location: &meeting.location,
            agenda: &meeting.agenda,
            invite: None,
            answer_links: None,
        }
    }

    /// The same e-mail carrying `invite` for the recipients' calendars.
    pub fn with_invite(self, invite: &'a Invite) -> Self {
        Self {
            invite: Some(invite),
            ..self
        }
    }
}

/// "Dec 9, 2026, 10:00 AM to 10:30 AM (Eastern Time (Toronto))" on the recipient's clock.
pub(super) fn time_text(lang: Lang, zone: &Zone, span: Span, now: DateTime<Utc>) -> String {
    let start = LocalDateTime::from_utc(span.start, zone);
    let end = LocalDateTime::from_utc(span.end, zone);
    translate_with(
        lang,
        "meeting-mail-time",
        &[
            ("start", start.format_date_time(lang).into()),
            ("end", end.format_time(lang).into()),
            ("zone", zone.label(now).text(lang).into()),
        ],
    )
}

/// The meeting's keywords for one recipient (`{meeting_time}`, `{meeting_repeats}`,
/// `{meeting_type}`, `{location}`, `{sender_name}`: who booked or changed it).
pub fn meeting_values(
    lang: Lang,
    zone: &Zone,
    mail: &MeetingMail<'_>,
    sender_name: &str,
    now: DateTime<Utc>,
) -> Vec<(&'static str, String)> {
    let time = time_text(lang, zone, mail.first, now);
    let repeats = if mail.frequency == Frequency::Once {
        String::new()
    } else {
        translate_with(
            lang,
            "meeting-mail-repeats",
            &[
                ("frequency", mail.frequency.as_str().into()),
                ("count", mail.occurrences.into()),
            ],
        )
    };
    vec![
        ("sender_name", sender_name.to_string()),
        ("meeting_time", time),
        ("meeting_repeats", repeats),
        (
            "meeting_type",
            translate(lang, mail.meeting_type.label_key(), None),
        ),
        ("location", mail.location.to_string()),
    ]
}

/// The system message `key` about the meeting to each of `recipients`, from `sender`
/// (who booked or changed it), linking to the relationship page; `extra` adds keywords
/// worded in the recipient's language. Each recipient but the sender also gets the
/// notification `kind`, if any.
async fn send_meeting_mail(
    tx: &mut Tx,
    base_url: &str,
    (key, kind): (&str, Option<NotificationKind>),
    mail: &MeetingMail<'_>,
    (sender, recipients): (i64, &[i64]),
    extra: impl Fn(Lang, &Zone) -> Vec<(&'static str, String)>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let sender_name = full_name(tx, mail.program_id, sender).await?;
    let url = format!("{base_url}{}", relationship_path(mail.relationship_id));
    let mut links: HashMap<i64, Vec<(Answer, String)>> = HashMap::new();
    if let (Some(answering), Some(invite)) = (mail.answer_links, mail.invite) {
        for user_id in recipients.iter().filter(|user| **user != sender) {
            let issued = answering.issue(tx, base_url, (mail.program_id, *user_id), invite, now);
            links.insert(*user_id, issued.await?);
        }
    }
    let details = |recipient: &RecipientRow| {
        let (lang, zone) = (recipient.lang(), &recipient.time_zone);
        let mut values = meeting_values(lang, zone, mail, &sender_name, now);
        values.extend(extra(lang, zone));
        let actions = links
            .get(&recipient.id)
            .map(|links| {
                links
                    .iter()
                    .map(|(answer, url)| (translate(lang, answer.action_key(), None), url.clone()))
                    .collect()
            })
            .unwrap_or_default();
        MessageDetails {
            url: Some(url.clone()),
            message: Some(mail.agenda.to_string()),
            values,
            calendar: mail.invite.map(|invite| invite.for_lang(lang)),
            actions,
            ..Default::default()
        }
    };
    queue_system_messages(tx, base_url, mail.program_id, key, recipients, details).await?;
    let Some(kind) = kind else { return Ok(()) };
    for user_id in recipients.iter().filter(|user| **user != sender) {
        let notice = NewNotification {
            program_id: mail.program_id,
            user_id: *user_id,
            kind,
            actor_id: sender,
            relationship_id: mail.relationship_id,
            meeting_at: mail.first.start,
            count: mail.occurrences as u32,
        };
        notices::insert(tx, &notice, now).await?;
    }
    Ok(())
}

/// "Invitation to a mentoring meeting" from the organiser to each of `recipients`.
pub async fn send_invitations(
    tx: &mut Tx,
    base_url: &str,
    mail: &MeetingMail<'_>,
    recipients: &[i64],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let from = (mail.organiser_id, recipients);
    send_meeting_mail(
        tx,
        base_url,
        (
            MEETING_INVITATION,
            Some(NotificationKind::MeetingInvitation),
        ),
        mail,
        from,
        |_, _| vec![],
        now,
    )
    .await
}

/// "A mentoring meeting is cancelled" from `sender` to each of `recipients`: `count`
/// occurrences, from the one `mail` describes.
pub async fn send_cancellations(
    tx: &mut Tx,
    base_url: &str,
    mail: &MeetingMail<'_>,
    (sender, recipients): (i64, &[i64]),
    count: usize,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let extra = |lang, _: &Zone| {
        vec![(
            "cancelled_meetings",
            translate_with(lang, "meeting-mail-count", &[("count", count.into())]),
        )]
    };
    let from = (sender, recipients);
    let what = (MEETING_CANCELLED, Some(NotificationKind::MeetingCancelled));
    send_meeting_mail(tx, base_url, what, mail, from, extra, now).await
}

/// "A mentoring meeting is moved" from `sender` to each of `recipients`: the new time
/// `mail` describes, and the time it had (`{previous_time}`).
pub async fn send_reschedules(
    tx: &mut Tx,
    base_url: &str,
    mail: &MeetingMail<'_>,
    (sender, recipients): (i64, &[i64]),
    previous: Span,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let extra = |lang, zone: &Zone| vec![("previous_time", time_text(lang, zone, previous, now))];
    let from = (sender, recipients);
    let what = (MEETING_RESCHEDULED, Some(NotificationKind::MeetingMoved));
    send_meeting_mail(tx, base_url, what, mail, from, extra, now).await
}

/// "Mentoring meeting requested" to the organiser: their own record of what they asked
/// for, naming who is invited.
pub async fn send_request_copy(
    tx: &mut Tx,
    base_url: &str,
    mail: &MeetingMail<'_>,
    invited: &[i64],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let names = super::meetings::names_of(tx, invited.iter().copied()).await?;
    let participants = invited
        .iter()
        .filter_map(|user| names.get(user).map(String::as_str))
        .collect::<Vec<_>>()
        .join(", ");
    let extra = |_, _: &Zone| vec![("participants", participants.clone())];
    let me = mail.organiser_id;
    let what = (MEETING_REQUESTED, None);
    send_meeting_mail(tx, base_url, what, mail, (me, &[me]), extra, now).await
}

/// "Answer to a mentoring meeting" from `sender` to every participant (the one who
/// answered included, their record of it): `answer` for `count` occurrences from the one
/// `mail` describes. The others also get it as a notification.
pub async fn send_answers(
    tx: &mut Tx,
    base_url: &str,
    mail: &MeetingMail<'_>,
    (sender, recipients): (i64, &[i64]),
    (answer, count): (Answer, usize),
    now: DateTime<Utc>,
) -> AppResult<()> {
    let extra = |lang, _: &Zone| {
        vec![
            ("meeting_answer", translate(lang, answer.label_key(), None)),
            (
                "answered_meetings",
                translate_with(lang, "meeting-mail-count", &[("count", count.into())]),
            ),
        ]
    };
    let kind = match answer {
        Answer::Accepted => Some(NotificationKind::MeetingAccepted),
        Answer::Declined => Some(NotificationKind::MeetingDeclined),
        Answer::Maybe => Some(NotificationKind::MeetingMaybe),
        Answer::Pending => None,
    };
    let from = (sender, recipients);
    send_meeting_mail(
        tx,
        base_url,
        (MEETING_ANSWERED, kind),
        mail,
        from,
        extra,
        now,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn mail(frequency: Frequency, occurrences: usize) -> MeetingMail<'static> {
        let start = Utc.with_ymd_and_hms(2026, 12, 9, 15, 0, 0).unwrap();
        MeetingMail {
            program_id: 1,
            relationship_id: 2,
            organiser_id: 3,
            first: Span::new(start, start + chrono::Duration::minutes(30)),
            frequency,
            occurrences,
            meeting_type: MeetingType::Phone,
            location: "+1 416 555 0100",
            agenda: "",
            invite: None,
            answer_links: None,
        }
    }

    fn value(values: &[(&str, String)], name: &str) -> String {
        values.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    #[test]
    fn each_recipient_reads_the_time_on_their_own_clock_and_in_their_language() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let toronto = Zone::parse("America/Toronto").unwrap();
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let weekly = mail(Frequency::Weekly, 4);
        let en = meeting_values(Lang::En, &toronto, &weekly, "Ana Roy", now);
        assert_eq!(
            value(&en, "meeting_time"),
            "Dec 9, 2026, 10:00 AM to 10:30 AM (Eastern Time (Toronto))"
        );
        assert_eq!(value(&en, "meeting_repeats"), "Repeats weekly: 4 meetings");
        assert_eq!(value(&en, "meeting_type"), "Phone");
        assert_eq!(value(&en, "sender_name"), "Ana Roy");
        let fr = meeting_values(Lang::Fr, &kolkata, &weekly, "Ana Roy", now);
        assert_eq!(
            value(&fr, "meeting_time"),
            "9 déc. 2026 à 20 h 30 (fin à 21 h 00) (Heure de l'Inde (Kolkata))"
        );
        assert_eq!(
            value(&fr, "meeting_repeats"),
            "Se répète chaque semaine : 4 réunions"
        );
        let once = meeting_values(Lang::En, &toronto, &mail(Frequency::Once, 1), "Ana", now);
        assert_eq!(value(&once, "meeting_repeats"), "");
    }
}
