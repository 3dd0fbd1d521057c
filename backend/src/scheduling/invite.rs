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
    format!("{SERIES_UID_PREFIX}{series_id}@{}", uid_host(base_url))
}

const SERIES_UID_PREFIX: &str = "meeting-series-";

fn uid_host(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "mentora.invalid".to_string())
}

/// Whether `uid` is one of this platform's events (`series_uid`): a member's own calendar
/// holding the invitations they accepted is not read as busy time on top of the meetings.
pub fn is_own_uid(base_url: &str, uid: &str) -> bool {
    uid.strip_prefix(SERIES_UID_PREFIX)
        .and_then(|rest| rest.split_once('@'))
        .is_some_and(|(id, host)| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && host == uid_host(base_url)
        })
}

/// Booked series read for their calendar events: each series as first booked, its
/// occurrences as they stand with their participants' answers, and the people named.
pub struct LoadedSeries {
    pub series: Vec<CalendarSeriesRow>,
    occurrences: HashMap<i64, Vec<CalendarOccurrence>>,
    persons: HashMap<i64, Person>,
}

impl LoadedSeries {
    /// Reads the series `ids` (a few queries, whatever their number).
    pub async fn read(tx: &mut Tx, ids: &[i64]) -> AppResult<LoadedSeries> {
        let series = calendar_series(tx, ids).await?;
        let rows = calendar_occurrences(tx, ids).await?;
        let meeting_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let answers = answers(tx, &meeting_ids).await?;
        let mut people: Vec<i64> = answers.iter().map(|(_, user, _)| *user).collect();
        people.extend(series.iter().map(|s| s.organiser_id));
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
        let mut by_meeting: HashMap<i64, Vec<(Person, Answer)>> = HashMap::new();
        for (meeting, user, answer) in answers {
            let person = persons.get(&user).cloned().ok_or(AppError::NotFound)?;
            by_meeting
                .entry(meeting)
                .or_default()
                .push((person, answer));
        }
        let mut occurrences: HashMap<i64, Vec<CalendarOccurrence>> = HashMap::new();
        for r in rows {
            occurrences
                .entry(r.calendar_series_id)
                .or_default()
                .push(CalendarOccurrence {
                    id: r.id,
                    rule_start: r.calendar_start_at,
                    span: Span::new(r.starts_at, r.ends_at),
                    state: r.state,
                    attendees: by_meeting.remove(&r.id).unwrap_or_default(),
                });
        }
        Ok(LoadedSeries {
            series,
            occurrences,
            persons,
        })
    }

    /// The occurrences of a series read, in its rule's order.
    pub fn occurrences(&self, series_id: i64) -> &[CalendarOccurrence] {
        self.occurrences
            .get(&series_id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// A series read, as its events describe it in `lang`.
    pub fn described(
        &self,
        series: &CalendarSeriesRow,
        base_url: &str,
        lang: Lang,
    ) -> AppResult<CalendarSeries> {
        let organizer = self
            .persons
            .get(&series.organiser_id)
            .cloned()
            .ok_or(AppError::NotFound)?;
        describe(
            series,
            base_url,
            organizer,
            self.occurrences(series.id),
            lang,
        )
    }
}

/// The calendar object telling `news` about the series `series_id` was booked as.
pub async fn invite(
    tx: &mut Tx,
    base_url: &str,
    series_id: i64,
    news: CalendarNews<'_>,
    now: DateTime<Utc>,
) -> AppResult<Invite> {
    let loaded = LoadedSeries::read(tx, &[series_id]).await?;
    let series = loaded.series.first().ok_or(AppError::NotFound)?;
    let occurrences = loaded.occurrences(series_id);
    let method = match news {
        CalendarNews::Current => Method::Request,
        CalendarNews::Cancelled(_) => Method::Cancel,
    };
    let text_in = |lang: Lang| -> AppResult<String> {
        let described = loaded.described(series, base_url, lang)?;
        let events = match news {
            CalendarNews::Current => described.current(occurrences, CancelledShown::Excluded),
            CalendarNews::Cancelled(ids) => described.cancellation(occurrences, ids),
        };
        Ok(calendar(method, &series.zone, &events, now))
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
) -> AppResult<CalendarSeries> {
    let url = format!("{base_url}{}", relationship_path(series.relationship_id));
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
        &[("url", url.into())],
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
