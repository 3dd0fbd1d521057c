//! The e-mails about a meeting, worded for each recipient: its time in their zone and
//! language, how it repeats, how and where the pair meets. Queued in the transaction that
//! books the meeting, so a booking that fails sends nothing and one that holds sends once.
use super::interval::Span;
use super::model::{Frequency, MeetingType};
use crate::db::Tx;
use crate::error::AppResult;
use crate::i18n::{translate, translate_with, Lang, LocalDateTime};
use crate::messaging::service::{queue_system_messages, MessageDetails};
use crate::messaging::template::{MEETING_CANCELLED, MEETING_INVITATION, MEETING_RESCHEDULED};
use crate::relationships::invitations::full_name;
use crate::relationships::model::relationship_path;
use crate::zone::Zone;
use chrono::{DateTime, Utc};

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
}

/// "Dec 9, 2026, 10:00 AM to 10:30 AM (Eastern Time (Toronto))" on the recipient's clock.
fn time_text(lang: Lang, zone: &Zone, span: Span, now: DateTime<Utc>) -> String {
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
/// worded in the recipient's language.
pub async fn send_meeting_mail(
    tx: &mut Tx,
    base_url: &str,
    key: &str,
    mail: &MeetingMail<'_>,
    (sender, recipients): (i64, &[i64]),
    extra: impl Fn(Lang, &Zone) -> Vec<(&'static str, String)>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let sender_name = full_name(tx, mail.program_id, sender).await?;
    let url = format!("{base_url}{}", relationship_path(mail.relationship_id));
    let details = |lang, zone: &Zone| {
        let mut values = meeting_values(lang, zone, mail, &sender_name, now);
        values.extend(extra(lang, zone));
        MessageDetails {
            url: Some(url.clone()),
            message: Some(mail.agenda.to_string()),
            values,
            ..Default::default()
        }
    };
    queue_system_messages(tx, base_url, mail.program_id, key, recipients, details).await?;
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
        MEETING_INVITATION,
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
            translate_with(lang, "meeting-mail-cancelled", &[("count", count.into())]),
        )]
    };
    let from = (sender, recipients);
    send_meeting_mail(tx, base_url, MEETING_CANCELLED, mail, from, extra, now).await
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
    send_meeting_mail(tx, base_url, MEETING_RESCHEDULED, mail, from, extra, now).await
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
