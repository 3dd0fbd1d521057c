//! The calendar object each meeting e-mail carries: the series the invitation created,
//! read as it stands now, as an iTIP REQUEST (a new or changed meeting) or CANCEL (what
//! was just cancelled), worded in each recipient's language.
use super::admin_repo::contacts;
use super::calendar_repo::{calendar_occurrences, calendar_series, CalendarSeriesRow};
use super::ics::{calendar, Method, Person};
use super::interval::Span;
use super::model::Answer;
use super::repo::{answers, StoredRule};
use super::series_events::{CalendarOccurrence, CalendarSeries, CancelledShown};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::i18n::{translate_with, Lang};
use crate::messaging::service::MailCalendar;
use crate::relationships::model::relationship_path;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// What the e-mail tells the recipient's calendar.
#[derive(Clone, Copy, Debug)]
pub enum CalendarNews<'a> {
    /// The series as it stands (booked, moved).
    Current,
    /// These occurrences (ids) were just cancelled.
    Cancelled(&'a [i64]),
}

/// The calendar object of one change, in both languages.
#[derive(Clone, Debug)]
pub struct Invite {
    method: Method,
    sequence: u32,
    texts: [String; 2],
}

impl Invite {
    /// The event's SEQUENCE in it.
    pub fn sequence(&self) -> u32 {
        self.sequence
    }

    /// The object for a recipient who reads `lang`.
    pub fn for_lang(&self, lang: Lang) -> MailCalendar {
        let text = match lang {
            Lang::En => &self.texts[0],
            Lang::Fr => &self.texts[1],
        };
        MailCalendar {
            method: self.method.as_str(),
            text: text.clone(),
        }
    }
}

/// The UID of the event a series' invitation created: the same in every e-mail and feed
/// of this site.
pub fn series_uid(base_url: &str, series_id: i64) -> String {
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "mentora.invalid".to_string());
    format!("meeting-series-{series_id}@{host}")
}

/// The calendar object telling `news` about the series `series_id` was booked as.
pub async fn invite(
    tx: &mut Tx,
    base_url: &str,
    series_id: i64,
    news: CalendarNews<'_>,
    now: DateTime<Utc>,
) -> AppResult<Invite> {
    let series = calendar_series(tx, series_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = calendar_occurrences(tx, series_id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let answers = answers(tx, &ids).await?;
    let mut people: Vec<i64> = answers.iter().map(|(_, user, _)| *user).collect();
    people.push(series.organiser_id);
    people.sort();
    people.dedup();
    let persons: HashMap<i64, Person> = contacts(tx, &people)
        .await?
        .into_iter()
        .map(|(id, first, last, email)| {
            (
                id,
                Person::new(&crate::fold::person_name(&first, &last), &email),
            )
        })
        .collect();
    let person = |id: i64| persons.get(&id).cloned().ok_or(AppError::NotFound);
    let mut by_meeting: HashMap<i64, Vec<(Person, Answer)>> = HashMap::new();
    for (meeting, user, answer) in answers {
        by_meeting
            .entry(meeting)
            .or_default()
            .push((person(user)?, answer));
    }
    let occurrences: Vec<CalendarOccurrence> = rows
        .into_iter()
        .map(|r| CalendarOccurrence {
            id: r.id,
            rule_start: r.calendar_start_at,
            span: Span::new(r.starts_at, r.ends_at),
            state: r.state,
            attendees: by_meeting.remove(&r.id).unwrap_or_default(),
        })
        .collect();
    let organizer = person(series.organiser_id)?;
    let url = format!("{base_url}{}", relationship_path(series.relationship_id));
    let text_in = |lang: Lang| -> AppResult<String> {
        let described = describe(
            &series,
            base_url,
            organizer.clone(),
            &occurrences,
            lang,
            &url,
        )?;
        let (method, events) = match news {
            CalendarNews::Current => (
                Method::Request,
                described.current(&occurrences, CancelledShown::Excluded),
            ),
            CalendarNews::Cancelled(ids) => {
                (Method::Cancel, described.cancellation(&occurrences, ids))
            }
        };
        Ok(calendar(method, &series.zone, &events, now))
    };
    let method = match news {
        CalendarNews::Current => Method::Request,
        CalendarNews::Cancelled(_) => Method::Cancel,
    };
    Ok(Invite {
        method,
        sequence: series.sequence.max(0) as u32,
        texts: [text_in(Lang::En)?, text_in(Lang::Fr)?],
    })
}

/// The series with its summary ("Mentoring meeting: the participants"), its agenda and
/// the link to its page, in `lang`.
fn describe(
    series: &CalendarSeriesRow,
    base_url: &str,
    organizer: Person,
    occurrences: &[CalendarOccurrence],
    lang: Lang,
    url: &str,
) -> AppResult<CalendarSeries> {
    let stored = StoredRule {
        series_id: series.id,
        first_local: &series.first_local,
        frequency: series.frequency,
        occurrence_count: series.occurrence_count,
        until_day: series.until_day.as_deref(),
    };
    let (first, rule) = stored.read()?;
    let mut names: Vec<&str> = occurrences
        .iter()
        .flat_map(|o| o.attendees.iter().map(|(p, _)| p.name.as_str()))
        .collect();
    names.sort();
    names.dedup();
    let summary = translate_with(
        lang,
        "meeting-calendar-summary",
        &[("names", names.join(", ").into())],
    );
    let mut description = Vec::new();
    if !series.agenda.trim().is_empty() {
        description.push(translate_with(
            lang,
            "meeting-calendar-agenda",
            &[("agenda", series.agenda.trim().to_string().into())],
        ));
    }
    description.push(translate_with(
        lang,
        "meeting-calendar-link",
        &[("url", url.to_string().into())],
    ));
    Ok(CalendarSeries {
        uid: series_uid(base_url, series.id),
        sequence: series.sequence.max(0) as u32,
        zone: series.zone,
        first,
        minutes: series.duration_minutes.max(0) as u32,
        rule,
        organizer,
        summary,
        description: description.join("\n\n"),
        location: series.location.clone(),
    })
}
